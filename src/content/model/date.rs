//! Dates (`YYYY-MM-DD`) and months (`YYYY-MM`) as front-matter writes them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

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
