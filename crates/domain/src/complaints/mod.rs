//! Complaints, aspirations, information requests and incoming letters: their kinds, the lifecycle, tracking numbers,
//! signed receipts, intake validation and the suggestion of the unit concerned.
//!
//! The process follows SP4N-LAPOR! practice (docs/REGULATIONS.md#pengaduan): verification by a complaint
//! administrator, distribution to a unit, the unit's answer, follow-up within a tier, closing with an outcome.

pub mod attachments;
pub mod categories;
pub mod deadline;
pub mod intake;
pub mod lifecycle;
pub mod receipt;
pub mod suggest;
pub mod tracking;

pub use categories::{Category, categories, find_category};
pub use lifecycle::{Action, Clock, DeadlineKind, Outcome, Party, Refusal, State, Tier, Tiers, Transition};

macro_rules! coded_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable text code, used in storage, URLs and files.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a code written by `code`.
            pub fn parse(code: &str) -> Option<$name> {
                let code = code.trim();
                Self::ALL.iter().copied().find(|it| it.code().eq_ignore_ascii_case(code))
            }
        }
    };
}
pub(crate) use coded_enum;

coded_enum!(
    /// What the citizen brings.
    // Source: LAPOR! FAQ (aspirasi, pengaduan, permintaan informasi); regulations.md §2.3. Letters are Pantau's own.
    Kind {
        /// A complaint about a service.
        Pengaduan => "pengaduan",
        /// A suggestion or wish.
        Aspirasi => "aspirasi",
        /// A request for public information.
        PermintaanInformasi => "permintaan_informasi",
        /// An incoming letter (*surat masuk*) registered at a front desk.
        SuratMasuk => "surat_masuk",
    }
);

coded_enum!(
    /// Who may see the reporter's identity and the item.
    // Source: LAPOR! Anonim and Rahasia options (regulations.md §2.4), adapted: rahasia hides identity from the unit.
    Confidentiality {
        /// Identity visible to the handling unit; the item (without personal data) is listed publicly.
        Public => "publik",
        /// Identity visible to complaint administrators only; the item is not listed publicly.
        Confidential => "rahasia",
        /// No identity stored at all; the item (without personal data) is listed publicly.
        Anonymous => "anonim",
    }
);

coded_enum!(
    /// How the item reached Pantau.
    Channel {
        /// The public web form.
        Web => "web",
        /// The JSON API.
        Api => "api",
        /// Open311 GeoReport v2.
        Open311 => "open311",
        /// Registered at a front desk for a walk-in citizen.
        FrontDesk => "loket",
    }
);

impl Confidentiality {
    /// Whether the item may appear on the public list.
    pub fn is_listed_publicly(self) -> bool {
        !matches!(self, Confidentiality::Confidential)
    }

    /// Whether the handling unit may see the reporter's identity.
    pub fn unit_sees_identity(self) -> bool {
        matches!(self, Confidentiality::Public)
    }
}
