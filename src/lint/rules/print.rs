//! Does a 7-minute briefing print on one A4 page? An estimate of the printed lines, from the
//! theme's print styles (`layouts/assets/style.css`, `@media print`): A4 portrait, 12 mm
//! margins, 10pt text with 13pt lines in two columns of about 48 characters.
//!
//! The figures below were fitted to Chromium: 315 generated briefings (three title and summary
//! lengths × five shapes from one paragraph a section to eight-word list items × 400 to 800
//! words) printed to PDF and their pages counted. With the one line of slack kept back here,
//! the estimate accepted no briefing that printed on two pages (and refused 10 of the 228 that
//! fitted, all within two lines of the foot of the page). `tests/browser/print.test.mjs` prints
//! every example briefing and one written to the limit.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Characters on a line of a column (paragraphs); list items lose their indent.
const COLUMN_CHARS: f64 = 48.0;
const LIST_CHARS: f64 = COLUMN_CHARS * 0.93;
/// Lines a column holds on an A4 page.
const COLUMN_LINES: f64 = 59.0;
/// The space after a paragraph and after a list item, and what a section heading takes, in lines.
const PARAGRAPH_GAP: f64 = 0.2;
const ITEM_GAP: f64 = 0.1;
const HEADING_LINES: f64 = 1.5;
/// The title runs across both columns, 60 characters a line of 1.5 lines; the summary 87
/// characters a line of 1.1 lines; the caption and the source line (board, reference, date,
/// address) take 3.5 lines.
const TITLE_CHARS: f64 = 60.0;
const SUMMARY_CHARS: f64 = 87.0;
const FIXED_TOP_LINES: f64 = 3.5;
/// Lines kept back, so that the estimate errs on the side of a second page.
const SLACK: f64 = 1.0;

/// The estimate for one briefing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PrintFit {
    /// Words of the body (as the reading time counts them).
    pub(crate) words: usize,
    /// The body's blocks: (is a list item, characters).
    blocks: Vec<(bool, usize)>,
    headings: usize,
    /// Column lines the page has for the body (both columns, below the title and summary).
    pub(crate) capacity: f64,
}

impl PrintFit {
    /// Column lines the body takes with each block's text `scale` times as long.
    fn lines_at(&self, scale: f64) -> f64 {
        let blocks: f64 = self
            .blocks
            .iter()
            .map(|&(item, chars)| {
                let chars = (chars as f64 * scale).ceil() as usize;
                if item {
                    lines_of(chars, LIST_CHARS) + ITEM_GAP
                } else {
                    lines_of(chars, COLUMN_CHARS) + PARAGRAPH_GAP
                }
            })
            .sum();
        blocks + self.headings as f64 * HEADING_LINES
    }
    /// Column lines the body takes.
    pub(crate) fn lines(&self) -> f64 {
        self.lines_at(1.0)
    }
    pub(crate) fn fits(&self) -> bool {
        self.lines() <= self.capacity
    }
    /// About how many words of this briefing, laid out as it is (the same headings and
    /// points, each longer or shorter in proportion), fit on the page.
    pub(crate) fn word_limit(&self) -> usize {
        if self.lines_at(0.0) > self.capacity {
            return 0;
        }
        let (mut lo, mut hi) = (0.0, 1.0);
        while self.lines_at(hi) <= self.capacity && hi < 64.0 {
            (lo, hi) = (hi, hi * 2.0);
        }
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if self.lines_at(mid) <= self.capacity {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        (self.words as f64 * lo).floor() as usize
    }
}

fn lines_of(chars: usize, per_line: f64) -> f64 {
    (chars as f64 / per_line).ceil().max(1.0)
}

/// Estimate how `body` (markdown) prints under `title` and `summary`.
pub(crate) fn estimate(title: &str, summary: Option<&str>, body: &str) -> PrintFit {
    let top = 1.5 * lines_of(title.chars().count(), TITLE_CHARS)
        + summary.map_or(0.0, |s| 1.1 * lines_of(s.chars().count(), SUMMARY_CHARS))
        + FIXED_TOP_LINES;
    let capacity = 2.0 * (COLUMN_LINES - top) - SLACK;
    // Open blocks: (is a list item, characters so far). A paragraph inside a list item adds
    // to the item.
    let mut open: Vec<(bool, usize)> = Vec::new();
    let mut blocks = Vec::new();
    let mut headings = 0;
    for ev in Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES) {
        match ev {
            Event::Start(Tag::Item) => open.push((true, 0)),
            Event::Start(Tag::Paragraph | Tag::TableRow | Tag::TableHead | Tag::CodeBlock(_))
                if !open.last().is_some_and(|b| b.0) =>
            {
                open.push((false, 0))
            }
            Event::End(TagEnd::Item) => blocks.extend(open.pop()),
            Event::End(
                TagEnd::Paragraph | TagEnd::TableRow | TagEnd::TableHead | TagEnd::CodeBlock,
            ) if open.last().is_some_and(|b| !b.0) => blocks.extend(open.pop()),
            Event::End(TagEnd::Heading(_)) => headings += 1,
            Event::Text(t) | Event::Code(t) => {
                if let Some(b) = open.last_mut() {
                    // A line of a code block is a printed line of its own.
                    b.1 += t.chars().count() + COLUMN_CHARS as usize * t.matches('\n').count();
                }
            }
            Event::SoftBreak => {
                if let Some(b) = open.last_mut() {
                    b.1 += 1;
                }
            }
            Event::HardBreak => {
                if let Some(b) = open.last_mut() {
                    b.1 = b.1.next_multiple_of(COLUMN_CHARS as usize);
                }
            }
            _ => {}
        }
    }
    PrintFit {
        words: words(body),
        blocks,
        headings,
        capacity,
    }
}

