//! `learnsite report`: the reviews section of a board's annual report for a financial year,
//! as markdown, HTML and Word, through the same gate as a build.

use crate::support::{briefing_sections, doc, learning_summary_sections, Fixture};
use std::io::Read;

fn review(title: &str, front: &str, findings: &str) -> String {
    let mut defaults = String::new();
    if !front.contains("review_type:") {
        defaults.push_str("review_type: sar\n");
    }
    if !front.contains("themes:") {
        defaults.push_str("themes: [self-neglect]\n");
    }
    doc(
        title,
        &format!("{defaults}{front}"),
        &format!("## About this review\n\nThe board commissioned it.\n\n## Findings\n\n### Areas for learning\n\n1. **{findings}** Agencies did not share what they knew.\n\n## Recommendations\n\nSee the table.\n"),
    )
}

/// The financial year 2025–26, reported on 15 June 2026.
fn site() -> Fixture {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-e.md",
        &review(
            "Safeguarding Adults Review: Adult E",
            "pseudonyms: [Adult E]\nreference: TS-SAR-2025-01\ncommissioned: \"2024-11\"\ncompleted: \"2025-06\"\npublished: 2025-09-01\nthemes: [self-neglect, hoarding]\nquality_markers:\n  referral: {status: met}\n  analysis: {status: not-met, evidence: \"The analysis stayed with single agencies.\"}\nimpact: {measure: \"Risk meetings held\", revisit: \"2026-03\"}\nrecommendations:\n  - {id: R1, text: \"Revise the self-neglect procedure.\", owner: SAB, due: \"2025-09\", status: complete, evidence: \"Published in October 2025.\"}\n  - id: R2\n    text: \"Train housing officers to share concerns.\"\n    owner: Testshire Council Housing\n    due: \"2025-12\"\n    status: in-progress\n    updates:\n      - date: 2025-02-01\n        text: \"Scoping the training before the year.\"\n      - date: 2025-10-01\n        text: \"Training course written.\"\n  - {id: R3, text: \"Buy a shared case recording system.\", owner: SAB, due: \"2026-01\", status: not-implemented, reason: \"A regional system is being bought instead.\"}\n",
            "Escalation was slow.",
        ),
    );
    f.file(
        "content/reviews/adult-f.md",
        &review(
            "Domestic Homicide Review: Adult F",
            "pseudonyms: [Adult F]\nreview_type: dhr\nthemes: [domestic-abuse]\ncommissioned: \"2025-05\"\ncompleted: \"2026-02\"\npublished: 2026-04-20\nrecommendations:\n  - {id: R1, text: \"Ask about abuse at every appointment.\", owner: ICB, due: \"2027-01\"}\n",
            "Nobody asked about home.",
        ),
    );
    f.file(
        "content/reviews/adult-g.md",
        &review(
            "Safeguarding Adults Review: Adult G",
            "pseudonyms: [Adult G]\ncommissioned: \"2023-06\"\ncompleted: \"2024-03\"\npublished: 2024-05-01\nrecommendations:\n  - {id: R1, text: \"Audit transition plans.\", owner: Council, due: \"2024-12\", revised_due: \"2026-09\", status: in-progress}\n",
            "Transitions were unplanned.",
        ),
    );
    f.file(
        "content/reviews/adult-h.md",
        &review(
            "Safeguarding Adults Review: Adult H",
            "pseudonyms: [Adult H]\ncommissioned: \"2022-06\"\ncompleted: \"2023-05\"\npublished: 2023-07-01\nrecommendations:\n  - {id: R1, text: \"Long since done.\", owner: Council, due: \"2023-12\", status: complete}\n",
            "Old learning.",
        ),
    );
    f.file(
        "content/reviews/adult-k.md",
        &doc(
            "Review of Adult K (ongoing)",
            "status: ongoing\nreview_type: sar\nreference: TS-SAR-2026-01\ncommissioned: \"2026-01\"\nthemes: [hoarding]\n",
            "## About this review\n\nUnder way.\n",
        ),
    );
    f.file(
        "content/reviews/adult-n.md",
        &review(
            "Safeguarding Adults Review: Adult N",
            "pseudonyms: [Adult N]\ncommissioned: \"2025-08\"\ncompleted: \"2026-05\"\npublished: 2026-06-01\n",
            "Completed after the year.",
        ),
    );
    // Held back from a public build.
    f.file(
        "content/reviews/adult-p.md",
        &review(
            "Review of Adult P (draft)",
            "draft: true\ncommissioned: \"2025-04\"\ncompleted: \"2025-07\"\n",
            "DRAFT-FINDING.",
        ),
    );
    f.file(
        "content/reviews/adult-q.md",
        &review(
            "Review of Adult Q (embargoed)",
            "embargo_until: 2026-09-01\ncommissioned: \"2025-04\"\ncompleted: \"2025-08\"\npublished: 2026-09-01\n",
            "EMBARGOED-FINDING.",
        ),
    );
    f.file(
        "content/reviews/adult-s.md",
        &review(
            "Review of Adult S (partners)",
            "audience: partners\ncommissioned: \"2025-04\"\ncompleted: \"2025-10\"\npublished: 2025-11-01\nrecommendations:\n  - {id: R1, text: \"PARTNERS-ONLY-ACTION.\", owner: SAB, due: \"2026-12\"}\n",
            "PARTNERS-FINDING.",
        ),
    );
    f.file(
        "content/briefings/adult-e.md",
        &doc(
            "7-minute briefing: Adult E",
            "published: 2025-09-10\npseudonyms: [Adult E]\nreview: adult-e\n",
            &briefing_sections(""),
        ),
    );
    f.file(
        "content/learning-summaries/adult-f.md",
        &doc(
            "Learning summary: Adult F",
            "published: 2026-04-21\npseudonyms: [Adult F]\nreview: adult-f\nimpact: {measure: \"IDVA referrals from GPs\", revisit: \"2026-04\", outcome: \"Referrals doubled.\"}\n",
            &learning_summary_sections(""),
        ),
    );
    f
}

