//! A person's answers: one [`Answer`], and [`Answers`] by question id, kept
//! sorted in one vector.
//!
//! Tens of answers at most, looked up by binary search: the same behaviour
//! as a `BTreeMap<String, Answer>`, without the tree's code in the browser
//! (about 2 KB gzipped for each map type).

/// One answer. "Not sure" and "prefer not to say" are answers too, and are
/// never read as "no".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Choice(String),
    Choices(Vec<String>),
    NotSure,
    PreferNot,
}

impl Answer {
    pub const NOT_SURE: &'static str = "not_sure";
    pub const PREFER_NOT: &'static str = "prefer_not";

    pub fn is_unknown(&self) -> bool {
        matches!(self, Answer::NotSure | Answer::PreferNot)
    }

    /// Reads the JSON forms `"option"`, `["a", "b"]`, `"not_sure"`, `"prefer_not"`.
    pub fn from_json(value: &super::value::Value) -> Option<Answer> {
        use super::value::Value;
        match value {
            Value::String(s) if s == Self::NOT_SURE => Some(Answer::NotSure),
            Value::String(s) if s == Self::PREFER_NOT => Some(Answer::PreferNot),
            Value::String(s) => Some(Answer::Choice(s.clone())),
            Value::Bool(true) => Some(Answer::Choice("yes".into())),
            Value::Bool(false) => Some(Answer::Choice("no".into())),
            Value::Array(items) => {
                let mut choices = Vec::new();
                for item in items {
                    match item.as_str() {
                        Some(Self::NOT_SURE) => return Some(Answer::NotSure),
                        Some(Self::PREFER_NOT) => return Some(Answer::PreferNot),
                        Some(s) => choices.push(s.to_string()),
                        None => return None,
                    }
                }
                Some(Answer::Choices(choices))
            }
            _ => None,
        }
    }
}


/// Answers by question id, in id order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers(Vec<(String, Answer)>);

impl Answers {
    pub fn new() -> Answers {
        Answers(Vec::new())
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.find(id).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the answer to a question; the previous one, if any.
    pub fn insert(&mut self, id: String, answer: Answer) -> Option<Answer> {
        match self.find(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, answer)),
            Err(i) => {
                self.0.insert(i, (id, answer));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `(id, answer)` in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Answer)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl Extend<(String, Answer)> for Answers {
    fn extend<I: IntoIterator<Item = (String, Answer)>>(&mut self, items: I) {
        for (id, answer) in items {
            self.insert(id, answer);
        }
    }
}

impl FromIterator<(String, Answer)> for Answers {
    fn from_iter<I: IntoIterator<Item = (String, Answer)>>(items: I) -> Answers {
        let mut answers = Answers::new();
        answers.extend(items);
        answers
    }
}

impl<'a> IntoIterator for &'a Answers {
    type Item = (&'a String, &'a Answer);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (String, Answer)>, fn(&'a (String, Answer)) -> (&'a String, &'a Answer)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Behaves as the `BTreeMap` it replaces: last answer wins, id order.
    #[test]
    fn behaves_as_a_sorted_map() {
        let mut answers = Answers::new();
        let mut map = std::collections::BTreeMap::new();
        for (i, id) in ["b", "a", "c", "a", "d", "b"].iter().enumerate() {
            let answer = Answer::Choice(i.to_string());
            assert_eq!(answers.insert(id.to_string(), answer.clone()), map.insert(id.to_string(), answer));
        }
        assert_eq!(answers.remove("c"), map.remove("c"));
        assert_eq!(answers.remove("zz"), map.remove("zz"));
        assert_eq!(answers.iter().collect::<Vec<_>>(), map.iter().collect::<Vec<_>>());
        assert_eq!(answers.get("a"), map.get("a"));
        assert!(answers.contains_key("d") && !answers.contains_key("c"));
        assert_eq!(answers.len(), map.len());
    }
}
