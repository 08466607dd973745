//! The report as a list of blocks (headings, paragraphs, lists, tables) of plain text with
//! bold, italic and links: made once ([`super::compose`]) and written as markdown, HTML and
//! Word ([`super::write`], [`super::docx`]), so the three say the same in the same order.
//! A review's findings (markdown) become blocks too ([`from_markdown`]).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A run of text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Span {
    pub(crate) text: String,
    pub(crate) bold: bool,
    pub(crate) italic: bool,
    /// An absolute `http(s)://` or `mailto:` address (others are dropped, the text kept).
    pub(crate) link: Option<String>,
}

/// A paragraph's text.
pub(crate) type Line = Vec<Span>;
/// A table cell: its paragraphs.
pub(crate) type Cell = Vec<Line>;
/// A table row: its cells.
pub(crate) type Row = Vec<Cell>;

pub(crate) fn plain(s: impl Into<String>) -> Span {
    Span {
        text: s.into(),
        ..Span::default()
    }
}

pub(crate) fn bold(s: impl Into<String>) -> Span {
    Span {
        text: s.into(),
        bold: true,
        ..Span::default()
    }
}

pub(crate) fn link(s: impl Into<String>, url: &str) -> Span {
    Span {
        text: s.into(),
        link: safe_link(url),
        ..Span::default()
    }
}

/// Only full web and mail addresses are links in a report (it is read away from the site).
fn safe_link(url: &str) -> Option<String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        .then(|| u.to_string())
}

/// A table: a caption (what it shows, for screen readers and Word's alt text), column headings,
/// and rows of cells, each cell one or more paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub(crate) caption: String,
    pub(crate) head: Vec<String>,
    pub(crate) rows: Vec<Row>,
    /// Relative column widths (one per column; the writers scale them).
    pub(crate) widths: Vec<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// Level 1 (the report's title) to 6.
    Heading(u8, Line),
    Para(Line),
    /// Items, each with its depth (0 for the outer list).
    List {
        ordered: bool,
        items: Vec<(u8, Line)>,
    },
    Table(Table),
}

impl Block {
    pub(crate) fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading(level, vec![plain(text)])
    }
    pub(crate) fn para(text: impl Into<String>) -> Block {
        Block::Para(vec![plain(text)])
    }
    pub(crate) fn bullets(items: impl IntoIterator<Item = Line>) -> Block {
        Block::List {
            ordered: false,
            items: items.into_iter().map(|l| (0, l)).collect(),
        }
    }
}

/// The text of a line, without its markup.
pub(crate) fn text_of(line: &[Span]) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

/// Blocks of a markdown fragment (a review's findings). Headings are moved down so that the
/// fragment's first level becomes `top` (a `###` under a review's `####` heading becomes 5).
/// Footnote references become `[1]`, and their definitions paragraphs beginning `[1]`.
/// Images keep their description; raw HTML is dropped.
pub(crate) fn from_markdown(md: &str, top: u8) -> Vec<Block> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    let mut b = Builder::default();
    let first = Parser::new_ext(md, opts)
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(HeadingLevel::H3 as u8);
    for ev in Parser::new_ext(md, opts) {
        b.event(ev, first, top);
    }
    b.out
}

#[derive(Default)]
struct Builder {
    out: Vec<Block>,
    /// The paragraph or item being written.
    line: Line,
    bold: usize,
    italic: usize,
    link: Vec<Option<String>>,
    /// Open lists: ordered?
    lists: Vec<bool>,
    items: Vec<(u8, Line)>,
    heading: Option<u8>,
    table: Option<(Vec<String>, Vec<Row>, bool)>,
    footnotes: Vec<String>,
}

