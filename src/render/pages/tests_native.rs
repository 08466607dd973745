//! Document pages written without their templates, against the default theme's templates:
//! every page of the example site, and the same documents with their optional fields left
//! out, empty or holding markup, in builds of every audience.

use super::*;
use crate::content::feedback::{Commitment, Uptake};
use crate::content::{Audience, MonthYear};
use crate::render::markdown::Heading;
use crate::render::view::{ImpactView, LinkView, MarkerView, SiteView, TermLink};
use std::path::Path;

/// The example site (learnsite.yaml and content/ at the repository's root): its published
/// documents, their bodies and views (with the uptake of its briefings).
struct Example {
    config: crate::config::Config,
    docs: Vec<Document>,
    bodies: Vec<Rendered>,
    views: Vec<DocView>,
}

fn example() -> Option<Example> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = crate::config::Config::load(root).ok()?;
    let site = crate::content::load::load_site(root, config.clone())
        .ok()?
        .site;
    let docs: Vec<&Document> = site.documents.iter().collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let all: Vec<usize> = (0..docs.len()).collect();
    let mut views = view::doc_views_of(&docs, &all, &config, &site.vocab, today);
    let uptake = crate::content::feedback::uptake(&site.feedback, true);
    for (v, d) in views.iter_mut().zip(&docs) {
        v.uptake = uptake.get(&d.slug).cloned();
    }
    let bodies = crate::render::bodies(&docs, None);
    let docs = docs.into_iter().cloned().collect();
    Some(Example {
        config: site.config.clone(),
        docs,
        bodies,
        views,
    })
}

/// A renderer of the default theme for case `i` (audiences, drafts, quick exit, noindex,
/// highlighting and a title with markup in turn); `framed`: with the templates' frame and
/// the pages written without their templates, else the templates alone.
fn renderer<'a>(
    tera: &'a tera::Tera,
    config: &'a crate::config::Config,
    i: usize,
    framed: bool,
) -> Renderer<'a> {
    let audience = [Audience::Public, Audience::Partners, Audience::Internal][i % 3];
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let mut site = SiteView::new(config, audience, i % 4 == 1, today);
    site.has_highlight_css = i % 2 == 1;
    site.quick_exit = i % 5 != 2;
    if i % 2 == 1 {
        site.title = "Tom & Jo's <Board> \"SAB\"".into();
    }
    Renderer {
        today,
        tera,
        site,
        config,
        noindex: i % 3 == 1,
        memo: None,
        fragments: None,
        stream: None,
        framed,
    }
}

/// Text with every character the templates escape.
fn marked(s: &str, i: usize) -> String {
    format!("{s} <{i}> & \"Jo's\"")
}

fn term(s: &str, k: usize) -> TermLink {
    TermLink {
        slug: format!("t-{k}"),
        label: marked(s, k),
        href: format!("{s}/t-{k}/index.html"),
    }
}

