//! `pii/jigsaw-age-band`: the person's age band, a small place and a month and year published
//! together are a warning (the codes alone, or any two of the three, are not).

use crate::support::{doc, Fixture};

fn review(front: &str, body: &str) -> String {
    doc(
        "Safeguarding Adults Review: Adult A",
        &format!("published: 2025-06-01\nreview_type: sar\npseudonyms: [Adult A]\n{front}"),
        body,
    )
}

fn findings(f: &Fixture) -> Vec<serde_json::Value> {
    let r = f.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", r.stdout, r.stderr));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["rule"] == "pii/jigsaw-age-band")
        .cloned()
        .collect()
}

const BAND: &str = "person: {age_band: 75-84, sex: female}\n";
const SMALL: &str = "Adult A lived alone in Rothbury and was known to the community nurses.\n";

#[test]
fn an_age_band_a_small_place_and_a_month_together_are_a_warning_at_the_age_band() {
    let f = Fixture::new();
    f.file(
        "content/reviews/adult-a.md",
        &review(&format!("incident: \"2023-03\"\n{BAND}"), SMALL),
    );
    let found = findings(&f);
    assert_eq!(found.len(), 1, "{found:?}");
    let x = &found[0];
    assert_eq!(x["severity"], "warning");
    assert_eq!(x["file"], "content/reviews/adult-a.md");
    // Line 7 of the file: `person: {age_band: 75-84, ...}`, at the band.
    assert_eq!(
        (x["line"].as_u64(), x["column"].as_u64()),
        (Some(7), Some(20))
    );
    let msg = x["message"].as_str().unwrap();
    assert!(msg.contains("the incident month"), "{msg}");
    assert!(
        !msg.contains("Rothbury"),
        "messages never carry the flagged text"
    );
    // A warning does not stop the build.
    let r = f.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning[pii/jigsaw-age-band]"),
        "{}",
        r.stderr
    );
    assert!(f.out().join("reviews/adult-a/index.html").is_file());
}

#[test]
fn a_month_in_the_text_counts_and_an_allowed_local_place_is_a_small_place() {
    let f = Fixture::new();
    f.file(
        "learnsite.yaml",
        &format!(
            "{}lint:\n  allow: [\"Marram Sands\"]\n",
            crate::support::CONFIG
        ),
    );
    f.file(
        "content/reviews/adult-a.md",
        &review(
            BAND,
            "In March 2023 the GP visited Adult A at home in Marram Sands.\n",
        ),
    );
    let found = findings(&f);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]["message"]
        .as_str()
        .unwrap()
        .contains("in the text"));
}

#[test]
fn any_two_of_the_three_are_not_a_warning() {
    for (front, body) in [
        // No month.
        (BAND.to_string(), SMALL.to_string()),
        // No age band.
        ("incident: \"2023-03\"\n".to_string(), SMALL.to_string()),
        // No small place: a city, a county, or no place at all.
        (
            format!("incident: \"2023-03\"\n{BAND}"),
            "Adult A lived alone in Manchester.\n".to_string(),
        ),
        (
            format!("incident: \"2023-03\"\n{BAND}"),
            "Adult A lived alone in Northumberland.\n".to_string(),
        ),
        (
            format!("incident: \"2023-03\"\n{BAND}"),
            "Adult A lived alone.\n".to_string(),
        ),
    ] {
        let f = Fixture::new();
        f.file("content/reviews/adult-a.md", &review(&front, &body));
        assert!(findings(&f).is_empty(), "{front}{body}");
    }
}
