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

/// Turns a serde_json error into a problem that names the line and column.
pub(crate) fn json_problem(file: &str, error: &serde_json::Error) -> Problem {
    Problem::new(
        format!("{file}:{}:{}", error.line(), error.column()),
        format!("this is not valid content: {error}"),
    )
}
