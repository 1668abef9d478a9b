-- A unit's own performance indicators (issue 17): defined by the unit's head, with a target and a realisation per
-- month (domain::scorecards::indicators reads a period from its months). Indicators are retired, never deleted, so
-- that past scorecards keep them; every change is in the audit trail.
CREATE TABLE unit_indicator (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    -- Short code the unit uses in its import files (pkb, izin-hari).
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    -- The unit of measure as written (rupiah, dokumen, hari, %).
    measure_unit TEXT NOT NULL,
    -- domain::scorecards::indicators::Polarity code: naik | turun
    polarity TEXT NOT NULL,
    -- domain::scorecards::indicators::Aggregation code: jumlah | rata_rata | terakhir
    aggregation TEXT NOT NULL,
    created_by TEXT,
    created_at_ms BIGINT NOT NULL,
    retired_at_ms BIGINT,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);
CREATE UNIQUE INDEX unit_indicator_code ON unit_indicator (tenant_id, unit_id, code);

CREATE TABLE unit_indicator_month (
    tenant_id TEXT NOT NULL,
    indicator_id TEXT NOT NULL,
    -- YYYY-MM
    month TEXT NOT NULL,
    target DOUBLE PRECISION,
    actual DOUBLE PRECISION,
    updated_by TEXT,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, indicator_id, month),
    FOREIGN KEY (tenant_id, indicator_id) REFERENCES unit_indicator (tenant_id, id)
);
CREATE INDEX unit_indicator_month_by_month ON unit_indicator_month (tenant_id, month);
