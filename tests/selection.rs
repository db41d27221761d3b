//! The selection table: for each person, the first three referrals and the
//! emergency numbers the result gives, against the built-in directory. The
//! profiles are the expert review's cases (tests/scenarios/review_*.json) and
//! the people issue 11 names; where the directory has no service a case asks
//! for, the row expects what exists (see the gaps in src/data/referrals/README.md).

use putokaz::engine::content::Mode;
use putokaz::engine::report::Report;
use putokaz::engine::{assess, builtin, session, Answer, Answers};

/// 28 November 2026, 14:00 UTC (a Saturday afternoon).
const NOW: i64 = 20_785 * 1440 + 14 * 60;

/// Answers as the widget stores them: `a,b` is a multiple choice. Country
/// answers are taken as given, so that a country the list does not offer yet
/// can stand in a profile.
fn result(mode: Mode, lang: &str, pairs: &[(&str, &str)]) -> Report {
    let content = builtin::content();
    let mut answers = Answers::new();
    for (id, value) in pairs {
        let question = content.question(id).unwrap_or_else(|| panic!("no question {id}"));
        let answer = if question.kind.multiple() { Answer::Choices(value.split(',').map(str::to_string).collect()) } else { Answer::Choice(value.to_string()) };
        answers.insert(id.to_string(), answer);
    }
    let effective = session::path(content, mode, &answers).1;
    for (id, _) in pairs {
        assert!(effective.contains_key(id), "{id} is not asked on this path: {pairs:?}");
    }
    let outcome = assess(content, mode, &effective);
    Report::new(content, lang, &outcome, &effective, "RS", NOW, 60)
}

