//! Writes a small static site that exercises the search (for tests/browser until the full
//! `learnsite build` is used there): the search files, `search/index.html` rendered from
//! `layouts/search.html` with a minimal base template, one page per document (with the
//! page-highlighting script) and `expected.json`, the Rust mirror's answers to a few queries.
//!
//! cargo run --example search_fixture -- OUT_DIR

use std::fs;
use std::path::Path;

use learnsite::index::search::{
    build_search_index, Query, SearchDoc, SearchIndex, SEARCH_TEMPLATE,
};

const BASE: &str = r##"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{% endblock title %}</title>{% block head %}{% endblock head %}</head>
<body><a href="#main">Skip to main content</a><header><a href="{{ root }}index.html">{{ site.title }}</a></header>
<main id="main">{% block content %}{% endblock content %}</main>
{% block scripts %}{% endblock scripts %}</body></html>"##;

fn p(s: &str, l: &str) -> (String, String) {
    (s.into(), l.into())
}

#[allow(clippy::too_many_arguments)]
fn doc(
    url: &str,
    title: &str,
    kind: (&str, &str),
    date: Option<&str>,
    board: Option<&str>,
    rt: Option<(&str, &str)>,
    themes: &[(&str, &str)],
    abuse: &[(&str, &str)],
    summary: &str,
    body: &str,
) -> SearchDoc {
    SearchDoc {
        url: url.into(),
        title: title.into(),
        kind: kind.0.into(),
        kind_label: kind.1.into(),
        summary: summary.into(),
        headings: body
            .lines()
            .filter(|l| l.starts_with("## "))
            .map(|l| l[3..].to_string())
            .collect(),
        body: body
            .lines()
            .map(|l| l.trim_start_matches("## "))
            .collect::<Vec<_>>()
            .join("\n"),
        date: date.map(Into::into),
        year: date.and_then(|d| d[..4].parse().ok()),
        board: board.map(Into::into),
        review_type: rt.map(|(s, l)| p(s, l)),
        themes: themes.iter().map(|(s, l)| p(s, l)).collect(),
        methodology: vec![],
        abuse_types: abuse.iter().map(|(s, l)| p(s, l)).collect(),
        person: vec![],
        reference: None,
    }
}

