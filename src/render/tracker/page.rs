//! A tracker page written without its template. With the default theme (its `tracker.html`
//! and frame unchanged) a tracker page is written here, byte for byte what the templates
//! would write: what is the same on every page of a kind (the frame around the page, the
//! filter menu) is written once, and each page adds its title, address, summary and rows.
//! Filling `tracker.html` cost ~530,000 instructions a page, most of it the same filter menu
//! on each of 3,000 review pages (5,000 documents). Anything else (a site's own
//! `tracker.html` or frame, a row the templates fill) leaves the page to the templates.

use super::outline::{Outline, HOLE};
use super::{Facet, ImpactDue, Summary, Table, CSV_FILE, SECTION};
use crate::escape::push_html;
use crate::render::memo::Ctx;
use crate::render::view::{self, Crumb};
use crate::render::Renderer;
use std::fmt::Write as _;

/// What a tracker page shows: what `tracker.html` is given, but for its tables.
pub(super) struct Spec<'a> {
    pub(super) url: String,
    pub(super) title: String,
    pub(super) crumbs: &'a [Crumb],
    /// The counts above the table (not on the exceptions page).
    pub(super) summary: Option<Summary>,
    /// The filter menu's facets (none on the exceptions page).
    pub(super) facets: &'a [&'a Facet],
    /// "Agency: Police", on a filter page.
    pub(super) filter: Option<String>,
    /// The main page's in-page filter form.
    pub(super) filterable: bool,
    /// The exceptions page's impact not yet measured.
    pub(super) impact_due: Option<&'a [ImpactDue]>,
    pub(super) as_of: &'a str,
}

impl Spec<'_> {
    /// The template's context.
    pub(super) fn ctx(&self, r: &Renderer) -> Ctx {
        let mut ctx = r.context(&self.url, &self.title, SECTION, self.crumbs);
        if let Some(impact_due) = self.impact_due {
            ctx.insert("impact_due", impact_due);
            ctx.insert("exceptions", &true);
        }
        if let Some(summary) = &self.summary {
            ctx.insert("summary", summary);
        }
        if !self.facets.is_empty() {
            ctx.insert("facets", self.facets);
        }
        if self.filterable {
            ctx.insert("filterable", &true);
        }
        if let Some(filter) = &self.filter {
            ctx.insert("filter", filter);
        }
        ctx.insert("as_of", self.as_of);
        ctx.insert("csv_href", CSV_FILE);
        ctx
    }

    /// The page's `content` block, `menu` its filter menu ([`menu`]) and `rows` writing the
    /// rows of a table.
    fn content(
        &self,
        w: &mut String,
        root: &str,
        menu: &str,
        tables: &[Table],
        rows: &dyn Fn(&Table, &mut String),
    ) {
        w.push_str("\n<h1>");
        push_html(w, &self.title);
        w.push_str("</h1>\n");
        if self.impact_due.is_some() {
            w.push_str("\n<p class=\"lead\">The recommendations that need the monitoring subgroup's attention on ");
            push_html(w, self.as_of);
            w.push_str(": overdue, with no update for three months, or not implemented; and impact that was due to be measured.</p>\n");
        } else {
            w.push_str("\n<p class=\"lead\">");
            if let Some(filter) = self.filter.as_deref().filter(|f| !f.is_empty()) {
                push_html(w, filter);
                w.push_str(". ");
            }
            w.push_str("Every recommendation of the reviews published here and where its action plan stands on ");
            push_html(w, self.as_of);
            w.push_str(". Overdue recommendations come first, then the rest by the month they are due.</p>\n<ul class=\"tracker-summary\">\n  <li><strong>");
            if let Some(s) = &self.summary {
                let _ = write!(w, "{}", s.total);
                w.push_str("</strong> ");
                w.push_str(if s.total == 1 {
                    "recommendation"
                } else {
                    "recommendations"
                });
                w.push_str("</li>\n  ");
                for v in &s.by_status {
                    w.push_str("<li><a href=\"");
                    push_html(w, root);
                    push_html(w, &v.href);
                    w.push_str("\">");
                    push_html(w, &v.label);
                    let _ = write!(w, "</a>: <strong>{}</strong></li>", v.count);
                }
                let _ = write!(
                    w,
                    "\n  <li>Overdue: <strong>{}</strong></li>\n</ul>\n",
                    s.overdue
                );
            }
        }
        w.push_str("\n<p class=\"tracker-links\"><a href=\"");
        push_html(w, root);
        if self.impact_due.is_none() {
            w.push_str("actions/exceptions/index.html\">Exceptions: overdue, no update for 3 months, not implemented</a> · ");
        } else {
            w.push_str("actions/index.html\">All recommendations</a> · ");
        }
        w.push_str("<a href=\"");
        push_html(w, root);
        push_html(w, CSV_FILE);
        w.push_str("\" download>Download every recommendation as a spreadsheet (CSV)</a></p>\n\n");
        w.push_str(menu);
        w.push_str("\n\n");
        for t in tables {
            group(w, t, rows);
        }
        w.push_str("\n\n");
        if let Some(impact_due) = self.impact_due {
            impact(w, root, impact_due);
        }
        w.push('\n');
    }
}

