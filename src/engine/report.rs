//! A result in one language, ready to show or print: the level in words, the
//! signs grouped, what could not be assessed, what to do next, and the
//! referrals with their contacts, hours and reasons.

use serde::Serialize;

use super::answer::{Answer, Answers};
use super::assess::Outcome;
use super::bundle::Content;
use super::catalog::fill;
use super::content::{Dimension, Kind, Level, Mode, Role};
use super::directory::{self, Contact, OpenState};
use super::referral::{self, Context, Pick};
use super::time::{self, UtcMinutes};
use super::pairs;

/// The text of an option, in the person's voice or about someone else.
pub fn option_text(content: &Content, lang: &str, question: &super::Question, option: &str, about_other: bool) -> String {
    let catalogs = &content.catalogs;
    match question.kind {
        Kind::YesNo => text(content, lang, &["opt.", option]),
        Kind::Country | Kind::Countries => text(content, lang, &["country.", option]),
        Kind::Single | Kind::Multi => {
            let key = super::concat(&["q.", &question.id, ".", option]);
            let other = super::concat(&[&key, ".them"]);
            text(content, lang, &[if about_other && catalogs.resolve(lang).get(&other).is_some() { &other } else { &key }])
        }
    }
}


/// The text of the message whose key is `parts` joined, in `lang` (a key
/// built with `format!` costs the browser a formatter call at each place).
pub fn text(content: &Content, lang: &str, parts: &[&str]) -> String {
    content.catalogs.text(lang, &super::concat(parts)).to_string()
}

