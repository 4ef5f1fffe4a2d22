//! `dostyk serve` end to end: the real server, the real file watcher, requests over real
//! sockets on 127.0.0.1.
//!
//! It is never stale: after every kind of edit (an article's text, title and date, a new and a
//! deleted article, a folder of articles moved, the taxonomy, a template, a static file, the
//! configuration, an interface string), every file the server serves equals what a fresh
//! `dostyk build` of the same files writes for the preview's address (the injected live-reload
//! tag aside, search index aside), and it serves nothing more. A save that changes nothing
//! reloads nothing.
//!
//! A broken edit shows its error, with file and line, in the status and on the event stream,
//! while the last good site stays served; the fix clears it and reloads.

mod common;

use common::*;
use dostyk::serve::{Preview, Report, ServeOptions};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long anything the server should do by itself may take.
const TIMEOUT: Duration = Duration::from_secs(10);
/// How often the status is asked for while waiting.
const POLL: Duration = Duration::from_millis(15);

fn edit(fixture: &Fixture, rel: &str, from: &str, to: &str) {
    let path = fixture.path(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

// ---------------------------------------------------------------------------------------------
// The preview, and what it says over HTTP
// ---------------------------------------------------------------------------------------------

struct Server {
    preview: Preview,
    addr: SocketAddr,
    /// `/REPO/`
    base: String,
    /// What the preview reported, one line each, to explain a failure.
    reports: Arc<Mutex<Vec<String>>>,
}

/// `/__dostyk/status`
#[derive(Debug, Clone)]
struct Status {
    generation: u64,
    ok: bool,
    errors: Vec<String>,
}

impl Server {
    fn start(fixture: &Fixture) -> Server {
        let reports = Arc::new(Mutex::new(Vec::new()));
        let preview = Preview::start(
            ServeOptions {
                project: dostyk::Project::new(&fixture.root),
                bind: "127.0.0.1:0".parse().unwrap(),
                search: false,
            },
            {
                let reports = reports.clone();
                move |report| {
                    let line = match report {
                        Report::Rebuilt {
                            rendered,
                            kept,
                            elapsed,
                            changed,
                            ..
                        } => format!(
                            "rebuilt: {rendered} rendered, {kept} kept, {elapsed:?}, \
                             changed {changed:?}"
                        ),
                        Report::Failed(problems) => format!("failed: {problems:?}"),
                        Report::Indexed { .. } => "indexed".to_string(),
                        Report::IndexFailed(e) => format!("index failed: {e}"),
                    };
                    reports
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(line);
                }
            },
        )
        .unwrap_or_else(|e| panic!("the preview starts:\n{e}"));
        let url = preview.url().to_string();
        let rest = url.strip_prefix("http://").expect("an http URL");
        let (host, path) = rest.split_at(rest.find('/').expect("a base path"));
        assert_eq!(path, "/REPO/", "the base path comes from site.toml");
        Server {
            addr: host.parse().expect("host:port"),
            base: path.to_string(),
            preview,
            reports,
        }
    }

    fn url(&self) -> &str {
        self.preview.url()
    }

    fn reports(&self) -> Vec<String> {
        self.reports
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn get(&self, path: &str) -> Reply {
        get(self.addr, &format!("{}{path}", self.base))
    }

    fn status(&self) -> Status {
        let reply = self.get("__dostyk/status");
        assert_eq!(reply.status, 200, "status endpoint");
        let json: serde_json::Value = serde_json::from_slice(&reply.body).expect("status JSON");
        Status {
            generation: json["generation"].as_u64().expect("generation"),
            ok: json["ok"].as_bool().expect("ok"),
            errors: json["errors"]
                .as_array()
                .expect("errors")
                .iter()
                .map(|e| e.as_str().expect("error line").to_string())
                .collect(),
        }
    }

    /// Polls the status until `done` says so; panics, naming `what`, after [`TIMEOUT`].
    fn wait_for(&self, what: &str, done: impl Fn(&Status) -> bool) -> Status {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let status = self.status();
            if done(&status) {
                return status;
            }
            assert!(
                Instant::now() <= deadline,
                "{what}: not within {TIMEOUT:?}; the status is {status:?}; the preview \
                 reported:\n{:#?}",
                self.reports()
            );
            std::thread::sleep(POLL);
        }
    }

    /// A served HTML page or other file without the live-reload tag, which it must carry once,
    /// right before the last `</body>`, naming this server run.
    fn page(&self, path: &str) -> Vec<u8> {
        let reply = self.get(path);
        assert_eq!(reply.status, 200, "{path}");
        self.without_script(&reply.body)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The generation named by the page's live-reload tag.
    fn page_generation(&self, path: &str) -> u64 {
        let reply = self.get(path);
        let body = String::from_utf8(reply.body).expect("UTF-8 page");
        let marker = "data-generation=\"";
        let at = body.find(marker).expect("a live-reload tag") + marker.len();
        body[at..]
            .split('"')
            .next()
            .unwrap()
            .parse()
            .expect("a number")
    }

    fn without_script(&self, body: &[u8]) -> Result<Vec<u8>, String> {
        let prefix = format!(
            "<script src=\"{}__dostyk/live.js\" data-generation=\"",
            self.base
        );
        let suffix = format!(
            "\" data-instance=\"{:x}\" defer></script>",
            self.preview.live().instance()
        );
        let starts: Vec<usize> = find_all(body, prefix.as_bytes());
        let [start] = starts[..] else {
            return Err(format!(
                "{} live-reload tags where one was expected",
                starts.len()
            ));
        };
        let digits = body[start + prefix.len()..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let end = start + prefix.len() + digits;
        if digits == 0 || !body[end..].starts_with(suffix.as_bytes()) {
            let tail = String::from_utf8_lossy(&body[start..body.len().min(start + 200)]);
            return Err(format!("a malformed live-reload tag: {tail}"));
        }
        let end = end + suffix.len();
        let stripped = [&body[..start], &body[end..]].concat();
        let last_body_end = stripped
            .windows(7)
            .rposition(|w| w.eq_ignore_ascii_case(b"</body>"));
        if last_body_end.is_some_and(|at| at != start) {
            return Err("the live-reload tag is not right before the last </body>".into());
        }
        Ok(stripped)
    }

    /// Every file of `fresh` fetched from the server, compared; and the files served but not
    /// in `fresh`. Empty when the served site is the fresh build.
    fn differences(&self, fresh: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
        let mut problems = Vec::new();
        let served: Vec<String> = self
            .preview
            .live()
            .files()
            .paths()
            .filter(|p| !p.starts_with("pagefind/"))
            .map(str::to_string)
            .collect();
        for extra in served.iter().filter(|p| !fresh.contains_key(*p)) {
            problems.push(format!(
                "{extra}: served, but a fresh build has no such file"
            ));
        }
        for (rel, expected) in fresh {
            let target = rel.strip_suffix("index.html").unwrap_or(rel);
            let reply = self.get(&percent_encode(target));
            if reply.status != 200 {
                problems.push(format!("{rel}: HTTP {}", reply.status));
                continue;
            }
            let body = if has_extension(rel, "html") {
                match self.without_script(&reply.body) {
                    Ok(body) => body,
                    Err(e) => {
                        problems.push(format!("{rel}: {e}"));
                        continue;
                    }
                }
            } else {
                reply.body
            };
            if body != *expected {
                problems.push(format!("{rel}: {}", first_difference(expected, &body)));
            }
        }
        problems
    }

    /// Waits until the status shows a good generation after `before` and the served site is
    /// what a fresh build of the project's files writes now; returns the generation.
    fn settles_to_fresh_build(&self, fixture: &Fixture, before: u64, what: &str) -> u64 {
        let fresh = fresh_build(fixture, self.url());
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let status = self.wait_for(&format!("{what}: a good generation after {before}"), |s| {
                s.ok && s.generation > before
            });
            let problems = self.differences(&fresh);
            if problems.is_empty() {
                return status.generation;
            }
            // A burst of events may be rebuilt in more than one go: give the next one time.
            assert!(
                Instant::now() <= deadline,
                "{what}: after {TIMEOUT:?}, the served site (generation {}) differs from a \
                 fresh build:\n{problems:#?}\nthe preview reported:\n{:#?}",
                status.generation,
                self.reports()
            );
            std::thread::sleep(POLL);
        }
    }
}

/// The site as `dostyk build` writes it for the preview's address, without its search index.
fn fresh_build(fixture: &Fixture, base_url: &str) -> BTreeMap<String, Vec<u8>> {
    let out = fixture.dir.path().join("fresh");
    let _ = std::fs::remove_dir_all(&out);
    dostyk::build(&dostyk::BuildOptions {
        project: dostyk::Project::new(&fixture.root),
        out: out.clone(),
        base_url: Some(base_url.to_string()),
        when_busy: dostyk::write::WhenBusy::Wait,
        search: true,
    })
    .unwrap_or_else(|e| panic!("fresh build:\n{e}"));
    snapshot(&out)
        .into_iter()
        .filter(|(path, _)| !path.starts_with("pagefind/"))
        .collect()
}

fn find_all(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

fn first_difference(expected: &[u8], got: &[u8]) -> String {
    let at = expected
        .iter()
        .zip(got)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(got.len()));
    let around = |bytes: &[u8]| {
        let start = at.saturating_sub(60);
        String::from_utf8_lossy(&bytes[start..bytes.len().min(at + 60)]).into_owned()
    };
    format!(
        "differs at byte {at} ({} bytes expected, {} served): expected …{}…, served …{}…",
        expected.len(),
        got.len(),
        around(expected),
        around(got)
    )
}

/// Escapes what may not appear raw in a request target.
fn percent_encode(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[derive(Debug)]
struct Reply {
    status: u16,
    body: Vec<u8>,
}

/// One GET on a fresh connection, read to its end (the server closes it, as asked).
fn get(addr: SocketAddr, target: &str) -> Reply {
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).expect("connects");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .unwrap_or_else(|e| panic!("GET {target}: {e}"));
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("GET {target}: no header end"));
    let head = String::from_utf8_lossy(&raw[..split]);
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("GET {target}: bad status line {head}"));
    let length: Option<usize> = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse().ok());
    let body = raw[split + 4..].to_vec();
    assert_eq!(length, Some(body.len()), "GET {target}: Content-Length");
    Reply { status, body }
}

