//! The default theme's listing pages written without their templates: a document's entry
//! (`macros.html`'s `doc_card`) and a listing page's own blocks (`list.html`, with
//! `doc_list` and `partials/pagination.html`), byte for byte what the templates write. The
//! frame around the blocks is [`frame::page`]'s, from a context that holds the site once per
//! worker rather than once per page. Filling `list.html` (a context of the page's fifty
//! entries as JSON, the template, then the frame) was most of the listings' time; a page is
//! now the entries rendered once ([`super::Cards`]) joined between these few strings.

use super::{Cards, Listing};
use crate::render::fragments::{self, Piece};
use crate::render::native::{capitalize, some};
use crate::render::view::{self, CardView, Pager};
use crate::render::{frame, memo, Renderer};
use crate::write::OutFile;

/// Document `d`'s entry in a listing as `macros.html`'s `doc_card(d, root)` renders it.
pub(super) fn card(d: &CardView) -> Option<Piece> {
    let mut w = fragments::Writer::default();
    w.raw(
        "\n<li class=\"doc-card\">\n  <p class=\"doc-card__kind\"><span class=\"tag tag--kind\">",
    );
    w.text(d.kind_label).raw("</span>");
    if d.draft {
        w.raw(" <span class=\"tag tag--draft\">Draft</span>");
    }
    if d.audience != "public" {
        w.raw(" <span class=\"tag tag--audience\">")
            .text(&capitalize(d.audience))
            .raw(" only</span>");
    }
    w.raw("</p>\n  <h3 class=\"doc-card__title\"><a href=\"");
    w.root().text(&d.href).raw("\">").text(&d.title);
    w.raw("</a></h3>\n  ");
    if let Some(summary) = some(&d.summary) {
        w.raw("<p class=\"doc-card__summary\">")
            .text(summary)
            .raw("</p>");
    }
    w.raw("\n  <p class=\"doc-card__meta\">\n    ");
    if let Some(t) = &d.review_type {
        w.text(&t.label);
    }
    if let Some(board) = some(&d.board) {
        if d.review_type.is_some() {
            w.raw(" · ");
        }
        w.text(board);
    }
    if let Some(published) = some(&d.published) {
        w.raw(" · <time datetime=\"");
        w.text(d.published_iso.as_deref().unwrap_or_default());
        w.raw("\">").text(published).raw("</time>");
    }
    w.raw("\n  </p>\n  ");
    if !d.themes.is_empty() {
        w.raw("\n  <ul class=\"theme-links\" aria-label=\"Themes\">");
        for t in &d.themes {
            w.raw("<li><a href=\"").root().text(&t.href).raw("\">");
            w.text(&t.label).raw("</a></li>");
        }
        w.raw("</ul>\n  ");
    }
    w.raw("\n</li>\n");
    w.finish()
}

/// What a worker keeps from page to page: the frame's context (the site's part put in
/// once) and the text being written.
pub(super) struct Scratch {
    frame: tera::Context,
    blocks: String,
    cards: String,
}

impl Scratch {
    pub(super) fn new(r: &Renderer) -> Scratch {
        let mut frame = tera::Context::new();
        frame.insert("site", &r.site);
        frame.insert("noindex", &r.noindex);
        Scratch {
            frame,
            blocks: String::new(),
            cards: String::new(),
        }
    }
}

