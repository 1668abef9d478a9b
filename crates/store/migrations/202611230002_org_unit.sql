-- Units of a tenant as a tree: Sekretariat Daerah, Inspektorat, Badan, Dinas, Kecamatan, UPT, ...
CREATE TABLE unit (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    -- The code staff use for the unit, unique per tenant; files refer to units and parents by it.
    code TEXT NOT NULL,
    parent_id TEXT,
    -- sekretariat_daerah | sekretariat_dprd | inspektorat | badan | dinas | satpol_pp | kecamatan | kelurahan
    -- | upt | rsud | bagian | lainnya
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    short_name TEXT,
    time_zone TEXT NOT NULL,
    -- 1 when the unit is closed on cuti bersama; 0 for frontline units serving on a roster.
    is_closed_on_cuti_bersama BIGINT NOT NULL,
    is_active BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES unit (tenant_id, id)
);
CREATE UNIQUE INDEX unit_code ON unit (tenant_id, code);
CREATE INDEX unit_parent ON unit (tenant_id, parent_id);

-- Other names of a unit ('DPM-PTSP', 'Dinas PMPTSP'); alias_key is the name folded for matching
-- (lower case, letters and digits only).
CREATE TABLE unit_alias (
    tenant_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, alias_key),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX unit_alias_key ON unit_alias (tenant_id, alias_key);

-- A counter or desk where citizens are served.
CREATE TABLE service_point (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    name TEXT NOT NULL,
    -- Minimum number of staff on duty during service hours.
    min_staff BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);
CREATE INDEX service_point_unit ON service_point (tenant_id, unit_id);

-- Weekly service hours: weekday 1 = Monday ... 7 = Sunday; times 'HH:MM' local to the unit's zone.
CREATE TABLE service_hours (
    tenant_id TEXT NOT NULL,
    service_point_id TEXT NOT NULL,
    weekday BIGINT NOT NULL,
    opens TEXT NOT NULL,
    closes TEXT NOT NULL,
    PRIMARY KEY (tenant_id, service_point_id, weekday),
    FOREIGN KEY (tenant_id, service_point_id) REFERENCES service_point (tenant_id, id) ON DELETE CASCADE
);
