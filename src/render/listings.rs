//! Listings: one per document kind (`reviews/`, `briefings/`, `learning-summaries/`),
//! one per taxonomy (`themes/`: its terms) and one per term (`themes/self-neglect/`: its
//! documents). A listing longer than [`PAGE_SIZE`] is paginated (`…/page/2/`).

use super::pages::term_views;
use super::templates::CARD_TEMPLATE;
use super::view::{self, CardView, Crumb, DocView};
use super::{fragments, Pages, Renderer};
use crate::content::{Document, Kind};
use crate::index::taxonomy::Taxonomy;
use rayon::prelude::*;

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
}

impl Cards {
    pub(crate) fn new(r: &Renderer, views: &[DocView]) -> Cards {
        let views: Vec<CardView> = views.iter().map(CardView::from).collect();
        let html = if r.tera.get_template_names().any(|n| n == CARD_TEMPLATE) {
            views
                .par_iter()
                .map(|v| fragments::piece(r, CARD_TEMPLATE, "d", v))
                .collect()
        } else {
            vec![None; views.len()]
        };
        Cards { views, html }
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
    for kind in [Kind::Review, Kind::Briefing, Kind::LearningSummary] {
        let list: Vec<usize> = docs
            .iter()
            .enumerate()
            .filter(|(_, d)| d.kind == kind)
            .map(|(i, _)| i)
            .collect();
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
        for page in listing.pages(r, cards, &list) {
            out.add(page);
        }
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
    for tax in taxonomies {
        let url = format!("{}/", tax.section);
        let mut ctx = r.context(&url, tax.title, tax.section, &[]);
        ctx.insert("terms", &term_views(tax));
        out.add(r.page("terms.html", &ctx, &url, &format!("the page /{url}")));
        let term_pages: Vec<_> = tax
            .terms
            .par_iter()
            .flat_map_iter(|t| {
                let theme = tax.section == "themes";
                // A theme's page opens with what the theme covers and its latest briefing.
                let intro = theme
                    .then(|| vocab.themes.by_slug(&t.slug))
                    .flatten()
                    .and_then(|v| v.description.clone());
                let latest_briefing = theme
                    .then(|| {
                        t.docs
                            .iter()
                            .map(|&i| &cards.views[i])
                            .find(|c| c.kind == Kind::Briefing.as_str())
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
                listing.pages(r, cards, &t.docs)
            })
            .collect();
        for page in term_pages {
            out.add(page);
        }
    }
}

/// One listing: where it is and what its pages say above the documents.
struct Listing<'c> {
    url: String,
    title: String,
    section: &'static str,
    crumbs: Vec<Crumb>,
    intro: Option<String>,
    /// Shown above the list (a theme's latest briefing).
    latest_briefing: Option<&'c CardView>,
    feed_href: Option<String>,
    /// Reviews still being carried out, shown after the first page's documents.
    ongoing: &'c [view::OngoingView],
}

impl Listing<'_> {
    /// The listing's pages of documents `ids`, [`PAGE_SIZE`] each.
    fn pages(
        &self,
        r: &Renderer,
        cards: &Cards,
        ids: &[usize],
    ) -> Vec<Result<crate::write::OutFile, crate::diagnostics::Diagnostic>> {
        let total_pages = ids.len().div_ceil(PAGE_SIZE).max(1);
        (1..=total_pages)
            .into_par_iter()
            .map_init(String::new, |html, n| {
                let page = view::page_url(&self.url, n);
                let chunk =
                    &ids[((n - 1) * PAGE_SIZE).min(ids.len())..(n * PAGE_SIZE).min(ids.len())];
                let docs: Vec<&CardView> = chunk.iter().map(|&i| &cards.views[i]).collect();
                cards.html(chunk, &view::root_for(&page), html);
                let mut ctx = r.context(&page, &self.title, self.section, &self.crumbs);
                ctx.insert("docs", &docs);
                ctx.insert("cards", html);
                ctx.insert("total", &ids.len());
                ctx.insert("intro", &self.intro);
                ctx.insert("latest_briefing", &self.latest_briefing.filter(|_| n == 1));
                ctx.insert("feed_href", &self.feed_href);
                if n == 1 {
                    ctx.insert("ongoing", self.ongoing);
                }
                if total_pages > 1 {
                    ctx.insert("pager", &view::Pager::new(&self.url, n, total_pages));
                }
                r.page("list.html", &ctx, &page, &format!("the page /{page}"))
            })
            .collect()
    }
}
