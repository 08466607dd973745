//! Listings: one per document kind (`reviews/`, `briefings/`, `learning-summaries/`),
//! one per taxonomy (`themes/`: its terms) and one per term (`themes/self-neglect/`: its
//! documents). A listing longer than [`PAGE_SIZE`] is paginated (`…/page/2/`).

use super::pages::term_views;
use super::templates::{CARD_TEMPLATE, NATIVE_LIST};
use super::view::{self, CardView, Crumb, DocView};
use super::{fragments, Pages, Renderer};
use crate::content::{Document, Kind};
use crate::index::taxonomy::Taxonomy;
use rayon::prelude::*;

mod native;
#[cfg(test)]
mod tests;

/// Documents a listing page shows at most; longer listings are paginated.
pub(crate) const PAGE_SIZE: usize = 50;

/// The introduction of a kind's listing.
fn intro(kind: Kind) -> &'static str {
    match kind {
        Kind::Review => "Anonymised summaries of the reviews, their findings and recommendations, and where each action plan stands.",
        Kind::Briefing => "Short briefings on the learning from reviews, for team meetings and supervision. Each takes about seven minutes to read.",
        _ => "Learning summaries in the regional template: what was learnt about the case and the review, and how change will be made and checked.",
    }
}

/// Every document's list entry: what templates see of it and, with the default theme, its
/// HTML rendered once ([`fragments`]) and joined on each listing page it appears on, instead
/// of filling the `doc_card` macro again on every page.
pub(crate) struct Cards {
    views: Vec<CardView>,
    html: Vec<Option<fragments::Piece>>,
    /// The site lists documents with the default theme's `list.html` in its frame: listing
    /// pages are written without the templates ([`native`]).
    native: bool,
}

impl Cards {
    pub(crate) fn new(r: &Renderer, views: &[DocView]) -> Cards {
        let views: Vec<CardView> = views.iter().map(CardView::from).collect();
        let has = |name: &str| r.tera.get_template_names().any(|n| n == name);
        // The card template is there only with the default theme's `macros.html` (and
        // `list.html`), whose `doc_card` the native card writes.
        let html = if has(CARD_TEMPLATE) {
            views.par_iter().map(native::card).collect()
        } else {
            vec![None; views.len()]
        };
        let native = r.framed && has(CARD_TEMPLATE) && has(NATIVE_LIST);
        Cards {
            views,
            html,
            native,
        }
    }

    /// The entries of documents `ids` on a page whose root is `root`, or nothing (the
    /// template fills them itself) when one of them has no HTML of its own.
    fn html(&self, ids: &[usize], root: &str, out: &mut String) {
        out.clear();
        if !fragments::join(ids.iter().map(|&i| &self.html[i]), root, out) {
            out.clear();
        }
    }
}

/// The listing of each kind of document.
pub(crate) fn kinds(
    r: &Renderer,
    docs: &[&Document],
    cards: &Cards,
    ongoing: &[view::OngoingView],
    out: &mut Pages,
) {
    // One pass over the documents for the three kinds.
    const KINDS: [Kind; 3] = [Kind::Review, Kind::Briefing, Kind::LearningSummary];
    let mut lists: [Vec<usize>; 3] = Default::default();
    for (i, d) in docs.iter().enumerate() {
        if let Some(k) = KINDS.iter().position(|&k| k == d.kind) {
            lists[k].push(i);
        }
    }
    let listings: Vec<(Listing, &[usize])> = KINDS
        .iter()
        .zip(&lists)
        .map(|(&kind, list)| {
            let listing = Listing {
                url: format!("{}/", kind.section()),
                title: kind.plural().to_string(),
                section: kind.section(),
                crumbs: Vec::new(),
                intro: Some(intro(kind).to_string()),
                latest_briefing: None,
                feed_href: None,
                ongoing: if kind == Kind::Review { ongoing } else { &[] },
            };
            (listing, list.as_slice())
        })
        .collect();
    for page in pages_of(r, cards, &listings) {
        out.add(page);
    }
}

