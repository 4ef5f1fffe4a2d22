//! What the address of the page a text was copied from tells (`dostyk import --url`): the
//! outlet, by its host, and often the date, which news sites put in their paths
//! (`/2024/06/03/`, `/20260312/`, `/2024-08-22-…`).

use super::outlets;
use regex::Regex;
use std::sync::LazyLock;

/// A page address, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageUrl {
    /// As given.
    pub url: String,
    /// Lower case, without `www.` and port.
    pub host: String,
    /// The path, without query and fragment.
    path: String,
    /// The words of the path's slug (see [`PageUrl::slug_words`]).
    slug: String,
}

/// A date as a page address gives it: the year, and the month and day when it has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlDate {
    /// Four digits, 1990 to 2100.
    pub year: u16,
    /// 1 to 12, when the path gives one.
    pub month: Option<u8>,
    /// Only with a month, and a day that month has: `/2024/08/slug` gives none.
    pub day: Option<u8>,
}

impl PageUrl {
    /// `None` when `text` is not an `http(s)://host/…` address.
    pub fn parse(text: &str) -> Option<PageUrl> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        let rest_at = ["https://", "http://"]
            .iter()
            .find(|scheme| lower.starts_with(*scheme))?
            .len();
        let rest = &text[rest_at..];
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..end];
        // user:password@host:port
        let host = authority.rsplit('@').next()?.split(':').next()?;
        // `baigenews.kz.` is the same host, written as a fully qualified name.
        let host = host.to_lowercase();
        let host = host.strip_suffix('.').unwrap_or(&host);
        let host = host.strip_prefix("www.").unwrap_or(host).to_string();
        let valid = host.contains('.')
            && !host.starts_with('.')
            && !host.ends_with('.')
            && host
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'));
        if !valid || text.chars().any(char::is_whitespace) {
            return None;
        }
        let path = &rest[end..];
        let path = path.split(['?', '#']).next().unwrap_or("").to_string();
        Some(PageUrl {
            url: text.to_string(),
            host,
            slug: slug_of(&path),
            path,
        })
    }

    /// The outlet of the page as texts in `lang` name it, if its host is a known outlet's.
    pub fn outlet(&self, lang: Option<&str>) -> Option<&'static str> {
        outlets::by_host(&self.host, lang)
    }

    /// The date in the page's path, if it has one.
    pub fn date(&self) -> Option<UrlDate> {
        date_in_path(&self.path)
    }

    /// The words of the page's slug, the title as the site wrote it into the address
    /// (`v_astane_obsudili_voprosy_…_1377980887.html` → `v astane obsudili voprosy …`); empty when
    /// the address has no slug of three words or more.
    pub fn slug_words(&self) -> &str {
        &self.slug
    }

    /// How much of the address's slug a headline accounts for, 0..=1: the share of the slug's
    /// words that begin like a word of the headline in Latin. `None` when the address has no slug.
    pub fn slug_agreement(&self, headline: &str) -> Option<f32> {
        let slug: Vec<String> = self
            .slug
            .split(' ')
            .filter(|w| w.len() >= 3)
            .map(skeleton)
            .collect();
        if slug.len() < 3 {
            return None;
        }
        let title: Vec<String> = headline
            .split_whitespace()
            .map(|w| skeleton(&crate::slug::transliterate_word(w, None)))
            .filter(|w| !w.is_empty())
            .collect();
        let prefix = |w: &str| w.chars().take(4).collect::<String>();
        let matched = slug
            .iter()
            .filter(|s| title.iter().any(|t| prefix(t) == prefix(s)))
            .count();
        Some(matched as f32 / slug.len() as f32)
    }
}

/// The slug of a path: its last segment with words (or the one before, when the last is an
/// identifier), split into words, identifiers left out.
fn slug_of(path: &str) -> String {
    let segments = path.split('/').filter(|s| !s.is_empty());
    for segment in segments.rev() {
        let segment = percent_decoded(segment);
        let stem = segment
            .rsplit_once('.')
            .filter(|(_, ext)| matches!(*ext, "html" | "htm" | "php" | "aspx" | "shtml"))
            .map_or(segment.as_str(), |(stem, _)| stem);
        let words: Vec<String> = stem
            .split(['-', '_', '+', '.', ','])
            .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
            .map(|w| crate::slug::transliterate_word(w, None))
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() >= 3 {
            return words.join(" ");
        }
    }
    String::new()
}

