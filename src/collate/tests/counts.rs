//! The regional counts as a reader checks them: by review (a review summary with its briefing
//! and learning summary counts once per theme, a document naming no review on its own), the
//! documents beside; the most frequent themes falling back to all time; every recommendation
//! listed once with its themes; charts that say what they count and do not cut labels.

use super::*;

/// Fellhaven: one review with its briefing and learning summary (3 documents). Kestrelby: one
/// review, and a briefing that names no review. Nothing after 2023-05.
fn cases() -> (LearningIndex, LearningIndex) {
    let mut p = rec(
        "review",
        "adult-p",
        "Adult P",
        Some("FH-7"),
        Some("2023-03-01"),
        &["self-neglect", "hoarding", "vulnerable-babies"],
    );
    let mut r1 = recommendation("R1", "2024-01", RecommendationStatus::NotStarted);
    r1.themes = vec!["self-neglect".into()];
    let r2 = recommendation("R2", "2026-01", RecommendationStatus::InProgress);
    p.recommendations = vec![r1, r2];
    let mut brief = rec(
        "briefing",
        "adult-p-7mb",
        "Adult P briefing",
        None,
        Some("2023-04-01"),
        &["self-neglect"],
    );
    brief.review = Some("adult-p".into());
    let mut ls = rec(
        "learning-summary",
        "adult-p-ls",
        "Adult P learning summary",
        None,
        Some("2023-05-01"),
        &["self-neglect", "hoarding"],
    );
    ls.review = Some("adult-p".into());
    let fellhaven = index(
        "Fellhaven SAB",
        "Fellhaven learning",
        "2023-06-01",
        vec![p, brief, ls],
    );
    let kestrelby = index(
        "Kestrelby SCP",
        "Kestrelby learning",
        "2023-06-01",
        vec![
            rec(
                "review",
                "child-q",
                "Child Q",
                Some("KB-9"),
                Some("2022-06-01"),
                &["self-neglect"],
            ),
            rec(
                "briefing",
                "thematic",
                "Thematic briefing",
                None,
                Some("2023-01-10"),
                &["self-neglect"],
            ),
        ],
    );
    (fellhaven, kestrelby)
}

