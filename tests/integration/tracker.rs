//! The action tracker on a fixture board with a fixed `--now`: overdue and revised due
//! months, the order, the filter pages, exceptions, the spreadsheet, and audiences.

use crate::support::*;

/// Three public reviews, one for partners only, one draft and one ongoing, with
/// recommendations that exercise every rule.
fn board() -> Fixture {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-a.md",
        &doc(
            "Safeguarding Adults Review: Adult A",
            "published: 2025-01-10\nthemes: [self-neglect, hoarding]\npseudonyms: [Adult A]\nrecommendations:\n  - id: R1\n    text: Revise the self-neglect procedure.\n    owner: Board policy subgroup\n    due: \"2025-03\"\n    revised_due: \"2025-09\"\n    status: in-progress\n    updates:\n      - { date: 2025-07-01, text: \"Draft out for comment.\" }\n  - id: R2\n    text: Train practitioners in executive capacity.\n    owner: Council adult social care\n    agency: [Council adult social care, Community health trust]\n    themes: [executive-capacity]\n    due: \"2025-06\"\n    status: not-started\n  - id: R3\n    text: Buy a shared case recording system.\n    owner: Board\n    status: not-implemented\n    reason: \"A regional system is being procured instead.\"\n  - id: R10\n    text: Publish a leaflet for families.\n    owner: Board\n    due: \"2026-02\"\n    status: in-progress\n    updates:\n      - { date: 2025-09-20, text: \"Leaflet drafted with families.\" }\nimpact:\n  measure: Risk meetings held in self-neglect cases\n  revisit: \"2025-06\"\n",
            "Findings.",
        ),
    );
    f.file(
        "content/reviews/adult-b.md",
        &doc(
            "Safeguarding Adults Review: Adult B",
            "published: 2025-05-02\nthemes: [neglect]\npseudonyms: [Adult B]\nrecommendations:\n  - id: R1\n    text: Audit medication records in residential care.\n    owner: Integrated care board\n    due: \"2025-04\"\n    status: complete\n    evidence: Audit found full compliance.\n  - id: R2\n    text: Review falls guidance.\n    owner: Integrated care board\n    due: \"2025-12\"\n    status: in-progress\nimpact:\n  measure: Falls referrals\n  revisit: \"2025-06\"\n  outcome: Referrals doubled.\n",
            "Findings.",
        ),
    );
    f.file(
        "content/reviews/partners-only.md",
        &doc(
            "Learning review: Adult P",
            "audience: partners\npublished: 2025-02-01\npseudonyms: [Adult P]\nrecommendations:\n  - id: R1\n    text: Agree the partners-only escalation route.\n    owner: Police\n    due: \"2025-01\"\n    status: not-started\n",
            "Findings.",
        ),
    );
    f.file(
        "content/reviews/draft.md",
        &doc(
            "Draft review: Adult Q",
            "draft: true\npseudonyms: [Adult Q]\nrecommendations:\n  - id: R1\n    text: The draft-only recommendation.\n    owner: Police\n    due: \"2025-01\"\n    status: not-started\n",
            "Findings.",
        ),
    );
    f.file(
        "content/reviews/ongoing.md",
        &doc(
            "Concise review: Adult S",
            "status: ongoing\nreview_type: multi-agency-concise-review\nreference: TB-2025-09\ncommissioned: \"2025-06\"\nthemes: [mental-capacity]\npseudonyms: [Adult S]\nrecommendations:\n  - id: R1\n    text: The ongoing review's early recommendation.\n    owner: Council\n    due: \"2025-01\"\n    status: not-started\n",
            "The review is under way.",
        ),
    );
    f
}

fn build(f: &Fixture, now: &str, extra: &[&str]) {
    let mut args = vec!["--now", now, "--quiet"];
    args.extend_from_slice(extra);
    let r = f.build(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

/// How a recommendation's row starts: its number, after the label its card shows on a phone.
const ROW_HEAD: &str = "<th scope=\"row\"><span class=\"stack-label\">Recommendation </span>";

/// The rows of the tracker's main table on a page, as (review slug, id, status) in order.
fn rows(page: &str) -> Vec<(String, String, String)> {
    page.split("<tr class=\"rec ")
        .skip(1)
        .map(|row| {
            let attr = |name: &str| {
                row.split(&format!("{name}=\""))
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                    .unwrap_or("")
                    .to_string()
            };
            let id = row
                .split(ROW_HEAD)
                .nth(1)
                .and_then(|s| s.split('<').next())
                .unwrap_or("")
                .to_string();
            (attr("data-review"), id, attr("data-status"))
        })
        .collect()
}

/// The HTML of the row of recommendation `id` of `review`.
fn row_of<'a>(page: &'a str, review: &str, id: &str) -> &'a str {
    page.split("<tr class=\"rec ")
        .find(|row| {
            row.contains(&format!("data-review=\"{review}\""))
                && row.contains(&format!("{ROW_HEAD}{id}<"))
        })
        .and_then(|row| row.split("</tr>").next())
        .unwrap_or_else(|| panic!("no row {review}/{id}"))
}