/// A result in one language, ready to show or print as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub lang: String,
    pub level: Level,
    pub title: String,
    pub summary: String,
    /// Fired indicators, flat: `id`, `dimension`, `text`.
    pub indicators: Vec<Sign>,
    /// The same signs grouped by dimension, for "what we noticed".
    pub groups: Vec<Group>,
    pub positive_dimensions: Vec<String>,
    /// Questions answered "not sure" or "prefer not to say".
    pub unknown: Vec<UnknownAnswer>,
    /// What could not be assessed, by topic.
    pub not_assessed: Vec<String>,
    pub could_be_higher: bool,
    pub job_offer: Option<JobOfferView>,
    pub next_steps: Vec<String>,
    pub emergency: Vec<ReferralView>,
    pub referrals: Vec<ReferralView>,
    /// Said when no service is listed in the country the person is in.
    pub no_local: Option<String>,
    /// Rights, in plain words, that change what the person may dare to do
    /// (see `Entry::rights`).
    pub rights: Vec<String>,
    /// Said when Putokaz has no emergency number for the country the person is in.
    pub emergency_missing: Option<String>,
    pub child_rules: bool,
    pub about_other: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Sign {
    pub id: String,
    pub dimension: Option<Dimension>,
    pub text: String,
    /// For job-offer flags: what to ask or check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub dimension: Option<Dimension>,
    pub title: String,
    pub signs: Vec<Sign>,
    /// Circumstances that can make things harder, not warning signs.
    pub context: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnknownAnswer {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct JobOfferView {
    pub score: u32,
    pub max_score: u32,
    pub validated: bool,
    pub flags: Vec<Sign>,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReferralView {
    pub id: String,
    pub name: String,
    pub why: Vec<String>,
    pub services: Vec<String>,
    pub contacts: Vec<ContactView>,
    pub hours: String,
    pub open: OpenState,
    pub check_first: bool,
    pub last_verified: String,
    pub languages: Vec<String>,
    /// "For women and girls": only for a service with a restricted audience.
    pub audience: Option<String>,
}

/// A contact, with a link only for the schemes Putokaz allows.
#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub kind: &'static str,
    pub label: String,
    pub href: Option<String>,
    pub note: Option<String>,
}

impl Report {
    pub fn new(content: &Content, lang: &str, outcome: &Outcome, answers: &Answers, region: &str, now: UtcMinutes, local_offset: i32) -> Report {
        let catalogs = &content.catalogs;
        let lang = catalogs.resolve(lang).lang().to_string();
        let t = |parts: &[&str]| text(content, &lang, parts);
        let sign = |id: &str| {
            let indicator = content.indicator(id);
            let dimension = indicator.and_then(|i| main_dimension(content, i));
            let is_flag = content.is_job_flag(id);
            Sign {
                id: id.to_string(),
                dimension,
                text: t(&["ind.", id]),
                check: is_flag.then(|| t(&["flag.", id, ".check"])),
            }
        };
        let signs = |ids: &[String]| {
            let mut out = Vec::new();
            for id in ids {
                out.push(sign(id));
            }
            out
        };
        let indicators: Vec<Sign> = signs(&outcome.fired);
        // In the order of Dimension::ALL, then signs of no dimension; each
        // group's signs in the order they fired. When only signs of
        // vulnerability showed, they are context, not warning signs: one
        // group, "what can make this harder".
        let context = outcome.level == Level::NoneReported;
        let mut groups: Vec<Group> = Vec::new();
        for dimension in Dimension::ALL.map(Some).into_iter().chain([None]) {
            let mut signs = Vec::new();
            for sign in &indicators {
                if sign.dimension == dimension {
                    signs.push(sign.clone());
                }
            }
            if !signs.is_empty() {
                let as_context = context && dimension.is_some_and(Dimension::is_vulnerability);
                match groups.last_mut() {
                    Some(last) if as_context && last.context => last.signs.extend(signs),
                    _ => {
                        let title = match dimension {
                            _ if as_context => t(&["ui.signs_context"]),
                            Some(d) => t(&["dim.", d.id()]),
                            None => t(&["ui.signs_other"]),
                        };
                        groups.push(Group { dimension, title, signs, context: as_context });
                    }
                }
            }
        }
        let about_other = outcome.about_other;
        let mut unknown = Vec::new();
        for id in &outcome.unknown_questions {
            unknown.push(UnknownAnswer { id: id.clone(), text: t(&["q.", id, if about_other { ".them" } else { "" }]) });
        }
        let mut not_assessed: Vec<String> = Vec::new();
        for id in &outcome.unassessed {
            let title = content
                .indicator(id)
                .and_then(|i| main_dimension(content, i))
                .map_or_else(|| t(&["ui.signs_other"]), |d| t(&["dim.", d.id()]));
            if !not_assessed.contains(&title) {
                not_assessed.push(title);
            }
        }
        let job_offer = outcome.job_offer.as_ref().map(|j| JobOfferView {
            score: j.score,
            max_score: j.max_score,
            validated: j.validated,
            flags: signs(&j.flags),
            note: t(&["ui.job_score_note"]),
        });

        // "Another country" is a country we know nothing about; no answer means the widget's region.
        let country_now = match answer_of_role(content, answers, Role::CountryNow) {
            Some(code) if directory::is_country_code(code) => Some(code.to_string()),
            Some(_) => None,
            None => Some(region.to_string()),
        };
        let country_work = answer_of_role(content, answers, Role::CountryWork).filter(|c| directory::is_country_code(c)).map(str::to_string);
        let country_origin = answer_of_role(content, answers, Role::CountryOrigin).filter(|c| directory::is_country_code(c)).map(str::to_string);
        let gender = answer_of_role(content, answers, Role::Gender).unwrap_or("");
        let somewhere = answer_of_role(content, answers, Role::CountryNow).is_none();
        let context = Context { outcome, country_now, country_work, country_origin, gender, region: region.to_string(), somewhere, lang: &lang, now };
        let selection = referral::select(&content.directory, &context);
        let here = context.country_now.clone();
        // Loops, not `map(..).collect()`: std's collecting code, with the
        // whole referral view inlined into it, is larger than the loop.
        let views = |picks: &[Pick]| {
            let mut out = Vec::new();
            for pick in picks {
                out.push(referral_view(content, &lang, pick, local_offset, here.as_deref()));
            }
            out
        };
        // Each emergency number as dialled in its own country. Where the
        // country is not known, 112 with what is known of where it works;
        // where the person has not said where they are, the region's numbers
        // said as the region's, and 112.
        let mut emergency: Vec<ReferralView> = Vec::new();
        let name = t(&["country.", region]);
        for pick in &selection.emergency {
            let mut view = referral_view(content, &lang, pick, local_offset, Some(&pick.entry.country));
            for contact in view.contacts.iter_mut().filter(|_| selection.no_emergency || somewhere) {
                let what = contact.note.take().unwrap_or_else(|| t(&["ref.service.emergency"]));
                contact.note = Some(if contact.label == "112" { t(&["ui.emergency_112_note"]) } else { fill(&t(&["ui.emergency_in"]), &[("what", &what), ("country", &name)]) });
            }
            emergency.push(view);
        }
        let referrals = views(&selection.services);
        // No service where the person is, or else where the work is.
        let (key, code) = match (selection.no_local, &selection.country_now) {
            (true, Some(code)) => ("ref.no_local", Some(code)),
            (true, None) => ("ref.no_local_unknown", None),
            _ => ("ref.no_work", context.country_work.as_ref()),
        };
        let no_local = (selection.no_local || selection.no_work).then(|| fill(&t(&[key]), &[("country", &t(&["country.", code.map_or("", |c| c)]))]));
        // The first number shown, as shown, and the region's said as the
        // region's; 112 for an unknown country is not said as sure advice.
        let number = emergency.first().filter(|_| !selection.no_emergency).and_then(|v| v.contacts.iter().find(|c| c.kind == "voice")).map(|c| {
            if somewhere { fill(&t(&["ui.emergency_in"]), &[("what", &c.label), ("country", &name)]) } else { c.label.clone() }
        });
        let next_steps = next_steps(content, outcome, number, &lang);
        let mut rights = Vec::new();
        for key in &selection.rights {
            rights.push(t(&[key]));
        }

        // The words of the result: a frame's own (unless there is danger
        // now), "too little could be assessed", or the level's.
        let heading: [&str; 2] = match &outcome.frame {
            Some(frame) if outcome.level != Level::Urgent => ["frame.", frame],
            _ if outcome.little_known => ["result.", "little_known"],
            _ => ["level.", outcome.level.id()],
        };
        Report {
            level: outcome.level,
            title: t(&[heading[0], heading[1], ".title"]),
            summary: t(&[heading[0], heading[1], ".body"]),
            positive_dimensions: outcome.positive.iter().map(|(s, d)| super::concat(&[s.id(), "/", d.id()])).collect(),
            indicators,
            groups,
            unknown,
            not_assessed,
            could_be_higher: outcome.could_be_higher,
            job_offer,
            next_steps,
            emergency_missing: selection.no_emergency.then(|| t(&["ui.emergency_missing"])),
            emergency,
            referrals,
            no_local,
            rights,
            child_rules: outcome.child_rules,
            about_other,
            lang,
        }
    }
}

/// The answer to the first answered question with a role (the country of
/// the work is asked once in each mode).
fn answer_of_role<'a>(content: &Content, answers: &'a Answers, role: Role) -> Option<&'a str> {
    content.questionnaire.questions.iter().filter(|q| q.role == Some(role)).find_map(|q| match answers.get(&q.id)? {
        Answer::Choice(c) => Some(c.as_str()),
        _ => None,
    })
}

