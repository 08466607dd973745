//! Render: documents to pages. Markdown through pulldown-cmark and ammonia, pages through
//! Tera templates (the site's `layouts/` over the default theme compiled into the binary).
//!
//! | file | what |
//! |---|---|
//! | [`pages`] | a page per document (review, briefing, learning summary, plain page), the home page, search page and 404 |
//! | [`listings`] | the listing of each kind, each taxonomy's terms and each term's documents, paginated |
//! | [`tracker`] | the action tracker: every recommendation, its filters, exceptions and spreadsheet |
//! | [`markers`] | the SAR Quality Markers across the published reviews |
//! | [`view`] | the view models templates see |
//! | [`markdown`] | a document's body to safe HTML |
//! | [`templates`] | the theme: default templates and assets, overridden by the site's `layouts/` |

pub(crate) mod action_sheet;
pub(crate) mod digest;
pub(crate) mod fragments;
pub(crate) mod frame;
pub(crate) mod listings;
pub(crate) mod markdown;
pub(crate) mod markers;
pub(crate) mod memo;
mod native;
pub(crate) mod pages;
pub(crate) mod templates;
pub(crate) mod theme;
pub(crate) mod tracker;
pub(crate) mod view;

use crate::config::Config;
use crate::content::{Document, Site};
use crate::diagnostics::Diagnostic;
use crate::index::taxonomy::Taxonomy;
use crate::site::Publication;
use crate::write::OutFile;
use markdown::Rendered;
use rayon::prelude::*;
use view::{Crumb, DocView, SiteView};

/// What the render stage is given: the published documents and how the build publishes.
pub(crate) struct Input<'a> {
    pub(crate) site: &'a Site,
    /// The published documents, newest first.
    pub(crate) docs: &'a [&'a Document],
    /// The ongoing reviews the build lists without their content.
    pub(crate) ongoing: &'a [&'a Document],
    /// The taxonomies of `docs`.
    pub(crate) taxonomies: &'a [Taxonomy],
    pub(crate) publication: &'a Publication,
    pub(crate) tera: &'a tera::Tera,
    /// What teams did with each published briefing (by slug).
    pub(crate) uptake: &'a crate::index::Uptakes,
    /// The pages of the last build `serve` wrote, to render only those that changed.
    pub(crate) memo: Option<&'a memo::PageMemo>,
    /// The pieces of pages the last build rendered, to render only those that changed.
    pub(crate) fragments: Option<&'a fragments::Fragments>,
    /// Where pages go as soon as they are rendered (a build's staging folder), instead of
    /// being kept in memory.
    pub(crate) stream: Option<&'a crate::write::Stream>,
}

/// What the render stage made.
pub(crate) struct RenderedSite {
    /// Every page.
    pub(crate) files: Vec<OutFile>,
    /// Does any page have highlighted code (and so need `assets/highlight.css`)?
    pub(crate) has_code: bool,
    /// A template failed (its error is among the diagnostics): nothing may be written.
    pub(crate) failed: bool,
    /// The errors of the pages that could not be made.
    pub(crate) diags: Vec<Diagnostic>,
}

/// The body of each document, rendered or, for those the cache has, as rendered before.
pub(crate) fn bodies(
    docs: &[&Document],
    cache: Option<(&mut BodyCache, &crate::content::LoadCache)>,
) -> Vec<Rendered> {
    let Some((cache, load)) = cache else {
        return docs.par_iter().map(|d| body(d)).collect();
    };
    let keys: Vec<memo::Key> = docs.par_iter().map(|d| BodyCache::key(load, d)).collect();
    let mut found: Vec<Option<Rendered>> = keys.iter().map(|k| cache.0.remove(k)).collect();
    found.par_iter_mut().zip(docs).for_each(|(b, d)| {
        if b.is_none() {
            *b = Some(body(d));
        }
    });
    found.into_iter().map(Option::unwrap_or_default).collect()
}

fn body(d: &Document) -> Rendered {
    markdown::render(d.body(), &d.url, &view::root_for(&d.url))
}

/// Documents' rendered bodies, by what they were rendered from (`serve` keeps them between
/// builds).
#[derive(Debug, Default)]
pub(crate) struct BodyCache(std::collections::HashMap<memo::Key, Rendered>);

