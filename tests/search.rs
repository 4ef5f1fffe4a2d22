//! Search: the build writes a Pagefind bundle with one index per UI tree holding exactly the
//! articles (the trees share its words and fragments, with the first tree's addresses); each
//! tree has a search page that loads it under the base path, in its own language; every page
//! has a search box that opens it. The real queries run Pagefind's own
//! `pagefind.js` in Node (found by `require_tool`: skipped, and said so, when Node is missing,
//! and a failure then under `DOSTYK_REQUIRE_TOOLS=1`).

mod common;

use common::*;
use std::collections::BTreeSet;

const UI: [&str; 2] = ["kk", "tg"];

#[test]
fn the_bundle_indexes_every_article_in_each_tree() {
    let site = build_news(SUB_BASE);
    for file in [
        "pagefind.js",
        "pagefind-worker.js",
        "pagefind-ui.js",
        "pagefind-ui.css",
        "wasm.unknown.pagefind",
        "pagefind-entry.json",
    ] {
        assert!(site.exists(&format!("pagefind/{file}")), "pagefind/{file}");
    }
    // The UIs no page loads are left out.
    for file in ["pagefind-component-ui.js", "pagefind-modular-ui.js"] {
        assert!(!site.exists(&format!("pagefind/{file}")), "pagefind/{file}");
    }
    let entry: serde_json::Value =
        serde_json::from_str(&site.text("pagefind/pagefind-entry.json")).unwrap();
    let languages = entry["languages"].as_object().expect("languages");
    assert_eq!(
        languages.keys().map(String::as_str).collect::<Vec<_>>(),
        UI,
        "one index per UI tree: {entry}"
    );
    let articles = news_articles().len();
    for lang in UI {
        assert_eq!(
            languages[lang]["page_count"], articles,
            "{lang}: the articles, and nothing but the articles"
        );
        let meta = format!(
            "pagefind/pagefind.{}.pf_meta",
            languages[lang]["hash"].as_str().unwrap()
        );
        assert!(site.exists(&meta), "{meta}");
    }
    // Chunked: the words are split over index files, one fragment file per page.
    let files = site.files();
    let count = |prefix: &str| files.iter().filter(|f| f.starts_with(prefix)).count();
    assert!(count("pagefind/index/") >= 1, "index chunks");
    assert_eq!(
        count("pagefind/fragment/"),
        articles,
        "one fragment an article, shared by the trees"
    );
    assert_eq!(
        count("pagefind/filter/"),
        4 * UI.len(),
        "filters per tree: text language, year, countries, topics"
    );
}

#[test]
fn only_article_pages_carry_a_search_body() {
    let site = build_news(ROOT_BASE);
    let body = sel("[data-pagefind-body]");
    for rel in site.html_files() {
        let doc = site.html(&rel);
        let bodies = doc.select(&body).count();
        let is_article = rel.contains("/articles/");
        assert_eq!(bodies, usize::from(is_article), "{rel}");
        if is_article {
            // Title, date and language badge as result metadata; filters in the UI language.
            for css in [
                "h1[data-pagefind-meta=title]",
                "time[data-pagefind-meta='date[datetime]']",
                "[data-pagefind-meta=language][data-pagefind-filter]",
                "a.tag.country[data-pagefind-filter]",
            ] {
                one(&doc, css, &rel);
            }
            // The page furniture around the text stays out of excerpts.
            for css in [".article-meta", ".article-footer"] {
                assert!(
                    one(&doc, css, &rel)
                        .value()
                        .attr("data-pagefind-ignore")
                        .is_some(),
                    "{rel}: {css}"
                );
            }
        }
    }
}

