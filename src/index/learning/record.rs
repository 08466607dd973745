//! The records of a learning index (version 2), as written and read.

use crate::content::{
    Impact, Kind, MarkerStatus, MonthYear, Recommendation, RecommendationStatus, Scope,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A whole learning index: one board's (from `learnsite build`) or a region's (from `learnsite collate`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearningIndex {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Format version, [`VERSION`].
    pub version: u32,
    /// Title of the site that wrote the index.
    pub site_title: String,
    /// Absolute URL of that site (ends in `/`).
    pub base_url: Option<String>,
    /// The board that publishes the site; `null` in a collated (regional) index, whose
    /// records keep their own boards.
    pub board: Option<String>,
    pub region: Option<String>,
    /// Build date, `YYYY-MM-DD`.
    pub built: String,
    /// `learnsite <version>`.
    pub generator: String,
    /// In a collated index: the indexes it was made from. Empty in a board's own index.
    #[serde(default)]
    pub sources: Vec<Source>,
    pub records: Vec<Record>,
    /// Reviews still being carried out (version 2): listed without their content.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ongoing: Vec<OngoingReview>,
}

/// A review still being carried out: what a public listing may say of it. Every field may be
/// missing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OngoingReview {
    pub board: Option<String>,
    pub reference: Option<String>,
    pub review_type: Option<String>,
    pub review_type_label: Option<String>,
    /// Month the review was commissioned, `YYYY-MM`.
    pub commissioned: Option<String>,
    pub themes: Vec<String>,
    pub theme_labels: Vec<String>,
    /// In a collated index: the build date of the board index it came from.
    pub built: Option<String>,
}

/// One index that went into a collated index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub site_title: String,
    pub base_url: Option<String>,
    pub board: Option<String>,
    pub region: Option<String>,
    pub built: String,
    /// Records read from it (before duplicates were merged).
    pub records: usize,
}

/// One published document. A field that is missing is read as empty; [`Record::validate`]
/// says which a record must have (`kind`, `title`, `url`, `slug`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    /// `review`, `briefing` or `learning-summary`.
    pub kind: String,
    pub title: String,
    /// Absolute URL of the document's page on the board's own site.
    pub url: String,
    pub slug: String,
    pub board: Option<String>,
    pub region: Option<String>,
    /// Review type slug (e.g. `sar`) and its label.
    pub review_type: Option<String>,
    pub review_type_label: Option<String>,
    /// Methodology slugs and their labels (same order and length).
    pub methodology: Vec<String>,
    pub methodology_labels: Vec<String>,
    /// Theme slugs and their labels (same order and length).
    pub themes: Vec<String>,
    pub theme_labels: Vec<String>,
    /// Care Act abuse type slugs.
    pub abuse_types: Vec<String>,
    /// Month of the incident, `YYYY-MM`.
    pub incident: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Month the review was completed, `YYYY-MM`.
    pub completed: Option<String>,
    /// The board's reference, e.g. `NW-2023-014`.
    pub reference: Option<String>,
    pub summary: Option<String>,
    /// On a briefing or learning summary: the slug of the review it belongs to.
    pub review: Option<String>,
    pub recommendations: Vec<RecordRecommendation>,
    /// In a collated index: the build date of the board index this record came from
    /// (used when the index is collated again, newer wins). `null` in a board's own index.
    pub built: Option<String>,
    // Version 2, left out when they have nothing to say.
    /// Month the review was commissioned, `YYYY-MM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commissioned: Option<String>,
    /// The SAR Quality Markers, by key.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub quality_markers: BTreeMap<String, RecordMarker>,
    /// How the board will know the learning made a difference.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub impact: Option<RecordImpact>,
    /// The person's codes, as vocabulary slugs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<RecordPerson>,
    /// A learning summary's sections as plain text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learning: Option<LearningSections>,
    /// The agreed pseudonym the sector's lists show the record under ("Adult D"): the first of
    /// the document's `pseudonyms`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pseudonym: Option<String>,
    /// On a briefing: how many teams have discussed it, from the board's feedback files (never
    /// the teams' names).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feedback: Option<RecordFeedback>,
}

/// A briefing's uptake, as the learning index carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordFeedback {
    /// Distinct teams that discussed the briefing.
    pub teams: usize,
    /// Feedback files (returned action sheets) recorded.
    pub returns: usize,
    /// Month of the first discussion, `YYYY-MM`.
    pub since: String,
    /// How many rated its usefulness, and their mean (1 to 5, one decimal place).
    #[serde(default)]
    pub ratings: usize,
    pub rating: Option<f64>,
}

impl From<&crate::content::feedback::Uptake> for RecordFeedback {
    fn from(u: &crate::content::feedback::Uptake) -> RecordFeedback {
        RecordFeedback {
            teams: u.teams,
            returns: u.returns,
            since: u.since.iso(),
            ratings: u.ratings,
            rating: u.rating,
        }
    }
}

/// A quality marker's status and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordMarker {
    pub status: MarkerStatus,
    pub evidence: Option<String>,
}

/// Impact, with `revisit` as `YYYY-MM` text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordImpact {
    pub measure: String,
    pub revisit: Option<String>,
    pub outcome: Option<String>,
    pub evidence: Option<String>,
}

