//! The tokens dates are read over: runs of letters, runs of ASCII digits, single other marks,
//! each with its byte range and whether whitespace or a line break precedes it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Number,
    Mark,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    pub(super) kind: Kind,
    pub(super) text: &'a str,
    pub(super) start: usize,
    pub(super) end: usize,
    /// whitespace separates it from the previous token
    pub(super) spaced: bool,
    /// a line break does: dates and datelines never run across lines
    pub(super) new_line: bool,
}

impl Token<'_> {
    pub(super) fn is(&self, mark: char) -> bool {
        self.kind == Kind::Mark && self.text.starts_with(mark)
    }

    pub(super) fn is_dash(&self) -> bool {
        self.kind == Kind::Mark && self.text.starts_with(is_dash)
    }

    /// The hyphen of `27-август`, `30-юми`, `2025-yil`; sloppy texts type an en dash there.
    pub(super) fn is_hyphen(&self) -> bool {
        self.kind == Kind::Mark && self.text.starts_with(['-', '\u{2010}', '\u{2011}', '–'])
    }

    pub(super) fn starts_upper(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let (mut spaced, mut new_line) = (false, false);
    while let Some((start, c)) = chars.next() {
        if is_space(c) {
            spaced = true;
            new_line |= is_line_break(c);
            continue;
        }
        let kind = if c.is_ascii_digit() {
            Kind::Number
        } else if is_word_char(c) {
            Kind::Word
        } else {
            Kind::Mark
        };
        let mut end = start + c.len_utf8();
        if kind != Kind::Mark {
            while let Some(&(at, next)) = chars.peek() {
                let continues = match kind {
                    Kind::Number => next.is_ascii_digit(),
                    _ => {
                        is_word_char(next)
                            // `Qo'rg'ontepa`, `O’zbekiston`: an apostrophe between letters is a letter.
                            || (is_apostrophe(next) && {
                                let mut ahead = chars.clone();
                                ahead.next();
                                ahead.peek().is_some_and(|&(_, after)| is_word_char(after))
                            })
                    }
                };
                if !continues {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
        }
        tokens.push(Token {
            kind,
            text: &text[start..end],
            start,
            end,
            spaced,
            new_line,
        });
        spaced = false;
        new_line = false;
    }
    tokens
}

pub(super) fn is_space(c: char) -> bool {
    // Zero-width spaces and the byte order mark separate words in pasted texts without showing.
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_word_char(c: char) -> bool {
    // Combining marks (a stress accent, a decomposed `и̇`) and invisible joiners or soft hyphens
    // belong to the word they sit in; `fold` drops them.
    c.is_alphabetic() || is_combining(c) || matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}')
}

pub(super) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{483}'..='\u{489}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | '`' | 'ʻ' | 'ʼ' | 'ʹ')
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

pub(super) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '"' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | '\'' | '‹' | '›' | '`'
    )
}

pub(super) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{c0}'..='\u{2af}' | '\u{1e00}'..='\u{1eff}') && c.is_alphabetic())
}

pub(super) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{400}'..='\u{52f}' | '\u{1c80}'..='\u{1c8f}' | '\u{2de0}'..='\u{2dff}' | '\u{a640}'..='\u{a69f}')
}
