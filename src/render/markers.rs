//! The SAR Quality Markers page (`quality-markers/`): how the reviews a build publishes met
//! each of the fifteen markers, as their boards recorded them; each review's count; and, marker
//! by marker, the reviews that partly met or did not meet it, with the evidence. Written only
//! when a published review records the markers.

use super::view::{Crumb, DocView};
use super::{Pages, Renderer};
use crate::content::{self, Document, Kind, MarkerStatus, TALLY_COLUMNS};
use serde::Serialize;

/// The page's folder.
pub(crate) const SECTION: &str = "quality-markers";

/// A review's markers in one row.
#[derive(Debug, Serialize)]
struct ReviewRow {
    title: String,
    href: String,
    /// In the order of [`TALLY_COLUMNS`].
    counts: [usize; 5],
}

/// A review that partly met, or did not meet, a marker.
#[derive(Debug, Serialize)]
struct Shortfall {
    title: String,
    href: String,
    status: &'static str,
    status_label: &'static str,
    evidence: Option<String>,
}

#[derive(Debug, Serialize)]
struct MarkerShortfalls {
    number: usize,
    name: &'static str,
    reviews: Vec<Shortfall>,
}

fn statuses(d: &Document) -> Vec<(&str, MarkerStatus)> {
    d.meta
        .quality_markers
        .iter()
        .map(|(k, q)| (k.as_str(), q.status))
        .collect()
}

/// The page, when any published review records the markers.
pub(crate) fn page(r: &Renderer, docs: &[&Document], views: &[DocView], out: &mut Pages) {
    let with: Vec<(&Document, &DocView)> = docs
        .iter()
        .zip(views)
        .filter(|(d, _)| d.kind == Kind::Review && !d.meta.quality_markers.is_empty())
        .map(|(d, v)| (*d, v))
        .collect();
    if with.is_empty() {
        return;
    }
    let tally = content::tally(with.iter().map(|(d, _)| statuses(d)));
    let reviews: Vec<ReviewRow> = with
        .iter()
        .map(|(d, v)| ReviewRow {
            title: v.title.clone(),
            href: v.href.clone(),
            counts: content::tally([statuses(d)]).totals(),
        })
        .collect();
    let shortfalls: Vec<MarkerShortfalls> = tally
        .markers
        .iter()
        .map(|m| MarkerShortfalls {
            number: m.number,
            name: m.name,
            reviews: with
                .iter()
                .filter_map(|(d, v)| {
                    let q = d.meta.quality_markers.get(m.key)?;
                    matches!(q.status, MarkerStatus::Partly | MarkerStatus::NotMet).then(|| {
                        Shortfall {
                            title: v.title.clone(),
                            href: v.href.clone(),
                            status: q.status.class(),
                            status_label: q.status.label(),
                            evidence: q.evidence.clone(),
                        }
                    })
                })
                .collect(),
        })
        .filter(|m| !m.reviews.is_empty())
        .collect();
    let url = format!("{SECTION}/");
    let crumbs = [Crumb {
        title: Kind::Review.plural().to_string(),
        href: "reviews/index.html".into(),
    }];
    let mut ctx = r.context(&url, "SAR Quality Markers", SECTION, &crumbs);
    ctx.insert("tally", &tally);
    ctx.insert("columns", &TALLY_COLUMNS);
    ctx.insert("reviews", &reviews);
    ctx.insert("shortfalls", &shortfalls);
    out.add(r.page(
        "quality_markers.html",
        &ctx,
        &url,
        "the page /quality-markers/",
    ));
}
