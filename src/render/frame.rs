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
    let around = Around::of_context(ctx)?;
    let mut w = String::with_capacity(blocks.len() + 4096);
    around.write(
        &mut w,
        &Blocks {
            title: Block::Html(title),
            head,
            content,
            scripts,
        },
    )?;
    Some(w)
}

/// A value the frame shows: one of a template context's (as the templates read it), or text
/// or a flag of the build's own (a page written without its template).
#[derive(Clone, Copy)]
pub(crate) enum Val<'a> {
    Json(Option<&'a Value>),
    /// Text (`{{ text }}` escapes it; empty is false).
    Text(&'a str),
    Flag(bool),
}

impl Val<'_> {
    /// `{{ v }}`; none where the templates would fail or write what the frame does not.
    fn put(self, w: &mut String) -> Option<()> {
        match self {
            Val::Json(v) => put(w, v),
            Val::Text(s) => {
                crate::escape::push_html(w, s);
                Some(())
            }
            Val::Flag(b) => {
                w.push_str(if b { "true" } else { "false" });
                Some(())
            }
        }
    }
    /// `{% if v %}`.
    fn truthy(self) -> bool {
        match self {
            Val::Json(v) => truthy(v),
            Val::Text(s) => !s.is_empty(),
            Val::Flag(b) => b,
        }
    }
}

impl<'a> From<&'a str> for Val<'a> {
    fn from(s: &'a str) -> Self {
        Val::Text(s)
    }
}

impl From<bool> for Val<'_> {
    fn from(b: bool) -> Self {
        Val::Flag(b)
    }
}

/// The page's own title block: as its template gave it, or `page_title – site.title`.
pub(crate) enum Block<'a> {
    Html(&'a str),
    Titled(&'a str),
}

/// What the page puts in the frame: the blocks of `base.html` its template fills.
pub(crate) struct Blocks<'a> {
    pub(crate) title: Block<'a>,
    pub(crate) head: &'a str,
    pub(crate) content: &'a str,
    pub(crate) scripts: &'a str,
}

