//! Reading a learning index back: the schema and version, then every record's fields.

use super::*;
use crate::content::{MonthYear, RecommendationStatus};
use chrono::NaiveDate;
use serde::Deserialize;

impl Record {
    /// Check the record's fields: kinds, dates and months, absolute URL, recommendations. A
    /// field that is missing was read as empty, so this is also what a record must have.
    pub(crate) fn validate(&self) -> Result<(), String> {
        let required = [
            ("kind", &self.kind),
            ("title", &self.title),
            ("slug", &self.slug),
            ("url", &self.url),
        ];
        for (key, value) in required {
            if value.trim().is_empty() {
                return Err(format!("`{key}` is empty or missing"));
            }
        }
        if !RECORD_KINDS.contains(&self.kind.as_str()) {
            return Err(format!(
                "`kind` is `{}`: it must be one of review, briefing, learning-summary",
                self.kind
            ));
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
                return Err(format!("{which} has an empty or missing `id`"));
            }
            if r.text.trim().is_empty() {
                return Err(format!("{which} has an empty or missing `text`"));
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
                slug: Some(rec.slug.clone()).filter(|s| !s.is_empty()),
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
