//! Snapshots of whole sites, to pin behaviour while the code moves: the example site (every
//! file's size and checksum, plus readable snapshots of each page kind, the feeds, sitemap,
//! robots.txt and learning index) and a region collated from it and two fixture boards.
//! A change to any output byte shows up as a reviewable diff (`cargo insta review`).

use crate::support::*;
use std::path::Path;

const NOW: &str = "2026-01-15";

/// FNV-1a, 64 bits: a checksum that is the same on every machine and toolchain.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// One line per file: path, size and checksum, sorted by path.
fn manifest(dir: &Path) -> String {
    let mut lines: Vec<String> = all_files(dir)
        .into_iter()
        .map(|(p, bytes)| {
            let rel = p
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            format!("{rel} {} {:016x}", bytes.len(), fnv(&bytes))
        })
        .collect();
    lines.sort();
    lines.join("\n")
}

fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("main");
    let end = html.find("</main>").expect("end of main") + "</main>".len();
    html[start..end].to_string()
}

/// The example site of this repository, copied into a temporary folder.
fn example() -> Fixture {
    let f = Fixture::new();
    for item in ["learnsite.yaml", "content", "layouts", "static"] {
        let from = repo().join(item);
        if from.is_file() {
            std::fs::copy(&from, f.path().join(item)).unwrap();
        } else if from.is_dir() {
            copy_tree(&from, &f.path().join(item));
        }
    }
    f
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

#[test]
fn example_site_output_is_pinned() {
    let f = example();
    let r = f.build(&["--now", NOW, "--quiet"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let out = f.out();
    insta::assert_snapshot!("example_manifest", manifest(&out));
    for (name, rel) in [
        ("example_home", "index.html"),
        ("example_reviews_list", "reviews/index.html"),
        ("example_review", "reviews/adult-d/index.html"),
        ("example_review_dhr", "reviews/ella/index.html"),
        (
            "example_briefing",
            "briefings/baby-l-safer-sleep/index.html",
        ),
        (
            "example_learning_summary",
            "learning-summaries/jay/index.html",
        ),
        ("example_page", "about/index.html"),
        ("example_themes", "themes/index.html"),
        ("example_theme", "themes/self-neglect/index.html"),
        ("example_search", "search/index.html"),
    ] {
        insta::assert_snapshot!(name, main_of(&read(&out, rel)));
    }
    insta::assert_snapshot!("example_base_of_review", {
        let html = read(&out, "reviews/adult-d/index.html");
        let (head, _) = html.split_once("<main").unwrap();
        let (_, tail) = html.split_once("</main>").unwrap();
        format!("{head}<main>…</main>{tail}")
    });
    insta::assert_snapshot!("example_404", read(&out, "404.html"));
    insta::assert_snapshot!("example_feed", read(&out, "feed.xml"));
    insta::assert_snapshot!("example_sitemap", read(&out, "sitemap.xml"));
    insta::assert_snapshot!("example_robots", read(&out, "robots.txt"));
    insta::assert_snapshot!("example_learning_index", read(&out, "learning-index.json"));
    insta::assert_snapshot!(
        "example_learning_index_csv",
        read(&out, "learning-index.csv")
    );
    insta::assert_snapshot!(
        "example_learning_index_recs_csv",
        read(&out, "learning-index-recommendations.csv")
    );
}

#[test]
fn example_site_for_partners_is_pinned() {
    let f = example();
    let r = f.build(&["--now", NOW, "--quiet", "--audience", "internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("example_internal_manifest", manifest(&f.out()));
}

#[test]
fn collated_region_is_pinned() {
    let f = example();
    let r = f.build(&["--now", NOW, "--quiet"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let region = f.path().join("region");
    let boards = repo().join("tests/fixtures/boards");
    let r = f.run(&[
        "collate",
        f.out().join("learning-index.json").to_str().unwrap(),
        boards.join("fellhaven.json").to_str().unwrap(),
        boards.join("kestrelby.json").to_str().unwrap(),
        "--out",
        region.to_str().unwrap(),
        "--now",
        NOW,
        "--title",
        "North West learning (fictional)",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!("region_manifest", manifest(&region));
    for (name, rel) in [
        ("region_home", "index.html"),
        ("region_themes", "themes/index.html"),
        ("region_theme", "themes/self-neglect/index.html"),
        ("region_boards", "boards/index.html"),
        ("region_recommendations", "recommendations/index.html"),
        ("region_years", "years/index.html"),
        ("region_search", "search/index.html"),
    ] {
        insta::assert_snapshot!(name, main_of(&read(&region, rel)));
    }
    insta::assert_snapshot!(
        "region_learning_index",
        read(&region, "learning-index.json")
    );
}
