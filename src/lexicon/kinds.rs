//! The kinds of page furniture and of credits a language file lists.

use serde::Deserialize;

/// The kinds of page furniture ([`crate::import::furniture`]), the keys of a file's `[chrome]`. Unless said
/// otherwise an entry is compared with a whole line's key (see `furniture::key`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ChromeKind {
    /// The first item of a breadcrumb, or a "home" link.
    Home,
    /// Site navigation that is never article text on a line of its own.
    Nav,
    /// Section names: furniture above or below the article or next to a menu; inside the article
    /// the same word may be a subheading.
    Rubrics,
    /// Language switches, and the names of languages a site's language menu lists.
    Languages,
    /// Names of the days of the week, as a page writes its date (one word each).
    Weekdays,
    /// "Today", "yesterday", as a page writes a recent date (one word each).
    RelativeDays,
    /// Badges a site appends to a headline ("Новость дня"), compared with the headline's end.
    Badges,
    /// Words that mark a line as the site's logo or branding (one word each).
    Logos,
    /// Buttons and links of page widgets.
    Widgets,
    /// Share buttons written as a phrase.
    ShareLines,
    /// Words of a share button that name the act of sharing (one word each).
    ShareVerbs,
    /// Words that begin a share button label and are followed by more ("Поделиться этой новостью").
    /// English "share" is not one: "Share of trade…" begins headlines.
    ShareStarts,
    /// Text that begins a share button label, whatever follows.
    SharePrefixes,
    /// Words that may stand beside a network or share verb on a button ("в", "мен"; one word each).
    ShareFillers,
    /// Social networks and messengers (one word each).
    Networks,
    /// Buttons and headings of a comments widget.
    CommentWidgets,
    /// A comment form's labels, written as sentences; found anywhere in a line.
    CommentForms,
    /// Subscription buttons.
    SubscribeButtons,
    /// Calls to the reader to subscribe; found anywhere in a line, with a channel. Imperatives only,
    /// so that a report that someone subscribed to a channel is kept.
    SubscribeCalls,
    /// What a reader is called to subscribe to; found anywhere in a line.
    Channels,
    /// App store names; found anywhere in a line.
    AppStores,
    /// Calls to download the outlet's app.
    AppCalls,
    /// The word for a cookie; found anywhere in a line.
    Cookie,
    /// The buttons under a cookie notice.
    CookieButtons,
    /// "All rights reserved"; found anywhere in a line.
    Rights,
    /// Terms of reuse ("a link to the source is required"); found anywhere in a line.
    Reuse,
    /// "Read also" headers, on their own line or before a colon and a headline.
    ReadAlso,
    /// Headers of a block of links to other articles.
    RelatedHeaders,
    /// Headers of a tag list.
    TagHeaders,
    /// Beginnings of a view or like counter's label, where no ordinary word starts the same way.
    ViewStems,
    /// Whole words of a view, like or reading-time counter's label.
    ViewWords,
    /// Beginnings of a comment counter's label.
    CommentStems,
    /// Whole words of a comment counter's label.
    CommentWords,
    /// Words that may stand in a counter beside its label and number ("мин", "саны").
    CounterFillers,
    /// Abbreviations of "thousand" and "million" that end a counter's number ("1.2k", "3,4к").
    CounterMultipliers,
    /// Counter labels that are furniture even without their number.
    LoneCounterLabels,
    /// What a scraper leaves of a page's scripts and placeholders ("undefined", "Загрузка...").
    Debris,
}

/// The kinds of credits ([`crate::import::credits`], and photo credits that [`crate::import::furniture`] leaves
/// alone), the keys of a file's `[credits]`. Entries are lower case, without the colon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CreditKind {
    /// Labels that begin a photo, video or graphics credit line, which furniture must keep.
    MediaLabels,
    /// Labels of a photo credit line whose credit goes into the front matter.
    PhotoLabels,
    /// Phrases after which a sentence names its source, tried in order.
    Attributions,
    /// Abbreviations that mark an outlet's name when they end a word ("ИА", "АИ").
    OutletAbbreviations,
    /// Words and fragments that mark a short phrase as an outlet's name, found anywhere in it.
    OutletMarkers,
}
