//! The preview's HTTP server: the built site from memory, under the published base path, with
//! live reload.
//!
//! A fixed pool of workers answers requests, so a burst of them queues rather than spawning
//! without bound; each event stream (an open tab) gets a thread of its own, up to a limit, so
//! open tabs never hold the workers.

mod route;
mod sse;

pub use route::{BadBase, Base, DecodeError, Route, path_is_safe, percent_decode, route};
pub use sse::PING_INTERVAL;

use super::files::content_type;
use super::live::{Live, Snapshot};
use crate::error::Error;
use serde_json::json;
use sse::Slots;
use std::io::Cursor;
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response};

/// Workers answering page and file requests.
pub const WORKERS: usize = 8;
/// Event streams open at once; more are answered 503 (the page still works, without reload).
pub const MAX_EVENT_STREAMS: usize = 64;
/// How long [`Server::stop`] waits for event streams to end.
const STREAM_STOP_TIMEOUT: Duration = Duration::from_secs(2);

/// The live-reload script, injected into HTML responses only.
const LIVE_JS: &str = include_str!("live.js");

/// A running preview server; stops when dropped.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
}

struct Shared {
    http: tiny_http::Server,
    live: Arc<Live>,
    base: Base,
    stopping: AtomicBool,
    streams: Arc<Slots>,
}

/// Serves `live`'s site under `base_path` on `bind` (port 0 picks a free port: see
/// [`Server::addr`]). Binding loopback is the caller's default; this serves whatever it is
/// given.
pub fn start(bind: SocketAddr, base_path: &str, live: Arc<Live>) -> Result<Server, Error> {
    let base = Base::new(base_path).map_err(|e| {
        Error::io(
            base_path,
            std::io::Error::new(std::io::ErrorKind::InvalidInput, e),
        )
    })?;
    let listener = TcpListener::bind(bind).map_err(|e| Error::io(bind.to_string(), e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io(bind.to_string(), e))?;
    let http = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| Error::io(addr.to_string(), std::io::Error::other(e.to_string())))?;
    let shared = Arc::new(Shared {
        http,
        live,
        base,
        stopping: AtomicBool::new(false),
        streams: Slots::new(MAX_EVENT_STREAMS),
    });
    let mut server = Server {
        addr,
        shared: shared.clone(),
        workers: Vec::with_capacity(WORKERS),
    };
    for n in 0..WORKERS {
        let shared = shared.clone();
        let worker = std::thread::Builder::new()
            .name(format!("dostyk-http-{n}"))
            .spawn(move || work(&shared))
            .map_err(|e| Error::io(addr.to_string(), e))?;
        server.workers.push(worker);
    }
    Ok(server)
}

impl Server {
    /// The address actually bound (the real port when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base path the site is served under, normalised (`/dostyk/`).
    pub fn base_path(&self) -> &str {
        self.shared.base.as_str()
    }

    /// Live-reload streams open now.
    pub fn event_streams(&self) -> usize {
        self.shared.streams.open()
    }

    /// Stops accepting, ends the event streams (this shuts the [`Live`] down: it serves one
    /// server) and waits for the workers. Dropping the server does the same.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if self.workers.is_empty() {
            return;
        }
        self.shared.stopping.store(true, Ordering::SeqCst);
        self.shared.live.shutdown();
        // One wake-up per worker: each takes one and sees `stopping`.
        for _ in &self.workers {
            self.shared.http.unblock();
        }
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        // Streams end as soon as they read the shutdown; a stream stuck writing to a client
        // that stopped reading is not worth hanging the caller for.
        self.shared.streams.wait_all_closed(STREAM_STOP_TIMEOUT);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
        // The listener closes when the last `Shared` goes: here, as workers and streams hold
        // none any more.
    }
}

fn work(shared: &Arc<Shared>) {
    while !shared.stopping.load(Ordering::SeqCst) {
        let Ok(request) = shared.http.recv() else {
            // Woken to stop, or the accept loop reported an error; either way look again.
            continue;
        };
        if shared.stopping.load(Ordering::SeqCst) {
            let _ = request.respond(plain(503, "the preview server is stopping"));
            return;
        }
        // A bug in one answer must not cost the pool a worker.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            handle(shared, request);
        }));
    }
}

