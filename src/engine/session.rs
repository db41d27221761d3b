//! A person's way through the questionnaire: answers, where they are, back
//! and forward. Answers live only here, in memory, and [`Session::clear`]
//! drops them.

use super::answer::{Answer, Answers};
use super::bundle::Content;
use super::content::{Mode, Question};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub mode: Mode,
    answers: Answers,
    /// The question on screen; `None` before the first answer is shown, or
    /// after the last, when `finished` is set.
    current: Option<String>,
    finished: bool,
    /// The total last shown in "question N of about M" (0 before the first
    /// answer): it moves at most [`TOTAL_STEP`] per answer.
    total: usize,
}

/// How far the total of "question N of about M" may move at one answer: a
/// person should not see the end move away suddenly.
pub const TOTAL_STEP: usize = 3;

/// Why an answer was not taken. Each has a message key for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownQuestion,
    NothingChosen,
    NotAnOption(String),
    ExclusiveWithOthers(String),
    /// More choices than the question has options (only the API can send them).
    TooMany,
}

impl AnswerError {
    pub fn message_key(&self) -> &'static str {
        match self {
            AnswerError::UnknownQuestion | AnswerError::NotAnOption(_) | AnswerError::TooMany => "ui.error_invalid",
            AnswerError::NothingChosen => "ui.error_choose",
            AnswerError::ExclusiveWithOthers(_) => "ui.error_exclusive",
        }
    }
}

/// For whoever sends answers through the API: what is wrong, in a sentence.
impl std::fmt::Display for AnswerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnswerError::UnknownQuestion => f.write_str("no such question"),
            AnswerError::NothingChosen => f.write_str("nothing is chosen"),
            AnswerError::TooMany => f.write_str("more choices than options"),
            AnswerError::NotAnOption(option) => write!(f, "{} is not an option of this question", super::quoted(option)),
            AnswerError::ExclusiveWithOthers(option) => write!(f, "{} cannot be chosen together with other options", super::quoted(option)),
        }
    }
}

impl Session {
    pub fn new(mode: Mode) -> Session {
        Session { mode, answers: Answers::new(), current: None, finished: false, total: 0 }
    }

    /// Every answer given, including those to questions no longer shown.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The questions shown for the answers so far, in order. A question whose
    /// condition depends on an unanswered question counts as not shown yet.
    pub fn path<'c>(&self, content: &'c Content) -> Vec<&'c Question> {
        path(content, self.mode, &self.answers).0
    }

    /// The answers that count: those of questions that are shown.
    pub fn effective_answers(&self, content: &Content) -> Answers {
        path(content, self.mode, &self.answers).1
    }

    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// The question to show now, or `None` when the questionnaire is done.
    pub fn current<'c>(&self, content: &'c Content) -> Option<&'c Question> {
        self.place(content).0
    }

    /// `(number of the current question, number of questions on the path)`,
    /// both counting from 1. The total grows or shrinks as answers open or
    /// close modules.
    pub fn progress(&self, content: &Content) -> (usize, usize) {
        let (_, number, total) = self.place(content);
        (number, total)
    }

    /// The question to show now with its [`progress`](Session::progress),
    /// from one walk of the path.
    pub fn place<'c>(&self, content: &'c Content) -> (Option<&'c Question>, usize, usize) {
        let path = self.path(content);
        let total = match self.total {
            0 => self.estimate(content),
            shown => shown,
        };
        let current = match &self.current {
            _ if self.finished => None,
            Some(id) => path.iter().find(|q| &q.id == id).copied().or_else(|| self.first_unanswered(&path)),
            None => path.first().copied(),
        };
        let number = match current {
            Some(q) => path.iter().position(|p| p.id == q.id).map_or(path.len(), |i| i + 1),
            None => path.len(),
        };
        (current, number, total.max(number))
    }

    /// How many questions the path will have: the questions not answered
    /// yet are counted as if their `assume` options were chosen (so that,
    /// before the situation is known, the total is that of the usual path,
    /// not of the shortest).
    pub fn estimate(&self, content: &Content) -> usize {
        let mut answers = self.answers.clone();
        for question in content.questionnaire.questions.iter() {
            if !question.assume.is_empty() && !answers.contains_key(&question.id) {
                let mut assumed: Vec<String> = question.assume.iter().map(|o| o.to_string()).collect();
                let answer = if question.kind.multiple() { Answer::Choices(assumed) } else { Answer::Choice(assumed.swap_remove(0)) };
                answers.insert(question.id.to_string(), answer);
            }
        }
        path(content, self.mode, &answers).0.len()
    }

    /// Moves the total shown towards the estimate, by at most [`TOTAL_STEP`].
    /// `path` is the path for the answers as they are: once every question
    /// on it that has `assume` is answered, the estimate is its length, and
    /// no second walk is needed (an assumed answer counts only on the path).
    fn update_total(&mut self, content: &Content, path: &[&Question]) {
        let estimate = if path.iter().all(|q| q.assume.is_empty() || self.answers.contains_key(&q.id)) {
            path.len()
        } else {
            self.estimate(content)
        };
        self.total = match self.total {
            0 => estimate,
            shown => estimate.clamp(shown.saturating_sub(TOTAL_STEP), shown + TOTAL_STEP),
        };
    }

    fn first_unanswered<'c>(&self, path: &[&'c Question]) -> Option<&'c Question> {
        path.iter().find(|q| !self.answers.contains_key(&q.id)).copied()
    }

    /// Records an answer to the question on screen and moves on.
    pub fn answer(&mut self, content: &Content, question_id: &str, answer: Answer) -> Result<(), AnswerError> {
        let question = content.question(question_id).ok_or(AnswerError::UnknownQuestion)?;
        let answer = normalise(content, question, answer)?;
        if self.total == 0 {
            self.total = self.estimate(content);
        }
        self.answers.insert(question_id.to_string(), answer);
        let path = self.path(content);
        self.update_total(content, &path);
        let position = path.iter().position(|q| q.id == question_id);
        let next = match position {
            Some(i) => path.get(i + 1).copied(),
            None => self.first_unanswered(&path),
        };
        match next {
            Some(q) => self.current = Some(q.id.to_string()),
            None => {
                self.current = None;
                self.finished = true;
            }
        }
        Ok(())
    }

    /// Goes one question back. Returns false when already at the first
    /// question (the caller shows the intro).
    pub fn back(&mut self, content: &Content) -> bool {
        let path = self.path(content);
        if self.finished {
            self.finished = false;
            self.current = path.last().map(|q| q.id.to_string());
            return !path.is_empty();
        }
        let Some(current) = self.current(content) else { return false };
        match path.iter().position(|q| q.id == current.id) {
            Some(i) if i > 0 => {
                self.current = Some(path[i - 1].id.to_string());
                true
            }
            _ => false,
        }
    }

    /// Drops every answer.
    pub fn clear(&mut self) {
        *self = Session::new(self.mode);
    }
}

