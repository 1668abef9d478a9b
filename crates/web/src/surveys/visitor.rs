//! The context of a public survey request: app, tenant, page frame, headers and client address, extracted once.

use std::net::IpAddr;

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::App;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::layout::Layout;
use crate::security::ClientIp;
use crate::tenant::Tenant;

/// A citizen's (or a kiosk's) request.
pub struct Visitor {
    /// The application state.
    pub app: App,
    /// The Pemda.
    pub tenant: Tenant,
    /// The frame of the page.
    pub layout: Layout,
    /// The page's language.
    pub lang: Lang,
    /// Request headers (cookies, host).
    pub headers: HeaderMap,
    /// The client address.
    pub ip: IpAddr,
}

impl FromRequestParts<App> for Visitor {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Visitor, WebError> {
        let tenant = Tenant::from_request_parts(parts, app).await?;
        let layout = Layout::from_request_parts(parts, app).await?;
        let Ok(ClientIp(ip)) = ClientIp::from_request_parts(parts, app).await;
        Ok(Visitor {
            app: app.clone(),
            tenant,
            lang: Lang::parse(layout.lang).unwrap_or(Lang::Id),
            layout,
            headers: parts.headers.clone(),
            ip,
        })
    }
}
