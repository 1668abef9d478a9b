//! In-process page tests: the real router, a cookie jar, the cross-site token, and HTML read with CSS selectors.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use scraper::{Html, Selector};
use tower::ServiceExt;

use crate::{App, WebConfig};

/// A test client of one app.
pub struct TestApp {
    pub router: axum::Router,
    cookies: BTreeMap<String, String>,
    /// Headers sent with every request (a client address behind a trusted proxy, say).
    headers: Vec<(String, String)>,
}

/// A response read whole.
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    /// The body's bytes, for downloads that are not text.
    pub raw: Vec<u8>,
}

impl TestResponse {
    /// The parsed HTML.
    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// The trimmed text of every element matching a CSS selector.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("valid selector in test");
        self.html()
            .select(&selector)
            .map(|it| it.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    }

    /// The text of the first element matching a selector, or an empty string.
    pub fn text(&self, selector: &str) -> String {
        self.texts(selector).into_iter().next().unwrap_or_default()
    }

    /// The value of an attribute of the first element matching a selector.
    pub fn attr(&self, selector: &str, name: &str) -> Option<String> {
        let selector = Selector::parse(selector).expect("valid selector in test");
        self.html().select(&selector).next().and_then(|it| it.value().attr(name).map(str::to_owned))
    }

    /// The redirect target.
    pub fn location(&self) -> String {
        self.headers.get(header::LOCATION).and_then(|it| it.to_str().ok()).unwrap_or_default().to_owned()
    }
}

impl TestApp {
    /// An app on a test database at the fixed test clock. Ids are random: several apps (one per signed-in user)
    /// share a database, and sequential ids would repeat across them.
    pub fn new(db: &testkit::TestDb) -> TestApp {
        TestApp::with_config(db, WebConfig::for_tests())
    }

    /// An app with other settings.
    pub fn with_config(db: &testkit::TestDb, config: WebConfig) -> TestApp {
        let app = App::new((**db).clone(), config, Arc::new(crate::RandomIds), testkit::now);
        TestApp { router: crate::router(app), cookies: BTreeMap::new(), headers: Vec::new() }
    }

    /// Sends this header with every later request.
    pub fn always_send(&mut self, name: &str, value: &str) {
        self.headers.push((name.to_owned(), value.to_owned()));
    }