fn ids(rows: &[(String, String, String)]) -> Vec<String> {
    rows.iter().map(|(r, id, _)| format!("{r}/{id}")).collect()
}

#[test]
fn overdue_counts_from_the_revised_month_and_is_said_in_words() {
    let f = board();
    // August 2025: R1 was due March but revised to September, so it is not overdue yet;
    // R2 (due June, not started) is.
    build(&f, "2025-08-15", &[]);
    let page = f.read_out("actions/index.html");
    let r1 = row_of(&page, "adult-a", "R1");
    assert!(r1.contains("March 2025"), "both dates shown: {r1}");
    assert!(r1.contains("Revised to <time datetime=\"2025-09\">September 2025</time>"));
    assert!(!r1.contains("Overdue"), "{r1}");
    assert!(page.contains("Overdue by 2 months"), "R2, due June 2025");

    // October 2025: R1 is now overdue, counted from September.
    build(&f, "2025-10-01", &[]);
    let page = f.read_out("actions/index.html");
    let r1 = row_of(&page, "adult-a", "R1");
    assert!(r1.contains("Overdue by 1 month"), "{r1}");
    // The review page says it in words too.
    let review = f.read_out("reviews/adult-a/index.html");
    assert!(review.contains("Overdue by 1 month"));
    assert!(review.contains("Overdue by 4 months"), "R2 from June");
}

#[test]
fn overdue_first_then_by_due_month_then_number() {
    let f = board();
    build(&f, "2025-10-01", &[]);
    let page = f.read_out("actions/index.html");
    assert_eq!(
        ids(&rows(&page)),
        [
            // Overdue, longest first: R2 due June, R1 revised to September.
            "adult-a/R2",
            "adult-a/R1",
            // The rest by due month: complete April, December, February 2026; none last.
            "adult-b/R1",
            "adult-b/R2",
            "adult-a/R10",
            "adult-a/R3",
        ]
    );
    assert!(page.contains("<strong>6</strong> recommendations"));
    assert!(page.contains("Overdue: <strong>2</strong>"));
}

#[test]
fn filter_pages_list_only_their_recommendations() {
    let f = board();
    build(&f, "2025-10-01", &[]);
    let status = f.read_out("actions/status/in-progress/index.html");
    assert_eq!(
        ids(&rows(&status)),
        ["adult-a/R1", "adult-b/R2", "adult-a/R10"]
    );
    assert!(status.contains("Status: In progress"));
    // Every status has its page, an empty one saying so.
    let none = f.read_out("actions/status/not-implemented/index.html");
    assert_eq!(ids(&rows(&none)), ["adult-a/R3"]);
    // An agency: `agency:` when given, else the owner.
    let trust = f.read_out("actions/agency/community-health-trust/index.html");
    assert_eq!(ids(&rows(&trust)), ["adult-a/R2"]);
    let icb = f.read_out("actions/agency/integrated-care-board/index.html");
    assert_eq!(ids(&rows(&icb)), ["adult-b/R1", "adult-b/R2"]);
    // A theme: the recommendation's own themes, else its review's.
    let exec = f.read_out("actions/theme/executive-capacity/index.html");
    assert_eq!(ids(&rows(&exec)), ["adult-a/R2"]);
    let hoarding = f.read_out("actions/theme/hoarding/index.html");
    assert_eq!(
        ids(&rows(&hoarding)),
        ["adult-a/R1", "adult-a/R10", "adult-a/R3"]
    );
    let review = f.read_out("actions/review/adult-b/index.html");
    assert_eq!(ids(&rows(&review)), ["adult-b/R1", "adult-b/R2"]);
    // The main page links every filter page, and carries what the in-page filter reads.
    let main = f.read_out("actions/index.html");
    for href in [
        "actions/status/in-progress/index.html",
        "actions/agency/community-health-trust/index.html",
        "actions/theme/executive-capacity/index.html",
        "actions/review/adult-b/index.html",
    ] {
        assert!(main.contains(href), "{href}");
    }
    assert!(main.contains(
        "data-status=\"not-started\" data-agency=\"council-adult-social-care community-health-trust\" data-theme=\"executive-capacity\" data-review=\"adult-a\""
    ));
    assert!(main.contains("<select id=\"filter-agency\""));
    assert!(main.contains("Filter by status, agency, theme or review</h2>"));
    // A filter page links the other statuses, agencies and themes, but not every other
    // review (a list that grows with the site, on a page per review), and leads back to
    // the main page, which does.
    assert!(review.contains("Filter by status, agency or theme</h2>"));
    assert!(review.contains("actions/status/in-progress/index.html"));
    assert!(!review.contains("actions/review/adult-a/index.html"));
    assert!(review.contains("actions/index.html"));
}

