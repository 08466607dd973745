//! Checks of the sector's templates: recommendations, findings, 7-minute briefings and
//! learning summaries.

use super::Hit;
use crate::content::{Document, Kind};
use crate::lint::scan::Scanned;

/// Words that say a heading or paragraph is about what went well.
const GOOD_PRACTICE: [&str; 7] = [
    "good practice",
    "went well",
    "strength",
    "positive",
    "what worked",
    "notable practice",
    "good work",
];

/// The headings of the regional learning-summary template (normalised), with the label shown in messages.
const LEARNING_SUMMARY_SECTIONS: &[(&[&str], &str)] = &[
    (
        &["learnt about the case", "learned about the case"],
        "What was learnt about the case",
    ),
    (
        &["learnt about the review", "learned about the review"],
        "What was learnt about the review and its method",
    ),
    (&["single agency"], "Key recommendations: single-agency"),
    (&["multi agency"], "Key recommendations: multi-agency"),
    (
        &["how changes will be made", "who does what"],
        "How changes will be made and who does what",
    ),
    (
        &[
            "impact will be audited",
            "audit of impact",
            "auditing impact",
            "impact audit",
        ],
        "How impact will be audited",
    ),
];

/// The section of the regional learning-summary template a heading opens (its label, e.g.
/// "How impact will be audited"), if any.
pub(crate) fn learning_summary_section(heading: &str) -> Option<&'static str> {
    let h = norm(heading);
    LEARNING_SUMMARY_SECTIONS
        .iter()
        .find(|(keys, _)| keys.iter().any(|k| h.contains(k)))
        .map(|(_, label)| *label)
}

pub(crate) fn check(doc: &Document, sc: &Scanned, hits: &mut Vec<Hit>) {
    match doc.kind {
        Kind::Review => {
            recommendations(doc, sc, hits);
            good_practice_first(doc, sc, hits);
        }
        Kind::Briefing => briefing(doc, sc, hits),
        Kind::LearningSummary => learning_summary(doc, sc, hits),
        Kind::Page => {}
    }
}

/// Normalise a heading: lower case, letters and digits, single spaces.
fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    out.trim_end().to_string()
}

/// Where the document's body starts (a place to hang document-wide findings), as a byte range.
fn title_span(doc: &Document) -> (usize, usize) {
    let src = &doc.source;
    if let Some(i) = src.find("\ntitle:") {
        let s = i + 1;
        let e = src[s..].find('\n').map(|n| s + n).unwrap_or(src.len());
        return (s, e);
    }
    let e = src.find('\n').unwrap_or(src.len()).max(1).min(src.len());
    (0, e)
}

fn recommendations(doc: &Document, _sc: &Scanned, hits: &mut Vec<Hit>) {
    let src = &doc.source;
    let (fm_first, fm_last) = doc.front_matter_lines;
    // Lines of the front-matter with `id:` items, in order.
    let mut id_lines: Vec<(usize, usize, String)> = Vec::new();
    let mut in_recs = false;
    let mut off = 0usize;
    for (i, line) in src.split_inclusive('\n').enumerate() {
        let ln = i + 1;
        let here = off;
        off += line.len();
        if ln > fm_last {
            // The body holds no recommendations: no need to split it into lines.
            break;
        }
        if ln < fm_first {
            continue;
        }
        let l = line.trim_end();
        if !l.starts_with(' ') && !l.starts_with('-') && !l.is_empty() {
            in_recs = l.starts_with("recommendations:");
            continue;
        }
        if in_recs {
            let t = l.trim_start().trim_start_matches("- ").trim_start();
            if let Some(v) = t.strip_prefix("id:") {
                let col = l.find("id:").unwrap_or(0);
                id_lines.push((
                    here + col,
                    here + l.len(),
                    v.trim().trim_matches(['"', '\'']).to_string(),
                ));
            }
        }
    }
    for (k, r) in doc.meta.recommendations.iter().enumerate() {
        // A recommendation the board decided not to implement has nothing left to track.
        if r.status == crate::content::RecommendationStatus::NotImplemented {
            continue;
        }
        let owner_missing = r.owner.as_deref().is_none_or(|o| o.trim().is_empty());
        let due_missing = r.due.is_none();
        if !owner_missing && !due_missing {
            continue;
        }
        let what = match (owner_missing, due_missing) {
            (true, true) => "owner or due month",
            (true, false) => "owner",
            _ => "due month",
        };
        let (s, e) = id_lines
            .iter()
            .find(|(_, _, id)| *id == r.id)
            .or(id_lines.get(k))
            .map(|(s, e, _)| (*s, *e))
            .unwrap_or_else(|| title_span(doc));
        hits.push(Hit::new(
            "review/recommendation-incomplete",
            s,
            e,
            format!(
                "recommendation {} has no {what}, so progress on it cannot be tracked",
                r.id
            ),
        ));
    }
}

