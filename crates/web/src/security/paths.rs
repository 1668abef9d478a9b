//! Where the browser may be sent back to: only this site.

/// A place on this site to send the browser back to, or `fallback`. The text is read as a browser reads a link
/// (tabs and line breaks dropped, `\\` taken for `/`), and kept only when it stays on this origin; what is returned
/// is that normalised path, so the browser cannot read it otherwise.
pub fn local_path(next: Option<&str>, fallback: &str) -> String {
    const BASE: &str = "http://pantau.invalid/";
    let Some(next) = next.filter(|it| it.starts_with('/')) else { return fallback.to_owned() };
    let base = reqwest::Url::parse(BASE).expect("a valid base address");
    match base.join(next) {
        Ok(url) if url.origin() == base.origin() && !next.chars().any(|it| it.is_control() || it == '\\') => {
            let mut path = url.path().to_owned();
            if let Some(query) = url.query() {
                path.push('?');
                path.push_str(query);
            }
            path
        }
        _ => fallback.to_owned(),
    }
}
