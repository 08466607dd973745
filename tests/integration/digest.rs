//! `learnsite digest`: an email-ready update of what was published in a period, from a board's
//! site (through the same gate as a build) or from boards' learning indexes.

use crate::support::{briefing_sections, doc, repo, Fixture};

fn read(f: &Fixture, dir: &str, file: &str) -> String {
    std::fs::read_to_string(f.path().join(dir).join(file))
        .unwrap_or_else(|e| panic!("cannot read {dir}/{file}: {e}"))
}

fn review(title: &str, published: &str, extra: &str) -> String {
    doc(
        title,
        &format!(
            "published: {published}\nreview_type: sar\nthemes: [self-neglect, hoarding]\n{extra}"
        ),
        "## Findings\n\n### Good practice\n\nThe nurses kept visiting.\n",
    )
}

/// March 2025: two public reviews, a briefing; held back: a draft, an embargoed review and a
/// partners-only review; outside the period: a learning summary.
fn site() -> Fixture {
    let f = Fixture::new();
    let recs = "recommendations:\n  - {id: R1, text: \"Revise the procedure.\", owner: SAB, due: 2026-01}\n  - {id: R2, text: \"Train the staff\", owner: SAB, due: 2026-01}\n  - {id: R3, text: \"Audit the files\", owner: SAB, due: 2026-01}\n  - {id: R4, text: \"Report back\", owner: SAB, due: 2026-01}\n";
    f.file(
        "content/reviews/adult-q.md",
        &review(
            "Safeguarding Adults Review: Adult Q",
            "2025-03-05",
            &format!("pseudonyms: [Adult Q]\nsummary: \"What the partners learnt from Adult Q.\"\n{recs}"),
        ),
    );
    f.file(
        "content/reviews/thematic.md",
        &review("Thematic review of hospital discharge", "2025-03-20", ""),
    );
    f.file(
        "content/reviews/draft-k.md",
        &review("Review of Adult K (draft)", "2025-03-10", "draft: true\n"),
    );
    f.file(
        "content/reviews/embargoed-m.md",
        &review(
            "Review of Adult M (embargoed)",
            "2025-03-12",
            "embargo_until: 2025-05-01\n",
        ),
    );
    f.file(
        "content/reviews/partners-p.md",
        &review(
            "Review of Adult P (partners)",
            "2025-03-15",
            "audience: partners\n",
        ),
    );
    f.file(
        "content/briefings/adult-q.md",
        &doc(
            "7-minute briefing: Adult Q",
            "published: 2025-03-25\npseudonyms: [Adult Q]\nreview: adult-q\n",
            &briefing_sections(""),
        ),
    );
    f.file(
        "content/learning-summaries/old.md",
        &doc(
            "Learning summary: an older case",
            "published: 2025-02-10\n",
            &crate::support::learning_summary_sections(""),
        ),
    );
    f
}

const HELD: [&str; 3] = ["Adult K", "Adult M", "Adult P"];

fn digest(f: &Fixture, out: &str, extra: &[&str]) -> crate::support::Run {
    let mut args = vec![
        "digest",
        "--since",
        "2025-03-01",
        "--until",
        "2025-03-31",
        "--now",
        "2025-04-01",
        "--out",
        out,
    ];
    args.extend_from_slice(extra);
    f.run(&args)
}

#[test]
fn a_board_digest_lists_the_period_by_kind_newest_first_in_the_sectors_form() {
    let f = site();
    let r = digest(&f, "digest", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("2 review summaries and 1 7-minute briefing"),
        "{}",
        r.stderr
    );
    let text = read(&f, "digest", "digest.txt");
    assert!(text
        .lines()
        .all(|l| l.chars().count() <= 72 || l.starts_with("Read it: ")));
    // Compared with its lines joined again: plain text wraps at 72 columns.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Learning published: March 2025"), "{text}");
    let at = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s} missing:\n{text}"))
    };
    // Reviews before briefings; within reviews the newest first; the learning summary of
    // February is outside the period.
    assert!(at("REVIEW SUMMARIES") < at("7-MINUTE BRIEFINGS"));
    assert!(
        at("2025 – Testshire Safeguarding Adults Board – Thematic review of hospital discharge")
            < at("2025 – Testshire Safeguarding Adults Board – Adult Q Safeguarding")
    );
    assert!(!text.contains("older case"));
    assert!(text.contains("Learning themes include: Self-neglect and Hoarding."));
    assert!(
        text.contains("Recommendations include: Revise the procedure; Train the staff; Audit the files (and 1 more)."),
        "{text}"
    );
    assert!(text.contains("Read it: https://learning.test.example/reviews/adult-q/"));

    let md = read(&f, "digest", "digest.md");
    assert!(md.contains("## Review summaries"));
    assert!(md.contains(
        "### [2025 – Testshire Safeguarding Adults Board – Adult Q](https://learning.test.example/reviews/adult-q/)"
    ));

    // The email: inline styles, no scripts, no images or other remote resources, absolute links.
    let html = read(&f, "digest", "digest.html");
    for banned in [
        "<script", "<link", "<img", "src=", "<style", "url(", "<iframe",
    ] {
        assert!(!html.contains(banned), "{banned} in the email");
    }
    assert!(html.contains("style=\""));
    assert!(html.contains("role=\"presentation\""));
    for href in html.split("href=\"").skip(1) {
        assert!(
            href.starts_with("https://learning.test.example/"),
            "a link that is not to the site: {}",
            &href[..href.find('"').unwrap()]
        );
    }
    assert!(html.contains("2025 – Testshire Safeguarding Adults Board – Adult Q"));

    // Nothing held back from a public build appears, in any form.
    for file in ["digest.txt", "digest.md", "digest.html"] {
        let t = read(&f, "digest", file);
        for held in HELD {
            assert!(!t.contains(held), "{held} in {file}");
        }
    }
}

