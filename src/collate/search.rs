//! Search over the collated records: the same static search as the board sites
//! ([`crate::index::search`]), fed from the records' titles, summaries and metadata, with facets
//! for board, review type, theme, methodology, abuse type and year. Results link to the boards'
//! own pages (absolute URLs, which the search client keeps as they are).

use super::region::Region;
use crate::index::search::{build_search_index, SearchDoc};
use crate::vocab::Vocabularies;
use crate::write::OutFile;

/// One search document per record.
pub fn search_docs(region: &Region) -> Vec<SearchDoc> {
    let defaults = Vocabularies::defaults();
    region
        .entries
        .iter()
        .map(|e| {
            let r = &e.rec;
            let methodology = r
                .methodology
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let label = r
                        .methodology_labels
                        .get(i)
                        .cloned()
                        .filter(|l| !l.trim().is_empty());
                    (m.clone(), label.unwrap_or_else(|| m.clone()))
                })
                .collect();
            let abuse_types = r
                .abuse_types
                .iter()
                .map(|a| {
                    (
                        a.clone(),
                        defaults
                            .abuse_types
                            .by_slug(a)
                            .map(|t| t.label.clone())
                            .unwrap_or_else(|| a.clone()),
                    )
                })
                .collect();
            SearchDoc {
                url: r.url.clone(),
                title: r.title.clone(),
                kind: r.kind.clone(),
                kind_label: r.kind_label().to_string(),
                summary: r.summary.clone().unwrap_or_default(),
                headings: Vec::new(),
                // The records carry no body: recommendations are the text that is there.
                body: r
                    .recommendations
                    .iter()
                    .map(|x| x.text.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
                date: r.published.clone(),
                year: r.year(),
                board: Some(region.boards[e.board].name.clone()),
                review_type: r.review_type.clone().map(|t| {
                    let label = r
                        .review_type_label
                        .clone()
                        .filter(|l| !l.trim().is_empty())
                        .unwrap_or_else(|| t.clone());
                    (t, label)
                }),
                themes: e
                    .themes
                    .iter()
                    .map(|&t| {
                        (
                            region.themes[t].slug.clone(),
                            region.themes[t].label.clone(),
                        )
                    })
                    .collect(),
                methodology,
                abuse_types,
            }
        })
        .collect()
}

/// The search index files (under `search/`).
pub fn search_files(region: &Region) -> Vec<OutFile> {
    build_search_index(&search_docs(region))
        .into_iter()
        .map(|f| OutFile::new(f.path, f.bytes))
        .collect()
}
