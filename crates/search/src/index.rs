//! The index: open on disk (or in memory for tests), replace documents, search with a tenant filter.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, QueryParser, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, STORED, STRING, Schema, TantivyDocument, TextFieldIndexing, TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, ReloadPolicy, Term, doc};

use crate::analyzer::{ANALYZER, analyzer};

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The index failed.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The index folder failed.
    #[error("search index folder: {0}")]
    Io(#[from] std::io::Error),
    /// The query does not parse.
    #[error("query: {0}")]
    Query(String),
}

/// A document to index.
#[derive(Clone, Debug, Default)]
pub struct Doc {
    /// Tenant.
    pub tenant: String,
    /// `news` or `complaint`.
    pub kind: String,
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Body text.
    pub body: String,
    /// Date, `YYYY-MM-DD`.
    pub date: String,
    /// Category codes.
    pub categories: Vec<String>,
    /// Unit ids.
    pub units: Vec<String>,
    /// Change time (epoch ms), for catching up.
    pub updated_ms: i64,
}

/// A search.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// Tenant.
    pub tenant: String,
    /// What was typed.
    pub text: String,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only documents naming one of these units.
    pub units: Option<Vec<String>>,
    /// Only this category.
    pub category: Option<String>,
    /// Most hits.
    pub limit: usize,
}

/// A hit.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Kind.
    pub kind: String,
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Snippet with the matched words in `<b>`, HTML-escaped otherwise.
    pub snippet_html: String,
    /// Date.
    pub date: String,
    /// BM25 score.
    pub score: f32,
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    tenant: Field,
    kind: Field,
    id: Field,
    title: Field,
    body: Field,
    date: Field,
    categories: Field,
    units: Field,
}

/// The search index.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    dir: Option<PathBuf>,
    write: Mutex<HashMap<String, i64>>,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        key: builder.add_text_field("key", STRING),
        tenant: builder.add_text_field("tenant", STRING),
        kind: builder.add_text_field("jenis", STRING | STORED),
        id: builder.add_text_field("id", STRING | STORED),
        title: builder.add_text_field("judul", text.clone()),
        body: builder.add_text_field("isi", text),
        date: builder.add_text_field("tanggal", STRING | STORED),
        categories: builder.add_text_field("kategori", STRING),
        units: builder.add_text_field("unit", STRING),
    };
    (builder.build(), fields)
}

impl SearchIndex {
    /// Opens (or creates) the index in `dir`, or in memory when `dir` is `None`.
    pub fn open(dir: Option<&Path>) -> Result<Self, SearchError> {
        let (schema, fields) = schema();
        let index = match dir {
            Some(dir) => {
                std::fs::create_dir_all(dir)?;
                let directory = tantivy::directory::MmapDirectory::open(dir).map_err(tantivy::TantivyError::from)?;
                Index::open_or_create(directory, schema)?
            }
            None => Index::create_in_ram(schema),
        };
        index.tokenizers().register(ANALYZER, analyzer());
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        let marks = dir.and_then(|it| std::fs::read_to_string(it.join("watermarks.txt")).ok()).unwrap_or_default();
        let marks = marks
            .lines()
            .filter_map(|line| line.split_once(' ').and_then(|(k, v)| v.parse().ok().map(|v| (k.to_owned(), v))))
            .collect();
        Ok(Self { index, reader, fields, dir: dir.map(Path::to_owned), write: Mutex::new(marks) })
    }

    /// The change time up to which a tenant's documents of a kind are indexed.
    pub fn watermark(&self, tenant: &str, kind: &str) -> i64 {
        let marks = self.write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        marks.get(&format!("{tenant}/{kind}")).copied().unwrap_or(0)
    }

    /// Writes documents (replacing earlier versions) and moves the watermark of their tenant and kind.
    pub fn upsert(&self, docs: &[Doc]) -> Result<(), SearchError> {
        if docs.is_empty() {
            return Ok(());
        }
        // One writer at a time; the mutex also guards the watermarks.
        let mut marks = self.write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut writer = self.index.writer::<TantivyDocument>(30_000_000)?;
        let f = self.fields;
        for it in docs {
            let key = format!("{}/{}/{}", it.tenant, it.kind, it.id);
            writer.delete_term(Term::from_field_text(f.key, &key));
            let mut document = doc!(
                f.key => key, f.tenant => it.tenant.clone(), f.kind => it.kind.clone(), f.id => it.id.clone(),
                f.title => it.title.clone(), f.body => it.body.clone(), f.date => it.date.clone(),
            );
            for category in &it.categories {
                document.add_text(f.categories, category);
            }
            for unit in &it.units {
                document.add_text(f.units, unit);
            }
            writer.add_document(document)?;
            let mark = marks.entry(format!("{}/{}", it.tenant, it.kind)).or_insert(0);
            *mark = (*mark).max(it.updated_ms);
        }
        writer.commit()?;
        drop(writer);
        self.reader.reload()?;
        self.save_marks(&marks)
    }

    /// Documents of a tenant and kind.
    pub fn count(&self, tenant: &str, kind: &str) -> Result<usize, SearchError> {
        Ok(self.reader.searcher().search(&self.of_kind(tenant, kind), &Count)?)
    }

