-- Public satisfaction surveys (SKM): services, surveys per service and period, responses, and the running totals
-- the report pages read (they never scan responses).

-- A service (jenis layanan) a unit offers; each is surveyed on its own.
CREATE TABLE survey_service (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Service users per year as the unit declares them, for the Krejcie-Morgan minimum; NULL when not declared.
    population BIGINT,
    active BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX survey_service_name ON survey_service (tenant_id, unit_id, name);

-- One survey: a service in a period (domain::surveys::Period code, '2026-T4', '2026-S2', '2026').
CREATE TABLE survey (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    -- The service's unit, copied so unit and leader reports need no join.
    unit_id TEXT NOT NULL,
    period TEXT NOT NULL,
    period_kind TEXT NOT NULL,
    -- Short-link code of the phone form, /s/CODE; unique per tenant.
    code TEXT NOT NULL,
    -- open | closed
    state TEXT NOT NULL,
    -- Elements marked not applicable, JSON {"u5": "reason"}.
    not_applicable TEXT NOT NULL,
    -- Service users in the period, for the Krejcie-Morgan minimum; NULL when not declared.
    population BIGINT,
    -- Responses in the index, and responses held for review.
    respondents BIGINT NOT NULL,
    held BIGINT NOT NULL,
    created_by TEXT,
    created_at_ms BIGINT NOT NULL,
    closed_at_ms BIGINT,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX survey_service_period ON survey (tenant_id, service_id, period);
CREATE UNIQUE INDEX survey_code ON survey (tenant_id, code);
CREATE INDEX survey_unit_period ON survey (tenant_id, unit_id, period);
CREATE INDEX survey_period ON survey (tenant_id, period);

-- Responses. No name, contact or address: the network address and the device are kept only as salted digests,
-- for the abuse rules.
CREATE TABLE survey_response (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    survey_id TEXT NOT NULL,
    submitted_at_ms BIGINT NOT NULL,
    -- web | kiosk | kertas
    channel TEXT NOT NULL,
    kiosk_id TEXT,
    u1 BIGINT, u2 BIGINT, u3 BIGINT, u4 BIGINT, u5 BIGINT, u6 BIGINT, u7 BIGINT, u8 BIGINT, u9 BIGINT,
    sex TEXT,
    age TEXT,
    education TEXT,
    occupation TEXT,
    time_slot TEXT,
    suggestion TEXT,
    address_digest TEXT,
    -- The paper form's own respondent id, and the import it came in.
    respondent_ref TEXT,
    import_id TEXT,
    -- 1 when in the totals; 0 while held for review (hold = 'burst') or after staff set it aside (hold = 'ditolak').
    counted BIGINT NOT NULL,
    hold TEXT,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX survey_response_survey ON survey_response (tenant_id, survey_id, submitted_at_ms);
CREATE INDEX survey_response_address ON survey_response (tenant_id, survey_id, address_digest, submitted_at_ms);

-- One answer per device per service per day outside kiosk mode.
CREATE TABLE survey_device_day (
    tenant_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    day TEXT NOT NULL,
    device_digest TEXT NOT NULL,
    PRIMARY KEY (tenant_id, service_id, day, device_digest)
);

-- Running totals per survey and element: how many answered 1, 2, 3 and 4.
CREATE TABLE survey_tally (
    tenant_id TEXT NOT NULL,
    survey_id TEXT NOT NULL,
    element BIGINT NOT NULL,
    n1 BIGINT NOT NULL,
    n2 BIGINT NOT NULL,
    n3 BIGINT NOT NULL,
    n4 BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, survey_id, element)
);

-- Running counts per survey of each profile answer (field 'channel' counts web, kiosk and paper responses).
CREATE TABLE survey_profile_count (
    tenant_id TEXT NOT NULL,
    survey_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, survey_id, field, value)
);

-- Tablets at a counter answering for any open survey of their unit.
CREATE TABLE survey_kiosk (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    label TEXT NOT NULL,
    token_digest TEXT NOT NULL,
    created_by TEXT,
    created_at_ms BIGINT NOT NULL,
    last_response_at_ms BIGINT,
    revoked_at_ms BIGINT,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX survey_kiosk_token ON survey_kiosk (tenant_id, token_digest);

-- Follow-up plans (rencana tindak lanjut) of a unit for a period, mostly for its weakest elements.
CREATE TABLE survey_followup (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    period TEXT NOT NULL,
    element TEXT NOT NULL,
    action TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_on TEXT NOT NULL,
    -- rencana | berjalan | selesai
    status TEXT NOT NULL,
    note TEXT,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX survey_followup_unit ON survey_followup (tenant_id, unit_id, period);
