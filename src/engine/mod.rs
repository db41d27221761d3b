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

/// Turns a serde_json error into a problem that names the line and column.
pub(crate) fn json_problem(file: &str, error: &serde_json::Error) -> Problem {
    Problem::new(
        format!("{file}:{}:{}", error.line(), error.column()),
        format!("this is not valid content: {error}"),
    )
}
