//! The site's monthly updates: `digest/` lists the months, `digest/2025-03/` is what was
//! published that month in the same form as `learnsite digest` ([`crate::digest`]), and the
//! index stage writes their feed, `digest/feed.xml`. Only the build's published documents go in.

use super::{Pages, Renderer};
use crate::content::{Document, Site};
use crate::digest::model::{self, Digest, FOLDER};
use crate::index::learning;
use serde::Serialize;

/// The monthly digests of the published `docs`, newest first.
pub fn monthly(site: &Site, docs: &[&Document]) -> Vec<(crate::content::MonthYear, Digest)> {
    let records: Vec<learning::Record> = docs
        .iter()
        .filter_map(|d| learning::record_for(&site.config, &site.vocab, d))
        .collect();
    model::monthly(&site.config.title, &records, &site.config.base_url)
}

/// A month as the list of updates shows it.
#[derive(Serialize)]
struct MonthLink {
    href: String,
    label: String,
    counts: String,
}

/// The page of each month and the list of months.
pub fn pages(r: &Renderer, site: &Site, docs: &[&Document], out: &mut Pages) {
    let months = monthly(site, docs);
    let links: Vec<MonthLink> = months
        .iter()
        .map(|(m, d)| MonthLink {
            href: format!("{}index.html", model::month_url(*m)),
            label: d.period.clone(),
            counts: crate::digest::text::and_list(
                &d.groups
                    .iter()
                    .map(|g| g.count_label.clone())
                    .collect::<Vec<_>>(),
            ),
        })
        .collect();
    for (i, (m, d)) in months.iter().enumerate() {
        let url = model::month_url(*m);
        let crumbs = vec![super::view::Crumb {
            title: "Monthly updates".to_string(),
            href: format!("{FOLDER}index.html"),
        }];
        let title = format!("Learning published in {}", d.period);
        let mut ctx = r.context(&url, &title, "digest", &crumbs);
        ctx.insert("digest", d);
        // Newest first: the next month is the one before in the list.
        ctx.insert("newer", &i.checked_sub(1).map(|j| &links[j]));
        ctx.insert("older", &links.get(i + 1));
        ctx.insert(
            "page_description",
            &format!("What {} published in {}.", site.config.title, d.period),
        );
        out.add(r.page("digest.html", &ctx, &url, &format!("the page /{url}")));
    }
    let mut ctx = r.context(FOLDER, "Monthly updates", "digest", &[]);
    ctx.insert("months", &links);
    ctx.insert(
        "page_description",
        "Each month's update: the reviews, 7-minute briefings and learning summaries published that month.",
    );
    out.add(r.page(
        "digest_list.html",
        &ctx,
        FOLDER,
        &format!("the page /{FOLDER}"),
    ));
}
