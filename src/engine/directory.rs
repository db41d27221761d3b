//! The referral directory: who can help, where, when, in which language, and
//! how to reach them; and the checks every entry passes, built-in or a
//! partner's.

use serde::{Deserialize, Serialize};

use super::time::{self, UtcMinutes};
use super::{pairs, truncate, List, Problem, Text};

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::directory))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Service {
    Emergency,
    TraffickingIdentification,
    Shelter,
    Legal,
    Medical,
    Psychological,
    ReturnReintegration,
    JobOfferCheck,
    Children,
    MissingChildren,
    Women,
    Migrants,
    Reporting,
    Information,
    LabourRights,
    VictimSupport,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::directory))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Adults,
    Children,
    Women,
    Men,
    Migrants,
    Anyone,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::directory))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// A way to reach a service. Links are built only from these validated values.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::directory))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Contact {
    Voice(Number),
    Sms(Number),
    Whatsapp(Number),
    Viber(Number),
    Email { address: Text },
    Web { url: Text },
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::directory))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Number {
    /// E.164 (`+381117850000`) or a short national code (`192`, `116111`).
    pub number: Text,
    #[serde(default)]
    pub display: Text,
    /// A short note per language, such as "free of charge"; or, under
    /// [`CATALOG_NOTE`], the key of a catalog text that says it in every
    /// language (`ref.for.police`).
    #[serde(default, with = "super::pairs")]
    pub note: List<(Text, Text)>,
}

impl Number {
    pub fn is_e164(&self) -> bool {
        is_e164(&self.number)
    }

    /// Whether the shown form is the number dialled, written with digits,
    /// spaces and `+-()./` only: the same digits (`+381 11 785 0000`, `192`),
    /// or the national form of a country the entry `works_in` (its own or
    /// one of its `works_in`), whose calling code a trunk prefix 0 (or the
    /// country's own, or none) stands in place of (`011 785 0000` for
    /// `+381117850000` in Serbia; never for `+7117850000`, which dials Russia).
    pub fn display_matches(&self, works_in: &dyn Fn(&str) -> bool) -> bool {
        let digits: String = self.display.chars().filter(char::is_ascii_digit).collect();
        let all = self.number.trim_start_matches('+');
        let mut national_form = false;
        if self.is_e164() && !self.display.starts_with('+') {
            for item in CALLING_CODES.split(' ') {
                let (country, code) = (item.get(..2).unwrap_or_default(), item.get(2..).unwrap_or_default());
                let trunk = match code { "36" => "06", "7" => "8", _ => "0" };
                national_form |= works_in(country) && all.strip_prefix(code).is_some_and(|national| digits == national || digits.strip_prefix(trunk) == Some(national));
            }
        }
        self.display.bytes().all(|b| b.is_ascii_digit() || b" +-()./".contains(&b)) && (self.display.is_empty() || digits == all || national_form)
    }

    pub fn shown(&self) -> &str {
        if self.display.is_empty() {
            &self.number
        } else {
            &self.display
        }
    }

    /// Whether it can be dialled from another country: a number in E.164,
    /// except a freephone number (national form 0800 or 800), which works
    /// only inside its country unless its note says "from abroad" (written
    /// only where a source says so).
    pub fn from_abroad(&self) -> bool {
        let national = self.display.trim_start_matches('0');
        self.is_e164() && (!national.starts_with("800") || self.note.iter().any(|(_, n)| n.starts_with("from abroad")))
    }

    /// The number as dialled from abroad: `+381 11 785 0000` from `+381117850000`
    /// shown as `011 785 0000`; the plain E.164 number when the shown form does
    /// not end it.
    pub fn international(&self) -> String {
        let shown = self.shown();
        if !self.is_e164() || shown.starts_with('+') {
            return shown.to_string();
        }
        let all = self.number.get(1..).unwrap_or_default();
        // With the shown form's leading 0 (Italy's 06...) or without it (the trunk prefix).
        for national in [shown, shown.strip_prefix('0').unwrap_or(shown)] {
            let digits: String = national.chars().filter(char::is_ascii_digit).collect();
            if let Some(code) = all.strip_suffix(digits.as_str()).filter(|c| !c.is_empty() && !digits.is_empty()) {
                return super::concat(&["+", code, " ", national]);
            }
        }
        self.number.to_string()
    }
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::directory))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slot {
    pub days: List<Text>,
    pub open: Text,
    pub close: Text,
}

