//! A generated news corpus for `pantau bench news`: HTML pages in the shape of Indonesian regional news sites
//! (menu, scripts, sidebar, comment prompt, footer around an article of 5–9 paragraphs) with agencies, officials,
//! dates and issue words drawn from lists written for this bench, some paragraphs repeated, and every third
//! article a rewrite of an earlier one by "another outlet". Deterministic for a seed, so runs compare.

const REGIONS: [&str; 8] = [
    "Kota Tangerang Selatan",
    "Kabupaten Bogor",
    "Kota Serang",
    "Kabupaten Tabanan",
    "Kota Bontang",
    "Kota Makassar",
    "Kabupaten Sidoarjo",
    "Kota Medan",
];
const AGENCIES: [&str; 10] = [
    "Dinas Koperasi dan UKM",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Sosial",
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)",
    "UPT Samsat",
    "Puskesmas Cilandak",
    "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu (DPMPTSP)",
    "Inspektorat Daerah",
    "Satpol PP",
    "Kantor Kecamatan Pondok Aren",
];
const PEOPLE: [&str; 8] = [
    "Rahmat Santoso",
    "Siti Nurhaliza Putri",
    "Dedi Kurniawan",
    "Wayan Sudarsana",
    "Andi Mappaseng",
    "Yohana Simanjuntak",
    "Bambang Triyono",
    "Lilis Suryani",
];
const ROLES: [&str; 5] = ["Kepala", "Sekretaris", "Plt. Kepala", "Kepala Bidang Pelayanan", "Inspektur"];
const DAYS: [&str; 7] = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];
const SENTENCES: [&str; 12] = [
    "Warga mengeluhkan antrean panjang dan pelayanan yang lambat sejak pagi hari di loket pelayanan.",
    "Sejumlah pegawai tidak berada di tempat saat jam pelayanan sehingga kantor terlihat sepi.",
    "Inspektorat akan memeriksa dugaan pelanggaran disiplin dan memanggil pejabat yang bersangkutan.",
    "Pengaduan masyarakat yang masuk melalui kanal resmi belum mendapat tanggapan hingga hari ini.",
    "Pemerintah daerah menyiapkan sanksi bagi aparatur sipil negara yang terbukti lalai menjalankan tugas.",
    "Penilaian zona integritas menuju wilayah bebas dari korupsi sedang berlangsung tahun ini.",
    "Aparat penegak hukum menelusuri dugaan pungutan liar dalam pengurusan dokumen perizinan.",
    "Mutasi dan rotasi pejabat dilakukan untuk menyegarkan organisasi perangkat daerah.",
    "Netralitas aparatur sipil negara menjelang pemilihan kepala daerah kembali diingatkan kepada seluruh staf.",
    "Warga berharap pelayanan publik semakin cepat, ramah, dan sesuai standar pelayanan yang berlaku.",
    "Dewan perwakilan rakyat daerah meminta laporan tertulis atas persoalan tersebut dalam sepekan.",
    "Petugas loket menjelaskan bahwa sistem aplikasi sempat terganggu sehingga antrean menumpuk.",
];

/// One generated article.
pub struct Page {
    /// Id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// The HTML page.
    pub html: String,
    /// Publication date.
    pub published: String,
}

/// A small deterministic generator (splitmix64).
pub struct Rng(u64);

