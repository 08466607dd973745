//! The pages that list documents: one theme (`themes/THEME/`, in sections by year), one board
//! (`boards/BOARD/`, in sections by theme), one year, one review type or methodology. Each
//! document links to the board's own page.

use super::terms::Facet;
use super::{crumb, plural, Block, Crumb, OutFile, Renderer};
use crate::collate::CollateError;
use serde::Serialize;

/// Which list of documents.
#[derive(Debug, Clone, Copy)]
pub(super) enum List {
    Theme(usize),
    Board(usize),
    Year(usize),
    /// A review type or methodology: the facet and the term's number.
    Term(Facet, usize),
}

/// A link near the top of a list page (a theme's recommendations, a board's own site).
#[derive(Serialize)]
struct Related {
    /// Complete href (already relative to the page).
    href: String,
    title: String,
    note: Option<String>,
}

/// A section of a list page: a heading (or none) and its items' HTML.
#[derive(Serialize)]
struct Section {
    id: String,
    heading: Option<String>,
    count: usize,
    html: String,
}

impl Block for Section {
    fn set_html(&mut self, html: String) {
        self.html = html;
    }
}

/// A section and its list items (what [`Section::html`] joins).
type Listed<'r> = (Section, Vec<&'r str>);

fn section<'r>(id: String, heading: Option<String>, items: Vec<&'r str>) -> Listed<'r> {
    let count = items.len();
    let s = Section {
        id,
        heading,
        count,
        html: String::new(),
    };
    (s, items)
}

/// A page listing documents.
struct ListPage<'p> {
    path: String,
    section: &'p str,
    title: &'p str,
    caption: Option<&'p str>,
    intro: String,
    crumbs: Vec<Crumb>,
    related: Vec<Related>,
    count: usize,
    sections: Vec<Listed<'p>>,
}

impl Renderer<'_> {
    pub(super) fn documents(&self, which: List) -> Result<OutFile, CollateError> {
        let page = match which {
            List::Theme(t) => self.theme(t),
            List::Board(b) => self.board(b),
            List::Year(y) => self.year(y),
            List::Term(f, t) => self.term(f, t),
        };
        let mut c = self.page(2, page.title, page.section, page.crumbs);
        c.insert("caption", &page.caption);
        c.insert("intro", &page.intro);
        c.insert("count", &page.count);
        c.insert("related", &page.related);
        c.insert("show_toc", &(page.sections.len() > 1));
        let (sections, items) = page.sections.into_iter().unzip();
        self.render_blocks(
            &page.path,
            "region/list.html",
            c,
            "sections",
            sections,
            items,
        )
    }

    /// A list in one section without a heading.
    fn one_section(&self, entries: &[usize]) -> Vec<Listed<'_>> {
        vec![section(
            "documents".into(),
            None,
            self.items(entries, false),
        )]
    }

    fn term(&self, f: Facet, t: usize) -> ListPage<'_> {
        let term = &f.terms(self.region)[t];
        ListPage {
            path: format!("{}/{}/index.html", f.folder(), term.path),
            section: f.folder(),
            title: &term.label,
            caption: Some(f.noun()),
            intro: match term.key {
                Some(_) => f.term_intro().into(),
                None => format!("that give no {}", f.noun().to_lowercase()),
            },
            crumbs: vec![crumb(format!("{}/index.html", f.folder()), f.title())],
            related: vec![],
            count: term.entries.len(),
            sections: self.one_section(&term.entries),
        }
    }

    fn theme(&self, t: usize) -> ListPage<'_> {
        let r = self.region;
        let th = &r.themes[t];
        let mut related = Vec::new();
        if !th.recs.is_empty() {
            related.push(Related {
                href: format!("../../recommendations/{}/index.html", th.path),
                title: format!("Recommendations on {}", th.label),
                note: Some(format!(
                    "{}, {} overdue",
                    th.recs.len(),
                    self.overdue_in(&th.recs)
                )),
            });
        }
        // Newest first, in sections by year: the theme × year cells link to them.
        let mut sections = Vec::new();
        for y in (0..r.years.len())
            .rev()
            .filter(|&y| r.years[y].key.is_some())
            .chain((0..r.years.len()).filter(|&y| r.years[y].key.is_none()))
        {
            let list: Vec<usize> = th
                .entries
                .iter()
                .copied()
                .filter(|&e| r.entries[e].year == y)
                .collect();
            if !list.is_empty() {
                sections.push(section(
                    format!("year-{}", r.years[y].path),
                    Some(r.years[y].label.clone()),
                    self.items(&list, true),
                ));
            }
        }
        let boards = th.documents.by_board.iter().filter(|n| **n > 0).count();
        ListPage {
            path: format!("themes/{}/index.html", th.path),
            section: "themes",
            title: &th.label,
            caption: Some("Theme"),
            intro: format!(
                "on this theme, from {} across {}",
                plural(th.reviews.total, "review", "reviews"),
                plural(boards, "board", "boards")
            ),
            crumbs: vec![crumb("themes/index.html", "Themes")],
            related,
            count: th.documents.total,
            sections,
        }
    }

    fn board(&self, b: usize) -> ListPage<'_> {
        let r = self.region;
        let bd = &r.boards[b];
        let mut related = Vec::new();
        if let Some(url) = bd.source.as_ref().and_then(|s| s.base_url.clone()) {
            related.push(Related {
                href: url,
                title: format!("{}’s own learning site", bd.name),
                note: None,
            });
        }
        // In sections by theme: the theme × board cells link to them.
        let mut sections: Vec<Listed> = self.board_themes[b]
            .iter()
            .map(|(t, list)| {
                section(
                    format!("theme-{}", r.themes[*t].path),
                    Some(r.themes[*t].label.clone()),
                    self.items(list, false),
                )
            })
            .collect();
        let untagged: Vec<usize> = bd
            .entries
            .iter()
            .copied()
            .filter(|&e| r.entries[e].themes.is_empty())
            .collect();
        if !untagged.is_empty() {
            sections.push(section(
                "no-theme".into(),
                Some("No theme given".into()),
                self.items(&untagged, false),
            ));
        }
        ListPage {
            path: format!("boards/{}/index.html", bd.path),
            section: "boards",
            title: &bd.name,
            caption: Some("Board"),
            intro: format!(
                "from {}, by theme (a document appears under each of its themes)",
                bd.name
            ),
            crumbs: vec![crumb("boards/index.html", "Boards")],
            related,
            count: bd.entries.len(),
            sections,
        }
    }

    fn year(&self, y: usize) -> ListPage<'_> {
        let yr = &self.region.years[y];
        ListPage {
            path: format!("years/{}/index.html", yr.path),
            section: "years",
            title: &yr.label,
            caption: Some("Year"),
            intro: match yr.key {
                Some(y) => format!("published in {y}"),
                None => "with no publication date".into(),
            },
            crumbs: vec![crumb("years/index.html", "Years")],
            related: vec![],
            count: yr.entries.len(),
            sections: self.one_section(&yr.entries),
        }
    }
}
