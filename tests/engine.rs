//! The engine, driven by data: every scenario in `tests/scenarios/` is a
//! person's answers with the result a reviewer expects, and a transcript in
//! `tests/transcripts/` of what Putokaz asks and concludes for them.
//! `UPDATE_TRANSCRIPTS=1 cargo test` rewrites the transcripts; review the diff.

use std::collections::BTreeMap;
use std::path::Path;

use putokaz::engine::report::Report;
use putokaz::engine::content::Mode;
use putokaz::engine::{Answer, Answers};
use putokaz::engine::session::{AnswerError, Session};
use putokaz::engine::{assess, builtin, session, Content, Level};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    description: String,
    mode: String,
    lang: String,
    answers: BTreeMap<String, putokaz::engine::value::Value>,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    level: Level,
    positive_dimensions: Vec<String>,
    indicators: Vec<String>,
}

/// Saturday 28 November 2026, 21:30 in Belgrade: a fixed "now" so referral
/// opening hours in transcripts never change.
const NOW: i64 = 29_931_630;

fn scenarios() -> Vec<(String, Scenario)> {
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("tests/scenarios").expect("tests/scenarios exists").flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let scenario: Scenario = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push((path.file_stem().unwrap().to_string_lossy().into_owned(), scenario));
    }
    out
}

fn answers_of(content: &Content, scenario: &Scenario, name: &str) -> Answers {
    scenario
        .answers
        .iter()
        .map(|(id, value)| {
            let question = content.question(id).unwrap_or_else(|| panic!("{name}: no question {id}"));
            let answer = Answer::from_json(value).unwrap_or_else(|| panic!("{name}: bad answer for {id}"));
            let answer = session::normalise(content, question, answer).unwrap_or_else(|e| panic!("{name}: {id}: {e:?}"));
            (id.clone(), answer)
        })
        .collect()
}

/// An answer in the JSON form `assess` reads: `"option"`, `["a", "b"]`, `"not_sure"`, `"prefer_not"`.
fn answer_json(answer: &Answer) -> serde_json::Value {
    match answer {
        Answer::Choice(s) => s.clone().into(),
        Answer::Choices(v) => v.clone().into(),
        Answer::NotSure => Answer::NOT_SURE.into(),
        Answer::PreferNot => Answer::PREFER_NOT.into(),
    }
}

/// What a reviewer reads: the questions asked, the answers, the result and
/// the referrals, in plain lines.
fn transcript(content: &Content, mode: Mode, lang: &str, answers: &Answers) -> String {
    let (path, effective) = session::path(content, mode, answers);
    let outcome = assess(content, mode, answers);
    let report = Report::new(content, lang, &outcome, &effective, "RS", NOW, 60);
    let mut out = String::new();
    out += &format!("questions asked: {}\n", path.len());
    for question in &path {
        let answer = effective.get(&question.id).map_or("(no answer)".to_string(), |a| answer_json(a).to_string());
        out += &format!("  {} [{}] = {answer}\n", question.id, question.module);
    }
    out += &format!("level: {}\n", outcome.level.id());
    out += &format!("title: {}\n", report.title);
    out += &format!("positive: {}\n", report.positive_dimensions.join(", "));
    out += "noticed:\n";
    for group in &report.groups {
        out += &format!("  {}\n", group.title);
        for sign in &group.signs {
            out += &format!("    - {} ({})\n", sign.text, sign.id);
        }
    }
    if let Some(job) = &report.job_offer {
        out += &format!("job-offer score: {} of {}\n", job.score, job.max_score);
    }
    out += &format!("not assessed: {}\n", report.not_assessed.join("; "));
    out += &format!("could be higher: {}\n", report.could_be_higher);
    out += "next steps:\n";
    for step in &report.next_steps {
        out += &format!("  - {step}\n");
    }
    out += &format!("emergency: {}\n", report.emergency.iter().map(|r| r.id.as_str()).collect::<Vec<_>>().join(", "));
    for right in &report.rights {
        out += &format!("right: {right}\n");
    }
    out += "referrals:\n";
    for referral in &report.referrals {
        out += &format!("  - {} ({}): {}\n", referral.name, referral.id, referral.why.join("; "));
        if let Some(audience) = &referral.audience {
            out += &format!("    {audience}\n");
        }
    }
    out
}

#[test]
fn scenarios_give_the_expected_results() {
    let content = builtin::content();
    let scenarios = scenarios();
    assert!(scenarios.len() >= 25, "at least 25 realistic scenarios, found {}", scenarios.len());
    let mut failures = Vec::new();
    for (name, scenario) in &scenarios {
        let mode = Mode::parse(&scenario.mode).unwrap_or_else(|| panic!("{name}: mode"));
        let answers = answers_of(content, scenario, name);
        let outcome = assess(content, mode, &answers);
        let mut positive: Vec<String> = outcome.positive.iter().map(|(s, d)| format!("{}/{}", s.id(), d.id())).collect();
        positive.sort();
        let mut fired = outcome.fired.clone();
        fired.sort();
        let mut expected_positive = scenario.expect.positive_dimensions.clone();
        expected_positive.sort();
        let mut expected_fired = scenario.expect.indicators.clone();
        expected_fired.sort();
        if outcome.level != scenario.expect.level || positive != expected_positive || fired != expected_fired {
            failures.push(format!(
                "{name} ({}):\n  level    {:?} (expected {:?})\n  positive {positive:?}\n  expected {expected_positive:?}\n  fired    {fired:?}\n  expected {expected_fired:?}",
                scenario.description, outcome.level, scenario.expect.level
            ));
        }
        check_transcript(name, &transcript(content, mode, &scenario.lang, &answers));
    }
    assert!(failures.is_empty(), "{} scenario(s) differ:\n{}", failures.len(), failures.join("\n"));
}

