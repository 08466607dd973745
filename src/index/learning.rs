//! The regional learning index export: `learning-index.json`, `learning-index.csv` and
//! `learning-index-recommendations.csv` (issue 6).
//!
//! One [`Record`] per visible review summary, briefing and learning summary, with the
//! metadata a regional group compares across boards and, for reviews, every recommendation.
//! The JSON form is versioned ([`SCHEMA`], [`VERSION`]), described by
//! `schema/learning-index.schema.json` and documented in `docs/learning-index.md`.
//! `learnsite collate` ([`crate::collate`]) reads these files back with [`parse_index`].
//!
//! Versioning rule: within one `version`, fields may be added (readers ignore fields they do not
//! know) but never removed, renamed or given another meaning; anything else bumps `version`.
//!
//! Version 2 (issue 11) adds the `not-implemented` status (with its `reason`) and the rest of
//! a tracked action (`agency`, `revised_due`, `updates`, `scope`, `themes`), quality markers,
//! impact, the person's codes, learning-summary sections, `commissioned`, and the ongoing
//! reviews. Every version-1 index is a valid version-2 index without those, so one reader
//! reads both ([`READS`]).

mod sections;

use crate::config::Config;
use crate::content::{
    Document, Impact, Kind, MarkerStatus, MonthYear, Recommendation, RecommendationStatus, Scope,
};
use crate::vocab::{Vocab, Vocabularies};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Value of the `schema` field of every learning index.
pub const SCHEMA: &str = "learnsite-learning-index";
/// The version of the index format this build writes.
pub const VERSION: u32 = 2;
/// The versions this build reads (`collate` takes indexes of any of them).
pub(crate) const READS: [u32; 2] = [1, 2];
/// File names the build and `collate` write at the output root.
pub const JSON_FILE: &str = "learning-index.json";
pub(crate) const CSV_FILE: &str = "learning-index.csv";
pub(crate) const RECOMMENDATIONS_CSV_FILE: &str = "learning-index-recommendations.csv";

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
    #[serde(default)]
    pub base_url: Option<String>,
    /// The board that publishes the site; `null` in a collated (regional) index, whose
    /// records keep their own boards.
    #[serde(default)]
    pub board: Option<String>,
    #[serde(default)]
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

/// A review still being carried out: what a public listing may say of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OngoingReview {
    #[serde(default)]
    pub board: Option<String>,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub review_type: Option<String>,
    #[serde(default)]
    pub review_type_label: Option<String>,
    /// Month the review was commissioned, `YYYY-MM`.
    #[serde(default)]
    pub commissioned: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub theme_labels: Vec<String>,
    /// In a collated index: the build date of the board index it came from.
    #[serde(default)]
    pub built: Option<String>,
}

/// One index that went into a collated index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub site_title: String,
    #[serde(default)]
    pub base_url: Option<String>,
    #[serde(default)]
    pub board: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    pub built: String,
    /// Records read from it (before duplicates were merged).
    pub records: usize,
}

/// One published document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// `review`, `briefing` or `learning-summary`.
    pub kind: String,
    pub title: String,
    /// Absolute URL of the document's page on the board's own site.
    pub url: String,
    pub slug: String,
    #[serde(default)]
    pub board: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    /// Review type slug (e.g. `sar`) and its label.
    #[serde(default)]
    pub review_type: Option<String>,
    #[serde(default)]
    pub review_type_label: Option<String>,
    /// Methodology slugs and their labels (same order and length).
    #[serde(default)]
    pub methodology: Vec<String>,
    #[serde(default)]
    pub methodology_labels: Vec<String>,
    /// Theme slugs and their labels (same order and length).
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub theme_labels: Vec<String>,
    /// Care Act abuse type slugs.
    #[serde(default)]
    pub abuse_types: Vec<String>,
    /// Month of the incident, `YYYY-MM`.
    #[serde(default)]
    pub incident: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
    /// Month the review was completed, `YYYY-MM`.
    #[serde(default)]
    pub completed: Option<String>,
    /// The board's reference, e.g. `NW-2023-014`.
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub summary: Option<String>,
    /// On a briefing or learning summary: the slug of the review it belongs to.
    #[serde(default)]
    pub review: Option<String>,
    #[serde(default)]
    pub recommendations: Vec<RecordRecommendation>,
    /// In a collated index: the build date of the board index this record came from
    /// (used when the index is collated again, newer wins). `null` in a board's own index.
    #[serde(default)]
    pub built: Option<String>,
    // Version 2, left out when they have nothing to say.
    /// Month the review was commissioned, `YYYY-MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commissioned: Option<String>,
    /// The SAR Quality Markers, by key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub quality_markers: BTreeMap<String, RecordMarker>,
    /// How the board will know the learning made a difference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<RecordImpact>,
    /// The person's codes, as vocabulary slugs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<RecordPerson>,
    /// A learning summary's sections as plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learning: Option<LearningSections>,
    /// The agreed pseudonym the sector's lists show the record under ("Adult D"): the first of
    /// the document's `pseudonyms`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pseudonym: Option<String>,
    /// On a briefing: how many teams have discussed it, from the board's feedback files (never
    /// the teams' names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
    #[serde(default)]
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
    #[serde(default)]
    pub evidence: Option<String>,
}

