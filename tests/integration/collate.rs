//! The regional learning index end to end, through the library: the example site's index beside
//! two fixture boards' (`tests/fixtures/boards/`), collated; and the shipped JSON Schema checked
//! against all of them.

use crate::support::repo;
use chrono::NaiveDate;
use learnsite::collate::{collate, CollateOptions};
use learnsite::config::Config;
use learnsite::content::{load_site, Document};
use learnsite::index::learning::{self, build_learning_index, parse_index};
use std::path::{Path, PathBuf};

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(repo().join("schema/learning-index.schema.json")).unwrap();
    jsonschema::validator_for(&serde_json::from_str(&text).unwrap()).unwrap()
}

fn assert_valid(json: &str, what: &str) {
    let v = schema();
    let instance: serde_json::Value = serde_json::from_str(json).unwrap();
    let errors: Vec<String> = v
        .iter_errors(&instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match the schema:\n{}",
        errors.join("\n")
    );
}

fn fixtures() -> Vec<PathBuf> {
    ["fellhaven.json", "kestrelby.json"]
        .iter()
        .map(|f| repo().join("tests/fixtures/boards").join(f))
        .collect()
}

/// The example site's learning index, as the build makes it, written into `dir/northmoor/`.
/// Also gives the number of records and of boards (the example site publishes for three).
fn example_index(dir: &Path) -> (PathBuf, usize, usize) {
    let config = Config::load(&repo()).unwrap();
    let site = load_site(&repo(), config).unwrap().site;
    let docs: Vec<&Document> = site.documents.iter().collect();
    let idx = build_learning_index(
        &site.config,
        &site.vocab,
        &docs,
        &[],
        NaiveDate::from_ymd_opt(2026, 5, 1).unwrap(),
    );
    let folder = dir.join("northmoor");
    std::fs::create_dir_all(&folder).unwrap();
    let json = learning::to_json(&idx);
    assert_valid(&json, "the example site's index");
    std::fs::write(folder.join(learning::JSON_FILE), json).unwrap();
    let boards: std::collections::BTreeSet<_> =
        idx.records.iter().map(|r| r.board.clone()).collect();
    (folder, idx.records.len(), boards.len())
}

#[test]
fn fixture_board_indexes_match_the_schema() {
    for f in fixtures() {
        let text = std::fs::read_to_string(&f).unwrap();
        assert_valid(&text, &f.display().to_string());
        parse_index(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
    }
}

#[test]
fn example_site_and_two_boards_collate_into_a_regional_site() {
    let dir = tempfile::tempdir().unwrap();
    let (northmoor, example_records, example_boards) = example_index(dir.path());
    let out = dir.path().join("regional");
    let mut inputs = vec![northmoor];
    inputs.extend(fixtures());
    let s = collate(&CollateOptions {
        inputs,
        out: out.clone(),
        title: None,
        today: NaiveDate::from_ymd_opt(2026, 5, 15).unwrap(),
        layouts: None,
        progress: false,
    })
    .unwrap();
    assert_eq!(s.inputs, 3);
    assert_eq!(s.boards, example_boards + 2);
    assert_eq!(s.records, example_records + 6);
    assert_eq!(
        s.duplicates, 0,
        "a review and its briefing share a reference but are two documents"
    );
    assert_eq!(s.title, "North West: learning from safeguarding reviews");
    // Fellhaven R1 (due January 2026, in progress) and Kestrelby R1 (due October 2025) are overdue.
    let fell =
        std::fs::read_to_string(out.join("boards/fellhaven-safeguarding-adults-board/index.html"))
            .unwrap();
    assert!(fell.contains("https://learning.fellhaven.example/reviews/adult-f/"));
    let recs =
        std::fs::read_to_string(out.join("recommendations/self-neglect/index.html")).unwrap();
    assert!(recs.contains("January 2026 (overdue)"), "{recs}");
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    // Adult F's review and its briefing are one review, two documents.
    assert!(home.contains(
        r#"href="boards/fellhaven-safeguarding-adults-board/index.html#theme-self-neglect">1<span class="visually-hidden"> review</span> <span class="count">(2<span"#
    ), "{home}");
    let json = std::fs::read_to_string(out.join(learning::JSON_FILE)).unwrap();
    assert_valid(&json, "the regional index");
    let regional = parse_index(&json).unwrap();
    assert_eq!(regional.board, None);
    assert_eq!(regional.sources.len(), 3);
    assert!(out.join(".learnsite-output").is_file());
}
