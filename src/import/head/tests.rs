use super::page_date::date_line;
use super::*;

fn lines(text: &str) -> Vec<(usize, String)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

fn headline_of(text: &str) -> Option<(String, Sureness)> {
    read(lines(text), None).headline.map(|h| (h.text, h.sure))
}

const LEAD: &str = "Душанбеде Қазақстан мен Тәжікстан сыртқы істер министрлерінің кездесуі өтті, деп хабарлайды BAQ.KZ.";

#[test]
fn chrome_above_the_headline_is_never_the_headline() {
    let title = "Қазақстан мен Тәжікстан стратегиялық әріптестікті тереңдетеді";
    for chrome in [
        "27.9 C\nDushanbe",
        "16:54 22/08/2024",
        "среда, 18 февраля 2026",
        "Chinese\nTurkish\nЎзбек\nEnglish",
        "Kazinform branding logo app",
        "Политика",
        "• RUB:\n    5.04\n  • USD:\n    490.84",
        "+7 °C\nАлматы\n2026 Год\n20 Марта",
        "#Халық заңгері\n#Қазақстан мақтанышы\nЛоготип Новости спорта Спорт жаңалықтары\n-15°\n$\n512.16",
        "Басты жаңалықЖаңалықтар",
        "Placeholder\nLiter.kz",
        "Сенат Бүгін, 16:37",
        "Жаңалықтарға өту\nСенат Бүгін, 16:37",
        "Ақпараттық портал «Мысал». Орталық Азия жаңалықтары: Қазақстан, Қырғызстан, Өзбекстан, Тәжікстан\nБізге жазыңыз",
        "Барлық жаңалықтарға өту\nСенат Бүгін, 16:37",
    ] {
        let text = format!("{chrome}\n\n{title}\n\n{LEAD}");
        let head = read(lines(&text), None);
        let found = head.headline.as_ref().map(|h| h.text.as_str());
        assert_eq!(found, Some(title), "{chrome:?}");
        let kept: Vec<&str> = head.lines.iter().map(|(_, l)| l.as_str()).collect();
        assert!(
            kept.iter().all(|l| l.trim().is_empty() || *l == LEAD),
            "{chrome:?}: kept {kept:?}"
        );
    }
}

#[test]
fn a_badge_is_not_part_of_the_headline() {
    let text = format!("Казахстан и Таджикистан подписали соглашение Новость дня\n{LEAD}");
    assert_eq!(
        headline_of(&text).map(|h| h.0),
        Some("Казахстан и Таджикистан подписали соглашение".to_string())
    );
    // "на видео" is the headline's own words.
    let text = format!("Встречу президентов показали на видео\n{LEAD}");
    assert_eq!(
        headline_of(&text).map(|h| h.0),
        Some("Встречу президентов показали на видео".to_string())
    );
}

#[test]
fn the_page_date_is_read_and_dropped() {
    let text = format!(
        "В Душанбе установят бюст казахскому поэту Абаю\n\nАвгуст 20, 2024 09:23\n\n{LEAD}"
    );
    let head = read(lines(&text), None);
    assert_eq!(head.page_dates.len(), 1);
    assert_eq!(head.page_dates[0].date.to_string(), "2024-08-20");
    assert!(head.page_dates[0].with_time);
    assert_eq!(head.removed[0].reason, PAGE_DATE);
    for (line, date) in [
        ("Қазақстан жаңалықтары21 тамыз 2024, 12:34", "2024-08-21"),
        ("Апрел 22, 2024 17:55 Asia/Dushanbe", "2024-04-22"),
        ("  • 22 Апреля 2024", "2024-04-22"),
        ("20 Мая 2021, 16:52", "2021-05-20"),
        ("24.09.2021 02:19", "2021-09-24"),
        ("16:54 22/08/2024", "2024-08-22"),
    ] {
        match date_line(strip_bullet(line.trim())) {
            Some(Kind::Date(d)) => assert_eq!(d.date.to_string(), date, "{line}"),
            other => panic!("{line}: {other:?}"),
        }
    }
    // A sentence with a date is no date line.
    assert_eq!(
        date_line(
            "2024 жылғы 20 сәуір күні Тәжікстан Республикасынан гуманитарлық көмек келген болатын."
        ),
        None
    );
}

#[test]
fn a_text_that_opens_with_its_lead_has_no_headline() {
    assert_eq!(headline_of(LEAD), None);
    let dateline = "ДУШАНБЕ, 22 авг – Sputnik. Дар ин бора дар Форуми тиҷоратӣ иттилоъ дода шуд.";
    assert_eq!(headline_of(dateline), None);
    assert_eq!(headline_of(&format!("0\n{LEAD}")), None);
}

#[test]
fn a_repeated_headline_is_the_headline() {
    let text = "3500 тонн гуманитарной помощи из Таджикистана получил Казахстан - Караван\n  • $ 482.33\nАлматы\n3500 тонн гуманитарной помощи из Таджикистана получил Казахстан\n\n3500 тонн гуманитарной помощи из Таджикистана получил Казахстан\n\nГруз прибыл на железнодорожную станцию «Сарыагаш».\n\n61 вагон гуманитарной помощи прибыл населению Казахстана из Таджикистана, передает Caravan.kz.";
    let head = read(lines(text), None);
    let headline = head.headline.expect("a headline");
    assert_eq!(
        headline.text,
        "3500 тонн гуманитарной помощи из Таджикистана получил Казахстан"
    );
    let kept: Vec<&str> = head
        .lines
        .iter()
        .map(|(_, l)| l.as_str())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        kept,
        [
            "Груз прибыл на железнодорожную станцию «Сарыагаш».",
            "61 вагон гуманитарной помощи прибыл населению Казахстана из Таджикистана, передает Caravan.kz."
        ]
    );
}

#[test]
fn a_short_headline_over_its_subtitle() {
    let text = format!(
        "Штрихи к историческому визиту\nАстана и Душанбе приняли Декларацию о союзническом взаимодействии\n{LEAD}"
    );
    let head = read(lines(&text), None);
    assert_eq!(
        head.headline.map(|h| h.text).as_deref(),
        Some("Штрихи к историческому визиту")
    );
    assert_eq!(
        head.lines[0].1,
        "Астана и Душанбе приняли Декларацию о союзническом взаимодействии"
    );
}

#[test]
fn the_headline_is_in_the_texts_script() {
    let text =
        format!("Latest news from Central Asia\n\nҚазақстан мен Тәжікстан кездесті бүгін\n{LEAD}");
    assert_eq!(
        headline_of(&text).map(|h| h.0),
        Some("Қазақстан мен Тәжікстан кездесті бүгін".to_string())
    );
}

#[test]
fn the_address_can_say_the_line_is_no_headline() {
    let url = PageUrl::parse(
        "https://www.kt.kz/rus/state/v_astane_obsudili_voprosy_ekonomicheskogo_sotrudnichestva_1377980887.html",
    );
    let text = format!("20-е заседание состоится в 2026 году в Таджикистане\n\n{LEAD}");
    let head = read(lines(&text), url.as_ref());
    assert_eq!(head.headline.map(|h| h.sure), Some(Sureness::Check));
    let url = PageUrl::parse(
        "https://baq.kz/qazaqstan-men-tazhikstan-yntymaqtastygy-zhana-kezenge-otedi-320017898/",
    );
    let text = format!("Қазақстан мен Тәжікстан ынтымақтастығы жаңа кезеңге өтеді\n\n{LEAD}");
    let head = read(lines(&text), url.as_ref());
    assert_eq!(head.headline.map(|h| h.sure), Some(Sureness::Certain));
}
