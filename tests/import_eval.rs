//! The importer's evaluator (`bench/import_eval/eval.py`) on a tiny labelled set written for this
//! test: it must import the texts as an editor would and score what it should, misses included.

mod common;

use std::path::PathBuf;
use std::process::Command;

#[test]
fn the_evaluator_scores_an_import_and_counts_its_misses() {
    let Some(python) = common::require_tool("python3") else {
        return;
    };
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fixture = repo.join("tests/fixtures/import_eval");
    let out = tempfile::tempdir().unwrap();
    let scores_path = out.path().join("scores.json");
    let output = Command::new(python)
        .arg(repo.join("bench/import_eval/eval.py"))
        .arg("--labels")
        .arg(fixture.join("labels.toml"))
        .arg("--texts")
        .arg(fixture.join("texts"))
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--json")
        .arg(&scores_path)
        .output()
        .expect("python3 runs the evaluator");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let scores: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&scores_path).unwrap()).unwrap();
    // The second label says Tajik for a Kazakh text: one miss of three, and printed.
    assert!(
        (scores["language"].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-9,
        "{scores}"
    );
    assert!(printed.contains("e2_kk.txt: kk (label tg)"), "{printed}");
    assert_eq!(scores["dates_wrong"], 0, "{scores}");
    assert_eq!(scores["headlines"], 1.0, "{scores}");
    // The Russian and Kazakh reports of one meeting are one story; the Uzbek–Kyrgyz one is
    // off topic and flagged, and nothing else is.
    assert_eq!(scores["stories"], 1.0, "{scores}\n{printed}");
    assert_eq!(scores["false_merges"], 0, "{scores}");
    assert_eq!(
        scores["off_topic"],
        serde_json::json!([1, 1, 0]),
        "{scores}"
    );
    assert_eq!(
        scores["datelines"],
        serde_json::json!([3, 3]),
        "{scores}\n{printed}"
    );
    assert_eq!(scores["sentences_lost"], 0, "{scores}\n{printed}");
    assert_eq!(scores["outlet_asked"], 0, "{scores}");
    assert!(
        scores["topics"].as_f64().unwrap() > 0.8,
        "{scores}\n{printed}"
    );
}