/// Impact, with `revisit` as `YYYY-MM` text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordImpact {
    pub measure: String,
    #[serde(default)]
    pub revisit: Option<String>,
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub evidence: Option<String>,
}

impl RecordImpact {
    #[cfg(test)]
    /// Has the revisit month passed on `today` without an outcome (the model's rule)?
    pub(crate) fn is_due(&self, today: NaiveDate) -> bool {
        self.to_model().is_due(today)
    }
    #[cfg(test)]
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
pub struct RecordPerson {
    #[serde(default)]
    pub age_band: Option<String>,
    #[serde(default)]
    pub sex: Option<String>,
    #[serde(default)]
    pub ethnicity: Option<String>,
    #[serde(default)]
    pub disability: Vec<String>,
    #[serde(default)]
    pub care_and_support_needs: Vec<String>,
    #[serde(default)]
    pub relationship_to_perpetrator: Option<String>,
    /// Label of each slug above, by slug (so a region shows its boards' own labels).
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
}

/// The sections of the regional learning-summary template a region reads side by side, as
/// plain text (`null` when the summary has no such section).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LearningSections {
    /// What was learnt about the case.
    #[serde(default)]
    pub case: Option<String>,
    /// What was learnt about the review and its method.
    #[serde(default)]
    pub method: Option<String>,
    /// How impact will be audited.
    #[serde(default)]
    pub impact_audit: Option<String>,
}

/// A review's recommendation, as the learning index writes it: the fields of the content
/// model's [`Recommendation`], with months as `YYYY-MM` text, and fields this version does not
/// know ignored when read (the versioning rule above). Overdue is the model's one rule.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordRecommendation {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub owner: Option<String>,
    /// Due month, `YYYY-MM`.
    #[serde(default)]
    pub due: Option<String>,
    #[serde(default)]
    pub status: RecommendationStatus,
    #[serde(default)]
    pub evidence: Option<String>,
    // Version 2. Left out when they have nothing to say, so that the many recommendations
    // without them do not grow every index.
    /// The agencies that carry it out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agency: Vec<String>,
    /// The revised due month, `YYYY-MM`; overdue counts from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised_due: Option<String>,
    /// Why it is not implemented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The dated history of progress.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub updates: Vec<RecordUpdate>,
    /// `single-agency` or `multi-agency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Theme slugs of the recommendation itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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

    /// Check the record's fields: kinds, dates and months, absolute URL, recommendations.
    pub(crate) fn validate(&self) -> Result<(), String> {
        if !RECORD_KINDS.contains(&self.kind.as_str()) {
            return Err(format!(
                "`kind` is `{}`: it must be one of review, briefing, learning-summary",
                self.kind
            ));
        }
        if self.title.trim().is_empty() {
            return Err("`title` is empty".into());
        }
        if self.slug.trim().is_empty() {
            return Err("`slug` is empty".into());
        }
        if !(self.url.starts_with("https://") || self.url.starts_with("http://")) {
            return Err(format!(
                "`url` is `{}`: it must be an absolute http(s) URL",
                self.url
            ));
        }
        check_date("published", &self.published)?;
        check_date("built", &self.built)?;
        check_month("incident", &self.incident)?;
        check_month("completed", &self.completed)?;
        check_month("commissioned", &self.commissioned)?;
        if let Some(i) = &self.impact {
            check_month("impact.revisit", &i.revisit)?;
            if i.measure.trim().is_empty() {
                return Err("`impact.measure` is empty".into());
            }
        }
        if !self.theme_labels.is_empty() && self.theme_labels.len() != self.themes.len() {
            return Err(format!(
                "`theme_labels` has {} entries but `themes` has {}: give one label per theme",
                self.theme_labels.len(),
                self.themes.len()
            ));
        }
        if !self.methodology_labels.is_empty()
            && self.methodology_labels.len() != self.methodology.len()
        {
            return Err(format!(
                "`methodology_labels` has {} entries but `methodology` has {}: give one label per methodology",
                self.methodology_labels.len(),
                self.methodology.len()
            ));
        }
        if let Some(t) = self.themes.iter().find(|t| t.trim().is_empty()) {
            return Err(format!("`themes` has an empty entry `{t}`"));
        }
        for (i, r) in self.recommendations.iter().enumerate() {
            let which = if r.id.trim().is_empty() {
                format!("recommendation {}", i + 1)
            } else {
                format!("recommendation `{}`", r.id)
            };
            if r.id.trim().is_empty() {
                return Err(format!("{which} has an empty `id`"));
            }
            if r.text.trim().is_empty() {
                return Err(format!("{which} has an empty `text`"));
            }
            check_month("due", &r.due).map_err(|e| format!("{which}: {e}"))?;
            check_month("revised_due", &r.revised_due).map_err(|e| format!("{which}: {e}"))?;
            if r.status == RecommendationStatus::NotImplemented
                && r.reason.as_deref().is_none_or(|x| x.trim().is_empty())
            {
                return Err(format!("{which} is not implemented but gives no `reason`"));
            }
            for u in &r.updates {
                check_date("date", &Some(u.date.clone()))
                    .map_err(|e| format!("{which}: an update's {e}"))?;
            }
        }
        Ok(())
    }
}

