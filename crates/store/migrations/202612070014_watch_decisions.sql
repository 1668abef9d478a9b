-- What leaders decide about units on the watch list (issue 17), numbered KP-YYYY-NNNN in the record_counter series
-- 'watch_decision': the kind and its note, the rules that had fired, the owner who answers, the working-day
-- deadline of the unit's plan, the plan once given, the preliminary review an examination request opened, and when
-- an unanswered decision was escalated to the leader. Rows are never deleted; every change is in the audit trail.
CREATE TABLE watch_decision (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    number TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    -- The scorecard period looked at (2026-T4) and the rule codes that fired then, space-separated.
    period TEXT NOT NULL,
    reasons TEXT NOT NULL,
    -- domain::scorecards::decisions kind code.
    kind TEXT NOT NULL,
    note TEXT NOT NULL,
    -- The account that answers for the unit (a head of the unit), when one was named.
    owner_id TEXT,
    decided_on TEXT NOT NULL,
    due_on TEXT,
    decided_by TEXT NOT NULL,
    -- The office printed under the leader's name on a letter ("Sekretaris Daerah").
    signer_office TEXT,
    decided_at_ms BIGINT NOT NULL,
    plan TEXT,
    answered_by TEXT,
    answered_at_ms BIGINT,
    review_id TEXT,
    escalated_at_ms BIGINT,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);
CREATE UNIQUE INDEX watch_decision_number ON watch_decision (tenant_id, number);
CREATE INDEX watch_decision_unit ON watch_decision (tenant_id, unit_id, decided_at_ms);
CREATE INDEX watch_decision_waiting ON watch_decision (tenant_id, due_on) WHERE answered_at_ms IS NULL;

-- A unit's stays on the watch list of the running quarter: when the rules first fired, which, and when they stopped
-- firing. Kept by the minute job from the same evaluation the pages show, so the history outlives the list.
CREATE TABLE watch_episode (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    unit_id TEXT NOT NULL,
    entered_at_ms BIGINT NOT NULL,
    period TEXT NOT NULL,
    reasons TEXT NOT NULL,
    left_at_ms BIGINT,
    PRIMARY KEY (tenant_id, unit_id, entered_at_ms),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);
CREATE INDEX watch_episode_open ON watch_episode (tenant_id, left_at_ms);

-- A preliminary review may now start from a leader's request to examine a unit instead of an article, so its
-- article is optional. Portable rebuild: SQLite cannot drop NOT NULL in place; nothing references news_review.
CREATE TABLE news_review_v2 (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    number TEXT NOT NULL,
    article_id TEXT,
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
INSERT INTO news_review_v2 (tenant_id, id, number, article_id, unit_id, assignee_unit_id, summary, status, conclusion,
        opened_by, opened_at_ms, closed_at_ms)
    SELECT tenant_id, id, number, article_id, unit_id, assignee_unit_id, summary, status, conclusion, opened_by,
        opened_at_ms, closed_at_ms FROM news_review;
DROP TABLE news_review;
ALTER TABLE news_review_v2 RENAME TO news_review;
CREATE UNIQUE INDEX news_review_number ON news_review (tenant_id, number);
CREATE INDEX news_review_article ON news_review (tenant_id, article_id);

-- The weekly digest to leaders and unit heads: who switched it off, and which ISO week each person was sent, so that
-- a restart or a second server never sends a week twice (the insert claims the week).
CREATE TABLE digest_optout (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    user_id TEXT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, user_id)
);
CREATE TABLE digest_sent (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    user_id TEXT NOT NULL,
    -- ISO week, 2026-W50.
    week TEXT NOT NULL,
    sent_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, user_id, week)
);
