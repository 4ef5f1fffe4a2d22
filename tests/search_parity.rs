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
//!
//! Besides the rich Markdown article, the fixture has an article for each way a word can be
//! split: Kazakh, Tajik, Uzbek (Latin with each of its apostrophes, and Cyrillic), Russian,
//! Persian letters, numbers, hyphens and dashes, apostrophes inside words, emoji, Chinese,
//! Japanese and Korean, invisible characters, addresses — so that any change in word
//! splitting changes a file. A second test runs Pagefind's own search code (in Node) over
//! dostyk's bundle and over the bundle Pagefind's indexer writes for the same pages: the
//! results a reader sees must be the same.

mod common;

use common::*;
use pagefind::api::PagefindIndex;
use std::collections::BTreeMap;
use std::fmt::Write as _;
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

/// Kazakh letters (ә ғ қ ң ө ұ ү һ і), in upper and lower case, and the Latin alphabet.
const KAZAKH_BODY: &str = "Қазақстанның Тәжікстанмен әріптестік қатынастары: Шанхай \
ынтымақтастық ұйымы, ғылым мен білім, өңірлік жобалар; қаһарман, жиһаз, іскерлік, бірлік, \
үкімет, ұлттық, өзара, аңыз.\n\n\
ҚАЗАҚСТАННЫҢ, ҰЙЫМЫ, ҒЫЛЫМ, ӨҢІР, Һ, І, Ү, Ә — бас әріптермен; һ мен і жеке әріп.\n\n\
Латынша: Qazaqstan, Ózbekstan, ǵylym, ańyz, úkimet, ıs, Shyǵys.\n";

/// Tajik letters (ғ ӣ қ ӯ ҳ ҷ), ӣ and ӯ with their macron, without it, and as и or у
/// followed by a combining macron.
const TAJIK_LETTERS_BODY: &str = "Ҷумҳурии Тоҷикистон ва Ҷумҳурии Қазоқистон: ҳамкории \
ғайриҳукуматӣ, ҷумҳурӣ ва ҷумҳури, ҳамкорӣ ва ҳамкори, Ӯзбекистон, ӯро, қарор, ғалаба, \
Ғафуров, Қӯрғонтеппа, Хуҷанд.\n\n\
ҶУМҲУРӢ бо ҳарфҳои калон; Ӣ ва ӣ, Ӯ ва ӯ, Ғ ва ғ, Қ ва қ, Ҳ ва ҳ, Ҷ ва ҷ.\n\n\
Бо аломати ҷудо: ҳамкори\u{304}, дӯсти\u{304}, ду\u{304}стӣ.\n";

/// Uzbek Latin with its o‘ and g‘ written each way: U+02BB (the official letter), U+2018,
/// U+02BC, the ASCII apostrophe and U+2019.
const UZBEK_LATIN: [(&str, &str, &str); 5] = [
    (
        "uz-latin-okina",
        "Oʻzbekiston bilan hamkorlik",
        "Oʻzbekiston Respublikasi va Tojikiston: gʻalla, paxta, Oʻzbekiston-Tojikiston, \
         oʻzaro, Gʻarb, OʻZBEKISTON.\n",
    ),
    (
        "uz-latin-turned-comma",
        "O‘zbekiston va Tojikiston",
        "O‘zbekiston va g‘alla; o‘zaro savdo.\n",
    ),
    (
        "uz-latin-modifier",
        "Oʼzbekiston va Tojikiston",
        "Oʼzbekiston va gʼalla; oʼzaro savdo.\n",
    ),
    (
        "uz-latin-ascii",
        "O'zbekiston va Tojikiston",
        "O'zbekiston va g'alla; o'zaro savdo; Qozog'iston.\n",
    ),
    (
        "uz-latin-right-quote",
        "Qozog’iston va O’zbekiston",
        "Qozog’iston va O’zbekiston; g’alla; o’zaro savdo.\n",
    ),
];