fn check_transcript(name: &str, actual: &str) {
    let path = Path::new("tests/transcripts").join(format!("{name}.txt"));
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if std::env::var_os("UPDATE_TRANSCRIPTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    assert!(
        expected == actual,
        "transcript {} differs (UPDATE_TRANSCRIPTS=1 rewrites it):\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

#[test]
fn no_result_ever_says_the_person_is_safe() {
    let content = builtin::content();
    let forbidden = ["you are safe", "you're safe", "not trafficked", "not being trafficked", "nothing to worry", "no risk"];
    for (name, scenario) in scenarios() {
        let mode = Mode::parse(&scenario.mode).unwrap();
        let answers = answers_of(content, &scenario, &name);
        let text = transcript(content, mode, "en", &answers).to_lowercase();
        for phrase in forbidden {
            assert!(!text.contains(phrase), "{name}: the result says \"{phrase}\"");
        }
    }
}

/// Every question a path can show: branch on every answer of every question
/// that decides what is shown next.
fn longest_paths(content: &Content, mode: Mode) -> (usize, usize) {
    let leaves: Vec<(&str, Vec<String>)> = content
        .questionnaire
        .questions
        .iter()
        .flat_map(|q| q.show_if.iter())
        .chain(content.questionnaire.modules.iter().flat_map(|m| m.show_if.iter()))
        .flat_map(|c| c.leaves().into_iter().map(|(q, options)| (q, options.iter().map(|o| o.to_string()).collect())))
        .collect();
    let gates: Vec<&str> = leaves.iter().map(|(q, _)| *q).collect();
    // Options no condition names all open the same: one of them stands for all.
    let named = |question: &str, option: &str| leaves.iter().any(|(q, options)| *q == question && options.iter().any(|o| o == option));
    let mut n_paths = 0;
    let mut longest = 0;
    let mut stack = vec![Answers::new()];
    while let Some(answers) = stack.pop() {
        let (path, _) = session::path(content, mode, &answers);
        match path.iter().find(|q| !answers.contains_key(&q.id)) {
            None => {
                n_paths += 1;
                longest = longest.max(path.len());
                assert!(n_paths < 2_000_000, "too many paths to enumerate");
            }
            Some(question) => {
                // A question that decides what is shown next is answered
                // every way that can open something: each option of a single
                // choice; for a multiple choice, everything but its exclusive
                // options at once (conditions only ever ask whether an option
                // was chosen), and each exclusive option.
                let mut choices = vec![Answer::NotSure];
                if gates.contains(&&*question.id) {
                    let options = content.options_of(question);
                    if question.kind.multiple() {
                        let (exclusive, others): (Vec<_>, Vec<_>) = options.iter().partition(|o| question.exclusive.contains(o));
                        choices.push(Answer::Choices(others.iter().map(|o| o.to_string()).collect()));
                        choices.extend(exclusive.iter().map(|o| Answer::Choices(vec![o.to_string()])));
                    } else {
                        let (named, unnamed): (Vec<_>, Vec<_>) = options.iter().partition(|o| named(&question.id, o));
                        choices.extend(named.iter().chain(unnamed.first()).map(|o| Answer::Choice(o.to_string())));
                    }
                }
                for choice in choices {
                    let mut next = answers.clone();
                    next.insert(question.id.to_string(), choice);
                    stack.push(next);
                }
            }
        }
    }
    (longest, n_paths)
}

/// Path lengths, as README.md and docs/METHODOLOGY.md print them: the line
/// there must be this test's line, so the numbers cannot drift.
#[test]
fn paths_are_short() {
    let content = builtin::content();
    let (longest, n_paths) = longest_paths(content, Mode::Screening);
    let (longest_job, _) = longest_paths(content, Mode::JobOffer);
    println!("screening: {n_paths} paths, the longest asks {longest} questions; job offer: {longest_job}");
    // Each scenario in its own mode: a job seeker's check is a path too.
    let length = |name: &str, s: &Scenario| {
        let mode = Mode::parse(&s.mode).unwrap();
        session::path(content, mode, &answers_of(content, s, name)).0.len()
    };
    let all = scenarios();
    let median = |mut lengths: Vec<usize>| {
        lengths.sort();
        lengths[lengths.len() / 2]
    };
    let lengths: Vec<usize> = all.iter().map(|(name, s)| length(name, s)).collect();
    let screening: Vec<usize> = all.iter().filter(|(_, s)| s.mode == "screening").map(|(name, s)| length(name, s)).collect();
    let (median_all, median_screening) = (median(lengths.clone()), median(screening.clone()));
    let usual = Session::new(Mode::Screening).estimate(content);
    println!("scenario path lengths: {lengths:?}, median {median_all}; screening only: median {median_screening}");
    assert!(median_all <= 14, "the median scenario asks {median_all} questions (at most 14)");
    assert!(longest <= 32, "a path asks {longest} questions (at most 32)");
    assert!(usual.abs_diff(median_screening) <= 2, "the intro says about {usual} questions, but the median screening scenario asks {median_screening}");
    let line = format!(
        "Questions asked, counted on the {} scenarios in `tests/scenarios/`: median {median_all} (screening mode only: median {median_screening} of {}, longest {}); the longest possible screening path asks {longest} (at most 32); the intro promises about {usual}; job-offer mode asks at most {longest_job}.",
        lengths.len(),
        screening.len(),
        screening.iter().max().unwrap(),
    );
    for doc in ["README.md", "docs/METHODOLOGY.md"] {
        let text = std::fs::read_to_string(doc).unwrap();
        assert!(text.contains(&line), "{doc} should say, on a line of its own:\n{line}");
    }
}

/// "Question N of about M" as each scenario's person sees it: the total
/// never jumps by more than 3 from one question to the next, and it starts
/// near the usual length.
#[test]
fn the_total_in_the_progress_moves_gently() {
    let content = builtin::content();
    for (name, scenario) in scenarios() {
        let mode = Mode::parse(&scenario.mode).unwrap();
        let answers = answers_of(content, &scenario, &name);
        let mut session = Session::new(mode);
        let mut shown = Vec::new();
        while let (Some(question), _, total) = session.place(content) {
            shown.push(total);
            let answer = answers.get(&question.id).cloned().unwrap_or(Answer::NotSure);
            session.answer(content, &question.id, answer).unwrap_or_else(|e| panic!("{name}: {}: {e:?}", question.id));
        }
        for pair in shown.windows(2) {
            assert!(pair[0].abs_diff(pair[1]) <= 3, "{name}: the total jumps from {} to {} ({shown:?})", pair[0], pair[1]);
        }
    }
}

#[test]
fn each_mode_starts_where_it_should() {
    let content = builtin::content();
    let first = |mode| session::path(content, mode, &Answers::new()).0.first().map(|q| q.module.clone());
    assert_eq!(first(Mode::Screening).as_deref(), Some("safety"));
    assert_eq!(first(Mode::JobOffer).as_deref(), Some("job_offer"));
}

#[test]
fn danger_now_is_urgent_and_shows_the_emergency_number() {
    let content = builtin::content();
    let mut answers = Answers::new();
    answers.insert("danger_now".into(), Answer::Choice("yes".into()));
    let outcome = assess(content, Mode::Screening, &answers);
    assert_eq!(outcome.level, Level::Urgent);
    let report = Report::new(content, "en", &outcome, &answers, "RS", NOW, 60);
    assert_eq!(report.emergency.first().map(|r| r.id.as_str()), Some("rs-police-192"));
    assert!(report.next_steps[0].contains("192"), "{:?}", report.next_steps);
}

#[test]
fn unknown_answers_are_reported_and_never_hide_questions() {
    let content = builtin::content();
    let all_unknown: Answers = content.questionnaire.questions.iter().map(|q| (q.id.to_string(), Answer::NotSure)).collect();
    let (path, _) = session::path(content, Mode::Screening, &all_unknown);
    let none: Answers = content.questionnaire.questions.iter().map(|q| (q.id.to_string(), Answer::Choice("no".into()))).collect();
    let (path_no, _) = session::path(content, Mode::Screening, &none);
    assert!(path.len() >= path_no.len(), "not knowing shows at least as many questions as saying no");
    let outcome = assess(content, Mode::Screening, &all_unknown);
    assert_eq!(outcome.unknown_questions.len(), path.len());
    assert!(outcome.could_be_higher);
    assert!(outcome.level < Level::Urgent);
}

#[test]
fn clearing_drops_every_answer() {
    let content = builtin::content();
    let mut session = Session::new(Mode::Screening);
    let first = session.current(content).unwrap().id.clone();
    session.answer(content, &first, Answer::Choice("no".into())).unwrap();
    assert_eq!(session.answers().len(), 1);
    session.clear();
    assert!(session.answers().is_empty());
    assert_eq!(session, Session::new(Mode::Screening));
    assert_eq!(session.current(content).map(|q| q.id.clone()), Some(first));
}

#[test]
fn odd_answers_are_refused_with_a_reason() {
    let content = builtin::content();
    let mut session = Session::new(Mode::Screening);
    assert_eq!(session.answer(content, "no_such_question", Answer::NotSure), Err(AnswerError::UnknownQuestion));
    assert_eq!(session.answer(content, "danger_now", Answer::Choice("maybe".into())), Err(AnswerError::NotAnOption("maybe".into())));
    assert_eq!(session.answer(content, "danger_now", Answer::Choices(vec![])), Err(AnswerError::NothingChosen));
    assert!(session.answers().is_empty(), "a refused answer is not kept");
}