#[test]
fn each_tree_has_a_search_page_in_its_language_under_the_base_path() {
    let site = build_news(SUB_BASE);
    let base = site.base_path();
    for lang in UI {
        let rel = format!("{lang}/search/index.html");
        let doc = site.html(&rel);
        assert_eq!(attr(&doc, "html", "lang", &rel), lang);
        let bundle = format!("{base}pagefind/");
        assert_eq!(attr(&doc, "#search", "data-bundle", &rel), bundle);
        assert_eq!(attr(&doc, "#search", "data-base", &rel), base);
        let scripts: Vec<&str> = doc
            .select(&sel("script[src]"))
            .filter_map(|s| s.value().attr("src"))
            .collect();
        assert!(
            scripts.contains(&format!("{bundle}pagefind-ui.js").as_str()),
            "{rel}: {scripts:?}"
        );
        assert!(
            scripts
                .iter()
                .any(|s| s.starts_with(&format!("{base}search.js?v="))),
            "{rel}: {scripts:?}"
        );
        let styles: Vec<&str> = doc
            .select(&sel("link[rel=stylesheet]"))
            .filter_map(|s| s.value().attr("href"))
            .collect();
        assert!(styles.contains(&format!("{bundle}pagefind-ui.css").as_str()));

        // Pagefind UI's strings in this language, every one Pagefind's UI shows.
        let translations: serde_json::Value =
            serde_json::from_str(attr(&doc, "#search", "data-translations", &rel)).unwrap();
        for key in [
            "placeholder",
            "clear_search",
            "load_more",
            "search_label",
            "filters_label",
            "zero_results",
            "many_results",
            "one_result",
            "searching",
        ] {
            let text = translations[key].as_str().unwrap_or_default();
            assert!(!text.is_empty(), "{rel}: no {key}");
        }
        let zero = translations["zero_results"].as_str().unwrap();
        assert!(zero.contains("[SEARCH_TERM]"), "{zero}");
        let expected = if lang == "kk" {
            "табылмады"
        } else {
            "ёфт нашуд"
        };
        assert!(zero.contains(expected), "{rel}: {zero}");
        let labels: serde_json::Value =
            serde_json::from_str(attr(&doc, "#search", "data-labels", &rel)).unwrap();
        assert!(labels["date"].is_string() && labels["language"].is_string());
        // Results are moved from the first tree to this one, their dates written its way.
        assert_eq!(
            attr(&doc, "#search", "data-index-tree", &rel),
            format!("{base}kk/")
        );
        assert_eq!(
            attr(&doc, "#search", "data-tree", &rel),
            format!("{base}{lang}/")
        );
        let dates: serde_json::Value =
            serde_json::from_str(attr(&doc, "#search", "data-dates", &rel)).unwrap();
        let august = if lang == "kk" {
            "тамыз"
        } else {
            "августи"
        };
        assert_eq!(dates["months"][7], august, "{rel}");
        let format = if lang == "kk" {
            "{year} жылғы {day} {month}"
        } else {
            "{day} {month} соли {year}"
        };
        assert_eq!(dates["format"], format, "{rel}");

        // Without JavaScript the page says so and links the lists.
        let noscript = one(&doc, "noscript", &rel).inner_html();
        for target in ["timeline/", "countries/", "topics/"] {
            assert!(
                noscript.contains(&format!("{base}{lang}/{target}")),
                "{rel}: {noscript}"
            );
        }
        // The page is listed in the sitemap.
        assert!(
            site.text("sitemap.xml")
                .contains(&format!("<loc>{}{lang}/search/</loc>", site.base_url)),
            "sitemap lists {lang}/search/"
        );
    }
}

#[test]
fn every_page_has_a_search_box_that_opens_the_search_page() {
    let site = build_news(SUB_BASE);
    let base = site.base_path();
    let forms = sel("form[role=search]");
    for rel in site.html_files() {
        let doc = site.html(&rel);
        let page_lang = attr(&doc, "html", "lang", &rel).to_string();
        let found: Vec<_> = doc.select(&forms).collect();
        if rel.ends_with("search/index.html") {
            assert!(found.is_empty(), "{rel}: the search page has its own box");
            continue;
        }
        // The landing page and 404 (which cannot know the reader's language) have one box
        // per language; every other page one, in its language.
        let expected: BTreeSet<String> = if rel == "index.html" || rel == "404.html" {
            UI.iter().map(std::string::ToString::to_string).collect()
        } else {
            BTreeSet::from([page_lang])
        };
        let mut langs = BTreeSet::new();
        for form in found {
            let action = form.value().attr("action").unwrap_or_default();
            let lang = UI
                .iter()
                .find(|l| action == format!("{base}{l}/search/"))
                .unwrap_or_else(|| panic!("{rel}: form action {action}"));
            langs.insert(lang.to_string());
            assert_eq!(form.value().attr("method"), Some("get"), "{rel}");
            let input = form
                .select(&sel("input[type=search][name=q]"))
                .next()
                .unwrap_or_else(|| panic!("{rel}: no q input"));
            let id = input.value().attr("id").expect("the input has an id");
            let label = doc
                .select(&sel(&format!("label[for={id}]")))
                .next()
                .unwrap_or_else(|| panic!("{rel}: no label for #{id}"));
            assert!(!text_of(label).is_empty(), "{rel}: empty label");
            assert!(
                form.select(&sel("button[type=submit]")).next().is_some(),
                "{rel}"
            );
        }
        assert_eq!(langs, expected, "{rel}");
    }
}

