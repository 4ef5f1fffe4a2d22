//! How each HTML element's text counts for the search index: a block ends a sentence, inline
//! text joins its neighbours, some elements are left out with all they hold, and headings
//! weigh more.

/// How an element's text joins its neighbours'.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Kind {
    /// A block: its text is a sentence of its own.
    pub block: bool,
    /// Inline: its text belongs to the anchors of the element around it.
    pub inline: bool,
    /// Left out of the text, with all it holds.
    pub hidden: bool,
    /// Has no end tag.
    pub void: bool,
    /// A heading's weight, in whole units.
    pub weight: Option<u8>,
}

/// What the element named `tag` (lower case) is to the text.
pub(super) fn kind(tag: &str) -> Kind {
    let weight = match tag {
        "h1" => Some(7),
        "h2" => Some(6),
        "h3" => Some(5),
        "h4" => Some(4),
        "h5" => Some(3),
        "h6" => Some(2),
        _ => None,
    };
    Kind {
        block: weight.is_some()
            || matches!(
                tag,
                "p" | "td" | "div" | "ul" | "li" | "article" | "section"
            ),
        inline: matches!(
            tag,
            "a" | "abbr"
                | "acronym"
                | "b"
                | "bdo"
                | "big"
                | "br"
                | "button"
                | "cite"
                | "code"
                | "dfn"
                | "em"
                | "i"
                | "img"
                | "input"
                | "kbd"
                | "label"
                | "map"
                | "object"
                | "output"
                | "q"
                | "samp"
                | "script"
                | "select"
                | "small"
                | "span"
                | "strong"
                | "sub"
                | "sup"
                | "textarea"
                | "time"
                | "tt"
                | "var"
        ),
        hidden: matches!(
            tag,
            "head"
                | "style"
                | "script"
                | "noscript"
                | "label"
                | "form"
                | "svg"
                | "footer"
                | "nav"
                | "iframe"
                | "template"
        ),
        void: matches!(
            tag,
            "area"
                | "base"
                | "br"
                | "col"
                | "embed"
                | "hr"
                | "img"
                | "input"
                | "link"
                | "meta"
                | "source"
                | "track"
                | "wbr"
        ),
        weight,
    }
}