fn good_practice_first(doc: &Document, sc: &Scanned, hits: &mut Vec<Hit>) {
    let src = &doc.source;
    let heads: Vec<(usize, usize, String, usize)> = sc
        .headings
        .iter()
        .map(|&(li, s, e)| {
            let level = src[sc.line_starts[li]..s].matches('#').count();
            (s, e, norm(&src[s..e]), level)
        })
        .collect();
    let Some(fi) = heads.iter().position(|h| {
        h.2.contains("findings") || h.2 == "what we found" || h.2.contains("analysis")
    }) else {
        return;
    };
    let (fs, fe, _, level) = &heads[fi];
    let positive = |s: &str| {
        let s = s.to_lowercase();
        GOOD_PRACTICE.iter().any(|w| s.contains(w))
    };
    // The first sub-heading under the findings, or else the first paragraph.
    let sub = heads.get(fi + 1).filter(|h| h.3 > *level);
    let opens_well = match sub {
        Some(h) => positive(&h.2),
        None => {
            let rest = &src[*fe..];
            let para = rest.trim_start().split("\n\n").next().unwrap_or("");
            positive(para)
        }
    };
    if !opens_well {
        hits.push(Hit::new(
            "review/good-practice-first",
            *fs,
            *fe,
            "the findings do not open with good practice; the sector's practice is to start with what went well",
        ));
    }
}

fn briefing(doc: &Document, sc: &Scanned, hits: &mut Vec<Hit>) {
    let (ts, te) = title_span(doc);
    let fit = super::print::estimate(&doc.title, doc.meta.summary.as_deref(), doc.body());
    if !fit.fits() {
        let limit = fit.word_limit();
        hits.push(Hit::new(
            "briefing/too-long",
            ts,
            te,
            format!(
                "this briefing would not print on one A4 page: it has {} words, and laid out as it is about {limit} fit; shorten it by about {} words",
                fit.words,
                fit.words.saturating_sub(limit).max(1)
            ),
        ));
    }
    let mut present = [false; 8];
    for &(_, s, e) in &sc.headings {
        let h = doc.source[s..e].trim();
        let digits: String = h.chars().take_while(|c| c.is_ascii_digit()).collect();
        if let Ok(n) = digits.parse::<usize>() {
            if (1..=7).contains(&n) {
                present[n] = true;
            }
        }
    }
    let missing: Vec<String> = (1..=7)
        .filter(|n| !present[*n])
        .map(|n| n.to_string())
        .collect();
    if !missing.is_empty() {
        let list = missing.join(", ");
        let s = if missing.len() == 1 { "" } else { "s" };
        hits.push(Hit::new(
            "briefing/missing-section",
            ts,
            te,
            format!("this 7-minute briefing has no numbered section{s} {list}: it needs seven numbered headings, 1. to 7."),
        ));
    }
}

fn learning_summary(doc: &Document, sc: &Scanned, hits: &mut Vec<Hit>) {
    let heads: Vec<String> = sc
        .headings
        .iter()
        .map(|&(_, s, e)| norm(&doc.source[s..e]))
        .collect();
    let (ts, te) = title_span(doc);
    for (keys, label) in LEARNING_SUMMARY_SECTIONS {
        let found = heads.iter().any(|h| keys.iter().any(|k| h.contains(k)));
        if !found {
            hits.push(Hit::new(
                "learning-summary/missing-section",
                ts,
                te,
                format!("the learning summary has no section \"{label}\""),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::norm;

    #[test]
    fn headings_normalise() {
        assert_eq!(
            norm("Key recommendations: Single-Agency"),
            "key recommendations single agency"
        );
        assert_eq!(norm("  7. What to do!"), "7 what to do");
    }
}
