//! `dostyk import` on the five raw agency texts the archive started from: what it infers,
//! what it asks for, and that it never loses a sentence or overwrites a file.

mod common;

use common::front_matter;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The five raw texts, and what an editor adds on the command line for each: what the text
/// itself does not say (see tests/fixtures/raw/README.md).
const SEEDS: &[(&str, &[&str])] = &[
    ("000_c2971f3114f27f7e.txt", &["--year", "2025"]),
    (
        "001_14a85814d9623422.txt",
        &[
            "--outlet",
            "Хадамоти матбуоти Президенти Ҷумҳурии Тоҷикистон",
        ],
    ),
    ("002_4ac4f6e0ac4e3caa.txt", &[]),
    (
        "003_66e8fa6394fbc704.txt",
        &["--date", "2026-02-16", "--outlet", "Kazakhstan Today"],
    ),
    ("004_fdb75db5e4a0ae0c.txt", &["--date", "2025-08-27"]),
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn raw(name: &str) -> PathBuf {
    repo().join("tests/fixtures/raw").join(name)
}

/// A project with the repository's configuration and taxonomy and no articles yet.
fn empty_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("site.toml"), dir.path().join("site.toml")).unwrap();
    std::fs::create_dir_all(dir.path().join("content/articles")).unwrap();
    std::fs::copy(
        repo().join("content/taxonomy.toml"),
        dir.path().join("content/taxonomy.toml"),
    )
    .unwrap();
    dir
}

fn import(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(root)
        .arg("import")
        .args(args)
        .output()
        .unwrap()
}

fn import_seed(root: &Path, name: &str, extra: &[&str]) -> Output {
    let file = raw(name);
    let mut args = vec![file.to_str().unwrap()];
    args.extend_from_slice(extra);
    import(root, &args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn all_output(output: &Output) -> String {
    format!(
        "{}{}",
        stdout(output),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The article files under a project's content, by path.
fn articles(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir(&root.join("content/articles"));
    files.sort();
    files
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walkdir(&path));
            } else if path.extension().is_some_and(|x| x == "md") {
                out.push(path);
            }
        }
    }
    out
}

fn body(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    text.split_once("\n+++\n").unwrap().1.to_string()
}

/// The repository's own article for a seed: the one with the same date and language.
fn repo_article(fm: &toml::Table) -> toml::Table {
    articles(&repo())
        .iter()
        .map(|p| front_matter(p))
        .find(|other| {
            other["date"].to_string() == fm["date"].to_string() && other["lang"] == fm["lang"]
        })
        .unwrap_or_else(|| {
            panic!(
                "content/ has no article dated {} in {}",
                fm["date"], fm["lang"]
            )
        })
}

