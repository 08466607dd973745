//! Authoring: `learnsite init DIR` starts a site, `learnsite new KIND NAME` starts a
//! document from the sector's template. Neither ever overwrites a file.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("{} already exists: learnsite never overwrites a file. Choose another name, or edit the existing file", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("`{0}` cannot be used as a file name: use lowercase letters, digits and hyphens, e.g. `adult-d`")]
    BadName(String),
}

fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    if path.exists() {
        return Err(ScaffoldError::Exists(path.to_path_buf()));
    }
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p).map_err(|source| ScaffoldError::Io {
            path: p.to_path_buf(),
            source,
        })?;
    }
    std::fs::write(path, text).map_err(|source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// What kind of document `new` makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewKind {
    Review,
    Briefing,
    LearningSummary,
    /// A team's feedback on a briefing (`content/feedback/`): NAME is the briefing's file name.
    Feedback,
}

const REVIEW: &str = r#"---
title: "Safeguarding Adults Review: Adult X"
summary: "One or two sentences about the review, without anything that could identify the person."
review_type: sar
statutory_basis: mandatory
methodology: [learning-together]
themes: [professional-curiosity]
reference: "XX-SAR-2026-01"
incident: 2026-01          # month and year only
commissioned: 2026-02
completed: 2026-09
agencies: []
pseudonyms: [Adult X]      # the agreed names that may appear in the text
draft: true                # remove when it is ready to publish
recommendations:
  - id: R1
    text: "What should change."
    owner: "Which agency or group (never a person's name)"
    due: 2027-03
    status: not-started
---

## About this review

Why the review was commissioned, how it was carried out, who took part (roles, not names).

## About Adult X

Who Adult X was, in the words of the family where they agreed.

## What happened

Month and year only.

## Findings

### Good practice

### Areas for learning

## Recommendations

## Action plan
"#;

const BRIEFING: &str = r#"---
title: "7-minute briefing: "
summary: ""
themes: []
draft: true
# review: the-review-file-name   (if it comes from a review)
---

## 1. Background

## 2. Why it matters

## 3. Information

## 4. Key points

## 5. Key points (continued)

## 6. Questions to reflect on

## 7. What to do

- Two to five things a practitioner or team can do. These points are printed on the
  briefing's team action sheet (its page links to it), where the team records what it
  will do differently.
"#;

/// A returned team action sheet or a practitioner's feedback; `{briefing}` and `{date}` are
/// filled in.
const FEEDBACK: &str = r#"# Feedback on a 7-minute briefing: one file for each returned team action sheet.
# It is counted on the briefing's page ("discussed by 4 teams since March 2025") and what the
# team will change is shown there, but the team's name is only ever shown in an internal build.
# Write roles, never people's names.
briefing: {briefing}          # the briefing's file name, without .md
team: ""                      # the team or service that discussed it
date: {date}                  # the day it discussed the briefing
what_will_change: ""          # what the team will do differently
by: {month}                   # optional: by when (year and month)
who_checks: ""                # optional: who checks it happened (a role)
# people: 8                   # optional: how many took part
# rating: 4                   # optional: how useful it was, 1 (not useful) to 5 (very useful)
"#;

const LEARNING_SUMMARY: &str = r#"---
title: "Learning summary: "
review_type: sar
methodology: []
incident: 2026-01          # month and year only
reference: ""
themes: []
completed: 2026-09
selection: "How the case was selected for review"
lead_reviewer: "Independent reviewer"
draft: true
# review: the-review-file-name
---

## What was learnt about the case

## What was learnt about the review and its method

## Key recommendations: single-agency

## Key recommendations: multi-agency

## How changes will be made and who does what

## How impact will be audited

## Other comments
"#;

/// Create `content/<section>/<name>.md` from the template of `kind` (for feedback:
/// `content/feedback/<name>-<n>.yaml`, the next free `n`, about the briefing `name`). Returns
/// its path.
pub fn new_document(site: &Path, kind: NewKind, name: &str) -> Result<PathBuf, ScaffoldError> {
    let slug = crate::content::load::slugify(name.trim_end_matches(".md"));
    if slug.is_empty() || slug != name.trim_end_matches(".md") {
        return Err(ScaffoldError::BadName(name.to_string()));
    }
    let (section, text) = match kind {
        NewKind::Review => ("reviews", REVIEW),
        NewKind::Briefing => ("briefings", BRIEFING),
        NewKind::LearningSummary => ("learning-summaries", LEARNING_SUMMARY),
        NewKind::Feedback => return new_feedback(site, &slug),
    };
    let path = site
        .join("content")
        .join(section)
        .join(format!("{slug}.md"));
    write_new(&path, text)?;
    Ok(path)
}

