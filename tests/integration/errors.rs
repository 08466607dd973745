//! Bad input: each mistake a business manager makes gets its file, line and column, a
//! plain message and exit code 1, and the previous output is left exactly as it was.

use crate::support::*;

/// Build a good site, then break it with `file`/`text` and check the error.
fn assert_error(file: &str, text: &str, expect_place: &str, expect_message: &str) {
    let f = Fixture::new();
    f.file(
        "content/reviews/good.md",
        &doc(
            "A good review",
            "review_type: sar\nthemes: [self-neglect]\n",
            "Body.",
        ),
    );
    let ok = f.build(&[]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    let before = all_files(&f.out());
    assert!(!before.is_empty());

    f.file(file, text);
    let r = f.build(&[]);
    assert_eq!(
        r.code, 1,
        "exit code 1 for bad content; stderr:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(expect_place),
        "expected place `{expect_place}` in:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(expect_message),
        "expected message `{expect_message}` in:\n{}",
        r.stderr
    );
    assert!(r.stderr.contains("nothing was published"), "{}", r.stderr);
    assert_eq!(
        all_files(&f.out()),
        before,
        "the previous public/ must be unchanged"
    );
    // No staging folders are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(f.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .contains("learnsite-staging")
        })
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn unclosed_front_matter() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nthemes: [neglect]\n\n# Findings\n",
        "content/reviews/bad.md:1:1",
        "front-matter that starts here is never closed",
    );
}

#[test]
fn yaml_syntax_error() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nthemes: [neglect\nboard: X\n---\nBody\n",
        "content/reviews/bad.md:4:",
        "not valid YAML",
    );
}

#[test]
fn wrong_type() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\ndraft: perhaps\n---\nBody\n",
        "content/reviews/bad.md:3:8",
        "must be `true` or `false`",
    );
}

#[test]
fn unknown_key_suggests_the_nearest() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nthemse: [neglect]\n---\nBody\n",
        "content/reviews/bad.md:3:1",
        "unknown front-matter key `themse`",
    );
    let f = Fixture::new();
    f.file(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nthemse: [neglect]\n---\nBody\n",
    );
    let r = f.build(&[]);
    assert!(r.stderr.contains("did you mean `themes`?"), "{}", r.stderr);
}

#[test]
fn unknown_theme_suggests_the_nearest() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nthemes:\n  - self-neglect\n  - profesional curiosity\n---\nBody\n",
        "content/reviews/bad.md:5:5",
        "`profesional curiosity` is not a known theme",
    );
    let f = Fixture::new();
    f.file(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nthemes: [profesional curiosity]\n---\nBody\n",
    );
    let r = f.build(&[]);
    assert!(
        r.stderr.contains("did you mean `professional-curiosity`"),
        "{}",
        r.stderr
    );
}

#[test]
fn misspelt_quality_marker_is_an_error_with_the_nearest_key() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nquality_markers:\n  referal: {status: met}\n  analysis: {status: partly}\n---\nBody\n",
        "content/reviews/bad.md:4:3",
        "`referal` is not one of the SAR Quality Markers",
    );
    let f = Fixture::new();
    f.file(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nquality_markers:\n  referal: {status: met}\n---\nBody\n",
    );
    let r = f.build(&[]);
    assert!(
        r.stderr.contains("did you mean `referral`?"),
        "{}",
        r.stderr
    );
    // Written as its label, a marker is known.
    let f = Fixture::new();
    f.file(
        "content/reviews/ok.md",
        "---\ntitle: A review\nquality_markers:\n  Decision making: {status: met}\n---\nBody\n",
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = std::fs::read_to_string(f.out().join("reviews/ok/index.html")).unwrap();
    assert!(page.contains("2. Decision making"), "{page}");
    assert!(!page.contains("99."), "{page}");
}

#[test]
fn exact_date_in_incident() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nreview_type: dhr\nincident: 2022-03-14\n---\nBody\n",
        "content/reviews/bad.md:4:",
        "`2022-03-14` is an exact date, but only the month and year may be given",
    );
}

#[test]
fn duplicate_slug() {
    assert_error(
        "content/reviews/other.md",
        "---\ntitle: Another\nslug: good\n---\nBody\n",
        "content/reviews/other.md:3:1",
        "same web address (/reviews/good/) as content/reviews/good.md",
    );
}

#[test]
fn dangling_review_link() {
    assert_error(
        "content/briefings/b.md",
        "---\ntitle: Briefing\nreview: goood\n---\nBody\n",
        "content/briefings/b.md:3:9",
        "`review: goood` names a review that does not exist",
    );
}

#[test]
fn missing_title_and_review_only_key_on_a_briefing() {
    assert_error(
        "content/about.md",
        "---\nsummary: no title\n---\nBody\n",
        "content/about.md:1:1",
        "this document has no title",
    );
    assert_error(
        "content/briefings/b.md",
        "---\ntitle: B\nrecommendations: []\n---\nBody\n",
        "content/briefings/b.md:3:1",
        "`recommendations` is not used on a 7-minute briefing",
    );
}

