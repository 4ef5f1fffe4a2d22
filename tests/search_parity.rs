//! dostyk writes its search index itself, from the model, in Pagefind's format (Pagefind's
//! own indexer took ten times as long as the rest of a build). This holds it to Pagefind:
//! Pagefind's indexer, run in process over the article pages dostyk built, must write the
//! same files — metadata, word chunks, fragments, filters, named alike and equal byte for
//! byte once decompressed — for articles that use every kind of Markdown dostyk renders and
//! words Pagefind splits in its own ways (hyphens, dots, diacritics, emoji, numbers).
//!
//! The first tree (kk) is Pagefind's to the byte. The other (tg) shares its word chunks and
//! fragments: its own files are its filters, which must be Pagefind's, and its metadata,
//! which must be Pagefind's once Pagefind's names of the tg chunks and fragments are replaced
//! by those of the shared ones; Pagefind's tg chunks must be the shared ones, and its tg
//! fragments the shared ones but for the tree in the address and the filters' labels.

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

    let ours = bundle_of(&fixture.out, "kk");
    let pagefinds = pagefind_bundle(&fixture.out, "kk");
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        pagefinds.keys().collect::<Vec<_>>(),
        "kk: the same files, named after the same contents"
    );
    for (name, contents) in &pagefinds {
        assert!(
            ours[name] == *contents,
            "kk: {name} differs\n  dostyk:   {}\n  Pagefind: {}",
            String::from_utf8_lossy(&ours[name]),
            String::from_utf8_lossy(contents)
        );
    }
    let count = |files: &BTreeMap<String, Vec<u8>>, folder: &str| {
        files.keys().filter(|n| n.starts_with(folder)).count()
    };
    assert_eq!(
        count(&ours, "fragment/"),
        articles.len(),
        "one fragment a page"
    );
    assert_eq!(
        count(&ours, "filter/"),
        3,
        "text language, countries, topics"
    );

    let shared = ours;
    let ours = bundle_of(&fixture.out, "tg");
    let pagefinds = pagefind_bundle(&fixture.out, "tg");
    assert_eq!(
        ours.keys().filter(|n| !n.starts_with("filter/")).count(),
        1,
        "tg: its own files are its filters and metadata: {:?}",
        ours.keys()
    );
    // Pagefind's names of tg chunks and fragments, and the shared files that stand for them.
    let mut renamed: Vec<(String, String)> = Vec::new();
    let stem = |name: &str| {
        name.rsplit('/')
            .next()
            .unwrap()
            .split('.')
            .next()
            .unwrap()
            .to_string()
    };
    for (name, contents) in &pagefinds {
        if name.starts_with("filter/") {
            assert_eq!(
                ours.get(name),
                Some(contents),
                "tg: {name}, Pagefind's filter"
            );
        } else if name.starts_with("index/") {
            let (same, _) = shared
                .iter()
                .find(|(n, c)| n.starts_with("index/") && *c == contents)
                .unwrap_or_else(|| panic!("tg: Pagefind's chunk {name} is none of the shared"));
            renamed.push((stem(name), stem(same)));
        } else if name.starts_with("fragment/") {
            let mut theirs = json(contents);
            let url = theirs["url"].as_str().unwrap().replacen("/tg/", "/kk/", 1);
            let (same, fragment) = shared
                .iter()
                .filter(|(n, _)| n.starts_with("fragment/"))
                .map(|(n, c)| (n, json(c)))
                .find(|(_, f)| f["url"] == url.as_str())
                .unwrap_or_else(|| panic!("tg: no shared fragment for {url}"));
            theirs["url"] = url.into();
            theirs["filters"] = fragment["filters"].clone();
            assert_eq!(theirs, fragment, "tg: {name} and the shared {same}");
            renamed.push((stem(name), stem(same)));
        }
    }
    let meta = |files: &BTreeMap<String, Vec<u8>>| {
        files
            .iter()
            .find(|(n, _)| n.ends_with(".pf_meta"))
            .map(|(_, c)| c.clone())
            .expect("a metadata file")
    };
    let mut expected = meta(&pagefinds);
    for (theirs, shared) in &renamed {
        assert_eq!(
            theirs.len(),
            shared.len(),
            "{theirs} and {shared}: CBOR alike"
        );
        expected = replace(&expected, theirs.as_bytes(), shared.as_bytes());
    }
    assert!(
        meta(&ours) == expected,
        "tg: the metadata differs\n  dostyk:   {}\n  Pagefind: {}",
        String::from_utf8_lossy(&meta(&ours)),
        String::from_utf8_lossy(&expected)
    );
}

/// A fragment's JSON, after the signature Pagefind puts before every file's contents.
fn json(contents: &[u8]) -> serde_json::Value {
    let json = contents
        .strip_prefix(b"pagefind_dcd")
        .expect("Pagefind's signature");
    serde_json::from_slice(json).expect("JSON")
}

/// `bytes` with every `from` replaced by `to`.
fn replace(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
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
