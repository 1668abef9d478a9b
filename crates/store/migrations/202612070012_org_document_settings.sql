-- What a Pemda sets for its documents (issue 16): the letterhead's lines, the place before a date, the look of
-- signature blocks and the survey report's signer, as a versioned JSON document (store::org::documents), and the
-- logo printed in the letterhead, checked and cleaned when it was uploaded (PNG or JPEG, at most 1 MiB).
CREATE TABLE document_settings (
    tenant_id TEXT NOT NULL PRIMARY KEY REFERENCES tenant (id),
    doc TEXT NOT NULL,
    -- png | jpeg, or NULL when the Pemda has no logo
    logo_type TEXT,
    logo BYTEA,
    updated_at_ms BIGINT NOT NULL
);
