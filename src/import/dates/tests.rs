use super::dateline::tests::DATELINES;
use super::tokens::is_space;
use super::*;

/// The dates `text` holds, as `2025-08-27` or `--11-14`, each with the words it was read from.
pub(super) fn dates(text: &str) -> Vec<(String, String)> {
    find_dates(text)
        .into_iter()
        .map(|found| (found.date.to_string(), found.text))
        .collect()
}

/// The one date in `text`, as `2025-08-27` or `--11-14`.
pub(super) fn one(text: &str) -> String {
    let found = dates(text);
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    found[0].0.clone()
}

#[track_caller]
fn none(text: &str) {
    let found = dates(text);
    assert!(found.is_empty(), "{text:?} is not a date, found {found:?}");
}

/// `seeds/000_c2971f3114f27f7e.txt`, lines 4: the opening and every line with a digit.
const SEED_000: &str = "Душанбе, 14 ноябр, – АИ «Корвон Иттилоот». Раиси Маҷлиси миллии Маҷлиси Олии Ҷумҳурии Тоҷикистон, шаҳрдори Душанбе Рустами Эмомалӣ 13 ноябр бо Раиси Сенати Парламенти Ҷумҳурии Қазоқистон Маулен Ашимбоев мулоқот намуд. Меҳмон ба Тоҷикистон бо сафари корӣ барои иштирок дар чорабиниҳои Маҷлиси байнипарламентии давлатҳои узви ИДМ омада буд. Дар ин бора дар дафтари Маҷлиси миллӣ хабар доданд.";

/// `seeds/001_14a85814d9623422.txt`, lines 1: the opening and every line with a digit.
const SEED_001: &str = "30-юми апрели соли 2024 дар Қасри миллат Асосгузори сулҳу ваҳдати миллӣ — Пешвои миллат, Президенти Ҷумҳурии Тоҷикистон муҳтарам Эмомалӣ Раҳмон Сарвазири Ҷумҳурии Қазоқистон муҳтарам Олжас Беткеновро, ки бо сафари расмӣ ба Тоҷикистон ташриф овард, ба ҳузур пазируфтанд.";

/// `seeds/002_4ac4f6e0ac4e3caa.txt`, lines 1, 2, 7, 8: the opening and every line with a digit.
const SEED_002: &str = " date 2025-08-27 Қозоғистон ва Тожикистон парламентлари ҳамкорликни чуқурлаштиришни муҳокама қилди\n\
ASTANА. Kazinform — Қозоғистон Республикаси Мажилиси раиси Ерлан Қошанов Тожикистон Республикаси Мажлиси Олий Мажлиси Миллий раиси Рустами Эмомали билан учрашди, деб хабар беради Мажилис матбуот хизмати.\n\
Суҳбат давомида рақамли инновацияларни ривожлантиришга ҳам алоҳида эътибор қаратилди. Ерлан Қошановнинг айтишича, Мажилис депутатлари бу борадаги тажрибалари билан ўртоқлашишга тайёр. Шу билан бирга, у Қозоғистон БМТнинг электрон ҳукуматни ривожлантириш индексида етакчи давлатлар қаторидан жой олганини таъкидлади (24-ўрин). Бугунги кунда мамлакатда давлат хизматларининг 90 фоиздан ортиғи онлайн тарзда кўрсатилмоқда. Айни пайтда, Мажилисда “Сунъий интеллект тўғрисида”ги қонун лойиҳаси ва Рақамли кодекс лойиҳаси устида фаол иш олиб борилмоқда.\n\
Тожикистон Парламенти депутатлари ҳам Қозоғистонда ижтимоий соҳадаги ислоҳотларга қизиқиш билдиришди. Мажлис спикери 2019 йилда қабул қилинган “Педагоглар мақоми тўғрисида”ги қонун педагогларнинг ижтимоий аҳволини сезиларли даражада яхшилаш имконини бергани, шунингдек, Давлат раҳбари томонидан ўқитувчиларнинг жамиятдаги нуфузини ошириш бўйича белгилаб берилган вазифалар ҳаётга изчил татбиқ этилаётганини таъкидлади.";

