//! The publication decision of a build, in one place. A public build can never contain
//! what was not meant for the public: every stage after this one sees only the
//! [`Decision::published`] documents.
//!
//! The rules, in the order they apply:
//! 1. a draft is held unless the build shows drafts (`--drafts`);
//! 2. an embargoed document is held until its `embargo_until` date;
//! 3. a document for a narrower audience than the build's is held;
//! 4. an ongoing review (`status: ongoing`, or commissioned and not completed) is held from
//!    every build but an internal one; listings show it by type, month commissioned and
//!    themes only ([`Decision::ongoing`]);
//! 5. a document the lint finds errors in is held (and the build fails);
//! 6. a published document may not link to a held one, nor belong to a held review (an
//!    error: the build fails);
//! 7. a file of `static/` that only held documents link to is not copied;
//! 8. teams' feedback shows only on published briefings, and the teams' names only in an
//!    internal build ([`uptake`]).

use crate::content::{Audience, Date, Document, Kind, Site};
use crate::diagnostics::Diagnostic;
use crate::index::taxonomy::Taxonomy;
use crate::render::markdown::{self, Rendered};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What a build is for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Publication {
    pub(crate) audience: Audience,
    /// Include drafts (marked visibly as drafts).
    pub(crate) drafts: bool,
    /// The date of the build (embargoes lift on their date).
    pub(crate) today: NaiveDate,
}

impl Publication {
    /// Does this build publish for everyone (and so may be indexed by search engines)?
    pub(crate) fn is_public(&self) -> bool {
        self.audience == Audience::Public && !self.drafts
    }
}

/// Why a document is held back from this build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Held {
    Draft,
    Embargo { until: String },
    Audience { audience: &'static str },
    Ongoing,
    LintErrors { count: usize },
}

impl Held {
    pub fn describe(&self) -> String {
        match self {
            Held::Draft => "draft (use --drafts to preview)".into(),
            Held::Embargo { until } => format!("embargoed until {until}"),
            Held::Audience { audience } => format!("for {audience} readers only"),
            Held::Ongoing => {
                "an ongoing review: listed by type, month commissioned and themes only (internal builds show it)".into()
            }
            Held::LintErrors { count } => {
                format!(
                    "{count} pseudonymisation or template error{}",
                    if *count == 1 { "" } else { "s" }
                )
            }
        }
    }
}

/// Rules 1–4: is `doc` published by `p`, as far as its own settings go?
pub(crate) fn decide(doc: &Document, p: &Publication) -> Result<(), Held> {
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
    if doc.is_ongoing() && p.audience != Audience::Internal {
        return Err(Held::Ongoing);
    }
    Ok(())
}

/// The split of a site's documents for one build.
#[derive(Debug, Default)]
pub(crate) struct Decision {
    /// Indexes (into the site's documents) of the published documents, in the site's order.
    pub(crate) published: Vec<usize>,
    /// Held documents (by index) and why.
    pub(crate) held: HashMap<usize, Held>,
}

impl Decision {
    /// The ongoing reviews this build lists without their content (held by rule 4 alone).
    pub(crate) fn ongoing<'a>(&self, site: &'a Site) -> Vec<&'a Document> {
        let mut v: Vec<(usize, &'a Document)> = self
            .held
            .iter()
            .filter(|(_, h)| **h == Held::Ongoing)
            .map(|(&i, _)| (i, &site.documents[i]))
            .collect();
        v.sort_by_key(|&(i, _)| i);
        v.into_iter().map(|(_, d)| d).collect()
    }

    /// Rules 1–4 for every document: the candidates the lint then checks.
    pub(crate) fn apply(docs: &[Document], p: &Publication) -> Decision {
        let mut d = Decision::default();
        for (i, doc) in docs.iter().enumerate() {
            match decide(doc, p) {
                Ok(()) => d.published.push(i),
                Err(h) => {
                    d.held.insert(i, h);
                }
            }
        }
        d
    }

    /// Rule 5: hold the documents the lint found errors in.
    pub(crate) fn hold_lint_errors(&mut self, docs: &[Document], findings: &[Diagnostic]) {
        let mut errors: HashMap<&str, usize> = HashMap::new();
        for f in findings.iter().filter(|f| f.is_error()) {
            *errors.entry(f.file.as_str()).or_default() += 1;
        }
        let held = &mut self.held;
        self.published
            .retain(|&i| match errors.get(docs[i].rel_path.as_str()) {
                Some(&count) => {
                    held.insert(i, Held::LintErrors { count });
                    false
                }
                None => true,
            });
    }

    /// The published documents.
    pub(crate) fn documents<'a>(&self, site: &'a Site) -> Vec<&'a Document> {
        self.published.iter().map(|&i| &site.documents[i]).collect()
    }

    /// Rule 6: errors for links from published documents (`bodies`, in the order of
    /// [`Decision::published`]) to held ones, and warnings for links to nothing.
    pub(crate) fn check_links(
        &self,
        site: &Site,
        p: &Publication,
        bodies: &[Rendered],
        taxonomies: &[Taxonomy],
    ) -> Vec<Diagnostic> {
        let docs = self.documents(site);
        let held: HashMap<&str, (&Document, &Held)> = self
            .held
            .iter()
            .map(|(&i, h)| (site.documents[i].url.as_str(), (&site.documents[i], h)))
            .collect();
        let known = KnownUrls::new(site, &docs, taxonomies);
        let mut diags = Vec::new();
        for (d, r) in docs.iter().zip(bodies) {
            for (link, line) in &r.internal_links {
                if let Some(&(target, why)) = held.get(link.as_str()) {
                    diags.push(link_to_held(d, link, *line, target, why, p));
                } else if !known.contains(link) {
                    diags.push(broken_link(d, link, *line));
                }
            }
        }
        diags.extend(reviews_held(&docs, &held, p));
        diags
    }

    /// Rule 7: the files of `static/` this build copies: all but those only held
    /// documents link to. `bodies` are the published documents' rendered bodies.
    pub(crate) fn static_files<'a>(&self, site: &'a Site, bodies: &[Rendered]) -> Vec<&'a String> {
        let by_published: HashSet<&str> = bodies
            .iter()
            .flat_map(|b| b.internal_links.iter().map(|(l, _)| l.as_str()))
            .collect();
        let by_held: HashSet<String> = site
            .documents
            .par_iter()
            .enumerate()
            .filter(|(i, _)| self.held.contains_key(i))
            .flat_map_iter(|(_, d)| {
                markdown::render(d.body(), &d.url, "")
                    .internal_links
                    .into_iter()
                    .map(|(l, _)| l)
            })
            .collect();
        site.static_files
            .iter()
            .filter(|f| !by_held.contains(f.as_str()) || by_published.contains(f.as_str()))
            .collect()
    }
}

