use crate::config::Config;
use crate::vocab::{VocabKind, Vocabularies};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

/// What a document is, given by its folder under `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// `content/reviews/`: the published, anonymised summary of one review.
    Review,
    /// `content/briefings/`: a 7-minute briefing.
    Briefing,
    /// `content/learning-summaries/`: the regional learning-summary template.
    LearningSummary,
    /// Anywhere else: about, contact, how to use.
    Page,
}

impl Kind {
    pub(crate) fn from_folder(first_component: &str) -> Kind {
        match first_component {
            "reviews" => Kind::Review,
            "briefings" => Kind::Briefing,
            "learning-summaries" => Kind::LearningSummary,
            _ => Kind::Page,
        }
    }
    /// The folder (and URL section) of this kind.
    pub(crate) fn section(self) -> &'static str {
        match self {
            Kind::Review => "reviews",
            Kind::Briefing => "briefings",
            Kind::LearningSummary => "learning-summaries",
            Kind::Page => "",
        }
    }
    pub(crate) fn label(self) -> &'static str {
        match self {
            Kind::Review => "Review summary",
            Kind::Briefing => "7-minute briefing",
            Kind::LearningSummary => "Learning summary",
            Kind::Page => "Page",
        }
    }
    pub(crate) fn plural(self) -> &'static str {
        match self {
            Kind::Review => "Review summaries",
            Kind::Briefing => "7-minute briefings",
            Kind::LearningSummary => "Learning summaries",
            Kind::Page => "Pages",
        }
    }
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Review => "review",
            Kind::Briefing => "briefing",
            Kind::LearningSummary => "learning-summary",
            Kind::Page => "page",
        }
    }
}

/// Who may see a document.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Everyone (the default).
    #[default]
    Public,
    /// Partner agencies: public and partners-only documents.
    Partners,
    /// The board's own staff: everything that is not a draft.
    Internal,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Partners => "partners",
            Audience::Internal => "internal",
        }
    }
    /// Can a reader of `self` see a document meant for `doc`?
    pub(crate) fn includes(self, doc: Audience) -> bool {
        doc <= self
    }
}

impl std::str::FromStr for Audience {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "public" => Ok(Audience::Public),
            "partners" => Ok(Audience::Partners),
            "internal" => Ok(Audience::Internal),
            _ => Err(format!(
                "`{s}` is not an audience: use public, partners or internal"
            )),
        }
    }
}

/// A calendar date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Date(pub NaiveDate);

impl Date {
    pub(crate) fn parse(s: &str) -> Result<Date, String> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(Date)
            .map_err(|_| {
                format!("`{s}` is not a date: write it as year-month-day, e.g. 2024-05-01")
            })
    }
    pub(crate) fn year(&self) -> i32 {
        self.0.year()
    }
    pub(crate) fn iso(&self) -> String {
        self.0.format("%Y-%m-%d").to_string()
    }
    /// "1 May 2024"
    pub(crate) fn human(&self) -> String {
        self.0.format("%-d %B %Y").to_string()
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).map_err(serde::de::Error::custom)
    }
}
impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// A month and year only (`2022-03`): the sector's norm for events in a person's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct MonthYear {
    pub(crate) year: i32,
    pub(crate) month: u32,
}

impl MonthYear {
    pub(crate) fn parse(s: &str) -> Result<MonthYear, String> {
        let t = s.trim();
        let bad = || format!("`{t}` is not a month and year: write it as year-month, e.g. 2022-03");
        let parts: Vec<&str> = t.split('-').collect();
        if parts.len() == 3 && NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok() {
            return Err(format!(
                "`{t}` is an exact date, but only the month and year may be given (an exact date can identify the person): write `{}-{}`",
                parts[0], parts[1]
            ));
        }
        // Digits only: `+999-03` or `2022-+3` would otherwise parse as numbers.
        if parts.len() != 2
            || parts[0].len() != 4
            || parts[1].len() != 2
            || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(bad());
        }
        let year: i32 = parts[0].parse().map_err(|_| bad())?;
        let month: u32 = parts[1].parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(format!(
                "`{t}` has no month {month}: months run from 01 to 12"
            ));
        }
        Ok(MonthYear { year, month })
    }
    pub(crate) fn iso(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
    /// "March 2022"
    pub(crate) fn human(&self) -> String {
        const M: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        format!(
            "{} {}",
            M[(self.month as usize).saturating_sub(1).min(11)],
            self.year
        )
    }
}

