//! Atom 1.0 feeds: the site's (`feed.xml`), one per theme (`themes/<slug>/feed.xml`) and the
//! monthly updates' (`digest/feed.xml`).

use crate::config::Config;
use crate::content::{Document, Kind};
use crate::escape::xml as xml_escape;
use chrono::NaiveDate;

fn rfc3339(d: NaiveDate) -> String {
    format!("{}T00:00:00Z", d.format("%Y-%m-%d"))
}

/// Most entries a feed carries.
pub(crate) const FEED_LIMIT: usize = 50;

/// The feed's opening and its own elements (title, id, links, updated, author).
fn header(x: &mut String, config: &Config, title: &str, feed_path: &str, updated: NaiveDate) {
    let author = config.board.as_deref().unwrap_or(&config.title);
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
}

/// The Atom feed of the monthly updates (`digest/feed.xml`): one entry per month, newest
/// first, saying how many documents of each kind were published and naming them.
pub fn digest_atom(
    config: &Config,
    months: &[(crate::content::MonthYear, crate::digest::model::Digest)],
    today: NaiveDate,
) -> String {
    use crate::digest::model::month_url;
    let path = format!("{}feed.xml", crate::digest::model::FOLDER);
    let last_day = |d: &crate::digest::model::Digest| {
        d.groups
            .iter()
            .flat_map(|g| &g.entries)
            .filter_map(|e| NaiveDate::parse_from_str(&e.published_iso, "%Y-%m-%d").ok())
            .max()
    };
    let updated = months
        .first()
        .and_then(|(_, d)| last_day(d))
        .unwrap_or(today);
    let mut x = String::with_capacity(1024 + months.len() * 512);
    header(
        &mut x,
        config,
        &format!("{}: monthly updates", config.title),
        &path,
        updated,
    );
    for (m, d) in months.iter().take(FEED_LIMIT) {
        let url = config.absolute_url(&month_url(*m));
        let day = last_day(d).unwrap_or(today);
        let counts: Vec<String> = d.groups.iter().map(|g| g.count_label.clone()).collect();
        let names: Vec<String> = d
            .groups
            .iter()
            .flat_map(|g| &g.entries)
            .map(|e| e.title.clone())
            .collect();
        x.push_str("  <entry>\n");
        x.push_str(&format!(
            "    <title>Learning published in {}</title>\n",
            xml_escape(&d.period)
        ));
        x.push_str(&format!("    <id>{}</id>\n", xml_escape(&url)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&url)
        ));
        x.push_str(&format!("    <updated>{}</updated>\n", rfc3339(day)));
        x.push_str(&format!(
            "    <summary>{}: {}.</summary>\n",
            xml_escape(&crate::digest::text::and_list(&counts)),
            xml_escape(&names.join("; "))
        ));
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

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
    let mut x = String::with_capacity(1024 + entries.len() * 512);
    header(&mut x, config, title, feed_path, updated);
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
