-- Staff accounts. Citizens have none.
CREATE TABLE user_account (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    -- Lower case, unique per tenant.
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    email TEXT,
    -- Argon2id PHC string.
    password_hash TEXT NOT NULL,
    is_active BIGINT NOT NULL,
    -- Consecutive failed logins, and the instant until which the account is locked (epoch ms, 0 = not locked).
    failed_logins BIGINT NOT NULL,
    locked_until_ms BIGINT NOT NULL,
    last_login_at_ms BIGINT,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX user_account_username ON user_account (tenant_id, username);

-- A role granted to a user, on the whole tenant (unit_id NULL) or on a unit and its subtree.
-- role: operator | unit_head | inspector | personnel_officer | leader | administrator
CREATE TABLE role_grant (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    role TEXT NOT NULL,
    unit_id TEXT,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES user_account (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);
CREATE INDEX role_grant_user ON role_grant (tenant_id, user_id);

-- Login sessions. id is the SHA-256 (hex) of the cookie token, so a copy of this table cannot be replayed.
CREATE TABLE login_session (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    -- Token that forms of this session must echo (cross-site request protection).
    csrf_token TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    last_seen_at_ms BIGINT NOT NULL,
    expires_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES user_account (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX login_session_user ON login_session (tenant_id, user_id);
