//! A year of complaints and letters for the demo kota: enough that every scorecard has figures and that a few units
//! land on the watch list for visibly different reasons. Deterministic (a fixed seed), dated back from the moment
//! the demo loads, and written through the ordinary actions in the order things happened, so the audit trail reads
//! as a year of work. The texts are invented.

use domain::calendar::{Calendar, Zone};
use domain::complaints::intake::{RawItem, Source};
use domain::complaints::{Action, Channel, Outcome, Party};
use jiff::Timestamp;
use jiff::civil::{Date, time};

use super::Dice;
use crate::complaints::actions::{Step, take};
use crate::complaints::intake::{Submission, file};
use crate::{ActionCx, StoreError};

/// unit, items a month, first answers on time (%), recent items never answered (%), letters (%), usual rating.
type Profile = (&'static str, u64, u64, u64, u64, i64);

const PROFILES: [Profile; 10] = [
    ("DPMPTSP", 30, 93, 0, 20, 4),
    // Slow to answer all year: on the list for its on-time rate.
    ("DISDUKCAPIL", 40, 58, 0, 5, 3),
    // Answers well, but lately leaves items unanswered for weeks: on the list for its backlog.
    ("DISHUB", 12, 88, 45, 10, 3),
    ("DLH", 10, 90, 0, 5, 4),
    ("DINSOS", 9, 88, 0, 15, 4),
    ("PKM-PAMULANG", 14, 91, 0, 0, 4),
    ("RSUD", 16, 85, 0, 5, 3),
    ("SATPOL-PP", 8, 89, 0, 10, 4),
    ("KEC-PAMULANG", 9, 95, 0, 30, 5),
    ("KEC-SERPONG", 9, 92, 0, 30, 4),
];

/// category, title, body: invented complaints, one per line of work.
const TEXTS: [(&str, &str, &str); 8] = [
    (
        "perizinan",
        "Berkas izin usaha belum diproses",
        "Berkas izin usaha saya sudah lengkap sejak dua minggu lalu tetapi statusnya belum berubah di sistem.",
    ),
    (
        "kependudukan",
        "KTP-el belum tercetak",
        "Sudah rekam data sebulan lalu, setiap datang ke loket dikatakan blangko belum tersedia.",
    ),
    (
        "jalan_infrastruktur",
        "Lampu lalu lintas mati",
        "Lampu lalu lintas di simpang pasar mati sejak tiga hari, kendaraan saling serobot pada jam sibuk.",
    ),
    (
        "kebersihan",
        "Sampah tidak diangkut",
        "Tumpukan sampah di ujung gang belum diangkut seminggu dan mulai berbau ke rumah warga.",
    ),
    (
        "kesehatan",
        "Antrean poli terlalu lama",
        "Pasien lansia menunggu lebih dari empat jam di poli umum tanpa kejelasan nomor antrean.",
    ),
    (
        "sikap_petugas",
        "Petugas loket tidak ramah",
        "Petugas loket membentak warga yang bertanya tentang persyaratan, mohon ditegur dan dibina.",
    ),
    (
        "informasi_publik",
        "Persyaratan layanan tidak dipasang",
        "Di kantor tidak ada papan persyaratan dan biaya layanan sehingga warga bolak-balik melengkapi berkas.",
    ),
    (
        "lainnya",
        "Kantor kosong pada jam layanan",
        "Pukul sepuluh pagi tidak ada petugas di meja layanan, warga menunggu tanpa ada yang menerima surat.",
    ),
];

/// Which step, in the order one item takes them.
#[derive(Clone, Copy, Debug)]
enum What {
    File,
    Verify,
    Answer,
    Rate(i64),
    Reopen,
    Close(Outcome),
    Contest,
}

/// One step of one item at one instant.
struct Planned {
    at: Timestamp,
    item: usize,
    seq: usize,
    what: What,
}

/// The days of the year that ends at `today`: its months, oldest first, each with its working days.
fn working_days(calendar: &Calendar, today: Date, month_back: i32) -> Vec<Date> {
    let first = today.first_of_month().checked_sub(jiff::Span::new().months(month_back)).unwrap_or(today);
    let last = first.last_of_month().min(today);
    let mut out = Vec::new();
    let mut day = first;
    loop {
        if calendar.is_workday(day) {
            out.push(day);
        }
        match day.tomorrow() {
            Ok(next) if next <= last => day = next,
            _ => break,
        }
    }
    out
}

struct Clock<'a> {
    calendar: &'a Calendar,
    zone: Zone,
}