/// `seeds/003_66e8fa6394fbc704.txt`, lines 1, 2, 9, 15: the opening and every line with a digit.
const SEED_003: &str = "Қазақстан мен Тәжікстан саяси диалогты одан әрі нығайтуға бейілділігін растады\n\
Сурет: gov.kz\n\
Экономикалық байланыстарды кеңейту мәселесіне ерекше назар аударылды. Өзара сауданы ұлғайту, инвестициялар тарту үшін қолайлы жағдайлар жасау және бірлескен жобаларды іске асыру жөніндегі қосымша шаралар талқыланды. Қазақстан көптеген жылдар бойы Тәжікстанның ең ірі үш сауда серіктесінің қатарына тұрақты түрде кіреді. Өткен жылы өзара сауда көлемі 1,2 млрд АҚШ долларынан асты. Тараптар мемлекет басшылары айқындаған тауар айналымын 2 млрд АҚШ долларына жеткізу мақсатына қол жеткізу үшін келісілген шаралар қабылдауға уағдаласты.\n\
Келіссөздер қорытындысы бойынша Қазақстан Республикасы Сыртқы істер министрлігі мен Тәжікстан Республикасы Сыртқы істер министрлігі арасындағы 2026-2028 жылдарға арналған ынтымақтастық бағдарламасына қол қойылды.";

/// `seeds/004_fdb75db5e4a0ae0c.txt`, lines 1, 5, 6, 7: the opening and every line with a digit.
const SEED_004: &str = "Қазақстан Республикасы Мәжілісінің төрағасы Ерлан Қошанов Тәжікстан Республикасы Маджлиси Оли Маджлиси милли төрағасы Рустами Эмомалимен кездесті. Тәжікстан Парламентінің жоғарғы палатасының басшысы Астанаға ресми сапармен келді, деп хабарлайды BAQ.KZ.\n\
Әңгіме барысында цифрлық инновацияларды дамытуға да баса көңіл бөлінді. Ерлан Қошанов Мәжіліс депутаттары осы бағытта тәжірибесі бөлісуге дайын екенін айтты. Осы ретте Қазақстан БҰҰ-ның Электронды үкіметті дамыту индексі бойынша (24-орын) алдыңғы қатарлы мемлекеттер қатарына екенін атап өтті.\n\
Бүгінде елімізде мемлекеттік қызметтердің 90 пайыздан астамы онлайн көрсетіледі. Ал Мәжілісте «Жасанды интеллект туралы» заң жобасы мен Цифрлық кодекс бойынша белсенді жұмыс жүргізіліп жатыр.\n\
Тәжікстан Парламентінің депутаттары Қазақстандағы әлеуметтік саладағы реформаларға да қызығушылық танытты. Мәжіліс спикері 2019 жылы қабылданған «Педагог мәртебесі туралы» заң мұғалімдердің әлеуметтік жағдайын едәуір жақсартуға мүмкіндік бергенін, сондай-ақ педагогтердің қоғамдағы беделін арттыруға қатысты Мемлекет басшысы алға қойған міндеттердің әрі қарай жүзеге асырылып жатқанын айтты.";

#[test]
fn a_page_writes_its_date_month_first() {
    assert_eq!(one("Август 20, 2024 09:23"), "2024-08-20");
    assert_eq!(one("Апрел 22, 2024 17:55 Asia/Dushanbe"), "2024-04-22");
    assert_eq!(one("Сентябрь 24, 2021 10:18"), "2021-09-24");
    // Month first without a comma and a year is no date outside English.
    none("Август 20 рақамлари");
    none("Май 9 ғалабаси");
}

#[test]
fn seed_000_dateline_has_the_day_but_no_year() {
    let line = dateline(SEED_000).expect("a dateline");
    assert_eq!(line.place, "Душанбе");
    assert_eq!(
        line.date,
        Some(PartialDate {
            year: None,
            month: 11,
            day: 14
        })
    );
    assert_eq!(line.outlet.as_deref(), Some("АИ «Корвон Иттилоот»"));
    assert_eq!(line.text, "Душанбе, 14 ноябр, – АИ «Корвон Иттилоот».");
    assert!(line.rest.starts_with("Раиси Маҷлиси миллии"));
    assert_eq!(
        dates(SEED_000),
        [
            ("--11-14".into(), "14 ноябр".into()),
            ("--11-13".into(), "13 ноябр".into())
        ]
    );
}

