//! Who the result sends a person to: selection scenarios and partner
//! overrides, against the built-in directory.

use putokaz::engine::report::Report;
use putokaz::engine::content::Mode;
use putokaz::engine::{Answer, Answers};
use putokaz::engine::partner::PartnerConfig;
use putokaz::engine::directory::{countries, OpenState};
use putokaz::engine::{assess, builtin, session, Content};

/// Minutes since 1970 of a UTC time on 28 November 2026 (a Saturday).
fn saturday_utc(hour: i64, minute: i64) -> i64 {
    (20_785 * 1440) + hour * 60 + minute
}

fn report(content: &Content, mode: Mode, lang: &str, pairs: &[(&str, &str)], now: i64) -> Report {
    let mut answers = Answers::new();
    for (id, value) in pairs {
        let question = content.question(id).unwrap_or_else(|| panic!("no question {id}"));
        let raw = if *value == "not_sure" {
            Answer::NotSure
        } else if value.contains(',') || question.kind.multiple() {
            Answer::Choices(value.split(',').map(str::to_string).collect())
        } else {
            Answer::Choice(value.to_string())
        };
        answers.insert(id.to_string(), session::normalise(content, question, raw).unwrap());
    }
    let outcome = assess(content, mode, &answers);
    let effective = session::path(content, mode, &answers).1;
    Report::new(content, lang, &outcome, &effective, "RS", now, 60)
}

fn ids(report: &Report) -> Vec<&str> {
    report.referrals.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn child_in_serbia_at_night_gets_the_childrens_line_first() {
    let content = builtin::content();
    let r = report(
        content,
        Mode::Screening,
        "sr-Latn",
        &[("danger_now", "no"), ("who_for", "other"), ("age", "under_14"), ("country_now", "RS"), ("situation", "something_else"), ("child_work", "begging,adult_keeps_money")],
        saturday_utc(22, 0),
    );
    assert_eq!(ids(&r)[0], "rs-nadel-116111", "{:?}", ids(&r));
    assert!(r.referrals[0].why.iter().any(|w| w == "Radi sa decom"), "{:?}", r.referrals[0].why);
    assert!(matches!(r.referrals[0].open, OpenState::Always));
    assert_eq!(r.emergency[0].id, "rs-police-192");
    assert!(r.referrals.len() <= 5);
}

#[test]
fn job_seeker_in_belgrade_is_sent_to_a_contract_check_first() {
    let content = builtin::content();
    let r = report(content, Mode::JobOffer, "en", &[("jo_signs", "fee,passport"), ("jo_contract", "spoken_only")], saturday_utc(10, 0));
    assert_eq!(ids(&r)[0], "rs-astra-sos", "{:?}", ids(&r));
    assert!(r.referrals[0].why.iter().any(|w| w.contains("job offers and contracts")));
    assert!(r.referrals[0].contacts.iter().any(|c| c.href.as_deref() == Some("tel:+381117850000")));
    assert_eq!(r.emergency[0].id, "rs-police-192", "the emergency number of the region is on every result");
}

#[test]
fn serbian_speaker_working_in_austria_gets_local_and_home_help() {
    let content = builtin::content();
    let r = report(
        content,
        Mode::Screening,
        "sr-Latn",
        &[("danger_now", "no"), ("who_for", "self"), ("age", "18_plus"), ("country_now", "AT"), ("situation", "work_now"), ("control_signs", "documents_kept,cannot_leave")],
        saturday_utc(12, 0),
    );
    let list = ids(&r);
    assert!(list.iter().any(|id| id.starts_with("at-")), "a service in Austria: {list:?}");
    assert!(list.contains(&"rs-astra-sos"), "the home hotline that helps people abroad: {list:?}");
    assert!(r.emergency.iter().all(|e| e.id.starts_with("at-") || e.id.starts_with("eu-")), "{:?}", r.emergency.iter().map(|e| &e.id).collect::<Vec<_>>());
    assert!(!r.emergency.is_empty());
    // A Serbian short code cannot be dialled from Austria.
    for referral in &r.referrals {
        if referral.id.starts_with("rs-") {
            assert!(referral.contacts.iter().all(|c| !c.href.as_deref().is_some_and(|h| h.starts_with("tel:") && !h.starts_with("tel:+"))), "{}", referral.id);
        }
    }
}

#[test]
fn a_country_with_no_entries_still_gets_help_and_an_honest_line() {
    let content = builtin::content();
    let r = report(content, Mode::Screening, "en", &[("danger_now", "no"), ("who_for", "self"), ("age", "18_plus"), ("country_now", "RO")], saturday_utc(12, 0));
    assert_eq!(r.emergency.first().map(|e| e.id.as_str()), Some("eu-112"), "112 works in Romania");
    assert!(r.no_local.as_deref().is_some_and(|line| line.contains("Romania")), "{:?}", r.no_local);
    assert!(!r.referrals.is_empty());

    let r = report(content, Mode::Screening, "en", &[("danger_now", "no"), ("country_now", "other")], saturday_utc(12, 0));
    assert!(r.emergency_missing.is_some(), "no emergency number is guessed for an unknown country");
    assert_eq!(r.emergency.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["eu-112"], "only 112, which works in many countries");
    assert!(r.no_local.is_some());
    assert!(!r.referrals.is_empty());
}

#[test]
fn urgent_at_the_safety_gate_puts_the_emergency_number_first() {
    let content = builtin::content();
    let r = report(content, Mode::Screening, "en", &[("danger_now", "yes")], saturday_utc(3, 0));
    assert_eq!(r.level, putokaz::engine::Level::Urgent);
    assert_eq!(r.emergency[0].id, "rs-police-192");
    assert!(r.next_steps[0].contains("192"));
}

#[test]
fn closed_services_say_when_they_open_in_the_persons_time() {
    let content = builtin::content();
    // La Strada Czech Republic has weekday hours; on a Saturday it is closed.
    let entry = content.directory.get("cz-lastrada").expect("cz-lastrada exists");
    let state = entry.open_state(saturday_utc(12, 0));
    let OpenState::Closed { opens_at } = state else { panic!("closed on Saturday: {state:?}") };
    assert!(opens_at > saturday_utc(12, 0));
    let text = putokaz::engine::report::hours_text(content, "en", state, 60);
    assert!(text.starts_with("Closed now. Opens Monday at "), "{text}");
}

#[test]
fn partner_overrides_add_replace_and_hide() {
    let builtin = builtin::content();
    let config = r#"{
      "region": "RS",
      "referrals": {
        "add": [{"id": "partner-line", "name": {"original": "Naša linija", "en": "Our line"}, "country": "RS",
                 "contacts": [{"kind": "voice", "number": "+381111234567", "display": "011 123 4567"}],
                 "hours": {"always": true}, "languages": ["sr"], "services": ["trafficking_identification", "children"],
                 "audience": ["anyone"], "sources": ["https://example.org/about"], "last_verified": "2026-11-20", "confidence": "high"}],
        "hide": ["rs-atina"]
      },
      "text": {"en": {"ui.intro_title": "Check a situation"}}
    }"#;
    let (parsed, problems) = PartnerConfig::parse(config, builtin);
    assert!(problems.is_empty(), "{problems:?}");
    let content = parsed.apply(builtin);
    assert!(content.directory.get("partner-line").is_some());
    assert!(content.directory.get("rs-atina").is_none());
    assert_eq!(content.catalogs.text("en", "ui.intro_title"), "Check a situation");
    let r = report(&content, Mode::Screening, "en", &[("danger_now", "no"), ("age", "under_14"), ("country_now", "RS"), ("situation", "something_else"), ("child_work", "begging")], saturday_utc(12, 0));
    assert!(ids(&r).contains(&"partner-line"), "{:?}", ids(&r));
    assert!(!ids(&r).contains(&"rs-atina"));
}

