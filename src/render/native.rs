//! What the default theme's pages written without their templates share (document pages,
//! listings, tracker rows, team action sheets): Tera's `capitalize`, a template's `{% if %}`
//! of an optional text, and `macros.html`'s `status_notes(doc)`.

use super::view::{DocView, RecommendationView};
use crate::escape::push_html;

/// Tera's `capitalize`: the first character upper case, the rest lower case.
pub(crate) fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        None => String::new(),
        Some(f) => f.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase(),
    }
}

/// The text of an optional value that a template's `{% if %}` takes as true.
pub(crate) fn some(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

/// `macros.html`'s `status_notes(doc)`: the draft, audience and ongoing-review notices.
pub(crate) fn status_notes(w: &mut String, d: &DocView) {
    w.push('\n');
    if d.draft {
        w.push_str("<div class=\"notice notice--draft\" role=\"note\"><strong>Draft.</strong> This document is a draft and is not published.</div>");
    }
    w.push('\n');
    if d.audience != "public" {
        w.push_str("<div class=\"notice notice--audience\" role=\"note\"><strong>");
        push_html(w, &capitalize(d.audience));
        w.push_str(" only.</strong> Do not share this page outside that audience.</div>");
    }
    if d.ongoing {
        w.push_str("<div class=\"notice notice--ongoing\" role=\"note\"><strong>Ongoing review.</strong> This review is still being carried out. Public and partner builds list it by type, month commissioned and themes only.</div>");
    }
}

/// `macros.html`'s `rec_due(r)`: the month due, "Not set", and a revised month.
pub(crate) fn rec_due(w: &mut String, r: &RecommendationView) {
    match some(&r.due) {
        Some(due) => {
            w.push_str("<time datetime=\"");
            push_html(w, r.due_iso.as_deref().unwrap_or_default());
            w.push_str("\">");
            push_html(w, due);
            w.push_str("</time>");
        }
        None => w.push_str("Not set"),
    }
    if let Some(revised) = some(&r.revised_due) {
        w.push_str("<br><span class=\"secondary\">Revised to <time datetime=\"");
        push_html(w, r.revised_due_iso.as_deref().unwrap_or_default());
        w.push_str("\">");
        push_html(w, revised);
        w.push_str("</time></span>");
    }
}

/// The start of `macros.html`'s `rec_status(r)`: the status and, when overdue, by how long
/// (the tracker adds a note of a stale recommendation after it).
pub(crate) fn rec_status(w: &mut String, r: &RecommendationView) {
    w.push_str("<span class=\"status status--");
    push_html(w, r.status);
    w.push_str("\">");
    push_html(w, r.status_label);
    w.push_str("</span>");
    if r.overdue {
        w.push_str(" <strong class=\"status status--overdue\">");
        push_html(w, r.overdue_words.as_deref().unwrap_or_default());
        w.push_str("</strong>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalize_is_teras() {
        assert_eq!(capitalize("partners"), "Partners");
        assert_eq!(capitalize("iNTERNAL"), "Internal");
        assert_eq!(capitalize("élan"), "Élan");
        assert_eq!(capitalize(""), "");
    }
}
