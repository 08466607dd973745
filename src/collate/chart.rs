//! Accessible inline SVG charts, drawn at build time (no JavaScript).
//!
//! Each chart is `role="img"` with a `<title>` and a `<desc>` that says what it shows and its
//! largest figure; every number is also written on the chart as text (nothing is told by colour
//! alone), and the page puts a table with every figure beside it.

use super::region::Region;
use crate::escape::html as esc;
use std::fmt::Write as _;

/// How many themes the charts show (the table beside shows all).
pub(crate) const CHART_THEMES: usize = 8;
/// How many years "themes over time" shows, at most (the most recent ones).
pub(crate) const CHART_YEARS: usize = 12;

const FONT: &str =
    r#"font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif""#;
const TEXT: &str = "#0b0c0c";
const MUTED: &str = "#505a5f";
const BAR: &str = "#1d70b8";
const RULE: &str = "#b1b4b6";

/// `s` in lines of at most `width` characters, broken at spaces (a longer word on a line of
/// its own), and at most `lines` of them: a label is never cut short unless it needs more.
fn wrap(s: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in s.split_whitespace() {
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    if out.len() > lines {
        let rest = out.split_off(lines - 1).join(" ");
        let mut last: String = rest.chars().take(width.saturating_sub(1)).collect();
        last = last.trim_end().to_string();
        last.push('…');
        out.push(last);
    }
    out
}

/// A label in lines (see [`wrap`]), its block of lines centred on `y` (`x` its left edge, or
/// the start of the text in a rotated label).
fn label(out: &mut String, attrs: &str, x: usize, y: usize, s: &str, width: usize, lines: usize) {
    let lines = wrap(s, width, lines);
    let line_h = 16;
    let first = y as isize - ((lines.len() as isize - 1) * line_h) / 2;
    let _ = write!(out, r#"<text {attrs} fill="{TEXT}">"#);
    for (i, l) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r#"<tspan x="{x}" y="{}">{}</tspan>"#,
            first + i as isize * line_h,
            esc(l)
        );
    }
    out.push_str("</text>");
}

/// A chart shrinks with the page down to nine tenths of its size (its smallest text stays about
/// 12 px); on a narrower screen it scrolls sideways inside its box instead.
fn open_svg(out: &mut String, id: &str, width: usize, height: usize, title: &str, desc: &str) {
    let min = width * 9 / 10;
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title {id}-desc" viewBox="0 0 {width} {height}" width="{width}" height="{height}" style="min-width:{min}px" {FONT} font-size="14"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        esc(title),
        esc(desc)
    );
}

