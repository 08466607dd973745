//! One page per document (review summary, briefing, learning summary, plain page), the
//! home page, the search page and the 404 page.

use super::markdown::Rendered;
use super::view::{self, Crumb, DocView};
use super::{Pages, Renderer};
use crate::content::{Document, Kind};
use crate::index::taxonomy::Taxonomy;
use rayon::prelude::*;
use serde::Serialize;

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
pub fn documents(
    r: &Renderer,
    docs: &[&Document],
    bodies: &[Rendered],
    views: &[DocView],
    out: &mut Pages,
) {
    let pages: Vec<_> = docs
        .par_iter()
        .zip(bodies.par_iter())
        .zip(views.par_iter())
        .filter(|((d, _), _)| !is_home_intro(d))
        .map(|((d, body), v)| {
            let (template, section) = template_of(d.kind);
            let crumbs: Vec<Crumb> = view::section_crumb(d.kind).into_iter().collect();
            let mut ctx = r.context(&d.url, &d.title, section, &crumbs);
            ctx.insert("doc", v);
            ctx.insert("content", &body.html);
            ctx.insert("headings", &body.headings);
            ctx.insert("page_description", &d.meta.summary);
            r.page(
                template,
                &ctx,
                &d.url,
                &format!("the page for {}", d.rel_path),
            )
        })
        .collect();
    for p in pages {
        out.add(p);
    }
}

/// A term of a taxonomy as listings and the home page show it.
#[derive(Serialize)]
pub struct TermView<'a> {
    pub label: &'a str,
    pub href: String,
    pub count: usize,
}

/// The terms of `tax`, linked from the root.
pub fn term_views(tax: &Taxonomy) -> Vec<TermView<'_>> {
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
pub fn home(
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
        ctx.insert("intro_html", &b.html);
    }
    out.add(r.page("home.html", &ctx, "", "the page /"));
}

/// The search page and the 404 page.
pub fn search_and_not_found(r: &Renderer, out: &mut Pages) {
    let ctx = r.context("search/", "Search", "search", &[]);
    out.add(r.page("search.html", &ctx, "search/", "the page /search/"));
    let mut ctx = r.context("", "Page not found", "", &[]);
    // Served for any missing path: links go from the site's address, not a relative root.
    ctx.insert("root", &r.config.base_url);
    out.add(r.page("404.html", &ctx, "404.html", ""));
}
