//! The agency dateline that opens a paragraph: a place, perhaps a date, perhaps the agency
//! (`Душанбе, 14 ноябр, – АИ «Корвон Иттилоот».`, `ASTANА. Kazinform —`).

use super::PartialDate;
use super::outlet::OutletEnd;
use super::scanner::Scanner;
use super::tokens::{Kind, Token, is_space};
use serde::Serialize;

/// An agency dateline at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// the place as written (`Душанбе`, `ASTANА`, `НУР-СУЛТАН/ASTANA`)
    pub place: String,
    /// the date after the place, when the dateline gives one (often without a year)
    pub date: Option<PartialDate>,
    /// the agency, without the `/…/` or `(…)` around it (`АИ «Корвон Иттилоот»`, `ТАСС`)
    pub outlet: Option<String>,
    /// the article text after the dateline (may be empty)
    pub rest: String,
    /// the dateline as written
    pub text: String,
}

/// An agency dateline at the start of a paragraph: `Душанбе, 14 ноябр, – АИ «Корвон Иттилоот».`,
/// `ASTANА. Kazinform —`, `АСТАНА, 27 тамыз. ҚазАқпарат –`, `Алматы. 27 тамыз. BAQ.KZ -`,
/// `ТОШКЕНТ, 27 август — «Дунё» АА.`, `Toshkent, 27-avgust – UzA.`, `МОСКВА, 27 августа. /ТАСС/.`,
/// `ДУШАНБЕ, 14.11.2025 /АП/ —`, `Душанбе, 14.11.2025 (АИ "Ховар").`, `Dushanbe, Nov 14 (Asia-Plus) —`,
/// `НУР-СУЛТАН/ASTANA, 3 March 2025 – Kazinform –`, `ASTANA – …`.
///
/// `None` when the paragraph does not open with one. A sentence that merely begins with a city
/// name is not a dateline: the place (one to three capitalised words) must be followed by a comma
/// or period and then a date, or by an outlet closed with a dash; without a date a comma will only
/// do after a place in capitals, and a bare dash only after a place in capitals followed by text
/// in lower case (`ASTANA – Kazakh President …`, not a headline like `ҚАЗАҚСТАН – ТӘЖІКСТАН`).
pub fn dateline(paragraph: &str) -> Option<Dateline> {
    let s = Scanner::new(paragraph, true);
    let place_end = s.place(0)?;
    let mut place_last = place_end - 1;
    let mut j = place_end;

    let mut sep = None;
    if let Some(t) = s.glued(j) {
        if t.is(',') {
            sep = Some(Separator::Comma);
        } else if t.is('.') {
            // `Е.Көшербаев`: an initial, not `ASTANA. Kazinform`.
            if !s.tokens.get(j + 1).is_none_or(|next| next.spaced) {
                return None;
            }
            sep = Some(Separator::Period);
        }
        if sep.is_some() {
            j += 1;
        }
    }

    let mut date = None;
    if sep.is_some() && s.on_line(j).is_some() {
        if let Some(hit) = s.date_at(j) {
            date = Some(hit.date);
            j = hit.last + 1;
        } else if sep == Some(Separator::Comma) {
            // `Dushanbe, Tajikistan, Nov 14`: a second place part, taken only if a date follows.
            if let Some(country_end) = s.on_line(j).and_then(|_| s.place(j))
                && s.glued(country_end).is_some_and(|t| t.is(','))
                && s.on_line(country_end + 1).is_some()
                && let Some(hit) = s.date_at(country_end + 1)
            {
                place_last = country_end - 1;
                date = Some(hit.date);
                j = hit.last + 1;
            }
        }
    }
    if date.is_some() {
        j = s.skip_time(j);
    }

    let line_ended = s.on_line(j).is_none();
    let Marks {
        next,
        dash,
        period,
        comma,
    } = s.skip_marks(j);
    j = next;

    let bare_allowed = if date.is_some() {
        dash || period || comma
    } else {
        sep.is_some() || dash
    };
    let outlet = s.wrapped_outlet(j).or_else(|| {
        if bare_allowed {
            s.bare_outlet(j, dash)
        } else {
            None
        }
    });
    if let Some(found) = &outlet {
        j = s.skip_marks(found.next).next;
    }

    let place_text = &paragraph[s.tokens[0].start..s.tokens[place_last].end];
    let caps = is_caps(place_text);
    let rest_start = s.tokens.get(j).map_or(paragraph.len(), |t| t.start);
    let rest = paragraph[rest_start..].trim_matches(is_space);

    let accepted = match (&date, &outlet) {
        (Some(_), Some(_)) => true,
        (Some(_), None) => dash || period || line_ended,
        (None, Some(found)) => match found.end {
            OutletEnd::Wrapped => sep.is_some() || caps,
            OutletEnd::Dash => sep == Some(Separator::Period) || (caps && sep.is_some()),
            OutletEnd::Period | OutletEnd::Line => caps && sep.is_some(),
        },
        (None, None) => {
            caps && sep.is_none()
                && dash
                && rest
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.chars().any(char::is_lowercase))
        }
    };
    if !accepted {
        return None;
    }
    Some(Dateline {
        place: place_text.to_string(),
        date,
        outlet: outlet.map(|found| found.name),
        rest: rest.to_string(),
        text: paragraph[s.tokens[0].start..s.tokens[j - 1].end].to_string(),
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    Comma,
    Period,
}

/// The punctuation between two parts of a dateline.
struct Marks {
    /// the first token after it
    next: usize,
    dash: bool,
    period: bool,
    comma: bool,
}

impl Scanner<'_> {
    /// A time after a dateline's date: `, 14:30`.
    fn skip_time(&self, j: usize) -> usize {
        let k = if self.on_line(j).is_some_and(|t| t.is(',')) {
            j + 1
        } else {
            j
        };
        let hours = self
            .on_line(k)
            .and_then(|_| self.number(k))
            .filter(|&(h, digits)| h < 24 && digits <= 2);
        let colon = self.glued(k + 1).is_some_and(|t| t.is(':'));
        let minutes = self
            .glued(k + 2)
            .and_then(|_| self.number(k + 2))
            .filter(|&(m, digits)| m < 60 && digits == 2);
        if hours.is_some() && colon && minutes.is_some() {
            k + 3
        } else {
            j
        }
    }

    /// Skips the commas, periods and dashes between the parts of a dateline, noting which.
    fn skip_marks(&self, mut j: usize) -> Marks {
        let mut marks = Marks {
            next: j,
            dash: false,
            period: false,
            comma: false,
        };
        while let Some(t) = self.on_line(j) {
            if t.is(',') {
                marks.comma = true;
            } else if t.is('.') {
                marks.period = true;
            } else if t.is_dash() {
                marks.dash = true;
            } else {
                break;
            }
            j += 1;
        }
        marks.next = j;
        marks
    }

    /// A place at the start of a dateline: one to three capitalised words, each possibly joined
    /// by `-` or `/` (`НУР-СУЛТАН/ASTANA`). The first token after it.
    fn place(&self, first: usize) -> Option<usize> {
        let capitalised = |t: &Token| t.kind == Kind::Word && t.starts_upper();
        if !self.tokens.get(first).is_some_and(capitalised) {
            return None;
        }
        let mut j = first;
        let mut words = 1;
        loop {
            j += 1;
            while self
                .glued(j)
                .is_some_and(|t| t.is('-') || t.is('/') || t.is('\u{2011}'))
                && self.glued(j + 1).is_some_and(|t| t.kind == Kind::Word)
            {
                j += 2;
            }
            if words < 3 && self.on_line(j).is_some_and(|t| t.spaced && capitalised(t)) {
                words += 1;
            } else {
                break;
            }
        }
        let span = &self.text[self.tokens[first].start..self.tokens[j - 1].end];
        let letters = span.chars().filter(|c| c.is_alphabetic()).count();
        (letters >= 3 && span.chars().count() <= 40).then_some(j)
    }
}

