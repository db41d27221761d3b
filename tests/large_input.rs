//! Input far larger than a person gives: one `assess` call with 64,000
//! choices (the JS API's `assessAnswers` takes any JSON). The engine must
//! stay O(n log n) on it: engine::sort_by's own test counts its comparisons;
//! here the whole path runs, and prints its time as a benchmark line.
#![cfg(not(target_arch = "wasm32"))]

use putokaz::engine::content::{Kind, Mode};
use putokaz::engine::Answer;
use putokaz::engine::{api, builtin, json, session};

#[test]
fn sixty_four_thousand_choices_are_assessed_as_their_few_options() {
    let content = builtin::content();
    let question = content
        .questionnaire
        .questions
        .iter()
        .find(|q| q.kind == Kind::Multi && q.options.len() - q.exclusive.len() >= 4)
        .expect("a multiple-choice question");
    let options: Vec<&str> = question.options.iter().filter(|o| !question.exclusive.contains(o)).map(|o| &**o).collect();
    // Every option many times over, last option first: the worst order for an insertion sort.
    let choices: Vec<&str> = (0..64_000).map(|i| options[options.len() - 1 - i % options.len()]).collect();
    let input = serde_json::json!({ "answers": { question.id.to_string(): choices }, "now": "2026-11-30T09:00Z" }).to_string();

    let started = std::time::Instant::now();
    let (input, problems) = api::parse_assess_input(content, &input, 0).expect("the input is read");
    let assessed = api::assess_json(content, "en", &input, 60, &problems);
    let text = json::to_text(&assessed);
    eprintln!("benchmark: 64,000 choices assessed in {:?} ({} bytes of JSON)", started.elapsed(), text.len());

    assert!(problems.is_empty(), "{problems:?}");
    let expected: Vec<String> = options.iter().map(|o| o.to_string()).collect();
    assert_eq!(input.answers.get(&question.id), Some(&Answer::Choices(expected.clone())), "the choices, once each, in the question's order");
    let effective = session::path(content, Mode::Screening, &input.answers).1;
    let once = api::assess_json(
        content,
        "en",
        &api::parse_assess_input(content, &serde_json::json!({ "answers": { question.id.to_string(): expected }, "now": "2026-11-30T09:00Z" }).to_string(), 0).unwrap().0,
        60,
        &[],
    );
    assert_eq!(json::to_text(&once), text, "the same result as each choice given once");
    assert!(effective.contains_key(&question.id));
}
