//! Two builds of one output folder at once: the second waits for the first, so the folder
//! holds one whole site at every moment, never a mix of two.

mod common;

use common::*;
use std::process::{Command, Stdio};

#[test]
fn two_builds_at_once_run_one_after_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let build = || {
        Command::new(env!("CARGO_BIN_EXE_dostyk"))
            .args(["--root"])
            .arg(repo_root())
            .args(["build", "--out"])
            .arg(&out)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    // Several rounds, so that the two overlap at least once on a loaded machine.
    let mut waited = 0;
    for _ in 0..4 {
        let (first, second) = (build(), build());
        for child in [first, second] {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "{stderr}");
            waited += usize::from(stderr.contains("waiting for it to finish"));
        }
    }
    let reference = dir.path().join("reference");
    let status = Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(repo_root())
        .args(["build", "--out"])
        .arg(&reference)
        .output()
        .unwrap();
    assert!(status.status.success());
    assert_eq!(snapshot(&out), snapshot(&reference), "one whole site");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".building-") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Started together, the two overlap: one of them saw the lock and waited.
    assert!(waited >= 1, "no build ever waited for the other");
}