fn check_date(field: &str, v: &Option<String>) -> Result<(), String> {
    match v {
        Some(s) if NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err() || s.len() != 10 => Err(
            format!("`{field}` is `{s}`: it must be a date written YYYY-MM-DD"),
        ),
        _ => Ok(()),
    }
}

fn check_month(field: &str, v: &Option<String>) -> Result<(), String> {
    match v {
        Some(s) => MonthYear::parse(s)
            .map(|_| ())
            .map_err(|_| format!("`{field}` is `{s}`: it must be a month written YYYY-MM")),
        None => Ok(()),
    }
}

fn label_of(v: &Vocab, slug: &str) -> String {
    v.by_slug(slug)
        .map(|t| t.label.clone())
        .unwrap_or_else(|| slug.to_string())
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// One record for a document (pages have none).
pub(crate) fn record_for(config: &Config, vocab: &Vocabularies, doc: &Document) -> Option<Record> {
    if doc.kind == Kind::Page {
        return None;
    }
    let m = &doc.meta;
    Some(Record {
        kind: doc.kind.as_str().to_string(),
        title: doc.title.clone(),
        url: config.absolute_url(&doc.url),
        slug: doc.slug.clone(),
        board: non_empty(doc.board(config)),
        region: non_empty(doc.region(config)),
        review_type: m.review_type.clone(),
        review_type_label: m
            .review_type
            .as_deref()
            .map(|s| label_of(&vocab.review_types, s)),
        methodology: m.methodology.clone(),
        methodology_labels: m
            .methodology
            .iter()
            .map(|s| label_of(&vocab.methodologies, s))
            .collect(),
        themes: m.themes.clone(),
        theme_labels: m
            .themes
            .iter()
            .map(|s| label_of(&vocab.themes, s))
            .collect(),
        abuse_types: m.abuse_types.clone(),
        incident: m.incident.map(|i| i.iso()),
        published: m.published.map(|d| d.iso()),
        completed: m.completed.map(|c| c.iso()),
        reference: non_empty(m.reference.as_deref()),
        summary: non_empty(m.summary.as_deref()),
        review: non_empty(m.review.as_deref()),
        recommendations: m.recommendations.iter().map(Into::into).collect(),
        built: None,
        commissioned: m.commissioned.map(|c| c.iso()),
        quality_markers: m
            .quality_markers
            .iter()
            .map(|(k, q)| {
                (
                    k.clone(),
                    RecordMarker {
                        status: q.status,
                        evidence: q.evidence.clone(),
                    },
                )
            })
            .collect(),
        impact: m.impact.as_ref().map(Into::into),
        person: m
            .person
            .as_ref()
            .filter(|p| !p.is_empty())
            .map(|p| record_person(vocab, p)),
        learning: (doc.kind == Kind::LearningSummary)
            .then(|| sections::learning_sections(doc.body()))
            .filter(|l| *l != LearningSections::default()),
        pseudonym: m
            .pseudonyms
            .first()
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty()),
        feedback: None,
    })
}