#[test]
fn seed_001_dates_the_first_sentence() {
    let found = find_dates(SEED_001);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].date.complete(), Date::parse("2024-04-30"));
    assert_eq!(found[0].text, "30-юми апрели соли 2024");
    assert_eq!(found[0].start, 0);
    assert_eq!(dateline(SEED_001), None);
}

#[test]
fn seed_002_has_a_date_prefix_and_a_dateline_without_a_date() {
    let mut lines = SEED_002.lines();
    let (date, headline) = date_prefix(lines.next().unwrap()).expect("a date prefix");
    assert_eq!(date, Date::parse("2025-08-27").unwrap());
    assert!(headline.starts_with("Қозоғистон ва Тожикистон"));
    let line = dateline(lines.next().unwrap()).expect("a dateline");
    assert_eq!(line.place, "ASTANА");
    assert_eq!(line.date, None);
    assert_eq!(line.outlet.as_deref(), Some("Kazinform"));
    assert_eq!(line.text, "ASTANА. Kazinform —");
    assert!(line.rest.starts_with("Қозоғистон Республикаси"));
    // `(24-ўрин)`, `90 фоиздан`, `2019 йилда`: no date in the body.
    let body: Vec<&str> = SEED_002.lines().skip(1).collect();
    assert_eq!(dates(&body.join("\n")), []);
}

#[test]
fn seed_003_has_no_date() {
    // `1,2 млрд`, `2 млрд`, `2026-2028 жылдарға`, and `Сурет: gov.kz` is no dateline.
    none(SEED_003);
    assert!(SEED_003.lines().all(|line| dateline(line).is_none()));
}

#[test]
fn seed_004_has_no_date() {
    // `(24-орын)`, `90 пайыздан`, and `2019 жылы` is a year, not a date.
    none(SEED_004);
    assert!(SEED_004.lines().all(|line| dateline(line).is_none()));
}

#[test]
fn tajik_dates() {
    assert_eq!(
        one("30-юми апрели соли 2024 дар Қасри миллат"),
        "2024-04-30"
    );
    assert_eq!(one("14-уми ноябри соли 2025"), "2025-11-14");
    assert_eq!(one("3-юми майи соли 2025"), "2025-05-03");
    assert_eq!(one("14 ноябри 2025 дар Душанбе"), "2025-11-14");
    assert_eq!(one("30 апрели соли 2024"), "2024-04-30");
    assert_eq!(one("Рустами Эмомалӣ 13 ноябр бо Раиси Сенат"), "--11-13");
    assert_eq!(one("14-уми ноябр"), "--11-14");
    assert_eq!(one("1 январи имсола"), "--01-01");
    assert_eq!(one("31 декабр"), "--12-31");
    assert_eq!(one("20 марти 2025"), "2025-03-20");
    assert_eq!(one("15 июли соли 2023"), "2023-07-15");
    // The year word before the year, with nothing after it, is still only a year.
    none("соли 2024 дар Душанбе");
    none("дар моҳи апрели соли 2024");
}

