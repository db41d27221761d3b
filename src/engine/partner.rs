//! A partner's config: extra, replaced or hidden referrals, the modules to
//! ask, wording overrides and a default region. Checked field by field; what
//! is broken is reported precisely and skipped, the rest applies.
//!
//! ```json
//! {
//!   "region": "RS",
//!   "hotline": "rs-astra-sos",
//!   "modules": ["job_offer", "recruitment"],
//!   "referrals": { "add": [ ... ], "replace": [ ... ], "hide": ["rs-vds"] },
//!   "text": { "en": { "ui.intro_title": "Check your situation" } }
//! }
//! ```


use super::catalog::{placeholders, Catalog};
use super::bundle::Content;
use super::content::Mode;
use super::directory::{check_entry, has_hidden_controls, is_country_code, Contact, Entry, UNKNOWN_CATALOG_NOTE};
use super::read::parse_entry;
use super::value::{self, Value};
use super::{concat, decimal, truncate, List, Problem};

/// A partner config after checking: only what passed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PartnerConfig {
    pub region: Option<String>,
    /// The id of the entry whose first phone number is shown on every
    /// screen: built-in or added here, not hidden, not an emergency number.
    pub hotline: Option<String>,
    pub modules: Option<Vec<String>>,
    pub add: Vec<Entry>,
    pub replace: Vec<Entry>,
    pub hide: Vec<String>,
    /// Wording overrides: `(language, key, text)`, a later one for the same
    /// language and key replacing an earlier one.
    pub text: Vec<(String, String, String)>,
}

/// Modules every screening keeps, whatever a partner chooses.
pub const ALWAYS_ASKED: &[&str] = &["safety", "about"];

/// The module a job-offer check always asks, whatever a partner chooses.
pub const JOB_OFFER_MODULE: &str = "job_offer";

/// The labels of the quick exit and of the start buttons: a partner's
/// wording of them cannot be empty (no letter or digit).
pub const SAFETY_LABELS: [&str; 7] = ["ui.exit", "ui.exit_skip", "ui.exit_hint", "ui.exit_shift_progress", "ui.exiting", "ui.start", "ui.start_job"];

/// The quick exit's button and link, and (separated by spaces) the widget's
/// other buttons: a partner's wording of one of either list cannot have, word
/// for word, the words of one of the other (as the partner words it, or built
/// in), whatever their case, accents, spacing and punctuation, nor the other
/// way round: an exit that reads "Start the check", or a start button that
/// reads "Exit", would send a person the wrong way. Other wording is kept
/// ("Leave" for "Exit this page").
pub const EXIT_LABELS: [&str; 2] = ["ui.exit", "ui.exit_skip"];
pub const BUTTON_LABELS: &str = "ui.start ui.start_job ui.continue ui.back ui.emergency_continue ui.not_safe_continue ui.print ui.print_now ui.print_back ui.restart check.open check.questions check.again check.submit check.pay_open check.pay_submit";

/// Entries a config may add, replace and hide, in all.
pub const MAX_REFERRALS: usize = 200;

const FILE: &str = "partner config";
const MAX_TEXT: usize = 1000;

impl PartnerConfig {
    /// Parses and checks a config against the content it will change.
    pub fn parse(text: &str, content: &Content) -> (PartnerConfig, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut config = PartnerConfig::default();
        let mut hotline = None;
        let value = match value::from_str(text) {
            Ok(value) => value,
            Err(error) => return (config, vec![super::json_problem(FILE, &error)]),
        };
        let Some(object) = value.as_object() else {
            return (config, vec![Problem::new(FILE, "the config must be a JSON object")]);
        };
        for (key, value) in object {
            let at = concat(&[FILE, ": \"", &truncate(key, 40), "\""]);
            match key.as_str() {
                "region" => match value.as_str() {
                    Some(code) if is_country_code(code) => config.region = Some(code.to_string()),
                    _ => problems.push(Problem::new(at, "region must be an ISO 3166-1 alpha-2 code such as \"RS\"")),
                },
                "hotline" => hotline = Some((at, value)),
                "modules" => config.modules = parse_modules(value, content, &at, &mut problems),
                "referrals" => parse_referrals(value, content, &mut config, &mut problems),
                "text" => parse_text(value, content, &mut config, &mut problems),
                _ => problems.push(Problem::new(at, "unknown setting (known: region, hotline, modules, referrals, text)")),
            }
        }
        // Checked last: it may name an entry the referrals add, replace or hide.
        if let Some((at, value)) = hotline {
            let id = value.as_str().unwrap_or_default();
            let entry = config.add.iter().chain(&config.replace).find(|e| e.id == id).or_else(|| content.directory.get(id));
            match entry {
                Some(e) if e.voice().is_some() && !e.emergency && !config.hide.iter().any(|h| *h == id) => config.hotline = Some(id.to_string()),
                _ => problems.push(Problem::new(at, "hotline must name a shown entry with a voice number, not an emergency number")),
            }
        }
        (config, problems)
    }

