//! The languages an article can be written in, and how each names itself.

/// A language an article text can be in. UI languages are a subset, chosen in `site.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// BCP 47 code, as in front matter (`lang = "kk"`).
    pub code: &'static str,
    /// The language's name in itself: what a language switch and a badge show.
    pub native_name: &'static str,
    /// A short badge label, in the language's own script.
    pub short: &'static str,
}

const LANGUAGES: &[Language] = &[
    Language {
        code: "kk",
        native_name: "Қазақша",
        short: "ҚАЗ",
    },
    Language {
        code: "tg",
        native_name: "Тоҷикӣ",
        short: "ТОҶ",
    },
    Language {
        code: "uz",
        native_name: "Ўзбекча",
        short: "ЎЗБ",
    },
    Language {
        code: "ru",
        native_name: "Русский",
        short: "РУС",
    },
    Language {
        code: "en",
        native_name: "English",
        short: "ENG",
    },
    Language {
        code: "ky",
        native_name: "Кыргызча",
        short: "КЫР",
    },
    Language {
        code: "tk",
        native_name: "Türkmençe",
        short: "TKM",
    },
    Language {
        code: "fa",
        native_name: "فارسی",
        short: "FAS",
    },
    Language {
        code: "zh",
        native_name: "中文",
        short: "中文",
    },
    Language {
        code: "tr",
        native_name: "Türkçe",
        short: "TUR",
    },
];

impl Language {
    /// The language whose code is exactly `code` (lower case: `kk`, not `KK`), if an article
    /// can be in it.
    pub fn from_code(code: &str) -> Option<Language> {
        LANGUAGES.iter().copied().find(|l| l.code == code)
    }

    /// Every known code, in the order messages list them (Kazakh and Tajik first).
    pub fn codes() -> impl Iterator<Item = &'static str> {
        LANGUAGES.iter().map(|l| l.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_archive_languages() {
        assert_eq!(Language::from_code("tg").unwrap().native_name, "Тоҷикӣ");
        assert_eq!(Language::from_code("uz").unwrap().native_name, "Ўзбекча");
        assert!(Language::from_code("xx").is_none());
    }
}
