//! A review's recommendations, tracked as actions, and the one overdue rule.

use super::{one_or_many, Date, MonthYear};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

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
    pub(crate) owner: Option<String>,
    /// The agency or agencies that carry it out (the tracker's agency filter; when absent,
    /// the owner).
    #[serde(default, deserialize_with = "one_or_many")]
    pub(crate) agency: Vec<String>,
    pub(crate) due: Option<MonthYear>,
    /// A later due month agreed by the board: overdue counts from it.
    pub(crate) revised_due: Option<MonthYear>,
    #[serde(default)]
    pub(crate) status: RecommendationStatus,
    pub(crate) evidence: Option<String>,
    /// Why the board decided not to implement it (required with `status: not-implemented`).
    pub(crate) reason: Option<String>,
    /// A dated history of progress, oldest first as written.
    #[serde(default)]
    pub(crate) updates: Vec<Update>,
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
