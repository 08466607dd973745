//! The report's blocks as markdown (GitHub-flavoured: tables, for an intranet page or a
//! further edit) and as the body of its HTML page.

use super::blocks::{Block, Line, Span, Table};
use crate::escape;

/// Escape what markdown would read as markup in running text.
fn md_text(s: &str, in_table: bool) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' => {
                o.push('\\');
                o.push(c);
            }
            '|' if in_table => o.push_str("\\|"),
            '\n' => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

fn md_line(line: &[Span], in_table: bool) -> String {
    let mut o = String::new();
    for s in line {
        // Emphasis may not begin or end with a space: keep the spaces outside it.
        let body = s.text.trim();
        if body.is_empty() {
            o.push_str(&md_text(&s.text, in_table));
            continue;
        }
        let lead = &s.text[..s.text.len() - s.text.trim_start().len()];
        let trail = &s.text[s.text.trim_end().len()..];
        let mut t = md_text(body, in_table);
        if let Some(url) = &s.link {
            t = if body == url {
                format!("<{url}>")
            } else {
                format!("[{t}]({})", url.replace(' ', "%20").replace(')', "%29"))
            };
        }
        if s.italic {
            t = format!("*{t}*");
        }
        if s.bold {
            t = format!("**{t}**");
        }
        o.push_str(&md_text(lead, in_table));
        o.push_str(&t);
        o.push_str(&md_text(trail, in_table));
    }
    // A paragraph that would start a heading, list or quote.
    let starts_block = o.starts_with('#')
        || o.starts_with('-')
        || o.starts_with('+')
        || o.starts_with("> ")
        || o.split_once(['.', ')'])
            .is_some_and(|(head, _)| !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit()));
    if starts_block && !in_table {
        o.insert(0, '\\');
    }
    o
}

fn md_table(t: &Table, o: &mut String) {
    if !t.caption.is_empty() {
        o.push_str(&format!("*{}*\n\n", md_text(&t.caption, false)));
    }
    let row = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    o.push_str(&row(t.head.iter().map(|h| md_text(h, true)).collect()));
    o.push_str(&row(t.head.iter().map(|_| "---".to_string()).collect()));
    for r in &t.rows {
        o.push_str(&row(r
            .iter()
            .map(|c| {
                c.iter()
                    .map(|l| md_line(l, true))
                    .collect::<Vec<_>>()
                    .join("<br>")
            })
            .collect()));
    }
    o.push('\n');
}

/// The report as markdown.
pub(crate) fn markdown(blocks: &[Block]) -> String {
    let mut o = String::new();
    for b in blocks {
        match b {
            Block::Heading(level, l) => {
                o.push_str(&"#".repeat(*level as usize));
                o.push(' ');
                o.push_str(&md_line(l, false));
                o.push_str("\n\n");
            }
            Block::Para(l) => {
                o.push_str(&md_line(l, false));
                o.push_str("\n\n");
            }
            Block::List { ordered, items } => {
                let mut numbers = [0usize; 8];
                for (depth, l) in items {
                    let d = (*depth as usize).min(7);
                    numbers[d] += 1;
                    numbers[d + 1..].iter_mut().for_each(|n| *n = 0);
                    o.push_str(&"   ".repeat(d));
                    if *ordered {
                        o.push_str(&format!("{}. ", numbers[d]));
                    } else {
                        o.push_str("- ");
                    }
                    o.push_str(&md_line(l, false));
                    o.push('\n');
                }
                o.push('\n');
            }
            Block::Table(t) => md_table(t, &mut o),
        }
    }
    o.trim_end().to_string() + "\n"
}

fn html_line(line: &[Span]) -> String {
    let mut o = String::new();
    for s in line {
        let mut t = escape::html(&s.text);
        if let Some(url) = &s.link {
            t = format!("<a href=\"{}\">{t}</a>", escape::html(url));
        }
        if s.italic {
            t = format!("<em>{t}</em>");
        }
        if s.bold {
            t = format!("<strong>{t}</strong>");
        }
        o.push_str(&t);
    }
    o
}

