//! The default theme's document pages written without their templates: `review.html`,
//! `briefing.html`, `learning_summary.html` and `page.html` (with the macros of `macros.html`
//! they call), byte for byte what filling them gives. Filling them (and `base.html` around
//! them) was most of the render stage's time on the 5,000 pages of a 5,000-document site.
//! They are used only while the site's `layouts/` leaves those templates and the frame as
//! the default theme has them ([`NATIVE_PAGE`]); a site's own templates are filled as before.
//! `tests_native.rs` beside this file holds them to the templates.

use super::super::frame::{Around, Block, Page};
use super::super::markdown::Heading;
use super::super::templates::NATIVE_PAGE;
use super::super::view::{Crumb, DocView, SiteView};
use crate::content::Kind;
use writer::{or, plural, some, W};

mod writer;

/// Are the pages of `template` written here (it, `macros.html` and the frame are the
/// default theme's)?
pub(crate) fn template_written(tera: &tera::Tera, template: &str) -> bool {
    let has = |name: &str| tera.get_template(name).is_ok();
    has(super::super::frame::FRAME_TEMPLATE) && has(&format!("{NATIVE_PAGE}{template}"))
}

/// What a document's page shows besides its view: its body, split as the page shows it.
pub(crate) struct Body<'a> {
    /// The body before and after the learning section taken out of it (a review's).
    pub(crate) content: [&'a str; 2],
    /// A review's learning section: (heading, section), both HTML.
    pub(crate) learning: Option<(&'a str, &'a str)>,
    pub(crate) headings: &'a [Heading],
}

/// What the page of a document is given besides its body.
pub(crate) struct Doc<'a> {
    pub(crate) kind: Kind,
    /// The page's title and description (the document's).
    pub(crate) title: &'a str,
    pub(crate) description: &'a Option<String>,
    pub(crate) view: &'a DocView,
    pub(crate) root: &'a str,
    pub(crate) section: &'a str,
    pub(crate) crumbs: &'a [Crumb],
    pub(crate) canonical: &'a str,
}

/// The whole page of `d` in the default theme's frame, as the templates make it; none if
/// the frame cannot write one of the site's values.
pub(crate) fn page(site: &SiteView, noindex: bool, d: &Doc, body: &Body) -> Option<String> {
    let frame = Page {
        root: d.root,
        section: d.section,
        crumbs: d.crumbs,
        canonical: d.canonical,
        noindex,
        description: d.description,
    };
    let around = Around::of_site(site, &frame);
    let mut out = String::with_capacity(body.content[0].len() + body.content[1].len() + 16384);
    around.open(&mut out, &Block::Titled(d.title), "")?;
    let w = &mut W {
        s: &mut out,
        root: d.root,
    };
    match d.kind {
        Kind::Review => review(w, d.view, body),
        Kind::Briefing => briefing(w, d.view, d.canonical, body),
        Kind::LearningSummary => learning_summary(w, d.view, body),
        Kind::Page => plain(w, d.view, body),
    }
    around.close(&mut out, "")?;
    Some(out)
}

/// `review.html`'s content block.
fn review(w: &mut W, d: &DocView, body: &Body) {
    w.raw("\n<article class=\"document document--review\">\n<p class=\"caption\">");
    w.text(d.kind_label);
    if let Some(t) = &d.review_type {
        w.raw(" · ").text(&t.label);
    }
    w.raw("</p>\n").opening(d).raw("\n");
    if body.learning.is_some() || !d.related.is_empty() {
        w.raw("\n<section class=\"key-learning\" aria-labelledby=\"");
        w.raw(match body.learning {
            Some(_) => "areas-for-learning",
            None => "related",
        });
        w.raw("\">\n");
        if let Some((heading, section)) = body.learning {
            w.raw("<h2 id=\"areas-for-learning\">").raw(heading);
            w.raw("</h2>\n<div class=\"prose\">")
                .raw(section)
                .raw("</div>\n");
        }
        if !d.related.is_empty() {
            w.raw(match body.learning {
                Some(_) => "<h3 id=\"related\">Learning from this review to share</h3>",
                None => "<h2 id=\"related\">Learning from this review</h2>",
            });
            w.raw("\n<ul class=\"key-learning__links\">");
            for r in &d.related {
                w.raw("<li><a href=\"").root().text(&r.href).raw("\">");
                if !r.title.starts_with(r.kind_label) {
                    w.text(r.kind_label).raw(": ");
                }
                w.text(&r.title).raw("</a></li>");
            }
            w.raw("</ul>\n");
        }
        w.raw("</section>\n");
    }
    review_about(w, d);
    w.raw("\n</section>\n\n<div class=\"prose\">");
    w.raw(body.content[0])
        .raw(body.content[1])
        .raw("</div>\n\n");
    if !d.recommendations.is_empty() {
        w.raw("\n<section aria-labelledby=\"recommendations-table\">\n<h2 id=\"recommendations-table\">Recommendations and action plan</h2>\n");
        if d.overdue_count > 0 {
            w.raw("<p class=\"notice notice--overdue\"><strong>");
            w.num(d.overdue_count).raw(match d.overdue_count {
                1 => " recommendation is",
                _ => " recommendations are",
            });
            w.raw(" overdue.</strong></p>");
        }
        w.raw("\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"recommendations-caption\">\n<table class=\"recommendations stack\">\n  <caption class=\"visually-hidden\" id=\"recommendations-caption\">Recommendations of this review, who owns them, when they are due and their status</caption>\n  <thead><tr><th scope=\"col\">No.</th><th scope=\"col\">Recommendation</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th></tr></thead>\n  <tbody>\n  ");
        for r in &d.recommendations {
            w.recommendation(r);
        }
        w.raw("\n  </tbody>\n</table>\n</div>\n</section>\n");
    }
    w.raw("\n\n").impact(d);
    quality_markers(w, d);
    w.raw("\n\n").feedback_link(d).raw("</article>\n");
}

