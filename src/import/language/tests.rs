use super::model::{candidates, posterior};
use super::tokens::tokenize;
use super::units::Sample;
use super::*;

const SEEDS: [(&str, &str, &str); 5] = [
    (
        "000",
        "tg",
        include_str!("../../../tests/fixtures/raw/000_c2971f3114f27f7e.txt"),
    ),
    (
        "001",
        "tg",
        include_str!("../../../tests/fixtures/raw/001_14a85814d9623422.txt"),
    ),
    (
        "002",
        "uz",
        include_str!("../../../tests/fixtures/raw/002_4ac4f6e0ac4e3caa.txt"),
    ),
    (
        "003",
        "kk",
        include_str!("../../../tests/fixtures/raw/003_66e8fa6394fbc704.txt"),
    ),
    (
        "004",
        "kk",
        include_str!("../../../tests/fixtures/raw/004_fdb75db5e4a0ae0c.txt"),
    ),
];

#[test]
fn the_five_seeds() {
    for (name, lang, text) in SEEDS {
        let d = detect(text);
        println!(
            "{name}: {:?} {:.3} {:?}\n  {:#?}",
            d.lang, d.confidence, d.scores, d.evidence
        );
        assert_eq!(d.lang, Some(lang), "{name}: {d:#?}");
        assert_eq!(d.script, Script::Cyrillic, "{name}");
        assert!(d.confidence >= 0.8, "{name}: {d:#?}");
    }
}

/// What a hard case must come out as.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// This language, at least this confident.
    Lang(&'static str, f32),
    /// Not one of the archive's languages, or not confident enough to say.
    Unknown,
    /// Two languages in one text: well below the confidence of either alone, and said so.
    Mixed,
}

// Texts written for these tests, in the register of agency news.

/// Kazakh with about a third of the usual density of Kazakh letters.
const KK_FEW_SPECIAL: &str = "Министр Душанбеге сапармен барды. Сапар барысында тараптар энергетика, транспорт және су ресурстары салаларындағы жобаларды талқылады. Министр жаңа жобалар екі елге де пайдалы болады деп мәлімдеді. Сонымен бірге делегация Душанбедегі жаңа зауыттың жұмысымен танысты. Министрлер келесі жылы Астанада кездесуге келісті. Бұл туралы министрлік баспасөз қызметі хабарлады.";

/// Kazakh typed without a Kazakh layout: Latin i for і, Russian letters for the rest.
const KK_RUSSIAN_LAYOUT: &str = "Казакстан Республикасынын Сыртки iстер министрi Тажiкстан Республикасынын Сыртки iстер министрiмен кездестi. Тараптар екi ел арасындагы саяси, экономикалык жане мадени-гуманитарлык ынтымактастыктын негiзгi багыттарын талкылады. Кездесу барысында министрлер су-энергетика жане колiк салаларындагы бiрлескен жобаларды iске асыру масселесiне ерекше назар аударды. Бул туралы министрлiктiн баспасоз кызметi хабарлады.";

/// Kazakh quoting a Tajik name and title with ӣ and ҷ.
const KK_QUOTING_TG: &str = "Қазақстан Парламенті Сенатының төрағасы Маулен Әшімбаев Тәжікстан Парламенті Маҷлиси миллӣ төрағасы Рустами Эмомалӣмен кездесті. Кездесу барысында тараптар парламентаралық ынтымақтастықты дамыту мәселелерін талқылады. Рустами Эмомалӣ екі ел арасындағы достық қарым-қатынастың тарихи тамыры терең екенін атап өтті. Сенат төрағасы Қазақстан Тәжікстанмен сауда-экономикалық байланыстарды кеңейтуге мүдделі екенін айтты. Сонымен қатар тараптар су-энергетика саласындағы бірлескен жобаларды іске асыру жөнінде пікір алмасты.";

