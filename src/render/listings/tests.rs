//! Listing pages and entries written without the templates, against the default theme's
//! templates.

use super::*;
use crate::config::Config;
use crate::content::Audience;
use crate::render::view::{SiteView, TermLink};

fn config(title: &str) -> Config {
    Config::parse(
        &format!("title: \"{title}\"\nbase_url: https://learning.example/\nboard: Testshire Safeguarding Adults Board\n"),
        "learnsite.yaml",
    )
    .unwrap()
}

fn renderer<'a>(tera: &'a tera::Tera, config: &'a Config, i: usize) -> Renderer<'a> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let audience = [Audience::Public, Audience::Partners, Audience::Internal][i % 3];
    Renderer {
        today,
        tera,
        site: SiteView::new(config, audience, i % 2 == 1, today),
        config,
        noindex: i % 3 != 0,
        memo: None,
        fragments: None,
        stream: None,
        framed: tera
            .get_template_names()
            .any(|n| n == crate::render::frame::FRAME_TEMPLATE),
    }
}

fn card(i: usize) -> CardView {
    let text = |s: &str| format!("{s} {i} <b>&\"'</b>");
    CardView {
        kind: ["review", "briefing", "learning-summary"][i % 3],
        kind_label: ["Review summary", "7-minute briefing", "Learning summary"][i % 3],
        title: text("Title"),
        href: format!("reviews/r-{i}/index.html"),
        summary: [Some(text("Summary")), None, Some(String::new())][i % 3].clone(),
        published: (i % 4 != 3).then(|| "1 March 2025".into()),
        published_iso: (i % 4 != 3).then(|| "2025-03-01".into()),
        review_type: (i % 5 != 4).then(|| TermLink {
            slug: "sar".into(),
            label: text("Safeguarding Adults Review"),
            href: "review-types/sar/index.html".into(),
        }),
        board: [Some(text("Board")), None, Some(String::new())][i % 3 / 2 + i % 2].clone(),
        themes: (0..i % 4)
            .map(|k| TermLink {
                slug: format!("t{k}"),
                label: format!("Theme <{k}> & co"),
                href: format!("themes/t{k}/index.html"),
            })
            .collect(),
        draft: i % 6 == 5,
        audience: ["public", "partners", "internal", "public"][i % 4],
    }
}

#[test]
fn an_entry_written_without_the_template_is_the_template_s_byte_for_byte() {
    let tera = crate::render::templates::default_theme().unwrap();
    let config = config("Board");
    let r = renderer(&tera, &config, 0);
    for i in 0..60 {
        let v = card(i);
        let want = fragments::piece(&r, CARD_TEMPLATE, "d", &v).unwrap();
        let got = native::card(&v).unwrap();
        assert_eq!(got.parts, want.parts, "card {i}");
    }
    // A text holding the root's mark is refused, as the template's piece is.
    let mut v = card(1);
    v.title.push('\u{E000}');
    assert!(native::card(&v).is_none());
    assert!(fragments::piece(&r, CARD_TEMPLATE, "d", &v).is_none());
}

fn ongoing(i: usize) -> Vec<view::OngoingView> {
    (0..i % 3)
        .map(|k| view::OngoingView {
            review_type_label: [Some("SAR & <more>".into()), None, Some(String::new())][k].clone(),
            commissioned: [Some("2026-02".into()), None][k % 2].clone(),
            commissioned_human: [Some("February 2026".into()), None][k % 2].clone(),
            theme_labels: (0..k).map(|t| format!("Theme '{t}'")).collect(),
            reference: [None, Some("SAR <7>".into()), Some(String::new())][k].clone(),
        })
        .collect()
}

#[test]
fn a_listing_page_written_without_the_templates_is_the_templates_page_byte_for_byte() {
    let tera = crate::render::templates::default_theme().unwrap();
    assert!(tera.get_template_names().any(|n| n == NATIVE_LIST));
    let views: Vec<CardView> = (0..300).map(card).collect();
    let html: Vec<_> = views.iter().map(native::card).collect();
    let cards = Cards {
        views,
        html,
        native: true,
    };
    let all: Vec<usize> = (0..300).collect();
    let mut checked = 0;
    for (i, len) in [0, 1, 2, 49, 50, 51, 120, 300].into_iter().enumerate() {
        let config = config(["Tom & Jo's <Board>", "Learning"][i % 2]);
        let r = renderer(&tera, &config, i);
        let ongoing = ongoing(i);
        let listing = Listing {
            url: ["reviews/", "themes/self-neglect/", "years/2025/"][i % 3].into(),
            title: [
                "Review SUMMARIES",
                "Theme: Self-neglect & <Hoarding>",
                "Year: 2025",
            ][i % 3]
                .into(),
            section: ["reviews", "themes", "years"][i % 3],
            crumbs: (0..i % 3)
                .map(|k| Crumb {
                    title: format!("Crumb <{k}>"),
                    href: format!("c{k}/index.html"),
                })
                .collect(),
            intro: [
                Some("What the theme covers & \"why\"".into()),
                None,
                Some(String::new()),
            ][i % 3]
                .clone(),
            latest_briefing: (i % 2 == 1).then_some(i * 7 % 300),
            feed_href: [Some("themes/self-neglect/feed.xml".into()), None][i % 2].clone(),
            ongoing: &ongoing,
        };
        let ids = &all[(i * 13) % 300..][..len.min(300 - (i * 13) % 300)];
        let total = page_count(ids);
        let mut scratch = native::Scratch::new(&r);
        let mut html = String::new();
        for n in 1..=total {
            let want = listing.page(&r, &cards, ids, n, total, &mut html).unwrap();
            let got = native::page(&r, &cards, &listing, ids, n, total, &mut scratch)
                .expect("written without the templates")
                .unwrap();
            assert_eq!(got.path, want.path);
            assert_eq!(
                String::from_utf8(got.bytes).unwrap(),
                String::from_utf8(want.bytes).unwrap(),
                "listing {i}, page {n} of {total}"
            );
            checked += 1;
        }
    }
    assert!(checked > 12);
}

#[test]
fn a_site_s_own_list_template_is_used_and_not_the_native_page() {
    let mut all = crate::render::templates::defaults();
    all.iter_mut().find(|(n, _)| n == "list.html").unwrap().1 =
        "{% extends \"base.html\" %}{% block content %}<p>Ours: {{ total }}</p>{% endblock content %}"
            .into();
    let tera = crate::render::templates::compile(&all).unwrap();
    assert!(!tera.get_template_names().any(|n| n == NATIVE_LIST));
    let config = config("Board");
    let r = renderer(&tera, &config, 0);
    let cards = Cards::new(&r, &[]);
    assert!(!cards.native);
    let listing = Listing {
        url: "reviews/".into(),
        title: "Reviews".into(),
        section: "reviews",
        crumbs: Vec::new(),
        intro: None,
        latest_briefing: None,
        feed_href: None,
        ongoing: &[],
    };
    let pages = pages_of(&r, &cards, &[(listing, &[])]);
    let page = String::from_utf8(pages[0].as_ref().unwrap().bytes.clone()).unwrap();
    assert!(page.contains("<p>Ours: 0</p>"), "{page}");
}