/// Uzbek Cyrillic: ў (which decomposes to у and a breve), қ, ғ, ҳ.
const UZBEK_CYRILLIC_BODY: &str = "Ўзбекистон Республикаси ва Қозоғистон: ўзаро ҳамкорлик, \
қишлоқ хўжалиги, ғўза, ҳудуд, Ғарб, Қўқон, ЎЗБЕКИСТОН, Ҳамкорлик.\n";

/// Russian: ё and й (which decompose), inflected forms. The trees are kk and tg, which
/// Pagefind does not stem: ru would be stemmed only in a ru tree.
const RUSSIAN_BODY: &str = "Республика Казахстан и Таджикистан: визит в столицу Казахстана, \
ёлка, Ёлка, елка, йогурт, Йошкар-Ола, подъём, объединённых, ЁЖИК, сотрудничество, встречи.\n";

/// Persian script, with a zero-width non-joiner inside a word and Persian digits.
const PERSIAN_BODY: &str = "قزاقستان و تاجیکستان همکاری می\u{200C}کنند؛ ۲۰۲۵، دوشنبه و آستانه.\n";

const NUMBERS_BODY: &str = "2025 жылы: 1,5 млрд доллар, 1 200 тонна, 1\u{A0}200 (NBSP), \
5\u{202F}000 (U+202F), 28.05.2025, 2025-05-28, 3-4 мая, №5, № 6, 10%, 3.14, 0,75, 12:30, \
1/2, ½, x², IV, 1st, v1.6.0, −5, 1.000.000, ٣, १२.\n\n\
Телефон: +7 717 123-45-67.\n";

/// Hyphens and dashes: ASCII hyphen, en dash, em dash with and without spaces, soft hyphen,
/// non-breaking hyphen, U+2010 hyphen, figure dash, double hyphen, leading and trailing.
const DASHES_BODY: &str = "Қазақстан-Тәжікстан, Душанбе–Остона, бейбітшілік — достық, \
жол—жол, ынты\u{AD}мақтастық, Алма\u{2011}Ата, Қазақ\u{2010}Тәжік, әлеу--мет, -бастапқы, \
соңғы-, Астана\u{2012}Душанбе, ⸺, ШЫҰ-ның, Б.Ж.-ның, Сыр-Дария-Арал.\n";

/// Apostrophes and quotation marks in and around words.
const APOSTROPHES_BODY: &str = "don't, it’s, l'amitié, O'Neil, rock'n'roll, Кот-д'Ивуар, \
'quoted', ‘single’, «ёлочки», „lower“, \"double\", ''empty'', Xi'an.\n";

/// Emoji: alone, a flag (two regional indicators), a skin tone, ❤ with and without VS16, a
/// ZWJ family, a keycap, symbols that are emoji only as such, and emoji inside words.
const EMOJI_BODY: &str = "Достық 🤝 және 🇰🇿🇹🇯 жалаулар, 👍🏽 қолдау, ❤\u{FE0F} жүрек, ❤ белгі, \
👨\u{200D}👩\u{200D}👧 отбасы, ☀ күн, 1\u{FE0F}\u{20E3} бірінші, ©, ™, сәлем🤝достық, 🤝🤝 екі, \
🇰🇿 жалау.\n";

/// Chinese, Japanese (kanji, hiragana, katakana, half width), Korean, Thai, full-width
/// letters: spaced and unspaced, as the Pagefind dostyk uses does not segment them.
const CJK_BODY: &str = "中国 哈萨克斯坦 合作。中国哈萨克斯坦塔吉克斯坦。\n\n\
日本語のテキスト、カザフスタン と タジキスタン。\n\n\
한국어 텍스트。ภาษาไทย ไม่มีช่องว่าง。ＡＢＣ１２３ 全角，ｶｻﾞﾌｽﾀﾝ 半角。\u{3000}上海合作组织\n";

/// Zero-width space, non-joiner and joiner, no-break and other spaces, word joiner, BOM.
const INVISIBLE_BODY: &str = "ынтымақ\u{200B}тастық, \u{200B}бастау, достық\u{200C}тар, \
бір\u{200D}лік, 1\u{A0}200, Қазақстан\u{A0}Республикасы, ортасында\u{2009}жол, \
сөз\u{2060}тіркесі, \u{FEFF}белгі, екі\u{2028}жол, \u{200B}\u{200B}.\n";