impl BodyCache {
    /// A key of what `d`'s body is rendered from: its file's text and its address.
    fn key(load: &crate::content::LoadCache, d: &Document) -> memo::Key {
        let mut h = memo::KeyHasher::new();
        h.bytes(&load.key_of(d).to_le_bytes());
        h.bytes(d.url.as_bytes());
        h.finish()
    }
    /// Keep the bodies of this build's documents (and only those) for the next.
    pub(crate) fn keep(
        &mut self,
        load: &crate::content::LoadCache,
        docs: &[&Document],
        bodies: Vec<Rendered>,
    ) {
        self.0.clear();
        self.0
            .extend(docs.iter().map(|d| Self::key(load, d)).zip(bodies));
    }
}

/// The view model of each of the input's documents (in their order).
pub(crate) fn views(input: &Input) -> Vec<DocView> {
    let all: Vec<usize> = (0..input.docs.len()).collect();
    views_of(input, &all)
}

/// Render every page of the site from the documents' `bodies` and `views` (in the order of
/// the input's documents). The kinds of pages are made at the same time, each kind itself
/// in parallel, so that no part waits for another on a second core; the pages come out in
/// the same order whatever finishes first.
pub(crate) fn render_site(input: &Input, bodies: &[Rendered], views: &[DocView]) -> RenderedSite {
    use crate::progress::timed;
    let config = &input.site.config;
    let has_code = bodies.iter().any(|r| r.has_code);
    let r = Renderer::new(input, has_code);
    let docs = input.docs;
    let ongoing: Vec<view::OngoingView> = input
        .ongoing
        .iter()
        .map(|d| (&crate::index::learning::ongoing_for(config, &input.site.vocab, d)).into())
        .collect();
    let mut parts: [Pages; 7] = Default::default();
    let [documents, sheets, digests, lists, home, tracker, markers] = &mut parts;
    let r = &r;
    rayon::scope(|s| {
        // The longest first: the others fill the gaps its serial parts leave.
        s.spawn(|_| timed("tracker", || tracker::pages(r, docs, views, tracker)));
        s.spawn(|_| {
            timed("listings", || {
                let cards = listings::Cards::new(r, views);
                listings::kinds(r, docs, &cards, &ongoing, lists);
                listings::taxonomies(r, input.taxonomies, &cards, &input.site.vocab, lists);
            })
        });
        s.spawn(|_| timed("digest", || digest::pages(r, input.site, docs, digests)));
        s.spawn(|_| {
            timed("action sheets", || {
                action_sheet::pages(r, docs, views, sheets)
            })
        });
        s.spawn(|_| timed("quality markers", || markers::page(r, docs, views, markers)));
        s.spawn(|_| {
            timed("home, search, 404", || {
                pages::home(r, docs, bodies, views, input.taxonomies, home);
                pages::search_and_not_found(r, home);
            })
        });
        timed("document pages", || {
            pages::documents(r, docs, bodies, views, documents)
        });
    });
    // In the order the pages were made in one after another.
    let [documents, sheets, digests, lists, home, tracker, markers] = parts;
    let mut out = documents;
    for mut p in [sheets, digests, lists, home, tracker, markers] {
        out.files.append(&mut p.files);
        out.diags.append(&mut p.diags);
        out.failed |= p.failed;
    }
    RenderedSite {
        files: out.files,
        has_code,
        failed: out.failed,
        diags: out.diags,
    }
}

/// The view models of the input's documents `which` (indexes into its documents), with
/// what teams did with each briefing.
fn views_of(input: &Input, which: &[usize]) -> Vec<DocView> {
    let (site, today) = (input.site, input.publication.today);
    let mut views = view::doc_views_of(input.docs, which, &site.config, &site.vocab, today);
    for (v, &i) in views.iter_mut().zip(which) {
        let d = input.docs[i];
        if d.kind == crate::content::Kind::Briefing {
            v.uptake = input.uptake.get(&d.slug).cloned();
        }
    }
    views
}

