//! Bar charts as SVG, drawn at build time: no chart library, no JavaScript.
//! Each chart carries its numbers as text and a title for screen readers,
//! and a style block of its own so it reads in dark mode and in print.

use std::fmt::Write as _;

/// One bar: a label and a whole-number value.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: u32,
}

// Narrow enough that a 320 px phone shows the figure at nearly its own size,
// so its 14 px text never renders below 12 px.
const WIDTH: u32 = 300;
const LABEL_WIDTH: u32 = 140;
const BAR_HEIGHT: u32 = 22;
const GAP: u32 = 8;
const TOP: u32 = 34;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A horizontal bar chart; `unit` follows each number ("forløb", "dage").
pub fn bar_chart(title: &str, bars: &[Bar], unit: &str) -> String {
    let height = TOP + bars.len() as u32 * (BAR_HEIGHT + GAP) + GAP;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let scale = f64::from(WIDTH - LABEL_WIDTH - 90) / f64::from(max);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-labelledby=\"t\">\n\
         <title id=\"t\">{}</title>\n\
         <style>text{{font:14px system-ui,sans-serif;fill:#1d1f21}}.bar{{fill:#0b5d7a}}.head{{font-weight:600}}\
         @media (prefers-color-scheme:dark){{text{{fill:#e7e5e0}}.bar{{fill:#7cc4e0}}}}</style>\n\
         <text class=\"head\" x=\"0\" y=\"18\">{}</text>\n",
        escape(title),
        escape(title)
    );
    for (i, bar) in bars.iter().enumerate() {
        let y = TOP + i as u32 * (BAR_HEIGHT + GAP);
        let length = (f64::from(bar.value) * scale).round().max(1.0);
        let _ = writeln!(
            svg,
            "<g data-label=\"{label}\" data-value=\"{value}\"><text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect class=\"bar\" x=\"{LABEL_WIDTH}\" y=\"{y}\" width=\"{length}\" height=\"{BAR_HEIGHT}\"/>\
             <text x=\"{nx}\" y=\"{ty}\">{value} {unit}</text></g>",
            label = escape(&bar.label),
            value = bar.value,
            lx = LABEL_WIDTH - 8,
            ty = y + BAR_HEIGHT / 2 + 5,
            nx = f64::from(LABEL_WIDTH) + length + 6.0,
            unit = escape(unit),
        );
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_carry_their_numbers_and_a_title() {
        let svg = bar_chart(
            "Udfald <K>",
            &[
                Bar {
                    label: "Ordinært arbejde".into(),
                    value: 5,
                },
                Bar {
                    label: "Uddannelse".into(),
                    value: 1,
                },
            ],
            "forløb",
        );
        assert!(svg.contains("<title id=\"t\">Udfald &lt;K&gt;</title>"));
        assert!(svg.contains("data-value=\"5\"") && svg.contains(">5 forløb<"));
        assert!(svg.contains("role=\"img\""));
    }
}
