//! The writer of the default theme's document pages, with the macros of `macros.html` they
//! call (see [`super`]).

use super::super::super::view::{DocView, LinkView, RecommendationView, TermLink};
use crate::content::feedback::Uptake;
use crate::escape::push_html;
use crate::render::native;
pub(super) use crate::render::native::some;

/// A page being written: markup as it is, text escaped, and the page's root.
pub(super) struct W<'a> {
    pub(super) s: &'a mut String,
    pub(super) root: &'a str,
}

impl W<'_> {
    pub(super) fn raw(&mut self, s: &str) -> &mut Self {
        self.s.push_str(s);
        self
    }
    /// `{{ s }}`.
    pub(super) fn text(&mut self, s: &str) -> &mut Self {
        push_html(self.s, s);
        self
    }
    /// `{{ root }}`.
    pub(super) fn root(&mut self) -> &mut Self {
        push_html(self.s, self.root);
        self
    }
    /// `{{ n }}` of a number.
    pub(super) fn num(&mut self, n: impl std::fmt::Display) -> &mut Self {
        use std::fmt::Write as _;
        let _ = write!(self.s, "{n}");
        self
    }
    /// `<a href="{{ root }}{{ t.href }}">{{ t.label }}</a>`.
    pub(super) fn term(&mut self, t: &TermLink) -> &mut Self {
        self.raw("<a href=\"").root().text(&t.href).raw("\">");
        self.text(&t.label).raw("</a>")
    }
    /// The terms linked, `, ` between them.
    pub(super) fn terms(&mut self, ts: &[TermLink]) -> &mut Self {
        for (i, t) in ts.iter().enumerate() {
            if i > 0 {
                self.raw(", ");
            }
            self.term(t);
        }
        self
    }
    /// `<div class="summary-list__row"><dt>KEY</dt><dd>`.
    pub(super) fn row(&mut self, key: &str) -> &mut Self {
        self.raw("<div class=\"summary-list__row\"><dt>")
            .raw(key)
            .raw("</dt><dd>")
    }
    /// `macros.html`'s `summary_row(key, value)`.
    pub(super) fn summary_row(&mut self, key: &str, value: &Option<String>) -> &mut Self {
        self.raw("\n");
        if let Some(v) = some(value) {
            self.row(key).text(v).raw("</dd></div>");
        }
        self.raw("\n")
    }
    /// The board's row, `KEY` its name.
    pub(super) fn board_row(&mut self, key: &str, d: &DocView) -> &mut Self {
        if let Some(board) = some(&d.board) {
            self.row(key).raw("<a href=\"").root();
            self.text(d.board_href.as_deref().unwrap_or_default());
            self.raw("\">").text(board).raw("</a></dd></div>");
        }
        self
    }
    /// The type of review's row (`basis`: with the statutory basis under it).
    pub(super) fn review_type_row(&mut self, d: &DocView, basis: bool) -> &mut Self {
        if let Some(t) = &d.review_type {
            self.row("Type of review").term(t);
            if let Some(b) = d.statutory_basis.filter(|b| basis && !b.is_empty()) {
                self.raw("<br><span class=\"secondary\">")
                    .text(b)
                    .raw("</span>");
            }
            self.raw("</dd></div>");
        }
        self
    }
    pub(super) fn methodology_row(&mut self, d: &DocView) -> &mut Self {
        if !d.methodology.is_empty() {
            self.row("Methodology")
                .terms(&d.methodology)
                .raw("</dd></div>");
        }
        self
    }
    /// The themes' row, `KEY` its name.
    pub(super) fn themes_row(&mut self, key: &str, d: &DocView) -> &mut Self {
        if !d.themes.is_empty() {
            self.row(key).raw("<ul class=\"theme-links\">");
            for t in &d.themes {
                self.raw("<li>").term(t).raw("</li>");
            }
            self.raw("</ul></dd></div>");
        }
        self
    }
    /// The link to the review a document belongs to, `KEY` its row's name.
    pub(super) fn review_link_row(&mut self, key: &str, link: &Option<LinkView>) -> &mut Self {
        if let Some(l) = link {
            self.row(key)
                .raw("<a href=\"")
                .root()
                .text(&l.href)
                .raw("\">");
            self.text(&l.title).raw("</a></dd></div>");
        }
        self
    }
    /// The document's title and what opens every document page after it.
    pub(super) fn opening(&mut self, d: &DocView) -> &mut Self {
        self.raw("<h1>").text(&d.title).raw("</h1>\n");
        self.status_notes(d).raw("\n");
        if let Some(s) = some(&d.summary) {
            self.raw("<p class=\"lead\">").text(s).raw("</p>");
        }
        self.raw("\n")
    }
    /// `macros.html`'s `status_notes(doc)`.
    fn status_notes(&mut self, d: &DocView) -> &mut Self {
        native::status_notes(self.s, d);
        self.raw("\n")
    }
    /// `macros.html`'s `feedback_link(doc)`.
    pub(super) fn feedback_link(&mut self, d: &DocView) -> &mut Self {
        if let Some(href) = some(&d.feedback_href) {
            self.raw("<p class=\"feedback-link no-print\"><a href=\"")
                .text(href);
            self.raw("\">Tell us what you think of this ");
            self.text(&d.kind_label.to_lowercase());
            self.raw(", or how your team has used it</a></p>");
        }
        self
    }
    /// `{% if doc.impact %}{{ m::impact(i=doc.impact) }}{% endif %}`.
    pub(super) fn impact(&mut self, d: &DocView) -> &mut Self {
        let Some(i) = &d.impact else {
            return self;
        };
        self.raw("\n<section aria-labelledby=\"impact-of-learning\">\n<h2 id=\"impact-of-learning\">Impact of the learning</h2>\n<dl class=\"summary-list\">\n");
        self.row("What will be measured")
            .text(&i.measure)
            .raw("</dd></div>\n");
        if let Some(revisit) = some(&i.revisit) {
            self.row("Looked at again").raw("<time datetime=\"");
            self.text(i.revisit_iso.as_deref().unwrap_or_default());
            self.raw("\">").text(revisit).raw("</time></dd></div>");
        }
        self.raw("\n").row("What was found");
        if let Some(outcome) = some(&i.outcome) {
            self.text(outcome);
        } else if i.due {
            self.raw("<strong class=\"status status--overdue\">Not yet recorded: the revisit month has passed</strong>");
        } else {
            self.raw("Not yet measured");
        }
        self.raw("</dd></div>\n");
        if let Some(e) = some(&i.evidence) {
            self.row("Evidence").text(e).raw("</dd></div>");
        }
        self.raw("\n</dl>\n</section>\n")
    }
    /// `macros.html`'s `uptake(u)`.
    pub(super) fn uptake(&mut self, u: &Uptake) -> &mut Self {
        self.raw("\n<section class=\"uptake no-print\" aria-labelledby=\"uptake-title\">\n<h2 id=\"uptake-title\">How teams have used this briefing</h2>\n<p>Discussed by <strong>");
        self.num(u.teams).raw(" team").raw(plural(u.teams));
        self.raw("</strong> since ").text(&u.since_label);
        if u.people > 0 {
            self.raw(", with ").num(u.people).raw(" people taking part");
        }
        self.raw(".");
        if let Some(rating) = u.rating.filter(|r| *r != 0.0 && !r.is_nan()) {
            self.raw(" Teams rated it ").num(rating);
            self.raw(" out of 5 for usefulness (").num(u.ratings);
            self.raw(" rating").raw(plural(u.ratings)).raw(").");
        }
        self.raw("</p>\n<h3>What teams will do differently</h3>\n<ul class=\"commitments\">\n");
        for c in &u.commitments {
            self.raw("<li>").text(&c.what_will_change);
            self.raw(" <span class=\"secondary\">(");
            if let Some(team) = some(&c.team) {
                self.text(team).raw(", ");
            }
            self.raw("discussed ").text(&c.month);
            if let Some(by) = some(&c.by) {
                self.raw("; by ").text(by);
            }
            if let Some(who) = some(&c.who_checks) {
                self.raw("; checked by the ").text(&who.to_lowercase());
            }
            self.raw(")</span></li>\n");
        }
        self.raw("</ul>\n</section>\n")
    }
    /// A recommendation's row of a review's table.
    pub(super) fn recommendation(&mut self, r: &RecommendationView) -> &mut Self {
        self.raw("\n  <tr class=\"rec rec--").text(r.status);
        if r.overdue {
            self.raw(" rec--overdue");
        }
        self.raw("\">\n    <th scope=\"row\"><span class=\"stack-label\">Recommendation </span>");
        self.text(&r.id).raw("</th>\n    <td>").text(&r.text);
        self.rec_detail(r);
        self.raw("</td>\n    <td><span class=\"stack-label\">Owner: </span>");
        self.text(or(&r.owner, "Not set"));
        if !r.agency.is_empty() {
            self.raw("<br><span class=\"secondary\">Carried out by ");
            self.text(&r.agency.join(", ")).raw("</span>");
        }
        self.raw("</td>\n    <td><span class=\"stack-label\">Due: </span>");
        native::rec_due(self.s, r);
        self.raw("</td>\n    <td><span class=\"stack-label\">Status: </span>");
        native::rec_status(self.s, r);
        self.raw("</td>\n  </tr>\n  ")
    }
    /// `macros.html`'s `rec_detail(r, root)`.
    fn rec_detail(&mut self, r: &RecommendationView) -> &mut Self {
        native::rec_detail(self, r);
        self
    }
}

impl native::Markup for W<'_> {
    fn raw(&mut self, s: &str) -> &mut Self {
        W::raw(self, s)
    }
    fn text(&mut self, s: &str) -> &mut Self {
        W::text(self, s)
    }
    fn root(&mut self) -> &mut Self {
        W::root(self)
    }
}

/// `{{ s | default(value=DEFAULT) }}`: the text of `s`, even empty, else `default`.
pub(super) fn or<'a>(s: &'a Option<String>, default: &'a str) -> &'a str {
    s.as_deref().unwrap_or(default)
}

/// `s` if `n` is not 1.
pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
