//! The example site in `content/` builds, and its pages carry the real content of the
//! front-matter: what a reader would check.

use crate::support::*;

fn build_example() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("site");
    let r = run_in(
        &repo(),
        &[
            "build",
            "--out",
            out.to_str().unwrap(),
            "--now",
            "2026-11-23",
            "--quiet",
        ],
    );
    assert_eq!(r.code, 0, "example site must build cleanly:\n{}", r.stderr);
    (t, out)
}

fn read(out: &std::path::Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn example_site_builds_with_every_kind_of_page() {
    let (_t, out) = build_example();
    for p in [
        "index.html",
        "reviews/index.html",
        "briefings/index.html",
        "learning-summaries/index.html",
        "themes/index.html",
        "review-types/index.html",
        "methodologies/index.html",
        "boards/index.html",
        "years/index.html",
        "about/index.html",
        "search/index.html",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "assets/style.css",
        "404.html",
    ] {
        assert!(out.join(p).is_file(), "missing {p}");
    }
    let home = read(&out, "index.html");
    assert!(
        home.to_lowercase().contains("fictional"),
        "the home page says the site is fiction"
    );
    assert!(home.contains("lang=\"en-GB\""));
}

#[test]
fn review_page_links_themes_and_lists_recommendations_from_front_matter() {
    let (_t, out) = build_example();
    let src = std::fs::read_to_string(repo().join("content/reviews/adult-d.md")).unwrap();
    let page = read(&out, "reviews/adult-d/index.html");
    // Every theme of the front-matter links to its theme page, which exists and lists this review.
    let themes_line = src
        .lines()
        .skip_while(|l| !l.starts_with("themes:"))
        .take(1)
        .next()
        .unwrap()
        .to_string();
    let mut themes: Vec<String> = Vec::new();
    if themes_line.contains('[') {
        themes = themes_line
            .split(['[', ']'])
            .nth(1)
            .unwrap()
            .split(',')
            .map(|s| s.trim().to_string())
            .collect();
    } else {
        for l in src
            .lines()
            .skip_while(|l| !l.starts_with("themes:"))
            .skip(1)
        {
            match l.trim().strip_prefix("- ") {
                Some(t) => themes.push(t.trim().to_string()),
                None => break,
            }
        }
    }
    assert!(!themes.is_empty());
    for t in &themes {
        let href = format!("href=\"../../themes/{t}/index.html\"");
        assert!(page.contains(&href), "review page links theme {t}");
        let theme_page = read(&out, &format!("themes/{t}/index.html"));
        assert!(
            theme_page.contains("href=\"../../reviews/adult-d/index.html\""),
            "theme page {t} lists the review"
        );
    }
    // The recommendations table has one row per recommendation of the front-matter.
    let ids: Vec<&str> = src
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- id:"))
        .map(|s| s.trim().trim_matches('"'))
        .collect();
    assert!(ids.len() >= 3, "fixture has recommendations");
    let table = page
        .split("<table class=\"recommendations stack\">")
        .nth(1)
        .expect("recommendations table")
        .split("</table>")
        .next()
        .unwrap();
    assert_eq!(table.matches("<tr class=\"rec ").count(), ids.len());
    for id in ids {
        assert!(
            table.contains(&format!(
                "<th scope=\"row\"><span class=\"stack-label\">Recommendation </span>{id}</th>"
            )),
            "row for {id}"
        );
    }
    // One h1, a skip link to main, landmarks.
    assert_eq!(page.matches("<h1").count(), 1);
    assert!(page.contains("href=\"#main\""));
    assert!(page.contains("<main id=\"main\""));
    assert!(page.contains("<nav"));
}

#[test]
fn listings_list_the_right_documents() {
    let (_t, out) = build_example();
    let reviews = read(&out, "reviews/index.html");
    let briefings = read(&out, "briefings/index.html");
    for e in std::fs::read_dir(repo().join("content/briefings"))
        .unwrap()
        .flatten()
    {
        let slug = e.path().file_stem().unwrap().to_string_lossy().into_owned();
        assert!(
            briefings.contains(&format!("briefings/{slug}/index.html")),
            "briefings list has {slug}"
        );
        assert!(
            !reviews.contains(&format!("briefings/{slug}/")),
            "reviews list has no briefing"
        );
    }
    // The review-type page for DHRs lists only DHRs.
    let dhr = read(&out, "review-types/dhr/index.html");
    for e in std::fs::read_dir(repo().join("content/reviews"))
        .unwrap()
        .flatten()
    {
        let text = std::fs::read_to_string(e.path()).unwrap();
        let slug = e.path().file_stem().unwrap().to_string_lossy().into_owned();
        let is_dhr = text.lines().any(|l| l.trim() == "review_type: dhr");
        let public = !text.contains("audience: partners") && !text.contains("embargo_until: 2027");
        assert_eq!(
            dhr.contains(&format!("reviews/{slug}/index.html")),
            is_dhr && public,
            "{slug} on the DHR page"
        );
    }
}

#[test]
fn every_internal_link_of_every_page_resolves_on_disk() {
    let (_t, out) = build_example();
    let href = regex::Regex::new(r##"(?:href|src)="([^"#?]+)"##).unwrap();
    let mut checked = 0;
    for (path, bytes) in all_files(&out) {
        if path.extension().is_none_or(|e| e != "html") || path.file_name().unwrap() == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for c in href.captures_iter(&html) {
            let link = &c[1];
            if link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let target = path.parent().unwrap().join(link);
            assert!(
                target.is_file(),
                "{} links to {link}, which does not exist (pages must open from disk)",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "checked {checked} links");
}

#[test]
fn example_site_exports_its_learning_index_and_collates_from_the_command_line() {
    let (t, out) = build_example();
    let json = read(&out, "learning-index.json");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "learnsite-learning-index");
    let records = v["records"].as_array().unwrap();
    let urls: Vec<&str> = records.iter().filter_map(|r| r["url"].as_str()).collect();
    assert!(
        urls.contains(&"https://learning.northmoor.example/reviews/adult-d/"),
        "{urls:?}"
    );
    assert!(
        !urls
            .iter()
            .any(|u| u.contains("adult-r") || u.contains("mrs-j")),
        "partners-only and embargoed reviews stay out"
    );
    let csv = std::fs::read(out.join("learning-index.csv")).unwrap();
    assert!(
        csv.starts_with(&[0xEF, 0xBB, 0xBF]),
        "CSV has a UTF-8 BOM for spreadsheets"
    );

    let region = t.path().join("region");
    let bad = t.path().join("bad.json");
    std::fs::write(&bad, "{\"schema\":\"something-else\",\"version\":1}").unwrap();
    let r = run_in(
        &repo(),
        &[
            "collate",
            out.to_str().unwrap(),
            bad.to_str().unwrap(),
            "--out",
            region.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("bad.json"),
        "names the file: {}",
        r.stderr
    );
    assert!(!region.exists());
    let boards = repo().join("tests/fixtures/boards");
    let mut args = vec!["collate".to_string(), out.to_string_lossy().into_owned()];
    for e in std::fs::read_dir(&boards).unwrap().flatten() {
        args.push(e.path().to_string_lossy().into_owned());
    }
    args.extend([
        "--out".into(),
        region.to_string_lossy().into_owned(),
        "--now".into(),
        "2026-11-23".into(),
    ]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let r = run_in(&repo(), &a);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(region.join("index.html").is_file());
    assert!(region.join("learning-index.json").is_file());
}
