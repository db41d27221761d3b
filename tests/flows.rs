//! Whole flows through the widget's screens, run natively: every script in
//! `tests/flows/*.json` is a list of steps (start, answer, back, change the
//! language, restart, print, exit...) given to the engine's `Flow`, and the
//! screens it shows are written as plain text and compared with the
//! transcript next to it (`tests/flows/<name>.txt`).
//! `UPDATE_TRANSCRIPTS=1 cargo test` rewrites the transcripts; review the diff.

use std::path::{Path, PathBuf};

use putokaz::engine::builtin;
use putokaz::engine::flow::{Action, AskView, Button, Effect, Flow, HotlineView, Input, Loaded, Now, ScreenView, Settings, Sos, View};
use putokaz::engine::Content;
use serde_json::Value;

/// Saturday 28 November 2026, 21:30 in Belgrade, as in tests/engine.rs: a
/// fixed "now" so opening hours in transcripts never change.
const NOW: Now = Now { ms: 29_931_630.0 * 60_000.0, offset_minutes: 60 };

fn scripts() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("tests/flows").expect("tests/flows exists").flatten().map(|e| e.path()).collect();
    paths.retain(|p| p.extension().is_some_and(|e| e == "json"));
    paths.sort();
    paths
}

/// A flow set up as a script says.
fn mount(script: &Value) -> (Flow, Loaded) {
    let text = |name: &str| script.get(name).and_then(Value::as_str).unwrap_or_default().to_string();
    let settings = Settings {
        lang: text("lang"),
        langs: text("langs").split_whitespace().map(String::from).collect(),
        region: text("region"),
        mode: text("mode"),
        exit_url: text("exit_url"),
        config: script.get("config").map(Value::to_string).unwrap_or_default(),
        // Not the real ones, so that the transcripts do not change with every release and content edit.
        version: ["1.2.3".into(), "c0ffee00".into()],
    };
    Flow::new(builtin::content(), &settings)
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => panic!("expected a string or a list of strings: {value}"),
    }
}

/// The action of one step, given the screen it is taken on.
fn action(step: &Value, view: &View) -> Action {
    let on_screen = || match &view.screen {
        ScreenView::Question(ask) => ask.id.clone(),
        _ => panic!("{step}: no question on screen"),
    };
    if let Some(name) = step.as_str() {
        return match name {
            "wipe" => Action::Wipe,
            _ => Action::button(name).unwrap_or_else(|| panic!("unknown step {name}")),
        };
    }
    let (key, value) = step.as_object().and_then(|o| o.iter().next()).unwrap_or_else(|| panic!("a step is a name or {{\"what\": value}}: {step}"));
    let text = || value.as_str().unwrap_or_else(|| panic!("{step}: expected a string")).to_string();
    match key.as_str() {
        "answer" => Action::Answer { question: on_screen(), values: strings(value) },
        "tick" => Action::Draft { question: on_screen(), values: strings(value) },
        "lang" => Action::SetLang(text()),
        "region" => Action::SetRegion(text()),
        "mode" => Action::SetMode(text()),
        "exit_url" => Action::SetExitUrl(text()),
        "shift" => Action::Key { shift: true, at_ms: value.as_f64().expect("milliseconds") },
        "key" => Action::Key { shift: false, at_ms: value.as_f64().expect("milliseconds") },
        "type" => Action::Text(text()),
        "check_text" => Action::CheckText(text()),
        "pay" => {
            let field = |name: &str| value[name].as_str().unwrap_or_default().to_string();
            Action::PayCheck {
                country: field("country"),
                amount: field("amount"),
                per: field("per"),
                hours: field("hours"),
            }
        }
        _ => panic!("unknown step {step}"),
    }
}

