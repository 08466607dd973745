//! Listings: one per document kind (`reviews/`, `briefings/`, `learning-summaries/`),
//! one per taxonomy (`themes/`: its terms) and one per term (`themes/self-neglect/`: its
//! documents). A listing longer than [`PAGE_SIZE`] is paginated (`…/page/2/`).

use super::pages::term_views;
use super::view::{self, CardView, Crumb, DocView};
use super::{Pages, Renderer};
use crate::content::{Document, Kind};
use crate::index::taxonomy::Taxonomy;
use rayon::prelude::*;

/// Documents a listing page shows at most; longer listings are paginated.
pub const PAGE_SIZE: usize = 50;

/// The introduction of a kind's listing.
fn intro(kind: Kind) -> &'static str {
    match kind {
        Kind::Review => "Anonymised summaries of the reviews, their findings and recommendations, and where each action plan stands.",
        Kind::Briefing => "Short briefings on the learning from reviews, for team meetings and supervision. Each takes about seven minutes to read.",
        _ => "Learning summaries in the regional template: what was learnt about the case and the review, and how change will be made and checked.",
    }
}

/// The listing of each kind of document.
pub fn kinds(r: &Renderer, docs: &[&Document], views: &[DocView], out: &mut Pages) {
    let cards: Vec<CardView> = views.iter().map(CardView::from).collect();
    for kind in [Kind::Review, Kind::Briefing, Kind::LearningSummary] {
        let list: Vec<&CardView> = docs
            .iter()
            .zip(&cards)
            .filter(|(d, _)| d.kind == kind)
            .map(|(_, v)| v)
            .collect();
        let listing = Listing {
            url: format!("{}/", kind.section()),
            title: kind.plural().to_string(),
            section: kind.section(),
            crumbs: Vec::new(),
            intro: Some(intro(kind)),
            feed_href: None,
        };
        for page in listing.pages(r, &list) {
            out.add(page);
        }
    }
}

/// Each taxonomy's page of terms, and each term's listing (in parallel).
pub fn taxonomies(r: &Renderer, taxonomies: &[Taxonomy], views: &[DocView], out: &mut Pages) {
    let cards: Vec<CardView> = views.iter().map(CardView::from).collect();
    for tax in taxonomies {
        let url = format!("{}/", tax.section);
        let mut ctx = r.context(&url, tax.title, tax.section, &[]);
        ctx.insert("terms", &term_views(tax));
        out.add(r.page("terms.html", &ctx, &url, &format!("the page /{url}")));
        let term_pages: Vec<_> = tax
            .terms
            .par_iter()
            .flat_map_iter(|t| {
                let list: Vec<&CardView> = t.docs.iter().map(|&i| &cards[i]).collect();
                let listing = Listing {
                    url: format!("{}/{}/", tax.section, t.slug),
                    title: format!("{}: {}", tax.singular, t.label),
                    section: tax.section,
                    crumbs: vec![Crumb {
                        title: tax.title.to_string(),
                        href: format!("{}/index.html", tax.section),
                    }],
                    intro: None,
                    feed_href: (tax.section == "themes")
                        .then(|| format!("themes/{}/feed.xml", t.slug)),
                };
                listing.pages(r, &list)
            })
            .collect();
        for page in term_pages {
            out.add(page);
        }
    }
}

/// One listing: where it is and what its pages say above the documents.
struct Listing {
    url: String,
    title: String,
    section: &'static str,
    crumbs: Vec<Crumb>,
    intro: Option<&'static str>,
    feed_href: Option<String>,
}

impl Listing {
    /// The listing's pages, [`PAGE_SIZE`] cards each.
    fn pages(
        &self,
        r: &Renderer,
        cards: &[&CardView],
    ) -> Vec<Result<crate::write::OutFile, crate::diagnostics::Diagnostic>> {
        let total_pages = cards.len().div_ceil(PAGE_SIZE).max(1);
        (1..=total_pages)
            .map(|n| {
                let page = view::page_url(&self.url, n);
                let chunk = &cards
                    [((n - 1) * PAGE_SIZE).min(cards.len())..(n * PAGE_SIZE).min(cards.len())];
                let mut ctx = r.context(&page, &self.title, self.section, &self.crumbs);
                ctx.insert("docs", chunk);
                ctx.insert("total", &cards.len());
                ctx.insert("intro", &self.intro);
                ctx.insert("feed_href", &self.feed_href);
                if total_pages > 1 {
                    ctx.insert("pager", &view::Pager::new(&self.url, n, total_pages));
                }
                r.page("list.html", &ctx, &page, &format!("the page /{page}"))
            })
            .collect()
    }
}