/// Addresses and e-mail, as text, as autolinks, as a link.
const ADDRESSES_BODY: &str = "Сайт: https://example.kz/kk/news?id=5&lang=kk#top, www.gov.kz, \
<https://mfa.gov.tj/tg/>, [сілтеме мәтіні](https://example.org/path), info@mfa.gov.kz, \
<press@akorda.kz>, user.name+tag@example.co.uk, @akorda_press, #ҚазақстанТәжікстан, \
C:\\Windows\\file.txt, report_2025.pdf, 192.168.0.1, ftp://files.example.org/a.zip.\n";

/// Letters whose case or decomposition is special: Turkish İ and ı, Greek final sigma,
/// German ß, a ligature; camel case and underscores.
const LETTERS_BODY: &str = "İstanbul, ISTANBUL, ıslak; ΟΔΟΣ, οδός; STRASSE, Straße; \
ﬁnance; camelCase, XMLHttpRequest, iPhone, McDonald's; snake_case_word, __init__, a_b.c_d.\n";

/// The fixture's articles: the rich Markdown one, the short ones, and one for each way of
/// splitting words.
fn articles() -> Vec<(String, ArticleSpec)> {
    let mut articles = vec![
        (
            "2025/kk-rich.md".to_string(),
            ArticleSpec::new("Достық пен ынтымақ: жаңа кезең", "2025-05-28", "kk")
                .body(RICH_BODY)
                .story("meeting"),
        ),
        (
            "2025/tg-meeting.md".to_string(),
            ArticleSpec::new("Ҳамкорӣ ва дӯстӣ", "2025-05-29", "tg")
                .body(TAJIK_BODY)
                .story("meeting")
                .countries(&["tajikistan"]),
        ),
        (
            "2024/uz-trade.md".to_string(),
            ArticleSpec::new("Ўзбекистон ва Тожикистон", "2024-03-01", "uz")
                .body(UZBEK_BODY)
                .topics(&["trade", "water"]),
        ),
        (
            "2023/kk-short.md".to_string(),
            ArticleSpec::new("Қысқа", "2023-01-02", "kk").body(""),
        ),
    ];
    let cases = [
        (
            "kk-letters",
            "Қазақстанның ұйымы: әріптестік",
            "kk",
            KAZAKH_BODY,
        ),
        ("tg-letters", "Ҷумҳурӣ ва ҳамкорӣ", "tg", TAJIK_LETTERS_BODY),
        (
            "uz-cyrillic",
            "Ўзбекистон ҳамкорлиги",
            "uz",
            UZBEK_CYRILLIC_BODY,
        ),
        (
            "ru-text",
            "Встреча в Казахстане: ёлка и йогурт",
            "ru",
            RUSSIAN_BODY,
        ),
        ("fa-text", "قزاقستان و تاجیکستان", "fa", PERSIAN_BODY),
        (
            "kk-numbers",
            "2025 жылғы 28.05.2025 кездесу, №5",
            "kk",
            NUMBERS_BODY,
        ),
        (
            "kk-dashes",
            "Қазақстан-Тәжікстан: Душанбе–Остона",
            "kk",
            DASHES_BODY,
        ),
        (
            "en-apostrophes",
            "Don't stop: it’s O'Neil",
            "en",
            APOSTROPHES_BODY,
        ),
        ("kk-emoji", "Достық 🤝 🇰🇿", "kk", EMOJI_BODY),
        ("zh-cjk", "中国 哈萨克斯坦 カザフスタン", "zh", CJK_BODY),
        (
            "kk-invisible",
            "Көрінбейтін\u{200B}белгілер",
            "kk",
            INVISIBLE_BODY,
        ),
        (
            "kk-addresses",
            "info@mfa.gov.kz және https://example.kz",
            "kk",
            ADDRESSES_BODY,
        ),
        ("tr-letters", "İstanbul ve ΟΔΟΣ", "tr", LETTERS_BODY),
    ];
    for (i, (slug, title, lang, body)) in cases.into_iter().enumerate() {
        let date = format!("2022-02-{:02}", i + 1);
        articles.push((
            format!("2022/{slug}.md"),
            ArticleSpec::new(title, &date, lang).body(body),
        ));
    }
    for (i, (slug, title, body)) in UZBEK_LATIN.into_iter().enumerate() {
        let date = format!("2021-03-{:02}", i + 1);
        articles.push((
            format!("2021/{slug}.md"),
            ArticleSpec::new(title, &date, "uz")
                .body(body)
                .countries(&["uzbekistan"]),
        ));
    }
    articles
}