/// Runs a script; returns its transcript.
fn run(name: &str, script: &Value) -> String {
    let (mut flow, content) = mount(script);
    let mut out = format!("# {name}: {}\n", script["description"].as_str().unwrap_or_default());
    for warning in flow.take_warnings() {
        out += &format!("warning: {warning}\n");
    }
    let mut frame = String::new();
    out += &screen_text(&flow.view(&content, NOW), &mut frame);
    for step in script["steps"].as_array().expect("steps") {
        out += &format!("\n> {step}\n");
        if let Some(answers) = step.get("finish") {
            out += &finish(&mut flow, &content, answers);
        } else {
            let action = action(step, &flow.view(&content, NOW));
            out += &effect_text(&flow.apply(&content, action));
        }
        for warning in flow.take_warnings() {
            out += &format!("warning: {warning}\n");
        }
        out += &screen_text(&flow.view(&content, NOW), &mut frame);
    }
    out
}

/// Answers every question left from a map of answers (the rest "not sure"),
/// stepping past the emergency and way-out screens, until the result shows.
fn finish(flow: &mut Flow, content: &Content, answers: &Value) -> String {
    let mut asked = Vec::new();
    for _ in 0..80 {
        let view = flow.view(content, NOW);
        let action = match &view.screen {
            ScreenView::Emergency(_) | ScreenView::NotSafe(_) => {
                asked.push("(continue)".to_string());
                Action::Continue
            }
            ScreenView::Question(ask) => {
                asked.push(ask.id.clone());
                let values = answers.get(&ask.id).map_or_else(|| vec!["not_sure".to_string()], strings);
                Action::Answer { question: ask.id.clone(), values }
            }
            _ => return format!("asked: {}\n", asked.join(", ")),
        };
        flow.apply(content, action);
    }
    panic!("no result after 80 steps: {}", asked.join(", "));
}

fn effect_text(effect: &Effect) -> String {
    match effect {
        Effect::None => "effect: none\n".into(),
        Effect::Draw => "effect: draw\n".into(),
        Effect::NewScreen => "effect: new screen (focus on its heading)\n".into(),
        Effect::NewLanguage => "effect: new language (focus stays on the language select)\n".into(),
        Effect::Announce(text) => format!("effect: announce {text:?}\n"),
        Effect::Print => "effect: print dialog\n".into(),
        Effect::Leave(url) => format!("effect: leave for {url}\n"),
    }
}

fn button(b: &Button) -> String {
    format!("[{}{}: {}]", if b.primary { "*" } else { "" }, b.action.name(), b.text)
}

fn sos_text(sos: &Sos) -> String {
    match sos {
        Sos::Missing(line) => format!("  sos: {line}\n"),
        Sos::Numbers { missing, label, numbers } => {
            let numbers: Vec<String> = numbers.iter().map(|n| format!("{} <{}> {}", n.number, n.href.as_deref().unwrap_or("-"), n.name)).collect();
            let missing = missing.as_ref().map(|line| format!("  sos: {line}\n")).unwrap_or_default();
            format!("{missing}  sos: {label} {}\n", numbers.join("; "))
        }
    }
}

fn referrals_text(referrals: &putokaz::engine::flow::Referrals) -> String {
    let mut out = String::new();
    if let Some(line) = &referrals.no_local {
        out += &format!("  note: {line}\n");
    }
    if let Some((title, rights)) = &referrals.rights {
        out += &format!("  {title}:\n");
        for right in rights {
            out += &format!("    * {right}\n");
        }
    }
    for r in &referrals.items {
        out += &format!("  - {}", r.name);
        if let Some(audience) = &r.audience {
            out += &format!(" · {audience}");
        }
        if let Some(why) = &r.why {
            out += &format!(" · {why}");
        }
        out += &format!(" · {}", r.hours);
        if let Some(languages) = &r.languages {
            out += &format!(" · {languages}");
        }
        out += "\n";
        for c in &r.contacts {
            let rel = if c.external { " (noopener)" } else { "" };
            out += &format!("      {}{} <{}>{rel}{}\n", c.label, c.value, c.href.as_deref().unwrap_or("-"), c.note.as_deref().unwrap_or(""));
        }
        if let Some(line) = &r.check_first {
            out += &format!("      note: {line}\n");
        }
        out += &format!("      {}: {}\n", r.details, r.verified);
    }
    out
}