/// `tracker.html`'s table `t` (a section with its heading, and its rows if it has any).
fn group(w: &mut String, t: &Table, rows: &dyn Fn(&Table, &mut String)) {
    let g = &t.group;
    w.push_str("\n<section aria-labelledby=\"group-");
    push_html(w, g.id);
    w.push_str("\">\n<h2 id=\"group-");
    push_html(w, g.id);
    w.push_str("\">");
    push_html(w, g.title);
    let _ = writeln!(w, " ({})</h2>", g.count);
    if !g.intro.is_empty() {
        w.push_str("<p>");
        push_html(w, g.intro);
        w.push_str("</p>");
    }
    w.push('\n');
    if g.count == 0 {
        w.push_str("<p>None.</p>");
    } else {
        w.push_str(
            "\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"group-",
        );
        push_html(w, g.id);
        w.push_str("-caption\">\n<table class=\"recommendations tracker stack\">\n  <caption class=\"visually-hidden\" id=\"group-");
        push_html(w, g.id);
        w.push_str("-caption\">");
        push_html(w, g.title);
        w.push_str(": each recommendation, its review, owner, due month and status</caption>\n  <thead><tr><th scope=\"col\">Review</th><th scope=\"col\">No.</th><th scope=\"col\">Recommendation</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th><th scope=\"col\">Status</th></tr></thead>\n  <tbody>\n  ");
        rows(t, w);
        w.push_str("\n  </tbody>\n</table>\n</div>\n");
    }
    w.push_str("\n</section>\n");
}

/// The exceptions page's section of impact not yet measured.
fn impact(w: &mut String, root: &str, impact_due: &[ImpactDue]) {
    let _ = write!(
        w,
        "\n<section aria-labelledby=\"group-impact\">\n<h2 id=\"group-impact\">Impact not yet measured ({})</h2>\n",
        impact_due.len()
    );
    w.push_str("<p>Reviews and learning summaries whose month to look again at the impact has passed with no outcome recorded.</p>\n");
    if impact_due.is_empty() {
        w.push_str("<p>None.</p>");
    } else {
        w.push_str("\n<ul>");
        for i in impact_due {
            w.push_str("<li><a href=\"");
            push_html(w, root);
            push_html(w, &i.href);
            w.push_str("\">");
            push_html(w, &i.title);
            w.push_str("</a>: ");
            push_html(w, &i.measure);
            if let Some(revisit) = i.revisit.as_deref().filter(|s| !s.is_empty()) {
                w.push_str(" (due to be looked at again in ");
                push_html(w, revisit);
                w.push(')');
            }
            w.push_str("</li>");
        }
        w.push_str("</ul>\n");
    }
    w.push_str("\n</section>\n");
}