const ADULT: &[(&str, &str)] = &[("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "self"), ("age", "18_plus")];

fn adult(more: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut out = ADULT.to_vec();
    out.extend_from_slice(more);
    out
}

/// A worker whose passport is kept and pay held back, in `country`.
fn worker(country: &'static str) -> Vec<(&'static str, &'static str)> {
    adult(&[
        ("country_now", country), ("situation", "work_now"), ("country_work", country), ("rec_deception", "wage"), ("rec_coercion", "none"),
        ("cond_work", "long_hours,withheld"), ("control_signs", "documents_kept"), ("threats", "report"), ("made_to", "none"),
        ("vuln_signs", "language"), ("vuln_now", "depends,language"),
    ])
}

fn with(mut base: Vec<(&'static str, &'static str)>, more: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    base.retain(|(q, _)| !more.iter().any(|(m, _)| m == q));
    base.extend_from_slice(more);
    base
}

struct Row {
    who: &'static str,
    mode: Mode,
    answers: Vec<(&'static str, &'static str)>,
    first_three: [&'static str; 3],
    emergency: &'static [&'static str],
}

fn rows() -> Vec<Row> {
    let screening = Mode::Screening;
    let sex = adult(&[
        ("country_now", "RS"), ("situation", "work_now"), ("country_work", "RS"), ("rec_deception", "nothing"), ("rec_coercion", "none"),
        ("cond_work", "withheld"), ("control_signs", "none"), ("threats", "none"), ("made_to", "sexual"), ("sexual_signs", "sold_sex,no_choice,earnings_taken"),
    ]);
    let partner = adult(&[("country_now", "RS"), ("situation", "family"), ("control_signs", "watched"), ("threats", "shame"), ("made_to", "none")]);
    let child_begging = vec![
        ("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "other"), ("age", "under_14"), ("country_now", "RS"),
        ("situation", "family"), ("child_signs", "no_school"), ("child_work", "begging,adult_keeps_money"), ("child_harm", "none"),
        ("control_signs", "none"), ("threats", "none"),
    ];
    let offer = [("jo_recruiter", "unchecked_agency"), ("jo_signs", "fee,only_phone"), ("jo_contract", "promised_later"), ("jo_visa", "work_permit")];
    let rs = &["rs-police-192", "rs-ambulance-194", "rs-fire-193"][..];
    // Where the person is was not asked: Serbia's numbers, said as Serbia's, and 112.
    let somewhere = &["rs-police-192", "rs-ambulance-194", "rs-fire-193", "eu-112"][..];
    vec![
        Row { who: "A: woman made to sell sex", mode: screening, answers: with(sex.clone(), &[("gender", "female")]), first_three: ["rs-atina", "rs-sos-women-0800222003", "rs-zene-protiv-nasilja"], emergency: rs },
        Row { who: "A': the same answers, a man", mode: screening, answers: with(sex.clone(), &[("gender", "male")]), first_three: ["rs-astra-sos", "rs-atina", "rs-iom"], emergency: rs },
        Row { who: "A'': the same answers, not said", mode: screening, answers: sex.clone(), first_three: ["rs-astra-sos", "rs-atina", "rs-iom"], emergency: rs },
        Row { who: "N: a woman controlled by her partner", mode: screening, answers: with(partner.clone(), &[("gender", "female")]), first_three: ["rs-sos-women-0800222003", "rs-atina", "rs-zene-protiv-nasilja"], emergency: rs },
        Row { who: "N': the same answers, a man", mode: screening, answers: with(partner.clone(), &[("gender", "male")]), first_three: ["rs-astra-sos", "rs-atina", "rs-gcsr-beograd"], emergency: rs },
        Row {
            who: "C: 15-year-old, long, dangerous, unpaid work",
            mode: screening,
            answers: vec![
                ("danger_now", "no"), ("safe_to_continue", "yes"), ("who_for", "self"), ("age", "14_17"), ("country_now", "RS"), ("situation", "work_now"),
                ("country_work", "RS"), ("child_signs", "no_school,no_play"), ("child_work", "heavy_work"), ("child_harm", "none"), ("rec_deception", "nothing"),
                ("rec_coercion", "none"), ("cond_work", "long_hours,dangerous,no_pay"), ("control_signs", "none"), ("threats", "none"),
            ],
            first_three: ["rs-nadel-116111", "rs-atina", "rs-gcsr-beograd"],
            emergency: rs,
        },
        Row { who: "H: child begging with a parent", mode: screening, answers: with(child_begging.clone(), &[("child_work", "begging")]), first_three: ["rs-nadel-116111", "rs-atina", "rs-gcsr-beograd"], emergency: rs },
        Row { who: "R1: a Roma child begging in Belgrade, an adult keeps the money", mode: screening, answers: child_begging.clone(), first_three: ["rs-nadel-116111", "rs-atina", "rs-gcsr-beograd"], emergency: rs },
        Row { who: "R2: a Serbian man in Slovakia", mode: screening, answers: with(worker("SK"), &[("origin", "RS")]), first_three: ["sk-0800800818", "sk-nip", "rs-astra-sos"], emergency: &["eu-112", "sk-emergency"] },
        Row { who: "R3: a Nepali worker in Serbia", mode: screening, answers: with(worker("RS"), &[("situation", "work_now,journey"), ("smug_paid", "no"), ("origin", "NP")]), first_three: ["rs-atina", "rs-iom", "rs-astra-sos"], emergency: rs },
        Row { who: "a Bangladeshi worker in Serbia", mode: screening, answers: with(worker("RS"), &[("origin", "BD")]), first_three: ["rs-atina", "rs-iom", "rs-astra-sos"], emergency: rs },
        Row { who: "a Chinese worker in Serbia", mode: screening, answers: with(worker("RS"), &[("origin", "CN")]), first_three: ["rs-atina", "rs-iom", "rs-astra-sos"], emergency: rs },
        Row { who: "a Ukrainian worker in Serbia", mode: screening, answers: with(worker("RS"), &[("origin", "UA")]), first_three: ["rs-atina", "rs-iom", "rs-astra-sos"], emergency: rs },
        Row { who: "R4: a Serbian woman made to sell sex in Germany", mode: screening, answers: with(sex.clone(), &[("country_now", "DE"), ("country_work", "DE"), ("origin", "RS"), ("gender", "female")]), first_three: ["de-hilfetelefon", "rs-atina", "de-kok"], emergency: &["eu-112", "de-emergency"] },
        Row { who: "a Serbian man, the same in Germany", mode: screening, answers: with(sex.clone(), &[("country_now", "DE"), ("country_work", "DE"), ("origin", "RS"), ("gender", "male")]), first_three: ["de-kok", "de-faire-mobilitaet", "rs-astra-sos"], emergency: &["eu-112", "de-emergency"] },
        Row { who: "a Serbian worker in Germany", mode: screening, answers: with(worker("DE"), &[("origin", "RS")]), first_three: ["de-kok", "de-hilfetelefon", "de-faire-mobilitaet"], emergency: &["eu-112", "de-emergency"] },
        Row { who: "a Serbian worker in Austria", mode: screening, answers: with(worker("AT"), &[("origin", "RS")]), first_three: ["at-bk-hotline", "at-opfer-notruf", "at-undok"], emergency: &["eu-112", "at-emergency"] },
        Row { who: "a Serbian worker in Malta", mode: screening, answers: with(worker("MT"), &[("origin", "RS")]), first_three: ["mt-dier", "rs-astra-sos", "rs-atina"], emergency: &["eu-112", "mt-emergency-112"] },
        Row { who: "a Serbian worker in Russia", mode: screening, answers: with(worker("RU"), &[("origin", "RS")]), first_three: ["rs-astra-sos", "ru-alternativa", "rs-atina"], emergency: &["ru-emergency"] },
        Row { who: "a Bulgarian worker in Greece (no Greek service is listed yet)", mode: screening, answers: with(worker("GR"), &[("origin", "BG")]), first_three: ["bg-nccthb", "int-la-strada-international", "int-victim-support-europe"], emergency: &["eu-112", "gr-emergency"] },
        Row { who: "a Macedonian worker in Slovenia", mode: screening, answers: with(worker("SI"), &[("origin", "MK")]), first_three: ["mk-opengate", "si-kljuc", "si-delavska-svetovalnica"], emergency: &["eu-112", "si-emergency"] },
        Row {
            who: "R5: an offer in Malta, screening",
            mode: screening,
            answers: [adult(&[("country_now", "RS"), ("situation", "job_offer"), ("country_work", "MT")]), offer.to_vec()].concat(),
            first_three: ["rs-astra-sos", "mt-dier", "rs-minrzs-agency-register"],
            emergency: rs,
        },
        Row { who: "R5b: an offer in Malta, job-offer mode", mode: Mode::JobOffer, answers: [vec![("jo_country", "MT")], offer.to_vec(), vec![("origin", "RS")]].concat(), first_three: ["rs-astra-sos", "mt-dier", "rs-minrzs-agency-register"], emergency: somewhere },
        Row { who: "an offer in Austria, job-offer mode", mode: Mode::JobOffer, answers: [vec![("jo_country", "AT")], offer.to_vec(), vec![("origin", "RS")]].concat(), first_three: ["rs-astra-sos", "rs-minrzs-agency-register", "at-bk-hotline"], emergency: somewhere },
        Row { who: "an offer in Croatia, job-offer mode", mode: Mode::JobOffer, answers: [vec![("jo_country", "HR")], offer.to_vec(), vec![("origin", "RS")]].concat(), first_three: ["rs-astra-sos", "rs-minrzs-agency-register", "hr-116006"], emergency: somewhere },
        Row { who: "an offer in Bosnia and Herzegovina, job-offer mode", mode: Mode::JobOffer, answers: [vec![("jo_country", "BA")], offer.to_vec(), vec![("origin", "RS")]].concat(), first_three: ["rs-astra-sos", "rs-minrzs-agency-register", "rs-atina"], emergency: somewhere },
    ]
}

#[test]
fn each_person_gets_the_first_three_referrals_and_emergency_numbers_in_the_table() {
    let mut wrong = Vec::new();
    let table = rows();
    assert!(table.len() >= 20);
    for row in &table {
        let r = result(row.mode, "en", &row.answers);
        let first: Vec<&str> = r.referrals.iter().take(3).map(|x| x.id.as_str()).collect();
        let emergency: Vec<&str> = r.emergency.iter().map(|x| x.id.as_str()).collect();
        if first != row.first_three || emergency != row.emergency {
            wrong.push(format!("{}: first three {first:?}, emergency {emergency:?}", row.who));
        }
        // Help from home names the person's country (Serbia, the region, when not said).
        let origin = row.answers.iter().find(|(q, _)| *q == "origin").map_or("RS", |(_, v)| v);
        let home = format!("Helps people from {}, also abroad", builtin::content().catalogs.text("en", &format!("country.{origin}")));
        for x in &r.referrals {
            if x.why.iter().any(|w| w.starts_with("Helps people from")) && x.why != [home.as_str()] && !x.id.starts_with("rs-embassy") {
                wrong.push(format!("{}: {} says {:?}", row.who, x.id, x.why));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_service_for_women_children_or_migrants_only_is_never_first_for_someone_outside_it_or_who_has_not_said() {
    for row in rows() {
        let r = result(row.mode, "en", &row.answers);
        let said_woman = row.answers.contains(&("gender", "female"));
        let first = &r.referrals[0];
        let label = first.audience.as_deref().unwrap_or("");
        assert!(said_woman || label != "Only for: women and girls", "{}: {} first ({label})", row.who, first.id);
        if row.answers.contains(&("gender", "male")) {
            assert!(r.referrals.iter().all(|x| x.audience.as_deref() != Some("Only for: women and girls")), "{}: a women-only service for a man", row.who);
        }
        // Checking an offer, a line for women only is not for someone who has not said she is one.
        if row.mode == Mode::JobOffer && !said_woman {
            assert!(r.referrals.iter().all(|x| x.audience.as_deref() != Some("Only for: women and girls")), "{}: a women-only service", row.who);
        }
        // No question asks whether a child is missing.
        assert!(r.referrals.iter().all(|x| !x.id.contains("116000")), "{}", row.who);
        // A children's helpline is not for an adult asking about an adult (it came first for N').
        if row.answers.contains(&("age", "18_plus")) {
            assert!(r.referrals.iter().all(|x| !x.id.contains("116111")), "{}: a children's helpline for an adult", row.who);
        }
    }
    let de = result(Mode::Screening, "sr-Latn", &with(worker("DE"), &[("origin", "RS")]));
    let helpline = de.referrals.iter().find(|x| x.id == "de-hilfetelefon").expect("listed, lower down");
    assert_eq!(helpline.audience.as_deref(), Some("Samo za: žene i devojčice"));
    assert!(de.referrals.iter().any(|x| x.id == "de-faire-mobilitaet"), "advice for mobile workers in Germany");
}

#[test]
fn numbers_are_international_abroad_national_at_home_and_freephone_only_at_home() {
    let label = |r: &Report, id: &str| -> Vec<String> {
        r.referrals.iter().chain(&r.emergency).find(|x| x.id == id).unwrap_or_else(|| panic!("{id} not listed")).contacts.iter().filter(|c| c.kind == "voice").map(|c| c.label.clone()).collect()
    };
    let slovakia = result(Mode::Screening, "en", &with(worker("SK"), &[("origin", "RS")]));
    assert_eq!(label(&slovakia, "rs-astra-sos"), ["+381 11 785 0000"]);
    assert_eq!(label(&slovakia, "sk-0800800818")[0], "0800 800 818", "inside Slovakia, the national form");
    let serbia = result(Mode::Screening, "en", &worker("RS"));
    assert_eq!(label(&serbia, "rs-astra-sos"), ["011 785 0000"]);
    // A Serbian 0800 line works only in Serbia: from Germany it is not offered as home help.
    let germany = result(Mode::Screening, "en", &with(sex_in("DE"), &[("origin", "RS"), ("gender", "female")]));
    assert!(germany.referrals.iter().all(|x| x.id != "rs-sos-women-0800222003"), "{:?}", germany.referrals.iter().map(|x| &x.id).collect::<Vec<_>>());
    for referral in germany.referrals.iter().filter(|x| x.id.starts_with("rs-")) {
        assert!(referral.contacts.iter().all(|c| !c.label.starts_with("0800")), "{}: {:?}", referral.id, referral.contacts);
    }
    // Slovakia's 0800 line can be called from abroad, as its source says (its
    // English note, kept in the core for this); Serbia's free lines cannot.
    let content = builtin::content();
    let number = |id: &str| match &content.directory.get(id).unwrap().contacts[0] {
        putokaz::engine::directory::Contact::Voice(n) => n.clone(),
        other => panic!("{other:?}"),
    };
    assert!(number("sk-0800800818").from_abroad());
    assert!(!number("rs-inspektorat-rada").from_abroad() && !number("rs-sos-women-0800222003").from_abroad());
}

fn sex_in(country: &'static str) -> Vec<(&'static str, &'static str)> {
    adult(&[
        ("country_now", country), ("situation", "work_now"), ("country_work", country), ("rec_deception", "nothing"), ("rec_coercion", "none"),
        ("cond_work", "withheld"), ("control_signs", "none"), ("threats", "none"), ("made_to", "sexual"), ("sexual_signs", "sold_sex,no_choice,earnings_taken"),
    ])
}

#[test]
fn every_phone_note_is_in_every_catalog_language() {
    // The notes as written; the widget's are in the catalogs (English's in
    // its pack, with the country names), under `note_key`.
    let (source, problems) = putokaz::source::load();
    assert!(problems.is_empty(), "{problems:?}");
    let content = builtin::content();
    let languages: Vec<&str> = content.catalogs.languages.iter().map(|c| c.lang()).filter(|l| *l != "sr-Cyrl").collect();
    assert!(languages.contains(&"sr-Latn") && languages.contains(&"en"));
    let mut missing = Vec::new();
    let mut notes = 0;
    for entry in source.directory.entries.iter() {
        for (i, contact) in entry.contacts.iter().enumerate() {
            use putokaz::engine::directory::{note_key, Contact, CATALOG_NOTE};
            let (Contact::Voice(n) | Contact::Sms(n) | Contact::Whatsapp(n) | Contact::Viber(n)) = contact else { continue };
            // A note that is a catalog text (`ref.for.police`) is in every catalog.
            if n.note.is_empty() || n.note.iter().any(|(l, _)| l == CATALOG_NOTE) {
                continue;
            }
            notes += 1;
            for lang in &languages {
                if content.catalogs.resolve(lang).get(&note_key(&entry.id, i)).is_none() {
                    missing.push(format!("{} {}: no {lang} note", entry.id, n.number));
                }
            }
        }
    }
    assert!(missing.is_empty() && notes > 30, "{notes} notes; {missing:#?}");
    let r = result(Mode::Screening, "en", &worker("RS"));
    let english: Vec<&str> = r.referrals.iter().chain(&r.emergency).flat_map(|x| x.contacts.iter().filter_map(|c| c.note.as_deref())).collect();
    assert!(english.iter().any(|n| n.contains("free of charge")), "{english:?}");
    let r = result(Mode::Screening, "sr-Cyrl", &worker("RS"));
    let notes: Vec<&str> = r.referrals.iter().chain(&r.emergency).flat_map(|x| x.contacts.iter().filter_map(|c| c.note.as_deref())).collect();
    assert!(!notes.is_empty() && notes.iter().all(|n| n.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c))), "{notes:?}");
}

#[test]
fn rights_are_shown_where_they_hold_to_the_people_they_are_for() {
    // A foreign worker in Serbia may stay away from help for fear of being
    // sent home: the result says what the law allows, to someone who said
    // they are from elsewhere, and to no one else.
    let residence = |answers: &[(&str, &str)], lang: &str| {
        result(Mode::Screening, lang, answers).rights.iter().filter(|t| t.contains("residence") || t.contains("boravak")).count()
    };
    let nepali = with(worker("RS"), &[("origin", "NP")]);
    assert_eq!(residence(&nepali, "en"), 1);
    assert_eq!(residence(&nepali, "sr-Latn"), 1, "in Serbian too");
    assert_eq!(residence(&with(worker("RS"), &[("origin", "RS")]), "en"), 0, "not for a Serbian citizen");
    assert_eq!(residence(&worker("RS"), "en"), 0, "not when the person has not said where they are from");
    // Rights for anyone, where the person is; none from another country.
    let serbia = result(Mode::Screening, "en", &worker("RS")).rights;
    assert_eq!(serbia.len(), 2, "{serbia:?}");
    assert!(serbia[0].starts_with("In Serbia, a person can be officially recognised") && serbia[1].starts_with("Serbia's Labour Inspectorate"), "{serbia:?}");
    let slovakia = result(Mode::Screening, "en", &with(worker("SK"), &[("origin", "RS")])).rights;
    assert_eq!(slovakia.len(), 1, "{slovakia:?}");
    assert!(slovakia[0].starts_with("In Slovakia, a complaint"), "{slovakia:?}");
}

#[test]
fn a_home_country_service_here_is_for_its_own_citizens_only() {
    // The Embassy of India in Belgrade: Indian help in Serbia. An Indian
    // worker gets it, as help from home; a Nepali or Serbian worker, or one
    // who has not said where they are from, does not.
    let listed = |answers: &[(&str, &str)]| result(Mode::Screening, "en", answers).referrals.iter().any(|x| x.id == "rs-embassy-india");
    let indian = result(Mode::Screening, "en", &with(worker("RS"), &[("origin", "IN")]));
    let embassy = indian.referrals.iter().find(|x| x.id == "rs-embassy-india").expect("an Indian worker in Serbia gets the Indian embassy");
    assert_eq!(embassy.why, ["Helps people from India, also abroad"]);
    assert!(!listed(&with(worker("RS"), &[("origin", "NP")])));
    assert!(!listed(&with(worker("RS"), &[("origin", "RS")])));
    assert!(!listed(&worker("RS")));
}

#[test]
fn an_offer_where_no_service_is_listed_says_so() {
    let offer = [("jo_recruiter", "unchecked_agency"), ("jo_signs", "fee,only_phone"), ("jo_contract", "promised_later"), ("jo_visa", "work_permit")];
    for (country, name) in [("BA", "Bosnia and Herzegovina"), ("IN", "India"), ("GH", "Ghana")] {
        let r = result(Mode::JobOffer, "en", &[vec![("jo_country", country)], offer.to_vec(), vec![("origin", "RS")]].concat());
        assert_eq!(r.no_local.as_deref(), Some(format!("We do not list services in {name}, where the work is, yet. These can still help:").as_str()), "{country}");
        assert!(r.referrals.iter().all(|x| !x.why.iter().any(|w| w.contains("where the work is"))), "{country}");
    }
    // Austria has help: no such line, and its anti-trafficking line is listed.
    let r = result(Mode::JobOffer, "en", &[vec![("jo_country", "AT")], offer.to_vec()].concat());
    assert_eq!(r.no_local, None);
    assert!(r.referrals.iter().any(|x| x.id == "at-bk-hotline"), "{:?}", r.referrals.iter().map(|x| &x.id).collect::<Vec<_>>());
}
