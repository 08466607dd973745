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

/// What a markup writer does: a page's text written straight (document pages) or cut where
/// the root goes (pieces joined on many pages, as tracker rows are).
pub(crate) trait Markup {
    /// Markup, as it is.
    fn raw(&mut self, s: &str) -> &mut Self;
    /// Text, escaped as templates escape it.
    fn text(&mut self, s: &str) -> &mut Self;
    /// `{{ root }}`.
    fn root(&mut self) -> &mut Self;
}

impl Markup for super::fragments::Writer {
    fn raw(&mut self, s: &str) -> &mut Self {
        super::fragments::Writer::raw(self, s)
    }
    fn text(&mut self, s: &str) -> &mut Self {
        super::fragments::Writer::text(self, s)
    }
    fn root(&mut self) -> &mut Self {
        super::fragments::Writer::root(self)
    }
}

/// `macros.html`'s `rec_detail(r, root)`: why not implemented, evidence, scope and themes,
/// and the updates.
pub(crate) fn rec_detail<M: Markup>(w: &mut M, r: &RecommendationView) {
    if let Some(reason) = some(&r.reason) {
        w.raw("<p class=\"rec-reason\"><strong>Not implemented because:</strong> ");
        w.text(reason).raw("</p>");
    }
    if let Some(evidence) = some(&r.evidence) {
        w.raw("<p class=\"secondary\">Evidence: ")
            .text(evidence)
            .raw("</p>");
    }
    let scope = r.scope_label.filter(|s| !s.is_empty());
    if scope.is_some() || !r.themes.is_empty() {
        w.raw("<p class=\"secondary\">");
        if let Some(scope) = scope {
            w.text(scope);
            if !r.themes.is_empty() {
                w.raw(" · ");
            }
        }
        if !r.themes.is_empty() {
            w.raw("Themes: ");
            for (i, t) in r.themes.iter().enumerate() {
                if i > 0 {
                    w.raw(", ");
                }
                w.raw("<a href=\"").root().text(&t.href).raw("\">");
                w.text(&t.label).raw("</a>");
            }
        }
        w.raw("</p>");
    }
    if !r.updates.is_empty() {
        w.raw("<details class=\"rec-updates\"><summary>Updates");
        if let Some(last) = some(&r.last_update) {
            w.raw(", latest ").text(last);
        }
        w.raw("</summary><ul>");
        for u in &r.updates {
            w.raw("<li><time datetime=\"").text(&u.date_iso).raw("\">");
            w.text(&u.date).raw("</time>: ").text(&u.text).raw("</li>");
        }
        w.raw("</ul></details>");
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
