//! The nine SKM elements (unsur) and the answer labels of each, stored by code and name rather than by position,
//! because copies of the regulation disagree on the order of the last two in the definitions list.

/// One element of the survey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Element {
    /// Stable code, `u1` … `u9`.
    pub code: &'static str,
    /// Indonesian name.
    pub name_id: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Answer labels for the values 1, 2, 3 and 4, in Indonesian.
    pub answers_id: [&'static str; 4],
}

/// The elements in questionnaire order.
// Source: PermenPANRB 14/2017, Lampiran (unsur SKM and the sample questionnaire); regulations.md §1.2–1.3.
pub const ELEMENTS: [Element; 9] = [
    Element {
        code: "u1",
        name_id: "Persyaratan",
        name_en: "Requirements",
        answers_id: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    },
    Element {
        code: "u2",
        name_id: "Sistem, Mekanisme, dan Prosedur",
        name_en: "System, mechanism and procedure",
        answers_id: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    },
    Element {
        code: "u3",
        name_id: "Waktu Penyelesaian",
        name_en: "Completion time",
        answers_id: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    },
    Element {
        code: "u4",
        name_id: "Biaya/Tarif",
        name_en: "Cost/tariff",
        answers_id: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    },
    Element {
        code: "u5",
        name_id: "Produk Spesifikasi Jenis Pelayanan",
        name_en: "Product specification of the service",
        answers_id: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    },
    Element {
        code: "u6",
        name_id: "Kompetensi Pelaksana",
        name_en: "Competence of the staff",
        answers_id: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    },
    Element {
        code: "u7",
        name_id: "Perilaku Pelaksana",
        name_en: "Conduct of the staff",
        answers_id: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
    },
    Element {
        code: "u8",
        name_id: "Sarana dan Prasarana",
        name_en: "Facilities and infrastructure",
        answers_id: ["Buruk", "Cukup", "Baik", "Sangat baik"],
    },
    Element {
        code: "u9",
        name_id: "Penanganan Pengaduan, Saran dan Masukan",
        name_en: "Handling of complaints, suggestions and input",
        answers_id: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
    },
];

/// The element with this code (`u1` … `u9`, any case).
pub fn find(code: &str) -> Option<&'static Element> {
    ELEMENTS.iter().find(|it| it.code.eq_ignore_ascii_case(code.trim()))
}