/// The pages of the input's documents `which` alone, as [`render_site`] makes them (`bodies`
/// are every document's): what `serve` writes first after a save, before the rest of the site.
pub(crate) fn document_pages(input: &Input, bodies: &[Rendered], which: &[usize]) -> Pages {
    let mut r = Renderer::new(input, bodies.iter().any(|b| b.has_code));
    // Rendered whatever the memo says, and kept: these are written at once, whole.
    r.memo = None;
    r.stream = None;
    let docs: Vec<&Document> = which.iter().map(|&i| input.docs[i]).collect();
    let own: Vec<Rendered> = which.iter().map(|&i| bodies[i].clone()).collect();
    let mut out = Pages::default();
    pages::documents(&r, &docs, &own, &views_of(input, which), &mut out);
    out
}

/// The theme's assets a build writes beside its pages: `assets/style.css` and
/// `assets/site.js` unless the site's `static/` has its own, and `assets/highlight.css`
/// when a page has code.
pub(crate) fn assets(site: &Site, has_code: bool) -> Vec<OutFile> {
    let mut files: Vec<OutFile> = templates::DEFAULT_ASSETS
        .iter()
        .filter(|(rel, _)| !site.static_files.iter().any(|f| f == rel))
        .map(|(rel, text)| OutFile::new(*rel, *text))
        .collect();
    if has_code {
        files.push(OutFile::new(
            "assets/highlight.css",
            markdown::highlight_css(),
        ));
    }
    files
}

/// The pages made so far, and the errors of those that could not be made.
#[derive(Default)]
pub(crate) struct Pages {
    pub(crate) files: Vec<OutFile>,
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) failed: bool,
}

impl Pages {
    /// Keep a page, or its error.
    pub(crate) fn add(&mut self, page: Result<OutFile, Diagnostic>) {
        match page {
            Ok(f) => self.files.push(f),
            Err(d) => {
                self.failed = true;
                self.diags.push(d);
            }
        }
    }
}

/// Fills templates: what every page of one build shares.
pub(crate) struct Renderer<'a> {
    /// The build date (overdue and due counts are as of it).
    pub(crate) today: chrono::NaiveDate,
    pub(crate) tera: &'a tera::Tera,
    pub(crate) site: SiteView,
    pub(crate) config: &'a Config,
    /// Ask search engines not to index (any build that is not for the public).
    pub(crate) noindex: bool,
    /// The pages `serve` wrote last: a page whose template and context are unchanged is
    /// not rendered again.
    pub(crate) memo: Option<&'a memo::PageMemo>,
    /// Pieces of pages the last build rendered ([`fragments`]).
    pub(crate) fragments: Option<&'a fragments::Fragments>,
    /// Where each page is written as soon as it is rendered ([`Input::stream`]).
    stream: Option<&'a crate::write::Stream>,
    /// The site uses the default theme's frame ([`frame`]).
    framed: bool,
}

