//! The context of a staff page request: the app, the tenant, the language, the signed-in user and the page frame,
//! extracted once so handlers take it as one argument.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use store::ActionCx;

use crate::App;
use crate::auth::CurrentUser;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::tenant::Tenant;

/// Everything a page for signed-in staff needs about its request. An anonymous request is refused with
/// `WebError::LoginRequired`, which sends the browser to the login page.
pub struct Staff {
    /// The application state.
    pub app: App,
    /// The Pemda the request is for.
    pub tenant: Tenant,
    /// The language of the page.
    pub lang: Lang,
    /// The signed-in user.
    pub user: CurrentUser,
    /// The frame of the page; moved into the page it renders.
    pub layout: Layout,
}

impl Staff {
    /// The context of an action by the signed-in user on the request's tenant.
    pub fn action_cx(&self) -> ActionCx<'_> {
        self.app.action_cx(&self.tenant, &self.user)
    }
}

impl FromRequestParts<App> for Staff {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Staff, WebError> {
        let tenant = Tenant::from_request_parts(parts, app).await?;
        let lang = Lang::from_headers(&parts.headers);
        let user = CurrentUser::from_request_parts(parts, app).await?;
        let layout = Layout::from_request_parts(parts, app).await?;
        Ok(Staff { app: app.clone(), tenant, lang, user, layout })
    }
}
