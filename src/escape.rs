//! Escaping text for HTML and XML: the one place the crate does it. Templates (through
//! Tera's autoescape), the markdown renderer's code blocks, the regional site's charts and
//! the feeds all call these.

/// Escape `& < > " '` for HTML text and quoted attribute values. Unlike Tera's default it
/// leaves `/` alone, so links stay readable (escaping `/` adds no safety in HTML text or
/// quoted attributes).
pub(crate) fn html(input: &str) -> String {
    if !input
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        return input.to_string();
    }
    let mut out = String::with_capacity(input.len() + 16);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// [`html`], appended to `out` (no string of its own).
pub(crate) fn push_html(out: &mut String, input: &str) {
    let mut from = 0;
    for (i, b) in input.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        out.push_str(&input[from..i]);
        out.push_str(rep);
        from = i + 1;
    }
    out.push_str(&input[from..]);
}

/// Escape text for XML 1.0 (feeds, sitemap): `& < > " '`, and drop the control characters
/// XML does not allow.
pub(crate) fn xml(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    #[test]
    fn html_escapes_markup_and_quotes_but_not_slashes() {
        assert_eq!(
            super::html(r#"<a href="x">Tom & Jo's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jo&#x27;s&lt;/a&gt;"
        );
        assert_eq!(super::html("reviews/adult-d/"), "reviews/adult-d/");
    }

    #[test]
    fn xml_drops_characters_xml_forbids() {
        assert_eq!(super::xml("a\u{1}b & 'c'"), "ab &amp; &apos;c&apos;");
        assert_eq!(super::xml("line\nnext"), "line\nnext");
    }
}