/// The words of `body` that hold a letter or digit (split at white space): byte by byte when the
/// text is ASCII (nearly always), else by `split_whitespace`.
fn words(body: &str) -> usize {
    if !body.is_ascii() {
        return body
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
    }
    let mut count = 0;
    // In a word, and has it been counted (it holds a letter or digit)?
    let mut in_word = false;
    let mut counted = false;
    for &c in body.as_bytes() {
        // The ASCII characters that `char::is_whitespace` says are white space (U+000B too).
        if matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
            in_word = false;
        } else {
            if !in_word {
                in_word = true;
                counted = false;
            }
            if !counted && c.is_ascii_alphanumeric() {
                counted = true;
                count += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_byte_by_byte_as_split_whitespace() {
        let slow = |s: &str| {
            s.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        };
        let mut cases = vec![
            String::new(),
            " ".into(),
            "a".into(),
            "- 1. **Background**\n\nThe  team\tmet -- on\x0b3\x0cMay\r\n(see: [x](y)) !! ".into(),
            "caf\u{e9} na\u{ef}ve\u{a0}word \u{2014} \u{85}x".into(),
        ];
        for c in 0..128u8 {
            cases.push(format!("ab{}cd - {} x", c as char, c as char));
        }
        for s in &cases {
            assert_eq!(words(s), slow(s), "{s:?}");
        }
    }

    fn sections(paragraph: &str, items: usize, item: &str) -> String {
        let mut s = String::new();
        for n in 1..=7 {
            s.push_str(&format!("## {n}. Section\n\n"));
            if items == 0 {
                s.push_str(paragraph);
                s.push_str("\n\n");
            } else {
                for _ in 0..items {
                    s.push_str(&format!("- {item}\n"));
                }
                s.push('\n');
            }
        }
        s
    }

    #[test]
    fn many_short_points_take_more_of_the_page_than_the_same_words_in_paragraphs() {
        let words = "word ".repeat(10);
        let points = sections("", 8, words.trim());
        let paragraphs = sections(&"word ".repeat(80), 0, "");
        let a = estimate("T", None, &points);
        let b = estimate("T", None, &paragraphs);
        assert_eq!(a.words, b.words);
        assert!(a.lines() > b.lines(), "{a:?} {b:?}");
        assert!(a.word_limit() < b.word_limit());
    }

    #[test]
    fn a_long_title_and_summary_leave_less_room() {
        let body = sections(&"word ".repeat(70), 0, "");
        let short = estimate("T", None, &body);
        let long = estimate(&"Title ".repeat(30), Some(&"summary ".repeat(40)), &body);
        assert!(long.capacity < short.capacity);
        assert!(short.fits());
    }

    #[test]
    fn the_word_limit_is_where_the_estimate_stops_fitting() {
        let fit = estimate("T", None, &sections(&"word ".repeat(200), 0, ""));
        assert!(!fit.fits());
        assert!(fit.word_limit() < fit.words);
        // Seven headings of two words, and the rest in seven paragraphs.
        let per_section = (fit.word_limit() - 14) / 7;
        let at = estimate("T", None, &sections(&"word ".repeat(per_section), 0, ""));
        assert!(at.fits(), "{at:?}");
        let over = estimate(
            "T",
            None,
            &sections(&"word ".repeat(per_section + 12), 0, ""),
        );
        assert!(!over.fits(), "{over:?}");
    }
}