#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::directory))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    #[serde(default)]
    pub always: bool,
    #[serde(default)]
    pub tz: Text,
    #[serde(default)]
    pub weekly: List<Slot>,
}

/// Read by `read::entry`; the derived `Deserialize` is the reference a test
/// holds that reader to.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::directory))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: Text,
    /// Names by language: `original` and `en` at least.
    #[serde(with = "super::pairs")]
    pub name: List<(Text, Text)>,
    pub country: Text,
    #[serde(default)]
    pub works_in: List<Text>,
    #[serde(default)]
    pub area_name: Option<Text>,
    pub contacts: List<Contact>,
    #[serde(default)]
    pub hours: Option<Hours>,
    #[serde(default)]
    pub languages: List<Text>,
    pub services: List<Service>,
    pub audience: List<Audience>,
    #[serde(default)]
    pub emergency: bool,
    /// Required, but left out of the browser copy of the built-in content
    /// (see build.rs); the check that it is not empty stays.
    pub sources: List<Text>,
    pub last_verified: Text,
    #[serde(default)]
    pub source_date: Option<Text>,
    pub confidence: Confidence,
    #[serde(default)]
    pub notes: Text,
    /// Rights, in plain words, that change what a person may dare to do,
    /// where the entry works (its sources are the entry's): a catalog key
    /// (`rights.<name>`), and whom it is for: `anyone`, or `migrants`
    /// (someone whose country of origin is known and is not the entry's).
    #[serde(default, with = "super::pairs")]
    pub rights: List<(Text, Text)>,
}

impl Entry {
    /// The name in a language, else the English, else the original name.
    pub fn name_in(&self, lang: &str) -> &str {
        let name = |key: &str| pairs::get(&self.name, key).map(|n| n.as_ref());
        self.own_name(lang).or_else(|| name("en")).or_else(|| name("original")).unwrap_or(&self.id)
    }

    /// Whether the entry has a name in this language (English, or a
    /// translation; Serbian Cyrillic is made from Serbian Latin).
    pub fn has_name_in(&self, lang: &str) -> bool {
        self.own_name(if lang == "sr-Cyrl" { "sr-Latn" } else { lang }).is_some()
    }

    /// The name in exactly this language, or in its primary language.
    fn own_name(&self, lang: &str) -> Option<&str> {
        let name = |key: &str| pairs::get(&self.name, key).map(|n| n.as_ref());
        name(lang).or_else(|| name(lang.split('-').next().unwrap_or(lang)))
    }

    /// Whether a note of its numbers is a catalog text (see [`CATALOG_NOTE`])
    /// other than one of `ref.for.*` that the catalogs `have`.
    pub fn has_unknown_catalog_note(&self, have: impl Fn(&str) -> bool) -> bool {
        self.contacts.iter().any(|contact| match contact {
            Contact::Voice(n) | Contact::Sms(n) | Contact::Whatsapp(n) | Contact::Viber(n) => {
                n.note.iter().any(|(lang, key)| lang == CATALOG_NOTE && !(key.starts_with("ref.for.") && have(key)))
            }
            _ => false,
        })
    }

    /// Whether its names in other languages than English and the notes of
    /// its numbers are texts of the catalogs (`name.<id>`, `note.<id>.<n>`):
    /// a built-in entry as compiled (see `Content::without_reviewer_fields`),
    /// the only kind without sources; a partner's entry, even one that
    /// replaces a built-in entry with its id, gives its own.
    pub fn texts_in_catalogs(&self) -> bool {
        self.sources.is_empty()
    }

    pub fn works_in(&self, country: &str) -> bool {
        self.country == country || self.works_in.iter().any(|c| c == country)
    }

    pub fn voice(&self) -> Option<&Number> {
        self.contacts.iter().find_map(|c| match c {
            Contact::Voice(n) => Some(n),
            _ => None,
        })
    }

    /// Whether it can be reached from another country: a number in E.164, an
    /// e-mail address or a web site.
    pub fn reachable_from_abroad(&self) -> bool {
        self.contacts.iter().any(|c| match c {
            Contact::Voice(n) | Contact::Sms(n) | Contact::Whatsapp(n) | Contact::Viber(n) => n.from_abroad(),
            Contact::Email { .. } | Contact::Web { .. } => true,
        })
    }

