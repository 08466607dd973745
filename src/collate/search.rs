//! Search over the collated records: the same static search as the board sites
//! ([`crate::index::search`]), fed from the records' titles, summaries and metadata, with facets
//! for board, review type, theme, methodology, abuse type and year. Results link to the boards'
//! own pages (absolute URLs, which the search client keeps as they are).

use super::region::{labelled, Region};
use crate::index::search::{build_search_index, SearchDoc};
use crate::vocab::{Vocab, Vocabularies};
use crate::write::OutFile;

/// `(slug, label)` of a record's values, labelled as the regional pages label them (the
/// record's label, else the default vocabulary's, else the slug).
fn pairs(values: &[String], labels: &[String], vocab: &Vocab) -> Vec<(String, String)> {
    labelled(values, labels, vocab)
        .into_iter()
        .map(|(slug, label)| {
            let label = label.unwrap_or_else(|| slug.clone());
            (slug, label)
        })
        .collect()
}

/// A record's person codes as search facets, labelled as its board labelled them (else the
/// default vocabulary's label, else the slug).
fn person(
    p: Option<&crate::index::learning::RecordPerson>,
    defaults: &Vocabularies,
) -> Vec<(&'static str, String, String)> {
    use crate::index::search::facets::PERSON_FACETS;
    use crate::vocab::VocabKind;
    let Some(p) = p else { return Vec::new() };
    let one = |o: &Option<String>| o.iter().cloned().collect::<Vec<_>>();
    let values: [Vec<String>; 6] = [
        one(&p.age_band),
        one(&p.sex),
        one(&p.ethnicity),
        p.disability.clone(),
        p.care_and_support_needs.clone(),
        one(&p.relationship_to_perpetrator),
    ];
    VocabKind::PERSON
        .iter()
        .zip(PERSON_FACETS)
        .zip(values)
        .flat_map(|((kind, facet), slugs)| {
            slugs.into_iter().map(move |slug| {
                let label = p
                    .labels
                    .get(&slug)
                    .cloned()
                    .or_else(|| defaults.get(*kind).by_slug(&slug).map(|t| t.label.clone()))
                    .unwrap_or_else(|| slug.clone());
                (facet, slug, label)
            })
        })
        .collect()
}

/// One search document per record.
pub(crate) fn search_docs(region: &Region) -> Vec<SearchDoc> {
    let defaults = Vocabularies::defaults();
    region
        .entries
        .iter()
        .map(|e| {
            let r = &e.rec;
            let review_type_label: Vec<String> = r.review_type_label.iter().cloned().collect();
            let review_type = pairs(
                r.review_type.as_slice(),
                &review_type_label,
                &defaults.review_types,
            );
            let themes = e.themes.iter().map(|&t| &region.themes[t]);
            SearchDoc {
                url: r.url.clone(),
                title: r.title.clone(),
                kind: r.kind.clone(),
                kind_label: r.kind_label().to_string(),
                summary: r.summary.clone().unwrap_or_default(),
                headings: Vec::new(),
                // The records carry no body: recommendations are the text that is there.
                body: (r.recommendations.iter())
                    .map(|x| x.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
                date: r.published.clone(),
                year: r.year(),
                board: Some(region.boards[e.board].name.clone()),
                review_type: review_type.into_iter().next(),
                themes: themes.map(|t| (t.slug.clone(), t.label.clone())).collect(),
                methodology: pairs(
                    &r.methodology,
                    &r.methodology_labels,
                    &defaults.methodologies,
                ),
                abuse_types: pairs(&r.abuse_types, &[], &defaults.abuse_types),
                person: person(r.person.as_ref(), &defaults),
                reference: r.reference.clone(),
            }
        })
        .collect()
}

/// The search index files (under `search/`).
pub(crate) fn search_files(region: &Region) -> Vec<OutFile> {
    build_search_index(&search_docs(region))
        .into_iter()
        .map(|f| OutFile::new(f.path, f.bytes))
        .collect()
}