/// `%D0%9A…` as the letters it encodes; an address that is not valid UTF-8 stays as written.
fn percent_decoded(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = segment.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| segment.to_string())
}

/// A Latin word reduced so that sites' transliterations meet ours: `tazhikstan` / `tajikstan`,
/// `yntymaqtastygy` / `yntymaqtastyghy`, `khovar` / `hovar`.
fn skeleton(word: &str) -> String {
    let mut s = word.to_ascii_lowercase();
    for (from, to) in [
        ("kh", "h"),
        ("zh", "j"),
        ("dzh", "j"),
        ("gh", "g"),
        ("sh", "s"),
        ("ch", "c"),
        ("ts", "c"),
        ("yo", "e"),
        ("ye", "e"),
        ("ya", "a"),
        ("yu", "u"),
        ("ng", "n"),
    ] {
        s = s.replace(from, to);
    }
    s.chars()
        .map(|c| match c {
            'q' => 'k',
            'x' => 'h',
            'w' => 'v',
            'y' => 'i',
            c => c,
        })
        .collect()
}

fn date_in_path(path: &str) -> Option<UrlDate> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])(?:[^0-9]|$)")
            .expect("a valid pattern")
    });
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| -> Option<u16> {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = |y: u16| (1990..=2100).contains(&y).then_some(y);
    let month = |m: u16| u8::try_from(m).ok().filter(|m| (1..=12).contains(m));
    let day = |d: u16| u8::try_from(d).ok().filter(|d| (1..=31).contains(d));
    let valid = |y: u16, m: u8, d: u8| crate::date::Date::new(y, m, d).is_some();

    // `/2024/06/03/` or `/2024/08/slug`.
    for (i, s) in segments.iter().enumerate() {
        let Some(y) = number(s, 4..=4).and_then(year) else {
            continue;
        };
        let Some(m) = segments
            .get(i + 1)
            .and_then(|s| number(s, 1..=2))
            .and_then(month)
        else {
            continue;
        };
        let d = segments
            .get(i + 2)
            .and_then(|s| number(s, 1..=2))
            .and_then(day)
            .filter(|&d| valid(y, m, d));
        return Some(UrlDate {
            year: y,
            month: Some(m),
            day: d,
        });
    }
    // `/20260312/slug.html`: eight digits that open a segment.
    for s in &segments {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits != 8 {
            continue;
        }
        let (y, m, d) = (
            s[..4].parse::<u16>().ok().and_then(year),
            s[4..6].parse::<u16>().ok().and_then(month),
            s[6..8].parse::<u16>().ok().and_then(day),
        );
        if let (Some(y), Some(m), Some(d)) = (y, m, d)
            && valid(y, m, d)
        {
            return Some(UrlDate {
                year: y,
                month: Some(m),
                day: Some(d),
            });
        }
    }
    // `…/2024-08-22-slug` anywhere.
    let caps = ISO.captures(path)?;
    let y = caps[1].parse::<u16>().ok().and_then(year)?;
    let m = caps[2].parse::<u16>().ok().and_then(month)?;
    let d = caps[3].parse::<u16>().ok().and_then(day)?;
    valid(y, m, d).then_some(UrlDate {
        year: y,
        month: Some(m),
        day: Some(d),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(url: &str) -> Option<(u16, Option<u8>, Option<u8>)> {
        PageUrl::parse(url)
            .unwrap_or_else(|| panic!("{url}"))
            .date()
            .map(|d| (d.year, d.month, d.day))
    }

    #[test]
    fn addresses_are_checked_and_hosts_normalised() {
        let url = PageUrl::parse("https://WWW.Kaztag.kz:443/ru/news/x?utm=1#top").unwrap();
        assert_eq!(url.host, "kaztag.kz");
        assert_eq!(url.path, "/ru/news/x");
        assert_eq!(url.url, "https://WWW.Kaztag.kz:443/ru/news/x?utm=1#top");
        let url = PageUrl::parse("https://baigenews.kz./amp/news/x").unwrap();
        assert_eq!(url.host, "baigenews.kz");
        for bad in [
            "kaztag.kz/ru",
            "ftp://kaztag.kz/",
            "https://",
            "https://localhost/",
            "https://a b.kz/",
            "javascript:alert(1)",
            "https://kaztag.kz/a b",
            "",
        ] {
            assert_eq!(PageUrl::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_in_paths() {
        assert_eq!(
            date("https://tj.sputniknews.ru/20240822/forum-1234.html"),
            Some((2024, Some(8), Some(22)))
        );
        assert_eq!(
            date("https://kun.uz/news/2024/06/03/tojikiston"),
            Some((2024, Some(6), Some(3)))
        );
        assert_eq!(
            date("https://khovar.tj/rus/2024/08/v-dushanbe-ustanovyat-byust"),
            Some((2024, Some(8), None))
        );
        assert_eq!(
            date("https://example.kz/news/2025-10-02-energy-week"),
            Some((2025, Some(10), Some(2)))
        );
        // Identifiers are not dates.
        assert_eq!(
            date("https://www.kt.kz/rus/state/v_astane_1377980887.html"),
            None
        );
        assert_eq!(
            date("https://baq.kz/qazaqstan-men-tazhikstan-320017898/"),
            None
        );
        assert_eq!(date("https://x.kz/news/20241399/a"), None);
        assert_eq!(date("https://janalyq.kz/kk/news/16285"), None);
        // Not a calendar date: the day is left out, the month kept.
        assert_eq!(
            date("https://x.kz/2025/02/30/a"),
            Some((2025, Some(2), None))
        );
    }

    #[test]
    fn slugs_say_what_the_title_was() {
        let url = PageUrl::parse(
            "https://www.kt.kz/rus/state/v_astane_obsudili_voprosy_ekonomicheskogo_sotrudnichestva_1377980887.html",
        )
        .unwrap();
        assert_eq!(
            url.slug_words(),
            "v astane obsudili voprosy ekonomicheskogo sotrudnichestva"
        );
        assert!(
            url.slug_agreement("В Астане обсудили вопросы экономического сотрудничества")
                .unwrap()
                > 0.9
        );
        assert!(
            url.slug_agreement("20-е заседание состоится в 2026 году в Таджикистане")
                .unwrap()
                < 0.34
        );
        let url = PageUrl::parse(
            "https://baq.kz/qazaqstan-men-tazhikstan-yntymaqtastygy-zhana-kezenge-otedi-320017898/",
        )
        .unwrap();
        assert!(
            url.slug_agreement("Қазақстан мен Тәжікстан ынтымақтастығы жаңа кезеңге өтеді")
                .unwrap()
                > 0.9
        );
        // Cyrillic slugs, written or percent-encoded.
        let url = PageUrl::parse(
            "https://parstoday.ir/tg/news/tajikistan-i113766-Кумакҳои_башардустонаи_Тоҷикистон_ба_Қазоқистон",
        )
        .unwrap();
        assert!(
            url.slug_agreement("Кумакҳои башардустонаи Тоҷикистон ба Қазоқистон")
                .unwrap()
                > 0.7
        );
        let url = PageUrl::parse(
            "https://x.tj/%D0%B1%D0%B0%D1%80%D0%BE%D0%B8-%D1%81%D1%83%D0%BB%D2%B3-%D0%B2%D0%B0",
        )
        .unwrap();
        assert_eq!(url.slug_words(), "baroi sulh va");
        // No slug: no opinion.
        let url = PageUrl::parse("https://janalyq.kz/kk/news/16285").unwrap();
        assert_eq!(
            url.slug_agreement("Қазақстанға Тәжікстаннан көмек жетті"),
            None
        );
    }

    #[test]
    fn the_outlet_comes_from_the_host() {
        let url = PageUrl::parse("https://oz.inform.kz/news/astanada-8ec3d6/").unwrap();
        assert_eq!(url.outlet(Some("uz")), Some("Kazinform"));
        let url = PageUrl::parse("https://sadoimardum-new.example.tj/x").unwrap();
        assert_eq!(url.outlet(Some("tg")), None);
    }
}