/// Rule 8: the uptake of each published briefing (`docs` are the published documents), with
/// the teams' names only when the build is for the board's own staff.
pub(crate) fn uptake(site: &Site, docs: &[&Document], p: &Publication) -> crate::index::Uptakes {
    let show_teams = p.audience == Audience::Internal;
    crate::content::feedback::uptake(&site.feedback, show_teams)
        .into_iter()
        .filter(|(slug, _)| {
            docs.iter()
                .any(|d| d.kind == Kind::Briefing && d.slug == *slug)
        })
        .collect()
}

/// Every site path a published document may link to without a warning.
struct KnownUrls<'a> {
    documents: HashSet<&'a str>,
    static_files: HashSet<&'a str>,
    generated: HashSet<String>,
}

impl<'a> KnownUrls<'a> {
    fn new(site: &'a Site, docs: &[&'a Document], taxonomies: &[Taxonomy]) -> KnownUrls<'a> {
        let mut generated: HashSet<String> = [
            "",
            "reviews/",
            "briefings/",
            "learning-summaries/",
            "search/",
            "feed.xml",
            "sitemap.xml",
            "robots.txt",
            "learning-index.json",
            "learning-index.csv",
            "actions/",
            "actions/exceptions/",
            "actions/actions.csv",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for tax in taxonomies {
            generated.insert(format!("{}/", tax.section));
            for t in &tax.terms {
                generated.insert(format!("{}/{}/", tax.section, t.slug));
                generated.insert(format!("{}/{}/feed.xml", tax.section, t.slug));
            }
        }
        for d in docs.iter().filter(|d| d.kind == Kind::Briefing) {
            generated.insert(crate::render::action_sheet::url_of(&d.url));
        }
        if docs
            .iter()
            .any(|d| d.kind == Kind::Review && !d.meta.quality_markers.is_empty())
        {
            generated.insert(format!("{}/", crate::render::markers::SECTION));
        }
        KnownUrls {
            documents: docs.iter().map(|d| d.url.as_str()).collect(),
            static_files: site.static_files.iter().map(String::as_str).collect(),
            generated,
        }
    }

    fn contains(&self, link: &str) -> bool {
        self.documents.contains(link)
            || self.static_files.contains(link)
            || self.generated.contains(link)
            || link.starts_with("assets/")
            || link.starts_with("search/")
            || link.starts_with(crate::digest::model::FOLDER)
    }
}

/// File line and column (1-based, in characters) of `link`, found on body line `line` of `d`.
fn link_position(d: &Document, link: &str, line: usize) -> (usize, usize) {
    let file_line = d.body_line + line - 1;
    let col = d
        .source
        .lines()
        .nth(file_line - 1)
        .and_then(|l| {
            l.find(link.trim_end_matches('/'))
                .map(|b| l[..b].chars().count() + 1)
        })
        .unwrap_or(1);
    (file_line, col)
}

