//! The board site's documents as the search index sees them ([`SearchDoc`]): what a
//! practitioner can search for and filter by.

use super::SearchDoc;
use crate::content::Document;
use crate::render::markdown::Rendered;
use crate::render::view::{self, DocView, TermLink};
use crate::vocab::Vocabularies;

/// One [`SearchDoc`] per published document; `bodies` and `views` are in `docs`' order.
pub(crate) fn search_docs(
    docs: &[&Document],
    bodies: &[Rendered],
    views: &[DocView],
    vocab: &Vocabularies,
) -> Vec<SearchDoc> {
    docs.iter()
        .zip(bodies)
        .zip(views)
        .map(|((d, b), v)| search_doc(d, b, v, vocab))
        .collect()
}

fn search_doc(d: &Document, b: &Rendered, v: &DocView, vocab: &Vocabularies) -> SearchDoc {
    let pair = |t: &TermLink| (t.slug.clone(), t.label.clone());
    SearchDoc {
        url: view::href(&d.url),
        title: d.title.clone(),
        kind: d.kind.as_str().to_string(),
        kind_label: d.kind.label().to_string(),
        summary: d.meta.summary.clone().unwrap_or_default(),
        // The labels (themes, review type, methodology, abuse types) are searchable too, as a
        // field of their own that the index builds from the pairs below ([`super::labels`]).
        headings: b.headings.iter().map(|h| h.text.clone()).collect(),
        body: b.text.clone(),
        date: d.sort_date().map(|x| x.format("%Y-%m-%d").to_string()),
        year: d.year(),
        board: v.board.clone(),
        review_type: v.review_type.as_ref().map(pair),
        themes: v.themes.iter().map(pair).collect(),
        methodology: v.methodology.iter().map(pair).collect(),
        abuse_types: v.abuse_types.iter().map(pair).collect(),
        person: person(d, vocab),
        reference: d.meta.reference.clone(),
    }
}

/// The person's codes as search facets: `(facet id, slug, label)`.
fn person(d: &Document, vocab: &Vocabularies) -> Vec<(&'static str, String, String)> {
    let Some(p) = &d.meta.person else {
        return Vec::new();
    };
    p.codes()
        .into_iter()
        .flat_map(|(kind, values)| {
            values.into_iter().map(move |slug| {
                let label = vocab
                    .get(kind)
                    .by_slug(slug)
                    .map(|t| t.label.clone())
                    .unwrap_or_else(|| slug.to_string());
                (super::facets::person_facet(kind), slug.to_string(), label)
            })
        })
        .collect()
}