/// Tajik quoting a Kazakh name, a Kazakh newspaper and a Kazakh sentence.
const TG_QUOTING_KK: &str = "Президенти Ҷумҳурии Тоҷикистон Эмомалӣ Раҳмон бо Президенти Ҷумҳурии Қазоқистон Қасым-Жомарт Тоқаев тавассути телефон суҳбат намуд. Тарафҳо ҷараёни амалисозии созишномаҳоеро, ки дар сафари давлатӣ ба Душанбе ба имзо расида буданд, баррасӣ карданд. Ба гуфтаи Қасым-Жомарт Тоқаев, «Тәжікстан – біздің сенімді серіктесіміз». Рӯзномаи «Егемен Қазақстан» менависад, ки гардиши мол миёни ду кишвар дар соли гузашта аз як миллиард доллар зиёд шудааст. Ҳамчунин масъалаҳои омодагӣ ба ҷаласаи навбатии Шӯрои олии байнидавлатӣ муҳокима гардиданд.";

/// Tajik, to be told from Uzbek Cyrillic (both have қ ғ ҳ).
const TG_CYR: &str = "Дар шаҳри Душанбе ҷаласаи навбатии Комиссияи байниҳукуматии ҳамкории иқтисодии Тоҷикистону Ӯзбекистон баргузор гардид. Ҷонибҳо рушди савдо, нақлиёт ва энергетикаро баррасӣ намуда, қайд карданд, ки ҳаҷми гардиши мол дар нимсолаи аввал зиёда аз 20 фоиз афзоиш ёфтааст. Ҳамчунин масъалаҳои истифодаи оқилонаи захираҳои об ва ҳифзи муҳити зист мавриди муҳокима қарор гирифтанд. Дар анҷоми ҷаласа як қатор ҳуҷҷатҳо ба имзо расиданд, ки ба таҳкими ҳамкориҳои дуҷониба мусоидат хоҳанд кард.";

/// Tajik typed without Tajik letters (и for ӣ, у for ӯ, ч for ҷ, х for ҳ, к for қ, г for ғ).
const TG_NO_SPECIAL: &str = "Дар шахри Душанбе чаласаи навбатии Комиссияи байнихукуматии хамкории иктисодии Точикистону Узбекистон баргузор гардид. Чонибхо рушди савдо, наклиёт ва энергетикаро барраси намуда, кайд карданд, ки хачми гардиши мол дар нимсолаи аввал зиёда аз 20 фоиз афзоиш ёфтааст. Хамчунин масъалахои истифодаи окилонаи захирахои об ва хифзи мухити зист мавриди мухокима карор гирифтанд. Дар анчоми чаласа як катор хуччатхо ба имзо расиданд, ки ба тахкими хамкорихои дучониба мусоидат хоханд кард.";

/// Uzbek Cyrillic, to be told from Tajik.
const UZ_CYR: &str = "Ўзбекистон Республикаси Президенти Шавкат Мирзиёев Тожикистон Президенти Эмомали Раҳмон билан телефон орқали мулоқот қилди. Суҳбат давомида икки мамлакат ўртасидаги стратегик шериклик ва иттифоқчилик муносабатларини янада мустаҳкамлаш масалалари муҳокама қилинди. Томонлар савдо-иқтисодий, транспорт-логистика ва энергетика соҳаларидаги қўшма лойиҳаларни амалга ошириш бўйича келишувлар ижросини кўриб чиқди. Давлат раҳбарлари яқин кунларда бўлиб ўтадиган олий даражадаги учрашувга тайёргарлик масалаларига ҳам алоҳида эътибор қаратди. Бу ҳақда Президент матбуот хизмати хабар берди.";