/// Themes over time: one row of bars per theme (the most frequent first), one bar per year (of a
/// review's first publication), all on the same scale, each bar with its number of reviews
/// above it.
pub(crate) fn themes_over_time(region: &Region) -> String {
    let themes: Vec<usize> = (0..region.themes.len().min(CHART_THEMES)).collect();
    let known: Vec<(usize, i32)> = region
        .years
        .iter()
        .enumerate()
        .filter_map(|(i, y)| y.key.map(|y| (i, y)))
        .collect();
    let (Some(&(_, first)), Some(&(_, last))) = (known.first(), known.last()) else {
        return String::new();
    };
    if themes.is_empty() {
        return String::new();
    }
    let first = first.max(last - CHART_YEARS as i32 + 1);
    let columns: Vec<(i32, Option<usize>)> = (first..=last)
        .map(|y| (y, known.iter().find(|(_, k)| *k == y).map(|(i, _)| *i)))
        .collect();
    let count = |t: usize, col: Option<usize>| {
        col.map(|c| region.themes[t].reviews.by_year[c])
            .unwrap_or(0)
    };
    let max = themes
        .iter()
        .flat_map(|&t| columns.iter().map(move |&(_, c)| (t, c)))
        .map(|(t, c)| count(t, c))
        .max()
        .unwrap_or(0)
        .max(1);
    let (label_w, col_w, row_h, bar_h, top, axis_h) = (230, 46, 66, 46, 8, 28);
    let width = label_w + columns.len() * col_w + 10;
    let height = top + themes.len() * row_h + axis_h;

    let mut peak = (0, 0, 0);
    for &t in &themes {
        for &(y, c) in &columns {
            if count(t, c) > peak.2 {
                peak = (t, y as usize, count(t, c));
            }
        }
    }
    let desc = format!(
        "Bar charts, one row for each of the {} most frequent themes, of the reviews first published each year from {first} to {last} (a review counts once, whatever documents it has). The highest figure is {} reviews on {} in {}. The table after the chart gives every figure.",
        themes.len(),
        peak.2,
        region.themes[peak.0].label,
        peak.1
    );
    let mut out = String::with_capacity(4096);
    open_svg(
        &mut out,
        "chart-time",
        width,
        height,
        "Themes over time",
        &desc,
    );
    for (row, &t) in themes.iter().enumerate() {
        let y0 = top + row * row_h;
        let base = y0 + row_h - 6;
        label(
            &mut out,
            "",
            0,
            base - bar_h / 2 + 5,
            &region.themes[t].label,
            27,
            4,
        );
        let _ = write!(
            out,
            r#"<line x1="{label_w}" x2="{}" y1="{base}" y2="{base}" stroke="{RULE}"/>"#,
            width - 10
        );
        for (col, &(_, c)) in columns.iter().enumerate() {
            let n = count(t, c);
            let x = label_w + col * col_w + 8;
            let h = if n == 0 {
                0
            } else {
                (n * (bar_h - 14) / max).max(2)
            };
            if h > 0 {
                let _ = write!(
                    out,
                    r#"<rect x="{x}" y="{}" width="{}" height="{h}" fill="{BAR}"/>"#,
                    base - h,
                    col_w - 16
                );
            }
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" text-anchor="middle" font-size="13" fill="{}">{n}</text>"#,
                x + (col_w - 16) / 2,
                base - h - 3,
                if n == 0 { MUTED } else { TEXT }
            );
        }
    }
    let axis_y = top + themes.len() * row_h + 18;
    for (col, &(year, _)) in columns.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{}" y="{axis_y}" text-anchor="middle" font-size="13" fill="{TEXT}">{year}</text>"#,
            label_w + col * col_w + col_w / 2
        );
    }
    out.push_str("</svg>");
    out
}

