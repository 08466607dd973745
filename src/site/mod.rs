//! One build of a board's site: the stages in order and nothing else.
//!
//! ```text
//! load ──► lint ──► gate ──► render ──► index ──► write
//! content/  lint/   site/    render/    index/    write/
//!                   publish.rs
//! ```
//!
//! Every error of every stage is collected; if there is any, nothing is written and the
//! previous output stays as it was. What is published is decided in [`publish`] alone;
//! what the user is told at the end is [`report`].

pub(crate) mod publish;
pub(crate) mod report;
pub(crate) mod reuse;

pub use publish::Held;
pub(crate) use publish::Publication;
pub use report::{BuildError, BuildReport, DocStatus};

use crate::config::Config;
use crate::content::{self, Audience, LoadOutcome, Site};
use crate::diagnostics;
use crate::index::{self, taxonomy};
use crate::lint::Linter;
use crate::progress::Progress;
use crate::render::{self, templates};
use crate::write::{self, SiteFiles};
use chrono::NaiveDate;
pub(crate) use publish::Decision;
pub(crate) use reuse::Reuse;
use std::path::{Path, PathBuf};

/// The steps of a build the progress bar counts: reading, checking, pages, indexes, writing.
const STEPS: u64 = 5;

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
    /// Show a progress bar if the build takes more than a second (on a terminal only).
    pub progress: bool,
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
            progress: false,
        }
    }

    pub(crate) fn publication(&self) -> Publication {
        Publication {
            audience: self.audience,
            drafts: self.drafts,
            today: self.today,
        }
    }

    /// The output folder: `--out` is relative to the current folder, `output:` in
    /// learnsite.yaml to the site.
    fn out_path(&self, config: &Config) -> PathBuf {
        match &self.out {
            Some(out) => out.clone(),
            None if config.output.is_absolute() => config.output.clone(),
            None => self.site.join(&config.output),
        }
    }
}

/// Load a site (config + content).
pub fn load(site: &Path) -> Result<LoadOutcome, BuildError> {
    let config = Config::load(site)?;
    Ok(content::load_site(site, config)?)
}

/// Lint what a build for `opts` would publish, then decide what it publishes (the gate, in
/// [`publish`]). The lint's findings go to `diags`. `build` and `digest` both start here, so
/// nothing held back from a site reaches either.
///
/// `unpublishable` are the documents with front-matter errors ([`LoadOutcome`]): never
/// published, but linted too, so that an author meets every problem in one run.
pub(crate) fn decide(
    site: &Site,
    unpublishable: &[content::Document],
    opts: &BuildOptions,
    diags: &mut Vec<diagnostics::Diagnostic>,
) -> Result<Decision, BuildError> {
    decide_reusing(site, unpublishable, opts, diags, None)
}

/// [`decide`], taking the findings in documents unchanged since an earlier build from `cache`.
fn decide_reusing(
    site: &Site,
    unpublishable: &[content::Document],
    opts: &BuildOptions,
    diags: &mut Vec<diagnostics::Diagnostic>,
    mut cache: Option<(&mut reuse::LintCache, &content::LoadCache)>,
) -> Result<Decision, BuildError> {
    let mut decision = Decision::apply(&site.documents, &opts.publication());
    let linter = Linter::new(&site.config, &opts.site, opts.known_names.as_deref())
        .map_err(|e| BuildError::Setup(e.to_string()))?;
    if let Some((c, _)) = cache.as_mut() {
        c.roll();
    }
    let mut lint = |docs: &[&content::Document]| match cache.as_mut() {
        Some((c, load)) => c.findings(&linter, docs, &|d| load.key_of(d)),
        None => linter.lint_all(docs).findings,
    };
    // Feedback is linted with the briefings it is about, and shown only with them.
    let docs = decision.documents(site);
    let feedback = site.feedback_documents(|slug| {
        docs.iter()
            .any(|d| d.kind == content::Kind::Briefing && d.slug == slug)
    });
    let findings = crate::progress::timed("lint findings", || {
        lint(&docs.into_iter().chain(&feedback).collect::<Vec<_>>())
    });
    let unpublishable = lint(&unpublishable.iter().collect::<Vec<_>>());
    decision.hold_lint_errors(&site.documents, &findings);
    diags.extend(findings);
    diags.extend(unpublishable);
    Ok(decision)
}

/// A board's site loaded, linted and passed through the gate for one audience and date, as a
/// build would be: what `digest` and `report` start from, so that nothing held back from a
/// build reaches them. `out` is only named in the refusal's report.
pub(crate) struct Gated {
    pub(crate) outcome: LoadOutcome,
    pub(crate) decision: Decision,
    /// Warnings of loading and the lint (there are no errors: errors refuse).
    pub(crate) diagnostics: Vec<diagnostics::Diagnostic>,
}

impl Gated {
    pub(crate) fn site(&self) -> &Site {
        &self.outcome.site
    }
    /// The published documents, in the site's order.
    pub(crate) fn documents(&self) -> Vec<&content::Document> {
        self.decision.documents(&self.outcome.site)
    }
}