/// Uzbek Latin with ' instead of ʻ.
const UZ_LAT_APOSTROPHE: &str = "O'zbekiston Respublikasi Tashqi ishlar vaziri Baxtiyor Saidov Tojikiston Tashqi ishlar vaziri Sirojiddin Muhriddin bilan uchrashdi. Muloqot chog'ida ikki davlat o'rtasidagi strategik sheriklik va ittifoqchilik munosabatlarini yanada rivojlantirish masalalari muhokama qilindi. Tomonlar savdo-iqtisodiy, transport-logistika va gidroenergetika sohalaridagi qo'shma loyihalarni amalga oshirish bo'yicha kelishuvlar ijrosini ko'rib chiqdi. Shuningdek, yaqin kunlarda bo'lib o'tadigan oliy darajadagi uchrashuvga tayyorgarlik masalalariga ham alohida e'tibor qaratildi. Bu haqda vazirlik matbuot xizmati xabar berdi.";

/// Uzbek Latin with ʻ, ‘ and ’ mixed, as pasted from different sources.
const UZ_LAT_MIXED_SIGNS: &str = "Oʻzbekiston va Qozogʻiston oʻrtasidagi tovar ayirboshlash hajmi joriy yilning birinchi yarmida 2 milliard dollardan oshdi. Bu haqda Statistika agentligi ma’lumot berdi. Agentlik ma’lumotlariga ko‘ra, eksport tarkibida qishloq xo‘jaligi mahsulotlari va to‘qimachilik tovarlari asosiy o‘rinni egallaydi. Shuningdek, ikki mamlakat chegarasida yangi savdo markazi qurilishi rejalashtirilgan.";

const RU_NEWS: &str = "Президент Казахстана Касым-Жомарт Токаев и президент Таджикистана Эмомали Рахмон провели телефонный разговор. Главы государств обсудили ход реализации договорённостей, достигнутых в ходе государственного визита в Душанбе, а также подготовку к очередному заседанию Высшего межгосударственного совета. Особое внимание было уделено вопросам торгово-экономического сотрудничества, водно-энергетической сферы и транспортной логистики. По словам сторон, товарооборот между странами по итогам прошлого года превысил 1,2 миллиарда долларов. Об этом сообщает пресс-служба Акорды.";

/// Russian that writes Kazakh names with Kazakh letters, as some Kazakhstani outlets do.
const RU_WITH_KK_NAMES: &str = "Председатель Мәжіліса Ерлан Қошанов встретился с председателем Маджлиси милли Маджлиси Оли Таджикистана Рустами Эмомали. Стороны обсудили развитие межпарламентского сотрудничества и обмен опытом в сфере законотворчества. Қошанов отметил, что отношения двух стран достигли уровня союзничества. По его словам, парламенты должны создать прочную правовую базу для реализации договорённостей, достигнутых главами государств.";

const KY_NEWS: &str = "Кыргыз Республикасынын Президенти Садыр Жапаров Казакстандын Президенти Касым-Жомарт Токаев менен телефон аркылуу сүйлөштү. Маектешүүдө эки өлкөнүн ортосундагы стратегиялык өнөктөштүк жана союздаштык мамилелерди андан ары чыңдоо маселелери талкууланды. Тараптар соода-экономикалык, транспорттук-логистикалык жана энергетикалык тармактардагы биргелешкен долбоорлорду ишке ашыруу боюнча макулдашуулардын аткарылышын карап чыгышты. Мамлекет башчылары жакынкы күндөрү боло турган жогорку деңгээлдеги жолугушууга даярдык көрүү маселелерине да өзгөчө көңүл бурушту. Бул тууралуу Президенттин басма сөз кызматы билдирди.";

/// Tatar shares ә ө ү ң һ with Kazakh.
const TT_NEWS: &str = "Татарстан Республикасы Президенты Рөстәм Миңнеханов Казакъстан делегациясе белән очрашты. Очрашуда якларның сәүдә-икътисадый хезмәттәшлеген үстерү мәсьәләләре каралды. Президент сүзләренчә, ике ил арасындагы товар әйләнеше соңгы елларда шактый артты. Шулай ук мәдәният һәм мәгариф өлкәсендә уртак проектлар турында да сөйләштеләр.";