/// Page `n` of `total_pages` of `listing` (of documents `ids`), written without the
/// templates; none if it cannot be (an entry or a text the frame refuses: the templates
/// then make it).
pub(super) fn page(
    r: &Renderer,
    cards: &Cards,
    listing: &Listing,
    ids: &[usize],
    n: usize,
    total_pages: usize,
    s: &mut Scratch,
) -> Option<Result<OutFile, crate::diagnostics::Diagnostic>> {
    let page = view::page_url(&listing.url, n);
    let root = view::root_for(&page);
    let chunk = &ids[((n - 1) * PAGE).min(ids.len())..(n * PAGE).min(ids.len())];
    let pager = (total_pages > 1).then(|| Pager::new(&listing.url, n, total_pages));
    let latest = listing
        .latest_briefing
        .filter(|_| n == 1)
        .map(|i| &cards.html[i]);
    let ongoing = if n == 1 { listing.ongoing } else { &[] };
    // The cards first: a missing one leaves the page to the templates.
    s.cards.clear();
    if !fragments::join(chunk.iter().map(|&i| &cards.html[i]), &root, &mut s.cards) {
        return None;
    }
    let w = &mut s.blocks;
    w.clear();
    blocks(
        w,
        r,
        listing,
        &root,
        ids.len(),
        latest,
        &s.cards,
        pager.as_ref(),
        ongoing,
    )?;
    let ctx = &mut s.frame;
    ctx.insert("root", &root);
    ctx.insert("section", listing.section);
    ctx.insert("crumbs", &listing.crumbs);
    ctx.insert("canonical", &r.config.absolute_url(&page));
    let path = view::href(&page);
    if let Some(m) = r.memo {
        // The page is what the frame makes of these blocks with this context.
        let mut key = memo::Ctx::new(true);
        key.key_also("blocks", w.as_str());
        for name in ["site", "noindex", "root", "section", "crumbs", "canonical"] {
            key.key_also(name, &ctx.get(name));
        }
        if m.unchanged(&path, "list.html", &key) {
            return Some(Ok(OutFile::new(path, Vec::new())));
        }
    }
    let html = frame::page(w, ctx)?;
    let file = OutFile::new(path, html);
    Some(Ok(match r.stream {
        Some(st) => st.put(file),
        None => file,
    }))
}

const PAGE: usize = super::PAGE_SIZE;

