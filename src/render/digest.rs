//! The site's monthly updates: `digest/` lists the months, `digest/2025-03/` is what was
//! published that month in the same form as `learnsite digest` ([`crate::digest`]), and the
//! index stage writes their feed, `digest/feed.xml`. Only the build's published documents go in.

use super::memo::Ctx;
use super::tracker::outline::{self, Outline, HOLE};
use super::view;
use super::{Pages, Renderer};
use crate::content::{Document, Site};
use crate::digest::model::{self, Digest, FOLDER};
use crate::escape::push_html;
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
    let crumbs = [super::view::Crumb {
        title: "Monthly updates".to_string(),
        href: format!("{FOLDER}index.html"),
    }];
    let look = months
        .first()
        .filter(|_| outline::native(r, "digest.html"))
        .and_then(|(m, _)| Look::new(r, &model::month_url(*m), &crumbs));
    for (i, (m, d)) in months.iter().enumerate() {
        let url = model::month_url(*m);
        let title = format!("Learning published in {}", d.period);
        let description = format!("What {} published in {}.", site.config.title, d.period);
        // Newest first: the next month is the one before in the list.
        let newer = i.checked_sub(1).map(|j| &links[j]);
        let older = links.get(i + 1);
        let look = look.as_ref().filter(|l| l.root == view::root_for(&url));
        // The template's context, unless the page is written without it (the memo still
        // keys the page by it).
        let ctx = if look.is_some() && r.memo.is_none() {
            Ctx::new(false)
        } else {
            let mut ctx = r.context(&url, &title, "digest", &crumbs);
            ctx.insert("digest", d);
            ctx.insert("newer", &newer);
            ctx.insert("older", &older);
            ctx.insert("page_description", &description);
            ctx
        };
        let what = format!("the page /{url}");
        out.add(
            r.page_made("digest.html", &ctx, &url, &what, |render| match look {
                Some(look) => {
                    let page = Month {
                        url: &url,
                        title: &title,
                        description: &description,
                        digest: d,
                        newer,
                        older,
                    };
                    Ok(look.page(r, &page))
                }
                None => render(&ctx),
            }),
        );
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

/// A month's page: what `digest.html` is given.
struct Month<'a> {
    url: &'a str,
    title: &'a str,
    description: &'a str,
    digest: &'a Digest,
    newer: Option<&'a MonthLink>,
    older: Option<&'a MonthLink>,
}

/// What every month's page shares, written once: the frame around the page, with holes for
/// its title, description, address and content. With the default theme, a month's page is
/// written here, byte for byte what `digest.html` would write (a month of a 5,000-document
/// site lists some 80 documents, each filled into the template's text).
struct Look {
    root: String,
    frame: Outline,
}

impl Look {
    /// The look of the months' pages (`url` one of them); none if it cannot be written (a
    /// site-wide text holds a hole).
    fn new(r: &Renderer, url: &str, crumbs: &[super::view::Crumb]) -> Option<Look> {
        let mut ctx = r.context(url, HOLE, "digest", crumbs);
        ctx.insert("canonical", HOLE);
        ctx.insert("page_description", HOLE);
        let root = view::root_for(url);
        let mut head =
            String::from("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
        push_html(&mut head, &r.site.title);
        head.push_str(": monthly updates\" href=\"");
        push_html(&mut head, &root);
        head.push_str("digest/feed.xml\">");
        let frame = Outline::new(r, &ctx, &head, 4)?;
        Some(Look { root, frame })
    }

    /// The page of month `m`.
    fn page(&self, r: &Renderer, m: &Month) -> String {
        let f = &self.frame;
        let mut w = String::with_capacity(f.len() + 1024 * m.digest.count + 4096);
        w.push_str(f.part(0));
        push_html(&mut w, m.title);
        w.push_str(f.part(1));
        push_html(&mut w, m.description);
        w.push_str(f.part(2));
        push_html(&mut w, &r.config.absolute_url(m.url));
        w.push_str(f.part(3));
        self.content(&mut w, m);
        w.push_str(f.part(4));
        w
    }

    /// `digest.html`'s content block.
    fn content(&self, w: &mut String, m: &Month) {
        let root = self.root.as_str();
        w.push_str("\n<p class=\"caption\">Monthly update</p>\n<h1>");
        push_html(w, m.title);
        w.push_str("</h1>\n");
        for g in &m.digest.groups {
            w.push_str("\n<h2>");
            push_html(w, g.label);
            w.push_str("</h2>\n<ul class=\"digest-list\">\n");
            for e in &g.entries {
                w.push_str("<li class=\"digest-entry\">\n<h3><a href=\"");
                match e.path.as_deref().filter(|p| !p.is_empty()) {
                    Some(path) => {
                        push_html(w, root);
                        push_html(w, path);
                        w.push_str("index.html");
                    }
                    None => push_html(w, &e.url),
                }
                w.push_str("\">");
                push_html(w, &e.heading);
                w.push_str("</a></h3>\n<p class=\"secondary\">");
                push_html(w, &e.title);
                w.push_str(" · published <time datetime=\"");
                push_html(w, &e.published_iso);
                w.push_str("\">");
                push_html(w, &e.published);
                w.push_str("</time></p>\n");
                for line in [&e.summary, &e.themes_line, &e.recommendations_line] {
                    if let Some(line) = line.as_deref().filter(|l| !l.is_empty()) {
                        w.push_str("<p>");
                        push_html(w, line);
                        w.push_str("</p>");
                    }
                    w.push('\n');
                }
                w.push_str("</li>\n");
            }
            w.push_str("</ul>\n");
        }
        w.push_str("\n<nav class=\"digest-nav\" aria-label=\"Other months\">\n<ul>\n");
        for (link, which) in [(m.newer, "Newer"), (m.older, "Older")] {
            if let Some(link) = link {
                w.push_str("<li><a href=\"");
                push_html(w, root);
                push_html(w, &link.href);
                w.push_str("\">");
                w.push_str(which);
                w.push_str(": ");
                push_html(w, &link.label);
                w.push_str("</a></li>");
            }
            w.push('\n');
        }
        w.push_str("<li><a href=\"");
        push_html(w, root);
        w.push_str(
            "digest/index.html\">All monthly updates</a></li>\n</ul>\n</nav>\n<p><a href=\"",
        );
        push_html(w, root);
        w.push_str("digest/feed.xml\">Atom feed of the monthly updates</a></p>\n");
    }
}
