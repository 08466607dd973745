//! Splitting a document's source into what the lint reads.
//!
//! The lint works on a *masked copy* of the whole file: every byte it must not read
//! (front-matter keys, structured values such as `published:` dates, suppression
//! comments, the `---` fences) is replaced by a space, so byte offsets in the copy are
//! byte offsets in the source and every finding maps straight back to line:column.
//! On top of the copy, [`Block`]s say what kind of text each stretch is (prose, a
//! heading, code, a front-matter value): the name rule reads capital letters differently
//! in a heading than in a sentence, and the jigsaw rule looks across a paragraph.

/// How capital letters should be read in a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Sentences: a capital letter mid-sentence means a proper noun.
    Prose,
    /// Headings, titles, table cells, code: capitals say little.
    Heading,
}

/// A stretch of lintable text: a paragraph, a list item, a heading, one front-matter value.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) mode: Mode,
}

/// Top-level front-matter keys whose values are structured data (dates, slugs, lists of
/// agreed words) rather than free text.
const SKIP_TOP_KEYS: &[&str] = &[
    "published",
    "updated",
    "draft",
    "embargo_until",
    "audience",
    "review_type",
    "methodology",
    "themes",
    "abuse_types",
    "statutory_basis",
    "incident",
    "commissioned",
    "completed",
    "pseudonyms",
    "agencies",
    "slug",
    "review",
    "reference",
    "region",
    "board",
    "status",
    // The person's codes are vocabulary slugs (an age band, never an age): safe on their own;
    // their combination with a place and a month is the `pii/jigsaw` rule's business.
    "person",
    // Feedback files (content/feedback/): the briefing's slug, the day it was discussed (not
    // a day in anyone's life), a month, counts.
    "briefing",
    "date",
    "by",
    "people",
    "rating",
];
/// Nested keys (inside recommendations, quality markers, full_report, scoping_period, impact,
/// a recommendation's updates) that hold data: dates, months, slugs and agency names.
const SKIP_NESTED_KEYS: &[&str] = &[
    "id",
    "status",
    "due",
    "revised_due",
    "revisit",
    "date",
    "scope",
    "themes",
    "agency",
    "available_until",
    "from",
    "to",
];
/// Top-level keys whose value is a title (title case).
const TITLE_KEYS: &[&str] = &["title"];

/// The prepared text of one document.
#[derive(Debug)]
pub(crate) struct Scanned {
    /// The source with unread bytes blanked (same length, newlines kept).
    pub(crate) text: String,
    pub(crate) blocks: Vec<Block>,
    /// Byte offset of the start of each line (index 0 is line 1).
    pub(crate) line_starts: Vec<usize>,
    /// Suppression comments: (0-based line index, byte start, byte end) of the comment text.
    pub(crate) comments: Vec<(usize, usize, usize)>,
    /// Lines (0-based) that are headings in the body, with their text range.
    pub(crate) headings: Vec<(usize, usize, usize)>,
    /// The words of every block, in order (see [`tokens`]).
    pub(crate) tokens: Vec<Token>,
    /// For each block (the same index as in `blocks`), its words in `tokens`.
    pub(crate) block_tokens: Vec<std::ops::Range<usize>>,
}

impl Scanned {
    /// The text of 1-based line `line` (without its line break).
    pub(crate) fn line_text<'s>(&self, src: &'s str, line: usize) -> &'s str {
        let i = line.saturating_sub(1);
        let s = self
            .line_starts
            .get(i)
            .copied()
            .unwrap_or(src.len())
            .min(src.len());
        let e = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(src.len())
            .min(src.len());
        src.get(s..e).unwrap_or("").trim_end_matches(['\n', '\r'])
    }

    /// 1-based (line, column-in-characters) of a byte offset.
    pub(crate) fn line_col(&self, src: &str, byte: usize) -> (usize, usize) {
        let byte = byte.min(src.len());
        let idx = match self.line_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let ls = self.line_starts[idx];
        let col = src.get(ls..byte).map(|s| s.chars().count()).unwrap_or(0) + 1;
        (idx + 1, col)
    }
}

fn line_starts(src: &str) -> Vec<usize> {
    let mut v = Vec::with_capacity(src.len() / 40 + 1);
    v.push(0);
    v.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
    v
}

