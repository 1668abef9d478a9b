//! Derivational prefix rules with their morphophonemic recodings. Each rule only looks at the first letters of the
//! current stem and proposes up to three readings, the most likely first; the caller lets the word list overrule that
//! order, because without a dictionary "menulis" (tulis) and "menikah" (nikah) cannot be told apart by shape alone.

/// Which prefix a reading removes; used to forbid repeats and prefixes that can only stand outermost.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    Di,
    Ke,
    Se,
    Ber,
    Ter,
    Me,
    Pe,
    Per,
}

impl Kind {
    /// di-, meN- and se- never appear inside another prefix, so seeing them later means the letters belong to the root
    /// ("pendidikan" must not lose the "di" of "didik").
    pub(super) fn outermost_only(self) -> bool {
        matches!(self, Kind::Di | Kind::Me | Kind::Se)
    }
}

/// One reading: drop `skip` bytes from the front, then put `head` back (the consonant that meN-/peN- swallowed).
#[derive(Clone, Copy, Debug)]
pub(super) struct Reading {
    pub(super) skip: usize,
    pub(super) head: &'static str,
    pub(super) kind: Kind,
}

/// Up to three readings, most likely first; fixed size so proposing them never allocates.
#[derive(Clone, Copy, Debug)]
pub(super) struct Readings {
    items: [Reading; 3],
    len: usize,
}

impl Readings {
    const NONE: Readings = Readings { items: [Reading { skip: 0, head: "", kind: Kind::Di }; 3], len: 0 };