/// `review.html`'s "About this review" summary list and the full report's link (the
/// section is closed by the caller).
fn review_about(w: &mut W, d: &DocView) {
    w.raw("\n\n<section class=\"metadata\" aria-labelledby=\"about-review\">\n<h2 id=\"about-review\" class=\"visually-hidden\">About this review</h2>\n<dl class=\"summary-list\">\n  ");
    w.review_type_row(d, true).raw("\n  ");
    w.methodology_row(d).raw("\n  ");
    w.board_row("Board", d).raw("\n  ");
    w.summary_row("Region", &d.region).raw("\n  ");
    w.summary_row("Reference", &d.reference).raw("\n  ");
    w.summary_row("Month of incident", &d.incident).raw("\n  ");
    w.summary_row("Referred by", &d.referral_source).raw("\n  ");
    w.summary_row("Scoping period", &d.scoping_period)
        .raw("\n  ");
    if some(&d.commissioned).is_some() || some(&d.completed).is_some() {
        w.row("Commissioned – completed");
        w.text(or(&d.commissioned, "not recorded")).raw(" – ");
        w.text(or(&d.completed, "not recorded"));
        if let Some(n) = d.duration_months.filter(|n| *n != 0) {
            w.raw(" (").num(n).raw(" months)");
        }
        w.raw("</dd></div>");
    }
    w.raw("\n  ");
    if let Some(published) = some(&d.published) {
        w.row("Published").raw("<time datetime=\"");
        w.text(d.published_iso.as_deref().unwrap_or_default());
        w.raw("\">").text(published).raw("</time>");
        if let Some(updated) = some(&d.updated) {
            w.raw(" (updated <time datetime=\"");
            w.text(d.updated_iso.as_deref().unwrap_or_default());
            w.raw("\">").text(updated).raw("</time>)");
        }
        w.raw("</dd></div>");
    }
    w.raw("\n  ");
    if !d.parallel_processes.is_empty() {
        w.row("Parallel processes")
            .text(&d.parallel_processes.join(", "))
            .raw("</dd></div>");
    }
    w.raw("\n  ");
    if !d.agencies.is_empty() {
        w.row("Agencies involved")
            .text(&d.agencies.join(", "))
            .raw("</dd></div>");
    }
    w.raw("\n  ");
    if !d.abuse_types.is_empty() {
        w.row("Types of abuse")
            .terms(&d.abuse_types)
            .raw("</dd></div>");
    }
    w.raw("\n  ");
    for p in &d.person {
        w.raw("<div class=\"summary-list__row\"><dt>").text(p.key);
        w.raw("</dt><dd>").terms(&p.values).raw("</dd></div>");
    }
    w.themes_row("Themes", d).raw("\n</dl>\n");
    if let Some(url) = some(&d.full_report_url) {
        w.raw("\n<p class=\"full-report\">");
        let until = some(&d.full_report_until);
        if d.full_report_expired {
            w.raw("The full report was available online until ");
            w.text(until.unwrap_or_default());
            w.raw(". It is available on request from ");
            w.text(or(&d.board, "the board"));
            w.raw(".");
        } else {
            w.raw("<a href=\"")
                .text(url)
                .raw("\">Read the full report</a>");
            if let Some(until) = until {
                w.raw(" (available until ").text(until).raw(")");
            }
            w.raw(".");
        }
        w.raw("</p>\n");
    }
}

/// `review.html`'s SAR Quality Markers section, when the board reported on any.
fn quality_markers(w: &mut W, d: &DocView) {
    if !d.quality_markers.is_empty() {
        w.raw("\n<section aria-labelledby=\"quality-markers\">\n<h2 id=\"quality-markers\">SAR Quality Markers</h2>\n<p class=\"secondary\">Numbered as in the SAR Quality Markers (2022): the ");
        w.num(d.quality_markers.len());
        w.raw(" of 15 markers the board reported on for this review. <a href=\"")
            .root();
        w.raw("quality-markers/index.html\">How all the reviews here met the markers</a>.</p>\n<dl class=\"summary-list\">\n");
        for q in &d.quality_markers {
            w.raw("<div class=\"summary-list__row\"><dt>");
            if q.number != 0 {
                w.num(q.number).raw(". ");
            }
            w.text(&q.name)
                .raw("</dt><dd><span class=\"status status--");
            w.text(q.status)
                .raw("\">")
                .text(q.status_label)
                .raw("</span>");
            if let Some(e) = some(&q.evidence) {
                w.raw(" – ").text(e);
            }
            w.raw("</dd></div>");
        }
        w.raw("\n</dl>\n</section>\n");
    }
}

