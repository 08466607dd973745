//! `sitemap.xml` and `robots.txt`.

use crate::config::Config;
use crate::content::Document;
use crate::escape::xml as xml_escape;
use crate::index::taxonomy::Taxonomy;
use chrono::NaiveDate;

/// The site paths of every page of a build, sorted, with the last-modified date of each
/// document's page: the documents, the home page, the listings and the taxonomies.
pub(crate) fn pages(
    docs: &[&Document],
    taxonomies: &[Taxonomy],
) -> Vec<(String, Option<NaiveDate>)> {
    let mut pages: Vec<(String, Option<NaiveDate>)> = docs
        .iter()
        .map(|d| (d.url.clone(), d.meta.updated.map(|u| u.0).or(d.sort_date())))
        .collect();
    if !pages.iter().any(|(u, _)| u.is_empty()) {
        pages.push((String::new(), None));
    }
    for k in ["reviews/", "briefings/", "learning-summaries/", "search/"] {
        pages.push((k.to_string(), None));
    }
    for tax in taxonomies {
        pages.push((format!("{}/", tax.section), None));
        for t in &tax.terms {
            pages.push((format!("{}/{}/", tax.section, t.slug), None));
        }
    }
    pages.sort();
    pages
}

/// `sitemap.xml` of the given site paths with optional last-modified dates.
pub(crate) fn sitemap(config: &Config, pages: &[(String, Option<NaiveDate>)]) -> String {
    let mut x = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (path, date) in pages {
        x.push_str("  <url><loc>");
        x.push_str(&xml_escape(&config.absolute_url(path)));
        x.push_str("</loc>");
        if let Some(d) = date {
            x.push_str(&format!("<lastmod>{}</lastmod>", d.format("%Y-%m-%d")));
        }
        x.push_str("</url>\n");
    }
    x.push_str("</urlset>\n");
    x
}

/// `robots.txt`: public builds welcome robots; partner and internal builds ask them to stay away.
pub(crate) fn robots(config: &Config, public: bool) -> String {
    if public {
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}\n",
            config.absolute_url("sitemap.xml")
        )
    } else {
        "# This build is not for the public.\nUser-agent: *\nDisallow: /\n".to_string()
    }
}
