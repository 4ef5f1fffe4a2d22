//! The preview server over real sockets on 127.0.0.1, with a hand-made site (no build): what a
//! browser and a hostile client see.

use dostyk::serve::files::SiteFiles;
use dostyk::serve::http::{self, MAX_EVENT_STREAMS, Server};
use dostyk::serve::live::Live;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BASE: &str = "/dostyk/";
const TIMEOUT: Duration = Duration::from_secs(10);

const HOME: &str = "<!doctype html><html lang=\"kk\"><body><h1>Басты бет</h1></body></html>";
const NOT_FOUND: &str = "<!doctype html><html><body><h1>404: табылмады</h1></body></html>";
const CSS: &str = "body { color: #222 }";

fn site(home: &str) -> Arc<SiteFiles> {
    let files = [
        (
            "index.html",
            "<!doctype html><html><body>landing</body></html>",
        ),
        ("kk/index.html", home),
        ("tg/index.html", "<html><body>Саҳифаи асосӣ</body></html>"),
        (
            "kk/articles/su-kelisimi/index.html",
            "<html><body>мақала</body></html>",
        ),
        (
            "kk/feed.xml",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>",
        ),
        ("style.css", CSS),
        ("404.html", NOT_FOUND),
    ];
    Arc::new(
        files
            .into_iter()
            .map(|(path, text)| (path.to_string(), Arc::from(text.as_bytes())))
            .collect(),
    )
}

fn serve() -> (Server, Arc<Live>) {
    serve_site(site(HOME))
}

fn serve_site(files: Arc<SiteFiles>) -> (Server, Arc<Live>) {
    let live = Arc::new(Live::new(files));
    let server = http::start(localhost(), BASE, live.clone()).expect("server starts");
    (server, live)
}

fn localhost() -> SocketAddr {
    "127.0.0.1:0".parse().unwrap()
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).expect("UTF-8 body")
    }
}

/// One request on a fresh connection, closed by the server after the answer.
fn request(addr: SocketAddr, method: &str, target: &[u8]) -> Reply {
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).expect("connects");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    let mut head = format!("{method} ").into_bytes();
    head.extend_from_slice(target);
    head.extend_from_slice(b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    stream.write_all(&head).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("reads the answer");
    parse(&raw)
}

fn get(addr: SocketAddr, target: &str) -> Reply {
    request(addr, "GET", target.as_bytes())
}

