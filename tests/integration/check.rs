//! `learnsite check` and the lint gate of `learnsite build`, through the command line.

use crate::support::*;

fn leaky_site() -> Fixture {
    let f = Fixture::new();
    f.file(
        "content/reviews/clean.md",
        &doc(
            "A clean review",
            "review_type: sar\npseudonyms: [Adult K]\n",
            "Adult K lived alone in a flat in the town centre.",
        ),
    );
    f.file(
        "content/reviews/leaky.md",
        &doc(
            "A leaky review",
            "review_type: sar\npseudonyms: [Adult M]\n",
            "Adult M lived alone.\n\nHe moved to a flat at NE63 9XL in March 2021.\n",
        ),
    );
    f
}

#[test]
fn check_json_locates_and_masks_findings() {
    let f = leaky_site();
    let r = f.run(&["check", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("JSON on stdout");
    assert_eq!(v["version"], 1);
    let findings = v["findings"].as_array().unwrap();
    let pc = findings
        .iter()
        .find(|x| x["rule"] == "pii/postcode")
        .expect("postcode finding");
    assert_eq!(pc["file"], "content/reviews/leaky.md");
    assert_eq!(pc["line"], 8);
    assert_eq!(pc["column"], 23);
    assert_eq!(pc["end_line"], 8);
    assert_eq!(pc["end_column"], 31);
    assert_eq!(pc["severity"], "error");
    let masked = pc["text"].as_str().unwrap_or("");
    assert!(!masked.contains("NE63 9XL"), "masked by default: {masked}");
    let r = f.run(&["check", "--format", "json", "--unmasked"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let pc = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["rule"] == "pii/postcode")
        .unwrap()
        .clone();
    assert_eq!(pc["text"], "NE63 9XL");
    assert!(
        !r.stdout.contains("content/reviews/clean.md"),
        "the clean review has no findings"
    );
}

#[test]
fn check_human_shows_the_line_and_a_hint_and_sarif_is_valid_json() {
    let f = leaky_site();
    let r = f.run(&["check"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("error[pii/postcode]"), "{}", r.stderr);
    assert!(
        r.stderr.contains("--> content/reviews/leaky.md:8:23"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("help:"), "{}", r.stderr);
    let r = f.run(&["check", "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("SARIF is JSON");
    assert_eq!(v["version"], "2.1.0");
    assert!(!r.stdout.contains("NE63 9XL"));
}

#[test]
fn build_refuses_a_document_that_fails_the_lint_and_keeps_the_old_output() {
    let f = Fixture::new();
    f.file(
        "content/reviews/clean.md",
        &doc("A clean review", "review_type: sar\n", "Text."),
    );
    assert_eq!(f.build(&[]).code, 0);
    let before = all_files(&f.out());
    f.file(
        "content/reviews/leaky.md",
        &doc(
            "Leaky",
            "review_type: sar\n",
            "Call 07700 900123 for details.\n",
        ),
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("pii/phone"), "{}", r.stderr);
    assert!(
        r.stderr.contains("content/reviews/leaky.md")
            && r.stderr.contains("pseudonymisation or template error"),
        "{}",
        r.stderr
    );
    assert_eq!(all_files(&f.out()), before);
}

#[test]
fn known_names_are_caught_and_the_file_must_stay_private() {
    let f = Fixture::new();
    f.file(
        "content/reviews/r.md",
        &doc(
            "Review",
            "review_type: sar\npseudonyms: [Adult P]\n",
            "Adult P was supported by her neighbour Bronwen.\n",
        ),
    );
    f.file("private/names.txt", "Bronwen Tallis\n");
    let r = f.run(&[
        "check",
        "--known-names",
        "private/names.txt",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("pii/known-name"), "{}", r.stdout);
    // A names file inside content/ could be published: refused.
    f.file("content/names.txt", "Bronwen Tallis\n");
    let r = f.run(&["check", "--known-names", "content/names.txt"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("outside content/"), "{}", r.stderr);
    // It is never copied into a build.
    std::fs::remove_file(f.path().join("content/names.txt")).unwrap();
    f.file(
        "content/reviews/r.md",
        &doc(
            "Review",
            "review_type: sar\npseudonyms: [Adult P]\n",
            "Adult P lived alone.\n",
        ),
    );
    let r = f.build(&["--known-names", "private/names.txt"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for (_, bytes) in all_files(&f.out()) {
        assert!(!String::from_utf8_lossy(&bytes).contains("Tallis"));
    }
}
