-- One counter per tenant, series and year for every numbered record people quote (ADU-2026-000123,
-- TA-2026-0001, HD-2026-0001), taken in the record's own write transaction: PostgreSQL locks the counter row
-- until the transaction ends, so two records opened at once never get one number. Counting the stored records
-- (as reviews and cases did) let two simultaneous openings take the same number.
CREATE TABLE record_counter (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    -- complaint | news_review | discipline_case
    series TEXT NOT NULL,
    year BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, series, year)
);

INSERT INTO record_counter (tenant_id, series, year, last_seq)
    SELECT tenant_id, 'complaint', year, last_seq FROM complaint_counter;

-- Numbers TA-YYYY-NNNN and HD-YYYY-NNNN: the year is characters 4-7, the sequence from character 9.
INSERT INTO record_counter (tenant_id, series, year, last_seq)
    SELECT tenant_id, 'news_review', CAST(substr(number, 4, 4) AS BIGINT), MAX(CAST(substr(number, 9) AS BIGINT))
    FROM news_review GROUP BY tenant_id, substr(number, 4, 4);

INSERT INTO record_counter (tenant_id, series, year, last_seq)
    SELECT tenant_id, 'discipline_case', CAST(substr(number, 4, 4) AS BIGINT), MAX(CAST(substr(number, 9) AS BIGINT))
    FROM discipline_case GROUP BY tenant_id, substr(number, 4, 4);

DROP TABLE complaint_counter;
