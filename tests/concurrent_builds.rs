//! Builds of one output folder at once, as separate `dostyk build` processes: they take turns
//! (a lock beside the folder), so each either puts its whole site in place or, failing, leaves
//! the last good one; the folder never holds a mix of two sites, part of one, or what the
//! failed build wrote, and nothing is left beside it.
//!
//! What is asserted is what the folder holds and how each build ended, never how long anything
//! took: to make builds meet, the first test holds the folder's lock itself while they start, so
//! that each has to wait; the second starts builds together and lets them race as they will.

mod common;

use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

type Site = BTreeMap<String, Vec<u8>>;

const ARTICLES: usize = 8;

/// A small project whose article titles carry `edition`.
fn project(edition: &str) -> Fixture {
    let fixture = Fixture::new();
    for i in 0..ARTICLES {
        let lang = if i % 2 == 0 { "kk" } else { "tg" };
        let spec = ArticleSpec::new(
            &format!("{edition}: мақала {i}"),
            &format!("2024-06-{:02}", i + 1),
            lang,
        );
        fixture.article(&format!("2024/article-{i}.md"), spec.text());
    }
    fixture
}

/// A project that loads but fails while its pages are written (its article template uses a
/// variable that is not there): a build of it has taken the output folder when it fails.
fn failing_project() -> Fixture {
    let fixture = project("Сынық");
    fixture.write(
        "templates/article.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ nope }}</p>\n{% endblock content %}\n",
    );
    fixture
}

const FAILING_ERROR: &str = "Variable `nope` is not defined";

/// The site `project` builds on its own, every file with its bytes.
fn alone(project: &Fixture) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let (status, stdout, stderr) = start(project, &out).finish();
    assert!(status.success(), "{stderr}");
    assert!(
        stdout.contains(&format!("from {ARTICLES} articles")),
        "{stdout}"
    );
    snapshot(&out)
}

/// A `dostyk build` of a project into an output folder, running; its stderr is read line by
/// line as it comes.
struct Build {
    child: Child,
    lines: mpsc::Receiver<String>,
    stderr: Vec<String>,
}

fn start(project: &Fixture, out: &Path) -> Build {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(&project.root)
        .args(["build", "--out"])
        .arg(out)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run dostyk");
    let stderr = child.stderr.take().expect("stderr is piped");
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    Build {
        child,
        lines,
        stderr: Vec::new(),
    }
}

impl Build {
    /// Returns once the build says it waits for another build of its folder. (The limit only
    /// keeps a broken lock from hanging the test; nothing comes near it.)
    fn waits(&mut self, what: &str) {
        loop {
            match self.lines.recv_timeout(Duration::from_secs(600)) {
                Ok(line) => {
                    let waiting = line.contains("another build is writing")
                        && line.contains("waiting for it to finish");
                    self.stderr.push(line);
                    if waiting {
                        return;
                    }
                }
                Err(e) => panic!(
                    "{what}: the build never said it waits for the one holding the folder \
                     ({e:?}); it printed:\n{}",
                    self.stderr.join("\n")
                ),
            }
        }
    }

    /// Waits for the build to end: its exit status, its stdout and the whole of its stderr.
    fn finish(mut self) -> (ExitStatus, String, String) {
        let output = self.child.wait_with_output().expect("the build ends");
        // The reader ends at the end of stderr, which closes the channel.
        self.stderr.extend(self.lines.iter());
        (
            output.status,
            String::from_utf8_lossy(&output.stdout).into_owned(),
            self.stderr.join("\n"),
        )
    }
}

/// The lock file builds of `out` take.
fn lock_path(out: &Path) -> PathBuf {
    let name = out.file_name().expect("a named folder").to_string_lossy();
    out.with_file_name(format!(".{name}.lock"))
}

/// Takes the lock of `out` as a build does (waiting while a build holds it); dropping the file
/// lets go of it.
fn hold(out: &Path) -> File {
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(out))
        .expect("open the lock file");
    file.lock().expect("take the lock");
    file
}

/// Which of `sites` the folder holds, whole, or a panic saying how it is none of them.
fn which(out: &Path, sites: &[(&str, &Site)], when: &str) -> String {
    let now = snapshot(out);
    if let Some((name, _)) = sites.iter().find(|(_, site)| **site == now) {
        return name.to_string();
    }
    let (closest, site) = sites
        .iter()
        .min_by_key(|(_, site)| {
            now.iter()
                .filter(|(file, bytes)| site.get(*file) != Some(bytes))
                .count()
        })
        .expect("some sites");
    let differ: Vec<&String> = now
        .keys()
        .chain(site.keys())
        .filter(|file| now.get(*file) != site.get(*file))
        .take(8)
        .collect();
    panic!(
        "{when}: the output folder holds none of the whole sites {:?}; against the closest, \
         {closest}, these files differ: {differ:?}",
        sites.iter().map(|(name, _)| *name).collect::<Vec<_>>()
    );
}