    /// Open or not at an instant.
    pub fn open_state(&self, now: UtcMinutes) -> OpenState {
        // An emergency number is answered at any hour, even where the
        // source does not say so (see the directory README).
        let Some(hours) = &self.hours else { return if self.emergency { OpenState::Always } else { OpenState::Unknown } };
        if hours.always {
            return OpenState::Always;
        }
        let Some(offset) = time::offset(&hours.tz, now) else { return OpenState::Unknown };
        let here = time::local(now, offset);
        // Loops, not `flat_map(..).collect()`: std's flattening code is larger.
        let mut slots: Vec<(u8, u16, u16)> = Vec::new();
        for slot in hours.weekly.iter() {
            let (Some(open), Some(close)) = (parse_hhmm(&slot.open), parse_hhmm(&slot.close)) else { continue };
            for day in slot.days.iter().filter_map(|d| weekday(d)) {
                slots.push((day, open, close));
            }
        }
        for &(day, open, close) in &slots {
            if day == here.weekday && here.minute >= open && here.minute < close {
                return OpenState::Open { closes_in: (close - here.minute) as i64 };
            }
        }
        // The next opening within a week, in minutes from now.
        let mut best: Option<i64> = None;
        for &(day, open, _) in &slots {
            let days_ahead = (day as i64 - here.weekday as i64).rem_euclid(7);
            let mut minutes = days_ahead * 1440 + open as i64 - here.minute as i64;
            if minutes <= 0 {
                minutes += 7 * 1440;
            }
            best = Some(best.map_or(minutes, |b| b.min(minutes)));
        }
        match best {
            Some(minutes) => OpenState::Closed { opens_at: now + minutes },
            None => OpenState::Unknown,
        }
    }
}

/// Opening state at the moment of the result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum OpenState {
    Always,
    Open { closes_in: i64 },
    /// `opens_at` is UTC minutes; the widget shows it in the person's own time.
    Closed { opens_at: UtcMinutes },
    Unknown,
}

impl OpenState {
    pub fn is_open(self) -> bool {
        matches!(self, OpenState::Always | OpenState::Open { .. })
    }
}

/// Every entry of every directory file.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::directory))]
#[derive(Debug, Clone, Default)]
pub struct Directory {
    pub entries: List<Entry>,
}

