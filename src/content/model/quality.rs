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
    #[serde(default)]
    pub(crate) evidence: Option<String>,
}
