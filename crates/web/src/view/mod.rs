//! The toolkit every area's pages use: how things are written (`format`), and the request's view of its Pemda
//! (`TenantView`: the unit tree, unit names, the units a user may see for a permission), QR codes (`qr_svg`) and the public address (`public_base`). An area never borrows these
//! from another area.

pub mod format;
mod tenant;

pub use tenant::TenantView;

/// The address citizens reach Pantau at: `--public-url`, else the request's host; without a trailing slash.
pub fn public_base(app: &crate::App, headers: &axum::http::HeaderMap) -> String {
    let base = app.config().public_url.clone().unwrap_or_else(|| {
        let host = headers.get(axum::http::header::HOST).and_then(|it| it.to_str().ok()).unwrap_or("localhost");
        format!("http://{host}")
    });
    base.trim_end_matches('/').to_owned()
}

/// The QR code of `text` as SVG, black modules on white with the standard quiet zone; `None` when the text is
/// longer than a QR code holds.
pub fn qr_svg(text: &str) -> Option<String> {
    qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .ok()
        .map(|code| code.render::<qrcode::render::svg::Color<'_>>().min_dimensions(220, 220).quiet_zone(true).build())
}
