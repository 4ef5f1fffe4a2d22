//! Faults: a build killed at any moment, an output folder it may not write, a full disk, an
//! output folder that would destroy something. Each leaves the last good site whole where it
//! was and nothing half-written beside it; the next build cleans up after a killed one.

mod common;

use common::*;
use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

fn dostyk(fixture: &Fixture) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dostyk"));
    command.arg("--root").arg(&fixture.root);
    command
}

/// A project of `n` articles whose titles carry `edition`.
fn archive(fixture: &Fixture, n: usize, edition: &str) {
    for i in 0..n {
        let spec = ArticleSpec::new(&format!("{edition} мақала {i}"), "2024-06-01", "kk")
            .body(&"Қазақстан мен Тәжікстан ынтымақтастығы туралы мәтін. ".repeat(40));
        fixture.article(&format!("2024/article-{i}.md"), spec.text());
    }
}

fn siblings_are_clean(fixture: &Fixture) {
    let expected: BTreeSet<String> = ["out", "site", ".out.lock"].map(String::from).into();
    assert_eq!(
        fixture.siblings(),
        expected,
        "nothing left beside the output"
    );
}

/// Builds killed (SIGKILL) at points spread over a whole build leave at the output path either
/// the previous site or the new one, complete, byte for byte; the next build finishes and
/// leaves nothing behind.
#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site() {
    let fixture = Fixture::new();
    archive(&fixture, 300, "Бірінші");
    fixture.build_ok();
    let old = snapshot(&fixture.out);

    // The new edition, built apart: what a finished build writes.
    archive(&fixture, 300, "Екінші");
    let reference = fixture.dir.path().join("reference");
    let started = Instant::now();
    let status = dostyk(&fixture)
        .args(["build", "--out"])
        .arg(&reference)
        .stderr(Stdio::null())
        .status()
        .expect("run dostyk");
    assert!(status.success());
    let duration = started.elapsed();
    let new = snapshot(&reference);
    std::fs::remove_dir_all(&reference).unwrap();
    std::fs::remove_file(fixture.dir.path().join(".reference.lock")).unwrap();
    assert_ne!(old, new, "the edition changes the site");

    let (mut old_seen, mut new_seen) = (0, 0);
    // From the start to past the end of a build: while it loads, renders, indexes, swaps the
    // new site in and removes the old one; later still while no kill has come after the swap
    // (a loaded machine builds slower than the reference did).
    let mut step = 0;
    while step < 16 || (new_seen == 0 && step < 80) {
        step += 1;
        let mut child = dostyk(&fixture)
            .args(["build", "--out"])
            .arg(&fixture.out)
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .expect("run dostyk");
        // The first kill comes at once, well before any new site can be in place, however
        // busy the machine was while the reference build was timed.
        let at = if step == 1 {
            0.005
        } else {
            f64::from(step) / 10.0
        };
        std::thread::sleep(duration.mul_f64(at));
        let _ = child.kill();
        child.wait().expect("the build ends");
        let now = snapshot(&fixture.out);
        if now == old {
            old_seen += 1;
        } else if now == new {
            new_seen += 1;
        } else {
            let differ: Vec<&String> = now
                .keys()
                .chain(new.keys())
                .filter(|k| now.get(*k) != new.get(*k) && now.get(*k) != old.get(*k))
                .take(5)
                .collect();
            panic!("killed at {step}/10 of a build, the output is neither site: {differ:?}");
        }
    }
    eprintln!("killed builds left the old site {old_seen} times, the new one {new_seen} times");
    assert!(
        old_seen > 0 && new_seen > 0,
        "the kills fell both before and after the new site was in place"
    );
    fixture.build_ok();
    assert_eq!(snapshot(&fixture.out), new);
    siblings_are_clean(&fixture);
}

#[test]
fn an_output_folder_that_cannot_be_written_is_an_error_and_writes_nothing() {
    let fixture = Fixture::new();
    archive(&fixture, 3, "Бірінші");
    let parent = fixture.dir.path().join("locked");
    std::fs::create_dir(&parent).unwrap();
    let Some(mut command) = as_unprivileged(fixture.dir.path(), env!("CARGO_BIN_EXE_dostyk"))
    else {
        return;
    };
    std::fs::set_permissions(&parent, std::fs::Permissions::from_mode(0o555)).unwrap();
    let output = command
        .arg("--root")
        .arg(&fixture.root)
        .args(["build", "--out"])
        .arg(parent.join("out"))
        .output()
        .expect("run dostyk");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let expected = format!(
        "error: {}: Permission denied (os error 13)",
        parent.join(".out.lock").display()
    );
    assert!(stderr.contains(&expected), "{expected:?} in:\n{stderr}");
    assert_eq!(
        std::fs::read_dir(&parent).unwrap().count(),
        0,
        "nothing written"
    );
}

/// A small file system that is unmounted when dropped.
struct Tmpfs(std::path::PathBuf);

