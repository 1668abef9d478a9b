//! What every page shows around its content: language, tenant, the signed-in user, the navigation for their
//! roles, the cross-site token for forms, and a one-line notice after a redirect.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use domain::people::{Access, Permission, Role};
use serde::Serialize;

use crate::App;
use crate::auth::{CsrfToken, MaybeUser};
use crate::error::WebError;
use crate::i18n::Lang;
use crate::tenant::Tenant;

/// The frame of a page.
#[derive(Clone, Debug, Serialize)]
pub struct Layout {
    /// Language code of the page.
    pub lang: &'static str,
    /// The other language, for the switch.
    pub other_lang: &'static str,
    /// The path of the page, to come back to after switching language.
    pub path: String,
    /// Cross-site token every form posts back.
    pub csrf: String,
    /// Tenant name.
    pub tenant_name: String,
    /// The signed-in user, if any.
    pub user: Option<LayoutUser>,
    /// Navigation entries.
    pub nav: Vec<NavItem>,
    /// Translation key of a notice to show once (after a save), if any.
    pub notice: Option<&'static str>,
}

/// The signed-in user as the frame shows them.
#[derive(Clone, Debug, Serialize)]
pub struct LayoutUser {
    /// Name.
    pub display_name: String,
    /// Translation key of the highest role.
    pub role_key: String,
}

/// One navigation entry.
#[derive(Clone, Debug, Serialize)]
pub struct NavItem {
    /// Target.
    pub href: &'static str,
    /// Translation key of the label.
    pub key: &'static str,
    /// Whether the current page is under it.
    pub active: bool,
}

/// Notices a redirect may ask for with `?notice=`; anything else is ignored.
const NOTICES: [&str; 6] = ["saved", "deleted", "imported", "password_changed", "logged_out", "created"];

impl FromRequestParts<App> for Layout {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Layout, WebError> {
        let lang = Lang::from_headers(&parts.headers);
        let tenant = Tenant::from_request_parts(parts, app).await?;
        let user = MaybeUser::from_request_parts(parts, app).await?.0;
        let csrf = parts.extensions.get::<CsrfToken>().map(|it| it.0.clone()).unwrap_or_default();
        let path = parts.uri.path().to_owned();
        let notice = parts.uri.query().and_then(|query| {
            query
                .split('&')
                .filter_map(|pair| pair.strip_prefix("notice="))
                .find_map(|wanted| NOTICES.into_iter().find(|it| *it == wanted))
        });
        let notice = notice.map(|it| match it {
            "saved" => "common.notice.saved",
            "deleted" => "common.notice.deleted",
            "imported" => "common.notice.imported",
            "password_changed" => "common.notice.password_changed",
            "logged_out" => "common.notice.logged_out",
            _ => "common.notice.created",
        });
        let nav = match &user {
            Some(user) => navigation(&user.access, &path),
            None => Vec::new(),
        };
        Ok(Layout {
            lang: lang.code(),
            other_lang: match lang {
                Lang::Id => "en",
                Lang::En => "id",
            },
            path,
            csrf,
            tenant_name: tenant.0.name,
            user: user.map(|it| LayoutUser {
                display_name: it.user.display_name.clone(),
                role_key: format!("people.roles.{}", it.access.top_role().map_or("none", Role::code)),
            }),
            nav,
            notice,
        })
    }
}

/// The entries a user's roles open, in a fixed order.
pub fn navigation(access: &Access, path: &str) -> Vec<NavItem> {
    let entries: [(&'static str, &'static str, bool); 12] = [
        ("/beranda", "common.nav.dashboard", true),
        ("/kinerja", "common.nav.scorecards", access.has(Permission::ViewScorecards)),
        ("/pengaduan", "common.nav.complaints", access.has(Permission::ViewComplaints)),
        ("/skm", "common.nav.surveys", access.has(Permission::ViewSurveys)),
        ("/berita", "common.nav.news", access.has(Permission::ViewNews)),
        // Everyone signed in: an employee reads their own cases there; others see the cases they may handle.
        ("/disiplin", "common.nav.discipline", true),
        ("/pegawai", "common.nav.employees", access.has(Permission::ViewEmployees)),
        ("/unit", "common.nav.units", access.has(Permission::ViewUnits)),
        ("/pengguna", "common.nav.users", access.has(Permission::ViewUsers)),
        ("/kalender", "common.nav.calendar", access.has(Permission::ViewCalendar)),
        ("/audit", "common.nav.audit", access.can_tenant(Permission::ViewAudit)),
        ("/pemda", "common.nav.tenant", access.can_tenant(Permission::ManageTenant)),
    ];
    entries
        .into_iter()
        .filter(|(_, _, allowed)| *allowed)
        .map(|(href, key, _)| NavItem { href, key, active: path == href || path.starts_with(&format!("{href}/")) })
        .collect()
}
