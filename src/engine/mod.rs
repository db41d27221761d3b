//! The pure engine: questionnaire, session, assessment, referrals, catalogs.
//!
//! Everything here is plain data and plain functions over it. Loading content
//! returns the content together with a list of [`Problem`]s, in the manner of
//! a compiler's diagnostics: broken content is reported, never a panic.
//!
//! ```
//! use putokaz::engine::{builtin, Answer, Mode, Session};
//!
//! let content = builtin::content();
//! let mut session = Session::new(Mode::Screening);
//! let first = session.current(content).expect("the questionnaire has questions");
//! session.answer(content, &first.id.clone(), Answer::NotSure);
//! assert_ne!(session.current(content).map(|q| q.id.clone()), Some(first.id.clone()));
//! ```

pub mod api;
pub mod assess;
pub mod builtin;
pub mod catalog;
pub mod condition;
pub mod content;
pub mod flow;
pub mod json;
pub mod partner;
mod read;
pub mod referral;
pub mod session;
pub mod time;
pub mod translit;

use std::fmt;

use serde::Serialize;

pub use assess::{assess, Level, Outcome};
pub use catalog::Catalog;
pub use condition::{Condition, Truth};
pub use content::{Answer, Answers, Content, Kind, Mode, Question};
pub use session::Session;

/// Something wrong with content, a partner config or an input, said so that
/// whoever can fix it knows where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Where: a file and a path inside it, such as `questionnaire.json: questions[3] "fee"`.
    pub location: String,
    /// Why, in a sentence.
    pub message: String,
}

impl Problem {
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { location: location.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Sorts a short list, stably (equal items keep their order), like
/// `slice::sort_by`. The lists sorted here have tens of items, where an
/// insertion sort is quick; the standard sort costs the browser a few
/// kilobytes of wasm for every type it sorts, this a few dozen bytes.
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == std::cmp::Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Where `pattern` first occurs in `text`, like `text.find(pattern)`.
/// A `&str` pattern makes std bring in its two-way string searcher (about
/// 3 KB of wasm); the texts searched here are short, where comparing at
/// each byte is quick. Matching whole UTF-8 sequences, a match always starts
/// and ends on character boundaries. An empty pattern is never found.
pub(crate) fn find(text: &str, pattern: &str) -> Option<usize> {
    if pattern.is_empty() {
        return None;
    }
    text.as_bytes().windows(pattern.len()).position(|window| window == pattern.as_bytes())
}

/// `text.replace(from, to)` for a non-empty `from`, without the two-way
/// searcher (see [`find`]): every match, left to right, never overlapping.
pub(crate) fn replace(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find(rest, from) {
        out.push_str(&rest[..at]);
        out.push_str(to);
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

/// `items.join(separator)`. std's `join` is compiled anew for each item
/// type, about 1.2 KB of wasm each; this loop is a few dozen bytes.
pub(crate) fn join<S: AsRef<str>>(items: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// Turns a serde_json error into a problem that names the line and column.
pub(crate) fn json_problem(file: &str, error: &serde_json::Error) -> Problem {
    Problem::new(
        format!("{file}:{}:{}", error.line(), error.column()),
        format!("this is not valid content: {error}"),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn find_and_replace_work_as_std_does() {
        let texts = ["", "a", "{n}", "{n}{n}", "x {n} y {nn} {n}", "ааа{n}ћћ", "aaaa", "https://https://x/"];
        for text in texts {
            for pattern in ["{n}", "a", "aa", "ћ", "https://", "zz"] {
                assert_eq!(super::find(text, pattern), text.find(pattern), "{text:?} {pattern:?}");
                assert_eq!(super::replace(text, pattern, "<{n}>"), text.replace(pattern, "<{n}>"), "{text:?} {pattern:?}");
            }
        }
        assert_eq!(super::find("abc", ""), None);
        for items in [&[][..], &["a"], &["a", "", "b"]] {
            assert_eq!(super::join(items, ", "), items.join(", "));
        }
    }
}
