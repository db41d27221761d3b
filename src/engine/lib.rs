//! The pure engine: questionnaire, session, assessment, referrals, catalogs.
//!
//! Everything here is plain data and plain functions over it. Loading content
//! returns the content together with a list of [`Problem`]s, in the manner of
//! a compiler's diagnostics: broken content is reported, never a panic.
//!
//! The built-in content is loaded and checked by [`Content::load`] when
//! Putokaz is built, and compiled into the program as Rust statics (see
//! `build.rs` at the top of the repository); partner configs and answers,
//! which arrive at run time, are read and checked here too.
//!
//! ## Layers
//!
//! A module uses only this file's own items and modules of lower layers
//! (`tests/layers.rs` reads every `super::` path and fails on any other), so
//! the modules form an acyclic graph, read from the bottom up:
//!
//! 1. `translit`, `time`, `plural`, `value`: texts, clocks, plural rules, JSON values
//! 2. `answer`: one answer, and a person's answers
//! 3. `condition`: when a question shows or an indicator fires
//! 4. `content`: the questionnaire's model: modules, questions, indicators, ILO/EC grades, levels
//! 5. `catalog`, `directory`: messages per language; services and how to reach them
//! 6. `read`, `check`: directory entries read strictly from JSON, as partners write them; the text check's rules and the pay check
//! 7. `bundle`: a whole [`Content`], loaded from its files and checked as one
//! 8. `session`: one person's way through the questions
//! 9. `assess`: answers to indicators, dimensions and a level
//! 10. `referral`, `partner`: the short list of help for one person; a partner's config
//! 11. `report`: a result in one language, with its referrals
//! 12. `flow`: the widget's screens as a state machine, and their view models
//! 13. `api`: the questionnaire, assessment and validation as the command line and JS API give them
//! 14. `json`: those shapes written as JSON for the browser

// The byte-saving rules of clippy.toml, for the code the browser runs (not
// for the native unit tests).
#![cfg_attr(not(test), warn(clippy::disallowed_methods))]

/// Whether the flow offers the text check (the `check` feature): a
/// constant, so the browser build without it leaves out all the code that
/// only the check's screens reach.
pub const CHECK: bool = cfg!(feature = "check");

pub mod translit;
pub mod time;
pub mod plural;
pub mod value;
pub mod answer;
pub mod check;
pub mod condition;
pub mod content;
pub mod catalog;
pub mod directory;
pub mod read;
pub mod bundle;
pub mod session;
pub mod assess;
pub mod referral;
pub mod partner;
pub mod report;
pub mod flow;
pub mod api;
pub mod json;

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

/// A text of the content: borrowed from the compiled-in statics, or owned
/// when it comes from a partner config or a file read at run time.
pub type Text = Cow<'static, str>;

/// A list of the content, borrowed or owned like [`Text`].
pub type List<T> = Cow<'static, [T]>;

/// `(key, value)` pairs sorted by key, (de)serialised as a JSON object:
/// the compiled form of a map (a `BTreeMap` cannot be a static).
pub mod pairs {
    use std::borrow::Borrow;

    use serde::de::{Deserialize, Deserializer};
    use serde::ser::{Serialize, SerializeMap, Serializer};

    use super::List;

    pub fn serialize<S: Serializer, K: Serialize + Clone, V: Serialize + Clone>(pairs: &List<(K, V)>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(pairs.len()))?;
        for (key, value) in pairs.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }

    pub fn deserialize<'de, D, K, V>(deserializer: D) -> Result<List<(K, V)>, D::Error>
    where
        D: Deserializer<'de>,
        K: Deserialize<'de> + Ord + Clone,
        V: Deserialize<'de> + Clone,
    {
        let map = std::collections::BTreeMap::<K, V>::deserialize(deserializer)?;
        Ok(map.into_iter().collect::<Vec<_>>().into())
    }

    /// The value for `key`, if any.
    pub fn get<'a, K: Borrow<Q>, Q: Ord + ?Sized, V>(pairs: &'a [(K, V)], key: &Q) -> Option<&'a V> {
        pairs.binary_search_by(|(k, _)| k.borrow().cmp(key)).ok().map(|i| &pairs[i].1)
    }

    /// Sets `key` to `value`, keeping the pairs sorted.
    pub fn insert<K: Ord + Clone, V: Clone>(pairs: &mut List<(K, V)>, key: K, value: V) {
        match pairs.binary_search_by(|(k, _)| k.cmp(&key)) {
            Ok(i) => pairs.to_mut()[i].1 = value,
            Err(i) => pairs.to_mut().insert(i, (key, value)),
        }
    }
}