impl fmt::Display for MonthYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for MonthYear {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_norway::Value::deserialize(d)?;
        let s = match &v {
            serde_norway::Value::String(s) => s.clone(),
            serde_norway::Value::Number(n) => n.to_string(),
            _ => {
                return Err(serde::de::Error::custom(
                    "expected a month and year, e.g. 2022-03",
                ))
            }
        };
        MonthYear::parse(&s).map_err(serde::de::Error::custom)
    }
}
impl Serialize for MonthYear {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

/// Accepts a single value or a list.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => vec![],
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
    })
}

/// Accepts text or a number, as text.
fn scalar_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_norway::Value>::deserialize(d)? {
        None | Some(serde_norway::Value::Null) => None,
        Some(serde_norway::Value::String(s)) => Some(s),
        Some(serde_norway::Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err(serde::de::Error::custom("expected text, e.g. 65-74")),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum StatutoryBasis {
    Mandatory,
    Discretionary,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, PartialOrd, Ord, Hash,
)]
#[serde(rename_all = "kebab-case")]
pub enum RecommendationStatus {
    #[default]
    NotStarted,
    InProgress,
    Complete,
    /// The board decided not to carry it out (a `reason` is required): the annual report
    /// must say what a board decided not to do and why.
    NotImplemented,
}

impl RecommendationStatus {
    /// Every status, in the order reports and filters list them.
    pub(crate) const ALL: [RecommendationStatus; 4] = [
        RecommendationStatus::NotStarted,
        RecommendationStatus::InProgress,
        RecommendationStatus::Complete,
        RecommendationStatus::NotImplemented,
    ];
    pub fn label(self) -> &'static str {
        match self {
            RecommendationStatus::NotStarted => "Not started",
            RecommendationStatus::InProgress => "In progress",
            RecommendationStatus::Complete => "Complete",
            RecommendationStatus::NotImplemented => "Not implemented",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            RecommendationStatus::NotStarted => "not-started",
            RecommendationStatus::InProgress => "in-progress",
            RecommendationStatus::Complete => "complete",
            RecommendationStatus::NotImplemented => "not-implemented",
        }
    }
    /// Is work on it still expected (not started or in progress)?
    pub(crate) fn is_open(self) -> bool {
        matches!(
            self,
            RecommendationStatus::NotStarted | RecommendationStatus::InProgress
        )
    }
}

/// Whether a recommendation is for one agency or for several together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    SingleAgency,
    MultiAgency,
}

impl Scope {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Scope::SingleAgency => "Single-agency",
            Scope::MultiAgency => "Multi-agency",
        }
    }
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Scope::SingleAgency => "single-agency",
            Scope::MultiAgency => "multi-agency",
        }
    }
}

/// One dated entry in a recommendation's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Update {
    pub(crate) date: Date,
    pub(crate) text: String,
}

/// One recommendation of a review, tracked as an action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Recommendation {
    pub(crate) id: String,
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) owner: Option<String>,
    /// The agency or agencies that carry it out (the tracker's agency filter; when absent,
    /// the owner).
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) agency: Vec<String>,
    #[serde(default)]
    pub(crate) due: Option<MonthYear>,
    /// A later due month agreed by the board: overdue counts from it.
    #[serde(default)]
    pub(crate) revised_due: Option<MonthYear>,
    #[serde(default)]
    pub(crate) status: RecommendationStatus,
    #[serde(default)]
    pub(crate) evidence: Option<String>,
    /// Why the board decided not to implement it (required with `status: not-implemented`).
    #[serde(default)]
    pub(crate) reason: Option<String>,
    /// A dated history of progress, oldest first as written.
    #[serde(default)]
    pub(crate) updates: Vec<Update>,
    #[serde(default)]
    pub(crate) scope: Option<Scope>,
    /// Theme slugs (after validation).
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) themes: Vec<String>,
}

/// How long an open recommendation may go without an update before the tracker lists it
/// as an exception.
pub(crate) const STALE_AFTER_MONTHS: u32 = 3;