    /// A cookie the client holds.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.get(name).cloned()
    }

    /// Replaces a cookie (as a browser still holding an old one would send it).
    pub fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_owned(), value.to_owned());
    }

    fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(name, value)| format!("{name}={value}")).collect::<Vec<_>>().join("; ")
    }

    async fn send(&mut self, mut request: Request<Body>) -> TestResponse {
        for (name, value) in &self.headers {
            let name = header::HeaderName::from_bytes(name.as_bytes()).expect("header name");
            request.headers_mut().insert(name, header::HeaderValue::from_str(value).expect("header value"));
        }
        let response = self.router.clone().oneshot(request).await.expect("router is infallible");
        for value in response.headers().get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap_or_default();
            if let Some((pair, attributes)) = text.split_once(';').or(Some((text, "")))
                && let Some((name, value)) = pair.split_once('=')
            {
                if value.is_empty() || attributes.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body reads").to_bytes();
        TestResponse { status, headers, body: String::from_utf8_lossy(&bytes).into_owned(), raw: bytes.to_vec() }
    }

    /// `GET path`.
    pub async fn get(&mut self, path: &str) -> TestResponse {
        let request = Request::get(path)
            .header(header::HOST, "localhost")
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())
            .expect("valid request");
        self.send(request).await
    }

    /// `GET path` with extra headers.
    pub async fn get_with(&mut self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut request =
            Request::get(path).header(header::HOST, "localhost").header(header::COOKIE, self.cookie_header());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::empty()).expect("valid request")).await
    }

    /// The cross-site token, fetching a page first if no cookie is held yet.
    pub async fn csrf(&mut self) -> String {
        if !self.cookies.contains_key("pantau_csrf") {
            self.get("/").await;
        }
        self.cookies.get("pantau_csrf").cloned().unwrap_or_default()
    }

    /// `POST path` with a form body; the cross-site token is added.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let token = self.csrf().await;
        let mut pairs: Vec<(&str, &str)> = vec![("_csrf", &token)];
        pairs.extend_from_slice(fields);
        self.post_form(path, &pairs).await
    }

    /// `POST path` with a form body but without the cross-site token.
    pub async fn post_without_token(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        self.csrf().await;
        self.post_form(path, fields).await
    }

    async fn post_form(&mut self, path: &str, pairs: &[(&str, &str)]) -> TestResponse {
        let body = serde_urlencoded::to_string(pairs).expect("form encodes");
        let request = Request::post(path)
            .header(header::HOST, "localhost")
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("valid request");
        self.send(request).await
    }

    /// `POST path` with one uploaded file as `multipart/form-data`.
    pub async fn upload(&mut self, path: &str, file_name: &str, bytes: &[u8]) -> TestResponse {
        self.post_multipart(path, &[], &[("file", file_name, bytes)]).await
    }

    /// `POST path` as `multipart/form-data` with text fields and files `(field, file name, bytes)`.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> TestResponse {
        let token = self.csrf().await;
        let boundary = "pantau-test-boundary";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .into_bytes(),
            );
        }
        for (name, file_name, bytes) in files {
            body.extend(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").into_bytes());
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let request = Request::post(format!("{path}?_csrf={token}"))
            .header(header::HOST, "localhost")
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .body(Body::from(body))
            .expect("valid request");
        self.send(request).await
    }

    /// `POST path` with a JSON body and the token header.
    pub async fn post_json(&mut self, path: &str, json: &serde_json::Value) -> TestResponse {
        let token = self.csrf().await;
        let request = Request::post(path)
            .header(header::HOST, "localhost")
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-csrf-token", token)
            .body(Body::from(json.to_string()))
            .expect("valid request");
        self.send(request).await
    }

    /// `POST path` as a client outside the browser: no cookies, no cross-site token.
    pub async fn post_bare(&mut self, path: &str, content_type: &str, body: String) -> TestResponse {
        let request = Request::post(path)
            .header(header::HOST, "localhost")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .expect("valid request");
        self.send(request).await
    }

    /// Logs in with the demo password.
    pub async fn login(&mut self, username: &str) -> TestResponse {
        let response = self.post("/masuk", &[("username", username), ("password", store::demo::DEMO_PASSWORD)]).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "login of {username}: {}", response.body);
        response
    }
}

/// A database with the demo Pemda loaded.
pub async fn demo_db(db: &testkit::TestDb) -> anyhow::Result<()> {
    store::demo::load_if_empty(db, &testkit::SeqIds::default(), testkit::now()).await?;
    Ok(())
}

/// The demo with its year of history (complaints, letters, news), for the pages that show figures.
pub async fn demo_with_history(db: &testkit::TestDb) -> anyhow::Result<()> {
    demo_db(db).await?;
    store::demo::load_history(db, &testkit::SeqIds::default(), testkit::now()).await?;
    Ok(())
}

/// The id of a demo unit by its code; a missing code is a broken demo, so the test stops there.
pub async fn demo_unit_id(db: &testkit::TestDb, code: &str) -> anyhow::Result<domain::ids::UnitId> {
    let mut conn = db.conn().await?;
    let tenant = domain::ids::TenantId::new(store::demo::DEMO_TENANT);
    let units = store::org::queries::list_units(&mut conn, &tenant).await?;
    let unit = units.into_iter().find(|it| it.draft.code == code);
    unit.map(|it| it.id).ok_or_else(|| anyhow::anyhow!("the demo has no unit {code}"))
}

/// Every Rust source file of this crate, for the translation-key test.
pub fn rust_sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|it| it == "rs") {
                out.push((path.display().to_string(), std::fs::read_to_string(&path).expect("source is UTF-8")));
            }
        }
    }
    out
}