impl<'a> Renderer<'a> {
    /// What every page of the input's site shares; `has_code`: does any page have
    /// highlighted code?
    fn new(input: &Input<'a>, has_code: bool) -> Renderer<'a> {
        let (config, p) = (&input.site.config, input.publication);
        let mut site = SiteView::new(config, p.audience, p.drafts, p.today);
        site.has_highlight_css = has_code;
        Renderer {
            today: p.today,
            tera: input.tera,
            site,
            config,
            noindex: !p.is_public(),
            memo: input.memo,
            fragments: input.fragments,
            stream: input.stream,
            framed: (input.tera.get_template_names()).any(|n| n == frame::FRAME_TEMPLATE),
        }
    }

    /// The build date in words, "1 December 2026".
    pub fn today_human(&self) -> String {
        crate::content::Date(self.today).human()
    }

    /// The template context every page starts from.
    pub(crate) fn context(
        &self,
        url: &str,
        title: &str,
        section: &str,
        crumbs: &[Crumb],
    ) -> memo::Ctx {
        self.start(true, url, title, section, crumbs)
    }

    /// The context every page starts from; `give`: to a template, else (a page written
    /// without its template) only the key of what it holds (nothing when there is no memo).
    pub(crate) fn start(
        &self,
        give: bool,
        url: &str,
        title: &str,
        section: &str,
        crumbs: &[Crumb],
    ) -> memo::Ctx {
        let mut c = memo::Ctx::new(self.memo.is_some());
        if !give && self.memo.is_none() {
            return c;
        }
        macro_rules! put {
            ($name:literal, $value:expr) => {
                match give {
                    true => c.insert($name, $value),
                    false => c.key_also($name, $value),
                }
            };
        }
        put!("site", &self.site);
        put!("root", &view::root_for(url));
        put!("page_title", title);
        put!("page_url", url);
        put!("section", section);
        put!("crumbs", crumbs);
        put!("canonical", &self.config.absolute_url(url));
        put!("noindex", &self.noindex);
        c
    }

    /// Fill template `name` into the page at site path `url` (`reviews/` is written to
    /// `reviews/index.html`, `404.html` to itself). `what` names the page in the error
    /// ("the page /reviews/"); empty, the error is the template's alone.
    ///
    /// With a memo, a page whose template and context are those it was last written with is
    /// not rendered: it comes back empty, its path among the memo's unchanged pages.
    pub(crate) fn page(
        &self,
        name: &str,
        ctx: &memo::Ctx,
        url: &str,
        what: &str,
    ) -> Result<OutFile, Diagnostic> {
        self.page_then(name, ctx, url, what, |html, _| Ok(html))
    }

    /// [`Renderer::page`], with `then` making the page's final text from what the template
    /// gave (and a way to render it again with another context, for `then`'s own use).
    pub(crate) fn page_then(
        &self,
        name: &str,
        ctx: &memo::Ctx,
        url: &str,
        what: &str,
        then: impl FnOnce(
            String,
            &dyn Fn(&memo::Ctx) -> Result<String, Diagnostic>,
        ) -> Result<String, Diagnostic>,
    ) -> Result<OutFile, Diagnostic> {
        self.page_made(name, ctx, url, what, |render| then(render(ctx)?, render))
    }

    /// [`Renderer::page`], the page's text made by `make`, which is given a way to fill the
    /// template with a context (a page written without its template need not use it).
    pub(crate) fn page_made(
        &self,
        name: &str,
        ctx: &memo::Ctx,
        url: &str,
        what: &str,
        make: impl FnOnce(
            &dyn Fn(&memo::Ctx) -> Result<String, Diagnostic>,
        ) -> Result<String, Diagnostic>,
    ) -> Result<OutFile, Diagnostic> {
        let path = view::href(url);
        if self.memo.is_some_and(|m| m.unchanged(&path, name, ctx)) {
            return Ok(OutFile::new(path, Vec::new()));
        }
        let render = |c: &memo::Ctx| {
            self.fill(name, &c.tera)
                .map_err(|e| render_error(name, what, &e))
        };
        let html = make(&render)?;
        let page = OutFile::new(path, html);
        Ok(match self.stream {
            Some(s) => s.put(page),
            None => page,
        })
    }
}

impl Renderer<'_> {
    /// Template `name` filled with `ctx`: with the default theme's frame, the page's own blocks
    /// from its framed template and the frame around them written by [`frame::page`]; else,
    /// or if that cannot be, the template alone.
    fn fill(&self, name: &str, ctx: &tera::Context) -> tera::Result<String> {
        if self.framed {
            let framed = format!("{}{name}", frame::FRAMED);
            if self.tera.get_template(&framed).is_ok() {
                if let Some(page) = (self.tera.render(&framed, ctx).ok())
                    .and_then(|blocks| frame::page(&blocks, ctx))
                {
                    return Ok(page);
                }
            }
        }
        self.tera.render(name, ctx)
    }
}

/// The error of a page that could not be made: `what` names it ("the page /reviews/"), or
/// is empty when the template's error says it all.
fn render_error(name: &str, what: &str, e: &tera::Error) -> Diagnostic {
    let message = if what.is_empty() {
        templates::describe(e)
    } else {
        format!("{what} could not be made: {}", templates::describe(e))
    };
    let d = Diagnostic::error("template/render", &format!("layouts/{name}"), 1, 1, message);
    if what.is_empty() {
        d
    } else {
        d.with_hint(
            "check the template named here; remove your copy from layouts/ to use the default theme's",
        )
    }
}