fn record_person(vocab: &Vocabularies, p: &crate::content::Person) -> RecordPerson {
    RecordPerson {
        age_band: p.age_band.clone(),
        sex: p.sex.clone(),
        ethnicity: p.ethnicity.clone(),
        disability: p.disability.clone(),
        care_and_support_needs: p.care_and_support_needs.clone(),
        relationship_to_perpetrator: p.relationship_to_perpetrator.clone(),
        labels: p
            .codes()
            .into_iter()
            .flat_map(|(k, v)| v.into_iter().map(move |s| (k, s)))
            .map(|(k, s)| (s.to_string(), vocab.label(k, s)))
            .collect(),
    }
}

/// What a listing may say of an ongoing review (no title, summary or body).
pub(crate) fn ongoing_for(config: &Config, vocab: &Vocabularies, doc: &Document) -> OngoingReview {
    let m = &doc.meta;
    OngoingReview {
        board: non_empty(doc.board(config)),
        reference: non_empty(m.reference.as_deref()),
        review_type: m.review_type.clone(),
        review_type_label: m
            .review_type
            .as_deref()
            .map(|s| label_of(&vocab.review_types, s)),
        commissioned: m.commissioned.map(|c| c.iso()),
        themes: m.themes.clone(),
        theme_labels: m
            .themes
            .iter()
            .map(|s| label_of(&vocab.themes, s))
            .collect(),
        built: None,
    }
}

fn kind_rank(kind: &str) -> usize {
    RECORD_KINDS
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(RECORD_KINDS.len())
}

/// Sort records: by kind, newest first, then slug; stable across builds.
pub(crate) fn sort_records(records: &mut [Record]) {
    records.sort_by(|a, b| {
        kind_rank(&a.kind)
            .cmp(&kind_rank(&b.kind))
            .then_with(|| b.published.cmp(&a.published))
            .then_with(|| a.slug.cmp(&b.slug))
    });
}

/// The generator string written into every index.
pub fn generator() -> String {
    format!("learnsite {}", env!("CARGO_PKG_VERSION"))
}

/// The learning index of a board's build. `docs` are the documents visible to the build's
/// audience; pages are skipped; `ongoing` are the ongoing reviews it lists without their
/// content. `today` is the build date.
pub fn build_learning_index(
    config: &Config,
    vocab: &Vocabularies,
    docs: &[&Document],
    ongoing: &[&Document],
    today: NaiveDate,
) -> LearningIndex {
    let mut records: Vec<Record> = docs
        .iter()
        .filter_map(|d| record_for(config, vocab, d))
        .collect();
    sort_records(&mut records);
    LearningIndex {
        schema: SCHEMA.to_string(),
        version: VERSION,
        site_title: config.title.clone(),
        base_url: Some(config.base_url.clone()),
        board: non_empty(config.board.as_deref()),
        region: non_empty(config.region.as_deref()),
        built: today.format("%Y-%m-%d").to_string(),
        generator: generator(),
        sources: Vec::new(),
        records,
        ongoing: ongoing
            .iter()
            .map(|d| ongoing_for(config, vocab, d))
            .collect(),
    }
}

/// The index as pretty-printed JSON, ending in a newline.
pub fn to_json(index: &LearningIndex) -> String {
    let mut s = serde_json::to_string_pretty(index).expect("a learning index always serialises");
    s.push('\n');
    s
}

/// The index as compact JSON (no indentation), ending in a newline: for large (collated) indexes.
pub(crate) fn to_json_compact(index: &LearningIndex) -> String {
    let mut s = serde_json::to_string(index).expect("a learning index always serialises");
    s.push('\n');
    s
}

/// Why an index could not be read. `record` is 0-based.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IndexError {
    #[error("is not valid JSON (line {line}, column {column}): {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("is not a learnsite learning index: {0}")]
    NotAnIndex(String),
    #[error("has schema `{found}`, not `{SCHEMA}`: it is not a learnsite learning index")]
    UnknownSchema { found: String },
    #[error("is version {found} of the learning index format; this learnsite reads versions 1 and {VERSION} (upgrade learnsite, or rebuild that board's site with this version)")]
    UnknownVersion { found: String },
    #[error("{}", describe_record(*index, slug, message))]
    InvalidRecord {
        index: usize,
        slug: Option<String>,
        message: String,
    },
}