pub fn fixture_docs() -> Vec<SearchDoc> {
    let review = ("review", "Review summary");
    let briefing = ("briefing", "7-minute briefing");
    let sar = Some(("sar", "Safeguarding Adults Review"));
    let cspr = Some(("cspr", "Child Safeguarding Practice Review"));
    let dhr = Some(("dhr", "Domestic Homicide Review"));
    let north = Some("Northshire Safeguarding Adults Board");
    let south = Some("Southshire Children's Partnership");
    let neglect = ("neglect", "Neglect");
    let self_neglect = ("self-neglect", "Self-neglect");
    let curiosity = ("professional-curiosity", "Professional curiosity");
    let voice = ("voice-of-the-child", "Voice of the child");
    let housing = ("housing", "Housing and homelessness");
    let da = ("domestic-abuse", "Domestic abuse");
    let mut docs = vec![
        doc("reviews/adult-a/index.html", "Adult A: self-neglect and hoarding", review, Some("2024-03-12"), north, sar, &[self_neglect, housing], &[("self-neglect", "Self-neglect")],
            "Adult A lived alone and declined support; agencies did not share what they knew.",
            "## Background\nAdult A was 67 and lived alone in a privately rented flat.\n## Learning\nPractitioners showed professional curiosity only late. Hoarding was seen as a lifestyle choice.\nThe review asks partners to use the self-neglect protocol and to think about mental capacity."),
        doc("reviews/child-b/index.html", "Child B: the voice of the child in neglect cases", review, Some("2023-09-01"), south, cspr, &[neglect, voice], &[("neglect", "Neglect and acts of omission")],
            "Child B's lived experience was not seen; the voice of the child was lost among adult needs.",
            "## What happened\nChild B was 4. Home conditions were poor for years.\n## Learning\nHearing the voice of the child means seeing the day-to-day lived experience. Practitioners focused on the parents."),
        doc("reviews/adult-c/index.html", "Adult C: domestic abuse and coercive control", review, Some("2022-06-20"), north, dhr, &[da], &[("domestic", "Domestic abuse")],
            "Adult C was killed by her partner; earlier disclosures were not acted on.",
            "## Learning\nCoercive control was not recognised. Routine enquiry about domestic abuse was not made in health settings.\nProfessional curiosity about injuries was missing."),
        doc("briefings/seven-minute-curiosity/index.html", "Seven-minute briefing: professional curiosity", briefing, Some("2024-01-05"), south, None, &[curiosity], &[],
            "What professional curiosity looks like and why it matters.",
            "## Why it matters\nReviews keep finding that practitioners accepted what they were told.\nRespectful uncertainty and healthy scepticism help. Think about the voice of the child."),
        doc("reviews/child-d/index.html", "Child D: neglect and missed health appointments", review, Some("2021-11-30"), south, cspr, &[neglect], &[("neglect", "Neglect and acts of omission")],
            "Missed appointments were not seen as a sign of neglect.",
            "## Learning\nWas not brought: children do not miss appointments, they are not brought.\nThe café worker's naïve account was the first alert."),
        doc("reviews/adult-e/index.html", "Adult E: transitions from children's to adult services", review, Some("2020-02-14"), north, sar, &[housing], &[],
            "Adult E was 18 when children's services ended; housing was unstable.",
            "## Learning\nTransitions planning started late. Homelessness followed.\nThe zebrafish metaphor in one practitioner's note was puzzling."),
        doc("about/index.html", "About this library", ("page", "Page"), None, None, None, &[], &[],
            "How to use the library of published reviews.",
            "Use search or browse by theme. Reviews are anonymised."),
    ];
    // Reviews carry the board's reference, as typed on a report or in an email.
    docs[0].reference = Some("NS-SAR-2024-01".into());
    docs[5].reference = Some("NS-SAR-2020-01".into());
    // Filler so the dictionary spans several term chunks.
    for i in 0..120 {
        let body: String = (0..150)
            .map(|j| format!("filler{}q{} ", (i * 31 + j * 17) % 2000, j % 7))
            .collect();
        docs.push(doc(
            &format!("reviews/filler-{i}/index.html"),
            &format!("Filler review {i}"),
            review,
            Some(&format!("2015-01-{:02}", 1 + i % 28)),
            Some("Westshire Safeguarding Adults Board"),
            sar,
            &[("filler", "Filler theme")],
            &[],
            "A filler document.",
            &body,
        ));
    }
    docs
}

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/search-fixture".into());
    let out = Path::new(&out);
    if out.exists() {
        fs::remove_dir_all(out).expect("remove old fixture");
    }
    let docs = fixture_docs();
    for f in build_search_index(&docs) {
        let path = out.join(&f.path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, f.bytes).unwrap();
    }
    let mut tera = tera::Tera::default();
    tera.add_raw_template("base.html", BASE).unwrap();
    tera.add_raw_template("search.html", SEARCH_TEMPLATE)
        .unwrap();
    let mut ctx = tera::Context::new();
    ctx.insert("root", "../");
    ctx.insert("site", &serde_json::json!({"title": "Fixture board"}));
    let html = tera
        .render("search.html", &ctx)
        .expect("render search.html");
    fs::write(out.join("search/index.html"), html).unwrap();
    for d in &docs {
        let depth = d.url.matches('/').count();
        let root = "../".repeat(depth);
        let body: String = d
            .body
            .lines()
            .map(|l| format!("<p>{}</p>\n", html_escape(l)))
            .collect();
        let page = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{t}</title></head><body>\
             <main id=\"main\"><h1>{t}</h1><p class=\"summary\">{s}</p>{body}</main>\
             <script src=\"{root}search/highlight.js\"></script></body></html>",
            t = html_escape(&d.title),
            s = html_escape(&d.summary)
        );
        let path = out.join(&d.url);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, page).unwrap();
    }
    fs::write(
        out.join("index.html"),
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Fixture</title></head>\
         <body><main><h1>Fixture</h1><p><a href=\"search/index.html\">Search</a></p></main></body></html>",
    )
    .unwrap();

    // The Rust mirror's answers, for the browser tests to compare with the client's.
    let ix = SearchIndex::build(&docs);
    let queries = [
        "neglect",
        "neglect ",
        "voice of the child",
        "professional curiosity ",
        "hoar",
        "filler1",
        "naive cafe",
        "NS-SAR-2024-01",
        "ns-sar-2020-01",
        "ns sar 2024 01",
    ];
    let expected: Vec<serde_json::Value> = queries
        .iter()
        .map(|q| {
            let r = ix.search(&Query {
                text: q.to_string(),
                ..Default::default()
            });
            let titles: Vec<&str> = r
                .ids
                .iter()
                .take(10)
                .map(|&d| ix.docs[d as usize].title.as_str())
                .collect();
            serde_json::json!({"q": q, "total": r.ids.len(), "titles": titles})
        })
        .collect();
    fs::write(
        out.join("expected.json"),
        serde_json::to_string_pretty(&expected).unwrap(),
    )
    .unwrap();
    println!("fixture site written to {}", out.display());
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
