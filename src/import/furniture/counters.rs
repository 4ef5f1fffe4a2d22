//! View, comment and like counters and reading times: a label and a number, or an icon and a
//! number.

use super::{COMMENTS, Chrome, Line, VIEWS, in_list, key, phrases};

/// A time or a numeric date ("14:32", "27.08.2025", "2025-08-27"): a counter line with one stays,
/// because the importer reads publication dates from it. A bare number, even 2025, is a count.
fn has_date_or_time(t: &str) -> bool {
    let chars: Vec<char> = t.chars().collect();
    let digit_run = |start: usize| {
        chars[start..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run = digit_run(i);
        let next = chars.get(i + run).copied();
        let after = chars.get(i + run + 1).is_some_and(char::is_ascii_digit);
        if run <= 2 && matches!(next, Some(':' | '.' | '/')) && after {
            return true;
        }
        if run == 4 && matches!(next, Some('-' | '.' | '/')) && after {
            return true;
        }
        i += run;
    }
    false
}

fn is_counter_emoji(c: char) -> bool {
    matches!(
        c,
        '👁' | '👀'
            | '💬'
            | '🗨'
            | '❤'
            | '♥'
            | '👍'
            | '👎'
            | '🔥'
            | '⭐'
            | '★'
            | '♡'
            | '🖤'
            | '💙'
    )
}

/// View counters, comment counters, likes and reading time: a label and a number, or an icon and
/// a number.
pub(super) fn counter(l: &Line) -> Option<&'static str> {
    if l.words > 6 || has_date_or_time(l.t) {
        return None;
    }
    let mut label = None;
    let mut number = false;
    let mut icon = false;
    for raw in l.t.split_whitespace() {
        if raw.chars().any(is_counter_emoji) {
            icon = true;
        }
        let w = key(raw);
        if w.is_empty() {
            continue;
        }
        if is_count(&w) {
            number = true;
            continue;
        }
        if let Some(kind) = counter_label(&w) {
            label.get_or_insert(kind);
            continue;
        }
        if in_list(&w, Chrome::CounterFillers) {
            continue;
        }
        return None;
    }
    match (label, number, icon) {
        (Some(kind), true, _) => Some(kind),
        (None, true, true) => Some(VIEWS),
        // "Комментарии" alone is a widget heading; "Просмотров" alone is a counter that lost its
        // number.
        (Some(kind), false, _) if in_list(&l.key, Chrome::LoneCounterLabels) => Some(kind),
        _ => None,
    }
}

/// A counter's number: digits with separators, and perhaps "thousand" or "million" after them.
fn is_count(w: &str) -> bool {
    let digits = phrases(Chrome::CounterMultipliers)
        .find_map(|m| w.strip_suffix(m))
        .unwrap_or(w);
    digits.chars().any(|c| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '+'))
}

fn counter_label(w: &str) -> Option<&'static str> {
    // Stems only where no ordinary word starts the same way: "оқу" would also match "оқушылар"
    // (pupils) and "показ" "показатель", so those are whole words.
    let stem = |kind| phrases(kind).any(|p| w.starts_with(p));
    if stem(Chrome::CommentStems) || in_list(w, Chrome::CommentWords) {
        Some(COMMENTS)
    } else if stem(Chrome::ViewStems) || in_list(w, Chrome::ViewWords) {
        Some(VIEWS)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

    #[test]
    fn counters_and_widgets_in_each_language() {
        assert_dropped("Просмотров: 1 234", VIEWS);
        assert_dropped("👁 523", VIEWS);
        assert_dropped("👁 1,2K", VIEWS);
        assert_dropped("Просмотров: 3,4к", VIEWS);
        assert_dropped("Комментарии (0)", COMMENTS);
        assert_dropped("Комментарии", COMMENTS);
        assert_dropped("Оқылды: 120", VIEWS);
        assert_dropped("Қаралым саны: 4 512", VIEWS);
        assert_dropped("Пікірлер (3)", COMMENTS);
        assert_dropped("Тамошо: 87", VIEWS);
        assert_dropped("Шарҳҳо (0)", COMMENTS);
        assert_dropped("Кўрилди: 1 045", VIEWS);
        assert_dropped("Ko‘rildi: 1 045", VIEWS);
        assert_dropped("Izohlar: 0", COMMENTS);
        assert_dropped("Views: 2,310", VIEWS);
        assert_dropped("Время чтения: 3 мин", VIEWS);
        assert_dropped("Оставить комментарий", COMMENTS);
        assert_dropped("Пікір қалдыру", COMMENTS);
        assert_dropped("Читать далее...", WIDGET);
        assert_dropped("Толығырақ", WIDGET);
        assert_dropped("Батафсил", WIDGET);
        assert_dropped("Версия для печати", WIDGET);
        assert_dropped("18+", WIDGET);
        assert_dropped("1 daqiqa o‘qiladi", VIEWS);
        assert_dropped("2 минут оқылады", VIEWS);
        assert_dropped("Оставьте первый комментарий", COMMENTS);
        assert_dropped("Пожалуйста, введите ваш комментарий!", COMMENTS);
        assert_dropped("Recent comments", COMMENTS);
        assert_dropped("БЕШТАР БИХОНЕД", WIDGET);
        assert_dropped("Read More", WIDGET);
        assert_dropped("Напишите нам", MENU);
        assert_dropped("РУ", MENU);
        // A date with a counter stays: the importer reads the date.
        assert_kept("27.08.2025 14:32 👁 523");
        assert_kept("14:32");
        assert_dropped("Просмотров: 1234", VIEWS);
        // Statistics, not counters.
        assert_kept("Оқушылар саны: 1 200");
        assert_kept("Показатель: 5");
        assert_kept("Дидор: 2");
    }
}
