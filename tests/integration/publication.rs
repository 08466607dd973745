//! Publication control: nothing beyond a build's audience reaches any byte of any file it
//! writes, and what should appear does. Each document carries a unique marker string.

use crate::support::*;

const AUDIENCES: [&str; 3] = ["public", "partners", "internal"];
const STATES: [&str; 3] = ["draft", "embargoed", "published"];
const KINDS: [(&str, &str); 4] = [
    ("reviews", "review"),
    ("briefings", "briefing"),
    ("learning-summaries", "ls"),
    ("pages", "page"),
];
const NOW: &str = "2026-06-01";

fn marker(aud: &str, state: &str, kind: &str) -> String {
    format!("lsmark_{aud}_{state}_{kind}")
}

fn matrix_site() -> Fixture {
    let f = Fixture::new();
    for aud in AUDIENCES {
        for state in STATES {
            for (folder, kind) in KINDS {
                let m = marker(aud, state, kind);
                let mut fm = format!("audience: {aud}\nsummary: \"Summary {m}\"\nthemes: [self-neglect]\npublished: 2026-01-15\n");
                if kind != "page" {
                    fm.push_str("review_type: sar\n");
                } else {
                    fm = format!("audience: {aud}\nsummary: \"Summary {m}\"\n");
                }
                match state {
                    "draft" => fm.push_str("draft: true\n"),
                    "embargoed" => fm.push_str("embargo_until: 2026-09-01\n"),
                    _ => {}
                }
                let own = format!("Body text {m}.\n\nSee the [attachment](/files/{m}.txt).\n");
                let body = match kind {
                    "briefing" => briefing_sections(&own),
                    "ls" => learning_summary_sections(&own),
                    _ => own,
                };
                f.file(
                    &format!("content/{folder}/{aud}-{state}.md"),
                    &doc(&format!("Title {m}"), &fm, &body),
                );
                f.file(&format!("static/files/{m}.txt"), &format!("attachment {m}"));
            }
        }
    }
    f
}

/// Which markers a build may contain.
fn expected(
    build_aud: &str,
    drafts: bool,
    now_after_embargo: bool,
    aud: &str,
    state: &str,
) -> bool {
    let rank = |a: &str| AUDIENCES.iter().position(|x| *x == a).unwrap();
    let aud_ok = rank(aud) <= rank(build_aud);
    let state_ok = match state {
        "draft" => drafts,
        "embargoed" => now_after_embargo,
        _ => true,
    };
    aud_ok && state_ok
}

fn check_build(f: &Fixture, build_aud: &str, drafts: bool, now: &str) {
    let out = f.path().join(format!("out-{build_aud}-{drafts}-{now}"));
    let mut args = vec![
        "--audience",
        build_aud,
        "--out",
        out.to_str().unwrap(),
        "--now",
        now,
    ];
    if drafts {
        args.push("--drafts");
    }
    let r = f.build(&args);
    assert_eq!(r.code, 0, "{build_aud} build: {}", r.stderr);
    let files = all_files(&out);
    assert!(files.len() > 20);
    let after = now >= "2026-09-01";
    for aud in AUDIENCES {
        for state in STATES {
            for (_, kind) in KINDS {
                let m = marker(aud, state, kind);
                let hits: Vec<String> = files
                    .iter()
                    .filter(|(p, b)| {
                        p.to_string_lossy().contains(&m)
                            || b.windows(m.len()).any(|w| w == m.as_bytes())
                    })
                    .map(|(p, _)| p.strip_prefix(&out).unwrap().display().to_string())
                    .collect();
                if expected(build_aud, drafts, after, aud, state) {
                    assert!(
                        !hits.is_empty(),
                        "{m} should be in the {build_aud} build (drafts={drafts}, now={now})"
                    );
                    // Its page, its attachment and its entry in the search index and listings.
                    assert!(
                        hits.iter().any(|h| h.ends_with(&format!("files/{m}.txt"))),
                        "{m}: attachment copied"
                    );
                } else {
                    assert!(hits.is_empty(), "{m} LEAKED into the {build_aud} build (drafts={drafts}, now={now}) in {hits:?}");
                }
            }
        }
    }
}

#[test]
fn nothing_beyond_the_audience_reaches_any_output_file() {
    let f = matrix_site();
    for aud in AUDIENCES {
        check_build(&f, aud, false, NOW);
    }
}

#[test]
fn drafts_flag_and_embargo_date() {
    let f = matrix_site();
    check_build(&f, "public", true, NOW);
    check_build(&f, "internal", true, NOW);
    check_build(&f, "public", false, "2026-09-01");
}

