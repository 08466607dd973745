//! The tracker's rows written without the template, against the template's.

use super::*;
use crate::render::view::UpdateView;

fn rec(i: usize) -> RecommendationView {
    let odd = i % 2 == 1;
    let text = |s: &str| Some(format!("{s} {i} <b>&\"'</b>"));
    RecommendationView {
        id: format!("R{i}"),
        text: format!("Agencies should <act> & \"review\" {i}'s practice"),
        owner: (i % 3 != 0).then(|| format!("Owner & {i}")),
        agencies: vec!["A & B".into(), "C".into()],
        agency: if odd {
            vec!["A & B".into(), "C".into()]
        } else {
            vec![]
        },
        due: (i % 4 != 3).then(|| "March 2025".into()),
        due_iso: (i % 4 != 3).then(|| "2025-03".into()),
        revised_due: (i % 5 == 1).then(|| "June 2025".into()),
        revised_due_iso: (i % 5 == 1).then(|| "2025-06".into()),
        status: ["not-started", "in-progress", "complete", "not-implemented"][i % 4],
        status_label: ["Not started", "In progress", "Complete", "Not implemented"][i % 4],
        overdue: i % 3 == 1,
        overdue_words: (i % 3 == 1).then(|| format!("Overdue by {i} months")),
        overdue_months: (i % 3 == 1).then_some(i as i32),
        evidence: (i % 4 == 2).then(|| text("Evidence")).flatten(),
        reason: (i % 4 == 3).then(|| text("Reason")).flatten(),
        updates: (0..i % 3)
            .map(|k| UpdateView {
                date: format!("{k} May 2025"),
                date_iso: format!("2025-05-0{k}"),
                text: format!("Update <{k}> & more"),
            })
            .collect(),
        last_update: (i % 3 != 0 && i % 7 != 0).then(|| "4 May 2025".into()),
        last_update_iso: (i % 3 != 0).then(|| "2025-05-04".into()),
        stale: i % 2 == 0,
        scope: (i % 4 == 1).then_some("local"),
        scope_label: (i % 4 == 1).then_some("Local & partner"),
        themes: (0..i % 3)
            .map(|k| TermLink {
                slug: format!("t{k}"),
                label: format!("Theme <{k}> & co"),
                href: format!("actions/theme/t{k}/index.html"),
            })
            .collect(),
    }
}

#[test]
fn a_row_written_without_the_template_is_the_template_s_row_byte_for_byte() {
    let tera = crate::render::templates::default_theme().unwrap();
    assert!(tera.get_template_names().any(|n| n == NATIVE_TRACKER_ROW));
    for i in 0..40 {
        let x = ActionRow {
            review_title: format!("Review <{i}> & \"Jo's\""),
            review_href: format!("reviews/r-{i}/index.html"),
            review_slug: format!("r-{i}"),
            review_url: String::new(),
            reference: [None, Some(String::new()), Some(format!("AB-{i} & co"))][i % 3].clone(),
            rec: rec(i),
            themes: Vec::new(),
            data_agency: "a-b c".into(),
            data_theme: "t0 t1".into(),
            due_sort: None,
        };
        for root in ["", "../../../"] {
            let mut ctx = tera::Context::new();
            ctx.insert("x", &x);
            ctx.insert("root", root);
            let want = tera.render(TRACKER_ROW_TEMPLATE, &ctx).unwrap();
            let mut got = String::new();
            assert!(fragments::join([&row_piece(&x)], root, &mut got));
            assert_eq!(got, want, "row {i}, root {root:?}");
        }
    }
}