    /// The content with this config applied.
    pub fn apply(&self, content: &Content) -> Content {
        let mut content = content.clone();
        if let Some(modules) = &self.modules {
            for module in content.questionnaire.modules.to_mut() {
                if !ALWAYS_ASKED.contains(&&*module.id) && !modules.iter().any(|m| *m == module.id) {
                    module.modes = List::Borrowed(if module.id == JOB_OFFER_MODULE { &[Mode::JobOffer] } else { &[] });
                }
            }
        }
        let entries = content.directory.entries.to_mut();
        entries.retain(|e| !self.hide.iter().any(|id| *id == e.id));
        for replacement in &self.replace {
            if let Some(slot) = entries.iter_mut().find(|e| e.id == replacement.id) {
                *slot = replacement.clone();
            }
        }
        entries.extend(self.add.iter().cloned());
        for (lang, key, text) in &self.text {
            if let Some(catalog) = content.catalogs.languages.to_mut().iter_mut().find(|c| c.lang() == lang) {
                catalog.set(key, text);
            }
        }
        content
    }
}

fn parse_modules(value: &Value, content: &Content, at: &str, problems: &mut Vec<Problem>) -> Option<Vec<String>> {
    let Some(list) = value.as_array() else {
        problems.push(Problem::new(at, "modules must be a list of module ids"));
        return None;
    };
    let mut modules = Vec::new();
    for item in list {
        match item.as_str() {
            Some(id) if content.module(id).is_some() => modules.push(id.to_string()),
            Some(id) => problems.push(Problem::new(at, concat(&["there is no module \"", &truncate(id, 40), "\""]))),
            None => problems.push(Problem::new(at, "module ids are strings")),
        }
    }
    // The screening must still ask about the situation: a question with no
    // role, in a module that is kept and not always asked (a job-offer
    // check always keeps its own module).
    let asks = content.questionnaire.questions.iter().any(|q| {
        q.role.is_none()
            && !ALWAYS_ASKED.contains(&&*q.module)
            && modules.iter().any(|m| *m == q.module)
            && content.module(&q.module).is_some_and(|m| m.modes.contains(&Mode::Screening))
    });
    if !asks {
        problems.push(Problem::new(at, "these modules leave a mode with no question about the situation; ignored"));
        return None;
    }
    Some(modules)
}