/// Ukrainian shares most function words with Russian and і with Kazakh.
const UK_NEWS: &str = "Президент України провів телефонну розмову з президентом Казахстану. Сторони обговорили розвиток торговельно-економічного співробітництва та питання енергетичної безпеки. За словами глави держави, товарообіг між країнами минулого року зріс на п'ятнадцять відсотків. Також президенти домовилися про підготовку нової міжурядової угоди.";

/// Bulgarian shares most function words with Russian.
const BG_NEWS: &str = "Президентът на България проведе телефонен разговор с президента на Казахстан. Двамата обсъдиха развитието на търговско-икономическото сътрудничество и въпросите на енергийната сигурност. По думите на държавния глава, стокообменът между двете страни е нараснал с петнадесет процента през миналата година. Президентите се договориха да подготвят ново междуправителствено споразумение.";

/// Belarusian has ў like Uzbek and і like Kazakh, and is no candidate.
const BE_NEWS: &str = "Прэзідэнт Беларусі правёў тэлефонную размову з прэзідэнтам Казахстана. Бакі абмеркавалі развіццё гандлёва-эканамічнага супрацоўніцтва і пытанні энергетычнай бяспекі. Па словах кіраўніка дзяржавы, тавараабарот паміж краінамі ў мінулым годзе вырас на пятнаццаць працэнтаў. Таксама прэзідэнты дамовіліся пра падрыхтоўку новага міжурадавага пагаднення.";

const EN_NEWS: &str = "President of Kazakhstan Kassym-Jomart Tokayev held a phone conversation with President of Tajikistan Emomali Rahmon. The leaders discussed the implementation of agreements reached during the state visit to Dushanbe and preparations for the next meeting of the Supreme Interstate Council. Particular attention was paid to trade and economic cooperation, water and energy issues, and transport logistics. According to the press service, trade between the two countries exceeded 1.2 billion dollars last year.";

const TR_NEWS: &str = "Kazakistan Cumhurbaşkanı Kasım Cömert Tokayev, Tacikistan Cumhurbaşkanı İmamali Rahman ile telefonda görüştü. Görüşmede iki ülke arasındaki stratejik ortaklığın geliştirilmesi, ticari ve ekonomik işbirliği ile enerji ve ulaştırma alanlarındaki ortak projeler ele alındı. Liderler, yakın zamanda gerçekleştirilecek zirve toplantısına yönelik hazırlıkları da değerlendirdi.";

const LOREM: &str = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur.";

const LATIN_GARBAGE: &str = "xqzv bnrtk plmqwz vvxq hjkrt zzqpl mnbvc xwqrt lkjhg fdsaq wertz uiopq asdfg hjklz xcvbn qwert yuiop zxcvq mnbqw rtzup qoxzv jkwrt bvcxz";

const CYRILLIC_GARBAGE: &str = "жщзфх цкнгш щзхъ фывап ролдж эячсм итьбю йцукен гшщзхъ ждлорп авыфя чсмит ьбюжэ хъзщш гнекуц йфяч ывсам ипрто лдж щзхъ фыва";

/// Kazakh with Latin look-alikes: Latin i for і throughout, "Pеспубликасы" with a Latin P, and
/// a dateline "ASTANА" with a Cyrillic А.
const KK_LOOKALIKES: &str = "ASTANА. Kazinform – Қазақстан Pеспубликасы Сыртқы iстер министрi Ермек Көшербаев Тәжiкстан Pеспубликасы Сыртқы iстер министрi Сироджиддин Мухриддинмен кездестi. Тараптар екi ел арасындағы ынтымақтастықтың барлық бағыттарын талқылады. Кездесу барысында министрлер су-энергетика, көлiк және логистика салаларындағы бiрлескен жобаларды iске асыру мәселелерiне ерекше назар аударды.";