/// Everything `base.html` and its partials read: of the site (`site.*`) and of the page.
pub(crate) struct Around<'a> {
    pub(crate) language: Val<'a>,
    pub(crate) title: Val<'a>,
    pub(crate) stylesheets: Vec<Val<'a>>,
    pub(crate) has_highlight_css: Val<'a>,
    pub(crate) has_feed: Val<'a>,
    pub(crate) quick_exit: Val<'a>,
    pub(crate) quick_exit_url: Val<'a>,
    /// `(href, label, section)`.
    pub(crate) nav: Vec<(Val<'a>, Val<'a>, &'a str)>,
    pub(crate) audience: (&'a str, Val<'a>),
    pub(crate) drafts_shown: Val<'a>,
    /// `(href, label)`.
    pub(crate) footer_links: Vec<(&'a str, Val<'a>, Val<'a>)>,
    pub(crate) footer_note: Val<'a>,
    pub(crate) root: Val<'a>,
    pub(crate) section: &'a str,
    pub(crate) page_description: Val<'a>,
    pub(crate) noindex: Val<'a>,
    pub(crate) canonical: Val<'a>,
    /// `(href, title)`, none when the page has none (`{% if crumbs %}`).
    pub(crate) crumbs: Option<Vec<(Val<'a>, Val<'a>)>>,
}

impl<'a> Around<'a> {
    /// What the templates would read of `ctx`; none where they would read something the frame
    /// does not expect.
    fn of_context(ctx: &'a tera::Context) -> Option<Around<'a>> {
        let site = ctx.get("site")?;
        let s = |k: &str| Val::Json(site.get(k));
        // (Compared as text only: the templates compare other values otherwise.)
        let section = ctx.get("section")?.as_str()?;
        let audience = site.get("audience")?;
        let crumbs = ctx.get("crumbs");
        Some(Around {
            language: s("language"),
            title: s("title"),
            stylesheets: (site.get("stylesheets")?.as_array()?.iter())
                .map(|c| Val::Json(Some(c)))
                .collect(),
            has_highlight_css: s("has_highlight_css"),
            has_feed: s("has_feed"),
            quick_exit: s("quick_exit"),
            quick_exit_url: s("quick_exit_url"),
            nav: (site.get("nav")?.as_array()?.iter())
                .map(|n| {
                    let section = n.get("section")?.as_str()?;
                    Some((Val::Json(n.get("href")), Val::Json(n.get("label")), section))
                })
                .collect::<Option<_>>()?,
            audience: (audience.as_str()?, Val::Json(Some(audience))),
            drafts_shown: s("drafts_shown"),
            footer_links: (site.get("footer_links")?.as_array()?.iter())
                .map(|l| {
                    let href = l.get("href")?;
                    Some((
                        href.as_str()?,
                        Val::Json(Some(href)),
                        Val::Json(l.get("label")),
                    ))
                })
                .collect::<Option<_>>()?,
            footer_note: s("footer_note"),
            root: Val::Json(ctx.get("root")),
            section,
            page_description: Val::Json(ctx.get("page_description")),
            noindex: Val::Json(ctx.get("noindex")),
            canonical: Val::Json(ctx.get("canonical")),
            crumbs: match truthy(crumbs) {
                true => Some(
                    (crumbs?.as_array()?.iter())
                        .map(|c| (Val::Json(c.get("href")), Val::Json(c.get("title"))))
                        .collect(),
                ),
                false => None,
            },
        })
    }

    /// What the templates would read of a board site's page at `root`, of `section`, with
    /// `crumbs`, its `canonical` address and `page_description` (empty: none).
    pub(crate) fn of_site(site: &'a super::view::SiteView, page: &'a Page<'a>) -> Around<'a> {
        let f = &site.frame;
        let text = |s: &'a Option<String>| Val::Text(s.as_deref().unwrap_or_default());
        Around {
            language: site.language.as_str().into(),
            title: site.title.as_str().into(),
            stylesheets: f.stylesheets.iter().map(|c| c.as_str().into()).collect(),
            has_highlight_css: site.has_highlight_css.into(),
            has_feed: f.has_feed.into(),
            quick_exit: site.quick_exit.into(),
            quick_exit_url: site.quick_exit_url.as_str().into(),
            nav: (f.nav.iter())
                .map(|n| {
                    (
                        n.href.as_str().into(),
                        n.label.as_str().into(),
                        n.section.as_str(),
                    )
                })
                .collect(),
            audience: (site.audience, site.audience.into()),
            drafts_shown: site.drafts_shown.into(),
            footer_links: (f.footer_links.iter())
                .map(|l| {
                    (
                        l.href.as_str(),
                        l.href.as_str().into(),
                        l.label.as_str().into(),
                    )
                })
                .collect(),
            footer_note: f.footer_note.as_str().into(),
            root: page.root.into(),
            section: page.section,
            page_description: text(page.description),
            noindex: page.noindex.into(),
            canonical: page.canonical.into(),
            crumbs: (!page.crumbs.is_empty()).then(|| {
                (page.crumbs.iter())
                    .map(|c| (c.href.as_str().into(), c.title.as_str().into()))
                    .collect()
            }),
        }
    }

    /// `base.html` around `blocks`, byte for byte; none if a value is not one it can write.
    pub(crate) fn write(&self, w: &mut String, blocks: &Blocks) -> Option<()> {
        self.open(w, &blocks.title, blocks.head)?;
        w.push_str(blocks.content);
        self.close(w, blocks.scripts)
    }

    /// [`Around::write`] up to where the content block goes, with the `title` and `head`
    /// blocks.
    pub(crate) fn open(&self, w: &mut String, title: &Block, head: &str) -> Option<()> {
        let root = self.root;
        let searching = self.section == "search";
        w.push_str("<!DOCTYPE html>\n<html lang=\"");
        self.language.put(w)?;
        w.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        match *title {
            Block::Html(t) => w.push_str(t),
            Block::Titled(t) => {
                crate::escape::push_html(w, t);
                w.push_str(" \u{2013} ");
                self.title.put(w)?;
            }
        }
        w.push_str("</title>\n");
        if self.page_description.truthy() {
            w.push_str("<meta name=\"description\" content=\"");
            self.page_description.put(w)?;
            w.push_str("\">");
        }
        w.push('\n');
        if self.noindex.truthy() {
            w.push_str("<meta name=\"robots\" content=\"noindex, nofollow\">");
        }
        w.push('\n');
        if self.canonical.truthy() {
            w.push_str("<link rel=\"canonical\" href=\"");
            self.canonical.put(w)?;
            w.push_str("\">");
        }
        w.push('\n');
        for css in &self.stylesheets {
            w.push_str("<link rel=\"stylesheet\" href=\"");
            root.put(w)?;
            css.put(w)?;
            w.push_str("\">\n");
        }
        if self.has_highlight_css.truthy() {
            w.push_str("<link rel=\"stylesheet\" href=\"");
            root.put(w)?;
            w.push_str("assets/highlight.css\">");
        }
        w.push('\n');
        if self.has_feed.truthy() {
            w.push_str("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
            self.title.put(w)?;
            w.push_str(": latest reviews and briefings\" href=\"");
            root.put(w)?;
            w.push_str("feed.xml\">");
        }
        w.push('\n');
        w.push_str(head);
        w.push_str("\n</head>\n<body class=\"");
        let quick_exit = self.quick_exit.truthy();
        if quick_exit {
            w.push_str("has-quick-exit");
        }
        w.push_str("\">\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n");
        // partials/quick_exit.html
        if quick_exit {
            w.push_str("\n<div class=\"quick-exit\">\n  <a class=\"quick-exit__button\" href=\"");
            self.quick_exit_url.put(w)?;
            w.push_str("\" rel=\"nofollow noreferrer\" data-quick-exit>Exit this page<span class=\"visually-hidden\"> quickly (or press Shift three times)</span></a>\n</div>\n");
        }
        w.push('\n');
        // partials/header.html
        w.push_str("<header class=\"site-header\">\n  <div class=\"container site-header__inner\">\n    <a class=\"site-header__title\" href=\"");
        root.put(w)?;
        w.push_str("index.html\">");
        self.title.put(w)?;
        w.push_str("</a>\n");
        if !searching {
            // partials/search_box.html
            w.push_str("    <form class=\"site-search\" role=\"search\" action=\"");
            root.put(w)?;
            w.push_str("search/index.html\" method=\"get\">\n      <label for=\"site-search-q\" class=\"visually-hidden\">Search the learning</label>\n      <input id=\"site-search-q\" name=\"q\" type=\"search\" placeholder=\"Search reviews and briefings\" autocomplete=\"off\">\n      <button type=\"submit\">Search</button>\n    </form>\n");
        }
        w.push_str("  </div>\n  <nav class=\"site-nav\" aria-label=\"Main\">\n    <div class=\"container\">\n    <button type=\"button\" class=\"site-nav__toggle\" aria-controls=\"site-nav-list\" aria-expanded=\"false\" hidden>Menu</button>\n    <ul class=\"site-nav__list\" id=\"site-nav-list\">\n");
        for (href, label, section) in &self.nav {
            w.push_str("      <li><a href=\"");
            root.put(w)?;
            href.put(w)?;
            w.push('"');
            if *section == self.section {
                w.push_str(" aria-current=\"page\"");
            }
            w.push('>');
            label.put(w)?;
            w.push_str("</a></li>\n");
        }
        w.push_str("    </ul>\n    </div>\n  </nav>\n</header>\n");
        // base.html again
        if self.audience.0 != "public" {
            w.push_str("\n<div class=\"banner banner--audience\" role=\"note\"><div class=\"container\"><strong>Not for publication.</strong> This build is for <strong>");
            self.audience.1.put(w)?;
            w.push_str(
                "</strong> readers only. Do not share it outside that audience.</div></div>\n",
            );
        }
        w.push('\n');
        if self.drafts_shown.truthy() {
            w.push_str("\n<div class=\"banner banner--draft\" role=\"note\"><div class=\"container\"><strong>Preview with drafts.</strong> This build includes draft documents, marked \u{201c}Draft\u{201d}. Do not publish it.</div></div>\n");
        }
        w.push_str("\n<div class=\"container\">\n");
        // partials/breadcrumbs.html
        if let Some(crumbs) = &self.crumbs {
            w.push_str(
                "\n<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n  <ol>\n    <li><a href=\"",
            );
            root.put(w)?;
            w.push_str("index.html\">Home</a></li>\n    ");
            for (href, title) in crumbs {
                w.push_str("<li><a href=\"");
                root.put(w)?;
                href.put(w)?;
                w.push_str("\">");
                title.put(w)?;
                w.push_str("</a></li>");
            }
            w.push_str("\n  </ol>\n</nav>\n");
        }
        w.push('\n');
        w.push_str("<main id=\"main\" tabindex=\"-1\">\n");
        Some(())
    }

    /// [`Around::write`] from the end of the content block, with the `scripts` block.
    pub(crate) fn close(&self, w: &mut String, scripts: &str) -> Option<()> {
        let root = self.root;
        let searching = self.section == "search";
        w.push_str("\n</main>\n</div>\n");
        self.footer(w)?;
        // base.html's end
        w.push_str("<script src=\"");
        root.put(w)?;
        w.push_str("assets/site.js\" defer></script>\n");
        if !searching {
            w.push_str("<script src=\"");
            root.put(w)?;
            w.push_str("search/highlight.js\" defer></script>");
        }
        w.push('\n');
        w.push_str(scripts);
        w.push_str("\n</body>\n</html>\n");
        Some(())
    }

    /// partials/footer.html, with the site's links (the root before those within the site).
    fn footer(&self, w: &mut String) -> Option<()> {
        w.push_str("<footer class=\"site-footer\">\n  <div class=\"container\">\n    <ul class=\"site-footer__links\">\n");
        for (href, shown, label) in &self.footer_links {
            w.push_str("      <li><a href=\"");
            if !href.starts_with("http") {
                self.root.put(w)?;
            }
            shown.put(w)?;
            w.push_str("\">");
            label.put(w)?;
            w.push_str("</a></li>\n");
        }
        w.push_str("    </ul>\n    <p>");
        self.footer_note.put(w)?;
        w.push_str("</p>\n  </div>\n</footer>\n");
        Some(())
    }
}

/// What a page written without its template gives the frame besides the site.
pub(crate) struct Page<'a> {
    pub(crate) root: &'a str,
    pub(crate) section: &'a str,
    pub(crate) crumbs: &'a [super::view::Crumb],
    pub(crate) canonical: &'a str,
    pub(crate) noindex: bool,
    pub(crate) description: &'a Option<String>,
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