fn html_cell(c: &[Line]) -> String {
    c.iter()
        .map(|l| html_line(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn html_table(t: &Table, index: usize, o: &mut String) {
    let id = format!("table-{index}");
    o.push_str(&format!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{id}\">\n<table class=\"recommendations report-table\">\n<caption id=\"{id}\">{}</caption>\n<thead><tr>",
        escape::html(&t.caption)
    ));
    for h in &t.head {
        o.push_str(&format!("<th scope=\"col\">{}</th>", escape::html(h)));
    }
    o.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        o.push_str("<tr>");
        for (i, c) in r.iter().enumerate() {
            if i == 0 {
                o.push_str(&format!("<th scope=\"row\">{}</th>", html_cell(c)));
            } else {
                o.push_str(&format!("<td>{}</td>", html_cell(c)));
            }
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n</div>\n");
}

fn html_list(ordered: bool, items: &[(u8, Line)], o: &mut String) {
    let tag = if ordered { "ol" } else { "ul" };
    // Open lists, deepest last; each item stays open until a sibling or the end.
    let mut depth: Option<u8> = None;
    for (d, l) in items {
        match depth {
            None => o.push_str(&format!("<{tag}>\n<li>")),
            Some(cur) if *d > cur => {
                for _ in cur..*d {
                    o.push_str(&format!("\n<{tag}>\n<li>"));
                }
            }
            Some(cur) => {
                o.push_str("</li>\n");
                for _ in *d..cur {
                    o.push_str(&format!("</{tag}>\n</li>\n"));
                }
                o.push_str("<li>");
            }
        }
        o.push_str(&html_line(l));
        depth = Some(*d);
    }
    if let Some(cur) = depth {
        o.push_str("</li>\n");
        for _ in 0..cur {
            o.push_str(&format!("</{tag}>\n</li>\n"));
        }
        o.push_str(&format!("</{tag}>\n"));
    }
}

/// The report as the body of an HTML page (the template adds the frame). Every text is
/// escaped here; links are only full web and mail addresses ([`super::blocks::link`]).
pub(crate) fn html(blocks: &[Block]) -> String {
    let mut o = String::new();
    let mut tables = 0;
    for b in blocks {
        match b {
            Block::Heading(level, l) => {
                let id = crate::render::markdown::anchor(&super::blocks::text_of(l));
                o.push_str(&format!(
                    "<h{level} id=\"{}\">{}</h{level}>\n",
                    escape::html(&id),
                    html_line(l)
                ));
            }
            Block::Para(l) => o.push_str(&format!("<p>{}</p>\n", html_line(l))),
            Block::List { ordered, items } => html_list(*ordered, items, &mut o),
            Block::Table(t) => {
                tables += 1;
                html_table(t, tables, &mut o);
            }
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::super::blocks::{bold, link, plain};
    use super::*;

    #[test]
    fn markdown_escapes_what_would_be_markup() {
        let b = vec![
            Block::heading(2, "Reviews"),
            Block::Para(vec![plain("1. Not a list *or* <b>bold</b>")]),
            Block::Table(Table {
                caption: "c".into(),
                head: vec!["A".into(), "B".into()],
                rows: vec![vec![
                    vec![vec![link("Adult D", "https://x.example/a_d/")]],
                    vec![vec![bold("Evidence: "), plain("x")], vec![plain("a | b")]],
                ]],
                widths: vec![1, 1],
            }),
        ];
        let md = markdown(&b);
        assert!(
            md.starts_with("## Reviews\n\n\\1. Not a list \\*or\\* \\<b\\>bold\\</b\\>\n"),
            "{md}"
        );
        assert!(
            md.contains("| [Adult D](https://x.example/a_d/) | **Evidence:** x<br>a \\| b |"),
            "{md}"
        );
    }

    #[test]
    fn html_escapes_text_and_nests_lists() {
        let b = vec![Block::List {
            ordered: false,
            items: vec![
                (0, vec![plain("a <script>")]),
                (1, vec![plain("b")]),
                (0, vec![plain("c")]),
            ],
        }];
        assert_eq!(
            html(&b),
            "<ul>\n<li>a &lt;script&gt;\n<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ul>\n"
        );
    }
}
