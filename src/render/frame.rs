//! The default theme's frame written without its templates. Every page extends `base.html`,
//! whose head, quick exit, header, navigation, breadcrumbs and footer (with the partials it
//! includes) took a third of the time of filling a page's template, on every one of the
//! 11,000 pages of a 5,000-document site. When the site uses the default theme's frame
//! (`base.html` and those partials unchanged), each page template is also compiled extending
//! [`FRAME_TEMPLATE`] instead, which gives only the page's own blocks; the frame around them is
//! written here from the same context, byte for byte what `base.html` would write. Anything
//! this does not expect (a value of another type, a block holding the mark the blocks are cut
//! at) leaves the page to the templates as before.

use super::templates::{DEFAULT_TEMPLATES, FRAME_COUNT};
use serde_json::Value;

/// The frame's stand-in: the blocks of `base.html` with their default text, cut by [`MARK`].
pub(crate) const FRAME_TEMPLATE: &str = "__learnsite/frame.html";

/// A page template `NAME` extending [`FRAME_TEMPLATE`] is compiled as `FRAMED` + `NAME`.
pub(crate) const FRAMED: &str = "__learnsite/framed/";

/// The default theme's files the frame stands for: `base.html` and the partials it
/// includes, the first [`FRAME_COUNT`] of the default templates.
pub(crate) fn frame_files() -> impl Iterator<Item = &'static str> {
    DEFAULT_TEMPLATES[..FRAME_COUNT].iter().map(|(n, _)| *n)
}

/// Where one block ends and the next begins in what [`FRAME_TEMPLATE`] gives.
pub(crate) const MARK: char = '\u{E002}';

/// [`FRAME_TEMPLATE`]'s text: `base.html`'s blocks, in order, with their default text.
pub(crate) const FRAME_SOURCE: &str = "{% block title %}{{ page_title }} \u{2013} {{ site.title }}{% endblock title %}\u{E002}{% block head %}{% endblock head %}\u{E002}{% block content %}{% endblock content %}\u{E002}{% block scripts %}{% endblock scripts %}";

/// `source` (a page template) extending the frame's stand-in instead of `base.html`, if it
/// extends `base.html`.
pub(crate) fn framed_source(source: &str) -> Option<String> {
    const EXTENDS: &str = "{% extends \"base.html\" %}";
    source
        .strip_prefix(EXTENDS)
        .map(|rest| format!("{{% extends \"{FRAME_TEMPLATE}\" %}}{rest}"))
}

