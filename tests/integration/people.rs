//! The person's codes as search facets on a board site and a region, and the regional pages
//! of impact and of the people at the centre of the reviews.

use crate::support::{doc, repo, Fixture};

/// The facets and their values, as the manifest lists them (`facets/ID.js` hold each
/// document's values).
fn facets(search_dir: &std::path::Path) -> serde_json::Value {
    let js = std::fs::read_to_string(search_dir.join("search/manifest.js")).unwrap();
    serde_json::from_str(&js[js.find('(').unwrap() + 1..js.rfind(')').unwrap()]).unwrap()
}

fn values(f: &serde_json::Value, id: &str) -> Vec<String> {
    f["facets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no facet {id}"))["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v[0].as_str().unwrap().to_string())
        .collect()
}

/// Three coded reviews (one for partners only), impact due, found and still to come.
fn board() -> Fixture {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-a.md",
        &doc(
            "Safeguarding Adults Review: Adult A",
            "published: 2025-06-01\nreview_type: sar\npseudonyms: [Adult A]\nperson: {age_band: 75-84, sex: female, disability: [sensory, physical]}\nimpact: {measure: \"Falls referrals\", revisit: \"2025-12\"}\n",
            "Text.\n",
        ),
    );
    f.file(
        "content/reviews/adult-b.md",
        &doc(
            "Safeguarding Adults Review: Adult B",
            "published: 2025-07-01\nreview_type: sar\npseudonyms: [Adult B]\nperson: {age_band: 18-25, sex: male}\nimpact: {measure: \"Transition plans by 16\", revisit: \"2025-10\", outcome: \"Plans for 9 in 10.\"}\n",
            "Text.\n",
        ),
    );
    f.file(
        "content/reviews/adult-c.md",
        &doc(
            "Safeguarding Adults Review: Adult C",
            "published: 2025-08-01\nreview_type: sar\npseudonyms: [Adult C]\nimpact: {measure: \"Carers assessed\", revisit: \"2027-01\"}\n",
            "Text.\n",
        ),
    );
    f.file(
        "content/reviews/adult-p.md",
        &doc(
            "Safeguarding Adults Review: Adult P",
            "published: 2025-08-01\nreview_type: sar\naudience: partners\npseudonyms: [Adult P]\nperson: {age_band: 85-plus, sex: female}\nimpact: {measure: \"PARTNERS-ONLY-MEASURE\", revisit: \"2025-09\"}\n",
            "Text.\n",
        ),
    );
    f
}

#[test]
fn the_persons_codes_are_search_filters_on_the_board_site_and_the_region() {
    let f = board();
    assert_eq!(f.build(&["--now", "2026-02-01", "--quiet"]).code, 0);
    let fa = facets(&f.out());
    assert_eq!(
        values(&fa, "age_band"),
        ["18-25", "75-84"],
        "youngest first; nothing held back"
    );
    assert_eq!(values(&fa, "disability"), ["physical", "sensory"]);
    assert!(values(&fa, "relationship").is_empty());

    let region = f.path().join("region");
    let r = f.run(&[
        "collate",
        f.out().join("learning-index.json").to_str().unwrap(),
        repo()
            .join("tests/fixtures/boards/kestrelby.json")
            .to_str()
            .unwrap(),
        "--out",
        region.to_str().unwrap(),
        "--now",
        "2026-02-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let fa = facets(&region);
    assert_eq!(values(&fa, "age_band"), ["18-25", "75-84"]);
    assert_eq!(values(&fa, "sex"), ["female", "male"]);

    // The people: a table per code, by board, each value a link to the search filtered to it.
    let people = std::fs::read_to_string(region.join("people/index.html")).unwrap();
    assert!(people.contains("2 reviews from 1 board"), "{people}");
    assert!(
        people.contains(
            "<a href=\"../search/index.html?age_band=75-84\">75 to 84</a></th><td>1</td><td>1</td>"
        ),
        "{people}"
    );
    assert!(
        !people.contains("85"),
        "the partners-only review's codes are not in the public index"
    );

    // Impact: past the month to look again with no outcome; found; still to come.
    let impact = std::fs::read_to_string(region.join("impact/index.html")).unwrap();
    let at = |s: &str| impact.find(s).unwrap_or_else(|| panic!("{s}:\n{impact}"));
    assert!(impact.contains("Past the month to look again, with no outcome recorded (1)"));
    assert!(at("Past the month to look again") < at("Falls referrals"));
    assert!(at("Falls referrals") < at("What boards found (1)"));
    assert!(at("What boards found (1)") < at("Plans for 9 in 10."));
    assert!(at("Still to be measured (1)") < at("Carers assessed"));
    assert!(!impact.contains("PARTNERS-ONLY-MEASURE"));
}
