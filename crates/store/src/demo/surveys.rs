//! Demo surveys: services of a licensing office, a health centre and a district office, each surveyed over the
//! last four quarters with invented answers, so the report pages, the trend and the exports have something to show.

use domain::surveys::profile::PROFILE;
use domain::surveys::response::Response;
use domain::surveys::{Period, PeriodKind};

use crate::surveys::catalog::{self, RawSettings, RawSurvey};
use crate::surveys::services::{self, RawService};
use crate::surveys::{Channel, responses};
use crate::{ActionCx, StoreError};

/// unit code, service, description, yearly users, the element that does not apply (with why), respondents per
/// quarter, and how well it goes (0–100: the share of 4s and 3s among answers).
type DemoService = (&'static str, &'static str, &'static str, u64, Option<(usize, &'static str)>, u64, u64);

const SERVICES: [DemoService; 4] = [
    (
        "DPMPTSP",
        "Perizinan berusaha (NIB dan izin usaha mikro)",
        "Pendaftaran dan penerbitan perizinan berusaha",
        4_800,
        Some((3, "Perizinan ini tidak dipungut biaya")),
        90,
        86,
    ),
    ("DPMPTSP", "Persetujuan bangunan gedung (PBG)", "Pemeriksaan dokumen dan penerbitan PBG", 900, None, 40, 66),
    ("PKM-PAMULANG", "Pelayanan rawat jalan umum", "Pemeriksaan pasien umum di poli", 26_000, None, 120, 82),
    (
        "KEC-PAMULANG",
        "Legalisasi dan surat keterangan",
        "Surat pengantar, legalisasi, dan keterangan domisili",
        3_000,
        Some((3, "Layanan tanpa biaya")),
        60,
        84,
    ),
];

use super::Dice;

/// The unit whose index falls this quarter, so the watch list shows a drop (rule `ikm_turun`).
const FALLS_NOW: &str = "KEC-PAMULANG";

fn response(dice: &mut Dice, quality: u64, not_applicable: Option<usize>) -> Response {
    let answers = std::array::from_fn(|n| {
        if Some(n) == not_applicable {
            return None;
        }
        // Element 8 (complaint handling) runs behind in every demo unit, so the weakest-element list shows it.
        let good = if n == 8 { quality.saturating_sub(20) } else { quality };
        let roll = dice.next(100);
        Some(if roll < good / 2 {
            4
        } else if roll < good {
            3
        } else if roll < good + (100 - good) * 2 / 3 {
            2
        } else {
            1
        })
    });
    let profile = std::array::from_fn(|n| {
        let values = PROFILE[n].values;
        let pick = dice.next(values.len() as u64 + 1);
        usize::try_from(pick).ok().and_then(|it| values.get(it)).copied()
    });
    let suggestion =
        (dice.next(12) == 0).then(|| "Mohon ruang tunggu ditambah kursi dan nomor antrean dibuat daring.".to_owned());
    Response { answers, profile, suggestion }
}

/// Defines the services, opens their last four quarterly surveys and fills them.
pub(super) async fn load(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let units = {
        let mut conn = cx.db.conn().await?;
        crate::org::queries::list_units(&mut conn, cx.tenant).await?
    };
    let today = domain::calendar::Zone::parse("Asia/Jakarta")
        .map_or_else(|_| cx.now.to_zoned(jiff::tz::TimeZone::UTC).date(), |zone| zone.local_date(cx.now));
    let mut dice = Dice(2026);
    for (code, name, description, population, not_applicable, per_quarter, quality) in SERVICES {
        let Some(unit) = units.iter().find(|it| it.draft.code == code) else { continue };
        let raw = RawService {
            unit_id: unit.id.as_str().to_owned(),
            name: name.to_owned(),
            description: description.to_owned(),
            population: population.to_string(),
            active: true,
        };
        let service = services::create(cx, &raw).await?;
        for (age, period) in Period::containing(PeriodKind::Quarter, today).trail(4).into_iter().rev().enumerate() {
            let raw = RawSurvey { service_id: service.id.clone(), period: period.code(), population: String::new() };
            let survey = catalog::open(cx, &raw).await?;
            let survey = match not_applicable {
                Some((n, reason)) => {
                    let mut settings = RawSettings {
                        population: survey.population.map(|it| it.to_string()).unwrap_or_default(),
                        ..RawSettings::default()
                    };
                    settings.not_applicable[n] = reason.to_owned();
                    catalog::update_settings(cx, &survey.id, &settings).await?
                }
                None => survey,
            };
            // Older quarters went a little worse: the trend rises towards today.
            let quality = match (age, code) {
                (0, FALLS_NOW) => quality.saturating_sub(25),
                _ => quality.saturating_sub(3 * age as u64),
            };
            let count = per_quarter - if age == 0 { per_quarter / 3 } else { 0 };
            let rows: Vec<(String, Response)> = (0..count)
                .map(|n| (format!("demo-{n}"), response(&mut dice, quality, not_applicable.map(|it| it.0))))
                .collect();
            responses::import_as(cx, &survey, (Channel::Web, "demo"), &rows).await?;
            if age > 0 {
                catalog::set_open(cx, &survey.id, false).await?;
            }
        }
    }
    Ok(())
}
