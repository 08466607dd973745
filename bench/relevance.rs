//! Scores learnsite's search on the relevance set (tests/relevance/queries.yaml) with the Rust
//! mirror of the client, over a built board site and a collated region, and prints recall@10,
//! MRR, nDCG@10 and precision@5 per kind of query. With `--json FILE` it also writes the
//! judged queries and the mirror's rankings, for the browser test (which checks the client
//! ranks the same) and bench/relevance.sh (which scores Pagefind on the same pages).
//!
//! cargo run --example relevance -- BOARD_SITE REGION_SITE [--json FILE] [--misses]

use std::path::PathBuf;

use learnsite::index::search::relevance::{doc_key, evaluate, RelevanceSet, Site};
use learnsite::index::search::SearchIndex;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut sites: Vec<PathBuf> = Vec::new();
    let mut json: Option<PathBuf> = None;
    let mut misses = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = args.next().map(PathBuf::from),
            "--misses" => misses = true,
            _ => sites.push(PathBuf::from(a)),
        }
    }
    let [board, region] = sites.as_slice() else {
        anyhow::bail!("usage: relevance BOARD_SITE REGION_SITE [--json FILE] [--misses]");
    };
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let set = RelevanceSet::load(&repo.join("tests/relevance/queries.yaml"))?;
    let mut out = serde_json::Map::new();
    out.insert("queries".into(), serde_json::to_value(&set.queries)?);
    for (site, dir) in [(Site::Board, board), (Site::Region, region)] {
        let ix = SearchIndex::read_dir(&dir.join("search"))?;
        let (report, rankings) = evaluate(&ix, &set, site);
        print!(
            "{}",
            report.table(&format!(
                "learnsite (Rust mirror), {} site: {}",
                site.name(),
                dir.display()
            ))
        );
        if misses {
            for (q, m, top) in &report.misses {
                println!(
                    "    {q:?}: recall {:.2} rr {:.2}  {}",
                    m.recall,
                    m.rr,
                    top.join(" ")
                );
            }
        }
        out.insert(
            format!("{}_mirror", site.name()),
            serde_json::to_value(&rankings)?,
        );
        // The documents the index holds: other pages (listings) are left out of any ranking.
        let keys: Vec<String> = ix.docs.iter().map(|d| doc_key(site, &d.url)).collect();
        out.insert(
            format!("{}_docs", site.name()),
            serde_json::to_value(&keys)?,
        );
        out.insert(
            format!("{}_report", site.name()),
            serde_json::to_value(report.all)?,
        );
    }
    if let Some(p) = json {
        std::fs::write(&p, serde_json::to_string_pretty(&out)?)?;
    }
    Ok(())
}
