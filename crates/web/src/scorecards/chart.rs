//! Trend charts drawn on the server as SVG, so they need no JavaScript; each page puts a table of the same numbers
//! beside the chart for screen readers and for print.

use std::fmt::Write;

/// One point: its label under the axis and its value (a gap when absent).
pub struct Point {
    /// Label, such as `2026-11`.
    pub label: String,
    /// Value between 0 and `max`.
    pub value: Option<f64>,
}

const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 160.0;
const LEFT: f64 = 36.0;
const RIGHT: f64 = 28.0;
const BOTTOM: f64 = 24.0;

/// A line chart with a dot per value, a grid at quarters of `max`, and `threshold` drawn dashed when given.
pub fn line(title: &str, points: &[Point], max: f64, threshold: Option<f64>) -> String {
    let inner_w = WIDTH - LEFT - RIGHT;
    let inner_h = HEIGHT - BOTTOM - 8.0;
    let step = if points.len() > 1 { inner_w / (points.len() - 1) as f64 } else { 0.0 };
    let x = |n: usize| LEFT + step * n as f64;
    let y = |v: f64| 8.0 + inner_h * (1.0 - (v / max).clamp(0.0, 1.0));
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="{}" xmlns="http://www.w3.org/2000/svg" font-size="10" font-family="sans-serif">"#,
        escape(title)
    );
    for quarter in 0..=4 {
        let value = max * f64::from(quarter) / 4.0;
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}" class="grid" stroke="#d5dbe3"/><text x="{}" y="{:.1}" class="axis" text-anchor="end" fill="#555">{}</text>"##,
            WIDTH - RIGHT,
            LEFT - 4.0,
            y(value) + 3.0,
            value.round(),
            y = y(value)
        );
    }
    if let Some(limit) = threshold {
        let _ = write!(
            svg,
            r##"<line x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}" class="threshold" stroke="#b3261e" stroke-dasharray="4 3"/>"##,
            WIDTH - RIGHT,
            y = y(limit)
        );
    }
    let mut path = String::new();
    // A missing value lifts the pen: the line does not pretend to know the period in between.
    let mut pen_down = false;
    for (n, point) in points.iter().enumerate() {
        match point.value {
            Some(v) => {
                let _ = write!(path, "{}{:.1},{:.1} ", if pen_down { "L" } else { "M" }, x(n), y(v));
                let _ =
                    write!(svg, r##"<circle cx="{:.1}" cy="{:.1}" r="3" class="dot" fill="#0b5cad"/>"##, x(n), y(v));
                pen_down = true;
            }
            None => pen_down = false,
        }
        let _ = write!(
            svg,
            r##"<text x="{:.1}" y="{}" class="axis" text-anchor="middle" fill="#555">{}</text>"##,
            x(n),
            HEIGHT - 6.0,
            escape(&point.label)
        );
    }
    if !path.is_empty() {
        let _ = write!(
            svg,
            r##"<path d="{}" class="series" fill="none" stroke="#0b5cad" stroke-width="2"/>"##,
            path.trim_end()
        );
    }
    svg.push_str("</svg>");
    svg
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_has_a_dot_per_value_and_escapes_its_labels() {
        let points = vec![
            Point { label: "2026-09".into(), value: Some(50.0) },
            Point { label: "<b>".into(), value: None },
            Point { label: "2026-11".into(), value: Some(100.0) },
        ];
        let svg = line("Tepat waktu", &points, 100.0, Some(80.0));
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
        assert!(svg.contains(r#"class="threshold""#));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    }
}
