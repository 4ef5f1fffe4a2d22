//! The GitHub Actions workflows: actionlint finds no problem in any of them, and they run the
//! scripts that `tests/inbox.rs` tests, calling one another as the import needs (a commit
//! made with `GITHUB_TOKEN` starts no workflow, so the import calls the Pages build itself).

mod common;

use common::{repo_root, require_tool};
use std::path::{Path, PathBuf};
use std::process::Command;

fn workflows() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo_root().join(".github/workflows"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yml" || x == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "{files:?}");
    files
}

fn read(name: &str) -> String {
    std::fs::read_to_string(repo_root().join(".github/workflows").join(name)).unwrap()
}

/// actionlint on one file: its status and output.
fn actionlint(tool: &Path, file: &Path) -> (bool, String) {
    let output = Command::new(tool)
        .arg(file)
        .current_dir(repo_root())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[test]
fn actionlint_passes_every_workflow() {
    let Some(tool) = require_tool("actionlint") else {
        return;
    };
    for file in workflows() {
        let (ok, output) = actionlint(&tool, &file);
        assert!(ok, "actionlint {}:\n{output}", file.display());
    }
}

/// The check can fail: a workflow with a mistake in it is refused.
#[test]
fn actionlint_refuses_a_broken_workflow() {
    let Some(tool) = require_tool("actionlint") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("import.yml");
    let text = read("import.yml").replace(
        "needs.import.outputs.pushed",
        "needs.import.outputs.pusshed",
    );
    std::fs::write(&broken, text).unwrap();
    let (ok, output) = actionlint(&tool, &broken);
    assert!(!ok, "actionlint passed a broken workflow:\n{output}");
    assert!(output.contains("pusshed"), "{output}");
}

#[test]
fn the_import_runs_its_script_and_calls_the_pages_build() {
    let import = read("import.yml");
    for needed in [
        "paths: [\"inbox/**\"]",
        "group: inbox",
        "cancel-in-progress: false",
        "contents: write",
        "scripts/inbox-import --push",
        "uses: ./.github/workflows/pages.yml",
        "ref: ${{ needs.import.outputs.sha }}",
        // What the import pushed is published, whatever became of the other texts; a text
        // left for the editor fails the run in a job of its own, so the import's outputs
        // are those of a job that succeeded.
        "scripts/inbox-import --push || status=$?",
        "if: ${{ needs.import.outputs.pushed == 'true' }}",
        "if: ${{ needs.import.outputs.status != '0' }}",
    ] {
        assert!(import.contains(needed), "import.yml lacks {needed}");
    }
    let pages = read("pages.yml");
    for needed in [
        "workflow_call:",
        // The input the import passes.
        "      ref:\n",
        "ref: ${{ inputs.ref }}",
        // An upload to the inbox is built once, by the import's call.
        "paths-ignore: [\"inbox/**\"]",
        "path: .dostyk-cache",
        "scripts/pages-build \"$BASE_URL\"",
    ] {
        assert!(pages.contains(needed), "pages.yml lacks {needed}");
    }
    for script in ["scripts/inbox-import", "scripts/pages-build"] {
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(repo_root().join(script))
                .unwrap()
                .permissions(),
        );
        assert!(mode & 0o111 != 0, "{script} is executable");
    }
}
