//! `learnsite serve` updates its output in place, writing only what a saved file changed; the
//! result must be what `learnsite build` writes of the same content, byte for byte, after
//! every kind of edit, and a save that a build would refuse (a lint error, a link to a held
//! document) must leave the last good output as it was.

use crate::support::*;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The example site of this repository, in a temporary folder.
fn example() -> Fixture {
    let f = Fixture::new();
    for item in ["learnsite.yaml", "content", "layouts", "static"] {
        let from = repo().join(item);
        if from.is_file() {
            std::fs::copy(&from, f.path().join(item)).unwrap();
        } else if from.is_dir() {
            copy_tree(&from, &f.path().join(item));
        }
    }
    f
}

/// Save `text` as `rel` the way editors do: into a file beside it, renamed over it, so that
/// `serve` never reads half a file.
fn save(f: &Fixture, rel: &str, text: &str) {
    let p = f.path().join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    let tmp = p.with_extension("saving~");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, &p).unwrap();
}

fn edit(f: &Fixture, rel: &str, from: &str, to: &str) {
    let text = std::fs::read_to_string(f.path().join(rel)).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    save(f, rel, &text.replacen(from, to, 1));
}

/// Every file under `dir` by its path relative to `dir`.
/// (Read while serve may be updating it: a file removed between the walk and its reading is
/// left out, which shows as a difference, and the caller looks again.)
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut v: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let bytes = std::fs::read(e.path()).ok()?;
            Some((e.path().strip_prefix(dir).unwrap().to_path_buf(), bytes))
        })
        .collect();
    v.sort();
    v
}

/// The first difference between two folders' files, if any.
fn difference(a: &Path, b: &Path) -> Option<String> {
    let (fa, fb) = (files(a), files(b));
    let names = |f: &[(PathBuf, Vec<u8>)]| f.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
    if names(&fa) != names(&fb) {
        let only_a: Vec<_> = names(&fa)
            .into_iter()
            .filter(|n| !names(&fb).contains(n))
            .collect();
        let only_b: Vec<_> = names(&fb)
            .into_iter()
            .filter(|n| !names(&fa).contains(n))
            .collect();
        return Some(format!(
            "only in serve's: {only_a:?}; only in build's: {only_b:?}"
        ));
    }
    fa.iter()
        .zip(&fb)
        .find(|(x, y)| x.1 != y.1)
        .map(|(x, _)| format!("{} differs", x.0.display()))
}

