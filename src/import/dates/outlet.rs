//! The agency a dateline names: in brackets or slashes (`/ТАСС/`), or bare before a dash or a
//! period (`Kazinform —`, `«Дунё» АА.`).

use super::scanner::Scanner;
use super::tokens::{Kind, is_quote, is_space};

/// How an outlet in a dateline was closed: brackets are the strongest sign it is one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OutletEnd {
    Wrapped,
    Dash,
    Period,
    Line,
}

pub(super) struct Outlet {
    pub(super) name: String,
    /// the first token after the outlet and its closing mark
    pub(super) next: usize,
    pub(super) end: OutletEnd,
}

impl Scanner<'_> {
    /// An outlet in brackets or slashes: `/ТАСС/`, `(Asia-Plus)`, `(АИ "Ховар")`, `[Kazinform]`.
    pub(super) fn wrapped_outlet(&self, j: usize) -> Option<Outlet> {
        let open = self
            .on_line(j)
            .filter(|t| t.is('(') || t.is('/') || t.is('['))?;
        let close = match open.text {
            "(" => ')',
            "[" => ']',
            _ => '/',
        };
        let end = (j + 1..(j + 16).min(self.tokens.len()))
            .take_while(|&k| self.on_line(k).is_some())
            .find(|&k| self.tokens[k].is(close))?;
        if end == j + 1 {
            return None;
        }
        let name =
            self.text[self.tokens[j + 1].start..self.tokens[end - 1].end].trim_matches(is_space);
        plausible_outlet(name).then(|| Outlet {
            name: unquote(name).to_string(),
            next: end + 1,
            end: OutletEnd::Wrapped,
        })
    }

    /// An outlet named bare, closed by a spaced dash, a period or the end of the line:
    /// `Kazinform —`, `АИ «Корвон Иттилоот». `, `«Дунё» АА.`, `BAQ.KZ -`, `UzA.`. The end of the
    /// line closes it only `after_dash` (`27-avgust – UzA`): after a period, a short capitalised
    /// line is as likely the article's first words.
    pub(super) fn bare_outlet(&self, j: usize, after_dash: bool) -> Option<Outlet> {
        self.on_line(j)?;
        let mut k = j;
        let mut groups = 0;
        let end = loop {
            let Some(t) = self.tokens.get(k) else {
                break OutletEnd::Line;
            };
            if k > j {
                if t.new_line {
                    break OutletEnd::Line;
                }
                if t.is_dash() && t.spaced {
                    break OutletEnd::Dash;
                }
                if t.is('.') && self.tokens.get(k + 1).is_none_or(|next| next.spaced) {
                    break OutletEnd::Period;
                }
            }
            if k == j || t.spaced {
                groups += 1;
                if groups > 5 {
                    return None;
                }
            }
            let inside = match t.kind {
                Kind::Word | Kind::Number => true,
                Kind::Mark => {
                    t.text.starts_with(is_quote)
                        || t.text
                            .starts_with(['.', '-', '&', '+', '_', '!', '\u{2011}'])
                }
            };
            if !inside {
                return None;
            }
            k += 1;
        };
        if k == j || (end == OutletEnd::Line && !after_dash) {
            return None;
        }
        let name = &self.text[self.tokens[j].start..self.tokens[k - 1].end];
        let next = if end == OutletEnd::Line { k } else { k + 1 };
        plausible_outlet(name).then(|| Outlet {
            name: unquote(name).to_string(),
            next,
            end,
        })
    }
}

/// An agency name, not the start of a sentence: short, and every word capitalised (`АИ «Корвон
/// Иттилоот»`, `РИА Новости`, `ҚазАқпарат`), a number after the first (`Хабар 24`) or a domain
/// (`kun.uz`).
fn plausible_outlet(name: &str) -> bool {
    if name.chars().count() > 60 || !name.chars().any(char::is_alphabetic) {
        return false;
    }
    name.split_whitespace().enumerate().all(|(n, group)| {
        let group = group.trim_start_matches(is_quote);
        let Some(first) = group.chars().next() else {
            return true;
        };
        first.is_uppercase()
            || !first.is_alphanumeric()
            || (n > 0 && first.is_ascii_digit())
            || group.rsplit_once('.').is_some_and(|(host, tld)| {
                !host.is_empty() && tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic)
            })
    })
}

/// `«Азия-Плюс»` → `Азия-Плюс`; `«Дунё» АА` stays whole.
fn unquote(name: &str) -> &str {
    let mut chars = name.chars();
    match (chars.next(), chars.next_back()) {
        (Some(open), Some(close)) if is_quote(open) && is_quote(close) => {
            let inner = &name[open.len_utf8()..name.len() - close.len_utf8()];
            if inner.contains(is_quote) || inner.trim().is_empty() {
                name
            } else {
                inner
            }
        }
        _ => name,
    }
}