/// `briefing.html`'s content block.
fn briefing(w: &mut W, d: &DocView, canonical: &str, body: &Body) {
    w.raw("\n<article class=\"document document--briefing\">\n<p class=\"caption\">7-minute briefing</p>\n");
    w.opening(d).raw("<p class=\"print-only briefing-source\">");
    if let Some(board) = some(&d.board) {
        w.text(board);
    }
    if let Some(reference) = some(&d.reference) {
        w.raw(" · ").text(reference);
    }
    if let Some(published) = some(&d.published) {
        w.raw(" · published ").text(published);
    }
    w.raw(" · ").text(canonical);
    w.raw("</p>\n<dl class=\"summary-list summary-list--compact\">\n  ");
    w.row("Time needed").raw(
        "About 7 minutes to present and talk through in a team meeting or supervision; about ",
    );
    w.num(d.reading_minutes)
        .raw(" minute")
        .raw(plural(d.reading_minutes));
    w.raw(" to read on your own</dd></div>\n  ");
    w.review_link_row("From the review", &d.review_link)
        .raw("\n  ");
    w.review_type_row(d, false).raw("\n  ");
    w.board_row("Board", d).raw("\n  ");
    if let Some(published) = some(&d.published) {
        w.row("Published").raw("<time datetime=\"");
        w.text(d.published_iso.as_deref().unwrap_or_default());
        w.raw("\">").text(published).raw("</time></dd></div>");
    }
    w.raw("\n  ");
    w.themes_row("Themes", d)
        .raw("\n</dl>\n<div class=\"prose briefing-body\">");
    w.raw(body.content[0]).raw(body.content[1]);
    w.raw("</div>\n<p class=\"no-print\"><a href=\"")
        .root()
        .text(&d.url);
    w.raw("action-sheet/index.html\">Team action sheet for this briefing</a>: print it for your team meeting and record what you will do differently.</p>\n<p class=\"no-print\"><button type=\"button\" class=\"button button--secondary\" data-print hidden>Print this briefing</button></p>\n");
    if let Some(u) = &d.uptake {
        w.uptake(u);
    }
    w.raw("\n").feedback_link(d).raw("</article>\n");
}

/// `learning_summary.html`'s content block.
fn learning_summary(w: &mut W, d: &DocView, body: &Body) {
    w.raw("\n<article class=\"document document--learning-summary\">\n<p class=\"caption\">Learning summary</p>\n");
    w.opening(d).raw("<dl class=\"summary-list\">\n  ");
    w.board_row("Area (board)", d).raw("\n  ");
    w.summary_row("Date completed", &d.completed).raw("\n  ");
    w.review_type_row(d, false).raw("\n  ");
    w.methodology_row(d).raw("\n  ");
    w.summary_row("Chaired or written by", &d.lead_reviewer)
        .raw("\n  ");
    w.summary_row("How the case was selected", &d.selection)
        .raw("\n  ");
    w.summary_row("Month of incident", &d.incident).raw("\n  ");
    w.summary_row("Review reference", &d.reference).raw("\n  ");
    w.review_link_row("Review summary", &d.review_link)
        .raw("\n  ");
    w.themes_row("Key themes", d).raw("\n</dl>\n");
    if body.headings.len() > 1 {
        w.raw("\n<nav class=\"contents\" aria-labelledby=\"contents-title\"><h2 id=\"contents-title\">Contents</h2><ol>");
        for h in body.headings.iter().filter(|h| h.level == 2) {
            w.raw("<li><a href=\"#").text(&h.id).raw("\">");
            w.text(&h.text).raw("</a></li>");
        }
        w.raw("</ol></nav>\n");
    }
    w.raw("\n<div class=\"prose\">")
        .raw(body.content[0])
        .raw(body.content[1]);
    w.raw("</div>\n")
        .impact(d)
        .feedback_link(d)
        .raw("</article>\n");
}

/// `page.html`'s content block.
fn plain(w: &mut W, d: &DocView, body: &Body) {
    w.raw("\n<article class=\"document document--page\">\n<h1>")
        .text(&d.title);
    w.raw("</h1>\n");
    if let Some(s) = some(&d.summary) {
        w.raw("<p class=\"lead\">").text(s).raw("</p>");
    }
    w.raw("\n<div class=\"prose\">")
        .raw(body.content[0])
        .raw(body.content[1]);
    w.raw("</div>\n</article>\n");
}
