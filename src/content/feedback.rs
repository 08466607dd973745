//! The loop back: what teams did with a 7-minute briefing. A returned team action sheet (or a
//! practitioner's feedback) is recorded as a small YAML file under `content/feedback/`:
//!
//! ```yaml
//! briefing: adult-d-self-neglect      # the briefing's file name, without .md
//! team: Community nursing, north locality
//! date: 2025-03-12                    # when the team discussed it
//! what_will_change: "Fire risk questions in every first assessment"
//! by: 2025-06                         # optional: by when (month)
//! who_checks: Team manager            # optional: a role, never a name
//! people: 9                           # optional: how many took part
//! rating: 4                           # optional: how useful, 1 (not at all) to 5 (very)
//! ```
//!
//! Files are validated like front-matter (every error with its line and a fix) and linted
//! like documents ([`Feedback::as_document`]). They are never published by team name except in
//! an internal build: pages show counts and what teams will change ([`Uptake`]).

use super::frontmatter::top_level_keys;
use super::model::{Date, Document, Kind, Meta, MonthYear};
use crate::diagnostics::{self, Diagnostic};
use crate::yaml::{error_position, plain_yaml_message};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// The folder under `content/` that holds feedback files.
pub(crate) const FOLDER: &str = "feedback";

/// Every key a feedback file may have, in the order the README lists them.
pub(crate) const KEYS: &[&str] = &[
    "briefing",
    "team",
    "date",
    "what_will_change",
    "by",
    "who_checks",
    "people",
    "rating",
];
const REQUIRED: &[&str] = &["briefing", "team", "date", "what_will_change"];

/// One loaded, validated feedback file: the file, then its keys as read.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Feedback {
    /// `content/feedback/….yaml`.
    #[serde(skip)]
    pub(crate) rel_path: String,
    #[serde(skip)]
    pub(crate) path: PathBuf,
    /// The whole text of the file.
    #[serde(skip)]
    pub(crate) source: String,
    /// The slug of the briefing discussed.
    pub(crate) briefing: String,
    /// The team or service (never published except in an internal build).
    pub(crate) team: String,
    pub(crate) date: Date,
    pub(crate) what_will_change: String,
    pub(crate) by: Option<MonthYear>,
    pub(crate) who_checks: Option<String>,
    pub(crate) people: Option<u32>,
    /// How useful the team found the briefing, 1 to 5.
    pub(crate) rating: Option<u8>,
}

impl Feedback {
    /// The file as a document for the pseudonymisation lint: all of it is checked as
    /// front-matter is, with the briefing's pseudonyms and agencies allowed.
    pub(crate) fn as_document(&self, briefing: Option<&Document>) -> Document {
        let lines = self.source.lines().count().max(1);
        let meta = Meta {
            title: Some(self.briefing.clone()),
            pseudonyms: briefing
                .map(|b| b.meta.pseudonyms.clone())
                .unwrap_or_default(),
            agencies: briefing
                .map(|b| b.meta.agencies.clone())
                .unwrap_or_default(),
            ..Meta::default()
        };
        Document {
            kind: Kind::Page,
            slug: String::new(),
            rel_path: self.rel_path.clone(),
            path: self.path.clone(),
            source: self.source.clone(),
            front_matter_lines: (1, lines),
            body_offset: self.source.len(),
            body_line: lines + 1,
            title: self.briefing.clone(),
            meta,
            url: String::new(),
        }
    }
}

