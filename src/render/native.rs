//! What the default theme's pages written without their templates share (document pages,
//! listings, tracker rows, team action sheets): Tera's `capitalize`, a template's `{% if %}`
//! of an optional text, and `macros.html`'s `status_notes(doc)`.

use super::view::DocView;
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