pub use answer::{Answer, Answers};
pub use assess::{assess, Outcome};
pub use bundle::{Content, Files};
pub use catalog::Catalog;
pub use condition::{Condition, Truth};
pub use content::{Kind, Level, Mode, Question};
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

/// Sorts a list stably (equal items keep their order), like
/// `slice::sort_by`, in O(n log n) comparisons. The standard sort costs the
/// browser a few kilobytes of wasm for every type it sorts; here only the
/// two closures below are compiled per type, and the sort itself, over
/// indices, once.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    let mut destination = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(&mut destination, &mut |a, b| items.swap(a, b));
}

/// Where each of `n` items goes when sorted by `compare` (over indices): a
/// bottom-up merge sort, at most n·⌈log₂ n⌉ comparisons, stable.
fn sorted_positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order = vec![0; n];
    let mut merged = vec![0; n];
    for (i, slot) in order.iter_mut().enumerate() {
        *slot = i;
    }
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, middle);
            #[allow(clippy::needless_range_loop, reason = "indexing, not a subslice: fewer of std's panic paths in the wasm")]
            for slot in start..end {
                // Ties take the left run first: the sort is stable.
                let take_left = left < middle && (right == end || compare(order[left], order[right]) != std::cmp::Ordering::Greater);
                if take_left {
                    merged[slot] = order[left];
                    left += 1;
                } else {
                    merged[slot] = order[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    // `order[rank]` is the item of that rank; each item's rank is its destination.
    for (rank, &item) in order.iter().enumerate() {
        merged[item] = rank;
    }
    merged
}

/// Moves every item to its destination with at most n swaps: each swap puts
/// one item where it belongs.
fn permute(destination: &mut [usize], swap: &mut dyn FnMut(usize, usize)) {
    for i in 0..destination.len() {
        while destination[i] != i {
            let j = destination[i];
            swap(i, j);
            destination.swap(i, j);
        }
    }
}

/// Where `pattern` first occurs in `text`, like `text.find(pattern)`.
/// A `&str` pattern makes std bring in its two-way string searcher (about
/// 3 KB of wasm); the texts searched here are short, where comparing at
/// each byte is quick. Matching whole UTF-8 sequences, a match always starts
/// and ends on character boundaries. An empty pattern is never found.
pub fn find(text: &str, pattern: &str) -> Option<usize> {
    if pattern.is_empty() {
        return None;
    }
    text.as_bytes().windows(pattern.len()).position(|window| window == pattern.as_bytes())
}

/// `text.replace(from, to)` for a non-empty `from`, without the two-way
/// searcher (see [`find`]): every match, left to right, never overlapping.
pub fn replace(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find(rest, from) {
        // `find` gives character boundaries; `get` rather than `[..]`
        // keeps std's slicing panic (and its `char` formatting) out of the wasm.
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(to);
        rest = rest.get(at + from.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// `items.join(separator)`. std's `join` is compiled anew for each item
/// type, about 1.2 KB of wasm each; this loop is a few dozen bytes.
pub fn join<S: AsRef<str>>(items: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// `n` in decimal, as `n.to_string()` writes it. Every integer type's
/// `Display` is its own code in the wasm; this one serves them all.
pub fn decimal(n: u64) -> String {
    digits(n, 10)
}

/// `n` in base 10 or 16, lower-case, most significant digit first.
fn digits(mut n: u64, base: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(b"0123456789abcdef"[(n % base) as usize]);
        n /= base;
        if n == 0 {
            break;
        }
    }
    // ASCII digits, pushed as chars: no UTF-8 check linked in for them.
    let mut out = String::with_capacity(digits.len());
    for &digit in digits.iter().rev() {
        out.push(char::from(digit));
    }
    out
}

/// A signed `n` in decimal, as `n.to_string()` writes it.
pub fn signed_decimal(n: i64) -> String {
    let digits = decimal(n.unsigned_abs());
    if n < 0 { concat(&["-", &digits]) } else { digits }
}

/// The texts one after another, like `parts.concat()` or `format!` with
/// only `{}`: one loop, where each `format!` builds its arguments in place.
pub fn concat(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        out.push_str(part);
    }
    out
}

/// A language tag's primary subtag: `sr` of `sr-Latn` or `sr_Latn`. (A
/// search for two characters, `split(['-', '_'])`, brings std's searcher for
/// them into the wasm.)
pub fn primary_subtag(tag: &str) -> &str {
    let end = tag.bytes().position(|b| b == b'-' || b == b'_').unwrap_or(tag.len());
    tag.get(..end).unwrap_or(tag)
}

/// How many characters `text` has: its bytes that do not continue a
/// character. `str::chars().count()` links std's own counting routine,
/// about 0.8 KB of wasm for the same answer.
pub fn chars_in(text: &str) -> usize {
    text.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// At most `max_chars` characters of `text`, with "…" when cut.
pub fn truncate(text: &str, max_chars: usize) -> String {
    // Where the character after the first `max_chars` starts, if there is one
    // (collecting the characters into a new string costs more wasm).
    let mut starts = text.bytes().enumerate().filter(|(_, b)| b & 0xC0 != 0x80);
    match starts.nth(max_chars) {
        Some((cut, _)) => concat(&[text.get(..cut).unwrap_or_default(), "…"]),
        None => text.to_string(),
    }
}

/// A text in double quotes with `"`, `\\` and control characters escaped,
/// as `{:?}` writes it for the texts Putokaz reports (without `Debug`'s
/// Unicode tables, about 3 KB of wasm).
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                out.push_str("\\u{");
                out.push_str(&digits(u64::from(u32::from(c)), 16));
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `["a", "b"]`, as `{:?}` writes a list of texts.
pub fn quoted_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| quoted(item)).collect();
    format!("[{}]", join(&quoted, ", "))
}

/// A JSON syntax error: serde_json's, or [`value`]'s with the same wording.
pub(crate) trait JsonError: fmt::Display {
    fn line(&self) -> usize;
    fn column(&self) -> usize;
}

impl JsonError for serde_json::Error {
    fn line(&self) -> usize {
        self.line()
    }
    fn column(&self) -> usize {
        self.column()
    }
}

impl JsonError for value::Error {
    fn line(&self) -> usize {
        self.line()
    }
    fn column(&self) -> usize {
        self.column()
    }
}

/// Turns a JSON error into a problem that names the line and column.
pub(crate) fn json_problem(file: &str, error: &impl JsonError) -> Problem {
    Problem::new(
        format!("{file}:{}:{}", error.line(), error.column()),
        format!("this is not valid content: {error}"),
    )
}

#[cfg(test)]
mod tests {
    /// A long name in a problem is cut after whole characters, with "…".
    #[test]
    fn truncate_cuts_after_whole_characters() {
        assert_eq!(super::truncate("Šabac", 5), "Šabac");
        assert_eq!(super::truncate("Šabac", 2), "Ša…");
        assert_eq!(super::truncate("Ђурђевдан", 3), "Ђур…");
        assert_eq!(super::truncate("", 0), "");
        assert_eq!(super::truncate("ab", 0), "…");
    }

    #[test]
    fn sort_by_sorts_stably_as_std_does_in_n_log_n_comparisons() {
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for n in [0usize, 1, 2, 3, 5, 8, 13, 100, 1000, 64_000] {
            let inputs: [Vec<(u32, usize)>; 4] = [
                (0..n).map(|i| (next() % 10, i)).collect(),
                (0..n).map(|i| (next(), i)).collect(),
                (0..n).rev().map(|i| (i as u32, i)).collect(),
                (0..n).map(|i| (i as u32, i)).collect(),
            ];
            for input in inputs {
                let mut ours = input.clone();
                let mut comparisons = 0usize;
                super::sort_by(&mut ours, |a, b| {
                    comparisons += 1;
                    a.0.cmp(&b.0)
                });
                let mut theirs = input.clone();
                theirs.sort_by_key(|a| a.0);
                assert_eq!(ours, theirs, "n = {n}: sorted, and equal keys in their first order");
                // An insertion sort needs about n²/4 here (10⁹ for 64,000 items).
                let bound = n * (usize::BITS - n.saturating_sub(1).leading_zeros()) as usize;
                assert!(comparisons <= bound, "n = {n}: {comparisons} comparisons, more than n·⌈log₂ n⌉ = {bound}");
            }
        }
    }

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
        for text in ["", "a", "say \"hi\"", "back\\slash", "tab\tnew\nline\r", "nul\0", "bell\u{7}", "del\u{7f}", "ћирилица", "\u{85}"] {
            assert_eq!(super::quoted(text), format!("{text:?}"));
        }
        assert_eq!(super::quoted_list(&["a", "b\""]), format!("{:?}", ["a", "b\""]));
        for n in [0, 1, 9, 10, 99, 100, 12345, u64::MAX] {
            assert_eq!(super::decimal(n), n.to_string());
        }
        for n in [0, -1, 7, -10, 1000, i64::MIN, i64::MAX] {
            assert_eq!(super::signed_decimal(n), n.to_string());
        }
        for items in [&[][..], &["a"], &["a", "", "b"]] {
            assert_eq!(super::join(items, ", "), items.join(", "));
        }
    }
}