fn handle(shared: &Arc<Shared>, request: Request) {
    let head = match request.method() {
        Method::Get => false,
        Method::Head => true,
        _ => {
            let response = with_header(plain(405, "only GET and HEAD"), "Allow", "GET, HEAD");
            let _ = request.respond(response);
            return;
        }
    };
    let state = shared.live.snapshot();
    let tag = || script_tag(&shared.base, state.generation, shared.live.instance());
    let response = match route(request.url(), &shared.base, &state.files) {
        Route::File { key, body } => file(&key, body, tag),
        Route::NotFound => not_found(&state, tag),
        Route::Redirect { status, location } => {
            with_header(plain(status, "moved"), "Location", &location)
        }
        Route::BadRequest => plain(400, "bad request path"),
        Route::LiveScript => respond_with(
            200,
            "text/javascript; charset=utf-8",
            Body::Static(LIVE_JS.as_bytes()),
        ),
        Route::Status => status(&state),
        Route::Events if head => {
            respond_with(200, "text/event-stream; charset=utf-8", Body::Static(b""))
        }
        Route::Events => return open_stream(shared, request),
    };
    // The client may be gone; nothing to do about it.
    let _ = request.respond(response);
}

fn open_stream(shared: &Arc<Shared>, request: Request) {
    let Some(slot) = shared.streams.take() else {
        let response = with_header(
            plain(503, "too many live-reload connections"),
            "Retry-After",
            "10",
        );
        let _ = request.respond(response);
        return;
    };
    let live = shared.live.clone();
    // If the thread cannot start, the request is dropped with it and tiny_http answers 500.
    let _ = std::thread::Builder::new()
        .name("dostyk-events".into())
        .spawn(move || {
            let _slot = slot;
            sse::stream(request.into_writer(), &live, PING_INTERVAL);
        });
}

fn file(key: &str, body: Arc<[u8]>, tag: impl Fn() -> String) -> Response<Cursor<Body>> {
    let kind = content_type(key);
    let body = if is_html(kind) {
        Body::Owned(inject(&body, &tag()))
    } else {
        Body::Shared(body)
    };
    respond_with(200, kind, body)
}

fn not_found(state: &Snapshot, tag: impl Fn() -> String) -> Response<Cursor<Body>> {
    match state.files.get("404.html") {
        Some(page) => respond_with(
            404,
            content_type("404.html"),
            Body::Owned(inject(page, &tag())),
        ),
        // No site yet (its first build failed): a page all the same, so that the live script
        // shows the errors over it and reloads it once the build succeeds.
        None => respond_with(
            404,
            "text/html; charset=utf-8",
            Body::Owned(inject(NO_SITE.as_bytes(), &tag())),
        ),
    }
}

const NO_SITE: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Not found</title>\
</head><body><h1>Not found</h1><p>There is no page here, or the site has not built yet.</p>\
</body></html>";

fn status(state: &Snapshot) -> Response<Cursor<Body>> {
    let body = json!({
        "generation": state.generation,
        "ok": state.status.is_ok(),
        "errors": state.status.errors(),
    });
    respond_with(
        200,
        "application/json",
        Body::Owned(body.to_string().into_bytes()),
    )
}

fn is_html(content_type: &str) -> bool {
    content_type.starts_with("text/html")
}

/// The tag that loads the live-reload script; it carries the generation and server run the
/// page was served from, so the script can tell when the page is out of date.
pub fn script_tag(base: &Base, generation: u64, instance: u64) -> String {
    format!(
        "<script src=\"{}{}live.js\" data-generation=\"{generation}\" \
         data-instance=\"{instance:x}\" defer></script>",
        base.as_str(),
        route::INTERNAL_DIR,
    )
}