/// Load the site of `opts`, lint it and decide what a build for `opts` would publish.
/// Content errors refuse, as they refuse a build ([`BuildError::Refused`]).
pub(crate) fn gate(opts: &BuildOptions, out: &Path) -> Result<Gated, BuildError> {
    let outcome = load(&opts.site)?;
    let mut diags = outcome.diagnostics.clone();
    let decision = decide(&outcome.site, &outcome.unpublishable, opts, &mut diags)?;
    diagnostics::sort(&mut diags);
    if report::errors(&diags) > 0 {
        let report = BuildReport::new(
            &outcome.site,
            &decision.held,
            out.to_path_buf(),
            opts.audience.as_str(),
            &diags,
        );
        return Err(BuildError::Refused {
            diagnostics: diags,
            report: Box::new(report),
        });
    }
    Ok(Gated {
        outcome,
        decision,
        diagnostics: diags,
    })
}

/// Build the site.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let mut timer = Progress::new(opts.progress, STEPS);
    let made = make(opts, None, None, &mut timer)?;
    timer.step(&format!(
        "Writing {} files",
        crate::progress::count(made.files.len())
    ));
    let out = match made.stream {
        Some(s) => s.finish(&made.files)?,
        None => write::write_site(&made.out, &made.files)?,
    };
    timer.lap("write and swap in (and remove the previous output)");
    Ok(BuildReport {
        out,
        files_written: made.files.len(),
        ..made.report
    })
}

/// The theme's templates: compiled for this build, or in `serve` the ones `reuse` keeps
/// (compiled again only when a template changed, which also forgets the rendered pages and
/// fragments made with the old ones).
type Templates<'a> = (
    &'a tera::Tera,
    Option<&'a render::memo::PageMemo>,
    Option<&'a render::fragments::Fragments>,
);
fn the_templates<'a>(
    layouts: &Path,
    reuse: Option<&'a mut Reuse>,
    compiled: &'a mut Option<tera::Tera>,
) -> Result<Templates<'a>, BuildError> {
    use crate::progress::timed;
    Ok(match reuse {
        Some(r) => {
            let (tera, key) = timed("templates", || {
                templates::load_cached(layouts, &mut r.templates)
            })?;
            if r.pages.for_templates(key) {
                r.fragments.clear();
            }
            r.fragments.roll();
            (tera, Some(&r.pages), Some(&r.fragments))
        }
        None => {
            if compiled.is_none() {
                *compiled = Some(templates::load(layouts)?);
            }
            (compiled.as_ref().expect("just compiled"), None, None)
        }
    })
}

/// The render and index stages, side by side (neither needs the other): every page, and
/// everything the index stage writes (search, learning index, feeds, sitemap). A build
/// streams each file into the staging folder as it comes ([`write::Stream::spill`]).
fn render_and_index(
    input: &render::Input,
    bodies: &[render::markdown::Rendered],
) -> (SiteFiles, render::RenderedSite) {
    let views = render::views(input);
    let spill = |files: Vec<write::OutFile>| match input.stream {
        Some(s) => s.spill(files),
        None => files,
    };
    let (mut rendered, indexes) = rayon::join(
        || render::render_site(input, bodies, &views),
        || {
            spill(index::index_site(&index::Input {
                config: &input.site.config,
                vocab: &input.site.vocab,
                docs: input.docs,
                ongoing: input.ongoing,
                bodies,
                views: &views,
                taxonomies: input.taxonomies,
                publication: input.publication,
                uptake: input.uptake,
            }))
        },
    );
    let mut files = SiteFiles::from(spill(std::mem::take(&mut rendered.files)));
    files.extend(indexes);
    drop_later(views);
    (files, rendered)
}

/// Free `big` on a thread of its own: a build's documents, bodies and views are hundreds of
/// thousands of allocations whose freeing need not hold up writing the site (and if the
/// program ends first, the system takes the memory back at once).
fn drop_later<T: Send + 'static>(big: T) {
    if std::thread::Builder::new()
        .name("learnsite-free".into())
        .spawn(move || drop(big))
        .is_err()
    {
        // No thread to be had: `big` was dropped with the closure, here.
    }
}

/// What `serve` does once a build has found nothing that refuses it, before the rest of the
/// site is rendered: given the output folder, the render stage's input, every published
/// document's body, and the published documents (indexes) whose files were just read.
pub(crate) type Early<'h> =
    dyn FnMut(&Path, &render::Input, &[render::markdown::Rendered], &[usize]) + 'h;

/// What a build made, before anything is written: every file, where it goes, and what
/// the user is told.
pub(crate) struct Made {
    /// The output folder (checked: absolute, and replaceable).
    pub(crate) out: PathBuf,
    pub(crate) files: SiteFiles,
    pub(crate) report: BuildReport,
    /// Where the pages were written as they were made (a build without `reuse`), and the
    /// rest of `files` is to be written: the generated files already written are empty.
    pub(crate) stream: Option<write::Stream>,
}

