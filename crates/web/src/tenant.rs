//! The tenant of a request: the one configured for its host, else the default tenant of the installation.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use crate::App;
use crate::error::WebError;

/// The Pemda a request is for.
#[derive(Clone, Debug)]
pub struct Tenant(pub domain::org::Tenant);

impl FromRequestParts<App> for Tenant {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Tenant, WebError> {
        if let Some(tenant) = parts.extensions.get::<Tenant>() {
            return Ok(tenant.clone());
        }
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|it| it.to_str().ok())
            .map(|it| it.split(':').next().unwrap_or(it).to_owned());
        let tenants = app.db().tenants().await?;
        let by_host = host.and_then(|host| {
            tenants.iter().find(|it| it.host.as_deref().is_some_and(|it| it.eq_ignore_ascii_case(&host)))
        });
        let tenant = match (by_host, &app.config().default_tenant) {
            (Some(tenant), _) => tenant,
            (None, Some(id)) => tenants.iter().find(|it| it.id.as_str() == id).ok_or(WebError::NoTenant)?,
            (None, None) => tenants.first().ok_or(WebError::NoTenant)?,
        }
        .clone();
        let tenant = Tenant(tenant);
        parts.extensions.insert(tenant.clone());
        Ok(tenant)
    }
}
