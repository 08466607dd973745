//! One theme for board and regional sites: a site's `layouts/` replaces either theme's
//! templates by path (`layouts/home.html` the board home page, `layouts/region/home.html` the
//! regional overview, `layouts/partials/*.html` the frame both share), as the README says.

use crate::support::*;

const BOARD_HOME: &str = r#"{% extends "base.html" %}
{% block content %}<h1>Our board's own home page</h1>{% endblock content %}
"#;
const REGION_HOME: &str = r#"{% extends "base.html" %}
{% block content %}<h1>Our region's own overview of {{ record_count }} records</h1>{% endblock content %}
"#;
const FOOTER: &str = r#"<footer class="site-footer"><p>Our own footer for {{ site.title }}</p></footer>
"#;

fn collate(dir: &std::path::Path, site: &std::path::Path, out: &str) -> Run {
    let board = repo().join("tests/fixtures/boards/fellhaven.json");
    run_in(
        dir,
        &[
            "collate",
            board.to_str().unwrap(),
            "--out",
            out,
            "--now",
            "2026-01-15",
            "--site",
            site.to_str().unwrap(),
        ],
    )
}

#[test]
fn a_sites_layouts_replace_either_themes_templates_by_path() {
    let f = Fixture::new();
    f.file("content/about.md", &doc("About", "", "About this site."))
        .file("layouts/home.html", BOARD_HOME)
        .file("layouts/region/home.html", REGION_HOME)
        .file("layouts/partials/footer.html", FOOTER);

    let r = f.build(&["--quiet"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let home = f.read_out("index.html");
    assert!(home.contains("Our board's own home page"), "{home}");
    assert!(home.contains("Our own footer for Test Board Learning"));
    assert!(!home.contains("overview"));
    // The shared footer partial is the footer of every board page.
    assert!(f.read_out("about/index.html").contains("Our own footer"));

    let r = collate(f.path(), f.path(), "region");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let region = |rel: &str| std::fs::read_to_string(f.path().join("region").join(rel)).unwrap();
    let overview = region("index.html");
    assert!(
        overview.contains("Our region's own overview of 3 records"),
        "{overview}"
    );
    assert!(overview.contains("Our own footer for"));
    assert!(!overview.contains("Our board's own home page"));
    // Templates the site does not replace stay the theme's, in the site's frame.
    let themes = region("themes/index.html");
    assert!(themes.contains(r#"<table class="counts counts--list">"#));
    assert!(themes.contains("Our own footer for"));

    // Without the site's layouts, the default theme.
    let elsewhere = tempfile::tempdir().unwrap();
    let r = collate(elsewhere.path(), elsewhere.path(), "region");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let overview = std::fs::read_to_string(elsewhere.path().join("region/index.html")).unwrap();
    assert!(overview.contains("Most frequent themes in the last 12 months"));
    assert!(overview.contains("Collated on 15 January 2026"));
}

#[test]
fn a_broken_regional_template_is_named_and_the_previous_site_kept() {
    let f = Fixture::new();
    let r = collate(f.path(), f.path(), "region");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = all_files(&f.path().join("region"));

    // A variable the regional index pages do not have.
    f.file(
        "layouts/region/terms.html",
        r#"{% extends "base.html" %}{% block content %}{{ documents.count }}{% endblock content %}"#,
    );
    let r = collate(f.path(), f.path(), "region");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("layouts/region/terms.html"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("remove your copy"), "{}", r.stderr);
    assert_eq!(
        all_files(&f.path().join("region")),
        before,
        "the previous site is kept"
    );

    // A template that does not parse.
    f.file("layouts/region/terms.html", "{% if %}");
    let r = collate(f.path(), f.path(), "region");
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("region/terms.html"), "{}", r.stderr);
    assert_eq!(all_files(&f.path().join("region")), before);
}

/// The default theme's listings fill each document's entry once and reuse it on every page
/// it appears on; a site's own `macros.html` makes the template fill every entry on every
/// page. Both must give the same pages, at every depth (page 1 and `page/2/` have different
/// roots), and a title holding the character the entries are cut at must not confuse them.
#[test]
fn listings_are_the_same_whether_entries_are_rendered_once_or_on_every_page() {
    let build = |own_macros: bool| {
        let f = Fixture::new();
        for i in 0..60 {
            let title = if i == 7 {
                "Adult \u{E000} marked".to_string()
            } else {
                format!("Adult R{i}")
            };
            let theme = ["self-neglect", "hoarding", "transitions"][i % 3];
            f.file(
                &format!("content/reviews/r{i}.md"),
                &doc(
                    &title,
                    &format!(
                        "themes: [{theme}, mental-capacity]\npublished: 2024-03-{:02}\n",
                        1 + i % 28
                    ),
                    "The review found that practitioners shared information late.",
                ),
            );
        }
        if own_macros {
            let default = std::fs::read_to_string(repo().join("layouts/macros.html")).unwrap();
            f.file(
                "layouts/macros.html",
                &format!("{default}{{# the site's own copy #}}\n"),
            );
        }
        let r = f.build(&["--quiet"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let out = f.out();
        let files: Vec<(std::path::PathBuf, Vec<u8>)> = all_files(&out)
            .into_iter()
            .map(|(p, b)| (p.strip_prefix(&out).unwrap().to_path_buf(), b))
            .collect();
        (f, files)
    };
    let (f, once) = build(false);
    let (_g, every) = build(true);
    let page2 = f.read_out("themes/mental-capacity/page/2/index.html");
    assert!(page2.contains("href=\"../../../../reviews/"), "{page2}");
    assert!(f
        .read_out("reviews/index.html")
        .contains("Adult \u{E000} marked"));
    assert_eq!(once.len(), every.len());
    for ((p, a), (q, b)) in once.iter().zip(&every) {
        assert_eq!(p, q);
        assert!(a == b, "{} differs", p.display());
    }
}