/// The fixture site with `articles`, built.
fn built(articles: &[(String, ArticleSpec)]) -> Fixture {
    let fixture = Fixture::new();
    for (path, spec) in articles {
        fixture.article(path, spec.text());
    }
    fixture.build_ok();
    fixture
}

#[test]
fn dostyk_writes_the_index_pagefind_writes() {
    let articles = articles();
    let fixture = built(&articles);
    assert_writes_pagefinds_index(&fixture, articles.len());
}

/// dostyk's index of the fixture's `pages` article pages is Pagefind's (see the top).
fn assert_writes_pagefinds_index(fixture: &Fixture, pages: usize) {
    let ours = bundle_of(&fixture.out, "kk");
    let pagefinds = pagefind_bundle(&fixture.out, "kk");
    assert_eq!(
        ours.keys().collect::<Vec<_>>(),
        pagefinds.keys().collect::<Vec<_>>(),
        "kk: the same files, named after the same contents{}",
        unmatched(&ours, &pagefinds)
    );
    for (name, contents) in &pagefinds {
        assert!(
            ours[name] == *contents,
            "kk: {name} differs: {}",
            difference(&ours[name], contents)
        );
    }
    let count = |files: &BTreeMap<String, Vec<u8>>, folder: &str| {
        files.keys().filter(|n| n.starts_with(folder)).count()
    };
    assert_eq!(count(&ours, "fragment/"), pages, "one fragment a page");
    assert_eq!(
        count(&ours, "filter/"),
        4,
        "text language, year, countries, topics"
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
                .unwrap_or_else(|| {
                    panic!(
                        "tg: Pagefind's chunk {name} is none of the shared{}",
                        unmatched(&shared, &BTreeMap::from([(name.clone(), contents.clone())]))
                    )
                });
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
        "tg: the metadata differs: {}",
        difference(&meta(&ours), &expected)
    );
}

/// What a query must find: these articles (among others), or nothing.
#[derive(Clone, Copy, Debug)]
enum Expect {
    Finds(&'static [&'static str]),
    Nothing,
}
use Expect::{Finds, Nothing};

