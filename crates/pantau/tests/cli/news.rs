//! `pantau news`: extraction of the labelled set's articles, the evaluation's scores, and an import that skips bad
//! files with their reasons, keeps the rest and can be run again without duplicates.

use super::{pantau, stdout};

const LABELS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/news-eval/labels.jsonl");

#[test]
fn eval_reports_every_field_with_the_targets_met() {
    let output = pantau(&["news", "eval", LABELS, "--json"]);
    assert!(output.status.success(), "{}", super::stderr(&output));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let f1 = |field: &str| {
        report["fields"]
            .as_array()
            .and_then(|rows| rows.iter().find(|it| it["field"] == field))
            .map_or(0.0, |it| it["f1"].as_f64().unwrap_or(0.0))
    };
    assert!(report["articles"].as_u64().unwrap_or(0) >= 40);
    for field in ["agencies", "region", "published_date"] {
        assert!(f1(field) >= 0.90, "{field}: {}", f1(field));
    }
    assert!(f1("categories") >= 0.85, "categories: {}", f1("categories"));
}

#[test]
fn extract_prints_one_object_per_file() {
    let article =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/news-eval/articles/001-dinkop-ukm-tangsel-surat-ditolak.txt");
    let output = pantau(&["news", "extract", article]);
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_str(stdout(&output).trim()).expect("JSON");
    assert_eq!(value["city_or_regency"], "Kota Tangerang Selatan");
    assert!(value["units"].as_array().is_some_and(|it| it.iter().any(|u| u == "DINKOP-UKM")), "{value}");
}

#[test]
fn import_skips_bad_files_with_reasons_and_runs_again_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("news.db").display());
    assert!(pantau(&["demo", "--without-history", "--database-url", &url]).status.success());
    let folder = dir.path().join("masuk");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("a.txt"),
        "Camat Serpong Mengecek Loket\nTangsel - Senin, 2 September 2024\nCamat \
        memeriksa loket pelayanan Kecamatan Serpong yang sepi pada jam pelayanan setelah warga mengeluhkan antrean.\n",
    )
    .unwrap();
    std::fs::write(folder.join("biner.bin"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    std::fs::write(folder.join("lama.txt"), b"Dinas Sosial \x93Tangsel\x94 caf\xe9\n").unwrap();
    std::fs::write(folder.join("umpan.jsonl"), "{\"title\":\"Uji\",\"text\":\"Pegawai Dinas Sosial Kota Tangerang \
        Selatan mangkir dari apel pagi dan BKPSDM menyiapkan sanksi disiplin.\",\"published\":\"2024-09-03\"}\nbukan json\n")
        .unwrap();
    let first = pantau(&["news", "import", folder.to_str().unwrap(), "--database-url", &url]);
    let report = stdout(&first);
    assert_eq!(first.status.code(), Some(1), "something was skipped: {report}");
    assert!(report.contains("biner.bin: skipped: binary file"), "{report}");
    assert!(report.contains("lama.txt: skipped: not UTF-8") && report.contains("Windows-1252"), "{report}");
    assert!(report.contains("line 2"), "{report}");
    assert!(report.contains("2 new, 0 already stored, 3 skipped"), "{report}");
    let again = pantau(&["news", "import", folder.to_str().unwrap(), "--database-url", &url]);
    assert!(stdout(&again).contains("0 new, 2 already stored, 3 skipped"), "{}", stdout(&again));
}
