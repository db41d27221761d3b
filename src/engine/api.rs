//! The operations Putokaz offers outside the widget, with one JSON shape for
//! the command line and the JS API alike: `questions`, `assess`, `validate`,
//! and the language-resolved [`Report`] the widget's result screen shows.

use serde::Serialize;

use super::answer::{Answer, Answers};
use super::assess::assess;
use super::bundle::Content;
use super::condition::Condition;
use super::content::{Kind, Mode, Role};
use super::directory;
use super::partner::PartnerConfig;
use super::report::{option_text, text, Report};
use super::time::{self, UtcMinutes};
use super::value::{self, Value};
use super::Problem;

// The JSON shapes below are plain structs serialised directly, not
// `serde_json::Value`s built with `json!` or `to_value`: in the browser every
// `Value` operation is code the phone downloads. The question views keep the
// alphabetical field order their JSON had as `Value` maps; the report's
// fields come in the order `Report` declares them (JSON objects are
// unordered, and every consumer parses them). The command line writes them
// with serde; the browser with the smaller hand-written writer in json.rs,
// held to serde's output by tests/json.rs.

/// The questionnaire of a mode, in a language: the output of `questions`.
#[derive(Debug, Clone, Serialize)]
pub struct Questions<'a> {
    pub lang: &'a str,
    pub mode: Mode,
    pub questions: Vec<QuestionView<'a>>,
    pub version: &'a str,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionView<'a> {
    pub exclusive: &'a [super::Text],
    pub id: &'a str,
    pub kind: Kind,
    pub module: &'a str,
    pub module_show_if: Option<&'a Condition>,
    pub module_title: String,
    pub options: Vec<OptionView>,
    pub role: Option<Role>,
    pub show_if: Option<&'a Condition>,
    pub text: String,
    pub text_other: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OptionView {
    pub id: String,
    pub text: String,
}

/// The questionnaire of a mode, in a language.
pub fn questions<'a>(content: &'a Content, lang: &str, mode: Mode) -> Questions<'a> {
    let catalogs = &content.catalogs;
    let t = |parts: &[&str]| text(content, lang, parts);
    // Loops, not `filter(..).map(..).collect()`: smaller in the wasm.
    let mut questions = Vec::new();
    for q in content.questionnaire.questions.iter() {
        let module = content.module(&q.module);
        if !module.is_some_and(|m| m.modes.contains(&mode)) {
            continue;
        }
        let mut options = Vec::new();
        for id in content.options_of(q) {
            options.push(OptionView { text: option_text(content, lang, q, &id, false), id: id.into_owned() });
        }
        for unknown in [Answer::NOT_SURE, Answer::PREFER_NOT] {
            options.push(OptionView { id: unknown.to_string(), text: t(&["opt.", unknown]) });
        }
        questions.push(QuestionView {
            exclusive: &q.exclusive[..],
            id: &q.id,
            kind: q.kind,
            module: &q.module,
            module_show_if: module.and_then(|m| m.show_if.as_ref()),
            module_title: t(&["module.", &q.module]),
            options,
            role: q.role,
            show_if: q.show_if.as_ref(),
            text: t(&["q.", &q.id]),
            text_other: t(&["q.", &q.id, ".them"]),
        });
    }
    Questions { lang: catalogs.resolve(lang).lang(), mode, questions, version: &content.questionnaire.version }
}

/// Input of `assess`: `{"answers": {...}, "mode": "screening", "region": "RS", "now": "2026-11-28T21:00Z"}`.
pub struct AssessInput {
    pub answers: Answers,
    pub mode: Mode,
    pub region: String,
    pub now: UtcMinutes,
}

