//! The action tracker: every recommendation of the published reviews on one page
//! (`actions/`), overdue first, then by the month each is due; a page per status, agency,
//! theme and review (the filters that work without JavaScript; with it, the main page filters
//! in place); an exceptions page (`actions/exceptions/`: overdue, no update for three months,
//! not implemented, impact not yet measured); and the spreadsheet (`actions/actions.csv`).
//!
//! Only the documents the build publishes reach this stage, so a partners-only review's
//! recommendations are on the partners build's tracker and nowhere else.

use super::memo::Ctx;
use super::templates::{NATIVE_TRACKER_ROW, TRACKER_ROW_TEMPLATE};
use super::view::{self, Crumb, DocView, RecommendationView, TermLink};
use super::{fragments, Pages, Renderer};
use crate::content::{Document, Kind, RecommendationStatus};
use crate::diagnostics::Diagnostic;
use crate::write::OutFile;
use page::{Look, Spec};
use rayon::prelude::*;
use row::row_piece;
use serde::Serialize;
use std::collections::BTreeMap;

/// The tracker's folder.
pub(crate) const SECTION: &str = "actions";
/// The spreadsheet of every recommendation, under [`SECTION`].
pub(crate) const CSV_FILE: &str = "actions/actions.csv";

/// One recommendation as a row of the tracker.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ActionRow {
    pub(crate) review_title: String,
    pub(crate) review_href: String,
    pub(crate) review_slug: String,
    /// The review page's absolute address (for the spreadsheet).
    review_url: String,
    pub(crate) reference: Option<String>,
    pub(crate) rec: RecommendationView,
    /// The recommendation's own themes, else its review's.
    pub(crate) themes: Vec<TermLink>,
    /// Space-separated slugs, for the in-page filter.
    pub(crate) data_agency: String,
    pub(crate) data_theme: String,
    /// The month it counts as due (`YYYY-MM`), for ordering.
    due_sort: Option<String>,
}

/// A way to filter the tracker: its values, each with its own page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Facet {
    /// `status`, `agency`, `theme` or `review`.
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) values: Vec<FacetValue>,
}

#[derive(Debug, Clone, Serialize)]
pub(crate) struct FacetValue {
    pub(crate) slug: String,
    pub(crate) label: String,
    pub(crate) count: usize,
    /// From the site root.
    pub(crate) href: String,
}

/// A table of rows with a heading (the exceptions page has several).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Group<'a> {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) intro: &'static str,
    pub(crate) count: usize,
    /// The rows, for a site's own `tracker.html`; the default one takes `html`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) rows: Option<Vec<&'a ActionRow>>,
    /// The rows as HTML, each rendered once ([`Rows`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) html: Option<String>,
}

/// Every row of the tracker and, with the default theme, its HTML rendered once
/// ([`fragments`]), joined on each page it is on.
struct Rows<'a> {
    all: &'a [ActionRow],
    html: Vec<Option<fragments::Piece>>,
}