impl super::model::Site {
    /// The feedback files about briefings `wanted` accepts (by slug), as documents for the lint.
    pub(crate) fn feedback_documents(&self, wanted: impl Fn(&str) -> bool) -> Vec<Document> {
        self.feedback
            .iter()
            .filter(|f| wanted(&f.briefing))
            .map(|f| {
                let briefing = self
                    .documents
                    .iter()
                    .find(|d| d.kind == Kind::Briefing && d.slug == f.briefing);
                f.as_document(briefing)
            })
            .collect()
    }
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Read every `content/feedback/*.yaml` (and `.yml`). Files with errors are left out; every
/// problem is returned.
pub(crate) fn load(root: &Path) -> (Vec<Feedback>, Vec<Diagnostic>) {
    let dir = root.join("content").join(FOLDER);
    let mut out = Vec::new();
    let mut diags = Vec::new();
    if !dir.is_dir() {
        return (out, diags);
    }
    for e in walkdir::WalkDir::new(&dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let name = e.file_name().to_string_lossy();
        if !e.file_type().is_file() || name.starts_with('.') {
            continue;
        }
        let rel_path = rel(root, e.path());
        if !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            diags.push(
                Diagnostic::error(
                    "feedback/not-yaml",
                    &rel_path,
                    1,
                    1,
                    "this file in content/feedback/ is not a .yaml feedback file and is not read",
                )
                .as_warning()
                .with_hint("record each team's feedback as a .yaml file (`learnsite new feedback BRIEFING` starts one)"),
            );
            continue;
        }
        match std::fs::read_to_string(e.path()) {
            Ok(text) => match parse(&rel_path, e.path(), text) {
                Ok(f) => out.push(f),
                Err(mut d) => diags.append(&mut d),
            },
            Err(err) => diags.push(Diagnostic::error(
                "feedback/unreadable",
                &rel_path,
                1,
                1,
                format!("this file cannot be read as UTF-8 text: {err}"),
            )),
        }
    }
    (out, diags)
}