/// Reads `assess` input. Odd answers are reported and skipped, never fatal.
pub fn parse_assess_input(content: &Content, text: &str, default_now: UtcMinutes) -> Result<(AssessInput, Vec<Problem>), Problem> {
    let value = value::from_str(text).map_err(|e| super::json_problem("input", &e))?;
    let object = value.as_object().ok_or_else(|| Problem::new("input", "expected a JSON object with \"answers\""))?;
    let mut problems = Vec::new();
    let mode = match object.get("mode").and_then(Value::as_str) {
        None => Mode::Screening,
        Some(text) => Mode::parse(text).ok_or_else(|| Problem::new("input: mode", "mode is screening or job-offer"))?,
    };
    let region = object.get("region").and_then(Value::as_str).unwrap_or("RS").to_string();
    if !directory::is_country_code(&region) {
        return Err(Problem::new("input: region", "region must be an ISO 3166-1 alpha-2 code"));
    }
    let now = match object.get("now") {
        None => default_now,
        Some(Value::Number(n)) => n.as_i64().map(|ms| ms.div_euclid(60_000)).ok_or_else(|| Problem::new("input: now", "now is milliseconds since 1970"))?,
        Some(Value::String(s)) => parse_iso_minutes(s).ok_or_else(|| Problem::new("input: now", "now is YYYY-MM-DDTHH:MMZ"))?,
        Some(_) => return Err(Problem::new("input: now", "now is YYYY-MM-DDTHH:MMZ or milliseconds")),
    };
    let mut answers = Answers::new();
    let given = object.get("answers").and_then(Value::as_object).ok_or_else(|| Problem::new("input", "\"answers\" must be an object"))?;
    for (id, value) in given {
        let at = super::concat(&["input: answers.", &super::truncate(id, 60)]);
        let Some(question) = content.question(id) else {
            problems.push(Problem::new(at, "no such question; ignored"));
            continue;
        };
        match Answer::from_json(value).map(|a| super::session::normalise(content, question, a)) {
            Some(Ok(answer)) => {
                answers.insert(id.clone(), answer);
            }
            Some(Err(error)) => problems.push(Problem::new(at, format!("{error}; ignored"))),
            None => problems.push(Problem::new(at, "an answer is an option id, a list of them, \"not_sure\" or \"prefer_not\"; ignored")),
        }
    }
    Ok((AssessInput { answers, mode, region, now }, problems))
}

fn parse_iso_minutes(text: &str) -> Option<UtcMinutes> {
    let text = text.strip_suffix('Z')?;
    let (date, clock) = text.split_once('T')?;
    let mut parts = date.split('-');
    let mut part = || parts.next()?.parse::<i64>().ok();
    let (year, month, day) = (part()?, part()?, part()?);
    let minutes = directory::parse_hhmm(clock.get(0..5)?)? as i64;
    Some(time::days_from_civil(year, month as u32, day as u32) * 1440 + minutes)
}

/// The output of `assess`: the report's fields, then the input's problems.
#[derive(Debug, Clone, Serialize)]
pub struct Assessed {
    #[serde(flatten)]
    pub report: Report,
    pub problems: Vec<String>,
}

/// `assess`: the report plus any input problems.
pub fn assess_json(content: &Content, lang: &str, input: &AssessInput, local_offset: i32, problems: &[Problem]) -> Assessed {
    let outcome = assess(content, input.mode, &input.answers);
    let effective = super::session::path(content, input.mode, &input.answers).1;
    let report = Report::new(content, lang, &outcome, &effective, &input.region, input.now, local_offset);
    // As `Problem`'s Display writes them, without the formatter.
    let mut sentences = Vec::new();
    for problem in problems {
        sentences.push(super::concat(&[&problem.location, ": ", &problem.message]));
    }
    Assessed { report, problems: sentences }
}

/// Checks a partner config; its problems, each with its location.
/// (`putokaz validate` also checks content files: see `putokaz::source`.)
pub fn validate(content: &Content, name: &str, text: &str) -> Vec<Problem> {
    if let Err(error) = value::from_str(text) {
        return vec![super::json_problem(name, &error)];
    }
    PartnerConfig::parse(text, content).1
}