impl<'a> Rows<'a> {
    fn new(r: &Renderer, all: &'a [ActionRow]) -> Rows<'a> {
        let has = |name: &str| r.tera.get_template_names().any(|n| n == name);
        let html = if has(NATIVE_TRACKER_ROW) {
            all.par_iter().map(row_piece).collect()
        } else if has(TRACKER_ROW_TEMPLATE) {
            all.par_iter()
                .map(|x| fragments::piece(r, TRACKER_ROW_TEMPLATE, "x", x))
                .collect()
        } else {
            vec![None; all.len()]
        };
        Rows { all, html }
    }

    /// A table of rows `ids` (positions in the tracker's order), the `k`th of its page.
    /// With the rows' HTML, the table holds a mark where they go, and they are put there
    /// once the page is rendered ([`Rows::page`]): a table can hold tens of megabytes of rows,
    /// which are then never copied into the template's context.
    fn group(
        &self,
        k: usize,
        (id, title, intro): (&'static str, &'static str, &'static str),
        ids: Vec<usize>,
    ) -> Table<'a> {
        // (An empty table says so, and has no rows to put in.)
        let pieces = !ids.is_empty() && ids.iter().all(|&i| self.html[i].is_some());
        Table {
            group: Group {
                id,
                title,
                intro,
                count: ids.len(),
                rows: (!pieces).then(|| ids.iter().map(|&i| &self.all[i]).collect()),
                html: pieces.then(|| mark(k)),
            },
            ids,
        }
    }

    /// The tracker page `spec` with `tables`: written without the template with its `look`
    /// when there is one and every row is made ([`page`]), else by the template.
    fn page(
        &self,
        r: &Renderer,
        spec: &Spec,
        tables: Vec<Table>,
        look: Option<&Look>,
    ) -> Result<OutFile, Diagnostic> {
        let url = &spec.url;
        let root = view::root_for(url);
        let made = |t: &Table| t.ids.is_empty() || t.group.html.is_some();
        let look = look.filter(|l| l.fits(spec) && tables.iter().all(made));
        // The template's context, unless the page is written without it (the memo still
        // keys the page by it).
        let mut ctx = if look.is_some() && r.memo.is_none() {
            Ctx::new(false)
        } else {
            let mut ctx = spec.ctx(r);
            let groups: Vec<&Group> = tables.iter().map(|t| &t.group).collect();
            ctx.insert("groups", &groups);
            ctx
        };
        if r.memo.is_some() {
            // What the marks stand for, for the page's key.
            let keys: Vec<Vec<Option<u128>>> = (tables.iter())
                .map(|t| t.ids.iter().map(|&i| self.key(i)).collect())
                .collect();
            ctx.key_also("rows", &keys);
        }
        let what = format!("the page /{url}");
        r.page_made("tracker.html", &ctx, url, &what, |render| {
            if let Some(look) = look {
                let rows = |t: &Table, w: &mut String| {
                    fragments::join(t.ids.iter().map(|&i| &self.html[i]), &root, w);
                };
                let size = tables.iter().map(|t| t.ids.len()).sum::<usize>() * 2048;
                return Ok(look.page(r, spec, &tables, &rows, size));
            }
            let html = render(&ctx)?;
            match self.splice(&html, &tables, &root) {
                Some(page) => Ok(page),
                None => {
                    // A mark is also in the page's own text: the rows go in the context.
                    let inline: Vec<Group> = (tables.iter())
                        .map(|t| {
                            let mut g = t.group.clone();
                            if g.html.is_some() {
                                let mut h = String::new();
                                fragments::join(
                                    t.ids.iter().map(|&i| &self.html[i]),
                                    &root,
                                    &mut h,
                                );
                                g.html = Some(h);
                            }
                            g
                        })
                        .collect();
                    let mut again = ctx.clone();
                    again.insert("groups", &inline);
                    render(&again)
                }
            }
        })
    }

    /// The key of row `i`'s HTML (none when it has none: the template fills that row).
    fn key(&self, i: usize) -> Option<u128> {
        let p = self.html[i].as_ref()?;
        Some(p.key.unwrap_or_else(|| {
            let mut h = crate::key::KeyHasher::new();
            h.add(&p.parts);
            h.finish()
        }))
    }

    /// `html` with each table's rows where its mark is, or none if a mark is not there
    /// exactly once.
    fn splice(&self, html: &str, tables: &[Table], root: &str) -> Option<String> {
        let mut at: Vec<(usize, usize)> = Vec::new();
        for (k, t) in tables.iter().enumerate() {
            if t.group.html.is_none() {
                continue;
            }
            let m = mark(k);
            let mut found = html.match_indices(&m).map(|(i, _)| i);
            let (Some(i), None) = (found.next(), found.next()) else {
                return None;
            };
            at.push((i, k));
        }
        at.sort_unstable();
        let mut out = String::with_capacity(html.len() + 2048 * at.len());
        let mut from = 0;
        for (i, k) in at {
            out.push_str(&html[from..i]);
            fragments::join(tables[k].ids.iter().map(|&j| &self.html[j]), root, &mut out);
            from = i + mark(k).len();
        }
        out.push_str(&html[from..]);
        Some(out)
    }
}

/// Where the rows of a page's `k`th table go until they are put in.
fn mark(k: usize) -> String {
    format!("\u{E001}learnsite-tracker-rows-{k}\u{E001}")
}

/// A table of a tracker page: what its template is given, and its rows.
struct Table<'a> {
    group: Group<'a>,
    ids: Vec<usize>,
}

