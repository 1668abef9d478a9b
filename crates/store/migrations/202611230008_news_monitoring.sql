-- News monitoring: articles read from files, feeds and the paste form, with what was extracted from them.

-- RSS/Atom feeds polled on a schedule.
CREATE TABLE news_feed (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    every_minutes BIGINT NOT NULL,
    is_active BIGINT NOT NULL,
    next_poll_at_ms BIGINT NOT NULL,
    last_polled_at_ms BIGINT,
    -- ok | error; last_error says what went wrong.
    last_status TEXT,
    last_error TEXT,
    last_new BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX news_feed_url ON news_feed (tenant_id, url);
CREATE INDEX news_feed_due ON news_feed (is_active, next_poll_at_ms);

-- An article: its cleaned text and the facts found in it (facts is JSON: spans, agencies with links, people).
-- content_hash is the SHA-256 of the folded cleaned text, so the same article imported twice is one row.
-- group_id is the id of the first article of its near-duplicate group (the same event from other outlets).
CREATE TABLE news_article (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    url TEXT,
    -- file name, feed title or 'formulir'
    source TEXT NOT NULL,
    -- file | feed | form | api
    origin TEXT NOT NULL,
    title TEXT,
    body TEXT NOT NULL,
    relevant BIGINT NOT NULL,
    is_negative BIGINT NOT NULL,
    has_unlinked BIGINT NOT NULL,
    published_date TEXT,
    province_code TEXT,
    city_code TEXT,
    categories TEXT NOT NULL,
    facts TEXT NOT NULL,
    signature BYTEA NOT NULL,
    group_id TEXT NOT NULL,
    imported_by TEXT,
    imported_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX news_article_hash ON news_article (tenant_id, content_hash);
CREATE INDEX news_article_url ON news_article (tenant_id, url);
CREATE INDEX news_article_date ON news_article (tenant_id, published_date);
CREATE INDEX news_article_group ON news_article (tenant_id, group_id);
CREATE INDEX news_article_updated ON news_article (tenant_id, updated_at_ms);

-- Units an article names (linked through the register and its aliases).
CREATE TABLE news_article_unit (
    tenant_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    PRIMARY KEY (tenant_id, article_id, unit_id),
    FOREIGN KEY (tenant_id, article_id) REFERENCES news_article (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX news_article_unit_unit ON news_article_unit (tenant_id, unit_id);

CREATE TABLE news_article_category (
    tenant_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (tenant_id, article_id, category),
    FOREIGN KEY (tenant_id, article_id) REFERENCES news_article (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX news_article_category_category ON news_article_category (tenant_id, category);

-- Locality-sensitive-hashing bands of each article's MinHash signature: articles sharing a band are candidates
-- for the same event.
CREATE TABLE news_band (
    tenant_id TEXT NOT NULL,
    band BIGINT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (tenant_id, band, article_id)
);

-- Preliminary reviews (telaah awal) opened from an article and assigned to the inspectorate; a discipline case
-- cites one by its number. status: dibuka | selesai.
CREATE TABLE news_review (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    number TEXT NOT NULL,
    article_id TEXT NOT NULL,
    unit_id TEXT,
    assignee_unit_id TEXT,
    summary TEXT NOT NULL,
    status TEXT NOT NULL,
    conclusion TEXT,
    opened_by TEXT,
    opened_at_ms BIGINT NOT NULL,
    closed_at_ms BIGINT,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, article_id) REFERENCES news_article (tenant_id, id)
);
CREATE UNIQUE INDEX news_review_number ON news_review (tenant_id, number);
CREATE INDEX news_review_article ON news_review (tenant_id, article_id);

-- Notices for staff inside Pantau (a negative article about their unit), read or not.
CREATE TABLE staff_notice (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at_ms BIGINT NOT NULL,
    read_at_ms BIGINT,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX staff_notice_user ON staff_notice (tenant_id, user_id, read_at_ms);
