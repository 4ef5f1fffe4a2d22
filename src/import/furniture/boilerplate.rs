//! Furniture written as whole sentences: copyright and reuse notices, cookie notices, calls to
//! subscribe, comment-form labels and "Read also:" lines.

use super::{COMMENTS, COOKIE, COPYRIGHT, Chrome, RELATED, SUBSCRIBE, key, phrases};

/// Furniture written as whole sentences; the only kinds that may drop a long line ending in a
/// period.
pub(super) fn boilerplate(t: &str) -> Option<&'static str> {
    let words = t.split_whitespace().count();
    let lower = key(t);
    let has = |kind| phrases(kind).any(|p| lower.contains(p));
    if words <= 40 && (is_copyright_mark(t) || has(Chrome::Rights) || has(Chrome::Reuse)) {
        return Some(COPYRIGHT);
    }
    if words <= 60 && has(Chrome::Cookie) {
        return Some(COOKIE);
    }
    if words <= 30 && has(Chrome::SubscribeCalls) && has(Chrome::Channels) {
        return Some(SUBSCRIBE);
    }
    if words <= 20 && has(Chrome::CommentForms) {
        return Some(COMMENTS);
    }
    if words <= 40 {
        let lower_t = t.to_lowercase().replace(['‘', '’', '`', 'ʻ', 'ʼ'], "'");
        let lower_t = lower_t.trim_start_matches(|c: char| !c.is_alphanumeric());
        for h in phrases(Chrome::ReadAlso) {
            if let Some(rest) = lower_t.strip_prefix(h) {
                let rest = rest.trim_start();
                if rest.starts_with([':', '—', '–', '»', '→', '>'])
                    && rest.chars().any(char::is_alphanumeric)
                {
                    return Some(RELATED);
                }
            }
        }
    }
    None
}

fn is_copyright_mark(t: &str) -> bool {
    if t.contains('©') {
        return true;
    }
    let lower = t.to_lowercase();
    for mark in ["(c)", "(с)"] {
        if lower.starts_with(mark) {
            return true;
        }
        // "(c) 2025" anywhere; a bare "(c)" mid-line is more often a list item "a), b), c)".
        if let Some(pos) = lower.find(mark) {
            let after = lower[pos + mark.len()..].trim_start();
            if after.starts_with("19") || after.starts_with("20") {
                return true;
            }
        }
    }
    lower.contains("copyright")
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

    #[test]
    fn legal_cookie_subscription_and_app_lines() {
        assert_dropped("© 2025 Kazinform. Барлық құқықтар қорғалған", COPYRIGHT);
        assert_dropped(
            "© 2025 «Kazinform» халықаралық ақпарат агенттігі. Барлық құқықтар қорғалған.",
            COPYRIGHT,
        );
        assert_dropped("© 2024 Все права защищены.", COPYRIGHT);
        assert_dropped(
            "При использовании материалов гиперссылка на сайт обязательна.",
            COPYRIGHT,
        );
        assert_dropped("Ҳамаи ҳуқуқҳо ҳифз шудаанд. © Ховар, 2025", COPYRIGHT);
        assert_dropped("Барча ҳуқуқлар ҳимояланган.", COPYRIGHT);
        assert_dropped("(c) 2025 Kun.uz. Barcha huquqlar himoyalangan.", COPYRIGHT);

        assert_dropped(
            "Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
            COOKIE,
        );
        let text = "Сайт cookie файлдарын пайдаланады.\nҚабылдау\n";
        assert_eq!(reasons(text), vec![(1, COOKIE), (2, COOKIE)]);

        assert_dropped("Подписывайтесь на наш Telegram-канал", SUBSCRIBE);
        assert_dropped(
            "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать главные новости.",
            SUBSCRIBE,
        );
        assert_dropped("Біздің Telegram арнамызға жазылыңыз!", SUBSCRIBE);
        assert_dropped("Ба канали мо дар Telegram обуна шавед", SUBSCRIBE);
        assert_dropped("Telegram каналимизга обуна бўлинг", SUBSCRIBE);
        assert_dropped("Telegram kanalimizga obuna bo'ling", SUBSCRIBE);
        assert_dropped(
            "Хабарҳои моро дар Telegram пайгирӣ намоед ва ба канали мо ҳамроҳ шавед.",
            SUBSCRIBE,
        );
        assert_dropped("Подписаться", SUBSCRIBE);

        assert_dropped("Скачать в App Store", APPS);
        assert_dropped("Google Play | App Store | AppGallery", APPS);
        assert_dropped("Download on the App Store", APPS);
    }
}