/// The dimension a sign is shown under: its first ILO/EC item's.
fn main_dimension(content: &Content, indicator: &super::content::Indicator) -> Option<Dimension> {
    indicator.ilo_ec.iter().find_map(|id| content.ilo_item(id)).map(|item| item.dimension)
}

/// What the person can do next, as plain sentences: about someone else, a
/// step's third-person form (`<key>.them`) when the catalog has one.
fn next_steps(content: &Content, outcome: &Outcome, emergency_number: Option<String>, lang: &str) -> Vec<String> {
    let catalog = content.catalogs.resolve(lang);
    let t = |key: &str| {
        let them = super::concat(&[key, ".them"]);
        content.catalogs.text(lang, if outcome.about_other && catalog.get(&them).is_some() { &them } else { key }).to_string()
    };
    let mut keys: Vec<&str> = Vec::new();
    let mut steps = Vec::new();
    if outcome.level == Level::Urgent {
        if let Some(number) = &emergency_number {
            steps.push(fill(&t("next.urgent_call"), &[("number", number)]));
        }
        keys.push("next.urgent_place");
    }
    if outcome.child_rules && outcome.level >= Level::Some {
        keys.push("next.child");
    }
    if outcome.about_other {
        keys.push("next.other_person");
    }
    // "Not your fault" only where something happened to the person: a sign
    // that is neither a job-offer red flag nor a circumstance.
    let happened = outcome.fired.iter().filter_map(|id| content.indicator(id)).any(|i| {
        !content.is_job_flag(&i.id) && !super::assess::is_context(content, i)
    });
    let frame_next = outcome.frame.as_deref().map(|f| super::concat(&["frame.", f, ".next"]));
    if outcome.level >= Level::Some {
        keys.push("next.talk");
        match &frame_next {
            Some(key) => keys.push(key),
            None if happened => keys.push("next.not_your_fault"),
            None => {}
        }
    }
    if outcome.mode == Mode::JobOffer || outcome.job_offer.as_ref().is_some_and(|j| !j.flags.is_empty()) {
        keys.push("next.job_check");
        keys.push("next.job_documents");
    }
    if outcome.is_fired("smuggled") {
        keys.push("next.smuggling");
    }
    if outcome.not_sure {
        keys.push("next.not_sure");
    }
    if outcome.prefer_not {
        keys.push("next.prefer_not");
    }
    if outcome.level == Level::NoneReported {
        keys.push("next.none");
    }
    steps.extend(keys.into_iter().map(t));
    steps
}