impl Recommendation {
    /// The month overdue counts from: the revised due month when there is one.
    pub(crate) fn effective_due(&self) -> Option<MonthYear> {
        self.revised_due.or(self.due)
    }
    /// Overdue on `today` (see [`is_overdue`]), counted from [`Self::effective_due`].
    pub(crate) fn is_overdue(&self, today: NaiveDate) -> bool {
        is_overdue(self.effective_due(), self.status, today)
    }
    /// The agencies that carry it out: `agency`, else the owner.
    pub(crate) fn agencies(&self) -> Vec<&str> {
        if self.agency.is_empty() {
            self.owner.iter().map(String::as_str).collect()
        } else {
            self.agency.iter().map(String::as_str).collect()
        }
    }
    /// The date of the latest update, if any.
    pub(crate) fn last_update(&self) -> Option<Date> {
        self.updates.iter().map(|u| u.date).max()
    }
}

/// The overdue rule, the one every form of a recommendation uses (a document's, the
/// learning index's, the regional site's): a recommendation is overdue on `today` when
/// its due month (the revised one when set: callers pass it) has passed and it is still
/// open (not started or in progress). A recommendation due this month is not overdue
/// yet; one with no due month never is; one the board decided not to implement is not.
pub(crate) fn is_overdue(
    due: Option<MonthYear>,
    status: RecommendationStatus,
    today: NaiveDate,
) -> bool {
    match due {
        Some(due) if status.is_open() => (due.year, due.month) < (today.year(), today.month()),
        _ => false,
    }
}

/// Has an open recommendation gone [`STALE_AFTER_MONTHS`] months or more without an
/// update on `today`? `since` is its latest update, else when the review was published.
pub(crate) fn is_stale(
    status: RecommendationStatus,
    since: Option<NaiveDate>,
    today: NaiveDate,
) -> bool {
    let Some(since) = since else { return false };
    status.is_open()
        && since
            .checked_add_months(chrono::Months::new(STALE_AFTER_MONTHS))
            .is_some_and(|limit| limit <= today)
}

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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScopingPeriod {
    pub(crate) from: MonthYear,
    pub(crate) to: MonthYear,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FullReport {
    pub(crate) url: String,
    #[serde(default)]
    pub(crate) available_until: Option<Date>,
}

/// How a board will know whether the learning made a difference: on a review or a
/// learning summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Impact {
    /// What will be measured, e.g. "Risk management meetings held in self-neglect cases".
    pub(crate) measure: String,
    /// The month the board will look again.
    #[serde(default)]
    pub(crate) revisit: Option<MonthYear>,
    /// What was found when it looked (none yet: still to be measured).
    #[serde(default)]
    pub(crate) outcome: Option<String>,
    #[serde(default)]
    pub(crate) evidence: Option<String>,
}

impl Impact {
    /// Has the revisit month passed on `today` without an outcome being recorded?
    pub(crate) fn is_due(&self, today: NaiveDate) -> bool {
        self.outcome.as_deref().is_none_or(|o| o.trim().is_empty())
            && self
                .revisit
                .is_some_and(|r| (r.year, r.month) < (today.year(), today.month()))
    }
}

/// The person at the centre of a review, coded as national analyses code them. Every value
/// is a slug of a built-in vocabulary (after validation); never an exact age.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Person {
    /// An age band such as `18-25` or `65-74` (a number is read as text, so that an exact
    /// age can be refused with the band to write instead).
    #[serde(default, deserialize_with = "scalar_text")]
    pub(crate) age_band: Option<String>,
    #[serde(default)]
    pub(crate) sex: Option<String>,
    /// An ethnic group (the census's high-level groups).
    #[serde(default)]
    pub(crate) ethnicity: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) disability: Vec<String>,
    /// Care and support needs (the primary support reasons of adult social care).
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) care_and_support_needs: Vec<String>,
    /// For a DHR: the perpetrator's relationship to the person.
    #[serde(default)]
    pub(crate) relationship_to_perpetrator: Option<String>,
}

impl Person {
    pub(crate) fn is_empty(&self) -> bool {
        *self == Person::default()
    }
    /// Each code's vocabulary and values, in the order of [`VocabKind::PERSON`].
    pub fn codes(&self) -> [(VocabKind, Vec<&str>); 6] {
        fn one(o: &Option<String>) -> Vec<&str> {
            o.as_deref().into_iter().collect()
        }
        fn many(v: &[String]) -> Vec<&str> {
            v.iter().map(String::as_str).collect()
        }
        [
            (VocabKind::AgeBand, one(&self.age_band)),
            (VocabKind::Sex, one(&self.sex)),
            (VocabKind::Ethnicity, one(&self.ethnicity)),
            (VocabKind::Disability, many(&self.disability)),
            (
                VocabKind::CareAndSupportNeed,
                many(&self.care_and_support_needs),
            ),
            (
                VocabKind::Relationship,
                one(&self.relationship_to_perpetrator),
            ),
        ]
    }
}

