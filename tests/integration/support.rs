//! Fixture sites: a temporary folder with `learnsite.yaml`, `content/` and whatever a
//! test adds, and helpers to build it with the real binary.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub const CONFIG: &str = "title: Test Board Learning\nbase_url: https://learning.test.example/\nboard: Testshire Safeguarding Adults Board\nregion: North West\n";

impl Fixture {
    /// A site with the default config and no content.
    pub fn new() -> Fixture {
        let f = Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        f.file("learnsite.yaml", CONFIG);
        std::fs::create_dir_all(f.path().join("content")).unwrap();
        f
    }

    /// A copy of one of the fixture sites in `tests/fixtures/`.
    #[allow(dead_code)]
    pub fn copy_of(name: &str) -> Fixture {
        let f = Fixture {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        copy_tree(&repo().join("tests/fixtures").join(name), f.path());
        f
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn file(&self, rel: &str, text: &str) -> &Self {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        self
    }

    pub fn out(&self) -> PathBuf {
        self.path().join("public")
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }

    /// `learnsite build` with extra arguments.
    pub fn build(&self, args: &[&str]) -> Run {
        let mut a = vec!["build"];
        a.extend_from_slice(args);
        self.run(&a)
    }

    pub fn read_out(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out().join(rel))
            .unwrap_or_else(|e| panic!("cannot read public/{rel}: {e}"))
    }
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let o = Command::new(env!("CARGO_BIN_EXE_learnsite"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run learnsite");
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

pub fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().flatten() {
        let rel = e.path().strip_prefix(from).unwrap();
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else if e.file_type().is_file() {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes.
pub fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// A minimal document.
pub fn doc(title: &str, extra_front_matter: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\n{extra_front_matter}---\n{body}\n")
}

/// The seven sections a 7-minute briefing must have, each with a line of text.
pub fn briefing_sections(extra: &str) -> String {
    let mut s = String::new();
    for h in [
        "1. Background",
        "2. Why it matters",
        "3. Information",
        "4. Key points",
        "5. Key points (continued)",
        "6. Questions to reflect on",
        "7. What to do",
    ] {
        s.push_str(&format!("## {h}\n\nPractitioners discuss this part.\n\n"));
    }
    s.push_str(extra);
    s
}

/// The sections of the regional learning-summary template, each with a line of text.
pub fn learning_summary_sections(extra: &str) -> String {
    let mut s = String::new();
    for h in [
        "What was learnt about the case",
        "What was learnt about the review and its method",
        "Key recommendations: single-agency",
        "Key recommendations: multi-agency",
        "How changes will be made and who does what",
        "How impact will be audited",
    ] {
        s.push_str(&format!("## {h}\n\nThe board sets this out.\n\n"));
    }
    s.push_str(extra);
    s
}