impl RecordImpact {
    /// Has the revisit month passed on `today` without an outcome (the model's rule)?
    pub(crate) fn is_due(&self, today: NaiveDate) -> bool {
        self.to_model().is_due(today)
    }
    fn to_model(&self) -> Impact {
        Impact {
            measure: self.measure.clone(),
            revisit: self
                .revisit
                .as_deref()
                .and_then(|r| MonthYear::parse(r).ok()),
            outcome: self.outcome.clone(),
            evidence: self.evidence.clone(),
        }
    }
}

impl From<&Impact> for RecordImpact {
    fn from(i: &Impact) -> RecordImpact {
        RecordImpact {
            measure: i.measure.clone(),
            revisit: i.revisit.map(|r| r.iso()),
            outcome: i.outcome.clone(),
            evidence: i.evidence.clone(),
        }
    }
}

/// The person's codes: slugs, each with its label.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordPerson {
    pub age_band: Option<String>,
    pub sex: Option<String>,
    pub ethnicity: Option<String>,
    pub disability: Vec<String>,
    pub care_and_support_needs: Vec<String>,
    pub relationship_to_perpetrator: Option<String>,
    /// Label of each slug above, by slug (so a region shows its boards' own labels).
    pub labels: BTreeMap<String, String>,
}

/// The sections of the regional learning-summary template a region reads side by side, as
/// plain text (`null` when the summary has no such section).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LearningSections {
    /// What was learnt about the case.
    pub case: Option<String>,
    /// What was learnt about the review and its method.
    pub method: Option<String>,
    /// How impact will be audited.
    pub impact_audit: Option<String>,
}

/// A review's recommendation, as the learning index writes it: the fields of the content
/// model's [`Recommendation`], with months as `YYYY-MM` text, and fields this version does not
/// know ignored when read (the versioning rule above). Overdue is the model's one rule. A
/// field that is missing is read as empty; [`Record::validate`] asks for `id` and `text`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordRecommendation {
    pub id: String,
    pub text: String,
    pub owner: Option<String>,
    /// Due month, `YYYY-MM`.
    pub due: Option<String>,
    pub status: RecommendationStatus,
    pub evidence: Option<String>,
    // Version 2. Left out when they have nothing to say, so that the many recommendations
    // without them do not grow every index.
    /// The agencies that carry it out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agency: Vec<String>,
    /// The revised due month, `YYYY-MM`; overdue counts from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revised_due: Option<String>,
    /// Why it is not implemented.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The dated history of progress.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<RecordUpdate>,
    /// `single-agency` or `multi-agency`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Theme slugs of the recommendation itself.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
}

/// One dated update of a recommendation (`date` is `YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordUpdate {
    pub date: String,
    pub text: String,
}

impl RecordRecommendation {
    /// The month overdue counts from: the revised due month when there is one; a month that
    /// is not `YYYY-MM` counts as none.
    pub(crate) fn effective_due(&self) -> Option<MonthYear> {
        let m = |s: &Option<String>| s.as_deref().and_then(|d| MonthYear::parse(d).ok());
        m(&self.revised_due).or(m(&self.due))
    }
    /// Overdue on `today`: the model's rule ([`crate::content::is_overdue`]).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        crate::content::is_overdue(self.effective_due(), self.status, today)
    }
}

impl From<&Recommendation> for RecordRecommendation {
    fn from(r: &Recommendation) -> RecordRecommendation {
        RecordRecommendation {
            id: r.id.clone(),
            text: r.text.clone(),
            owner: r.owner.clone(),
            due: r.due.map(|d| d.iso()),
            status: r.status,
            evidence: r.evidence.clone(),
            agency: r.agency.clone(),
            revised_due: r.revised_due.map(|d| d.iso()),
            reason: r.reason.clone(),
            updates: r
                .updates
                .iter()
                .map(|u| RecordUpdate {
                    date: u.date.iso(),
                    text: u.text.clone(),
                })
                .collect(),
            scope: r.scope,
            themes: r.themes.clone(),
        }
    }
}

/// The kinds a record may have, as written in `kind`.
pub(crate) const RECORD_KINDS: [&str; 3] = ["review", "briefing", "learning-summary"];

impl Record {
    /// Human label of the record's kind ("Review summary", ...).
    pub(crate) fn kind_label(&self) -> &'static str {
        match self.kind.as_str() {
            "review" => Kind::Review.label(),
            "briefing" => Kind::Briefing.label(),
            "learning-summary" => Kind::LearningSummary.label(),
            _ => "Document",
        }
    }

    /// Year the record belongs to in listings: published, else completed, else incident.
    pub(crate) fn year(&self) -> Option<i32> {
        let from_prefix = |s: &Option<String>| {
            s.as_deref()
                .and_then(|s| s.get(..4))
                .and_then(|y| y.parse().ok())
        };
        from_prefix(&self.published).or_else(|| from_prefix(&self.completed))
    }

    /// Publication date, if any.
    pub(crate) fn published_date(&self) -> Option<NaiveDate> {
        self.published
            .as_deref()
            .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
    }
}
