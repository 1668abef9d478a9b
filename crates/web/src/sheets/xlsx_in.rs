//! XLSX in: the first sheet, read cell by cell (calamine's streaming reader), never as the rows × columns grid the
//! sheet's `dimension` claims. The archive is unpacked once into nothing first, counting bytes, so that a zip bomb
//! is refused before calamine reads its shared strings.

use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};

use super::{Limits, SheetProblem, place};

/// Most parts in a workbook; ours have a dozen, Excel's rarely a hundred.
const MAX_PARTS: usize = 10_000;

pub(super) fn read(bytes: &[u8], limits: Limits) -> Result<Vec<Vec<String>>, SheetProblem> {
    check_unzipped_size(bytes, limits.max_unzipped_bytes)?;
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|_| SheetProblem::Unreadable)?;
    let Some(name) = workbook.sheet_names().into_iter().next() else { return Ok(Vec::new()) };
    let mut cells = workbook.worksheet_cells_reader(&name).map_err(|_| SheetProblem::Unreadable)?;
    let mut table = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|_| SheetProblem::Unreadable)? {
        let (row, column) = cell.get_position();
        let text = match Data::from(cell.get_value().clone()) {
            // A styled cell without a value is not content: Excel writes them for formatted, empty areas.
            Data::Empty => continue,
            Data::Float(it) if it.fract() == 0.0 => format!("{it:.0}"),
            other => other.to_string(),
        };
        let at = (usize::try_from(row).unwrap_or(usize::MAX), usize::try_from(column).unwrap_or(usize::MAX));
        place(&mut table, at, text, limits)?;
    }
    Ok(table)
}

/// Unpacks every part into a counter; refuses the archive once the total passes the limit.
fn check_unzipped_size(bytes: &[u8], max: u64) -> Result<(), SheetProblem> {
    let too_large = SheetProblem::TooLarge { max_mb: max >> 20 };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| SheetProblem::Unreadable)?;
    if archive.len() > MAX_PARTS {
        return Err(too_large);
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let part = archive.by_index(index).map_err(|_| SheetProblem::Unreadable)?;
        let left = max.saturating_sub(total);
        let read =
            std::io::copy(&mut part.take(left + 1), &mut std::io::sink()).map_err(|_| SheetProblem::Unreadable)?;
        total = total.saturating_add(read);
        if total > max {
            return Err(too_large);
        }
    }
    Ok(())
}