const HELD: [&str; 8] = [
    "Adult P",
    "DRAFT-FINDING",
    "Adult Q",
    "EMBARGOED-FINDING",
    "Adult S",
    "PARTNERS-FINDING",
    "PARTNERS-ONLY-ACTION",
    "Adult K",
];

const STEM: &str = "annual-report-2025-26";

fn report(f: &Fixture, out: &str, extra: &[&str]) -> crate::support::Run {
    let mut args = vec![
        "report",
        "--year",
        "2025-26",
        "--now",
        "2026-06-15",
        "--out",
        out,
    ];
    args.extend_from_slice(extra);
    f.run(&args)
}

fn read(f: &Fixture, out: &str, ext: &str) -> String {
    std::fs::read_to_string(f.path().join(out).join(format!("{STEM}.{ext}")))
        .unwrap_or_else(|e| panic!("cannot read {out}/{STEM}.{ext}: {e}"))
}

/// The text of every paragraph of the Word document (each paragraph's runs joined), with the
/// style of each: read back from `word/document.xml` with an XML parser.
fn docx_paragraphs(path: &std::path::Path) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("the .docx is a zip file");
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "docProps/core.xml",
    ] {
        assert!(zip.by_name(part).is_ok(), "{part} is missing");
    }
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let (mut text, mut style, mut in_t) = (String::new(), String::new(), false);
    loop {
        match reader
            .read_event()
            .expect("document.xml is well-formed XML")
        {
            Event::Start(e) if e.name().as_ref() == b"w:p" => {
                text.clear();
                style.clear();
            }
            Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                style = e
                    .try_get_attribute("w:val")
                    .unwrap()
                    .map(|a| String::from_utf8_lossy(&a.value).into_owned())
                    .unwrap_or_default();
            }
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            Event::Text(t) if in_t => text.push_str(&t.unescape().unwrap()),
            Event::End(e) if e.name().as_ref() == b"w:p" => {
                out.push((style.clone(), text.clone()));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn a_financial_year_report_says_what_the_year_held_in_order() {
    let f = site();
    let r = report(&f, "rep", &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("for 2025–26 (1 April 2025 to 31 March 2026): 3 arranged, 2 concluded, 2 ongoing at the end of the year; 5 recommendations (1 overdue, 1 not implemented)"),
        "{}",
        r.stderr
    );
    let md = read(&f, "rep", "md");
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s} missing:\n{md}"));
    // The order of the sections, and of the reviews concluded in the year (by month completed).
    let order = [
        "# Safeguarding reviews: annual report 2025–26",
        "## The year at a glance",
        "## Reviews arranged in the year",
        "## Reviews concluded in the year",
        "### Safeguarding Adults Review: Adult E",
        "#### What the review found",
        "Escalation was slow.",
        "#### Recommendations and what has been done",
        "### Domestic Homicide Review: Adult F",
        "Nobody asked about home.",
        "## Action plans of earlier reviews",
        "### Safeguarding Adults Review: Adult G",
        "## Reviews ongoing at the end of the year",
        "## Recommendations: where they stand",
        "### By status",
        "### By theme",
        "### Overdue",
        "### Progress recorded in the year",
        "## Recommendations the board decided not to implement",
        "## What difference the learning has made",
        "## Learning themes",
        "## SAR Quality Markers",
        "## Learning shared in the year",
    ];
    for w in order.windows(2) {
        assert!(at(w[0]) < at(w[1]), "{} should come before {}", w[0], w[1]);
    }
    assert!(md.contains("covers the financial year 1 April 2025 to 31 March 2026"));
    assert!(md.contains("The status of each recommendation is as at 15 June 2026."));
    assert!(md.contains("- Reviews arranged in the year: 3\n- Reviews concluded in the year: 2\n- Reviews still being carried out at the end of the year: 2\n"), "{md}");
    assert!(md.contains("By status: not started 1, in progress 2, complete 1, not implemented 1"));

    // Arranged: by month commissioned; the ongoing review by its reference only.
    let arranged = &md[at("## Reviews arranged")..at("## Reviews concluded")];
    let a = |s: &str| {
        arranged
            .find(s)
            .unwrap_or_else(|| panic!("{s}:\n{arranged}"))
    };
    assert!(a("Adult F") < a("Adult N") && a("Adult N") < a("| TS-SAR-2026-01 |"));
    assert!(arranged.contains("| May 2025 | Completed February 2026 |"));
    assert!(
        !arranged.contains("Adult E"),
        "commissioned in 2024: {arranged}"
    );

    // Recommendations with status, overdue in words, evidence, the latest update and reasons.
    assert!(md.contains("| R2 | Train housing officers to share concerns. | Testshire Council Housing | December 2025 | **In progress**<br>Overdue by 6 months<br>**Latest update, 1 October 2025:** Training course written. |"), "{md}");
    assert!(md
        .contains("**Not implemented**<br>**Reason:** A regional system is being bought instead."));
    let ni =
        &md[at("## Recommendations the board decided not to implement")..at("## What difference")];
    assert!(ni.contains("| R3 | Buy a shared case recording system. | A regional system is being bought instead. |"), "{ni}");
    // Earlier: an open action plan is in; one finished before the year is not.
    assert!(md.contains("Revised to September 2026"));
    assert!(!md.contains("Adult H") && !md.contains("Long since done"));
    // Progress: updates dated in the year only.
    let progress =
        &md[at("### Progress recorded in the year")..at("## Recommendations the board decided")];
    assert!(progress.contains("| 1 October 2025 |"));
    assert!(!md.contains("Scoping the training before the year"));
    // Ongoing at the end of the year: the one still under way, and one completed after it.
    let ongoing = &md[at("## Reviews ongoing")..at("## Recommendations: where")];
    assert!(
        ongoing.contains("| TS-SAR-2026-01 | Safeguarding Adults Review | January 2026 |"),
        "{ongoing}"
    );
    assert!(ongoing.contains("Completed May 2026, after the year"));
    // Impact, with and without an outcome.
    assert!(md.contains("Not yet measured: the month to look again, March 2026, has passed."));
    assert!(md.contains("Referrals doubled."));
    // Quality markers of the reviews concluded in the year.
    assert!(md.contains("| 12. Analysis | 0 | 0 | 1 | 0 | 0 |"), "{md}");
    assert!(md.contains("| 1. Referral | 1 | 0 | 0 | 0 | 0 |"));
    assert!(md.contains("**12. Analysis**, Safeguarding Adults Review: Adult E: Not met. The analysis stayed with single agencies."));
    // Themes and the learning shared.
    assert!(md.contains("| Self-neglect | 1 |\n"), "{md}");
    assert!(md.contains("| Domestic abuse | 1 |\n"));
    assert!(md.contains("| 10 September 2025 | 7-minute briefing |"));

    for held in HELD {
        assert!(
            !md.contains(held),
            "{held} is held back but is in the report"
        );
    }
}

#[test]
fn the_word_document_opens_and_says_the_same() {
    let f = site();
    assert_eq!(report(&f, "rep", &[]).code, 0);
    let paras = docx_paragraphs(&f.path().join("rep").join(format!("{STEM}.docx")));
    let find = |text: &str| {
        paras
            .iter()
            .find(|(_, t)| t.contains(text))
            .unwrap_or_else(|| panic!("no paragraph has {text}: {paras:#?}"))
    };
    let style = |text: &str| {
        paras
            .iter()
            .find(|(_, t)| t == text)
            .map(|(s, _)| s.as_str())
            .unwrap_or_else(|| panic!("no paragraph is {text}: {paras:#?}"))
    };
    assert_eq!(
        style("Safeguarding reviews: annual report 2025–26"),
        "Title"
    );
    assert_eq!(style("Reviews concluded in the year"), "Heading1");
    assert_eq!(style("Safeguarding Adults Review: Adult E"), "Heading2");
    assert_eq!(style("What the review found"), "Heading3");
    assert_eq!(find("Escalation was slow.").0, "ListParagraph");
    find("A regional system is being bought instead.");
    find("Overdue by 6 months");
    let all: String = paras
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for held in HELD {
        assert!(
            !all.contains(held),
            "{held} is held back but is in the .docx"
        );
    }
}

#[test]
fn the_html_page_is_printable_in_the_sites_theme() {
    let f = site();
    assert_eq!(report(&f, "rep", &[]).code, 0);
    let html = read(&f, "rep", "html");
    assert!(html.contains("<link rel=\"stylesheet\" href=\"assets/style.css\">"));
    assert!(f.path().join("rep/assets/style.css").is_file());
    assert!(html.contains("<h1 id="));
    assert!(html.contains("<caption id=\"table-1\">Reviews arranged in the year"));
    assert!(html.contains("<a href=\"https://learning.test.example/reviews/adult-e/\">"));
    assert!(!html.contains("<script"));
    for held in HELD {
        assert!(
            !html.contains(held),
            "{held} is held back but is in the HTML"
        );
    }
}

#[test]
fn a_partners_report_adds_partners_reviews_and_says_it_is_not_for_publication() {
    let f = site();
    let r = report(&f, "rep", &["--audience", "partners"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = read(&f, "rep", "md");
    assert!(md.contains("**Not for publication.** This report is for partner agencies"));
    assert!(md.contains("### Review of Adult S (partners)"));
    assert!(md.contains("PARTNERS-ONLY-ACTION"));
    for held in ["Adult P", "Adult Q", "Adult K"] {
        assert!(!md.contains(held), "{held}");
    }
}

#[test]
fn a_calendar_year_with_calendar() {
    let f = site();
    let r = f.run(&[
        "report",
        "--year",
        "2025",
        "--calendar",
        "--now",
        "2026-06-15",
        "--out",
        "cal",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = std::fs::read_to_string(f.path().join("cal/annual-report-2025.md")).unwrap();
    assert!(md.contains("# Safeguarding reviews: annual report 2025\n"));
    assert!(md.contains("covers the year 1 January 2025 to 31 December 2025"));
    let concluded =
        &md[md.find("## Reviews concluded").unwrap()..md.find("## Action plans").unwrap()];
    assert!(concluded.contains("Adult E") && !concluded.contains("Adult F"));
    let ongoing =
        &md[md.find("## Reviews ongoing").unwrap()..md.find("## Recommendations: where").unwrap()];
    assert!(
        ongoing.contains("Completed February 2026, after the year"),
        "{ongoing}"
    );
}

#[test]
fn wrong_years_errors_and_unknown_boards_write_nothing() {
    let f = site();
    let r = f.run(&["report", "--year", "2025", "--out", "rep"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("write a financial year as --year 2025-26"),
        "{}",
        r.stderr
    );
    let r = report(&f, "rep", &["--board", "Testshire SAB"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("\"Testshire Safeguarding Adults Board\""),
        "{}",
        r.stderr
    );
    assert!(!f.path().join("rep").exists());

    // A site with a lint error gets no report, as it gets no build.
    f.file(
        "content/reviews/leak.md",
        &review(
            "Review of Adult Z",
            "published: 2025-05-01\n",
            "Call 07700 900123.",
        ),
    );
    let r = report(&f, "rep", &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("pii/phone") && r.stderr.contains("no report was written"));
    assert!(!f.path().join("rep").exists());
}

#[test]
fn a_shared_site_reports_on_one_board_with_board() {
    let f = site();
    f.file(
        "content/reviews/child-c.md",
        &doc(
            "Child Safeguarding Practice Review: Child C",
            "board: Testshire Safeguarding Children Partnership\nreview_type: cspr\npseudonyms: [Child C]\ncommissioned: \"2025-04\"\ncompleted: \"2025-12\"\npublished: 2026-01-10\n",
            "## Findings\n\nSchools were not told.\n",
        ),
    );
    assert_eq!(report(&f, "all", &[]).code, 0);
    let md = std::fs::read_to_string(f.path().join("all").join(format!("{STEM}.md"))).unwrap();
    assert!(md.contains("Test Board Learning: the reviews of "), "{md}");
    assert!(md.contains("**Board:** Testshire Safeguarding Children Partnership."));
    assert!(md.contains("Schools were not told."));

    let r = report(
        &f,
        "sab",
        &["--board", "testshire safeguarding adults board"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = std::fs::read_to_string(f.path().join("sab").join(format!("{STEM}.md"))).unwrap();
    assert!(
        md.contains("\n\nTestshire Safeguarding Adults Board. This section"),
        "{md}"
    );
    assert!(!md.contains("Child C") && !md.contains("**Board:**"));
}
