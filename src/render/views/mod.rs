//! What templates see: plain serializable structs, built from the model per UI language.
//! List pages get article metadata only, never rendered bodies.

mod builder;
mod frame;

pub(super) use builder::ViewBuilder;
pub(super) use frame::Frame;
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// What every page has: language, site identity, navigation, head links. The parts every
/// page of a tree shares are values of its [`Frame`].
#[derive(Serialize)]
pub(super) struct PageView<'a> {
    /// The UI language: `<html lang>`.
    pub lang: &'a str,
    /// A [`SiteView`].
    pub site: tera::Value,
    /// The `<title>`.
    pub title: String,
    /// The page's own heading (`h1`).
    pub heading: String,
    pub description: String,
    /// Absolute canonical URL.
    pub canonical: String,
    /// The same page in every UI language: the language switch.
    pub alternates: Vec<Alternate>,
    /// The `hreflang` annotations: the same page in every UI language (and `x-default`), but for
    /// articles their language versions (see [`crate::model::Site::language_versions`]).
    pub hreflang: Vec<HrefLang>,
    /// The main menu: [`Link`]s, the page's section current.
    pub nav: tera::Value,
    pub breadcrumbs: Vec<Link>,
    /// The site's Atom feed in this language: a [`Link`].
    pub feed: tera::Value,
    /// A country's or topic's own feed, on its page.
    pub term_feed: Option<Link>,
    /// This language's search page, where the header's search box sends its query (`?q=`).
    pub search: tera::Value,
    /// The [`Assets`].
    pub assets: tera::Value,
    /// What link previews show: `OpenGraph` and Twitter card data.
    pub preview: Preview,
    /// schema.org documents, JSON already escaped for a `<script>` element.
    pub json_ld: Vec<String>,
}

/// Link preview data (`OpenGraph`, Twitter cards).
#[derive(Serialize)]
pub(super) struct Preview {
    /// `website` or `article`.
    pub kind: &'static str,
    /// Absolute URL of the image.
    pub image: String,
    pub image_width: u32,
    pub image_height: u32,
    pub image_alt: String,
    /// `kk_KZ`: the page's locale, and the other UI languages' (a list).
    pub locale: tera::Value,
    pub locale_alternates: tera::Value,
}

#[derive(Serialize)]
pub(super) struct SiteView<'a> {
    pub title: &'a str,
    pub description: String,
    /// Root-relative link to this language's home.
    pub home: String,
    pub base_url: &'a str,
    pub base_path: &'a str,
}

#[derive(Serialize, Clone)]
pub(super) struct Link {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// A country's or topic's link in one UI tree with its template value, both made once per
/// tree (in its [`Frame`]): every card shows its story's terms, and a card made for each list
/// it is on made them again each time.
#[derive(Clone)]
pub(super) struct TermLink {
    pub link: Link,
    value: tera::Value,
}

impl TermLink {
    pub(super) fn new(link: Link) -> TermLink {
        let value = tera::Value::from_serializable(&link);
        TermLink { link, value }
    }
}

impl Serialize for TermLink {
    /// As its value: into a template's context, that is a copy of a shared value.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

#[derive(Serialize)]
pub(super) struct Alternate {
    pub lang: String,
    pub name: String,
    /// Root-relative.
    pub href: String,
    pub current: bool,
}

/// One `<link rel="alternate" hreflang>`.
#[derive(Serialize)]
pub(super) struct HrefLang {
    /// A language code or `x-default`.
    pub lang: String,
    /// Absolute.
    pub url: String,
}

/// The URLs pages link the static files by: under the base path, each with a hash of the
/// file's content (`?v=…`) so that browsers fetch it again exactly when it changed.
#[derive(Serialize, Clone, Debug)]
pub struct Assets {
    /// The site's stylesheet, `style.css`.
    pub style: String,
    /// The code highlighting's stylesheet, `syntax.css`, linked only by pages with code.
    pub syntax: String,
    /// The site's icon, `favicon.svg`.
    pub icon: String,
    /// The image link previews show (`OpenGraph`, Twitter cards).
    pub social: String,
    /// The script of the search page.
    pub search: String,
    /// The photos articles show, and the files made of them.
    #[serde(skip)]
    pub photos: std::sync::Arc<crate::photos::Photos>,
}

/// A story as one entry of a list, in the UI language's terms.
#[derive(Serialize)]
pub(super) struct StoryCard<'a> {
    pub title: &'a str,
    pub href: String,
    /// The language of the shown version's text.
    pub lang: &'static str,
    pub lang_name: &'static str,
    pub lang_short: &'static str,
    /// Whether the text is in a language other than the UI's: the badge is shown then.
    pub foreign: bool,
    pub date: String,
    pub datetime: String,
    pub summary: &'a str,
    pub outlet: &'a str,
    pub countries: Vec<Cow<'a, TermLink>>,
    pub topics: Vec<Cow<'a, TermLink>>,
    pub also_in: Vec<VersionLink<'a>>,
    /// The HTML of the version's lead photo as a small thumbnail.
    pub thumb: Option<String>,
}

/// Another language version of the same story.
#[derive(Serialize)]
pub(super) struct VersionLink<'a> {
    pub lang: &'static str,
    /// The language's name, and the outlet when the story has several versions in it.
    pub name: String,
    pub href: String,
    pub title: &'a str,
}

/// An article page's own content.
#[derive(Serialize)]
pub(super) struct ArticleView<'a> {
    pub card: StoryCard<'a>,
    /// The version's year: a search filter.
    pub year: u16,
    pub body: &'a str,
    /// Whether the body has a highlighted code block: the page then links `syntax.css`.
    pub has_code: bool,
    pub date_note: Option<&'a str>,
    pub source_url: Option<&'a str>,
    /// The lead photo.
    pub lead: Option<LeadView<'a>>,
    /// The credit of the original text's photo, which this article does not show.
    pub original_photo: Option<&'a str>,
    /// The dateline's place, in the UI language when the taxonomy knows it.
    pub place: Option<&'a str>,
    /// The language of `place` when it is shown as the article writes it (the taxonomy does not
    /// know it): the article's.
    pub place_lang: Option<&'static str>,
}

/// An article's lead photo, with what its caption says.
#[derive(Serialize)]
pub(super) struct LeadView<'a> {
    /// The `<picture>`.
    pub picture: String,
    /// The caption in the UI language, or else in the article's.
    pub caption: Option<&'a str>,
    /// The caption's language.
    pub caption_lang: Option<&'a str>,
    pub credit: Option<&'a str>,
}

/// Page numbers of a paginated list.
#[derive(Serialize)]
pub(super) struct Pagination {
    pub current: usize,
    pub total: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
    /// Page links around the current one; `None` marks a gap.
    pub pages: Vec<Option<Link>>,
}