#[test]
fn kazakh_dates() {
    assert_eq!(one("2025 жылғы 27 тамызда Астанада"), "2025-08-27");
    assert_eq!(one("2025 жылы 27 тамызда"), "2025-08-27");
    assert_eq!(one("27 тамыз 2025 ж."), "2025-08-27");
    assert_eq!(one("27 тамыз 2025 жыл"), "2025-08-27");
    assert_eq!(
        dates("27 тамыз 2025 ж. өтті"),
        [("2025-08-27".into(), "27 тамыз 2025 ж.".into())]
    );
    assert_eq!(one("27 тамыз"), "--08-27");
    assert_eq!(one("27 тамыздың"), "--08-27");
    assert_eq!(one("5 қыркүйекте"), "--09-05");
    assert_eq!(one("2025 жылғы 5 қыркүйегінде"), "2025-09-05");
    assert_eq!(one("10 қаңтардан бастап"), "--01-10");
    assert_eq!(one("1 наурызға дейін"), "--03-01");
    assert_eq!(one("22 сәуірде"), "--04-22");
    assert_eq!(one("9 мамырда"), "--05-09");
    assert_eq!(one("12 маусымдағы кездесу"), "--06-12");
    assert_eq!(one("6 шілдеде"), "--07-06");
    assert_eq!(one("25 қазанда"), "--10-25");
    assert_eq!(one("30 қарашада"), "--11-30");
    assert_eq!(one("16 желтоқсан 1991 жыл"), "1991-12-16");
    assert_eq!(one("2025 жылғы тамыздың 27-сі"), "2025-08-27");
    assert_eq!(one("тамыздың 27-сінде"), "--08-27");
    assert_eq!(one("тамыздың 27 күні"), "--08-27");
    assert_eq!(one("27-ші тамыз"), "--08-27");
    // Typed on a Russian layout, and with Latin look-alikes (i, a) inside Cyrillic words.
    assert_eq!(one("5 кыркуйекте"), "--09-05");
    assert_eq!(one("22 сәyiрде"), "--04-22");
    // Kazakh Latin.
    assert_eq!(one("2025 jylǵy 27 tamyzda"), "2025-08-27");
    assert_eq!(one("27 tamyz"), "--08-27");
    assert_eq!(one("5 qyrkúıekte"), "--09-05");
    assert_eq!(one("22 naýryzda"), "--03-22");
}

#[test]
fn uzbek_dates() {
    assert_eq!(one("2025 йил 27 август куни"), "2025-08-27");
    assert_eq!(one("2025 йил 27 августда"), "2025-08-27");
    assert_eq!(one("27 август куни"), "--08-27");
    assert_eq!(one("27-август"), "--08-27");
    assert_eq!(one("1 январдан"), "--01-01");
    assert_eq!(one("1 январьдан"), "--01-01");
    assert_eq!(one("15 сентябрда"), "--09-15");
    assert_eq!(one("27 август 2025 йил"), "2025-08-27");
    assert_eq!(one("2025 й. 27 август"), "2025-08-27");
    assert_eq!(one("2025-yil 27-avgust"), "2025-08-27");
    assert_eq!(one("2025-yil 27-avgustda"), "2025-08-27");
    assert_eq!(one("27-avgustda"), "--08-27");
    assert_eq!(one("27 avgust 2025-yil"), "2025-08-27");
    assert_eq!(one("1-yanvardan"), "--01-01");
    assert_eq!(one("9-may"), "--05-09");
    assert_eq!(one("3 sentabrgacha"), "--09-03");
    assert_eq!(one("3 oktyabrda"), "--10-03");
    assert_eq!(one("Toshkent, 27-avgust"), "--08-27");
}

#[test]
fn russian_dates() {
    assert_eq!(one("27 августа 2025 года"), "2025-08-27");
    assert_eq!(one("27 августа"), "--08-27");
    assert_eq!(one("27-го августа"), "--08-27");
    assert_eq!(one("27\u{a0}августа 2025\u{a0}г."), "2025-08-27");
    assert_eq!(one("8 марта"), "--03-08");
    assert_eq!(one("9 мая 1945 года"), "1945-05-09");
    assert_eq!(one("1 января"), "--01-01");
    assert_eq!(one("2 февраля"), "--02-02");
    assert_eq!(one("12 апреля"), "--04-12");
    assert_eq!(one("12 июня"), "--06-12");
    assert_eq!(one("12 июля"), "--07-12");
    assert_eq!(one("1 сентября"), "--09-01");
    assert_eq!(one("1 октября"), "--10-01");
    assert_eq!(one("14 ноября"), "--11-14");
    assert_eq!(one("16 декабря"), "--12-16");
    assert_eq!(one("27 авг. 2025 г."), "2025-08-27");
    assert_eq!(one("14 нояб."), "--11-14");
    // A day range: the last day is the date read.
    assert_eq!(
        dates("13–14 ноября"),
        [("--11-14".into(), "14 ноября".into())]
    );
    assert_eq!(
        dates("с 27 по 29 августа"),
        [("--08-29".into(), "29 августа".into())]
    );
}

