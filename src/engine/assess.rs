//! From answers to guidance: which indicators fired, which ILO/EC dimensions
//! are positive, the level, and what could not be assessed.
//!
//! The rules (docs/METHODOLOGY.md explains them with sources):
//!
//! * A dimension is positive with at least two strong signs; or one strong and
//!   one medium or weak; or three medium; or two medium and one weak.
//! * Adult case: a recruitment dimension, exploitation, and coercion or
//!   vulnerability at destination are all positive. Child case: no means are
//!   needed; an act (or a recruitment dimension) and exploitation suffice.
//! * Overrides only raise the level: a sign of danger now makes it `urgent`;
//!   a child in exploitation makes it at least `serious`, and so does a
//!   grave purpose (Art. 388-390: prostitution of others, slavery, forced
//!   marriage, organs, armed conflict, begging or crime) at any age.
//! * Unknown answers never lower a level: they fire nothing, and never hide a
//!   question, so the level is what the known answers show; the result says
//!   what could not be assessed, and whether it could be higher.

use serde::Serialize;

use super::answer::Answers;
use super::bundle::Content;
use super::content::{Dimension, Element, Grade, Indicator, IndicatorSet, Level, Mode, Role};
use super::condition::Truth;
use super::session;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JobOfferScore {
    pub score: u32,
    pub max_score: u32,
    /// Fired red flags, heaviest first.
    pub flags: Vec<String>,
    /// Always false for now: the weights are expert-set guidance.
    pub validated: bool,
}

/// What the engine concludes. Language-free: texts come from catalogs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub level: Level,
    pub mode: Mode,
    /// Fired indicators, in content order.
    pub fired: Vec<String>,
    /// The indicator sets whose rules applied (adult, child, or both when the age is not known).
    pub sets: Vec<IndicatorSet>,
    pub positive: Vec<(IndicatorSet, Dimension)>,
    /// Questions answered "not sure" or "prefer not to say".
    pub unknown_questions: Vec<String>,
    /// Indicators that could not be checked because of those answers.
    pub unassessed: Vec<String>,
    /// The level could be higher if the unknown answers were known.
    pub could_be_higher: bool,
    pub job_offer: Option<JobOfferScore>,
    /// True when the child rules applied because the person is, or may be, a child.
    pub child_rules: bool,
    /// True when the person answered about someone else.
    pub about_other: bool,
}

impl Outcome {
    pub fn is_fired(&self, indicator: &str) -> bool {
        self.fired.iter().any(|f| f == indicator)
    }
}

/// Assesses a session's answers. Every answer given counts; which questions
/// were shown only decides which unknown answers are reported.
pub fn assess(content: &Content, mode: Mode, answers: &Answers) -> Outcome {
    let (path, effective) = session::path(content, mode, answers);
    // Everything the person told us counts, even if a later answer hid the
    // question again: a changed answer must never erase a warning sign.
    // Questions of another mode do not count.
    // (`extend`, not `collect`: collecting into a map sorts, and each sort is
    // code the browser downloads.)
    let mut given = Answers::new();
    given.extend(answers.iter().filter(|(id, _)| {
        let module = content.question(id).and_then(|q| content.module(&q.module));
        module.is_some_and(|m| m.modes.contains(&mode))
    }).map(|(id, answer)| (id.clone(), answer.clone())));
    given.extend(effective.iter().map(|(id, answer)| (id.clone(), answer.clone())));
    let sets = applicable_sets(content, mode, &effective);
    let mut fired = Vec::new();
    let mut unassessed = Vec::new();
    for indicator in content.questionnaire.indicators.iter() {
        match indicator.fires_if.evaluate(&given) {
            Truth::True => fired.push(indicator.id.to_string()),
            Truth::Unknown => unassessed.push(indicator.id.to_string()),
            Truth::False => {}
        }
    }
    let mut unknown_questions = Vec::new();
    for q in &path {
        if effective.get(&q.id).is_some_and(|a| a.is_unknown()) {
            unknown_questions.push(q.id.to_string());
        }
    }

    let judged = judge(content, mode, &sets, &fired);
    let mut with_unknowns = fired.clone();
    with_unknowns.extend_from_slice(&unassessed);
    let upper = judge(content, mode, &sets, &with_unknowns);
    let subject = content.question_with_role(Role::Subject);
    let about_other = subject.is_some_and(|q| {
        matches!(effective.get(&q.id), Some(super::Answer::Choice(c)) if c == "other")
    });
    Outcome {
        level: judged.level,
        mode,
        fired,
        child_rules: sets.iter().any(|s| s.is_child()),
        sets,
        positive: judged.positive,
        unknown_questions,
        unassessed,
        could_be_higher: upper.level > judged.level,
        job_offer: judged.job_offer,
        about_other,
    }
}

