//! Roles, their permissions, and the unit scope in which they apply.

use crate::ids::UnitId;
use crate::org::UnitTree;

/// A staff role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Front-desk or unit operator.
    Operator,
    /// Head of a unit (*kepala unit*).
    UnitHead,
    /// Auditor of the Inspektorat.
    Inspector,
    /// Personnel officer of the BKPSDM/BKD.
    PersonnelOfficer,
    /// Sekda, Bupati, Wali Kota, Gubernur: reads everything.
    Leader,
    /// Administrator of the Pantau installation for this Pemda.
    Administrator,
}

impl Role {
    /// Every role, from least to most powerful.
    pub const ALL: [Role; 6] =
        [Role::Operator, Role::UnitHead, Role::Inspector, Role::PersonnelOfficer, Role::Leader, Role::Administrator];

    /// Stable text code.
    pub fn code(self) -> &'static str {
        match self {
            Role::Operator => "operator",
            Role::UnitHead => "unit_head",
            Role::Inspector => "inspector",
            Role::PersonnelOfficer => "personnel_officer",
            Role::Leader => "leader",
            Role::Administrator => "administrator",
        }
    }

    /// Parses a code written by [`Role::code`].
    pub fn parse(code: &str) -> Option<Role> {
        let code = code.trim().to_lowercase();
        Role::ALL.into_iter().find(|it| it.code() == code)
    }

    /// Whether the role always spans the whole tenant, whatever unit it was granted on.
    // Choice: a leader (Sekda, kepala daerah) reads every unit of the Pemda; the issue says "read everything".
    pub fn is_tenant_wide(self) -> bool {
        matches!(self, Role::Leader)
    }

    /// The permissions the role carries, within its scope.
    pub fn permissions(self) -> &'static [Permission] {
        match self {
            Role::Operator => OPERATOR,
            Role::UnitHead => UNIT_HEAD,
            Role::Inspector => INSPECTOR,
            Role::PersonnelOfficer => PERSONNEL_OFFICER,
            Role::Leader => LEADER,
            Role::Administrator => ADMINISTRATOR,
        }
    }
}

/// What an operator may do (the scope is the grant's).
const OPERATOR: &[Permission] = &[
    Permission::ViewUnits,
    Permission::ViewCalendar,
    Permission::ViewComplaints,
    Permission::HandleComplaints,
    Permission::RegisterComplaints,
    Permission::ViewSurveys,
    Permission::CollectSurveys,
];

/// What a unit head may do (the scope is the grant's).
const UNIT_HEAD: &[Permission] = &[
    Permission::ViewUnits,
    Permission::ViewCalendar,
    Permission::ViewUsers,
    Permission::ManageServicePoints,
    Permission::ViewComplaints,
    Permission::HandleComplaints,
    Permission::RegisterComplaints,
    Permission::ViewSurveys,
    Permission::CollectSurveys,
    Permission::ManageSurveys,
    Permission::ViewNews,
    Permission::ViewEmployees,
    Permission::ViewScorecards,
    Permission::AnswerWatchDecisions,
    Permission::ManageUnitIndicators,
];

/// What an inspector may do (the scope is the grant's).
const INSPECTOR: &[Permission] = &[
    Permission::ViewUnits,
    Permission::ViewCalendar,
    Permission::ViewUsers,
    Permission::ViewAudit,
    Permission::ViewComplaints,
    Permission::ViewSurveys,
    Permission::ViewNews,
    Permission::ManageNews,
    Permission::ReviewNews,
    Permission::ViewEmployees,
    Permission::HandleDiscipline,
    Permission::ViewScorecards,
];

/// What a personnel officer may do (the scope is the grant's).
const PERSONNEL_OFFICER: &[Permission] = &[
    Permission::ViewUnits,
    Permission::ViewCalendar,
    Permission::ViewUsers,
    Permission::ViewNews,
    Permission::ViewEmployees,
    Permission::ManageEmployees,
    Permission::HandleDiscipline,
    Permission::ViewScorecards,
];

/// What a leader may do (the scope is the grant's).
const LEADER: &[Permission] = &[
    Permission::ViewUnits,
    Permission::ViewCalendar,
    Permission::ViewUsers,
    Permission::ViewAudit,
    Permission::ViewComplaints,
    Permission::ViewSurveys,
    Permission::ViewNews,
    Permission::ReviewNews,
    Permission::ViewEmployees,
    Permission::ViewScorecards,
    Permission::DecideOnWatchList,
];

/// What an administrator may do: everything about the installation, but no case file.
const ADMINISTRATOR: &[Permission] = &[
    Permission::ManageDisciplineRules,
    Permission::ViewScorecards,
    Permission::ManageWatchRules,
    Permission::ViewNews,
    Permission::ManageNews,
    Permission::ReviewNews,
    Permission::ViewSurveys,
    Permission::CollectSurveys,
    Permission::ManageSurveys,
    Permission::ViewComplaints,
    Permission::RegisterComplaints,
    Permission::ManageComplaints,
    Permission::ViewUnits,
    Permission::ViewCalendar,
    Permission::ViewUsers,
    Permission::ViewAudit,
    Permission::ManageUnits,
    Permission::ManageServicePoints,
    Permission::ManageUsers,
    Permission::ManageCalendar,
    Permission::ManageTenant,
];

