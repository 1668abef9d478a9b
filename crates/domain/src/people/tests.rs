//! Tests of the role matrix, unit scopes, credential rules and lock-out.

use crate::ids::UnitId;
use crate::org::{UnitNode, UnitTree};

use super::*;

fn tree() -> UnitTree {
    let node = |id: &str, parent: Option<&str>| UnitNode {
        id: UnitId::new(id),
        parent: parent.map(UnitId::new),
        sort_key: id.to_owned(),
    };
    UnitTree::new(vec![node("dinkes", None), node("puskesmas", Some("dinkes")), node("dishub", None)])
}

fn access(role: Role, scope: Scope) -> Access {
    Access::new(vec![Grant { role, scope }])
}

#[test]
fn unit_scope_covers_the_subtree_only() {
    let tree = tree();
    let head = access(Role::UnitHead, Scope::Unit(UnitId::new("dinkes")));
    assert!(head.can_unit(Permission::ViewUnits, &UnitId::new("puskesmas"), &tree));
    assert!(!head.can_unit(Permission::ViewUnits, &UnitId::new("dishub"), &tree));
    assert!(!head.can_unit(Permission::ManageUnits, &UnitId::new("dinkes"), &tree));
    assert_eq!(head.unit_roots(Permission::ViewUnits), Some(vec![UnitId::new("dinkes")]));
}

#[test]
fn leader_reads_everything_whatever_unit_it_was_granted_on() {
    let tree = tree();
    let leader = access(Role::Leader, Scope::Unit(UnitId::new("dinkes")));
    assert!(leader.can_unit(Permission::ViewUnits, &UnitId::new("dishub"), &tree));
    assert!(leader.can_tenant(Permission::ViewAudit));
    assert!(!leader.has(Permission::ManageUnits));
    assert_eq!(leader.unit_roots(Permission::ViewUnits), None);
}

#[test]
fn tenant_level_permissions_need_a_tenant_wide_grant() {
    let scoped_admin = access(Role::Administrator, Scope::Unit(UnitId::new("dinkes")));
    assert!(!scoped_admin.can_tenant(Permission::ManageCalendar));
    assert!(!scoped_admin.has(Permission::ViewAudit));
    assert!(scoped_admin.can_unit(Permission::ManageUnits, &UnitId::new("puskesmas"), &tree()));
    let admin = access(Role::Administrator, Scope::Tenant);
    assert!(admin.can_tenant(Permission::ManageTenant));
}

#[test]
fn role_matrix() {
    check(Role::Operator, Permission::ViewUnits, true);
    check(Role::Operator, Permission::ViewUsers, false);
    check(Role::Operator, Permission::ViewAudit, false);
    check(Role::UnitHead, Permission::ManageServicePoints, true);
    check(Role::UnitHead, Permission::ManageUsers, false);
    check(Role::Inspector, Permission::ViewAudit, true);
    check(Role::Inspector, Permission::ManageUnits, false);
    check(Role::PersonnelOfficer, Permission::ViewUsers, true);
    check(Role::PersonnelOfficer, Permission::ViewAudit, false);
    check(Role::Leader, Permission::ManageCalendar, false);
    check(Role::Administrator, Permission::ManageCalendar, true);

    #[track_caller]
    fn check(role: Role, permission: Permission, expected: bool) {
        assert_eq!(access(role, Scope::Tenant).has(permission), expected, "{role:?} {permission:?}");
    }
}

#[test]
fn usernames_are_canonical_lower_case() {
    assert_eq!(check_username("  Admin.Kota "), Ok("admin.kota".to_owned()));
    assert_eq!(check_username("ab"), Err(CredentialError::UsernameLength));
    assert_eq!(check_username("budi santoso"), Err(CredentialError::UsernameCharacters));
}

#[test]
fn password_policy() {
    assert_eq!(check_password_policy("pendek", "budi"), Err(CredentialError::PasswordTooShort));
    assert_eq!(check_password_policy("aaaaaaaaaaaa", "budi"), Err(CredentialError::PasswordGuessable));
    assert_eq!(check_password_policy("budi-rahasia-2026", "budi"), Err(CredentialError::PasswordGuessable));
    assert_eq!(check_password_policy("Indonesia1945", "budi"), Err(CredentialError::PasswordGuessable));
    assert_eq!(check_password_policy("kopi tubruk di pagi hari", "budi"), Ok(()));
}

#[test]
fn lockout_doubles_after_the_free_attempts_and_caps() {
    let policy = LockoutPolicy::STANDARD;
    assert_eq!(policy.locked_until(4, 1_000), None);
    assert_eq!(policy.locked_until(5, 1_000), Some(61_000));
    assert_eq!(policy.locked_until(6, 1_000), Some(121_000));
    assert_eq!(policy.locked_until(60, 1_000), Some(3_601_000));
}

#[test]
fn failed_logins_are_counted_per_ipv4_address_and_ipv6_network() {
    use super::throttle_address;
    let at = |text: &str| throttle_address(text.parse().expect("ip"));
    assert_eq!(at("203.0.113.9"), "203.0.113.9");
    assert_eq!(at("2001:db8:aa:bb:1::9"), at("2001:db8:aa:bb:ffff::1"), "one /64, one counter");
    assert_ne!(at("2001:db8:aa:bb::1"), at("2001:db8:aa:bc::1"));
    assert_eq!(at("::ffff:203.0.113.9"), "203.0.113.9");
}
