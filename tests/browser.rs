//! Browser tests in a real Chromium: builds the repository's `content/` under a sub-path base URL,
//! serves it on 127.0.0.1 from a small static file server in this test, and runs
//! `node tests/browser/run.mjs BASE_URL SCREENSHOT_DIR` (playwright-core driving Debian's
//! `chromium`, axe-core for accessibility). See `tests/browser/run.mjs` for the checks.
//!
//! Needs `chromium` (`/usr/bin/chromium`, or `DOSTYK_CHROMIUM`), `node`, and
//! `npm ci --prefix tests/browser`, each found by `common::require_tool`: without them the test
//! says `skipped: ... not found` and runs no checks, unless `DOSTYK_REQUIRE_TOOLS=1` (CI), where a
//! missing tool is a failure.
//! Screenshots go to `target/screenshots/` (or `DOSTYK_SCREENSHOTS`).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path};
use std::time::Duration;

/// The GitHub Pages project sub-path the site is built for and served under.
const REPO: &str = "REPO";

#[test]
fn browser_tests_in_chromium() {
    let Some(tools) = common::browser_tools() else {
        return;
    };

    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().expect("local address").port();
    let base_url = format!("http://127.0.0.1:{port}/{REPO}/");
    let site = common::build_repo(&base_url);
    let out = site.out.clone();
    std::thread::spawn(move || serve(&listener, &out));

    let shots = common::screenshot_dir();
    println!("serving {} at {base_url}", site.out.display());
    println!("screenshots: {}", shots.display());

    let output = tools
        .script("run.mjs")
        .arg(&base_url)
        .arg(&shots)
        .output()
        .expect("run node");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}");
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        output.status.success(),
        "the browser tests failed ({}); see the FAIL lines above",
        output.status
    );
    // The summary line, `N passed, 0 failed; ...`: the checks ran, and past the harness's
    // capture, so that a passing run says what it did.
    let summary = stdout
        .lines()
        .rev()
        .find(|l| l.contains(" passed, "))
        .unwrap_or_else(|| panic!("run.mjs printed no summary line:\n{stdout}"));
    let passed: usize = summary
        .split(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        passed > 0 && summary.contains(" passed, 0 failed"),
        "the browser checks ran and none failed: {summary}"
    );
    let _ = writeln!(std::io::stderr(), "browser tests: {summary}");
}

// ---------------------------------------------------------------------------------------------
// A static file server for the test: GET and HEAD of files under `root` only, at `/REPO/...`.
// ---------------------------------------------------------------------------------------------

fn serve(listener: &TcpListener, root: &Path) {
    for stream in listener.incoming().flatten() {
        let root = root.to_path_buf();
        std::thread::spawn(move || {
            let _ = handle(stream, &root);
        });
    }
}

fn handle(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            true,
        );
    }
    let head_only = method == "HEAD";
    let path = percent_decode(target.split(['?', '#']).next().unwrap_or("/"));
    let prefix = format!("/{REPO}/");
    let Some(rel) = path
        .strip_prefix(&prefix)
        .or(if path == format!("/{REPO}") {
            Some("")
        } else {
            None
        })
    else {
        return not_found(&mut stream, root, head_only);
    };
    if path == format!("/{REPO}") {
        return redirect(&mut stream, &prefix);
    }
    let rel_path = Path::new(rel);
    if rel_path
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return not_found(&mut stream, root, head_only);
    }
    let mut file = root.join(rel_path);
    if file.is_dir() {
        if !rel.is_empty() && !rel.ends_with('/') {
            return redirect(&mut stream, &format!("{path}/"));
        }
        file = file.join("index.html");
    }
    match std::fs::read(&file) {
        Ok(body) => respond(&mut stream, "200 OK", content_type(&file), &body, head_only),
        Err(_) => not_found(&mut stream, root, head_only),
    }
}

/// Like GitHub Pages: the site's `404.html`, with status 404.
fn not_found(stream: &mut TcpStream, root: &Path, head_only: bool) -> std::io::Result<()> {
    let body = std::fs::read(root.join("404.html")).unwrap_or_else(|_| b"not found".to_vec());
    respond(
        stream,
        "404 Not Found",
        "text/html; charset=utf-8",
        &body,
        head_only,
    )
}

fn redirect(stream: &mut TcpStream, location: &str) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "wasm" => "application/wasm",
        // Pagefind's index chunks, fragments, metadata and its `wasm.<lang>.pagefind`: served
        // as-is, the way GitHub Pages serves unknown extensions.
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