fn blank(buf: &mut [u8], start: usize, end: usize) {
    for b in &mut buf[start..end] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// Is this line a suppression comment (HTML or YAML form)?
pub(crate) fn is_suppression_line(line: &str) -> bool {
    let t = line.trim_start();
    (t.starts_with("<!--") || t.starts_with('#')) && t.contains("learnsite-allow")
}

/// Prepare a document's source. `fm` is the 1-based first and last line of the
/// front-matter (inclusive) or `None`; `body_offset` the byte where the body starts.
pub(crate) fn scan(src: &str, fm: Option<(usize, usize)>, body_offset: usize) -> Scanned {
    let starts = line_starts(src);
    let mut buf: Vec<u8> = src.as_bytes().to_vec();
    let mut parts = Parts::default();
    let body_offset = body_offset.min(src.len());
    // Front-matter: blank everything before the body, then un-blank the values we read.
    let fm_keep = front_matter_values(src, &starts, fm, &mut parts.comments);
    // Blank the whole front-matter region, then restore kept values.
    blank(&mut buf, 0, body_offset);
    for &(s, e, mode) in &fm_keep {
        buf[s..e].copy_from_slice(&src.as_bytes()[s..e]);
        parts.blocks.push(Block {
            start: s,
            end: e,
            mode,
        });
    }

    body_blocks(src, &starts, body_offset, &mut buf, &mut parts);
    // SAFETY of the conversion: only ASCII bytes were written over whole lines or whole
    // values whose boundaries are char boundaries, so the buffer stays valid UTF-8; fall
    // back to a lossy copy rather than panic if that were ever not so.
    let text = String::from_utf8(buf)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    // The words of each block, once for every rule.
    let mut tokens = Vec::with_capacity(src.len() / 6);
    let block_tokens = parts
        .blocks
        .iter()
        .map(|b| {
            let first = tokens.len();
            push_tokens(&text, b.start, b.end, &mut tokens);
            first..tokens.len()
        })
        .collect();
    Scanned {
        text,
        blocks: parts.blocks,
        line_starts: starts,
        comments: parts.comments,
        headings: parts.headings,
        tokens,
        block_tokens,
    }
}

/// Byte range of line `i` (0-based) without its line break.
fn line_range(src: &str, starts: &[usize], i: usize) -> (usize, usize) {
    let s = starts[i];
    let mut e = starts.get(i + 1).copied().unwrap_or(src.len());
    // strip the newline (and a carriage return)
    if e > s && src.as_bytes()[e - 1] == b'\n' {
        e -= 1;
    }
    if e > s && src.as_bytes()[e - 1] == b'\r' {
        e -= 1;
    }
    (s, e)
}

/// What the body scan collects.
#[derive(Default)]
struct Parts {
    blocks: Vec<Block>,
    comments: Vec<(usize, usize, usize)>,
    headings: Vec<(usize, usize, usize)>,
}

/// The front-matter values the lint reads (free text, not keys or structured data), with how
/// capitals read in each; suppression comments go to `comments`. `fm` is the 1-based first and
/// last line of the front-matter.
fn front_matter_values(
    src: &str,
    starts: &[usize],
    fm: Option<(usize, usize)>,
    comments: &mut Vec<(usize, usize, usize)>,
) -> Vec<(usize, usize, Mode)> {
    let nlines = starts.len();
    let line_range = |i: usize| line_range(src, starts, i);
    let mut fm_keep: Vec<(usize, usize, Mode)> = Vec::new();
    if let Some((first, last)) = fm {
        let mut top_key = String::new();
        let mut block_scalar_indent: Option<usize> = None;
        let mut block_scalar_skip = false;
        for li in first.saturating_sub(1)..last.min(nlines) {
            let (s, e) = line_range(li);
            let line = &src[s..e];
            let indent = line.len() - line.trim_start().len();
            let trimmed = line.trim_start();
            if is_suppression_line(line) {
                comments.push((li, s + indent, e));
                continue;
            }
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            // Continuation of a `key: >` or `key: |` block scalar.
            if let Some(bi) = block_scalar_indent {
                if indent > bi {
                    if !block_scalar_skip {
                        fm_keep.push((s + indent, e, Mode::Prose));
                    }
                    continue;
                }
                block_scalar_indent = None;
            }
            let mut rest = trimmed;
            let mut off = s + indent;
            let mut item_indent = indent;
            if let Some(r) = rest.strip_prefix("- ") {
                off += 2;
                item_indent += 2;
                rest = r;
                let lead = rest.len() - rest.trim_start().len();
                off += lead;
                rest = rest.trim_start();
            } else if rest == "-" {
                continue;
            }
            let key = yaml_key(rest);
            let (value, voff, key_name) = match key {
                Some(k) => {
                    let after = &rest[k.len() + 1..];
                    let lead = after.len() - after.trim_start().len();
                    (after.trim_start(), off + k.len() + 1 + lead, Some(k))
                }
                None => (rest, off, None),
            };
            let top = indent == 0 && !trimmed.starts_with('-');
            if let (true, Some(k)) = (top, key_name) {
                top_key = k.to_string();
            }
            let skip = SKIP_TOP_KEYS.contains(&top_key.as_str())
                || key_name.is_some_and(|k| !top && SKIP_NESTED_KEYS.contains(&k));
            let value = value.trim_end();
            if value == ">"
                || value == "|"
                || value.starts_with(">-")
                || value.starts_with("|-")
                || value.starts_with(">+")
                || value.starts_with("|+")
            {
                block_scalar_indent = Some(if key_name.is_some() {
                    item_indent.max(indent)
                } else {
                    indent
                });
                block_scalar_skip = skip;
                continue;
            }
            if value.is_empty() || skip {
                continue;
            }
            let mode = if top && key_name.is_some_and(|k| TITLE_KEYS.contains(&k)) {
                Mode::Heading
            } else {
                Mode::Prose
            };
            // A one-line mapping (`- { date: 2025-02-10, text: "..." }`): its data keys'
            // values are skipped as they are on lines of their own.
            let mut from = voff;
            for (a, b) in flow_data_values(value) {
                if voff + a > from {
                    fm_keep.push((from, voff + a, mode));
                }
                from = voff + b;
            }
            if voff + value.len() > from {
                fm_keep.push((from, voff + value.len(), mode));
            }
        }
    }
    fm_keep
}

/// The blocks of the body, line by line: paragraphs and list items, headings, table cells, code.
/// Suppression comments are blanked in `buf` and listed.
fn body_blocks(src: &str, starts: &[usize], body_offset: usize, buf: &mut [u8], parts: &mut Parts) {
    let nlines = starts.len();
    let line_range = |i: usize| line_range(src, starts, i);
    let Parts {
        blocks,
        comments,
        headings,
    } = parts;
    let first_body_line = match starts.binary_search(&body_offset) {
        Ok(i) => i,
        Err(i) => i,
    };
    let mut fence: Option<&str> = None;
    let mut para: Option<(usize, usize)> = None;
    let flush = |para: &mut Option<(usize, usize)>, blocks: &mut Vec<Block>| {
        if let Some((s, e)) = para.take() {
            blocks.push(Block {
                start: s,
                end: e,
                mode: Mode::Prose,
            });
        }
    };
    for li in first_body_line..nlines {
        let (s, e) = line_range(li);
        if s < body_offset {
            continue;
        }
        let line = &src[s..e];
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            } else if !trimmed.is_empty() {
                blocks.push(Block {
                    start: s,
                    end: e,
                    mode: Mode::Heading,
                });
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut para, blocks);
            fence = Some(if trimmed.starts_with("```") {
                "```"
            } else {
                "~~~"
            });
            // the info string may hold words too
            let info = trimmed.trim_start_matches(['`', '~']);
            if !info.trim().is_empty() {
                blocks.push(Block {
                    start: e - info.len(),
                    end: e,
                    mode: Mode::Heading,
                });
            }
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut para, blocks);
            continue;
        }
        if is_suppression_line(line) {
            flush(&mut para, blocks);
            comments.push((li, s + indent, e));
            blank(buf, s, e);
            continue;
        }
        if trimmed.starts_with('#') {
            flush(&mut para, blocks);
            let text = trimmed.trim_start_matches('#');
            let hs = e - text.len();
            headings.push((li, hs, e));
            blocks.push(Block {
                start: hs,
                end: e,
                mode: Mode::Heading,
            });
            continue;
        }
        if trimmed.starts_with('|') {
            flush(&mut para, blocks);
            // each cell is its own block
            let mut pos = s + indent;
            for cell in trimmed.split('|') {
                let cs = pos;
                let ce = pos + cell.len();
                pos = ce + 1;
                if cell.trim().is_empty()
                    || cell.trim().chars().all(|c| matches!(c, '-' | ':' | ' '))
                {
                    continue;
                }
                blocks.push(Block {
                    start: cs,
                    end: ce,
                    mode: Mode::Prose,
                });
            }
            continue;
        }
        let list_item = is_list_item(trimmed);
        // A new list item, block quote or a heading-like line starts a new paragraph.
        if list_item {
            flush(&mut para, blocks);
        }
        para = match para {
            Some((ps, _)) => Some((ps, e)),
            None => Some((s + indent, e)),
        };
    }
    flush(&mut para, blocks);
}

