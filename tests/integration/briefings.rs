//! 7-minute briefings on paper: the one-page word limit and the team action sheet.

use crate::support::Fixture;

const LIMIT_FILE: &str = "content/briefings/at-the-limit.md";

/// The print fixture's briefing is written to the limit: the lint accepts it, and one more
/// sentence makes it refuse, naming the words that fit. (The browser test prints the fixture
/// and finds one page.)
#[test]
fn the_print_fixture_is_at_the_word_limit() {
    let f = Fixture::copy_of("print-limit");
    let r = f.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("briefing/too-long"), "{}", r.stderr);

    let text = std::fs::read_to_string(f.path().join(LIMIT_FILE)).unwrap();
    let longer = text.replacen(
        "## 2. Why it matters",
        "## 2. Why it matters\n\nThe board asked every agency to share its records before the review began.",
        1,
    );
    f.file(LIMIT_FILE, &longer);
    let r = f.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("error[briefing/too-long]"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("would not print on one A4 page")
            && r.stderr.contains("at-the-limit.md:2:1"),
        "{}",
        r.stderr
    );
    // The message gives the words that fit, below the briefing's own count.
    let msg = r.stderr.lines().find(|l| l.contains("too-long")).unwrap();
    let numbers: Vec<usize> = msg
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    assert!(
        numbers.len() >= 3 && numbers[1] > numbers[2] && numbers[2] > 500,
        "{msg}"
    );
}