/// Themes by board: a grid with a row per board and a column per theme (the most frequent); each
/// cell a circle whose area follows the number of reviews, with the number written beside it.
pub(crate) fn themes_by_board(region: &Region) -> String {
    let themes: Vec<usize> = (0..region.themes.len().min(CHART_THEMES)).collect();
    if themes.is_empty() || region.boards.is_empty() {
        return String::new();
    }
    let max = themes
        .iter()
        .flat_map(|&t| region.themes[t].reviews.by_board.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let (label_w, col_w, row_h, header_h) = (270, 70, 40, 150);
    let width = label_w + themes.len() * col_w + 40;
    let height = header_h + region.boards.len() * row_h + 8;
    let mut peak = (0, 0, 0);
    for &t in &themes {
        for (b, &n) in region.themes[t].reviews.by_board.iter().enumerate() {
            if n > peak.2 {
                peak = (t, b, n);
            }
        }
    }
    let desc = format!(
        "A grid with a row for each of the {} boards and a column for each of the {} most frequent themes; each cell has a circle whose size follows the number of reviews (a review counts once, whatever documents it has), and the number. The highest figure is {} reviews on {} from {}. The table after the chart gives every figure.",
        region.boards.len(),
        themes.len(),
        peak.2,
        region.themes[peak.0].label,
        region.boards[peak.1].name
    );
    let mut out = String::with_capacity(8192);
    open_svg(
        &mut out,
        "chart-board",
        width,
        height,
        "Themes by board",
        &desc,
    );
    for (col, &t) in themes.iter().enumerate() {
        let x = label_w + col * col_w + 16;
        let at = format!(
            r#"transform="translate({x} {}) rotate(-40)" font-size="13""#,
            header_h - 24
        );
        label(&mut out, &at, 0, 0, &region.themes[t].label, 26, 4);
    }
    let max_r = 12.0;
    for (row, b) in region.boards.iter().enumerate() {
        let cy = header_h + row * row_h + row_h / 2;
        if row % 2 == 0 {
            let _ = write!(
                out,
                r##"<rect x="0" y="{}" width="{width}" height="{row_h}" fill="#f3f2f1"/>"##,
                header_h + row * row_h
            );
        }
        label(&mut out, "", 4, cy + 5, &b.name, 34, 2);
        for (col, &t) in themes.iter().enumerate() {
            let n = region.themes[t].reviews.by_board[row];
            let cx = label_w + col * col_w + 16;
            if n > 0 {
                let r = ((n as f64 / max as f64).sqrt() * max_r).max(2.5);
                let _ = write!(
                    out,
                    r#"<circle cx="{cx}" cy="{cy}" r="{r:.1}" fill="{BAR}"/>"#
                );
            }
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" font-size="13" fill="{}">{n}</text>"#,
                cx + max_r as usize + 4,
                cy + 5,
                if n == 0 { MUTED } else { TEXT }
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// One board's quality markers for [`markers_by_board`]: its name and how many marker
/// assessments were met, partly met and not met.
pub(crate) struct MarkerBar<'a> {
    pub(crate) board: &'a str,
    pub(crate) met: usize,
    pub(crate) partly: usize,
    pub(crate) not_met: usize,
}

/// Quality markers by board: a bar per board, split into met, partly met and not met (of the
/// markers its reviews assessed), every part's number written after the bar in words.
pub(crate) fn markers_by_board(bars: &[MarkerBar]) -> String {
    let total = |b: &MarkerBar| b.met + b.partly + b.not_met;
    if bars.iter().all(|b| total(b) == 0) {
        return String::new();
    }
    let (label_w, bar_w, text_w, row_h, bar_h, top) = (250, 180, 200, 38, 18, 12);
    let width = label_w + bar_w + text_w;
    let height = top + bars.len() * row_h + 4;
    let best = bars
        .iter()
        .filter(|b| total(b) > 0)
        .max_by(|a, b| {
            (a.met * total(b))
                .cmp(&(b.met * total(a)))
                .then(b.board.cmp(a.board))
        })
        .expect("a board with assessments");
    let desc = format!(
        "A bar for each of the {} boards, split into the quality markers its reviews met, partly met and did not meet, each number written after the bar. The highest share met is {} of {} for {}. The table after the chart gives every figure.",
        bars.len(),
        best.met,
        total(best),
        best.board
    );
    let mut out = String::with_capacity(4096);
    open_svg(
        &mut out,
        "chart-markers",
        width,
        height,
        "Quality markers met, by board",
        &desc,
    );
    // Met in the bar colour, partly met hatched lighter, not met as an outline: told apart by
    // more than colour, and the numbers are written out.
    out.push_str(r##"<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#bfd7ee"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1d70b8" stroke-width="2"/></pattern></defs>"##);
    for (row, b) in bars.iter().enumerate() {
        let y = top + row * row_h;
        label(&mut out, "", 0, y + bar_h - 3, b.board, 32, 2);
        let n = total(b);
        let mut x = label_w;
        for (count, fill) in [
            (b.met, BAR.to_string()),
            (b.partly, "url(#hatch)".to_string()),
            (b.not_met, "#ffffff".to_string()),
        ] {
            if count == 0 || n == 0 {
                continue;
            }
            let w = (count * bar_w / n).max(2);
            let _ = write!(
                out,
                r#"<rect x="{x}" y="{y}" width="{w}" height="{bar_h}" fill="{fill}" stroke="{TEXT}" stroke-width="1"/>"#
            );
            x += w;
        }
        let words = if n == 0 {
            "no markers assessed".to_string()
        } else {
            format!("{} met, {} partly, {} not met", b.met, b.partly, b.not_met)
        };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="13" fill="{TEXT}">{}</text>"#,
            label_w + bar_w + 8,
            y + bar_h - 4,
            esc(&words)
        );
    }
    out.push_str("</svg>");
    out
}