#[test]
fn english_dates() {
    assert_eq!(one("Nov 14"), "--11-14");
    assert_eq!(one("Aug. 27, 2025"), "2025-08-27");
    assert_eq!(one("November 14, 2025"), "2025-11-14");
    assert_eq!(one("14 November 2025"), "2025-11-14");
    assert_eq!(one("3 March 2025"), "2025-03-03");
    assert_eq!(one("the 14th of November"), "--11-14");
    assert_eq!(one("on Nov 14th"), "--11-14");
}

#[test]
fn dates_are_found_in_order_with_their_ranges() {
    let text = "Ҷаласа 13 ноябр ва 14-уми ноябри соли 2025 баргузор шуд.";
    let found = find_dates(text);
    assert_eq!(found.len(), 2);
    for f in &found {
        assert_eq!(&text[f.start..f.end], f.text);
    }
    assert_eq!(found[1].text, "14-уми ноябри соли 2025");
    assert!(found[0].end <= found[1].start);
}

#[test]
fn impossible_days_are_not_dates() {
    none("30 февраля 2025 года");
    none("29 февраля 2025 года");
    none("2025-02-30");
    none("31.04.2025");
    none("27.13.2025");
    none("32 тамыз");
    none("0 августа");
    none("00.08.2025");
    none("31 апрели соли 2024");
    // Without a year the day is checked against a leap year.
    assert_eq!(one("29 февраля"), "--02-29");
    none("30 февраля");
}

#[test]
fn hard_negatives() {
    none("(24-орын) алдыңғы қатарлы мемлекеттер");
    none("(24-ўрин)");
    none("90 пайыздан астамы");
    none("90 фоиздан ортиғи");
    none("2026-2028 жылдарға арналған");
    none("1,2 млрд АҚШ долларынан асты");
    none("2 млрд АҚШ долларына");
    none("2019 жылы қабылданған");
    none("2019 йилда қабул қилинган");
    none("в 2025 году");
    none("Тел.: +7 (7172) 74-14-11, +992 37 221-45-67");
    none("8 701 27 08 25");
    none("27-08-25");
    none("27/08/25");
    none("08/27/2025");
    none("1,27 августа");
    none("v2.27 август");
    none("A27 тамыз");
    none("тамыз айында");
    none("наурыз мерекесі");
    none("5 мамыражай");
    none("Мартин 5 рет");
    none("12345 августа");
    none("5 сен білесің бе");
    none("27\nтамыз");
    // Uzbek `марта` is "times": March only on a Russian line or with a year.
    none("Савдо ҳажми 2 марта ошди.");
    assert_eq!(one("Савдо 2 марта 2025 года"), "2025-03-02");
    // A year range after a day and month is no year of it.
    assert_eq!(one("27 августа 2025-2026"), "--08-27");
}

#[test]
fn partial_dates_complete_only_with_a_year() {
    let known = PartialDate::new(Some(2025), 8, 27).unwrap();
    assert_eq!(known.complete(), Date::parse("2025-08-27"));
    let yearless = PartialDate::new(None, 11, 14).unwrap();
    assert_eq!(yearless.complete(), None);
    assert_eq!(yearless.with_year(2025), Date::parse("2025-11-14"));
    let leap = PartialDate::new(None, 2, 29).unwrap();
    assert_eq!(leap.with_year(2025), None);
    assert_eq!(leap.with_year(2024), Date::parse("2024-02-29"));
    assert_eq!(PartialDate::new(Some(2025), 2, 29), None);
    assert_eq!(PartialDate::new(None, 13, 1), None);
    assert_eq!(yearless.to_string(), "--11-14");
    assert_eq!(known.to_string(), "2025-08-27");
}

use crate::import::testing::Rng;

/// Pieces that exercise the patterns, mixed with arbitrary characters.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "2025", "27", "14", "30", "31", "29", "02", "1", "0", "99999999999999999999",
    "-", ".", ",", "/", ":", " ", " ", " ", "\n", "\r\n", "\u{a0}", "\t",
    "тамыз", "тамыздың", "қыркүйегінде", "ноябр", "ноябри", "апрели", "соли", "жылғы", "ж", "г",
    "года", "йил", "yil", "-юми", "юми", "-сі", "августа", "августда", "марта", "авг", "Nov",
    "November", "avgust", "ASTANА", "Душанбе", "МОСКВА", "Kazinform", "АИ", "T", "th", "of",
    "күні", "date",
    "–", "—", "«", "»", "\"", "(", ")", "[", "]",
    "ә", "ӣ", "ҷ", "ʻ", "'", "’", "\u{301}", "\u{feff}", "\u{200b}", "\u{ad}", "😀", "İ", "ß", "ǅ",
    "\u{10ffff}",
];

