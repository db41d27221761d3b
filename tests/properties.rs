//! Properties that must hold for any input, not just the scenarios: the
//! engine never panics; the result depends only on the answers, not on
//! their order, on changed answers or on the way in (session or JSON);
//! knowing more never lowers a result; and an unknown answer never gives a
//! lower level than the real answers would. A short run is part of `cargo test`; set PROPTEST_CASES=100000
//! for a long one (see SECURITY.md).

use proptest::prelude::*;
use putokaz::engine::api;
use putokaz::engine::report::Report;
use putokaz::engine::content::{Kind, Mode};
use putokaz::engine::{Answer, Answers, Content, Files};
use putokaz::engine::partner::PartnerConfig;
use putokaz::engine::{assess, builtin, json, session, Session};

fn content() -> &'static Content {
    builtin::content()
}

/// Any answer to any question, including answers that are not options.
fn answer_for(question_index: usize, pick: usize, extra: usize) -> (String, Answer) {
    let content = content();
    let question = &content.questionnaire.questions[question_index % content.questionnaire.questions.len()];
    let options = content.options_of(question);
    let answer = match pick % (options.len() + 3) {
        n if n < options.len() && question.kind.multiple() => {
            Answer::Choices(vec![options[n].to_string(), options[(n + extra) % options.len()].to_string()])
        }
        n if n < options.len() => Answer::Choice(options[n].to_string()),
        n if n == options.len() => Answer::NotSure,
        n if n == options.len() + 1 => Answer::PreferNot,
        _ => Answer::Choice(format!("not-an-option-{extra}")),
    };
    (question.id.to_string(), answer)
}

fn answers_strategy() -> impl Strategy<Value = Answers> {
    prop::collection::vec((0usize..200, 0usize..50, 0usize..10), 0..40)
        .prop_map(|triples| triples.into_iter().map(|(q, p, e)| answer_for(q, p, e)).collect())
}

