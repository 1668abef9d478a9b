-- A unit's PEKPPP self-assessment (F-01) for an evaluation year (issue 17): the variant it is evaluated as (luring A
-- or daring B), the level its head enters for each indicator Pantau does not measure, with a note, and the evidence
-- files attached per indicator (checked and cleaned as complaint attachments are). Levels of the indicators Pantau
-- measures are computed, never stored here. Every change is in the audit trail.
CREATE TABLE pekppp_assessment (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    unit_id TEXT NOT NULL,
    year BIGINT NOT NULL,
    variant TEXT NOT NULL,
    updated_by TEXT,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, year),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);

CREATE TABLE pekppp_answer (
    tenant_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    year BIGINT NOT NULL,
    indicator_code TEXT NOT NULL,
    -- 0–5, or NULL when the head has not scored it yet.
    level BIGINT,
    note TEXT NOT NULL,
    updated_by TEXT,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, year, indicator_code),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);

CREATE TABLE pekppp_evidence (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    year BIGINT NOT NULL,
    indicator_code TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    created_by TEXT,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);
CREATE INDEX pekppp_evidence_unit ON pekppp_evidence (tenant_id, unit_id, year, indicator_code);