fn parse(raw: &[u8]) -> Reply {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no header end in {:?}", String::from_utf8_lossy(raw)));
    let head = std::str::from_utf8(&raw[..split]).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|line| line.split_once(": "))
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// An open live-reload stream, read event by event.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(addr: SocketAddr) -> Events {
        let stream = TcpStream::connect_timeout(&addr, TIMEOUT).expect("connects");
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        (&stream)
            .write_all(b"GET /dostyk/__dostyk/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            .unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
        let mut content_type = None;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Type: ") {
                content_type = Some(value.trim().to_string());
            }
        }
        assert_eq!(
            content_type.as_deref(),
            Some("text/event-stream; charset=utf-8")
        );
        Events { reader }
    }

    /// The next event's name and JSON data, skipping comments (pings) and the retry field.
    fn next(&mut self) -> (String, serde_json::Value) {
        let (mut name, mut data) = (None, None);
        loop {
            let mut line = String::new();
            let read = self.reader.read_line(&mut line).expect("an event in time");
            assert!(read > 0, "the stream ended");
            let line = line.trim_end_matches('\n');
            if line.is_empty() {
                if let (Some(name), Some(data)) = (name.take(), data.take()) {
                    return (name, data);
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
}

fn script_tag(generation: u64, live: &Live) -> String {
    format!(
        "<script src=\"/dostyk/__dostyk/live.js\" data-generation=\"{generation}\" \
         data-instance=\"{:x}\" defer></script>",
        live.instance()
    )
}

#[test]
fn pages_are_served_under_the_base_path_with_the_live_script() {
    let (server, live) = serve();
    let page = get(server.addr(), "/dostyk/kk/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(page.header("Cache-Control"), Some("no-store"));
    assert_eq!(page.header("X-Content-Type-Options"), Some("nosniff"));
    assert_eq!(
        page.header("Content-Length"),
        Some(page.body.len().to_string().as_str())
    );
    let expected = HOME.replace("</body>", &format!("{}</body>", script_tag(1, &live)));
    assert_eq!(page.text(), expected);
    // The site in memory stays what the build wrote.
    assert_eq!(
        &**live.files().get("kk/index.html").unwrap(),
        HOME.as_bytes()
    );

    let css = get(server.addr(), "/dostyk/style.css?v=3");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("Content-Type"), Some("text/css; charset=utf-8"));
    assert_eq!(css.text(), CSS, "only HTML gets the script");

    let feed = get(server.addr(), "/dostyk/kk/feed.xml");
    assert_eq!(
        feed.header("Content-Type"),
        Some("application/atom+xml; charset=utf-8")
    );
    assert!(!feed.text().contains("live.js"));

    let article = get(server.addr(), "/dostyk/kk/articles/su-kelisimi/");
    assert_eq!(article.status, 200);
    assert!(article.text().starts_with("<html><body>мақала<script"));
}

#[test]
fn the_live_script_and_the_status_are_served() {
    let (server, live) = serve();
    let script = get(server.addr(), "/dostyk/__dostyk/live.js");
    assert_eq!(script.status, 200);
    assert_eq!(
        script.header("Content-Type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(script.text().contains("EventSource"));

    let status = get(server.addr(), "/dostyk/__dostyk/status");
    assert_eq!(status.header("Content-Type"), Some("application/json"));
    let json: serde_json::Value = serde_json::from_slice(&status.body).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"generation": 1, "ok": true, "errors": []})
    );

    live.fail(vec![
        "content/articles/2025/a.md:4: unknown topic \"watr\"".into(),
    ]);
    let json: serde_json::Value =
        serde_json::from_slice(&get(server.addr(), "/dostyk/__dostyk/status").body).unwrap();
    assert_eq!(json["ok"], false);
    assert_eq!(
        json["errors"][0],
        "content/articles/2025/a.md:4: unknown topic \"watr\""
    );
}

#[test]
fn unknown_paths_get_the_sites_404_page() {
    let (server, live) = serve();
    let reply = get(server.addr(), "/dostyk/kk/articles/no-such-article/");
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    let expected = NOT_FOUND.replace("</body>", &format!("{}</body>", script_tag(1, &live)));
    assert_eq!(reply.text(), expected);
    // Outside the base path too, even for a file that exists inside it.
    assert_eq!(get(server.addr(), "/style.css").status, 404);
    assert_eq!(get(server.addr(), "/dostyk/__dostyk/nothing").status, 404);

    let mut files: Vec<(String, Arc<[u8]>)> = site(HOME)
        .iter()
        .map(|(p, b)| (p.to_string(), b.clone()))
        .collect();
    files.retain(|(path, _)| path != "404.html");
    let (bare, _) = serve_site(Arc::new(files.into_iter().collect()));
    // Without a 404 page (a site whose first build failed), a page the live script can show
    // the errors on, and reload once the build succeeds.
    let reply = get(bare.addr(), "/dostyk/missing");
    assert_eq!(reply.status, 404);
    assert_eq!(
        reply.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        reply.text().contains("__dostyk/live.js"),
        "{}",
        reply.text()
    );
}

#[test]
fn redirects_lead_to_the_base_path_and_to_folders() {
    let (server, _live) = serve();
    let root = get(server.addr(), "/");
    assert_eq!(root.status, 302);
    assert_eq!(root.header("Location"), Some("/dostyk/"));
    let base = get(server.addr(), "/dostyk");
    assert_eq!(base.status, 301);
    assert_eq!(base.header("Location"), Some("/dostyk/"));
    let folder = get(server.addr(), "/dostyk/kk/articles/su-kelisimi?from=feed");
    assert_eq!(folder.status, 301);
    assert_eq!(
        folder.header("Location"),
        Some("/dostyk/kk/articles/su-kelisimi/?from=feed")
    );
    assert_eq!(folder.header("Cache-Control"), Some("no-store"));
}

#[test]
fn a_site_at_the_domain_root_is_served_from_the_root() {
    let live = Arc::new(Live::new(site(HOME)));
    let server = http::start(localhost(), "/", live).unwrap();
    let landing = get(server.addr(), "/");
    assert_eq!(landing.status, 200);
    assert!(landing.text().contains("src=\"/__dostyk/live.js\""));
    assert_eq!(get(server.addr(), "/kk/").status, 200);
    assert_eq!(get(server.addr(), "/__dostyk/status").status, 200);
}

#[test]
fn path_escapes_are_refused() {
    let (server, _live) = serve();
    let targets: &[&[u8]] = &[
        b"/dostyk/../../etc/passwd",
        b"/dostyk/kk/../../etc/passwd",
        b"/dostyk/%2e%2e/%2e%2e/etc/passwd",
        b"/dostyk/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        b"/dostyk/..%2f..%2fetc%2fpasswd",
        b"/dostyk/..%5c..%5cetc%5cpasswd",
        b"/dostyk/..\\..\\etc\\passwd",
        b"/dostyk/kk/index.html%00.css",
        b"/dostyk/%C0%AE%C0%AE/%C0%AE%C0%AE/etc/passwd",
        b"/dostyk/%ff%fe",
        b"/dostyk/%",
        b"/dostyk/./kk/",
        b"http://127.0.0.1/dostyk/kk/",
    ];
    for target in targets {
        let reply = request(server.addr(), "GET", target);
        assert_eq!(reply.status, 400, "{}", String::from_utf8_lossy(target));
        assert!(!reply.body.windows(5).any(|w| w == b"root:"));
    }
    // A raw non-ASCII byte in the request line: tiny_http hangs up without an answer.
    let mut stream = TcpStream::connect_timeout(&server.addr(), TIMEOUT).unwrap();
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream
        .write_all(b"GET /dostyk/\xd0\xb0 HTTP/1.1\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    assert!(raw.is_empty() || parse(&raw).status == 400, "{raw:?}");

    // Decoded once, these are odd names, not escapes: nothing there.
    let missing = [
        "//etc/passwd",
        "/dostyk//etc/passwd",
        "/dostyk/%252e%252e/%252e%252e/etc/passwd",
        "/etc/passwd",
        "/dostyk/%2Fetc%2Fpasswd",
    ];
    for target in missing {
        let reply = get(server.addr(), target);
        assert_eq!(reply.status, 404, "{target}");
        assert!(reply.text().contains("404: табылмады"), "{target}");
    }
}

#[test]
fn head_sends_the_headers_only() {
    let (server, _live) = serve();
    let full = get(server.addr(), "/dostyk/kk/");
    let head = request(server.addr(), "HEAD", b"/dostyk/kk/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("Content-Length"),
        Some(full.body.len().to_string().as_str())
    );
    assert_eq!(
        head.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    let events = request(server.addr(), "HEAD", b"/dostyk/__dostyk/events");
    assert_eq!(events.status, 200);
    assert!(events.body.is_empty());
}

#[test]
fn other_methods_are_not_allowed() {
    let (server, _live) = serve();
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let reply = request(server.addr(), method, b"/dostyk/kk/");
        assert_eq!(reply.status, 405, "{method}");
        assert_eq!(reply.header("Allow"), Some("GET, HEAD"), "{method}");
    }
}

#[test]
fn open_tabs_hear_of_rebuilds_and_failures() {
    let (server, live) = serve();
    let mut events = Events::open(server.addr());
    let (name, data) = events.next();
    assert_eq!(name, "hello");
    assert_eq!(data["generation"], 1);
    assert_eq!(data["instance"], format!("{:x}", live.instance()));

    live.publish(site("<html><body>екінші</body></html>"));
    let (name, data) = events.next();
    assert_eq!((name.as_str(), &data["generation"]), ("reload", &2.into()));

    let lines = vec![
        "content/articles/2025/su.md:3: unknown topic \"watr\" (did you mean \"water\"?)"
            .to_string(),
        "templates/article.html:12: unexpected `}}`".to_string(),
    ];
    live.fail(lines.clone());
    let (name, data) = events.next();
    assert_eq!(name, "error");
    assert_eq!(data["generation"], 2);
    assert_eq!(data["errors"], serde_json::json!(lines));

    // While the build is broken, pages are the last good ones.
    let page = get(server.addr(), "/dostyk/kk/");
    assert_eq!(page.status, 200);
    assert!(page.text().starts_with("<html><body>екінші<script"));
    assert!(page.text().contains("data-generation=\"2\""));

    // A tab opened now is told of the failure first.
    let mut late = Events::open(server.addr());
    let (name, data) = late.next();
    assert_eq!(name, "error");
    assert_eq!(data["errors"][1], lines[1].as_str());

    live.publish(site(HOME));
    for stream in [&mut events, &mut late] {
        let (name, data) = stream.next();
        assert_eq!((name.as_str(), &data["generation"]), ("reload", &3.into()));
    }
}

#[test]
fn a_burst_of_requests_is_answered_while_tabs_are_open() {
    let (server, live) = serve();
    let addr = server.addr();
    let mut tabs: Vec<Events> = (0..4).map(|_| Events::open(addr)).collect();
    for tab in &mut tabs {
        assert_eq!(tab.next().0, "hello");
    }
    assert_eq!(server.event_streams(), 4);

    let tag = script_tag(1, &live);
    let cases: Vec<(&str, u16, String)> = vec![
        (
            "/dostyk/kk/",
            200,
            HOME.replace("</body>", &format!("{tag}</body>")),
        ),
        ("/dostyk/style.css", 200, CSS.to_string()),
        (
            "/dostyk/nope/",
            404,
            NOT_FOUND.replace("</body>", &format!("{tag}</body>")),
        ),
        ("/dostyk/%2e%2e/x", 400, "bad request path".to_string()),
        ("/dostyk/kk", 301, "moved".to_string()),
    ];
    let cases = Arc::new(cases);
    let started = Instant::now();
    let clients: Vec<_> = (0..16)
        .map(|client| {
            let cases = cases.clone();
            std::thread::spawn(move || {
                // 16 clients, 200 requests between them.
                let count = if client < 8 { 13 } else { 12 };
                for n in 0..count {
                    let (target, status, body) = &cases[(client + n) % cases.len()];
                    let reply = get(addr, target);
                    assert_eq!(reply.status, *status, "{target}");
                    assert_eq!(reply.text(), *body, "{target}");
                }
                count
            })
        })
        .collect();
    let answered: usize = clients.into_iter().map(|c| c.join().unwrap()).sum();
    assert_eq!(answered, 200);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );

    // The tabs were not dropped meanwhile.
    live.publish(site(HOME));
    for tab in &mut tabs {
        assert_eq!(tab.next().0, "reload");
    }
}

#[test]
fn open_tabs_beyond_the_limit_are_turned_away() {
    let (server, live) = serve();
    let mut tabs: Vec<Events> = (0..MAX_EVENT_STREAMS)
        .map(|_| Events::open(server.addr()))
        .collect();
    for tab in &mut tabs {
        assert_eq!(tab.next().0, "hello");
    }
    let reply = get(server.addr(), "/dostyk/__dostyk/events");
    assert_eq!(reply.status, 503);
    // Pages are still answered.
    assert_eq!(get(server.addr(), "/dostyk/kk/").status, 200);
    // A closed tab frees its slot once a write to it fails (a publish or a ping).
    drop(tabs.pop());
    publish_until_a_slot_is_free(&server, &live);
    let mut again = Events::open(server.addr());
    assert_eq!(again.next().0, "hello");
}

/// Publishes until the server notices a closed tab; a write to a socket the peer closed can
/// succeed once before it fails.
fn publish_until_a_slot_is_free(server: &Server, live: &Live) {
    let deadline = Instant::now() + TIMEOUT;
    while server.event_streams() >= MAX_EVENT_STREAMS {
        assert!(
            Instant::now() < deadline,
            "the closed tab's slot was never freed"
        );
        live.publish(site(HOME));
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn stop_ends_the_server() {
    let (server, live) = serve();
    let addr = server.addr();
    let mut tab = Events::open(addr);
    assert_eq!(tab.next().0, "hello");
    assert_eq!(get(addr, "/dostyk/kk/").status, 200);

    let started = Instant::now();
    server.stop();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(live.subscribers(), 0, "the event streams ended");

    // The listener closes just after: new connections are refused.
    let deadline = Instant::now() + TIMEOUT;
    loop {
        match TcpStream::connect_timeout(&addr, Duration::from_secs(1)) {
            Err(_) => break,
            Ok(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            Ok(_) => panic!("{addr} still accepts connections after stop"),
        }
    }
}

#[test]
fn a_taken_port_is_an_error_naming_the_address() {
    let (server, live) = serve();
    let Err(error) = http::start(server.addr(), BASE, live) else {
        panic!("a second server bound the same port");
    };
    assert!(
        error.to_string().contains(&server.addr().to_string()),
        "{error}"
    );
}