fn referral_view(content: &Content, lang: &str, pick: &Pick<'_>, local_offset: i32, country_now: Option<&str>) -> ReferralView {
    let t = |parts: &[&str]| text(content, lang, parts);
    let entry = pick.entry;
    let primary = lang.split('-').next().unwrap_or(lang);
    // A short code such as 192, or a freephone number, only works inside its
    // own country; outside it, a number is written in international form.
    let inside = country_now.is_some_and(|c| entry.works_in(c));
    let dialable = |n: &directory::Number| inside || n.from_abroad();
    let label = |n: &directory::Number| if inside { n.shown().to_string() } else { n.international() };
    let mut contacts = Vec::new();
    for (i, contact) in entry.contacts.iter().enumerate() {
        let shown = match contact {
            Contact::Voice(n) | Contact::Sms(n) | Contact::Whatsapp(n) | Contact::Viber(n) => dialable(n),
            Contact::Email { .. } | Contact::Web { .. } => true,
        };
        if shown {
            let (kind, label, href, note) = match contact {
                Contact::Voice(n) => ("voice", label(n), Some(super::concat(&["tel:", &n.number])), &n.note),
                Contact::Sms(n) => ("sms", label(n), Some(super::concat(&["sms:", &n.number])), &n.note),
                Contact::Whatsapp(n) => ("whatsapp", label(n), n.is_e164().then(|| super::concat(&["https://wa.me/", n.number.get(1..).unwrap_or_default()])), &n.note),
                Contact::Viber(n) => ("viber", label(n), None, &n.note),
                Contact::Email { address } => ("email", address.to_string(), Some(super::concat(&["mailto:", address])), &NO_NOTE),
                Contact::Web { url } => ("web", web_label(url), Some(url.to_string()), &NO_NOTE),
            };
            // A note in another language than the person's would be noise; English only for English.
            // Cyrillic is letter for letter from the Latin note. The built-in
            // notes in other languages are in the catalogs; a note that is a
            // catalog text ("police") is the catalog's in every language.
            let note = match (lang, pairs::get(note, "sr-Latn"), pairs::get(note, directory::CATALOG_NOTE)) {
                (_, _, Some(key)) => Some(t(&[key])),
                ("sr-Cyrl", Some(latin), _) => Some(super::translit::to_cyrillic(latin)),
                _ => pairs::get(note, lang)
                    .or_else(|| pairs::get(note, primary))
                    .map(|n| n.as_ref())
                    .or_else(|| content.catalogs.resolve(lang).get(&directory::note_key(&entry.id, i)).filter(|_| entry.texts_in_catalogs()))
                    .map(|n| n.to_string()),
            };
            contacts.push(ContactView { kind, label, href, note });
        }
    }
    let mut why = Vec::new();
    for w in pick.why.iter() {
        let arg = w.arg.as_deref().unwrap_or("");
        let arg_text = match w.key {
            "ref.why.local" | "ref.why.home" | "ref.why.work_country" => t(&["country.", arg]),
            "ref.why.language" => t(&["lang.", arg]),
            "ref.why.frame" => t(&["frame.", arg, ".why"]),
            _ => arg.to_string(),
        };
        why.push(if w.key == "ref.why.frame" { arg_text } else { fill(&t(&[w.key]), &[("country", &arg_text), ("language", &arg_text)]) });
    }
    let mut services = Vec::new();
    for service in entry.services.iter() {
        services.push(t(&["ref.service.", super::read::name_of(*service, super::read::SERVICES)]));
    }
    let mut languages = Vec::new();
    for language in entry.languages.iter() {
        languages.push(t(&["lang.", language]));
    }
    let mut audience = Vec::new();
    for a in entry.audience.iter() {
        audience.push(t(&["ref.audience.", super::read::name_of(*a, super::read::AUDIENCES)]));
    }
    let open_to_all = entry.audience.iter().any(|a| matches!(a, directory::Audience::Anyone | directory::Audience::Adults));
    ReferralView {
        id: entry.id.to_string(),
        // The built-in names in other languages are in the catalogs.
        name: match (lang, pairs::get(&entry.name, "sr-Cyrl"), pairs::get(&entry.name, "sr-Latn"), content.catalogs.resolve(lang).get(&directory::name_key(&entry.id)).filter(|_| entry.texts_in_catalogs())) {
            (_, _, _, Some(name)) => name.to_string(),
            // Serbian names are kept in Latin script; Cyrillic is letter for letter.
            ("sr-Cyrl", None, Some(latin), _) => super::translit::to_cyrillic(latin),
            _ => entry.name_in(lang).to_string(),
        },
        why,
        services,
        contacts,
        hours: hours_text(content, lang, pick.open, local_offset),
        open: pick.open,
        check_first: pick.check_first,
        last_verified: entry.last_verified.to_string(),
        languages,
        audience: (!open_to_all).then(|| fill(&t(&["ref.audience"]), &[("who", &super::join(&audience, ", "))])),
    }
}

