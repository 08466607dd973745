//! A review summary's findings: the markdown under its "Findings" heading (the sector's
//! template; also "Key findings", "What the review found"), up to the next heading of the same
//! level or higher. Footnote definitions the section refers to are kept with it.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Is this heading the findings section's?
fn is_findings(heading: &str) -> bool {
    let h = heading.trim().to_lowercase();
    h == "findings"
        || h.starts_with("findings ")
        || h.starts_with("findings:")
        || h == "key findings"
        || h.starts_with("key findings ")
        || h == "what the review found"
        || h == "what we found"
}

/// The findings section of `body`, without its heading; `None` when there is none (or it is
/// empty).
pub(crate) fn section(body: &str) -> Option<String> {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_FOOTNOTES);
    let mut heading: Option<(HeadingLevel, usize, String)> = None;
    // (level, start of the section's text)
    let mut open: Option<(HeadingLevel, usize)> = None;
    let mut range: Option<(usize, usize)> = None;
    let mut footnotes: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    for (ev, r) in Parser::new_ext(body, opts).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                if let Some((l, start)) = open {
                    if level <= l && range.is_none() {
                        range = Some((start, r.start));
                        open = None;
                    }
                }
                heading = Some((level, r.end, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, h)) = &mut heading {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, _, text)) = heading.take() {
                    if open.is_none() && range.is_none() && is_findings(&text) {
                        open = Some((level, r.end));
                    }
                }
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                footnotes.push((label.to_string(), r.clone()));
            }
            _ => {}
        }
    }
    let (start, end) = range.or_else(|| open.map(|(_, s)| (s, body.len())))?;
    let mut text = body[start..end].trim().to_string();
    // Definitions of the section's footnotes that sit outside it.
    for (label, r) in footnotes {
        if (r.start < start || r.start >= end) && text.contains(&format!("[^{label}]")) {
            text.push_str("\n\n");
            text.push_str(body[r].trim());
        }
    }
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_findings_section_up_to_the_next_heading_of_its_level() {
        let body = "## About\n\nText.\n\n## Findings\n\n### Good practice\n\n- Kept visiting[^a].\n\n### Areas for learning\n\n1. Capacity.\n\n## Recommendations\n\nFive.\n\n[^a]: A note.\n";
        let f = section(body).unwrap();
        assert!(f.starts_with("### Good practice"), "{f}");
        assert!(f.contains("1. Capacity."));
        assert!(!f.contains("Five."));
        assert!(
            f.ends_with("[^a]: A note."),
            "the footnote comes along: {f}"
        );
        assert_eq!(section("## About\n\nNo findings here.\n"), None);
        assert_eq!(
            section("Intro.\n\n## Key findings\n\nThe last section.\n").as_deref(),
            Some("The last section.")
        );
    }
}