#[test]
fn the_five_texts_import_to_the_front_matter_content_has() {
    let project = empty_project();
    for (name, extra) in SEEDS {
        let output = import_seed(project.path(), name, extra);
        assert!(output.status.success(), "{name}: {}", all_output(&output));
    }
    let files = articles(project.path());
    assert_eq!(files.len(), 5, "{files:?}");
    for file in &files {
        let fm = front_matter(file);
        let ours = repo_article(&fm);
        // Titles are the editor's to improve (a title made from the lead asks for it).
        for key in ["lang", "date", "countries", "topics"] {
            assert_eq!(fm.get(key), ours.get(key), "{}: {key}", file.display());
        }
        let source = |t: &toml::Table| t["source"].as_table().unwrap().clone();
        assert_eq!(
            source(&fm).get("outlet"),
            source(&ours).get("outlet"),
            "{}: outlet",
            file.display()
        );
        assert_eq!(
            source(&fm).get("photo"),
            source(&ours).get("photo"),
            "{}: photo",
            file.display()
        );
    }
    // The Uzbek and the second Kazakh text are one event.
    let stories: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let fm = front_matter(f);
            (
                fm["lang"].as_str().unwrap().to_string(),
                fm["story"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let uz = stories.iter().find(|(l, _)| l == "uz").unwrap();
    let kk_same = stories
        .iter()
        .filter(|(l, s)| l == "kk" && s == &uz.1)
        .count();
    assert_eq!(kk_same, 1, "{stories:?}");
    let distinct: std::collections::BTreeSet<&String> = stories.iter().map(|(_, s)| s).collect();
    assert_eq!(distinct.len(), 4, "{stories:?}");
    // And the archive they make builds.
    let out = project.path().join("public");
    let report = dostyk::build(&dostyk::BuildOptions {
        project: dostyk::Project::new(project.path()),
        out,
        base_url: None,
        when_busy: dostyk::write::WhenBusy::Wait,
        search: true,
    });
    assert!(
        report.is_ok(),
        "{:?}",
        report.err().map(|e| e.diagnostics())
    );
}

#[test]
fn what_a_text_does_not_say_is_asked_for_not_invented() {
    let project = empty_project();
    let cases = [
        ("000_c2971f3114f27f7e.txt", "--year"),
        ("001_14a85814d9623422.txt", "--outlet"),
        ("003_66e8fa6394fbc704.txt", "--date"),
        ("004_fdb75db5e4a0ae0c.txt", "--date"),
    ];
    for (name, flag) in cases {
        let output = import_seed(project.path(), name, &[]);
        assert!(!output.status.success(), "{name} imported without {flag}");
        assert!(
            all_output(&output).contains(flag),
            "{name}: {}",
            all_output(&output)
        );
    }
    assert!(
        articles(project.path()).is_empty(),
        "a failed import writes nothing"
    );
}

#[test]
fn the_report_says_what_was_found_and_how() {
    let project = empty_project();
    let output = import_seed(
        project.path(),
        "000_c2971f3114f27f7e.txt",
        &["--year", "2025", "--dry-run"],
    );
    assert!(output.status.success(), "{}", all_output(&output));
    let report = stdout(&output);
    for expected in [
        "language  tg",
        "ИА Караван Инфо",
        "headline's suffix",
        "2025-11-14",
        "error:",
        "scraping debris",
        "Маҷлиси миллии",
    ] {
        assert!(
            report.contains(expected),
            "report lacks {expected:?}:\n{report}"
        );
    }
    assert!(
        articles(project.path()).is_empty(),
        "--dry-run writes nothing"
    );
    // A text with no headline gets a title from its lead, flagged for the editor.
    let output = import_seed(
        project.path(),
        "004_fdb75db5e4a0ae0c.txt",
        &["--date", "2025-08-27", "--dry-run"],
    );
    assert!(
        stdout(&output).contains("made from the first sentence"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn json_reports_for_scripts() {
    let project = empty_project();
    let output = import_seed(
        project.path(),
        "002_4ac4f6e0ac4e3caa.txt",
        &["--json", "--dry-run"],
    );
    assert!(output.status.success(), "{}", all_output(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &json[0];
    assert_eq!(first["status"], "would import");
    assert_eq!(first["draft"]["lang"], "uz");
    assert_eq!(first["draft"]["date"]["year"], 2025);
    assert_eq!(first["draft"]["outlet"], "Kazinform");
    assert_eq!(first["report"]["outlet"]["how"], "the dateline");
}

/// `--format markdown`: the report as a job summary's table, from the same findings as the
/// terminal's report; a text the importer refuses says why above its table.
#[test]
fn markdown_reports_for_job_summaries() {
    let project = empty_project();
    let output = import_seed(
        project.path(),
        "002_4ac4f6e0ac4e3caa.txt",
        &["--format", "markdown", "--dry-run"],
    );
    assert!(output.status.success(), "{}", all_output(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("### `") && text.contains("002_4ac4f6e0ac4e3caa.txt` → `"),
        "{text}"
    );
    assert!(
        text.contains("qozogiston-va-tojikiston-parlamentlari-hamkorlikni.md`: would import"),
        "{text}"
    );
    for row in [
        "| | value | how sure | why |",
        "| **title** | Қозоғистон ва Тожикистон парламентлари ҳамкорликни чуқурлаштиришни муҳокама қилди | certain | the first line that reads as a headline |",
        "| **language** | uz | 100% | letters",
        "| **place** | Astana | certain |",
        "| **outlet** | Kazinform | certain | the dateline |",
        "| **countries** | kazakhstan, tajikistan | named kazakhstan×",
        "| **story** | 2025-08-27-",
    ] {
        assert!(text.contains(row), "{row}\n{text}");
    }
    let refused = import_seed(
        project.path(),
        "004_fdb75db5e4a0ae0c.txt",
        &["--format", "markdown"],
    );
    assert!(!refused.status.success());
    let text = stdout(&refused);
    assert!(text.contains(": failed\n"), "{text}");
    assert!(
        text.contains("**What stops it:**\n\n- the text gives no date: give the publication date with --date YYYY-MM-DD"),
        "{text}"
    );
    assert!(text.contains("| **date** | — | missing |"), "{text}");
}

#[test]
fn every_sentence_is_kept_and_metadata_leaves_the_body() {
    let project = empty_project();
    for (name, extra) in SEEDS {
        let output = import_seed(project.path(), name, extra);
        assert!(output.status.success(), "{name}: {}", all_output(&output));
    }
    let imported: Vec<(PathBuf, String)> = articles(project.path())
        .into_iter()
        .map(|p| {
            let text = dostyk::render::markdown::plain_text(&body(&p));
            (p, text)
        })
        .collect();
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (name, _) in SEEDS {
        let source = std::fs::read_to_string(raw(name)).unwrap();
        let (path, text) = imported
            .iter()
            .find(|(_, text)| {
                let lines: Vec<&str> = source.lines().filter(|l| l.trim().len() > 120).collect();
                lines
                    .iter()
                    .any(|l| squash(text).contains(&squash(l.trim())))
            })
            .unwrap_or_else(|| panic!("no imported article holds the text of {name}"));
        let flat = squash(text);
        for line in source.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let line = line.trim_start_matches(['•', ' ']);
            let metadata = line == "error:"
                || line.starts_with("АКС:")
                || line.starts_with("Сурет:")
                || line.starts_with("date ");
            let headline = !line.ends_with('.') && line.chars().count() < 200;
            if metadata || headline {
                assert!(
                    !flat.contains(&squash(line)) || headline,
                    "{name}: metadata line kept in {}: {line}",
                    path.display()
                );
                continue;
            }
            // A dateline leaves; the sentence after it stays.
            let sentence = line
                .split_once(". ")
                .filter(|(head, _)| head.contains("Корвон") || head.contains("Kazinform"))
                .map_or(line, |(_, rest)| rest);
            let sentence = sentence
                .strip_prefix("ASTANА. Kazinform — ")
                .unwrap_or(sentence);
            assert!(
                flat.contains(&squash(sentence)),
                "{name}: lost from {}:\n{sentence}",
                path.display()
            );
        }
    }
}

#[test]
fn an_import_never_overwrites_and_recognises_a_text_it_has() {
    let project = empty_project();
    let first = import_seed(project.path(), "002_4ac4f6e0ac4e3caa.txt", &[]);
    assert!(first.status.success(), "{}", all_output(&first));
    let files = articles(project.path());
    assert_eq!(files.len(), 1);
    let before = std::fs::read(&files[0]).unwrap();
    // The editor corrects the title; importing the same text again changes nothing.
    let edited = String::from_utf8(before.clone()).unwrap().replacen(
        "title = \"",
        "title = \"Тузатилган: ",
        1,
    );
    std::fs::write(&files[0], &edited).unwrap();
    let again = import_seed(project.path(), "002_4ac4f6e0ac4e3caa.txt", &[]);
    assert!(again.status.success(), "{}", all_output(&again));
    assert!(stdout(&again).contains("skipped"), "{}", stdout(&again));
    assert_eq!(articles(project.path()).len(), 1);
    assert_eq!(
        std::fs::read_to_string(&files[0]).unwrap(),
        edited,
        "the editor's file is untouched"
    );
    // --force imports it again in place of the earlier import.
    let forced = import_seed(project.path(), "002_4ac4f6e0ac4e3caa.txt", &["--force"]);
    assert!(forced.status.success(), "{}", all_output(&forced));
    assert_eq!(articles(project.path()), files);
    assert_eq!(std::fs::read(&files[0]).unwrap(), before);
    // A different text with the same title gets a new file, not the old one's.
    let other = project.path().join("other.txt");
    let text = std::fs::read_to_string(raw("002_4ac4f6e0ac4e3caa.txt")).unwrap();
    let first_line = text.lines().next().unwrap();
    std::fs::write(&other, format!("{first_line}\nASTANA. Kazinform — Бутунлай бошқа матн: Тожикистон делегацияси Қозоғистонга келди ва музокаралар бошланди, деб хабар беради агентлик мухбири.\n")).unwrap();
    let output = import(project.path(), &[other.to_str().unwrap()]);
    assert!(output.status.success(), "{}", all_output(&output));
    assert_eq!(articles(project.path()).len(), 2);
    assert_eq!(std::fs::read(&files[0]).unwrap(), before);
}

#[test]
fn bad_files_fail_alone_with_a_reason() {
    let project = empty_project();
    let binary = project.path().join("binary.txt");
    std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    let empty = project.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let good = raw("002_4ac4f6e0ac4e3caa.txt");
    let output = import(
        project.path(),
        &[
            binary.to_str().unwrap(),
            empty.to_str().unwrap(),
            good.to_str().unwrap(),
            "/no/such/file.txt",
        ],
    );
    assert!(!output.status.success());
    let text = all_output(&output);
    assert!(text.contains("not UTF-8"), "{text}");
    assert!(
        text.contains("no article text") || text.contains("empty"),
        "{text}"
    );
    assert!(text.contains("cannot read"), "{text}");
    assert!(text.contains("1 imported"), "{text}");
    assert_eq!(articles(project.path()).len(), 1);
}

/// The front matter of the one article a project has.
fn the_article(root: &Path) -> (toml::Table, String) {
    let files = articles(root);
    assert_eq!(files.len(), 1, "{files:?}");
    (front_matter(&files[0]), body(&files[0]))
}

fn write_text(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_page_address_names_the_outlet_and_dates_a_text_without_a_year() {
    let project = empty_project();
    let text = write_text(
        project.path(),
        "forum.txt",
        "ДУШАНБЕ, 22 авг – Sputnik. Дар Форуми тиҷоратӣ-сармоягузории Тоҷикистон ва Қазоқистон дар шаҳри Душанбе созишномаҳо ба имзо расиданд.\n\
Ҷонибҳо ҳамкориро дар соҳаи саноат ва савдо баррасӣ карданд.\n",
    );
    // Without the address: no year, and the dateline's "Sputnik" alone is the outlet.
    let output = import(project.path(), &[text.to_str().unwrap(), "--dry-run"]);
    assert!(!output.status.success());
    assert!(
        stdout(&output).contains("--year"),
        "{}",
        all_output(&output)
    );
    let output = import(
        project.path(),
        &[
            text.to_str().unwrap(),
            "--url",
            "https://tj.sputniknews.ru/20240822/forum-1234.html",
        ],
    );
    assert!(output.status.success(), "{}", all_output(&output));
    let (fm, body) = the_article(project.path());
    assert_eq!(fm["date"].to_string(), "2024-08-22");
    assert!(
        fm["date_note"].as_str().unwrap().contains("page's address"),
        "{fm:?}"
    );
    assert_eq!(fm["place"].as_str(), Some("Душанбе"));
    let source = fm["source"].as_table().unwrap();
    assert_eq!(source["outlet"].as_str(), Some("Sputnik Тоҷикистон"));
    assert_eq!(
        source["url"].as_str(),
        Some("https://tj.sputniknews.ru/20240822/forum-1234.html")
    );
    assert!(body.trim_start().starts_with("Дар Форуми"), "{body}");
    // A page of an outlet dostyk does not know, of a text that names none: its host, for the
    // editor to check.
    let other = empty_project();
    let unnamed = write_text(
        other.path(),
        "unnamed.txt",
        &std::fs::read_to_string(&text)
            .unwrap()
            .replace(" – Sputnik.", "."),
    );
    let output = import(
        other.path(),
        &[
            unnamed.to_str().unwrap(),
            "--url",
            "https://news.example.tj/2024/08/22/forum",
            "--dry-run",
        ],
    );
    assert!(output.status.success(), "{}", all_output(&output));
    assert!(
        stdout(&output).contains("outlet    news.example.tj  [check:"),
        "{}",
        stdout(&output)
    );
    // An address that is none is refused before anything is read.
    let output = import(
        other.path(),
        &[text.to_str().unwrap(), "--url", "tj.sputniknews.ru"],
    );
    assert!(!output.status.success());
    assert!(
        all_output(&output).contains("is not a web address"),
        "{}",
        all_output(&output)
    );
}

#[test]
fn a_text_about_other_countries_is_refused_unless_the_editor_insists() {
    let project = empty_project();
    let text = write_text(
        project.path(),
        "border.txt",
        "Ўзбекистон ва Қирғизистон чегара бўйича битим имзолади\n\
BISHKEK. Kabar – Ўзбекистон ва Қирғизистон президентлари Бишкекда давлат чегараси тўғрисидаги битимни имзоладилар, деб хабар беради Kabar.\n\
Ўзбекистон ва Қирғизистон ўртасидаги савдо ҳам муҳокама қилинди.\n",
    );
    let output = import(
        project.path(),
        &[text.to_str().unwrap(), "--date", "2022-11-29"],
    );
    assert!(!output.status.success());
    let out = stdout(&output);
    assert!(out.contains("subject   OFF TOPIC"), "{out}");
    assert!(
        out.contains("never names kazakhstan or tajikistan") && out.contains("--off-topic"),
        "{out}"
    );
    assert!(articles(project.path()).is_empty());
    let output = import(
        project.path(),
        &[
            text.to_str().unwrap(),
            "--date",
            "2022-11-29",
            "--off-topic",
            "--json",
        ],
    );
    assert!(output.status.success(), "{}", all_output(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json[0]["report"]["on_topic"]["value"], false);
    assert!(
        json[0]["report"]["on_topic"]["why"]
            .as_str()
            .unwrap()
            .contains("never names")
    );
    assert_eq!(articles(project.path()).len(), 1);
}

#[test]
fn chrome_above_the_headline_is_dropped_and_listed() {
    let project = empty_project();
    let text = write_text(
        project.path(),
        "chrome.txt",
        "27.9 C\nDushanbe\nPolitics\nChinese\nTurkish\n16:54 22/08/2024\n\nТокаев и Рахмон обсудили торговлю Новость дня\n\n\
ДУШАНБЕ, 22 августа — Президенты Казахстана и Таджикистана Касым-Жомарт Токаев и Эмомали Рахмон провели переговоры в Душанбе.\n\
Стороны обсудили торговлю и транспорт.\n",
    );
    let output = import(
        project.path(),
        &[text.to_str().unwrap(), "--outlet", "Test"],
    );
    assert!(output.status.success(), "{}", all_output(&output));
    let out = stdout(&output);
    assert!(
        out.contains("title     Токаев и Рахмон обсудили торговлю  [certain:"),
        "{out}"
    );
    for line in ["27.9 C", "Dushanbe", "16:54 22/08/2024"] {
        assert!(
            out.contains(&format!("\"{line}\"")),
            "{line} not listed:\n{out}"
        );
    }
    let (fm, body) = the_article(project.path());
    // The page's own date gives the dateline's year.
    assert_eq!(fm["date"].to_string(), "2024-08-22");
    for chrome in ["27.9", "Dushanbe", "Chinese", "16:54", "Новость дня"] {
        assert!(!body.contains(chrome), "{chrome} kept:\n{body}");
    }
}

#[test]
fn reports_of_one_event_share_a_story_and_a_visit_s_other_event_does_not() {
    let project = empty_project();
    let texts = [
        (
            "one.txt",
            "Нуртлеу встретился с Рахмоном в Душанбе\n\
ДУШАНБЕ, 28 августа. Kazinform – Президент Таджикистана Эмомали Рахмон принял заместителя премьер-министра – министра иностранных дел Казахстана Мурата Нуртлеу.\n\
Стороны обсудили выполнение договоренностей на высшем уровне.\n",
        ),
        (
            "two.txt",
            "Рахмон принял главу МИД Казахстана Нуртлеу\n\
ДУШАНБЕ, 28 августа. ТАСС – Эмомали Рахмон принял в Душанбе Мурата Нуртлеу, который прибыл с рабочим визитом.\n\
Обсуждены вопросы двустороннего сотрудничества.\n",
        ),
        (
            "three.txt",
            "Нұртілеу Мухриддинмен келіссөз жүргізді\n\
ДУШАНБЕ, 29 тамыз. BAQ.KZ – Қазақстан Сыртқы істер министрі Мұрат Нұртілеу Тәжікстан Сыртқы істер министрі Сироджиддин Мухриддинмен келіссөз жүргізді.\n\
Тараптар екі ел арасындағы сауда және көлік салаларындағы ынтымақтастықты талқылады. Сондай-ақ Қазақстан мен Тәжікстан арасындағы өзара байланыстарды дамыту мәселелері қаралды.\n",
        ),
    ];
    for (name, text) in texts {
        let path = write_text(project.path(), name, text);
        let output = import(project.path(), &[path.to_str().unwrap(), "--year", "2025"]);
        assert!(output.status.success(), "{name}: {}", all_output(&output));
        if name == "three.txt" {
            let out = stdout(&output);
            assert!(out.contains("nearly joined"), "{out}");
            assert!(out.contains("muhridin"), "{out}");
        }
    }
    let stories: Vec<String> = articles(project.path())
        .iter()
        .map(|p| front_matter(p)["story"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stories.len(), 3);
    let distinct: std::collections::BTreeSet<&String> = stories.iter().collect();
    // The two Russian reports of Rahmon receiving Nurtleu are one story; the talks with
    // Muhriddin the next day are another.
    assert_eq!(distinct.len(), 2, "{stories:?}");
}

#[test]
fn a_photo_comes_along_with_its_credit_and_the_site_builds() {
    let project = empty_project();
    let photo = project.path().join("from-the-agency.jpg");
    std::fs::write(&photo, common::jpeg(1600, 1000, 1)).unwrap();
    let alt = "Екі министр келіссөз үстелінде";
    let output = import_seed(
        project.path(),
        "003_66e8fa6394fbc704.txt",
        &[
            "--date",
            "2026-02-16",
            "--outlet",
            "Kazakhstan Today",
            "--photo",
            photo.to_str().unwrap(),
            "--alt",
            alt,
        ],
    );
    assert!(output.status.success(), "{}", all_output(&output));
    let files = articles(project.path());
    assert_eq!(files.len(), 1);
    let fm = front_matter(&files[0]);
    let slug = files[0].file_stem().unwrap().to_str().unwrap();
    let lead = fm["photo"].as_table().unwrap();
    assert_eq!(lead["file"].as_str(), Some(format!("{slug}.jpg").as_str()));
    assert_eq!(lead["alt"].as_str(), Some(alt));
    // The credit the text gave is the photo's now.
    assert_eq!(lead["credit"].as_str(), Some("gov.kz"));
    assert!(fm["source"].as_table().unwrap().get("photo").is_none());
    let copied = project.path().join(format!("content/photos/{slug}.jpg"));
    assert_eq!(
        std::fs::read(copied).unwrap(),
        std::fs::read(&photo).unwrap()
    );
    let built = Command::new(env!("CARGO_BIN_EXE_dostyk"))
        .arg("--root")
        .arg(project.path())
        .args(["build", "--no-search"])
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", all_output(&built));
    let page = std::fs::read_to_string(
        project
            .path()
            .join(format!("public/kk/articles/{slug}/index.html")),
    )
    .unwrap();
    assert!(
        page.contains("<figure class=\"lead-photo\"><picture>"),
        "{page}"
    );

    // Not a photo: refused before anything is written.
    let text = project.path().join("notes.jpg");
    std::fs::write(&text, "not a photo").unwrap();
    let again = import_seed(
        project.path(),
        "002_4ac4f6e0ac4e3caa.txt",
        &["--photo", text.to_str().unwrap(), "--alt", alt],
    );
    assert!(!again.status.success());
    assert!(
        all_output(&again).contains("is not a JPEG, PNG or WebP image"),
        "{}",
        all_output(&again)
    );
    assert_eq!(articles(project.path()).len(), 1);
}