/// The stages of a build up to the page list: load, lint, gate, render, index. With
/// `reuse`, what earlier builds made from unchanged files is taken from it, and pages the
/// last written build made the same are left empty and named by `reuse.pages`.
pub(crate) fn make(
    opts: &BuildOptions,
    mut reuse: Option<&mut Reuse>,
    early: Option<&mut Early>,
    timer: &mut Progress,
) -> Result<Made, BuildError> {
    // Load.
    timer.step("Reading the documents");
    let config = Config::load(&opts.site)?;
    if let Some(r) = reuse.as_deref_mut() {
        r.for_build(reuse::settings_key(opts));
    }
    // The lint's gazetteer is built (once a process) while the documents are read.
    let (outcome, ()) = rayon::join(
        || {
            content::load_site_cached(
                &opts.site,
                config,
                reuse.as_deref_mut().map(|r| &mut r.load),
            )
        },
        crate::lint::prepare,
    );
    let outcome = outcome?;
    timer.lap("load");
    let made = make_loaded(opts, &outcome, reuse.as_deref_mut(), early, timer);
    // The documents `serve` keeps were lent to this build: they go back, whatever came of it.
    crate::progress::timed("documents given back", || match reuse {
        Some(r) => r.load.give_back(outcome),
        None => drop_later(outcome),
    });
    made
}

/// [`make`], once the site is loaded.
fn make_loaded(
    opts: &BuildOptions,
    outcome: &LoadOutcome,
    mut reuse: Option<&mut Reuse>,
    early: Option<&mut Early>,
    timer: &mut Progress,
) -> Result<Made, BuildError> {
    let publication = opts.publication();
    let site = &outcome.site;
    let mut diags = outcome.diagnostics.clone();
    let out = write::check_output(&opts.site, &opts.out_path(&site.config))?;
    // A build writes each page into the staging folder as soon as it is made; `serve`
    // compares them with what it wrote before.
    let stream = match reuse {
        Some(_) => None,
        None => Some(write::Stream::new(&out)?),
    };

    // Lint what this build would publish, then decide what it publishes.
    timer.step(&format!(
        "Checking {} documents for names, dates and addresses",
        crate::progress::count(site.documents.len())
    ));
    let decision = decide_reusing(
        site,
        &outcome.unpublishable,
        opts,
        &mut diags,
        reuse.as_deref_mut().map(|r| (&mut r.lint, &r.load)),
    )?;
    timer.lap("lint");

    // Render the published documents, then index them.
    let docs = decision.documents(site);
    let just_read: Vec<usize> = match reuse.as_deref() {
        Some(r) => (0..docs.len())
            .filter(|&i| r.load.was_read(&docs[i].path))
            .collect(),
        None => Vec::new(),
    };
    let ongoing = decision.ongoing(site);
    use crate::progress::timed;
    // Both are needed before the links are checked (and the saved documents' pages made).
    // A build compiles its templates meanwhile (`serve` keeps them between saves).
    let layouts = opts.site.join("layouts");
    let compile = reuse.is_none();
    let ((taxonomies, compiled), bodies) = rayon::join(
        || {
            rayon::join(
                || {
                    timed("taxonomies", || {
                        taxonomy::build(&docs, &site.config, &site.vocab)
                    })
                },
                || compile.then(|| timed("templates", || templates::load(&layouts))),
            )
        },
        || {
            let cache = reuse.as_deref_mut().map(|r| (&mut r.bodies, &r.load));
            timed("bodies", || render::bodies(&docs, cache))
        },
    );
    let mut compiled = compiled.transpose()?;
    let (tera, memo, fragments) = the_templates(&layouts, reuse.as_deref_mut(), &mut compiled)?;
    let uptake = timed("uptake", || publish::uptake(site, &docs, &publication));
    let input = render::Input {
        site,
        docs: &docs,
        ongoing: &ongoing,
        taxonomies: &taxonomies,
        publication: &publication,
        tera,
        uptake: &uptake,
        memo,
        fragments,
        stream: stream.as_ref(),
    };
    diags.extend(timed("links", || {
        decision.check_links(site, &publication, &bodies, &taxonomies)
    }));
    if let Some(early) = early {
        // Nothing so far refuses the build: the pages of the documents just read may go first.
        if report::errors(&diags) == 0 && !just_read.is_empty() {
            timer.lap("bodies and links");
            early(&out, &input, &bodies, &just_read);
            timer.lap("the saved documents' pages");
        }
    }
    timer.step("Making the pages, the search index, the learning index and the feeds");
    let (mut files, rendered) = render_and_index(&input, &bodies);
    diags.extend(rendered.diags);
    timer.lap("render and index");

    diagnostics::sort(&mut diags);
    let report = BuildReport::new(
        site,
        &decision.held,
        out.clone(),
        opts.audience.as_str(),
        &diags,
    );
    if rendered.failed || report::errors(&diags) > 0 {
        return Err(BuildError::Refused {
            diagnostics: diags,
            report: Box::new(report),
        });
    }
    for f in decision.static_files(site, &bodies) {
        files.copy(f.as_str(), site.root.join("static").join(f));
    }
    files.extend(render::assets(site, rendered.has_code));
    match reuse {
        Some(r) => r.bodies.keep(&r.load, &docs, bodies),
        None => drop_later(bodies),
    }
    Ok(Made {
        out,
        files,
        report,
        stream,
    })
}
