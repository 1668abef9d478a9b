-- The append-only, hash-chained audit trail, one chain per tenant (see domain::audit for the hash).
-- No statement of Pantau updates or deletes these rows.
CREATE TABLE audit_log (
    tenant_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
    -- 'user:<id>' or 'system:<command>'
    actor TEXT NOT NULL,
    -- Dotted action code such as 'unit.update'.
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    -- Canonical JSON of the record before and after the change (secrets left out).
    before_doc TEXT,
    after_doc TEXT,
    before_digest TEXT NOT NULL,
    after_digest TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_entity ON audit_log (tenant_id, entity_type, entity_id);

-- The last appended entry of each chain, so that deleting the newest rows is noticed too.
CREATE TABLE audit_head (
    tenant_id TEXT NOT NULL PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
