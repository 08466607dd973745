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