fn parse_referrals(value: &Value, content: &Content, config: &mut PartnerConfig, problems: &mut Vec<Problem>) {
    let Some(object) = value.as_object() else {
        problems.push(Problem::new(concat(&[FILE, ": referrals"]), "referrals must be an object with add, replace and hide"));
        return;
    };
    // Entries read so far, against MAX_REFERRALS.
    let mut count = 0;
    for (key, value) in object {
        let at = concat(&[FILE, ": referrals.", &truncate(key, 40)]);
        let list = value.as_array().map(|list| {
            let room = MAX_REFERRALS - count;
            if list.len() > room {
                problems.push(Problem::new(&at, "at most 200 entries in all; the rest were left out"));
            }
            count += list.len().min(room);
            list.get(..room).unwrap_or(list)
        });
        match (key.as_str(), list) {
            ("add" | "replace", Some(list)) => {
                for (i, item) in list.iter().enumerate() {
                    let Some(entry) = parse_entry(&at, i, item, problems) else { continue };
                    let existing = content.directory.get(&entry.id);
                    let entry_at = concat(&[&at, "[", &decimal(i as u64), "] \"", &truncate(&entry.id, 60), "\""]);
                    let mut entry_problems = check_entry(&entry, &at, false);
                    if key == "add" && existing.is_some() {
                        entry_problems.push(Problem::new(&entry_at, "a built-in entry has this id; use replace to change it"));
                    }
                    for (right, _) in entry.rights.iter() {
                        if !content.catalogs.has(right) {
                            entry_problems.push(Problem::new(&entry_at, concat(&["rights: \"", &truncate(right, 60), "\" is not a text of the catalogs"])));
                        }
                    }
                    if entry.has_unknown_catalog_note(|key| content.catalogs.has(key)) {
                        entry_problems.push(Problem::new(&entry_at, UNKNOWN_CATALOG_NOTE));
                    }
                    if key == "replace" && existing.is_none() {
                        entry_problems.push(Problem::new(&entry_at, "no built-in entry has this id; use add for a new one"));
                    }
                    // Emergency numbers are the directory's: a config adds none, and a
                    // replacement is still one, for the same country, working in the same
                    // countries, at any hour, no less sure, with the same phone
                    // numbers, no more, no fewer: nothing another country's panel would
                    // show, nothing to hide, displace or disguise one of the country's own.
                    if key == "add" && entry.emergency {
                        entry_problems.push(Problem::new(&entry_at, "an added entry cannot be an emergency number (replace one to reword it)"));
                    }
                    let kept = |e: &Entry| {
                        entry.emergency
                            && entry.country == e.country
                            && same(&entry.works_in, &e.works_in)
                            && entry.hours.as_ref().is_none_or(|h| h.always)
                            && entry.confidence >= e.confidence
                            && same(&numbers(&entry), &numbers(e))
                    };
                    if key == "replace" && existing.is_some_and(|e| e.emergency && !kept(e)) {
                        entry_problems.push(Problem::new(
                            &entry_at,
                            "an emergency number can only be replaced by another emergency entry for the same country, with the same works_in and phone numbers only, at any hour, no lower confidence",
                        ));
                    }
                    if entry_problems.is_empty() {
                        if key == "add" { config.add.push(entry) } else { config.replace.push(entry) }
                    } else {
                        problems.extend(entry_problems);
                    }
                }
            }
            ("hide", Some(list)) => {
                for item in list {
                    match item.as_str().map(|id| (id, content.directory.get(id))) {
                        Some((_, Some(entry))) if entry.emergency => problems.push(Problem::new(
                            &at,
                            concat(&["\"", &entry.id, "\" is an emergency number; it is never hidden"]),
                        )),
                        Some((id, Some(_))) => config.hide.push(id.to_string()),
                        Some((id, None)) => problems.push(Problem::new(&at, concat(&["there is no entry \"", &truncate(id, 60), "\" to hide"]))),
                        None => problems.push(Problem::new(&at, "entry ids are strings")),
                    }
                }
            }
            ("add" | "replace" | "hide", None) => problems.push(Problem::new(at, "must be a list")),
            _ => problems.push(Problem::new(at, "unknown setting (known: add, replace, hide)")),
        }
    }
}

/// Why a partner's wording of a label would mislead: it is a safety label
/// with no letter or digit, or an exit label with the words of another
/// button's label, or the other way round (see [`EXIT_LABELS`]).
fn misleading(key: &str, text: &str, lang: &str, catalog: &Catalog, english: Option<&Catalog>, earlier: &[(String, String, String)]) -> Option<String> {
    let words = label_words(text);
    if SAFETY_LABELS.contains(&key) && words.len() < 2 {
        return Some("it is empty".into());
    }
    let exit = EXIT_LABELS.contains(&key);
    let button = BUTTON_LABELS.split(' ').any(|b| b == key);
    for other in EXIT_LABELS.into_iter().chain(BUTTON_LABELS.split(' ')) {
        // An exit label against the other buttons, a button against the exit labels.
        if !(exit || button) || EXIT_LABELS.contains(&other) == exit {
            continue;
        }
        // Its wording built in, then as this config words it (a key English
        // lacks is no message, and no config words it).
        let mut wordings = catalog.get(other).or_else(|| english.and_then(|c| c.get(other)));
        let mut rest = earlier.iter();
        while let Some(wording) = wordings {
            let theirs = label_words(wording);
            if theirs.len() > 1 && (super::find(&words, &theirs).is_some() || super::find(&theirs, &words).is_some()) {
                return Some(concat(&["it has the words of ", other, " (", &super::quoted(&truncate(wording, 40)), ")"]));
            }
            wordings = rest.find(|(l, k, _)| l == lang && k == other).map(|(_, _, t)| t.as_str());
        }
    }
    None
}

