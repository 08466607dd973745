//! The template set: the default theme compiled into the binary, overridden file by file
//! by the site's `layouts/` folder. Templates are parsed once per build.

use std::path::Path;
use tera::Tera;

/// `(path under layouts/, its text)` for each file named, compiled into the binary.
macro_rules! theme_files {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../../layouts/", $path)))),*]
    };
}

/// How many of [`DEFAULT_TEMPLATES`], from the first, are the frame of every page: `base.html`
/// and the partials it includes (see [`super::frame`]).
pub(crate) const FRAME_COUNT: usize = 6;

/// The default theme's templates, compiled in, by name. A template's name is its path under
/// `layouts/`: board pages use `<name>.html`, regional pages `region/<name>.html`; both extend
/// `base.html`, which includes the shared `partials/`. A site's own `layouts/<same path>`
/// replaces the default one (see [`load`]).
pub(crate) const DEFAULT_TEMPLATES: &[(&str, &str)] = theme_files![
    // The frame of every page, board and regional (the first FRAME_COUNT).
    "base.html",
    "partials/quick_exit.html",
    "partials/header.html",
    "partials/search_box.html",
    "partials/breadcrumbs.html",
    "partials/footer.html",
    "partials/pagination.html",
    "search.html",
    // Board sites.
    "macros.html",
    "home.html",
    "review.html",
    "briefing.html",
    "action_sheet.html",
    "digest.html",
    "digest_list.html",
    // The email of `learnsite digest` (standalone: inline styles, no scripts).
    "email/digest.html",
    // The annual report section of `learnsite report` (standalone, printable).
    "report.html",
    "learning_summary.html",
    "page.html",
    "list.html",
    "terms.html",
    "tracker.html",
    "partials/tracker_row.html",
    "quality_markers.html",
    "404.html",
    // Regional sites.
    "region/home.html",
    "region/list.html",
    "region/table.html",
    "region/terms.html",
    "region/recommendations.html",
    "region/uptake.html",
    "region/quality_markers.html",
    "region/impact.html",
    "region/people.html",
];

/// The theme's stylesheet and script, written to `assets/` of every site (a board site's
/// `static/assets/` may replace them).
pub(crate) const DEFAULT_ASSETS: &[(&str, &str)] =
    theme_files!["assets/style.css", "assets/site.js"];

/// What a regional site adds to the theme's stylesheet.
pub(crate) const REGION_ASSETS: &[(&str, &str)] = theme_files!["assets/region.css"];

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("layouts/{file}: {message}")]
    Parse { file: String, message: String },
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// Describe a Tera error with its causes (Tera nests the useful part).
pub(crate) fn describe(e: &tera::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}

/// Load the default theme, then every `*.html` under `layouts_dir`: a file replaces the default
/// template of the same path (`layouts/home.html` the board home page, `layouts/region/home.html`
/// the regional one, `layouts/partials/footer.html` the footer of both); any other file is added
/// (for a site's own partials and macros).
pub(crate) fn load(layouts_dir: &Path) -> Result<Tera, TemplateError> {
    compile(&sources(layouts_dir)?)
}

/// [`load`], keeping the compiled templates in `cache` with a key of their sources: when
/// they are unchanged they are not compiled again. Returns the key too (every page made
/// with these templates depends on it).
pub(crate) fn load_cached<'a>(
    layouts_dir: &Path,
    cache: &'a mut Option<(super::memo::Key, Tera)>,
) -> Result<(&'a Tera, super::memo::Key), TemplateError> {
    let all = sources(layouts_dir)?;
    let mut h = super::memo::KeyHasher::new();
    h.add(&all);
    let key = h.finish();
    if cache.as_ref().is_none_or(|(k, _)| *k != key) {
        *cache = None;
        *cache = Some((key, compile(&all)?));
    }
    let (_, tera) = cache.as_ref().expect("just filled");
    Ok((tera, key))
}

/// The theme's templates with the site's `layouts/` over them: (name, text).
fn sources(layouts_dir: &Path) -> Result<Vec<(String, String)>, TemplateError> {
    let mut all = defaults();
    if layouts_dir.is_dir() {
        for e in walkdir::WalkDir::new(layouts_dir)
            .follow_links(false)
            .sort_by_file_name()
            .into_iter()
            .flatten()
        {
            let p = e.path();
            if !e.file_type().is_file() || p.extension().is_none_or(|x| x != "html") {
                continue;
            }
            let name = p
                .strip_prefix(layouts_dir)
                .unwrap_or(p)
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(p).map_err(|source| TemplateError::Io {
                path: format!("layouts/{name}"),
                source,
            })?;
            match all.iter_mut().find(|(n, _)| *n == name) {
                Some(slot) => slot.1 = text,
                None => all.push((name, text)),
            }
        }
    }
    Ok(all)
}