impl Clock<'_> {
    /// A working day `n` working days after `day`, at the local hour.
    fn at(&self, day: Date, n: u32, hour: i8) -> Timestamp {
        let date = self.calendar.add_workdays(day, n);
        date.to_datetime(time(hour, 0, 0, 0))
            .to_zoned(self.zone.time_zone())
            .map_or(Timestamp::MAX, |it| it.timestamp())
    }

    fn day(&self, at: Timestamp) -> Date {
        self.zone.local_date(at)
    }
}

/// The steps of one item received on `day`, stopping at `now`.
fn plan_item(
    dice: &mut Dice,
    clock: &Clock<'_>,
    (item, profile, day): (usize, &Profile, Date),
    now: Timestamp,
) -> Vec<Planned> {
    let (_, _, on_time, never, _, rating) = *profile;
    let mut steps = Vec::new();
    let mut push = |at: Timestamp, what| steps.push(Planned { at, item, seq: 0, what });
    let filed = clock.at(day, 0, 8 + i8::try_from(dice.next(6)).unwrap_or(0));
    push(filed, What::File);
    let verified = clock.at(day, u32::try_from(dice.next(2)).unwrap_or(0), 14);
    push(verified, What::Verify);
    let recent = now.duration_since(filed).as_hours() < 24 * 60;
    if recent && dice.chance(never) {
        return number(steps, now);
    }
    let wait = if dice.chance(on_time) { 1 + dice.next(4) } else { 6 + dice.next(9) };
    let answered = clock.at(clock.day(verified), u32::try_from(wait).unwrap_or(1), 10);
    push(answered, What::Answer);
    let mut last = answered;
    if dice.chance(60) {
        let score = (rating + i64::try_from(dice.next(3)).unwrap_or(0) - 1).clamp(1, 5);
        last = clock.at(clock.day(answered), 1, 9);
        push(last, What::Rate(score));
    }
    if dice.chance(3) {
        push(clock.at(clock.day(last), 1, 11), What::Reopen);
        last = clock.at(clock.day(last), 3, 10);
        push(last, What::Answer);
    }
    let outcome = if dice.chance(85) { Outcome::Resolved } else { Outcome::ResolvedInPart };
    let closed = clock.at(clock.day(last), 3 + u32::try_from(dice.next(5)).unwrap_or(0), 15);
    push(closed, What::Close(outcome));
    if dice.chance(2) {
        push(clock.at(clock.day(closed), 1, 9), What::Contest);
    }
    number(steps, now)
}

/// Numbers the steps of an item and drops those still in the future.
fn number(mut steps: Vec<Planned>, now: Timestamp) -> Vec<Planned> {
    for (seq, step) in steps.iter_mut().enumerate() {
        step.seq = seq;
    }
    steps.retain(|it| it.at <= now);
    steps
}