/// `list.html`'s blocks (title, head, content, scripts) as its framed template gives them,
/// cut by the frame's mark.
#[allow(clippy::too_many_arguments)]
fn blocks(
    w: &mut String,
    r: &Renderer,
    l: &Listing,
    root: &str,
    total: usize,
    latest: Option<&Option<Piece>>,
    cards: &str,
    pager: Option<&Pager>,
    ongoing: &[view::OngoingView],
) -> Option<()> {
    use crate::escape::push_html as text;
    use std::fmt::Write as _;
    const MARK: char = '\u{E002}';
    let title = l.title.as_str();
    // title: base.html's
    text(w, title);
    w.push_str(" \u{2013} ");
    text(w, &r.site.title);
    w.push(MARK);
    // head
    if let Some(feed) = some(&l.feed_href) {
        w.push_str("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
        text(w, title);
        w.push_str("\" href=\"");
        text(w, root);
        text(w, feed);
        w.push_str("\">");
    }
    w.push(MARK);
    // content
    w.push_str("\n<h1>");
    text(w, title);
    w.push_str("</h1>\n");
    if let Some(intro) = some(&l.intro) {
        w.push_str("<p class=\"lead\">");
        text(w, intro);
        w.push_str("</p>");
    }
    w.push('\n');
    if let Some(card) = latest {
        w.push_str("\n<section aria-labelledby=\"latest-briefing\">\n<h2 id=\"latest-briefing\">Latest 7-minute briefing on this theme</h2>\n<ul class=\"doc-list\">");
        if !fragments::join([card], root, w) {
            return None;
        }
        w.push_str("</ul>\n</section>\n<h2 id=\"all-documents\">Everything on this theme</h2>\n");
    } else if total > 0 {
        w.push_str("<h2 class=\"visually-hidden\" id=\"all-documents\">The documents</h2>\n");
    }
    w.push_str("\n<p class=\"result-count\">");
    let _ = write!(w, "{total} ");
    w.push_str(if total == 1 { "document" } else { "documents" });
    if let Some(p) = pager {
        let _ = write!(w, ", page {} of {}", p.current, p.total);
    }
    w.push_str("</p>\n");
    // macros.html: doc_list(docs, root, cards)
    if cards.is_empty() {
        w.push_str("\n\n<p>There is nothing here yet.</p>\n\n");
    } else {
        w.push_str("\n\n<ul class=\"doc-list\">\n");
        w.push_str(cards);
        w.push_str("\n</ul>\n\n");
    }
    w.push('\n');
    // partials/pagination.html
    if let Some(p) = pager {
        w.push_str("\n<nav class=\"pagination\" aria-label=\"Pages\">\n  <ul>\n    ");
        if let Some(prev) = &p.prev_href {
            w.push_str("<li class=\"pagination__prev\"><a href=\"");
            text(w, root);
            text(w, prev);
            w.push_str("\" rel=\"prev\"><span aria-hidden=\"true\">\u{2190} </span>Previous<span class=\"visually-hidden\"> page</span></a></li>");
        }
        w.push_str("\n    ");
        for link in &p.pages {
            if link.gap_before {
                w.push_str("<li class=\"pagination__gap\" aria-hidden=\"true\">\u{22ef}</li>");
            }
            let current = link.number == p.current;
            w.push_str(if current {
                "<li class=\"pagination__current\"><a href=\""
            } else {
                "<li><a href=\""
            });
            text(w, root);
            text(w, &link.href);
            w.push('"');
            if current {
                w.push_str(" aria-current=\"page\"");
            }
            let _ = write!(
                w,
                "><span class=\"visually-hidden\">Page </span>{}</a></li>",
                link.number
            );
        }
        w.push_str("\n    ");
        if let Some(next) = &p.next_href {
            w.push_str("<li class=\"pagination__next\"><a href=\"");
            text(w, root);
            text(w, next);
            w.push_str("\" rel=\"next\">Next<span class=\"visually-hidden\"> page</span><span aria-hidden=\"true\"> \u{2192}</span></a></li>");
        }
        w.push_str("\n  </ul>\n</nav>\n");
    }
    // (the partial's last line break; the include's `-%}` takes the one after it)
    w.push('\n');
    if !ongoing.is_empty() {
        w.push_str("\n<section aria-labelledby=\"ongoing-reviews\">\n<h2 id=\"ongoing-reviews\">Reviews in progress</h2>\n<p>These reviews are still being carried out. Their summaries will be published here when they are finished.</p>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"ongoing-reviews-caption\">\n<table class=\"recommendations stack\">\n  <caption class=\"visually-hidden\" id=\"ongoing-reviews-caption\">Reviews in progress: type, month commissioned and themes</caption>\n  <thead><tr><th scope=\"col\">Type of review</th><th scope=\"col\">Commissioned</th><th scope=\"col\">Themes</th><th scope=\"col\">Reference</th></tr></thead>\n  <tbody>\n  ");
        for o in ongoing {
            w.push_str("<tr><th scope=\"row\">");
            text(w, o.review_type_label.as_deref().unwrap_or("Not given"));
            w.push_str("</th><td><span class=\"stack-label\">Commissioned: </span>");
            match some(&o.commissioned) {
                Some(month) => {
                    w.push_str("<time datetime=\"");
                    text(w, month);
                    w.push_str("\">");
                    text(w, o.commissioned_human.as_deref().unwrap_or_default());
                    w.push_str("</time>");
                }
                None => w.push_str("Not given"),
            }
            w.push_str("</td><td><span class=\"stack-label\">Themes: </span>");
            text(w, &o.theme_labels.join(", "));
            w.push_str("</td><td>");
            if let Some(reference) = some(&o.reference) {
                w.push_str("<span class=\"stack-label\">Reference: </span>");
                text(w, reference);
            }
            w.push_str("</td></tr>\n  ");
        }
        w.push_str("\n  </tbody>\n</table>\n</div>\n</section>\n");
    }
    w.push('\n');
    if let Some(feed) = some(&l.feed_href) {
        w.push_str("<p class=\"feed-link\"><a href=\"");
        text(w, root);
        text(w, feed);
        w.push_str("\">Get updates: news feed for ");
        text(w, &title.to_lowercase());
        w.push_str("</a><br><span class=\"secondary\">A web address (Atom feed) to paste into a feed reader or into Outlook's RSS subscriptions, to hear of each new document without coming back to check.</span></p>");
    }
    w.push('\n');
    w.push(MARK);
    // scripts: base.html's, empty
    Some(())
}