/// A review or learning summary whose impact was due to be looked at again.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ImpactDue {
    pub(crate) title: String,
    pub(crate) href: String,
    pub(crate) measure: String,
    pub(crate) revisit: Option<String>,
}

/// Every recommendation of the published reviews, in tracker order: overdue first (longest
/// overdue first), then by the month due (the revised month when there is one; none last),
/// then review and number.
pub(crate) fn rows(docs: &[&Document], views: &[DocView]) -> Vec<ActionRow> {
    let mut rows: Vec<ActionRow> = docs
        .iter()
        .zip(views)
        .filter(|(d, _)| d.kind == Kind::Review)
        .flat_map(|(d, v)| {
            d.meta
                .recommendations
                .iter()
                .zip(&v.recommendations)
                .map(move |(r, rv)| {
                    let themes = if rv.themes.is_empty() {
                        v.themes.clone()
                    } else {
                        rv.themes.clone()
                    };
                    ActionRow {
                        review_title: v.title.clone(),
                        review_href: v.href.clone(),
                        review_slug: d.slug.clone(),
                        review_url: v.canonical.clone(),
                        reference: v.reference.clone(),
                        data_agency: rv
                            .agencies
                            .iter()
                            .map(|a| view::slugify(a))
                            .collect::<Vec<_>>()
                            .join(" "),
                        data_theme: themes
                            .iter()
                            .map(|t| t.slug.as_str())
                            .collect::<Vec<_>>()
                            .join(" "),
                        themes,
                        due_sort: r.effective_due().map(|m| m.iso()),
                        rec: rv.clone(),
                    }
                })
        })
        .collect();
    rows.sort_by(|a, b| {
        b.rec
            .overdue
            .cmp(&a.rec.overdue)
            .then_with(|| {
                (a.due_sort.is_none(), &a.due_sort).cmp(&(b.due_sort.is_none(), &b.due_sort))
            })
            .then_with(|| a.review_title.cmp(&b.review_title))
            .then_with(|| natural(&a.rec.id).cmp(&natural(&b.rec.id)))
    });
    rows
}