fn mode_strategy() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::Screening), Just(Mode::JobOffer)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_result_depends_on_the_answers_not_on_how_they_were_given(
        given in prop::collection::vec((0usize..200, 0usize..50, 0usize..10), 0..40),
        order in any::<prop::sample::Index>(),
        mode in mode_strategy(),
        now in 0i64..40_000_000,
        offset in -720i32..840,
    ) {
        let content = content();
        // The last answer to each question is the one that counts.
        let mut last: Vec<(String, Answer)> = Vec::new();
        for (id, answer) in given.into_iter().map(|(q, p, e)| answer_for(q, p, e)) {
            last.retain(|(other, _)| *other != id);
            last.push((id, answer));
        }
        // 1. A session, answering in the order generated.
        let mut in_order = Session::new(mode);
        for (id, answer) in &last {
            let _ = in_order.answer(content, id, answer.clone());
        }
        // 2. A session, in another order, each question first answered
        //    otherwise and then changed, multiple choices reversed and repeated.
        let mut shuffled = last.clone();
        shuffled.rotate_left(order.index(last.len().max(1)) % last.len().max(1));
        shuffled.reverse();
        let mut changed = Session::new(mode);
        for (id, answer) in &shuffled {
            let accepted = content.question(id).is_some_and(|q| session::normalise(content, q, answer.clone()).is_ok());
            if accepted {
                // (A refused change keeps the answer before it, so only an accepted one follows another.)
                let _ = changed.answer(content, id, Answer::NotSure);
            }
            let answer = match answer {
                Answer::Choices(choices) => Answer::Choices(choices.iter().rev().chain(choices).cloned().collect()),
                other => other.clone(),
            };
            let _ = changed.answer(content, id, answer);
        }
        // 3. The JSON input of `assess`, members in the shuffled order, yes/no as booleans.
        let members: Vec<String> = shuffled
            .iter()
            .map(|(id, answer)| {
                let value = match answer {
                    Answer::Choice(c) if c == "yes" => serde_json::Value::Bool(true),
                    Answer::Choice(c) if c == "no" => serde_json::Value::Bool(false),
                    Answer::Choice(c) => c.clone().into(),
                    Answer::Choices(c) => c.clone().into(),
                    Answer::NotSure => Answer::NOT_SURE.into(),
                    Answer::PreferNot => Answer::PREFER_NOT.into(),
                };
                format!("{}: {value}", serde_json::Value::from(id.clone()))
            })
            .collect();
        let text = format!(r#"{{"answers": {{{}}}, "mode": "{}", "now": {}}}"#, members.join(", "), mode_name(mode), now * 60_000);
        let (from_json, _) = api::parse_assess_input(content, &text, 0).expect("valid input");

        prop_assert_eq!(in_order.answers(), changed.answers(), "the order and earlier answers do not matter");
        prop_assert_eq!(in_order.answers(), &from_json.answers, "the JSON input reads as the session's answers");
        let via_session = api::AssessInput { answers: in_order.answers().clone(), mode, region: "RS".into(), now };
        for lang in ["en", "sr-Cyrl", "xx"] {
            let expected = json::to_text(&api::assess_json(content, lang, &via_session, offset, &[]));
            prop_assert_eq!(&json::to_text(&api::assess_json(content, lang, &from_json, offset, &[])), &expected);
            let report = Report::new(content, lang, &assess(content, mode, changed.answers()), &changed.effective_answers(content), "RS", now, offset);
            prop_assert_eq!(&json::to_text(&report), &json::to_text(&api::assess_json(content, lang, &via_session, offset, &[]).report));
            prop_assert!(!report.title.is_empty());
            prop_assert!(!report.emergency.is_empty() || report.emergency_missing.is_some(), "the result always has an emergency number or says why not");
        }
    }

    #[test]
    fn an_unknown_answer_never_gives_a_lower_level_than_every_real_answer(answers in answers_strategy(), mode in mode_strategy(), pick in 0usize..1000) {
        // Any question a person can reach, whatever the other answers: "not
        // sure", "prefer not to say" and no answer at all each give at least
        // the level the lowest real answer gives.
        let content = content();
        let mut others = answers.clone();
        let path = session::path(content, mode, &answers).0;
        let question = path[pick % path.len()];
        others.remove(&question.id);
        prop_assert!(session::path(content, mode, &others).0.iter().any(|q| q.id == question.id), "reachable without its own answer");
        let level_with = |answer: Option<Answer>| {
            let mut answers = others.clone();
            if let Some(answer) = answer {
                answers.insert(question.id.to_string(), answer);
            }
            assess(content, mode, &answers).level
        };
        let real = content.options_of(question).into_iter().map(|option| {
            let answer = if question.kind.multiple() { Answer::Choices(vec![option.to_string()]) } else { Answer::Choice(option.to_string()) };
            (option, level_with(Some(answer)))
        });
        let (lowest_option, lowest) = real.min_by_key(|(_, level)| *level).expect("every question has options");
        for unknown in [None, Some(Answer::NotSure), Some(Answer::PreferNot)] {
            let level = level_with(unknown.clone());
            prop_assert!(level >= lowest, "{}: {:?} gives {:?}, lower than {:?} for {}", question.id, unknown, level, lowest, lowest_option);
        }
    }

    #[test]
    fn any_text_as_a_partner_config_is_checked_without_panic(text in ".{0,400}") {
        let (_, _) = PartnerConfig::parse(&text, content());
        let _ = api::validate(content(), "config", &text);
    }

    #[test]
    fn any_json_as_a_partner_config_is_checked_without_panic(value in json_value()) {
        let text = serde_json::json!({"region": value.clone(), "modules": value.clone(), "referrals": {"add": [value.clone()], "replace": value.clone(), "hide": [value.clone()]}, "text": {"en": value.clone()}}).to_string();
        let (config, _) = PartnerConfig::parse(&text, content());
        let applied = config.apply(content());
        prop_assert!(applied.directory.entries.iter().any(|e| e.emergency), "the emergency numbers are never lost");
    }

    #[test]
    fn damaged_content_loads_with_problems_not_a_panic(cut in 0usize..60_000, len in 0usize..200, junk in "[\\[\\]{}\",:a-z0-9 ]{0,20}") {
        let (name, text) = putokaz::source::QUESTIONNAIRE;
        let mut damaged = text.to_string();
        let start = (cut % damaged.len()).min(damaged.len());
        let start = (0..=start).rev().find(|i| damaged.is_char_boundary(*i)).unwrap_or(0);
        let end = (start + len).min(damaged.len());
        let end = (end..=damaged.len()).find(|i| damaged.is_char_boundary(*i)).unwrap_or(damaged.len());
        damaged.replace_range(start..end, &junk);
        let mut files = putokaz::source::files();
        files.questionnaire = (name, &damaged);
        // Two languages are enough to check against (all fifteen would parse 256 times more JSON for nothing).
        files.catalogs.retain(|(lang, _, _)| ["en", "sr-Latn"].contains(lang));
        let (content, problems) = Content::load(&files);
        if damaged != text {
            // Either it is still valid content, or the problems say where.
            prop_assert!(problems.iter().all(|p| !p.location.is_empty() && !p.message.is_empty()));
        }
        let _ = assess(&content, Mode::Screening, &Answers::new());
    }
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Screening => "screening",
        Mode::JobOffer => "job-offer",
    }
}

