//! The `learnsite` command line. Library code returns typed errors; this file turns them
//! into messages and exit codes: 0 clean, 1 findings or build errors, 2 usage or I/O errors.

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use learnsite::content::Audience;
use learnsite::diagnostics::{self, Diagnostic};
use learnsite::site::{self, BuildError, BuildOptions};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "learnsite",
    version,
    about = "Publish learning from safeguarding case reviews as a fast, accessible static website"
)]
struct Cli {
    /// The site folder (with learnsite.yaml). Default: the current folder.
    #[arg(long, global = true, default_value = ".")]
    site: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum AudienceArg {
    Public,
    Partners,
    Internal,
}

impl From<AudienceArg> for Audience {
    fn from(a: AudienceArg) -> Audience {
        match a {
            AudienceArg::Public => Audience::Public,
            AudienceArg::Partners => Audience::Partners,
            AudienceArg::Internal => Audience::Internal,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum NewKindArg {
    Review,
    Briefing,
    LearningSummary,
    /// A team's feedback on a briefing (a returned action sheet): NAME is the briefing.
    Feedback,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Sarif,
}

/// What a build, a digest and a report publish by: the audience, the date embargoes and
/// overdue recommendations are decided on, and the lint's private names.
#[derive(Args)]
struct Gate {
    /// Who it is for: public (default), partners (public + partners), internal (all but drafts).
    #[arg(long, value_enum, default_value = "public")]
    audience: AudienceArg,
    /// Decide as if today were this date (YYYY-MM-DD): embargoes, and recommendations' status
    /// and overdue. For previews and tests; default today.
    #[arg(long, value_parser = parse_date)]
    now: Option<chrono::NaiveDate>,
    /// A private file of real names (one a line) the lint must catch.
    #[arg(long)]
    known_names: Option<PathBuf>,
}

impl Gate {
    /// A build of `site` for this audience, on this date, with these names.
    fn build(self, site: &std::path::Path) -> BuildOptions {
        let mut opts = BuildOptions::new(site);
        opts.audience = self.audience.into();
        opts.known_names = self.known_names;
        if let Some(n) = self.now {
            opts.today = n;
        }
        opts
    }
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (default public/).
    Build {
        #[command(flatten)]
        gate: Gate,
        /// Include drafts, marked as drafts on every page (for previews; never publish this).
        #[arg(long)]
        drafts: bool,
        /// Output folder (default: `output` in learnsite.yaml, normally public/).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print only errors and the summary line.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Check every document (validation and the pseudonymisation lint) without building.
    Check {
        /// Check only files under this path.
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Show the flagged text in JSON and SARIF output (it is masked by default).
        #[arg(long)]
        unmasked: bool,
        /// A private file of real names (one a line) the lint must catch.
        #[arg(long)]
        known_names: Option<PathBuf>,
    },
    /// Start a new site in DIR (settings, home page, accessibility statement, folders).
    Init {
        dir: PathBuf,
        #[arg(long, default_value = "Learning from reviews")]
        title: String,
    },
    /// Start a new document from the sector's template (it starts as a draft), or a feedback
    /// file about a briefing (`learnsite new feedback BRIEFING`).
    New {
        #[arg(value_enum)]
        kind: NewKindArg,
        /// File name without .md, e.g. adult-d
        name: String,
    },
    /// Collate many boards' learning indexes into one regional site.
    Collate {
        /// learning-index.json files, or folders that contain one (such as a board's public/).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The folder to write the regional site to.
        #[arg(long)]
        out: PathBuf,
        /// Title of the regional site.
        #[arg(long)]
        title: Option<String>,
        /// Collate as if today were this date (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        now: Option<chrono::NaiveDate>,
    },
    /// Write an email-ready digest (HTML, plain text, markdown) of what was published in a
    /// period: from this site, or from boards' learning indexes (--index) for a region.
    Digest {
        /// The first day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        since: chrono::NaiveDate,
        /// The last day, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = parse_date)]
        until: Option<chrono::NaiveDate>,
        #[command(flatten)]
        gate: Gate,
        /// The folder to write digest.html, digest.txt and digest.md to.
        #[arg(long, default_value = "digest")]
        out: PathBuf,
        /// Boards' learning-index.json files (or folders holding one): a regional digest.
        #[arg(long = "index", num_args = 1..)]
        indexes: Vec<PathBuf>,
        /// Title of a regional digest.
        #[arg(long)]
        title: Option<String>,
    },
    /// Write the reviews section of the board's annual report (markdown, HTML and Word) for a
    /// financial year (April to March), or a calendar year with --calendar.
    Report {
        /// The year: a financial year such as 2025-26, or with --calendar a year such as 2025.
        #[arg(long)]
        year: String,
        /// Report on a calendar year (January to December) instead of a financial year.
        #[arg(long)]
        calendar: bool,
        /// On a site several boards share: report on this board's reviews only (as written in
        /// `board:`). Default: every review on the site.
        #[arg(long)]
        board: Option<String>,
        #[command(flatten)]
        gate: Gate,
        /// The folder to write to (default: annual-report-YEAR).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Build, serve the site on 127.0.0.1 and rebuild when files change.
    Serve {
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, value_enum, default_value = "public")]
        audience: AudienceArg,
        #[arg(long)]
        drafts: bool,
    },
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date: write it as YYYY-MM-DD"))
}

fn print_diags(diags: &[Diagnostic]) {
    let color = diagnostics::use_color();
    for d in diags {
        eprintln!("{}", d.render(color));
    }
}

fn main() -> ExitCode {
    // A panic is a bug: say so plainly, and exit 2 without touching the output.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "learnsite stopped because of a bug (not a problem with your files): {info}\nNothing was published. Please report this, with the command you ran."
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Build {
            gate,
            drafts,
            out,
            quiet,
        } => {
            let mut opts = gate.build(&cli.site);
            opts.drafts = drafts;
            opts.out = out;
            opts.progress = !quiet;
            Ok(do_build(&opts, quiet))
        }
        Command::Check {
            path,
            format,
            unmasked,
            known_names,
        } => learnsite::check::run(
            &cli.site,
            path.as_deref(),
            match format {
                Format::Human => learnsite::check::Format::Human,
                Format::Json => learnsite::check::Format::Json,
                Format::Sarif => learnsite::check::Format::Sarif,
            },
            unmasked,
            known_names.as_deref(),
        ),
        Command::Init { dir, title } => {
            learnsite::scaffold::init(&dir, &title)?;
            eprintln!(
                "Started a site in {}. Next: cd {} && learnsite new review adult-a",
                dir.display(),
                dir.display()
            );
            Ok(0)
        }
        Command::New { kind, name } => do_new(&cli.site, kind, &name),
        Command::Collate {
            inputs,
            out,
            title,
            now,
        } => {
            let opts = learnsite::collate::CollateOptions {
                inputs,
                out,
                title,
                today: now.unwrap_or_else(|| chrono::Local::now().date_naive()),
                layouts: Some(cli.site.join("layouts")),
                progress: true,
            };
            Ok(do_collate(&opts))
        }
        Command::Digest {
            since,
            until,
            gate,
            out,
            indexes,
            title,
        } => {
            let opts = learnsite::digest::DigestOptions {
                build: gate.build(&cli.site),
                indexes,
                since,
                until,
                out,
                title,
            };
            Ok(do_digest(&opts))
        }
        Command::Report {
            year,
            calendar,
            board,
            gate,
            out,
        } => {
            let period = match learnsite::report::period::Period::parse(&year, calendar) {
                Ok(p) => p,
                Err(e) => {
                    eprintln!("error: {e}");
                    return Ok(2);
                }
            };
            let opts = learnsite::report::ReportOptions {
                build: gate.build(&cli.site),
                period,
                board,
                out,
            };
            Ok(do_report(&opts))
        }
        Command::Serve {
            port,
            audience,
            drafts,
        } => {
            let mut opts = BuildOptions::new(&cli.site);
            opts.audience = audience.into();
            opts.drafts = drafts;
            learnsite::serve::serve(opts, port)?;
            Ok(0)
        }
    }
}

/// Start a document of `kind` from its template and say what to do next.
fn do_new(site: &std::path::Path, kind: NewKindArg, name: &str) -> Result<u8> {
    let k = match kind {
        NewKindArg::Review => learnsite::scaffold::NewKind::Review,
        NewKindArg::Briefing => learnsite::scaffold::NewKind::Briefing,
        NewKindArg::LearningSummary => learnsite::scaffold::NewKind::LearningSummary,
        NewKindArg::Feedback => learnsite::scaffold::NewKind::Feedback,
    };
    let p = learnsite::scaffold::new_document(site, k, name)?;
    if matches!(kind, NewKindArg::Feedback) {
        eprintln!(
            "Created {}: fill in the team, what it will change and the date it met.",
            p.display()
        );
    } else {
        eprintln!(
            "Created {} (a draft: remove `draft: true` when it is ready).",
            p.display()
        );
    }
    Ok(0)
}

/// Collate a regional site and say what it holds; returns the exit code.
fn do_collate(opts: &learnsite::collate::CollateOptions) -> u8 {
    match learnsite::collate::collate(opts) {
        Ok(s) => {
            for w in &s.warnings {
                eprintln!("warning: {w}");
            }
            eprintln!(
                "Collated {} records from {} boards ({} indexes; {} duplicates merged) into {}: {} themes, {} recommendations, {} overdue.",
                s.records, s.boards, s.inputs, s.duplicates, s.out.display(), s.themes, s.recommendations, s.overdue
            );
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code() as u8
        }
    }
}

/// A site with errors gets no `what` (digest, report): show its problems and say so; the
/// exit code is 1, as for a refused build.
fn refused(diagnostics: &[Diagnostic], what: &str) -> u8 {
    print_diags(diagnostics);
    let n = diagnostics.iter().filter(|d| d.is_error()).count();
    eprintln!(
        "error: the site has {n} error{}: no {what} was written (fix them as for a build)",
        if n == 1 { "" } else { "s" }
    );
    1
}

/// Write a digest and say what it holds; returns the exit code.
fn do_digest(opts: &learnsite::digest::DigestOptions) -> u8 {
    use learnsite::digest::{DigestError, HTML_FILE, MARKDOWN_FILE, TEXT_FILE};
    match learnsite::digest::run(opts) {
        Ok(s) => {
            print_diags(&s.diagnostics);
            for w in &s.warnings {
                eprintln!("warning: {w}");
            }
            let d = &s.digest;
            if d.count == 0 {
                eprintln!(
                    "{} The digest in {} says so.",
                    learnsite::digest::text::nothing_published(d),
                    s.out.display()
                );
            } else {
                let kinds: Vec<String> = d.groups.iter().map(|g| g.count_label.clone()).collect();
                eprintln!(
                    "Wrote the digest of {}: {} ({}, {}, {} in {}).",
                    d.period,
                    learnsite::digest::text::and_list(&kinds),
                    HTML_FILE,
                    TEXT_FILE,
                    MARKDOWN_FILE,
                    s.out.display()
                );
            }
            0
        }
        Err(DigestError::Site(BuildError::Refused { diagnostics, .. })) => {
            refused(&diagnostics, "digest")
        }
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code() as u8
        }
    }
}

/// Write the annual report section and say what it holds; returns the exit code.
fn do_report(opts: &learnsite::report::ReportOptions) -> u8 {
    use learnsite::report::ReportError;
    match learnsite::report::run(opts) {
        Ok(s) => {
            print_diags(&s.diagnostics);
            eprintln!(
                "Wrote the reviews section of the annual report for {} ({}): {} arranged, {} concluded, {} ongoing at the end of the year; {} recommendations ({} overdue, {} not implemented). Files: {} in {}.",
                opts.period.label(),
                opts.period.words(),
                s.arranged,
                s.concluded,
                s.ongoing,
                s.recommendations,
                s.overdue,
                s.not_implemented,
                s.files.join(", "),
                s.out.display()
            );
            0
        }
        Err(ReportError::Site(BuildError::Refused { diagnostics, .. })) => {
            refused(&diagnostics, "report")
        }
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code() as u8
        }
    }
}

/// Build and report; returns the exit code.
pub fn do_build(opts: &BuildOptions, quiet: bool) -> u8 {
    let started = std::time::Instant::now();
    match site::build(opts) {
        Ok(report) => {
            if !quiet {
                print_diags(&report.diagnostics);
                eprint!("{}", report.table());
            }
            eprintln!(
                "Built {} file{} into {} in {:.2}s.",
                report.files_written,
                if report.files_written == 1 { "" } else { "s" },
                report.out.display(),
                started.elapsed().as_secs_f64()
            );
            0
        }
        Err(BuildError::Refused {
            diagnostics,
            report,
        }) => {
            print_diags(&diagnostics);
            if !quiet {
                eprint!("{}", report.refused_table(&diagnostics));
            }
            let e = BuildError::Refused {
                diagnostics,
                report,
            };
            eprintln!("error: {e}");
            e.exit_code() as u8
        }
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code() as u8
        }
    }
}