/// Texts near the patterns, to be mutated: the datelines above and dates of every form.
const NEAR: &[&str] = &[
    "2025 жылғы 27 тамызда",
    "27 тамыз 2025 ж.",
    "тамыздың 27-сі",
    "30-юми апрели соли 2024",
    "2025-yil 27-avgustda",
    "27 августа 2025 года",
    "27.08.2025 г.",
    "2025-08-27T10:00",
    "November 14, 2025",
    " date 2025-08-27 Қозоғистон",
];

/// One of the near texts with a few characters deleted, replaced, inserted or repeated.
fn mutated(random: &mut Rng) -> String {
    let source = if random.below(2) == 0 {
        DATELINES[random.below(DATELINES.len())].0
    } else {
        NEAR[random.below(NEAR.len())]
    };
    let mut chars: Vec<char> = source.chars().collect();
    for _ in 0..random.below(4) {
        let at = random.below(chars.len() + 1);
        match random.below(4) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 if at < chars.len() => {
                chars[at] = PIECES[random.below(PIECES.len())]
                    .chars()
                    .next()
                    .unwrap_or('x');
            }
            2 => chars
                .splice(at..at, PIECES[random.below(PIECES.len())].chars())
                .for_each(drop),
            _ => {
                let from = random.below(chars.len() + 1);
                let copy: Vec<char> = chars[from.min(at)..from.max(at)].to_vec();
                chars.splice(at..at, copy).for_each(drop);
            }
        }
    }
    chars.into_iter().collect()
}

fn arbitrary(random: &mut Rng) -> String {
    if random.below(2) == 0 {
        return mutated(random);
    }
    let mut text = String::new();
    for _ in 0..random.below(40) {
        match random.below(4) {
            0 => {
                let c = char::from_u32(random.next() as u32 % 0x11_0000).unwrap_or('?');
                text.push(c);
            }
            1 => text.push(char::from_u32(0x400 + random.below(0x130) as u32).unwrap_or('ж')),
            _ => text.push_str(PIECES[random.below(PIECES.len())]),
        }
    }
    text
}

#[test]
fn arbitrary_text_never_panics_and_ranges_are_exact() {
    let mut random = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..30_000 {
        let text = arbitrary(&mut random);
        let mut previous_end = 0;
        for found in find_dates(&text) {
            assert!(
                text.is_char_boundary(found.start) && text.is_char_boundary(found.end),
                "{text:?}"
            );
            assert_eq!(
                text.get(found.start..found.end),
                Some(found.text.as_str()),
                "{text:?}"
            );
            assert!(
                found.start >= previous_end && found.start < found.end,
                "{text:?}"
            );
            assert!(!found.text.contains('\n'), "{text:?}: a date across lines");
            previous_end = found.end;
            let date = found.date;
            assert!(
                PartialDate::new(date.year, date.month, date.day).is_some(),
                "{text:?}"
            );
            if let Some(year) = date.year {
                assert!(YEARS.contains(&year));
                assert!(date.complete().is_some());
            }
        }
        if let Some((_, rest)) = date_prefix(&text) {
            assert!(text.contains(&rest), "{text:?}");
        }
        if let Some(line) = dateline(&text) {
            assert!(
                text.contains(&line.text) && text.contains(&line.place),
                "{text:?}"
            );
            // Nothing is lost: the rest is exactly what follows the dateline.
            let after = &text[text.find(&line.text).unwrap() + line.text.len()..];
            assert_eq!(after.trim_matches(is_space), line.rest, "{text:?}");
        }
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut random = Rng(42);
    for _ in 0..5_000 {
        let bytes: Vec<u8> = (0..random.below(64)).map(|_| random.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        let _ = find_dates(&text);
        let _ = date_prefix(&text);
        let _ = dateline(&text);
    }
}
