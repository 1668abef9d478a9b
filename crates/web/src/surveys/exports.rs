//! Download handlers: the report as PDF and XLSX, and the QR poster of a survey.

use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::report_model::{ReportQuery, build};
use crate::App;
use crate::documents::letterhead::House;
use crate::error::WebError;
use crate::i18n::Lang;
use crate::render::download;
use crate::tenant::Tenant;

fn file_stem(query: &ReportQuery, period: Option<&(String, String)>) -> String {
    let scope = match (query.service.is_empty(), query.unit.is_empty()) {
        (false, _) => format!("layanan-{}", query.service),
        (true, false) => format!("unit-{}", query.unit),
        (true, true) => "pemda".to_owned(),
    };
    let period = period.map_or_else(|| "kosong".to_owned(), |it| it.0.clone());
    let stem = format!("laporan-skm-{scope}-{period}");
    stem.chars().filter(|it| it.is_ascii_alphanumeric() || *it == '-').collect()
}

/// `GET /skm/laporan.pdf`.
pub async fn pdf(
    State(app): State<App>,
    tenant: Tenant,
    headers: HeaderMap,
    Query(query): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let lang = Lang::from_headers(&headers);
    let model = build(&app, &tenant, lang, &query).await?;
    let house = House::of(&app, &tenant.0).await?;
    let today = jiff::Timestamp::now().to_zoned(tenant.0.zone.time_zone()).date();
    let name = format!("{}.pdf", file_stem(&query, model.period.as_ref()));
    super::pdf::report(lang, &house, &model, today)?.named(name).saved_as_file().respond().await
}

/// `GET /skm/laporan.xlsx`.
pub async fn xlsx(
    State(app): State<App>,
    tenant: Tenant,
    headers: HeaderMap,
    Query(query): Query<ReportQuery>,
) -> Result<Response, WebError> {
    let lang = Lang::from_headers(&headers);
    let model = build(&app, &tenant, lang, &query).await?;
    let bytes = super::xlsx::report(lang, &tenant.0.name, &model).map_err(|err| WebError::Internal(err.to_string()))?;
    let name = format!("{}.xlsx", file_stem(&query, model.period.as_ref()));
    Ok(download("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", &name, bytes))
}

/// `GET /s/{code}/poster.pdf`.
pub async fn poster(
    State(app): State<App>,
    tenant: Tenant,
    headers: HeaderMap,
    Path(code): Path<String>,
) -> Result<Response, WebError> {
    let lang = Lang::from_headers(&headers);
    let mut conn = app.db().conn().await?;
    let survey =
        store::surveys::catalog::find_by_code(&mut conn, &tenant.0.id, &code).await?.ok_or(WebError::NotFound)?;
    let service = store::surveys::services::load(&mut conn, &tenant.0.id, &survey.service_id).await?;
    let data = app.db().tenant_data(&tenant.0.id).await?;
    let unit = super::report_model::unit_name(&data.units, &survey.unit_id);
    let link = format!("{}/s/{}", crate::view::public_base(&app, &headers), survey.code);
    drop(conn);
    let house = House::of(&app, &tenant.0).await?;
    super::pdf::poster(lang, &house, (&unit, &service.name), &link, &survey.code)?.saved_as_file().respond().await
}
