//! Hashes of an article that tell a rebuild what changed without comparing articles field by
//! field: each covers what one kind of output shows of it. Only the preview's rebuilds take
//! them (kept per article from one rebuild to the next); a build has no use for them.

use crate::load::{Article, Source};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Four hashes of one article, each over what one kind of output shows of it, from the most
/// to the least: while a hash stays the same from one rebuild to the next, so do those outputs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fingerprint {
    /// Everything: the file's path and text. What the article's own page and feeds show.
    pub whole: u64,
    /// What lists and the pages of its story's other versions show of it: everything but the
    /// text after its summary.
    pub card: u64,
    /// Where it sits in the site: slug, date, language, story, countries and topics. What the
    /// site's list pages and the sitemap are made of.
    pub place: u64,
    /// Its file and slug: what links from other articles resolve against.
    pub address: u64,
}

impl Fingerprint {
    /// The fingerprint of `article`.
    pub fn of(article: &Article) -> Fingerprint {
        // Every field named, so that a new one must be placed in the hashes it belongs to.
        let Article {
            path,
            slug,
            title,
            date,
            date_note,
            lang,
            place: dateline_place,
            countries,
            topics,
            story,
            source: Source { outlet, url, photo },
            body,
            // Where the text starts in its file shows only in messages.
            body_line: _,
            // Follow from the body.
            may_link_articles: _,
            may_have_image: _,
            summary,
            photo: lead_photo,
            // Where the photo is named shows only in messages.
            photo_line: _,
            figures,
        } = article;
        let place = hash((slug, date, lang.code, story, countries, topics));
        Fingerprint {
            whole: hash((
                path,
                title,
                date,
                date_note,
                lang.code,
                dateline_place,
                (countries, topics, story),
                (outlet, url, photo),
                summary,
                body.digest(),
                (lead_photo, figures),
            )),
            card: hash((
                place,
                title,
                date_note,
                summary,
                outlet,
                url,
                photo,
                dateline_place,
                lead_photo,
            )),
            place,
            address: hash((path, slug)),
        }
    }
}

impl Fingerprint {
    /// One fingerprint of several (a story's versions'), field by field, in their order.
    pub fn combine<'a>(fingerprints: impl IntoIterator<Item = &'a Fingerprint>) -> Fingerprint {
        let mut hashers: [DefaultHasher; 4] = Default::default();
        for f in fingerprints {
            for (hasher, field) in hashers
                .iter_mut()
                .zip([f.whole, f.card, f.place, f.address])
            {
                field.hash(hasher);
            }
        }
        let [whole, card, place, address] = hashers.map(|h| h.finish());
        Fingerprint {
            whole,
            card,
            place,
            address,
        }
    }
}

fn hash(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