/// An open live-reload stream, read event by event.
struct Events {
    reader: BufReader<TcpStream>,
    /// Every event read, by name: to say what came instead of the one awaited.
    seen: Vec<String>,
}

impl Events {
    fn open(server: &Server) -> Events {
        let stream = TcpStream::connect_timeout(&server.addr, TIMEOUT).expect("connects");
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        write!(
            &stream,
            "GET {}__dostyk/events HTTP/1.1\r\nHost: {}\r\nAccept: text/event-stream\r\n\r\n",
            server.base, server.addr
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("the stream's head");
            if line == "\r\n" || line.is_empty() {
                break;
            }
            head.push_str(&line);
        }
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("text/event-stream"), "{head}");
        Events {
            reader,
            seen: Vec::new(),
        }
    }

    /// The next event's name and JSON data, skipping pings and the retry field.
    fn next(&mut self) -> Result<(String, serde_json::Value), String> {
        let (mut name, mut data) = (None, None);
        loop {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => return Err("the stream ended".into()),
                Ok(_) => {}
                Err(e) => return Err(format!("nothing within {TIMEOUT:?} ({e})")),
            }
            let line = line.trim_end_matches('\n');
            if line.is_empty() {
                if let (Some(name), Some(data)) = (name.take(), data.take()) {
                    self.seen.push(format!("{name} {data}"));
                    return Ok((name, data));
                }
                continue;
            }
            if let Some(value) = line.strip_prefix("event: ") {
                name = Some(value.to_string());
            } else if let Some(value) = line.strip_prefix("data: ") {
                data = Some(serde_json::from_str(value).expect("JSON data"));
            }
        }
    }

    /// Reads events until one named `name`; `allowed` other events may come before it.
    fn until(&mut self, name: &str, allowed: &[&str]) -> serde_json::Value {
        loop {
            match self.next() {
                Ok((got, data)) if got == name => return data,
                Ok((got, _)) if allowed.contains(&got.as_str()) => {}
                Ok((got, data)) => panic!(
                    "waiting for a `{name}` event, got `{got}` {data}; events so far: {:#?}",
                    self.seen
                ),
                Err(e) => panic!("no `{name}` event: {e}; events so far: {:#?}", self.seen),
            }
        }
    }
}