struct Serve {
    child: std::process::Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(f: &Fixture, log: PathBuf) -> Serve {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_learnsite"))
            .args(["serve", "--port", &port.to_string()])
            .current_dir(f.path())
            .env("NO_COLOR", "1")
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        let s = Serve { child, port, log };
        let deadline = Instant::now() + Duration::from_secs(120);
        while s.build_number().is_none() {
            assert!(Instant::now() < deadline, "serve did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        s
    }

    fn build_number(&self) -> Option<u64> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
        s.write_all(b"GET /__learnsite/build HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            .ok()?;
        let mut buf = String::new();
        let _ = s.read_to_string(&mut buf);
        buf.rsplit("\r\n\r\n").next()?.trim().parse().ok()
    }

    /// How many builds serve has refused so far.
    fn refusals(&self) -> usize {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .matches("The build has errors")
            .count()
    }
}

/// After an edit a build accepts: wait until serve's output is `build`'s, byte for byte.
fn same_as_build(f: &Fixture, serve: &Serve, step: &str, n: usize) {
    let full = f.path().join(format!("full-{n}"));
    let r = f.build(&["--out", full.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{step}: the build failed: {}", r.stderr);
    let deadline = Instant::now() + Duration::from_secs(60);
    while let Some(diff) = difference(&f.out(), &full) {
        assert!(
            Instant::now() < deadline,
            "{step}: serve's output is not the build's: {diff}\n{}",
            std::fs::read_to_string(&serve.log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::fs::remove_dir_all(&full).unwrap();
}

/// After an edit a build refuses: wait until serve has refused it too, and check that the
/// output is still `last` (the last good output).
fn refused_like_build(f: &Fixture, serve: &Serve, step: &str, refusals: &mut usize, last: &Path) {
    let r = f.build(&["--out", f.path().join("refused").to_str().unwrap()]);
    assert_eq!(r.code, 1, "{step}: the build was not refused: {}", r.stderr);
    let deadline = Instant::now() + Duration::from_secs(60);
    while serve.refusals() == *refusals {
        assert!(Instant::now() < deadline, "{step}: serve did not refuse it");
        std::thread::sleep(Duration::from_millis(100));
    }
    *refusals = serve.refusals();
    assert_eq!(
        difference(&f.out(), last),
        None,
        "{step}: serve changed its output"
    );
}

#[test]
fn serve_output_stays_what_a_build_makes_after_every_kind_of_edit() {
    let f = example();
    let logs = tempfile::tempdir().unwrap();
    let serve = Serve::start(&f, logs.path().join("serve.log"));
    same_as_build(&f, &serve, "the first build", 0);
    let mut refusals = 0;
    let last_good = logs.path().join("last-good");
    let keep_last_good = || {
        let _ = std::fs::remove_dir_all(&last_good);
        copy_tree(&f.out(), &last_good);
    };

    // A published review that a published briefing belongs to (so its title is on the
    // briefing's page too), with recommendations (so it is on the action tracker).
    let review = "content/reviews/baby-l.md";
    let original = std::fs::read_to_string(f.path().join(review)).unwrap();
    let added = "content/reviews/adult-z.md";
    let adult_z = doc(
        "Safeguarding adults review: Adult Z",
        "published: 2026-02-10\nreview_type: sar\nthemes: [self-neglect, carers]\npseudonyms: [Adult Z]\nrecommendations:\n  - {id: R1, text: \"Agencies should share the risk assessment.\", owner: Board, due: 2026-03, status: in-progress}\n",
        "## What happened\n\nAdult Z lived alone. The review found that practitioners did not share what they knew.\n",
    );
    let adult_y = adult_z
        .replace("Adult Z", "Adult Y")
        .replace("2026-02-10", "2025-11-03");
    type Step<'a> = (&'a str, Box<dyn Fn() + 'a>);
    let steps: Vec<Step> = vec![
        (
            "a body edited",
            Box::new(|| edit(&f, review, "\n## ", "\nA sentence added in review.\n\n## ")),
        ),
        (
            "a theme changed",
            Box::new(|| edit(&f, review, "themes: [", "themes: [carers, ")),
        ),
        (
            "the title changed (its briefing, listings, feeds, search, the tracker)",
            Box::new(|| edit(&f, review, "title: \"", "title: \"Renamed: ")),
        ),
        ("a document added", Box::new(|| save(&f, added, &adult_z))),
        (
            "a document made a draft",
            Box::new(|| edit(&f, added, "---\n", "---\ndraft: true\n")),
        ),
        (
            "the draft published again",
            Box::new(|| save(&f, added, &adult_z)),
        ),
        (
            "a document deleted",
            Box::new(|| std::fs::remove_file(f.path().join(added)).unwrap()),
        ),
        // A folder is not something the watcher's events describe file by file: serve looks
        // at the whole of content/ again.
        (
            "a document added in a new folder",
            Box::new(|| save(&f, "content/reviews/older/adult-y.md", &adult_y)),
        ),
        (
            "the folder renamed",
            Box::new(|| {
                std::fs::rename(
                    f.path().join("content/reviews/older"),
                    f.path().join("content/reviews/archive"),
                )
                .unwrap()
            }),
        ),
        (
            "a document edited in the renamed folder",
            Box::new(|| {
                edit(
                    &f,
                    "content/reviews/archive/adult-y.md",
                    "lived alone",
                    "lived alone in a flat",
                )
            }),
        ),
        (
            "the folder removed",
            Box::new(|| std::fs::remove_dir_all(f.path().join("content/reviews/archive")).unwrap()),
        ),
        (
            "a template changed",
            Box::new(|| {
                let footer =
                    std::fs::read_to_string(repo().join("layouts/partials/footer.html")).unwrap();
                save(
                    &f,
                    "layouts/partials/footer.html",
                    &format!("{footer}<p>A line added to the footer.</p>\n"),
                )
            }),
        ),
        (
            "the settings changed",
            Box::new(|| edit(&f, "learnsite.yaml", "title: \"", "title: \"Renamed ")),
        ),
    ];
    for (n, (step, apply)) in steps.iter().enumerate() {
        apply();
        same_as_build(&f, &serve, step, n + 1);
    }

    // A save that fails the lint: a build is refused and publishes nothing, so serve leaves
    // the last good output as it was; put right, it is published again.
    keep_last_good();
    edit(
        &f,
        review,
        "\n## ",
        "\nHer date of birth is 12/03/1985 and she lived at 14 Acacia Avenue, NM1 2AB.\n\n## ",
    );
    refused_like_build(&f, &serve, "a lint error", &mut refusals, &last_good);
    save(&f, review, &original);
    same_as_build(&f, &serve, "the lint error put right", 20);

    // A review that a published briefing belongs to, made a draft: the briefing may not
    // link to a held review, so a build is refused, and serve too.
    keep_last_good();
    edit(&f, "content/reviews/ella.md", "---\n", "---\ndraft: true\n");
    refused_like_build(
        &f,
        &serve,
        "a link to a held review",
        &mut refusals,
        &last_good,
    );
    // Held too, the briefing no longer links to anything published.
    edit(
        &f,
        "content/briefings/ella-coercive-control.md",
        "---\n",
        "---\ndraft: true\n",
    );
    same_as_build(&f, &serve, "the briefing held with its review", 21);
    assert!(!f
        .out()
        .join("briefings/ella-coercive-control/index.html")
        .exists());
}