/// Document `d` and its view changed for case `i`: fields left out, empty or with markup.
fn variant(d: &Document, v: &DocView, i: usize) -> (Document, DocView, Rendered) {
    let (mut d, mut v) = (d.clone(), v.clone());
    let s = |x: &str| Some(marked(x, i));
    let empty = || Some(String::new());
    let opt = |x: &str| [None, Some(String::new()), s(x)][i % 3].clone();
    d.title = marked("Review summary: Adult", i);
    d.meta.summary = opt("Summary");
    v.title = d.title.clone();
    v.summary = opt("Lead");
    v.draft = i % 2 == 0;
    v.audience = ["public", "partners", "internal", "iNTERNAL"][i % 4];
    v.ongoing = i % 3 == 2;
    v.board = opt("Board");
    v.board_href = (i % 5 != 4).then(|| "boards/b/index.html".into());
    v.region = opt("Region");
    v.reference = [s("Ref"), None, empty()][i % 3].clone();
    v.incident = opt("Incident");
    v.referral_source = [empty(), s("Referrer"), None][i % 3].clone();
    v.scoping_period = s("Scope");
    v.review_type = (i % 4 != 3).then(|| term("review-types", i));
    v.statutory_basis = [None, Some(""), Some("Mandatory <s. 44> & 'more'")][i % 3];
    v.methodology = (0..i % 3).map(|k| term("methodologies", k)).collect();
    v.themes = (0..(i + 1) % 4).map(|k| term("themes", k)).collect();
    v.abuse_types = (0..i % 3).map(|k| term("abuse-types", k)).collect();
    v.agencies = (0..i % 3).map(|k| marked("Agency", k)).collect();
    v.parallel_processes = (0..(i + 2) % 3).map(|k| marked("Process", k)).collect();
    v.commissioned = [None, s("March 2024"), empty(), None][i % 4].clone();
    v.completed = [None, None, s("May 2025"), empty()][(i / 2) % 4].clone();
    v.duration_months = [None, Some(0), Some(14), Some(-2)][i % 4];
    v.published = [s("1 May 2025"), None, empty()][i % 3].clone();
    v.published_iso = s("2025-05-01");
    v.updated = [None, s("2 June 2025"), empty()][(i / 3) % 3].clone();
    v.updated_iso = (i % 2 == 0).then(|| "2025-06-02".into());
    v.full_report_url = [None, s("https://example.org/r?a=1&b"), empty()][i % 3].clone();
    v.full_report_until = [s("June 2026"), None, empty()][(i / 3) % 3].clone();
    v.full_report_expired = i % 2 == 1;
    v.quality_markers = (0..i % 3)
        .map(|k| MarkerView {
            number: k * 3,
            name: marked("Marker", k),
            status: ["met", "partly-met"][k % 2],
            status_label: "Met & <more>",
            evidence: [None, Some(String::new()), s("Evidence")][(i + k) % 3].clone(),
        })
        .collect();
    let recs = std::mem::take(&mut v.recommendations);
    v.recommendations = recs.into_iter().take(i % 4).collect();
    for (k, r) in v.recommendations.iter_mut().enumerate() {
        r.owner = [None, Some(String::new()), s("Owner")][(i + k) % 3].clone();
        r.agency = (0..(i + k) % 3).map(|j| marked("Agency", j)).collect();
        r.due = [None, s("May 2025"), empty()][(i + k) % 3].clone();
        r.revised_due = [s("June 2025"), None, empty()][(i + k) % 3].clone();
        r.overdue = (i + k) % 2 == 0;
        r.overdue_words = [None, s("Overdue")][(i + k) % 2].clone();
        r.reason = [None, s("Reason"), empty()][(i + k) % 3].clone();
        r.evidence = [s("Evidence"), None, empty()][(i + k) % 3].clone();
        r.scope_label = [None, Some(""), Some("Local & <partner>")][(i + k) % 3];
        r.themes = (0..(i + k) % 3).map(|j| term("actions/theme", j)).collect();
        r.last_update = [None, s("4 May 2025"), empty()][(i + k) % 3].clone();
    }
    v.overdue_count = [0, 1, 3][i % 3];
    v.impact = (i % 4 != 0).then(|| ImpactView {
        measure: marked("Measure", i),
        revisit: [None, s("May 2026"), empty()][i % 3].clone(),
        revisit_iso: s("2026-05"),
        outcome: [None, s("Outcome"), empty(), None][i % 4].clone(),
        evidence: [s("Evidence"), None, empty()][i % 3].clone(),
        due: i % 2 == 1,
    });
    v.review_link = (i % 3 != 0).then(|| LinkView {
        title: marked("Review", i),
        href: "reviews/r/index.html".into(),
        kind_label: "Review summary",
    });
    v.related = (0..i % 4)
        .map(|k| LinkView {
            title: [marked("7-minute briefing: X", k), marked("Learning", k)][k % 2].clone(),
            href: format!("briefings/b-{k}/index.html"),
            kind_label: ["7-minute briefing", "Learning summary"][k % 2],
        })
        .collect();
    v.reading_minutes = i % 3;
    v.selection = opt("Selection");
    v.lead_reviewer = opt("Reviewer");
    v.feedback_href = [None, s("https://forms.example/f?a=1&b=2"), empty()][i % 3].clone();
    v.uptake = (i % 3 != 1).then(|| Uptake {
        teams: i % 3,
        returns: 4,
        since: MonthYear {
            year: 2025,
            month: 3,
        },
        since_label: marked("March 2025", i),
        ratings: i % 2,
        rating: [None, Some(4.0), Some(3.5), Some(0.0)][i % 4],
        people: (i % 3) as u32 * 7,
        commitments: (0..i % 3)
            .map(|k| Commitment {
                what_will_change: marked("Change", k),
                month: "April 2025".into(),
                by: [None, s("June"), empty()][k % 3].clone(),
                who_checks: [s("Team MANAGER"), None, empty()][(i + k) % 3].clone(),
                team: [None, s("Team"), empty()][(i + k) % 3].clone(),
            })
            .collect(),
    });
    let learning = ["areas-for-learning", "key-learning", "findings"][i % 3];
    let html = format!(
        "<p>Intro &amp; <em>more</em>.</p>\n<h2 id=\"{learning}\">Areas &amp; learning</h2>\n\
         <ul><li>One</li></ul>\n<h2 id=\"next\">Next</h2>\n<p>Rest.</p>\n\
         <div class=\"footnote-definition\" id=\"n\"><p>Note.</p></div>"
    );
    let headings = (0..i % 4)
        .map(|k| Heading {
            level: [2, 3][k % 2],
            id: format!("h-{k}"),
            text: marked("Heading", k),
        })
        .collect();
    let body = Rendered {
        html,
        headings,
        ..Rendered::default()
    };
    (d, v, body)
}

