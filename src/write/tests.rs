use super::staging::clean_leftovers;
use super::*;

#[test]
fn refuses_unsafe_outputs() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path().join("site");
    std::fs::create_dir_all(root.join("content")).unwrap();
    assert!(check_output(&root, &root).is_err());
    assert!(check_output(&root, t.path()).is_err());
    assert!(check_output(&root, &root.join("content")).is_err());
    assert!(check_output(&root, &root.join("content/x")).is_err());
    assert!(check_output(&root, &root.join("public")).is_ok());
    // An existing folder of someone else's files is never replaced.
    let docs = t.path().join("documents");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("letter.txt"), "keep").unwrap();
    assert!(check_output(&root, &docs).is_err());
}

#[test]
fn staged_output_replaces_old_only_on_commit() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("public");
    let s = Staging::new(&out, "test").unwrap();
    s.write("a/index.html", b"one").unwrap();
    s.commit().unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("a/index.html")).unwrap(),
        "one"
    );
    {
        let s = Staging::new(&out, "test").unwrap();
        s.write("a/index.html", b"two").unwrap();
        // dropped without commit: a failed build
    }
    assert_eq!(
        std::fs::read_to_string(out.join("a/index.html")).unwrap(),
        "one"
    );
    let leftovers: Vec<_> = std::fs::read_dir(t.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    let s = Staging::new(&out, "test").unwrap();
    assert!(s.write("../escape.txt", b"x").is_err());
    assert!(s.write("/etc/x", b"x").is_err());
}

#[test]
fn write_site_writes_generated_and_copied_files_and_refuses_a_foreign_folder() {
    let t = tempfile::tempdir().unwrap();
    let src = t.path().join("plan.pdf");
    std::fs::write(&src, "pdf").unwrap();
    let out = check_replaceable(&t.path().join("regional")).unwrap();
    let mut site = SiteFiles::new().with_marker_note("collated\n");
    site.push("index.html", "home");
    site.copy("downloads/plan.pdf", &src);
    assert_eq!(site.len(), 2);
    assert!(site.contains("downloads/plan.pdf"));
    write_site(&out, &site).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "home"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("downloads/plan.pdf")).unwrap(),
        "pdf"
    );
    assert_eq!(
        std::fs::read_to_string(out.join(MARKER)).unwrap(),
        "collated\n"
    );
    // Rewritten whole: a file the new list lacks is gone.
    write_site(&out, &SiteFiles::from(vec![OutFile::new("a.txt", "a")])).unwrap();
    assert!(!out.join("index.html").exists());
    // A folder of someone else's files is never replaced.
    let docs = t.path().join("documents");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("letter.txt"), "keep").unwrap();
    assert!(check_replaceable(&docs).is_err());
    assert!(write_site(&docs, &site).is_err());
    assert_eq!(
        std::fs::read_to_string(docs.join("letter.txt")).unwrap(),
        "keep"
    );
}

/// The process id of a process that has ended.
fn dead_pid() -> u32 {
    let mut c = std::process::Command::new("true").spawn().unwrap();
    let pid = c.id();
    c.wait().unwrap();
    pid
}

fn leftover(dir: &Path, name: &str, marker: bool) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.join("reviews")).unwrap();
    std::fs::write(p.join("reviews/page.html"), "half written").unwrap();
    if marker {
        std::fs::write(p.join(MARKER), "").unwrap();
    }
    p
}

#[cfg(unix)]
#[test]
fn next_build_removes_only_what_stopped_builds_left() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("public");
    let dead = dead_pid();
    let staged = leftover(t.path(), &format!(".public.learnsite-staging-{dead}"), true);
    let old = leftover(t.path(), &format!(".public.learnsite-old-{dead}"), true);
    // Not learnsite's: no marker, a link, another output's, a build still running.
    let unmarked = leftover(
        t.path(),
        &format!(".public.learnsite-staging-{}", dead + 1),
        false,
    );
    let mut sleeper = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let running = leftover(
        t.path(),
        &format!(".public.learnsite-staging-{}", sleeper.id()),
        true,
    );
    let other = leftover(t.path(), &format!(".docs.learnsite-staging-{dead}"), true);
    // Stopped before it wrote its marker: empty, so removed.
    let empty = t
        .path()
        .join(format!(".public.learnsite-staging-{}", dead_pid()));
    std::fs::create_dir(&empty).unwrap();
    let link = t.path().join(format!(".public.learnsite-old-{}", dead + 2));
    std::os::unix::fs::symlink(&other, &link).unwrap();
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join(MARKER), "").unwrap();

    let s = Staging::new(&out, "test").unwrap();
    s.write("index.html", b"new").unwrap();
    s.commit().unwrap();
    let _ = sleeper.kill();
    let _ = sleeper.wait();
    assert!(
        !staged.exists() && !old.exists() && !empty.exists(),
        "stopped builds' folders stay: {:?}",
        [staged.exists(), old.exists(), empty.exists()]
    );
    for kept in [&unmarked, &running, &other] {
        assert!(
            kept.join("reviews/page.html").is_file(),
            "{} was removed",
            kept.display()
        );
    }
    assert!(link.is_symlink());
    assert_eq!(
        std::fs::read_to_string(out.join("index.html")).unwrap(),
        "new"
    );
}

#[cfg(unix)]
#[test]
fn a_previous_output_set_aside_by_a_stopped_build_is_put_back() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("public");
    let old = leftover(
        t.path(),
        &format!(".public.learnsite-old-{}", dead_pid()),
        true,
    );
    clean_leftovers(&out);
    assert!(!old.exists());
    assert_eq!(
        std::fs::read_to_string(out.join("reviews/page.html")).unwrap(),
        "half written"
    );
}

#[test]
fn commit_leaves_nothing_beside_the_output() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("public");
    for text in ["one", "two", "three"] {
        let s = Staging::new(&out, "test").unwrap();
        s.write("a/index.html", text.as_bytes()).unwrap();
        s.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            text
        );
        let names: Vec<_> = std::fs::read_dir(t.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
    }
}
