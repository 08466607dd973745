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
