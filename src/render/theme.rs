//! The one theme's frame around every page: what `layouts/base.html` and its partials
//! (`layouts/partials/`) show besides the page itself. A board site and a regional site use the
//! same base template and partials; each front end says here what goes in its navigation, its
//! footer and its stylesheets, and the templates read it as `site.nav`, `site.footer_links`, ...
//! (the fields are flattened into [`SiteView`](super::view::SiteView)).

use serde::Serialize;

/// A link in the main navigation or the footer.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct NavLink {
    /// From the site root (`themes/index.html`), or an absolute URL (`https://…`).
    pub(crate) href: String,
    pub(crate) label: String,
    /// The page `section` that marks this link as the current page (`aria-current`).
    pub(crate) section: String,
}

impl NavLink {
    pub(crate) fn new(href: &str, label: &str, section: &str) -> NavLink {
        NavLink {
            href: href.to_string(),
            label: label.to_string(),
            section: section.to_string(),
        }
    }
}

/// Which sites show a navigation link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum On {
    Board,
    Region,
    Both,
}

/// The main navigation of both kinds of site, in order: `(section, label, shown on)`. A link goes
/// to the section's folder (`reviews/index.html`); `home` is the site's front page.
const NAV: &[(&str, &str, On)] = &[
    ("home", "Overview", On::Region),
    ("reviews", "Reviews", On::Board),
    ("briefings", "7-minute briefings", On::Board),
    ("learning-summaries", "Learning summaries", On::Board),
    ("themes", "Themes", On::Both),
    ("boards", "Boards", On::Region),
    ("years", "Years", On::Region),
    ("review-types", "Review types", On::Region),
    ("methodologies", "Methodologies", On::Region),
    ("recommendations", "Recommendations", On::Region),
    ("uptake", "Briefings in use", On::Region),
    ("quality-markers", "Quality markers", On::Region),
    ("impact", "Impact", On::Region),
    ("people", "The people", On::Region),
    ("search", "Search", On::Both),
];

fn nav(site: On) -> Vec<NavLink> {
    NAV.iter()
        .filter(|(_, _, on)| *on == site || *on == On::Both)
        .map(|(section, label, _)| {
            let href = match *section {
                "home" => "index.html".to_string(),
                s => format!("{s}/index.html"),
            };
            NavLink::new(&href, label, section)
        })
        .collect()
}

/// Footer links: `(file, label)`.
fn footer(table: &[(&str, &str)]) -> Vec<NavLink> {
    table
        .iter()
        .map(|(href, label)| NavLink::new(href, label, ""))
        .collect()
}

/// The frame of a site's pages.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub(crate) struct Frame {
    /// The main navigation, in order.
    pub(crate) nav: Vec<NavLink>,
    pub(crate) footer_links: Vec<NavLink>,
    /// The sentence at the foot of every page (who published it, when it was built).
    pub(crate) footer_note: String,
    /// Stylesheets, from the site root: the theme's `assets/style.css`, then any addition.
    pub(crate) stylesheets: Vec<String>,
    /// The site has an Atom feed at `feed.xml` (the head links to it).
    pub(crate) has_feed: bool,
}

/// The theme's stylesheet, shared by every site.
pub(crate) const STYLESHEET: &str = "assets/style.css";
/// The regional site's small addition to it (its tables, charts and compact lists).
pub(crate) const REGION_STYLESHEET: &str = "assets/region.css";

impl Frame {
    /// A board site's frame.
    pub(crate) fn board(
        board: Option<&str>,
        region: Option<&str>,
        built: &str,
        accessibility_href: &str,
    ) -> Frame {
        let mut footer_note = String::new();
        if let Some(board) = board.filter(|b| !b.is_empty()) {
            footer_note = format!("Published by {board}");
            if let Some(region) = region.filter(|r| !r.is_empty()) {
                footer_note.push_str(", ");
                footer_note.push_str(region);
            }
            footer_note.push_str(". ");
        }
        footer_note.push_str(&format!("Built with learnsite on {built}."));
        Frame {
            nav: nav(On::Board),
            footer_links: footer(&[
                (accessibility_href, "Accessibility statement"),
                ("actions/index.html", "Action tracker"),
                ("digest/index.html", "Monthly updates of new learning"),
                (
                    "feed.xml",
                    "News feed of new learning (Atom, for feed readers)",
                ),
                ("learning-index.json", "Learning index (JSON)"),
                ("learning-index.csv", "Learning index (spreadsheet)"),
            ]),
            footer_note,
            stylesheets: vec![STYLESHEET.to_string()],
            has_feed: true,
        }
    }
}

impl Frame {
    /// A regional (collated) site's frame: the ways to browse the region, its merged indexes.
    /// `built` is the collate date in words, `indexes` how many boards' indexes went in.
    pub(crate) fn region(built: &str, generator: &str, indexes: usize) -> Frame {
        Frame {
            nav: nav(On::Region),
            footer_links: footer(&[
                ("learning-index.json", "Regional learning index (JSON)"),
                ("learning-index.csv", "Regional learning index (spreadsheet)"),
                (
                    "learning-index-recommendations.csv",
                    "Recommendations (spreadsheet)",
                ),
            ]),
            footer_note: format!(
                "Collated on {built} by {generator} from {indexes} learning index{}. Each entry links to the board’s own published page.",
                if indexes == 1 { "" } else { "es" }
            ),
            stylesheets: vec![STYLESHEET.to_string(), REGION_STYLESHEET.to_string()],
            has_feed: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn board_footer_names_the_board_and_region_when_given() {
        let f = Frame::board(
            Some("Northmoor SAB"),
            Some("North West"),
            "2026-01-15",
            "a/",
        );
        assert_eq!(
            f.footer_note,
            "Published by Northmoor SAB, North West. Built with learnsite on 2026-01-15."
        );
        let f = Frame::board(None, Some("North West"), "2026-01-15", "a/");
        assert_eq!(f.footer_note, "Built with learnsite on 2026-01-15.");
        assert_eq!(f.footer_links[0].href, "a/");
    }
}
