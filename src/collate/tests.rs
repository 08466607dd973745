//! Three fixture boards collated, and collated again as regions.

use super::*;
use crate::content::RecommendationStatus;
use crate::index::learning::{self, LearningIndex, Record, RecordRecommendation};
use crate::write::{WriteError, MARKER};
use std::path::Path;

mod counts;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 15).unwrap()
}

fn index(board: &str, site: &str, built: &str, records: Vec<Record>) -> LearningIndex {
    LearningIndex {
        schema: learning::SCHEMA.into(),
        version: learning::VERSION,
        site_title: site.into(),
        base_url: Some(format!(
            "https://{}.example/",
            crate::collate::region::path_slug(board)
        )),
        board: Some(board.into()),
        region: Some("North West".into()),
        built: built.into(),
        generator: learning::generator(),
        sources: vec![],
        ongoing: vec![],
        records: records
            .into_iter()
            .map(|mut r| {
                r.url = format!(
                    "https://{}.example/{}/{}/",
                    crate::collate::region::path_slug(board),
                    r.kind,
                    r.slug
                );
                r
            })
            .collect(),
    }
}

fn rec(
    kind: &str,
    slug: &str,
    title: &str,
    reference: Option<&str>,
    published: Option<&str>,
    themes: &[&str],
) -> Record {
    let defaults = crate::vocab::Vocabularies::defaults();
    Record {
        kind: kind.into(),
        title: title.into(),
        url: String::new(),
        slug: slug.into(),
        board: None,
        region: None,
        review_type: Some("sar".into()),
        review_type_label: Some("Safeguarding Adults Review".into()),
        methodology: vec![],
        methodology_labels: vec![],
        themes: themes.iter().map(|t| t.to_string()).collect(),
        theme_labels: themes
            .iter()
            .map(|t| defaults.themes.by_slug(t).unwrap().label.clone())
            .collect(),
        abuse_types: vec![],
        incident: None,
        published: published.map(str::to_string),
        completed: None,
        reference: reference.map(str::to_string),
        summary: Some(format!("Summary of {title}.")),
        review: None,
        recommendations: vec![],
        built: None,
        ..Default::default()
    }
}

fn recommendation(id: &str, due: &str, status: RecommendationStatus) -> RecordRecommendation {
    RecordRecommendation {
        id: id.into(),
        text: format!("Recommendation {id}"),
        owner: Some("Board".into()),
        due: Some(due.into()),
        status,
        evidence: None,
        ..Default::default()
    }
}

/// `r` with these recommendations.
fn with_recommendations(mut r: Record, recommendations: Vec<RecordRecommendation>) -> Record {
    r.recommendations = recommendations;
    r
}

fn board_a() -> LearningIndex {
    index(
        "Northmoor SAB",
        "Northmoor learning",
        "2025-05-01",
        vec![
            with_recommendations(
                rec(
                    "review",
                    "adult-a",
                    "Adult A",
                    Some("NM-1"),
                    Some("2025-03-10"),
                    &["self-neglect", "hoarding"],
                ),
                vec![
                    recommendation("R1", "2024-12", RecommendationStatus::NotStarted),
                    recommendation("R2", "2025-12", RecommendationStatus::InProgress),
                    recommendation("R3", "2024-01", RecommendationStatus::Complete),
                ],
            ),
            // Same reference, another kind: not a duplicate.
            rec(
                "briefing",
                "adult-a-7mb",
                "Adult A briefing",
                Some("NM-1"),
                Some("2025-04-01"),
                &["self-neglect"],
            ),
            rec(
                "review",
                "adult-b",
                "Adult B",
                Some("NM-2"),
                Some("2023-02-01"),
                &["domestic-abuse"],
            ),
        ],
    )
}