fn is_list_item(t: &str) -> bool {
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") || t.starts_with("> ") {
        return true;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && digits < 4
        && matches!(t.as_bytes().get(digits), Some(b'.') | Some(b')'))
        && t.as_bytes().get(digits + 1) == Some(&b' ')
}

/// `key:` at the start of a YAML line (followed by a space or the end).
/// In a one-line YAML mapping `{ key: value, ... }`, the byte ranges of the values of
/// [`SKIP_NESTED_KEYS`], in order. Anything else (not a flow mapping) has none.
fn flow_data_values(value: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !value.starts_with('{') {
        return out;
    }
    let b = value.as_bytes();
    let mut i = 1;
    while i < b.len() {
        // At the start of an entry: skip spaces, read the key.
        while i < b.len() && (b[i] == b' ' || b[i] == b',') {
            i += 1;
        }
        let Some(key) = yaml_key(&value[i..]) else {
            break;
        };
        i += key.len() + 1;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        let v_start = i;
        // The value runs to the next comma or closing brace outside quotes and brackets.
        let mut quote: Option<u8> = None;
        let mut depth = 0usize;
        while i < b.len() {
            match (quote, b[i]) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b[i]),
                (None, b'[') => depth += 1,
                (None, b']') => depth = depth.saturating_sub(1),
                (None, b',' | b'}') if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
        if SKIP_NESTED_KEYS.contains(&key) && i > v_start {
            out.push((v_start, i));
        }
        if b.get(i) == Some(&b'}') {
            break;
        }
        i += 1;
    }
    out
}