impl Directory {
    /// Adds an entry that passes validation; a broken one is reported and skipped.
    pub fn add(&mut self, entry: Entry, problems: &mut Vec<Problem>, file: &str) {
        let duplicate = self.entries.iter().any(|e| e.id == entry.id);
        let entry_problems = check_entry(&entry, file, duplicate);
        if entry_problems.is_empty() {
            self.entries.to_mut().push(entry);
        } else {
            problems.extend(entry_problems);
        }
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

}

/// What is wrong with an entry of `file`, ending with "this entry was left
/// out" when anything is; `duplicate` when another entry has its id.
pub fn check_entry(entry: &Entry, file: &str, duplicate: bool) -> Vec<Problem> {
    let at = format!("{file}: entry \"{}\"", truncate(&entry.id, 60));
    let mut problems = validate_entry(entry, &at);
    if duplicate {
        problems.push(Problem::new(&at, "this id is already used by another entry"));
    }
    if !problems.is_empty() {
        problems.push(Problem::new(&at, "this entry was left out"));
    }
    problems
}

fn validate_entry(entry: &Entry, at: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut say = |message: String| problems.push(Problem::new(at, message));
    let id_ok = !entry.id.is_empty()
        && entry.id.len() <= 64
        && entry.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if !id_ok {
        say("the id must be 1 to 64 of a-z, 0-9, - and _".into());
    }
    for key in ["original", "en"] {
        if pairs::get(&entry.name, key).is_none_or(|n| n.trim().is_empty()) {
            say(format!("name.{key} is missing"));
        }
    }
    for (lang, name) in entry.name.iter() {
        check_text(&format!("name.{lang}"), name, 200, &mut say);
    }
    if let Some(area) = &entry.area_name {
        check_text("area_name", area, 100, &mut say);
    }
    check_text("notes", &entry.notes, 4000, &mut say);
    for (key, whom) in entry.rights.iter() {
        if !["anyone", "migrants"].contains(&&**whom) || !key.starts_with("rights.") {
            say("rights: each is \"rights.<name>\": \"anyone\" or \"migrants\"".into());
        }
    }
    if !(is_country_code(&entry.country) || entry.country == "EU" || entry.country == "INT") {
        say(format!("country \"{}\" is not an ISO 3166-1 alpha-2 code, EU or INT", truncate(&entry.country, 20)));
    }
    for code in entry.works_in.iter() {
        if !is_country_code(code) {
            say(format!("works_in: \"{}\" is not an ISO 3166-1 alpha-2 code", truncate(code, 20)));
        }
    }
    if entry.contacts.is_empty() {
        say("there is no way to reach this service (contacts is empty)".into());
    }
    for (i, contact) in entry.contacts.iter().enumerate() {
        match contact {
            Contact::Voice(n) | Contact::Sms(n) | Contact::Whatsapp(n) | Contact::Viber(n) => {
                if !(is_e164(&n.number) || is_short_code(&n.number)) {
                    say(format!("contacts[{i}]: \"{}\" is neither E.164 (+381117850000) nor a short code (192)", truncate(&n.number, 30)));
                }
                check_text(&format!("contacts[{i}].display"), &n.display, 40, &mut say);
                if !n.display_matches(&|country| entry.works_in(country)) {
                    say(format!("contacts[{i}]: display \"{}\" is not the number {}", truncate(&n.display, 40), truncate(&n.number, 30)));
                }
                for (_, note) in n.note.iter() {
                    check_text(&format!("contacts[{i}].note"), note, 80, &mut say);
                }
            }
            Contact::Email { address } => {
                if !is_email(address) {
                    say(format!("contacts[{i}]: \"{}\" is not a plain e-mail address", truncate(address, 60)));
                }
            }
            Contact::Web { url } => {
                if !is_https_url(url) {
                    say(format!("contacts[{i}]: \"{}\" is not an https:// address with an ASCII host (xn--)", truncate(url, 60)));
                }
            }
        }
    }
    if entry.emergency && entry.voice().is_none() {
        say("an emergency entry needs a phone number".into());
    }
    if let Some(hours) = &entry.hours {
        if hours.always && (!hours.weekly.is_empty() || !hours.tz.is_empty()) {
            say("hours: \"always\" takes no tz or weekly slots".into());
        }
        if !hours.always {
            if !time::is_known_zone(&hours.tz) {
                say(format!("hours.tz: \"{}\" is not a time zone Putokaz knows", truncate(&hours.tz, 40)));
            }
            if hours.weekly.is_empty() {
                say("hours: give weekly slots, or \"always\": true".into());
            }
            for (i, slot) in hours.weekly.iter().enumerate() {
                if slot.days.is_empty() || slot.days.iter().any(|d| weekday(d).is_none()) {
                    say(format!("hours.weekly[{i}]: days must be mon, tue, wed, thu, fri, sat, sun"));
                }
                match (parse_hhmm(&slot.open), parse_hhmm(&slot.close)) {
                    (Some(open), Some(close)) if open < close => {}
                    _ => say(format!("hours.weekly[{i}]: open and close must be HH:MM, open before close (24:00 for midnight)")),
                }
            }
        }
    }
    for lang in entry.languages.iter() {
        if !(lang.len() == 2 && lang.bytes().all(|b| b.is_ascii_lowercase())) {
            say(format!("languages: \"{}\" is not an ISO 639-1 code", truncate(lang, 20)));
        }
    }
    if entry.services.is_empty() {
        say("services is empty".into());
    }
    if entry.audience.is_empty() {
        say("audience is empty".into());
    }
    if entry.sources.is_empty() {
        say("every entry needs a source".into());
    }
    for source in entry.sources.iter() {
        if !(source.starts_with("https://") || source.starts_with("http://")) || source.chars().any(char::is_control) {
            say(format!("sources: \"{}\" is not a web address", truncate(source, 60)));
        }
    }
    if !is_date_or_month(&entry.last_verified) {
        say("last_verified must be YYYY-MM-DD or YYYY-MM".into());
    }
    problems
}

/// Bidirectional overrides and other invisible controls can make a name read
/// as something else; text fields must not contain them.
fn check_text(field: &str, text: &str, max_chars: usize, say: &mut impl FnMut(String)) {
    if super::chars_in(text) > max_chars {
        say(format!("{field} is longer than {max_chars} characters"));
    }
    if has_hidden_controls(text, false) {
        say(format!("{field} contains control or bidirectional-override characters"));
    }
}

/// Whether a text has a control character (a line break allowed when
/// `lines`) or a format character: every character of General_Category Cf,
/// which holds every Bidi_Control (marks, embeddings, overrides, isolates),
/// the zero-width characters and the tag characters.
pub fn has_hidden_controls(text: &str, lines: bool) -> bool {
    text.chars().any(|c| (c.is_control() && !(lines && c == '\n')) || FORMAT.iter().any(|&(first, last)| (first..=last).contains(&(c as u32))))
}

/// The characters of General_Category Cf, as ranges, from Unicode 16.0's
/// UnicodeData.txt (U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to
/// U+2069 are also every Bidi_Control of PropList.txt).
const FORMAT: [(u32, u32); 21] = [
    (0xad, 0xad),
    (0x600, 0x605),
    (0x61c, 0x61c),
    (0x6dd, 0x6dd),
    (0x70f, 0x70f),
    (0x890, 0x891),
    (0x8e2, 0x8e2),
    (0x180e, 0x180e),
    (0x200b, 0x200f),
    (0x202a, 0x202e),
    (0x2060, 0x2064),
    (0x2066, 0x206f),
    (0xfeff, 0xfeff),
    (0xfff9, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x1343f),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0001, 0xe0001),
    (0xe0020, 0xe007f),
];