/// Something a user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See units and their service points.
    ViewUnits,
    /// See the working-day calendar.
    ViewCalendar,
    /// See staff accounts.
    ViewUsers,
    /// Read the audit trail.
    ViewAudit,
    /// Create, edit, move, import units.
    ManageUnits,
    /// Edit service points and their hours.
    ManageServicePoints,
    /// Create and edit accounts and their roles.
    ManageUsers,
    /// Add or remove regional holidays and adjust national dates.
    ManageCalendar,
    /// Edit the tenant's own settings.
    ManageTenant,
    /// See complaints and letters of the units in scope (never a confidential reporter's identity).
    ViewComplaints,
    /// Answer and follow up complaints as the handling unit.
    HandleComplaints,
    /// Register walk-in complaints and incoming letters at a front desk.
    RegisterComplaints,
    /// Complaint administrator: verify, distribute, close, merge, split, redact; sees confidential identities.
    ManageComplaints,
    /// See survey reports with the respondents' suggestions and the flagged responses.
    ViewSurveys,
    /// Run a kiosk and type in paper questionnaires.
    CollectSurveys,
    /// Define services, open and close surveys, review flagged responses, record follow-up plans.
    ManageSurveys,
    /// Read the news inbox (a unit head: articles naming the units in scope).
    ViewNews,
    /// Import and paste articles, manage feeds, map agency names to units.
    ManageNews,
    /// Open and close preliminary reviews (telaah awal) of articles.
    ReviewNews,
    /// Read the employee register of the units in scope.
    ViewEmployees,
    /// Import the employee register and attendance files.
    ManageEmployees,
    /// Open discipline cases about employees of the units in scope, walk them, read them (personnel unit and
    /// inspectorate); others read a case only as its team, its official or its employee.
    HandleDiscipline,
    /// Edit the discipline rules file (catalogue, sanctions, absence table, deadlines, authority matrix).
    ManageDisciplineRules,
    /// Read the scorecards of the units in scope and the watch list of those units.
    ViewScorecards,
    /// Edit the watch-list rules of the Pemda.
    ManageWatchRules,
    /// Record a decision about a unit on the watch list (a leader, for the whole Pemda).
    DecideOnWatchList,
    /// Answer a leader's decision about a unit in scope with the unit's plan.
    AnswerWatchDecisions,
    /// Define a unit's own indicators and enter or import their monthly targets and realisations (a unit head, in
    /// scope).
    ManageUnitIndicators,
}

impl Permission {
    /// Whether the permission is about the tenant as a whole, so only a tenant-wide grant carries it.
    pub fn is_tenant_level(self) -> bool {
        matches!(
            self,
            Permission::ManageCalendar
                | Permission::ManageTenant
                | Permission::ViewAudit
                | Permission::ManageComplaints
                | Permission::ManageNews
                | Permission::ReviewNews
                | Permission::ManageEmployees
                | Permission::ManageDisciplineRules
                | Permission::ManageWatchRules
                | Permission::DecideOnWatchList
        )
    }
}

/// Where a grant applies.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every unit of the tenant.
    Tenant,
    /// This unit and its subtree.
    Unit(UnitId),
}

/// A role granted to a user within a scope.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Grant {
    /// The role.
    pub role: Role,
    /// Its scope.
    pub scope: Scope,
}

/// What one user may do, decided from their grants and the unit tree.
#[derive(Clone, Debug)]
pub struct Access {
    grants: Vec<Grant>,
}

impl Access {
    /// The access of a user with these grants.
    pub fn new(grants: Vec<Grant>) -> Access {
        Access { grants }
    }

    /// The user's grants.
    pub fn grants(&self) -> &[Grant] {
        &self.grants
    }

    /// Whether any grant carries the permission, anywhere.
    pub fn has(&self, permission: Permission) -> bool {
        self.grants.iter().any(|grant| self.grant_carries(grant, permission))
    }

    /// Whether the user may act on the whole tenant (tenant settings, calendar, audit trail, top-level units).
    pub fn can_tenant(&self, permission: Permission) -> bool {
        self.grants
            .iter()
            .any(|grant| self.grant_carries(grant, permission) && self.effective_scope(grant) == &Scope::Tenant)
    }

    /// Whether the user may act on this unit.
    pub fn can_unit(&self, permission: Permission, unit: &UnitId, tree: &UnitTree) -> bool {
        self.grants.iter().any(|grant| {
            self.grant_carries(grant, permission)
                && match self.effective_scope(grant) {
                    Scope::Tenant => true,
                    Scope::Unit(root) => tree.is_within(unit, root),
                }
        })
    }

    /// The roots of the subtrees in which the permission applies, or `None` when it applies tenant-wide.
    pub fn unit_roots(&self, permission: Permission) -> Option<Vec<UnitId>> {
        let mut roots = Vec::new();
        for grant in self.grants.iter().filter(|it| self.grant_carries(it, permission)) {
            match self.effective_scope(grant) {
                Scope::Tenant => return None,
                Scope::Unit(root) => roots.push(root.clone()),
            }
        }
        Some(roots)
    }

    /// The units in which the permission applies, each root with its whole subtree, sorted and without repeats;
    /// `None` when it applies to the whole tenant. An empty list means nowhere.
    pub fn visible_units(&self, permission: Permission, tree: &UnitTree) -> Option<Vec<UnitId>> {
        self.unit_roots(permission).map(|roots| {
            let mut all: Vec<UnitId> = roots.iter().flat_map(|root| tree.subtree(root)).collect();
            all.sort();
            all.dedup();
            all
        })
    }

    /// The highest role held, for the greeting and the navigation.
    pub fn top_role(&self) -> Option<Role> {
        self.grants.iter().map(|it| it.role).max()
    }

    fn grant_carries(&self, grant: &Grant, permission: Permission) -> bool {
        let carries = grant.role.permissions().contains(&permission);
        let scoped_ok = !permission.is_tenant_level() || self.effective_scope(grant) == &Scope::Tenant;
        carries && scoped_ok
    }

    fn effective_scope<'a>(&self, grant: &'a Grant) -> &'a Scope {
        if grant.role.is_tenant_wide() { &Scope::Tenant } else { &grant.scope }
    }
}