/// Each taxonomy's page of terms, and each term's listing (in parallel).
pub(crate) fn taxonomies(
    r: &Renderer,
    taxonomies: &[Taxonomy],
    cards: &Cards,
    vocab: &crate::vocab::Vocabularies,
    out: &mut Pages,
) {
    let mut listings: Vec<(Listing, &[usize])> = Vec::new();
    for tax in taxonomies {
        let theme = tax.section == "themes";
        listings.extend(tax.terms.iter().map(|t| {
            // A theme's page opens with what the theme covers and its latest briefing.
            let intro = theme
                .then(|| vocab.themes.by_slug(&t.slug))
                .flatten()
                .and_then(|v| v.description.clone());
            let latest_briefing = theme
                .then(|| {
                    t.docs
                        .iter()
                        .copied()
                        .find(|&i| cards.views[i].kind == Kind::Briefing.as_str())
                })
                .flatten();
            let listing = Listing {
                url: format!("{}/{}/", tax.section, t.slug),
                title: format!("{}: {}", tax.singular, t.label),
                section: tax.section,
                crumbs: vec![Crumb {
                    title: tax.title.to_string(),
                    href: format!("{}/index.html", tax.section),
                }],
                intro,
                latest_briefing,
                ongoing: &[],
                feed_href: theme.then(|| format!("themes/{}/feed.xml", t.slug)),
            };
            (listing, t.docs.as_slice())
        }));
    }
    let mut term_pages = pages_of(r, cards, &listings).into_iter();
    // Each taxonomy's page of terms, then its terms' pages.
    let mut from = 0;
    for tax in taxonomies {
        let url = format!("{}/", tax.section);
        let mut ctx = r.context(&url, tax.title, tax.section, &[]);
        ctx.insert("terms", &term_views(tax));
        out.add(r.page("terms.html", &ctx, &url, &format!("the page /{url}")));
        let to = from + tax.terms.len();
        let pages: usize = listings[from..to]
            .iter()
            .map(|(_, ids)| page_count(ids))
            .sum();
        for page in term_pages.by_ref().take(pages) {
            out.add(page);
        }
        from = to;
    }
}

/// How many pages a listing of documents `ids` has.
fn page_count(ids: &[usize]) -> usize {
    ids.len().div_ceil(PAGE_SIZE).max(1)
}

/// Every page of `listings` (each with its documents), in order, made in parallel: the
/// default theme's without the templates, reusing each worker's buffers.
fn pages_of(
    r: &Renderer,
    cards: &Cards,
    listings: &[(Listing, &[usize])],
) -> Vec<Result<crate::write::OutFile, crate::diagnostics::Diagnostic>> {
    let jobs: Vec<(usize, usize)> = listings
        .iter()
        .enumerate()
        .flat_map(|(k, (_, ids))| (1..=page_count(ids)).map(move |n| (k, n)))
        .collect();
    jobs.par_iter()
        .map_init(
            || (cards.native.then(|| native::Scratch::new(r)), String::new()),
            |(scratch, html), &(k, n)| {
                let (listing, ids) = &listings[k];
                let total = page_count(ids);
                scratch
                    .as_mut()
                    .and_then(|s| native::page(r, cards, listing, ids, n, total, s))
                    .unwrap_or_else(|| listing.page(r, cards, ids, n, total, html))
            },
        )
        .collect()
}

/// One listing: where it is and what its pages say above the documents.
struct Listing<'c> {
    url: String,
    title: String,
    section: &'static str,
    crumbs: Vec<Crumb>,
    intro: Option<String>,
    /// Shown above the list (a theme's latest briefing), by its index in the cards.
    latest_briefing: Option<usize>,
    feed_href: Option<String>,
    /// Reviews still being carried out, shown after the first page's documents.
    ongoing: &'c [view::OngoingView],
}

impl Listing<'_> {
    /// Page `n` of `total_pages` of the listing of documents `ids`, [`PAGE_SIZE`] a page,
    /// filled from `list.html`.
    fn page(
        &self,
        r: &Renderer,
        cards: &Cards,
        ids: &[usize],
        n: usize,
        total_pages: usize,
        html: &mut String,
    ) -> Result<crate::write::OutFile, crate::diagnostics::Diagnostic> {
        let page = view::page_url(&self.url, n);
        let chunk = &ids[((n - 1) * PAGE_SIZE).min(ids.len())..(n * PAGE_SIZE).min(ids.len())];
        let docs: Vec<&CardView> = chunk.iter().map(|&i| &cards.views[i]).collect();
        cards.html(chunk, &view::root_for(&page), html);
        let mut ctx = r.context(&page, &self.title, self.section, &self.crumbs);
        ctx.insert("docs", &docs);
        ctx.insert("cards", html);
        ctx.insert("total", &ids.len());
        ctx.insert("intro", &self.intro);
        let latest = self.latest_briefing.filter(|_| n == 1);
        ctx.insert("latest_briefing", &latest.map(|i| &cards.views[i]));
        ctx.insert("feed_href", &self.feed_href);
        if n == 1 {
            ctx.insert("ongoing", self.ongoing);
        }
        if total_pages > 1 {
            ctx.insert("pager", &view::Pager::new(&self.url, n, total_pages));
        }
        r.page("list.html", &ctx, &page, &format!("the page /{page}"))
    }
}
