//! The satisfaction index. NRR per element = sum of its answers / number of its answers; IKM = the plain mean of the
//! NRRs of the applicable elements that were answered (weight exactly 1/k, never 0.11); converted IKM = IKM × 25;
//! rounded to two decimals only for display and for the category. The rounding is done on exact fractions, so a
//! value on a boundary lands in the category the regulation's table gives it, whatever the floating-point noise.

/// Answers of one respondent: `None` for an unanswered element.
pub type Answers = [Option<u8>; 9];

/// Running totals of a survey, kept as responses arrive (aggregates add up; no raw answers needed).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Sum of the answers per element.
    pub sum: [u64; 9],
    /// Number of answers per element.
    pub count: [u64; 9],
}

/// An answer outside 1–4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("element u{element}: answer {value} is not between 1 and 4")]
pub struct BadAnswer {
    /// Element number, 1–9.
    pub element: usize,
    /// The value given.
    pub value: u8,
}

impl Tally {
    /// Adds one respondent.
    pub fn add(&mut self, answers: &Answers) -> Result<(), BadAnswer> {
        for (n, answer) in answers.iter().enumerate() {
            if let Some(value) = *answer
                && !(1..=4).contains(&value)
            {
                return Err(BadAnswer { element: n + 1, value });
            }
        }
        for (n, answer) in answers.iter().enumerate() {
            if let Some(value) = *answer {
                self.sum[n] += u64::from(value);
                self.count[n] += 1;
            }
        }
        Ok(())
    }

    /// The totals of two tallies together (two periods, two services).
    pub fn merged(&self, other: &Tally) -> Tally {
        let mut out = *self;
        for n in 0..9 {
            out.sum[n] += other.sum[n];
            out.count[n] += other.count[n];
        }
        out
    }

    /// The index over the applicable elements; `None` when no applicable element has an answer.
    pub fn ikm(&self, applicable: &[bool; 9]) -> Option<Ikm> {
        let used: Vec<usize> = (0..9).filter(|n| applicable[*n] && self.count[*n] > 0).collect();
        if used.is_empty() {
            return None;
        }
        let k = used.len() as u64;
        let nrr: [Option<f64>; 9] =
            std::array::from_fn(|n| used.contains(&n).then(|| self.sum[n] as f64 / self.count[n] as f64));
        let mean = used.iter().filter_map(|n| nrr[*n]).sum::<f64>() / k as f64;
        let fractions: Vec<(u64, u64)> = used.iter().map(|n| (self.sum[*n], self.count[*n])).collect();
        let hundredths = converted_hundredths(&fractions, k).unwrap_or_else(|| {
            // Only for sums whose common denominator overflows 128 bits; ties within 1e-9 count as ties.
            (2500.0 * mean + 0.5 + 1e-9).floor() as u32
        });
        Some(Ikm {
            nrr,
            elements_used: used.len(),
            ikm: mean,
            converted: 25.0 * mean,
            hundredths,
            category: Category::of(hundredths),
        })
    }
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

/// round_half_up(2500 × Σ(sᵢ/nᵢ) / k) computed on exact fractions; `None` on overflow.
fn converted_hundredths(fractions: &[(u64, u64)], k: u64) -> Option<u32> {
    let (mut num, mut den) = (0i128, 1i128);
    for &(sum, count) in fractions {
        let (s, c) = (i128::from(sum), i128::from(count));
        num = num.checked_mul(c)?.checked_add(s.checked_mul(den)?)?;
        den = den.checked_mul(c)?;
        let g = gcd(num, den).max(1);
        (num, den) = (num / g, den / g);
    }
    // floor(2500·num/(k·den) + 1/2) = floor((5000·num + k·den) / (2·k·den))
    let k = i128::from(k);
    let top = num.checked_mul(5000)?.checked_add(k.checked_mul(den)?)?;
    let bottom = k.checked_mul(den)?.checked_mul(2)?;
    u32::try_from(top / bottom).ok()
}

/// The index of a survey.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ikm {
    /// NRR per element (`None` when not applicable or not answered), full precision.
    pub nrr: [Option<f64>; 9],
    /// Number of elements in the mean.
    pub elements_used: usize,
    /// IKM on the 1–4 scale, full precision.
    pub ikm: f64,
    /// IKM × 25, full precision.
    pub converted: f64,
    /// IKM × 25 rounded half up to two decimals, in hundredths (8333 = 83.33).
    pub hundredths: u32,
    /// Quality category of the rounded converted value.
    pub category: Category,
}

impl Ikm {
    /// The converted value as displayed: two decimals.
    pub fn display(&self) -> String {
        format!("{}.{:02}", self.hundredths / 100, self.hundredths % 100)
    }
}

/// Quality of service (mutu pelayanan).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// D, Tidak Baik.
    D,
    /// C, Kurang Baik.
    C,
    /// B, Baik.
    B,
    /// A, Sangat Baik.
    A,
}

impl Category {
    /// The category of a converted value rounded to hundredths: D < 65.00 ≤ C < 76.61 ≤ B < 88.31 ≤ A.
    // Source: PermenPANRB 14/2017 Lampiran, table "nilai persepsi, interval IKM, interval konversi IKM, mutu
    // pelayanan" (25,00–64,99 D; 65,00–76,60 C; 76,61–88,30 B; 88,31–100,00 A); closing its gaps by rounding first is
    // our rule (regulations.md §1.5).
    pub fn of(hundredths: u32) -> Category {
        match hundredths {
            0..6500 => Category::D,
            6500..7661 => Category::C,
            7661..8831 => Category::B,
            _ => Category::A,
        }
    }

    /// The letter.
    pub fn letter(self) -> &'static str {
        match self {
            Category::A => "A",
            Category::B => "B",
            Category::C => "C",
            Category::D => "D",
        }
    }

    /// The regulation's name of the unit's performance.
    pub fn name_id(self) -> &'static str {
        match self {
            Category::A => "Sangat Baik",
            Category::B => "Baik",
            Category::C => "Kurang Baik",
            Category::D => "Tidak Baik",
        }
    }
}

#[cfg(test)]
mod tests;
