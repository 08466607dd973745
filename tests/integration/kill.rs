//! Builds and collates killed (SIGKILL) at random moments: the output folder is always the
//! whole previous site or the whole new one, byte for byte, and the next run removes what the
//! killed ones left beside it. Slow (a few thousand documents, 50 kills each): ignored by
//! `cargo test`, run by `.ci/run` as `cargo test --test integration kill -- --ignored`.
//! `LEARNSITE_KILLS` and `LEARNSITE_KILL_DOCS` change the number of kills and documents.
#![cfg(unix)]

use crate::support::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Every file of a site folder, by path relative to it.
type Snapshot = BTreeMap<PathBuf, Vec<u8>>;

fn snapshot(dir: &Path) -> Snapshot {
    all_files(dir)
        .into_iter()
        .map(|(p, b)| (p.strip_prefix(dir).unwrap().to_path_buf(), b))
        .collect()
}

/// What the run left beside the output folder `out` (staging folders, set-aside outputs).
fn leftovers(out: &Path) -> Vec<String> {
    let name = format!(".{}.", out.file_name().unwrap().to_string_lossy());
    std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&name))
        .collect()
}

/// A site of `n` short documents of every kind; the settings are written by the caller.
fn generate(dir: &Path, n: usize) {
    let themes = [
        "self-neglect",
        "hoarding",
        "neglect",
        "transitions",
        "carers",
    ];
    for i in 0..n {
        let (folder, extra, body) = match i % 3 {
            0 => ("reviews", "review_type: sar\n", String::new()),
            1 => ("briefings", "", briefing_sections("")),
            _ => ("learning-summaries", "", learning_summary_sections("")),
        };
        let path = dir.join(format!("content/{folder}/case-{i}.md"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = format!(
            "---\ntitle: \"Learning from case {i}\"\nsummary: \"What agencies learnt.\"\npublished: 2024-{:02}-{:02}\n{extra}themes: [{}]\n---\nPractitioners shared the risk late; professional curiosity about the home would have helped.\n{body}",
            1 + i % 12,
            1 + i % 28,
            themes[i % themes.len()],
        );
        std::fs::write(path, text).unwrap();
    }
}

/// A small pseudo-random generator (xorshift), seeded from the clock; the seed is printed so
/// a failure can be replayed with `LEARNSITE_KILL_SEED`.
struct Rng(u64);
impl Rng {
    fn new() -> Rng {
        let seed = std::env::var("LEARNSITE_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
                    | 1
            });
        eprintln!("kill test seed: LEARNSITE_KILL_SEED={seed}");
        Rng(seed)
    }
    /// A number in `0.0..1.0`.
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One command that writes a whole site to `out`, in two versions that differ in every page.
struct Job<'a> {
    what: &'a str,
    out: PathBuf,
    /// Make the next run write version `v` (0 or 1); returns the command.
    prepare: &'a dyn Fn(usize) -> Command,
}

/// Run `job` to the end in both versions, then `kills` times from the other version, killed
/// after a delay spread over the whole run. Panics unless the output is each time one whole
/// version.
fn kill_repeatedly(job: &Job, kills: usize) {
    let mut rng = Rng::new();
    let mut versions = Vec::new();
    let mut full = Duration::ZERO;
    for v in 0..2 {
        let start = Instant::now();
        let o = (job.prepare)(v).output().unwrap();
        full = start.elapsed();
        assert!(
            o.status.success(),
            "{}: {}",
            job.what,
            String::from_utf8_lossy(&o.stderr)
        );
        versions.push(snapshot(&job.out));
    }
    assert_ne!(versions[0], versions[1]);
    eprintln!(
        "{}: {} files, a whole run takes {:.2}s",
        job.what,
        versions[1].len(),
        full.as_secs_f64()
    );
    let mut current = 1;
    let (mut stayed, mut replaced, mut left_behind) = (0, 0, 0);
    // The first `kills` delays are stratified over the whole run and a little after it, so
    // every stage is likely hit. A loaded machine can still miss one (its runs take longer than
    // the timed one): then up to `2 * kills` more kills aim at the outcome not yet seen, so the
    // test checks every stage rather than failing on chance.
    for i in 0.. {
        let missed = replaced == 0 || stayed == 0 || left_behind == 0;
        if i >= kills && (!missed || i >= 3 * kills) {
            break;
        }
        let next = 1 - current;
        let delay = if i < kills {
            full.mul_f64(1.2 * (i as f64 + rng.unit()) / kills as f64)
        } else if replaced == 0 {
            full.mul_f64(3.0) // let it finish
        } else if stayed == 0 {
            full.mul_f64(0.05 * rng.unit()) // before it has staged anything
        } else {
            full.mul_f64(0.2 + 1.3 * rng.unit()) // while it writes its staging folder
        };
        let mut child = (job.prepare)(next)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let now = snapshot(&job.out);
        if now == versions[current] {
            stayed += 1;
        } else if now == versions[next] {
            replaced += 1;
            current = next;
        } else {
            let changed = now
                .iter()
                .filter(|(p, b)| versions[current].get(*p) != Some(*b))
                .count();
            panic!(
                "{}: killed after {delay:?} (kill {i}), the output is neither the old nor the new site: {} files, {changed} differ from the old",
                job.what,
                now.len(),
            );
        }
        if !leftovers(&job.out).is_empty() {
            left_behind += 1;
        }
    }
    eprintln!(
        "{}: {} kills: {stayed} left the old site, {replaced} the new; {left_behind} left folders beside it",
        job.what,
        stayed + replaced
    );
    // The next run to finish removes everything the killed ones left.
    let o = (job.prepare)(1 - current).output().unwrap();
    assert!(o.status.success());
    assert_eq!(snapshot(&job.out), versions[1 - current]);
    assert_eq!(leftovers(&job.out), Vec::<String>::new(), "{}", job.what);
    assert!(
        replaced > 0 && stayed > 0 && left_behind > 0,
        "{}: the kills missed a stage: {stayed} old, {replaced} new, {left_behind} with leftovers",
        job.what
    );
}

#[test]
#[ignore = "slow: run by .ci/run"]
fn killed_builds_leave_the_old_or_the_new_site_whole() {
    let f = Fixture::new();
    generate(f.path(), env_or("LEARNSITE_KILL_DOCS", 2000));
    let prepare = |v: usize| {
        f.file(
            "learnsite.yaml",
            &CONFIG.replace("Test Board Learning", &format!("Test Board Learning {v}")),
        );
        let extra = f.path().join("content/reviews/extra.md");
        if v == 1 {
            f.file(
                "content/reviews/extra.md",
                &doc("Review of Adult K", "review_type: sar\n", "Body."),
            );
        } else if extra.exists() {
            std::fs::remove_file(extra).unwrap();
        }
        let mut c = Command::new(env!("CARGO_BIN_EXE_learnsite"));
        c.args(["build", "--quiet", "--now", "2025-06-01"])
            .current_dir(f.path());
        c
    };
    kill_repeatedly(
        &Job {
            what: "build",
            out: f.out(),
            prepare: &prepare,
        },
        env_or("LEARNSITE_KILLS", 50),
    );
}

#[test]
#[ignore = "slow: run by .ci/run"]
fn killed_collates_leave_the_old_or_the_new_region_whole() {
    let f = Fixture::new();
    generate(f.path(), env_or("LEARNSITE_KILL_DOCS", 2000));
    let built = f.build(&["--quiet", "--now", "2025-06-01"]);
    assert_eq!(built.code, 0, "{}", built.stderr);
    let index = f.path().join("board.json");
    std::fs::rename(f.out().join("learning-index.json"), &index).unwrap();
    let out = f.path().join("regional");
    let prepare = |v: usize| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_learnsite"));
        c.args([
            "collate",
            "board.json",
            "--out",
            "regional",
            "--now",
            "2025-06-01",
        ])
        .args(["--title", &format!("North West learning {v}")])
        .current_dir(f.path());
        c
    };
    kill_repeatedly(
        &Job {
            what: "collate",
            out,
            prepare: &prepare,
        },
        env_or("LEARNSITE_KILLS", 50),
    );
}