/// Adult sets for an adult, child sets for a child, and both when the age is
/// not known: when in doubt, the child rules, which need no means, apply too.
/// A mode that never asks the age (the job-offer check, used by people
/// about to go abroad for work) applies the adult rules only.
pub fn applicable_sets(content: &Content, mode: Mode, answers: &Answers) -> Vec<IndicatorSet> {
    let age_question = content.question_with_role(Role::Age);
    let age_asked = age_question
        .and_then(|q| content.module(&q.module))
        .is_some_and(|m| m.modes.contains(&mode));
    if !age_asked {
        return sets_where(|s| !s.is_child());
    }
    let age = age_question.and_then(|q| answers.get(&q.id));
    let (adult, child) = match age {
        Some(super::Answer::Choice(c)) if c == "18_plus" => (true, false),
        Some(super::Answer::Choice(c)) if c == "under_14" || c == "14_17" => (false, true),
        _ => (true, true),
    };
    sets_where(|s| if s.is_child() { child } else { adult })
}

fn sets_where(keep: impl Fn(IndicatorSet) -> bool) -> Vec<IndicatorSet> {
    let mut sets = Vec::new();
    for set in IndicatorSet::ALL {
        if keep(set) {
            sets.push(set);
        }
    }
    sets
}

struct Judgement {
    level: Level,
    positive: Vec<(IndicatorSet, Dimension)>,
    job_offer: Option<JobOfferScore>,
}

fn judge(content: &Content, mode: Mode, sets: &[IndicatorSet], fired: &[String]) -> Judgement {
    let mut fired_indicators: Vec<&Indicator> = Vec::new();
    for id in fired {
        fired_indicators.extend(content.indicator(id));
    }
    let mut positive = Vec::new();
    let mut level = Level::NoneReported;
    if !fired_indicators.is_empty() {
        level = Level::Some;
    }
    // A case rule, coercion at destination, or (for a child) a sign of
    // exploitation alone: serious. A sign of danger now: urgent.
    for &set in sets {
        let dims = positive_dimensions(content, set, &fired_indicators);
        let has = |d: Dimension| dims.contains(&d);
        let recruitment = Dimension::ALL.into_iter().filter(|d| d.is_recruitment()).any(has);
        let case = if set.is_child() {
            let act = fired_indicators.iter().any(|i| i.element == Element::Act);
            (recruitment || act) && has(Dimension::Exploitation)
        } else {
            recruitment
                && has(Dimension::Exploitation)
                && (has(Dimension::CoercionDestination) || has(Dimension::VulnerabilityDestination))
        };
        if case || has(Dimension::CoercionDestination) {
            level = level.max(Level::Serious);
        }
        positive.extend(dims.into_iter().map(|d| (set, d)));
    }
    // A child: a positive exploitation dimension of the child labour set, or a
    // sign flagged child_exploitation, is at least serious (PRODUCT.md §3).
    let child = sets.iter().any(|s| s.is_child());
    if child && positive.contains(&(IndicatorSet::ChildLabour, Dimension::Exploitation)) {
        level = level.max(Level::Serious);
    }
    if child && fired_indicators.iter().any(|i| i.child_exploitation) {
        level = level.max(Level::Serious);
    }
    // A grave purpose (Art. 388-390): the "made to" holds the means, at any age.
    if fired_indicators.iter().any(|i| i.grave_purpose) {
        level = level.max(Level::Serious);
    }
    if fired_indicators.iter().any(|i| i.urgent) {
        level = Level::Urgent;
    }

    let job_offer = (mode == Mode::JobOffer || content.questionnaire.job_offer.flags.iter().any(|f| fired.iter().any(|x| *x == f.indicator)))
        .then(|| job_offer_score(content, fired));
    if let Some(score) = &job_offer {
        for band in content.questionnaire.job_offer.bands.iter() {
            if score.score >= band.min_score {
                level = level.max(band.level);
            }
        }
    }
    Judgement { level, positive, job_offer }
}