/// "R10" after "R9": the id's letters, then its number.
fn natural(id: &str) -> (String, u64, String) {
    let head: String = id.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let digits: String = id[head.len()..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let rest = id[head.len() + digits.len()..].to_string();
    (head, digits.parse().unwrap_or(0), rest)
}

/// The four ways to filter, each value with its rows' positions in `rows`.
fn facets(rows: &[ActionRow]) -> Vec<(Facet, Vec<Vec<usize>>)> {
    let mut out = Vec::new();
    // Status: in the model's order, every status shown (a zero says so too).
    let status: Vec<(String, String, Vec<usize>)> = RecommendationStatus::ALL
        .iter()
        .map(|s| {
            let hits = (0..rows.len())
                .filter(|&i| rows[i].rec.status == s.as_str())
                .collect();
            (s.as_str().to_string(), s.label().to_string(), hits)
        })
        .collect();
    out.push(("status", "Status", status));
    let by = |key: &dyn Fn(&ActionRow) -> Vec<(String, String)>| {
        let mut m: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
        for (i, r) in rows.iter().enumerate() {
            for (slug, label) in key(r).into_iter().filter(|(s, _)| !s.is_empty()) {
                let e = m.entry(slug).or_insert_with(|| (label, Vec::new()));
                if e.1.last() != Some(&i) {
                    e.1.push(i);
                }
            }
        }
        let mut v: Vec<(String, String, Vec<usize>)> =
            m.into_iter().map(|(s, (l, h))| (s, l, h)).collect();
        v.sort_by_key(|(_, l, _)| l.to_lowercase());
        v
    };
    out.push((
        "agency",
        "Agency",
        by(&|r| {
            r.rec
                .agencies
                .iter()
                .map(|a| (view::slugify(a), a.clone()))
                .collect()
        }),
    ));
    out.push((
        "theme",
        "Theme",
        by(&|r| {
            r.themes
                .iter()
                .map(|t| (t.slug.clone(), t.label.clone()))
                .collect()
        }),
    ));
    out.push((
        "review",
        "Review",
        by(&|r| vec![(r.review_slug.clone(), r.review_title.clone())]),
    ));
    out.into_iter()
        .map(|(id, title, values)| {
            let hits = values.iter().map(|(_, _, h)| h.clone()).collect();
            let facet = Facet {
                id,
                title,
                values: values
                    .into_iter()
                    .map(|(slug, label, h)| FacetValue {
                        href: format!("{SECTION}/{id}/{slug}/index.html"),
                        slug,
                        label,
                        count: h.len(),
                    })
                    .collect(),
            };
            (facet, hits)
        })
        .collect()
}

/// Counts for the summary above the table: each status, and overdue.
#[derive(Debug, Clone, Serialize)]
struct Summary {
    total: usize,
    overdue: usize,
    stale: usize,
    not_implemented: usize,
    by_status: Vec<FacetValue>,
}

fn summary(rows: &[&ActionRow], status: &Facet) -> Summary {
    Summary {
        total: rows.len(),
        overdue: rows.iter().filter(|r| r.rec.overdue).count(),
        stale: rows.iter().filter(|r| r.rec.stale).count(),
        not_implemented: rows
            .iter()
            .filter(|r| r.rec.status == RecommendationStatus::NotImplemented.as_str())
            .count(),
        by_status: status
            .values
            .iter()
            .map(|v| FacetValue {
                count: rows.iter().filter(|r| r.rec.status == v.slug).count(),
                ..v.clone()
            })
            .collect(),
    }
}

/// Every page of the tracker, and its spreadsheet.
pub(crate) fn pages(r: &Renderer, docs: &[&Document], views: &[DocView], out: &mut Pages) {
    let all = rows(docs, views);
    let as_of = r.today_human();
    let facets = facets(&all);
    let status_facet = &facets[0].0;
    let facet_list: Vec<&Facet> = facets.iter().map(|(f, _)| f).collect();
    // A filter page links the other statuses, agencies and themes, but not every review: that
    // list grows with the site, and on a page per review it made the tracker grow with the
    // square of the reviews (5,000 reviews: 360 KB a page, 1.1 GB in all). The main page
    // links every review.
    let narrow_facets: Vec<&Facet> = facet_list
        .iter()
        .copied()
        .filter(|f| f.id != "review")
        .collect();
    let root_crumb = Crumb {
        title: "Action tracker".into(),
        href: format!("{SECTION}/index.html"),
    };

    // The tracker itself.
    let rows = Rows::new(r, &all);
    let everything: Vec<&ActionRow> = all.iter().collect();
    let spec = Spec {
        url: format!("{SECTION}/"),
        title: "Action tracker".into(),
        crumbs: &[],
        summary: Some(summary(&everything, status_facet)),
        facets: &facet_list,
        filter: None,
        filterable: true,
        impact_due: None,
        as_of: &as_of,
    };
    let every = rows.group(
        0,
        ("all", "All recommendations", ""),
        (0..all.len()).collect(),
    );
    out.add(rows.page(r, &spec, vec![every], Look::new(r, &spec).as_ref()));

    // A page per value of each filter (in parallel), each with the same menu.
    let values: Vec<(&Facet, &FacetValue, &Vec<usize>)> = facets
        .iter()
        .flat_map(|(facet, hits)| {
            facet
                .values
                .iter()
                .zip(hits)
                .map(move |(v, h)| (facet, v, h))
        })
        .collect();
    let spec_of = |(facet, value, hit): &(&Facet, &FacetValue, &Vec<usize>)| {
        let picked: Vec<&ActionRow> = hit.iter().map(|&i| &all[i]).collect();
        Spec {
            url: format!("{SECTION}/{}/{}/", facet.id, value.slug),
            title: format!("Action tracker: {}", value.label),
            crumbs: std::slice::from_ref(&root_crumb),
            summary: Some(summary(&picked, status_facet)),
            facets: &narrow_facets,
            filter: Some(format!("{}: {}", facet.title, value.label)),
            filterable: false,
            impact_due: None,
            as_of: &as_of,
        }
    };
    let look = values.first().and_then(|v| Look::new(r, &spec_of(v)));
    let filtered: Vec<_> = values
        .par_iter()
        .map(|v| {
            let group = rows.group(0, ("filtered", "Recommendations", ""), v.2.to_vec());
            rows.page(r, &spec_of(v), vec![group], look.as_ref())
        })
        .collect();
    for page in filtered {
        out.add(page);
    }

    // Exceptions.
    let pick = |f: &dyn Fn(&ActionRow) -> bool| {
        (0..all.len())
            .filter(|&i| f(&all[i]))
            .collect::<Vec<usize>>()
    };
    let groups = vec![
        rows.group(
            0,
            (
                "overdue",
                "Overdue",
                "The month they were due (the revised month, when the board agreed one) has passed and they are not started or in progress.",
            ),
            pick(&|x| x.rec.overdue),
        ),
        rows.group(
            1,
            (
                "no-update",
                "No update for 3 months or more",
                "Not started or in progress, with no dated update in the last three months (or, with no updates at all, published more than three months ago).",
            ),
            pick(&|x| x.rec.stale),
        ),
        rows.group(
            2,
            (
                "not-implemented",
                "Not implemented",
                "The board decided not to carry these out. The reason is given with each.",
            ),
            pick(&|x| x.rec.status == RecommendationStatus::NotImplemented.as_str()),
        ),
    ];
    let impact_due: Vec<ImpactDue> = views
        .iter()
        .filter_map(|v| {
            let i = v.impact.as_ref().filter(|i| i.due)?;
            Some(ImpactDue {
                title: v.title.clone(),
                href: v.href.clone(),
                measure: i.measure.clone(),
                revisit: i.revisit.clone(),
            })
        })
        .collect();
    let spec = Spec {
        url: format!("{SECTION}/exceptions/"),
        title: "Exceptions".into(),
        crumbs: std::slice::from_ref(&root_crumb),
        summary: None,
        facets: &[],
        filter: None,
        filterable: false,
        impact_due: Some(&impact_due),
        as_of: &as_of,
    };
    out.add(rows.page(r, &spec, groups, Look::new(r, &spec).as_ref()));

    out.files.push(OutFile::new(CSV_FILE, csv(&all)));
}

/// Column names of the tracker's spreadsheet.
pub(crate) const CSV_COLUMNS: &[&str] = &[
    "review",
    "reference",
    "review_url",
    "id",
    "recommendation",
    "owner",
    "agencies",
    "scope",
    "themes",
    "due",
    "revised_due",
    "status",
    "overdue",
    "overdue_by_months",
    "last_update",
    "no_update_for_3_months",
    "reason_not_implemented",
    "evidence",
];

/// The tracker as a spreadsheet, in its order: UTF-8 with a byte-order mark, months as
/// `YYYY-MM`, cells a spreadsheet would run as formulas defused (as the learning index's).
pub(crate) fn csv(rows: &[ActionRow]) -> Vec<u8> {
    let yes = |b: bool| if b { "yes" } else { "no" }.to_string();
    crate::index::learning::csv_bytes(
        CSV_COLUMNS,
        rows.iter().map(|x| {
            let r = &x.rec;
            let cell = |s: &str| crate::index::learning::cell(s);
            let opt = |s: &Option<String>| s.as_deref().map(cell).unwrap_or_default();
            vec![
                cell(&x.review_title),
                opt(&x.reference),
                x.review_url.clone(),
                cell(&r.id),
                cell(&r.text),
                opt(&r.owner),
                cell(&r.agencies.join("; ")),
                r.scope.unwrap_or_default().to_string(),
                cell(
                    &x.themes
                        .iter()
                        .map(|t| t.label.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                r.due_iso.clone().unwrap_or_default(),
                r.revised_due_iso.clone().unwrap_or_default(),
                r.status.to_string(),
                yes(r.overdue),
                r.overdue_months.map(|m| m.to_string()).unwrap_or_default(),
                r.last_update_iso.clone().unwrap_or_default(),
                yes(r.stale),
                opt(&r.reason),
                opt(&r.evidence),
            ]
        }),
    )
}

pub(crate) mod outline;
mod page;
mod row;
#[cfg(test)]
mod tests;
