//! Blocks of furniture: the lines under a "Read also:" or "Tags:" header, and the buttons under a
//! cookie notice.

use super::{
    COOKIE, Chrome, Line, RELATED, TAGS, in_list, is_bullet, is_photo_credit, key, reads_as_prose,
};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum BlockKind {
    Related,
    Tags,
    Cookie,
}

impl BlockKind {
    pub(super) fn reason(self) -> &'static str {
        match self {
            BlockKind::Related => RELATED,
            BlockKind::Tags => TAGS,
            BlockKind::Cookie => COOKIE,
        }
    }
    pub(super) fn max_items(self) -> usize {
        match self {
            BlockKind::Related => 12,
            BlockKind::Tags => 20,
            BlockKind::Cookie => 2,
        }
    }
}

/// The lines under a "Read also:" or "Tags:" header, or the buttons under a cookie notice.
pub(super) struct Block {
    pub(super) kind: BlockKind,
    pub(super) items: usize,
}

impl Block {
    pub(super) fn accepts(&self, l: &Line) -> bool {
        if l.protected || is_bullet(l.t) || is_photo_credit(l) {
            return false;
        }
        match self.kind {
            // Other articles' headlines: no sentence end (a headline may ask or exclaim), or a
            // date/time line that goes with them.
            BlockKind::Related => {
                l.words <= 25
                    && (!l.prose
                        || (l.words <= 15 && (l.t.ends_with('?') || l.t.ends_with('!')))
                        || !l.t.chars().any(char::is_alphabetic))
            }
            BlockKind::Tags => !l.prose && l.words <= 4,
            BlockKind::Cookie => l.words <= 3 && !l.prose && in_list(&l.key, Chrome::CookieButtons),
        }
    }
}

/// "Read also:" or "Tags:" on its own line opens a block; followed by a headline or a list on the
/// same line it is dropped alone.
pub(super) fn block_header(l: &Line) -> Option<(&'static str, Option<BlockKind>)> {
    if in_list(&l.key, Chrome::RelatedHeaders) || in_list(&l.key, Chrome::ReadAlso) {
        return Some((RELATED, Some(BlockKind::Related)));
    }
    if in_list(&l.key, Chrome::TagHeaders) {
        return Some((TAGS, Some(BlockKind::Tags)));
    }
    // "По теме: <headline>", "Теги: Қазақстан, Тәжікстан".
    let (head, rest) = l.t.split_once(':')?;
    let head = key(head);
    if rest.trim().is_empty() || l.words > 30 {
        return None;
    }
    if in_list(&head, Chrome::TagHeaders) {
        return Some((TAGS, None));
    }
    if in_list(&head, Chrome::RelatedHeaders) && !reads_as_prose(rest.trim(), l.words) {
        return Some((RELATED, None));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

    #[test]
    fn related_links_and_tags_in_each_language() {
        let text = "Президенты обсудили сотрудничество.\n\nЧитайте также:\nКазахстан и Таджикистан подписали соглашение о транзите\nТокаев провёл телефонный разговор с Рахмоном\n\nНа встрече также обсудили водные ресурсы.";
        let r = reasons(text);
        assert_eq!(r, vec![(3, RELATED), (4, RELATED), (5, RELATED)]);

        assert_dropped(
            "Читайте также: Казахстан и Таджикистан подписали соглашение о дружбе",
            RELATED,
        );
        assert_dropped("Тақырып бойынша", RELATED);
        assert_dropped(
            "Сондай-ақ оқыңыз: Тоқаев Рахмонмен телефон арқылы сөйлесті",
            RELATED,
        );
        assert_dropped("Мавзӯъҳои марбут", RELATED);
        assert_dropped(
            "Инчунин хонед: Президенти Тоҷикистон ба Остона сафар кард",
            RELATED,
        );
        assert_dropped("Шунингдек, ўқинг:", RELATED);
        assert_dropped("Мавзуга оид", RELATED);
        assert_dropped("Read also: Tokayev, Rahmon discuss water issues", RELATED);
        // A "read more" button does not open a block that could take the next line with it.
        let text = format!("{BODY}\nRead More\nЭкономика\n{BODY}");
        assert_eq!(reasons(&text), vec![(2, WIDGET)]);

        assert_dropped("Теги: Казахстан, Таджикистан, парламент", TAGS);
        assert_dropped("Тегтер: Қазақстан, Тәжікстан", TAGS);
        assert_dropped("Тэгҳо: Тоҷикистон, Қазоқистон", TAGS);
        assert_dropped("Теглар: Қозоғистон, Тожикистон", TAGS);
        assert_dropped("#Қазақстан #Тәжікстан #парламент", TAGS);
        let text = "Тегтер:\nҚазақстан\nТәжікстан\nПарламент\n\nСоңғы абзац мұнда жазылған, ол мақаланың бөлігі.";
        assert_eq!(
            reasons(text),
            vec![(1, TAGS), (2, TAGS), (3, TAGS), (4, TAGS)]
        );
    }
}
