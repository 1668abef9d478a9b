-- Civil-servant discipline (PP 94/2021): the employee register, attendance and its yearly totals, case files with
-- their steps, who may open a case beyond the personnel unit and inspectorate, every view of a case, and the
-- tenant's edited copy of the rules file.

CREATE TABLE employee (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    nip TEXT NOT NULL,
    name TEXT NOT NULL,
    -- pns | cpns | pppk | non_asn
    status TEXT NOT NULL,
    grade TEXT,
    position TEXT NOT NULL,
    -- struktural | fungsional | pelaksana
    position_type TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    superior_nip TEXT,
    -- The employee's own account, so they can read their own cases.
    user_id TEXT,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);
CREATE UNIQUE INDEX employee_nip ON employee (tenant_id, nip);
CREATE INDEX employee_unit ON employee (tenant_id, unit_id);
CREATE INDEX employee_user ON employee (tenant_id, user_id);

-- One imported attendance file.
CREATE TABLE attendance_batch (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    year BIGINT NOT NULL,
    source TEXT NOT NULL,
    n_rows BIGINT NOT NULL,
    imported_by TEXT,
    imported_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

-- One employee's day; a later file replaces the status of the same day.
-- status: hadir | izin | sakit | cuti | dinas_luar | tanpa_keterangan
CREATE TABLE attendance_day (
    tenant_id TEXT NOT NULL,
    nip TEXT NOT NULL,
    day TEXT NOT NULL,
    status TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    PRIMARY KEY (tenant_id, nip, day)
);
CREATE INDEX attendance_day_status ON attendance_day (tenant_id, status, day);

-- Unexcused working days per employee and year, with the absence table's proposal (none below the threshold).
CREATE TABLE attendance_total (
    tenant_id TEXT NOT NULL,
    nip TEXT NOT NULL,
    year BIGINT NOT NULL,
    days BIGINT NOT NULL,
    longest_run BIGINT NOT NULL,
    level TEXT,
    sanction TEXT,
    reason TEXT,
    case_id TEXT,
    computed_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, nip, year)
);

-- A case file. breaches is JSON [{code, impact, level}]; the steps are in discipline_step.
-- origin: complaint | news_review | attendance | superior | report
-- state: open | decided | delivered | objected | closed | dropped
CREATE TABLE discipline_case (
    tenant_id TEXT NOT NULL REFERENCES tenant (id),
    id TEXT NOT NULL,
    number TEXT NOT NULL,
    employee_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    origin_ref TEXT,
    level TEXT NOT NULL,
    breaches TEXT NOT NULL,
    facts TEXT NOT NULL,
    evidence TEXT NOT NULL,
    state TEXT NOT NULL,
    sanction TEXT,
    effective_on TEXT,
    ends_on TEXT,
    opened_by TEXT,
    opened_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, employee_id) REFERENCES employee (tenant_id, id)
);
CREATE UNIQUE INDEX discipline_case_number ON discipline_case (tenant_id, number);
CREATE INDEX discipline_case_employee ON discipline_case (tenant_id, employee_id);

-- The steps of a case in order; step is JSON of domain::discipline::Step, details JSON of what the letters print.
CREATE TABLE discipline_step (
    tenant_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    step TEXT NOT NULL,
    details TEXT NOT NULL,
    by_user TEXT,
    at_ms BIGINT NOT NULL,
    PRIMARY KEY (tenant_id, case_id, seq)
);

-- Accounts that may read a case besides the personnel unit and the inspectorate.
-- role: team | official
CREATE TABLE discipline_member (
    tenant_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (tenant_id, case_id, user_id, role)
);
CREATE INDEX discipline_member_user ON discipline_member (tenant_id, user_id);

-- Every opening of a case file or one of its letters.
CREATE TABLE discipline_view (
    tenant_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    what TEXT NOT NULL,
    at_ms BIGINT NOT NULL
);
CREATE INDEX discipline_view_case ON discipline_view (tenant_id, case_id, at_ms);

-- The tenant's edited rules file (data/discipline.toml when absent).
CREATE TABLE discipline_rules (
    tenant_id TEXT NOT NULL PRIMARY KEY REFERENCES tenant (id),
    body TEXT NOT NULL,
    updated_by TEXT,
    updated_at_ms BIGINT NOT NULL
);
