//! One page per document (review summary, briefing, learning summary, plain page), the
//! home page, the search page and the 404 page.

use super::markdown::Rendered;
use super::view::{self, Crumb, DocView};
use super::{memo, Pages, Renderer};
use crate::content::{Document, Kind};
use crate::index::taxonomy::Taxonomy;
use rayon::prelude::*;
use serde::Serialize;

mod native;
#[cfg(test)]
mod tests_native;

/// The template and listing section of a document's page.
fn template_of(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Review => ("review.html", "reviews"),
        Kind::Briefing => ("briefing.html", "briefings"),
        Kind::LearningSummary => ("learning_summary.html", "learning-summaries"),
        Kind::Page => ("page.html", ""),
    }
}

/// Is `d` the home page's introduction (`content/index.md`)? It has no page of its own.
fn is_home_intro(d: &Document) -> bool {
    d.kind == Kind::Page && d.url.is_empty()
}

/// A page per document, in parallel.
pub(crate) fn documents(
    r: &Renderer,
    docs: &[&Document],
    bodies: &[Rendered],
    views: &[DocView],
    out: &mut Pages,
) {
    // Which kinds' pages are written without their templates (see native).
    let written = |k: Kind| r.framed && native::template_written(r.tera, template_of(k).0);
    let written = KINDS.map(written);
    let pages: Vec<_> = docs
        .par_iter()
        .zip(bodies.par_iter())
        .zip(views.par_iter())
        .filter(|((d, _), _)| !is_home_intro(d))
        .map(|((d, body), v)| {
            let k = KINDS.iter().position(|&k| k == d.kind).unwrap_or(0);
            match written[k] {
                true => document_written(r, d, body, v),
                false => document(r, d, body, v),
            }
        })
        .collect();
    for p in pages {
        out.add(p);
    }
}

/// Every kind of document.
const KINDS: [Kind; 4] = [
    Kind::Review,
    Kind::Briefing,
    Kind::LearningSummary,
    Kind::Page,
];

/// The page of document `d` (its `body`, its view `v`), its template filled.
fn document(
    r: &Renderer,
    d: &Document,
    body: &Rendered,
    v: &DocView,
) -> Result<crate::write::OutFile, crate::diagnostics::Diagnostic> {
    let ctx = document_context(r, d, body, v);
    let what = format!("the page for {}", d.rel_path);
    r.page(template_of(d.kind).0, &ctx, &d.url, &what)
}

/// The context of `d`'s template.
fn document_context(r: &Renderer, d: &Document, body: &Rendered, v: &DocView) -> memo::Ctx {
    let section = template_of(d.kind).1;
    let crumbs: Vec<Crumb> = view::section_crumb(d.kind).into_iter().collect();
    let mut ctx = r.context(&d.url, &d.title, section, &crumbs);
    ctx.insert("doc", v);
    let learning = (d.kind == Kind::Review)
        .then(|| learning_section(&body.html))
        .flatten();
    match learning {
        Some(l) => {
            ctx.insert("learning_heading", &l.heading);
            ctx.insert("learning_html", &l.body);
            ctx.insert("content", &l.rest);
        }
        _ => ctx.insert("content", &body.html),
    }
    ctx.insert("headings", &body.headings);
    ctx.insert("page_description", &d.meta.summary);
    ctx
}

/// [`document`] written without the template, as it would fill it (see [`native`]); by the
/// template if it cannot be.
fn document_written(
    r: &Renderer,
    d: &Document,
    body: &Rendered,
    v: &DocView,
) -> Result<crate::write::OutFile, crate::diagnostics::Diagnostic> {
    let (template, section) = template_of(d.kind);
    let crumbs: Vec<Crumb> = view::section_crumb(d.kind).into_iter().collect();
    let html = &body.html;
    let parts = (d.kind == Kind::Review)
        .then(|| learning_parts(html))
        .flatten();
    let (content, learning) = match &parts {
        Some(p) => (
            [&html[..p.cut.start], &html[p.cut.end..]],
            Some((&html[p.heading.clone()], &html[p.body.clone()])),
        ),
        None => ([html.as_str(), ""], None),
    };
    // What the page is made from, keyed as the template's context would be (with a memo).
    let mut key = r.start(false, &d.url, &d.title, section, &crumbs);
    key.key_also("doc", v);
    if let Some((heading, section)) = learning {
        key.key_also("learning_heading", heading);
        key.key_also("learning_html", section);
    }
    key.key_also("content", &content);
    key.key_also("headings", &body.headings);
    key.key_also("page_description", &d.meta.summary);
    let what = format!("the page for {}", d.rel_path);
    r.page_made(template, &key, &d.url, &what, |render| {
        let root = view::root_for(&d.url);
        let canonical = r.config.absolute_url(&d.url);
        let doc = native::Doc {
            kind: d.kind,
            title: &d.title,
            description: &d.meta.summary,
            view: v,
            root: &root,
            section,
            crumbs: &crumbs,
            canonical: &canonical,
        };
        let parts = native::Body {
            content,
            learning,
            headings: &body.headings,
        };
        match native::page(&r.site, r.noindex, &doc, &parts) {
            Some(page) => Ok(page),
            None => render(&document_context(r, d, body, v)),
        }
    })
}

