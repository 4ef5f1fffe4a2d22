//! Micro-benchmarks of the hot paths, so that a regression shows as a number:
//!
//! ```text
//! cargo bench                        # every benchmark (about 20 s on 2 cores, once compiled)
//! cargo bench -- markdown            # those whose path contains `markdown`
//! cargo bench -- --sample-count 10   # fewer samples, a quicker look
//! ```
//!
//! The input is the archive `bench/gen_corpus.py --seed 42 --articles 1000` writes (Python 3,
//! as CI's synthetic archive), with the repository's `site.toml` and `content/taxonomy.toml`,
//! in a temporary project that is removed at the end. Only the library's public API is used.
//! Whole-site stages use every core, as a build does; allocation goes through mimalloc, the
//! binary's allocator.

use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};
use dostyk::load::Article;
use dostyk::model::Site;
use dostyk::render::markdown;
use dostyk::render::{self, Assets, Scope, Templates};
use dostyk::serve::session::Session;
use dostyk::write::Discard;
use dostyk::{Project, build};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, SystemTime};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SEED: u32 = 42;
const ARTICLES: usize = 1000;

fn main() {
    divan::main();
    if let Some(corpus) = CORPUS.get() {
        let _ = std::fs::remove_dir_all(&corpus.dir);
    }
}

/// Article bodies to Markdown HTML: paragraphs with emphasis, a heading, a list, a quote; and
/// a body with a fenced code block, which goes through syntax highlighting.
mod markdown_render {
    use super::{Bencher, BytesCount, black_box, corpus, markdown};

    #[divan::bench]
    fn typical_article(bencher: Bencher) {
        let article = &corpus().typical;
        let body = &*article.body.read(&article.path).expect("the file is there");
        bencher
            .counter(BytesCount::of_str(body))
            .bench(|| markdown::render(black_box(body)));
    }

    #[divan::bench]
    fn article_with_code_block(bencher: Bencher) {
        let article = &corpus().with_code;
        let body = &*article.body.read(&article.path).expect("the file is there");
        // The first highlighted block loads the syntax definitions: not what is measured.
        markdown::render(body);
        bencher
            .counter(BytesCount::of_str(body))
            .bench(|| markdown::render(black_box(body)));
    }
}

/// Reading articles: one file's front matter and body, and the whole load stage.
mod load {
    use super::{ARTICLES, Article, Bencher, BytesCount, ItemsCount, black_box, build, corpus};

    /// Front matter (TOML, checked against the taxonomy) and body of one article.
    #[divan::bench]
    fn parse_one_article(bencher: Bencher) {
        let corpus = corpus();
        let path = &corpus.typical.path;
        let text = std::fs::read_to_string(path).expect("read the article");
        bencher.counter(BytesCount::of_str(&text)).bench(|| {
            Article::parse(black_box(path), black_box(&text), &corpus.taxonomy)
                .expect("the article parses")
        });
    }

    /// `site.toml`, the taxonomy, the templates and 1,000 article files read and parsed, and
    /// the model built: a build's load and model stages.
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn load_site_1000(bencher: Bencher) {
        let corpus = corpus();
        bencher
            .counter(ItemsCount::new(ARTICLES))
            .bench_local(|| build::load_site(&corpus.project, None).expect("the site loads"));
    }
}

/// The model: stories, listings and timeline from 1,000 loaded articles.
mod model {
    use super::{ARTICLES, Bencher, ItemsCount, Site, corpus};

    #[divan::bench(sample_count = 50)]
    fn site_new_1000(bencher: Bencher) {
        let corpus = corpus();
        bencher
            .counter(ItemsCount::new(ARTICLES))
            .with_inputs(|| {
                (
                    corpus.site.config.clone(),
                    corpus.site.taxonomy.clone(),
                    corpus.loaded.clone(),
                )
            })
            .bench_local_values(|(config, taxonomy, articles)| {
                Site::new(config, taxonomy, articles)
            });
    }
}

/// Rendering pages through the templates into an output that keeps nothing.
mod render_site {
    use super::{Bencher, Discard, Scope, assets, corpus, render};

    /// Every page of both UI trees (about 2,500 for 1,000 articles), bodies included: a
    /// build's render stage without the disk.
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn all_pages_1000(bencher: Bencher) {
        let corpus = corpus();
        bencher.bench_local(|| {
            render::render_site(
                &corpus.site,
                &corpus.templates,
                &assets(),
                &Discard,
                Scope::All,
                None,
            )
            .expect("the site renders")
        });
    }