/// Checks an answer against its question, and gives multiple-choice answers
/// one form.
pub fn normalise(content: &Content, question: &Question, answer: Answer) -> Result<Answer, AnswerError> {
    let options = content.options_of(question);
    let check = |choice: &String| {
        if options.iter().any(|o| o == choice) {
            Ok(())
        } else {
            Err(AnswerError::NotAnOption(choice.clone()))
        }
    };
    match (question.kind, answer) {
        (_, unknown @ (Answer::NotSure | Answer::PreferNot)) => Ok(unknown),
        (kind, Answer::Choice(choice)) if kind.multiple() => normalise(content, question, Answer::Choices(vec![choice])),
        (kind, Answer::Choices(given)) if kind.multiple() => {
            // Each option once, in the question's order: a mark per option,
            // not a sort; at most as many choices as options, so the work
            // is bounded by the question, not by what is sent.
            if given.len() > options.len() {
                return Err(AnswerError::TooMany);
            }
            let mut chosen = vec![false; options.len()];
            for choice in &given {
                match options.iter().position(|o| o == choice) {
                    Some(i) => chosen[i] = true,
                    None => return Err(AnswerError::NotAnOption(choice.clone())),
                }
            }
            let mut choices: Vec<String> = Vec::new();
            for (option, chosen) in options.iter().zip(chosen) {
                if chosen {
                    choices.push(option.to_string());
                }
            }
            if choices.is_empty() {
                return Err(AnswerError::NothingChosen);
            }
            if choices.len() > 1 {
                if let Some(exclusive) = choices.iter().find(|c| question.exclusive.iter().any(|e| e == *c)) {
                    return Err(AnswerError::ExclusiveWithOthers(exclusive.clone()));
                }
            }
            Ok(Answer::Choices(choices))
        }
        (_, Answer::Choice(choice)) => {
            check(&choice)?;
            Ok(Answer::Choice(choice))
        }
        (_, Answer::Choices(choices)) => match choices.as_slice() {
            [one] => normalise(content, question, Answer::Choice(one.clone())),
            [] => Err(AnswerError::NothingChosen),
            _ => Err(AnswerError::NotAnOption(super::join(&choices, ","))),
        },
    }
}

/// Walks the questions in order and keeps those shown; returns them with the
/// answers that count.
pub fn path<'c>(content: &'c Content, mode: Mode, answers: &Answers) -> (Vec<&'c Question>, Answers) {
    let mut shown = Vec::new();
    let mut effective = Answers::new();
    for question in content.questionnaire.questions.iter() {
        let Some(module) = content.module(&question.module) else { continue };
        if !module.modes.contains(&mode) {
            continue;
        }
        let module_shows = module.show_if.as_ref().is_none_or(|c| c.evaluate(&effective).shows());
        let question_shows = question.show_if.as_ref().is_none_or(|c| c.evaluate(&effective).shows());
        if module_shows && question_shows {
            shown.push(question);
            if let Some(answer) = answers.get(&question.id) {
                effective.insert(question.id.to_string(), answer.clone());
            }
        }
    }
    (shown, effective)
}
