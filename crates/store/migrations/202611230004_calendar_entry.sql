-- A tenant's changes to the shipped national calendar: regional holidays, national holidays decreed after the
-- release, and removals of shipped dates that were moved.
CREATE TABLE calendar_entry (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    -- 'YYYY-MM-DD'
    holiday_date TEXT NOT NULL,
    -- libur_nasional | cuti_bersama | libur_daerah
    kind TEXT NOT NULL,
    -- 1 = this shipped date of this kind is NOT a holiday for the tenant; 0 = an added holiday.
    is_removal BIGINT NOT NULL,
    name TEXT NOT NULL,
    -- The legal basis (Perda, Perkada, Keppres, SKB) as written by the administrator.
    legal_basis TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX calendar_entry_date ON calendar_entry (tenant_id, holiday_date, kind, is_removal);
