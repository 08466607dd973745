//! Snapshot tests of rendered HTML (insta): the main content of each kind of page of a
//! fixed fixture site. A change to the theme shows up as a reviewable diff
//! (`cargo insta review`, or compare the `.snap.new` file).

use crate::support::*;

fn fixture() -> Fixture {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-q.md",
        "---\ntitle: \"Safeguarding Adults Review: Adult Q\"\nsummary: \"A fictional review for the snapshot test.\"\nreview_type: sar\nstatutory_basis: discretionary\nmethodology: [silp]\nthemes: [self-neglect, professional-curiosity]\nreference: TS-SAR-2025-01\nincident: 2024-02\npublished: 2025-06-10\ncommissioned: 2024-04\ncompleted: 2025-03\nagencies: [Testshire Council Adult Social Care]\npseudonyms: [Adult Q]\nrecommendations:\n  - {id: R1, text: \"Agree a self-neglect pathway.\", owner: Board, due: 2025-09, status: in-progress}\n  - {id: R2, text: \"Train practitioners in executive capacity.\", owner: Training subgroup, due: 2026-12, status: complete}\n---\n\n## Findings\n\n### Good practice\n\nThe housing officer visited often.\n\n### Areas for learning\n\n| Agency | Learning |\n|---|---|\n| Health | Share concerns |\n\nSee the note.[^1]\n\n[^1]: A footnote.\n",
    );
    f.file(
        "content/briefings/adult-q-briefing.md",
        "---\ntitle: \"7-minute briefing: Adult Q\"\nreview: adult-q\nthemes: [self-neglect]\npublished: 2025-06-11\n---\n\n## 1. Background\n\nA short background.\n\n## 2. Why it matters\n\nIt matters.\n\n## 3. Information\n\nFacts.\n\n## 4. Key points\n\nPoints.\n\n## 5. Key points (continued)\n\nMore.\n\n## 6. Questions to reflect on\n\nWhat would you do?\n\n## 7. What to do\n\nTalk to your team.\n",
    );
    f
}

fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("main");
    let end = html.find("</main>").expect("end of main") + "</main>".len();
    html[start..end].to_string()
}

#[test]
fn review_page_snapshot() {
    let f = fixture();
    let r = f.build(&["--now", "2026-01-15"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!(
        "review_page",
        main_of(&f.read_out("reviews/adult-q/index.html"))
    );
}

#[test]
fn briefing_page_snapshot() {
    let f = fixture();
    let r = f.build(&["--now", "2026-01-15"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!(
        "briefing_page",
        main_of(&f.read_out("briefings/adult-q-briefing/index.html"))
    );
}
