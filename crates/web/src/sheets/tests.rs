//! Reading within limits and writing without formulas.

use std::io::Write;

use super::*;

const SMALL: Limits = Limits::rows(100);

/// A workbook with a header row and one cell far away, as a spreadsheet program writes it.
pub(crate) fn far_cell_workbook(row: u32, column: u16) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "kode").expect("cell");
    sheet.write_string(row, column, "x").expect("cell");
    workbook.save_to_buffer().expect("workbook")
}

/// A workbook whose shared strings unpack to `megabytes` MB from a few hundred kilobytes.
pub(crate) fn bomb_workbook(megabytes: usize) -> Vec<u8> {
    let good = far_cell_workbook(1, 1);
    let mut source = zip::ZipArchive::new(std::io::Cursor::new(good)).expect("archive");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for index in 0..source.len() {
        let mut part = source.by_index(index).expect("part");
        let name = part.name().to_owned();
        out.start_file(name.as_str(), options).expect("start");
        if name == "xl/sharedStrings.xml" {
            out.write_all(
                b"<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
            )
            .expect("write");
            let chunk = "<si><t>a</t></si>".repeat(4096);
            for _ in 0..(megabytes << 20) / chunk.len() {
                out.write_all(chunk.as_bytes()).expect("write");
            }
            out.write_all(b"</sst>").expect("write");
        } else {
            std::io::copy(&mut part, &mut out).expect("copy");
        }
    }
    out.finish().expect("finish").into_inner()
}

#[test]
fn a_cell_far_away_is_refused_without_allocating_the_grid() {
    let bytes = far_cell_workbook(1_048_575, 16_383);
    assert!(bytes.len() < 10_000, "the attack file is small: {} bytes", bytes.len());
    assert_eq!(read("unit.xlsx", &bytes, SMALL), Err(SheetProblem::TooManyRows { max: 101 }));
    let wide = far_cell_workbook(1, 16_383);
    assert_eq!(read("unit.xlsx", &wide, SMALL), Err(SheetProblem::TooManyColumns { row: 2, max: 64 }));
    let fine = far_cell_workbook(99, 5);
    let table = read("unit.xlsx", &fine, SMALL).expect("within the limits");
    assert_eq!((table.len(), table[99][5].as_str(), table[0][0].as_str()), (100, "x", "kode"));
}

#[test]
fn a_zip_bomb_is_refused_by_its_unpacked_size() {
    let bytes = bomb_workbook(128);
    assert!(bytes.len() < 2 << 20, "the bomb is small: {} bytes", bytes.len());
    assert_eq!(read("x.xlsx", &bytes, SMALL), Err(SheetProblem::TooLarge { max_mb: 96 }));
}

#[test]
fn a_long_cell_is_refused_with_its_row() {
    let long = "a".repeat(40_000);
    let text = format!("kode,nama\nX,{long}\n");
    assert_eq!(read("u.csv", text.as_bytes(), SMALL), Err(SheetProblem::CellTooLong { row: 2, max: 32_767 }));
}

#[test]
fn an_unclosed_quote_is_refused_at_the_line_it_opens() {
    let text = "kode,jenis,nama\nA,dinas,\"Dinas A\nB,dinas,Dinas B\nC,dinas,Dinas C\n";
    assert_eq!(read("u.csv", text.as_bytes(), SMALL), Err(SheetProblem::UnclosedQuote { line: 2 }));
    let closed = "kode,jenis,nama\nA,dinas,\"Dinas \"\"A\"\",\nbaris dua\"\nB,dinas,Dinas B\n";
    let table = read("u.csv", closed.as_bytes(), SMALL).expect("quotes closed");
    assert_eq!(table[1][2], "Dinas \"A\",\nbaris dua");
    assert_eq!(table[3][0], "B", "a cell over two lines keeps the line numbers of the file");
}

#[test]
fn rows_with_another_number_of_fields_are_refused_by_line() {
    let short = "kode,jenis,nama\nA,dinas,Dinas A\nB,dinas\n";
    let problem = SheetProblem::FieldCount { line: 3, expected: 3, found: 2 };
    assert_eq!(read("u.csv", short.as_bytes(), SMALL), Err(problem));
    let long = "kode;jenis;nama\nA;dinas;Dinas A;lebih\n";
    let problem = SheetProblem::FieldCount { line: 2, expected: 3, found: 4 };
    assert_eq!(read("u.csv", long.as_bytes(), SMALL), Err(problem));
    let blank = "kode,jenis,nama\n\n   \nA,dinas,Dinas A\n";
    let table = read("u.csv", blank.as_bytes(), SMALL).expect("blank lines are no rows");
    assert_eq!(table[3][0], "A");
}

#[test]
fn too_many_csv_rows_are_refused_before_the_end_of_the_file() {
    let mut text = String::from("kode\n");
    for n in 0..200 {
        text.push_str(&format!("U{n}\n"));
    }
    assert_eq!(read("u.csv", text.as_bytes(), SMALL), Err(SheetProblem::TooManyRows { max: 101 }));
}

#[test]
fn formulas_are_written_as_text_and_read_back_as_written() {
    assert_eq!(neutralise("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
    for risky in ["+1+1", "-1+cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"] {
        assert!(neutralise(risky).starts_with('\''), "{risky:?}");
    }
    for plain in ["-5", "+62812345678", "3.5", "Dinas Kesehatan", "", "a=b"] {
        assert_eq!(neutralise(plain), plain);
    }
    let bytes = write_csv(&["kode", "nama"], [["=1+1", "-2"], ["@x", "Dinas"]]).expect("csv");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    assert!(text.contains("'=1+1,-2") && text.contains("'@x,Dinas"), "{text}");
    let table = read("u.csv", &bytes, SMALL).expect("reads");
    assert_eq!((table[1][0].as_str(), table[2][0].as_str()), ("=1+1", "@x"));
}