#[test]
fn pagefinds_search_finds_the_same_in_dostyks_bundle_as_in_pagefinds() {
    let Some(node) = require_tool("node") else {
        return;
    };
    let articles = articles();
    let fixture = built(&articles);
    let pagefinds = tempfile::tempdir().expect("temp dir");
    let kk_filters = pagefind_site(&fixture.out, pagefinds.path());
    let tajik_texts = |q| Query {
        lang: "tg",
        q,
        filters: serde_json::json!({"Забони матн": "Тоҷикӣ"}),
    };
    let cases = [
        // Kazakh: by prefix, in any case, each of the Kazakh letters, the Latin alphabet
        // with and without its accents.
        (
            query("kk", "қазақстан"),
            Finds(&["kk-letters", "kk-dashes"]),
        ),
        (query("kk", "ҚАЗАҚСТАННЫҢ"), Finds(&["kk-letters"])),
        (query("kk", "ұйым"), Finds(&["kk-letters"])),
        (query("kk", "әріптес"), Finds(&["kk-letters"])),
        (query("kk", "ғылым"), Finds(&["kk-letters"])),
        (query("kk", "өңір"), Finds(&["kk-letters"])),
        (query("kk", "қаһарман"), Finds(&["kk-letters"])),
        (
            query("kk", "бірлік"),
            Finds(&["kk-letters", "kk-invisible"]),
        ),
        (query("kk", "ǵylym"), Finds(&["kk-letters"])),
        (query("kk", "gylym"), Finds(&["kk-letters"])),
        // Tajik: ӣ and ӯ with and without the macron, and as a combining macron.
        (query("tg", "ҳамкори"), Finds(&["tg-meeting", "tg-letters"])),
        (query("tg", "ҳамкорӣ"), Finds(&["tg-meeting", "tg-letters"])),
        (query("tg", "ҷумҳури"), Finds(&["tg-letters", "tg-meeting"])),
        (query("tg", "ҷумҳурӣ"), Finds(&["tg-letters"])),
        (query("tg", "дусти"), Finds(&["tg-meeting", "tg-letters"])),
        (
            query("tg", "ӯзбекистон"),
            Finds(&["tg-letters", "uz-cyrillic"]),
        ),
        (query("tg", "қӯрғонтеппа"), Finds(&["tg-letters"])),
        (tajik_texts("ҳамкори"), Finds(&["tg-meeting", "tg-letters"])),
        // Uzbek Latin. U+02BB and U+02BC are letters (modifier letters) to Pagefind, so
        // `ozbekiston` does not find Oʻzbekiston or Oʼzbekiston, only the forms with an
        // apostrophe that is punctuation (ASCII, U+2018, U+2019).
        (
            query("kk", "ozbekiston"),
            Finds(&[
                "uz-latin-ascii",
                "uz-latin-turned-comma",
                "uz-latin-right-quote",
            ]),
        ),
        (query("tg", "ozbekiston"), Finds(&["uz-latin-ascii"])),
        (query("kk", "oʻzbekiston"), Finds(&["uz-latin-okina"])),
        (
            query("kk", "o‘zbekiston"),
            Finds(&["uz-latin-turned-comma"]),
        ),
        (query("kk", "oʼzbekiston"), Finds(&["uz-latin-modifier"])),
        (query("kk", "o'zbekiston"), Finds(&["uz-latin-ascii"])),
        (
            query("kk", "qozog’iston"),
            Finds(&["uz-latin-right-quote", "uz-latin-ascii"]),
        ),
        (query("kk", "galla"), Finds(&["uz-latin-ascii"])),
        // Uzbek Cyrillic: ў with and without its breve.
        (
            query("kk", "ўзбекистон"),
            Finds(&["uz-cyrillic", "uz-trade"]),
        ),
        (
            query("kk", "узбекистон"),
            Finds(&["uz-cyrillic", "uz-trade"]),
        ),
        (query("tg", "қўқон"), Finds(&["uz-cyrillic"])),
        // Russian: an inflected form by prefix, ё and й.
        (query("kk", "казахстан"), Finds(&["ru-text"])),
        (query("kk", "елка"), Finds(&["ru-text"])),
        (query("kk", "ёлка"), Finds(&["ru-text"])),
        (query("tg", "йогурт"), Finds(&["ru-text"])),
        // Hyphens: the parts of a word are found where ASCII punctuation joins them; an en
        // dash, a soft hyphen or a non-breaking hyphen joins them into one word.
        (
            query("kk", "тәжікстан"),
            Finds(&["kk-dashes", "kk-letters"]),
        ),
        (query("kk", "душанбе"), Finds(&["kk-dashes"])),
        (query("kk", "остона"), Nothing),
        (
            query("kk", "ынтымақтастық"),
            Finds(&["kk-dashes", "kk-invisible"]),
        ),
        (query("kk", "мақтастық"), Nothing),
        (query("tg", "ата"), Nothing),
        (query("kk", "алмаата"), Finds(&["kk-dashes"])),
        // Numbers.
        (query("kk", "2025"), Finds(&["kk-numbers", "kk-rich"])),
        (query("tg", "28.05.2025"), Finds(&["kk-numbers", "kk-rich"])),
        (query("kk", "1,5"), Finds(&["kk-numbers", "kk-rich"])),
        (
            query("kk", "1 200"),
            Finds(&["kk-numbers", "kk-invisible", "kk-rich"]),
        ),
        (query("kk", "10%"), Finds(&["kk-numbers"])),
        (query("kk", "№5"), Finds(&["kk-numbers"])),
        (query("kk", "3-4"), Finds(&["kk-numbers"])),
        // Apostrophes inside words.
        (query("kk", "don't"), Finds(&["en-apostrophes"])),
        (query("kk", "oneil"), Finds(&["en-apostrophes"])),
        // Emoji: alone, a flag, a skin tone, with VS16.
        (query("kk", "🤝"), Finds(&["kk-emoji", "kk-rich"])),
        (query("tg", "🤝"), Finds(&["kk-emoji", "kk-rich"])),
        (query("kk", "🇰🇿"), Finds(&["kk-emoji"])),
        (query("kk", "👍🏽"), Finds(&["kk-emoji"])),
        (query("kk", "❤\u{FE0F}"), Finds(&["kk-emoji"])),
        // Chinese, Japanese (a katakana word's tail), Korean.
        (query("kk", "中国"), Finds(&["zh-cjk"])),
        (query("kk", "哈萨克斯坦"), Finds(&["zh-cjk"])),
        (query("kk", "カザフスタン"), Finds(&["zh-cjk"])),
        (query("kk", "フスタン"), Finds(&["zh-cjk"])),
        (query("tg", "한국어"), Finds(&["zh-cjk"])),
        // Invisible characters, addresses, special letters, Persian.
        (query("kk", "республикасы"), Finds(&["kk-invisible"])),
        (query("kk", "akorda"), Finds(&["kk-addresses"])),
        (query("kk", "info@mfa.gov.kz"), Finds(&["kk-addresses"])),
        (query("kk", "example"), Finds(&["kk-addresses", "kk-rich"])),
        (query("kk", "istanbul"), Finds(&["tr-letters"])),
        (query("kk", "httprequest"), Finds(&["tr-letters"])),
        (query("kk", "تاجیکستان"), Finds(&["fa-text"])),
        // The page furniture (here the outlet) is left out of the index.
        (query("kk", "agency"), Nothing),
        (query("tg", "zzzzqx"), Nothing),
    ];
    let queries: Vec<Query> = cases
        .iter()
        .map(|(q, _)| Query {
            lang: q.lang,
            q: q.q,
            filters: q.filters.clone(),
        })
        .collect();
    let ours = run_queries(&node, &fixture.out, "/", &queries);
    let theirs = run_queries(&node, pagefinds.path(), "/", &queries);
    let mut problems = Vec::new();
    for (((query, expect), ours), theirs) in cases.iter().zip(&ours).zip(theirs) {
        let what = format!("{} {:?} {}", query.lang, query.q, query.filters);
        let theirs = as_shared(theirs, &kk_filters);
        if *ours != theirs {
            problems.push(format!(
                "{what}: the results differ\n  dostyk:   {ours}\n  Pagefind: {theirs}"
            ));
            continue;
        }
        let results = ours["results"].as_array().expect("results");
        let urls: Vec<&str> = results.iter().filter_map(|r| r["url"].as_str()).collect();
        match expect {
            Finds(slugs) => {
                for slug in *slugs {
                    let url = format!("/kk/articles/{slug}/");
                    if !urls.contains(&url.as_str()) {
                        problems.push(format!("{what}: {url} is not among {urls:?}"));
                    }
                }
            }
            Nothing => {
                if !urls.is_empty() {
                    problems.push(format!("{what}: finds {urls:?}"));
                }
            }
        }
        for result in results {
            let has = |value: &serde_json::Value| value.as_str().is_some_and(|s| !s.is_empty());
            if !has(&result["excerpt"]) || !has(&result["meta"]["title"]) {
                problems.push(format!(
                    "{what}: a result without excerpt or title: {result}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Pagefind's answer to a query as dostyk's shared index gives it: a tg result is the page
/// of the first tree, with that page's filters (by their kk labels).
fn as_shared(
    mut answer: serde_json::Value,
    kk_filters: &BTreeMap<String, serde_json::Value>,
) -> serde_json::Value {
    if answer["lang"] == "tg" {
        for result in answer["results"].as_array_mut().expect("results") {
            let url = result["url"].as_str().expect("a url");
            assert!(url.starts_with("/tg/"), "Pagefind's tg index gives {url}");
            let url = url.replacen("/tg/", "/kk/", 1);
            result["filters"] = kk_filters
                .get(&url)
                .unwrap_or_else(|| panic!("Pagefind's kk index has {url}"))
                .clone();
            result["url"] = url.into();
        }
    }
    answer
}

/// Writes the bundle Pagefind's indexer makes of both trees' article pages into
/// `site/pagefind/`, as the built site lays its own out; returns each kk page's filters.
fn pagefind_site(
    out: &std::path::Path,
    site: &std::path::Path,
) -> BTreeMap<String, serde_json::Value> {
    let mut filters = BTreeMap::new();
    for (name, contents) in pagefind_files(out, &["kk", "tg"]) {
        let path = site.join("pagefind").join(&name);
        std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        if name.starts_with("fragment/kk_") {
            let fragment = json(&decompress(&contents));
            let url = fragment["url"].as_str().expect("a url").to_string();
            filters.insert(url, fragment["filters"].clone());
        }
        std::fs::write(&path, contents).expect("write");
    }
    assert!(site.join("pagefind/pagefind.js").is_file(), "Pagefind's JS");
    let entry: serde_json::Value =
        serde_json::from_str(&read_text(site, "pagefind/pagefind-entry.json")).unwrap();
    assert_eq!(
        entry["languages"]
            .as_object()
            .map(|l| l.keys().map(String::as_str).collect::<Vec<_>>()),
        Some(vec!["kk", "tg"]),
        "Pagefind's bundle has an index per tree: {entry}"
    );
    filters
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

/// What Pagefind's own indexer writes for the `lang` tree's article pages, decompressed.
fn pagefind_bundle(out: &std::path::Path, lang: &str) -> BTreeMap<String, Vec<u8>> {
    pagefind_files(out, &[lang])
        .into_iter()
        .filter(|(name, _)| is_index_file(name, lang))
        .map(|(name, bytes)| (name, decompress(&bytes)))
        .collect()
}

/// Every file Pagefind's own indexer writes (its index, its JS and wasm) for the article
/// pages of the `langs` trees, added tree by tree in the order dostyk numbers them (by
/// address), by name as in the bundle folder.
fn pagefind_files(out: &std::path::Path, langs: &[&str]) -> Vec<(String, Vec<u8>)> {
    let mut pages: Vec<(String, String)> = Vec::new();
    for lang in langs {
        let dir = out.join(lang).join("articles");
        let mut tree: Vec<(String, String)> = std::fs::read_dir(&dir)
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
        tree.sort();
        pages.extend(tree);
    }
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

/// The files of `theirs` (Pagefind's) that `ours` lacks by name, each with the file of ours
/// in the same folder that starts alike (a chunk with the same first word, a filter of the
/// same name, a fragment of the same page) and how the two differ, decoded.
fn unmatched(ours: &BTreeMap<String, Vec<u8>>, theirs: &BTreeMap<String, Vec<u8>>) -> String {
    let key = |name: &str, contents: &[u8]| {
        let folder = name
            .split_once('/')
            .map_or("", |(folder, _)| folder)
            .to_string();
        let value = decoded(contents);
        let first = match value.get("url") {
            Some(url) => url.as_str().map(str::to_string),
            None => first_string(&value),
        };
        (folder, first)
    };
    let mut report = String::new();
    for (name, contents) in theirs.iter().filter(|(n, _)| !ours.contains_key(*n)) {
        let wanted = key(name, contents);
        let counterpart = ours
            .iter()
            .filter(|(n, _)| !theirs.contains_key(*n))
            .find(|(n, c)| key(n, c) == wanted);
        let _ = match counterpart {
            Some((ours_name, ours_contents)) => write!(
                report,
                "\nPagefind's {name}, dostyk's {ours_name} ({:?}): {}",
                wanted.1,
                difference(ours_contents, contents)
            ),
            None => write!(
                report,
                "\nPagefind's {name} ({:?}): dostyk has none like it",
                wanted.1
            ),
        };
    }
    report
}

/// The first string in `value`, depth first: a chunk's first word, a filter's name.
fn first_string(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Array(items) => items.iter().find_map(first_string),
        _ => None,
    }
}

/// A file of the index decompressed, as JSON: a fragment's own, or the file's CBOR.
fn decoded(bytes: &[u8]) -> serde_json::Value {
    let body = bytes.strip_prefix(b"pagefind_dcd").unwrap_or(bytes);
    serde_json::from_slice(body).unwrap_or_else(|_| cbor(body, &mut 0))
}

/// Where two files of the index differ, decoded: the first path at which their CBOR (or a
/// fragment's JSON) differs, and the word, page or filter entry around it on each side.
fn difference(ours: &[u8], theirs: &[u8]) -> String {
    let (ours, theirs) = (decoded(ours), decoded(theirs));
    let mut path = Vec::new();
    if !first_difference(&ours, &theirs, &mut path) {
        return "the same once decoded".to_string();
    }
    // The innermost entry around the difference that starts with a string: a word with its
    // pages, a filter value, a page of the metadata.
    let entry = |value: &serde_json::Value| {
        let mut entry = value;
        let mut current = value;
        for &i in &path {
            match current.get(i) {
                Some(next) => current = next,
                None => break,
            }
            if current.get(0).is_some_and(serde_json::Value::is_string) {
                entry = current;
            }
        }
        let mut text = entry.to_string();
        if text.len() > 2000 {
            let end = (0..=2000)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            text.truncate(end);
            text.push('…');
        }
        text
    };
    format!(
        "at {path:?}\n  dostyk:   {}\n  Pagefind: {}",
        entry(&ours),
        entry(&theirs)
    )
}

/// Whether `a` and `b` differ; if so, `path` leads to the first place they do.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value, path: &mut Vec<usize>) -> bool {
    use serde_json::Value::Array;
    match (a, b) {
        (Array(a), Array(b)) => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                path.push(i);
                if first_difference(x, y, path) {
                    return true;
                }
                path.pop();
            }
            if a.len() != b.len() {
                path.push(a.len().min(b.len()));
                return true;
            }
            false
        }
        _ => a != b,
    }
}

/// One CBOR item from `bytes` at `at`, as JSON: what Pagefind writes (integers, strings,
/// arrays, maps), enough to show a difference.
fn cbor(bytes: &[u8], at: &mut usize) -> serde_json::Value {
    use serde_json::Value;
    let Some(&first) = bytes.get(*at) else {
        return Value::Null;
    };
    *at += 1;
    let (major, info) = (first >> 5, first & 0x1f);
    let number = |at: &mut usize| -> Option<u64> {
        let width = match info {
            0..=23 => return Some(u64::from(info)),
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            _ => return None,
        };
        let raw = bytes.get(*at..*at + width)?;
        *at += width;
        Some(raw.iter().fold(0, |n, &b| (n << 8) | u64::from(b)))
    };
    let length = number(at);
    let items = |at: &mut usize, count: Option<u64>| -> Vec<Value> {
        let mut items = Vec::new();
        while count.is_none_or(|n| (items.len() as u64) < n) && *at < bytes.len() {
            if count.is_none() && bytes[*at] == 0xff {
                *at += 1;
                break;
            }
            items.push(cbor(bytes, at));
        }
        items
    };
    match major {
        0 => Value::from(length.unwrap_or(0)),
        1 => Value::from(
            -1 - i64::try_from(length.unwrap_or(0))
                .expect("a negative integer CBOR holds in 64 bits"),
        ),
        2 | 3 => {
            let n = length.unwrap_or(0) as usize;
            let raw = bytes.get(*at..*at + n).unwrap_or_default();
            *at += n;
            Value::from(String::from_utf8_lossy(raw).into_owned())
        }
        4 => Value::Array(items(at, length)),
        5 => {
            let flat = items(at, length.map(|n| n * 2));
            Value::Array(flat.chunks(2).map(|kv| Value::Array(kv.to_vec())).collect())
        }
        6 => cbor(bytes, at),
        _ => match info {
            20 => Value::Bool(false),
            21 => Value::Bool(true),
            _ => Value::Null,
        },
    }
}
