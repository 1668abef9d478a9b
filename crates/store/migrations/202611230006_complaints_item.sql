-- Complaints, aspirations, information requests and incoming letters ("items"), with their history.
CREATE TABLE complaint (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    -- Tracking number shown to the reporter, 'ADU-2026-000042'; unique per tenant.
    number TEXT NOT NULL,
    -- Digest of the tracking secret (domain::complaints::tracking); the secret itself is never stored.
    secret_digest TEXT NOT NULL,
    -- pengaduan | aspirasi | permintaan_informasi | surat_masuk
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    -- web | api | open311 | loket
    channel TEXT NOT NULL,
    -- publik | rahasia | anonim
    confidentiality TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    location_text TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    -- Identity: always NULL for anonymous items, and so is reporter_ip.
    reporter_name TEXT,
    reporter_contact TEXT,
    reporter_ip TEXT,
    letter_sender TEXT,
    letter_number TEXT,
    letter_date TEXT,
    -- The unit handling the item, the unit the reporter named, and the one Pantau suggested from the text.
    unit_id TEXT,
    reported_unit_id TEXT,
    suggested_unit_id TEXT,
    suggestion_words TEXT,
    -- domain::complaints::State code.
    state TEXT NOT NULL,
    tier TEXT,
    outcome TEXT,
    outcome_note TEXT,
    duplicate_of TEXT,
    split_from TEXT,
    -- The running deadline: its kind, its last working day (local to the handling unit) and its end instant.
    deadline_kind TEXT,
    due_date TEXT,
    deadline_at_ms BIGINT,
    escalation_level BIGINT NOT NULL,
    missed_deadlines BIGINT NOT NULL,
    rating BIGINT,
    n_reopened BIGINT NOT NULL,
    -- Same text and contact within a day: flagged for an administrator, never dropped.
    dedup_key TEXT NOT NULL,
    possible_duplicate_of TEXT,
    registered_by TEXT,
    -- 1 while a reporter's request to correct or remove personal data waits for an administrator.
    correction_requested BIGINT NOT NULL,
    received_at_ms BIGINT NOT NULL,
    verified_at_ms BIGINT,
    first_answer_at_ms BIGINT,
    closed_at_ms BIGINT,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX complaint_number ON complaint (tenant_id, number);
CREATE INDEX complaint_queue ON complaint (tenant_id, state, deadline_at_ms);
CREATE INDEX complaint_unit ON complaint (tenant_id, unit_id, state);
CREATE INDEX complaint_received ON complaint (tenant_id, received_at_ms);
CREATE INDEX complaint_dedup ON complaint (tenant_id, dedup_key, received_at_ms);
CREATE INDEX complaint_overdue ON complaint (deadline_at_ms);

-- Every step of an item. visibility: publik (reporter and public list), pelapor (reporter only), internal (staff).
CREATE TABLE complaint_event (
    tenant_id TEXT NOT NULL,
    complaint_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
    -- domain::complaints::Party code and, for staff, the user.
    party TEXT NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    state_after TEXT NOT NULL,
    unit_id TEXT,
    body TEXT,
    visibility TEXT NOT NULL,
    deadline_kind TEXT,
    due_date TEXT,
    PRIMARY KEY (tenant_id, complaint_id, seq),
    FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaint (tenant_id, id)
);

-- Files attached to an item or to one of its events. Photos are stored without their metadata.
CREATE TABLE complaint_attachment (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    complaint_id TEXT NOT NULL,
    event_seq BIGINT,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA,
    -- 1 when removed on the reporter's request; content is then NULL.
    is_redacted BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, complaint_id) REFERENCES complaint (tenant_id, id)
);
CREATE INDEX complaint_attachment_item ON complaint_attachment (tenant_id, complaint_id);

-- The last tracking sequence number per tenant and year.
CREATE TABLE complaint_counter (
    tenant_id TEXT NOT NULL,
    year BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, year)
);

-- Per-tenant follow-up tiers, working days (domain::complaints::Tiers).
CREATE TABLE complaint_settings (
    tenant_id TEXT NOT NULL PRIMARY KEY REFERENCES tenant (id),
    tier_simple BIGINT NOT NULL,
    tier_no_field_check BIGINT NOT NULL,
    tier_field_check BIGINT NOT NULL,
    -- Where signed JSON notifications go (a WhatsApp/SMS gateway), and the HMAC key that signs them.
    webhook_url TEXT,
    webhook_secret TEXT,
    updated_at_ms BIGINT NOT NULL
);

-- The Ed25519 key that signs a tenant's receipts; the public half is published.
CREATE TABLE receipt_key (
    tenant_id TEXT NOT NULL PRIMARY KEY REFERENCES tenant (id),
    secret_key TEXT NOT NULL,
    public_key TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL
);

-- Open311 API keys; key_digest is SHA-256 of the key, which is shown once.
CREATE TABLE open311_key (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    key_digest TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    revoked_at_ms BIGINT,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX open311_key_digest ON open311_key (key_digest);

-- Outgoing notifications (e-mail, webhook), written in the same transaction as the step they announce and sent
-- by the background job with retries. status: pending | sent | failed.
CREATE TABLE delivery (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    complaint_id TEXT,
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts BIGINT NOT NULL,
    next_attempt_at_ms BIGINT NOT NULL,
    last_error TEXT,
    created_at_ms BIGINT NOT NULL,
    sent_at_ms BIGINT,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX delivery_due ON delivery (status, next_attempt_at_ms);
