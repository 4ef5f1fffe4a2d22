//! Slug transliteration: a slug names a file and a URL segment, so whatever the title, it is
//! either empty (the caller then asks for one) or well-formed, short and one path segment.

#![no_main]

use dostyk::slug;
use dostyk_fuzz::text;
use libfuzzer_sys::fuzz_target;
use std::path::{Component, Path};

fn check(slug: &str, title: &str, max_len: usize) {
    assert!(
        slug.len() <= max_len,
        "{slug:?} is longer than {max_len}, from {title:?}"
    );
    if slug.is_empty() {
        // Empty only when no word of the title has a letter or digit the slug can carry.
        assert!(
            title
                .split_whitespace()
                .all(|w| slug::transliterate_word(w, None).is_empty()),
            "an empty slug from {title:?}"
        );
        return;
    }
    assert!(slug::is_valid(slug), "invalid slug {slug:?} from {title:?}");
    assert!(!slug.contains("..") && !slug.contains('/') && !slug.contains('\0'));
    let path = Path::new("articles").join(slug);
    assert!(
        path.components().count() == 2
            && matches!(path.components().next_back(), Some(Component::Normal(_))),
        "{slug:?} is not one path segment"
    );
}

fuzz_target!(|data: &[u8]| {
    // Two bytes choose the limits, the rest is the title.
    let (limits, title) = data.split_at(data.len().min(2));
    let title = text(title);

    let word = slug::transliterate_word(&title, None);
    assert!(
        word.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
        "transliterate_word({title:?}) = {word:?}"
    );

    check(&slug::title_slug(&title, None), &title, 60);

    let max_words = usize::from(limits.first().copied().unwrap_or(6) % 12);
    // Up to 120 bytes: `is_valid` takes no longer slug.
    let max_len = usize::from(limits.get(1).copied().unwrap_or(60) % 121);
    let slug = slug::slugify(&title, max_words, max_len, None);
    if max_words == 0 || max_len == 0 {
        assert!(
            slug.is_empty(),
            "{slug:?} from limits {max_words}, {max_len}"
        );
    } else if slug.is_empty() {
        assert!(
            title
                .split_whitespace()
                .all(|w| slug::transliterate_word(w, None).is_empty()),
            "an empty slug from {title:?} (limits {max_words}, {max_len})"
        );
    } else {
        assert!(slug.split('-').count() <= max_words, "{slug:?}");
        check(&slug, &title, max_len);
    }
});