/// Russian with Latin a, o, e, p, c, x inside Cyrillic words.
const RU_LOOKALIKES: &str = "Пpезидент Кaзaхстaнa и пpезидент Тaджикистaнa обсудили paзвитие сотpудничествa в сфеpе энеpгетики. Pеспублика Кaзaхстaн готовa увеличить поставки зеpнa, a Pеспублика Тaджикистaн – экспоpт электpоэнеpгии. Стоpоны тaкже договоpились о создaнии совместной paбочей гpуппы по вопpосaм тpaнспоpтa и логистики.";

const KK_ONE_LINE: &str = "Қазақстан мен Тәжікстан саяси диалогты нығайтады";
const RU_ONE_LINE: &str = "Токаев и Рахмон обсудили сотрудничество";

fn mixed_kk_ru() -> String {
    format!("{KK_QUOTING_TG}\n\n{RU_NEWS}")
}

/// A Kazakh article as copied from a page whose chrome is in Russian.
fn kk_with_russian_furniture() -> String {
    format!(
        "Главная / Новости / Политика\nПоделиться\nFacebook Twitter Telegram WhatsApp\nПросмотров: 1 234\nКомментарии (0)\n\n{KK_FEW_SPECIAL}\n\nЧитайте также:\nТокаев и Рахмон обсудили водные вопросы\nВ Душанбе прошёл бизнес-форум\n\nПодписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости.\nМы используем файлы cookie, чтобы сайт работал лучше. Продолжая пользоваться сайтом, вы соглашаетесь с этим.\nПринять\n© 2025 Все права защищены. При использовании материалов ссылка на сайт обязательна.\nerror:"
    )
}

fn hard_cases() -> Vec<(&'static str, String, Expect)> {
    use Expect::*;
    vec![
        (
            "kk: few Kazakh letters",
            KK_FEW_SPECIAL.into(),
            Lang("kk", 0.8),
        ),
        (
            "kk: typed on a Russian layout",
            KK_RUSSIAN_LAYOUT.into(),
            Lang("kk", 0.5),
        ),
        (
            "kk: quotes a Tajik name (ӣ ҷ)",
            KK_QUOTING_TG.into(),
            Lang("kk", 0.8),
        ),
        (
            "kk: Latin look-alikes",
            KK_LOOKALIKES.into(),
            Lang("kk", 0.8),
        ),
        (
            "kk: Russian page furniture",
            kk_with_russian_furniture(),
            Lang("kk", 0.8),
        ),
        (
            "tg: quotes Kazakh names and a sentence",
            TG_QUOTING_KK.into(),
            Lang("tg", 0.8),
        ),
        (
            "tg: vs Uzbek (қ ғ ҳ shared)",
            TG_CYR.into(),
            Lang("tg", 0.8),
        ),
        (
            "tg: typed without Tajik letters",
            TG_NO_SPECIAL.into(),
            Lang("tg", 0.5),
        ),
        ("uz: Cyrillic vs Tajik", UZ_CYR.into(), Lang("uz", 0.8)),
        (
            "uz: Latin with ' for ʻ",
            UZ_LAT_APOSTROPHE.into(),
            Lang("uz", 0.8),
        ),
        (
            "uz: Latin with ʻ ‘ ’ mixed",
            UZ_LAT_MIXED_SIGNS.into(),
            Lang("uz", 0.8),
        ),
        ("ru: news", RU_NEWS.into(), Lang("ru", 0.8)),
        (
            "ru: Kazakh names in Kazakh letters",
            RU_WITH_KK_NAMES.into(),
            Lang("ru", 0.8),
        ),
        (
            "ru: Latin look-alikes",
            RU_LOOKALIKES.into(),
            Lang("ru", 0.8),
        ),
        ("ky: Kyrgyz news", KY_NEWS.into(), Unknown),
        ("tt: Tatar news", TT_NEWS.into(), Unknown),
        ("uk: Ukrainian news", UK_NEWS.into(), Unknown),
        ("bg: Bulgarian news", BG_NEWS.into(), Unknown),
        ("be: Belarusian news", BE_NEWS.into(), Unknown),
        ("en: English news", EN_NEWS.into(), Unknown),
        ("tr: Turkish news", TR_NEWS.into(), Unknown),
        ("Latin: lorem ipsum", LOREM.into(), Unknown),
        ("Latin: consonant garbage", LATIN_GARBAGE.into(), Unknown),
        ("Cyrillic: letter garbage", CYRILLIC_GARBAGE.into(), Unknown),
        ("kk + ru: half and half", mixed_kk_ru(), Mixed),
        ("kk: one line", KK_ONE_LINE.into(), Unknown),
        ("ru: one line", RU_ONE_LINE.into(), Unknown),
        ("empty", String::new(), Unknown),
        (
            "digits and punctuation",
            "12 345 — 2025, 14:32 (24) …".into(),
            Unknown,
        ),
    ]
}

