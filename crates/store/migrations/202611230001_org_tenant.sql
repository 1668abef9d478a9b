-- A Pemda installed in Pantau. Its id is chosen at creation (a slug such as 'kota-tangsel') and never changes,
-- because it leads every key of every table.
CREATE TABLE tenant (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    -- provinsi | kabupaten | kota
    level TEXT NOT NULL,
    -- Kemendagri region code, digits only ('3674').
    region_code TEXT NOT NULL,
    -- IANA zone: Asia/Jakarta | Asia/Makassar | Asia/Jayapura
    time_zone TEXT NOT NULL,
    -- Host name that selects this tenant, for installations that serve several Pemda; NULL for none.
    host TEXT,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX tenant_host ON tenant (host);
