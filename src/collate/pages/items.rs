//! One document or one recommendation as a list item. Written here in Rust rather than in a
//! template: a national collate repeats them hundreds of thousands of times, so each is made
//! once and reused by every list it is in.

use super::{human_date, human_month};
use crate::collate::region::{Entry, Region};
use crate::escape::html as esc;
use std::fmt::Write as _;

/// Summaries on theme pages are cut to about this many characters (the board's page has it whole).
const SUMMARY_CHARS: usize = 240;

fn shorten_words(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':', '.']))
}

/// One document in a list. `full`: with its summary (theme pages; the other lists are shorter).
pub(super) fn document(region: &Region, e: &Entry, full: bool) -> String {
    let r = &e.rec;
    let mut s = String::with_capacity(400);
    let _ = write!(
        s,
        r#"<li class="doc"><a class="doc__title" href="{}">{}</a><span class="doc__meta">{}"#,
        esc(&r.url),
        esc(&r.title),
        r.kind_label()
    );
    let _ = write!(s, " · {}", esc(&region.boards[e.board].name));
    if let (Some(p), Some(d)) = (&r.published, e.date) {
        let _ = write!(
            s,
            r#" · <time datetime="{}">{}</time>"#,
            esc(p),
            human_date(d)
        );
    }
    if let Some(t) = r.review_type_label.as_deref().or(r.review_type.as_deref()) {
        let _ = write!(s, " · {}", esc(t));
    }
    if let Some(reference) = &r.reference {
        let _ = write!(s, " · {}", esc(reference));
    }
    let overdue = e.overdue.iter().filter(|o| **o).count();
    if overdue > 0 {
        let _ = write!(
            s,
            r#" · <strong class="status status--overdue">{overdue} overdue</strong>"#
        );
    }
    s.push_str("</span>");
    if full {
        if let Some(summary) = &r.summary {
            let _ = write!(
                s,
                r#"<span class="doc__summary">{}</span>"#,
                esc(&shorten_words(summary, SUMMARY_CHARS))
            );
        }
    }
    s.push_str("</li>\n");
    s
}

/// One recommendation in a list; an overdue one is marked in words ("Overdue") and by its border.
pub(super) fn recommendation(region: &Region, e: &Entry, i: usize) -> String {
    let r = &e.rec;
    let x = &r.recommendations[i];
    let overdue = e.overdue[i];
    let mut s = String::with_capacity(500);
    let _ = write!(
        s,
        r#"<li class="rec{}"><p class="rec__status">"#,
        if overdue { " rec--overdue" } else { "" }
    );
    if overdue {
        s.push_str(r#"<strong class="status status--overdue">Overdue</strong> "#);
    }
    let _ = write!(
        s,
        r#"<span class="status status--{}">{}</span> "#,
        x.status.as_str(),
        x.status.label()
    );
    match &x.due {
        Some(d) => {
            let _ = write!(
                s,
                "Due {}{}",
                esc(&human_month(d)),
                if overdue { " (overdue)" } else { "" }
            );
        }
        None => s.push_str("No due date"),
    }
    let _ = write!(
        s,
        r#"</p><p class="rec__text"><strong>{}</strong>: {}</p><p class="rec__meta"><a href="{}">{}</a> · {}"#,
        esc(&x.id),
        esc(&x.text),
        esc(&r.url),
        esc(&r.title),
        esc(&region.boards[e.board].name)
    );
    if let Some(reference) = &r.reference {
        let _ = write!(s, " · {}", esc(reference));
    }
    if let Some(owner) = &x.owner {
        let _ = write!(s, " · Owner: {}", esc(owner));
    }
    if let Some(evidence) = &x.evidence {
        let _ = write!(s, " · Evidence: {}", esc(evidence));
    }
    let themes = &e.rec_themes[i];
    if !themes.is_empty() {
        s.push_str(" · Themes: ");
        for (n, &t) in themes.iter().enumerate() {
            if n > 0 {
                s.push_str(", ");
            }
            s.push_str(&esc(&region.themes[t].label));
        }
    }
    s.push_str("</p></li>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::shorten_words;

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        assert_eq!(shorten_words("short", 10), "short");
        assert_eq!(
            shorten_words("the agencies did not share, what they knew", 30),
            "the agencies did not share…"
        );
    }
}