fn new_feedback(site: &Path, briefing: &str) -> Result<PathBuf, ScaffoldError> {
    let dir = site.join("content").join(crate::content::feedback::FOLDER);
    let path = (1..)
        .map(|n| dir.join(format!("{briefing}-{n}.yaml")))
        .find(|p| !p.exists())
        .expect("a free file name");
    let today = chrono::Local::now().date_naive();
    let text = FEEDBACK
        .replace("{briefing}", briefing)
        .replace("{date}", &today.format("%Y-%m-%d").to_string())
        .replace("{month}", &today.format("%Y-%m").to_string());
    write_new(&path, &text)?;
    Ok(path)
}

/// Start a new site in `dir`.
pub fn init(dir: &Path, title: &str) -> Result<(), ScaffoldError> {
    let cfg = dir.join(crate::config::CONFIG_FILE);
    if cfg.exists() {
        return Err(ScaffoldError::Exists(cfg));
    }
    write_new(
        &cfg,
        &format!(
            "title: \"{}\"\nbase_url: \"https://learning.example.org.uk/\"\nboard: \"Example Safeguarding Adults Board\"\nregion: \"\"\nlanguage: en-GB\nlint:\n  allow: []\n  # A private list of the real names involved, one a line, kept OUT of content/ and\n  # never published: the lint then catches every one of them.\n  # known_names: known-names.txt\nfeedback:\n  # A link on every review, briefing and learning summary inviting feedback; {{reference}}\n  # is filled in. An email address (mailto:) or the address of a form.\n  # link: \"mailto:learning@example.org.uk?subject=Feedback on {{reference}}\"\n  # Who teams return a briefing's action sheet to (printed on the sheet).\n  return_to: \"your agency's safeguarding lead\"\n",
            title.replace('"', "'")
        ),
    )?;
    write_new(
        &dir.join("content/index.md"),
        "---\ntitle: \"Learning from reviews\"\n---\n\nWhat this site is, and who it is for.\n",
    )?;
    write_new(&dir.join("content/accessibility.md"), "---\ntitle: \"Accessibility statement\"\n---\n\nThis website aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.\nTell us about any problem you find.\n")?;
    write_new(&dir.join("content/reviews/.keep"), "")?;
    write_new(&dir.join("content/briefings/.keep"), "")?;
    write_new(&dir.join("content/learning-summaries/.keep"), "")?;
    // Returned team action sheets: `learnsite new feedback BRIEFING` starts one.
    write_new(&dir.join("content/feedback/.keep"), "")?;
    let gi = dir.join(".gitignore");
    let mut text = std::fs::read_to_string(&gi).unwrap_or_default();
    for line in ["/public/", "known-names.txt"] {
        if !text.lines().any(|l| l.trim() == line) {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(line);
            text.push('\n');
        }
    }
    std::fs::write(&gi, text).map_err(|source| ScaffoldError::Io { path: gi, source })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_never_overwrites_and_checks_names() {
        let t = tempfile::tempdir().unwrap();
        let p = new_document(t.path(), NewKind::Briefing, "safer-sleep").unwrap();
        assert!(std::fs::read_to_string(&p)
            .unwrap()
            .contains("## 7. What to do"));
        assert!(matches!(
            new_document(t.path(), NewKind::Briefing, "safer-sleep"),
            Err(ScaffoldError::Exists(_))
        ));
        assert!(matches!(
            new_document(t.path(), NewKind::Review, "Adult D!"),
            Err(ScaffoldError::BadName(_))
        ));
    }

    #[test]
    fn new_feedback_names_the_briefing_and_never_overwrites() {
        let t = tempfile::tempdir().unwrap();
        let a = new_document(t.path(), NewKind::Feedback, "safer-sleep").unwrap();
        let b = new_document(t.path(), NewKind::Feedback, "safer-sleep").unwrap();
        assert!(a.ends_with("content/feedback/safer-sleep-1.yaml"));
        assert!(b.ends_with("content/feedback/safer-sleep-2.yaml"));
        let text = std::fs::read_to_string(a).unwrap();
        assert!(text.contains("\nbriefing: safer-sleep "));
    }

    #[test]
    fn init_ignores_known_names_file() {
        let t = tempfile::tempdir().unwrap();
        init(t.path(), "Test").unwrap();
        let gi = std::fs::read_to_string(t.path().join(".gitignore")).unwrap();
        assert!(gi.lines().any(|l| l == "known-names.txt"));
        assert!(init(t.path(), "Test").is_err());
    }
}
