//! `pantau bench news`: the news pipeline at scale. A generated corpus (100,000 HTML pages by default) goes through
//! clean + dedup + extract on one thread, then into the search index; CPU seconds are read from the kernel, so the
//! figures are per core whatever else runs. The same run feeds the first pages to the Python stack (trafilatura,
//! datasketch, regex rules; `bench/news/run_baseline.sh`) and to Pantau, and reports the per-core ratio.

mod corpus;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use text::extract::{Article, Extractor};
use text::input::Format;
use text::near_dup::{BANDS, Grouper, SIMILAR};

/// Targets of the issue.
const MIN_MB_PER_CORE: f64 = 20.0;
const MIN_RATIO: f64 = 30.0;
const CHUNK: usize = 10_000;

/// CPU seconds of this thread or process, from /proc (Linux), at 100 ticks per second.
fn cpu_seconds(which: &str) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{which}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
    let ticks = |n: usize| fields.get(n).and_then(|it| it.parse::<f64>().ok()).unwrap_or(0.0);
    // After the command name: field 14 (utime) and 15 (stime) of proc(5) are at 11 and 12 here.
    (ticks(11) + ticks(12)) / 100.0
}

fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find(|it| it.starts_with("VmHWM:"))
        .and_then(|it| it.split_whitespace().nth(1)?.parse::<f64>().ok());
    kb.unwrap_or(0.0) / 1024.0
}

/// Bytes and CPU seconds of a run.
#[derive(Default, Clone, Copy)]
struct Measure {
    articles: usize,
    bytes: usize,
    cpu: f64,
}

impl Measure {
    fn mb_per_s(self) -> f64 {
        self.bytes as f64 / 1e6 / self.cpu.max(1e-9)
    }
    fn per_s(self) -> f64 {
        self.articles as f64 / self.cpu.max(1e-9)
    }
}

/// Clean + dedup + extract of pages on this thread.
fn pipeline(
    extractor: &Extractor,
    grouper: &mut Grouper,
    pages: &[corpus::Page],
) -> (Measure, Vec<search::Doc>, usize) {
    let start = cpu_seconds("thread-self");
    let mut docs = Vec::with_capacity(pages.len());
    let mut grouped = 0;
    let mut bytes = 0;
    for page in pages {
        bytes += page.html.len();
        let article = Article { body: &page.html, format: Format::Html, title: None, reference: None };
        let extraction = extractor.extract(&article);
        let index = docs.len();
        if grouper.add(extraction.signature.clone()) != index {
            grouped += 1;
        }
        docs.push(search::Doc {
            tenant: "bench".into(),
            kind: "news".into(),
            id: page.id.clone(),
            title: extraction.title.clone().unwrap_or_default(),
            body: extraction.text,
            date: extraction.published_date.map(|it| it.to_string()).unwrap_or_default(),
            categories: extraction.categories.iter().map(|it| (*it).to_owned()).collect(),
            units: Vec::new(),
            updated_ms: 1,
        });
    }
    (Measure { articles: pages.len(), bytes, cpu: cpu_seconds("thread-self") - start }, docs, grouped)
}

