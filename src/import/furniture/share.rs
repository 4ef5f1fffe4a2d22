//! Share buttons: a network's name or the act of sharing, alone, in a row, or glued before a
//! paragraph.

use super::{Chrome, in_list, key, phrases, tokens};

/// Whether every word of a segment is a share button word, and one of them names a network or the
/// act of sharing (so "в" or "мен" alone do not count).
pub(super) fn share_words(s: &str) -> bool {
    let mut strong = false;
    for w in tokens(s) {
        if in_list(w, Chrome::Networks) || in_list(w, Chrome::ShareVerbs) {
            strong = true;
        } else if !in_list(w, Chrome::ShareFillers) {
            return false;
        }
    }
    strong
}

/// A share button's words glued before a paragraph (`Рассказать друзьям Душанбе. 22 августа. …`):
/// the button's words and the rest of the line. The button is empty when the line opens with
/// none.
pub fn leading_chrome(line: &str) -> (&str, &str) {
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    for n in (1..=4.min(words.len().saturating_sub(1))).rev() {
        let phrase = key(&words[..n]
            .iter()
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(" "));
        if in_list(&phrase, Chrome::ShareLines) {
            let at = words[n].0;
            return (&line[..at], &line[at..]);
        }
    }
    ("", line)
}

/// Whether a line begins like a share button's label ("Поделиться этой новостью").
pub(super) fn share_start(k: &str) -> bool {
    phrases(Chrome::ShareStarts)
        .any(|v| k.strip_prefix(v).is_some_and(|rest| rest.starts_with(' ')))
        || phrases(Chrome::SharePrefixes).any(|v| k.starts_with(v))
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

    #[test]
    fn share_buttons_glued_before_a_paragraph() {
        assert_eq!(
            leading_chrome("Рассказать друзьям Душанбе. 22 августа. KAZAKHSTAN TODAY — Текст."),
            (
                "Рассказать друзьям ",
                "Душанбе. 22 августа. KAZAKHSTAN TODAY — Текст."
            )
        );
        assert_eq!(
            leading_chrome("Душанбе. 22 августа."),
            ("", "Душанбе. 22 августа.")
        );
        assert_eq!(
            leading_chrome("Рассказать друзьям"),
            ("", "Рассказать друзьям")
        );
    }

    #[test]
    fn share_buttons_in_each_language() {
        assert_dropped("Поделиться", SHARE);
        assert_dropped("Поделиться:", SHARE);
        assert_dropped("Поделиться в соцсетях", SHARE);
        assert_dropped("Бөлісу:", SHARE);
        assert_dropped("Facebook Twitter Telegram WhatsApp", SHARE);
        assert_dropped("Facebook | Telegram | ВКонтакте | Одноклассники", SHARE);
        assert_dropped("Share", SHARE);
        assert_dropped("Мубодила", SHARE);
        assert_dropped("Улашиш:", SHARE);
        assert_dropped("Ulashish", SHARE);
        assert_dropped("Telegram", SHARE);
        assert_dropped("Скопировать ссылку", SHARE);
        assert_dropped("Хабарро таблиғ кунед:", SHARE);
        assert_dropped("Share post:", SHARE);
    }
}
