//! dostyk writes its search index itself, from the model, in Pagefind's format (Pagefind's
//! own indexer took ten times as long as the rest of a build). This holds it to Pagefind:
//! Pagefind's indexer, run in process over the article pages dostyk built, must write the
//! same files — metadata, word chunks, fragments, filters, named alike and equal byte for
//! byte once decompressed — for articles that use every kind of Markdown dostyk renders and
//! words Pagefind splits in its own ways (hyphens, dots, diacritics, emoji, numbers).

mod common;

use common::*;
use pagefind::api::PagefindIndex;
use std::collections::BTreeMap;
use std::io::Read;

const RICH_BODY: &str = r#"Қазақстан-Тәжікстан ынтымақтастығы: 28.05.2025 күнгі кездесу, 1,5 млрд доллар
және «Жаңа Жібек жолы» (ШЫҰ-ның жобасы) — e-mail, camelCaseWord, snake_case, sysconfig.is_python_build 🤝.

# Бірінші бөлім

Мәтін *курсив*, **жуан**, ~~сызылған~~, `код`, [сілтеме](https://example.org/a?b=1&c=2) және &amp; &lt;тег&gt;.
Жол соңы  
жаңа жол.

## Тізімдер

- бірінші тармақ
- екінші *тармақ*

1. нөмірлі
2. тізім

> Дәйексөз: «Достық — байлық».

### Кесте

| Ел | Сауда |
|----|------:|
| Қазақстан | 1 200 |
| Тәжікстан | 800 |

#### Төртінші

##### Бесінші

###### Алтыншы

![Сурет сипаттамасы](https://example.org/photo.jpg?w=1&h=2)

Сілтеме[^1] мәтінде.

[^1]: Ескертпе мәтіні.

```rust
fn main() { println!("сәлем"); }
```

---

Соңғы абзац.
"#;

const TAJIK_BODY: &str = "Ҳамкориҳои дуҷониба ва ҳамкорӣ дар соҳаи энергетика; Душанбе–Остона, \
ҷумҳурӣ, Тоҷикистон, йод, ёрӣ, ӯ.\n\nИди Наврӯз ва Рӯзи Ваҳдати миллӣ.\n";

const UZBEK_BODY: &str = "Ўзбекистон ва Тожикистон ўртасидаги ҳамкорлик: ғалла, пахта, \
Тошкент.\n\nЯна бир хатбоши.\n";

#[test]
fn dostyk_writes_the_index_pagefind_writes() {
    let fixture = Fixture::new();
    let articles = [
        (
            "2025/kk-rich.md",
            ArticleSpec::new("Достық пен ынтымақ: жаңа кезең", "2025-05-28", "kk")
                .body(RICH_BODY)
                .story("meeting"),
        ),
        (
            "2025/tg-meeting.md",
            ArticleSpec::new("Ҳамкорӣ ва дӯстӣ", "2025-05-29", "tg")
                .body(TAJIK_BODY)
                .story("meeting")
                .countries(&["tajikistan"]),
        ),
        (
            "2024/uz-trade.md",
            ArticleSpec::new("Ўзбекистон ва Тожикистон", "2024-03-01", "uz")
                .body(UZBEK_BODY)
                .topics(&["trade", "water"]),
        ),
        (
            "2023/kk-short.md",
            ArticleSpec::new("Қысқа", "2023-01-02", "kk").body(""),
        ),
    ];
    for (path, spec) in &articles {
        fixture.article(path, spec.text());
    }
    fixture.build_ok();

    for lang in ["kk", "tg"] {
        let ours = bundle_of(&fixture.out, lang);
        let pagefinds = pagefind_bundle(&fixture.out, lang);
        assert_eq!(
            ours.keys().collect::<Vec<_>>(),
            pagefinds.keys().collect::<Vec<_>>(),
            "{lang}: the same files, named after the same contents"
        );
        for (name, contents) in &pagefinds {
            assert!(
                ours[name] == *contents,
                "{lang}: {name} differs\n  dostyk:   {}\n  Pagefind: {}",
                String::from_utf8_lossy(&ours[name]),
                String::from_utf8_lossy(contents)
            );
        }
        let count = |folder: &str| ours.keys().filter(|n| n.starts_with(folder)).count();
        assert_eq!(
            count("fragment/"),
            articles.len(),
            "{lang}: one fragment a page"
        );
        assert_eq!(
            count("filter/"),
            3,
            "{lang}: text language, countries, topics"
        );
    }
}

/// The index files of the `lang` tree in the built bundle, decompressed, by name.
fn bundle_of(out: &std::path::Path, lang: &str) -> BTreeMap<String, Vec<u8>> {
    snapshot(&out.join("pagefind"))
        .into_iter()
        .filter(|(name, _)| is_index_file(name, lang))
        .map(|(name, bytes)| (name, decompress(&bytes)))
        .collect()
}

/// What Pagefind's own indexer writes for the `lang` tree's article pages, added in the
/// order dostyk numbers them (by address).
fn pagefind_bundle(out: &std::path::Path, lang: &str) -> BTreeMap<String, Vec<u8>> {
    let dir = out.join(lang).join("articles");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("the tree has articles")
        .map(|entry| {
            let slug = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            let html = std::fs::read_to_string(dir.join(&slug).join("index.html")).unwrap();
            (format!("/{lang}/articles/{slug}/"), html)
        })
        .collect();
    pages.sort();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let files = runtime.block_on(async {
        let mut index = PagefindIndex::new(None).unwrap();
        for (url, html) in pages {
            index.add_html_file(None, Some(url), html).await.unwrap();
        }
        index.get_files().await.unwrap()
    });
    files
        .into_iter()
        .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
        .filter(|(name, _)| is_index_file(name, lang))
        .map(|(name, bytes)| (name, decompress(&bytes)))
        .collect()
}

/// A file of the index of one tree: its metadata, word chunks, fragments and filters.
fn is_index_file(name: &str, lang: &str) -> bool {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.starts_with(&format!("pagefind.{lang}_"))
        || (name.contains('/') && file.starts_with(&format!("{lang}_")))
}

fn decompress(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("gzip");
    out
}