/// `tracker.html`'s filter menu (the links to each facet's pages) and, `filterable`, the
/// in-page filter form, for pages at `root`: the same on every page of a kind.
fn menu(facets: &[&Facet], root: &str, filterable: bool) -> String {
    let mut w = String::new();
    if !facets.is_empty() {
        w.push_str("\n<nav class=\"tracker-filters\" aria-labelledby=\"filters-title\">\n<h2 id=\"filters-title\">Filter by ");
        for (i, f) in facets.iter().enumerate() {
            if i > 0 {
                w.push_str(if i + 1 == facets.len() { " or " } else { ", " });
            }
            push_html(&mut w, &f.title.to_lowercase());
        }
        w.push_str("</h2>\n");
        for f in facets {
            w.push_str("<details class=\"tracker-filters__facet\"><summary>");
            push_html(&mut w, f.title);
            w.push_str("</summary>\n<ul class=\"term-list\">");
            for v in &f.values {
                w.push_str("<li><a href=\"");
                push_html(&mut w, root);
                push_html(&mut w, &v.href);
                w.push_str("\">");
                push_html(&mut w, &v.label);
                let _ = write!(w, "</a> <span class=\"count\">{}</span></li>", v.count);
            }
            w.push_str("</ul>\n</details>\n");
        }
        w.push_str("\n</nav>\n");
    }
    w.push_str("\n\n");
    if filterable {
        w.push_str("\n<form class=\"tracker-filter\" data-tracker-filter hidden aria-labelledby=\"filter-here\">\n<h2 id=\"filter-here\">Filter this list</h2>\n<div class=\"tracker-filter__fields\">\n");
        for f in facets {
            w.push_str("<div class=\"tracker-filter__field\"><label for=\"filter-");
            push_html(&mut w, f.id);
            w.push_str("\">");
            push_html(&mut w, f.title);
            w.push_str("</label>\n<select id=\"filter-");
            push_html(&mut w, f.id);
            w.push_str("\" name=\"");
            push_html(&mut w, f.id);
            w.push_str("\" data-filter=\"");
            push_html(&mut w, f.id);
            w.push_str("\"><option value=\"\">All</option>");
            for v in &f.values {
                w.push_str("<option value=\"");
                push_html(&mut w, &v.slug);
                w.push_str("\">");
                push_html(&mut w, &v.label);
                let _ = write!(w, " ({})</option>", v.count);
            }
            w.push_str("</select></div>\n");
        }
        w.push_str(
            "</div>\n<p class=\"result-count\" role=\"status\" data-tracker-count></p>\n</form>\n",
        );
    }
    w
}

/// What is the same on every tracker page of a kind (the main page, a filter page, the
/// exceptions page), written once: the frame around the page, with holes for its title,
/// address and content, and the filter menu.
pub(super) struct Look {
    root: String,
    frame: Outline,
    menu: String,
}

impl Look {
    /// The look of pages like `spec`; none if the site's templates would write them
    /// otherwise than [`Spec::content`] does.
    pub(super) fn new(r: &Renderer, spec: &Spec) -> Option<Look> {
        // `tracker.html` is the default theme's (the rows' template is made only then).
        let default = crate::render::templates::TRACKER_ROW_TEMPLATE;
        if !r.tera.get_template_names().any(|n| n == default) {
            return None;
        }
        let mut ctx = r.context(&spec.url, HOLE, SECTION, spec.crumbs);
        ctx.insert("canonical", HOLE);
        let frame = Outline::new(r, &ctx, "", 3)?;
        let root = view::root_for(&spec.url);
        let menu = menu(spec.facets, &root, spec.filterable);
        Some(Look { root, frame, menu })
    }

    /// Is `spec` a page of this look (at its depth)?
    pub(super) fn fits(&self, spec: &Spec) -> bool {
        view::root_for(&spec.url) == self.root
    }

    /// The page `spec` (one that [fits](Look::fits)) with `tables`, `rows` writing the rows of
    /// a table (about `size` bytes in all).
    pub(super) fn page(
        &self,
        r: &Renderer,
        spec: &Spec,
        tables: &[Table],
        rows: &dyn Fn(&Table, &mut String),
        size: usize,
    ) -> String {
        let f = &self.frame;
        let mut w = String::with_capacity(f.len() + self.menu.len() + size + 4096);
        w.push_str(f.part(0));
        push_html(&mut w, &spec.title);
        w.push_str(f.part(1));
        push_html(&mut w, &r.config.absolute_url(&spec.url));
        w.push_str(f.part(2));
        spec.content(&mut w, &self.root, &self.menu, tables, rows);
        w.push_str(f.part(3));
        w
    }
}
