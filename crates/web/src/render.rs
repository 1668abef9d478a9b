//! Templates: embedded at build time, rendered with minijinja; `t("key")` and `tf("key", name=value)` translate
//! into the page's language.

use std::sync::LazyLock;

use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, State};
use serde::Serialize;

use crate::error::WebError;
use crate::i18n::Lang;

macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        const TEMPLATES: &[(&str, &str)] = &[$(($name, include_str!(concat!("../templates/", $name)))),*];
    };
}

templates!(
    "base.html",
    "_macros.html",
    "error.html",
    "home/index.html",
    "auth/login.html",
    "auth/password.html",
    "dashboard/index.html",
    "org/tenant.html",
    "org/documents.html",
    "org/units.html",
    "org/_unit_tree.html",
    "org/unit.html",
    "org/unit_form.html",
    "org/service_point_form.html",
    "org/import.html",
    "people/users.html",
    "people/user_form.html",
    "calendar/index.html",
    "audit/index.html",
    "audit/entry.html",
    "complaints/_item_summary.html",
    "complaints/form.html",
    "complaints/receipt.html",
    "complaints/track.html",
    "complaints/verify.html",
    "complaints/public_list.html",
    "complaints/queue.html",
    "complaints/item.html",
    "complaints/settings.html",
    "complaints/deliveries.html",
    "surveys/respond.html",
    "surveys/thanks.html",
    "surveys/kiosk.html",
    "surveys/overview.html",
    "surveys/survey.html",
    "surveys/_report.html",
    "surveys/report.html",
    "news/inbox.html",
    "news/article.html",
    "news/add.html",
    "news/feeds.html",
    "news/reviews.html",
    "news/search.html",
    "news/notices.html",
    "discipline/employees.html",
    "discipline/employees_import.html",
    "discipline/employee_form.html",
    "discipline/attendance.html",
    "discipline/cases.html",
    "discipline/new_case.html",
    "discipline/case.html",
    "discipline/register.html",
    "discipline/rules.html",
    "scorecards/index.html",
    "scorecards/unit.html",
    "scorecards/watch.html",
    "scorecards/rules.html",
    "scorecards/rule_file.html",
    "scorecards/decisions.html",
    "scorecards/decision.html",
    "scorecards/decision_form.html",
    "scorecards/indicators.html",
    "scorecards/pekppp.html",
    "scorecards/_decision_row.html",
    "scorecards/_stays.html",
    "scorecards/digest.html",
);

/// Every template with its source, for the tests.
#[cfg(test)]
pub fn sources() -> impl Iterator<Item = (&'static str, &'static str)> {
    TEMPLATES.iter().copied()
}

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template(name, source).expect("templates parse: render::tests::every_template_renders checks it");
    }
    env.add_function("t", translate);
    env.add_function("tf", translate_with);
    env
});

fn lang_of(state: &State<'_, '_>) -> Lang {
    state.lookup("lang").and_then(|it| it.as_str().and_then(Lang::parse)).unwrap_or(Lang::Id)
}

fn translate(state: &State<'_, '_>, key: &str) -> String {
    lang_of(state).t(key).to_owned()
}

fn translate_with(state: &State<'_, '_>, key: &str, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let lang = lang_of(state);
    let mut text = lang.t(key).to_owned();
    for name in kwargs.args() {
        let value: Value = kwargs.get(name)?;
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    Ok(text)
}

/// Renders a template with a page struct as its context.
pub fn render(name: &str, page: &impl Serialize) -> Result<Html<String>, WebError> {
    let template = ENV.get_template(name).map_err(|err| WebError::Internal(format!("template {name}: {err}")))?;
    let html = template.render(page).map_err(|err| WebError::Internal(format!("template {name}: {err:#}")))?;
    Ok(Html(html))
}

/// Renders a template with a status code (forms re-rendered with problems answer 422).
pub fn render_status(status: axum::http::StatusCode, name: &str, page: &impl Serialize) -> Result<Response, WebError> {
    Ok((status, render(name, page)?).into_response())
}

/// A file download response.
pub fn download(content_type: &'static str, file_name: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
        ],
        bytes,
    )
        .into_response()
}