#[test]
fn a_replaced_entry_shows_its_own_name_and_notes_not_the_built_in_ones() {
    // The built-in entry's Serbian name and its numbers' notes are texts of
    // the catalogs; the partner's replacement has its own, or none.
    let builtin = builtin::content();
    let config = r#"{"referrals": {"replace": [
        {"id": "rs-zene-protiv-nasilja", "name": {"original": "Naša linija", "en": "Our line"}, "country": "RS",
         "contacts": [{"kind": "voice", "number": "+381111234567", "display": "011 123 4567"}],
         "services": ["women", "psychological", "legal", "victim_support"], "audience": ["women"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "medium"}]}}"#;
    let (parsed, problems) = PartnerConfig::parse(config, builtin);
    assert!(problems.is_empty(), "{problems:?}");
    let content = parsed.apply(builtin);
    let answers = [("danger_now", "no"), ("age", "18_plus"), ("country_now", "RS"), ("gender", "female"), ("situation", "work_now"), ("made_to", "sexual")];
    for lang in ["en", "sr-Latn", "sr-Cyrl", "ru"] {
        let r = report(&content, Mode::Screening, lang, &answers, saturday_utc(12, 0));
        let line = r.referrals.iter().find(|x| x.id == "rs-zene-protiv-nasilja").unwrap_or_else(|| panic!("{lang}: {:?}", ids(&r)));
        assert_eq!(line.contacts[0].label, "011 123 4567");
        assert_eq!(line.contacts[0].note, None, "{lang}: the built-in's note on the partner's number");
        assert!(["Our line", "Naša linija"].contains(&line.name.as_str()), "{lang}: {}", line.name);
    }
    // The built-in entry, unreplaced, keeps them.
    let r = report(builtin, Mode::Screening, "sr-Latn", &answers, saturday_utc(12, 0));
    let line = r.referrals.iter().find(|x| x.id == "rs-zene-protiv-nasilja").unwrap();
    assert_eq!(line.contacts[0].note.as_deref(), Some("besplatno sa fiksnih i mobilnih telefona"));
}

#[test]
fn a_partner_entry_can_carry_rights_that_the_catalogs_word() {
    // A right names a catalog text and whom it is for; anything else is a
    // problem for the partner, and the entry is left out.
    let builtin = builtin::content();
    let entry = |id: &str, rights: &str| {
        format!(
            r#"{{"id": "{id}", "name": {{"original": "X", "en": "X"}}, "country": "RS", "contacts": [{{"kind": "web", "url": "https://example.org"}}],
                "services": ["labour_rights"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high",
                "rights": {rights}}}"#
        )
    };
    let config = format!(
        r#"{{"referrals": {{"add": [{}, {}, {}]}}}}"#,
        entry("good", r#"{"rights.rs_no_contract": "anyone"}"#),
        entry("unknown-text", r#"{"rights.paid_holidays": "anyone"}"#),
        entry("wrong-whom", r#"{"rights.rs_no_contract": "women"}"#),
    );
    let (parsed, problems) = PartnerConfig::parse(&config, builtin);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|p| p.contains("\"unknown-text\": rights: \"rights.paid_holidays\" is not a text of the catalogs")), "{text:#?}");
    assert!(text.iter().any(|p| p.contains("entry \"wrong-whom\": rights: each is \"rights.<name>\": \"anyone\" or \"migrants\"")), "{text:#?}");
    let content = parsed.apply(builtin);
    assert!(content.directory.get("good").is_some());
    assert!(content.directory.get("unknown-text").is_none() && content.directory.get("wrong-whom").is_none());
}

