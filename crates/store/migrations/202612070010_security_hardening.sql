-- Secrets of a tenant that never leave the server, one per purpose, created on first use by the application
-- (store::secrets). purpose: personal-digest (keyed digests of personal data in the audit trail, login throttles).
CREATE TABLE tenant_secret (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    purpose TEXT NOT NULL,
    -- 32 random bytes, hex.
    secret TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, purpose)
);

-- Failed logins per account name and client address (an IPv6 address by its /64), so that a guesser locks only
-- themselves out, never the account's owner at another address. address_key is a keyed digest of the address.
-- Unknown names are counted too, so every refusal does the same work.
CREATE TABLE login_throttle (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    username TEXT NOT NULL,
    address_key TEXT NOT NULL,
    failures BIGINT NOT NULL,
    locked_until_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, username, address_key)
);
CREATE INDEX login_throttle_updated ON login_throttle (updated_at_ms);

-- Requests per minute an Open311 client may send with its key (an integrator relays many citizens).
ALTER TABLE open311_key ADD COLUMN rate_per_minute BIGINT NOT NULL DEFAULT 600;