fn describe_record(index: usize, slug: &Option<String>, message: &str) -> String {
    match slug {
        Some(s) => format!("record {} (slug `{s}`) is invalid: {message}", index + 1),
        None => format!("record {} is invalid: {message}", index + 1),
    }
}

/// Read and check a learning index: schema and version first, then every record.
/// Record numbers in errors count from 1 (`IndexError::InvalidRecord::index` is 0-based).
pub fn parse_index(text: &str) -> Result<LearningIndex, IndexError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Fast path: the whole file straight into the typed index, then each record checked.
    // Only when that fails is the file read again, record by record, to say which one is wrong.
    #[derive(Deserialize)]
    struct Header {
        schema: Option<serde_json::Value>,
        version: Option<serde_json::Value>,
    }
    let header: Header = match serde_json::from_str(text) {
        Ok(h) => h,
        Err(e) if e.is_data() => return parse_index_slowly(text),
        Err(e) => {
            return Err(IndexError::Json {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })
        }
    };
    if header.schema.as_ref().and_then(|s| s.as_str()) == Some(SCHEMA)
        && header
            .version
            .as_ref()
            .and_then(|v| v.as_u64())
            .is_some_and(|v| READS.iter().any(|&r| r as u64 == v))
    {
        if let Ok(index) = serde_json::from_str::<LearningIndex>(text) {
            check_index(&index)?;
            return Ok(index);
        }
    }
    parse_index_slowly(text)
}

fn check_index(index: &LearningIndex) -> Result<(), IndexError> {
    if NaiveDate::parse_from_str(&index.built, "%Y-%m-%d").is_err() {
        return Err(IndexError::NotAnIndex(format!(
            "`built` is `{}`: it must be a date written YYYY-MM-DD",
            index.built
        )));
    }
    for (i, rec) in index.records.iter().enumerate() {
        rec.validate()
            .map_err(|message| IndexError::InvalidRecord {
                index: i,
                slug: Some(rec.slug.clone()),
                message,
            })?;
    }
    Ok(())
}

fn parse_index_slowly(text: &str) -> Result<LearningIndex, IndexError> {
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| IndexError::Json {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
    let obj = value
        .as_object_mut()
        .ok_or_else(|| IndexError::NotAnIndex("the file is not a JSON object".into()))?;
    match obj.get("schema") {
        Some(serde_json::Value::String(s)) if s == SCHEMA => {}
        Some(serde_json::Value::String(s)) => {
            return Err(IndexError::UnknownSchema { found: s.clone() })
        }
        Some(other) => {
            return Err(IndexError::UnknownSchema {
                found: other.to_string(),
            })
        }
        None => return Err(IndexError::NotAnIndex("it has no `schema` field".into())),
    }
    match obj.get("version") {
        Some(v)
            if v.as_u64()
                .is_some_and(|v| READS.iter().any(|&r| r as u64 == v)) => {}
        Some(v) => {
            return Err(IndexError::UnknownVersion {
                found: v.to_string(),
            })
        }
        None => return Err(IndexError::NotAnIndex("it has no `version` field".into())),
    }
    let records = match obj.remove("records") {
        Some(serde_json::Value::Array(a)) => a,
        Some(_) => return Err(IndexError::NotAnIndex("`records` is not a list".into())),
        None => return Err(IndexError::NotAnIndex("it has no `records` field".into())),
    };
    obj.insert("records".into(), serde_json::Value::Array(Vec::new()));
    let mut index: LearningIndex =
        serde_json::from_value(value).map_err(|e| IndexError::NotAnIndex(e.to_string()))?;
    if NaiveDate::parse_from_str(&index.built, "%Y-%m-%d").is_err() {
        return Err(IndexError::NotAnIndex(format!(
            "`built` is `{}`: it must be a date written YYYY-MM-DD",
            index.built
        )));
    }
    index.records.reserve(records.len());
    for (i, raw) in records.into_iter().enumerate() {
        let slug = raw.get("slug").and_then(|s| s.as_str()).map(str::to_string);
        let rec: Record = serde_json::from_value(raw).map_err(|e| IndexError::InvalidRecord {
            index: i,
            slug: slug.clone(),
            message: e.to_string(),
        })?;
        rec.validate()
            .map_err(|message| IndexError::InvalidRecord {
                index: i,
                slug: slug.clone(),
                message,
            })?;
        index.records.push(rec);
    }
    Ok(index)
}

/// A text cell for a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or carriage return would make
/// spreadsheet programs read the cell as a formula, so such text gets a leading `'`.
pub(crate) fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(cell).unwrap_or_default()
}

