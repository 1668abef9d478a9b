-- A Pemda's edited copy of a rules file Pantau ships (store::rule_files): the kinds of leaders' decisions
-- (`watch_decisions`) and each year's PEKPPP instrument (`pekppp-2025`), stored whole after its parser accepted it;
-- the audit trail keeps the text before and after. Without a row the shipped file is in force.
CREATE TABLE rule_file (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_by TEXT,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