fn ask_text(ask: &AskView) -> String {
    let mut out = format!("== question {}\n  {}\n## {}\n", ask.id, ask.progress, ask.title);
    for (what, line) in [("hint", &ask.hint), ("sensitive", &ask.sensitive), ("multi", &ask.multi), ("suggested", &ask.suggested)] {
        if let Some(line) = line {
            out += &format!("  {what}: {line}\n");
        }
    }
    if let Some(error) = &ask.error {
        out += &format!("  ! {}: {}\n", error.title, error.text);
    }
    match &ask.input {
        Input::Choices { multi, options, unknown, filter } => {
            let (on, off) = if *multi { ("[x]", "[ ]") } else { ("(x)", "( )") };
            // Every country: how many, the first few by name, and what is ticked.
            let listed = match filter {
                Some(f) => {
                    let first: Vec<String> = options.iter().take(3).map(|o| format!("{}: {}", o.value, o.text)).collect();
                    let chosen: Vec<&str> = options.iter().filter(|o| o.checked).map(|o| o.value.as_str()).collect();
                    out += &format!("  [{}] {} countries ({}, …; \"{}\") chosen: {}\n", f.label, options.len(), first.join(", "), f.found, chosen.join(", "));
                    &options[..0]
                }
                None => &options[..],
            };
            for o in listed.iter().chain(unknown) {
                let exclusive = if o.exclusive { " (clears the others)" } else { "" };
                out += &format!("  {} {}: {}{exclusive}\n", if o.checked { on } else { off }, o.value, o.text);
            }
        }
    }
    out += &format!("  [submit: {}] {}\n", ask.submit, button(&ask.back));
    out
}