/// Parse and validate one feedback file.
pub(crate) fn parse(
    rel_path: &str,
    path: &Path,
    text: String,
) -> Result<Feedback, Vec<Diagnostic>> {
    let file = rel_path;
    if let Err(e) = serde_norway::from_str::<serde_norway::Value>(&text) {
        let (line, col) = error_position(&e, &text, 1);
        return Err(vec![Diagnostic::error(
            "feedback/yaml",
            file,
            line,
            col,
            format!(
                "this feedback file is not valid YAML: {}",
                plain_yaml_message(&e.to_string())
            ),
        )
        .with_hint("each line is `name: value`; text containing `: ` or `#` goes in quotes")
        .with_source(&text)]);
    }
    let keys = top_level_keys(&text, 1);
    let mut errs = Vec::new();
    for k in keys.iter().filter(|k| !KEYS.contains(&k.key.as_str())) {
        let hint = match diagnostics::nearest(&k.key, KEYS.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("a feedback file has {}", KEYS.join(", ")),
        };
        errs.push(
            Diagnostic::error(
                "feedback/unknown-key",
                file,
                k.line,
                1,
                format!("unknown key `{}` in a feedback file", k.key),
            )
            .with_len(k.key.chars().count())
            .with_hint(hint)
            .with_source(&text),
        );
    }
    for req in REQUIRED
        .iter()
        .filter(|r| !keys.iter().any(|k| k.key == **r))
    {
        errs.push(
            Diagnostic::error(
                "feedback/missing",
                file,
                1,
                1,
                format!("this feedback file has no `{req}`"),
            )
            .with_hint(match *req {
                "briefing" => "add `briefing: ` and the briefing's file name without .md, e.g. `briefing: adult-d-self-neglect`",
                "team" => "add `team: ` and the team or service that discussed the briefing",
                "date" => "add `date: ` and the day the team discussed it, e.g. `date: 2025-03-12`",
                _ => "add `what_will_change: ` and what the team will do differently",
            })
            .with_source(&text),
        );
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let line_of = |key: &str| {
        keys.iter()
            .find(|k| k.key == key)
            .map(|k| k.line)
            .unwrap_or(1)
    };
    let f: Feedback = serde_norway::from_str(&text).map_err(|e| {
        let raw = e.to_string();
        let (mut line, col) = error_position(&e, &text, 1);
        // Our own value types (dates, months) report no position: find the key, or the value
        // the message quotes in backticks.
        if let Some(k) = KEYS.iter().find(|k| raw.starts_with(&format!("{k}:"))) {
            line = line_of(k);
        } else if let Some(b) = raw
            .split('`')
            .nth(1)
            .filter(|v| !v.is_empty())
            .and_then(|v| text.find(v))
        {
            line = diagnostics::line_col(&text, b).0;
        }
        vec![Diagnostic::error("feedback/invalid", file, line, col, plain_yaml_message(&raw))
            .with_hint("`date` is a day (2025-03-12), `by` a month (2025-06), `people` and `rating` whole numbers")
            .with_source(&text)]
    })?;
    let mut errs = Vec::new();
    if let Some(r) = f.rating.filter(|r| !(1..=5).contains(r)) {
        errs.push(
            Diagnostic::error(
                "feedback/invalid",
                file,
                line_of("rating"),
                1,
                format!("`rating: {r}` is outside 1 to 5"),
            )
            .with_hint("rate how useful the briefing was from 1 (not useful) to 5 (very useful), or leave `rating` out")
            .with_source(&text),
        );
    }
    for (key, value) in [
        ("briefing", &f.briefing),
        ("team", &f.team),
        ("what_will_change", &f.what_will_change),
    ] {
        if value.trim().is_empty() {
            errs.push(
                Diagnostic::error(
                    "feedback/missing",
                    file,
                    line_of(key),
                    1,
                    format!("`{key}` is empty"),
                )
                .with_hint("fill it in, or remove the file")
                .with_source(&text),
            );
        }
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    let trim = |s: &str| s.trim().to_string();
    Ok(Feedback {
        rel_path: rel_path.to_string(),
        path: path.to_path_buf(),
        source: text,
        briefing: trim(&f.briefing),
        team: trim(&f.team),
        what_will_change: trim(&f.what_will_change),
        who_checks: f.who_checks.as_deref().map(trim),
        ..f
    })
}

/// Errors for feedback about a briefing that does not exist; those files are dropped.
pub(crate) fn check_briefings(
    feedback: &mut Vec<Feedback>,
    documents: &[Document],
    diags: &mut Vec<Diagnostic>,
) {
    let briefings: Vec<&str> = documents
        .iter()
        .filter(|d| d.kind == Kind::Briefing)
        .map(|d| d.slug.as_str())
        .collect();
    feedback.retain(|f| {
        if briefings.contains(&f.briefing.as_str()) {
            return true;
        }
        let line = top_level_keys(&f.source, 1)
            .into_iter()
            .find(|k| k.key == "briefing")
            .map(|k| k.line)
            .unwrap_or(1);
        let hint = match diagnostics::nearest(&f.briefing, briefings.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? The value is the file name of a briefing in content/briefings/ without `.md`"),
            None => "the value is the file name of a briefing in content/briefings/ without `.md`".into(),
        };
        diags.push(
            Diagnostic::error(
                "feedback/unknown-briefing",
                &f.rel_path,
                line,
                1,
                format!("`briefing: {}` names a briefing that does not exist", f.briefing),
            )
            .with_hint(hint)
            .with_source(&f.source),
        );
        false
    });
}

fn month_of(d: Date) -> MonthYear {
    use chrono::Datelike;
    MonthYear {
        year: d.0.year(),
        month: d.0.month(),
    }
}

/// One team's commitment, as a page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Commitment {
    pub(crate) what_will_change: String,
    /// Month discussed, "March 2025".
    pub(crate) month: String,
    /// By when, "June 2025".
    pub(crate) by: Option<String>,
    /// Who checks it happened (a role).
    pub(crate) who_checks: Option<String>,
    /// The team: only in an internal build.
    pub(crate) team: Option<String>,
}

/// What teams did with one briefing: counts, and what they will change (newest first).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Uptake {
    /// Distinct teams (by name, ignoring case and spacing).
    pub(crate) teams: usize,
    /// Feedback files (a team may return more than one).
    pub(crate) returns: usize,
    /// The month of the earliest discussion.
    pub(crate) since: MonthYear,
    /// "March 2025".
    pub(crate) since_label: String,
    /// How many gave a rating, and their mean to one decimal place.
    pub(crate) ratings: usize,
    pub(crate) rating: Option<f64>,
    pub(crate) people: u32,
    pub(crate) commitments: Vec<Commitment>,
}