/// Every (question, option) some indicator names as a sign: the answers
/// that can fire something.
fn sign_options() -> Vec<(String, String)> {
    let content = content();
    let mut out: Vec<(String, String)> = Vec::new();
    for indicator in content.questionnaire.indicators.iter() {
        for (question, options) in indicator.fires_if.leaves() {
            for option in options {
                let pair = (question.to_string(), option.to_string());
                if !pair.1.starts_with("not_sure") && pair.1 != Answer::PREFER_NOT && !out.contains(&pair) {
                    out.push(pair);
                }
            }
        }
    }
    out
}

#[test]
fn answering_with_a_sign_never_lowers_the_level() {
    // Generated directly: a question on the path, answered "no", unknown,
    // not at all, or with an exclusive option ("none of these"), then
    // changed to an option that fires a sign it did not fire before.
    let content = content();
    let signs = sign_options();
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 256, ..ProptestConfig::default() });
    let (cases, checked) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    let strategy = (answers_strategy(), mode_strategy(), 0usize..10_000, 0usize..4);
    runner
        .run(&strategy, |(answers, mode, pick, before_kind)| {
            cases.set(cases.get() + 1);
            let path = session::path(content, mode, &answers).0;
            let mut candidates = Vec::new();
            for (id, option) in &signs {
                let Some(question) = path.iter().find(|q| &q.id == id) else { continue };
                let before = match before_kind {
                    0 => None,
                    1 => Some(Answer::NotSure),
                    2 => Some(Answer::PreferNot),
                    _ if question.kind == Kind::YesNo => Some(Answer::Choice("no".into())),
                    _ => question.exclusive.first().map(|e| Answer::Choices(vec![e.to_string()])),
                };
                let after = if question.kind.multiple() { Answer::Choices(vec![option.clone()]) } else { Answer::Choice(option.clone()) };
                if before.as_ref() == Some(&after) {
                    continue;
                }
                let mut old = answers.clone();
                match &before {
                    Some(answer) => old.insert(id.clone(), answer.clone()),
                    None => old.remove(id),
                };
                let mut new = answers.clone();
                new.insert(id.clone(), after);
                let (old_outcome, new_outcome) = (assess(content, mode, &old), assess(content, mode, &new));
                if new_outcome.fired.iter().any(|i| !old_outcome.is_fired(i)) {
                    candidates.push((id.clone(), old, new, old_outcome, new_outcome));
                }
            }
            if candidates.is_empty() {
                return Ok(());
            }
            checked.set(checked.get() + 1);
            let (id, _, new, old_outcome, new_outcome) = &candidates[pick % candidates.len()];
            prop_assert!(
                new_outcome.level >= old_outcome.level,
                "{} -> {:?} lowered {:?} to {:?}",
                id,
                new.get(id),
                old_outcome.level,
                new_outcome.level
            );
            Ok(())
        })
        .unwrap();
    // Nearly every generated case reaches the assertion (some answers leave
    // no sign to give, such as a path that ends at the safety question).
    eprintln!("answering_with_a_sign_never_lowers_the_level: {} of {} cases checked", checked.get(), cases.get());
    assert!(checked.get() * 10 >= cases.get() * 9, "only {} of {} cases were checked", checked.get(), cases.get());
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        ".{0,30}".prop_map(serde_json::Value::String),
        Just(serde_json::json!("javascript:alert(1)")),
        Just(serde_json::json!("<img src=x onerror=alert(1)>")),
        Just(serde_json::json!("\u{202e}evil")),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn a_long_partner_config_is_checked_in_bounded_time() {
    let entry = r#"{"id": "e-N", "name": {"original": "X", "en": "X"}, "country": "RS", "contacts": [{"kind": "web", "url": "https://example.org"}], "services": ["legal"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high"}"#;
    let entries: Vec<String> = (0..2000).map(|n| entry.replace("e-N", &format!("e-{n}"))).collect();
    let text = format!(r#"{{"referrals": {{"add": [{}]}}}}"#, entries.join(","));
    let started = std::time::Instant::now();
    let (config, problems) = PartnerConfig::parse(&text, content());
    // Read up to the cap; the rest is left out, with one problem.
    assert_eq!(problems.len(), 1, "{:?}", &problems[..problems.len().min(3)]);
    assert!(problems[0].to_string().contains("at most 200 entries in all; the rest were left out"), "{}", problems[0]);
    assert_eq!(config.add.len(), putokaz::engine::partner::MAX_REFERRALS);
    // Generous: a quadratic check would take minutes here.
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}

#[test]
fn a_bundle_loads_from_files_like_the_built_in_one() {
    // Partners and reviewers load their own files the same way.
    let files: Files = putokaz::source::files();
    let (content, problems) = Content::load(&files);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(content.questionnaire.questions.len(), builtin::content().questionnaire.questions.len());
}

/// Every (question, option) that fires an indicator flagged `grave_purpose`,
/// with the answers that open its question and module (a gate such as the
/// sexual opt-in, or the marriage question).
fn grave_purpose_answers() -> Vec<Vec<(String, Answer)>> {
    let content = content();
    let mut out = Vec::new();
    for indicator in content.questionnaire.indicators.iter().filter(|i| i.grave_purpose) {
        for (question_id, options) in indicator.fires_if.leaves() {
            let Some(question) = content.questionnaire.questions.iter().find(|q| q.id.as_ref() == question_id) else { continue };
            let module = content.questionnaire.modules.iter().find(|m| m.id == question.module);
            let mut opening: Vec<(String, Answer)> = Vec::new();
            for condition in question.show_if.iter().chain(module.and_then(|m| m.show_if.as_ref())) {
                for (q, opts) in condition.leaves() {
                    if let Some(first) = opts.first() {
                        opening.push((q.to_string(), Answer::Choice(first.to_string())));
                    }
                }
            }
            for option in options {
                let answer = if question.kind.multiple() { Answer::Choices(vec![option.to_string()]) } else { Answer::Choice(option.to_string()) };
                let mut set = opening.clone();
                set.push((question_id.to_string(), answer));
                out.push(set);
            }
        }
    }
    out
}

#[test]
fn a_grave_purpose_answer_is_at_least_serious() {
    // Any other answers (random, unknown, contradictory), then one answer
    // that fires a grave purpose (Art. 388-390): the level is never below
    // serious, at any age.
    let content = content();
    let graves = grave_purpose_answers();
    assert!(graves.len() >= 8, "grave-purpose answers: {}", graves.len());
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig { cases: 256, ..ProptestConfig::default() });
    let (cases, checked) = (std::cell::Cell::new(0), std::cell::Cell::new(0));
    let strategy = (answers_strategy(), 0usize..10_000);
    runner
        .run(&strategy, |(mut answers, pick)| {
            cases.set(cases.get() + 1);
            let grave = &graves[pick % graves.len()];
            // The person is on the screening path (a "no" at the safety gate).
            answers.insert("danger_now".into(), Answer::Choice("no".into()));
            answers.insert("safe_to_continue".into(), Answer::Choice("yes".into()));
            for (id, answer) in grave {
                answers.insert(id.clone(), answer.clone());
            }
            let outcome = assess(content, Mode::Screening, &answers);
            let fired_grave = outcome.fired.iter().filter_map(|id| content.indicator(id)).find(|i| i.grave_purpose);
            let Some(indicator) = fired_grave else { return Ok(()) };
            checked.set(checked.get() + 1);
            prop_assert!(
                outcome.level >= putokaz::engine::content::Level::Serious,
                "{} fired but the level is {:?}",
                indicator.id,
                outcome.level
            );
            Ok(())
        })
        .unwrap();
    eprintln!("a_grave_purpose_answer_is_at_least_serious: {} of {} cases checked", checked.get(), cases.get());
    assert!(checked.get() * 2 >= cases.get(), "only {} of {} cases were checked", checked.get(), cases.get());
}
