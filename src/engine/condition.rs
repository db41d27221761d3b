//! Conditions: structured data that decides when a module or question is
//! shown and when an indicator fires. Evaluated with three values, because
//! "not sure" is neither yes nor no.

use serde::{Deserialize, Serialize};

use super::answer::{Answer, Answers};
use super::{List, Text};

/// A condition over earlier answers. Never an expression string: nothing is
/// parsed or run as code.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::condition))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// The question was answered `yes`.
    Yes(Text),
    /// The answer (or, for a multiple choice, any chosen option) is one of `in`.
    Answer {
        q: Text,
        #[serde(rename = "in")]
        options: List<Text>,
    },
    /// Every part holds.
    All(List<Condition>),
    /// Some part holds.
    Any(List<Condition>),
    /// The part does not hold: the one condition in the list (a list, so
    /// that a condition can be a static; written as one condition in JSON).
    Not(#[serde(with = "one")] List<Condition>),
}

/// Kleene's three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Truth {
    False,
    Unknown,
    True,
}

impl Truth {
    /// What a question or module condition means for showing it: anything
    /// but a clear "false" shows it, so not knowing never removes a question.
    pub fn shows(self) -> bool {
        self != Truth::False
    }
}

impl Condition {
    /// Evaluates against the answers of questions that were shown.
    /// An unasked question is false; "not sure" and "prefer not to say" are unknown.
    pub fn evaluate(&self, answers: &Answers) -> Truth {
        match self {
            Condition::Yes(q) => leaf(answers, q, &["yes"]),
            Condition::Answer { q, options } => {
                let options: Vec<&str> = options.iter().map(|o| o.as_ref()).collect();
                leaf(answers, q, &options)
            }
            Condition::All(parts) => parts.iter().map(|c| c.evaluate(answers)).min().unwrap_or(Truth::True),
            Condition::Any(parts) => parts.iter().map(|c| c.evaluate(answers)).max().unwrap_or(Truth::False),
            Condition::Not(inner) => match inner.iter().map(|c| c.evaluate(answers)).min().unwrap_or(Truth::True) {
                Truth::True => Truth::False,
                Truth::False => Truth::True,
                Truth::Unknown => Truth::Unknown,
            },
        }
    }

    /// Every `(question, options)` leaf, for validation.
    pub fn leaves(&self) -> Vec<(&str, Vec<&str>)> {
        let mut out = Vec::new();
        self.collect_leaves(&mut out);
        out
    }

    fn collect_leaves<'a>(&'a self, out: &mut Vec<(&'a str, Vec<&'a str>)>) {
        match self {
            Condition::Yes(q) => out.push((q.as_ref(), vec!["yes"])),
            Condition::Answer { q, options } => {
                out.push((q.as_ref(), options.iter().map(|o| o.as_ref()).collect()))
            }
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|c| c.collect_leaves(out))
            }
            Condition::Not(inner) => inner.iter().for_each(|c| c.collect_leaves(out)),
        }
    }
}

/// (De)serialises the one condition of [`Condition::Not`] as itself.
mod one {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Condition, List};

    pub fn serialize<S: Serializer>(list: &List<Condition>, serializer: S) -> Result<S::Ok, S::Error> {
        match &**list {
            [one] => one.serialize(serializer),
            more => Condition::All(more.to_vec().into()).serialize(serializer),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<List<Condition>, D::Error> {
        Ok(vec![Condition::deserialize(deserializer)?].into())
    }
}

fn leaf(answers: &Answers, question: &str, options: &[&str]) -> Truth {
    match answers.get(question) {
        None => Truth::False,
        // Content may name "not sure" itself: not knowing whether an agency
        // is licensed is a red flag of its own.
        Some(Answer::NotSure) if options.contains(&Answer::NOT_SURE) => Truth::True,
        Some(Answer::PreferNot) if options.contains(&Answer::PREFER_NOT) => Truth::True,
        Some(Answer::NotSure) | Some(Answer::PreferNot) => Truth::Unknown,
        Some(Answer::Choice(choice)) => bool_truth(options.contains(&choice.as_str())),
        Some(Answer::Choices(choices)) => {
            bool_truth(choices.iter().any(|c| options.contains(&c.as_str())))
        }
    }
}

fn bool_truth(value: bool) -> Truth {
    if value {
        Truth::True
    } else {
        Truth::False
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(pairs: &[(&str, Answer)]) -> Answers {
        pairs.iter().map(|(q, a)| (q.to_string(), a.clone())).collect()
    }

    #[test]
    fn unknown_is_neither_yes_nor_no() {
        let c: Condition = serde_json::from_str(r#"{"yes": "q"}"#).unwrap();
        assert_eq!(c.evaluate(&answers(&[("q", Answer::NotSure)])), Truth::Unknown);
        assert_eq!(c.evaluate(&answers(&[("q", Answer::Choice("no".into()))])), Truth::False);
        assert_eq!(c.evaluate(&answers(&[])), Truth::False);
        let not: Condition = serde_json::from_str(r#"{"not": {"yes": "q"}}"#).unwrap();
        assert_eq!(not.evaluate(&answers(&[("q", Answer::PreferNot)])), Truth::Unknown);
        assert!(Truth::Unknown.shows());
    }

    #[test]
    fn all_and_any_follow_kleene() {
        let all: Condition =
            serde_json::from_str(r#"{"all": [{"yes": "a"}, {"answer": {"q": "b", "in": ["x", "y"]}}]}"#).unwrap();
        let any: Condition = serde_json::from_str(r#"{"any": [{"yes": "a"}, {"yes": "b"}]}"#).unwrap();
        let a = answers(&[("a", Answer::NotSure), ("b", Answer::Choices(vec!["y".into()]))]);
        assert_eq!(all.evaluate(&a), Truth::Unknown);
        assert_eq!(any.evaluate(&a), Truth::Unknown);
        let a = answers(&[("a", Answer::Choice("no".into())), ("b", Answer::Choices(vec!["y".into()]))]);
        assert_eq!(all.evaluate(&a), Truth::False);
    }
}
