//! Every input that once broke a fuzz target (`fuzz/`), replayed through the same function of
//! `learnsite::untrusted`: each must now be handled (a clean result or a clear message whose
//! place is inside the file), never a panic. The inputs are in `tests/fuzz_regressions/TARGET/`,
//! named for what went wrong.

use crate::support::repo;
use learnsite::untrusted::{self, Broken};

fn replay(target: &str, run: fn(&str) -> Result<(), Broken>) {
    let dir = repo().join("tests/fuzz_regressions").join(target);
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap().flatten() {
        let bytes = std::fs::read(e.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let name = e.file_name().to_string_lossy().into_owned();
        let outcome = std::panic::catch_unwind(|| run(&text));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(broken)) => panic!("{target}/{name}: {broken}"),
            Err(_) => panic!("{target}/{name}: panicked"),
        }
        n += 1;
    }
    eprintln!("{target}: {n} inputs replayed");
}

#[test]
fn front_matter() {
    replay("front_matter", untrusted::front_matter);
}

#[test]
fn lint_text() {
    replay("lint_text", untrusted::lint_text);
}

#[test]
fn document() {
    replay("document", untrusted::document);
}

#[test]
fn search_query() {
    replay("search_query", untrusted::search_query);
}

#[test]
fn learning_index() {
    replay("learning_index", untrusted::learning_index);
}
