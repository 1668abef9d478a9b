-- Unit scorecards: the first-answer deadline an item was given, and the running sums each item adds to its unit's
-- figures (domain::scorecards::facts), per local day and per month, kept in the item's own transaction so that a
-- scorecard reads sums and never the items. `pantau scorecard rebuild` recomputes both tables from the items.
ALTER TABLE complaint ADD COLUMN answer_due_date TEXT;

CREATE TABLE scorecard_day (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    unit_id TEXT NOT NULL,
    -- domain::scorecards::facts::Stream code: pengaduan | surat | berita | disiplin
    stream TEXT NOT NULL,
    -- The unit's local day, YYYY-MM-DD.
    day TEXT NOT NULL,
    -- domain::scorecards::facts::Measure code: received, due, on_time, answer_wd:3, ...
    measure TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, stream, day, measure)
);
CREATE INDEX scorecard_day_by_day ON scorecard_day (tenant_id, day);

-- The same sums per month (YYYY-MM), so that a year reads twelve rows per measure instead of 365.
CREATE TABLE scorecard_month (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    unit_id TEXT NOT NULL,
    stream TEXT NOT NULL,
    month TEXT NOT NULL,
    measure TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, unit_id, stream, month, measure)
);
CREATE INDEX scorecard_month_by_month ON scorecard_month (tenant_id, month);

-- Reopenings and contested closings, counted per unit by the rebuild; only these few events are indexed.
CREATE INDEX complaint_event_reporter_steps ON complaint_event (tenant_id, unit_id, at_ms)
    WHERE action IN ('buka_kembali', 'keberatan');

-- A Pemda's watch-list rules (domain::scorecards::watch), as the TOML text its administrator saved; without a row
-- the shipped rules apply.
CREATE TABLE watch_rules (
    tenant_id TEXT NOT NULL PRIMARY KEY REFERENCES tenant (id),
    body TEXT NOT NULL,
    updated_by TEXT,
    updated_at_ms BIGINT NOT NULL
);

-- The unit a discipline case counts for: its employee's unit when the case was opened.
ALTER TABLE discipline_case ADD COLUMN unit_id TEXT;
UPDATE discipline_case SET unit_id = (
    SELECT e.unit_id FROM employee e WHERE e.tenant_id = discipline_case.tenant_id AND e.id = discipline_case.employee_id
);
