use super::*;
use crate::load::config::SiteConfig;
use crate::load::taxonomy::{Kind, Taxonomy};
use std::path::Path;

pub(crate) fn taxonomy() -> Taxonomy {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("site.toml"),
        "base_url = \"https://x.org/\"\nui_languages = [\"kk\", \"tg\"]\n[languages.kk]\ntitle = \"a\"\ndescription = \"b\"\n[languages.tg]\ntitle = \"c\"\ndescription = \"d\"\n",
    )
    .unwrap();
    let config = SiteConfig::load(dir.path(), None).unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/taxonomy.toml");
    Taxonomy::load(&path, &config).unwrap()
}

fn term(id: &str, lang: &str, stems: &[&str]) -> Term {
    Term {
        id: id.to_string(),
        labels: BTreeMap::new(),
        words: [(
            lang.to_string(),
            stems.iter().map(ToString::to_string).collect(),
        )]
        .into(),
        except: BTreeMap::new(),
        country: None,
    }
}

fn ids(tags: &[Tag]) -> Vec<&str> {
    tags.iter().map(|t| t.id.as_str()).collect()
}

#[test]
fn stems_match_inflected_words_look_alikes_and_word_pairs() {
    let terms = [
        term("trade", "kk", &["сауда", "тауар айналым"]),
        term("agriculture", "kk", &["ауыл шаруашылығ"]),
        term("water", "kk", &["су-энергетика"]),
    ];
    // Latin "a" and "y" inside Cyrillic words; a two-word stem across a line wrap.
    let tags = tag(
        "Caуданы арттыру. Тауар\nайналымы өсті. Ауыл шаруашылығын және су-энергетикалық",
        Some("kk"),
        &terms,
    );
    assert_eq!(ids(&tags), ["trade", "agriculture", "water"]);
    assert_eq!(tags[0].triggers, ["Caуданы", "Тауар айналымы"]);
    assert_eq!(tags[0].hits, 2);
    // A stem of two words does not run across a sentence end.
    assert!(tag("ауыл. Шаруашылығы", Some("kk"), &terms).is_empty());
}

#[test]
fn a_passing_mention_in_a_long_text_is_not_a_tag() {
    let terms = [
        term("trade", "kk", &["сауда"]),
        term("water", "kk", &["су ресурс"]),
    ];
    let filler = "Екі ел арасындағы қатынастар туралы тағы бір сөйлем айтылды. ".repeat(20);
    let long = format!(
        "{filler}Сауда туралы да сөз болды. {filler}Су ресурстары туралы. Су ресурстарын тиімді пайдалану."
    );
    assert_eq!(ids(&tag(&long, Some("kk"), &terms)), ["water"]);
    // In a short text one mention is enough.
    assert_eq!(
        ids(&tag("Сауда туралы да сөз болды.", Some("kk"), &terms)),
        ["trade"]
    );
    // In the title it is enough even in a long text.
    assert_eq!(
        ids(&tag_weighted(
            "Сауда көлемі өсті",
            &long,
            Some("kk"),
            &terms
        )),
        ["trade", "water"]
    );
}

#[test]
fn adjacent_matches_are_one_mention_and_list_headings_weigh_double() {
    let terms = [
        term("finance", "tg", &["молия", "бонк"]),
        term("industry", "tg", &["саноат"]),
    ];
    let filler =
        "Ҷонибҳо масъалаҳои гуногунро баррасӣ намуданд ва ба мувофиқа расиданд. ".repeat(20);
    let text = format!(
        "{filler}Соҳаҳои молиявию бонкӣ.\n{filler}\n  • Саноат ва энергетика — лоиҳаҳои муштарак.\n"
    );
    let all = candidates("", &text, Some("tg"), &terms);
    assert_eq!(all[0].tag.hits, 1);
    assert!(!all[0].tagged());
    assert_eq!((all[1].tag.id.as_str(), all[1].score), ("industry", 2.0));
    assert!(all[1].tagged());
}

/// The countries and topics one sentence in `lang` is tagged with.
fn tags_of(taxonomy: &Taxonomy, lang: &str, sentence: &str) -> Vec<String> {
    [Kind::Topic, Kind::Country]
        .into_iter()
        .flat_map(|kind| tag_weighted("", sentence, Some(lang), taxonomy.terms(kind)))
        .map(|t| t.id)
        .collect()
}

