//! Taxonomies and listings, built in one pass over the visible documents' metadata.

use crate::config::Config;
use crate::content::{Document, Kind};
use crate::vocab::{VocabKind, Vocabularies};
use std::collections::BTreeMap;

/// One term of a taxonomy and the documents filed under it (indexes into the slice given
/// to [`build`], in that slice's order: newest first).
#[derive(Debug, Clone)]
pub(crate) struct Term {
    pub(crate) slug: String,
    pub(crate) label: String,
    pub(crate) docs: Vec<usize>,
}

/// A taxonomy: its URL section (`themes`), its title and its terms in display order.
#[derive(Debug, Clone)]
pub(crate) struct Taxonomy {
    pub(crate) section: &'static str,
    pub(crate) title: &'static str,
    /// What one term is called in a page title ("Theme: Self-neglect").
    pub(crate) singular: &'static str,
    pub(crate) terms: Vec<Term>,
}

pub(crate) const SECTIONS: [(&str, &str, &str); 12] = [
    ("themes", "Themes", "Theme"),
    ("review-types", "Review types", "Review type"),
    ("methodologies", "Methodologies", "Methodology"),
    ("abuse-types", "Types of abuse", "Type of abuse"),
    ("boards", "Boards and partnerships", "Board"),
    ("years", "Years", "Year"),
    // The person at the centre of a review (`person:`), in the order of VocabKind::PERSON;
    // listed only when a published review gives one.
    ("age-bands", "Age bands", "Age band"),
    ("sex", "Sex", "Sex"),
    ("ethnicity", "Ethnic groups", "Ethnic group"),
    ("disability", "Disability", "Disability"),
    (
        "care-and-support-needs",
        "Care and support needs",
        "Care and support needs",
    ),
    (
        "relationship-to-perpetrator",
        "Relationship to the perpetrator",
        "Relationship to the perpetrator",
    ),
];

/// Where the person's codes start in [`SECTIONS`].
const PERSON_FROM: usize = 6;

/// Build every taxonomy from `docs` (pages are not filed).
pub(crate) fn build(docs: &[&Document], config: &Config, vocab: &Vocabularies) -> Vec<Taxonomy> {
    // section index → slug → (label, docs)
    let mut maps: Vec<BTreeMap<String, (String, Vec<usize>)>> =
        vec![BTreeMap::new(); SECTIONS.len()];
    let label_of = |v: &crate::vocab::Vocab, s: &str| {
        v.by_slug(s)
            .map(|t| t.label.clone())
            .unwrap_or_else(|| s.to_string())
    };
    // The board's slug, made once for each board met in a row (most sites have one board).
    let mut board_slug: Option<(&str, String)> = None;
    for (i, d) in docs.iter().enumerate() {
        if d.kind == Kind::Page {
            continue;
        }
        let m = &d.meta;
        // A term's slug and label are copied only the first time it is met.
        let mut file = |sec: usize, slug: &str, label: &dyn Fn() -> String| {
            let e = match maps[sec].get_mut(slug) {
                Some(e) => e,
                None => maps[sec]
                    .entry(slug.to_string())
                    .or_insert_with(|| (label(), Vec::new())),
            };
            if e.1.last() != Some(&i) {
                e.1.push(i);
            }
        };
        for t in &m.themes {
            file(0, t, &|| label_of(&vocab.themes, t));
        }
        if let Some(rt) = &m.review_type {
            file(1, rt, &|| label_of(&vocab.review_types, rt));
        }
        for t in &m.methodology {
            file(2, t, &|| label_of(&vocab.methodologies, t));
        }
        for t in &m.abuse_types {
            file(3, t, &|| label_of(&vocab.abuse_types, t));
        }
        if let Some(b) = d.board(config) {
            if board_slug.as_ref().is_none_or(|(name, _)| *name != b) {
                board_slug = Some((b, crate::content::load::slugify(b)));
            }
            if let Some((_, slug)) = &board_slug {
                file(4, slug, &|| b.to_string());
            }
        }
        if let Some(y) = d.year() {
            let y = y.to_string();
            file(5, &y, &|| y.clone());
        }
        if let Some(p) = &m.person {
            for (k, (kind, slugs)) in p.codes().into_iter().enumerate() {
                for s in slugs {
                    file(PERSON_FROM + k, s, &|| label_of(vocab.get(kind), s));
                }
            }
        }
    }
    SECTIONS
        .iter()
        .zip(maps)
        .map(|(&(section, title, singular), map)| {
            let mut terms: Vec<Term> = map
                .into_iter()
                .map(|(slug, (label, docs))| Term { slug, label, docs })
                .collect();
            if section == "years" {
                terms.sort_by(|a, b| b.slug.cmp(&a.slug));
            } else if let Some(k) = SECTIONS[PERSON_FROM..]
                .iter()
                .position(|s| s.0 == section)
                .map(|i| VocabKind::PERSON[i])
            {
                // The vocabulary's own order: age bands youngest first.
                let order = |slug: &str| vocab.get(k).terms.iter().position(|t| t.slug == slug);
                terms.sort_by_key(|t| order(&t.slug));
            } else {
                terms.sort_by_key(|t| t.label.to_lowercase());
            }
            Taxonomy {
                section,
                title,
                singular,
                terms,
            }
        })
        .enumerate()
        .filter(|(i, t)| *i < PERSON_FROM || !t.terms.is_empty())
        .map(|(_, t)| t)
        .collect()
}