/// Plans every item of every profile over the twelve months before `now`, in the order things happened.
fn plan(calendar: &Calendar, zone: Zone, now: Timestamp) -> (Vec<(usize, &'static Profile)>, Vec<Planned>) {
    let clock = Clock { calendar, zone };
    let today = zone.local_date(now);
    let mut dice = Dice(17);
    let (mut items, mut steps) = (Vec::new(), Vec::new());
    for month_back in (0..12).rev() {
        let days = working_days(calendar, today, month_back);
        for profile in &PROFILES {
            let count = profile.1 * 3 / 4 + dice.next(profile.1 / 2 + 1);
            for _ in 0..count {
                let Some(day) = days.get(usize::try_from(dice.next(days.len() as u64)).unwrap_or(0)).copied() else {
                    continue;
                };
                let item = items.len();
                items.push((usize::try_from(dice.next(TEXTS.len() as u64)).unwrap_or(0), profile));
                steps.extend(plan_item(&mut dice, &clock, (item, profile, day), now));
            }
        }
    }
    steps.sort_by_key(|it| (it.at, it.item, it.seq));
    (items, steps)
}

fn submission(dice: &mut Dice, (text, profile): (usize, &Profile)) -> Submission {
    let (category, title, body) = TEXTS[text];
    let letter = dice.chance(profile.4);
    let raw = RawItem {
        kind: if letter { "surat_masuk" } else { "pengaduan" }.into(),
        category: category.into(),
        title: title.into(),
        body: body.into(),
        confidentiality: if dice.chance(20) { "rahasia" } else { "publik" }.into(),
        name: "Warga (contoh demo)".into(),
        contact: "warga@demo.pantau.invalid".into(),
        letter_sender: if letter { "Ketua RW 05 (contoh demo)".into() } else { String::new() },
        letter_number: if letter { format!("{:03}/RW05/2026", dice.next(900) + 1) } else { String::new() },
        letter_date: String::new(),
        ..RawItem::default()
    };
    let source = if letter { Source::FrontDesk } else { Source::Citizen };
    Submission { raw, source, channel: Channel::Web, ip: None, files: Vec::new(), registered_by: None }
}

/// Loads the year.
pub(super) async fn load(cx: &ActionCx<'_>) -> Result<(), StoreError> {
    let data = cx.db.tenant_data(cx.tenant).await?;
    let (items, steps) = plan(&data.calendar, data.tenant.zone, cx.now);
    let mut dice = Dice(91);
    let mut stored: Vec<Option<String>> = vec![None; items.len()];
    for planned in steps {
        let at = ActionCx { db: cx.db, tenant: cx.tenant, actor: cx.actor.clone(), now: planned.at, ids: cx.ids };
        let (text, profile) = items[planned.item];
        if let What::File = planned.what {
            let mut submission = submission(&mut dice, (text, profile));
            if submission.raw.kind == "surat_masuk" {
                submission.raw.letter_date = at.now.to_zoned(data.tenant.zone.time_zone()).date().to_string();
            }
            stored[planned.item] = Some(file(&at, submission).await?.item.id);
            continue;
        }
        let Some(id) = stored[planned.item].as_deref() else { continue };
        let unit = data.units.iter().find(|it| it.draft.code == profile.0).map(|it| it.id.clone());
        take(&at, id, step_of(planned.what, unit)).await?;
    }
    crate::complaints::escalation::run(cx.db, cx.ids, cx.now).await?;
    Ok(())
}

fn step_of(what: What, unit: Option<domain::ids::UnitId>) -> Step {
    let (action, party) = match what {
        What::File | What::Verify => (Action::Verify, Party::Administrator),
        What::Answer => (Action::Answer, Party::Unit),
        What::Rate(_) => (Action::Rate, Party::Reporter),
        What::Reopen => (Action::Reopen, Party::Reporter),
        What::Close(outcome) => (Action::Close(outcome), Party::Administrator),
        What::Contest => (Action::Contest, Party::Reporter),
    };
    let mut step = Step::new(action, party);
    step.unit = unit;
    step.body = Some(match what {
        What::Answer => "Sudah kami tindak lanjuti; petugas telah dijadwalkan dan pelapor dihubungi.".into(),
        What::Reopen => "Masalahnya belum selesai, kondisi di lapangan masih sama.".into(),
        What::Contest => "Penutupan ini keliru karena masalahnya belum ditangani.".into(),
        _ => "Catatan demo.".into(),
    });
    if let What::Rate(score) = what {
        step.rating = Some(score);
    }
    step
}