/// An older build of board A: NM-1 under an old title, and NM-9 that the new build no longer has.
fn board_a_old() -> LearningIndex {
    index(
        "Northmoor SAB",
        "Northmoor learning",
        "2024-01-01",
        vec![
            rec(
                "review",
                "adult-a",
                "Adult A (old title)",
                Some("nm-1 "),
                Some("2023-12-01"),
                &["self-neglect"],
            ),
            rec(
                "review",
                "adult-z",
                "Adult Z",
                Some("NM-9"),
                Some("2023-11-01"),
                &["hoarding"],
            ),
        ],
    )
}

fn board_b() -> LearningIndex {
    index(
        "Fellhaven SAB",
        "Fellhaven learning",
        "2025-04-01",
        vec![
            with_recommendations(
                rec(
                    "review",
                    "adult-c",
                    "Adult C",
                    Some("FH-1"),
                    Some("2024-09-01"),
                    &["self-neglect", "professional-curiosity"],
                ),
                vec![recommendation(
                    "R1",
                    "2025-01",
                    RecommendationStatus::InProgress,
                )],
            ),
            rec(
                "learning-summary",
                "adult-c-ls",
                "Adult C learning",
                None,
                Some("2024-01-15"),
                &["professional-curiosity"],
            ),
        ],
    )
}

fn board_c() -> LearningIndex {
    index(
        "Kestrelby SCP",
        "Kestrelby learning",
        "2025-06-01",
        vec![
            rec(
                "review",
                "child-d",
                "Child D",
                Some("KB-1"),
                Some("2022-05-05"),
                &["hoarding"],
            ),
            rec(
                "review",
                "child-e",
                "Child E",
                Some("KB-2"),
                None,
                &["self-neglect"],
            ),
        ],
    )
}

fn write_index(dir: &Path, name: &str, idx: &LearningIndex) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, learning::to_json(idx)).unwrap();
    p
}

fn opts(inputs: Vec<PathBuf>, out: PathBuf) -> CollateOptions {
    CollateOptions {
        inputs,
        out,
        title: Some("North West learning".into()),
        today: today(),
        layouts: None,
        progress: false,
    }
}

fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every relative link of every page points to a file that exists.
fn assert_links_resolve(out: &Path) {
    let href = regex::Regex::new(r#"(?:href|src)="([^"]*)""#).unwrap();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "html") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for cap in href.captures_iter(&text) {
            let h = &cap[1];
            if h.starts_with("http") || h.starts_with('#') {
                continue;
            }
            assert!(
                h.ends_with("index.html") || h.contains('.'),
                "{}: link {h} has no file name",
                entry.path().display()
            );
            let (file, fragment) = h.split_once('#').unwrap_or((h, ""));
            let target = entry.path().parent().unwrap().join(file);
            assert!(
                target.exists(),
                "{}: link {h} goes nowhere",
                entry.path().display()
            );
            if !fragment.is_empty() {
                let target_text = std::fs::read_to_string(&target).unwrap();
                let id = format!(r#"id="{fragment}""#);
                assert!(
                    target_text.contains(&id),
                    "{}: link {h}: no such id",
                    entry.path().display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 20);
}

/// The part of a list page from the heading with `id` to the end of its list.
fn section_of<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!(r#"id="{id}""#))
        .unwrap_or_else(|| panic!("no section {id}"));
    let end = page[start..].find("</ol>").unwrap() + start;
    &page[start..end]
}

fn three_boards() -> (tempfile::TempDir, PathBuf, CollateSummary) {
    let dir = tempfile::tempdir().unwrap();
    let a = write_index(dir.path(), "a.json", &board_a());
    // A folder holding a learning-index.json is an input too.
    std::fs::create_dir(dir.path().join("fellhaven-public")).unwrap();
    write_index(
        &dir.path().join("fellhaven-public"),
        "learning-index.json",
        &board_b(),
    );
    let c = write_index(dir.path(), "c.json", &board_c());
    let out = dir.path().join("region");
    let summary = collate(&opts(
        vec![a, dir.path().join("fellhaven-public"), c],
        out.clone(),
    ))
    .unwrap();
    (dir, out, summary)
}

#[test]
fn three_boards_summary() {
    let (_d, out, s) = three_boards();
    assert_eq!(
        (s.inputs, s.boards, s.records, s.duplicates, s.themes),
        (3, 3, 7, 0, 4)
    );
    assert_eq!((s.recommendations, s.overdue), (4, 2));
    assert!(out.join(MARKER).is_file());
    assert!(
        s.to_string()
            .starts_with("collated 3 learning indexes (3 boards, 7 records)"),
        "{s}"
    );
}

#[test]
fn theme_by_board_and_theme_by_year_counts() {
    let (_d, out, _) = three_boards();
    let home = read(&out, "index.html");
    let cell =
        |href: &str, n: usize| format!(r#"<a href="{href}">{n}<span class="visually-hidden">"#);
    // Self-neglect: Northmoor 2 (a review, and a briefing that names no review so counts on its
    // own), Fellhaven 1, Kestrelby 1. (Counting by review: tests/counts.rs.)
    assert!(
        home.contains(&cell(
            "boards/northmoor-sab/index.html#theme-self-neglect",
            2
        )),
        "{home}"
    );
    assert!(home.contains(&cell(
        "boards/fellhaven-sab/index.html#theme-self-neglect",
        1
    )));
    assert!(home.contains(&cell(
        "boards/kestrelby-scp/index.html#theme-self-neglect",
        1
    )));
    assert!(home.contains(&cell("boards/kestrelby-scp/index.html#theme-hoarding", 1)));
    // A zero is not a link.
    assert!(!home.contains("boards/fellhaven-sab/index.html#theme-domestic-abuse"));
    // Self-neglect by year: 2024 1, 2025 2, year not known 1.
    assert!(home.contains(&cell("themes/self-neglect/index.html#year-2024", 1)));
    assert!(home.contains(&cell("themes/self-neglect/index.html#year-2025", 2)));
    assert!(home.contains(&cell("themes/self-neglect/index.html#year-unknown", 1)));
    assert!(home.contains(&cell(
        "themes/professional-curiosity/index.html#year-2024",
        2
    )));
    // Row totals.
    assert!(home.contains(&cell("themes/self-neglect/index.html", 4)));
    // Most frequent in the last 12 months first: self-neglect (3), then hoarding and
    // professional curiosity (1 each, 2 in all: by label), then domestic abuse (0).
    let pos = |s: &str| {
        home.find(&format!(
            r#"<th scope="row"><a href="themes/{s}/index.html">"#
        ))
        .unwrap()
    };
    assert!(pos("self-neglect") < pos("hoarding"));
    assert!(pos("hoarding") < pos("professional-curiosity"));
    assert!(pos("professional-curiosity") < pos("domestic-abuse"));
    // The filtered list behind a cell (a section of the board's or the theme's page) holds
    // exactly those documents.
    let page = read(&out, "boards/northmoor-sab/index.html");
    let section = section_of(&page, "theme-self-neglect");
    assert_eq!(
        section.matches(r#"<li class="doc">"#).count(),
        2,
        "{section}"
    );
    assert!(section.contains("https://northmoor-sab.example/review/adult-a/"));
    assert!(section.contains("https://northmoor-sab.example/briefing/adult-a-7mb/"));
    assert!(section.contains(r#"id="theme-self-neglect" class="list-heading">Self-neglect <span class="count">(2)</span></h2>"#));
    let page = read(&out, "themes/self-neglect/index.html");
    let section = section_of(&page, "year-unknown");
    assert_eq!(section.matches(r#"<li class="doc">"#).count(), 1);
    assert!(section.contains("Child E"));
    assert_eq!(
        section_of(&page, "year-2025")
            .matches(r#"<li class="doc">"#)
            .count(),
        2
    );
}

#[test]
fn theme_page_lists_every_board_newest_first_with_absolute_links() {
    let (_d, out, _) = three_boards();
    let page = read(&out, "themes/self-neglect/index.html");
    assert_eq!(page.matches(r#"<li class="doc">"#).count(), 4);
    let order: Vec<usize> = ["Adult A briefing", "Adult A<", "Adult C<", "Child E"]
        .iter()
        .map(|t| {
            page.find(&format!(r#"/">{t}"#).replace("<", "</a>"))
                .unwrap_or_else(|| panic!("{t}"))
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(page.contains(
        r#"<a class="doc__title" href="https://fellhaven-sab.example/review/adult-c/">Adult C</a>"#
    ));
    // Sections by year, newest first, the unknown year last.
    let at = |id: &str| page.find(&format!(r#"id="{id}""#)).unwrap();
    assert!(at("year-2025") < at("year-2024") && at("year-2024") < at("year-unknown"));
    assert_eq!(page.matches("<h1>").count(), 1);
}

#[test]
fn overdue_recommendations_are_highlighted_with_text() {
    let (_d, out, _) = three_boards();
    let page = read(&out, "recommendations/self-neglect/index.html");
    // A1 R1 (due 2024-12, not started) and B1 R1 (due 2025-01, in progress) are overdue;
    // A1 R2 (due later) and A1 R3 (complete, due long ago) are not.
    assert_eq!(page.matches(r#"<li class="rec rec--overdue">"#).count(), 2);
    assert_eq!(page.matches(r#"<li class="rec">"#).count(), 2);
    assert_eq!(page.matches(">Overdue</strong>").count(), 2);
    assert!(page.contains("December 2024 (overdue)"));
    assert!(page.contains("January 2025 (overdue)"));
    assert!(!page.contains("January 2024 (overdue)"));
    // Grouped by status.
    let (ns, ip, c) = (
        page.find(r#"id="not-started""#).unwrap(),
        page.find(r#"id="in-progress""#).unwrap(),
        page.find(r#"id="complete""#).unwrap(),
    );
    assert!(ns < ip && ip < c);
    let summary = read(&out, "recommendations/index.html");
    assert!(
        summary.contains(r#"<strong class="status status--overdue">2</strong>"#),
        "{summary}"
    );
    // Domestic abuse has no recommendations: no page.
    assert!(!out
        .join("recommendations/domestic-abuse/index.html")
        .exists());
    let home = read(&out, "index.html");
    assert!(home.contains("2 overdue"));
}

#[test]
fn charts_are_accessible_svg_with_tables_beside() {
    let (_d, out, _) = three_boards();
    let home = read(&out, "index.html");
    assert_eq!(home.matches(r#"role="img""#).count(), 2);
    assert!(home.contains(r#"<title id="chart-time-title">Themes over time</title>"#));
    assert!(home.contains(r#"<title id="chart-board-title">Themes by board</title>"#));
    assert!(home.contains(r#"<desc id="chart-board-desc">"#));
    assert!(home.contains(r#"aria-labelledby="chart-time-title chart-time-desc""#));
    assert!(home.contains(r#"<caption id="theme-board-caption">"#));
    assert!(home.contains(r#"<caption id="theme-year-caption">"#));
    assert!(!home.contains("<script>"));
}

#[test]
fn pages_are_self_contained_and_links_resolve() {
    let (_d, out, s) = three_boards();
    assert_links_resolve(&out);
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "html") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(text.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
            assert_eq!(text.matches("<h1").count(), 1, "{}", entry.path().display());
            assert!(text.contains(r#"<main id="main""#));
            assert!(text.contains(r##"<a class="skip-link" href="#main">"##));
            // No external requests: no remote stylesheets, scripts or images.
            assert!(!text.contains(r#"src="http"#));
            assert!(!text.contains(r#"<link rel="stylesheet" href="http"#));
        }
    }
    assert!(s.pages > 15);
    // One theme: the board sites' stylesheet and script, as they are, and a small addition.
    for (path, text) in crate::render::templates::DEFAULT_ASSETS {
        assert_eq!(&read(&out, path), text, "{path}");
    }
    let page = read(&out, "themes/self-neglect/index.html");
    assert!(page.contains(r#"<link rel="stylesheet" href="../../assets/style.css">"#));
    assert!(page.contains(r#"<link rel="stylesheet" href="../../assets/region.css">"#));
    assert!(page.contains(r#"<script src="../../assets/site.js" defer></script>"#));
    assert!(read(&out, "assets/region.css").lines().count() < 60);
}

#[test]
fn regional_index_is_valid_and_keeps_boards() {
    let (_d, out, _) = three_boards();
    let json = read(&out, "learning-index.json");
    crate::index::learning::tests::assert_valid_against_schema(&json);
    let idx = learning::parse_index(&json).unwrap();
    assert_eq!(idx.board, None);
    assert_eq!(idx.region.as_deref(), Some("North West"));
    assert_eq!(idx.site_title, "North West learning");
    assert_eq!(idx.built, "2025-06-15");
    assert_eq!(idx.records.len(), 7);
    assert_eq!(idx.sources.len(), 3);
    let a1 = idx.records.iter().find(|r| r.slug == "adult-a").unwrap();
    assert_eq!(a1.board.as_deref(), Some("Northmoor SAB"));
    assert_eq!(a1.built.as_deref(), Some("2025-05-01"));
    assert!(read(&out, "learning-index.csv").starts_with('\u{feff}'));
    assert_eq!(
        read(&out, "learning-index-recommendations.csv")
            .lines()
            .count(),
        5
    );
}

#[test]
fn duplicate_rule_newer_build_wins_in_either_order() {
    for old_first in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let new = write_index(dir.path(), "new.json", &board_a());
        let old = write_index(dir.path(), "old.json", &board_a_old());
        let inputs = if old_first {
            vec![old, new]
        } else {
            vec![new, old]
        };
        let out = dir.path().join("out");
        let s = collate(&opts(inputs, out.clone())).unwrap();
        assert_eq!(
            s.duplicates, 1,
            "same board and reference (case and spaces aside) is one record"
        );
        assert_eq!(s.records, 4, "NM-1 review, NM-1 briefing, NM-2, NM-9");
        assert!(
            s.warnings
                .iter()
                .any(|w| w.contains("`NM-1`") && w.contains("kept the copy built 2025-05-01")),
            "{:?}",
            s.warnings
        );
        let json = read(&out, "learning-index.json");
        assert!(!json.contains("old title"));
        assert!(json.contains("Adult Z"));
        let idx = learning::parse_index(&json).unwrap();
        assert_eq!(idx.sources.len(), 1, "one board, its newest index");
        assert_eq!(idx.sources[0].built, "2025-05-01");
    }
}

#[test]
fn collate_of_two_collated_regions() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str, idx: &LearningIndex| write_index(dir.path(), name, idx);
    let (a, b, c, a_old) = (
        p("a.json", &board_a()),
        p("b.json", &board_b()),
        p("c.json", &board_c()),
        p("a-old.json", &board_a_old()),
    );
    let r1 = dir.path().join("region-1");
    let r2 = dir.path().join("region-2");
    collate(&opts(vec![a, b], r1.clone())).unwrap();
    collate(&opts(vec![c, a_old], r2.clone())).unwrap();
    let national = dir.path().join("national");
    let mut o = opts(vec![r1, r2], national.clone());
    o.title = None;
    let s = collate(&o).unwrap();
    // A1 from region 1 (built 2025-05-01) beats A1 from region 2 (built 2024-01-01): each record
    // kept its own board build date through the first collate.
    assert_eq!((s.boards, s.records, s.duplicates), (3, 8, 1));
    assert_eq!(s.title, "North West: learning from safeguarding reviews");
    let json = read(&national, "learning-index.json");
    crate::index::learning::tests::assert_valid_against_schema(&json);
    let idx = learning::parse_index(&json).unwrap();
    assert!(!json.contains("old title"));
    assert_eq!(idx.sources.len(), 3, "the three boards, each once");
    let boards: std::collections::BTreeSet<_> = idx
        .records
        .iter()
        .map(|r| r.board.clone().unwrap())
        .collect();
    assert_eq!(boards.len(), 3);
    let home = read(&national, "index.html");
    assert!(home.contains(r#"<a href="boards/northmoor-sab/index.html#theme-self-neglect">2<span"#));
    assert!(
        home.contains(r#"<a href="boards/northmoor-sab/index.html#theme-hoarding">2<span"#),
        "A1 and Z"
    );
    assert_links_resolve(&national);
}

#[test]
fn rejects_unknown_version_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&learning::to_json(&board_a())).unwrap();
    v["version"] = 3.into();
    let bad = dir.path().join("future.json");
    std::fs::write(&bad, v.to_string()).unwrap();
    let good = write_index(dir.path(), "b.json", &board_b());
    let e = collate(&opts(vec![good, bad.clone()], dir.path().join("out"))).unwrap_err();
    let msg = e.to_string();
    assert!(msg.starts_with(&bad.display().to_string()), "{msg}");
    assert!(msg.contains("version 3"), "{msg}");
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn rejects_invalid_record_naming_file_and_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&learning::to_json(&board_b())).unwrap();
    v["records"][1]["incident"] = "2022-03-14".into();
    let bad = dir.path().join("fellhaven.json");
    std::fs::write(&bad, v.to_string()).unwrap();
    let msg = collate(&opts(vec![bad.clone()], dir.path().join("out")))
        .unwrap_err()
        .to_string();
    assert_eq!(
        msg,
        format!("{} record 2 (slug `adult-c-ls`) is invalid: `incident` is `2022-03-14`: it must be a month written YYYY-MM", bad.display())
    );
    let mut v: serde_json::Value = serde_json::from_str(&learning::to_json(&board_b())).unwrap();
    v["records"][0]["title"] = 5.into();
    std::fs::write(&bad, v.to_string()).unwrap();
    let msg = collate(&opts(vec![bad.clone()], dir.path().join("out")))
        .unwrap_err()
        .to_string();
    assert!(
        msg.contains("record 1 (slug `adult-c`) is invalid: invalid type"),
        "{msg}"
    );
    let msg = collate(&opts(
        vec![dir.path().to_path_buf()],
        dir.path().join("out"),
    ))
    .unwrap_err()
    .to_string();
    assert!(msg.contains("has no learning-index.json"), "{msg}");
}

#[test]
fn output_is_replaced_only_when_it_is_ours() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_index(dir.path(), "a.json", &board_a());
    let out = dir.path().join("site");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("precious.txt"), "do not delete").unwrap();
    let e = collate(&opts(vec![a.clone()], out.clone())).unwrap_err();
    assert!(
        matches!(e, CollateError::Write(WriteError::Unsafe { .. })),
        "{e}"
    );
    assert!(e.to_string().contains("not made by learnsite"), "{e}");
    assert_eq!(e.exit_code(), 2);
    assert!(out.join("precious.txt").exists());
    // An empty folder, then our own output, may be replaced.
    std::fs::remove_file(out.join("precious.txt")).unwrap();
    collate(&opts(vec![a.clone()], out.clone())).unwrap();
    std::fs::write(out.join("stale.html"), "old").unwrap();
    collate(&opts(vec![a], out.clone())).unwrap();
    assert!(!out.join("stale.html").exists(), "replaced whole");
    assert!(out.join("index.html").exists());
    // No temporary folders left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn html_from_indexes_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let mut idx = board_a();
    idx.records[0].title = "<script>alert(1)</script>".into();
    idx.records[0].themes.push("../../etc".into());
    idx.records[0].theme_labels.push("\"><img src=x>".into());
    let a = write_index(dir.path(), "a.json", &idx);
    let out = dir.path().join("out");
    collate(&opts(vec![a], out.clone())).unwrap();
    let page = read(&out, "themes/self-neglect/index.html");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<script>alert"));
    let home = read(&out, "index.html");
    assert!(!home.contains("<img src=x>"));
    assert!(
        out.join("themes/etc/index.html").exists(),
        "theme slugs become safe folder names"
    );
    assert_links_resolve(&out);
}

#[test]
fn review_type_pages_and_exit_codes() {
    let (_d, out, _) = three_boards();
    let types = read(&out, "review-types/index.html");
    assert!(
        types
            .contains(r#"<a href="../review-types/sar/index.html">Safeguarding Adults Review</a>"#),
        "{types}"
    );
    assert!(out.join("methodologies/not-given/index.html").exists());
    let page = read(&out, "review-types/sar/index.html");
    assert_eq!(page.matches(r#"<li class="doc">"#).count(), 7);
    let dir = tempfile::tempdir().unwrap();
    let e = collate(&opts(vec![], dir.path().join("o"))).unwrap_err();
    assert_eq!(e.exit_code(), 2);
    let e = collate(&opts(
        vec![dir.path().join("missing.json")],
        dir.path().join("o"),
    ))
    .unwrap_err();
    assert_eq!(e.exit_code(), 2);
    assert!(e.to_string().contains("missing.json"), "{e}");
    std::fs::write(dir.path().join("bad.json"), "{\"schema\": \"x\"}").unwrap();
    let e = collate(&opts(
        vec![dir.path().join("bad.json")],
        dir.path().join("o"),
    ))
    .unwrap_err();
    assert_eq!(e.exit_code(), 1);
}

#[test]
fn warns_about_records_linking_to_localhost() {
    let dir = tempfile::tempdir().unwrap();
    let mut idx = board_b();
    idx.records[0].url = "http://localhost/reviews/adult-c/".into();
    let b = write_index(dir.path(), "b.json", &idx);
    let s = collate(&opts(vec![b], dir.path().join("out"))).unwrap();
    assert!(
        s.warnings
            .iter()
            .any(|w| w
                .contains("1 record links to a local address (http://localhost/reviews/adult-c/)")),
        "{:?}",
        s.warnings
    );
    assert!(merge::is_local("http://127.0.0.1:1111/x/"));
    assert!(!merge::is_local("https://localhost.example/"));
}

#[test]
fn search_over_collated_records_with_board_and_theme_facets() {
    use crate::index::search::{Query, SearchIndex};
    let (_d, out, _) = three_boards();
    for f in [
        "search/index.html",
        "search/manifest.js",
        "search/facets/board.js",
        "search/search.js",
    ] {
        assert!(out.join(f).is_file(), "{f}");
    }
    let page = read(&out, "search/index.html");
    assert!(page.contains("data-ls-search"));
    assert!(page.contains(r#"<script src="../search/search.js"></script>"#));
    assert!(
        page.contains(r#"href="../review-types/index.html""#),
        "no-JS fallback links to the facet pages"
    );

    let merged = merge::merge(input::read_all(&[out.join("learning-index.json")]).unwrap());
    let region = region::Region::build(merged, None, today());
    let index = SearchIndex::build(&super::search::search_docs(&region));
    let found = |text: &str, filters: Vec<(String, Vec<String>)>| -> Vec<String> {
        let r = index.search(&Query {
            text: text.into(),
            filters,
            ..Default::default()
        });
        r.ids
            .iter()
            .map(|&i| index.docs[i as usize].url.clone())
            .collect()
    };
    // Results link to the boards' own pages.
    assert_eq!(
        found("Adult C", vec![]).first().map(String::as_str),
        Some("https://fellhaven-sab.example/review/adult-c/")
    );
    let self_neglect = found("", vec![("theme".into(), vec!["self-neglect".into()])]);
    assert_eq!(self_neglect.len(), 4);
    let board = index
        .facets
        .iter()
        .find(|f| f.id == "board")
        .expect("a board facet");
    let northmoor = board
        .values
        .iter()
        .find(|(_, label)| label == "Northmoor SAB")
        .unwrap()
        .0
        .clone();
    let both = found(
        "",
        vec![
            ("theme".into(), vec!["self-neglect".into()]),
            ("board".into(), vec![northmoor]),
        ],
    );
    assert_eq!(both.len(), 2, "{both:?}");
}

#[test]
fn pages_written_as_made_are_the_pages_made_in_memory() {
    // collate writes each page into the staging folder as it is made, a long list as its frame
    // and the list items between; made in memory, the same files hold the same bytes.
    let (dir, out, _) = three_boards();
    let inputs = vec![
        dir.path().join("a.json"),
        dir.path().join("fellhaven-public"),
        dir.path().join("c.json"),
    ];
    let loaded = super::input::read_all(&inputs).unwrap();
    let region = super::region::Region::build(
        super::merge::merge(loaded),
        Some("North West learning".into()),
        today(),
    );
    let tera = crate::render::templates::default_theme().unwrap();
    let files = super::pages::render_site(&region, &tera, None).unwrap();
    let mut compared = 0;
    for f in files.files() {
        let on_disk = std::fs::read(out.join(&f.path)).unwrap();
        assert!(on_disk == f.bytes, "{} differs", f.path);
        compared += 1;
    }
    assert!(compared > 30);
}

#[test]
fn a_template_that_changes_a_list_gets_the_list_whole() {
    // A site's own list template that shows each section's items twice: they are there twice.
    let dir = tempfile::tempdir().unwrap();
    let a = write_index(dir.path(), "a.json", &board_a());
    let layouts = dir.path().join("layouts");
    std::fs::create_dir_all(layouts.join("region")).unwrap();
    let list = crate::render::templates::DEFAULT_TEMPLATES
        .iter()
        .find(|(name, _)| *name == "region/list.html")
        .map(|(_, text)| *text)
        .unwrap();
    let twice = list.replace(
        "{{ s.html | safe }}",
        "{{ s.html | safe }}{{ s.html | safe }}",
    );
    assert_ne!(twice, list);
    std::fs::write(layouts.join("region/list.html"), twice).unwrap();
    let out = dir.path().join("out");
    let mut o = opts(vec![a], out.clone());
    o.layouts = Some(layouts);
    collate(&o).unwrap();
    let page = read(&out, "years/2025/index.html");
    assert!(!page.contains("learnsite-slot"), "{page}");
    assert_eq!(page.matches(r#"<li class="doc">"#).count(), 4, "{page}");
}

#[test]
fn a_label_like_a_placeholder_is_only_a_label() {
    // The pages are made with a placeholder where each list goes; a record that gives a theme
    // a label like one changes nothing but the label.
    let dir = tempfile::tempdir().unwrap();
    let mut idx = board_a();
    let label = "\u{E000}learnsite-slot-0\u{E000}";
    idx.records[0].theme_labels[0] = label.into();
    idx.records[1].theme_labels[0] = label.into();
    let a = write_index(dir.path(), "a.json", &idx);
    let out = dir.path().join("out");
    collate(&opts(vec![a], out.clone())).unwrap();
    let theme = read(&out, "themes/self-neglect/index.html");
    assert!(theme.contains(&format!("<h1>{label}</h1>")), "{theme}");
    assert_eq!(theme.matches(r#"<li class="doc">"#).count(), 2, "{theme}");
    let recs = read(&out, "recommendations/index.html");
    assert!(recs.contains(label), "{recs}");
    assert_eq!(recs.matches(r#"<li class="rec"#).count(), 3, "{recs}");
    let own = read(&out, "recommendations/self-neglect/index.html");
    assert!(own.contains(label), "{own}");
    assert_eq!(own.matches(r#"<li class="rec"#).count(), 3, "{own}");
}
