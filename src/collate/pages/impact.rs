//! `impact/index.html` and `people/index.html`: what the boards' indexes say about the
//! difference the learning made (each review's and learning summary's `impact`), and about the
//! people at the centre of the reviews (their codes, as national analyses count them).

use super::{human_month, plural, OutFile, Renderer};
use crate::collate::CollateError;
use crate::index::search::facets::PERSON_FACETS;
use crate::vocab::{VocabKind, Vocabularies};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct ImpactRow {
    board: String,
    title: String,
    url: String,
    measure: String,
    revisit: Option<String>,
    outcome: Option<String>,
    evidence: Option<String>,
}

#[derive(Serialize)]
struct ImpactGroup {
    id: &'static str,
    title: &'static str,
    intro: &'static str,
    rows: Vec<ImpactRow>,
}

#[derive(Serialize)]
struct CodeRow {
    label: String,
    /// The regional search filtered to it.
    href: String,
    /// One count per board of [`CodeTable::boards`], then the total.
    counts: Vec<usize>,
}

#[derive(Serialize)]
struct CodeTable {
    id: &'static str,
    title: &'static str,
    rows: Vec<CodeRow>,
}

impl Renderer<'_> {
    pub(super) fn impact(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let (mut due, mut found, mut waiting) = (Vec::new(), Vec::new(), Vec::new());
        for e in &r.entries {
            let Some(i) = &e.rec.impact else { continue };
            let row = ImpactRow {
                board: r.boards[e.board].name.clone(),
                title: e.rec.title.clone(),
                url: e.rec.url.clone(),
                measure: i.measure.clone(),
                revisit: i.revisit.as_deref().map(human_month),
                outcome: i.outcome.clone().filter(|o| !o.trim().is_empty()),
                evidence: i.evidence.clone(),
            };
            if row.outcome.is_some() {
                found.push(row);
            } else if i.is_due(r.today) {
                due.push(row);
            } else {
                waiting.push(row);
            }
        }
        let total = due.len() + found.len() + waiting.len();
        let groups = [
            ImpactGroup {
                id: "due",
                title: "Past the month to look again, with no outcome recorded",
                intro: "The board said when it would look again at whether the learning made a difference; that month has passed and its index records no outcome.",
                rows: due,
            },
            ImpactGroup {
                id: "found",
                title: "What boards found",
                intro: "",
                rows: found,
            },
            ImpactGroup {
                id: "waiting",
                title: "Still to be measured",
                intro: "",
                rows: waiting,
            },
        ];
        let mut c = self.page(1, "Impact", "impact", vec![]);
        c.insert(
            "intro",
            &format!(
                "How each board will know whether the learning from its reviews made a difference, and what it found when it looked: {} from the boards' reviews and learning summaries, on {}.",
                plural(total, "measure", "measures"),
                super::human_date(r.today),
            ),
        );
        c.insert("groups", &groups);
        self.render_file("impact/index.html", "region/impact.html", &c)
    }

    pub(super) fn people(&self) -> Result<OutFile, CollateError> {
        let r = self.region;
        let defaults = Vocabularies::defaults();
        let coded: Vec<&crate::collate::region::Entry> = r
            .entries
            .iter()
            .filter(|e| e.rec.kind == "review" && e.rec.person.is_some())
            .collect();
        let boards: Vec<usize> = (0..r.boards.len())
            .filter(|b| coded.iter().any(|e| e.board == *b))
            .collect();
        let tables: Vec<CodeTable> = VocabKind::PERSON
            .iter()
            .zip(PERSON_FACETS)
            .map(|(&kind, facet)| {
                // slug → (label, counts by board)
                let mut m: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
                for e in &coded {
                    let p = e.rec.person.as_ref().expect("coded");
                    let values: Vec<&String> = match kind {
                        VocabKind::AgeBand => p.age_band.iter().collect(),
                        VocabKind::Sex => p.sex.iter().collect(),
                        VocabKind::Ethnicity => p.ethnicity.iter().collect(),
                        VocabKind::Disability => p.disability.iter().collect(),
                        VocabKind::CareAndSupportNeed => p.care_and_support_needs.iter().collect(),
                        _ => p.relationship_to_perpetrator.iter().collect(),
                    };
                    let col = boards
                        .iter()
                        .position(|b| *b == e.board)
                        .expect("a coded board");
                    for slug in values {
                        let label = p
                            .labels
                            .get(slug)
                            .cloned()
                            .or_else(|| defaults.get(kind).by_slug(slug).map(|t| t.label.clone()))
                            .unwrap_or_else(|| slug.clone());
                        m.entry(slug.clone())
                            .or_insert_with(|| (label, vec![0; boards.len()]))
                            .1[col] += 1;
                    }
                }
                let order = |slug: &str| {
                    defaults
                        .get(kind)
                        .terms
                        .iter()
                        .position(|t| t.slug == slug)
                        .unwrap_or(usize::MAX)
                };
                let mut rows: Vec<(String, CodeRow)> = m
                    .into_iter()
                    .map(|(slug, (label, mut counts))| {
                        counts.push(counts.iter().sum());
                        let row = CodeRow {
                            label,
                            href: format!("search/index.html?{facet}={slug}"),
                            counts,
                        };
                        (slug, row)
                    })
                    .collect();
                rows.sort_by(|a, b| {
                    order(&a.0)
                        .cmp(&order(&b.0))
                        .then(a.1.label.cmp(&b.1.label))
                });
                CodeTable {
                    id: facet,
                    title: kind.title(),
                    rows: rows.into_iter().map(|(_, r)| r).collect(),
                }
            })
            .filter(|t| !t.rows.is_empty())
            .collect();
        let mut c = self.page(1, "The people", "people", vec![]);
        c.insert(
            "intro",
            &format!(
                "The people at the centre of the reviews, as the boards coded them (an age band, never an age): {} from {}. Each value links to a search of those reviews.",
                plural(coded.len(), "review", "reviews"),
                plural(boards.len(), "board", "boards"),
            ),
        );
        c.insert(
            "boards",
            &boards
                .iter()
                .map(|&b| r.boards[b].name.as_str())
                .collect::<Vec<_>>(),
        );
        c.insert("tables", &tables);
        self.render_file("people/index.html", "region/people.html", &c)
    }
}