#[test]
fn a_partner_numbers_note_can_be_a_catalog_text_of_what_it_is_for() {
    // `{"catalog": "ref.for.police"}` says "police" in every language; a
    // note naming any other text (the exit button's, a result's) is refused.
    let builtin = builtin::content();
    let entry = |id: &str, note: &str| {
        format!(
            r#"{{"id": "{id}", "name": {{"original": "X", "en": "X"}}, "country": "RS", "contacts": [{{"kind": "voice", "number": "+381117850000", "display": "011 785 0000", "note": {note}}}],
                "services": ["labour_rights"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high"}}"#
        )
    };
    let config = format!(
        r#"{{"referrals": {{"add": [{}, {}, {}]}}}}"#,
        entry("good", r#"{"catalog": "ref.for.police"}"#),
        entry("other-text", r#"{"catalog": "ui.exit"}"#),
        entry("no-text", r#"{"catalog": "ref.for.coast_guard"}"#),
    );
    let (parsed, problems) = PartnerConfig::parse(&config, builtin);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|p| p.contains("\"other-text\": a \"catalog\" note names no text ref.for.*")), "{text:#?}");
    assert!(text.iter().any(|p| p.contains("\"no-text\": a \"catalog\" note names no text ref.for.*")), "{text:#?}");
    assert_eq!(text.len(), 2, "{text:#?}");
    let content = parsed.apply(builtin);
    assert!(content.directory.get("other-text").is_none() && content.directory.get("no-text").is_none());
    let good = content.directory.get("good").unwrap();
    let putokaz::engine::directory::Contact::Voice(number) = &good.contacts[0] else { panic!() };
    assert_eq!(number.note.iter().map(|(l, t)| (l.as_ref(), t.as_ref())).collect::<Vec<_>>(), [("catalog", "ref.for.police")]);
}

#[test]
fn broken_partner_entries_are_skipped_and_never_hide_the_emergency_number() {
    let builtin = builtin::content();
    let config = r#"{
      "referrals": {
        "add": [
          {"id": "bad-phone", "name": {"original": "X", "en": "X"}, "country": "RS", "contacts": [{"kind": "voice", "number": "call us"}],
           "services": ["legal"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high"},
          {"id": "no-name", "country": "RS"},
          {"id": "good", "name": {"original": "G", "en": "G"}, "country": "RS", "contacts": [{"kind": "email", "address": "help@example.org"}],
           "services": ["legal"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "medium"}
        ],
        "replace": [{"id": "rs-police-192", "name": {"original": "P", "en": "P"}, "country": "RS", "contacts": [{"kind": "web", "url": "https://example.org"}],
                     "services": ["legal"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high"}],
        "hide": ["rs-police-192", "rs-ambulance-194", "nope"]
      }
    }"#;
    let (parsed, problems) = PartnerConfig::parse(config, builtin);
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let has = |needle: &str| text.iter().any(|p| p.contains(needle));
    assert!(has("entry \"bad-phone\": contacts[0]: \"call us\" is neither E.164"), "{text:#?}");
    assert!(has("entries[1] \"no-name\""), "{text:#?}");
    assert!(has("can only be replaced by another emergency entry for the same country"), "{text:#?}");
    assert!(has("\"rs-police-192\" is an emergency number; it is never hidden"), "{text:#?}");
    assert!(has("there is no entry \"nope\" to hide"), "{text:#?}");
    let content = parsed.apply(builtin);
    assert!(content.directory.get("good").is_some(), "a good entry next to broken ones is kept");
    assert!(content.directory.get("bad-phone").is_none());
    let police = content.directory.get("rs-police-192").unwrap();
    assert!(police.emergency && police.voice().is_some_and(|n| n.number == "192"));
    assert!(content.directory.get("rs-ambulance-194").is_some());
}

#[test]
fn serbian_readers_see_serbian_names_and_serbian_notes() {
    let content = builtin::content();
    let pairs = [("danger_now", "no"), ("country_now", "RS"), ("situation", "work_now"), ("control_signs", "documents_kept,cannot_leave")];
    let latin = report(content, Mode::Screening, "sr-Latn", &pairs, saturday_utc(12, 0));
    let cyrillic = report(content, Mode::Screening, "sr-Cyrl", &pairs, saturday_utc(12, 0));
    let astra_latin = latin.referrals.iter().find(|r| r.id == "rs-astra-sos").expect("ASTRA is listed");
    let astra_cyrillic = cyrillic.referrals.iter().find(|r| r.id == "rs-astra-sos").unwrap();
    assert!(!astra_latin.name.contains("Hotline"), "{}", astra_latin.name);
    assert_eq!(putokaz::engine::translit::to_latin(&astra_cyrillic.name), astra_latin.name);
    assert!(astra_cyrillic.name.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c)));
    let germany = report(content, Mode::Screening, "sr-Latn", &[("danger_now", "no"), ("country_now", "DE")], saturday_utc(12, 0));
    for referral in germany.emergency.iter().chain(&germany.referrals) {
        for contact in &referral.contacts {
            // Every note is written in Serbian too; never the English one
            // (English's, like every language's, are in its catalog).
            let entry = content.directory.get(&referral.id).unwrap();
            let english = (0..entry.contacts.len()).any(|i| {
                let key = putokaz::engine::directory::note_key(&entry.id, i);
                content.catalogs.resolve("en").get(&key).is_some() && content.catalogs.resolve("en").get(&key) == contact.note.as_deref()
            });
            assert!(!english, "{}: an English note in a Serbian result: {:?}", referral.id, contact.note);
        }
    }
}

#[test]
fn minutes_to_closing_read_right_in_every_language() {
    let content = builtin::content();
    let closes_in = |lang: &str, minutes: i64| putokaz::engine::report::hours_text(content, lang, OpenState::Open { closes_in: minutes }, 0);
    assert_eq!(closes_in("en", 1), "Open now, closes in 1 minute");
    assert_eq!(closes_in("en", 2), "Open now, closes in 2 minutes");
    assert_eq!(closes_in("en", 21), "Open now, closes in 21 minutes");
    for (minutes, words) in [(1, "za 1 minut"), (2, "za 2 minuta"), (4, "za 4 minuta"), (5, "za 5 minuta"), (11, "za 11 minuta"), (12, "za 12 minuta"), (21, "za 21 minut"), (22, "za 22 minuta"), (51, "za 51 minut")] {
        assert_eq!(closes_in("sr-Latn", minutes), format!("Sada otvoreno, zatvara se {words}"));
    }
    assert_eq!(closes_in("sr-Cyrl", 1), "Сада отворено, затвара се за 1 минут");
    assert_eq!(closes_in("sr-Cyrl", 3), "Сада отворено, затвара се за 3 минута");
}

/// The answers of the expert review's cases that the referral order is
/// checked against (the situations are in tests/scenarios/review_*.json).
const REVIEW_CHILD_LABOUR: &[(&str, &str)] = &[
    ("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "self"), ("age", "14_17"), ("country_now", "RS"),
    ("situation", "work_now"), ("country_work", "RS"), ("child_signs", "no_school,no_play"), ("child_work", "heavy_work"),
    ("child_harm", "none"), ("rec_deception", "nothing"), ("rec_coercion", "none"), ("cond_work", "long_hours,dangerous,no_pay"),
    ("control_signs", "none"), ("threats", "none"),
];
const REVIEW_CHILD_BEGGING: &[(&str, &str)] = &[
    ("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "other"), ("age", "under_14"), ("country_now", "RS"),
    ("situation", "family"), ("child_signs", "no_school"), ("child_work", "begging"), ("child_harm", "none"),
    ("control_signs", "none"), ("threats", "none"),
];

fn with(base: &[(&'static str, &'static str)], changes: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<_> = base.iter().filter(|(q, _)| !changes.iter().any(|(c, _)| c == q)).copied().collect();
    out.extend_from_slice(changes);
    out
}

#[test]
fn childrens_cases_get_the_childrens_helpline_first_and_no_missing_children_line() {
    let content = builtin::content();
    let cases = [
        ("C: 15-year-old, long, dangerous, unpaid work", REVIEW_CHILD_LABOUR.to_vec()),
        ("H: child begging with a parent", REVIEW_CHILD_BEGGING.to_vec()),
        ("O: child begging, travelled with adults who are not family", with(REVIEW_CHILD_BEGGING, &[("child_signs", "travelled,no_school")])),
        ("R1: child begging in Belgrade, an adult keeps the money", with(REVIEW_CHILD_BEGGING, &[("child_work", "begging,adult_keeps_money")])),
    ];
    for (case, answers) in cases {
        for hour in [3, 14, 22] {
            let r = report(content, Mode::Screening, "en", &answers, saturday_utc(hour, 0));
            assert_eq!(ids(&r)[0], "rs-nadel-116111", "{case} at {hour}:00: {:?}", ids(&r));
            // No question asks whether a child is missing.
            assert!(!ids(&r).iter().any(|id| id.contains("116000")), "{case} at {hour}:00: {:?}", ids(&r));
        }
    }
}

#[test]
fn an_adult_made_to_sell_sex_gets_anti_trafficking_services_first() {
    let content = builtin::content();
    let answers = [
        ("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "self"), ("age", "18_plus"), ("country_now", "RS"),
        ("situation", "work_now"), ("country_work", "RS"), ("rec_deception", "nothing"), ("rec_coercion", "none"),
        ("cond_work", "none"), ("control_signs", "none"), ("threats", "none"),
        ("made_to", "sexual"), ("sexual_signs", "sold_sex,no_choice,earnings_taken"),
    ];
    for hour in [3, 14, 22] {
        let r = report(content, Mode::Screening, "en", &answers, saturday_utc(hour, 0));
        let first = content.directory.entries.iter().find(|e| e.id == ids(&r)[0]).unwrap();
        assert!(first.services.contains(&putokaz::engine::directory::Service::TraffickingIdentification), "at {hour}:00: {:?}", ids(&r));
    }
}

#[test]
fn control_by_a_partner_gets_services_for_violence_at_home_first() {
    let content = builtin::content();
    let answers = [
        ("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "self"), ("age", "18_plus"), ("country_now", "RS"),
        ("situation", "family"), ("control_signs", "watched"), ("threats", "shame"), ("made_to", "none"), ("gender", "female"),
    ];
    for hour in [3, 14, 22] {
        let r = report(content, Mode::Screening, "en", &answers, saturday_utc(hour, 0));
        assert_eq!(ids(&r)[0], "rs-sos-women-0800222003", "at {hour}:00: {:?}", ids(&r));
        // Control in a relationship is not a problem at work.
        assert!(!ids(&r).contains(&"rs-inspektorat-rada"), "at {hour}:00: {:?}", ids(&r));
        assert!(r.referrals[0].why.iter().any(|w| w == "Helps people facing violence or control at home"), "{:?}", r.referrals[0].why);
        let text = format!("{} {} {:?}", r.title, r.summary, r.next_steps).to_lowercase();
        for word in ["traffick", "exploit"] {
            assert!(!text.contains(word), "at {hour}:00 the result speaks of {word}: {text}");
        }
    }
}

/// A worker in a country: long hours, no pay, passport kept (review cases
/// R2 and R3, in the questions of today).
fn unpaid_worker(country: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "self"), ("age", "18_plus"), ("country_now", country),
        ("situation", "work_now"), ("country_work", country), ("rec_deception", "wage,housing"), ("rec_coercion", "none"),
        ("cond_work", "long_hours,bad_housing,no_pay"), ("control_signs", "documents_kept"), ("threats", "report"),
    ]
}

#[test]
fn every_built_in_entry_names_its_source_and_when_it_was_checked() {
    let (content, problems) = putokaz::engine::Content::load(&putokaz::source::files());
    assert!(problems.is_empty(), "{problems:?}");
    assert!(content.directory.entries.len() > 60);
    for entry in content.directory.entries.iter() {
        assert!(!entry.sources.is_empty() && entry.sources.iter().all(|s| s.starts_with("http")), "{}: no source", entry.id);
        assert!(entry.last_verified.len() >= 7 && entry.last_verified.starts_with("20"), "{}: last_verified {:?}", entry.id, entry.last_verified);
        assert!(entry.source_date.as_deref().is_some_and(|d| !d.trim().is_empty()), "{}: no source_date", entry.id);
        assert!(!entry.notes.trim().is_empty(), "{}: no notes", entry.id);
    }
}

#[test]
fn a_child_in_serbia_gets_the_centre_for_social_work() {
    let content = builtin::content();
    for (case, answers) in [("R1", with(REVIEW_CHILD_BEGGING, &[("child_work", "begging,adult_keeps_money")])), ("C", REVIEW_CHILD_LABOUR.to_vec())] {
        let r = report(content, Mode::Screening, "en", &answers, saturday_utc(10, 0));
        assert!(ids(&r).contains(&"rs-gcsr-beograd"), "{case}: {:?}", ids(&r));
    }
}

#[test]
fn a_migrant_worker_in_the_netherlands_gets_a_labour_exploitation_service_there() {
    let content = builtin::content();
    let r = report(content, Mode::Screening, "en", &unpaid_worker("NL"), saturday_utc(10, 0));
    assert!(ids(&r).iter().take(3).any(|id| *id == "nl-fairwork"), "{:?}", ids(&r));
}

/// The new kinds of help reach the person they are for: a worker exploited
/// at work gets the labour inspectorate or a labour-rights service where
/// they are (after the country's anti-trafficking line), a citizen abroad
/// Serbia's consular help, and a child in Belgrade the centre for social
/// work.
#[test]
fn labour_inspectorates_and_consular_help_reach_workers() {
    let content = builtin::content();
    let first = |country: &'static str, n: usize| {
        let r = report(content, Mode::Screening, "en", &unpaid_worker(country), saturday_utc(10, 0));
        ids(&r).into_iter().take(n).map(str::to_string).collect::<Vec<_>>()
    };
    assert!(first("RS", 3).contains(&"rs-inspektorat-rada".to_string()), "{:?}", first("RS", 5));
    for (country, service) in [("AT", "at-undok"), ("SK", "sk-nip"), ("SI", "si-delavska-svetovalnica"), ("HR", "hr-inspekcija-rada"), ("MT", "mt-dier"), ("DE", "de-faire-mobilitaet")] {
        assert!(first(country, 5).contains(&service.to_string()), "{country}: {:?}", first(country, 5));
        assert!(first(country, 5).contains(&"rs-consular".to_string()), "{country}: {:?}", first(country, 5));
    }
    // Still first: the country's own anti-trafficking line.
    for (country, line) in [("RS", "rs-astra-sos"), ("AT", "at-bk-hotline"), ("SK", "sk-0800800818"), ("SI", "si-kljuc"), ("DE", "de-kok")] {
        assert_eq!(first(country, 1), [line], "{country}: {:?}", first(country, 5));
    }
    let child = report(content, Mode::Screening, "en", &with(REVIEW_CHILD_BEGGING, &[("child_work", "begging,adult_keeps_money")]), saturday_utc(10, 0));
    assert!(ids(&child).iter().take(3).any(|id| *id == "rs-gcsr-beograd"), "{:?}", ids(&child));
    // Belgrade's centre, said as Belgrade's: outside Belgrade, the person's own town has one.
    for (lang, words) in [("en", "Belgrade only; elsewhere, the centre for social work of your town"), ("sr-Latn", "samo Beograd; drugde, centar za socijalni rad vašeg grada ili opštine"), ("sr-Cyrl", "само Београд; другде, центар за социјални рад вашег града или општине")] {
        let child = report(content, Mode::Screening, lang, &with(REVIEW_CHILD_BEGGING, &[("child_work", "begging,adult_keeps_money")]), saturday_utc(10, 0));
        let centre = child.referrals.iter().find(|r| r.id == "rs-gcsr-beograd").unwrap();
        assert_eq!(centre.contacts[0].note.as_deref(), Some(words), "{lang}");
    }
}

#[test]
fn every_country_offered_has_emergency_numbers_on_an_urgent_result() {
    // Reported: an urgent result in North Macedonia, Canada, Bosnia and
    // Herzegovina, Ukraine or Turkey said it had no emergency number. The
    // questions offer every ISO 3166-1 country; each shows its own emergency
    // numbers, or, where no source gives one, 112 with the honest line that
    // says so; never another country's number.
    let content = builtin::content();
    for code in countries() {
        let r = report(content, Mode::Screening, "en", &[("danger_now", "yes"), ("country_now", code)], saturday_utc(10, 0));
        let prefix = code.to_lowercase() + "-";
        let own = r.emergency.iter().any(|e| e.id.starts_with(&prefix));
        assert!(!r.emergency.is_empty(), "{code}: no number at all");
        assert_eq!(own, r.emergency_missing.is_none(), "{code}: the honest line exactly when the country has no number of its own");
        if content.directory.entries.iter().any(|e| *e.country == *code) {
            assert!(own, "{code}: the directory covers it, but no emergency number of its own");
        }
        assert!(r.emergency.iter().all(|e| e.id.starts_with(&prefix) || e.id == "eu-112"), "{code}: {:?}", r.emergency.iter().map(|e| &e.id).collect::<Vec<_>>());
    }
}

/// A partner entry in JSON, with `fields` (JSON members) added or replacing
/// the defaults.
fn partner_entry(id: &str, fields: &str) -> String {
    let mut entry: serde_json::Value = serde_json::from_str(&format!(
        r#"{{"id": "{id}", "name": {{"original": "X", "en": "X"}}, "country": "RS", "contacts": [{{"kind": "web", "url": "https://example.org"}}],
            "services": ["legal"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high"}}"#
    ))
    .unwrap();
    let fields: serde_json::Value = serde_json::from_str(&format!("{{{fields}}}")).unwrap();
    for (key, value) in fields.as_object().unwrap() {
        entry[key] = value.clone();
    }
    entry.to_string()
}

fn problems_of(config: &str) -> (PartnerConfig, Vec<String>) {
    let (parsed, problems) = PartnerConfig::parse(config, builtin::content());
    (parsed, problems.iter().map(ToString::to_string).collect())
}

#[test]
fn an_emergency_entry_is_replaced_only_for_its_country_with_every_number() {
    let emergency = |id: &str, country: &str, numbers: &[&str]| {
        let contacts: Vec<String> = numbers.iter().map(|n| format!(r#"{{"kind": "voice", "number": "{n}"}}"#)).collect();
        partner_entry(id, &format!(r#""country": "{country}", "emergency": true, "services": ["emergency"], "contacts": [{}]"#, contacts.join(", ")))
    };
    // Emergency entries for Kosovo in place of Serbia's: no number in Serbia's urgent panel.
    let elsewhere = format!(
        r#"{{"referrals": {{"replace": [{}, {}, {}]}}}}"#,
        emergency("rs-police-192", "XK", &["192"]),
        emergency("rs-ambulance-194", "XK", &["194"]),
        emergency("rs-fire-193", "XK", &["193"])
    );
    let (parsed, text) = problems_of(&elsewhere);
    assert_eq!(text.iter().filter(|p| p.contains("can only be replaced by another emergency entry for the same country")).count(), 3, "{text:#?}");
    assert!(parsed.replace.is_empty());
    // Serbia's, but without 192.
    let (parsed, text) = problems_of(&format!(r#"{{"referrals": {{"replace": [{}]}}}}"#, emergency("rs-police-192", "RS", &["+381601234567"])));
    assert!(text.iter().any(|p| p.contains("with the same works_in and phone numbers only")), "{text:#?}");
    assert!(parsed.replace.is_empty());
    // Serbia's, with 192 and another number before it: refused (see
    // a_partner_config_never_moves_adds_or_disguises_an_emergency_number).
    let (parsed, text) = problems_of(&format!(r#"{{"referrals": {{"replace": [{}]}}}}"#, emergency("rs-police-192", "RS", &["+381601234567", "192"])));
    assert!(text.iter().any(|p| p.contains("with the same works_in and phone numbers only")), "{text:#?}");
    assert!(parsed.replace.is_empty());
    // Serbia's, with 192 alone: kept.
    let (parsed, text) = problems_of(&format!(r#"{{"referrals": {{"replace": [{}]}}}}"#, emergency("rs-police-192", "RS", &["192"])));
    assert!(text.is_empty(), "{text:#?}");
    assert_eq!(parsed.replace.len(), 1);
}

/// A built-in entry as its file has it, with `changes` made to it.
fn built_in(id: &str, changes: serde_json::Value) -> serde_json::Value {
    let area = id.split('-').next().unwrap();
    let path = format!("{}/src/data/referrals/{area}.json", env!("CARGO_MANIFEST_DIR"));
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let mut entry = file["entries"].as_array().unwrap().iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("no {id}")).clone();
    for (key, value) in changes.as_object().unwrap() {
        entry[key] = value.clone();
    }
    entry
}

/// The numbers of an urgent result's emergency panel, where the person is in `country`.
fn urgent_numbers(content: &Content, country: &str) -> Vec<String> {
    let r = report(content, Mode::Screening, "en", &[("danger_now", "yes"), ("country_now", country)], saturday_utc(10, 0));
    r.emergency.iter().flat_map(|e| e.contacts.iter().map(|c| c.label.clone())).collect()
}

#[test]
fn a_partner_config_never_moves_adds_or_disguises_an_emergency_number() {
    let builtin = builtin::content();
    assert!(urgent_numbers(builtin, "DE").contains(&"110".to_string()), "{:?}", urgent_numbers(builtin, "DE"));
    // Reported: three emergency entries of other countries, replaced by
    // themselves working in Germany, filled Germany's panel of three with
    // 112 and Austria's and the UK's numbers, and Germany's 110 was gone.
    let elsewhere = serde_json::json!(["DE", "FR", "IT", "ES", "NL"]);
    let moved = serde_json::json!({"referrals": {"replace": [
        built_in("ae-police-999", serde_json::json!({"works_in": elsewhere})),
        built_in("at-emergency", serde_json::json!({"works_in": elsewhere})),
        built_in("gb-999", serde_json::json!({"works_in": elsewhere})),
    ]}});
    let (parsed, text) = problems_of(&moved.to_string());
    for id in ["ae-police-999", "at-emergency", "gb-999"] {
        assert!(text.iter().any(|p| p.contains(&format!("\"{id}\": an emergency number can only be replaced by another emergency entry for the same country, with the same works_in"))), "{id}: {text:#?}");
    }
    let content = parsed.apply(builtin);
    assert_eq!(urgent_numbers(&content, "DE"), urgent_numbers(builtin, "DE"), "Germany's panel is unchanged");
    // Nor in fewer countries: 112 taken out of Austria's list.
    let mut fewer: Vec<serde_json::Value> = built_in("eu-112", serde_json::json!({}))["works_in"].as_array().unwrap().clone();
    fewer.retain(|c| c != "AT");
    let (parsed, text) = problems_of(&serde_json::json!({"referrals": {"replace": [built_in("eu-112", serde_json::json!({"works_in": fewer}))]}}).to_string());
    assert!(text.iter().any(|p| p.contains("\"eu-112\": an emergency number can only be replaced")), "{text:#?}");
    assert!(parsed.replace.is_empty());
    // Reported: another number labelled "police", before 192.
    let police = built_in("rs-police-192", serde_json::json!({}));
    let mut contacts = vec![serde_json::json!({"kind": "voice", "number": "+381601234567", "display": "060 123 4567", "note": {"en": "police"}})];
    contacts.extend(police["contacts"].as_array().unwrap().iter().cloned());
    let (parsed, text) = problems_of(&serde_json::json!({"referrals": {"replace": [built_in("rs-police-192", serde_json::json!({"contacts": contacts}))]}}).to_string());
    assert!(text.iter().any(|p| p.contains("\"rs-police-192\": an emergency number can only be replaced")), "{text:#?}");
    assert_eq!(urgent_numbers(&parsed.apply(builtin), "RS"), urgent_numbers(builtin, "RS"), "Serbia's panel is unchanged");
    assert_eq!(urgent_numbers(builtin, "RS").first().map(String::as_str), Some("192"));
    // Nor shown as closed at night, nor marked "check before calling".
    for change in [
        serde_json::json!({"hours": {"tz": "Europe/Belgrade", "weekly": [{"days": ["mon"], "open": "09:00", "close": "10:00"}]}}),
        serde_json::json!({"confidence": "low"}),
    ] {
        let (parsed, text) = problems_of(&serde_json::json!({"referrals": {"replace": [built_in("rs-police-192", change.clone())]}}).to_string());
        assert!(text.iter().any(|p| p.contains("at any hour, no lower confidence")), "{change}: {text:#?}");
        assert!(parsed.replace.is_empty(), "{change}");
    }
    // An added entry is never an emergency number, in a country with
    // numbers of its own or without any (where 112 is offered instead).
    for country in ["DE", "AQ"] {
        let added = serde_json::json!({"referrals": {"add": [built_in("rs-police-192", serde_json::json!({"id": "partner-police", "country": country}))]}});
        let (parsed, text) = problems_of(&added.to_string());
        assert!(text.iter().any(|p| p.contains("\"partner-police\": an added entry cannot be an emergency number")), "{country}: {text:#?}");
        assert_eq!(urgent_numbers(&parsed.apply(builtin), country), urgent_numbers(builtin, country), "{country}");
    }
    // Reworded, it is kept: the same country, countries, numbers and hours.
    let reworded = serde_json::json!({"referrals": {"replace": [
        built_in("rs-police-192", serde_json::json!({"name": {"original": "Policija – 192", "en": "Police"}})),
        built_in("rs-ambulance-194", serde_json::json!({"hours": {"always": true}})),
        built_in("eu-112", serde_json::json!({"notes": "Checked by the partner."})),
    ]}});
    let (parsed, text) = problems_of(&reworded.to_string());
    assert!(text.is_empty(), "{text:#?}");
    assert_eq!(parsed.replace.len(), 3);
}

#[test]
fn the_number_shown_is_the_number_dialled() {
    let voice = |number: &str, display: &str| format!(r#""contacts": [{{"kind": "voice", "number": "{number}", "display": "{display}"}}]"#);
    let config = format!(
        r#"{{"referrals": {{"replace": [{}], "add": [{}, {}]}}}}"#,
        partner_entry("rs-police-192", &format!(r#""emergency": true, "services": ["emergency"], {}"#, voice("+381601234567", "192"))),
        partner_entry("spoof", &voice("+381601234567", "011 785 0000")),
        partner_entry("national", &voice("+381117850000", "011 785 0000")),
    );
    let (parsed, text) = problems_of(&config);
    assert!(text.iter().any(|p| p.contains("\"rs-police-192\": contacts[0]: display \"192\" is not the number +381601234567")), "{text:#?}");
    assert!(text.iter().any(|p| p.contains("\"spoof\": contacts[0]: display \"011 785 0000\" is not the number")), "{text:#?}");
    assert!(parsed.replace.is_empty());
    assert_eq!(parsed.add.iter().map(|e| &*e.id).collect::<Vec<_>>(), ["national"]);
}

#[test]
fn a_number_in_national_form_dials_its_own_country() {
    // Reported: ASTRA's Serbian number on screen, a number in Russia dialled.
    let voice = |number: &str, display: &str| format!(r#""contacts": [{{"kind": "voice", "number": "{number}", "display": "{display}"}}]"#);
    let config = format!(
        r#"{{"referrals": {{"add": [{}, {}, {}, {}, {}]}}}}"#,
        partner_entry("russia", &voice("+7117850000", "011 785 0000")),
        partner_entry("russia-without-0", &voice("+7117850000", "11 785 0000")),
        partner_entry("russia-shown", &voice("+7117850000", "+7 11 785 0000")),
        partner_entry("hungary-in-serbia", &voice("+3680205520", "06 80 20 55 20")),
        // An embassy in Serbia, with its Serbian number (as rs-embassy-india).
        partner_entry("embassy", &format!(r#""country": "IN", "works_in": ["RS"], {}"#, voice("+381112667990", "011 2667 990"))),
    );
    let (parsed, text) = problems_of(&config);
    assert!(text.iter().any(|p| p.contains("entry \"russia\": contacts[0]: display \"011 785 0000\" is not the number +7117850000")), "{text:#?}");
    assert!(text.iter().any(|p| p.contains("entry \"russia-without-0\": contacts[0]: display \"11 785 0000\" is not the number +7117850000")), "{text:#?}");
    assert!(text.iter().any(|p| p.contains("entry \"hungary-in-serbia\": contacts[0]: display")), "{text:#?}");
    assert_eq!(parsed.add.iter().map(|e| &*e.id).collect::<Vec<_>>(), ["russia-shown", "embassy"]);
}

#[test]
fn partner_text_has_no_bidi_or_invisible_characters_and_hosts_are_plain_ascii() {
    for hidden in ['\u{200f}', '\u{200e}', '\u{61c}', '\u{200b}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{e0041}', '\u{ad}'] {
        let name = format!("ASTRA SOS{hidden} 011 785 0000");
        let config = serde_json::json!({
            "referrals": {"add": [serde_json::from_str::<serde_json::Value>(&partner_entry("hidden", &format!(r#""name": {{"original": {0}, "en": {0}}}, "notes": {0}"#, serde_json::json!(name)))).unwrap()]},
            "text": {"en": {"ui.intro_title": name.clone()}}
        });
        let (parsed, text) = problems_of(&config.to_string());
        assert!(text.iter().any(|p| p.contains("name.en contains control or bidirectional-override characters")), "U+{:04X}: {text:#?}", hidden as u32);
        assert!(text.iter().any(|p| p.contains("notes contains control")), "U+{:04X}: {text:#?}", hidden as u32);
        assert!(text.iter().any(|p| p.contains("ui.intro_title: contains control")), "U+{:04X}: {text:#?}", hidden as u32);
        assert!(parsed.add.is_empty() && parsed.text.is_empty());
    }
    let (parsed, text) = problems_of(&format!(r#"{{"referrals": {{"add": [{}]}}}}"#, partner_entry("cyrillic-a", r#""contacts": [{"kind": "web", "url": "https://\u0430stra.rs"}]"#)));
    assert!(text.iter().any(|p| p.contains("ASCII host (xn--)")), "{text:#?}");
    assert!(parsed.add.is_empty());
    let (parsed, text) = problems_of(&format!(r#"{{"referrals": {{"add": [{}]}}}}"#, partner_entry("punycode", r#""contacts": [{"kind": "web", "url": "https://xn--stra-5cd.rs/"}]"#)));
    assert!(text.is_empty(), "{text:#?}");
    assert_eq!(parsed.add.len(), 1);
}

#[test]
fn a_config_cannot_empty_a_mode_and_the_job_offer_check_always_asks_its_questions() {
    use putokaz::engine::api;
    let asked = |content: &Content, mode: Mode| api::questions(content, "en", mode).questions.iter().map(|q| q.module.to_string()).collect::<Vec<_>>();
    for modules in ["[]", r#"["person"]"#] {
        let (parsed, text) = problems_of(&format!(r#"{{"modules": {modules}}}"#));
        assert!(text.iter().any(|p| p.contains("leave a mode with no question about the situation")), "{modules}: {text:#?}");
        assert_eq!(parsed.modules, None, "{modules}: every module is asked");
    }
    // Screening questions only: a job-offer check still asks about the offer.
    let (parsed, text) = problems_of(r#"{"modules": ["recruitment"]}"#);
    assert!(text.is_empty(), "{text:#?}");
    let content = parsed.apply(builtin::content());
    assert!(asked(&content, Mode::JobOffer).iter().any(|m| m == "job_offer"), "{:?}", asked(&content, Mode::JobOffer));
    assert!(!asked(&content, Mode::Screening).iter().any(|m| m == "job_offer"));
    assert!(asked(&content, Mode::Screening).iter().any(|m| m == "recruitment"));
}

#[test]
fn safety_labels_cannot_be_emptied_or_swapped() {
    let en = builtin::content().catalogs.source().unwrap();
    for key in putokaz::engine::partner::SAFETY_LABELS {
        assert!(en.get(key).is_some(), "{key} is a message");
    }
    for texts in [
        r#"{"ui.exit": "Start", "ui.start": "Exit this page"}"#,
        r#"{"ui.exit": ""}"#,
        r#"{"ui.start": "  "}"#,
        r#"{"ui.exit_skip": "Go", "ui.start": "Go"}"#,
    ] {
        let (parsed, text) = problems_of(&format!(r#"{{"text": {{"en": {texts}}}}}"#));
        assert!(text.iter().any(|p| p.contains("cannot be empty or another one's words")), "{texts}: {text:#?}");
        let content = parsed.apply(builtin::content());
        let label = |key: &str| content.catalogs.text("en", key).to_string();
        assert!(!label("ui.exit").trim().is_empty() && !label("ui.start").trim().is_empty(), "{texts}");
        assert!(label("ui.exit") != label("ui.start") && label("ui.exit_skip") != label("ui.start"), "{texts}");
    }
    let (parsed, text) = problems_of(r#"{"text": {"en": {"ui.exit": "Leave now", "ui.start": "Begin"}}}"#);
    assert!(text.is_empty(), "{text:#?}");
    assert_eq!(parsed.text.len(), 2);
}

#[test]
fn an_exit_cannot_read_like_another_button_nor_another_button_like_an_exit() {
    use putokaz::engine::partner::{BUTTON_LABELS, EXIT_LABELS};
    // Reported: near-identical words passed, where only the very same text was refused.
    for (texts, refused) in [
        (r#"{"en": {"ui.exit": "Start the check", "ui.start": "Exit"}}"#, &["ui.exit", "ui.start"][..]),
        (r#"{"en": {"ui.start": "Exit this page."}}"#, &["ui.start"]),
        (r#"{"en": {"ui.start": "EXIT  this-page"}}"#, &["ui.start"]),
        (r#"{"en": {"ui.back": "Exit"}}"#, &["ui.back"]),
        (r#"{"en": {"ui.exit_skip": "Continue"}}"#, &["ui.exit_skip"]),
        (r#"{"en": {"ui.continue": "Leave now", "ui.exit": "Leave"}}"#, &["ui.exit"]),
        (r#"{"en": {"ui.exit": "..."}}"#, &["ui.exit"]),
        (r#"{"ar": {"ui.exit": " ؟ "}}"#, &["ui.exit"]),
        (r#"{"ru": {"ui.start": "ПОКИНУТЬ СТРАНИЦУ!"}}"#, &["ui.start"]),
        (r#"{"sr-Latn": {"ui.exit": "POČNI"}}"#, &["ui.exit"]),
        (r#"{"hu": {"ui.start": "KILÉPÉS az oldalról"}}"#, &["ui.start"]),
    ] {
        let (parsed, text) = problems_of(&format!(r#"{{"text": {texts}}}"#));
        for key in refused {
            assert!(text.iter().any(|p| p.contains(&format!(".{key}: an exit or start label (or button) cannot be empty or another one's words"))), "{texts}: {text:#?}");
        }
        assert_eq!(text.len(), refused.len(), "{texts}: {text:#?}");
        let content = parsed.apply(builtin::content());
        let en = |key: &str| content.catalogs.text("en", key).to_string();
        assert!(en("ui.exit").starts_with("Exit") || en("ui.exit") == "Leave", "{texts}: the exit still reads as one");
        assert!(!en("ui.start").contains("xit") && !en("ui.back").contains("xit"), "{texts}");
    }
    // Real rewording is kept: shorter words, another case or full stop of its own words.
    for texts in [
        r#"{"en": {"ui.exit": "Leave", "ui.exit_skip": "Skip to leave", "ui.start": "Begin the questions"}}"#,
        r#"{"en": {"ui.exit": "Exit this page."}}"#,
        r#"{"en": {"ui.exit": "EXIT"}}"#,
        r#"{"sr-Latn": {"ui.exit": "Izađi"}}"#,
    ] {
        let (parsed, text) = problems_of(&format!(r#"{{"text": {texts}}}"#));
        assert!(text.is_empty(), "{texts}: {text:#?}");
        assert!(!parsed.text.is_empty());
    }
    // In every language, each button's own wording is kept.
    let content = builtin::content();
    for catalog in content.catalogs.languages.iter() {
        let mut texts = serde_json::Map::new();
        for key in EXIT_LABELS.into_iter().chain(BUTTON_LABELS.split(' ')) {
            if let Some(text) = catalog.get(key) {
                texts.insert(key.to_string(), text.into());
            }
        }
        let (_, text) = problems_of(&serde_json::json!({"text": {catalog.lang(): texts}}).to_string());
        assert!(!text.iter().any(|p| p.contains("another one's words")), "{}: {text:#?}", catalog.lang());
    }
}
