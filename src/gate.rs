//! Gate: which documents this build publishes. A public build can never contain what was
//! not meant for the public: everything downstream sees only [`Gate::visible`] documents.

use crate::content::{Audience, Date, Document};
use chrono::NaiveDate;
use serde::Serialize;

/// What a build is for.
#[derive(Debug, Clone, Copy)]
pub struct Publication {
    pub audience: Audience,
    /// Include drafts (marked visibly as drafts).
    pub drafts: bool,
    /// The date of the build (embargoes lift on their date).
    pub today: NaiveDate,
}

/// Why a document is held back from this build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Held {
    Draft,
    Embargo { until: String },
    Audience { audience: &'static str },
    LintErrors { count: usize },
}

impl Held {
    pub fn describe(&self) -> String {
        match self {
            Held::Draft => "draft (use --drafts to preview)".into(),
            Held::Embargo { until } => format!("embargoed until {until}"),
            Held::Audience { audience } => format!("for {audience} readers only"),
            Held::LintErrors { count } => {
                format!(
                    "{count} pseudonymisation or template error{}",
                    if *count == 1 { "" } else { "s" }
                )
            }
        }
    }
}

/// Decide whether `doc` is published by `p`.
pub fn decide(doc: &Document, p: &Publication) -> Result<(), Held> {
    let m = &doc.meta;
    if m.draft && !p.drafts {
        return Err(Held::Draft);
    }
    if let Some(Date(until)) = m.embargo_until {
        if p.today < until {
            return Err(Held::Embargo {
                until: until.format("%Y-%m-%d").to_string(),
            });
        }
    }
    if !p.audience.includes(m.audience) {
        return Err(Held::Audience {
            audience: m.audience.as_str(),
        });
    }
    Ok(())
}

/// The split of a site's documents for one build.
#[derive(Debug, Default)]
pub struct Gate {
    /// Indexes (into the site's documents) of the published documents.
    pub visible: Vec<usize>,
    /// Indexes of held documents and why.
    pub held: Vec<(usize, Held)>,
}

impl Gate {
    pub fn apply(docs: &[Document], p: &Publication) -> Gate {
        let mut g = Gate::default();
        for (i, d) in docs.iter().enumerate() {
            match decide(d, p) {
                Ok(()) => g.visible.push(i),
                Err(h) => g.held.push((i, h)),
            }
        }
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Kind, Meta};

    fn doc(meta: Meta) -> Document {
        Document {
            kind: Kind::Review,
            slug: "a".into(),
            rel_path: "content/reviews/a.md".into(),
            path: "a.md".into(),
            source: String::new(),
            front_matter_lines: (2, 2),
            body_offset: 0,
            body_line: 4,
            meta,
            title: "A".into(),
            url: "reviews/a/".into(),
        }
    }
    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn audiences_nest() {
        let partners = doc(Meta {
            audience: Audience::Partners,
            ..Default::default()
        });
        let p = |a| Publication {
            audience: a,
            drafts: false,
            today: day("2026-01-01"),
        };
        assert!(decide(&partners, &p(Audience::Public)).is_err());
        assert!(decide(&partners, &p(Audience::Partners)).is_ok());
        assert!(decide(&partners, &p(Audience::Internal)).is_ok());
    }

    #[test]
    fn drafts_only_with_flag_and_embargo_lifts_on_its_date() {
        let d = doc(Meta {
            draft: true,
            ..Default::default()
        });
        let mut p = Publication {
            audience: Audience::Internal,
            drafts: false,
            today: day("2026-01-01"),
        };
        assert_eq!(decide(&d, &p), Err(Held::Draft));
        p.drafts = true;
        assert!(decide(&d, &p).is_ok());
        let e = doc(Meta {
            embargo_until: Some(Date(day("2026-03-01"))),
            ..Default::default()
        });
        p.today = day("2026-02-28");
        assert!(matches!(decide(&e, &p), Err(Held::Embargo { .. })));
        p.today = day("2026-03-01");
        assert!(decide(&e, &p).is_ok());
    }
}
