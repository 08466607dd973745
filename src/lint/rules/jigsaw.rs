//! `pii/jigsaw-age-band`: the person's age band (`person.age_band`, published as a code), a
//! small place and a month and year, published together in one document. Each is safe on its
//! own, and the lint reads the codes as data; together they can point to one person in a small
//! community ("a woman aged 75 to 84 in Marram Sands, March 2023"), as the exact-age jigsaw
//! (`pii/jigsaw`) does. A warning: the board decides, and may leave out any one of the three.
//!
//! A small place is a town or village the lint knows or the site allows (`lint.allow`) named
//! after "in", "at", "from", "near" ... in the body: not a county, region or the board's own
//! area, nor a city big enough that a band and a month do not narrow it (the gazetteer's major
//! places). The month is the review's `incident` month, or a month and year in the body.

use super::pii::ages::{is_place, MONTH_YEAR, PLACE};
use super::Hit;
use crate::content::Document;
use crate::lint::names::{self, GAZETTEER};
use crate::lint::DocCtx;

/// The rule's id.
pub(crate) const ID: &str = "pii/jigsaw-age-band";

/// "Marram Sands" → "marram sands".
fn lower_words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Is `place` (a capitalised phrase after "in", "at", ...) a small town or village?
fn is_small_place(ctx: &DocCtx, place: &str) -> bool {
    let first = place.split([' ', '-']).next().unwrap_or("").to_lowercase();
    is_place(ctx, place)
        && GAZETTEER.class(&first) & names::MAJOR_PLACE == 0
        && !GAZETTEER.is_major_phrase(&lower_words(place))
}

/// The first small place named in the body, with its byte offset.
fn small_place<'t>(ctx: &'t DocCtx, doc: &Document) -> Option<&'t str> {
    let t = ctx.text;
    ctx.scanned
        .blocks
        .iter()
        .filter(|b| b.start >= doc.body_offset)
        .flat_map(|b| PLACE.captures_iter(&t[b.start..b.end]))
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str())
        .find(|p| is_small_place(ctx, p))
}

/// The month and year: the review's `incident`, else the first in the body.
fn month(ctx: &DocCtx, doc: &Document) -> Option<String> {
    if let Some(m) = doc.meta.incident {
        return Some(format!("incident: {}", m.human()));
    }
    let body = ctx.text.get(doc.body_offset..).unwrap_or("");
    MONTH_YEAR.find(body).map(|m| m.as_str().to_string())
}

/// Where the age band is written in the front-matter (its value), else the document's start.
fn band_at(doc: &Document) -> (usize, usize) {
    let fm = &doc.source[..doc.body_offset.min(doc.source.len())];
    match fm.find("age_band") {
        Some(k) => {
            let rest = &fm[k..];
            let line_end = rest.find('\n').unwrap_or(rest.len());
            let line = &rest[..line_end];
            let v = line
                .find(':')
                .map(|c| c + 1 + (line[c + 1..].len() - line[c + 1..].trim_start().len()))
                .unwrap_or(0);
            let end = line[v..]
                .find([',', '}', '#'])
                .map_or(line.len(), |e| v + e);
            (k + v, k + end.max(v + 1))
        }
        None => (0, 1),
    }
}

/// One warning per document that publishes all three.
pub(crate) fn check(doc: &Document, ctx: &DocCtx, hits: &mut Vec<Hit>) {
    // Messages never carry the flagged text (a log is itself a leak): the finding points at
    // the age band and says what it sits with.
    if doc
        .meta
        .person
        .as_ref()
        .and_then(|p| p.age_band.as_deref())
        .is_none()
    {
        return;
    }
    if small_place(ctx, doc).is_none() {
        return;
    }
    let Some(when) = month(ctx, doc) else { return };
    let (start, end) = band_at(doc);
    hits.push(Hit::new(
        ID,
        start,
        end,
        format!(
            "the person's age band, a small place named in the text and a month and year ({}) are published together: with all three, someone in a small community could work out who the review is about",
            if when.starts_with("incident") { "the incident month" } else { "in the text" }
        ),
    ));
}