impl Tmpfs {
    /// Mounts a tmpfs of `size` at `path`, or says why it could not.
    fn mount(mount: &Path, path: &Path, size: &str) -> Result<Tmpfs, String> {
        std::fs::create_dir_all(path).unwrap();
        let output = Command::new(mount)
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(path)
            .output()
            .map_err(|e| format!("{} did not run: {e}", mount.display()))?;
        if output.status.success() {
            Ok(Tmpfs(path.to_path_buf()))
        } else {
            Err(format!(
                "`mount -t tmpfs` failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ))
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// A tmpfs of `size` mounted at `path` for the test, which needs root (and `mount`): found by
/// `require_tool` and `require`, so the test is skipped, and says so, without them, or fails
/// under `DOSTYK_REQUIRE_TOOLS=1` (CI runs as root).
fn require_tmpfs(path: &Path, size: &str) -> Option<Tmpfs> {
    let mount = require_tool("mount")?;
    let root = if is_root() {
        Ok(())
    } else {
        Err("the tests do not run as root".to_string())
    };
    let how = "CI runs `.ci/run` as root, which may mount a tmpfs";
    require("root (to mount a small tmpfs)", root, how)?;
    require(
        &format!("a {size} tmpfs at {}", path.display()),
        Tmpfs::mount(&mount, path, size),
        how,
    )
}

#[test]
fn a_full_disk_is_an_error_and_the_last_site_stays() {
    let fixture = Fixture::new();
    archive(&fixture, 2, "Бірінші");
    let disk = fixture.dir.path().join("disk");
    let Some(_tmpfs) = require_tmpfs(&disk, "3m") else {
        return;
    };
    let out = disk.join("out");
    let build = |fixture: &Fixture| {
        dostyk(fixture)
            .args(["build", "--out"])
            .arg(&out)
            .output()
            .expect("run dostyk")
    };
    let first = build(&fixture);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = snapshot(&out);

    archive(&fixture, 400, "Екінші");
    let second = build(&fixture);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert_eq!(second.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("No space left on device (os error 28)")
            && stderr.contains(&format!("{}/.out.building-", disk.display())),
        "the error names the file that did not fit and why:\n{stderr}"
    );
    assert_eq!(snapshot(&out), before, "the last site is untouched");
    let left: BTreeSet<String> = std::fs::read_dir(&disk)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        left,
        ["out", ".out.lock"].map(String::from).into(),
        "no partial site"
    );
}

/// `--out` pointing at the project, one of its inputs, a folder above it, a file or a folder of
/// other files is refused before anything is written, and nothing there is touched.
#[test]
fn an_output_folder_that_would_destroy_something_is_refused() {
    let fixture = Fixture::new();
    archive(&fixture, 1, "Бірінші");
    let documents = fixture.dir.path().join("documents");
    std::fs::create_dir(&documents).unwrap();
    std::fs::write(documents.join("thesis.txt"), "years of work").unwrap();
    let a_file = fixture.dir.path().join("notes.txt");
    std::fs::write(&a_file, "a file").unwrap();
    let project = snapshot(&fixture.root);

    let root = fixture.root.display().to_string();
    let holds = format!(
        "the output folder would hold the project ({root}), which a build replaces: choose a folder inside the project, such as public/"
    );
    let input = |name: &str| {
        format!(
            "the output folder is in the project's input {root}/{name}: choose another, such as public/"
        )
    };
    let cases: Vec<(std::path::PathBuf, String)> = vec![
        (fixture.root.clone(), holds.clone()),
        (fixture.root.join("."), holds.clone()),
        (fixture.dir.path().to_path_buf(), holds.clone()),
        ("/".into(), holds.clone()),
        (fixture.root.join("content"), input("content")),
        (fixture.root.join("content/articles/2024"), input("content")),
        (fixture.root.join("public/../content"), input("content")),
        (fixture.root.join("templates"), input("templates")),
        (fixture.root.join("static"), input("static")),
        (fixture.root.join("i18n"), input("i18n")),
        (a_file.clone(), "is a file, not a folder".into()),
        (
            documents.clone(),
            "holds files that no build wrote (a build's output has a .nojekyll file), and a build replaces the whole folder: empty it, or choose another".into(),
        ),
    ];
    for (out, why) in cases {
        let output = dostyk(&fixture)
            .args(["build", "--out"])
            .arg(&out)
            .output()
            .expect("run dostyk");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "--out {out:?}: {stderr}");
        let expected = format!("error: {}: {why}", out.display());
        assert!(
            stderr.contains(&expected),
            "--out {out:?}: {expected:?} in\n{stderr}"
        );
    }
    assert_eq!(snapshot(&fixture.root), project, "the project is untouched");
    assert_eq!(
        std::fs::read_to_string(documents.join("thesis.txt")).unwrap(),
        "years of work"
    );
    assert_eq!(std::fs::read_to_string(&a_file).unwrap(), "a file");
    // An empty folder, and a site a build wrote, are fine.
    let empty = fixture.dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for _ in 0..2 {
        let status = dostyk(&fixture)
            .args(["build", "--out"])
            .arg(&empty)
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    }
}