/// The words of content/taxonomy.toml that real agency texts use, each in a sentence as they
/// write it (language, sentence, the term it must find).
#[test]
fn the_taxonomy_finds_each_word_that_matters() {
    let taxonomy = taxonomy();
    let cases: &[(&str, &str, &str)] = &[
        ("ru", "Президент России прибыл в Астану.", "russia"),
        ("ru", "Делегация Китая посетила выставку.", "china"),
        ("ru", "Товары отправят Китаю и Китае их ждут.", "china"),
        (
            "uz",
            "Минтақавий хавфсизлигини таъминлаш муҳокама қилинди.",
            "security",
        ),
        (
            "uz",
            "Tomonlar mintaqaviy xavfsizlik masalalarini ko'rib chiqdilar.",
            "security",
        ),
        (
            "ru",
            "Обсудили развитие сельскохозяйственной кооперации.",
            "agriculture",
        ),
        (
            "ru",
            "Обсуждены поставки электроэнергии и энергоресурсов.",
            "energy",
        ),
        ("ru", "Стороны обсудили возобновляемую энергию.", "energy"),
        ("kk", "Жаңа электр станциясы салынады.", "energy"),
        ("uz", "Yangi elektr stansiyasi quriladi.", "energy"),
        ("kk", "Экстремизмге қарсы күрес талқыланды.", "security"),
        ("tg", "Муқовимат ба экстремизм муҳокима шуд.", "security"),
        (
            "uz",
            "Ekstremizmga qarshi kurash muhokama qilindi.",
            "security",
        ),
        ("ru", "Обсудили противодействие экстремизму.", "security"),
        ("uz", "Mudofaa vazirlari uchrashdi.", "security"),
        (
            "ru",
            "Продовольственная безопасность стран обсуждена.",
            "agriculture",
        ),
        ("tg", "Ҷалби инвеститсияҳо муҳокима шуд.", "investment"),
        (
            "uz",
            "Investitsiyalarni jalb qilish muhokama qilindi.",
            "investment",
        ),
        ("tg", "Барномаи рақамисозии иқтисод қабул шуд.", "digital"),
        (
            "tg",
            "Сафорати Қазоқистон дар Душанбе чорабинӣ гузаронд.",
            "diplomacy",
        ),
        ("uz", "Tashqi siyosat masalalari ko'rildi.", "diplomacy"),
        ("uz", "Prezident rasmiy tashrif bilan keldi.", "diplomacy"),
        ("uz", "Majlisi Oliy raisi qabul qildi.", "parliament"),
        ("uz", "Spiker delegatsiyani qabul qildi.", "parliament"),
        ("uz", "Tovar aylanmasi 1 mlrd dollarga yetdi.", "trade"),
        ("uz", "Suv ta'minoti loyihasi muhokama qilindi.", "water"),
        ("uz", "Gumanitar yordam yetkazildi.", "diplomacy"),
        (
            "uz",
            "Teatr va muzey xodimlari tajriba almashdi.",
            "culture",
        ),
        (
            "uz",
            "Tibbiy xizmat va dori vositalari, shifoxona qurilishi.",
            "health",
        ),
        ("uz", "Logistika markazi ochildi.", "transport"),
        (
            "ru",
            "Межправительственная комиссия провела заседание.",
            "diplomacy",
        ),
        ("ru", "Депутаты ратифицировали договор.", "parliament"),
        ("ru", "Казахстан отправил гуманитарную помощь.", "diplomacy"),
        ("kk", "Тәжікстан гуманитарлық көмек жіберді.", "diplomacy"),
        (
            "tg",
            "Кумакҳои башардӯстона ба Қазоқистон расонида шуд.",
            "diplomacy",
        ),
        ("ru", "В Душанбе установят бюст поэту.", "culture"),
        ("ru", "Вопросы обеспечения питьевой водой.", "water"),
        ("ru", "Автобус с пассажирами остановили.", "transport"),
    ];
    let missed: Vec<String> = cases
        .iter()
        .filter(|(lang, sentence, id)| !tags_of(&taxonomy, lang, sentence).iter().any(|t| t == id))
        .map(|(lang, sentence, id)| format!("{lang} {sentence:?}: no {id}"))
        .collect();
    assert!(missed.is_empty(), "{missed:#?}");
}

