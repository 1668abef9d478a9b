-- Each unit's change counter for the figures cache (store::scorecards::cache): every transaction that moves a
-- unit's sums or survey totals adds one to the unit's row, so a process that keeps a unit's figures in memory knows
-- by reading this small table whether another process (or itself) changed them. The row with an empty unit_id is
-- the tenant's: it moves with every audited change to what the figures are computed from (units, calendar, rules,
-- surveys, indicators) and with a rebuild, and then every unit's kept figures are read again.
CREATE TABLE scorecard_stamp (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    unit_id TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, unit_id)
);