/// A view as plain text: the widget's frame on one line (when it differs
/// from the `last` one shown), then the screen.
fn screen_text(view: &View, last: &mut String) -> String {
    let languages: Vec<String> = view.languages.iter().map(|l| format!("{}{}", l.name, if l.selected { "*" } else { "" })).collect();
    let frame = format!(
        "[{} {}] \"{}\" · skip \"{}\" · exit \"{}\" <{}> ({}) · {}: {}\n",
        view.lang, view.dir, view.label, view.skip, view.exit, view.exit_url, view.exit_hint, view.languages_label, languages.join(" ")
    );
    let mut out = String::new();
    if frame != *last {
        out += &frame;
        *last = frame;
    }
    out += &format!("  announces: {:?}\n", view.announce);
    // The main hotline, on every screen but the blank one after an exit.
    match &view.hotline {
        Some(h) => out += &format!("  hotline: {} [{} <{}>]\n", h.text, h.number, h.href),
        None => out += "  hotline: none\n",
    }
    match &view.screen {
        ScreenView::Intro(intro) => {
            out += &format!("== intro\n## {}\n", intro.title);
            for p in &intro.paragraphs {
                out += &format!("  {p}\n");
            }
            if let Some(note) = &intro.note {
                out += &format!("  note: {note}\n");
            }
            out += &format!("  {}\n", button(&intro.start));
            if let Some(other) = &intro.other {
                out += &format!("  {}\n", button(other));
            }
            out += &format!("  [+ {}]\n", intro.more.label);
            for p in &intro.more.paragraphs {
                out += &format!("    {p}\n");
            }
        }
        ScreenView::Question(ask) => out += &ask_text(ask),
        ScreenView::Emergency(e) => {
            out += &format!("== emergency\n## {}\n  {}\n{}  {}\n", e.title, e.body, sos_text(&e.sos), button(&e.next));
        }
        ScreenView::NotSafe(n) => {
            out += &format!("== not safe\n## {}\n  {}\n  [exit link: {}] {}\n", n.title, n.body, n.exit, button(&n.next));
        }
        ScreenView::Result(r) => {
            out += &format!("== result ({})\n  {}\n## {}\n  {}\n", r.level.id(), r.heading, r.title, r.summary);
            if r.sos_first {
                out += &sos_text(&r.sos);
            }
            if let Some(note) = &r.child_note {
                out += &format!("  note: {note}\n");
            }
            out += &format!("### {} (the first step and the first two services)\n", r.now_title);
            if let Some(job) = &r.job {
                out += &format!("### {}\n", job.title);
                if let Some(none) = &job.none {
                    out += &format!("  {none}\n");
                }
                for flag in &job.flags {
                    out += &format!("  - {}", flag.text);
                    if let Some(check) = &flag.check {
                        out += &format!(" / {}{check}", job.check_label);
                    }
                    out += "\n";
                }
                out += &format!("  {}\n  note: {}\n", job.score, job.note);
            }
            if let Some(noticed) = &r.noticed {
                out += &format!("### {}\n", noticed.title);
                if let Some(nothing) = &noticed.nothing {
                    out += &format!("  {nothing}\n");
                }
                for group in &noticed.groups {
                    out += &format!("#### {}\n", group.title);
                    for sign in &group.signs {
                        out += &format!("  - {sign}\n");
                    }
                }
                if let Some(discreet) = &noticed.discreet {
                    out += &format!("  [+ {}]\n", discreet.label);
                    for sign in &discreet.paragraphs {
                        out += &format!("    - {sign}\n");
                    }
                }
            }
            if let Some(n) = &r.not_assessed {
                out += &format!("### {}\n  {}\n", n.title, n.body);
                for topic in &n.topics {
                    out += &format!("  - {topic}\n");
                }
                if let Some(line) = &n.could_be_higher {
                    out += &format!("  note: {line}\n");
                }
            }
            out += &format!("### {}\n", r.next_title);
            for step in &r.next_steps {
                out += &format!("  - {step}\n");
            }
            out += &format!("### {}\n", r.help_title);
            if !r.sos_first {
                out += &sos_text(&r.sos);
            }
            out += &referrals_text(&r.referrals);
            out += &format!("  {}\n", r.actions.iter().map(button).collect::<Vec<_>>().join(" "));
        }
        ScreenView::Print(p) => {
            out += &format!("== print\n## {}\n  note: {}\n", p.title, p.note);
            out += &sos_text(&p.sos);
            out += &referrals_text(&p.referrals);
            out += &format!("  footer: {}\n", p.version);
            out += &format!("  [ ] {}\n", p.discreet);
            out += &format!("  {} {}\n", button(&p.print_now), button(&p.back));
        }
        ScreenView::Exited(line) => out += &format!("== exited\n  {line}\n"),
        ScreenView::Check(c) => {
            out += &format!(
                "== check\n## {}\n  [{}: {:?}] {}\n",
                c.title, c.label, c.text, c.hint
            );
            if let Some(e) = &c.error {
                out += &format!("  ! {}: {}\n", e.title, e.text);
            }
            out += &format!("  [{}] {}\n", c.submit, button(&c.back));
        }
        ScreenView::Checked(c) => {
            out += &format!("== checked\n## {}\n  {}\n", c.title, c.summary);
            if !c.flags.is_empty() {
                out += &format!("### {}\n", c.flags_title);
            }
            for flag in &c.flags {
                out += &format!("  - {}\n", flag.name);
                for quote in &flag.quotes {
                    out += &format!("    {} {quote:?}\n", c.labels[0]);
                }
                out += &format!(
                    "    {} {}\n    {} {}\n",
                    c.labels[1], flag.why, c.labels[2], flag.ask
                );
            }
            if !c.elements.is_empty() {
                out += &format!("### {}\n  {}\n", c.elements_title, c.elements_note);
            }
            for (name, status, id) in &c.elements {
                out += &format!("  - {name}: {status} ({id})\n");
            }
            if !c.text.is_empty() {
                out += &format!("### {}\n  ", c.text_title);
                for (piece, mark) in &c.text {
                    match mark {
                        Some(n) => out += &format!("[{n}:{piece}]"),
                        None => out += piece,
                    }
                }
                out += "\n";
            }
            out += &format!(
                "  note: {}\n  {}\n### {}\n",
                c.not_legal,
                c.actions.iter().map(button).collect::<Vec<_>>().join(" "),
                c.help_title
            );
            out += &referrals_text(&c.referrals);
        }
        ScreenView::Pay(p) => {
            out += &format!("== pay\n## {}\n  {}\n", p.title, p.intro);
            if let Some(e) = &p.error {
                out += &format!("  ! {}: {}\n", e.title, e.text);
            }
            let chosen = |options: &[(String, String, bool)]| {
                options
                    .iter()
                    .find(|o| o.2)
                    .map(|o| o.1.clone())
                    .unwrap_or_default()
            };
            out += &format!(
                "  {}: {} ({} countries)\n",
                p.country.0,
                chosen(&p.country.1),
                p.country.1.len() - 1
            );
            out += &format!(
                "  {}: {:?} {}: {}\n  {}: {:?}\n  [{}]\n",
                p.amount.0,
                p.amount.1,
                p.per.0,
                chosen(&p.per.1),
                p.hours.0,
                p.hours.1,
                p.submit
            );
            for line in &p.said {
                out += &format!("  > {line}\n");
            }
            for s in &p.sources {
                out += &format!(
                    "  {}{} <{}>{}\n",
                    s.label,
                    s.value,
                    s.href.as_deref().unwrap_or_default(),
                    s.note.as_deref().unwrap_or_default()
                );
            }
            out += &format!("  {}\n", button(&p.back));
        }
    }
    out
}

