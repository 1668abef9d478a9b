//! The Indonesian analyzer: words, lower case, ASCII folding, then the stemmer of the text crate.

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// Name under which the analyzer is registered.
pub const ANALYZER: &str = "id_stem";

/// The analyzer.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(IndonesianStemmer)
        .build()
}

/// Token filter that stems Indonesian words.
#[derive(Clone, Copy, Debug, Default)]
pub struct IndonesianStemmer;

impl TokenFilter for IndonesianStemmer {
    type Tokenizer<T: Tokenizer> = StemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemmerFilter<T> {
        StemmerFilter { inner: tokenizer }
    }
}

/// The stemming tokenizer wrapper.
#[derive(Clone)]
pub struct StemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemmerFilter<T> {
    type TokenStream<'a> = StemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemmerStream { tail: self.inner.token_stream(text) }
    }
}

/// Stream of stemmed tokens.
pub struct StemmerStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for StemmerStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        let stemmed = match text::stem::stem(&token.text) {
            std::borrow::Cow::Owned(it) => Some(it),
            std::borrow::Cow::Borrowed(it) if it.len() != token.text.len() => Some(it.to_owned()),
            std::borrow::Cow::Borrowed(_) => None,
        };
        if let Some(stemmed) = stemmed {
            token.text = stemmed;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        let mut analyzer = analyzer();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_but_protects_domain_words() {
        assert_eq!(tokens("Pelayanan DILAYANI layanan"), ["layan", "layan", "layan"]);
        assert_eq!(tokens("sekolah masalah disiplin pegawai"), ["sekolah", "masalah", "disiplin", "pegawai"]);
    }
}
