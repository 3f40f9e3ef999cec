//! Bar charts drawn on the server as SVG (issue 5, item 9): no script, no chart library. Each chart
//! has a `<title>` and `<desc>` and is labelled by them; the page shows the same numbers in a table.
//! Colours come from classes styled in app.css, so the four colour schemes apply.

/// Escapes text for an XML text node or attribute.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A rounded-up axis maximum: 1, 2, 5, 10, 20, 50… at or above the largest value.
fn nice_max(max: i64) -> i64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max.max(1) {
                return m * step;
            }
        }
        step *= 10;
    }
}

/// Columns, one per label (e.g. days), with a value axis. `id` makes the title/desc ids unique.
pub fn columns(id: &str, title: &str, desc: &str, bars: &[(String, i64)]) -> String {
    let (w, h, left, bottom, top) = (720.0_f64, 260.0_f64, 40.0_f64, 40.0_f64, 10.0_f64);
    let max = nice_max(bars.iter().map(|b| b.1).max().unwrap_or(0));
    let plot_h = h - bottom - top;
    // Room on the right for the last day's label, centred under its column.
    let right = 24.0_f64;
    let slot = (w - left - right) / bars.len().max(1) as f64;
    let mut s = svg_open(id, title, desc, w, h);
    for tick in [0, max / 2, max] {
        let y = top + plot_h - plot_h * tick as f64 / max as f64;
        s.push_str(&format!(
            r#"<line class="chart-grid" x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><text class="chart-tick" x="{:.1}" y="{:.1}" text-anchor="end">{tick}</text>"#,
            w - right,
            left - 4.0,
            y + 4.0
        ));
    }
    for (i, (label, v)) in bars.iter().enumerate() {
        let bh = plot_h * *v as f64 / max as f64;
        let x = left + slot * i as f64 + slot * 0.15;
        s.push_str(&format!(
            r#"<rect class="chart-bar" x="{x:.1}" y="{:.1}" width="{:.1}" height="{bh:.1}"><title>{}: {v}</title></rect>"#,
            top + plot_h - bh,
            slot * 0.7,
            xml_escape(label)
        ));
        // Every fifth label, so they do not overlap.
        if i % 5 == 0 || i + 1 == bars.len() {
            s.push_str(&format!(
                r#"<text class="chart-label" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x + slot * 0.35,
                h - bottom + 16.0,
                xml_escape(label)
            ));
        }
    }
    s.push_str(&format!(
        r#"<line class="chart-axis" x1="{left}" y1="{:.1}" x2="{:.1}" y2="{:.1}"/>"#,
        top + plot_h,
        w - right,
        top + plot_h
    ));
    s.push_str("</svg>");
    s
}

/// The widest bar label drawn, in half-width units (a full-width character counts two): about what
/// fits the 300-unit label column at the 12px label size.
const LABEL_MAX: usize = 44;

/// A label cut to `max` half-width units, with "…" when cut.
fn fit(label: &str, max: usize) -> String {
    let width = |c: char| if c.is_ascii() { 1 } else { 2 };
    if label.chars().map(width).sum::<usize>() <= max {
        return label.to_owned();
    }
    let mut out = String::new();
    let mut used = 2;
    for c in label.chars() {
        used += width(c);
        if used > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Horizontal bars, one per label, with the value written at the end of each bar.
pub fn bars(id: &str, title: &str, desc: &str, bars: &[(String, i64)]) -> String {
    let (w, row, label_w) = (720.0_f64, 26.0_f64, 300.0_f64);
    let h = row * bars.len().max(1) as f64 + 10.0;
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0).max(1);
    let plot_w = w - label_w - 60.0;
    let mut s = svg_open(id, title, desc, w, h);
    for (i, (label, v)) in bars.iter().enumerate() {
        let y = 5.0 + row * i as f64;
        let bw = plot_w * *v as f64 / max as f64;
        // A long name is cut to fit the label column; the full one is its tooltip (and in the table).
        let shown = fit(label, LABEL_MAX);
        s.push_str(&format!(
            r#"<text class="chart-label" x="{:.1}" y="{:.1}" text-anchor="end"><title>{}</title>{}</text><rect class="chart-bar" x="{label_w}" y="{:.1}" width="{bw:.1}" height="{:.1}"/><text class="chart-value" x="{:.1}" y="{:.1}">{v}</text>"#,
            label_w - 8.0,
            y + row * 0.65,
            xml_escape(label),
            xml_escape(&shown),
            y + 3.0,
            row - 6.0,
            label_w + bw + 6.0,
            y + row * 0.65
        ));
    }
    s.push_str("</svg>");
    s
}

fn svg_open(id: &str, title: &str, desc: &str, w: f64, h: f64) -> String {
    let id = xml_escape(id);
    format!(
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        xml_escape(title),
        xml_escape(desc)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_labelled_and_escaped() {
        let data = vec![("a<b".to_owned(), 3), ("c".to_owned(), 0)];
        for svg in [columns("x", "T&", "D", &data), bars("x", "T&", "D", &data)] {
            assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
            assert!(svg.contains(r#"<title id="x-title">T&amp;</title>"#));
            assert!(svg.contains(r#"aria-labelledby="x-title x-desc""#));
            assert!(svg.contains("a&lt;b") && !svg.contains("a<b"));
            assert!(!svg.contains("style="));
        }
        // No data at all still draws (empty) axes without dividing by zero.
        assert!(!columns("e", "t", "d", &[]).contains("NaN"));
        assert!(!bars("e", "t", "d", &[]).contains("NaN"));
        assert_eq!(nice_max(0), 1);
        assert_eq!(nice_max(7), 10);
        assert_eq!(nice_max(11), 20);
        assert_eq!(nice_max(50), 50);
        assert_eq!(fit("short", 44), "short");
        let long = fit(&"在留".repeat(30), 44);
        assert!(long.ends_with('…') && long.chars().count() == 22, "{long}");
        let svg = bars(
            "l",
            "t",
            "d",
            &[(
                "Application for Permission to Acquire Status of Residence".to_owned(),
                1,
            )],
        );
        assert!(
            svg.contains(
                "<title>Application for Permission to Acquire Status of Residence</title>"
            )
        );
        assert!(svg.contains("Application for Permission to Acquire Stat…"));
    }
}
