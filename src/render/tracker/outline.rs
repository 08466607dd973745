//! The frame of every page of one kind, written once: with the default theme's frame
//! ([`crate::render::frame`]), pages of a kind (tracker pages, action sheets, monthly
//! updates) differ in a few texts of the frame (the title, the address, a breadcrumb) and in
//! their content. The frame is written once with a hole for each of those, and each page
//! fills the holes, instead of a template context per page with the site's settings in it.

use crate::render::frame::{self, FRAME_TEMPLATE};
use crate::render::memo::Ctx;
use crate::render::Renderer;

/// Is the site's template `name` the default theme's, to be written without it (see
/// [`crate::render::templates::NATIVE_PAGE`])? Without the default frame, never.
pub(crate) fn native(r: &Renderer, name: &str) -> bool {
    let marker = format!("{}{name}", crate::render::templates::NATIVE_PAGE);
    r.framed && r.tera.get_template(&marker).is_ok()
}

/// Where a page's own text goes in an [`Outline`].
pub(crate) const HOLE: &str = "\u{E003}";

/// The frame of pages of a kind, cut at its holes.
pub(crate) struct Outline {
    parts: Vec<String>,
}

impl Outline {
    /// The frame `base.html` writes with `ctx` around a page whose `head` block is as given
    /// and whose content block is a hole. `ctx` (the context of a page of the kind, each of
    /// its own texts in the frame a [`HOLE`]) must give `holes` holes, the content's the last;
    /// none if it does not (a site-wide text holds a hole), or without the default frame.
    pub(crate) fn new(r: &Renderer, ctx: &Ctx, head: &str, holes: usize) -> Option<Outline> {
        if !r.framed {
            return None;
        }
        // The title block as the frame's template writes it.
        let blank = r.tera.render(FRAME_TEMPLATE, &ctx.tera).ok()?;
        let title = blank.split(frame::MARK).next()?;
        let m = frame::MARK;
        let page = frame::page(&format!("{title}{m}{head}{m}{HOLE}{m}"), &ctx.tera)?;
        let parts: Vec<String> = page.split(HOLE).map(str::to_string).collect();
        (parts.len() == holes + 1).then_some(Outline { parts })
    }

    /// The frame before hole `i`, or after the last (`i` the number of holes).
    pub(crate) fn part(&self, i: usize) -> &str {
        &self.parts[i]
    }

    /// The frame's length in bytes.
    pub(crate) fn len(&self) -> usize {
        self.parts.iter().map(String::len).sum()
    }
}
