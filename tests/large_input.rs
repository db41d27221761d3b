//! Input far larger than a person gives: one `assess` call with 64,000
//! choices (the JS API's `assessAnswers` takes any JSON), and a partner
//! config with 16,000 referrals. Each is refused with a plain problem at a
//! cap, and the work stays bounded by the cap, not by what is sent; the
//! times are printed as benchmark lines.
#![cfg(not(target_arch = "wasm32"))]

use putokaz::engine::content::{Kind, Mode};
use putokaz::engine::partner::{PartnerConfig, MAX_REFERRALS};
use putokaz::engine::Answer;
use putokaz::engine::{api, builtin, json, session};

#[test]
fn more_choices_than_options_are_refused_and_as_many_are_assessed_once_each() {
    let content = builtin::content();
    let question = content
        .questionnaire
        .questions
        .iter()
        .find(|q| q.kind == Kind::Multi && q.options.len() - q.exclusive.len() >= 4)
        .expect("a multiple-choice question");
    let options: Vec<&str> = question.options.iter().filter(|o| !question.exclusive.contains(o)).map(|o| &**o).collect();
    let assess = |choices: &[&str]| {
        let input = serde_json::json!({ "answers": { question.id.to_string(): choices }, "now": "2026-11-30T09:00Z" }).to_string();
        let (input, problems) = api::parse_assess_input(content, &input, 0).expect("the input is read");
        let text = json::to_text(&api::assess_json(content, "en", &input, 60, &problems));
        (input, problems, text)
    };

    // Every option many times over, last option first.
    let choices: Vec<&str> = (0..64_000).map(|i| options[options.len() - 1 - i % options.len()]).collect();
    let started = std::time::Instant::now();
    let (input, problems, _) = assess(&choices);
    eprintln!("benchmark: 64,000 choices refused in {:?}", started.elapsed());
    let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems, [format!("input: answers.{}: more choices than options; ignored", question.id)]);
    assert_eq!(input.answers.get(&question.id), None);

    // As many choices as options, each option once, last first: read in the question's order.
    let reversed: Vec<&str> = options.iter().rev().copied().collect();
    let (input, problems, text) = assess(&reversed);
    assert!(problems.is_empty(), "{problems:?}");
    let expected: Vec<String> = options.iter().map(|o| o.to_string()).collect();
    assert_eq!(input.answers.get(&question.id), Some(&Answer::Choices(expected.clone())), "the choices, once each, in the question's order");
    assert_eq!(assess(&options).2, text, "the same result in any order");
    assert!(session::path(content, Mode::Screening, &input.answers).1.contains_key(&question.id));
}

#[test]
fn sixteen_thousand_partner_referrals_are_cut_at_the_cap() {
    let content = builtin::content();
    let entry = |i: usize| {
        serde_json::json!({"id": format!("partner-{i}"), "name": {"original": "X", "en": "X"}, "country": "RS",
            "contacts": [{"kind": "voice", "number": "+381111234567", "display": "011 123 4567"}],
            "services": ["legal"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high"})
    };
    let config = serde_json::json!({"referrals": {"add": (0..16_000).map(entry).collect::<Vec<_>>(), "hide": ["rs-atina"]}}).to_string();
    let started = std::time::Instant::now();
    let (parsed, problems) = PartnerConfig::parse(&config, content);
    let applied = parsed.apply(content);
    eprintln!("benchmark: 16,000 partner referrals read and applied in {:?}", started.elapsed());
    let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems.iter().all(|p| p.contains(&format!("at most {MAX_REFERRALS} entries in all; the rest were left out"))), "{problems:#?}");
    assert_eq!(parsed.add.len(), MAX_REFERRALS);
    assert!(parsed.hide.is_empty(), "the cap was reached before hide");
    assert!(applied.directory.get("partner-199").is_some() && applied.directory.get("partner-200").is_none());
}
