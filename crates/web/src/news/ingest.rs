//! Taking in one article from any door (file, feed, paste form, API): extract with the tenant's register and save.
//! Used by the pages, the API, the feed poller and `pantau news import`.

use store::news::articles::{self, Origin, Saved};
use store::{ActionCx, StoreError};
use text::extract::{Article, Extractor};
use text::input::Format;

/// An article as received.
#[derive(Clone, Debug)]
pub struct Incoming {
    /// Body as received.
    pub body: String,
    /// Text or HTML.
    pub format: Format,
    /// Headline, when given apart from the body.
    pub title: Option<String>,
    /// Publication date, when the source gives one.
    pub published: Option<jiff::civil::Date>,
    /// Where it came from.
    pub origin: Origin,
}

/// The tenant's extractor (its register loaded now).
pub async fn extractor(cx: &ActionCx<'_>) -> Result<Extractor, StoreError> {
    let mut conn = cx.db.conn().await?;
    Ok(Extractor::new(store::news::load_register(&mut conn, cx.tenant).await?))
}

/// Extracts and saves one article.
pub async fn ingest(cx: &ActionCx<'_>, extractor: &Extractor, incoming: &Incoming) -> Result<Saved, StoreError> {
    let article = Article {
        body: &incoming.body,
        format: incoming.format,
        title: incoming.title.as_deref(),
        reference: incoming.published,
    };
    let extraction = extractor.extract(&article);
    if extraction.text.trim().is_empty() {
        let mut problems = domain::problems::Problems::default();
        problems.add("text", domain::problems::Problem::Required);
        return Err(StoreError::Invalid(problems.finish(|| ()).err().unwrap_or_default()));
    }
    articles::save(cx, &extraction, extractor.register(), &incoming.origin).await
}

/// Re-links stored articles after the register changed.
pub async fn relink(cx: &ActionCx<'_>) -> Result<usize, StoreError> {
    let extractor = extractor(cx).await?;
    articles::relink(cx, extractor.register(), |body, title| {
        extractor.extract(&Article { body, format: Format::Text, title, reference: None })
    })
    .await
}