fn collate_cases(today: NaiveDate) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (f, k) = cases();
    let inputs = vec![
        write_index(dir.path(), "f.json", &f),
        write_index(dir.path(), "k.json", &k),
    ];
    let out = dir.path().join("region");
    let mut o = opts(inputs, out.clone());
    o.today = today;
    collate(&o).unwrap();
    (dir, out)
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The visible text of the first table cell linking to `href` (a figure, not a theme's name):
/// reviews, and documents in brackets when more.
fn cell(home: &str, href: &str) -> String {
    let hidden = regex::Regex::new(r#"<span class="visually-hidden">[^<]*</span>"#).unwrap();
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    let link = format!(r#"<a href="{href}">"#);
    home.split(&link)
        .skip(1)
        .map(|s| &s[..s.find("</a>").unwrap()])
        .filter(|inner| inner.starts_with(|c: char| c.is_ascii_digit()))
        .map(|inner| {
            let text = tags
                .replace_all(&hidden.replace_all(inner, ""), "")
                .to_string();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .next()
        .unwrap_or_else(|| panic!("no figure links to {href}"))
}

#[test]
fn themes_are_counted_by_review_with_the_documents_beside() {
    let (_d, out) = collate_cases(date("2025-06-15"));
    let home = read(&out, "index.html");
    assert!(
        home.contains("Learning from 3 reviews across 2 boards, by theme: 5 published documents"),
        "{home}"
    );
    // Self-neglect: Adult P (3 documents) once, Child Q, the thematic briefing on its own.
    assert_eq!(cell(&home, "themes/self-neglect/index.html"), "3 (5)");
    assert_eq!(
        cell(&home, "boards/fellhaven-sab/index.html#theme-self-neglect"),
        "1 (3)"
    );
    assert_eq!(
        cell(&home, "boards/kestrelby-scp/index.html#theme-self-neglect"),
        "2"
    );
    // By the year a review was first published (Adult P: its review, 2023), the documents
    // of that year beside.
    assert_eq!(
        cell(&home, "themes/self-neglect/index.html#year-2023"),
        "2 (4)"
    );
    assert_eq!(cell(&home, "themes/self-neglect/index.html#year-2022"), "1");
    assert_eq!(cell(&home, "themes/hoarding/index.html"), "1 (2)");
    // A screen reader hears what each figure counts.
    assert!(home.contains(
        r#"3<span class="visually-hidden"> reviews</span> <span class="count">(5<span class="visually-hidden"> documents</span>)</span>"#
    ));
    assert!(home.contains("<caption id=\"theme-board-caption\">Reviews by theme and board"));
    // The themes index and the boards index give both.
    let themes = read(&out, "themes/index.html");
    assert!(themes.contains(r#"<th scope="col">Reviews</th><th scope="col">Documents</th>"#));
    let row = themes
        .split(r#"<a href="../themes/self-neglect/index.html">"#)
        .nth(1)
        .unwrap();
    assert!(
        row.starts_with("Self-neglect</a></th><td>0</td><td>3</td><td>5</td>"),
        "{row}"
    );
    let boards = read(&out, "boards/index.html");
    let row = boards
        .split(r#"<a href="../boards/fellhaven-sab/index.html">"#)
        .nth(1)
        .unwrap();
    assert!(row.contains("</th><td>1</td><td>3</td>"), "{row}");
    let page = read(&out, "themes/self-neglect/index.html");
    assert!(page.contains("5 documents on this theme, from 3 reviews across 2 boards"));
}

#[test]
fn most_frequent_themes_fall_back_to_all_time_and_say_so() {
    // Nothing in the last 12 months: the themes of all time, and the page says why.
    let (home, section) = recent_themes("2025-06-15");
    assert!(
        section.contains("Most frequent themes of all time"),
        "{section}"
    );
    assert!(
        section.contains("No review in these indexes was first published in the last 12 months")
    );
    assert!(section.contains("Self-neglect</a> <span class=\"count\">3 reviews (5 documents)"));
    assert!(!home.contains("was published in the last 12 months.</p>"));
    // On 2023-06-01 Adult P and the thematic briefing are recent; Child Q (2022-06-01) is not.
    let (_, section) = recent_themes("2023-06-01");
    assert!(
        section.contains("Most frequent themes in the last 12 months"),
        "{section}"
    );
    assert!(section.contains(
        "Self-neglect</a> <span class=\"count\">2 reviews in the last 12 months, 3 in all (5 documents)"
    ));
    assert!(section.contains("Hoarding</a> <span class=\"count\">1 review in the last 12 months"));
}

/// The home page of the cases collated on `today`, and its most frequent themes.
fn recent_themes(today: &str) -> (String, String) {
    let (_d, out) = collate_cases(date(today));
    let home = read(&out, "index.html");
    let section =
        home[home.find(r#"id="recent-themes""#).unwrap()..home.find("</ol>").unwrap()].to_string();
    (home, section)
}

#[test]
fn recommendations_are_listed_once_with_all_their_themes() {
    let (_d, out) = collate_cases(date("2025-06-15"));
    let index = read(&out, "recommendations/index.html");
    // Each recommendation once on the index page, whatever its themes.
    assert_eq!(index.matches("<li class=\"rec").count(), 2, "{index}");
    assert_eq!(index.matches("<strong>R1</strong>").count(), 1);
    assert_eq!(index.matches("<strong>R2</strong>").count(), 1);
    // R1 gives its own theme; R2 gives none and takes its review's.
    assert!(index.contains("Recommendation R1</p><p class=\"rec__meta\">"));
    let r1 = index.split("<strong>R1</strong>").nth(1).unwrap();
    let r1 = &r1[..r1.find("</li>").unwrap()];
    assert!(
        r1.contains("Themes: Self-neglect") && !r1.contains("Hoarding"),
        "{r1}"
    );
    let r2 = index.split("<strong>R2</strong>").nth(1).unwrap();
    let r2 = &r2[..r2.find("</li>").unwrap()];
    assert!(
        r2.contains("Themes: Self-neglect, Hoarding, Vulnerable babies"),
        "{r2}"
    );
    // The table counts a recommendation under each theme; its last row counts each once.
    let foot = index.split("<tfoot>").nth(1).unwrap();
    assert!(foot.contains("All recommendations, each counted once"));
    assert!(foot.contains("<td>2</td></tr></tfoot>"), "{foot}");
    assert!(index.contains("so the rows add up to more than the last row"));
    let hoarding = read(&out, "recommendations/hoarding/index.html");
    assert!(hoarding.contains("<strong>R2</strong>") && !hoarding.contains("<strong>R1</strong>"));
    let self_neglect = read(&out, "recommendations/self-neglect/index.html");
    assert_eq!(self_neglect.matches("<li class=\"rec").count(), 2);
    assert_links_resolve(&out);
}

#[test]
fn charts_count_reviews_and_keep_whole_labels() {
    let (_d, out) = collate_cases(date("2025-06-15"));
    let home = read(&out, "index.html");
    assert!(home.contains("Chart: reviews on the 3 most frequent themes"));
    for id in ["chart-board-desc", "chart-time-desc"] {
        let desc = home.split(&format!(r#"<desc id="{id}">"#)).nth(1).unwrap();
        assert!(desc.starts_with("A grid") || desc.starts_with("Bar charts"));
        assert!(
            desc[..desc.find("</desc>").unwrap()].contains("reviews"),
            "{desc}"
        );
    }
    // The longest theme name is written whole, in lines, in both charts.
    let tspans = regex::Regex::new(r"<tspan[^>]*>([^<]*)</tspan>").unwrap();
    for chart in home.split("<svg").skip(1) {
        let chart = &chart[..chart.find("</svg>").unwrap()];
        let text: Vec<&str> = tspans
            .captures_iter(chart)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        let text = text.join(" ");
        assert!(
            text.contains("Vulnerable babies, non-accidental injury and safer sleep"),
            "{text}"
        );
        assert!(!text.contains('…'), "{text}");
    }
    // Self-neglect by board: Fellhaven 1 (not the 3 documents), Kestrelby 2.
    let board = home
        .split(r#"<desc id="chart-board-desc">"#)
        .nth(1)
        .unwrap();
    assert!(board.contains("The highest figure is 2 reviews on Self-neglect from Kestrelby SCP"));
}
