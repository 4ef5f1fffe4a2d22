//! Menus and breadcrumbs, with or without separators, and the short lines of known furniture words.

use super::share::{share_start, share_words};
use super::{
    BREADCRUMB, COMMENTS, Chrome, Line, MENU, SHARE, SUBSCRIBE, WIDGET, in_list, is_bullet, key,
    tokens,
};

/// Menus and breadcrumbs written on one line with separators: "Басты бет | Жаңалықтар | Саясат",
/// "Главная / Новости", "Facebook · Telegram".
pub(super) fn separated_menu(l: &Line) -> Option<&'static str> {
    let t = l.t;
    let spaced = [
        " / ", " » ", " › ", " > ", " → ", " · ", " • ", " \\ ", " :: ",
    ];
    let mut parts: Vec<&str> = vec![t];
    for sep in std::iter::once("|").chain(spaced) {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    let segments: Vec<String> = parts
        .iter()
        .map(|p| key(p))
        .filter(|k| !k.is_empty())
        .collect();
    if segments.len() < 2 {
        return None;
    }
    if in_list(&segments[0], Chrome::Home) {
        // "Главная / Новости" is a trail to the page; "Басты бет | Жаңалықтар" is the site menu.
        return Some(if t.contains('|') { MENU } else { BREADCRUMB });
    }
    if segments.iter().all(|s| share_words(s)) {
        return Some(SHARE);
    }
    let short = segments.iter().all(|s| tokens(s).count() <= 3);
    if !short {
        return None;
    }
    let known = segments
        .iter()
        .filter(|s| {
            in_list(s, Chrome::Nav) || in_list(s, Chrome::Rubrics) || in_list(s, Chrome::Languages)
        })
        .count();
    let piped = t.matches('|').count() >= 2;
    if known * 2 >= segments.len() || (piped && segments.len() >= 3) {
        return Some(MENU);
    }
    None
}

/// Short non-sentence lines made of known furniture words.
pub(super) fn vocabulary_line(l: &Line, in_margin: bool) -> Option<&'static str> {
    let k = l.key.as_str();
    if k.is_empty() {
        return None;
    }
    if in_list(k, Chrome::Home) || in_list(k, Chrome::Nav) || in_list(k, Chrome::Languages) {
        return Some(MENU);
    }
    if in_list(k, Chrome::Widgets) {
        return Some(WIDGET);
    }
    if in_list(k, Chrome::ShareLines) {
        return Some(SHARE);
    }
    if in_list(k, Chrome::CommentWidgets) {
        return Some(COMMENTS);
    }
    if in_list(k, Chrome::SubscribeButtons) {
        return Some(SUBSCRIBE);
    }
    if is_age_mark(l.t) {
        return Some(WIDGET);
    }
    if l.words <= 12 && share_words(k) {
        return Some(SHARE);
    }
    if l.words <= 6 && share_start(k) {
        return Some(SHARE);
    }
    // "Главная Новости Политика Экономика": a menu copied without separators.
    let n = tokens(k).count();
    if n >= 3
        && tokens(k).all(|w| {
            in_list(w, Chrome::Nav)
                || in_list(w, Chrome::Rubrics)
                || in_list(w, Chrome::Languages)
                || in_list(w, Chrome::Home)
        })
    {
        return Some(MENU);
    }
    if in_margin && in_list(k, Chrome::Rubrics) {
        return Some(MENU);
    }
    None
}

fn is_age_mark(t: &str) -> bool {
    let digits = t.strip_suffix('+').unwrap_or("");
    (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
}

/// A short line between two menu lines is a menu item this module has no word for
/// ("Главная / Казахстан / Мир" written one per line), and a rubric word next to a menu is part of it.
pub(super) fn absorb_menu_neighbours(lines: &[Line], reason: &mut [Option<&'static str>]) {
    let is_menu = |r: Option<&'static str>| matches!(r, Some(MENU | BREADCRUMB));
    // Each pass can only add lines, so a few passes settle any run.
    for _ in 0..4 {
        let mut changed = false;
        for i in 0..lines.len() {
            let l = &lines[i];
            if reason[i].is_some() || l.t.is_empty() || l.prose || is_bullet(l.t) {
                continue;
            }
            let prev = (0..i).rev().find(|&j| !lines[j].t.is_empty());
            let next = (i + 1..lines.len()).find(|&j| !lines[j].t.is_empty());
            let prev_menu = prev.is_some_and(|j| is_menu(reason[j]));
            let next_menu = next.is_some_and(|j| is_menu(reason[j]));
            let plain_item = l.words <= 3 && !l.t.chars().any(|c| c.is_ascii_digit());
            if (plain_item && prev_menu && next_menu)
                || (in_list(&l.key, Chrome::Rubrics) && (prev_menu || next_menu))
            {
                reason[i] = Some(MENU);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

    #[test]
    fn menus_in_each_language() {
        assert_dropped("Басты бет | Жаңалықтар | Саясат", MENU);
        assert_dropped("Жаңалықтар | Саясат | Экономика | Қоғам", MENU);
        assert_dropped("Главная / Новости", BREADCRUMB);
        assert_dropped(
            "Главная » Новости » Политика » Казахстан и Таджикистан обсудили транзит",
            BREADCRUMB,
        );
        assert_dropped("Новости | Политика | Экономика", MENU);
        assert_dropped("Саҳифаи асосӣ / Хабарҳо / Сиёсат", BREADCRUMB);
        assert_dropped("Хабарҳо | Сиёсат | Иқтисод | Варзиш", MENU);
        assert_dropped("Бош саҳифа › Янгиликлар", BREADCRUMB);
        assert_dropped("Янгиликлар | Сиёсат | Жамият", MENU);
        assert_dropped("Bosh sahifa / Yangiliklar / Siyosat", BREADCRUMB);
        assert_dropped("Рус | Қаз | Eng", MENU);
        assert_dropped("Главная Новости Политика Экономика", MENU);
        assert_dropped("Жаңалықтар", MENU);
        assert_dropped("Хабарҳо", MENU);
        assert_dropped("Yangiliklar", MENU);
        assert_dropped("Меню", MENU);
    }

    #[test]
    fn menu_one_item_per_line_and_rubrics_in_the_margin() {
        let text = format!(
            "Главная\nНовости\nКазахстан и мир\nПолитика\n\nСаясат\nҚазақстан мен Тәжікстан келіссөз жүргізді\n{BODY}\n\nЭкономика\n{BODY}\n"
        );
        let r = reasons(&text);
        assert!(
            r.contains(&(1, MENU)) && r.contains(&(2, MENU)) && r.contains(&(4, MENU)),
            "{r:?}"
        );
        // An unknown short item between two menu items is part of the menu.
        assert!(r.contains(&(3, MENU)), "{r:?}");
        // A rubric above the headline is furniture…
        assert!(r.contains(&(6, MENU)), "{r:?}");
        // …but the headline is not, and neither is a one-word subheading inside the article.
        assert!(!r.iter().any(|&(l, _)| l == 7 || l == 10), "{r:?}");
    }
}