// ---------------------------------------------------------------------------------------------
// Real queries, through Pagefind's own JavaScript
// ---------------------------------------------------------------------------------------------

/// The slugs of a query's results, checking that each is an article of the first tree,
/// whose addresses the shared index holds (the search page moves them to its own tree).
fn slugs(site: &Built, answer: &serde_json::Value) -> Vec<String> {
    let prefix = format!("{}{}/articles/", site.base_path(), UI[0]);
    answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let url = r["url"].as_str().unwrap();
            let slug = url
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{url} is not an article of {prefix}"));
            assert!(
                site.exists(&format!(
                    "{}{slug}index.html",
                    &prefix[site.base_path().len()..]
                )),
                "{url} is a page of the site"
            );
            slug.trim_end_matches('/').to_string()
        })
        .collect()
}

// The search fixture: a few articles with known words in Kazakh, Tajik and Uzbek, over two
// years, three countries and three topics.
const KOSHANOV: &str = "qoshanov-dushanbede";
const KOSHANOV_UZ: &str = "qoshanov-dushanbeda";
const RAHMON: &str = "rahmon-vohurd";
const PARLIAMENTS_TG: &str = "hamkorii-parlumoni";
const WATER_KK: &str = "su-resurstary";

/// The search fixture's taxonomy: its topics' labels are what the filters are given.
const SEARCH_TAXONOMY: &str = concat!(
    countries_toml!(),
    r#"[[topics]]
id = "diplomacy"
label = { kk = "Дипломатия", tg = "Дипломатия" }

[[topics]]
id = "parliament"
label = { kk = "Парламент", tg = "Парлумон" }

[[topics]]
id = "water"
label = { kk = "Су ресурстары", tg = "Захираҳои об" }
"#
);

/// The search fixture's articles: file, spec.
fn search_specs() -> Vec<(&'static str, ArticleSpec)> {
    vec![
        (
            "2025/qoshanov-dushanbede.md",
            ArticleSpec::new("Ерлан Қошанов Душанбеде болды", "2025-08-27", "kk")
                .story("visit")
                .topics(&["parliament", "diplomacy"])
                .body(
                    "Мәжіліс Төрағасы Ерлан Қошанов Душанбеде келіссөздер жүргізді.\n\n\
                     Тараптар Қазақстанның парламенттік ынтымақтастығын талқылады.\n",
                ),
        ),
        (
            "2025/qoshanov-dushanbeda.md",
            ArticleSpec::new("Ерлан Қошанов Душанбеда бўлди", "2025-08-28", "uz")
                .story("visit")
                .topics(&["parliament", "diplomacy"])
                .body(
                    "Қозоғистон Мажилиси раиси Ерлан Қошанов Душанбеда бўлди.\n\n\
                     Томонлар парламентлараро ҳамкорликни муҳокама қилди.\n",
                ),
        ),
        (
            "2024/rahmon-vohurd.md",
            ArticleSpec::new(
                "Эмомалӣ Раҳмон бо сарвазири Қазоқистон вохӯрд",
                "2024-04-30",
                "tg",
            )
            .topics(&["water", "diplomacy"])
            .body(
                "Эмомалӣ Раҳмон бо сарвазири Қазоқистон вохӯрд.\n\n\
                 Ҷонибҳо ҳамкориҳоро дар соҳаи захираҳои об баррасӣ карданд.\n",
            ),
        ),
        (
            "2025/hamkorii-parlumoni.md",
            ArticleSpec::new(
                "Ҳамкории парлумонии Тоҷикистон ва Қазоқистон",
                "2025-11-14",
                "tg",
            )
            .topics(&["parliament"])
            .body(
                "Вакилони ду кишвар ҳамкориҳои байнипарлумониро муҳокима карданд.\n\n\
                 Мулоқот дар Душанбе баргузор гардид.\n",
            ),
        ),
        (
            "2024/su-resurstary.md",
            ArticleSpec::new("Су ресурстары бойынша кеңес өтті", "2024-06-10", "kk")
                .countries(&["kazakhstan", "uzbekistan"])
                .topics(&["water"])
                .body(
                    "Қазақстанның су ресурстары туралы кеңес Астанада өтті.\n\n\
                     Кеңес өңірлік ынтымақтастықты дамытуды талқылады.\n",
                ),
        ),
    ]
}

