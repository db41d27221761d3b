//! Emergency numbers: every country has its own, sourced and dated; an urgent
//! result shows them, 24/7; where there are none, the honest line and 112;
//! and the print view gives opening hours, not whether a service is open now.

use putokaz::engine::api;
use putokaz::engine::builtin;
use putokaz::engine::directory::is_country_code;
use putokaz::engine::flow::{Action, Flow, Now, ScreenView, Settings, Sos};
use putokaz::engine::report::Report;
use putokaz::engine::{Answer, Content};

/// The territories libphonenumber v9.0.35 gives no emergency number for
/// and no other source was found for (see the directory README); the widget
/// offers 112 there.
const NO_NUMBER: [&str; 9] = ["AQ", "BV", "GS", "HM", "IO", "PN", "TF", "TK", "UM"];

fn iso_codes() -> Vec<String> {
    let mut codes = Vec::new();
    for a in 'A'..='Z' {
        for b in 'A'..='Z' {
            let code = format!("{a}{b}");
            if is_country_code(&code) {
                codes.push(code);
            }
        }
    }
    codes
}

/// The `assess` result for answers, as the command line and the browser's
/// `assessAnswers` give it.
fn assess(lang: &str, answers: &str) -> Report {
    let content = builtin::content();
    let input = format!(r#"{{"answers": {answers}, "now": "2026-11-28T21:30Z"}}"#);
    let (input, problems) = api::parse_assess_input(content, &input, 0).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    api::assess_json(content, lang, &input, 60, &problems).report
}

fn numbers(report: &Report) -> Vec<&str> {
    report.emergency.iter().flat_map(|e| e.contacts.iter()).filter(|c| c.kind == "voice").map(|c| c.label.as_str()).collect()
}

#[test]
fn every_country_has_emergency_numbers_with_a_source_and_a_date() {
    // The files as written, sources included.
    let (content, problems) = putokaz::source::load();
    assert!(problems.is_empty(), "{problems:?}");
    let offered = putokaz::engine::directory::countries().map(String::from);
    let codes = iso_codes();
    assert_eq!(codes.len(), 250, "ISO 3166-1 alpha-2 and XK");
    for code in offered.chain(codes) {
        let entries: Vec<_> = content.directory.entries.iter().filter(|e| e.emergency && e.works_in(&code)).collect();
        if NO_NUMBER.contains(&code.as_str()) {
            assert!(entries.is_empty(), "{code} has numbers now: take it off NO_NUMBER and the README's list");
            continue;
        }
        assert!(!entries.is_empty(), "{code} has no emergency number");
        for entry in entries {
            assert!(entry.voice().is_some(), "{}", entry.id);
            assert!(!entry.sources.is_empty(), "{} has no source", entry.id);
            let date = entry.last_verified.as_bytes();
            assert!(date.len() >= 7 && date[..4].iter().all(u8::is_ascii_digit) && date[4] == b'-', "{}: last_verified {:?}", entry.id, entry.last_verified);
            assert!(entry.source_date.is_some(), "{} has no source date", entry.id);
        }
    }
}

#[test]
fn urgent_results_show_the_emergency_numbers_of_the_country() {
    // The countries the widget once had no number for, and the numbers
    // libphonenumber v9.0.35 lists for them.
    for (country, expected) in [
        ("MK", &["112", "192", "193", "194"][..]),
        ("CA", &["112", "911"]),
        ("BA", &["122", "123", "124"]),
        ("UA", &["112", "101", "102", "103"]),
        ("TR", &["112", "110", "155"]),
    ] {
        let report = assess("en", &format!(r#"{{"danger_now": "yes", "country_now": "{country}"}}"#));
        assert_eq!(report.level, putokaz::engine::Level::Urgent);
        assert_eq!(report.emergency_missing, None, "{country}");
        let mut found = numbers(&report);
        found.dedup();
        for number in expected {
            assert!(found.contains(number), "{country}: {number} is not in {found:?}");
        }
        for emergency in &report.emergency {
            assert_eq!(emergency.hours, "Open 24 hours, every day", "{country}: {}", emergency.id);
        }
        let first = found[0];
        assert!(report.next_steps[0].contains(first), "{country}: {:?}", report.next_steps);
    }
    // Serbia's own numbers, without 112; those without hours in the research are 24/7 too.
    let report = assess("en", r#"{"danger_now": "yes", "country_now": "RS"}"#);
    assert_eq!(numbers(&report), ["192", "194", "193"]);
    assert!(report.emergency.iter().all(|e| e.hours == "Open 24 hours, every day"), "{:?}", report.emergency);
    // Guinea and Equatorial Guinea: numbers from Android's database and news
    // reports, which disagree or stand alone, to check before calling.
    for (country, expected) in [("GN", [("122", None), ("1717", None)]), ("GQ", [("113", Some("police")), ("115", Some("fire"))])] {
        let report = assess("en", &format!(r#"{{"danger_now": "yes", "country_now": "{country}"}}"#));
        assert_eq!(report.emergency_missing, None, "{country}");
        let found = labels(&report);
        let found: Vec<(&str, Option<&str>)> = found.iter().filter(|(n, _)| n != "112").map(|(n, l)| (n.as_str(), l.as_deref())).collect();
        assert_eq!(found, expected, "{country}");
        assert!(report.emergency.iter().any(|e| e.check_first), "{country}: to check before calling");
    }
}

#[test]
fn another_country_gets_the_honest_line_and_112() {
    for (lang, country, missing, note) in [
        ("en", "other", "We do not have the emergency number for this country", "works in the EU and in many other countries"),
        ("sr-Latn", "other", "Nemamo hitan broj za ovu državu", "radi u EU i u mnogim drugim zemljama"),
    ] {
        let report = assess(lang, &format!(r#"{{"danger_now": "yes", "country_now": "{country}"}}"#));
        assert!(report.emergency_missing.as_deref().is_some_and(|line| line.starts_with(missing)), "{:?}", report.emergency_missing);
        assert_eq!(numbers(&report), ["112"]);
        let contact = &report.emergency[0].contacts[0];
        assert_eq!((contact.href.as_deref(), contact.note.as_deref()), (Some("tel:112"), Some(note)));
        // Said with its caveat above, not as sure advice.
        assert!(!report.next_steps.iter().any(|s| s.contains("112")), "{:?}", report.next_steps);
    }
}

/// A flow in English for a partner in Serbia that has answered every
/// question from `answers` (several values joined by `,`), the rest "not
/// sure", past the emergency and way-out screens, up to the result.
fn flow_to_result(content: &'static Content, answers: &[(&str, &str)], now: Now) -> Flow {
    let settings = Settings { lang: "en".into(), region: "RS".into(), ..Settings::default() };
    let (mut flow, _) = Flow::new(content, &settings);
    flow.apply(content, Action::Start);
    for _ in 0..80 {
        let action = match flow.view(content, now).screen {
            ScreenView::Emergency(_) | ScreenView::NotSafe(_) => Action::Continue,
            ScreenView::Question(ask) => {
                let value = answers.iter().find(|(q, _)| *q == ask.id).map_or(Answer::NOT_SURE, |(_, v)| v);
                Action::Answer { question: ask.id.clone(), values: value.split(',').map(str::to_string).collect() }
            }
            _ => break,
        };
        flow.apply(content, action);
    }
    flow
}

/// The services on the result, then in the print view, one a line: name ·
/// reasons · hours.
fn result_and_print(content: &'static Content, answers: &[(&str, &str)], now: Now) -> (String, String) {
    let mut flow = flow_to_result(content, answers, now);
    let lines = |items: &[putokaz::engine::flow::ReferralItem]| -> String {
        items.iter().map(|r| format!("{} · {} · {}\n", r.name, r.why.as_deref().unwrap_or(""), r.hours)).collect()
    };
    let ScreenView::Result(result) = flow.view(content, now).screen else { panic!("no result") };
    flow.apply(content, Action::Print);
    let ScreenView::Print(print) = flow.view(content, now).screen else { panic!("no print view") };
    (lines(&result.referrals.items), lines(&print.referrals.items))
}

#[test]
fn the_print_view_gives_opening_hours_not_open_now() {
    let content = builtin::content();
    // Saturday 28 November 2026, 21:30 in Belgrade: 24-hour lines are open.
    let saturday = Now { ms: 29_931_630.0 * 60_000.0, offset_minutes: 60 };
    let child_in_germany = [("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "other"), ("age", "14_17"), ("country_now", "DE"), ("situation", "work_now"), ("country_work", "DE"), ("control_signs", "documents_kept")];
    let (screen, print) = result_and_print(content, &child_in_germany, saturday);
    assert!(screen.contains("Open 24 hours, every day"), "{screen}");
    assert!(!print.contains("Open now"), "{print}");
    assert!(print.contains("Open 24 hours, every day"), "{print}");
    // Tuesday noon in Prague: La Strada Czech Republic is open, and on paper
    // gives its weekly hours, in its own time.
    let tuesday = Now { ms: (29_931_630.0 + 3.0 * 1440.0 - 570.0) * 60_000.0, offset_minutes: 60 };
    let worker_in_czechia = [("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "self"), ("age", "18_plus"), ("country_now", "CZ"), ("situation", "work_now"), ("control_signs", "documents_kept")];
    let (screen, print) = result_and_print(content, &worker_in_czechia, tuesday);
    assert!(screen.contains("La Strada Czech Republic – SOS line · Helps people in situations like this · Open now"), "{screen}");
    assert!(!print.contains("Open now") && !print.contains("Closed now"), "{print}");
    assert!(print.contains("Monday, Tuesday, Thursday 10:00–16:00; Wednesday 12:00–20:00 (local time, Czechia)"), "{print}");
    // Days in a row are a range, across the week's end too.
    let schedule = |id: &str, lang: &str| putokaz::engine::report::schedule_text(content, lang, content.directory.get(id).unwrap());
    assert_eq!(schedule("ae-mohre", "en"), "Saturday–Thursday 08:00–20:00 (local time, United Arab Emirates)");
    assert_eq!(schedule("rs-ombudsman", "sr-Latn"), "ponedeljak–petak 09:00–16:00 (lokalno vreme, Srbija)");
    assert_eq!(schedule("rs-ambulance-194", "en"), "Open 24 hours, every day");
}

#[test]
fn before_the_country_is_known_the_regions_numbers_are_said_as_the_regions_and_112_with_its_caveat() {
    // A child in Paris answers "in danger now: yes" before the country
    // question: Serbia's numbers were shown as if they were hers.
    for answers in [r#"{"danger_now": "yes"}"#, r#"{"danger_now": "yes", "country_now": "not_sure"}"#, r#"{"danger_now": "yes", "country_now": "prefer_not"}"#] {
        let report = assess("en", answers);
        assert_eq!(numbers(&report), ["192", "194", "193", "112"], "{answers}");
        let notes: Vec<&str> = report.emergency.iter().flat_map(|e| e.contacts.iter()).filter_map(|c| c.note.as_deref()).collect();
        assert_eq!(notes, ["police (Serbia)", "ambulance (Serbia)", "fire (Serbia)", "works in the EU and in many other countries"], "{answers}");
        // The person may be anywhere: the advice says whose number it is.
        assert_eq!(report.next_steps[0], "If you can do it safely, call 192 (Serbia) now.", "{answers}");
    }
    let serbian = assess("sr-Latn", r#"{"danger_now": "yes"}"#);
    assert_eq!(serbian.emergency[0].contacts[0].note.as_deref(), Some("policija (Srbija)"));
    // Once the country is known, its own numbers, as they are.
    let france = assess("en", r#"{"danger_now": "yes", "country_now": "FR"}"#);
    assert!(france.emergency.iter().flat_map(|e| e.contacts.iter()).all(|c| c.note.as_deref().is_none_or(|n| !n.contains("Serbia"))));
    assert!(!numbers(&france).contains(&"192"));
}

#[test]
fn a_countrys_own_general_number_comes_before_112() {
    for (country, first) in [("CA", &["911", "112"][..]), ("AU", &["000", "112", "106"]), ("DE", &["112", "110"]), ("IN", &["112", "100"])] {
        let report = assess("en", &format!(r#"{{"danger_now": "yes", "country_now": "{country}"}}"#));
        let mut found = numbers(&report);
        found.dedup();
        assert_eq!(&found[..first.len()], first, "{country}");
        assert!(report.next_steps[0].contains(first[0]), "{country}: {:?}", report.next_steps);
    }
}

/// Each emergency number shown, with its note.
fn labels(report: &Report) -> Vec<(String, Option<String>)> {
    let contacts = report.emergency.iter().flat_map(|e| e.contacts.iter()).filter(|c| c.kind == "voice");
    contacts.map(|c| (c.label.clone(), c.note.clone())).collect()
}

#[test]
fn emergency_numbers_say_what_they_are_for_in_the_persons_language() {
    // Which service a number is for, from Android's emergency number
    // database, where it lists the same number as libphonenumber.
    let label = |lang: &str, country: &str, number: &str| {
        let report = assess(lang, &format!(r#"{{"danger_now": "yes", "country_now": "{country}"}}"#));
        let found = labels(&report);
        found.iter().find(|(n, _)| n == number).unwrap_or_else(|| panic!("{country} {number}: {found:?}")).1.clone()
    };
    assert_eq!(label("en", "FR", "15").as_deref(), Some("ambulance"));
    assert_eq!(label("en", "FR", "17").as_deref(), Some("police"));
    assert_eq!(label("en", "FR", "18").as_deref(), Some("fire"));
    assert_eq!(label("en", "SG", "995").as_deref(), Some("ambulance and fire"));
    assert_eq!(label("uk", "UA", "102").as_deref(), Some("поліція"));
    assert_eq!(label("sr-Latn", "UA", "103").as_deref(), Some("hitna pomoć"));
    assert_eq!(label("sr-Cyrl", "UA", "101").as_deref(), Some("ватрогасци"));
    assert_eq!(label("zh-Hans", "CN", "110").as_deref(), Some("警察"));
    assert_eq!(label("ar", "TR", "155").as_deref(), Some("الشرطة"));
    // A number for every service says nothing narrower; nor does 112, even
    // where the database names one service (Turkey's 112 is its one number).
    assert_eq!(label("en", "GB", "999"), None);
    assert_eq!(label("en", "TR", "112"), None);
    assert_eq!(label("en", "KR", "112"), None);
    // Where Android's database is silent, a public body's page: Germany's
    // 110 (City of Mainz), Croatia's 192-194 (its regulator, which also shows
    // 93 and 94 are no longer in use), Hungary's 104-107, Slovakia's 150-158.
    assert_eq!(label("en", "DE", "110").as_deref(), Some("police"));
    assert_eq!(label("sr-Latn", "HR", "192").as_deref(), Some("policija"));
    assert_eq!(label("en", "HR", "194").as_deref(), Some("ambulance"));
    assert_eq!(label("en", "HU", "107").as_deref(), Some("police"));
    assert_eq!(label("en", "SK", "158").as_deref(), Some("police"));
    assert_eq!(label("en", "SK", "150").as_deref(), Some("fire"));
    let croatia = assess("en", r#"{"danger_now": "yes", "country_now": "HR"}"#);
    assert!(!numbers(&croatia).iter().any(|n| ["93", "94"].contains(n)), "{:?}", numbers(&croatia));
    // And the emergency panel of the result says the same, beside the number.
    let Sos::Numbers { numbers, missing, .. } = result_sos("FR") else { panic!("no numbers") };
    let said: Vec<(&str, &str)> = numbers.iter().map(|n| (n.number.as_str(), n.name.as_str())).collect();
    assert!(said.contains(&("17", "police")) && said.contains(&("15", "ambulance")), "{said:?}");
    assert_eq!(missing, None);
}

/// The emergency panel of an urgent result for someone in `country`, in English.
fn result_sos(country: &str) -> Sos {
    let content = builtin::content();
    let now = Now { ms: 29_931_630.0 * 60_000.0, offset_minutes: 60 };
    let flow = flow_to_result(content, &[("danger_now", "yes"), ("country_now", country)], now);
    let ScreenView::Result(result) = flow.view(content, now).screen else { panic!("no result") };
    result.sos
}

#[test]
fn numbers_of_low_confidence_are_said_as_such_beside_them() {
    // Guinea's numbers come from sources that disagree: the panel says to
    // check them, above the numbers; the researched and generated ones do not.
    for country in ["GN", "GQ"] {
        let Sos::Numbers { missing, numbers, .. } = result_sos(country) else { panic!("{country}: no numbers") };
        assert!(missing.as_deref().is_some_and(|line| line.starts_with("Check before you rely on it")), "{country}: {missing:?}");
        assert!(!numbers.is_empty());
    }
    for country in ["RS", "DE", "TR"] {
        let Sos::Numbers { missing, .. } = result_sos(country) else { panic!("{country}: no numbers") };
        assert_eq!(missing, None, "{country}");
    }
}

#[test]
fn every_label_reads_in_every_language() {
    // Each of the six texts, in each language, is its own words: not the
    // key, not English (Romani and Serbian share theirs).
    let content = builtin::content();
    for entry in content.directory.entries.iter() {
        assert!(!entry.has_unknown_catalog_note(|key| content.catalogs.has(key)), "{}", entry.id);
    }
    let english = content.catalogs.source().unwrap();
    for catalog in content.catalogs.languages.iter().filter(|c| c.lang() != "en") {
        for service in ["police", "ambulance", "fire", "police_ambulance", "police_fire", "ambulance_fire"] {
            let key = format!("ref.for.{service}");
            let text = catalog.get(&key).unwrap_or_else(|| panic!("{} has no {key}", catalog.lang()));
            assert_ne!(text, english.get(&key).unwrap(), "{} {key}", catalog.lang());
        }
    }
}
