//! Searching a built site with Pagefind's own code (`tests/search/query.mjs`), in Node.

use super::repo::repo_root;
use std::path::Path;
use std::process::Command;

/// One search: a UI tree, a query, filters.
pub(crate) struct Query {
    pub lang: &'static str,
    pub q: &'static str,
    pub filters: serde_json::Value,
}

pub(crate) fn query(lang: &'static str, q: &'static str) -> Query {
    Query {
        lang,
        q,
        filters: serde_json::json!({}),
    }
}

/// Runs the queries with `tests/search/query.mjs`, in `node` (as [`super::require_tool`]
/// found it), against the site built in `out` for `base_path`: one answer per query.
pub(crate) fn run_queries(
    node: &Path,
    out: &Path,
    base_path: &str,
    queries: &[Query],
) -> Vec<serde_json::Value> {
    let spec: Vec<serde_json::Value> = queries
        .iter()
        .map(|q| serde_json::json!({"lang": q.lang, "q": q.q, "filters": q.filters}))
        .collect();
    let output = Command::new(node)
        .arg(repo_root().join("tests/search/query.mjs"))
        .arg(out)
        .arg(base_path)
        .arg(serde_json::to_string(&spec).unwrap())
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "query.mjs failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answers: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("query.mjs prints JSON");
    assert_eq!(answers.len(), queries.len());
    answers
}
