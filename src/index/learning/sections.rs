//! The sections of a learning summary a region reads side by side, as plain text.

use super::LearningSections;
use crate::lint::rules::template::learning_summary_section;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// The text under each heading of `body` that opens a section of the regional template
/// ("What was learnt about the case", "... about the review and its method", "How impact
/// will be audited"): paragraphs and list items on their own lines, markup dropped.
pub(crate) fn learning_sections(body: &str) -> LearningSections {
    let mut out = LearningSections::default();
    let mut heading: Option<String> = None;
    let mut current: Option<&'static str> = None;
    let mut text = String::new();
    let mut finish = |label: Option<&'static str>, text: &mut String| {
        let t = text.trim().to_string();
        text.clear();
        let slot = match label {
            Some("What was learnt about the case") => &mut out.case,
            Some("What was learnt about the review and its method") => &mut out.method,
            Some("How impact will be audited") => &mut out.impact_audit,
            _ => return,
        };
        if !t.is_empty() && slot.is_none() {
            *slot = Some(t);
        }
    };
    for ev in Parser::new(body) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) if level <= HeadingLevel::H3 => {
                finish(current.take(), &mut text);
                heading = Some(String::new());
            }
            Event::End(TagEnd::Heading(_)) if heading.is_some() => {
                current = heading.take().and_then(|h| learning_summary_section(&h));
            }
            Event::Text(t) | Event::Code(t) => match &mut heading {
                Some(h) => h.push_str(&t),
                None if current.is_some() => text.push_str(&t),
                None => {}
            },
            Event::SoftBreak | Event::HardBreak if current.is_some() => text.push(' '),
            Event::Start(Tag::Item) if current.is_some() => text.push_str("- "),
            Event::End(TagEnd::Paragraph | TagEnd::Item)
                if current.is_some() && !text.ends_with('\n') =>
            {
                text.push('\n')
            }
            _ => {}
        }
    }
    finish(current, &mut text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_sections_as_plain_text() {
        let body = "Intro.\n\n## What was learnt about the case\n\nAdult D *hoarded*.\nHe declined help.\n\n- capacity\n- risk\n\n## What was learned about the review and its method\n\nThe `learning event` worked.\n\n## Key recommendations: single-agency\n\nNot carried.\n\n## How impact will be audited\n\nCase file audit in 2027.\n";
        let s = learning_sections(body);
        assert_eq!(
            s.case.as_deref(),
            Some("Adult D hoarded. He declined help.\n- capacity\n- risk")
        );
        assert_eq!(s.method.as_deref(), Some("The learning event worked."));
        assert_eq!(s.impact_audit.as_deref(), Some("Case file audit in 2027."));
        assert_eq!(
            learning_sections("## Other comments\n\nNone.\n"),
            LearningSections::default()
        );
    }
}