/// A label as its words, to compare labels whatever their case, accents,
/// spacing and punctuation (ASCII, Latin-1, Arabic, Devanagari, general and
/// CJK punctuation: that of every script of the catalogs): " exit this page "
/// for "EXIT this page."; one space for a label without a letter or a digit.
fn label_words(text: &str) -> String {
    // Latin-1 and Cyrillic capitals in small letters, which `fold` leaves as they are.
    let mut lower = String::new();
    for c in text.chars() {
        let n = c as u32;
        let shift = match n {
            0xc0..=0xde if n != 0xd7 => 32,
            0x410..=0x42f => 32,
            0x400..=0x40f => 80,
            _ => 0,
        };
        lower.push(char::from_u32(n + shift).unwrap_or(c));
    }
    let mut words = String::from(" ");
    let mut gap = true;
    for c in super::translit::fold(&lower).chars() {
        if c.is_whitespace() || c.is_ascii_punctuation() || matches!(c as u32, 0xa1..=0xbf | 0x60c..=0x61f | 0x6d4 | 0x964 | 0x965 | 0x2010..=0x205e | 0x3000..=0x303f | 0xff01..=0xff0f) {
            if !gap {
                words.push(' ');
            }
            gap = true;
        } else {
            words.push(c);
            gap = false;
        }
    }
    if !gap {
        words.push(' ');
    }
    words
}

/// The phone numbers of an entry, each with its kind.
fn numbers(entry: &Entry) -> Vec<(std::mem::Discriminant<Contact>, &str)> {
    let mut numbers = Vec::new();
    for contact in entry.contacts.iter() {
        if let Contact::Voice(n) | Contact::Sms(n) | Contact::Whatsapp(n) | Contact::Viber(n) = contact {
            numbers.push((std::mem::discriminant(contact), &*n.number));
        }
    }
    numbers
}

/// Whether two lists hold the same items, in any order.
fn same<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.iter().all(|x| b.contains(x)) && b.iter().all(|x| a.contains(x))
}

fn parse_text(value: &Value, content: &Content, config: &mut PartnerConfig, problems: &mut Vec<Problem>) {
    let Some(object) = value.as_object() else {
        problems.push(Problem::new(concat(&[FILE, ": text"]), "text must map languages to {\"key\": \"text\"}"));
        return;
    };
    let english = content.catalogs.source();
    for (lang, texts) in object {
        let at = concat(&[FILE, ": text.", &truncate(lang, 20)]);
        let Some(catalog) = content.catalogs.languages.iter().find(|c| c.lang() == lang) else {
            problems.push(Problem::new(&at, "Putokaz has no catalog for this language"));
            continue;
        };
        let Some(texts) = texts.as_object() else {
            problems.push(Problem::new(&at, "must map keys to texts"));
            continue;
        };
        for (key, text) in texts {
            let key_at = concat(&[&at, ".", &truncate(key, 60)]);
            let Some(source) = english.and_then(|c| c.get(key)) else {
                problems.push(Problem::new(key_at, "no such message key"));
                continue;
            };
            let Some(text) = text.as_str() else {
                problems.push(Problem::new(key_at, "a text must be a string"));
                continue;
            };
            if super::chars_in(text) > MAX_TEXT {
                problems.push(Problem::new(key_at, format!("longer than {MAX_TEXT} characters")));
            } else if has_hidden_controls(text, true) {
                problems.push(Problem::new(key_at, "contains control or bidirectional-override characters"));
            } else if let Some(why) = misleading(key, text, lang, catalog, english, &config.text) {
                problems.push(Problem::new(key_at, concat(&["an exit or start label (or button) cannot be empty or another one's words: ", &why])));
            } else if placeholders(source) != placeholders(text) {
                problems.push(Problem::new(key_at, concat(&["must use the placeholders ", &super::quoted_list(&placeholders(source))])));
            } else {
                config.text.push((lang.clone(), key.clone(), text.to_string()));
            }
        }
    }
}