fn yaml_key(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if b.is_empty() || !(b[0].is_ascii_alphabetic() || b[0] == b'_') {
        return None;
    }
    let n = b
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c == b'-')
        .count();
    if b.get(n) == Some(&b':') && matches!(b.get(n + 1), None | Some(b' ') | Some(b'\t')) {
        Some(&s[..n])
    } else {
        None
    }
}

/// A word in the text: letters with inner apostrophes or hyphens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The word is ASCII letters only (no apostrophe, hyphen or other letter): most words, which
    /// the rules can then read without looking at their bytes again.
    pub(crate) ascii: bool,
    /// ... and all of them lower-case.
    pub(crate) lower: bool,
}

/// Split `text[start..end]` into word tokens (absolute byte offsets).
pub(crate) fn tokens(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    out.clear();
    push_tokens(text, start, end, out);
}

/// [`tokens`], added to the end of `out`.
fn push_tokens(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        // Skip what is not a letter; ASCII a byte at a time.
        let b = bytes[i];
        if b < 0x80 {
            if !b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !c.is_alphabetic() {
                i += c.len_utf8();
                continue;
            }
        }
        let s = i;
        // The first run of ASCII letters, noting whether any is a capital (ASCII letters have
        // bit 0x20 set exactly when they are lower-case).
        let (n, capital) = ascii_letters(&bytes[i..end]);
        let run_end = i + n;
        // Most words end at an ASCII byte that is no apostrophe or hyphen: nothing more to read.
        i = match bytes.get(run_end) {
            Some(&c) if run_end < end && (c >= 0x80 || c == b'\'' || c == b'-') => {
                word_end(text, run_end, end)
            }
            _ => run_end,
        };
        let ascii = i == run_end && n > 0;
        out.push(Token {
            start: s,
            end: i,
            ascii,
            lower: ascii && !capital,
        });
    }
}

/// The length of the run of ASCII letters that `b` starts with, and whether one of them is a
/// capital: eight bytes at a time while they last.
#[inline]
fn ascii_letters(b: &[u8]) -> (usize, bool) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut n = 0;
    // ASCII letters have bit 0x20 set exactly when they are lower-case.
    let mut capital = false;
    while let Some(chunk) = b.get(n..n + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let x = u64::from_le_bytes(a);
        // Lower-cased, without the high bit: no byte can carry into the next below.
        let t = (x | (ONES * 0x20)) & !HIGH;
        // High bit of each byte that is an ASCII letter: 'a' <= t <= 'z' and below 0x80.
        let letters = t.wrapping_add(ONES * (0x80 - 0x61))
            & !t.wrapping_add(ONES * (0x80 - 0x7b))
            & !x
            & HIGH;
        let others = !letters & HIGH;
        // The letters of the run in this chunk: the bytes before the first other byte.
        let k = (others.trailing_zeros() / 8) as usize;
        let run = if k >= 8 {
            u64::MAX
        } else {
            (1u64 << (8 * k)) - 1
        };
        capital |= (!x & (ONES * 0x20) & run) != 0;
        n += k.min(8);
        if k < 8 {
            return (n, capital);
        }
    }
    for &c in &b[n..] {
        if !c.is_ascii_alphabetic() {
            break;
        }
        capital |= c.is_ascii_uppercase();
        n += 1;
    }
    (n, capital)
}

