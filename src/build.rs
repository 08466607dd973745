//! The build: load → lint → gate → render → index → write, in that order, data flowing
//! one way. Every error of every stage is collected; if there is any, nothing is written
//! and the previous output stays as it was.

use crate::config::{Config, LoadConfigError};
use crate::content::{self, Audience, Document, Kind, LoadOutcome, Site};
use crate::diagnostics::{self, Diagnostic};
use crate::gate::{Gate, Held, Publication};
use crate::index::{feed, taxonomy};
use crate::lint::Linter;
use crate::render::markdown::{self, Rendered};
use crate::render::templates::{self, DEFAULT_ASSETS};
use crate::render::view::{self, CardView, Crumb, DocView, LinkView, SiteView};
use crate::write::{self, OutFile, SiteFiles, WriteError};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// How to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (with `learnsite.yaml`).
    pub site: PathBuf,
    /// Output folder; default: the config's `output`, relative to the site.
    pub out: Option<PathBuf>,
    pub audience: Audience,
    pub drafts: bool,
    /// The build date (embargoes, overdue recommendations). Default: today.
    pub today: NaiveDate,
    /// A private file of real names for the lint, overriding `lint.known_names`.
    pub known_names: Option<PathBuf>,
}

impl BuildOptions {
    pub fn new(site: impl Into<PathBuf>) -> Self {
        BuildOptions {
            site: site.into(),
            out: None,
            audience: Audience::Public,
            drafts: false,
            today: chrono::Local::now().date_naive(),
            known_names: None,
        }
    }
}

/// One line of the end-of-build table.
#[derive(Debug, Clone, Serialize)]
pub struct DocStatus {
    pub file: String,
    pub kind: &'static str,
    pub title: String,
    pub url: String,
    /// `None` when published.
    pub held: Option<Held>,
}

/// What a build did.
#[derive(Debug, Clone, Serialize)]
pub struct BuildReport {
    pub out: PathBuf,
    pub audience: &'static str,
    pub documents: Vec<DocStatus>,
    /// Warnings (errors make the build fail).
    pub diagnostics: Vec<Diagnostic>,
    pub files_written: usize,
}