fn list(v: &[String]) -> String {
    cell(&v.join("; "))
}

pub(crate) fn csv_bytes(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(header).expect("writing to memory");
        for row in rows {
            w.write_record(&row).expect("writing to memory");
        }
        w.flush().expect("writing to memory");
    }
    out
}

fn built_date(index: &LearningIndex, rec: &Record) -> Option<NaiveDate> {
    rec.built
        .as_deref()
        .unwrap_or(&index.built)
        .parse::<NaiveDate>()
        .ok()
}

/// Column names of [`to_csv`].
pub(crate) const CSV_COLUMNS: &[&str] = &[
    "kind",
    "title",
    "url",
    "slug",
    "board",
    "region",
    "review_type",
    "review_type_label",
    "methodology",
    "methodology_labels",
    "themes",
    "theme_labels",
    "abuse_types",
    "incident",
    "published",
    "completed",
    "reference",
    "summary",
    "review",
    "recommendations",
    "recommendations_open",
    "recommendations_overdue",
    "built",
];

/// The index as CSV: UTF-8 with a byte-order mark (so spreadsheets read it as UTF-8), one row per
/// document, lists joined with `"; "`, recommendation counts (overdue as of the build date).
pub(crate) fn to_csv(index: &LearningIndex) -> Vec<u8> {
    csv_bytes(
        CSV_COLUMNS,
        index.records.iter().map(|r| {
            let today = built_date(index, r);
            let open = r
                .recommendations
                .iter()
                .filter(|x| x.status.is_open())
                .count();
            let overdue = today
                .map(|t| r.recommendations.iter().filter(|x| x.is_overdue(t)).count())
                .unwrap_or(0);
            vec![
                r.kind.clone(),
                cell(&r.title),
                r.url.clone(),
                r.slug.clone(),
                opt(&r.board),
                opt(&r.region),
                opt(&r.review_type),
                opt(&r.review_type_label),
                list(&r.methodology),
                list(&r.methodology_labels),
                list(&r.themes),
                list(&r.theme_labels),
                list(&r.abuse_types),
                opt(&r.incident),
                opt(&r.published),
                opt(&r.completed),
                opt(&r.reference),
                opt(&r.summary),
                opt(&r.review),
                r.recommendations.len().to_string(),
                open.to_string(),
                overdue.to_string(),
                r.built.clone().unwrap_or_else(|| index.built.clone()),
            ]
        }),
    )
}

/// Column names of [`recommendations_csv`].
pub(crate) const RECOMMENDATION_CSV_COLUMNS: &[&str] = &[
    "board",
    "reference",
    "review_title",
    "review_url",
    "review_slug",
    "themes",
    "id",
    "text",
    "owner",
    "due",
    "status",
    "overdue",
    "evidence",
    "built",
];

/// One row per recommendation (UTF-8 with BOM). `overdue` is `yes` when, on the build date,
/// the due month had passed and the recommendation was not complete.
pub(crate) fn recommendations_csv(index: &LearningIndex) -> Vec<u8> {
    csv_bytes(
        RECOMMENDATION_CSV_COLUMNS,
        index.records.iter().flat_map(|r| {
            let today = built_date(index, r);
            r.recommendations.iter().map(move |x| {
                vec![
                    opt(&r.board),
                    opt(&r.reference),
                    cell(&r.title),
                    r.url.clone(),
                    r.slug.clone(),
                    list(&r.theme_labels),
                    cell(&x.id),
                    cell(&x.text),
                    opt(&x.owner),
                    opt(&x.due),
                    x.status.as_str().to_string(),
                    if today.is_some_and(|t| x.is_overdue(t)) {
                        "yes"
                    } else {
                        "no"
                    }
                    .to_string(),
                    opt(&x.evidence),
                    r.built.clone().unwrap_or_else(|| index.built.clone()),
                ]
            })
        }),
    )
}

#[cfg(test)]
pub(crate) mod tests;