/// The page: `blocks` (what the page's framed template gave) in the frame `base.html` writes
/// with `ctx`; none if something is not as expected (the templates then make the page).
pub(crate) fn page(blocks: &str, ctx: &tera::Context) -> Option<String> {
    let mut it = blocks.split(MARK);
    let (title, head, content, scripts) = (it.next()?, it.next()?, it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    let site = ctx.get("site")?;
    let root = ctx.get("root");
    // (Compared as text only: the templates compare other values otherwise.)
    let section = ctx.get("section")?.as_str()?;
    let searching = section == "search";
    let mut w = String::with_capacity(blocks.len() + 4096);
    w.push_str("<!DOCTYPE html>\n<html lang=\"");
    put(&mut w, site.get("language"))?;
    w.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    w.push_str(title);
    w.push_str("</title>\n");
    if truthy(ctx.get("page_description")) {
        w.push_str("<meta name=\"description\" content=\"");
        put(&mut w, ctx.get("page_description"))?;
        w.push_str("\">");
    }
    w.push('\n');
    if truthy(ctx.get("noindex")) {
        w.push_str("<meta name=\"robots\" content=\"noindex, nofollow\">");
    }
    w.push('\n');
    if truthy(ctx.get("canonical")) {
        w.push_str("<link rel=\"canonical\" href=\"");
        put(&mut w, ctx.get("canonical"))?;
        w.push_str("\">");
    }
    w.push('\n');
    for css in site.get("stylesheets")?.as_array()? {
        w.push_str("<link rel=\"stylesheet\" href=\"");
        put(&mut w, root)?;
        put(&mut w, Some(css))?;
        w.push_str("\">\n");
    }
    if truthy(site.get("has_highlight_css")) {
        w.push_str("<link rel=\"stylesheet\" href=\"");
        put(&mut w, root)?;
        w.push_str("assets/highlight.css\">");
    }
    w.push('\n');
    if truthy(site.get("has_feed")) {
        w.push_str("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
        put(&mut w, site.get("title"))?;
        w.push_str(": latest reviews and briefings\" href=\"");
        put(&mut w, root)?;
        w.push_str("feed.xml\">");
    }
    w.push('\n');
    w.push_str(head);
    w.push_str("\n</head>\n<body class=\"");
    let quick_exit = truthy(site.get("quick_exit"));
    if quick_exit {
        w.push_str("has-quick-exit");
    }
    w.push_str("\">\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n");
    // partials/quick_exit.html
    if quick_exit {
        w.push_str("\n<div class=\"quick-exit\">\n  <a class=\"quick-exit__button\" href=\"");
        put(&mut w, site.get("quick_exit_url"))?;
        w.push_str("\" rel=\"nofollow noreferrer\" data-quick-exit>Exit this page<span class=\"visually-hidden\"> quickly (or press Shift three times)</span></a>\n</div>\n");
    }
    w.push('\n');
    // partials/header.html
    w.push_str("<header class=\"site-header\">\n  <div class=\"container site-header__inner\">\n    <a class=\"site-header__title\" href=\"");
    put(&mut w, root)?;
    w.push_str("index.html\">");
    put(&mut w, site.get("title"))?;
    w.push_str("</a>\n");
    if !searching {
        // partials/search_box.html
        w.push_str("    <form class=\"site-search\" role=\"search\" action=\"");
        put(&mut w, root)?;
        w.push_str("search/index.html\" method=\"get\">\n      <label for=\"site-search-q\" class=\"visually-hidden\">Search the learning</label>\n      <input id=\"site-search-q\" name=\"q\" type=\"search\" placeholder=\"Search reviews and briefings\" autocomplete=\"off\">\n      <button type=\"submit\">Search</button>\n    </form>\n");
    }
    w.push_str("  </div>\n  <nav class=\"site-nav\" aria-label=\"Main\">\n    <div class=\"container\">\n    <button type=\"button\" class=\"site-nav__toggle\" aria-controls=\"site-nav-list\" aria-expanded=\"false\" hidden>Menu</button>\n    <ul class=\"site-nav__list\" id=\"site-nav-list\">\n");
    for n in site.get("nav")?.as_array()? {
        w.push_str("      <li><a href=\"");
        put(&mut w, root)?;
        put(&mut w, n.get("href"))?;
        w.push('"');
        if n.get("section")?.as_str()? == section {
            w.push_str(" aria-current=\"page\"");
        }
        w.push('>');
        put(&mut w, n.get("label"))?;
        w.push_str("</a></li>\n");
    }
    w.push_str("    </ul>\n    </div>\n  </nav>\n</header>\n");
    // base.html again
    let audience = site.get("audience")?;
    if audience.as_str()? != "public" {
        w.push_str("\n<div class=\"banner banner--audience\" role=\"note\"><div class=\"container\"><strong>Not for publication.</strong> This build is for <strong>");
        put(&mut w, Some(audience))?;
        w.push_str("</strong> readers only. Do not share it outside that audience.</div></div>\n");
    }
    w.push('\n');
    if truthy(site.get("drafts_shown")) {
        w.push_str("\n<div class=\"banner banner--draft\" role=\"note\"><div class=\"container\"><strong>Preview with drafts.</strong> This build includes draft documents, marked \u{201c}Draft\u{201d}. Do not publish it.</div></div>\n");
    }
    w.push_str("\n<div class=\"container\">\n");
    // partials/breadcrumbs.html
    let crumbs = ctx.get("crumbs");
    if truthy(crumbs) {
        w.push_str(
            "\n<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n  <ol>\n    <li><a href=\"",
        );
        put(&mut w, root)?;
        w.push_str("index.html\">Home</a></li>\n    ");
        for c in crumbs?.as_array()? {
            w.push_str("<li><a href=\"");
            put(&mut w, root)?;
            put(&mut w, c.get("href"))?;
            w.push_str("\">");
            put(&mut w, c.get("title"))?;
            w.push_str("</a></li>");
        }
        w.push_str("\n  </ol>\n</nav>\n");
    }
    w.push('\n');
    w.push_str("<main id=\"main\" tabindex=\"-1\">\n");
    w.push_str(content);
    w.push_str("\n</main>\n</div>\n");
    footer(&mut w, site, root)?;
    // base.html's end
    w.push_str("<script src=\"");
    put(&mut w, root)?;
    w.push_str("assets/site.js\" defer></script>\n");
    if !searching {
        w.push_str("<script src=\"");
        put(&mut w, root)?;
        w.push_str("search/highlight.js\" defer></script>");
    }
    w.push('\n');
    w.push_str(scripts);
    w.push_str("\n</body>\n</html>\n");
    Some(w)
}

/// partials/footer.html, with the site's links (`root` before those within the site).
fn footer(w: &mut String, site: &Value, root: Option<&Value>) -> Option<()> {
    w.push_str("<footer class=\"site-footer\">\n  <div class=\"container\">\n    <ul class=\"site-footer__links\">\n");
    for l in site.get("footer_links")?.as_array()? {
        w.push_str("      <li><a href=\"");
        let href = l.get("href")?;
        if !href.as_str()?.starts_with("http") {
            put(w, root)?;
        }
        put(w, Some(href))?;
        w.push_str("\">");
        put(w, l.get("label"))?;
        w.push_str("</a></li>\n");
    }
    w.push_str("    </ul>\n    <p>");
    put(w, site.get("footer_note"))?;
    w.push_str("</p>\n  </div>\n</footer>\n");
    Some(())
}

/// `{{ v }}`: text escaped, a number or a boolean as written, nothing for null; none for a
/// missing value, a list or a map (the templates then make the page, as they would).
fn put(w: &mut String, v: Option<&Value>) -> Option<()> {
    match v? {
        Value::String(s) => crate::escape::push_html(w, s),
        Value::Null => {}
        Value::Bool(b) => w.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            use std::fmt::Write as _;
            let _ = if let Some(i) = n.as_i64() {
                write!(w, "{i}")
            } else if let Some(u) = n.as_u64() {
                write!(w, "{u}")
            } else {
                write!(w, "{}", n.as_f64()?)
            };
        }
        Value::Array(_) | Value::Object(_) => return None,
    }
    Some(())
}

/// `{% if v %}` as the templates read it (a missing value is false).
fn truthy(v: Option<&Value>) -> bool {
    v.is_some_and(|v| match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i != 0,
            (_, Some(u)) => u != 0,
            _ => n.as_f64().is_some_and(|f| f != 0.0 && !f.is_nan()),
        },
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A page template with every block of `base.html` (or only content, `full` false).
    fn templates(full: bool) -> tera::Tera {
        let mut all = crate::render::templates::defaults();
        let page = if full {
            "{% extends \"base.html\" %}{% block title %}T & {{ super() }}{% endblock title %}\
             {% block head %}<meta name=\"x\" content=\"{{ page_title }}\">{% endblock head %}\
             {% block content %}\n<h1>{{ page_title }}</h1>\n{% endblock content %}\
             {% block scripts %}<script src=\"{{ root }}x.js\"></script>{% endblock scripts %}"
        } else {
            "{% extends \"base.html\" %}{% block content %}<p>{{ body }}</p>{% endblock content %}"
        };
        all.push(("t.html".into(), page.into()));
        crate::render::templates::compile(&all).unwrap()
    }

    fn site(i: usize) -> Value {
        let link = |href: &str, label: &str, section: &str| json!({"href": href, "label": label, "section": section});
        let title = ["Synthetic Learning", "Tom & Jo's <Board>"][i % 2];
        let audience = ["public", "internal", "partners"][i % 3];
        json!({
            "title": title,
            "language": "en-GB",
            "quick_exit": i % 3 != 0,
            "quick_exit_url": "https://www.bbc.co.uk/weather?a=1&b=2",
            "audience": audience,
            "drafts_shown": i % 4 == 1,
            "has_highlight_css": i % 2 == 1,
            "has_feed": i % 5 != 2,
            "stylesheets": if i % 3 == 2 { json!(["assets/style.css", "assets/region.css"]) } else { json!(["assets/style.css"]) },
            "nav": [link("reviews/index.html", "Reviews", "reviews"), link("search/index.html", "Search & find", "search")],
            "footer_links": [link("accessibility/index.html", "Accessibility", ""), link("https://example.org/a?b=1&c", "Elsewhere \"out\"", "")],
            "footer_note": "Published by <b>Board</b> & co. Built on 2026-12-01.",
        })
    }

    #[test]
    fn the_frame_written_without_the_templates_is_base_html_byte_for_byte() {
        for full in [true, false] {
            let tera = templates(full);
            let framed = format!("{FRAMED}t.html");
            assert!(tera.get_template(&framed).is_ok());
            for i in 0..24 {
                let mut ctx = tera::Context::new();
                ctx.insert("site", &site(i));
                ctx.insert(
                    "root",
                    ["../", "", "https://bench.example/", "../../../"][i % 4],
                );
                ctx.insert("page_title", "Review <1> & \"more\"");
                ctx.insert("section", ["reviews", "search", "", "actions"][i % 4]);
                let crumbs = [
                    json!([]),
                    json!([{"title": "Action tracker & co", "href": "actions/index.html"}]),
                    json!([{"title": "A", "href": "a/"}, {"title": "B", "href": "b/"}]),
                ];
                if i % 7 != 6 {
                    ctx.insert("crumbs", &crumbs[i % 3]);
                }
                ctx.insert("canonical", ["https://bench.example/a/", ""][i % 2]);
                ctx.insert("noindex", &(i % 3 == 1));
                if i % 2 == 0 {
                    ctx.insert(
                        "page_description",
                        ["What <we> learnt & why", ""][i % 4 / 2],
                    );
                }
                ctx.insert("body", ["x\u{E002}y", "x & y"][usize::from(i % 5 != 0)]);
                let want = tera.render("t.html", &ctx).unwrap();
                let blocks = tera.render(&framed, &ctx).unwrap();
                match page(&blocks, &ctx) {
                    Some(got) => assert_eq!(got, want, "case {i}, full {full}"),
                    // Only a block holding the mark is left to the templates.
                    None => assert!(!full && blocks.matches(MARK).count() != 3, "case {i}"),
                }
            }
        }
    }

    #[test]
    fn a_site_s_own_frame_or_template_that_does_not_extend_base_html_is_left_alone() {
        let mut all = crate::render::templates::defaults();
        all.iter_mut()
            .find(|(n, _)| n == "partials/footer.html")
            .unwrap()
            .1 = "<footer>Ours</footer>".into();
        let tera = crate::render::templates::compile(&all).unwrap();
        assert!(!tera.get_template_names().any(|n| n == FRAME_TEMPLATE));
        assert_eq!(framed_source("{% extends \"other.html\" %}"), None);
    }

    #[test]
    fn the_frame_files_are_base_html_and_every_partial_it_includes() {
        let files: Vec<&str> = frame_files().collect();
        assert_eq!(files[0], "base.html");
        // Every file included from the frame is one of its files, and each partial of the
        // frame is included from it.
        let mut included = Vec::new();
        for (name, text) in DEFAULT_TEMPLATES.iter().filter(|(n, _)| files.contains(n)) {
            for part in text.split("{% include \"").skip(1) {
                let inc = part.split('"').next().unwrap();
                assert!(
                    files.contains(&inc),
                    "{name} includes {inc}, not a frame file"
                );
                included.push(inc);
            }
        }
        for f in &files[1..] {
            assert!(included.contains(f), "{f} is not included by the frame");
        }
    }
}