impl Rng {
    /// Seeded.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[usize::try_from(self.next() % items.len() as u64).unwrap_or(0)]
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const SUBJECTS: [&str; 16] = [
    "Warga",
    "Pedagang pasar",
    "Orang tua murid",
    "Pengemudi ojek",
    "Ketua RT setempat",
    "Pelaku usaha mikro",
    "Mahasiswa",
    "Anggota dewan",
    "Pengurus koperasi",
    "Pasien lansia",
    "Petugas loket",
    "Aktivis antikorupsi",
    "Tokoh masyarakat",
    "Sopir angkutan kota",
    "Ibu rumah tangga",
    "Pemohon izin",
];
const VERBS: [&str; 14] = [
    "mengeluhkan",
    "mempertanyakan",
    "menyoroti",
    "melaporkan",
    "memprotes",
    "mendukung",
    "menanyakan",
    "mengkritik",
    "meminta kejelasan soal",
    "menyambut baik",
    "menolak",
    "menagih janji soal",
    "mencatat",
    "membandingkan",
];
const OBJECTS: [&str; 18] = [
    "antrean pembuatan KTP elektronik",
    "jadwal pengangkutan sampah",
    "perbaikan jalan lingkungan",
    "biaya retribusi parkir",
    "penerbitan izin usaha",
    "pencairan bantuan sosial",
    "layanan ambulans desa",
    "pendataan penerima beasiswa",
    "kebersihan pasar tradisional",
    "penertiban pedagang kaki lima",
    "pemeliharaan lampu penerangan jalan",
    "pelayanan rawat jalan puskesmas",
    "pungutan surat pengantar",
    "kehadiran pegawai di kantor kelurahan",
    "penanganan banjir musiman",
    "sertifikasi halal usaha kecil",
    "perpanjangan STNK kendaraan",
    "kuota sekolah negeri",
];
const PLACES: [&str; 12] = [
    "di Kelurahan Pondok Jagung",
    "di Kecamatan Ciputat",
    "di Pasar Jombang",
    "di Jalan Raya Serpong",
    "di kantor kecamatan",
    "di balai warga",
    "di depan gedung dinas",
    "di terminal bayangan",
    "di Desa Sukamaju",
    "di alun-alun kota",
    "di rumah susun sewa",
    "di Perumahan Griya Asri",
];
const TAILS: [&str; 10] = [
    "sejak awal bulan",
    "dalam dua pekan terakhir",
    "menjelang akhir tahun anggaran",
    "setelah hujan deras",
    "pada rapat dengar pendapat",
    "melalui kanal pengaduan resmi",
    "lewat media sosial",
    "di hadapan wartawan",
    "tanpa hasil yang jelas",
    "sambil menunjukkan bukti foto",
];

const SYLLABLES: [&str; 24] = [
    "ba", "ka", "ra", "ma", "ta", "la", "sa", "pa", "da", "ga", "na", "ja", "be", "ke", "ri", "mu", "to", "lu", "si",
    "pe", "ng", "an", "in", "un",
];

/// A word-like token: news vocabulary runs to tens of thousands of words, which this imitates so that unrelated
/// articles share few word triples.
fn word(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(3);
    (0..syllables).map(|_| rng.pick(&SYLLABLES)).collect()
}

/// A sentence from the lists with a few varied words in it.
fn sentence(rng: &mut Rng) -> String {
    let extra: Vec<String> = (0..4 + rng.below(4)).map(|_| word(rng)).collect();
    format!(
        "{} {} {} {} {} {}, kata {} kepada {}.",
        rng.pick(&SUBJECTS),
        rng.pick(&VERBS),
        rng.pick(&OBJECTS),
        extra.join(" "),
        rng.pick(&PLACES),
        rng.pick(&TAILS),
        rng.pick(&PEOPLE).split(' ').next().unwrap_or_default(),
        word(rng)
    )
}

fn paragraphs(rng: &mut Rng, n: usize) -> Vec<String> {
    let region = rng.pick(&REGIONS);
    let agency = rng.pick(&AGENCIES);
    let person = rng.pick(&PEOPLE);
    let role = rng.pick(&ROLES);
    let day = rng.below(28) + 1;
    let month = rng.pick(&domain::scorecards::period::MONTHS_ID);
    let weekday = rng.pick(&DAYS);
    let mut out = vec![format!(
        "{region} - Pada {weekday}, {day} {month} 2024, {agency} {region} menjadi sorotan setelah {}",
        rng.pick(&SENTENCES).to_lowercase()
    )];
    out.push(format!("{role} {agency} {region}, {person}, mengatakan pihaknya akan menindaklanjuti persoalan itu."));
    while out.len() < n {
        let issue = rng.pick(&SENTENCES);
        out.push(format!("{} {} {issue} {}", sentence(rng), sentence(rng), sentence(rng)));
    }
    out
}

/// Menus, headline lists and scripts of a regional news theme: most of a real page's bytes (25–40 KB here; the
/// big national sites send 100 KB and more).
fn chrome(rng: &mut Rng, what: &str) -> String {
    let mut out = String::with_capacity(16_000);
    match what {
        "menu" => {
            out.push_str("<nav class=\"menu\"><ul>");
            for n in 0..60 {
                out.push_str(&format!(
                    "<li class=\"menu-item menu-item-{n}\"><a href=\"/kanal/{}\">{}</a></li>",
                    word(rng),
                    word(rng)
                ));
            }
            out.push_str("</ul></nav>");
        }
        "list" => {
            out.push_str("<aside class=\"sidebar widget\"><h3>Berita Terkini</h3><ul>");
            for _ in 0..25 {
                out.push_str(&format!(
                    "<li><a href=\"/berita/{}-{}\"><img src=\"/img/{}.jpg\" alt=\"\" loading=\"lazy\" width=\"90\" height=\"60\"><span>{} {} {}</span></a></li>",
                    word(rng), rng.below(99_999), word(rng), rng.pick(&SUBJECTS), rng.pick(&VERBS), rng.pick(&OBJECTS)
                ));
            }
            out.push_str("</ul></aside>");
        }
        _ => {
            out.push_str("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"publisher\":{\"@type\":\"Organization\",\"name\":\"Warta Daerah\"}}</script><script>");
            for n in 0..40 {
                out.push_str(&format!("var slot{n}=googletag.defineSlot('/2194/{}',[[300,250],[336,280]],'div-gpt-{n}').addService(googletag.pubads());", word(rng)));
            }
            out.push_str("</script>");
        }
    }
    out
}

fn page_html(rng: &mut Rng, title: &str, paragraphs: &[String], published: &str, repeat: bool) -> String {
    let mut body = String::with_capacity(40_000);
    body.push_str("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>");
    body.push_str(title);
    body.push_str(" - Warta Daerah</title><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script><style>.menu{display:flex}.iklan{margin:8px}</style></head><body>");
    body.push_str(&chrome(rng, "script"));
    body.push_str("<header>");
    body.push_str(&chrome(rng, "menu"));
    body.push_str("</header>");
    body.push_str("<main><article><h1>");
    body.push_str(title);
    body.push_str("</h1><div class=\"meta\">Penulis: Redaksi · ");
    body.push_str(published);
    body.push_str("</div><div class=\"entry-content\">");
    for (n, paragraph) in paragraphs.iter().enumerate() {
        body.push_str("<p>");
        body.push_str(paragraph);
        body.push_str("</p>");
        if n == 2 {
            body.push_str(
                "<div class=\"iklan\">ADVERTISEMENT</div><p>Baca juga: Harga cabai naik menjelang akhir pekan</p>",
            );
        }
    }
    if repeat {
        for paragraph in paragraphs.iter().take(2) {
            body.push_str("<p>");
            body.push_str(paragraph);
            body.push_str("</p>");
        }
    }
    body.push_str("<p>TINGGALKAN KOMENTAR</p></div></article></main>");
    body.push_str(&chrome(rng, "list"));
    body.push_str("<footer>Copyright © 2024 Warta Daerah. All rights reserved.</footer><script>console.log('ok')</script></body></html>");
    body
}

/// Generates `count` pages.
pub fn generate(seed: u64, count: usize) -> Vec<Page> {
    let mut rng = Rng::new(seed);
    let mut originals: Vec<Vec<String>> = Vec::new();
    let mut out = Vec::with_capacity(count);
    for n in 0..count {
        let rewrite = n % 3 == 2 && !originals.is_empty();
        let paras = if rewrite {
            // Another outlet: same facts, first and last paragraph reworded, one paragraph dropped.
            let index = usize::try_from(rng.below(originals.len() as u64)).unwrap_or(0);
            let mut copy = originals[index].clone();
            if copy.len() > 3 {
                copy.remove(2);
            }
            if let Some(first) = copy.first_mut() {
                *first = first.replace("menjadi sorotan setelah", "disorot karena");
            }
            copy
        } else {
            let count = 5 + usize::try_from(rng.below(5)).unwrap_or(0);
            let paras = paragraphs(&mut rng, count);
            if originals.len() < 5000 {
                originals.push(paras.clone());
            }
            paras
        };
        let published = format!("2024-{:02}-{:02}", rng.below(12) + 1, rng.below(28) + 1);
        let title = paras[0].split(" - ").nth(1).unwrap_or_default().chars().take(80).collect::<String>();
        let html = page_html(&mut rng, &title, &paras, &published, n % 7 == 0);
        out.push(Page { id: format!("bench-{seed}-{n}"), html, title, published });
    }
    out
}