/// A web address as shown: without `https://` and trailing slashes. Like
/// `trim_start_matches("https://")`, written with `strip_prefix` so the
/// browser build carries no string searcher (see [`super::find`]).
fn web_label(url: &str) -> String {
    let mut label = url;
    while let Some(rest) = label.strip_prefix("https://") {
        label = rest;
    }
    label.trim_end_matches('/').to_string()
}

static NO_NOTE: super::List<(super::Text, super::Text)> = super::List::Borrowed(&[]);

/// Opening hours in the person's words and their own time.
pub fn hours_text(content: &Content, lang: &str, open: OpenState, local_offset: i32) -> String {
    let t = |key: &str| content.catalogs.text(lang, key).to_string();
    match open {
        OpenState::Always => t("ref.hours.always"),
        OpenState::Open { closes_in } if closes_in <= 60 => {
            fill(content.catalogs.plural(lang, "ref.hours.closes_soon", closes_in as u32), &[("minutes", &content.catalogs.number(lang, closes_in))])
        }
        OpenState::Open { .. } => t("ref.hours.open"),
        OpenState::Closed { opens_at } => {
            let here = time::local(opens_at, local_offset);
            let day = super::directory::DAYS[here.weekday as usize];
            fill(&t("ref.hours.closed"), &[("day", &text(content, lang, &["day.", day])), ("time", &content.catalogs.clock(lang, here.minute))])
        }
        OpenState::Unknown => t("ref.hours.unknown"),
    }
}

/// Opening hours as a timetable in the service's own time, for print, where
/// "open now" would be wrong by the time it is read: "Monday–Friday
/// 09:00–17:00 (local time, Czechia)".
pub fn schedule_text(content: &Content, lang: &str, entry: &directory::Entry) -> String {
    let t = |parts: &[&str]| text(content, lang, parts);
    let Some(hours) = entry.hours.as_ref().filter(|h| !h.always) else {
        return t(&[if entry.hours.is_some() || entry.emergency { "ref.hours.always" } else { "ref.hours.unknown" }]);
    };
    let mut out = String::new();
    for slot in hours.weekly.iter() {
        let days = &slot.days;
        // Three days or more in a row (Saturday to Thursday too) are a range.
        let mut joined = String::new();
        for day in days.iter() {
            joined.push_str(day);
        }
        let run = days.len() > 2 && super::find("montuewedthufrisatsunmontuewedthufrisat", &joined).is_some();
        if !out.is_empty() {
            out.push_str("; ");
        }
        for (i, day) in days.iter().enumerate() {
            if run && i > 0 && i + 1 < days.len() {
                continue;
            }
            if i > 0 {
                out.push_str(if run { "–" } else { ", " });
            }
            out.push_str(&t(&["day.", day]));
        }
        for (before, time) in [(" ", &slot.open), ("–", &slot.close)] {
            out.push_str(before);
            out.push_str(&directory::parse_hhmm(time).map_or_else(|| time.to_string(), |minute| content.catalogs.clock(lang, minute)));
        }
    }
    fill(&t(&["ref.hours.weekly"]), &[("hours", &out), ("country", &t(&["country.", &entry.country]))])
}