fn error_lines(data: &serde_json::Value) -> Vec<String> {
    data["errors"]
        .as_array()
        .expect("an error event carries errors")
        .iter()
        .map(|e| e.as_str().unwrap().to_string())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

type Edit = (&'static str, fn(&Fixture));

/// The edits of `tests/session.rs`, in its order, each one a save in the project's folder.
const EDITS: &[Edit] = &[
    ("article body", |f| {
        edit(
            f,
            "content/articles/2025/beta.md",
            "A second paragraph.",
            "A corrected paragraph.",
        );
    }),
    ("same-size body edit", |f| {
        edit(f, "content/articles/2025/beta.md", "corrected", "correctes");
    }),
    ("article title", |f| {
        edit(
            f,
            "content/articles/2025/beta.md",
            "title = \"Бета\"",
            "title = \"Бета жаңа\"",
        );
    }),
    ("article date (to another year, top of every list)", |f| {
        edit(
            f,
            "content/articles/2024/gamma.md",
            "date = 2024-03-05",
            "date = 2026-01-02",
        );
    }),
    ("new article", |f| {
        f.article(
            "2025/alpha-uz.md",
            ArticleSpec::new("Алфа уз", "2025-08-28", "uz")
                .story("talks")
                .text(),
        );
    }),
    ("deleted article", |f| {
        f.remove("content/articles/2024/delta.md");
    }),
    ("taxonomy label", |f| {
        edit(
            f,
            "content/taxonomy.toml",
            "kk = \"Сауда\"",
            "kk = \"Сауда-саттық\"",
        );
    }),
    ("template override (a new templates/ folder)", |f| {
        f.write(
            "templates/partials/story.html",
            std::fs::read_to_string(repo_root().join("templates/partials/story.html"))
                .unwrap()
                .replacen('<', "<!-- project template -->\n<", 1),
        );
    }),
    ("template override edited", |f| {
        edit(
            f,
            "templates/partials/story.html",
            "<!-- project template -->",
            "<!-- project template, edited -->",
        );
    }),
    ("static file replaced", |f| {
        f.write("static/style.css", "body { color: #123; }\n");
    }),
    ("new static file in a new folder", |f| {
        f.write(
            "static/extra/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        );
    }),
    ("site.toml: page size", |f| {
        edit(f, "site.toml", "page_size = 2", "page_size = 3");
    }),
    ("site.toml: a title", |f| {
        edit(
            f,
            "site.toml",
            "title = \"Сынақ\"",
            "title = \"Сынақ сайты\"",
        );
    }),
    (
        "site.toml: base_url (the preview keeps its own) and a description",
        |f| {
            edit(
                f,
                "site.toml",
                "base_url = \"http://127.0.0.1:8000/REPO/\"",
                "base_url = \"https://example.org/elsewhere/\"",
            );
            edit(f, "site.toml", "Сынақ сайты\"", "Сынақ сайты, жаңа\"");
        },
    ),
    ("i18n/kk.toml override", |f| {
        f.write("i18n/kk.toml", "[strings]\nhome = \"Бас бет\"\n");
    }),
    ("i18n/kk.toml override edited", |f| {
        edit(f, "i18n/kk.toml", "Бас бет", "Басты бетке");
    }),
    ("new article in a new year folder", |f| {
        f.article(
            "2026/zeta.md",
            ArticleSpec::new("Зета", "2026-02-03", "kk").text(),
        );
    }),
    ("article in the new folder edited", |f| {
        edit(
            f,
            "content/articles/2026/zeta.md",
            "title = \"Зета\"",
            "title = \"Зета 2\"",
        );
    }),
    ("static file in the new folder edited", |f| {
        edit(f, "static/extra/logo.svg", "/>", " width=\"10\"/>");
    }),
    (
        "article saved as editors do: a temporary file renamed over it",
        |f| {
            let path = f.path("content/articles/2025/beta.md");
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains("A correctes"), "{text}");
            let temporary = f.write(
                "content/articles/2025/.beta.md.tmp",
                text.replace("A correctes", "A renamed-over"),
            );
            std::fs::rename(temporary, path).unwrap();
        },
    ),
    // The watcher names a folder moved, not the files in it: each file must be found.
    ("a folder of articles moved out of the project", |f| {
        let outside = f.dir.path().join("moved-out");
        std::fs::rename(f.path("content/articles/2026"), outside).unwrap();
    }),
    (
        "a folder of articles moved in from outside the project",
        |f| {
            let outside = f.dir.path().join("outside");
            std::fs::create_dir_all(&outside).unwrap();
            std::fs::write(
                outside.join("eta.md"),
                ArticleSpec::new("Эта", "2022-05-06", "kk").text(),
            )
            .unwrap();
            std::fs::rename(&outside, f.path("content/articles/2022")).unwrap();
        },
    ),
    (
        "several articles saved in one burst, one of them deleted",
        |f| {
            edit(
                f,
                "content/articles/2025/alfa-tg.md",
                "title = \"Алфа\"",
                "title = \"Алфа 2\"",
            );
            edit(
                f,
                "content/articles/2023/epsilon.md",
                "title = \"Эпсилон\"",
                "title = \"Эпсилон 2\"",
            );
            f.remove("content/articles/2022/eta.md");
        },
    ),
    ("templates/ folder deleted", |f| {
        std::fs::remove_dir_all(f.path("templates")).unwrap();
    }),
    ("templates/ folder created again", |f| {
        f.write(
            "templates/partials/story.html",
            std::fs::read_to_string(repo_root().join("templates/partials/story.html"))
                .unwrap()
                .replacen('<', "<!-- again -->\n<", 1),
        );
    }),
    ("the template in the re-created folder edited", |f| {
        edit(
            f,
            "templates/partials/story.html",
            "<!-- again -->",
            "<!-- again, edited -->",
        );
    }),
    ("template override removed", |f| {
        f.remove("templates/partials/story.html");
    }),
];

#[test]
fn after_every_kind_of_edit_the_served_site_is_a_fresh_build() {
    let started = Instant::now();
    let fixture = preview_project();
    let server = Server::start(&fixture);
    let mut generation = server.settles_to_fresh_build(&fixture, 0, "first build");
    println!("first build served in {:?}", started.elapsed());

    for (what, apply) in EDITS {
        let saved = Instant::now();
        apply(&fixture);
        server.wait_for(&format!("{what}: a generation after {generation}"), |s| {
            s.generation > generation
        });
        let rebuilt = saved.elapsed();
        let next = server.settles_to_fresh_build(&fixture, generation, what);
        println!(
            "{what}: generation {generation} → {next}, published in {rebuilt:?}, compared with \
             a fresh build in {:?}",
            saved.elapsed().checked_sub(rebuilt).unwrap()
        );
        generation = next;
    }

    // A save that changes no output: rebuilt, but nothing published, so no tab reloads.
    let mut events = Events::open(&server);
    let (hello, data) = events.next().expect("the stream's first event");
    assert_eq!(hello, "hello");
    assert_eq!(data["generation"], generation);
    let rel = "content/articles/2025/beta.md";
    let text = std::fs::read(fixture.path(rel)).unwrap();
    let earlier = server.reports().len();
    fixture.write(rel, &text);
    let deadline = Instant::now() + TIMEOUT;
    while !server.reports()[earlier..]
        .iter()
        .any(|r| r.starts_with("rebuilt: 0 rendered") && r.contains(rel))
    {
        assert!(
            Instant::now() < deadline,
            "no rebuild after saving {rel} unchanged; reports: {:#?}",
            server.reports()
        );
        std::thread::sleep(POLL);
    }
    assert_eq!(
        server.status().generation,
        generation,
        "an unchanged save publishes nothing"
    );
    // A change after it is the next event the open tab hears: nothing came in between.
    edit(&fixture, rel, "Бета жаңа", "Бета");
    let reload = events.until("reload", &[]);
    assert_eq!(reload["generation"], generation + 1);
    server.settles_to_fresh_build(&fixture, generation, "title back");

    server.preview.stop();
    println!("whole test: {:?}", started.elapsed());
}

#[test]
fn a_broken_edit_shows_its_error_and_keeps_the_last_good_site() {
    let started = Instant::now();
    let fixture = preview_project();
    let server = Server::start(&fixture);
    let mut generation = server.settles_to_fresh_build(&fixture, 0, "first build");
    let mut events = Events::open(&server);
    let (hello, data) = events.next().expect("the stream's first event");
    assert_eq!(
        (hello.as_str(), &data["generation"]),
        ("hello", &generation.into())
    );

    let article = "kk/articles/beta/";
    let good = server.page(article);
    assert!(String::from_utf8_lossy(&good).contains("Бета"));

    // An unknown topic, on line 6 of the file.
    let rel = "content/articles/2025/beta.md";
    edit(&fixture, rel, "topics = [\"water\"]", "topics = [\"watr\"]");
    let status = server.wait_for("the unknown topic fails the build", |s| !s.ok);
    let at = format!("{}:6:", fixture.path(rel).display());
    let line = status
        .errors
        .iter()
        .find(|e| e.starts_with(&at))
        .unwrap_or_else(|| panic!("no error at {at}: {:#?}", status.errors));
    assert!(line.contains("\"watr\""), "{line}");
    assert!(line.contains("(did you mean \"water\"?)"), "{line}");
    // The server still answers, with the last good site.
    assert_eq!(status.generation, generation, "a failure publishes nothing");
    assert_eq!(
        server.page(article),
        good,
        "the last good page stays served"
    );
    assert_eq!(server.page_generation(article), generation);
    assert_eq!(server.get("kk/").status, 200);
    // Open tabs hear of it; no reload comes before it.
    let error = events.until("error", &[]);
    assert_eq!(error["generation"], generation);
    assert!(error_lines(&error).contains(line), "{error}");
    // A tab opened now hears of it first.
    let mut late = Events::open(&server);
    let (first, data) = late.next().expect("a first event");
    assert_eq!(first, "error");
    assert_eq!(error_lines(&data), status.errors);

    edit(&fixture, rel, "\"watr\"", "\"water\"");
    generation = server.settles_to_fresh_build(&fixture, generation, "the topic fixed");
    assert!(server.status().errors.is_empty());
    let reload = events.until("reload", &["error"]);
    assert_eq!(reload["generation"], generation);
    late.until("reload", &["error"]);

    // A template that uses an undefined variable, on its line 3.
    fixture.write(
        "templates/article.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ nope }}</p>\n{% endblock content %}\n",
    );
    let status = server.wait_for("the template error fails the build", |s| !s.ok);
    let at = format!("{}:3:", fixture.path("templates/article.html").display());
    assert!(
        status
            .errors
            .iter()
            .any(|e| e.starts_with(&at) && e.contains("Variable `nope` is not defined")),
        "the error names the template and its line, {at}: {:#?}",
        status.errors
    );
    assert_eq!(status.generation, generation);
    assert_eq!(
        server.page(article),
        good,
        "the last good page stays served"
    );
    let error = events.until("error", &[]);
    assert_eq!(error_lines(&error), status.errors);

    fixture.remove("templates/article.html");
    generation = server.settles_to_fresh_build(&fixture, generation, "the template removed");
    assert_eq!(events.until("reload", &["error"])["generation"], generation);
    assert_eq!(server.page(article), good);

    // A renamed article breaks the link another one has to it: the error is in the linking
    // article, at its line; fixing the link builds again.
    std::fs::rename(
        fixture.path("content/articles/2025/alpha.md"),
        fixture.path("content/articles/2025/alpha-talks.md"),
    )
    .unwrap();
    let status = server.wait_for("the broken link fails the build", |s| !s.ok);
    let linking = fixture.path("content/articles/2023/epsilon.md");
    assert!(
        status
            .errors
            .iter()
            .any(|e| e.starts_with(&format!("{}:11:", linking.display()))
                && e.contains("\"../2025/alpha.md\"")),
        "the error names the linking article: {:#?}",
        status.errors
    );
    assert_eq!(status.generation, generation);
    assert_eq!(
        events.until("error", &[])["errors"],
        serde_json::json!(status.errors)
    );
    edit(
        &fixture,
        "content/articles/2023/epsilon.md",
        "alpha.md",
        "alpha-talks.md",
    );
    generation = server.settles_to_fresh_build(&fixture, generation, "the link fixed");
    assert_eq!(events.until("reload", &["error"])["generation"], generation);

    // A configuration that is no TOML: the error names site.toml and its line.
    let config = std::fs::read_to_string(fixture.path("site.toml")).unwrap();
    fixture.write(
        "site.toml",
        config.replace("page_size = 2", "page_size = = 2"),
    );
    let status = server.wait_for("a broken site.toml fails the build", |s| !s.ok);
    let at = format!("{}:3:", fixture.path("site.toml").display());
    assert!(
        status.errors.iter().any(|e| e.starts_with(&at)),
        "no error at {at}: {:#?}",
        status.errors
    );
    assert_eq!(
        server.page(article),
        good,
        "the last good page stays served"
    );
    events.until("error", &[]);
    fixture.write("site.toml", &config);
    generation = server.settles_to_fresh_build(&fixture, generation, "site.toml fixed");
    assert_eq!(events.until("reload", &["error"])["generation"], generation);

    server.preview.stop();
    println!("whole test: {:?}", started.elapsed());
}

#[test]
fn a_project_broken_from_the_start_is_served_once_fixed() {
    let fixture = preview_project();
    let rel = "content/articles/2025/beta.md";
    edit(&fixture, rel, "topics = [\"water\"]", "topics = [\"watr\"]");
    let server = Server::start(&fixture);
    let status = server.status();
    assert!(!status.ok, "{status:?}");
    assert!(
        status.errors[0].starts_with(&format!("{}:6:", fixture.path(rel).display())),
        "{status:?}"
    );
    // Nothing good to serve yet, but the server answers with a page the live-reload script
    // runs on, and a tab hears of the error.
    let reply = server.get("kk/");
    assert_eq!(reply.status, 404);
    assert!(
        String::from_utf8_lossy(&reply.body).contains("__dostyk/live.js"),
        "{reply:?}"
    );
    let mut events = Events::open(&server);
    let (first, data) = events.next().expect("a first event");
    assert_eq!(first, "error");
    assert_eq!(error_lines(&data), status.errors);

    edit(&fixture, rel, "\"watr\"", "\"water\"");
    let generation = server.settles_to_fresh_build(&fixture, status.generation, "fixed");
    assert_eq!(events.until("reload", &["error"])["generation"], generation);
    server.preview.stop();
}