    /// One page of each kind per UI tree (the closest the public API comes to rendering one
    /// page), plus the check of every article's links: `dostyk check`'s render.
    #[divan::bench(sample_count = 30, sample_size = 1)]
    fn one_page_of_each_kind_1000(bencher: Bencher) {
        let corpus = corpus();
        bencher.bench_local(|| {
            render::render_site(
                &corpus.site,
                &corpus.templates,
                &assets(),
                &Discard,
                Scope::Sample,
                None,
            )
            .expect("the sample renders")
        });
    }
}

/// The search index: of one article, and of the whole site (both UI trees), written into an
/// output that keeps nothing.
mod search_index {
    use super::{
        ARTICLES, Bencher, BytesCount, Discard, ItemsCount, assets, black_box, corpus, markdown,
        render,
    };
    use dostyk::search;

    /// One article's page, the whole of an index: read, split into words, its fragment
    /// and chunk written.
    #[divan::bench]
    fn one_article(bencher: Bencher) {
        struct One(search::Page);
        impl search::Pages for One {
            fn count(&self) -> usize {
                1
            }
            fn page(&self, _: usize) -> search::Page {
                self.0.clone()
            }
            fn filters(&self, _: usize, _: usize) -> search::Filters {
                search::Filters::new()
            }
        }
        let article = &corpus().typical;
        let html = markdown::render(&article.body.read(&article.path).expect("the file is there"));
        let page = search::Page {
            url: "/kk/articles/a/".into(),
            title: article.title.clone(),
            body_html: html.clone(),
            meta: search::Meta {
                title: article.title.clone(),
                lang: "kk".into(),
                language: "Қазақша".into(),
                date: "2025-01-01".into(),
            },
        };
        bencher.counter(BytesCount::of_str(&html)).bench(|| {
            let corpora = [search::Corpus {
                trees: vec!["kk".into()],
                pages: Box::new(One(page.clone())),
                images: false,
            }];
            search::write_index(black_box(&corpora), &Discard).expect("the index is written");
        });
    }

    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn whole_index_1000(bencher: Bencher) {
        let corpus = corpus();
        bencher.counter(ItemsCount::new(ARTICLES)).bench_local(|| {
            let assets = assets();
            let corpora = render::search_corpora(&corpus.site, &assets);
            search::write_index(&corpora, &Discard).expect("the index is written");
        });
    }
}

/// The preview server's rebuild of the 1,000-article project after one article file changed:
/// the changed file is read again, its pages and those listing it are rendered, the rest kept.
mod preview_rebuild {
    use super::{Bencher, Path, Session, corpus, write_settled};

    /// Nothing changed, and the rebuild is not told so: it stats every file.
    #[divan::bench(sample_count = 50, sample_size = 1)]
    fn unchanged(bencher: Bencher) {
        let mut session = started_session();
        bencher.bench_local(|| session.rebuild().expect("the site rebuilds"));
    }

    /// Nothing changed, as the preview's watcher tells it: what every rebuild pays (model,
    /// page signatures).
    #[divan::bench(sample_count = 50, sample_size = 1)]
    fn unchanged_told(bencher: Bencher) {
        let mut session = started_session();
        bencher.bench_local(|| session.rebuild_after(&[]).expect("the site rebuilds"));
    }

    /// A sentence added at the end of one article: its own pages change, lists do not.
    #[divan::bench(sample_count = 50, sample_size = 1)]
    fn after_body_edit(bencher: Bencher) {
        rebuild_after(bencher, |text, n| format!("{text}\nEdit {n}.\n"));
    }

    /// One article's title changed: its pages and every list that shows it change.
    #[divan::bench(sample_count = 50, sample_size = 1)]
    fn after_title_edit(bencher: Bencher) {
        rebuild_after(bencher, |text, n| {
            text.replacen("title = \"", &format!("title = \"{n} "), 1)
        });
    }

    /// Benchmarks a rebuild after each edit `edit(original text, edit number)` of the typical
    /// article's file, told which file changed (as the preview's watcher tells it); the file
    /// is restored afterwards.
    fn rebuild_after(bencher: Bencher, edit: impl Fn(&str, u64) -> String) {
        let corpus = corpus();
        let path = &corpus.typical.path;
        let original = std::fs::read_to_string(path).expect("read the article");
        let _restore = Restore {
            path,
            text: original.clone(),
        };
        let mut session = started_session();
        let mut edits = 0;
        // Each edit gets its own modification time, well in the past, so the session's
        // cache sees the change at once and trusts the file's stamp afterwards (as it would
        // an edit made a few seconds before a rebuild).
        let mut apply = move || {
            edits += 1;
            write_settled(path, &edit(&original, edits), edits);
        };
        apply();
        let changed = [path.clone()];
        let first = session
            .rebuild_after(&changed)
            .expect("the edited site rebuilds");
        assert!(
            first.rendered > 0 && first.kept > first.rendered,
            "an edit re-renders a few pages: {} rendered, {} kept",
            first.rendered,
            first.kept
        );
        // Divan makes the inputs of a sample before running it: one edit, one rebuild.
        bencher.with_inputs(apply).bench_local_values(|()| {
            session
                .rebuild_after(&changed)
                .expect("the edited site rebuilds")
        });
    }