/// Words that look like a term's and are not: each sentence must not find the term.
#[test]
fn the_taxonomy_ignores_look_alikes() {
    let taxonomy = taxonomy();
    let cases: &[(&str, &str, &str)] = &[
        // The formula "cultural-humanitarian cooperation" is no cultural event.
        (
            "ru",
            "Развивается культурно-гуманитарное сотрудничество.",
            "culture",
        ),
        (
            "kk",
            "Мәдени-гуманитарлық байланыстар дамып келеді.",
            "culture",
        ),
        ("uz", "Маданий-гуманитар алоқалар ривожланмоқда.", "culture"),
        // Humanitarian aid is diplomacy, not culture.
        ("ru", "Казахстан получил гуманитарную помощь.", "culture"),
        // "Поэтому" (therefore) is no poet.
        ("ru", "Поэтому стороны договорились.", "culture"),
        // Civil defence and food security are not security.
        (
            "kk",
            "Төтенше жағдайлар және азаматтық қорғаныс комитеті.",
            "security",
        ),
        ("ru", "Укрепить продовольственную безопасность.", "security"),
        // Kazakh "ауған" (moved) is no Afghan.
        ("kk", "Халық қалаға ауған.", "afghanistan"),
        // Tajik "вакил" (representative) is no parliament.
        ("tg", "Вакили ширкат суханронӣ кард.", "parliament"),
        // The ministry's name ("…and water resources") is no water topic.
        (
            "ru",
            "Министр энергетики и водных ресурсов Республики Таджикистан прибыл.",
            "water",
        ),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(lang, sentence, id)| tags_of(&taxonomy, lang, sentence).iter().any(|t| t == id))
        .map(|(lang, sentence, id)| format!("{lang} {sentence:?}: {id}"))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn a_list_of_the_areas_discussed_tags_each() {
    let taxonomy = taxonomy();
    let body = "Тараптар кездесу барысында көптеген мәселелерді талқылады. Екі ел арасындағы ынтымақтастықтың болашағы туралы пікір алмасты. Қазақстан мен Тәжікстан арасындағы байланыстар дамып келеді. ".repeat(8)
        + "Сондай-ақ сауда, білім беру және денсаулық сақтау салаларындағы ынтымақтастық талқыланды.";
    let listed: Vec<Tag> = topic_candidates("", &body, Some("kk"), taxonomy.terms(Kind::Topic))
        .into_iter()
        .filter(Candidate::tagged)
        .map(|c| c.tag)
        .collect();
    assert_eq!(ids(&listed), ["trade", "education", "health"]);
    // Without the list rule a single mention in the body of a long text is not enough.
    let plain = tag_weighted("", &body, Some("kk"), taxonomy.terms(Kind::Topic));
    assert!(plain.is_empty(), "{:?}", ids(&plain));
}

#[test]
fn other_languages_weigh_half_and_short_foreign_stems_do_not_count() {
    let terms = [
        term("water", "tg", &["арал"]),
        term("parliament", "ru", &["маджлис"]),
        term("culture", "kk", &["мәдени"]),
    ];
    let text = "Маджлиси Оли. Аралығында кездесті.";
    let all = candidates("", text, Some("kk"), &terms);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].tag.id.as_str(), all[0].score), ("parliament", 0.5));
    // Without a language every stem counts fully.
    assert_eq!(ids(&tag(text, None, &terms)), ["water", "parliament"]);
}

/// The seeds, with the title the importer would take (the first line when there is a
/// headline), against the countries and topics an editor chose for content/.
/// File, language, whether its first line is a headline, countries, topics.
type Expected = (
    &'static str,
    &'static str,
    bool,
    &'static [&'static str],
    &'static [&'static str],
);

const SEEDS: [Expected; 5] = [
    (
        "000_c2971f3114f27f7e.txt",
        "tg",
        true,
        &["kazakhstan", "tajikistan"],
        &[
            "parliament",
            "diplomacy",
            "trade",
            "industry",
            "energy",
            "agriculture",
            "transport",
            "health",
            "security",
            "culture",
        ],
    ),
    (
        "001_14a85814d9623422.txt",
        "tg",
        false,
        &["kazakhstan", "tajikistan"],
        &[
            "diplomacy",
            "trade",
            "investment",
            "industry",
            "agriculture",
            "transport",
            "water",
            "energy",
            "culture",
        ],
    ),
    (
        "002_4ac4f6e0ac4e3caa.txt",
        "uz",
        true,
        &["kazakhstan", "tajikistan"],
        &["parliament", "diplomacy", "digital", "education"],
    ),
    (
        "003_66e8fa6394fbc704.txt",
        "kk",
        true,
        &["kazakhstan", "tajikistan"],
        &[
            "diplomacy",
            "trade",
            "agriculture",
            "water",
            "energy",
            "transport",
            "security",
        ],
    ),
    (
        "004_fdb75db5e4a0ae0c.txt",
        "kk",
        false,
        &["kazakhstan", "tajikistan"],
        &["parliament", "diplomacy", "digital", "education"],
    ),
];