impl BuildReport {
    pub fn published(&self) -> impl Iterator<Item = &DocStatus> {
        self.documents.iter().filter(|d| d.held.is_none())
    }
    pub fn held(&self) -> impl Iterator<Item = &DocStatus> {
        self.documents.iter().filter(|d| d.held.is_some())
    }
    /// The table printed at the end of a build: what was published, held back and why.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let published: Vec<_> = self.published().collect();
        let held: Vec<_> = self.held().collect();
        s.push_str(&format!(
            "Published for {} readers: {} document{}\n",
            self.audience,
            published.len(),
            if published.len() == 1 { "" } else { "s" }
        ));
        let w = self
            .documents
            .iter()
            .map(|d| d.file.len())
            .max()
            .unwrap_or(0)
            .min(60);
        for d in &published {
            s.push_str(&format!("  published  {:w$}  {}\n", d.file, d.kind));
        }
        if !held.is_empty() {
            s.push_str(&format!(
                "Held back: {} document{}\n",
                held.len(),
                if held.len() == 1 { "" } else { "s" }
            ));
            for d in &held {
                s.push_str(&format!(
                    "  held       {:w$}  {}\n",
                    d.file,
                    d.held.as_ref().map(Held::describe).unwrap_or_default()
                ));
            }
        }
        s
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Config(#[from] LoadConfigError),
    #[error(transparent)]
    Load(#[from] content::load::LoadError),
    #[error("the theme could not be loaded: {0}")]
    Templates(#[from] templates::TemplateError),
    #[error("{0}")]
    Setup(String),
    #[error(transparent)]
    Write(#[from] WriteError),
    /// Content errors: the build is refused and nothing is written.
    #[error("the build found {} error{}; nothing was published and the previous output is unchanged", errors(.diagnostics), if errors(.diagnostics) == 1 { "" } else { "s" })]
    Refused {
        diagnostics: Vec<Diagnostic>,
        report: Box<BuildReport>,
    },
}

fn errors(d: &[Diagnostic]) -> usize {
    d.iter().filter(|x| x.is_error()).count()
}

impl BuildError {
    /// Exit code: 1 for findings/content errors, 2 for usage and I/O.
    pub fn exit_code(&self) -> i32 {
        match self {
            BuildError::Refused { .. }
            | BuildError::Config(LoadConfigError::Invalid(_))
            | BuildError::Templates(_) => 1,
            _ => 2,
        }
    }
}

/// Load a site (config + content).
pub fn load(site: &Path) -> Result<LoadOutcome, BuildError> {
    let config = Config::load(site)?;
    Ok(content::load_site(site, config)?)
}

/// Build the site.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let mut timer = Timer::new();
    let outcome = load(&opts.site)?;
    timer.lap("load");
    let site = &outcome.site;
    let mut diags = outcome.diagnostics.clone();
    let out_rel = opts
        .out
        .clone()
        .unwrap_or_else(|| site.config.output.clone());
    // --out is relative to the current folder; `output:` in learnsite.yaml to the site.
    let out_path = if out_rel.is_absolute() || opts.out.is_some() {
        out_rel.clone()
    } else {
        opts.site.join(&out_rel)
    };
    let out_abs = write::check_output(&opts.site, &out_path)?;

    let publication = Publication {
        audience: opts.audience,
        drafts: opts.drafts,
        today: opts.today,
    };
    let gate = Gate::apply(&site.documents, &publication);

    // Lint what this build would publish.
    let linter = Linter::new(&site.config, &opts.site, opts.known_names.as_deref())
        .map_err(|e| BuildError::Setup(e.to_string()))?;
    let candidates: Vec<&Document> = gate.visible.iter().map(|&i| &site.documents[i]).collect();
    let lint = linter.lint_all(&candidates);
    timer.lap("lint");
    let mut lint_errors: HashMap<String, usize> = HashMap::new();
    for f in &lint.findings {
        if f.is_error() {
            *lint_errors.entry(f.file.clone()).or_default() += 1;
        }
    }
    diags.extend(lint.findings.iter().cloned());

    let mut statuses: Vec<DocStatus> = Vec::new();
    let mut held_reason: HashMap<usize, Held> = gate.held.iter().cloned().collect();
    let mut visible: Vec<usize> = Vec::new();
    for &i in &gate.visible {
        let d = &site.documents[i];
        match lint_errors.get(&d.rel_path) {
            Some(&count) => {
                held_reason.insert(i, Held::LintErrors { count });
            }
            None => visible.push(i),
        }
    }
    for (i, d) in site.documents.iter().enumerate() {
        statuses.push(DocStatus {
            file: d.rel_path.clone(),
            kind: d.kind.as_str(),
            title: d.title.clone(),
            url: d.url.clone(),
            held: held_reason.get(&i).cloned(),
        });
    }
    statuses.sort_by(|a, b| a.file.cmp(&b.file));

    let tera = templates::load(&opts.site.join("layouts"))?;
    let docs: Vec<&Document> = visible.iter().map(|&i| &site.documents[i]).collect();
    let rendered = render_site(site, &docs, &held_reason, opts, &tera, &mut diags);
    timer.lap("render and index");
    let (rendered, visible_links) = match rendered {
        Some((f, l)) => (Some(f), l),
        None => (None, HashSet::new()),
    };

    diagnostics::sort(&mut diags);
    let report = BuildReport {
        out: out_abs.clone(),
        audience: opts.audience.as_str(),
        documents: statuses,
        diagnostics: diags.iter().filter(|d| !d.is_error()).cloned().collect(),
        files_written: 0,
    };
    let files = match rendered {
        Some(f) if errors(&diags) == 0 => f,
        _ => {
            return Err(BuildError::Refused {
                diagnostics: diags,
                report: Box::new(report),
            })
        }
    };

    // Write.
    let mut files = SiteFiles::from(files);
    let referenced_by_held = static_referenced_only_by_held(site, &visible, &visible_links);
    for f in &site.static_files {
        if referenced_by_held.contains(f) {
            continue;
        }
        files.copy(f.as_str(), site.root.join("static").join(f));
    }
    for (rel, text) in DEFAULT_ASSETS {
        if !site.static_files.iter().any(|f| f == rel) {
            files.push(*rel, text.as_bytes());
        }
    }
    let out = write::write_site(&out_abs, &files)?;
    timer.lap("write and swap in (and remove the previous output)");
    Ok(BuildReport {
        out,
        files_written: files.len(),
        ..report
    })
}

/// Stage timings, printed to stderr when `LEARNSITE_TIMINGS` is set (for benchmarks).
struct Timer {
    on: bool,
    last: std::time::Instant,
}

impl Timer {
    fn new() -> Timer {
        Timer {
            on: std::env::var_os("LEARNSITE_TIMINGS").is_some(),
            last: std::time::Instant::now(),
        }
    }
    fn lap(&mut self, what: &str) {
        if self.on {
            eprintln!("  {:>7.3}s  {what}", self.last.elapsed().as_secs_f64());
        }
        self.last = std::time::Instant::now();
    }
}

/// Column (0-based, in characters) of byte offset `b` on 1-based line `line` of `source`.
fn l_chars(source: &str, line: usize, b: usize) -> usize {
    source
        .lines()
        .nth(line - 1)
        .map(|l| l[..b.min(l.len())].chars().count())
        .unwrap_or(0)
}

/// Static files that only held-back documents link to: they stay out of the build.
fn static_referenced_only_by_held(
    site: &Site,
    visible: &[usize],
    by_visible: &HashSet<String>,
) -> HashSet<String> {
    let vis: HashSet<usize> = visible.iter().copied().collect();
    let by_held: HashSet<String> = site
        .documents
        .par_iter()
        .enumerate()
        .filter(|(i, _)| !vis.contains(i))
        .flat_map_iter(|(_, d)| {
            markdown::render(d.body(), &d.url, "")
                .internal_links
                .into_iter()
                .map(|(l, _)| l)
        })
        .collect();
    by_held.difference(by_visible).cloned().collect()
}

struct Common<'a> {
    site: SiteView,
    config: &'a Config,
    noindex: bool,
}

impl Common<'_> {
    fn context(&self, url: &str, title: &str, section: &str, crumbs: &[Crumb]) -> tera::Context {
        let mut c = tera::Context::new();
        c.insert("site", &self.site);
        c.insert("root", &view::root_for(url));
        c.insert("page_title", title);
        c.insert("page_url", url);
        c.insert("section", section);
        c.insert("crumbs", crumbs);
        c.insert("canonical", &self.config.absolute_url(url));
        c.insert("noindex", &self.noindex);
        c
    }
}

fn render_page(
    tera: &tera::Tera,
    name: &str,
    ctx: &tera::Context,
    url: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<OutFile> {
    match tera.render(name, ctx) {
        Ok(html) => Some(OutFile::new(format!("{}index.html", url), html)),
        Err(e) => {
            diags.push(
                Diagnostic::error("template/render", &format!("layouts/{name}"), 1, 1, format!("the page /{url} could not be made: {}", templates::describe(&e)))
                    .with_hint("check the template named here; remove your copy from layouts/ to use the default theme's"),
            );
            None
        }
    }
}

/// Render every page of the site. Returns `None` if a template failed.
fn render_site(
    site: &Site,
    docs: &[&Document],
    held: &HashMap<usize, Held>,
    opts: &BuildOptions,
    tera: &tera::Tera,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Vec<OutFile>, HashSet<String>)> {
    let config = &site.config;
    let today = opts.today;

    // Markdown, in parallel.
    let bodies: Vec<Rendered> = docs
        .par_iter()
        .map(|d| markdown::render(d.body(), &d.url, &view::root_for(&d.url)))
        .collect();
    let has_code = bodies.iter().any(|r| r.has_code);
    let mut site_view = SiteView::new(config, opts.audience, opts.drafts, today);
    site_view.has_highlight_css = has_code;
    let common = Common {
        site: site_view,
        config,
        noindex: opts.audience != Audience::Public || opts.drafts,
    };

    // Links to held-back documents are errors; links to nothing are warnings.
    let visible_urls: HashSet<&str> = docs.iter().map(|d| d.url.as_str()).collect();
    let held_urls: HashMap<&str, (&Document, &Held)> = held
        .iter()
        .map(|(&i, h)| (site.documents[i].url.as_str(), (&site.documents[i], h)))
        .collect();
    let static_set: HashSet<&str> = site.static_files.iter().map(String::as_str).collect();
    let taxonomies = taxonomy::build(docs, config, &site.vocab);
    let mut generated: HashSet<String> = [
        "",
        "reviews/",
        "briefings/",
        "learning-summaries/",
        "search/",
        "feed.xml",
        "sitemap.xml",
        "robots.txt",
        "learning-index.json",
        "learning-index.csv",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for tax in &taxonomies {
        generated.insert(format!("{}/", tax.section));
        for t in &tax.terms {
            generated.insert(format!("{}/{}/", tax.section, t.slug));
            generated.insert(format!("{}/{}/feed.xml", tax.section, t.slug));
        }
    }
    for (d, r) in docs.iter().zip(&bodies) {
        for (link, line) in &r.internal_links {
            let file_line = d.body_line + line - 1;
            let col = d
                .source
                .lines()
                .nth(file_line - 1)
                .and_then(|l| l.find(link.trim_end_matches('/')))
                .map(|b| l_chars(&d.source, file_line, b) + 1)
                .unwrap_or(1);
            if let Some((target, why)) = held_urls.get(link.as_str()) {
                diags.push(
                    Diagnostic::error(
                        "publish/link-to-held",
                        &d.rel_path,
                        file_line,
                        col,
                        format!(
                            "this links to “{}” ({}), which is not published in this {} build: {}",
                            target.title,
                            target.rel_path,
                            opts.audience.as_str(),
                            why.describe()
                        ),
                    )
                    .with_len(link.trim_end_matches('/').chars().count())
                    .with_hint("remove the link, or publish both documents to the same audience")
                    .with_source(&d.source),
                );
            } else if !visible_urls.contains(link.as_str())
                && !static_set.contains(link.as_str())
                && !generated.contains(link.as_str())
                && !link.starts_with("assets/")
                && !link.starts_with("search/")
            {
                diags.push(
                    Diagnostic::warning("publish/broken-link", &d.rel_path, file_line, col, format!("this links to /{link}, which is not a page or file of this site"))
                        .with_hint("check the address; links to other pages look like /reviews/adult-d/, files in static/ like /downloads/plan.pdf")
                        .with_source(&d.source),
                );
            }
        }
    }
    // `review:` links to held-back reviews.
    let by_slug: HashMap<&str, &Document> = docs
        .iter()
        .filter(|d| d.kind == Kind::Review)
        .map(|d| (d.slug.as_str(), *d))
        .collect();
    for d in docs {
        if let Some(r) = &d.meta.review {
            if !by_slug.contains_key(r.as_str()) {
                if let Some((target, why)) = held_urls.get(format!("reviews/{r}/").as_str()) {
                    let (line, col) = crate::content::frontmatter::locate_value(
                        &d.source[..d.body_offset],
                        1,
                        "review",
                        r,
                    )
                    .unwrap_or((1, 1));
                    diags.push(
                        Diagnostic::error(
                            "publish/link-to-held",
                            &d.rel_path,
                            line,
                            col,
                            format!("this {} belongs to the review “{}”, which is not published in this {} build: {}", d.kind.label().to_lowercase(), target.title, opts.audience.as_str(), why.describe()),
                        )
                        .with_hint("publish both to the same audience (set `audience:` or `embargo_until:` on this file to match the review's)")
                        .with_source(&d.source),
                    );
                }
            }
        }
    }

    // View models.
    let mut views: Vec<DocView> = docs
        .iter()
        .map(|d| DocView::new(d, config, &site.vocab, today))
        .collect();
    let index_of: HashMap<(Kind, &str), usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| ((d.kind, d.slug.as_str()), i))
        .collect();
    for (i, d) in docs.iter().enumerate() {
        if let Some(r) = &d.meta.review {
            if let Some(&j) = index_of.get(&(Kind::Review, r.as_str())) {
                views[i].review_link = Some(LinkView {
                    title: docs[j].title.clone(),
                    href: view::href(&docs[j].url),
                    kind_label: Kind::Review.label(),
                });
                let link = LinkView {
                    title: d.title.clone(),
                    href: view::href(&d.url),
                    kind_label: d.kind.label(),
                };
                views[j].related.push(link);
            }
        }
    }

    // Document pages, in parallel.
    let page_results: Vec<Result<OutFile, Diagnostic>> = docs
        .par_iter()
        .zip(bodies.par_iter())
        .zip(views.par_iter())
        .filter(|((d, _), _)| !(d.kind == Kind::Page && d.url.is_empty()))
        .map(|((d, body), v)| {
            let (template, section) = match d.kind {
                Kind::Review => ("review.html", "reviews"),
                Kind::Briefing => ("briefing.html", "briefings"),
                Kind::LearningSummary => ("learning_summary.html", "learning-summaries"),
                Kind::Page => ("page.html", ""),
            };
            let crumbs: Vec<Crumb> = view::section_crumb(d.kind).into_iter().collect();
            let mut ctx = common.context(&d.url, &d.title, section, &crumbs);
            ctx.insert("doc", v);
            ctx.insert("content", &body.html);
            ctx.insert("headings", &body.headings);
            ctx.insert("page_description", &d.meta.summary);
            tera.render(template, &ctx).map(|html| OutFile::new(format!("{}index.html", d.url), html)).map_err(|e| {
                Diagnostic::error("template/render", &format!("layouts/{template}"), 1, 1, format!("the page for {} could not be made: {}", d.rel_path, templates::describe(&e)))
                    .with_hint("check the template named here; remove your copy from layouts/ to use the default theme's")
            })
        })
        .collect();
    let mut files: Vec<OutFile> = Vec::with_capacity(docs.len() * 2 + 64);
    let mut failed = false;
    for r in page_results {
        match r {
            Ok(f) => files.push(f),
            Err(d) => {
                failed = true;
                diags.push(d)
            }
        }
    }

    // Listings: one per kind, one per taxonomy term.
    let mut push = |f: Option<OutFile>, files: &mut Vec<OutFile>| match f {
        Some(f) => files.push(f),
        None => failed = true,
    };
    let cards: Vec<CardView> = views.iter().map(CardView::from).collect();
    for kind in [Kind::Review, Kind::Briefing, Kind::LearningSummary] {
        let url = format!("{}/", kind.section());
        let list: Vec<&CardView> = docs
            .iter()
            .zip(&cards)
            .filter(|(d, _)| d.kind == kind)
            .map(|(_, v)| v)
            .collect();
        let intro = match kind {
            Kind::Review => "Anonymised summaries of the reviews, their findings and recommendations, and where each action plan stands.",
            Kind::Briefing => "Short briefings on the learning from reviews, for team meetings and supervision. Each takes about seven minutes to read.",
            _ => "Learning summaries in the regional template: what was learnt about the case and the review, and how change will be made and checked.",
        };
        for f in render_listing(
            tera,
            &common,
            &url,
            kind.plural(),
            kind.section(),
            &[],
            Some(intro),
            None,
            &list,
            diags,
        ) {
            push(f, &mut files);
        }
    }
    #[derive(Serialize)]
    struct TermView<'a> {
        label: &'a str,
        href: String,
        count: usize,
    }
    for tax in &taxonomies {
        let url = format!("{}/", tax.section);
        let terms: Vec<TermView> = tax
            .terms
            .iter()
            .map(|t| TermView {
                label: &t.label,
                href: format!("{}/{}/index.html", tax.section, t.slug),
                count: t.docs.len(),
            })
            .collect();
        let mut ctx = common.context(&url, tax.title, tax.section, &[]);
        ctx.insert("terms", &terms);
        push(
            render_page(tera, "terms.html", &ctx, &url, diags),
            &mut files,
        );
        let term_pages: Vec<(Vec<Option<OutFile>>, Vec<Diagnostic>)> = tax
            .terms
            .par_iter()
            .map(|t| {
                let url = format!("{}/{}/", tax.section, t.slug);
                let list: Vec<&CardView> = t.docs.iter().map(|&i| &cards[i]).collect();
                let crumbs = [Crumb {
                    title: tax.title.to_string(),
                    href: format!("{}/index.html", tax.section),
                }];
                let title = format!("{}: {}", tax.singular, t.label);
                let feed = (tax.section == "themes").then(|| format!("themes/{}/feed.xml", t.slug));
                let mut local = Vec::new();
                let pages = render_listing(
                    tera,
                    &common,
                    &url,
                    &title,
                    tax.section,
                    &crumbs,
                    None,
                    feed.as_deref(),
                    &list,
                    &mut local,
                );
                (pages, local)
            })
            .collect();
        for (pages, d) in term_pages {
            diags.extend(d);
            for f in pages {
                push(f, &mut files);
            }
        }
        if tax.section == "themes" {
            for t in &tax.terms {
                let tdocs: Vec<&Document> = t.docs.iter().map(|&i| docs[i]).collect();
                let path = format!("themes/{}/feed.xml", t.slug);
                files.push(OutFile::new(
                    path.clone(),
                    feed::atom(
                        config,
                        &format!("{}: {}", config.title, t.label),
                        &path,
                        &tdocs,
                        today,
                    ),
                ));
            }
        }
    }

    // Home page.
    {
        let intro = docs
            .iter()
            .zip(&bodies)
            .find(|(d, _)| d.kind == Kind::Page && d.url.is_empty());
        let latest = |k: Kind, n: usize| -> Vec<&DocView> {
            docs.iter()
                .zip(&views)
                .filter(|(d, _)| d.kind == k)
                .take(n)
                .map(|(_, v)| v)
                .collect()
        };
        let themes_tax = taxonomies.iter().find(|t| t.section == "themes");
        let mut themes: Vec<TermView> = themes_tax
            .map(|t| {
                t.terms
                    .iter()
                    .map(|x| TermView {
                        label: &x.label,
                        href: format!("themes/{}/index.html", x.slug),
                        count: x.docs.len(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        themes.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(b.label)));
        let mut ctx = common.context("", &config.title, "home", &[]);
        ctx.insert("reviews", &latest(Kind::Review, 6));
        ctx.insert("briefings", &latest(Kind::Briefing, 4));
        ctx.insert("themes", &themes);
        ctx.insert("page_description", &config.description);
        if let Some((d, b)) = intro {
            ctx.insert("intro_title", &d.title);
            ctx.insert("intro_html", &b.html);
        }
        push(render_page(tera, "home.html", &ctx, "", diags), &mut files);
    }

    // Search page and 404.
    {
        let ctx = common.context("search/", "Search", "search", &[]);
        push(
            render_page(tera, "search.html", &ctx, "search/", diags),
            &mut files,
        );
        let mut ctx = common.context("", "Page not found", "", &[]);
        ctx.insert("root", &config.base_url);
        match tera.render("404.html", &ctx) {
            Ok(h) => files.push(OutFile::new("404.html", h)),
            Err(e) => {
                failed = true;
                diags.push(Diagnostic::error(
                    "template/render",
                    "layouts/404.html",
                    1,
                    1,
                    templates::describe(&e),
                ));
            }
        }
    }

    // The search index: only what this build publishes.
    {
        use crate::index::search::{build_search_index, SearchDoc};
        let pair = |v: &view::TermLink| (v.slug.clone(), v.label.clone());
        let sdocs: Vec<SearchDoc> = docs
            .iter()
            .zip(&bodies)
            .zip(&views)
            .map(|((d, b), v)| SearchDoc {
                url: view::href(&d.url),
                title: d.title.clone(),
                kind: d.kind.as_str().to_string(),
                kind_label: d.kind.label().to_string(),
                summary: d.meta.summary.clone().unwrap_or_default(),
                // Themes, review type and methodology are searchable words too: a practitioner
                // typing "professional curiosity" expects the documents filed under that theme.
                headings: b
                    .headings
                    .iter()
                    .map(|h| h.text.clone())
                    .chain(
                        v.themes
                            .iter()
                            .chain(&v.review_type)
                            .chain(&v.methodology)
                            .chain(&v.abuse_types)
                            .map(|t| t.label.clone()),
                    )
                    .collect(),
                body: b.text.clone(),
                date: d.sort_date().map(|x| x.format("%Y-%m-%d").to_string()),
                year: d.year(),
                board: v.board.clone(),
                review_type: v.review_type.as_ref().map(pair),
                themes: v.themes.iter().map(pair).collect(),
                methodology: v.methodology.iter().map(pair).collect(),
                abuse_types: v.abuse_types.iter().map(pair).collect(),
            })
            .collect();
        files.extend(build_search_index(&sdocs));
    }

    // The regional learning index: only what this build publishes.
    {
        use crate::index::learning;
        let li = learning::build_learning_index(config, &site.vocab, docs, today);
        files.push(OutFile::new(learning::JSON_FILE, learning::to_json(&li)));
        files.push(OutFile::new(learning::CSV_FILE, learning::to_csv(&li)));
        files.push(OutFile::new(
            learning::RECOMMENDATIONS_CSV_FILE,
            learning::recommendations_csv(&li),
        ));
    }

    // Feeds, sitemap, robots.
    files.push(OutFile::new(
        "feed.xml",
        feed::atom(config, &config.title, "feed.xml", docs, today),
    ));
    let mut pages: Vec<(String, Option<NaiveDate>)> = docs
        .iter()
        .map(|d| (d.url.clone(), d.meta.updated.map(|u| u.0).or(d.sort_date())))
        .collect();
    if !pages.iter().any(|(u, _)| u.is_empty()) {
        pages.push((String::new(), None));
    }
    for k in ["reviews/", "briefings/", "learning-summaries/", "search/"] {
        pages.push((k.to_string(), None));
    }
    for tax in &taxonomies {
        pages.push((format!("{}/", tax.section), None));
        for t in &tax.terms {
            pages.push((format!("{}/{}/", tax.section, t.slug), None));
        }
    }
    pages.sort();
    files.push(OutFile::new("sitemap.xml", feed::sitemap(config, &pages)));
    files.push(OutFile::new(
        "robots.txt",
        feed::robots(config, opts.audience == Audience::Public && !opts.drafts),
    ));
    if has_code {
        files.push(OutFile::new(
            "assets/highlight.css",
            markdown::highlight_css(),
        ));
    }

    if failed {
        None
    } else {
        let links = bodies
            .iter()
            .flat_map(|b| b.internal_links.iter().map(|(l, _)| l.clone()))
            .collect();
        Some((files, links))
    }
}

/// Documents a listing page shows at most; longer listings are paginated.
pub const PAGE_SIZE: usize = 50;

/// Render a (paginated) listing at `url`.
#[allow(clippy::too_many_arguments)]
fn render_listing(
    tera: &tera::Tera,
    common: &Common,
    url: &str,
    title: &str,
    section: &str,
    crumbs: &[Crumb],
    intro: Option<&str>,
    feed_href: Option<&str>,
    cards: &[&CardView],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Option<OutFile>> {
    let total_pages = cards.len().div_ceil(PAGE_SIZE).max(1);
    let mut out = Vec::with_capacity(total_pages);
    for n in 1..=total_pages {
        let page = view::page_url(url, n);
        let chunk =
            &cards[((n - 1) * PAGE_SIZE).min(cards.len())..(n * PAGE_SIZE).min(cards.len())];
        let mut ctx = common.context(&page, title, section, crumbs);
        ctx.insert("docs", chunk);
        ctx.insert("total", &cards.len());
        ctx.insert("intro", &intro);
        ctx.insert("feed_href", &feed_href);
        if total_pages > 1 {
            let pager = view::Pager {
                current: n,
                total: total_pages,
                prev_href: (n > 1).then(|| view::href(&view::page_url(url, n - 1))),
                next_href: (n < total_pages).then(|| view::href(&view::page_url(url, n + 1))),
                pages: (1..=total_pages)
                    .map(|k| view::PagerLink {
                        number: k,
                        href: view::href(&view::page_url(url, k)),
                    })
                    .collect(),
            };
            ctx.insert("pager", &pager);
        }
        out.push(render_page(tera, "list.html", &ctx, &page, diags));
    }
    out
}