/// The page of `d` made by the templates, and written without them: the same bytes.
fn assert_same(
    tera: &tera::Tera,
    config: &crate::config::Config,
    i: usize,
    d: &Document,
    body: &Rendered,
    v: &DocView,
) {
    let want = document(&renderer(tera, config, i, false), d, body, v).unwrap();
    let r = renderer(tera, config, i, true);
    let (template, _) = template_of(d.kind);
    assert!(r.framed && native::template_written(tera, template));
    let got = document_written(&r, d, body, v).expect("written");
    assert_eq!(got.path, want.path);
    let (got, want) = (
        String::from_utf8(got.bytes).unwrap(),
        String::from_utf8(want.bytes).unwrap(),
    );
    if got != want {
        let at = got
            .bytes()
            .zip(want.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(got.len().min(want.len()));
        let from = at.saturating_sub(200);
        panic!(
            "{} (case {i}) differs at byte {at}:\nwritten: {:?}\ntemplate: {:?}",
            d.rel_path,
            &got[from..(at + 200).min(got.len())],
            &want[from..(at + 200).min(want.len())]
        );
    }
}

#[test]
fn document_pages_written_without_the_templates_are_the_templates_pages_byte_for_byte() {
    let Some(Example {
        config,
        docs,
        bodies,
        views,
    }) = example()
    else {
        eprintln!("no example site: skipped");
        return;
    };
    let tera = crate::render::templates::default_theme().unwrap();
    for kind in KINDS {
        assert!(
            docs.iter().any(|d| d.kind == kind),
            "no {kind:?} in the example site"
        );
    }
    for (i, ((d, body), v)) in docs.iter().zip(&bodies).zip(&views).enumerate() {
        if is_home_intro(d) {
            continue;
        }
        // The example site's own page, in builds of each kind.
        for case in [0, 1, 2, 3] {
            assert_same(&tera, &config, case + i, d, body, v);
        }
        // Its fields changed every way a template reads them.
        for case in 0..24 {
            let (d, v, body) = variant(d, v, case + i);
            assert_same(&tera, &config, case, &d, &body, &v);
        }
    }
}

#[test]
fn a_site_s_own_document_template_or_macros_are_filled_as_before() {
    let mut all = crate::render::templates::defaults();
    for (name, text) in all.iter_mut() {
        if name == "briefing.html" {
            text.push_str("{# ours #}");
        }
    }
    let tera = crate::render::templates::compile(&all).unwrap();
    assert!(native::template_written(&tera, "review.html"));
    assert!(!native::template_written(&tera, "briefing.html"));
    for (name, text) in all.iter_mut() {
        if name == "macros.html" {
            text.push_str("{# ours #}");
        }
    }
    // (Any page written here might call the macros: none is, with the site's own.)
    let tera = crate::render::templates::compile(&all).unwrap();
    assert!(!native::template_written(&tera, "review.html"));
    assert!(!native::template_written(&tera, "page.html"));
    let mut all = crate::render::templates::defaults();
    for (name, text) in all.iter_mut() {
        if name == "partials/footer.html" {
            text.push_str("{# ours #}");
        }
    }
    let tera = crate::render::templates::compile(&all).unwrap();
    assert!(!native::template_written(&tera, "page.html"));
    assert!(!native::template_written(&tera, "review.html"));
}