/// The files a build of `site` writes (dated 1 October 2025, for `audience`, with drafts
/// or not), by path.
fn built_files(
    site: &std::path::Path,
    audience: crate::content::Audience,
    drafts: bool,
) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = site.join("public");
    let _ = std::fs::remove_dir_all(&out);
    let mut opts = crate::site::BuildOptions::new(site);
    opts.out = Some(out.clone());
    opts.today = chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
    opts.audience = audience;
    opts.drafts = drafts;
    if let Err(e) = crate::site::build(&opts) {
        panic!("{} does not build: {e:?}", site.display());
    }
    walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(&out).unwrap();
            (rel.display().to_string(), std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The default theme's pages that are written without their templates.
const WRITTEN: &[(&str, &str)] = &[
    (
        "tracker.html",
        include_str!("../../../layouts/tracker.html"),
    ),
    (
        "action_sheet.html",
        include_str!("../../../layouts/action_sheet.html"),
    ),
    ("digest.html", include_str!("../../../layouts/digest.html")),
];

/// `site` built as it is, and again with a copy of each of the default templates of the
/// pages written without them ([`WRITTEN`]) in its `layouts/` (copies that write the same
/// but are not the default: the templates fill them). Every file is the same.
fn native_and_templates(site: &std::path::Path, audience: crate::content::Audience, drafts: bool) {
    let native = built_files(site, audience, drafts);
    let layouts = site.join("layouts");
    std::fs::create_dir_all(&layouts).unwrap();
    for (name, text) in WRITTEN {
        let copy = format!("{text}{{# A copy of the default: the templates fill it. #}}\n");
        std::fs::write(layouts.join(name), copy).unwrap();
    }
    let filled = built_files(site, audience, drafts);
    std::fs::remove_dir_all(&layouts).unwrap();
    for part in ["actions/index.html", "action-sheet/index.html", "digest/20"] {
        assert!(
            native.keys().any(|p| p.contains(part)),
            "{}: no {part}",
            site.display()
        );
    }
    assert_eq!(
        native.keys().collect::<Vec<_>>(),
        filled.keys().collect::<Vec<_>>()
    );
    for (path, page) in &native {
        let want = String::from_utf8_lossy(&filled[path]);
        let got = String::from_utf8_lossy(page);
        if got != want {
            let at = (got.chars().zip(want.chars()))
                .take_while(|(a, b)| a == b)
                .count();
            let near =
                |s: &str| (s.chars().skip(at.saturating_sub(200)).take(400)).collect::<String>();
            panic!(
                "{path} differs at character {at}:\nwritten: {}\ntemplate: {}",
                near(&got),
                near(&want)
            );
        }
    }
}

#[test]
fn the_example_site_s_pages_written_without_their_templates_are_the_templates_pages() {
    let dir = tempfile::tempdir().unwrap();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        repo.join("learnsite.yaml"),
        dir.path().join("learnsite.yaml"),
    )
    .unwrap();
    for e in walkdir::WalkDir::new(repo.join("content"))
        .into_iter()
        .flatten()
    {
        let to = dir.path().join(e.path().strip_prefix(repo).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    native_and_templates(dir.path(), crate::content::Audience::Public, false);
}

#[test]
fn pages_with_awkward_text_written_without_their_templates_are_the_templates_pages() {
    let dir = tempfile::tempdir().unwrap();
    let file = |rel: &str, text: &str| {
        let p = dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    file(
        "learnsite.yaml",
        "title: \"Tom & Jo's <Board> \\\"learning\\\"\"\nbase_url: https://learning.test.example/a&b/\nboard: Testshire <Safeguarding> & Adults Board\nfeedback:\n  return_to: \"the <board's> business unit & \\\"co\\\"\"\n",
    );
    // Escaping in every field, optional fields missing, overdue (by the revised month too),
    // complete, not implemented, stale, updated, and impact due; a draft, a review for
    // partners only, and a briefing whose section 7 is empty.
    file(
        "content/reviews/adult-a.md",
        "---\ntitle: 'Review <A> & \"the family''s\" case'\nreference: 'AB-1 & <2>'\npublished: 2025-01-10\nthemes: [self-neglect, hoarding]\npseudonyms: [Adult A]\nrecommendations:\n  - id: R1\n    text: 'Revise the <self-neglect> procedure & \"say\" it''s done.'\n    owner: 'Board policy & <practice> subgroup'\n    due: \"2025-03\"\n    revised_due: \"2025-09\"\n    status: in-progress\n    updates:\n      - { date: 2025-07-01, text: \"Draft <out> for comment & more.\" }\n  - id: R2\n    text: Train practitioners in executive capacity.\n    owner: Board\n    agency: ['Council <adult> social care', \"Health & 'care' trust\"]\n    themes: [executive-capacity]\n    due: \"2025-06\"\n    status: not-started\n  - id: R3\n    text: Buy a shared case recording system.\n    owner: Board\n    due: \"2025-02\"\n    status: not-implemented\n    reason: 'A regional system is being <procured> & \"shared\" instead.'\n  - id: R10\n    text: Publish a leaflet for families.\n    owner: Board\n    due: \"2025-02\"\n    status: complete\n    evidence: 'Leaflet <published> & sent.'\nimpact:\n  measure: 'Risk meetings & <plans>'\n  revisit: \"2025-06\"\n---\nFindings.\n",
    );
    file(
        "content/reviews/adult-b.md",
        "---\ntitle: Safeguarding Adults Review Adult B\npublished: 2025-05-02\naudience: partners\nthemes: [neglect]\npseudonyms: [Adult B]\nrecommendations:\n  - id: R1\n    text: Audit medication records.\n    owner: Integrated care board\n    due: \"2025-04\"\n    status: complete\n  - id: R2\n    text: Review falls guidance.\n    owner: Integrated care board\n    due: \"2024-12\"\n    status: not-started\n---\nFindings.\n",
    );
    file(
        "content/reviews/adult-c.md",
        "---\ntitle: Safeguarding Adults Review Adult C\ndraft: true\npublished: 2025-06-02\npseudonyms: [Adult C]\n---\nFindings, and no recommendations.\n",
    );
    let mut sections = String::new();
    for h in [
        "1. Background",
        "2. Why it matters",
        "3. Information",
        "4. Key points",
        "5. More key points",
        "6. Questions",
        "7. What to do",
    ] {
        sections.push_str(&format!("## {h}\n\nTeams <discuss> this & \"that\".\n\n"));
    }
    file(
        "content/briefings/adult-a.md",
        &format!("---\ntitle: '7-minute briefing: <Adult A> & \"the family''s\" view'\nreference: 'AB-1 & <2>'\npublished: 2025-02-10\nreview: adult-a\nthemes: [self-neglect]\npseudonyms: [Adult A]\n---\n{sections}"),
    );
    file(
        "content/briefings/adult-b.md",
        &format!("---\ntitle: 7-minute briefing Adult B\naudience: partners\npublished: 2025-05-10\npseudonyms: [Adult B]\n---\n{}", sections.replace("7. What to do\n\n", "7. What to do\n\n## Further reading\n\n")),
    );
    native_and_templates(dir.path(), crate::content::Audience::Partners, true);
    native_and_templates(dir.path(), crate::content::Audience::Public, false);
}