/// Runs the bench.
#[allow(clippy::print_stdout)] // The report is the command's output.
pub fn run(articles: usize, subset: usize, skip_baseline: bool) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new(store::demo::units::news_register());
    let scratch = tempfile::tempdir()?;
    let index = search::SearchIndex::open(Some(&scratch.path().join("index")))?;
    let (mut total, mut indexing, mut grouped) = (Measure::default(), Measure::default(), 0);
    let mut done = 0;
    let mut seed = 1;
    while done < articles {
        let count = CHUNK.min(articles - done);
        let pages = corpus::generate(seed, count);
        // Groups are found within a chunk of 10,000: what the in-memory grouper holds for a batch import.
        let mut grouper = Grouper::default();
        let (measure, docs, found) = pipeline(&extractor, &mut grouper, &pages);
        total.articles += measure.articles;
        total.bytes += measure.bytes;
        total.cpu += measure.cpu;
        grouped += found;
        let text_bytes: usize = docs.iter().map(|it| it.body.len() + it.title.len()).sum();
        let start = cpu_seconds("self");
        index.upsert(&docs)?;
        indexing.cpu += cpu_seconds("self") - start;
        indexing.articles += docs.len();
        indexing.bytes += text_bytes;
        done += count;
        seed += 1;
    }
    println!(
        "corpus: {} generated HTML pages, {:.1} MB ({} near-duplicates grouped)",
        total.articles,
        total.bytes as f64 / 1e6,
        grouped
    );
    println!(
        "clean + dedup + extract (1 thread): {:.1} MB/s per core, {:.0} articles/s per core ({:.1} CPU s)",
        total.mb_per_s(),
        total.per_s(),
        total.cpu
    );
    println!(
        "search indexing: {:.1} MB/s of cleaned text per core, {:.0} articles/s per core ({:.1} CPU s, {} documents)",
        indexing.mb_per_s(),
        indexing.per_s(),
        indexing.cpu,
        index.len()
    );
    let mut ok = total.mb_per_s() >= MIN_MB_PER_CORE;
    if !skip_baseline {
        ok &= baseline(&extractor, subset)?;
    }
    println!("peak RSS: {:.0} MiB", peak_rss_mib());
    println!("{}", if ok { "targets met" } else { "TARGET MISSED" });
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The Python stack and Pantau on the same first pages.
#[allow(clippy::print_stdout)]
fn baseline(extractor: &Extractor, subset: usize) -> anyhow::Result<bool> {
    let pages = corpus::generate(1, subset);
    let mut grouper = Grouper::default();
    let (ours, _, _) = pipeline(extractor, &mut grouper, &pages);
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("subset.jsonl");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file)?);
    for page in &pages {
        let line = serde_json::json!({ "id": page.id, "url": format!("https://warta.invalid/{}", page.id),
            "title": page.title, "html": page.html, "published": page.published });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    drop(out);
    let script =
        [concat!(env!("CARGO_MANIFEST_DIR"), "/../../bench/news/run_baseline.sh"), "bench/news/run_baseline.sh"]
            .into_iter()
            .map(std::path::PathBuf::from)
            .find(|it| it.exists())
            .context("bench/news/run_baseline.sh not found (run from the repository)")?;
    let output = std::process::Command::new("bash")
        .arg(&script)
        .arg(&file)
        .arg(subset.to_string())
        .args(["--shingle", "3", "--bands", &BANDS.to_string(), "--similar", &SIMILAR.to_string()])
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("running the Python baseline")?;
    anyhow::ensure!(output.status.success(), "the Python baseline failed");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).context("reading the baseline's JSON")?;
    let python_cpu = report["cpu_seconds"].as_f64().unwrap_or(f64::MAX);
    let python_articles = report["articles"].as_f64().unwrap_or(0.0);
    let python_rate = python_articles / python_cpu.max(1e-9);
    let ratio = ours.per_s() / python_rate.max(1e-9);
    println!(
        "python baseline (python {} / trafilatura {} / datasketch {}) on {} pages: {:.0} articles/s per core, {:.1} MB/s",
        report["python"].as_str().unwrap_or("?"),
        report["trafilatura"].as_str().unwrap_or("?"),
        report["datasketch"].as_str().unwrap_or("?"),
        python_articles,
        python_rate,
        report["bytes"].as_f64().unwrap_or(0.0) / 1e6 / python_cpu.max(1e-9)
    );
    println!(
        "pantau on the same pages: {:.0} articles/s per core, {:.1} MB/s → {ratio:.1}× per core",
        ours.per_s(),
        ours.mb_per_s()
    );
    Ok(ratio >= MIN_RATIO)
}