impl Builder {
    fn push(&mut self, text: &str) {
        self.line.push(Span {
            text: text.to_string(),
            bold: self.bold > 0,
            italic: self.italic > 0,
            link: self.link.last().cloned().flatten(),
        });
    }
    fn footnote(&mut self, label: &str) -> usize {
        match self.footnotes.iter().position(|f| f == label) {
            Some(i) => i + 1,
            None => {
                self.footnotes.push(label.to_string());
                self.footnotes.len()
            }
        }
    }
    fn take(&mut self) -> Line {
        let mut l = std::mem::take(&mut self.line);
        // Merge runs of the same form, and trim the ends.
        l.dedup_by(|b, a| {
            if a.bold == b.bold && a.italic == b.italic && a.link == b.link {
                a.text.push_str(&b.text);
                true
            } else {
                false
            }
        });
        if let Some(f) = l.first_mut() {
            f.text = f.text.trim_start().to_string();
        }
        if let Some(f) = l.last_mut() {
            f.text = f.text.trim_end().to_string();
        }
        l.retain(|s| !s.text.is_empty());
        l
    }
    fn end_item_text(&mut self) {
        let l = self.take();
        if !l.is_empty() {
            let depth = self.lists.len().saturating_sub(1) as u8;
            self.items.push((depth, l));
        }
    }
    fn event(&mut self, ev: Event, first: u8, top: u8) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading = Some((level as u8 + top).saturating_sub(first).clamp(1, 6));
            }
            Event::End(TagEnd::Heading(_)) => {
                let l = self.take();
                if let Some(level) = self.heading.take() {
                    self.out.push(Block::Heading(level, l));
                }
            }
            Event::Start(Tag::Paragraph) => {}
            Event::End(TagEnd::Paragraph) => {
                if !self.lists.is_empty() {
                    // Paragraphs inside an item run on.
                    self.push(" ");
                } else if self.table.is_none() {
                    let l = self.take();
                    if !l.is_empty() {
                        self.out.push(Block::Para(l));
                    }
                }
            }
            Event::Start(Tag::List(start)) => {
                if !self.lists.is_empty() {
                    self.end_item_text();
                }
                self.lists.push(start.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                self.end_item_text();
                let ordered = self.lists.pop().unwrap_or(false);
                if self.lists.is_empty() {
                    let items = std::mem::take(&mut self.items);
                    if !items.is_empty() {
                        self.out.push(Block::List { ordered, items });
                    }
                }
            }
            Event::Start(Tag::Item) => {}
            Event::End(TagEnd::Item) => self.end_item_text(),
            Event::Start(Tag::Strong) => self.bold += 1,
            Event::End(TagEnd::Strong) => self.bold = self.bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => self.italic += 1,
            Event::End(TagEnd::Emphasis) => self.italic = self.italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => self.link.push(safe_link(&dest_url)),
            Event::End(TagEnd::Link) => {
                self.link.pop();
            }
            Event::Start(Tag::Table(_)) => self.table = Some((Vec::new(), Vec::new(), false)),
            Event::Start(Tag::TableHead) => {
                if let Some(t) = &mut self.table {
                    t.2 = true;
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = &mut self.table {
                    t.2 = false;
                }
            }
            Event::Start(Tag::TableRow) => {
                if let Some((_, rows, _)) = &mut self.table {
                    rows.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => {}
            Event::End(TagEnd::TableCell) => {
                let l = self.take();
                if let Some((head, rows, in_head)) = &mut self.table {
                    if *in_head {
                        head.push(text_of(&l));
                    } else if let Some(r) = rows.last_mut() {
                        r.push(if l.is_empty() { Vec::new() } else { vec![l] });
                    }
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some((head, rows, _)) = self.table.take() {
                    let widths = vec![1; head.len()];
                    self.out.push(Block::Table(Table {
                        caption: String::new(),
                        head,
                        rows,
                        widths,
                    }));
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let n = self.footnote(&label);
                self.line.push(plain(format!("[{n}] ")));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                let l = self.take();
                if !l.is_empty() {
                    self.out.push(Block::Para(l));
                }
            }
            Event::FootnoteReference(label) => {
                let n = self.footnote(&label);
                self.push(&format!("[{n}]"));
            }
            Event::Text(t) | Event::Code(t) => self.push(&t),
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_markdown_becomes_blocks() {
        let md = "### Good practice\n\n- The nurses *kept* visiting.\n- The GP referred.\n\n### Areas for learning\n\n1. **Capacity was assessed once.** Adult D could explain[^exec].\n   More text.\n2. Agencies held [pieces](https://example.org/x) of the [picture](javascript:alert(1)).\n\n[^exec]: Executive capacity is acting on a decision.\n\n<div>raw</div>\n";
        let b = from_markdown(md, 5);
        assert_eq!(b[0], Block::heading(5, "Good practice"));
        let Block::List { ordered, items } = &b[1] else {
            panic!("{b:?}")
        };
        assert!(!ordered);
        assert_eq!(text_of(&items[0].1), "The nurses kept visiting.");
        assert!(items[0].1[1].italic);
        assert_eq!(b[2], Block::heading(5, "Areas for learning"));
        let Block::List { ordered, items } = &b[3] else {
            panic!("{b:?}")
        };
        assert!(ordered);
        assert_eq!(
            text_of(&items[0].1),
            "Capacity was assessed once. Adult D could explain[1]. More text."
        );
        assert!(items[0].1[0].bold);
        let links: Vec<Option<&str>> = items[1].1.iter().map(|s| s.link.as_deref()).collect();
        assert!(links.contains(&Some("https://example.org/x")));
        assert!(!items[1]
            .1
            .iter()
            .any(|s| s.link.as_deref().is_some_and(|l| l.contains("javascript"))));
        assert_eq!(
            b[4],
            Block::para("[1] Executive capacity is acting on a decision.")
        );
        assert_eq!(b.len(), 5, "raw HTML is dropped: {b:?}");
    }

    #[test]
    fn a_markdown_table_is_a_table() {
        let b = from_markdown("| Agency | Contacts |\n|---|---|\n| GP | 19 |\n", 5);
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.head, ["Agency", "Contacts"]);
        assert_eq!(t.rows[0][1], vec![vec![plain("19")]]);
    }
}
