//! The year an annual report covers: a financial year, April to March (`2025-26`), as boards'
//! reports run, or a calendar year (`--calendar`, `2025`).

use crate::content::{Date, MonthYear};
use chrono::{Datelike, NaiveDate};

/// The first and last day of a report's year, and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// A financial year (April to March), not a calendar year.
    pub financial: bool,
}

impl Period {
    /// `2025-26` (also `2025/26`, `2025-2026`) for the financial year 1 April 2025 to 31 March
    /// 2026; with `calendar`, `2025` for the calendar year.
    pub fn parse(year: &str, calendar: bool) -> Result<Period, String> {
        let y = year.trim();
        let four = |s: &str| -> Option<i32> {
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        if calendar {
            let Some(start) = four(y) else {
                return Err(format!(
                    "`{y}` is not a calendar year: with --calendar write the year, e.g. --year 2025"
                ));
            };
            return Ok(Period {
                first: day(start, 1, 1),
                last: day(start, 12, 31),
                financial: false,
            });
        }
        let bad = || {
            if four(y).is_some() {
                format!("`{y}` is a calendar year: write a financial year as --year {y}-{:02} (April to March), or add --calendar", (y.parse::<i32>().unwrap_or(0) + 1) % 100)
            } else {
                format!("`{y}` is not a financial year: write it as --year 2025-26 (1 April 2025 to 31 March 2026)")
            }
        };
        let (a, b) = y.split_once(['-', '/', '–']).ok_or_else(bad)?;
        let start = four(a).ok_or_else(bad)?;
        let end_ok = match b.len() {
            2 => {
                b.bytes().all(|c| c.is_ascii_digit())
                    && b.parse::<i32>().ok() == Some((start + 1) % 100)
            }
            4 => four(b) == Some(start + 1),
            _ => false,
        };
        if !end_ok {
            return Err(format!(
                "`{y}` is not a financial year: its second year must follow the first, e.g. --year {start}-{:02}",
                (start + 1) % 100
            ));
        }
        Ok(Period {
            first: day(start, 4, 1),
            last: day(start + 1, 3, 31),
            financial: true,
        })
    }

    /// "2025–26" or "2025".
    pub fn label(&self) -> String {
        if self.financial {
            format!("{}–{:02}", self.first.year(), self.last.year() % 100)
        } else {
            self.first.year().to_string()
        }
    }

    /// "2025-26" or "2025": for file names.
    pub fn slug(&self) -> String {
        self.label().replace('–', "-")
    }

    /// "1 April 2025 to 31 March 2026".
    pub fn words(&self) -> String {
        format!(
            "{} to {}",
            Date(self.first).human(),
            Date(self.last).human()
        )
    }

    pub(crate) fn contains(&self, d: NaiveDate) -> bool {
        self.first <= d && d <= self.last
    }

    pub(crate) fn contains_month(&self, m: MonthYear) -> bool {
        let first = (self.first.year(), self.first.month());
        let last = (self.last.year(), self.last.month());
        (first..=last).contains(&(m.year, m.month))
    }

    /// Does the year start after month `m` (is `m` before it)?
    pub(crate) fn starts_after(&self, m: MonthYear) -> bool {
        (m.year, m.month) < (self.first.year(), self.first.month())
    }

    /// Does the year end before month `m` (is `m` after it)?
    pub(crate) fn ends_before(&self, m: MonthYear) -> bool {
        (m.year, m.month) > (self.last.year(), self.last.month())
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid day")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_financial_year_runs_april_to_march() {
        for y in ["2025-26", "2025/26", "2025-2026", " 2025–26 "] {
            let p = Period::parse(y, false).unwrap();
            assert_eq!(
                (p.first, p.last),
                (day(2025, 4, 1), day(2026, 3, 31)),
                "{y}"
            );
            assert_eq!(p.label(), "2025–26");
            assert_eq!(p.slug(), "2025-26");
        }
        let p = Period::parse("1999-00", false).unwrap();
        assert_eq!(p.last, day(2000, 3, 31));
        assert_eq!(p.words(), "1 April 1999 to 31 March 2000");
        let m = |year, month| MonthYear { year, month };
        assert!(p.contains_month(m(1999, 4)));
        assert!(p.contains_month(m(2000, 3)));
        assert!(!p.contains_month(m(2000, 4)));
        assert!(p.starts_after(m(1999, 3)));
        assert!(p.ends_before(m(2000, 4)));
    }

    #[test]
    fn a_calendar_year_with_calendar() {
        let p = Period::parse("2025", true).unwrap();
        assert_eq!((p.first, p.last), (day(2025, 1, 1), day(2025, 12, 31)));
        assert_eq!(p.label(), "2025");
        assert!(!p.contains(day(2026, 1, 1)));
    }

    #[test]
    fn wrong_years_say_how_to_write_them() {
        let e = Period::parse("2025", false).unwrap_err();
        assert!(
            e.contains("--year 2025-26") && e.contains("--calendar"),
            "{e}"
        );
        let e = Period::parse("2025-27", false).unwrap_err();
        assert!(e.contains("--year 2025-26"), "{e}");
        assert!(Period::parse("25-26", false).is_err());
        assert!(Period::parse("2025-26", true).is_err());
    }
}