/// Every letter in capitals (`ASTANА`, `НУР-СУЛТАН/ASTANA`): the strongest sign of a dateline.
fn is_caps(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().count() >= 2 && letters.clone().all(|c| !c.is_lowercase())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// (paragraph, place, date, outlet, rest)
    #[rustfmt::skip]
    pub(in crate::import::dates) const DATELINES: &[(&str, &str, &str, Option<&str>, &str)] = &[
        ("Душанбе, 14 ноябр, – АИ «Корвон Иттилоот». Раиси …", "Душанбе", "--11-14", Some("АИ «Корвон Иттилоот»"), "Раиси …"),
        ("ASTANА. Kazinform — Қозоғистон …", "ASTANА", "", Some("Kazinform"), "Қозоғистон …"),
        ("АСТАНА, 27 тамыз. ҚазАқпарат – Мемлекет басшысы …", "АСТАНА", "--08-27", Some("ҚазАқпарат"), "Мемлекет басшысы …"),
        ("Алматы. 27 тамыз. BAQ.KZ - Бүгін …", "Алматы", "--08-27", Some("BAQ.KZ"), "Бүгін …"),
        ("ТОШКЕНТ, 27 август — «Дунё» АА. Президент …", "ТОШКЕНТ", "--08-27", Some("«Дунё» АА"), "Президент …"),
        ("Toshkent, 27-avgust – UzA.", "Toshkent", "--08-27", Some("UzA"), ""),
        ("МОСКВА, 27 августа. /ТАСС/. Президент …", "МОСКВА", "--08-27", Some("ТАСС"), "Президент …"),
        ("ДУШАНБЕ, 14.11.2025 /АП/ — Президент …", "ДУШАНБЕ", "2025-11-14", Some("АП"), "Президент …"),
        ("Душанбе, 14.11.2025 (АИ \"Ховар\"). Президент …", "Душанбе", "2025-11-14", Some("АИ \"Ховар\""), "Президент …"),
        ("Dushanbe, Nov 14 (Asia-Plus) —", "Dushanbe", "--11-14", Some("Asia-Plus"), ""),
        ("НУР-СУЛТАН/ASTANA, 3 March 2025 – Kazinform – The President …", "НУР-СУЛТАН/ASTANA", "2025-03-03", Some("Kazinform"), "The President …"),
        ("МОСКВА, 27 авг — РИА Новости. Текст", "МОСКВА", "--08-27", Some("РИА Новости"), "Текст"),
        ("Бишкек, 27 августа — «АКИpress». Текст", "Бишкек", "--08-27", Some("АКИpress"), "Текст"),
        ("ASTANA, Aug. 27 – Kazakh President Kassym-Jomart Tokayev met …", "ASTANA", "--08-27", None, "Kazakh President Kassym-Jomart Tokayev met …"),
        ("ASTANA – Kazakh President met …", "ASTANA", "", None, "Kazakh President met …"),
        ("Dushanbe, Tajikistan, Nov 14 (Asia-Plus) – Text", "Dushanbe, Tajikistan", "--11-14", Some("Asia-Plus"), "Text"),
        ("Тошкент, 2025 йил 27 август, 14:30 — kun.uz. Матн", "Тошкент", "2025-08-27", Some("kun.uz"), "Матн"),
        ("Душанбе, 14 ноябр\nРаиси Маҷлиси миллӣ …", "Душанбе", "--11-14", None, "Раиси Маҷлиси миллӣ …"),
        ("АСТАНА. КАЗИНФОРМ - Мәжіліс …", "АСТАНА", "", Some("КАЗИНФОРМ"), "Мәжіліс …"),
        ("Qo‘rg‘ontepa, 5-mart – Dunyo. Matn", "Qo‘rg‘ontepa", "--03-05", Some("Dunyo"), "Matn"),
        ("DUSHANBE, November 14, 2025, Asia-Plus -- Text", "DUSHANBE", "2025-11-14", Some("Asia-Plus"), "Text"),
        ("BAKU, Azerbaijan, August 27. Text", "BAKU, Azerbaijan", "--08-27", None, "Text"),
        ("Тошкент, 27 август (ЎзА). Матн", "Тошкент", "--08-27", Some("ЎзА"), "Матн"),
        ("Душанбе, 14.11.2025. (АМИТ «Ховар»). Матн", "Душанбе", "2025-11-14", Some("АМИТ «Ховар»"), "Матн"),
        ("Душанбе, 14 ноября, Авеста. Текст", "Душанбе", "--11-14", Some("Авеста"), "Текст"),
        ("Душанбе, 14 ноябр. «Ховар». Матн", "Душанбе", "--11-14", Some("Ховар"), "Матн"),
        ("ДУШАНБЕ, 27 авг — Sputnik. Текст", "ДУШАНБЕ", "--08-27", Some("Sputnik"), "Текст"),
    ];

    #[test]
    fn datelines() {
        for &(paragraph, place, date, outlet, rest) in DATELINES {
            let line =
                dateline(paragraph).unwrap_or_else(|| panic!("no dateline in {paragraph:?}"));
            assert_eq!(line.place, place, "{paragraph:?}");
            assert_eq!(
                line.date.map(|d| d.to_string()).unwrap_or_default(),
                date,
                "{paragraph:?}"
            );
            assert_eq!(line.outlet.as_deref(), outlet, "{paragraph:?}");
            assert_eq!(line.rest, rest, "{paragraph:?}");
            assert!(
                paragraph.starts_with(&line.text),
                "{paragraph:?}: {:?}",
                line.text
            );
        }
    }

    #[test]
    fn sentences_that_open_with_a_name_are_not_datelines() {
        for paragraph in [
            "Душанбе шаҳри пойтахти Тоҷикистон аст.",
            "Душанбе – пойтахти Тоҷикистон.",
            "Астана – Қазақстанның астанасы.",
            "Ҳамчунин, дар ҷараёни мулоқот табодули назар сурат гирифт.",
            "Ҳамчунин, 14 ноябр бо Раиси Сенат мулоқот шуд.",
            "Ҳамчунин, 14 ноябр, бо Раиси Сенат мулоқот шуд.",
            "Бинобар ин, 14 ноябр мулоқот шуд.",
            "Тоҷикистон ва Қазоқистон ҳамкории дуҷонибаро тақвият мебахшанд – ИА Караван Инфо",
            "Е.Көшербаев сондай-ақ Душанбе қаласындағы алаңда болды.",
            "Сурет: gov.kz",
            "Москва, Кремль. Встреча прошла …",
            "Астана, 27 тамыз күні қонақтарды қарсы алды.",
            "ҚАЗАҚСТАН – ТӘЖІКСТАН: ЖАҢА КЕЗЕҢ",
            "Ерлан Қошанов, Мажилис раиси, – деди.",
            "30-юми апрели соли 2024 дар Қасри миллат",
            "АКС: Маҷлиси миллии Маҷлиси Олии Ҷумҳурии Тоҷикистон",
            "error:",
            "• Ҳамкории тиҷоративу иқтисодӣ — густариши савдо.",
            "— Мамлакатларимизни кўп асрлик қардошлик боғлаб туради.",
            "",
            "   ",
        ] {
            assert_eq!(dateline(paragraph), None, "{paragraph:?}");
        }
    }
}