fn link_to_held(
    d: &Document,
    link: &str,
    line: usize,
    target: &Document,
    why: &Held,
    p: &Publication,
) -> Diagnostic {
    let (line, col) = link_position(d, link, line);
    let what = format!("this links to “{}” ({})", target.title, target.rel_path);
    held_error(d, line, col, &what, why, p)
        .with_len(link.trim_end_matches('/').chars().count())
        .with_hint("remove the link, or publish both documents to the same audience")
}

/// `publish/link-to-held`: `what` (in `d` at `line`:`col`) is not published because `why`.
fn held_error(
    d: &Document,
    line: usize,
    col: usize,
    what: &str,
    why: &Held,
    p: &Publication,
) -> Diagnostic {
    let message = format!(
        "{what}, which is not published in this {} build: {}",
        p.audience.as_str(),
        why.describe()
    );
    Diagnostic::error("publish/link-to-held", &d.rel_path, line, col, message)
        .with_source(&d.source)
}

fn broken_link(d: &Document, link: &str, line: usize) -> Diagnostic {
    let (line, col) = link_position(d, link, line);
    Diagnostic::error(
        "publish/broken-link",
        &d.rel_path,
        line,
        col,
        format!("this links to /{link}, which is not a page or file of this site"),
    )
    .as_warning()
    .with_hint("check the address; links to other pages look like /reviews/adult-d/, files in static/ like /downloads/plan.pdf")
    .with_source(&d.source)
}

/// Errors for published briefings and learning summaries whose `review:` is held.
fn reviews_held(
    docs: &[&Document],
    held: &HashMap<&str, (&Document, &Held)>,
    p: &Publication,
) -> Vec<Diagnostic> {
    let published_reviews: HashSet<&str> = docs
        .iter()
        .filter(|d| d.kind == Kind::Review)
        .map(|d| d.slug.as_str())
        .collect();
    let mut diags = Vec::new();
    for d in docs {
        let Some(r) = &d.meta.review else { continue };
        if published_reviews.contains(r.as_str()) {
            continue;
        }
        let Some((target, why)) = held.get(format!("reviews/{r}/").as_str()) else {
            continue;
        };
        let (line, col) =
            crate::content::frontmatter::locate_value(&d.source[..d.body_offset], 1, "review", r)
                .unwrap_or((1, 1));
        let what = format!(
            "this {} belongs to the review “{}”",
            d.kind.label().to_lowercase(),
            target.title
        );
        diags.push(
            held_error(d, line, col, &what, why, p)
                .with_hint("publish both to the same audience (set `audience:` or `embargo_until:` on this file to match the review's)"),
        );
    }
    diags
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

    #[test]
    fn an_ongoing_review_is_held_from_all_but_internal_builds() {
        let ongoing = doc(Meta {
            status: Some(crate::content::ReviewStatus::Ongoing),
            ..Default::default()
        });
        let commissioned_only = doc(Meta {
            commissioned: Some(crate::content::MonthYear {
                year: 2026,
                month: 2,
            }),
            ..Default::default()
        });
        let completed = doc(Meta {
            commissioned: Some(crate::content::MonthYear {
                year: 2026,
                month: 2,
            }),
            completed: Some(crate::content::MonthYear {
                year: 2026,
                month: 9,
            }),
            ..Default::default()
        });
        let p = |a| Publication {
            audience: a,
            drafts: false,
            today: day("2026-12-01"),
        };
        for d in [&ongoing, &commissioned_only] {
            assert_eq!(decide(d, &p(Audience::Public)), Err(Held::Ongoing));
            assert_eq!(decide(d, &p(Audience::Partners)), Err(Held::Ongoing));
            assert!(decide(d, &p(Audience::Internal)).is_ok());
        }
        assert!(decide(&completed, &p(Audience::Public)).is_ok());
        // A draft stays a draft: it is not listed as ongoing either.
        let draft = doc(Meta {
            draft: true,
            status: Some(crate::content::ReviewStatus::Ongoing),
            ..Default::default()
        });
        assert_eq!(decide(&draft, &p(Audience::Public)), Err(Held::Draft));
    }

    #[test]
    fn lint_errors_hold_a_document_and_warnings_do_not() {
        let docs = vec![doc(Meta::default()), {
            let mut b = doc(Meta::default());
            b.rel_path = "content/reviews/b.md".into();
            b
        }];
        let p = Publication {
            audience: Audience::Public,
            drafts: false,
            today: day("2026-01-01"),
        };
        let mut d = Decision::apply(&docs, &p);
        assert_eq!(d.published, vec![0, 1]);
        let findings = vec![
            Diagnostic::error("lint/name", "content/reviews/a.md", 5, 1, "a name"),
            Diagnostic::error("lint/name", "content/reviews/a.md", 6, 1, "a name"),
            Diagnostic::error("lint/date", "content/reviews/b.md", 5, 1, "a date").as_warning(),
        ];
        d.hold_lint_errors(&docs, &findings);
        assert_eq!(d.published, vec![1]);
        assert_eq!(d.held.get(&0), Some(&Held::LintErrors { count: 2 }));
    }
}