/// The default theme alone, without a site's templates.
pub(crate) fn default_theme() -> Result<Tera, TemplateError> {
    compile(&defaults())
}

pub(super) fn defaults() -> Vec<(String, String)> {
    DEFAULT_TEMPLATES
        .iter()
        .map(|(n, s)| (n.to_string(), s.to_string()))
        .collect()
}

/// A template that renders one document's list entry (the `doc_card` macro) on its own, so a
/// listing renders each entry once and reuses it on every page it appears on. Present only
/// when the site uses the default theme's `macros.html` and `list.html` (a site's own may
/// list documents differently).
pub(crate) const CARD_TEMPLATE: &str = "__learnsite/card.html";

/// One recommendation's row of the action tracker (`partials/tracker_row.html`, the site's
/// own if it has one), alone: rendered once for each recommendation and reused on every
/// tracker page it is on. Present only when the site uses the default theme's `tracker.html`,
/// which takes the rows so made.
pub(crate) const TRACKER_ROW_TEMPLATE: &str = "__learnsite/tracker_row.html";

/// Present (empty) when the site's tracker rows are the default theme's
/// (`tracker.html`, `partials/tracker_row.html` and `macros.html` unchanged): the rows are
/// then written without the template, as it would write them.
pub(crate) const NATIVE_TRACKER_ROW: &str = "__learnsite/native/tracker_row";

/// Present (empty) when the site's listing pages are the default theme's (`list.html`,
/// `macros.html` and `partials/pagination.html` unchanged): they are then written without
/// the templates (`listings::native`).
pub(crate) const NATIVE_LIST: &str = "__learnsite/native/list";

/// Present (empty) as `NATIVE_PAGE` + `name` when the site's `name` (one of
/// [`NATIVE_PAGES`]) and `macros.html` are the default theme's: those pages are then written
/// without the template, as it would write them.
pub(crate) const NATIVE_PAGE: &str = "__learnsite/native/";
const NATIVE_PAGES: &[&str] = &[
    "action_sheet.html",
    "digest.html",
    // Document pages, written so only in the default frame (see super::pages::native).
    "review.html",
    "briefing.html",
    "learning_summary.html",
    "page.html",
];

pub(super) fn compile(all: &[(String, String)]) -> Result<Tera, TemplateError> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(crate::escape::html);
    let is_default = |name: &str| {
        let default = DEFAULT_TEMPLATES.iter().find(|(n, _)| *n == name);
        let used = all.iter().find(|(n, _)| n == name);
        matches!((default, used), (Some((_, d)), Some((_, u))) if d == u)
    };
    let card = (is_default("macros.html") && is_default("list.html")).then_some((
        CARD_TEMPLATE,
        "{% import \"macros.html\" as m %}{{ m::doc_card(d=d, root=root) }}",
    ));
    let row = is_default("tracker.html").then_some((
        TRACKER_ROW_TEMPLATE,
        "{% include \"partials/tracker_row.html\" %}",
    ));
    let native_row = (is_default("tracker.html")
        && is_default("partials/tracker_row.html")
        && is_default("macros.html"))
    .then_some((NATIVE_TRACKER_ROW, ""));
    let native_list = (is_default("list.html")
        && is_default("macros.html")
        && is_default("partials/pagination.html"))
    .then_some((NATIVE_LIST, ""));
    let native_pages: Vec<String> = (NATIVE_PAGES.iter())
        .filter(|n| is_default("macros.html") && is_default(n))
        .map(|n| format!("{NATIVE_PAGE}{n}"))
        .collect();
    // The default theme's frame written without its templates (see super::frame).
    let mut framed: Vec<(String, String)> = Vec::new();
    if super::frame::frame_files().all(is_default) {
        framed.push((
            super::frame::FRAME_TEMPLATE.to_string(),
            super::frame::FRAME_SOURCE.to_string(),
        ));
        framed.extend(all.iter().filter_map(|(n, s)| {
            let f = super::frame::framed_source(s)?;
            Some((format!("{}{n}", super::frame::FRAMED), f))
        }));
    }
    tera.add_raw_templates(
        all.iter()
            .chain(&framed)
            .map(|(n, s)| (n.as_str(), s.as_str()))
            .chain(card)
            .chain(row)
            .chain(native_row)
            .chain(native_list)
            .chain(native_pages.iter().map(|n| (n.as_str(), ""))),
    )
    .map_err(|e| TemplateError::Parse {
        file: first_template_in(&e),
        message: describe(&e),
    })?;
    Ok(tera)
}

fn first_template_in(e: &tera::Error) -> String {
    let m = describe(e);
    m.split('\'').nth(1).unwrap_or("?").to_string()
}