#[test]
fn drafts_are_marked_on_every_page_and_non_public_builds_ask_robots_away() {
    let f = matrix_site();
    let r = f.build(&["--audience", "partners", "--drafts", "--now", NOW]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = f.read_out("reviews/public-draft/index.html");
    assert!(page.contains("<strong>Draft.</strong>"));
    assert!(f.read_out("index.html").contains("Preview with drafts"));
    assert!(f.read_out("robots.txt").contains("Disallow: /"));
    assert!(page.contains("noindex"));
    let r = f.build(&["--now", NOW]);
    assert_eq!(r.code, 0);
    assert!(f.read_out("robots.txt").contains("Allow: /"));
    assert!(!f
        .read_out("reviews/public-published/index.html")
        .contains("noindex"));
}

#[test]
fn build_prints_what_was_published_and_held_back_and_why() {
    let f = matrix_site();
    let r = f.build(&["--now", NOW]);
    assert_eq!(r.code, 0);
    assert!(
        r.stderr
            .contains("Published for public readers: 4 documents"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("content/reviews/partners-published.md")
            && r.stderr.contains("for partners readers only"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("embargoed until 2026-09-01"));
    assert!(r.stderr.contains("draft (use --drafts to preview)"));
}

#[test]
fn a_public_page_linking_to_a_partners_only_document_is_an_error() {
    let f = Fixture::new();
    f.file(
        "content/reviews/secret.md",
        &doc("Partners review", "audience: partners\n", "Body."),
    );
    f.file(
        "content/briefings/open.md",
        &doc(
            "Open briefing",
            "",
            &briefing_sections("Read [the review](/reviews/secret/).\n"),
        ),
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("content/briefings/open.md:32:20"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("not published in this public build"),
        "{}",
        r.stderr
    );
    // The partners build is fine.
    assert_eq!(f.build(&["--audience", "partners"]).code, 0);
    // A `review:` link to a held review is an error too.
    let f = Fixture::new();
    f.file(
        "content/reviews/secret.md",
        &doc("Partners review", "audience: partners\n", "Body."),
    );
    f.file(
        "content/briefings/open.md",
        &doc("Open briefing", "review: secret\n", &briefing_sections("")),
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("content/briefings/open.md:3:9"),
        "{}",
        r.stderr
    );
}

#[test]
fn feeds_are_valid_atom_newest_first_and_sitemap_is_xml() {
    let f = Fixture::new();
    f.file(
        "content/reviews/old.md",
        &doc(
            "Old review",
            "published: 2024-01-10\nthemes: [hoarding]\nsummary: \"Older & wiser <b>\"\n",
            "x",
        ),
    );
    f.file(
        "content/reviews/new.md",
        &doc(
            "New review",
            "published: 2025-06-01\nthemes: [hoarding]\n",
            "x",
        ),
    );
    f.file(
        "content/briefings/mid.md",
        &doc(
            "Mid briefing",
            "published: 2024-09-01\n",
            &briefing_sections(""),
        ),
    );
    f.file("content/about.md", &doc("About", "", "x"));
    assert_eq!(f.build(&[]).code, 0);
    let feed =
        atom_syndication::Feed::read_from(f.read_out("feed.xml").as_bytes()).expect("valid Atom");
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(titles, ["New review", "Mid briefing", "Old review"]);
    assert_eq!(
        feed.entries()[2].summary().unwrap().as_str(),
        "Older & wiser <b>"
    );
    assert!(feed.entries()[0].links()[0]
        .href()
        .starts_with("https://learning.test.example/reviews/new/"));
    let theme_feed =
        atom_syndication::Feed::read_from(f.read_out("themes/hoarding/feed.xml").as_bytes())
            .expect("valid Atom");
    assert_eq!(theme_feed.entries().len(), 2);

    let sitemap = f.read_out("sitemap.xml");
    let mut reader = quick_xml::Reader::from_str(&sitemap);
    let mut locs = Vec::new();
    let mut in_loc = false;
    loop {
        match reader.read_event().expect("well-formed sitemap") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"loc" => in_loc = true,
            quick_xml::events::Event::Text(t) if in_loc => {
                locs.push(t.unescape().unwrap().into_owned());
                in_loc = false
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert!(
        locs.contains(&"https://learning.test.example/reviews/new/".to_string()),
        "{locs:?}"
    );
    assert!(locs.contains(&"https://learning.test.example/about/".to_string()));
}

#[test]
fn a_refused_build_says_nothing_was_published_and_names_every_file_to_fix() {
    // A business manager's mistakes: a month 13 (the front-matter cannot be read, so the file
    // is not a document of the site), and a real-looking name in a readable document.
    let f = Fixture::new();
    f.file(
        "content/reviews/good.md",
        &doc(
            "Review: Adult K",
            "published: 2025-01-10\npseudonyms: [Adult K]\n",
            "Adult K lived alone.\n",
        ),
    );
    f.file(
        "content/reviews/bad-date.md",
        &doc(
            "Review: Adult L",
            "published: 2025-13-02\n",
            "Adult L lived alone.\n",
        ),
    );
    f.file(
        "content/reviews/named.md",
        &doc(
            "Review: Adult M",
            "published: 2025-01-10\npseudonyms: [Adult M]\n",
            "Her daughter Sarah Whitfield visited Adult M.\n",
        ),
    );
    let r = f.build(&["--now", NOW]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    // Nothing is listed as published: the build published nothing.
    assert!(!r.stderr.contains("Published for"), "{}", r.stderr);
    assert!(!r.stderr.contains("  published  "), "{}", r.stderr);
    assert!(r.stderr.contains("Nothing was published"), "{}", r.stderr);
    // Both files with errors are named in the closing list, the unreadable one too.
    assert!(
        r.stderr
            .contains("To fix before anything is published: 2 files"),
        "{}",
        r.stderr
    );
    for file in ["content/reviews/bad-date.md", "content/reviews/named.md"] {
        assert!(
            r.stderr
                .lines()
                .any(|l| l.starts_with("  fix ") && l.contains(file)),
            "{file} not in the list to fix:\n{}",
            r.stderr
        );
    }
    assert!(
        r.stderr
            .lines()
            .any(|l| l.starts_with("  ready ") && l.contains("content/reviews/good.md")),
        "{}",
        r.stderr
    );
}
