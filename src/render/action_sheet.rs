//! The team action sheet: a printable companion page to each 7-minute briefing
//! (`briefings/<slug>/action-sheet/`), with the briefing's title, reference and "what to do"
//! points, and a table for the team to fill in at its meeting. A returned sheet is recorded as
//! a feedback file (`content/feedback/`, see [`crate::content::feedback`]).

use super::markdown;
use super::memo::Ctx;
use super::native::{self, some};
use super::tracker::outline::{self, Outline, HOLE};
use super::view::{self, Crumb, DocView};
use super::{Pages, Renderer};
use crate::content::{Document, Kind};
use crate::escape::push_html;
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
    let look = outline::native(r, "action_sheet.html")
        .then(|| Look::new(r, docs, return_to))
        .flatten();
    let pages: Vec<_> = docs
        .par_iter()
        .zip(views.par_iter())
        .filter(|(d, _)| d.kind == Kind::Briefing)
        .map(|(d, v)| {
            let url = url_of(&d.url);
            let root = view::root_for(&url);
            let points = what_to_do(d.body()).map(|md| markdown::render(md, &url, &root).html);
            let look = look.as_ref().filter(|l| l.root == root);
            // The template's context, unless the page is written without it (the memo still
            // keys the page by it).
            let ctx = if look.is_some() && r.memo.is_none() {
                Ctx::new(false)
            } else {
                let crumbs = crumbs(&d.title, view::href(&d.url));
                let title = format!("Team action sheet: {}", d.title);
                let mut ctx = r.context(&url, &title, "briefings", &crumbs);
                ctx.insert("doc", v);
                ctx.insert("points", &points);
                ctx.insert("return_to", &return_to);
                ctx.insert("page_description", DESCRIPTION);
                ctx
            };
            let what = format!("the action sheet for {}", d.rel_path);
            r.page_made(
                "action_sheet.html",
                &ctx,
                &url,
                &what,
                |render| match look {
                    Some(look) => Ok(look.page(r, d, v, &url, points.as_deref())),
                    None => render(&ctx),
                },
            )
        })
        .collect();
    for p in pages {
        out.add(p);
    }
}

/// What search engines and link previews say of an action sheet.
const DESCRIPTION: &str = "A sheet for a team to record its discussion of a 7-minute briefing and what it will do differently.";

/// An action sheet's breadcrumbs: the briefings, then its briefing.
fn crumbs(title: &str, href: String) -> [Crumb; 2] {
    [
        Crumb {
            title: Kind::Briefing.plural().to_string(),
            href: "briefings/index.html".to_string(),
        },
        Crumb {
            title: title.to_string(),
            href,
        },
    ]
}

/// What every action sheet shares, written once: the frame around the page (with holes
/// for its title, address, briefing's breadcrumb and content) and the text around the
/// briefing's own. With the default theme, an action sheet is written here, byte for byte
/// what `action_sheet.html` would write (with `macros.html`'s `status_notes`): filling the
/// template was most of an action sheet's time, the briefing's whole view model put in
/// its context for the few texts the sheet shows.
struct Look<'a> {
    root: String,
    frame: Outline,
    return_to: Option<&'a str>,
}

impl<'a> Look<'a> {
    /// The look of the action sheets of `docs`; none if it cannot be written (a site-wide
    /// text holds a hole) or there are no briefings.
    fn new(r: &Renderer, docs: &[&Document], return_to: Option<&'a str>) -> Option<Look<'a>> {
        let d = docs.iter().find(|d| d.kind == Kind::Briefing)?;
        let url = url_of(&d.url);
        let crumbs = crumbs(HOLE, HOLE.to_string());
        let mut ctx = r.context(&url, HOLE, "briefings", &crumbs);
        ctx.insert("canonical", HOLE);
        ctx.insert("page_description", DESCRIPTION);
        let frame = Outline::new(r, &ctx, "", 5)?;
        Some(Look {
            root: view::root_for(&url),
            frame,
            return_to,
        })
    }

    /// The action sheet of briefing `d` (its view `v`) at `url`, with the points of its
    /// "what to do" section.
    fn page(
        &self,
        r: &Renderer,
        d: &Document,
        v: &DocView,
        url: &str,
        points: Option<&str>,
    ) -> String {
        let f = &self.frame;
        let mut w = String::with_capacity(f.len() + points.map_or(0, str::len) + 4096);
        w.push_str(f.part(0));
        w.push_str("Team action sheet: ");
        push_html(&mut w, &d.title);
        w.push_str(f.part(1));
        push_html(&mut w, &r.config.absolute_url(url));
        w.push_str(f.part(2));
        push_html(&mut w, &view::href(&d.url));
        w.push_str(f.part(3));
        push_html(&mut w, &d.title);
        w.push_str(f.part(4));
        self.content(&mut w, v, points);
        w.push_str(f.part(5));
        w
    }

    /// `action_sheet.html`'s content block.
    fn content(&self, w: &mut String, v: &DocView, points: Option<&str>) {
        w.push_str("\n<article class=\"document action-sheet\">\n<p class=\"caption\">Team action sheet · 7-minute briefing</p>\n<h1>");
        push_html(w, &v.title);
        w.push_str("</h1>\n");
        native::status_notes(w, v);
        w.push_str("\n\n<p class=\"action-sheet__source\">");
        if let Some(board) = some(&v.board) {
            push_html(w, board);
        }
        if let Some(reference) = some(&v.reference) {
            w.push_str(" · reference ");
            push_html(w, reference);
        }
        w.push_str(" · ");
        push_html(w, &v.canonical);
        w.push_str("</p>\n<p>Read the briefing together (it takes about seven minutes), talk about the questions it asks, then fill in this sheet.");
        if let Some(to) = self.return_to.filter(|s| !s.is_empty()) {
            w.push_str(" Return it to ");
            push_html(w, to);
            w.push('.');
        }
        w.push_str(" Write roles, not names, and never the names of people who use your service. Your answers are counted on the briefing’s page without your team’s name.</p>\n");
        if let Some(points) = points.filter(|p| !p.is_empty()) {
            w.push_str("\n<h2>What to do</h2>\n<div class=\"prose action-sheet__points\">");
            w.push_str(points);
            w.push_str("</div>\n");
        }
        w.push_str("\n<h2 id=\"our-discussion\">Our discussion</h2>\n<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"our-discussion\">\n<table class=\"action-table\">\n<caption class=\"visually-hidden\">To fill in: one row for each change the team will make</caption>\n<thead><tr><th scope=\"col\">Team or service</th><th scope=\"col\">Date discussed</th><th scope=\"col\">Who was there (roles)</th><th scope=\"col\">What we will do differently</th><th scope=\"col\">By when</th><th scope=\"col\">Who checks (role)</th></tr></thead>\n<tbody>\n");
        for _ in 0..4 {
            w.push_str("<tr><td></td><td></td><td></td><td></td><td></td><td></td></tr>\n");
        }
        w.push_str("</tbody>\n</table>\n</div>\n<p class=\"action-sheet__rating\">How useful was this briefing to your team? (circle one) &nbsp; 1 not useful &nbsp; 2 &nbsp; 3 &nbsp; 4 &nbsp; 5 very useful</p>\n<p class=\"no-print\"><a href=\"");
        push_html(w, &self.root);
        push_html(w, &v.href);
        w.push_str("\">Back to the briefing</a></p>\n<p class=\"no-print\"><button type=\"button\" class=\"button button--secondary\" data-print hidden>Print this sheet</button></p>\n</article>\n");
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