fn word_end(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = &text.as_bytes()[..end];
    loop {
        // The run of ASCII letters (most of every word).
        i += bytes[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let Some(&b) = bytes.get(i) else {
            return end;
        };
        if b < 0x80 {
            // inner apostrophe or hyphen followed by a letter
            if (b == b'\'' || b == b'-') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
                continue;
            }
            return i;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_alphabetic() {
            i += c.len_utf8();
            continue;
        }
        if c == '\u{2019}' && i + 3 < end && bytes[i + 3].is_ascii_alphabetic() {
            i += 3;
            continue;
        }
        return i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keys_and_structured_values() {
        let src = "---\ntitle: Adult D\npublished: 2024-07-15\nsummary: Karen met him\nrecommendations:\n  - id: R1\n    text: Do it\n---\nBody Karen.\n";
        let s = scan(src, Some((2, 7)), src.find("Body").unwrap());
        assert_eq!(s.text.len(), src.len());
        assert!(!s.text.contains("2024-07-15"));
        assert!(!s.text.contains("title"));
        assert!(s.text.contains("Adult D"));
        assert!(s.text.contains("Karen met him"));
        assert!(s.text.contains("Do it"));
        assert!(!s.text.contains("R1"));
        assert!(s.text.contains("Body Karen."));
        assert_eq!(s.line_col(src, src.find("Karen met").unwrap()), (4, 10));
    }

    #[test]
    fn data_in_one_line_mappings_is_skipped_and_text_kept() {
        let src = "---\ntitle: A\nrecommendations:\n  - id: R1\n    text: Do it\n    updates:\n      - { date: 2025-02-10, text: \"Karen, the manager, said: done\" }\n      - date: 2025-03-11\n        text: More\nperson: {age_band: 65-74, sex: female}\n---\nBody.\n";
        let s = scan(src, Some((2, 11)), src.find("Body").unwrap());
        assert!(!s.text.contains("2025-02-10"), "{}", s.text);
        assert!(!s.text.contains("2025-03-11"));
        assert!(!s.text.contains("65-74"));
        assert!(s.text.contains("\"Karen, the manager, said: done\" }"));
        assert!(s.text.contains("More"));
        assert_eq!(
            flow_data_values("{ date: 2025-02-10, text: \"a, b\", due: \"2025-03\" }"),
            vec![(8, 18), (39, 49)]
        );
        assert!(flow_data_values("Karen: not a mapping").is_empty());
    }

    #[test]
    fn runs_of_ascii_letters() {
        let slow = |b: &[u8]| {
            let n = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
            (n, b[..n].iter().any(u8::is_ascii_uppercase))
        };
        let mut cases: Vec<Vec<u8>> = vec![b"".to_vec(), b"word".to_vec(), b"abcdefgh".to_vec()];
        for s in [
            "abcdefghijklmnopq rst",
            "abcdefgH",
            "Abcdefghijk",
            "ab@[`{zZ",
            "caf\u{e9} x",
            "a-b",
            "\u{c1}bc",
            "z{",
            "Z[",
            "a`",
            "A@",
            "zzzzzzzzzzzzzzzz",
        ] {
            cases.push(s.as_bytes().to_vec());
        }
        // Every byte value at every place of a run.
        for at in 0..12 {
            for c in 0..=255u8 {
                let mut v = b"abcdefghijkl".to_vec();
                v[at] = c;
                cases.push(v);
            }
        }
        for c in &cases {
            assert_eq!(ascii_letters(c), slow(c), "{c:?}");
        }
    }

    #[test]
    fn tokens_keep_apostrophes_and_hyphens() {
        let t = "O'Brien met Mary-Jane’s son.";
        let mut v = Vec::new();
        tokens(t, 0, t.len(), &mut v);
        let words: Vec<&str> = v.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(words, vec!["O'Brien", "met", "Mary-Jane’s", "son"]);
    }
}
