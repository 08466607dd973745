//! The content model: what a document is and what its front-matter holds.
//!
//! Dates and months are in `date.rs`; a review's recommendations and the overdue rule in
//! `recommendation.rs`; the SAR Quality Markers in `quality.rs`; the person's codes in
//! `person.rs`; the rest of a review's fields (scoping period, full report, impact, status)
//! in `review.rs`.

mod date;
mod person;
mod quality;
mod recommendation;
mod review;

pub(crate) use date::*;
pub(crate) use person::*;
pub use quality::*;
pub use recommendation::*;
pub(crate) use review::*;

use crate::config::Config;
use crate::vocab::Vocabularies;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
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

/// Front-matter of any document, as written by the author.
///
/// Vocabulary fields (`review_type`, `methodology`, `themes`, `abuse_types`) hold the
/// author's words after parsing and the terms' slugs after validation. Every list of words
/// (`Vec<String>`) may be written as one word or as a list (`one_or_many`).
#[serde_with::apply(Vec<String> => #[serde(deserialize_with = "one_or_many")])]
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Meta {
    pub(crate) title: Option<String>,
    pub(crate) slug: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) published: Option<Date>,
    pub(crate) updated: Option<Date>,
    pub(crate) draft: bool,
    pub(crate) embargo_until: Option<Date>,
    pub(crate) audience: Audience,
    pub(crate) board: Option<String>,
    pub(crate) region: Option<String>,
    pub(crate) review_type: Option<String>,
    pub(crate) methodology: Vec<String>,
    pub(crate) themes: Vec<String>,
    pub(crate) reference: Option<String>,
    pub(crate) incident: Option<MonthYear>,
    pub(crate) agencies: Vec<String>,
    pub(crate) pseudonyms: Vec<String>,
    /// On a briefing or learning summary: the slug of the review it belongs to.
    pub(crate) review: Option<String>,

    // Review summaries (and, for `commissioned`/`completed`, learning summaries).
    pub(crate) statutory_basis: Option<StatutoryBasis>,
    pub(crate) referral_source: Option<String>,
    pub(crate) commissioned: Option<MonthYear>,
    pub(crate) completed: Option<MonthYear>,
    pub(crate) scoping_period: Option<ScopingPeriod>,
    pub(crate) parallel_processes: Vec<String>,
    pub(crate) abuse_types: Vec<String>,
    pub(crate) quality_markers: BTreeMap<String, QualityMarker>,
    pub(crate) hold_reason: Option<String>,
    pub(crate) full_report: Option<FullReport>,
    pub(crate) recommendations: Vec<Recommendation>,
    /// `ongoing` or `completed`; see [`Document::is_ongoing`].
    pub(crate) status: Option<ReviewStatus>,
    pub(crate) person: Option<Person>,
    /// On a review or learning summary: how the board will know the learning made a difference.
    pub(crate) impact: Option<Impact>,

    // Learning summaries.
    /// How the case was selected for review.
    pub(crate) selection: Option<String>,
    /// Who chaired or wrote the review (a role, never a name).
    pub(crate) lead_reviewer: Option<String>,

    /// Free-form data for custom layouts.
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
        count_words(self.body()).div_ceil(200).max(1)
    }
}

/// The words of `text`: runs of non-space characters with a letter or digit in them (as
/// `split_whitespace` and `char::is_alphanumeric` count them), byte by byte where the text is
/// ASCII (a page's body is read for every build).
fn count_words(text: &str) -> usize {
    /// Each ASCII byte: 1 a space, 2 a letter or digit, 0 anything else.
    const KIND: [u8; 128] = {
        let mut k = [0u8; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            k[b] = if matches!(c, b' ' | b'\t'..=b'\r') {
                1
            } else if c.is_ascii_alphanumeric() {
                2
            } else {
                0
            };
            b += 1;
        }
        k
    };
    let bytes = text.as_bytes();
    let (mut words, mut in_word, mut has_alnum) = (0, false, false);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let kind = if b < 128 {
            i += 1;
            KIND[b as usize]
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                1
            } else {
                2 * u8::from(c.is_alphanumeric())
            }
        };
        if kind == 1 {
            words += usize::from(in_word && has_alnum);
            (in_word, has_alnum) = (false, false);
        } else {
            in_word = true;
            has_alnum |= kind == 2;
        }
    }
    words + usize::from(in_word && has_alnum)
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

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "  one two\tthree\nfour\r\nfive\u{0b}six\u{0c}seven  ",
            "a - b \u{2014} c 42 \u{a0}nbsp\u{a0} caf\u{e9} \u{2003}em\u{3000}ideo \u{201c}quoted\u{201d}",
            "**bold** [link](../x/) -- ... 1.5 \u{1f600} \u{1f600}x end",
        ] {
            let expect = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            assert_eq!(super::count_words(text), expect, "{text:?}");
        }
    }

    use super::*;

    #[test]
    fn every_list_may_be_written_as_one_value() {
        let lists = |m: &Meta| {
            let p = m.person.clone().unwrap_or_default();
            [
                m.methodology.clone(),
                m.themes.clone(),
                m.agencies.clone(),
                m.pseudonyms.clone(),
                m.parallel_processes.clone(),
                m.abuse_types.clone(),
                p.disability,
                p.care_and_support_needs,
            ]
        };
        let keys = "methodology themes agencies pseudonyms parallel_processes abuse_types";
        let yaml = |one: bool| {
            let v = |x: &str| if one { x.to_string() } else { format!("[{x}]") };
            let mut y: String = keys
                .split(' ')
                .map(|k| format!("{k}: {}\n", v("x")))
                .collect();
            y += &format!(
                "person: {{disability: {}, care_and_support_needs: {}}}\n",
                v("x"),
                v("x")
            );
            serde_norway::from_str::<Meta>(&y).unwrap()
        };
        let (one, many) = (lists(&yaml(true)), lists(&yaml(false)));
        assert_eq!(one, many);
        assert!(one.iter().all(|l| l == &["x"]));
    }
}
