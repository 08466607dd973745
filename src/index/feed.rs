//! Atom 1.0 feeds: the site's (`feed.xml`) and one per theme (`themes/<slug>/feed.xml`).

use crate::config::Config;
use crate::content::{Document, Kind};
use crate::escape::xml as xml_escape;
use chrono::NaiveDate;

fn rfc3339(d: NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}

/// Most entries a feed carries.
pub(crate) const FEED_LIMIT: usize = 50;

/// An Atom feed of the reviews and briefings among `docs` (already newest first within
/// kind; sorted here by date), at site path `feed_path`.
pub(crate) fn atom(
    config: &Config,
    title: &str,
    feed_path: &str,
    docs: &[&Document],
    today: NaiveDate,
) -> String {
    let mut entries: Vec<&&Document> = docs
        .iter()
        .filter(|d| matches!(d.kind, Kind::Review | Kind::Briefing))
        .collect();
    entries.sort_by(|a, b| {
        b.sort_date()
            .cmp(&a.sort_date())
            .then(a.title.cmp(&b.title))
    });
    entries.truncate(FEED_LIMIT);
    let updated = entries
        .iter()
        .filter_map(|d| d.meta.updated.map(|u| u.0).or(d.sort_date()))
        .max()
        .unwrap_or(today);
    let author = config.board.as_deref().unwrap_or(&config.title);
    let mut x = String::with_capacity(1024 + entries.len() * 512);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"");
    x.push_str(&xml_escape(&config.language));
    x.push_str("\">\n");
    x.push_str(&format!("  <title>{}</title>\n", xml_escape(title)));
    x.push_str(&format!(
        "  <id>{}</id>\n",
        xml_escape(&config.absolute_url(feed_path))
    ));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_escape(&config.absolute_url(feed_path))
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_escape(&config.base_url)
    ));
    x.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml_escape(author)
    ));
    x.push_str("  <generator>learnsite</generator>\n");
    for d in entries {
        let url = config.absolute_url(&d.url);
        let published = d.sort_date().unwrap_or(today);
        let upd = d.meta.updated.map(|u| u.0).unwrap_or(published);
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <title>{}</title>\n", xml_escape(&d.title)));
        x.push_str(&format!("    <id>{}</id>\n", xml_escape(&url)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&url)
        ));
        x.push_str(&format!(
            "    <published>{}</published>\n",
            rfc3339(published)
        ));
        x.push_str(&format!("    <updated>{}</updated>\n", rfc3339(upd)));
        x.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            d.kind.as_str(),
            xml_escape(d.kind.label())
        ));
        for t in &d.meta.themes {
            x.push_str(&format!("    <category term=\"{}\"/>\n", xml_escape(t)));
        }
        if let Some(s) = &d.meta.summary {
            x.push_str(&format!("    <summary>{}</summary>\n", xml_escape(s)));
        }
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}
