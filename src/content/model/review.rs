//! The rest of a review summary's fields: statutory basis, scoping period, full report,
//! impact and status.

use super::{Date, MonthYear};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum StatutoryBasis {
    Mandatory,
    Discretionary,
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
    pub(crate) revisit: Option<MonthYear>,
    /// What was found when it looked (none yet: still to be measured).
    pub(crate) outcome: Option<String>,
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

/// Where a review is: still being carried out, or completed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ReviewStatus {
    /// Commissioned and under way: listed (type, month commissioned, themes) without its
    /// content, except on internal builds.
    Ongoing,
    Completed,
}