#[test]
fn exceptions_list_overdue_stale_not_implemented_and_impact_due() {
    let f = board();
    build(&f, "2026-01-15", &[]);
    let page = f.read_out("actions/exceptions/index.html");
    let group = |id: &str| {
        let s = page.split(&format!("id=\"group-{id}\"")).nth(1).unwrap();
        s.split("<section").next().unwrap().to_string()
    };
    // Overdue on 15 January 2026: R2 (June), R1 (revised September), Adult B R2 (December).
    assert_eq!(
        ids(&rows(&group("overdue"))),
        ["adult-a/R2", "adult-a/R1", "adult-b/R2"]
    );
    // No update for 3 months: R1 (last update July 2025), R2 and Adult B R2 (no updates, and
    // published more than 3 months ago), R10 (last update 20 September 2025).
    assert_eq!(
        ids(&rows(&group("no-update"))),
        ["adult-a/R2", "adult-a/R1", "adult-b/R2", "adult-a/R10"]
    );
    assert!(group("no-update").contains("No update since 1 July 2025"));
    assert!(group("no-update").contains("No update recorded"));
    let ni = group("not-implemented");
    assert_eq!(ids(&rows(&ni)), ["adult-a/R3"]);
    assert!(ni.contains("A regional system is being procured instead."));
    // Impact: Adult A's revisit month (June 2025) has passed with no outcome; Adult B's has one.
    let impact = group("impact");
    assert!(
        impact.contains("Risk meetings held in self-neglect cases"),
        "{impact}"
    );
    assert!(!impact.contains("Falls referrals"));
    // A month earlier R10 (updated 20 September 2025) was not yet stale.
    build(&f, "2025-12-19", &[]);
    let page = f.read_out("actions/exceptions/index.html");
    let stale = page.split("id=\"group-no-update\"").nth(1).unwrap();
    let stale = stale.split("<section").next().unwrap();
    assert!(!ids(&rows(stale)).contains(&"adult-a/R10".to_string()));
}

#[test]
fn spreadsheet_has_every_recommendation_in_tracker_order() {
    let f = board();
    build(&f, "2025-10-01", &[]);
    let bytes = std::fs::read(f.out().join("actions/actions.csv")).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut rdr = csv::Reader::from_reader(&bytes[3..]);
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    let got: Vec<String> = rows
        .iter()
        .map(|r| format!("{}/{}", &r[col("reference")], &r[col("id")]))
        .collect();
    assert_eq!(got.len(), 6);
    assert_eq!(&rows[0][col("id")], "R2");
    assert_eq!(&rows[0][col("overdue")], "yes");
    assert_eq!(&rows[0][col("overdue_by_months")], "4");
    assert_eq!(
        &rows[0][col("agencies")],
        "Council adult social care; Community health trust"
    );
    assert_eq!(&rows[1][col("revised_due")], "2025-09");
    assert_eq!(&rows[1][col("last_update")], "2025-07-01");
    assert_eq!(
        &rows[1][col("review_url")],
        "https://learning.test.example/reviews/adult-a/"
    );
    let declined = rows.iter().find(|r| &r[col("id")] == "R3").unwrap();
    assert_eq!(&declined[col("status")], "not-implemented");
    assert_eq!(
        &declined[col("reason_not_implemented")],
        "A regional system is being procured instead."
    );
}

