//! Merge many indexes into one list of records.
//!
//! The duplicate rule: records with the same board, kind and reference are one record, and the
//! copy from the newer build wins (a record's build is its own `built`, kept when a regional index
//! is collated again, else its index's `built`); on the same build date, the index given later on
//! the command line wins. Records without a reference are the same record when their URLs are.
//! The kind is part of the key because a board often gives a review's 7-minute briefing the
//! review's own reference.

use super::input::Loaded;
use crate::index::learning::{OngoingReview, Record, Source};
use std::collections::HashMap;

/// The records of all inputs, each with its board, region and build date filled in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Merged {
    pub(crate) records: Vec<Record>,
    /// The ongoing reviews of every input: one per board and reference (the newer build's),
    /// none that a record shows is now published.
    pub(crate) ongoing: Vec<OngoingReview>,
    /// Every board index that went in (flattened through collated inputs), newest per board.
    pub(crate) sources: Vec<Source>,
    pub(crate) duplicates: usize,
    pub(crate) warnings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Reference {
        board: String,
        kind: String,
        reference: String,
    },
    Url(String),
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn key(r: &Record) -> Key {
    match (
        &r.board,
        r.reference
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty()),
    ) {
        (Some(board), Some(reference)) => Key::Reference {
            board: norm(board),
            kind: r.kind.clone(),
            reference: norm(reference),
        },
        _ => Key::Url(r.url.trim_end_matches('/').to_string()),
    }
}

/// A URL on this machine (the default `base_url` is `http://localhost/`).
pub(crate) fn is_local(url: &str) -> bool {
    let host = url
        .split("://")
        .nth(1)
        .unwrap_or("")
        .split(['/', ':'])
        .next()
        .unwrap_or("");
    host == "localhost" || host.starts_with("127.") || host == "[::1]"
}

fn describe(r: &Record) -> String {
    match &r.reference {
        Some(reference) => format!(
            "{} `{}` ({})",
            r.kind_label().to_lowercase(),
            reference,
            r.board.as_deref().unwrap_or("no board")
        ),
        None => format!("{} at {}", r.kind_label().to_lowercase(), r.url),
    }
}

/// Merge the loaded indexes (in command-line order).
pub(crate) fn merge(inputs: Vec<Loaded>) -> Merged {
    let paths: Vec<std::path::PathBuf> = inputs.iter().map(|l| l.path.clone()).collect();
    let mut out = Merged::default();
    let mut at: HashMap<Key, (usize, usize)> = HashMap::new(); // key -> (position in records, input number)
    let mut source_at: HashMap<(String, String), usize> = HashMap::new();
    for (n, loaded) in inputs.into_iter().enumerate() {
        let idx = loaded.index;
        let local = idx.records.iter().filter(|r| is_local(&r.url)).count();
        if local > 0 {
            out.warnings.push(format!(
                "{}: {local} record{} link{} to a local address ({}) that readers cannot open: set base_url in that site's learnsite.yaml and build it again",
                paths[n].display(),
                if local == 1 { "" } else { "s" },
                if local == 1 { "s" } else { "" },
                idx.records.iter().find(|r| is_local(&r.url)).map(|r| r.url.as_str()).unwrap_or_default(),
            ));
        }
        let nested: Vec<Source> = if idx.sources.is_empty() {
            vec![Source {
                site_title: idx.site_title.clone(),
                base_url: idx.base_url.clone(),
                board: idx.board.clone(),
                region: idx.region.clone(),
                built: idx.built.clone(),
                records: idx.records.len(),
            }]
        } else {
            idx.sources.clone()
        };
        for s in nested {
            let k = (
                s.board.as_deref().map(norm).unwrap_or_default(),
                norm(&s.site_title),
            );
            match source_at.get(&k) {
                Some(&i) if out.sources[i].built > s.built => {}
                Some(&i) => out.sources[i] = s,
                None => {
                    source_at.insert(k, out.sources.len());
                    out.sources.push(s);
                }
            }
        }
        for mut o in idx.ongoing {
            if o.board.as_deref().is_none_or(|b| b.trim().is_empty()) {
                o.board = Some(idx.board.clone().unwrap_or_else(|| idx.site_title.clone()));
            }
            if o.built.is_none() {
                o.built = Some(idx.built.clone());
            }
            out.ongoing.push(o);
        }
        for mut r in idx.records {
            if r.board.as_deref().is_none_or(|b| b.trim().is_empty()) {
                r.board = Some(idx.board.clone().unwrap_or_else(|| idx.site_title.clone()));
            }
            if r.region.is_none() {
                r.region = idx.region.clone();
            }
            if r.built.is_none() {
                r.built = Some(idx.built.clone());
            }
            let k = key(&r);
            match at.get(&k).copied() {
                Some((pos, from)) => {
                    out.duplicates += 1;
                    let old = &out.records[pos];
                    let newer = r.built >= old.built;
                    let (kept, kept_from, dropped, dropped_from) = if newer {
                        (&r, n, old, from)
                    } else {
                        (old, from, &r, n)
                    };
                    out.warnings.push(format!(
                        "{} is in more than one index: kept the copy built {} from {}, dropped the one built {} from {}",
                        describe(kept),
                        kept.built.as_deref().unwrap_or("?"),
                        paths[kept_from].display(),
                        dropped.built.as_deref().unwrap_or("?"),
                        paths[dropped_from].display(),
                    ));
                    if newer {
                        out.records[pos] = r;
                        at.insert(k, (pos, n));
                    }
                }
                None => {
                    at.insert(k, (out.records.len(), n));
                    out.records.push(r);
                }
            }
        }
    }
    out.ongoing = merge_ongoing(std::mem::take(&mut out.ongoing), &at);
    out
}

/// One ongoing review per board and reference (the newer build's, or the later input's), and
/// none that the merged records hold as a published review.
fn merge_ongoing(
    all: Vec<OngoingReview>,
    records: &HashMap<Key, (usize, usize)>,
) -> Vec<OngoingReview> {
    let mut out: Vec<OngoingReview> = Vec::new();
    let mut at: HashMap<(String, String), usize> = HashMap::new();
    for o in all {
        let key = o
            .reference
            .as_deref()
            .filter(|r| !r.trim().is_empty())
            .map(|r| (norm(o.board.as_deref().unwrap_or("")), norm(r)));
        if let Some((board, reference)) = &key {
            let published = Key::Reference {
                board: board.clone(),
                kind: "review".into(),
                reference: reference.clone(),
            };
            if records.contains_key(&published) {
                continue;
            }
        }
        match key.as_ref().and_then(|k| at.get(k)).copied() {
            Some(i) if out[i].built > o.built => {}
            Some(i) => out[i] = o,
            None => {
                if let Some(k) = key {
                    at.insert(k, out.len());
                }
                out.push(o);
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.board, &a.commissioned, &a.reference).cmp(&(&b.board, &b.commissioned, &b.reference))
    });
    out
}