    /// Drops a tenant's documents of a kind and its watermark (the database was replaced or restored).
    pub fn reset(&self, tenant: &str, kind: &str) -> Result<(), SearchError> {
        let mut marks = self.write.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut writer = self.index.writer::<TantivyDocument>(15_000_000)?;
        writer.delete_query(Box::new(self.of_kind(tenant, kind)))?;
        writer.commit()?;
        drop(writer);
        self.reader.reload()?;
        marks.remove(&format!("{tenant}/{kind}"));
        self.save_marks(&marks)
    }

    /// Documents of a tenant and kind, as a query.
    fn of_kind(&self, tenant: &str, kind: &str) -> BooleanQuery {
        let f = self.fields;
        let term = |field: Field, value: &str| -> Box<dyn tantivy::query::Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
        };
        BooleanQuery::new(vec![(Occur::Must, term(f.tenant, tenant)), (Occur::Must, term(f.kind, kind))])
    }

    fn save_marks(&self, marks: &HashMap<String, i64>) -> Result<(), SearchError> {
        if let Some(dir) = &self.dir {
            let text: String = marks.iter().map(|(k, v)| format!("{k} {v}\n")).collect();
            std::fs::write(dir.join("watermarks.txt"), text)?;
        }
        Ok(())
    }

    /// Documents in the index.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Searches; returns the hits and how many matched in all.
    pub fn search(&self, query: &Query) -> Result<(Vec<Hit>, usize), SearchError> {
        let f = self.fields;
        let mut parser = QueryParser::for_index(&self.index, vec![f.title, f.body]);
        parser.set_conjunction_by_default();
        parser.set_field_boost(f.title, 2.0);
        let parsed = parser.parse_query(&query.text).map_err(|err| SearchError::Query(err.to_string()))?;
        let term = |field: Field, value: &str| -> Box<dyn tantivy::query::Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
        };
        let mut clauses: Vec<(Occur, Box<dyn tantivy::query::Query>)> =
            vec![(Occur::Must, parsed.box_clone()), (Occur::Must, term(f.tenant, &query.tenant))];
        if let Some(kind) = &query.kind {
            clauses.push((Occur::Must, term(f.kind, kind)));
        }
        if let Some(category) = &query.category {
            clauses.push((Occur::Must, term(f.categories, category)));
        }
        if let Some(units) = &query.units {
            let any: Vec<(Occur, Box<dyn tantivy::query::Query>)> =
                units.iter().map(|unit| (Occur::Should, term(f.units, unit))).collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        let combined = BooleanQuery::new(clauses);
        let searcher = self.reader.searcher();
        let (top, total) = searcher.search(&combined, &(TopDocs::with_limit(query.limit.max(1)), Count))?;
        let mut snippets = SnippetGenerator::create(&searcher, &*parsed, f.body)?;
        snippets.set_max_num_chars(240);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let document: TantivyDocument = searcher.doc(address)?;
            let text =
                |field: Field| document.get_first(field).and_then(|it| it.as_str()).unwrap_or_default().to_owned();
            hits.push(Hit {
                kind: text(f.kind),
                id: text(f.id),
                title: text(f.title),
                snippet_html: snippets.snippet_from_doc(&document).to_html(),
                date: text(f.date),
                score,
            });
        }
        Ok((hits, total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, title: &str, body: &str, category: &str) -> Doc {
        Doc {
            tenant: "kota-a".into(),
            kind: "news".into(),
            id: id.into(),
            title: title.into(),
            body: body.into(),
            date: "2024-03-01".into(),
            categories: vec![category.into()],
            units: vec!["u1".into()],
            updated_ms: 5,
        }
    }

    #[test]
    fn stemmed_phrase_and_filter_queries() -> Result<(), SearchError> {
        let index = SearchIndex::open(None)?;
        index.upsert(&[
            doc(
                "1",
                "Pelayanan KTP lambat",
                "Warga mengeluhkan pelayanan yang lambat di kantor kosong.",
                "kualitas_pelayanan",
            ),
            doc("2", "Sekolah baru", "Masalah disiplin pegawai sekolah dibahas.", "disiplin_asn"),
        ])?;
        let find = |text: &str, category: Option<&str>| -> Result<Vec<String>, SearchError> {
            let query = Query {
                tenant: "kota-a".into(),
                text: text.into(),
                category: category.map(str::to_owned),
                limit: 10,
                ..Query::default()
            };
            Ok(index.search(&query)?.0.into_iter().map(|it| it.id).collect())
        };
        assert_eq!(find("dilayani", None)?, ["1"]);
        assert_eq!(find("\"kantor kosong\"", None)?, ["1"]);
        assert_eq!(find("\"kosong kantor\"", None)?, Vec::<String>::new());
        assert_eq!(find("masalah", None)?, ["2"]);
        assert_eq!(find("sekolah", Some("kualitas_pelayanan"))?, Vec::<String>::new());
        assert_eq!(find("kategori:disiplin_asn", None)?, ["2"]);
        index.upsert(&[doc("1", "Diganti", "isi baru", "sanksi")])?;
        assert_eq!(find("lambat", None)?, Vec::<String>::new());
        assert_eq!(index.len(), 2);
        assert_eq!(index.watermark("kota-a", "news"), 5);
        Ok(())
    }
}
