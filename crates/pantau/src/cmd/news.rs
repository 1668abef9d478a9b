//! `pantau news …`: import files into a tenant, print extractions, score the extractor against a labelled set, poll
//! feeds.

use std::path::Path;
use std::process::ExitCode;

use serde_json::json;
use text::eval::{self, Fields, PersonField};
use text::extract::{Article, Extraction, Extractor};
use text::near_dup::Grouper;
use text::register::Register;

use super::news_files::{self, Item, Read};
use crate::cli::{NewsArgs, NewsCommand};
use crate::settings::ConfigError;

/// Runs a news subcommand.
pub async fn run(args: &NewsArgs) -> anyhow::Result<ExitCode> {
    match &args.command {
        NewsCommand::Import { paths, db, tenant } => {
            super::news_import::run(paths, &db.database_url, tenant.as_deref()).await
        }
        NewsCommand::Extract { files, database_url, tenant, reference_date, spans } => {
            let reference = parse_date(reference_date.as_deref())?;
            let register = register(database_url.as_deref(), tenant.as_deref()).await?;
            extract_files(files, Extractor::new(register), reference, *spans)
        }
        NewsCommand::Eval { labels, json, details } => evaluate(labels, *json, *details),
        NewsCommand::Poll { db, feeds_private_network, feeds_allow_address } => {
            let reach = crate::settings::feeds_reach(*feeds_private_network, feeds_allow_address.as_deref())?;
            super::news_import::poll(&db.database_url, reach).await
        }
    }
}

fn parse_date(raw: Option<&str>) -> anyhow::Result<Option<jiff::civil::Date>> {
    raw.map(|it| it.parse().map_err(|_| ConfigError(format!("--reference-date {it:?}: expected YYYY-MM-DD")).into()))
        .transpose()
}

/// The register of a database's tenant, or the demo one.
async fn register(url: Option<&str>, tenant: Option<&str>) -> anyhow::Result<Register> {
    let Some(url) = url else { return Ok(store::demo::units::news_register()) };
    let db = super::open_migrated(url).await?;
    let tenant = super::pick_tenant(&db, tenant).await?;
    let mut conn = db.conn().await?;
    let register = store::news::load_register(&mut conn, &tenant.id).await?;
    drop(conn);
    db.close().await;
    Ok(register)
}

/// Extracts one item.
pub fn extract_item(extractor: &Extractor, item: &Item, reference: Option<jiff::civil::Date>) -> Extraction {
    let article = Article {
        body: &item.body,
        format: item.format,
        title: item.title.as_deref(),
        reference: item.published.or(reference),
    };
    extractor.extract(&article)
}

/// The fields `extract` prints and `eval` compares.
pub fn fields(file: &str, extraction: &Extraction, register: &Register, group: &str) -> Fields {
    let name = |code: Option<&str>| code.and_then(text::regions::region).map(|it| it.name.clone());
    Fields {
        file: file.to_owned(),
        reference_date: None,
        relevant: extraction.relevant,
        published_date: extraction.published_date.map(|it| it.to_string()),
        province: name(extraction.province),
        city_or_regency: name(extraction.city_or_regency),
        agencies: extraction.agencies.iter().map(|it| it.name.clone()).collect(),
        units: extraction
            .linked_units()
            .into_iter()
            .filter_map(|it| register.units().get(it))
            .map(|it| it.code.clone())
            .collect(),
        people: extraction
            .people
            .iter()
            .map(|it| PersonField { name: it.name.clone(), role: it.role.to_owned() })
            .collect(),
        categories: extraction.categories.iter().map(|it| (*it).to_owned()).collect(),
        group: group.to_owned(),
    }
}

#[allow(clippy::print_stdout)] // One JSON object per file is the command's output.
fn extract_files(
    paths: &[std::path::PathBuf],
    extractor: Extractor,
    reference: Option<jiff::civil::Date>,
    spans: bool,
) -> anyhow::Result<ExitCode> {
    let mut grouper = Grouper::default();
    let mut names: Vec<String> = Vec::new();
    let mut code = ExitCode::SUCCESS;
    for path in news_files::files(paths)? {
        for read in news_files::read(&path) {
            match read {
                Read::Item(item) => {
                    let extraction = extract_item(&extractor, &item, reference);
                    let group = grouper.add(extraction.signature.clone());
                    names.push(item.name.clone());
                    let fields = fields(&item.name, &extraction, extractor.register(), &names[group]);
                    let shown = spans.then_some((extraction.text.as_str(), extraction.found.as_slice()));
                    println!("{}", serde_json::to_string(&super::news_out::FieldsOut::new(&fields, shown))?);
                }
                Read::Skipped(name, skip) => {
                    println!("{}", json!({ "file": name, "skipped": skip.to_string() }));
                    code = ExitCode::from(1);
                }
            }
        }
    }
    Ok(code)
}

