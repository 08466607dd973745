//! Rendering: sanitised markdown, the default theme, overrides from layouts/.

use crate::support::*;

#[test]
fn script_event_handlers_and_javascript_links_never_reach_a_page() {
    let f = Fixture::new();
    f.file(
        "content/reviews/x.md",
        &doc(
            "Review X",
            "review_type: sar\n",
            "Text <script>alert('x')</script>\n\n<img src=\"a.png\" onerror=\"alert(1)\">\n\n[click me](javascript:alert(2))\n\n<a href=\"jAvAsCrIpT:alert(3)\" onmouseover=\"alert(4)\">hover</a>\n\n<iframe src=\"https://evil.example\"></iframe>\n",
        ),
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = f.read_out("reviews/x/index.html");
    let body = page
        .split("<main")
        .nth(1)
        .unwrap()
        .split("</main>")
        .next()
        .unwrap()
        .to_lowercase();
    assert!(!body.contains("<script"), "no script from content");
    assert!(!body.contains("onerror"), "no event handler");
    assert!(!body.contains("onmouseover"), "no event handler");
    assert!(!body.contains("javascript:"), "no javascript: URL");
    assert!(!body.contains("<iframe"), "no iframe");
    assert!(body.contains("click me"));
}

#[test]
fn a_site_layout_overrides_one_template_of_the_default_theme() {
    let f = Fixture::new();
    f.file("content/pages/hello.md", &doc("Hello", "", "Hi."));
    f.file("layouts/page.html", "{% extends \"base.html\" %}{% block content %}<h1 class=\"custom\">{{ doc.title }}</h1>{% endblock content %}");
    let r = f.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(f
        .read_out("pages/hello/index.html")
        .contains("<h1 class=\"custom\">Hello</h1>"));
    // The rest of the theme is the default.
    assert!(f.read_out("index.html").contains("Skip to main content"));
}

#[test]
fn a_broken_template_is_an_error_naming_it() {
    let f = Fixture::new();
    f.file("content/about.md", &doc("About", "", "Hi."));
    f.file(
        "layouts/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ doc.title }",
    );
    let r = f.build(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("layouts/page.html"), "{}", r.stderr);
}

#[test]
fn code_blocks_are_highlighted_and_styles_written_only_when_needed() {
    let f = Fixture::new();
    f.file("content/about.md", &doc("About", "", "No code here."));
    assert_eq!(f.build(&[]).code, 0);
    assert!(!f.out().join("assets/highlight.css").exists());
    f.file(
        "content/help.md",
        &doc("Help", "", "```yaml\ntitle: Example\n```\n"),
    );
    assert_eq!(f.build(&[]).code, 0);
    assert!(f.out().join("assets/highlight.css").is_file());
    assert!(f.read_out("help/index.html").contains("class=\"hl-"));
}

#[test]
fn briefing_shows_reading_time_and_learning_summary_sections_in_order() {
    let f = Fixture::new();
    let words = "word ".repeat(450);
    f.file(
        "content/briefings/b.md",
        &doc("Briefing", "", &briefing_sections(&format!("{words}\n"))),
    );
    f.file(
        "content/learning-summaries/ls.md",
        &doc("Summary", "", &learning_summary_sections("")),
    );
    assert_eq!(f.build(&[]).code, 0);
    assert!(f
        .read_out("briefings/b/index.html")
        .contains("3 minutes to read"));
    let ls = f.read_out("learning-summaries/ls/index.html");
    let a = ls.find("id=\"what-was-learnt-about-the-case\"").unwrap();
    let b = ls
        .find("id=\"what-was-learnt-about-the-review-and-its-method\"")
        .unwrap();
    assert!(a < b);
}

#[test]
fn long_listings_are_paginated_and_every_document_is_reachable() {
    let f = Fixture::new();
    for i in 0..120 {
        f.file(
            &format!("content/briefings/b{i:03}.md"),
            &doc(
                &format!("Briefing {i}"),
                "themes: [neglect]\npublished: 2025-01-01\n",
                &briefing_sections(""),
            ),
        );
    }
    let r = f.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let p1 = f.read_out("briefings/index.html");
    let p3 = f.read_out("briefings/page/3/index.html");
    assert!(
        p1.contains("120 documents, page 1 of 3"),
        "count and page shown"
    );
    assert!(
        p1.contains("href=\"../briefings/page/2/index.html\" rel=\"next\""),
        "next link"
    );
    assert!(p3.contains("rel=\"prev\""));
    assert!(!f.out().join("briefings/page/4").exists());
    let mut found = 0;
    for page in [
        "briefings/index.html",
        "briefings/page/2/index.html",
        "briefings/page/3/index.html",
    ] {
        found += f.read_out(page).matches("class=\"doc-card\"").count();
    }
    assert_eq!(found, 120);
    assert!(f
        .read_out("themes/neglect/page/3/index.html")
        .contains("page 3 of 3"));
}