/// The grade an indicator has in each dimension of a set: the highest of its
/// ILO/EC items there, by `Dimension as usize` (an array, not a map: every
/// map type is code the browser downloads).
pub fn grades(content: &Content, indicator: &Indicator, set: IndicatorSet) -> [Option<Grade>; Dimension::ALL.len()] {
    let mut out = [None; Dimension::ALL.len()];
    for item in indicator.ilo_ec.iter().filter_map(|id| content.ilo_item(id)) {
        if let Some(&grade) = super::pairs::get(&item.grades, &set) {
            let best = &mut out[item.dimension as usize];
            *best = (*best).max(Some(grade));
        }
    }
    out
}

/// The published combination rule of the ILO/EC operational indicators.
pub fn dimension_rule(n_strong: usize, n_medium: usize, n_weak: usize) -> bool {
    n_strong >= 2
        || (n_strong >= 1 && n_medium + n_weak >= 1)
        || n_medium >= 3
        || (n_medium >= 2 && n_weak >= 1)
}

/// The positive dimensions of a set, in the order of `Dimension::ALL`.
fn positive_dimensions(content: &Content, set: IndicatorSet, fired: &[&Indicator]) -> Vec<Dimension> {
    // Weak, medium and strong counts by dimension, in an array rather than a
    // map: every map type is code the browser downloads.
    let mut counts = [[0usize; 3]; Dimension::ALL.len()];
    for indicator in fired {
        for (count, grade) in counts.iter_mut().zip(grades(content, indicator, set)) {
            if let Some(grade) = grade {
                count[grade as usize] += 1;
            }
        }
    }
    let mut positive = Vec::new();
    for (d, [weak, medium, strong]) in Dimension::ALL.into_iter().zip(counts) {
        if dimension_rule(strong, medium, weak) {
            positive.push(d);
        }
    }
    positive
}

fn job_offer_score(content: &Content, fired: &[String]) -> JobOfferScore {
    let flags = &content.questionnaire.job_offer.flags;
    let mut fired_flags: Vec<_> = flags.iter().filter(|f| fired.iter().any(|x| *x == f.indicator)).collect();
    super::sort_by(&mut fired_flags, |a, b| b.weight.cmp(&a.weight));
    JobOfferScore {
        score: fired_flags.iter().map(|f| f.weight).sum(),
        max_score: flags.iter().map(|f| f.weight).sum(),
        flags: {
            let mut ids = Vec::new();
            for flag in &fired_flags {
                ids.push(flag.indicator.to_string());
            }
            ids
        },
        validated: content.questionnaire.job_offer.validated,
    }
}

#[cfg(test)]
mod tests {
    use super::dimension_rule;

    #[test]
    fn the_published_dimension_rule() {
        // (strong, medium, weak) -> positive
        let cases = [
            ((2, 0, 0), true),
            ((1, 1, 0), true),
            ((1, 0, 1), true),
            ((0, 3, 0), true),
            ((0, 2, 1), true),
            ((1, 0, 0), false),
            ((0, 2, 0), false),
            ((0, 1, 2), false),
            ((0, 0, 5), false),
        ];
        for ((s, m, w), expected) in cases {
            assert_eq!(dimension_rule(s, m, w), expected, "strong {s}, medium {m}, weak {w}");
        }
    }
}
