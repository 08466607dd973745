//! Static search index (chunked inverted index) and its browser client. See issue 5.
//!
//! [`build_search_index`] turns the visible documents into a set of JavaScript files under
//! `search/` that the client (`assets/search/`, joined into `search/search.js`) loads with
//! `<script>` tags, so search works from `file://` as well as over HTTP, with no server and no
//! outside request:
//!
//! | file | what | loaded |
//! |---|---|---|
//! | `search/manifest.js` | first word of each term chunk, stop words, score table, counts, the facets and their values | first query |
//! | `search/facets/ID.js` | one facet's values of every document, bit-packed (their names are in the manifest, each result's in its record) | when a search filters by it; all for the filter panel, after the first results |
//! | `search/terms/N.js` | surface words → stem, and the stems' postings (doc id, impact) | per query word |
//! | `search/records/N.js` | title, url, date and facet values of 16 documents | per result shown |
//! | `search/text/K.js` | zlib-compressed texts of consecutive documents (about 24 KB a file), for excerpts and phrases | per result shown |
//! | `search/search.js`, `search/search.css`, `search/highlight.js` | client | page load |
//!
//! Documents get ids in date order (newest first), so "newest" and "oldest" sorts need no data.
//! Postings carry no positions: each is a document id and a 6-bit impact, the document's BM25F
//! score for the stem (per-field saturation, weights title ≫ headings ≫ summary ≫ body)
//! quantised on a log scale. The client adds the impacts of the query's words; the same query
//! logic is mirrored in Rust ([`SearchIndex::search`]) for tests and the benchmark.

pub(crate) mod analyse;
pub(crate) mod documents;
pub(crate) mod encode;
pub(crate) mod facets;
pub(crate) mod files;
pub(crate) mod index;
pub(crate) mod labels;
pub(crate) mod postings;
pub(crate) mod query;
pub(crate) mod read;
pub mod relevance;
pub(crate) mod synonyms;
pub(crate) mod text;

pub use index::SearchIndex;
#[cfg(test)]
pub(crate) use index::CHUNK_TARGET;
pub(crate) use query::parse_query;
#[cfg(test)]
pub(crate) use query::ParsedQuery;
pub use query::{Query, SearchResults, Sort};

/// One visible document, as the search index sees it. Deliberately independent of the content
/// model so the board site build and the regional `collate` site can both feed it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchDoc {
    /// Site-relative URL, e.g. `reviews/adult-d/index.html` (the client prefixes its own root).
    pub url: String,
    pub title: String,
    /// `review`, `briefing`, `learning-summary` or `page`.
    pub kind: String,
    pub kind_label: String,
    pub summary: String,
    pub headings: Vec<String>,
    /// Plain text of the body.
    pub body: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub year: Option<i32>,
    pub board: Option<String>,
    /// `(slug, label)`.
    pub review_type: Option<(String, String)>,
    pub themes: Vec<(String, String)>,
    pub methodology: Vec<(String, String)>,
    pub abuse_types: Vec<(String, String)>,
    /// The person's codes, as `(facet id, slug, label)`: the facet ids are those of
    /// [`facets::PERSON_FACETS`] (`age_band`, `sex`, ...).
    pub person: Vec<(&'static str, String, String)>,
    /// The board's reference for the review (`NS-SAR-2024-01`), searchable as typed on a report
    /// or in an email.
    pub reference: Option<String>,
}

/// One file to write, relative to the output root (e.g. `search/terms/12.js`): the crate's
/// one output-file type.
pub type SearchFile = crate::write::OutFile;

/// Build every file of the search: index files plus the client's JS and CSS. The labels'
/// other names come from the default vocabularies ([`build_search_index_with`] for a site's own).
pub fn build_search_index(docs: &[SearchDoc]) -> Vec<SearchFile> {
    SearchIndex::build_files(docs, &labels::Aliases::defaults())
}

/// [`build_search_index`], with the vocabularies' other names for the labels (`SAR`, `MCA`),
/// searchable as the labels are.
pub(crate) fn build_search_index_with(
    docs: &[SearchDoc],
    aliases: &labels::Aliases,
) -> Vec<SearchFile> {
    SearchIndex::build_files(docs, aliases)
}

/// The client's static assets (also part of [`build_search_index`]'s output).
pub(crate) fn asset_files() -> Vec<SearchFile> {
    vec![
        SearchFile {
            path: "search/search.js".into(),
            bytes: ASSET_SEARCH_JS.as_bytes().to_vec(),
        },
        SearchFile {
            path: "search/search.css".into(),
            bytes: ASSET_SEARCH_CSS.as_bytes().to_vec(),
        },
        SearchFile {
            path: "search/highlight.js".into(),
            bytes: ASSET_HIGHLIGHT_JS.as_bytes().to_vec(),
        },
    ]
}

/// The client, `search/search.js`: plain JavaScript written in parts (`assets/search/`, each
/// about one thing) and joined here into one script inside one function, so the page loads one
/// file, from `file://` as over HTTP, and only the `__ls_*` callbacks and `learnsiteSearch` are
/// global. The parts share that function's scope; `ui.js` comes last and starts the page.
pub(crate) const ASSET_SEARCH_JS: &str = concat!(
    "/* learnsite search client. No framework, no outside requests: every index file is a script\n",
    " * in this folder that calls back one of the window.__ls_* functions, so the search also\n",
    " * works when the site is opened from disk (file://). The query logic mirrors\n",
    " * src/index/search/query.rs; keep them in step. Source: src/index/search/assets/search/. */\n",
    "(function () {\n'use strict';\n\n",
    include_str!("assets/search/load.js"),
    "\n",
    include_str!("assets/search/text.js"),
    "\n",
    include_str!("assets/search/decode.js"),
    "\n",
    include_str!("assets/search/index.js"),
    "\n",
    include_str!("assets/search/query.js"),
    "\n",
    include_str!("assets/search/score.js"),
    "\n",
    include_str!("assets/search/filters.js"),
    "\n",
    include_str!("assets/search/excerpt.js"),
    "\n",
    include_str!("assets/search/state.js"),
    "\n",
    include_str!("assets/search/ui_results.js"),
    "\n",
    include_str!("assets/search/ui_filters.js"),
    "\n",
    include_str!("assets/search/ui.js"),
    "})();\n"
);
pub(crate) const ASSET_SEARCH_CSS: &str = include_str!("assets/search.css");
pub(crate) const ASSET_HIGHLIGHT_JS: &str = include_str!("assets/highlight.js");
/// The search page template (Tera, extends `base.html`): the same text as `layouts/search.html`.
pub const SEARCH_TEMPLATE: &str = include_str!("../../../layouts/search.html");

#[cfg(test)]
mod tests;
