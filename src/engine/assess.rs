//! From answers to guidance: which indicators fired, which ILO/EC dimensions
//! are positive, the level, and what could not be assessed.
//!
//! The rules (docs/METHODOLOGY.md explains them with sources):
//!
//! * A dimension is positive with at least two strong signs; or one strong and
//!   one medium or weak; or three medium; or two medium and one weak. Each
//!   ILO/EC item counts once, however many answers point at it.
//! * Vulnerability (the two abuse-of-vulnerability dimensions) counts in the
//!   case rules but is context: signs of vulnerability alone give no level.
//! * The sexual-exploitation sets apply only when a sexual answer was given.
//! * A frame (content data) can read a result differently: control inside a
//!   relationship, with no exploitation, is at most `some`.
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
use super::content::{Dimension, Element, Frame, Indicator, IndicatorSet, Level, Mode, Role};
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
    /// Some answers were "not sure"; some were "prefer not to say".
    pub not_sure: bool,
    pub prefer_not: bool,
    /// More than half of the questions after the safety questions were
    /// unknown and no sign showed: too little to say "no warning signs".
    pub little_known: bool,
    /// The frame the result is read in (see `Frame`), and the services it puts first.
    pub frame: Option<String>,
    pub services_first: Vec<String>,
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
    let (mut not_sure, mut prefer_not) = (false, false);
    // The safety questions (the module of the "safe to answer" question) do
    // not count towards "too little could be assessed".
    let gate = content.question_with_role(Role::SafeNow).map(|q| &q.module);
    let (mut asked, mut unknown_after_gate) = (0, 0);
    for q in &path {
        let after_gate = gate != Some(&q.module);
        asked += after_gate as usize;
        match effective.get(&q.id) {
            Some(super::Answer::NotSure) => not_sure = true,
            Some(super::Answer::PreferNot) => prefer_not = true,
            _ => continue,
        }
        unknown_after_gate += after_gate as usize;
        unknown_questions.push(q.id.to_string());
    }
    let frame = content.questionnaire.frames.iter().find(|f| f.applies_if.evaluate(&given) == Truth::True);

    let judged = judge(content, mode, &sets, &fired, frame);
    let mut with_unknowns = fired.clone();
    with_unknowns.extend_from_slice(&unassessed);
    let upper = judge(content, mode, &sets, &with_unknowns, frame);
    let subject = content.question_with_role(Role::Subject);
    let about_other = subject.is_some_and(|q| {
        matches!(effective.get(&q.id), Some(super::Answer::Choice(c)) if c == "other")
    });
    Outcome {
        level: judged.level,
        mode,
        little_known: judged.level == Level::NoneReported && 2 * unknown_after_gate > asked,
        fired,
        child_rules: sets.iter().any(|s| s.is_child()),
        sets: judged.sets,
        positive: judged.positive,
        unknown_questions,
        unassessed,
        could_be_higher: upper.level > judged.level,
        job_offer: judged.job_offer,
        about_other,
        not_sure,
        prefer_not,
        services_first: judged.frame.map_or_else(Vec::new, |f| f.services_first.iter().map(|s| s.to_string()).collect()),
        frame: judged.frame.map(|f| f.id.to_string()),
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

struct Judgement<'a> {
    level: Level,
    sets: Vec<IndicatorSet>,
    positive: Vec<(IndicatorSet, Dimension)>,
    job_offer: Option<JobOfferScore>,
    /// The frame, when it applied.
    frame: Option<&'a Frame>,
}

/// A sign of vulnerability only: every ILO/EC item it points at is in one of
/// the two abuse-of-vulnerability dimensions. Such signs are context: they
/// count in the case rules, but never make a result on their own.
pub fn is_context(content: &Content, indicator: &Indicator) -> bool {
    !indicator.ilo_ec.is_empty()
        && indicator.ilo_ec.iter().filter_map(|id| content.ilo_item(id)).all(|item| item.dimension.is_vulnerability())
}

fn judge<'a>(content: &Content, mode: Mode, sets: &[IndicatorSet], fired: &[String], frame: Option<&'a Frame>) -> Judgement<'a> {
    let mut fired_indicators: Vec<&Indicator> = Vec::new();
    for id in fired {
        fired_indicators.extend(content.indicator(id));
    }
    // The sexual-exploitation sets judge sexual answers: without one, labour
    // answers (begging, long hours) are judged by the labour sets alone.
    let sexual = fired_indicators.iter().any(|i| i.sexual);
    let mut judged_sets = Vec::new();
    for &set in sets {
        if sexual || !set.is_sexual() {
            judged_sets.push(set);
        }
    }
    let sets = judged_sets;
    let mut positive = Vec::new();
    let mut level = Level::NoneReported;
    // A job-offer flag counts through the score's bands only: one weak flag
    // alone is not a warning sign.
    if fired_indicators.iter().any(|i| !is_context(content, i) && !content.is_job_flag(&i.id)) {
        level = Level::Some;
    }
    // A case rule, coercion at destination, or (for a child) a sign of
    // exploitation alone: serious. A sign of danger now: urgent.
    for &set in &sets {
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
    let job_offer = (mode == Mode::JobOffer || fired.iter().any(|x| content.is_job_flag(x)))
        .then(|| job_offer_score(content, fired));
    if let Some(score) = &job_offer {
        for band in content.questionnaire.job_offer.bands.iter() {
            if score.score >= band.min_score {
                level = level.max(band.level);
            }
        }
    }
    // A frame applies when none of its excluded elements, no grave purpose and
    // no exploitation showed: control in a relationship is not trafficking.
    let frame = frame.filter(|f| {
        !fired_indicators.iter().any(|i| i.grave_purpose || f.unless_elements.contains(&i.element))
            && !positive.iter().any(|(_, d)| *d == Dimension::Exploitation)
    });
    if let Some(f) = frame {
        level = level.min(f.max_level);
    }
    if fired_indicators.iter().any(|i| i.urgent) {
        level = Level::Urgent;
    }
    Judgement { level, sets, positive, job_offer, frame }
}

/// The published combination rule of the ILO/EC operational indicators.
pub fn dimension_rule(n_strong: usize, n_medium: usize, n_weak: usize) -> bool {
    n_strong >= 2
        || (n_strong >= 1 && n_medium + n_weak >= 1)
        || n_medium >= 3
        || (n_medium >= 2 && n_weak >= 1)
}

/// The positive dimensions of a set, in the order of `Dimension::ALL`. Each
/// distinct ILO/EC item counts once, at its grade in the set, however many
/// fired signs point at it (the Delphi rule counts indicators, not answers).
fn positive_dimensions(content: &Content, set: IndicatorSet, fired: &[&Indicator]) -> Vec<Dimension> {
    // Weak, medium and strong counts by dimension, in an array rather than a
    // map: every map type is code the browser downloads.
    let mut counts = [[0usize; 3]; Dimension::ALL.len()];
    let mut seen: Vec<&str> = Vec::new();
    for item in fired.iter().flat_map(|i| i.ilo_ec.iter()).filter_map(|id| content.ilo_item(id)) {
        if seen.contains(&&*item.id) {
            continue;
        }
        seen.push(&item.id);
        if let Some(&grade) = super::pairs::get(&item.grades, &set) {
            counts[item.dimension as usize][grade as usize] += 1;
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
