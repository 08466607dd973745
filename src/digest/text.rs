//! A digest as plain text (for the plain part of an email, or to paste anywhere) and as
//! markdown (for a newsletter or an intranet page).

use super::model::{Digest, Entry};

/// Width plain text wraps at.
const WIDTH: usize = 72;

/// "A, B and C"; "A; B, C and D; E" when an item has a comma of its own.
pub fn and_list(items: &[String]) -> String {
    if items.iter().any(|i| i.contains(',')) {
        return items.join("; ");
    }
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "Learning themes include: A, B and C."
pub(crate) fn themes_line(e: &Entry) -> Option<String> {
    (!e.themes.is_empty()).then(|| format!("Learning themes include: {}.", and_list(&e.themes)))
}

/// "Recommendations include: X; Y (and 2 more)."
pub(crate) fn recommendations_line(e: &Entry) -> Option<String> {
    if e.recommendations.is_empty() {
        return None;
    }
    let list = e
        .recommendations
        .iter()
        .map(|r| r.trim().trim_end_matches('.').to_string())
        .collect::<Vec<_>>()
        .join("; ");
    let more = match e.more_recommendations {
        0 => String::new(),
        n => format!(" (and {n} more)"),
    };
    Some(format!("Recommendations include: {list}{more}."))
}

/// The sentence a digest with nothing in it says.
pub fn nothing_published(d: &Digest) -> String {
    format!("Nothing was published in {}.", in_period(&d.period))
}

fn in_period(p: &str) -> String {
    if p.contains(" to ") {
        format!("the period {p}")
    } else {
        p.to_string()
    }
}

/// Wrap `text` at [`WIDTH`] columns, by words.
fn wrap(text: &str, out: &mut String) {
    let mut line = 0;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if line > 0 && line + 1 + w > WIDTH {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += w;
    }
    out.push('\n');
}

/// The digest as plain text.
pub(crate) fn plain(d: &Digest) -> String {
    let mut s = String::new();
    s.push_str(&d.title);
    s.push('\n');
    s.push_str(&format!("Learning published: {}\n", d.period));
    s.push_str(&"=".repeat(WIDTH));
    s.push_str("\n\n");
    if d.groups.is_empty() {
        wrap(&nothing_published(d), &mut s);
    }
    for g in &d.groups {
        s.push_str(&g.label.to_uppercase());
        s.push_str("\n\n");
        for e in &g.entries {
            wrap(&e.heading, &mut s);
            wrap(&format!("{} (published {})", e.title, e.published), &mut s);
            for line in [&e.summary, &e.themes_line, &e.recommendations_line]
                .into_iter()
                .flatten()
            {
                wrap(line, &mut s);
            }
            s.push_str(&format!("Read it: {}\n\n", e.url));
        }
    }
    s.push_str(&"-".repeat(WIDTH));
    s.push('\n');
    if let Some(home) = &d.home_url {
        s.push_str(&format!("All the published learning: {home}\n"));
    }
    s
}

/// Escape what markdown would read as markup in plain text.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The digest as markdown.
pub(crate) fn markdown(d: &Digest) -> String {
    let mut s = format!("# {}\n\nLearning published: {}\n\n", md(&d.title), d.period);
    if d.groups.is_empty() {
        s.push_str(&nothing_published(d));
        s.push_str("\n\n");
    }
    for g in &d.groups {
        s.push_str(&format!("## {}\n\n", g.label));
        for e in &g.entries {
            s.push_str(&format!("### [{}]({})\n\n", md(&e.heading), e.url));
            s.push_str(&format!(
                "**{}** (published {})\n\n",
                md(&e.title),
                e.published
            ));
            for line in [&e.summary, &e.themes_line, &e.recommendations_line]
                .into_iter()
                .flatten()
            {
                s.push_str(&md(line));
                s.push_str("\n\n");
            }
        }
    }
    if let Some(home) = &d.home_url {
        s.push_str(&format!("[All the published learning]({home})\n"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_english() {
        let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&v(&["A"])), "A");
        assert_eq!(and_list(&v(&["A", "B", "C"])), "A, B and C");
        assert_eq!(and_list(&v(&["A, B and C", "D", "E"])), "A, B and C; D; E");
    }

    #[test]
    fn plain_text_wraps_at_72_columns() {
        let mut s = String::new();
        wrap(&"word ".repeat(40), &mut s);
        assert!(s.lines().all(|l| l.chars().count() <= WIDTH), "{s}");
        assert_eq!(s.split_whitespace().count(), 40);
    }

    #[test]
    fn markdown_escapes_markup_in_text() {
        assert_eq!(md("a *b* [c](d) #e"), "a \\*b\\* \\[c\\](d) \\#e");
    }
}
