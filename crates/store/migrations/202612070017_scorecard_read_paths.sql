-- Read paths found by `pantau bench scorecards` (500 units, 24 months, 10 million complaints):
-- `pantau scorecard rebuild` reads a unit's items in pages ordered by id; ids are time-ordered across all units, so
-- without this index every page scanned the primary key past other units' rows for the unit's next 5 000.
CREATE INDEX complaint_unit_pages ON complaint (tenant_id, unit_id, id);
-- What is still open on a day is read from the four deadline measures over all months; by measure first, that is a
-- few rows per unit and month instead of every measure's.
CREATE INDEX scorecard_month_by_measure ON scorecard_month (tenant_id, measure, month);
