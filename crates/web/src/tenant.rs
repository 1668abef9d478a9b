//! The tenant of a request: the one configured for its host, else the default tenant of the installation.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use domain::ids::TenantId;

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
        let mut conn = app.db().conn().await?;
        let by_host = match &host {
            Some(host) => store::org::queries::find_tenant_by_host(&mut conn, host).await?,
            None => None,
        };
        let tenant = match by_host {
            Some(tenant) => tenant,
            None => match &app.config().default_tenant {
                Some(id) => {
                    store::org::queries::find_tenant(&mut conn, &TenantId::new(id)).await?.ok_or(WebError::NoTenant)?
                }
                None => {
                    store::org::queries::list_tenants(&mut conn).await?.into_iter().next().ok_or(WebError::NoTenant)?
                }
            },
        };
        let tenant = Tenant(tenant);
        parts.extensions.insert(tenant.clone());
        Ok(tenant)
    }
}
