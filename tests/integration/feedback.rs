//! The loop back: teams' feedback on briefings (`content/feedback/*.yaml`) is validated,
//! linted, counted on the briefing page and in the learning index, and never published by
//! team name except in an internal build.

use crate::support::{all_files, briefing_sections, doc, Fixture};

const TEAMS: [&str; 3] = [
    "Quillby Community Nursing",
    "Larchmere Housing Options",
    "Ashgrove Duty Desk",
];

fn site() -> Fixture {
    let f = Fixture::new();
    f.file(
        "content/briefings/adult-q.md",
        &doc(
            "7-minute briefing: Adult Q",
            "published: 2025-01-10\nreference: TS-SAR-2025-01\npseudonyms: [Adult Q]\n",
            &briefing_sections(""),
        ),
    );
    f.file(
        "content/briefings/draft-one.md",
        &doc(
            "7-minute briefing: a draft",
            "published: 2025-01-10\ndraft: true\n",
            &briefing_sections(""),
        ),
    );
    for (i, (team, date, rating)) in [
        (TEAMS[0], "2025-03-04", "rating: 5\n"),
        (TEAMS[1], "2025-04-15", "rating: 3\n"),
        (TEAMS[0], "2025-05-20", ""),
        (TEAMS[2], "2025-06-02", "people: 6\n"),
    ]
    .iter()
    .enumerate()
    {
        f.file(
            &format!("content/feedback/q-{i}.yaml"),
            &format!("briefing: adult-q\nteam: {team}\ndate: {date}\nwhat_will_change: \"Change number {i} for Adult Q\"\n{rating}"),
        );
    }
    // About a draft briefing: neither counted nor shown in a build without drafts.
    f.file(
        "content/feedback/draft.yaml",
        &format!("briefing: draft-one\nteam: {}\ndate: 2025-03-04\nwhat_will_change: \"Something secret\"\n", TEAMS[2]),
    );
    f
}

#[test]
fn the_briefing_page_counts_teams_and_shows_their_changes_without_their_names() {
    let f = site();
    let r = f.build(&["--now", "2025-07-01"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = f.read_out("briefings/adult-q/index.html");
    assert!(
        page.contains("Discussed by <strong>3 teams</strong> since March 2025"),
        "{page}"
    );
    assert!(page.contains("Teams rated it 4 out of 5 for usefulness (2 ratings)"));
    // Newest first.
    let (a, b) = (
        page.find("Change number 3").unwrap(),
        page.find("Change number 0").unwrap(),
    );
    assert!(a < b);
    assert!(!page.contains("Something secret"));
    // No team name in any file of the public build (pages, search index, learning index, feeds).
    for (path, bytes) in all_files(&f.out()) {
        let text = String::from_utf8_lossy(&bytes);
        for team in TEAMS {
            assert!(!text.contains(team), "{team} in {}", path.display());
        }
    }
    let index: serde_json::Value =
        serde_json::from_str(&f.read_out("learning-index.json")).unwrap();
    let rec = index["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["slug"] == "adult-q")
        .unwrap();
    assert_eq!(rec["feedback"]["teams"], 3);
    assert_eq!(rec["feedback"]["returns"], 4);
    assert_eq!(rec["feedback"]["since"], "2025-03");
    assert_eq!(rec["pseudonym"], "Adult Q");

    // Partners do not see team names either; the board's internal build does.
    let r = f.build(&["--audience", "partners", "--out", "partners"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let partners =
        std::fs::read_to_string(f.path().join("partners/briefings/adult-q/index.html")).unwrap();
    assert!(!partners.contains(TEAMS[0]));
    let r = f.build(&["--audience", "internal", "--out", "internal"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let internal =
        std::fs::read_to_string(f.path().join("internal/briefings/adult-q/index.html")).unwrap();
    assert!(internal.contains(TEAMS[1]), "{internal}");
}

#[test]
fn bad_feedback_files_are_errors_with_file_line_and_a_fix_and_nothing_is_published() {
    let f = site();
    f.file(
        "content/feedback/bad-key.yaml",
        "briefing: adult-q\nteam: A team\ndate: 2025-03-04\nwhat_will_change: x\nratng: 4\n",
    );
    f.file(
        "content/feedback/bad-briefing.yaml",
        "briefing: adult-k\nteam: A team\ndate: 2025-03-04\nwhat_will_change: x\n",
    );
    f.file(
        "content/feedback/bad-rating.yaml",
        "briefing: adult-q\nteam: A team\ndate: 2025-03-04\nwhat_will_change: x\nrating: 9\n",
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for want in [
        "content/feedback/bad-key.yaml:5:1",
        "did you mean `rating`?",
        "content/feedback/bad-briefing.yaml:1:1",
        "did you mean `adult-q`?",
        "content/feedback/bad-rating.yaml:5:1",
    ] {
        assert!(r.stderr.contains(want), "{want} missing:\n{}", r.stderr);
    }
    assert!(!f.out().exists(), "a build with errors wrote its output");
    // `check` reports the same.
    let r = f.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("content/feedback/bad-briefing.yaml:1:1"));
}

#[test]
fn feedback_is_linted_like_a_document() {
    let f = site();
    f.file(
        "content/feedback/named.yaml",
        "briefing: adult-q\nteam: Duty team\ndate: 2025-03-04\nwhat_will_change: \"Adult Q's care is reviewed with his daughter Karen Walsh\"\n",
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("pii/person-name") && r.stderr.contains("content/feedback/named.yaml:4:"),
        "{}",
        r.stderr
    );
    // The briefing's pseudonym is allowed.
    f.file(
        "content/feedback/named.yaml",
        "briefing: adult-q\nteam: Duty team\ndate: 2025-03-04\nwhat_will_change: \"Adult Q's care is reviewed every month\"\n",
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn collate_shows_uptake_by_board_and_briefing_without_team_names() {
    let f = site();
    let r = f.build(&["--now", "2025-07-01"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let fellhaven = crate::support::repo().join("tests/fixtures/boards/fellhaven.json");
    let r = f.run(&[
        "collate",
        "public/learning-index.json",
        fellhaven.to_str().unwrap(),
        "--out",
        "region",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = std::fs::read_to_string(f.path().join("region/uptake/index.html")).unwrap();
    let flat: String = page.split_whitespace().collect::<Vec<_>>().join(" ");
    // Testshire: one briefing of two published discussed, by 3 teams in 4 returns; Fellhaven's
    // index (no feedback field) has one briefing, not discussed.
    assert!(
        flat.contains(
            "Testshire Safeguarding Adults Board</a></th><td>1</td><td>1</td><td>3</td><td>4</td>"
        ),
        "{flat}"
    );
    assert!(flat.contains(
        "Fellhaven Safeguarding Adults Board</a></th><td>1</td><td>0</td><td>0</td><td>0</td>"
    ));
    assert!(flat.contains("7-minute briefing: Adult Q</a></th><td>Testshire Safeguarding Adults Board</td><td>3</td><td>March 2025</td><td>4.0</td>"));
    for team in TEAMS {
        assert!(!page.contains(team));
    }
}