    fn of(kind: Kind, list: &[(usize, &'static str)]) -> Readings {
        let mut out = Readings::NONE;
        for &(skip, head) in list.iter().take(3) {
            out.items[out.len] = Reading { skip, head, kind };
            out.len += 1;
        }
        out
    }

    pub(super) fn as_slice(&self) -> &[Reading] {
        &self.items[..self.len]
    }
}

pub(super) fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn is_consonant(b: u8) -> bool {
    b.is_ascii_lowercase() && !is_vowel(b)
}

/// Number of vowel letters, a cheap syllable count ("cat" 1, "tahu" 2, "baik" 2). Diphthongs count twice, which is
/// right where it matters: a root that keeps its final "ai" is never tested, because "-ai" words keep their i.
pub(super) fn syllables(s: &[u8]) -> usize {
    s.iter().filter(|&&b| is_vowel(b)).count()
}

/// Readings for the prefix at the start of `s`, or none when no rule applies.
pub(super) fn readings(s: &[u8]) -> Readings {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    match (at(0), at(1)) {
        (b'd', b'i') => Readings::of(Kind::Di, &[(2, "")]),
        (b'k', b'e') => Readings::of(Kind::Ke, &[(2, "")]),
        (b's', b'e') => Readings::of(Kind::Se, &[(2, "")]),
        (b'b', b'e') => ber_ter(s, Kind::Ber),
        (b't', b'e') => ber_ter(s, Kind::Ter),
        (b'm', b'e') => me(s),
        (b'p', b'e') => pe(s),
        _ => Readings::NONE,
    }
}

/// ber- and ter- share their shapes.
/// Source: Asian et al. (2007), ECS rules 1-9 (berV, berCAP, belajar, beC1erC2 and the ter- counterparts).
fn ber_ter(s: &[u8], kind: Kind) -> Readings {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    if kind == Kind::Ber && s.starts_with(b"belajar") {
        return Readings::of(kind, &[(3, "")]);
    }
    if at(2) == b'r' {
        if is_vowel(at(3)) {
            // "berakhir" is ber-akhir far more often than be-rakhir; listed roots ("rupa") pick the other reading.
            return Readings::of(kind, &[(3, ""), (2, "")]);
        }
        if is_consonant(at(3)) && at(3) != b'r' {
            return Readings::of(kind, &[(3, "")]);
        }
        return Readings::NONE;
    }
    let c1 = at(2);
    let c1_ok = is_consonant(c1) && c1 != b'r' && (kind == Kind::Ter || c1 != b'l');
    if c1_ok && at(3) == b'e' && at(4) == b'r' && is_consonant(at(5)) {
        return Readings::of(kind, &[(2, "")]);
    }
    Readings::NONE
}

/// Source: Asian et al. (2007), ECS rules 10-19; Arifin et al. (2009) for "mempe-" and "menge-".
fn me(s: &[u8]) -> Readings {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    match at(2) {
        b'l' | b'r' | b'w' | b'y' if is_vowel(at(3)) => Readings::of(Kind::Me, &[(2, "")]),
        b'm' => nasal_m(s, Kind::Me),
        b'n' => nasal_n(s, Kind::Me),
        _ => Readings::NONE,
    }
}

/// Source: Asian et al. (2007), ECS rules 20-35 (pe-, per-, pem-, pen-, peng-, peny-, pel-).
fn pe(s: &[u8]) -> Readings {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    match at(2) {
        b'r' if is_vowel(at(3)) => Readings::of(Kind::Per, &[(3, ""), (2, "")]),
        b'r' if is_consonant(at(3)) && at(3) != b'r' => Readings::of(Kind::Per, &[(3, "")]),
        b'm' => nasal_m(s, Kind::Pe),
        b'n' => nasal_n(s, Kind::Pe),
        // "pelajar" keeps the l-less root "ajar" like "belajar" (rule 32's exception).
        b'l' if s.starts_with(b"pelajar") => Readings::of(Kind::Pe, &[(3, "")]),
        b'w' | b'y' | b'l' if is_vowel(at(3)) => Readings::of(Kind::Pe, &[(2, "")]),
        c if is_consonant(c) && !matches!(c, b'r' | b'w' | b'y' | b'l' | b'm' | b'n') => {
            Readings::of(Kind::Pe, &[(2, "")])
        }
        _ => Readings::NONE,
    }
}

/// meN-/peN- before b, f, v, p and vowels ("membangun", "memukul" from "pukul", "mempunyai").
fn nasal_m(s: &[u8], kind: Kind) -> Readings {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    match at(3) {
        b'b' | b'f' | b'v' => Readings::of(kind, &[(3, "")]),
        // "memper-"/"mempel-" and "mempunyai" keep their p: it starts the next prefix or the root.
        b'p' if kind == Kind::Me => Readings::of(kind, &[(3, "")]),
        c if is_vowel(c) => Readings::of(kind, &[(3, "p"), (2, "")]),
        _ => Readings::NONE,
    }
}

/// meN-/peN- before dentals, palatals, velars and vowels.
fn nasal_n(s: &[u8], kind: Kind) -> Readings {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    match at(3) {
        b'c' | b'd' | b'j' | b's' | b'z' => Readings::of(kind, &[(3, "")]),
        b'y' if is_vowel(at(4)) => Readings::of(kind, &[(4, "s"), (2, "")]),
        b'g' => velar(s, kind),
        c if is_vowel(c) => Readings::of(kind, &[(3, "t"), (2, "")]),
        _ => Readings::NONE,
    }
}

/// meng-/peng-: before g, h, q, k nothing was swallowed; before a vowel a k may have been; "menge-" marks a one-syllable
/// root ("mengecat") but is more often meng- plus a root in ke- ("mengelola").
fn velar(s: &[u8], kind: Kind) -> Readings {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    match at(4) {
        b'g' | b'h' | b'q' | b'k' => Readings::of(kind, &[(4, "")]),
        b'e' if is_consonant(at(5)) => {
            let rest = s.get(5..).unwrap_or_default();
            let from_e = s.get(4..).unwrap_or_default();
            if syllables(rest) <= 1 {
                Readings::of(kind, &[(5, ""), (4, "k"), (4, "")])
            } else if from_e.starts_with(b"eks") || from_e.starts_with(b"ev") || from_e.starts_with(b"ed") {
                // Loanwords in e- ("mengevaluasi", "mengekspor", "mengedukasi") never lost a k.
                Readings::of(kind, &[(4, ""), (4, "k"), (5, "")])
            } else {
                Readings::of(kind, &[(4, "k"), (5, ""), (4, "")])
            }
        }
        c if is_vowel(c) => Readings::of(kind, &[(4, ""), (4, "k")]),
        _ => Readings::NONE,
    }
}
