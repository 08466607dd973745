//! The SAR Quality Markers: a board's page summarising them across its published reviews, and
//! the regional comparison across boards (`collate`), from indexes of both versions.

use crate::support::{doc, repo, Fixture};

fn sar(title: &str, markers: &str, extra: &str) -> String {
    doc(
        title,
        &format!("published: 2025-06-01\nreview_type: sar\n{extra}quality_markers:\n{markers}"),
        "## Findings\n\nThe agencies worked apart.\n",
    )
}

/// Two public SARs that record markers, one that records none, and one for partners only.
fn board() -> Fixture {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-a.md",
        &sar(
            "Safeguarding Adults Review: Adult A",
            "  referral: {status: met}\n  analysis: {status: not-met, evidence: \"Findings stay with single agencies.\"}\n  governance: {status: partly, evidence: \"The panel met twice.\"}\n",
            "pseudonyms: [Adult A]\n",
        ),
    );
    f.file(
        "content/reviews/adult-b.md",
        &sar(
            "Safeguarding Adults Review: Adult B",
            "  referral: {status: met}\n  analysis: {status: met}\n  parallel-processes: {status: n/a}\n",
            "pseudonyms: [Adult B]\n",
        ),
    );
    f.file(
        "content/reviews/adult-c.md",
        &doc(
            "Safeguarding Adults Review: Adult C",
            "published: 2025-06-01\nreview_type: sar\npseudonyms: [Adult C]\n",
            "## Findings\n\nNo markers here.\n",
        ),
    );
    f.file(
        "content/reviews/adult-p.md",
        &sar(
            "Safeguarding Adults Review: Adult P",
            "  referral: {status: not-met, evidence: \"PARTNERS-ONLY-EVIDENCE\"}\n",
            "pseudonyms: [Adult P]\naudience: partners\n",
        ),
    );
    f
}

/// The rows of the first table after `heading` on `page`: each row's cells as text.
fn rows_after(page: &str, heading: &str) -> Vec<Vec<String>> {
    let start = page
        .find(heading)
        .unwrap_or_else(|| panic!("{heading} missing:\n{page}"));
    let body = &page[start..];
    let table = &body[body.find("<tbody>").unwrap()..body.find("</tbody>").unwrap()];
    let cell = regex::Regex::new(r"(?s)<t[hd][^>]*>(.*?)</t[hd]>").unwrap();
    let tag = regex::Regex::new(r"<[^>]+>").unwrap();
    table
        .split("</tr>")
        .filter(|row| row.contains("<t"))
        .map(|row| {
            cell.captures_iter(row)
                .map(|c| tag.replace_all(&c[1], "").trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn a_board_page_counts_each_marker_over_the_reviews_that_record_them() {
    let f = board();
    let r = f.build(&["--now", "2025-07-01", "--quiet"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = f.read_out("quality-markers/index.html");
    assert!(
        page.contains("How the 2 reviews published here that report on the SAR Quality Markers")
    );
    let by_marker = rows_after(&page, "id=\"by-marker\"");
    assert_eq!(by_marker.len(), 15);
    assert_eq!(by_marker[0], ["1. Referral", "2", "0", "0", "0", "0"]);
    assert_eq!(by_marker[5], ["6. Governance", "0", "1", "0", "0", "1"]);
    assert_eq!(
        by_marker[7],
        ["8. Parallel processes", "0", "0", "0", "1", "1"]
    );
    assert_eq!(by_marker[11], ["12. Analysis", "1", "0", "1", "0", "0"]);
    let by_review = rows_after(&page, "id=\"by-review\"");
    assert_eq!(
        by_review,
        [
            [
                "Safeguarding Adults Review: Adult A",
                "1",
                "1",
                "1",
                "0",
                "12"
            ],
            [
                "Safeguarding Adults Review: Adult B",
                "2",
                "0",
                "0",
                "1",
                "12"
            ],
        ]
    );
    assert!(page.contains("Findings stay with single agencies."));
    assert!(page.contains("<h3 id=\"marker-6\">6. Governance</h3>"));
    assert!(
        !page.contains("Adult C") && !page.contains("Adult P") && !page.contains("PARTNERS-ONLY")
    );
    // Each review page with markers links to the summary.
    assert!(f
        .read_out("reviews/adult-a/index.html")
        .contains("quality-markers/index.html\">How all the reviews here met the markers"));

    // The partners build counts the partners-only review too.
    let r = f.build(&[
        "--now",
        "2025-07-01",
        "--quiet",
        "--audience",
        "partners",
        "--out",
        "partners",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page =
        std::fs::read_to_string(f.path().join("partners/quality-markers/index.html")).unwrap();
    assert!(page.contains("How the 3 reviews") && page.contains("PARTNERS-ONLY-EVIDENCE"));
}

#[test]
fn a_site_without_markers_has_no_markers_page() {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-c.md",
        &doc(
            "Review: Adult C",
            "published: 2025-06-01\npseudonyms: [Adult C]\n",
            "Text.\n",
        ),
    );
    assert_eq!(f.build(&["--quiet"]).code, 0);
    assert!(!f.out().join("quality-markers").exists());
}

#[test]
fn collate_compares_the_markers_across_boards_from_both_index_versions() {
    let f = board();
    assert_eq!(f.build(&["--now", "2025-07-01", "--quiet"]).code, 0);
    let boards = repo().join("tests/fixtures/boards");
    let region = f.path().join("region");
    let r = f.run(&[
        "collate",
        f.out().join("learning-index.json").to_str().unwrap(),
        // Version 2, with markers.
        boards.join("fellhaven.json").to_str().unwrap(),
        // Version 1: no markers.
        boards.join("kestrelby.json").to_str().unwrap(),
        "--out",
        region.to_str().unwrap(),
        "--now",
        "2026-03-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = std::fs::read_to_string(region.join("quality-markers/index.html")).unwrap();
    assert!(page.contains("4 reviews from 2 of the 3 boards"), "{page}");
    let by_board = rows_after(&page, "id=\"by-board\"");
    assert_eq!(
        by_board,
        [
            [
                "Fellhaven Safeguarding Adults Board",
                "2",
                "6",
                "2",
                "1",
                "1",
                "20",
                "67%"
            ],
            [
                "Testshire Safeguarding Adults Board",
                "2",
                "3",
                "1",
                "1",
                "1",
                "24",
                "60%"
            ],
        ]
    );
    assert!(page.contains("No markers are recorded in the learning indexes of Kestrelby Safeguarding Children Partnership."));
    let by_marker = rows_after(&page, "id=\"by-marker\"");
    assert_eq!(by_marker[0], ["1. Referral", "2 of 2", "2 of 2", "4 of 4"]);
    assert_eq!(
        by_marker[11],
        ["12. Analysis", "1 of 2", "1 of 2", "2 of 4"]
    );
    assert_eq!(by_marker[2][1..], ["–", "–", "–"]);
    // The chart: an image with a text alternative, every figure in words.
    assert!(
        page.contains("role=\"img\" aria-labelledby=\"chart-markers-title chart-markers-desc\"")
    );
    assert!(
        page.contains("The highest share met is 6 of 9 for Fellhaven Safeguarding Adults Board.")
    );
    assert!(page.contains("3 met, 1 partly, 1 not met"));
    // Every regional page links to it.
    let home = std::fs::read_to_string(region.join("index.html")).unwrap();
    assert!(
        home.contains("quality-markers/index.html\">Quality markers</a>"),
        "{home}"
    );
}