#[test]
fn nothing_held_back_reaches_the_tracker() {
    let f = board();
    build(&f, "2025-10-01", &[]);
    let mut public = String::new();
    for e in walkdir::WalkDir::new(f.out().join("actions"))
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            public.push_str(&std::fs::read_to_string(e.path()).unwrap());
        }
    }
    for held in [
        "partners-only escalation route",
        "Adult P",
        "draft-only recommendation",
        "Adult Q",
        "ongoing review's early recommendation",
        "Adult S",
    ] {
        assert!(!public.contains(held), "public tracker shows {held}");
    }
    assert!(!f.out().join("actions/review/partners-only").exists());

    // The ongoing review is listed by type, month commissioned, themes and reference only.
    let reviews = f.read_out("reviews/index.html");
    let ongoing = reviews.split("id=\"ongoing-reviews\"").nth(1).unwrap();
    assert!(ongoing.contains("Multi-agency concise review"));
    assert!(ongoing.contains("June 2025"));
    assert!(ongoing.contains("Mental capacity and best interests"));
    assert!(ongoing.contains("TB-2025-09"));
    assert!(!reviews.contains("Adult S"));
    assert!(!f.out().join("reviews/ongoing").exists());
    let index = f.read_out("learning-index.json");
    assert!(index.contains("\"TB-2025-09\""));
    for held in ["Adult S", "Adult P", "Adult Q"] {
        assert!(!index.contains(held), "learning index has {held}");
    }
    assert!(!f.out().join("actions/agency/police").exists());

    // Partners see the partners-only review's recommendation; still no draft or ongoing one.
    let out = f.path().join("partners-site");
    build(
        &f,
        "2025-10-01",
        &["--audience", "partners", "--out", out.to_str().unwrap()],
    );
    let page = std::fs::read_to_string(out.join("actions/index.html")).unwrap();
    assert!(page.contains("partners-only escalation route"));
    assert!(!page.contains("draft-only recommendation"));
    assert!(!page.contains("early recommendation"));
    let csv = std::fs::read_to_string(out.join("actions/actions.csv")).unwrap();
    assert!(csv.contains("partners-only escalation route"));

    // Internal builds show the ongoing review and its recommendation.
    let out = f.path().join("internal-site");
    build(
        &f,
        "2025-10-01",
        &["--audience", "internal", "--out", out.to_str().unwrap()],
    );
    let page = std::fs::read_to_string(out.join("actions/index.html")).unwrap();
    assert!(page.contains("early recommendation"));
    let review = std::fs::read_to_string(out.join("reviews/ongoing/index.html")).unwrap();
    assert!(review.contains("Ongoing review."));
}

#[test]
fn person_codes_are_shown_listed_and_in_the_learning_index() {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-e.md",
        &doc(
            "Safeguarding Adults Review: Adult E",
            "published: 2025-01-10\npseudonyms: [Adult E]\nperson:\n  age_band: 85+\n  sex: female\n  disability: [dementia, sensory]\n",
            "Findings.",
        ),
    );
    f.file(
        "content/reviews/adult-f.md",
        &doc(
            "Safeguarding Adults Review: Adult F",
            "published: 2025-02-10\npseudonyms: [Adult F]\nperson: {age_band: 18-25, sex: male}\n",
            "Findings.",
        ),
    );
    build(&f, "2025-10-01", &[]);
    let page = f.read_out("reviews/adult-e/index.html");
    assert!(
        page.contains(
            "<dt>Age band</dt><dd><a href=\"../../age-bands/85-plus/index.html\">85 and over</a>"
        ),
        "{page}"
    );
    assert!(page.contains("Cognitive impairment or dementia"));
    // Listing pages, age bands youngest first.
    let bands = f.read_out("age-bands/index.html");
    let (young, old) = (
        bands.find("18 to 25").unwrap(),
        bands.find("85 and over").unwrap(),
    );
    assert!(young < old, "youngest first");
    let female = f.read_out("sex/female/index.html");
    assert!(female.contains("Adult E") && !female.contains("Adult F"));
    // No page for a code nobody uses.
    assert!(!f.out().join("relationship-to-perpetrator").exists());
    let index = f.read_out("learning-index.json");
    assert!(index.contains("\"age_band\": \"85-plus\""));
}

#[test]
fn rows_are_in_place_even_when_a_title_holds_the_mark_the_rows_go_by() {
    // The rows of a table are put in after the page is rendered, where a mark stands; a
    // review whose title is that mark (it appears in the filters too) must not move them.
    let f = board();
    let mark = "\u{E001}learnsite-tracker-rows-0\u{E001}";
    f.file(
        "content/reviews/adult-b.md",
        &std::fs::read_to_string(f.path().join("content/reviews/adult-b.md"))
            .unwrap()
            .replace("Safeguarding Adults Review: Adult B", mark),
    );
    build(&f, "2025-10-01", &[]);
    let main = f.read_out("actions/index.html");
    assert_eq!(rows(&main).len(), 6, "every recommendation, once");
    let table = main.split("<tbody>").nth(1).unwrap();
    assert!(
        table.contains(&format!(">{mark}</a>")),
        "the title is in its rows"
    );
    let filters = main.split("<tbody>").next().unwrap();
    assert!(
        filters.contains(mark),
        "and in the filters, as it was written"
    );
}