/// Where a review is: still being carried out, or completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ReviewStatus {
    /// Commissioned and under way: listed (type, month commissioned, themes) without its
    /// content, except on internal builds.
    Ongoing,
    Completed,
}

/// Front-matter of any document, as written by the author.
///
/// Vocabulary fields (`review_type`, `methodology`, `themes`, `abuse_types`) hold the
/// author's words after parsing and the terms' slugs after validation.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Meta {
    pub(crate) title: Option<String>,
    #[serde(default)]
    pub(crate) slug: Option<String>,
    #[serde(default)]
    pub(crate) summary: Option<String>,
    #[serde(default)]
    pub(crate) published: Option<Date>,
    #[serde(default)]
    pub(crate) updated: Option<Date>,
    #[serde(default)]
    pub(crate) draft: bool,
    #[serde(default)]
    pub(crate) embargo_until: Option<Date>,
    #[serde(default)]
    pub(crate) audience: Audience,
    #[serde(default)]
    pub(crate) board: Option<String>,
    #[serde(default)]
    pub(crate) region: Option<String>,
    #[serde(default)]
    pub(crate) review_type: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) methodology: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) themes: Vec<String>,
    #[serde(default)]
    pub(crate) reference: Option<String>,
    #[serde(default)]
    pub(crate) incident: Option<MonthYear>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) agencies: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) pseudonyms: Vec<String>,
    /// On a briefing or learning summary: the slug of the review it belongs to.
    #[serde(default)]
    pub(crate) review: Option<String>,

    // Review summaries (and, for `commissioned`/`completed`, learning summaries).
    #[serde(default)]
    pub(crate) statutory_basis: Option<StatutoryBasis>,
    #[serde(default)]
    pub(crate) referral_source: Option<String>,
    #[serde(default)]
    pub(crate) commissioned: Option<MonthYear>,
    #[serde(default)]
    pub(crate) completed: Option<MonthYear>,
    #[serde(default)]
    pub(crate) scoping_period: Option<ScopingPeriod>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) parallel_processes: Vec<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) abuse_types: Vec<String>,
    #[serde(default)]
    pub(crate) quality_markers: BTreeMap<String, QualityMarker>,
    #[serde(default)]
    pub(crate) hold_reason: Option<String>,
    #[serde(default)]
    pub(crate) full_report: Option<FullReport>,
    #[serde(default)]
    pub(crate) recommendations: Vec<Recommendation>,
    /// `ongoing` or `completed`; see [`Document::is_ongoing`].
    #[serde(default)]
    pub(crate) status: Option<ReviewStatus>,
    #[serde(default)]
    pub(crate) person: Option<Person>,
    /// On a review or learning summary: how the board will know the learning made a difference.
    #[serde(default)]
    pub(crate) impact: Option<Impact>,

    // Learning summaries.
    /// How the case was selected for review.
    #[serde(default)]
    pub(crate) selection: Option<String>,
    /// Who chaired or wrote the review (a role, never a name).
    #[serde(default)]
    pub(crate) lead_reviewer: Option<String>,

    /// Free-form data for custom layouts.
    #[serde(default)]
    pub(crate) extra: Option<serde_norway::Value>,
}

/// Front-matter keys every kind accepts.
pub(crate) const COMMON_KEYS: &[&str] = &[
    "title",
    "slug",
    "summary",
    "published",
    "updated",
    "draft",
    "embargo_until",
    "audience",
    "board",
    "region",
    "review_type",
    "methodology",
    "themes",
    "reference",
    "incident",
    "agencies",
    "pseudonyms",
    "extra",
];
/// Keys only review summaries accept.
pub(crate) const REVIEW_KEYS: &[&str] = &[
    "statutory_basis",
    "referral_source",
    "commissioned",
    "completed",
    "scoping_period",
    "parallel_processes",
    "abuse_types",
    "quality_markers",
    "hold_reason",
    "full_report",
    "recommendations",
    "status",
    "person",
    "impact",
];
/// Keys only briefings and learning summaries accept.
pub(crate) const LINKED_KEYS: &[&str] = &["review"];
/// Keys only learning summaries accept (beyond the linked keys).
pub(crate) const LEARNING_SUMMARY_KEYS: &[&str] = &[
    "commissioned",
    "completed",
    "selection",
    "lead_reviewer",
    "impact",
];