#[test]
fn flows_show_the_screens_in_their_transcripts() {
    let paths = scripts();
    assert!(paths.len() >= 7, "the flows are in tests/flows/, found {}", paths.len());
    let mut differ = Vec::new();
    for path in &paths {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let script: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let actual = run(&name, &script);
        let transcript = path.with_extension("txt");
        if std::env::var_os("UPDATE_TRANSCRIPTS").is_some() {
            std::fs::write(&transcript, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&transcript).unwrap_or_default();
        if expected != actual {
            differ.push(first_difference(&transcript, &expected, &actual));
        }
    }
    assert!(differ.is_empty(), "transcripts differ (UPDATE_TRANSCRIPTS=1 rewrites them):\n{}", differ.join("\n"));
}

fn first_difference(path: &Path, expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = (0..e.len().max(a.len())).find(|&i| e.get(i) != a.get(i)).unwrap_or(0);
    format!("{}:{}:\n  expected {:?}\n  actual   {:?}", path.display(), at + 1, e.get(at), a.get(at))
}

/// The print view is the list of help alone: no sign, no answer, no question.
#[test]
fn the_print_view_shows_no_answer_and_no_sign() {
    let content = builtin::content();
    let settings = Settings { lang: "en".into(), region: "RS".into(), ..Settings::default() };
    let (mut flow, _) = Flow::new(content, &settings);
    flow.apply(content, Action::Start);
    let answers = [("danger_now", "no"), ("who_for", "self"), ("age", "18_plus"), ("country_now", "RS"), ("situation", "work_now"), ("control_signs", "documents_kept")];
    let mut asked = Vec::new();
    for _ in 0..80 {
        let view = flow.view(content, NOW);
        let action = match &view.screen {
            ScreenView::Question(ask) => {
                asked.push(ask.clone());
                let value = answers.iter().find(|(q, _)| *q == ask.id).map_or("no", |(_, a)| a);
                let value = if ask_has(ask, value) { value } else { "not_sure" };
                Action::Answer { question: ask.id.clone(), values: vec![value.into()] }
            }
            ScreenView::Emergency(_) | ScreenView::NotSafe(_) => Action::Continue,
            _ => break,
        };
        flow.apply(content, action);
    }
    let ScreenView::Result(result) = flow.view(content, NOW).screen else { panic!("no result") };
    let signs: Vec<String> = result.noticed.iter().flat_map(|n| n.groups.iter().flat_map(|g| g.signs.clone())).collect();
    assert!(!signs.is_empty(), "the answers show a sign");
    assert_eq!(flow.apply(content, Action::Print), Effect::NewScreen);
    let print = screen_text(&flow.view(content, NOW), &mut String::new());
    assert!(print.contains("== print") && print.contains("192"), "{print}");
    for sign in &signs {
        assert!(!print.contains(sign.as_str()), "the print view shows the sign {sign:?}:\n{print}");
    }
    for ask in &asked {
        assert!(!print.contains(&ask.title), "the print view shows the question {:?}:\n{print}", ask.title);
    }
    assert!(!print.contains(&result.title) && !print.contains(&result.summary), "the print view shows the result:\n{print}");
}

fn ask_has(ask: &AskView, value: &str) -> bool {
    match &ask.input {
        Input::Choices { options, unknown, .. } => options.iter().chain(unknown).any(|o| o.value == value),
    }
}

/// Restart, quick exit and leaving the page drop every answer.
#[test]
fn restart_exit_and_leaving_drop_every_answer() {
    let content = builtin::content();
    for end in [Action::Restart, Action::Exit, Action::Wipe] {
        let (mut flow, _) = Flow::new(content, &Settings::default());
        flow.apply(content, Action::Start);
        flow.apply(content, Action::Answer { question: "danger_now".into(), values: vec!["no".into()] });
        flow.apply(content, Action::Draft { question: "safe_to_continue".into(), values: vec!["yes".into()] });
        assert_eq!(flow.session().answers().len(), 1);
        flow.apply(content, end.clone());
        assert!(flow.session().answers().is_empty(), "{end:?} keeps an answer");
        // The draft is gone too: the same question shows nothing ticked.
        flow.apply(content, Action::Start);
        flow.apply(content, Action::Answer { question: "danger_now".into(), values: vec!["no".into()] });
        let ScreenView::Question(ask) = flow.view(content, NOW).screen else { panic!("{end:?}: no question") };
        let Input::Choices { options, unknown, .. } = &ask.input;
        assert!(options.iter().chain(unknown).all(|o| !o.checked), "{end:?} keeps what was ticked");
    }
}

/// Every kind of screen, in order, as the first action that reaches it:
/// intro, question, refused answer, emergency, not safe, result, print, exit.
fn every_screen(flow: &mut Flow, content: &Content) -> Vec<(&'static str, View)> {
    let mut seen = vec![("intro", flow.view(content, NOW))];
    let answer = |q: &str, v: &str| Action::Answer { question: q.into(), values: vec![v.into()] };
    let steps = [
        ("question", Action::Start),
        ("refused answer", Action::Answer { question: "danger_now".into(), values: vec![] }),
        ("emergency", answer("danger_now", "yes")),
        ("question", Action::Continue),
        ("not safe", answer("safe_to_continue", "no")),
        ("question", Action::Continue),
    ];
    for (name, action) in steps {
        flow.apply(content, action);
        seen.push((name, flow.view(content, NOW)));
    }
    for _ in 0..80 {
        let ScreenView::Question(ask) = flow.view(content, NOW).screen else { break };
        flow.apply(content, Action::Answer { question: ask.id.clone(), values: vec!["not_sure".into()] });
    }
    seen.push(("result", flow.view(content, NOW)));
    for (name, action) in [("print", Action::Print), ("exit", Action::Exit)] {
        flow.apply(content, action);
        seen.push((name, flow.view(content, NOW)));
    }
    seen
}

fn hotline_on_every_screen(settings: &Settings) -> Vec<(&'static str, Option<HotlineView>)> {
    let content = builtin::content();
    let (mut flow, loaded) = Flow::new(content, settings);
    every_screen(&mut flow, &loaded).into_iter().map(|(name, view)| (name, view.hotline)).collect()
}

/// A number on every screen: the region's main hotline (ASTRA SOS in
/// Serbia) on the intro, each question, a refused answer, the emergency and
/// "not safe" screens, the result and the print view, in the person's
/// language; nothing on the blank screen after an exit.
#[test]
fn every_screen_shows_the_main_hotline() {
    let astra = |text: &str| HotlineView { text: text.into(), number: "011 785 0000".into(), href: "tel:+381117850000".into() };
    for (lang, text) in [("en", "Talk to someone:"), ("sr-Latn", "Za razgovor:"), ("sr-Cyrl", "За разговор:")] {
        let settings = Settings { lang: lang.into(), region: "RS".into(), ..Settings::default() };
        let screens = hotline_on_every_screen(&settings);
        let kinds: Vec<&str> = screens.iter().map(|(name, _)| *name).collect();
        assert_eq!(kinds, ["intro", "question", "refused answer", "emergency", "question", "not safe", "question", "result", "print", "exit"]);
        for (name, hotline) in &screens {
            let expected = (*name != "exit").then(|| astra(text));
            assert_eq!(hotline, &expected, "{lang}: {name}");
        }
    }
}

/// The region's main hotline is its own, for anyone, not an emergency
/// number, of high confidence; a region without one shows none; a
/// partner's hotline wins, and a hotline a config cannot have is refused
/// with a problem, the region's showing instead.
#[test]
fn the_hotline_is_the_partners_else_the_regions() {
    let content = builtin::content();
    let shown = |region: &str, config: &str| {
        let settings = Settings { lang: "en".into(), region: region.into(), config: config.into(), ..Settings::default() };
        let (flow, loaded) = Flow::new(content, &settings);
        (flow.view(&loaded, NOW).hotline.map(|h| h.href), flow.config_problems().to_vec())
    };
    let href = |region: &str| shown(region, "").0;
    assert_eq!(href("RS").as_deref(), Some("tel:+381117850000"), "ASTRA SOS (high), not the police line 0800 100 388 (medium) listed before it");
    assert_eq!(href("US").as_deref(), Some("tel:+18883737888"));
    assert_eq!(href("DE"), None, "Germany's only hotline with a number is for women");
    assert_eq!(href("NL"), None, "the only Dutch entry is of low confidence");
    assert_eq!(href("AT"), None, "Austria's hotline is of medium confidence");

    let partner = r#"{"referrals": {"add": [{"id": "partner-line", "name": {"original": "Linija", "en": "Line"}, "country": "RS",
        "contacts": [{"kind": "voice", "number": "+381111111111", "display": "011 111 1111"}], "services": ["information"],
        "audience": ["anyone"], "emergency": false, "sources": ["https://example.org/"], "last_verified": "2026-11",
        "source_date": "2026", "confidence": "high", "notes": ""}]}, "hotline": "partner-line"}"#;
    assert_eq!(shown("RS", partner), (Some("tel:+381111111111".into()), vec![]));
    assert_eq!(shown("AT", r#"{"hotline": "rs-vds"}"#), (Some("tel:+381113034232".into()), vec![]), "a built-in entry by its id");
    for bad in [r#""rs-police-192""#, r#""rs-ombudsman""#, r#""nobody""#, "7"] {
        let (href, problems) = shown("RS", &format!(r#"{{"hotline": {bad}}}"#));
        assert_eq!(href.as_deref(), Some("tel:+381117850000"), "{bad}");
        assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
        assert!(problems[0].contains("\"hotline\": hotline must name a shown entry"), "{bad}: {problems:?}");
    }
    let (href, problems) = shown("RS", r#"{"hotline": "rs-vds", "referrals": {"hide": ["rs-vds"]}}"#);
    assert_eq!((href.as_deref(), problems.len()), (Some("tel:+381117850000"), 1), "a hidden entry is no hotline: {problems:?}");
}