pub fn is_e164(number: &str) -> bool {
    let digits = number.strip_prefix('+').unwrap_or("");
    (7..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

pub fn is_short_code(number: &str) -> bool {
    (2..=6).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
}

pub fn is_email(address: &str) -> bool {
    let mut parts = address.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-+".contains(&b));
    address.len() <= 254 && plain(local) && plain(domain) && domain.contains('.')
}

/// An `https://` address whose host is plain ASCII (letters, digits, `.`,
/// `-`, a `:port`): a host in other letters is written in punycode
/// (`xn--...`), so the address shown cannot pass for another (`а` for `a`),
/// and no `user@` part can put a trusted name before the real host.
pub fn is_https_url(url: &str) -> bool {
    let host = url.strip_prefix("https://").unwrap_or_default().bytes().take_while(|b| !b"/?#".contains(b));
    url.len() <= 2000
        && host.clone().count() > 0
        && host.into_iter().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b':')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>' || c == '\\')
}

fn is_date_or_month(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

pub fn parse_hhmm(text: &str) -> Option<u16> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 || h == 24 && m == 0).then_some(h * 60 + m)
}

/// In a number's `note`, in place of a language: the key of a catalog text,
/// one of `ref.for.*` (`{"catalog": "ref.for.police"}`), which the widget
/// shows in the person's language.
pub const CATALOG_NOTE: &str = "catalog";
/// The problem with a note that names another catalog text.
pub const UNKNOWN_CATALOG_NOTE: &str = "a \"catalog\" note names no text ref.for.*";

/// The catalog key of an entry's name in other languages than English in
/// the compiled content (see `Content::without_reviewer_fields`): `name.rs-astra-sos`.
pub fn name_key(entry: &str) -> String {
    super::concat(&["name.", entry])
}

/// The catalog key of the note of an entry's `i`th contact in the compiled
/// content (see `Content::without_reviewer_fields`): `note.rs-astra.0`.
pub fn note_key(entry: &str, i: usize) -> String {
    super::concat(&["note.", entry, ".", &super::decimal(i as u64)])
}

/// The days of the week, as the files name them, Monday first.
pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

pub fn weekday(day: &str) -> Option<u8> {
    DAYS.iter().position(|d| *d == day).map(|i| i as u8)
}

/// Separated by spaces, in alphabetical order.
pub const COUNTRY_CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

/// The country calling codes of the countries the built-in directory has
/// entries of: each territory's `countryCode` in libphonenumber's
/// https://github.com/google/libphonenumber/blob/v9.0.35/resources/PhoneNumberMetadata.xml
/// (release v9.0.35, 16 July 2026, commit f7e3e88c, the release of
/// `emergency.json`), whose `nationalPrefix` (trunk prefix) is 0, but for
/// Hungary's 06 and Russia's 8 (and none in Canada, the US, Czechia, Italy,
/// Malta and Poland, where a leading 0 the check allows would be a typo,
/// never another country's number). A display in national form is of one
/// of these countries; other countries' numbers are shown in international form.
const CALLING_CODES: &str = "AE971 AT43 BG359 CA1 CZ420 DE49 GB44 HR385 HU36 IT39 ME382 MK389 MT356 NL31 PL48 RS381 RU7 SI386 SK421 UA380 US1";

/// ISO 3166-1 alpha-2, plus XK (Kosovo), which the EU and many registries use.
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && COUNTRY_CODES.split(' ').any(|c| c == code)
}