/// While builds run: looks at the folder again and again, each time holding its lock (so that
/// no build swaps a site in while it is read), and checks that it holds one of `sites`, whole.
/// Looks at least once, the last time after `done` is set; returns the sites seen, in order.
fn watch(
    out: PathBuf,
    sites: Vec<(&'static str, Site)>,
    done: Arc<AtomicBool>,
) -> std::thread::JoinHandle<Vec<String>> {
    std::thread::spawn(move || {
        let sites: Vec<(&str, &Site)> = sites.iter().map(|(n, s)| (*n, s)).collect();
        let mut seen: Vec<String> = Vec::new();
        loop {
            let lock = hold(&out);
            let now = which(&out, &sites, "between two builds");
            drop(lock);
            if seen.last() != Some(&now) {
                seen.push(now);
            }
            if done.load(Ordering::SeqCst) {
                return seen;
            }
            // Lets the waiting builds have the lock in turn.
            std::thread::sleep(Duration::from_millis(20));
        }
    })
}

/// Nothing beside the output folder but it and its lock: no half-built or old site.
fn nothing_beside(dir: &Path) {
    let names: BTreeSet<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["public", ".public.lock"].map(String::from).into(),
        "nothing left beside the output"
    );
}

struct Projects {
    first: Fixture,
    second: Fixture,
    third: Fixture,
    failing: Fixture,
    /// What `first`, `second` and `third` build on their own.
    sites: Vec<(&'static str, Site)>,
}

fn projects() -> Projects {
    let (first, second, third) = (project("Бірінші"), project("Екінші"), project("Үшінші"));
    let sites = vec![
        ("first", alone(&first)),
        ("second", alone(&second)),
        ("third", alone(&third)),
    ];
    for (i, (a, site_a)) in sites.iter().enumerate() {
        for (b, site_b) in &sites[i + 1..] {
            assert_ne!(site_a, site_b, "{a} and {b} are different sites");
        }
    }
    Projects {
        first,
        second,
        third,
        failing: failing_project(),
        sites,
    }
}

/// Ends the builds of `second`, `third` and `failing` and checks how each ended: the two
/// succeed, the failing one fails with its error.
fn ended(builds: Vec<(&str, Build)>) {
    for (name, build) in builds {
        let (status, stdout, stderr) = build.finish();
        if name == "failing" {
            assert_eq!(status.code(), Some(1), "the failing build fails: {stderr}");
            assert!(
                stderr.contains(FAILING_ERROR),
                "{FAILING_ERROR:?} in\n{stderr}"
            );
            assert!(!stdout.contains("built "), "{stdout}");
        } else {
            assert!(status.success(), "the {name} build succeeds: {stderr}");
            assert!(
                stdout.contains(&format!("from {ARTICLES} articles")),
                "{name}: {stdout}"
            );
        }
    }
}

/// Three builds start while the folder is held, as by a build: each says it waits, none
/// touches the folder meanwhile; once it is let go they run in turn, the two good ones
/// succeed and the failing one fails, and at every moment looked at the folder holds one of
/// the whole sites, at the end that of a build that succeeded.
#[test]
fn builds_that_meet_take_turns_and_each_leaves_a_whole_site() {
    let p = projects();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let sites: Vec<(&str, &Site)> = p.sites.iter().map(|(n, s)| (*n, s)).collect();

    // The last good site.
    let (status, _, stderr) = start(&p.first, &out).finish();
    assert!(status.success(), "{stderr}");
    assert_eq!(which(&out, &sites, "after the first build"), "first");

    let lock = hold(&out);
    let mut builds = vec![
        ("second", start(&p.second, &out)),
        ("failing", start(&p.failing, &out)),
        ("third", start(&p.third, &out)),
    ];
    for (name, build) in &mut builds {
        build.waits(name);
    }
    // All three wait, so they meet: nothing is written while the folder is held.
    assert_eq!(
        which(&out, &sites, "while the builds wait"),
        "first",
        "the folder is untouched while another holds it"
    );
    nothing_beside(dir.path());
    drop(lock);

    let done = Arc::new(AtomicBool::new(false));
    let watcher = watch(out.clone(), p.sites.clone(), done.clone());
    ended(builds);
    done.store(true, Ordering::SeqCst);
    let seen = watcher.join().expect("every look found a whole site");
    let last = which(&out, &sites, "after the builds");
    assert!(
        last == "second" || last == "third",
        "the folder holds the site of a build that succeeded, not {last}"
    );
    assert_eq!(
        seen.last(),
        Some(&last),
        "the last look came after the builds"
    );
    nothing_beside(dir.path());
}

/// Builds started together, left to race: in every round each ends as it must and the folder
/// holds one whole site of a build that succeeded, the failing one never.
#[test]
fn builds_started_together_each_leave_a_whole_site() {
    let p = projects();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let sites: Vec<(&str, &Site)> = p.sites.iter().map(|(n, s)| (*n, s)).collect();
    let (status, _, stderr) = start(&p.first, &out).finish();
    assert!(status.success(), "{stderr}");

    for round in 0..3 {
        let done = Arc::new(AtomicBool::new(false));
        let watcher = watch(out.clone(), p.sites.clone(), done.clone());
        let builds = vec![
            ("second", start(&p.second, &out)),
            ("failing", start(&p.failing, &out)),
            ("third", start(&p.third, &out)),
        ];
        ended(builds);
        done.store(true, Ordering::SeqCst);
        watcher.join().expect("every look found a whole site");
        let last = which(&out, &sites, &format!("after round {round}"));
        assert!(
            last == "second" || last == "third",
            "round {round}: the folder holds the site of a build that succeeded, not {last}"
        );
        nothing_beside(dir.path());
    }
}