#[test]
fn hard_cases_table() {
    let mut failures = Vec::new();
    println!("| case | expected | lang | confidence | scores |");
    println!("|---|---|---|---|---|");
    for (name, text, expect) in hard_cases() {
        let d = detect(&text);
        let ok = match expect {
            Expect::Lang(code, min) => d.lang == Some(code) && d.confidence >= min,
            Expect::Unknown => d.lang.is_none() && d.confidence < MIN_CONFIDENCE,
            Expect::Mixed => {
                d.confidence < 0.7 && d.evidence.iter().any(|e| e.starts_with("mixed"))
            }
        };
        let expected = match expect {
            Expect::Lang(code, min) => format!("{code} ≥ {min}"),
            Expect::Unknown => "unknown".to_string(),
            Expect::Mixed => "< 0.7, \"mixed\"".to_string(),
        };
        let scores = d
            .scores
            .iter()
            .take(3)
            .map(|(c, s)| format!("{c} {s:.2}"))
            .collect::<Vec<_>>()
            .join(", ");
        println!(
            "| {name} | {expected} | {} | {:.2} | {scores} |{}",
            d.lang.unwrap_or("—"),
            d.confidence,
            if ok { "" } else { " FAIL" }
        );
        if !ok {
            failures.push(format!("{name}: {d:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn evidence_names_letters_words_and_quoted_names() {
    let d = detect(SEEDS[3].2);
    assert!(d.evidence[0].starts_with("letters і×"), "{:?}", d.evidence);
    assert!(
        d.evidence[1].starts_with("words: және×"),
        "{:?}",
        d.evidence
    );
    assert!(
        d.evidence
            .contains(&"no ӣ ӯ ҷ (Tajik) or ў (Uzbek)".to_string()),
        "{:?}",
        d.evidence
    );

    // The Tajik letters in a Kazakh text are traced to the words that carry them.
    let d = detect(KK_QUOTING_TG);
    assert!(
        d.evidence
            .iter()
            .any(|e| e.contains("(Tajik) in") && e.contains("«Эмомалӣмен»")),
        "{:?}",
        d.evidence
    );
    let d = detect(KY_NEWS);
    assert!(
        d.evidence[0].starts_with("reads as Kyrgyz (ky"),
        "{:?}",
        d.evidence
    );
    assert!(
        d.evidence
            .iter()
            .any(|e| e == "no ә і ұ (Kazakh) or ӣ ӯ ҷ (Tajik) or ў (Uzbek)"),
        "{:?}",
        d.evidence
    );

    let d = detect(KK_LOOKALIKES);
    assert!(
        d.evidence
            .iter()
            .any(|e| e.contains("look-alike") && e.contains("«Pеспубликасы»")),
        "{:?}",
        d.evidence
    );

    let d = detect(KK_ONE_LINE);
    assert!(d.evidence[0].starts_with("short text"), "{:?}", d.evidence);
}

#[test]
#[allow(
    clippy::float_cmp,
    reason = "the same text must give exactly the same confidence"
)]
fn furniture_does_not_sway_the_detection() {
    // The page chrome alone, read without stripping, is Russian…
    let chrome = kk_with_russian_furniture().replace(KK_FEW_SPECIAL, "");
    let sample = Sample::of(&tokenize(&chrome, Script::Cyrillic), Script::Cyrillic);
    let best = posterior(&candidates(Script::Cyrillic), &sample)[0].0;
    assert_eq!(PROFILES[best].code, "ru");
    // …but around a Kazakh article it changes nothing.
    let with = detect(&kk_with_russian_furniture());
    let without = detect(KK_FEW_SPECIAL);
    assert_eq!(with.lang, Some("kk"));
    assert_eq!(with.confidence, without.confidence);
    assert_eq!(with.scores, without.scores);
    assert!(
        with.evidence
            .iter()
            .any(|e| e.starts_with("ignored 13 furniture")),
        "{:?}",
        with.evidence
    );
    assert!(
        !with.evidence.iter().any(|e| e.starts_with("mixed")),
        "{:?}",
        with.evidence
    );
}

#[test]
fn decomposed_and_composed_letters_read_the_same() {
    // ӣ and ӯ typed as и, у plus a combining macron, ў as у plus a breve.
    let decomposed = TG_CYR.replace('ӣ', "и\u{304}").replace('ӯ', "у\u{304}");
    assert_eq!(detect(&decomposed).scores, detect(TG_CYR).scores);
    let decomposed = UZ_CYR.replace('ў', "у\u{306}");
    assert_eq!(detect(&decomposed).scores, detect(UZ_CYR).scores);
}

/// A small deterministic generator, so the property test needs no dependency and fails the
use crate::import::testing::Rng;

fn check_invariants(text: &str) {
    let d = detect(text);
    assert!((0.0..=1.0).contains(&d.confidence), "{text:?}: {d:?}");
    assert_eq!(
        d.lang.is_some(),
        d.confidence >= MIN_CONFIDENCE,
        "{text:?}: {d:?}"
    );
    if let Some(lang) = d.lang {
        assert!(["kk", "tg", "uz", "ru"].contains(&lang), "{text:?}: {d:?}");
        assert_eq!(d.scores[0].0, lang);
    }
    assert!(!d.scores.is_empty() && !d.evidence.is_empty());
    assert!(d.scores.windows(2).all(|w| w[0].1 >= w[1].1), "{d:?}");
    let sum: f32 = d.scores.iter().map(|s| s.1).sum();
    assert!((sum - 1.0).abs() < 0.01, "{sum}: {d:?}");
}

#[test]
fn arbitrary_text_never_panics() {
    const PIECES: &[&str] = &[
        "ә",
        "і",
        "ӣ",
        "ҷ",
        "ў",
        "oʻ",
        "g'",
        "'",
        "’",
        "ʻ",
        "-",
        "\u{304}",
        "\u{306}",
        "\u{301}",
        "и",
        "у",
        "A",
        "Р",
        "p",
        "a",
        "ASTANА",
        "Pеспублика",
        "және",
        "ва",
        "дар",
        "билан",
        "и",
        "va",
        "the",
        "С.",
        "www.kz",
        "https://a.b/c",
        "@",
        ".",
        "!",
        " ",
        "\n",
        "\n\n",
        "\t",
        "error:",
        "Поделиться",
        "©",
        "😀",
        "İ",
        "ß",
        "ǅ",
        "\u{0}",
        "\u{FEFF}",
        "12:30",
    ];
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..rng.below(60) {
            if rng.below(4) == 0 {
                if let Some(c) = char::from_u32(rng.next() as u32 % 0x11_0000) {
                    text.push(c);
                }
            } else {
                text.push_str(PIECES[rng.below(PIECES.len())]);
            }
        }
        check_invariants(&text);
    }
    for _ in 0..1000 {
        let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
        check_invariants(&String::from_utf8_lossy(&bytes));
    }
    for (_, text, _) in hard_cases() {
        check_invariants(&text);
    }
}
