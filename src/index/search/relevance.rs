//! Measuring search quality: a judged query set (`tests/relevance/queries.yaml`), the metrics
//! of one ranking (recall@10, reciprocal rank, nDCG@10, precision@5) and their averages per
//! kind of query. The relevance test, the `relevance` example and the browser and Pagefind
//! measurements (through the JSON the example writes) all score with these definitions.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::query::Query;
use super::SearchIndex;

/// Results looked at for recall and nDCG.
pub const CUTOFF: usize = 10;
/// Results looked at for precision.
pub const PRECISION_AT: usize = 5;

#[derive(Debug, thiserror::Error)]
pub enum RelevanceError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Yaml {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: query {q:?} names {name:?}, which is not under `docs:`; add it there or fix the name")]
    UnknownDoc {
        path: PathBuf,
        q: String,
        name: String,
    },
    #[error("{path}: query {q:?} names {name:?} for the {site} site, where that document does not exist")]
    NotOnSite {
        path: PathBuf,
        q: String,
        name: String,
        site: &'static str,
    },
}

/// Which site a ranking comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Site {
    /// The example board site (`learnsite build`).
    Board,
    /// The region collated from it and the fixture boards (`learnsite collate`).
    Region,
}

impl Site {
    pub fn name(self) -> &'static str {
        match self {
            Site::Board => "board",
            Site::Region => "region",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    docs: BTreeMap<String, (Option<String>, Option<String>)>,
    queries: Vec<RawQuery>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuery {
    kind: String,
    q: String,
    #[serde(default)]
    board: Vec<String>,
    #[serde(default)]
    region: Vec<String>,
}

/// One judged document: its key (see [`doc_key`]) and grade (2 required, 1 relevant).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgment {
    pub key: String,
    pub grade: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct JudgedQuery {
    pub kind: String,
    pub q: String,
    pub board: Vec<Judgment>,
    pub region: Vec<Judgment>,
}

impl JudgedQuery {
    pub fn judgments(&self, site: Site) -> &[Judgment] {
        match site {
            Site::Board => &self.board,
            Site::Region => &self.region,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RelevanceSet {
    pub queries: Vec<JudgedQuery>,
}

impl RelevanceSet {
    pub fn load(path: &Path) -> Result<RelevanceSet, RelevanceError> {
        let text = std::fs::read_to_string(path).map_err(|source| RelevanceError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<RelevanceSet, RelevanceError> {
        let raw: RawSet = serde_norway::from_str(text).map_err(|e| {
            let (line, column) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
            RelevanceError::Yaml {
                path: path.to_path_buf(),
                line,
                column,
                message: e.to_string(),
            }
        })?;
        let mut queries = Vec::new();
        for rq in raw.queries {
            let resolve = |names: &[String], site: Site| -> Result<Vec<Judgment>, RelevanceError> {
                names
                    .iter()
                    .map(|n| {
                        let (grade, name) = match n.strip_prefix('~') {
                            Some(rest) => (1, rest),
                            None => (2, n.as_str()),
                        };
                        let (b, r) =
                            raw.docs
                                .get(name)
                                .ok_or_else(|| RelevanceError::UnknownDoc {
                                    path: path.to_path_buf(),
                                    q: rq.q.clone(),
                                    name: name.to_string(),
                                })?;
                        let key = match site {
                            Site::Board => b,
                            Site::Region => r,
                        };
                        let key = key.clone().ok_or_else(|| RelevanceError::NotOnSite {
                            path: path.to_path_buf(),
                            q: rq.q.clone(),
                            name: name.to_string(),
                            site: site.name(),
                        })?;
                        Ok(Judgment { key, grade })
                    })
                    .collect()
            };
            let board = resolve(&rq.board, Site::Board)?;
            let region = resolve(&rq.region, Site::Region)?;
            queries.push(JudgedQuery {
                kind: rq.kind,
                q: rq.q,
                board,
                region,
            });
        }
        Ok(RelevanceSet { queries })
    }
}

/// The key a judgment names a document by. Board site: its path without `index.html` and
/// slashes (`reviews/adult-d`; the home page is `index`), whatever the scheme and host of
/// `url`. Region: the second label of the board site's host, then the path
/// (`https://learning.fellhaven.example/reviews/adult-f/` → `fellhaven/reviews/adult-f`).
pub fn doc_key(site: Site, url: &str) -> String {
    let (host, path) = match url.split_once("://") {
        Some((_, rest)) => match rest.split_once('/') {
            Some((h, p)) => (h, p),
            None => (rest, ""),
        },
        None => ("", url),
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.trim_matches('/');
    let path = if path.is_empty() { "index" } else { path };
    match site {
        Site::Board => path.to_string(),
        Site::Region => {
            let board = host.split('.').nth(1).unwrap_or(host);
            format!("{board}/{path}")
        }
    }
}

/// Scores of one ranking against one query's judgments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// Share of the required documents in the first [`CUTOFF`] results.
    pub recall: f64,
    /// 1 / rank of the first relevant document (0 when none is in the first [`CUTOFF`]).
    pub rr: f64,
    /// nDCG at [`CUTOFF`], gain 2 for required and 1 for relevant documents.
    pub ndcg: f64,
    /// Relevant documents among the first [`PRECISION_AT`] results, over as many as there could
    /// be (`min(PRECISION_AT, judged)`).
    pub precision: f64,
}

/// Score `ranking` (document keys, best first). `None` when nothing is required (the query is
/// not scored on that site).
pub fn score(ranking: &[String], judged: &[Judgment]) -> Option<Metrics> {
    let required = judged.iter().filter(|j| j.grade >= 2).count();
    if required == 0 {
        return None;
    }
    let grade = |k: &str| judged.iter().find(|j| j.key == k).map_or(0, |j| j.grade);
    let top: Vec<&String> = ranking.iter().take(CUTOFF).collect();
    let found = top.iter().filter(|k| grade(k) >= 2).count();
    let rr = top
        .iter()
        .position(|k| grade(k) > 0)
        .map_or(0.0, |p| 1.0 / (p as f64 + 1.0));
    let dcg: f64 = top
        .iter()
        .enumerate()
        .map(|(i, k)| f64::from(grade(k)) / (i as f64 + 2.0).log2())
        .sum();
    let mut ideal: Vec<u8> = judged.iter().map(|j| j.grade).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(CUTOFF)
        .enumerate()
        .map(|(i, &g)| f64::from(g) / (i as f64 + 2.0).log2())
        .sum();
    let hits5 = ranking
        .iter()
        .take(PRECISION_AT)
        .filter(|k| grade(k) > 0)
        .count();
    Some(Metrics {
        recall: found as f64 / required as f64,
        rr,
        ndcg: if idcg > 0.0 { dcg / idcg } else { 0.0 },
        precision: hits5 as f64 / PRECISION_AT.min(judged.len()) as f64,
    })
}

/// Averages per kind of query and over all queries.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// kind → (queries scored, mean metrics)
    pub kinds: BTreeMap<String, (usize, Metrics)>,
    pub all: (usize, Metrics),
    /// Scored queries with recall below 1 or a first relevant result below rank 1:
    /// (query, metrics, first results).
    pub misses: Vec<(String, Metrics, Vec<String>)>,
}

impl Report {
    /// Add one query's score.
    pub fn add(&mut self, kind: &str, q: &str, m: Metrics, ranking: &[String]) {
        for (n, acc) in [
            self.kinds.entry(kind.to_string()).or_default(),
            &mut self.all,
        ] {
            *n += 1;
            let k = *n as f64;
            acc.recall += (m.recall - acc.recall) / k;
            acc.rr += (m.rr - acc.rr) / k;
            acc.ndcg += (m.ndcg - acc.ndcg) / k;
            acc.precision += (m.precision - acc.precision) / k;
        }
        if m.recall < 1.0 || m.rr < 1.0 {
            self.misses.push((
                q.to_string(),
                m,
                ranking.iter().take(CUTOFF).cloned().collect(),
            ));
        }
    }

    /// A table: one line per kind, then all.
    pub fn table(&self, title: &str) -> String {
        let mut s = format!(
            "{title}\n  {:<12} {:>7} {:>9} {:>6} {:>8} {:>6}\n",
            "kind", "queries", "recall@10", "MRR", "nDCG@10", "P@5"
        );
        let line = |name: &str, (n, m): &(usize, Metrics)| {
            format!(
                "  {:<12} {:>7} {:>9.2} {:>6.2} {:>8.2} {:>6.2}\n",
                name, n, m.recall, m.rr, m.ndcg, m.precision
            )
        };
        for (k, v) in &self.kinds {
            s.push_str(&line(k, v));
        }
        s.push_str(&line("all", &self.all));
        s
    }
}

/// Run every query of `set` that is judged on `site` through the Rust mirror of the client and
/// score it. Returns the report and, per query (in set order), the ranking of document keys
/// (`None` for a query not scored on this site).
pub fn evaluate(
    ix: &SearchIndex,
    set: &RelevanceSet,
    site: Site,
) -> (Report, Vec<Option<Vec<String>>>) {
    let mut report = Report::default();
    let mut rankings = Vec::new();
    for jq in &set.queries {
        let judged = jq.judgments(site);
        if !judged.iter().any(|j| j.grade >= 2) {
            rankings.push(None);
            continue;
        }
        let r = ix.search(&Query {
            text: jq.q.clone(),
            ..Default::default()
        });
        let ranking: Vec<String> = r
            .ids
            .iter()
            .map(|&d| doc_key(site, &ix.docs[d as usize].url))
            .collect();
        if let Some(m) = score(&ranking, judged) {
            report.add(&jq.kind, &jq.q, m, &ranking);
        }
        rankings.push(Some(ranking));
    }
    (report, rankings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(key: &str, grade: u8) -> Judgment {
        Judgment {
            key: key.into(),
            grade,
        }
    }
    fn r(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keys_of_board_and_region_urls() {
        assert_eq!(
            doc_key(Site::Board, "reviews/adult-d/index.html"),
            "reviews/adult-d"
        );
        assert_eq!(
            doc_key(
                Site::Board,
                "http://127.0.0.1:9/reviews/adult-d/index.html?highlight=x"
            ),
            "reviews/adult-d"
        );
        assert_eq!(doc_key(Site::Board, "index.html"), "index");
        assert_eq!(
            doc_key(
                Site::Region,
                "https://learning.fellhaven.example/reviews/adult-f/"
            ),
            "fellhaven/reviews/adult-f"
        );
    }

    #[test]
    fn metrics_of_rankings() {
        let judged = [j("a", 2), j("b", 2), j("c", 1)];
        let perfect = score(&r(&["a", "b", "c", "x"]), &judged).unwrap();
        assert_eq!(perfect.recall, 1.0);
        assert_eq!(perfect.rr, 1.0);
        assert!((perfect.ndcg - 1.0).abs() < 1e-12);
        assert_eq!(perfect.precision, 1.0);

        let late = score(&r(&["x", "y", "b"]), &judged).unwrap();
        assert_eq!(late.recall, 0.5);
        assert!((late.rr - 1.0 / 3.0).abs() < 1e-12);
        assert!(late.ndcg > 0.0 && late.ndcg < 0.5, "{}", late.ndcg);
        assert!((late.precision - 1.0 / 3.0).abs() < 1e-12);

        // A relevant-but-not-required document first counts for MRR, not for recall.
        let soft = score(&r(&["c"]), &judged).unwrap();
        assert_eq!((soft.recall, soft.rr), (0.0, 1.0));

        // Past the cutoff does not count for recall.
        let mut deep: Vec<String> = (0..10).map(|i| format!("x{i}")).collect();
        deep.push("a".into());
        assert_eq!(score(&deep, &judged).unwrap().recall, 0.0);

        assert!(
            score(&r(&["a"]), &[j("a", 1)]).is_none(),
            "nothing required"
        );
    }

    #[test]
    fn the_set_names_known_documents_only() {
        let text = "docs:\n  A: [reviews/a, north/reviews/a]\n  B: [null, south/reviews/b]\nqueries:\n  - { kind: k, q: x, board: [A], region: [A, ~B] }\n";
        let set = RelevanceSet::parse(text, Path::new("q.yaml")).unwrap();
        assert_eq!(set.queries[0].board, vec![j("reviews/a", 2)]);
        assert_eq!(set.queries[0].region[1], j("south/reviews/b", 1));
        let bad = text.replace("board: [A]", "board: [C]");
        let e = RelevanceSet::parse(&bad, Path::new("q.yaml")).unwrap_err();
        assert!(e.to_string().contains("\"C\""), "{e}");
        let bad = text.replace("board: [A]", "board: [B]");
        let e = RelevanceSet::parse(&bad, Path::new("q.yaml")).unwrap_err();
        assert!(e.to_string().contains("board site"), "{e}");
    }
}