/// Runs the extractor over a labelled set and prints the scores.
#[allow(clippy::print_stdout)] // The score table is the command's output.
fn evaluate(labels_path: &Path, as_json: bool, verbose: bool) -> anyhow::Result<ExitCode> {
    let raw = std::fs::read_to_string(labels_path)
        .map_err(|err| ConfigError(format!("cannot read {}: {err}", labels_path.display())))?;
    let mut labels: Vec<Fields> = Vec::new();
    for (index, line) in raw.lines().enumerate().filter(|(_, it)| !it.trim().is_empty()) {
        let parsed: Fields = serde_json::from_str(line)
            .map_err(|err| ConfigError(format!("{} line {}: {err}", labels_path.display(), index + 1)))?;
        labels.push(parsed);
    }
    let base = labels_path.parent().unwrap_or(Path::new("."));
    let extractor = Extractor::new(store::demo::units::news_register());
    let mut grouper = Grouper::default();
    let mut predicted = Vec::new();
    for label in &labels {
        let path = base.join(&label.file);
        let reference = parse_date(label.reference_date.as_deref())?;
        let item = news_files::read(&path).into_iter().find_map(|it| match it {
            Read::Item(item) => Some(item),
            Read::Skipped(..) => None,
        });
        let item = item.ok_or_else(|| ConfigError(format!("{}: unreadable or skipped", path.display())))?;
        let extraction = extract_item(&extractor, &item, reference);
        let group = grouper.add(extraction.signature.clone());
        let group_name = labels[group].file.clone();
        predicted.push(fields(&label.file, &extraction, extractor.register(), &group_name));
    }
    let scores = eval::score(&labels, &predicted);
    if verbose {
        for (gold, guess) in labels.iter().zip(&predicted) {
            print_differences(gold, guess);
        }
    }
    if as_json {
        let rows: Vec<_> = scores
            .iter()
            .map(|(field, c)| {
                json!({ "field": field, "tp": c.tp, "fp": c.fp, "fn": c.fn_,
                "precision": c.precision(), "recall": c.recall(), "f1": c.f1() })
            })
            .collect();
        println!("{}", json!({ "articles": labels.len(), "fields": rows }));
    } else {
        println!("{} labelled articles ({})", labels.len(), labels_path.display());
        println!("{:<18} {:>9} {:>9} {:>9} {:>5} {:>5} {:>5}", "field", "precision", "recall", "F1", "tp", "fp", "fn");
        for (field, c) in &scores {
            println!(
                "{field:<18} {:>9.3} {:>9.3} {:>9.3} {:>5} {:>5} {:>5}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[allow(clippy::print_stdout)] // Part of the --details report.
fn print_differences(gold: &Fields, guess: &Fields) {
    let mut lines = Vec::new();
    let mut check = |field: &str, a: String, b: String| {
        if a != b {
            lines.push(format!("  {field}: expected {a} got {b}"));
        }
    };
    check("relevant", gold.relevant.to_string(), guess.relevant.to_string());
    check("date", format!("{:?}", gold.published_date), format!("{:?}", guess.published_date));
    check("province", format!("{:?}", gold.province), format!("{:?}", guess.province));
    check("city", format!("{:?}", gold.city_or_regency), format!("{:?}", guess.city_or_regency));
    check("agencies", format!("{:?}", gold.agencies), format!("{:?}", guess.agencies));
    check("units", format!("{:?}", gold.units), format!("{:?}", guess.units));
    let people = |it: &Fields| it.people.iter().map(|p| format!("{}/{}", p.name, p.role)).collect::<Vec<_>>();
    check("people", format!("{:?}", people(gold)), format!("{:?}", people(guess)));
    check("categories", format!("{:?}", gold.categories), format!("{:?}", guess.categories));
    if !lines.is_empty() {
        println!("{}\n{}", gold.file, lines.join("\n"));
    }
}
