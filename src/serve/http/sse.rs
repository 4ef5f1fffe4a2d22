//! The live-reload event stream (server-sent events): one thread per open tab, writing to the
//! socket directly because the stream has no end and no length.

use crate::serve::live::{Event, Live, Status};
use serde_json::json;
use std::io::Write;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How often an idle stream is written to, so a closed tab is noticed (the write fails) and
/// its slot freed.
pub const PING_INTERVAL: Duration = Duration::from_secs(15);

/// Headers written by hand: `tiny_http`'s responses want a length or chunk the body through a
/// buffer, and an event must reach the browser as soon as it is written.
const HEAD: &str = "HTTP/1.1 200 OK\r\n\
    Content-Type: text/event-stream; charset=utf-8\r\n\
    Cache-Control: no-store\r\n\
    X-Content-Type-Options: nosniff\r\n\
    Connection: close\r\n\
    \r\n\
    retry: 1000\n\n";

/// Writes the state at connection, then every change, until the tab goes or the [`Live`]
/// shuts down.
pub(super) fn stream(mut out: impl Write, live: &Live, ping: Duration) {
    let subscription = live.subscribe();
    let instance = live.instance();
    let state = subscription.state;
    let first = match &state.status {
        Status::Ok => frame("hello", state.generation, instance, None),
        Status::Failed(errors) => frame("error", state.generation, instance, Some(errors)),
    };
    if send(&mut out, &format!("{HEAD}{first}")).is_err() {
        return;
    }
    loop {
        let text = match subscription.events.recv_timeout(ping) {
            Ok(Event::Reload { generation }) => frame("reload", generation, instance, None),
            Ok(Event::Error { generation, errors }) => {
                frame("error", generation, instance, Some(&errors))
            }
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if send(&mut out, &text).is_err() {
            return;
        }
    }
}

fn send(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// One event. The data is one line of JSON (`serde_json` escapes newlines inside strings), so
/// error text from an article can never end the event early or forge another one.
pub(super) fn frame(
    name: &str,
    generation: u64,
    instance: u64,
    errors: Option<&[String]>,
) -> String {
    let mut data = json!({ "generation": generation, "instance": format!("{instance:x}") });
    if let Some(errors) = errors {
        data["errors"] = json!(errors);
    }
    format!("event: {name}\ndata: {data}\n\n")
}

/// Counts open streams against a limit, so open tabs can never use up the server.
#[derive(Debug)]
pub(super) struct Slots {
    limit: usize,
    open: Mutex<usize>,
    closed: Condvar,
}

/// Holds one slot; gives it back when the stream ends.
#[derive(Debug)]
pub(super) struct Slot {
    slots: Arc<Slots>,
}

impl Slots {
    pub(super) fn new(limit: usize) -> Arc<Slots> {
        Arc::new(Slots {
            limit,
            open: Mutex::new(0),
            closed: Condvar::new(),
        })
    }

    /// A slot, or none when `limit` streams are open.
    pub(super) fn take(self: &Arc<Self>) -> Option<Slot> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if *open >= self.limit {
            return None;
        }
        *open += 1;
        Some(Slot {
            slots: self.clone(),
        })
    }

    pub(super) fn open(&self) -> usize {
        *self.open.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until every stream has ended, or `timeout` passed; true if all ended.
    pub(super) fn wait_all_closed(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        while *open > 0 {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            open = self
                .closed
                .wait_timeout(open, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        true
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self
            .slots
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *open -= 1;
        self.slots.closed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::serve::files::SiteFiles;
    use std::sync::mpsc;

    /// A socket stand-in that hands what is written to the test, and fails once told to.
    struct Pipe(mpsc::Sender<String>);

    impl Write for Pipe {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0
                .send(String::from_utf8_lossy(buf).into_owned())
                .map_err(|_| std::io::Error::from(std::io::ErrorKind::BrokenPipe))?;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn frames_are_one_line_of_json() {
        let lines = vec!["a.md:1: bad\n\nevent: reload".to_string()];
        let text = frame("error", 3, 255, Some(&lines));
        assert!(text.starts_with("event: error\ndata: {"));
        assert!(text.ends_with("}\n\n"));
        assert_eq!(text.matches('\n').count(), 3, "{text}");
        let data: serde_json::Value =
            serde_json::from_str(text.lines().nth(1).unwrap().strip_prefix("data: ").unwrap())
                .unwrap();
        assert_eq!(data["generation"], 3);
        assert_eq!(data["instance"], "ff");
        assert_eq!(data["errors"][0], lines[0].as_str());
        assert!(!frame("hello", 1, 1, None).contains("errors"));
    }

    #[test]
    fn streams_the_state_then_changes_then_pings_then_ends() {
        let live = Arc::new(Live::new(Arc::new(SiteFiles::default())));
        let (sender, written) = mpsc::channel();
        let thread = {
            let live = live.clone();
            std::thread::spawn(move || stream(Pipe(sender), &live, Duration::from_millis(50)))
        };
        let first = written.recv().unwrap();
        assert!(first.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(first.contains("text/event-stream"));
        assert!(first.contains("event: hello\ndata: {\"generation\":1,"));
        live.publish(Arc::new(SiteFiles::default()));
        assert!(
            written
                .recv()
                .unwrap()
                .starts_with("event: reload\ndata: {\"generation\":2,")
        );
        live.fail(vec!["x.md:2: oops".into()]);
        let error = written.recv().unwrap();
        assert!(error.starts_with("event: error\n") && error.contains("x.md:2: oops"));
        assert_eq!(written.recv().unwrap(), ": ping\n\n");
        live.shutdown();
        thread.join().unwrap();
    }

    #[test]
    fn a_failed_state_is_sent_first() {
        let live = Live::new(Arc::new(SiteFiles::default()));
        live.fail(vec!["t.html:4: template error".into()]);
        live.shutdown();
        let (sender, written) = mpsc::channel();
        stream(Pipe(sender), &live, PING_INTERVAL);
        let first = written.recv().unwrap();
        assert!(first.contains("event: error\ndata: {"));
        assert!(first.contains("t.html:4: template error"));
    }

    #[test]
    fn slots_are_limited_and_given_back() {
        let slots = Slots::new(2);
        let a = slots.take().unwrap();
        let b = slots.take().unwrap();
        assert!(slots.take().is_none());
        assert_eq!(slots.open(), 2);
        drop(a);
        assert!(!slots.wait_all_closed(Duration::from_millis(10)));
        let c = slots.take().unwrap();
        drop((b, c));
        assert!(slots.wait_all_closed(Duration::from_millis(10)));
    }
}