/// The uptake of each briefing that has feedback, by the briefing's slug. Team names are kept
/// only when `show_teams` (an internal build).
pub(crate) fn uptake(feedback: &[Feedback], show_teams: bool) -> HashMap<String, Uptake> {
    let mut by: HashMap<&str, Vec<&Feedback>> = HashMap::new();
    for f in feedback {
        by.entry(f.briefing.as_str()).or_default().push(f);
    }
    by.into_iter()
        .map(|(slug, mut fs)| {
            fs.sort_by(|a, b| b.date.cmp(&a.date).then(a.rel_path.cmp(&b.rel_path)));
            let teams: BTreeSet<String> = fs
                .iter()
                .map(|f| {
                    f.team
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase()
                })
                .collect();
            let rated: Vec<u8> = fs.iter().filter_map(|f| f.rating).collect();
            let since = fs
                .iter()
                .map(|f| f.date)
                .min()
                .map(month_of)
                .expect("one file at least");
            let u = Uptake {
                teams: teams.len(),
                returns: fs.len(),
                since,
                since_label: since.human(),
                ratings: rated.len(),
                rating: (!rated.is_empty()).then(|| {
                    let mean = rated.iter().map(|&r| r as f64).sum::<f64>() / rated.len() as f64;
                    (mean * 10.0).round() / 10.0
                }),
                people: fs.iter().filter_map(|f| f.people).sum(),
                commitments: fs
                    .iter()
                    .map(|f| Commitment {
                        what_will_change: f.what_will_change.clone(),
                        month: month_of(f.date).human(),
                        by: f.by.map(|b| b.human()),
                        who_checks: f.who_checks.clone().filter(|w| !w.is_empty()),
                        team: show_teams.then(|| f.team.clone()),
                    })
                    .collect(),
            };
            (slug.to_string(), u)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<Feedback, Vec<Diagnostic>> {
        parse(
            "content/feedback/a.yaml",
            Path::new("a.yaml"),
            text.to_string(),
        )
    }

    #[test]
    fn a_complete_file_parses() {
        let f = parse_text("briefing: adult-d\nteam: Community nursing\ndate: 2025-03-12\nwhat_will_change: Ask about fire risk\nby: 2025-06\nrating: 4\n").unwrap();
        assert_eq!(f.briefing, "adult-d");
        assert_eq!(f.rating, Some(4));
        assert_eq!(f.by.map(|b| b.iso()).as_deref(), Some("2025-06"));
    }

    #[test]
    fn errors_name_their_line_and_a_fix() {
        let e = parse_text("briefing: a\nteem: x\ndate: 2025-03-12\nwhat_will_change: y\n")
            .unwrap_err();
        let unknown = e.iter().find(|d| d.code == "feedback/unknown-key").unwrap();
        assert_eq!(unknown.line, 2);
        assert!(unknown.hint.as_deref().unwrap().contains("`team`"));
        assert!(e
            .iter()
            .any(|d| d.code == "feedback/missing" && d.message.contains("`team`")));

        let e =
            parse_text("briefing: a\nteam: x\ndate: 2025-03-12\nwhat_will_change: y\nrating: 7\n")
                .unwrap_err();
        assert_eq!((e[0].code.as_str(), e[0].line), ("feedback/invalid", 5));

        let e = parse_text("briefing: a\nteam: x\ndate: 12/03/2025\nwhat_will_change: y\n")
            .unwrap_err();
        assert_eq!(
            (e[0].code.as_str(), e[0].line),
            ("feedback/invalid", 3),
            "{e:?}"
        );
    }

    fn fb(team: &str, date: &str, rating: Option<u8>) -> Feedback {
        parse_text(&format!(
            "briefing: b\nteam: {team}\ndate: {date}\nwhat_will_change: change by {team}\n{}",
            rating.map(|r| format!("rating: {r}\n")).unwrap_or_default()
        ))
        .unwrap()
    }

    #[test]
    fn uptake_counts_teams_once_and_hides_their_names_unless_internal() {
        let all = vec![
            fb("Ward 3 nurses", "2025-05-02", Some(5)),
            fb("ward 3  Nurses", "2025-06-01", None),
            fb("Housing", "2025-03-20", Some(4)),
        ];
        let u = &uptake(&all, false)["b"];
        assert_eq!((u.teams, u.returns, u.ratings), (2, 3, 2));
        assert_eq!(u.since_label, "March 2025");
        assert_eq!(u.rating, Some(4.5));
        assert_eq!(u.commitments[0].month, "June 2025", "newest first");
        assert!(u.commitments.iter().all(|c| c.team.is_none()));
        let u = &uptake(&all, true)["b"];
        assert_eq!(u.commitments[2].team.as_deref(), Some("Housing"));
    }
}
