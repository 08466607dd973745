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

/// A site where most documents carry a front-matter error (a board's own theme, a wrong type,
/// broken YAML, a duplicate address) and identifiers in the text.
fn site_with_front_matter_errors() -> Fixture {
    let f = Fixture::new();
    f.file(
        "content/reviews/good.md",
        &doc(
            "A good review",
            "review_type: sar\npseudonyms: [Adult K]\n",
            "Adult K lived alone.",
        ),
    );
    f.file(
        "content/reviews/own-theme.md",
        &doc(
            "Own theme",
            "review_type: sar\nthemes: [financial abuse]\npseudonyms: [Adult M]\n",
            "Adult M was visited by her neighbour Karen Walsh, who lived at 14 Acacia Avenue.\n",
        ),
    );
    f.file(
        "content/reviews/wrong-type.md",
        &doc(
            "Wrong type",
            "published: last spring\npseudonyms: [Adult P]\n",
            "Adult P was born on 3 March 1961.\n",
        ),
    );
    f.file(
        "content/reviews/broken-yaml.md",
        "---\ntitle: \"Broken\npseudonyms: [Adult R\n---\nAdult R's GP, Dr Sandhu, rang 07700 900123.\n",
    );
    f.file(
        "content/reviews/unclosed.md",
        "---\ntitle: Unclosed\nThe social worker, Siobhan Kelly, visited.\n",
    );
    f
}

#[test]
fn check_lints_every_document_even_with_front_matter_errors() {
    let f = site_with_front_matter_errors();
    let r = f.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("Checked 5 documents"), "{}", r.stderr);
    for (file, what) in [
        ("content/reviews/own-theme.md", "front-matter/unknown-term"),
        ("content/reviews/own-theme.md", "pii/person-name"),
        ("content/reviews/own-theme.md", "pii/address"),
        ("content/reviews/wrong-type.md", "front-matter/invalid"),
        ("content/reviews/wrong-type.md", "pii/date-of-birth"),
        ("content/reviews/broken-yaml.md", "front-matter/yaml"),
        ("content/reviews/broken-yaml.md", "pii/person-name"),
        ("content/reviews/broken-yaml.md", "pii/phone"),
        ("content/reviews/unclosed.md", "pii/person-name"),
    ] {
        assert!(
            r.stderr
                .lines()
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| w[0].contains(&format!("[{what}]")) && w[1].contains(file)),
            "expected {what} in {file}:\n{}",
            r.stderr
        );
    }
    // The agreed pseudonym of a document with an error is still agreed.
    assert!(
        !r.stderr.contains("content/reviews/own-theme.md:7:1\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn build_reports_lint_findings_of_documents_with_front_matter_errors() {
    let f = site_with_front_matter_errors();
    let r = f.build(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("front-matter/unknown-term"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("pii/person-name") && r.stderr.contains("content/reviews/own-theme.md"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("pii/phone"), "{}", r.stderr);
    assert!(!f.out().join("reviews/own-theme").exists());
}
