//! Index: everything a build writes about its published documents besides their pages,
//! behind one entry point, [`index_site`]. Only documents visible to the build's audience
//! ever reach this stage.
//!
//! | file | what |
//! |---|---|
//! | [`taxonomy`] | themes, review types, methodologies, abuse types, boards, years, and their documents |
//! | [`search`] | the static search index under `search/` (and [`search::documents`], what it is fed) |
//! | [`learning`] | the regional learning index (`learning-index.json`, `.csv`, `-recommendations.csv`) |
//! | [`feed`] | Atom feeds: the site's and one per theme |
//! | [`sitemap`] | `sitemap.xml` and `robots.txt` |

pub(crate) mod feed;
pub mod learning;
pub mod search;
pub(crate) mod sitemap;
pub(crate) mod taxonomy;

use crate::config::Config;
use crate::content::Document;
use crate::render::markdown::Rendered;
use crate::render::view::DocView;
use crate::site::Publication;
use crate::vocab::Vocabularies;
use crate::write::OutFile;
use taxonomy::Taxonomy;

/// What the index stage is given: the published documents, newest first, with their
/// rendered bodies and view models (same order) and their taxonomies.
pub(crate) struct Input<'a> {
    pub(crate) config: &'a Config,
    pub(crate) vocab: &'a Vocabularies,
    pub(crate) docs: &'a [&'a Document],
    /// The ongoing reviews the build lists without their content.
    pub(crate) ongoing: &'a [&'a Document],
    pub(crate) bodies: &'a [Rendered],
    pub(crate) views: &'a [DocView],
    pub(crate) taxonomies: &'a [Taxonomy],
    pub(crate) publication: &'a Publication,
    /// What teams did with each published briefing (by slug), from `content/feedback/`.
    pub(crate) uptake: &'a Uptakes,
}

/// Uptake of the published briefings, by slug.
pub(crate) type Uptakes = std::collections::HashMap<String, crate::content::feedback::Uptake>;

/// The search index, the learning index, the feeds, the sitemap and robots.txt: the first
/// two side by side (each is long and the render stage fills the gaps either leaves).
pub(crate) fn index_site(input: &Input) -> Vec<OutFile> {
    use crate::progress::timed;
    let (mut files, rest) = rayon::join(
        || timed("search index", || search_index(input)),
        || {
            timed("learning index, feeds, sitemap", || {
                learning_and_feeds(input)
            })
        },
    );
    files.extend(rest);
    files
}

/// The search index's files (under `search/`).
fn search_index(input: &Input) -> Vec<OutFile> {
    let search_docs =
        search::documents::search_docs(input.docs, input.bodies, input.views, input.vocab);
    // The site's vocabularies give the labels' other names (SAR, MCA, its own aliases).
    let aliases = search::labels::Aliases::from_vocab(input.vocab);
    search::build_search_index_with(&search_docs, &aliases)
}

/// The learning index, the feeds, the sitemap and robots.txt.
fn learning_and_feeds(input: &Input) -> Vec<OutFile> {
    let (config, docs, today) = (input.config, input.docs, input.publication.today);
    let mut files = Vec::new();
    let mut li = learning::build_learning_index(config, input.vocab, docs, input.ongoing, today);
    for r in li.records.iter_mut().filter(|r| r.kind == "briefing") {
        r.feedback = input.uptake.get(&r.slug).map(Into::into);
    }
    files.push(OutFile::new(learning::JSON_FILE, learning::to_json(&li)));
    files.push(OutFile::new(learning::CSV_FILE, learning::to_csv(&li)));
    files.push(OutFile::new(
        learning::RECOMMENDATIONS_CSV_FILE,
        learning::recommendations_csv(&li),
    ));

    files.push(OutFile::new(
        "feed.xml",
        feed::atom(config, &config.title, "feed.xml", docs, today),
    ));
    for tax in input.taxonomies.iter().filter(|t| t.section == "themes") {
        for t in &tax.terms {
            let tdocs: Vec<&Document> = t.docs.iter().map(|&i| docs[i]).collect();
            let path = format!("themes/{}/feed.xml", t.slug);
            let title = format!("{}: {}", config.title, t.label);
            let xml = feed::atom(config, &title, &path, &tdocs, today);
            files.push(OutFile::new(path, xml));
        }
    }

    // The monthly updates' feed (their pages are rendered by render::digest from the same
    // records).
    let months = crate::digest::model::monthly(&config.title, &li.records, &config.base_url);
    files.push(OutFile::new(
        format!("{}feed.xml", crate::digest::model::FOLDER),
        feed::digest_atom(config, &months, today),
    ));

    let pages = sitemap::pages(docs, input.taxonomies);
    files.push(OutFile::new(
        "sitemap.xml",
        sitemap::sitemap(config, &pages),
    ));
    files.push(OutFile::new(
        "robots.txt",
        sitemap::robots(config, input.publication.is_public()),
    ));
    files
}
