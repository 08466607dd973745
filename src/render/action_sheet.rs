//! The team action sheet: a printable companion page to each 7-minute briefing
//! (`briefings/<slug>/action-sheet/`), with the briefing's title, reference and "what to do"
//! points, and a table for the team to fill in at its meeting. A returned sheet is recorded as
//! a feedback file (`content/feedback/`, see [`crate::content::feedback`]).

use super::markdown;
use super::view::{self, Crumb, DocView};
use super::{Pages, Renderer};
use crate::content::{Document, Kind};
use rayon::prelude::*;

/// The folder of a briefing's action sheet, under the briefing's own.
pub(crate) const FOLDER: &str = "action-sheet/";

/// The site path of a briefing's action sheet: `briefings/adult-d/action-sheet/`.
pub(crate) fn url_of(briefing_url: &str) -> String {
    format!("{briefing_url}{FOLDER}")
}

/// The markdown of section 7 ("What to do") of a briefing's body, without its heading: the
/// lines after the first heading numbered 7, up to the next heading of the same or a higher
/// level.
pub(crate) fn what_to_do(body: &str) -> Option<&str> {
    fn heading(line: &str) -> Option<(usize, &str)> {
        let t = line.trim_start();
        let level = t.chars().take_while(|&c| c == '#').count();
        let rest = &t[level..];
        ((1..=6).contains(&level) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
            .then(|| (level, rest.trim()))
    }
    let mut start = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let Some((level, text)) = heading(line) else {
            continue;
        };
        match start {
            None => {
                let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
                if digits == "7" {
                    start = Some((level, offset));
                }
            }
            Some((l, s)) if level <= l => return Some(body[s..here].trim()),
            Some(_) => {}
        }
    }
    start.map(|(_, s)| body[s..].trim())
}

/// An action sheet per briefing among `docs`, in parallel.
pub(crate) fn pages(r: &Renderer, docs: &[&Document], views: &[DocView], out: &mut Pages) {
    let return_to = r.config.feedback.return_to.as_deref();
    let pages: Vec<_> = docs
        .par_iter()
        .zip(views.par_iter())
        .filter(|(d, _)| d.kind == Kind::Briefing)
        .map(|(d, v)| {
            let url = url_of(&d.url);
            let root = view::root_for(&url);
            let points = what_to_do(d.body()).map(|md| markdown::render(md, &url, &root).html);
            let crumbs = vec![
                Crumb {
                    title: Kind::Briefing.plural().to_string(),
                    href: "briefings/index.html".to_string(),
                },
                Crumb {
                    title: d.title.clone(),
                    href: view::href(&d.url),
                },
            ];
            let title = format!("Team action sheet: {}", d.title);
            let mut ctx = r.context(&url, &title, "briefings", &crumbs);
            ctx.insert("doc", v);
            ctx.insert("points", &points);
            ctx.insert("return_to", &return_to);
            ctx.insert(
                "page_description",
                "A sheet for a team to record its discussion of a 7-minute briefing and what it will do differently.",
            );
            r.page(
                "action_sheet.html",
                &ctx,
                &url,
                &format!("the action sheet for {}", d.rel_path),
            )
        })
        .collect();
    for p in pages {
        out.add(p);
    }
}

#[cfg(test)]
mod tests {
    use super::what_to_do;

    #[test]
    fn section_seven_is_found_up_to_the_next_heading() {
        let body = "## 6. Questions\n\n- Why?\n\n## 7. What to do\n\n- Read it.\n- Book training.\n\n### Links\n\nmore\n\n## Further reading\n\nx\n";
        assert_eq!(
            what_to_do(body),
            Some("- Read it.\n- Book training.\n\n### Links\n\nmore")
        );
        assert_eq!(what_to_do("## 7) Act\n\nDo this."), Some("Do this."));
        assert_eq!(what_to_do("## 17. Not seven\n\nx"), None);
        assert_eq!(what_to_do("no headings"), None);
    }
}