/// The ids of the headings a review's learning goes under (the slugs of "Areas for
/// learning", "Key learning", "What to do differently", ...), tried in this order.
const LEARNING_IDS: [&str; 5] = [
    "areas-for-learning",
    "key-learning",
    "what-to-do-differently",
    "learning-points",
    "learning",
];

/// A review's learning, taken out of its body to open the page.
#[derive(Debug, PartialEq)]
pub(crate) struct LearningSection {
    /// The heading's text as the author wrote it (HTML).
    pub(crate) heading: String,
    /// What follows the heading up to the next heading of the same or a higher level.
    pub(crate) body: String,
    /// The body without the heading and that section.
    pub(crate) rest: String,
}

/// Find the section headed "Areas for learning" (or one of [`LEARNING_IDS`]) in rendered,
/// sanitised HTML and take it out, so the page can open with it. Footnote definitions at
/// the end of the body stay there.
pub(crate) fn learning_section(html: &str) -> Option<LearningSection> {
    let p = learning_parts(html)?;
    Some(LearningSection {
        heading: html[p.heading].to_string(),
        body: html[p.body].to_string(),
        rest: format!("{}{}", &html[..p.cut.start], &html[p.cut.end..]),
    })
}

/// Where [`learning_section`]'s parts are in the body.
struct LearningParts {
    heading: std::ops::Range<usize>,
    body: std::ops::Range<usize>,
    /// What is taken out: the heading and its section (the body is the rest).
    cut: std::ops::Range<usize>,
}

fn learning_parts(html: &str) -> Option<LearningParts> {
    let (start, level) = learning_heading(html)?;
    let close = format!("</h{level}>");
    let head_end = start + html[start..].find(&close)? + close.len();
    let heading_open_end = start + html[start..].find('>')? + 1;
    let heading = heading_open_end..head_end - close.len();
    let tail = &html[head_end..];
    let mut end = tail.len();
    for l in 1..=level {
        for pat in [format!("<h{l}>"), format!("<h{l} ")] {
            if let Some(i) = tail.find(&pat) {
                end = end.min(i);
            }
        }
    }
    if let Some(i) = tail.find("<div class=\"footnote-definition\"") {
        end = end.min(i);
    }
    let section = &tail[..end];
    let trimmed = section.trim();
    if trimmed.is_empty() {
        return None;
    }
    let from = head_end + (trimmed.as_ptr() as usize - section.as_ptr() as usize);
    Some(LearningParts {
        heading,
        body: from..from + trimmed.len(),
        cut: start..head_end + end,
    })
}

/// Where the heading of a review's learning opens, and its level: the first heading
/// `<hN id="ID"` (N 2 to 4) of the first of [`LEARNING_IDS`] there is, at level 2, else 3,
/// else 4. One pass over the headings (was a search of the whole page for each id and level).
fn learning_heading(html: &str) -> Option<(usize, u8)> {
    // (rank: the id's place in LEARNING_IDS, then the level; where; level)
    let mut best: Option<(usize, usize, u8)> = None;
    for (at, _) in html.match_indices("<h") {
        let rest = &html.as_bytes()[at + 2..];
        let Some(&digit) = rest.first().filter(|b| (b'2'..=b'4').contains(b)) else {
            continue;
        };
        let Some(after) = rest[1..].strip_prefix(b" id=\"") else {
            continue;
        };
        let level = digit - b'0';
        for (k, id) in LEARNING_IDS.iter().enumerate() {
            let named = after
                .strip_prefix(id.as_bytes())
                .is_some_and(|r| r.first() == Some(&b'"'));
            let rank = k * 3 + usize::from(level - 2);
            if named && best.is_none_or(|b| rank < b.0) {
                best = Some((rank, at, level));
            }
        }
    }
    best.map(|(_, at, level)| (at, level))
}

/// A term of a taxonomy as listings and the home page show it.
#[derive(Serialize)]
pub(crate) struct TermView<'a> {
    pub(crate) label: &'a str,
    pub(crate) href: String,
    pub(crate) count: usize,
}

/// The terms of `tax`, linked from the root.
pub(crate) fn term_views(tax: &Taxonomy) -> Vec<TermView<'_>> {
    tax.terms
        .iter()
        .map(|t| TermView {
            label: &t.label,
            href: format!("{}/{}/index.html", tax.section, t.slug),
            count: t.docs.len(),
        })
        .collect()
}

