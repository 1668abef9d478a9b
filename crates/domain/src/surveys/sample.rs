//! The minimum number of respondents for a population: the Krejcie–Morgan formula that SKM guides point to. Pantau
//! warns below it and never blocks, as real reports often fall short and say so.

/// S = χ²·N·P(1−P) / (d²·(N−1) + χ²·P(1−P)), rounded to the nearest whole respondent.
// Source: Krejcie & Morgan (1970), as referred to by SKM reports under PermenPANRB 14/2017; χ² = 3.841 (1 df, 95 %),
// P = 0.5, d = 0.05 (regulations.md §1.6). The printed table shows 384 for N = 100 000; the formula gives 383.
pub fn min_sample(population: u64) -> u64 {
    if population == 0 {
        return 0;
    }
    let (chi2, p, d) = (3.841_f64, 0.5_f64, 0.05_f64);
    let n = population as f64;
    let s = chi2 * n * p * (1.0 - p) / (d * d * (n - 1.0) + chi2 * p * (1.0 - p));
    (s.round() as u64).min(population)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_formula_gives_the_published_table() {
        let table = [
            (10, 10),
            (15, 14),
            (20, 19),
            (50, 44),
            (100, 80),
            (150, 108),
            (200, 132),
            (300, 169),
            (500, 217),
            (1_000, 278),
            (2_000, 322),
            (5_000, 357),
            (10_000, 370),
            (50_000, 381),
            (100_000, 383),
            (1_000_000, 384),
        ];
        for (population, sample) in table {
            assert_eq!(super::min_sample(population), sample, "N = {population}");
        }
        assert_eq!(super::min_sample(0), 0);
        assert_eq!(super::min_sample(1), 1);
    }
}