    /// A session that has built the whole site once.
    fn started_session() -> Session {
        let mut session = Session::new(corpus().project.clone(), None);
        session.rebuild().expect("the site builds");
        session
    }

    /// Puts an edited article back as it was.
    struct Restore<'a> {
        path: &'a Path,
        text: String,
    }

    impl Drop for Restore<'_> {
        fn drop(&mut self) {
            write_settled(self.path, &self.text, 0);
        }
    }
}

/// The generated project, loaded once for every benchmark that needs it.
struct Corpus {
    /// The temporary folder, removed when the benchmarks end.
    dir: PathBuf,
    project: Project,
    taxonomy: dostyk::load::taxonomy::Taxonomy,
    /// The articles as loaded, before the model sorts them.
    loaded: Vec<Arc<Article>>,
    site: Site,
    templates: Templates,
    /// An article with paragraphs, a heading, a list and a quote, and no code.
    typical: Arc<Article>,
    /// An article with a fenced code block.
    with_code: Arc<Article>,
}

static CORPUS: OnceLock<Corpus> = OnceLock::new();

fn corpus() -> &'static Corpus {
    CORPUS.get_or_init(Corpus::generate)
}

impl Corpus {
    fn generate() -> Corpus {
        let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let dir = tempfile::Builder::new()
            .prefix("dostyk-bench-")
            .tempdir()
            .expect("temp dir")
            .keep();
        let project = Project::new(dir.join("project"));
        let generated = Command::new("python3")
            .arg(repo.join("bench/gen_corpus.py"))
            .args(["--seed", &SEED.to_string()])
            .args(["--articles", &ARTICLES.to_string()])
            .arg("--out")
            .arg(&project.content)
            .output()
            .unwrap_or_else(|e| panic!("the benchmarks' corpus comes from python3: {e}"));
        assert!(
            generated.status.success(),
            "bench/gen_corpus.py failed: {}\n{}",
            generated.status,
            String::from_utf8_lossy(&generated.stderr)
        );
        std::fs::copy(repo.join("site.toml"), project.root.join("site.toml")).expect("site.toml");
        std::fs::copy(
            repo.join("content/taxonomy.toml"),
            project.content.join("taxonomy.toml"),
        )
        .expect("taxonomy.toml");
        // Files written just now are read again by every rebuild until their stamp is old
        // enough to trust: date them back, as an archive's files are.
        for entry in walkdir::WalkDir::new(project.content.join("articles")) {
            let entry = entry.expect("walk the corpus");
            if entry.file_type().is_file() {
                set_modified(entry.path(), 0);
            }
        }

        let (site, templates, _) = build::load_site(&project, None).expect("the corpus loads");
        let taxonomy = site.taxonomy.clone();
        let loaded = dostyk::load::load(&project.content.join("articles"), &taxonomy)
            .expect("the corpus loads")
            .articles;
        assert_eq!(loaded.len(), ARTICLES);
        let find = |what: &str, test: &dyn Fn(&str) -> bool| {
            loaded
                .iter()
                .find(|a| test(&a.body.read(&a.path).expect("the file is there")))
                .unwrap_or_else(|| panic!("the corpus has {what}"))
                .clone()
        };
        let typical = find(
            "an article with a heading, a list and a quote and no code",
            &|body| {
                body.contains("\n## ")
                    && body.contains("\n- ")
                    && body.contains("\n> ")
                    && !body.contains("```")
            },
        );
        let with_code = find("an article with a fenced code block", &|body| {
            body.contains("\n```")
        });
        Corpus {
            dir,
            project,
            taxonomy,
            loaded,
            site,
            templates,
            typical,
            with_code,
        }
    }
}

/// Asset URLs as a build makes them (a build computes them while writing the static files).
fn assets() -> Assets {
    let url = |name: &str| format!("/dostyk/{name}?v=0123abcd");
    Assets {
        style: url("style.css"),
        syntax: url("syntax.css"),
        icon: url("favicon.svg"),
        social: url("social.png"),
        search: url("search.js"),
        photos: std::sync::Arc::default(),
    }
}

/// Writes `text` to `path`, modified `offset` seconds after a time an hour ago.
fn write_settled(path: &Path, text: &str, offset: u64) {
    std::fs::write(path, text).expect("write the article");
    set_modified(path, offset);
}

fn set_modified(path: &Path, offset: u64) {
    let when = SystemTime::now() - Duration::from_secs(3600) + Duration::from_secs(offset);
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(when))
        .expect("date the file");
}