/// The home page: the introduction from `content/index.md`, the latest reviews and
/// briefings, and the themes with most documents first.
pub(crate) fn home(
    r: &Renderer,
    docs: &[&Document],
    bodies: &[Rendered],
    views: &[DocView],
    taxonomies: &[Taxonomy],
    out: &mut Pages,
) {
    let latest = |k: Kind, n: usize| -> Vec<&DocView> {
        docs.iter()
            .zip(views)
            .filter(|(d, _)| d.kind == k)
            .take(n)
            .map(|(_, v)| v)
            .collect()
    };
    let mut themes: Vec<TermView> = taxonomies
        .iter()
        .find(|t| t.section == "themes")
        .map(term_views)
        .unwrap_or_default();
    themes.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(b.label)));
    let config = r.config;
    let mut ctx = r.context("", &config.title, "home", &[]);
    ctx.insert("reviews", &latest(Kind::Review, 6));
    ctx.insert("briefings", &latest(Kind::Briefing, 4));
    ctx.insert("themes", &themes);
    ctx.insert("page_description", &config.description);
    if let Some((d, b)) = docs.iter().zip(bodies).find(|(d, _)| is_home_intro(d)) {
        ctx.insert("intro_title", &d.title);
        // What comes before the introduction's first heading opens the page; its sections
        // come after the latest briefings and reviews, so the learning is on the first screen.
        let split = b.html.find("<h2").unwrap_or(b.html.len());
        ctx.insert("intro_html", &b.html[..split]);
        ctx.insert("intro_sections_html", &b.html[split..]);
    }
    out.add(r.page("home.html", &ctx, "", "the page /"));
}

/// The search page and the 404 page.
pub(crate) fn search_and_not_found(r: &Renderer, out: &mut Pages) {
    let ctx = r.context("search/", "Search", "search", &[]);
    out.add(r.page("search.html", &ctx, "search/", "the page /search/"));
    let mut ctx = r.context("", "Page not found", "", &[]);
    // Served for any missing path: links go from the site's address, not a relative root.
    ctx.insert("root", &r.config.base_url);
    out.add(r.page("404.html", &ctx, "404.html", ""));
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "<h2 id=\"what-happened\">What happened</h2>\n<p>Chronology.</p>\n\
        <h2 id=\"findings\">Findings</h2>\n<h3 id=\"good-practice\">Good practice</h3>\n<p>Good.</p>\n\
        <h3 id=\"areas-for-learning\">Areas for learning</h3>\n<ol><li>Capacity<sup class=\"footnote-reference\"><a href=\"#exec\">1</a></sup></li></ol>\n\
        <h2 id=\"recommendations\">Recommendations</h2>\n<p>Five.</p>\n\
        <div class=\"footnote-definition\" id=\"exec\"><p>Executive capacity.</p></div>";

    #[test]
    fn the_areas_for_learning_come_out_of_the_body_whole() {
        let l = learning_section(BODY).expect("the section is found");
        assert_eq!(l.heading, "Areas for learning");
        assert!(l.body.starts_with("<ol><li>Capacity"), "{}", l.body);
        assert!(l.body.ends_with("</ol>"), "{}", l.body);
        assert!(!l.rest.contains("Areas for learning") && !l.rest.contains("Capacity"));
        // The chronology, the rest of the findings, what follows and the footnotes stay.
        for kept in [
            "Chronology.",
            "Good.",
            "<h2 id=\"recommendations\">",
            "Executive capacity.",
        ] {
            assert!(l.rest.contains(kept), "lost {kept}: {}", l.rest);
        }
    }

    #[test]
    fn the_learning_heading_is_the_first_id_in_order_then_the_highest_level() {
        // "Key learning" at h2 comes first in the page, but "Areas for learning" is
        // preferred; of its two headings, the h2.
        let html = "<h2 id=\"key-learning\">Key</h2><p>k</p>\
            <h3 id=\"areas-for-learning\">Areas 3</h3><p>a3</p>\
            <h2 id=\"areas-for-learning\">Areas 2</h2><p>a2</p>\
            <h2 id=\"areas-for-learning-2\">Not this</h2><p>x</p>";
        let l = learning_section(html).unwrap();
        assert_eq!(l.heading, "Areas 2");
        assert_eq!(l.body, "<p>a2</p>");
        let l = learning_section(
            "<h4 id=\"learning\">L</h4><p>l</p><h3 id=\"learning\">M</h3><p>m</p>",
        )
        .unwrap();
        assert_eq!((l.heading.as_str(), l.body.as_str()), ("M", "<p>m</p>"));
    }

    #[test]
    fn a_learning_section_at_the_end_stops_before_the_footnotes() {
        let html = "<p>Intro.</p><h2 id=\"key-learning\">Key learning</h2><ul><li>One</li></ul>\
            <div class=\"footnote-definition\" id=\"a\"><p>Note.</p></div>";
        let l = learning_section(html).unwrap();
        assert_eq!(l.body, "<ul><li>One</li></ul>");
        assert!(l.rest.contains("Note."));
    }

    #[test]
    fn no_learning_heading_or_an_empty_one_leaves_the_body_alone() {
        assert_eq!(
            learning_section("<h2 id=\"findings\">Findings</h2><p>x</p>"),
            None
        );
        assert_eq!(
            learning_section(
                "<h3 id=\"areas-for-learning\">Areas for learning</h3><h3 id=\"x\">X</h3>"
            ),
            None
        );
    }
}