/// The search fixture, built for `base_url`.
fn build_search(base_url: &str) -> Built {
    let fixture = Fixture::new();
    fixture.write("content/taxonomy.toml", SEARCH_TAXONOMY);
    for (rel, spec) in search_specs() {
        fixture.article(rel, spec.text());
    }
    build_fixture(fixture, base_url)
}

/// The search fixture's articles: slug, spec.
fn search_articles() -> Vec<(String, ArticleSpec)> {
    search_specs()
        .into_iter()
        .map(|(rel, spec)| {
            let slug = rel.rsplit('/').next().unwrap().trim_end_matches(".md");
            (slug.to_string(), spec)
        })
        .collect()
}

/// Whether any article of the search fixture has `word` as a whole word (lower case).
fn has_whole_word(word: &str) -> bool {
    search_specs().iter().any(|(_, spec)| {
        spec.text()
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == word)
    })
}

#[test]
fn kazakh_and_tajik_queries_find_the_known_articles() {
    let Some(node) = require_tool("node") else {
        return;
    };
    let site = build_search(SUB_BASE);
    let queries = [
        query("kk", "қошанов"),
        query("kk", "ҚОШАНОВ"),
        // A stem: no article has the bare word, the Kazakh ones have its suffixed forms.
        query("kk", "ынтымақтас"),
        query("tg", "Эмомалӣ"),
        query("tg", "ҳамкор"),
        // Written without the Tajik letters, as on a keyboard without them.
        query("tg", "эмомали"),
    ];
    let answers = run_queries(&node, &site.out, &site.base_path(), &queries);
    let found: Vec<Vec<String>> = answers.iter().map(|a| slugs(&site, a)).collect();
    let finds = |i: usize, slug: &str| {
        assert!(
            found[i].iter().any(|s| s == slug),
            "{} in {}: {:?} lacks {slug}",
            queries[i].q,
            queries[i].lang,
            found[i]
        );
    };
    finds(0, KOSHANOV);
    finds(0, KOSHANOV_UZ);
    assert_eq!(found[0], found[1], "case does not matter");
    assert!(!has_whole_word("ынтымақтас") && !has_whole_word("ҳамкор"));
    finds(2, KOSHANOV);
    finds(2, WATER_KK);
    finds(3, RAHMON);
    finds(4, RAHMON);
    finds(4, PARLIAMENTS_TG);
    finds(5, RAHMON);

    // Results carry the title, the date (which the search page writes in its language), the
    // language badge, an excerpt.
    let result = |answer: &serde_json::Value, slug: &str| {
        answer["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["url"].as_str().unwrap().contains(slug))
            .cloned()
            .unwrap()
    };
    let koshanov = result(&answers[0], KOSHANOV);
    assert!(
        koshanov["meta"]["title"]
            .as_str()
            .unwrap()
            .contains("Қошанов")
    );
    assert_eq!(koshanov["meta"]["date"], "2025-08-27");
    assert_eq!(koshanov["meta"]["language"], "Қазақша");
    assert!(koshanov["excerpt"].as_str().unwrap().contains("<mark>"));
    let rahmon = result(&answers[3], RAHMON);
    assert_eq!(rahmon["meta"]["date"], "2024-04-30");
    assert_eq!(rahmon["meta"]["language"], "Тоҷикӣ");
}

#[test]
fn filters_narrow_the_results() {
    let Some(node) = require_tool("node") else {
        return;
    };
    let site = build_search(SUB_BASE);
    let filtered = |lang, q, filters| Query { lang, q, filters };
    let queries = [
        query("tg", "ҳамкор"),
        filtered("tg", "ҳамкор", serde_json::json!({"Забони матн": "Тоҷикӣ"})),
        query("kk", "қошанов"),
        filtered(
            "kk",
            "қошанов",
            serde_json::json!({"Мәтін тілі": ["Ўзбекча"]}),
        ),
        filtered(
            "kk",
            "қошанов",
            serde_json::json!({"Тақырыптар": "Парламент"}),
        ),
        filtered(
            "kk",
            "эмомали",
            serde_json::json!({"Тақырыптар": "Су ресурстары"}),
        ),
        query("tg", "ҳамкор"),
        filtered("tg", "ҳамкор", serde_json::json!({"Солҳо": "2025"})),
    ];
    let answers = run_queries(&node, &site.out, &site.base_path(), &queries);
    let found: Vec<Vec<String>> = answers.iter().map(|a| slugs(&site, a)).collect();
    // Language of the text, by its own name, under the filter's name in the UI language.
    assert!(
        found[0].contains(&KOSHANOV_UZ.to_string()),
        "{:?}",
        found[0]
    );
    assert_eq!(
        found[1].iter().collect::<BTreeSet<_>>(),
        BTreeSet::from([&RAHMON.to_string(), &PARLIAMENTS_TG.to_string()]),
        "only the Tajik texts"
    );
    assert_eq!(found[3], vec![KOSHANOV_UZ.to_string()], "{:?}", found[2]);
    assert!(found[2].len() > found[3].len());
    // Topics, by their labels in the UI language.
    assert_eq!(found[4], found[2], "both are about parliaments");
    let water: BTreeSet<String> = search_articles()
        .into_iter()
        .filter(|(_, a)| a.topics.iter().any(|t| t == "water"))
        .map(|(slug, _)| slug)
        .collect();
    assert!(
        found[5].iter().all(|s| water.contains(s)) && !found[5].is_empty(),
        "{:?} ⊆ {water:?}",
        found[5]
    );
    // Years, by the year of the version.
    let of_2025: BTreeSet<String> = search_articles()
        .into_iter()
        .filter(|(_, a)| a.date.starts_with("2025"))
        .map(|(slug, _)| slug)
        .collect();
    assert!(
        !found[7].is_empty()
            && found[7].iter().all(|s| of_2025.contains(s))
            && found[7].len() < found[6].len(),
        "{:?} ⊆ {of_2025:?}, fewer than {:?}",
        found[7],
        found[6]
    );
    // A result's own list of its filters is the shared fragment's, in the first tree's
    // labels (the search page does not show it; the filtering above is in each tree's).
    let filters = &answers[1]["results"][0]["filters"];
    assert_eq!(filters["Мәтін тілі"], serde_json::json!(["Тоҷикӣ"]));
    assert!(
        filters["Елдер"]
            .as_array()
            .unwrap()
            .contains(&"Тәжікстан".into()),
        "{filters}"
    );
}

#[test]
fn no_search_builds_the_pages_without_an_index() {
    let fixture = Fixture::new();
    fixture.article(
        "2025/one.md",
        ArticleSpec::new("Бір", "2025-03-01", "kk").text(),
    );
    let report = dostyk::build(&dostyk::BuildOptions {
        project: dostyk::Project::new(&fixture.root),
        out: fixture.out.clone(),
        base_url: None,
        when_busy: dostyk::write::WhenBusy::Wait,
        search: false,
    })
    .unwrap_or_else(|e| panic!("the fixture builds:\n{e}"));
    assert_eq!(report.articles, 1);
    assert!(
        fixture.exists("kk/articles/one/index.html"),
        "the pages are there"
    );
    assert!(!fixture.out.join("pagefind").exists());
    assert!(
        fixture.exists("kk/search/index.html"),
        "the search page is still there"
    );
    // Built with the index, the same project has it: the option is what left it out.
    fixture.build_ok();
    assert!(fixture.exists("pagefind/pagefind-entry.json"));
}
