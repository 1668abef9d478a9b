//! The Pemda's own parts of every document: the letterhead (its lines and logo), the place written before a date,
//! and how signature blocks look. Administrators set them on `/pemda/dokumen`; until then the tenant's name
//! stands alone at the top.

use serde::Serialize;
use store::org::documents::{DocumentSettings, LogoKind};

use crate::error::WebError;
use crate::i18n::Lang;

/// The letterhead a template prints.
#[derive(Clone, Debug, Serialize)]
pub struct Letterhead {
    /// The government, printed in capitals.
    pub government: String,
    /// The unit issuing the document, when it is not the government itself.
    pub unit: Option<String>,
    /// Address and contact lines.
    pub lines: Vec<String>,
    /// The logo's path in the document's world, when there is a logo.
    pub logo: Option<&'static str>,
}

/// What every document's data begins with: its title, language, footer and page label, and its letterhead.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Frame {
    /// The PDF's title.
    pub title: String,
    /// The language code, for typst's line breaking and quotes.
    pub lang: &'static str,
    /// Printed left of the page number on every page.
    pub footer: String,
    /// "Halaman {n} dari {total}".
    pub page_label: String,
    /// The letterhead.
    pub letterhead: Letterhead,
}

/// How signature blocks look.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Style {
    /// The signer's name underlined, as many Pemda write it.
    pub underline_name: bool,
    /// The signer's NIP printed under the name.
    pub show_nip: bool,
    /// "NIP." in the document's language.
    pub nip_label: String,
}

/// A signature block.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Signature {
    /// The lines above the office: "Tangerang Selatan, 26 Oktober 2026", or "Ditetapkan di …" and "pada tanggal …".
    pub place_date: Vec<String>,
    /// The office, one line each.
    pub office: Vec<String>,
    /// The signer.
    pub name: String,
    /// Rank (pangkat), when known.
    pub rank: Option<String>,
    /// NIP, when known.
    pub nip: Option<String>,
}

/// The logo as the document's world holds it.
#[derive(Clone, Debug)]
pub struct Logo {
    /// PNG or JPEG.
    pub kind: LogoKind,
    /// The image, as checked and cleaned when it was uploaded.
    pub bytes: Vec<u8>,
}

impl Logo {
    /// Its path in the document's world; the extension tells typst the format.
    pub fn path(&self) -> &'static str {
        match self.kind {
            LogoKind::Png => "/logo.png",
            LogoKind::Jpeg => "/logo.jpg",
        }
    }
}

/// A Pemda's document settings, read once per document.
#[derive(Clone, Debug)]
pub struct House {
    settings: DocumentSettings,
    tenant_name: String,
    logo: Option<Logo>,
}

impl House {
    /// The settings of the request's tenant, or the defaults.
    pub async fn of(app: &crate::App, tenant: &domain::org::Tenant) -> Result<House, WebError> {
        let mut conn = app.db().conn().await?;
        let settings = store::org::documents::find_settings(&mut conn, &tenant.id)
            .await?
            .unwrap_or_else(store::org::documents::defaults);
        let logo =
            store::org::documents::find_logo(&mut conn, &tenant.id).await?.map(|(kind, bytes)| Logo { kind, bytes });
        Ok(House { settings, tenant_name: tenant.name.clone(), logo })
    }

    /// The letterhead, with `unit` under the government when a unit issues the document.
    pub fn letterhead(&self, unit: Option<&str>) -> Letterhead {
        let government = self
            .settings
            .government
            .clone()
            .filter(|it| !it.trim().is_empty())
            .unwrap_or_else(|| self.tenant_name.clone());
        Letterhead {
            government,
            unit: unit.filter(|it| !it.trim().is_empty()).map(str::to_owned),
            lines: self.settings.lines.clone(),
            logo: self.logo.as_ref().map(Logo::path),
        }
    }

    /// The frame of a document titled `title`, issued by `unit` (or the government), with `footer` on every page.
    pub fn frame(&self, lang: Lang, title: String, unit: Option<&str>, footer: String) -> Frame {
        Frame {
            title,
            lang: lang.code(),
            footer,
            page_label: lang.t("documents.page").to_owned(),
            letterhead: self.letterhead(unit),
        }
    }

    /// The logo, for the document's files.
    pub fn logo(&self) -> Option<Logo> {
        self.logo.clone()
    }

    /// "Place, date" as it opens a signature block; the date alone when no place is set.
    pub fn place_date(&self, date: &str) -> String {
        match self.settings.place.as_deref().map(str::trim).filter(|it| !it.is_empty()) {
            Some(place) => format!("{place}, {date}"),
            None => date.to_owned(),
        }
    }

    /// How signature blocks look, in `lang`.
    pub fn style(&self, lang: Lang) -> Style {
        Style {
            underline_name: self.settings.underline_name,
            show_nip: self.settings.show_nip,
            nip_label: lang.t("documents.nip").to_owned(),
        }
    }

    /// The signature under the public survey report, when the Pemda named a signer.
    pub fn report_signature(&self, date: &str) -> Option<Signature> {
        let signer = self.settings.report_signer.as_ref()?;
        Some(Signature {
            place_date: vec![self.place_date(date)],
            office: signer.office.lines().map(str::to_owned).collect(),
            name: signer.name.clone(),
            rank: None,
            nip: signer.nip.clone(),
        })
    }
}