/// `page` with `tag` right before its last `</body>` (any case), or at the end if it has none.
pub fn inject(page: &[u8], tag: &str) -> Vec<u8> {
    const CLOSE: &[u8] = b"</body>";
    let at = page
        .windows(CLOSE.len())
        .rposition(|window| window.eq_ignore_ascii_case(CLOSE))
        .unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + tag.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

/// A response body without copying site files: most are shared with the [`Live`] state.
enum Body {
    Shared(Arc<[u8]>),
    Owned(Vec<u8>),
    Static(&'static [u8]),
}

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        match self {
            Body::Shared(bytes) => bytes,
            Body::Owned(bytes) => bytes,
            Body::Static(bytes) => bytes,
        }
    }
}

fn respond_with(status: u16, content_type: &str, body: Body) -> Response<Cursor<Body>> {
    let length = body.as_ref().len();
    let response = Response::new(
        status.into(),
        Vec::new(),
        Cursor::new(body),
        Some(length),
        None,
    )
    // Always a Content-Length, never chunks: the length is known, and every client reads it.
    .with_chunked_threshold(usize::MAX);
    let response = with_header(response, "Content-Type", content_type);
    // A preview must never show a page from before the last rebuild.
    let response = with_header(response, "Cache-Control", "no-store");
    with_header(response, "X-Content-Type-Options", "nosniff")
}

fn plain(status: u16, text: &'static str) -> Response<Cursor<Body>> {
    respond_with(
        status,
        "text/plain; charset=utf-8",
        Body::Static(text.as_bytes()),
    )
}

/// Values are ours or a request path `tiny_http` already read as ASCII, so none is refused in
/// practice; one that were would be left out rather than fail the answer.
fn with_header(
    response: Response<Cursor<Body>>,
    name: &str,
    value: &str,
) -> Response<Cursor<Body>> {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => response.with_header(header),
        Err(()) => response,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAG: &str = "<script src=\"/b/__dostyk/live.js\" defer></script>";

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let page = b"<html><body><p>`</body>` in text</p></body></html>";
        let out = String::from_utf8(inject(page, TAG)).unwrap();
        assert_eq!(
            out,
            format!("<html><body><p>`</body>` in text</p>{TAG}</body></html>")
        );
        let upper = String::from_utf8(inject(b"<BODY>x</BODY>", TAG)).unwrap();
        assert_eq!(upper, format!("<BODY>x{TAG}</BODY>"));
    }

    #[test]
    fn a_page_without_body_end_gets_the_script_appended() {
        let out = String::from_utf8(inject(b"<p>fragment", TAG)).unwrap();
        assert_eq!(out, format!("<p>fragment{TAG}"));
        assert_eq!(inject(b"", TAG), TAG.as_bytes());
    }

    #[test]
    fn injection_keeps_every_other_byte() {
        let page = "<body>Қазақстан — Тоҷикистон</body>\n".as_bytes();
        let out = inject(page, TAG);
        assert_eq!(out.len(), page.len() + TAG.len());
        let at = out
            .windows(TAG.len())
            .position(|w| w == TAG.as_bytes())
            .unwrap();
        assert_eq!([&out[..at], &out[at + TAG.len()..]].concat(), page);
    }

    #[test]
    fn the_tag_names_the_script_under_the_base_path() {
        let tag = script_tag(&Base::new("/dostyk/").unwrap(), 7, 0xab);
        assert_eq!(
            tag,
            "<script src=\"/dostyk/__dostyk/live.js\" data-generation=\"7\" \
             data-instance=\"ab\" defer></script>"
        );
        assert!(script_tag(&Base::new("/").unwrap(), 1, 1).contains("src=\"/__dostyk/live.js\""));
    }

    #[test]
    fn html_is_recognised_by_content_type() {
        assert!(is_html(content_type("kk/index.html")));
        assert!(!is_html(content_type("kk/feed.xml")));
        assert!(!is_html(content_type("style.css")));
    }

    #[test]
    fn the_live_script_builds_the_overlay_without_markup() {
        assert!(!LIVE_JS.contains("innerHTML"));
        assert!(!LIVE_JS.contains("insertAdjacentHTML"));
        assert!(LIVE_JS.contains("textContent"));
        assert!(LIVE_JS.contains("role"));
    }
}