#[test]
fn all_errors_of_a_build_are_reported_together() {
    let f = Fixture::new();
    f.file("content/reviews/a.md", "---\ntitle: A\nthemse: [x]\n---\n");
    f.file(
        "content/reviews/b.md",
        "---\ntitle: B\nincident: 2022-03-01\n---\n",
    );
    f.file(
        "content/briefings/c.md",
        "---\ntitle: C\nreview: nope\n---\n",
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 1);
    for place in [
        "content/reviews/a.md:3:1",
        "content/reviews/b.md:3:",
        "content/briefings/c.md:3:",
    ] {
        assert!(r.stderr.contains(place), "{place} in\n{}", r.stderr);
    }
    assert!(!f.out().exists(), "nothing written on a failed first build");
}

#[test]
fn output_folder_that_would_hold_content_is_refused() {
    let f = Fixture::new();
    f.file("content/about.md", &doc("About", "", "Hello."));
    let r = f.build(&["--out", "."]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("contains content/"), "{}", r.stderr);
    let r = f.build(&["--out", "content/out"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("inside the site's `content/` folder"),
        "{}",
        r.stderr
    );
    assert!(
        f.path().join("content/about.md").is_file(),
        "content is never touched"
    );
    // A folder of someone else's files is never replaced.
    f.file("mydocs/letter.txt", "keep me");
    let r = f.build(&["--out", "mydocs"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("was not made by learnsite"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(f.path().join("mydocs/letter.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn not_a_site_folder_is_a_usage_error() {
    let t = tempfile::tempdir().unwrap();
    let r = run_in(t.path(), &["build"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("learnsite.yaml"), "{}", r.stderr);
}

#[test]
fn not_implemented_needs_a_reason() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nrecommendations:\n  - id: R1\n    text: Train staff\n    status: complete\n  - id: R2\n    text: Buy a new system\n    status: not-implemented\n---\nBody\n",
        "content/reviews/bad.md:9:13",
        "recommendation `R2` is not implemented but gives no reason",
    );
    // With its reason it builds, and says so on the page.
    let f = Fixture::new();
    f.file(
        "content/reviews/declined.md",
        "---\ntitle: A review with a declined recommendation\nrecommendations:\n  - id: R2\n    text: Buy a new system\n    status: not-implemented\n    reason: \"A regional system is being procured instead\"\n---\nBody\n",
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = f.read_out("reviews/declined/index.html");
    assert!(page.contains("Not implemented"), "{page}");
    assert!(page.contains("A regional system is being procured instead"));
}

#[test]
fn an_exact_age_is_refused_with_its_band() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nperson:\n  age_band: 67\n  sex: female\n---\nBody\n",
        "content/reviews/bad.md:4:13",
        "`67` is an exact age, but only an age band may be given",
    );
    let f = Fixture::new();
    f.file(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nperson:\n  age_band: 67\n---\nBody\n",
    );
    let r = f.build(&[]);
    assert!(r.stderr.contains("write `age_band: 65-74`"), "{}", r.stderr);
}

#[test]
fn unknown_person_code_suggests_the_nearest() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nperson:\n  age_band: 65-74\n  ethnicity: whtie\n---\nBody\n",
        "content/reviews/bad.md:5:14",
        "`whtie` is not a known ethnic group",
    );
}

#[test]
fn revised_due_before_due_is_an_error() {
    assert_error(
        "content/reviews/bad.md",
        "---\ntitle: Bad\nrecommendations:\n  - id: R1\n    text: Train staff\n    due: \"2025-06\"\n    revised_due: \"2025-03\"\n---\nBody\n",
        "content/reviews/bad.md:7:19",
        "recommendation `R1` has a revised due month before its due month",
    );
}

#[test]
fn every_mistake_in_one_front_matter_is_named_in_one_run() {
    // A month 13 used to hide the rest: the business manager fixed it, ran the build again,
    // and only then met the misspelt theme, then the exact date.
    let f = Fixture::new();
    f.file(
        "content/reviews/grace.md",
        "---\ntitle: \"Review: Adult G\"\npublished: 2025-13-02\nreview_type: dhr\nthemes: [coersive control, domestic-abuse]\nincident: \"2023-05-14\"\n---\nBody.\n",
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for (place, message) in [
        (
            "content/reviews/grace.md:3:12",
            "`2025-13-02` is not a date",
        ),
        (
            "content/reviews/grace.md:5:10",
            "`coersive control` is not a known theme",
        ),
        (
            "content/reviews/grace.md:6:",
            "`2023-05-14` is an exact date",
        ),
    ] {
        assert!(
            r.stderr.contains(place),
            "expected `{place}` in:\n{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(message),
            "expected `{message}` in:\n{}",
            r.stderr
        );
    }
    assert!(
        r.stderr.contains("did you mean `coercive-control`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("the build found 3 errors"),
        "{}",
        r.stderr
    );
}
