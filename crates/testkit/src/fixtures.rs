//! Fixtures: tenants, units and accounts created through the real actions.

use domain::ids::TenantId;
use domain::org::{RawTenant, RawUnit, Tenant, Unit};
use domain::people::{RawUser, User};
use store::{ActionCx, Actor, Db};

use crate::{SeqIds, now};

/// A context acting as the system on this tenant.
pub fn cx<'a>(db: &'a Db, tenant: &'a TenantId, ids: &'a SeqIds) -> ActionCx<'a> {
    ActionCx { db, tenant, actor: Actor::System("test"), now: now(), ids }
}

/// A kota tenant with this id.
pub async fn tenant(db: &Db, id: &str) -> anyhow::Result<Tenant> {
    let ids = SeqIds::default();
    let tenant = TenantId::new(id);
    let raw = RawTenant {
        name: format!("Pemerintah Kota Contoh {id}"),
        level: "kota".to_owned(),
        region_code: "3674".to_owned(),
        zone: "Asia/Jakarta".to_owned(),
        host: String::new(),
    };
    let draft = raw.parse().map_err(|it| anyhow::anyhow!("{it:?}"))?;
    Ok(store::org::actions::create_tenant(&cx(db, &tenant, &ids), draft).await?)
}

/// A unit of the tenant.
pub async fn unit(db: &Db, tenant: &Tenant, ids: &SeqIds, code: &str, parent: &str) -> anyhow::Result<Unit> {
    let raw = RawUnit {
        code: code.to_owned(),
        parent_code: parent.to_owned(),
        kind: "dinas".to_owned(),
        name: format!("Dinas {code}"),
        ..RawUnit::default()
    };
    let draft = raw.parse(tenant.level, tenant.zone).map_err(|it| anyhow::anyhow!("{it:?}"))?;
    Ok(store::org::actions::save_unit(&cx(db, &tenant.id, ids), None, draft).await?)
}

/// An account with one grant; `unit` is a unit id or empty for the whole tenant.
pub async fn user(db: &Db, tenant: &Tenant, ids: &SeqIds, username: &str, grant: (&str, &str)) -> anyhow::Result<User> {
    let raw = RawUser {
        username: username.to_owned(),
        display_name: format!("Pegawai {username}"),
        email: String::new(),
        password: "kata sandi yang panjang".to_owned(),
        is_active: "ya".to_owned(),
        grants: vec![(grant.0.to_owned(), grant.1.to_owned())],
    };
    let draft = raw.parse(true).map_err(|it| anyhow::anyhow!("{it:?}"))?;
    Ok(store::people::actions::create_user(&cx(db, &tenant.id, ids), draft).await?)
}