/// The countries the country questions offer: every ISO 3166-1 alpha-2
/// code, in the order of the codes (XK, not ISO 3166-1, is not offered).
pub fn countries() -> impl Iterator<Item = &'static str> {
    COUNTRY_CODES.split(' ').filter(|c| *c != "XK")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_addresses() {
        assert!(is_e164("+381117850000"));
        assert!(!is_e164("+0381117850000"));
        assert!(!is_e164("011 785 0000"));
        assert!(is_short_code("192") && is_short_code("116111"));
        assert!(!is_short_code("19a"));
        assert!(is_email("natco@mup.gov.rs"));
        assert!(!is_email("a@b@c.rs") && !is_email("x@y") && !is_email("\"><script>@x.rs"));
        assert!(is_https_url("https://www.astra.rs/en/"));
        assert!(!is_https_url("javascript:alert(1)") && !is_https_url("http://x.rs") && !is_https_url("https://x.rs/\"onmouseover"));
        assert_eq!(parse_hhmm("24:00"), Some(1440));
        assert_eq!(parse_hhmm("24:01"), None);
        assert!(is_country_code("RS") && !is_country_code("XX") && !is_country_code("rs"));
        // A host in other letters or with a user part could pass for another.
        assert!(is_https_url("https://xn--stra-5cd.rs/") && is_https_url("https://www.astra.rs:443/?x=a@b"));
        assert!(!is_https_url("https://\u{430}stra.rs") && !is_https_url("https://astra.rs@evil.example/") && !is_https_url("https://"));
    }

    #[test]
    fn the_shown_number_is_the_number_dialled() {
        let number = |number: &str, display: &str| Number { number: Text::Owned(number.into()), display: Text::Owned(display.into()), note: List::Borrowed(&[]) };
        for (n, shown) in [
            ("+381117850000", "011 785 0000"),
            ("+381117850000", "+381 11 785 0000"),
            ("+381113034232", "011/30-34-232"),
            ("+48226289999", "(22) 628 99 99"),
            ("+3680205520", "06 80 20 55 20"),
            ("+18339001010", "1-833-900-1010"),
            ("116006", "116 006"),
            ("192", "192"),
            ("192", ""),
        ] {
            assert!(number(n, shown).display_matches(&|_| true), "{n} shown as {shown}");
        }
        for (n, shown) in [
            ("+381601234567", "192"),
            ("+381601234567", "011 785 0000"),
            ("192", "194"),
            ("192", "112"),
            ("+381117850000", "17850000"),
            ("+381117850000", "011 785 0000 (free)"),
            ("116006", "116 006 0"),
            // Serbian digits in national form, dialling Russia.
            ("+7117850000", "011 785 0000"),
            ("+7117850000", "11 785 0000"),
            ("+7117850000", "+381 11 785 0000"),
        ] {
            assert!(!number(n, shown).display_matches(&|country| country == "RS"), "{n} shown as {shown}");
        }
        // The national form is that of the entry's country, or of one it works in.
        let in_serbia = |country: &str| country == "RS";
        assert!(number("+381117850000", "011 785 0000").display_matches(&in_serbia));
        assert!(!number("+3680205520", "06 80 20 55 20").display_matches(&in_serbia));
        assert!(number("+3680205520", "+36 80 20 55 20").display_matches(&in_serbia), "the international form is the same in every country");
    }

    /// Every format character (General_Category Cf) and Bidi_Control is
    /// refused, and the table agrees with the characters std knows as
    /// neither control nor format around it.
    #[test]
    fn format_and_bidi_characters_are_hidden_controls() {
        let listed = [
            0xad, 0x600, 0x605, 0x61c, 0x6dd, 0x70f, 0x890, 0x891, 0x8e2, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202e, 0x2060, 0x2064,
            0x2066, 0x2069, 0x206f, 0xfeff, 0xfff9, 0xfffb, 0x110bd, 0x110cd, 0x13430, 0x1343f, 0x1bca0, 0x1bca3, 0x1d173, 0x1d17a, 0xe0001, 0xe0020, 0xe007f,
        ];
        for code in listed {
            let c = char::from_u32(code).unwrap();
            assert!(has_hidden_controls(&format!("ASTRA{c}SOS"), false), "U+{code:04X}");
        }
        for text in ["ASTRA SOS 011 785 0000", "Астра", "ASTRA\nSOS", "نجدة", "\u{2065}", "\u{ae}", "\u{fffc}"] {
            assert!(!has_hidden_controls(text, true), "{text:?}");
        }
    }
}
