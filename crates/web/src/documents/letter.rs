//! The data of an official letter (`letter.typ`): the title block, the body as blocks in order, one or two
//! signature blocks and the copies. Discipline letters, the sample letter of the settings page and every later
//! letter (teguran, leave decisions) are written as these blocks.

use serde::Serialize;

use super::letterhead::{Frame, Signature, Style};

/// One block of a letter's body.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Block {
    /// A justified paragraph.
    Par {
        /// Its text.
        text: String,
    },
    /// A bold line at the left margin.
    Strong {
        /// Its text.
        text: String,
    },
    /// A bold line centred ("MEMUTUSKAN:").
    Centred {
        /// Its text.
        text: String,
    },
    /// `label : value` rows.
    Rows {
        /// The rows.
        rows: Vec<(String, String)>,
    },
    /// A label with its items, lettered when there are several ("Menimbang : a. … b. …", "KESATU : …").
    Labelled {
        /// The label.
        label: String,
        /// The items.
        items: Vec<String>,
    },
}

impl Block {
    /// A paragraph.
    pub fn par(text: impl Into<String>) -> Block {
        Block::Par { text: text.into() }
    }

    /// A labelled item or items.
    pub fn labelled(label: impl Into<String>, items: Vec<String>) -> Block {
        Block::Labelled { label: label.into(), items }
    }
}

/// The copies (tembusan) under the signature.
#[derive(Clone, Debug, Serialize)]
pub struct Copies {
    /// "Tembusan:".
    pub title: String,
    /// One recipient each.
    pub items: Vec<String>,
}

/// A whole letter.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct LetterData {
    /// Title, language, footer, letterhead.
    #[serde(flatten)]
    pub frame: Frame,
    /// The title block: the first line in bold capitals, then the number and subject lines.
    pub heading: Vec<String>,
    /// The body.
    pub blocks: Vec<Block>,
    /// One block on the right, or two side by side.
    pub signatures: Vec<Signature>,
    /// How signature blocks look.
    pub style: Style,
    /// The copies, when the letter has any.
    pub copies: Option<Copies>,
}
