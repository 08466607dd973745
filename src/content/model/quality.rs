//! The SAR Quality Markers a review summary may record.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerStatus {
    Met,
    Partly,
    NotMet,
    #[serde(rename = "n/a")]
    NotApplicable,
}

impl MarkerStatus {
    /// As written in front-matter and the learning index.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            MarkerStatus::Met => "met",
            MarkerStatus::Partly => "partly",
            MarkerStatus::NotMet => "not-met",
            MarkerStatus::NotApplicable => "n/a",
        }
    }
    /// Safe in a CSS class or URL.
    pub(crate) fn class(self) -> &'static str {
        match self {
            MarkerStatus::NotApplicable => "n-a",
            s => s.as_str(),
        }
    }
    pub(crate) fn label(self) -> &'static str {
        match self {
            MarkerStatus::Met => "Met",
            MarkerStatus::Partly => "Partly met",
            MarkerStatus::NotMet => "Not met",
            MarkerStatus::NotApplicable => "Not applicable",
        }
    }
}

/// The 15 SAR Quality Markers (2022 refresh), in order: (key, name). The keys are the only
/// ones `quality_markers:` accepts.
pub(crate) const QUALITY_MARKERS: [(&str, &str); 15] = [
    ("referral", "Referral"),
    ("decision-making", "Decision making"),
    (
        "informing-the-person",
        "Informing the person, family and network",
    ),
    ("clarity-of-purpose", "Clarity of purpose"),
    ("commissioning", "Commissioning"),
    ("governance", "Governance"),
    ("process-management", "Process management"),
    ("parallel-processes", "Parallel processes"),
    ("assembling-information", "Assembling information"),
    ("practitioners-involvement", "Practitioners' involvement"),
    (
        "involvement-of-the-person",
        "Involvement of the person, family and network",
    ),
    ("analysis", "Analysis"),
    ("the-report", "The report"),
    (
        "publication-and-dissemination",
        "Publication and dissemination",
    ),
    ("action-and-impact", "Action and impact"),
];

/// The slug of the Quality Marker an author's key names: the slug itself, or its label or slug
/// written in another case or with spaces ("Decision making", "decision_making").
pub(crate) fn quality_marker_slug(key: &str) -> Option<&'static str> {
    let norm: String = key
        .trim()
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    QUALITY_MARKERS
        .iter()
        .find(|(slug, label)| {
            *slug == norm
                || label
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect::<Vec<_>>()
                    .join("-")
                    == norm
        })
        .map(|(slug, _)| *slug)
}

/// The number (1–15) and name of the quality marker `key`.
pub(crate) fn quality_marker(key: &str) -> Option<(usize, &'static str)> {
    QUALITY_MARKERS
        .iter()
        .position(|(k, _)| *k == key)
        .map(|i| (i + 1, QUALITY_MARKERS[i].1))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QualityMarker {
    pub(crate) status: MarkerStatus,
    pub(crate) evidence: Option<String>,
}

/// The columns of a tally, in order: each status, then "not recorded".
pub(crate) const TALLY_COLUMNS: [&str; 5] = [
    "Met",
    "Partly met",
    "Not met",
    "Not applicable",
    "Not recorded",
];

/// How a set of reviews met one marker: how many met it, partly met it, did not, found it not
/// applicable, or did not record it (in the order of [`TALLY_COLUMNS`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct MarkerTally {
    /// 1 to 15.
    pub(crate) number: usize,
    pub(crate) key: &'static str,
    pub(crate) name: &'static str,
    pub(crate) counts: [usize; 5],
}

impl MarkerTally {
    /// Reviews that assessed the marker (met, partly or not met; not "not applicable").
    pub(crate) fn assessed(&self) -> usize {
        self.counts[..3].iter().sum()
    }
}

/// The fifteen markers across a set of reviews, and how many of the reviews record any marker
/// (the others are left out: a review that does not report on the markers is not a review
/// that failed them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Tally {
    pub(crate) reviews: usize,
    pub(crate) markers: Vec<MarkerTally>,
}

impl Tally {
    /// Sum over the fifteen markers, in the order of [`TALLY_COLUMNS`].
    pub(crate) fn totals(&self) -> [usize; 5] {
        let mut t = [0; 5];
        for m in &self.markers {
            for (a, b) in t.iter_mut().zip(m.counts) {
                *a += b;
            }
        }
        t
    }
}

fn column(s: MarkerStatus) -> usize {
    match s {
        MarkerStatus::Met => 0,
        MarkerStatus::Partly => 1,
        MarkerStatus::NotMet => 2,
        MarkerStatus::NotApplicable => 3,
    }
}

/// Tally `reviews`, each given as its markers' keys and statuses (keys outside the fifteen are
/// ignored; a review with none is left out).
pub(crate) fn tally<'a>(reviews: impl IntoIterator<Item = Vec<(&'a str, MarkerStatus)>>) -> Tally {
    let mut markers: Vec<MarkerTally> = QUALITY_MARKERS
        .iter()
        .enumerate()
        .map(|(i, (key, name))| MarkerTally {
            number: i + 1,
            key,
            name,
            counts: [0; 5],
        })
        .collect();
    let mut count = 0;
    for review in reviews {
        if review.is_empty() {
            continue;
        }
        count += 1;
        for m in markers.iter_mut() {
            let slot = review
                .iter()
                .find(|(k, _)| *k == m.key)
                .map_or(4, |(_, s)| column(*s));
            m.counts[slot] += 1;
        }
    }
    Tally {
        reviews: count,
        markers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_counts_each_marker_over_the_reviews_that_record_any() {
        let t = tally([
            vec![
                ("referral", MarkerStatus::Met),
                ("analysis", MarkerStatus::NotMet),
            ],
            vec![],
            vec![
                ("referral", MarkerStatus::Partly),
                ("governance", MarkerStatus::NotApplicable),
                ("not-a-marker", MarkerStatus::Met),
            ],
        ]);
        assert_eq!(t.reviews, 2);
        assert_eq!(t.markers[0].counts, [1, 1, 0, 0, 0]);
        assert_eq!(t.markers[0].assessed(), 2);
        assert_eq!(t.markers[5].key, "governance");
        assert_eq!(t.markers[5].counts, [0, 0, 0, 1, 1]);
        assert_eq!(t.markers[11].counts, [0, 0, 1, 0, 1]);
        assert_eq!(t.totals(), [1, 1, 1, 1, 26]);
    }
}