pub(crate) fn seed(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/raw")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn split(raw: &str, headline: bool) -> (&str, &str) {
    match raw.split_once('\n') {
        Some((title, body)) if headline => (title, body),
        _ => ("", raw),
    }
}

#[test]
fn seeds_get_the_countries_and_main_topics_of_content() {
    let taxonomy = taxonomy();
    let mut report = Vec::new();
    for (file, lang, headline, countries, topics) in SEEDS {
        let raw = seed(file);
        let (title, body) = split(&raw, headline);
        let got_countries = tag_weighted(title, body, Some(lang), taxonomy.terms(Kind::Country));
        let mut want: Vec<&str> = countries.to_vec();
        want.sort_by_key(|id| taxonomy.position(Kind::Country, id));
        assert_eq!(ids(&got_countries), want, "{file}");

        let got = tag_weighted(title, body, Some(lang), taxonomy.terms(Kind::Topic));
        let got = ids(&got);
        let right = got.iter().filter(|t| topics.contains(t)).count();
        let precision = right as f32 / got.len().max(1) as f32;
        let recall = right as f32 / topics.len() as f32;
        let extra: Vec<_> = got.iter().filter(|t| !topics.contains(t)).collect();
        let missed: Vec<_> = topics.iter().filter(|t| !got.contains(t)).collect();
        report.push(format!(
            "{file}: precision {precision:.2} recall {recall:.2} extra {extra:?} missed {missed:?}"
        ));
        // The editor's choices are a judgement; the main topics must be there.
        assert!(precision >= 0.85 && recall >= 0.85, "{}", report.join("\n"));
    }
    eprintln!("{}", report.join("\n"));
}

#[test]
fn uzbek_latin_with_any_apostrophe_and_russian_are_tagged() {
    let taxonomy = taxonomy();
    let both = |text: &str, lang: &str| {
        let countries = tag(text, Some(lang), taxonomy.terms(Kind::Country));
        let topics = tag(text, Some(lang), taxonomy.terms(Kind::Topic));
        (ids(&countries).join(" "), ids(&topics).join(" "))
    };
    // ASCII ' and ‘ for ʻ, and ' for the tutuq belgisi ʼ of the taxonomy's "sunʼiy".
    let uz = "O'zbekiston va Qozog‘iston o'rtasidagi savdo hajmi oshdi. Sun'iy intellekt bo'yicha hamkorlik kelishildi.";
    assert_eq!(
        both(uz, "uz"),
        ("kazakhstan uzbekistan".into(), "trade digital".into())
    );
    let ru = "Президент Таджикистана Эмомали Рахмон и Президент Казахстана обсудили товарооборот и водные ресурсы.";
    assert_eq!(
        both(ru, "ru"),
        ("kazakhstan tajikistan".into(), "trade water".into())
    );
    // Latin look-alikes typed into a Tajik headline.
    let tg = "ТОҶИКИСТОH ВА ҚАЗОҚИСТОH САВДОРО АФЗУН МЕКУНАНД";
    assert_eq!(
        both(tg, "tg"),
        ("kazakhstan tajikistan".into(), "trade".into())
    );
}

#[test]
fn reports_what_triggered_a_tag() {
    let taxonomy = taxonomy();
    let raw = seed("002_4ac4f6e0ac4e3caa.txt");
    let (title, body) = split(&raw, true);
    let topics = tag_weighted(title, body, Some("uz"), taxonomy.terms(Kind::Topic));
    let digital = topics.iter().find(|t| t.id == "digital").unwrap();
    assert_eq!(digital.triggers[0], "рақамли");
    assert!(
        digital.triggers.contains(&"Сунъий интеллект".to_string()),
        "{digital:?}"
    );
    let countries = tag_weighted(title, body, Some("uz"), taxonomy.terms(Kind::Country));
    // Uzbekistan is named once, at the end of a long text: not tagged.
    assert!(countries.iter().all(|t| t.id != "uzbekistan"));
}