#[test]
fn the_gate_decides_the_digest_as_it_decides_a_build() {
    let f = site();
    let r = digest(&f, "partners", &["--audience", "partners"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let t = read(&f, "partners", "digest.txt");
    assert!(t.contains("Adult P (partners)"));
    assert!(!t.contains("Adult M") && !t.contains("Adult K"));
    assert!(read(&f, "partners", "digest.html").contains("Not for publication"));

    // On the day the embargo lifts, the review is in.
    let r = f.run(&[
        "digest",
        "--since",
        "2025-03-01",
        "--until",
        "2025-03-31",
        "--now",
        "2025-05-01",
        "--out",
        "later",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(read(&f, "later", "digest.txt").contains("Adult M (embargoed)"));

    // A lint error refuses the digest, as it refuses the build, and nothing is written.
    f.file(
        "content/reviews/thematic.md",
        &review("Thematic review of hospital discharge", "2025-03-20", "").replace(
            "The nurses kept visiting.",
            "Karen Walsh's nurses kept visiting.",
        ),
    );
    let r = digest(&f, "refused", &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("pii/person-name"), "{}", r.stderr);
    assert!(!f.path().join("refused").exists());
}

#[test]
fn an_empty_period_says_so_and_exits_0() {
    let f = site();
    let r = f.run(&[
        "digest",
        "--since",
        "2024-01-01",
        "--until",
        "2024-01-31",
        "--out",
        "empty",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("Nothing was published in January 2024"),
        "{}",
        r.stderr
    );
    assert!(read(&f, "empty", "digest.txt").contains("Nothing was published in January 2024."));
    assert!(read(&f, "empty", "digest.html").contains("Nothing was published in January 2024."));
    // --until before --since is a usage error.
    let r = f.run(&["digest", "--since", "2024-02-01", "--until", "2024-01-31"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

#[test]
fn a_regional_digest_from_two_boards_indexes() {
    let f = Fixture::new();
    let boards = repo().join("tests/fixtures/boards");
    let r = f.run(&[
        "digest",
        "--index",
        boards.join("fellhaven.json").to_str().unwrap(),
        boards.join("kestrelby.json").to_str().unwrap(),
        "--since",
        "2025-08-01",
        "--until",
        "2025-12-31",
        "--title",
        "North West learning",
        "--out",
        "region",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let t = read(&f, "region", "digest.txt");
    assert!(t.starts_with("North West learning\n"), "{t}");
    let at = |s: &str| t.find(s).unwrap_or_else(|| panic!("{s} missing:\n{t}"));
    // Both boards, reviews newest first across them; the 2023 review is outside the period.
    assert!(
        at("Safeguarding Adults Review: Adult F")
            < at("Child Safeguarding Practice Review: Child H")
    );
    assert!(at("REVIEW SUMMARIES") < at("7-MINUTE BRIEFINGS"));
    assert!(at("7-MINUTE BRIEFINGS") < at("LEARNING SUMMARIES"));
    assert!(at("Kestrelby Safeguarding Children Partnership") > 0);
    assert!(!t.contains("Adult G"));
    let html = read(&f, "region", "digest.html");
    assert!(!html.contains("<script"));
}

#[test]
fn the_site_keeps_a_page_per_month_and_a_feed_of_them() {
    let f = site();
    let r = f.build(&["--now", "2025-04-01"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let march = f.read_out("digest/2025-03/index.html");
    assert!(march.contains("Learning published in March 2025"));
    let at = |s: &str| march.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at("Thematic review of hospital discharge") < at("– Adult Q</a>"));
    assert!(at("<h2>Review summaries</h2>") < at("<h2>7-minute briefings</h2>"));
    // Links are relative, so the archive also opens from disk.
    assert!(march.contains("href=\"../../reviews/adult-q/index.html\""));
    for held in HELD {
        assert!(!march.contains(held), "{held} in the monthly page");
    }
    let list = f.read_out("digest/index.html");
    assert!(list.find("March 2025").unwrap() < list.find("February 2025").unwrap());
    assert!(list.contains("1 learning summary"));

    let feed = atom_syndication::Feed::read_from(f.read_out("digest/feed.xml").as_bytes())
        .expect("valid Atom");
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(
        titles,
        [
            "Learning published in March 2025",
            "Learning published in February 2025"
        ]
    );
    assert_eq!(
        feed.entries()[0].links()[0].href(),
        "https://learning.test.example/digest/2025-03/"
    );
    let feed_text = f.read_out("digest/feed.xml");
    for held in HELD {
        assert!(!feed_text.contains(held), "{held} in the feed");
    }
}