impl Kind {
    /// Is `key` a front-matter key this kind accepts?
    pub(crate) fn accepts(self, key: &str) -> bool {
        COMMON_KEYS.contains(&key)
            || match self {
                Kind::Review => REVIEW_KEYS.contains(&key),
                Kind::Briefing => LINKED_KEYS.contains(&key),
                Kind::LearningSummary => {
                    LINKED_KEYS.contains(&key) || LEARNING_SUMMARY_KEYS.contains(&key)
                }
                Kind::Page => false,
            }
    }
    /// Every key this kind accepts.
    pub(crate) fn keys(self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = COMMON_KEYS.to_vec();
        match self {
            Kind::Review => v.extend(REVIEW_KEYS),
            Kind::Briefing => v.extend(LINKED_KEYS),
            Kind::LearningSummary => {
                v.extend(LINKED_KEYS);
                v.extend(LEARNING_SUMMARY_KEYS)
            }
            Kind::Page => {}
        }
        v
    }
}

/// One loaded, validated document.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: Kind,
    /// URL-safe identifier, unique within its kind (file name without `.md`, or `slug:`).
    pub slug: String,
    /// Path relative to the site root with `/` separators, e.g. `content/reviews/adult-b.md`.
    pub rel_path: String,
    /// Absolute path on disk.
    pub path: PathBuf,
    /// The whole text of the file.
    pub source: String,
    /// 1-based line numbers of the front-matter's first and last lines (between the `---`).
    pub front_matter_lines: (usize, usize),
    /// Byte offset of the body in `source`.
    pub body_offset: usize,
    /// 1-based line of the body's first line.
    pub body_line: usize,
    pub meta: Meta,
    /// Title (required, so always present after validation).
    pub title: String,
    /// Site-relative URL path of the page, ending in `/`; `""` for the home page.
    pub url: String,
}

impl Document {
    pub(crate) fn body(&self) -> &str {
        &self.source[self.body_offset..]
    }
    /// The year the document belongs to in listings: published, else completed, else incident.
    pub(crate) fn year(&self) -> Option<i32> {
        self.meta
            .published
            .map(|d| d.year())
            .or(self.meta.completed.map(|m| m.year))
    }
    /// The date used to order documents, newest first.
    pub(crate) fn sort_date(&self) -> Option<NaiveDate> {
        self.meta
            .published
            .map(|d| d.0)
            .or(self.meta.updated.map(|d| d.0))
    }
    /// Board, falling back to the site's.
    pub(crate) fn board<'a>(&'a self, config: &'a Config) -> Option<&'a str> {
        self.meta.board.as_deref().or(config.board.as_deref())
    }
    pub(crate) fn region<'a>(&'a self, config: &'a Config) -> Option<&'a str> {
        self.meta.region.as_deref().or(config.region.as_deref())
    }
    /// Is this a review still being carried out? `status: ongoing`, or commissioned with no
    /// `completed` month (and no `status: completed`).
    pub(crate) fn is_ongoing(&self) -> bool {
        self.kind == Kind::Review
            && match self.meta.status {
                Some(s) => s == ReviewStatus::Ongoing,
                None => self.meta.commissioned.is_some() && self.meta.completed.is_none(),
            }
    }
    /// Reading time in whole minutes at 200 words a minute (at least 1).
    pub(crate) fn reading_minutes(&self) -> usize {
        let words = self
            .body()
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        words.div_ceil(200).max(1)
    }
}

/// A loaded site: configuration, vocabularies and every document that loaded cleanly.
#[derive(Debug, Clone)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub vocab: Vocabularies,
    /// Sorted by kind, then newest first, then title.
    pub documents: Vec<Document>,
    /// Files under `static/`, relative to `static/`, with `/` separators.
    pub static_files: Vec<String>,
    /// Teams' feedback on briefings (`content/feedback/`), each about a briefing of the site.
    pub(crate) feedback: Vec<super::feedback::Feedback>,
}
