//! A whole bundle of content, [`Content`]: the questionnaire, the ILO/EC
//! list, the catalogs and the directory, loaded from its files and checked
//! as one. Whatever is broken is reported as a [`Problem`] with its
//! location, never a panic; the build fails on any problem in the built-in
//! content.

use std::collections::BTreeSet;

use super::answer::{Answer, Answers};
use super::catalog::{placeholders, Catalogs, SOURCE_LANG};
use super::check::Check;
use super::condition::{Condition, Truth};
use super::content::{IloEc, IloItem, Indicator, Kind, Module, Question, Questionnaire, Role, Sources};
use super::directory::{countries, name_key, note_key, Contact, Directory, CATALOG_NOTE, UNKNOWN_CATALOG_NOTE};
use super::translit::to_cyrillic;
use super::value::Value;
use super::{json_problem, truncate, List, Problem, Text};

/// A whole bundle: what one widget needs to run.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::bundle))]
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub questionnaire: Questionnaire,
    pub ilo_ec: IloEc,
    pub catalogs: Catalogs,
    pub directory: Directory,
    /// The text check's rules and minimum wages, once the check pack is
    /// added (see `check.rs`); none in the compiled content.
    pub check: Option<Check>,
}

/// The text of the files a bundle is loaded from, with names for messages.
pub struct Files<'a> {
    pub questionnaire: (&'a str, &'a str),
    pub ilo_ec: (&'a str, &'a str),
    /// `(language, file name, text)`
    pub catalogs: Vec<(&'a str, &'a str, &'a str)>,
    /// `(file name, text)`
    pub referrals: Vec<(&'a str, &'a str)>,
}

/// The check pack of a language: `{"lang": …, "text": {…}}`, its texts of
/// the text check (`check.*`), and in English's also `"rules"` and `"wages"`
/// (see `check.rs`). The loader fetches them only for a page that offers
/// the check, after the language packs.
impl Content {
    /// Adds a check pack; returns its language, or says why not.
    pub fn add_check_pack(&mut self, pack: &str) -> Result<String, String> {
        let value = super::value::from_str(pack).map_err(|e| e.to_string())?;
        let lang = value
            .get("lang")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        if let Some(rules) = value.get("rules") {
            let mut problems = Vec::new();
            let check = Check::read(
                rules,
                value.get("wages").unwrap_or(&Value::Null),
                &mut problems,
            );
            if let Some(problem) = problems.first() {
                return Err(problem.to_string());
            }
            self.check = Some(check);
        }
        let texts = value
            .get("text")
            .and_then(Value::as_object)
            .ok_or("not a Putokaz check pack")?;
        let mut added = false;
        for catalog in self.catalogs.languages.to_mut() {
            let cyrillic = catalog.lang() == "sr-Cyrl" && lang == "sr-Latn";
            if catalog.lang() != lang && !cyrillic {
                continue;
            }
            for (key, text) in texts.iter() {
                let text = text.as_str().unwrap_or_default();
                catalog.set(
                    key,
                    &if cyrillic {
                        to_cyrillic(text)
                    } else {
                        text.to_string()
                    },
                );
            }
            added = true;
        }
        if added {
            Ok(lang)
        } else {
            Err(super::concat(&["the language ", &lang, " is not loaded"]))
        }
    }

    /// Loads and checks a bundle. Whatever is broken is reported and left
    /// out; the rest is usable.
    pub fn load(files: &Files<'_>) -> (Content, Vec<Problem>) {
        let mut problems = Vec::new();
        let questionnaire = parse_or_default(files.questionnaire, &mut problems);
        let ilo_ec = parse_or_default(files.ilo_ec, &mut problems);
        let catalogs = Catalogs::load(&files.catalogs, &mut problems);
        let directory = Directory::load(&files.referrals, &mut problems);
        let content = Content { questionnaire, ilo_ec, catalogs, directory, check: None };
        problems.extend(content.validate());
        (content, problems)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questionnaire.questions.iter().find(|q| q.id == id)
    }

    pub fn module(&self, id: &str) -> Option<&Module> {
        self.questionnaire.modules.iter().find(|m| m.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.questionnaire.indicators.iter().find(|i| i.id == id)
    }

    /// Whether the indicator is a job-offer red flag (it counts through the score).
    pub fn is_job_flag(&self, indicator: &str) -> bool {
        self.questionnaire.job_offer.flags.iter().any(|f| f.indicator == indicator)
    }

    pub fn ilo_item(&self, id: &str) -> Option<&IloItem> {
        self.ilo_ec.indicators.iter().find(|i| i.id == id)
    }

    /// The question with the given role, if the questionnaire has one.
    pub fn question_with_role(&self, role: Role) -> Option<&Question> {
        self.questionnaire.questions.iter().find(|q| q.role == Some(role))
    }

    /// The option ids a question accepts, not counting "not sure" and "prefer not to say".
    pub fn options_of(&self, question: &Question) -> Vec<Text> {
        match question.kind {
            Kind::YesNo => vec![Text::Borrowed("yes"), Text::Borrowed("no")],
            Kind::Single | Kind::Multi => question.options.to_vec(),
            Kind::Country | Kind::Countries => {
                countries().chain(["other"]).map(Text::Borrowed).collect()
            }
        }
    }

    /// The content less what only reviewers read (sources, notes, labels,
    /// the original names of services), and with the notes of phone numbers
    /// in other languages than English moved into their catalogs (as
    /// [`note_key`]), so that each travels in its language's pack and not
    /// in the core: what the build compiles into the widget. Every problem
    /// those fields could hide was reported when the content was loaded.
    pub fn without_reviewer_fields(&self) -> Content {
        let mut content = self.clone();
        for indicator in content.questionnaire.indicators.to_mut() {
            indicator.sources = Sources::default();
        }
        for catalog in content.catalogs.languages.to_mut() {
            catalog.meta.status = Text::Borrowed("");
            catalog.meta.note = Text::Borrowed("");
        }
        content.ilo_ec.source = Text::Borrowed("");
        content.ilo_ec.note = Text::Borrowed("");
        for item in content.ilo_ec.indicators.to_mut() {
            item.label = Text::Borrowed("");
        }
        // A name in another language than English, and a note in any, is
        // a text of that language's catalog (Cyrillic letter for letter from
        // Latin), which travels in its pack: English's notes in English's
        // (see build.rs), as only English readers see them.
        let catalogs = content.catalogs.languages.to_mut();
        let mut to_catalogs = |key: &str, texts: &List<(Text, Text)>, english: bool| {
            for (lang, text) in texts.iter() {
                for catalog in catalogs.iter_mut() {
                    match catalog.lang() {
                        "sr-Cyrl" if lang == "sr-Latn" => catalog.set(key, &to_cyrillic(text)),
                        l if l == lang && (english || l != SOURCE_LANG) => catalog.set(key, text),
                        _ => {}
                    }
                }
            }
        };
        for entry in content.directory.entries.to_mut() {
            // The original name is shown only when there is no English
            // name, and every entry has one.
            to_catalogs(&name_key(&entry.id), &entry.name, false);
            entry.name.to_mut().retain(|(lang, _)| lang == SOURCE_LANG);
            entry.sources = List::Borrowed(&[]);
            entry.source_date = None;
            entry.notes = Text::Borrowed("");
            for (i, contact) in entry.contacts.to_mut().iter_mut().enumerate() {
                let (Contact::Voice(n) | Contact::Sms(n) | Contact::Whatsapp(n) | Contact::Viber(n)) = contact else { continue };
                to_catalogs(&note_key(&entry.id, i), &n.note, true);
                // "from abroad" decides where a number is offered (see `Number::from_abroad`).
                n.note.to_mut().retain(|(lang, text)| lang == CATALOG_NOTE || (lang == SOURCE_LANG && text.starts_with("from abroad")));
            }
        }
        content
    }

    /// Checks the whole bundle: the questionnaire, its indicators, and that
    /// every catalog has every text the questionnaire needs.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.validate_questionnaire(&mut problems);
        self.validate_indicators(&mut problems);
        self.catalogs.validate_against(self, &mut problems);
        self.directory.validate_against(self, &mut problems);
        problems
    }

    fn validate_questionnaire(&self, problems: &mut Vec<Problem>) {
        let file = "questionnaire.json";
        let q = &self.questionnaire;
        let mut module_ids = BTreeSet::new();
        for (i, module) in q.modules.iter().enumerate() {
            let at = format!("{file}: modules[{i}] \"{}\"", module.id);
            check_id(&module.id, &at, problems);
            if !module_ids.insert(&*module.id) {
                problems.push(Problem::new(&at, "this module id is used twice"));
            }
            if module.modes.is_empty() {
                problems.push(Problem::new(&at, "no mode asks this module, so its questions are unreachable"));
            }
        }

        // Sets of `&str` throughout validation: one set type is less code
        // for the browser than several.
        let mut seen = BTreeSet::new();
        let mut roles: Vec<Role> = Vec::new();
        let mut closed_modules = BTreeSet::new();
        let mut previous_module: Option<&str> = None;
        for (i, question) in q.questions.iter().enumerate() {
            let at = format!("{file}: questions[{i}] \"{}\"", question.id);
            check_id(&question.id, &at, problems);
            if !seen.insert(&*question.id) {
                problems.push(Problem::new(&at, "this question id is used twice"));
            }
            let module = &*question.module;
            if previous_module != Some(module) {
                if let Some(prev) = previous_module {
                    closed_modules.insert(prev);
                }
                if closed_modules.contains(module) {
                    problems.push(Problem::new(&at, format!("the questions of module \"{module}\" must stand together")));
                }
                previous_module = Some(module);
            }
            if !module_ids.contains(module) {
                problems.push(Problem::new(&at, format!("module \"{module}\" does not exist")));
            }
            self.validate_options(question, &at, problems);
            if let Some(role) = question.role {
                // The country of the work may be asked once in each mode (the
                // first answered counts); every other role is on one question.
                if roles.contains(&role) && role != Role::CountryWork {
                    problems.push(Problem::new(&at, format!("a second question has the role {role:?}")));
                }
                roles.push(role);
                let expected: Option<&[&str]> = match role {
                    Role::Age => Some(&["under_14", "14_17", "18_plus"]),
                    Role::Subject => Some(&["self", "other"]),
                    Role::Gender => Some(&["female", "male", "other"]),
                    Role::CountryNow | Role::CountryWork | Role::CountryOrigin | Role::SafeNow => None,
                };
                match expected {
                    None if role == Role::SafeNow && question.kind != Kind::YesNo => {
                        problems.push(Problem::new(&at, "a question with role SafeNow must be yes/no"))
                    }
                    None if role == Role::SafeNow => {}
                    Some(expected) if question.kind != Kind::Single || question.options != expected => {
                        problems.push(Problem::new(&at, format!("a question with role {role:?} must be single choice with options {expected:?}")))
                    }
                    None if question.kind != Kind::Country => {
                        problems.push(Problem::new(&at, format!("a question with role {role:?} must be of kind country")))
                    }
                    _ => {}
                }
            }
            if let Some(cond) = &question.show_if {
                self.check_condition(cond, Some(i), &at, "show_if", problems);
            }
        }
        // A module condition may only use questions before the module's first question.
        for (i, module) in q.modules.iter().enumerate() {
            let at = format!("{file}: modules[{i}] \"{}\"", module.id);
            let first = q.questions.iter().position(|question| question.module == module.id);
            match (first, &module.show_if) {
                (None, _) => problems.push(Problem::new(&at, "this module has no questions")),
                (Some(first), Some(cond)) => self.check_condition(cond, Some(first), &at, "show_if", problems),
                _ => {}
            }
        }
    }

    fn validate_options(&self, question: &Question, at: &str, problems: &mut Vec<Problem>) {
        match question.kind {
            Kind::YesNo | Kind::Country | Kind::Countries if !question.options.is_empty() => {
                problems.push(Problem::new(at, "yes/no and country questions take no options list"))
            }
            Kind::Single | Kind::Multi if question.options.len() < 2 => {
                problems.push(Problem::new(at, "a choice question needs at least two options"))
            }
            _ => {}
        }
        let mut options = BTreeSet::new();
        for option in question.options.iter().map(|o| &**o) {
            check_id(option, at, problems);
            if option == Answer::NOT_SURE || option == Answer::PREFER_NOT {
                problems.push(Problem::new(at, format!("\"{option}\" is added by the engine; do not list it")));
            }
            if !options.insert(option) {
                problems.push(Problem::new(at, format!("option \"{option}\" is listed twice")));
            }
        }
        if !question.exclusive.is_empty() && question.kind != Kind::Multi {
            problems.push(Problem::new(at, "only a multiple-choice question has exclusive options"));
        }
        for option in question.exclusive.iter() {
            if !options.contains(&**option) {
                problems.push(Problem::new(at, format!("exclusive option \"{option}\" is not an option")));
            }
        }
        for option in question.assume.iter() {
            if !self.options_of(question).iter().any(|o| o == option) {
                problems.push(Problem::new(at, format!("assumed option \"{option}\" is not an option")));
            }
        }
    }

    /// Checks that a condition names existing questions and options, and,
    /// when `before` is given, only questions asked before that position.
    fn check_condition(&self, cond: &Condition, before: Option<usize>, at: &str, field: &str, problems: &mut Vec<Problem>) {
        for (qid, options) in cond.leaves() {
            let Some(position) = self.questionnaire.questions.iter().position(|q| q.id == qid) else {
                problems.push(Problem::new(at, format!("{field} refers to question \"{qid}\", which does not exist")));
                continue;
            };
            if let Some(before) = before {
                if position >= before {
                    problems.push(Problem::new(
                        at,
                        format!("{field} refers to question \"{qid}\", which is not asked before this one (a cycle or a forward reference)"),
                    ));
                }
            }
            let known = self.options_of(&self.questionnaire.questions[position]);
            for option in options {
                let unknown_answer = option == Answer::NOT_SURE || option == Answer::PREFER_NOT;
                if !unknown_answer && !known.iter().any(|k| k == option) {
                    problems.push(Problem::new(at, format!("{field} uses option \"{option}\", which question \"{qid}\" does not have")));
                }
            }
        }
    }

    fn validate_indicators(&self, problems: &mut Vec<Problem>) {
        let file = "questionnaire.json";
        let mut ids = BTreeSet::new();
        for (i, indicator) in self.questionnaire.indicators.iter().enumerate() {
            let at = format!("{file}: indicators[{i}] \"{}\"", indicator.id);
            check_id(&indicator.id, &at, problems);
            if !ids.insert(&*indicator.id) {
                problems.push(Problem::new(&at, "this indicator id is used twice"));
            }
            let n_problems = problems.len();
            self.check_condition(&indicator.fires_if, None, &at, "fires_if", problems);
            if problems.len() == n_problems && !can_be_true(&indicator.fires_if, self) {
                problems.push(Problem::new(&at, "no combination of answers can fire this indicator"));
            }
            for item in indicator.ilo_ec.iter() {
                if self.ilo_item(item).is_none() {
                    problems.push(Problem::new(&at, format!("ILO/EC indicator \"{item}\" is not in ilo_ec.json")));
                }
            }
            if indicator.sources.count() == 0 {
                problems.push(Problem::new(&at, "every indicator needs at least one source"));
            }
            // A labour answer must never open the sexual sets.
            let sensitive = |qid: &str| self.question(qid).and_then(|q| self.module(&q.module)).is_some_and(|m| m.sensitive);
            if indicator.sexual && !indicator.fires_if.leaves().iter().all(|(qid, _)| sensitive(qid)) {
                problems.push(Problem::new(&at, "a sign marked sexual must fire only from questions of a sensitive module"));
            }
            for n in indicator.sources.ilo_forced_labour.iter() {
                if !(1..=11).contains(n) {
                    problems.push(Problem::new(&at, format!("ILO forced-labour indicator {n} does not exist (1 to 11)")));
                }
            }
        }
        let mut ilo_ids = BTreeSet::new();
        for (i, item) in self.ilo_ec.indicators.iter().enumerate() {
            let at = format!("ilo_ec.json: indicators[{i}] \"{}\"", item.id);
            check_id(&item.id, &at, problems);
            if !ilo_ids.insert(&*item.id) {
                problems.push(Problem::new(&at, "this id is used twice"));
            }
        }
        let job = &self.questionnaire.job_offer;
        for (i, flag) in job.flags.iter().enumerate() {
            let at = format!("{file}: job_offer.flags[{i}]");
            if self.indicator(&flag.indicator).is_none() {
                problems.push(Problem::new(&at, format!("indicator \"{}\" does not exist", flag.indicator)));
            }
            if flag.weight == 0 {
                problems.push(Problem::new(&at, "a weight of 0 means the flag counts for nothing"));
            }
        }
        if job.bands.windows(2).any(|w| w[0].min_score >= w[1].min_score || w[0].level >= w[1].level) {
            problems.push(Problem::new(format!("{file}: job_offer.bands"), "bands must rise in both score and level"));
        }
        if job.bands.iter().any(|b| b.min_score == 0) {
            problems.push(Problem::new(format!("{file}: job_offer.bands"), "a band from score 0 would report signs nobody gave"));
        }
        let mut frame_ids = BTreeSet::new();
        for (i, frame) in self.questionnaire.frames.iter().enumerate() {
            let at = format!("{file}: frames[{i}] \"{}\"", frame.id);
            check_id(&frame.id, &at, problems);
            if !frame_ids.insert(&*frame.id) {
                problems.push(Problem::new(&at, "this frame id is used twice"));
            }
            self.check_condition(&frame.applies_if, None, &at, "applies_if", problems);
            if frame.max_level == super::Level::Urgent {
                problems.push(Problem::new(&at, "max_level urgent limits nothing"));
            }
            for service in frame.services_first.iter() {
                if !super::read::SERVICES.iter().any(|(name, _)| name == service) {
                    problems.push(Problem::new(&at, format!("\"{service}\" is not a referral service")));
                }
            }
        }
    }
}


impl Catalogs {
    pub fn required_keys(content: &Content) -> BTreeSet<String> {
        let mut keys = BTreeSet::new();
        Self::named_keys(content, false, &mut |parts| {
            keys.insert(super::concat(parts));
        });
        keys
    }

    /// Every key a catalog may have that the content's structure names,
    /// sorted: the required keys, and the optional ones (a question's hint,
    /// an option's words about another person, a frame's next step about
    /// another person, every country, weekday, kind of contact, service and
    /// audience, and the name of every language a service speaks).
    /// The compiled catalogs store only which of these they have, and the
    /// other keys (see `build.rs`); both sides call this, so they cannot
    /// disagree.
    pub fn derivable_keys(content: &Content) -> Vec<String> {
        let mut keys = Vec::new();
        Self::named_keys(content, true, &mut |parts| keys.push(super::concat(parts)));
        super::sort_by(&mut keys, |a, b| a.cmp(b));
        keys.dedup();
        keys
    }

    /// Calls `key` with the parts of every key the content names: the
    /// required ones, and with `optional` also the optional ones.
    fn named_keys(content: &Content, optional: bool, key: &mut dyn FnMut(&[&str])) {
        let q = &content.questionnaire;
        for fixed in ["opt.yes", "opt.no", "opt.not_sure", "opt.prefer_not", "country.other"] {
            key(&[fixed]);
        }
        for module in q.modules.iter() {
            key(&["module.", &module.id]);
        }
        for question in q.questions.iter() {
            key(&["q.", &question.id]);
            key(&["q.", &question.id, ".them"]);
            if optional {
                key(&["q.", &question.id, ".hint"]);
            }
            if matches!(question.kind, Kind::Single | Kind::Multi) {
                for option in question.options.iter() {
                    key(&["q.", &question.id, ".", option]);
                    if optional {
                        key(&["q.", &question.id, ".", option, ".them"]);
                    }
                }
            }
        }
        for indicator in q.indicators.iter() {
            key(&["ind.", &indicator.id]);
        }
        for flag in q.job_offer.flags.iter() {
            key(&["flag.", &flag.indicator, ".check"]);
        }
        for entry in content.directory.entries.iter() {
            for (right, _) in entry.rights.iter() {
                key(&[right]);
            }
        }
        for code in countries() {
            key(&["country.", code]);
        }
        for dimension in super::content::Dimension::ALL {
            key(&["dim.", dimension.id()]);
        }
        for level in super::Level::ALL {
            key(&["level.", level.id(), ".title"]);
            key(&["level.", level.id(), ".body"]);
        }
        for frame in q.frames.iter() {
            for part in [".title", ".body", ".next", ".why"] {
                key(&["frame.", &frame.id, part]);
            }
            if optional {
                key(&["frame.", &frame.id, ".next.them"]);
            }
        }
        if optional {
            // Each entry's name in other languages, and each number's note.
            for entry in content.directory.entries.iter() {
                key(&["name.", &entry.id]);
                for (i, contact) in entry.contacts.iter().enumerate() {
                    if let Contact::Voice(_) | Contact::Sms(_) | Contact::Whatsapp(_) | Contact::Viber(_) = contact {
                        key(&["note.", &entry.id, ".", &super::decimal(i as u64)]);
                    }
                }
            }
            for code in super::directory::COUNTRY_CODES.split(' ') {
                key(&["country.", code]);
            }
            for day in super::directory::DAYS {
                key(&["day.", day]);
            }
            for kind in super::read::CONTACT_KINDS {
                key(&["ref.contact.", kind]);
            }
            for (service, _) in super::read::SERVICES {
                key(&["ref.service.", service]);
            }
            for (audience, _) in super::read::AUDIENCES {
                key(&["ref.audience.", audience]);
            }
            for entry in content.directory.entries.iter() {
                for language in entry.languages.iter() {
                    key(&["lang.", language]);
                }
            }
        }
    }

    pub fn validate_against(&self, content: &Content, problems: &mut Vec<Problem>) {
        let Some(source) = self.source() else {
            problems.push(Problem::new("catalogs", "there is no English (en) catalog, the source of every translation"));
            return;
        };
        for key in Self::required_keys(content) {
            if source.get(&key).is_none() {
                problems.push(Problem::new(format!("catalogs/{SOURCE_LANG}"), format!("missing text \"{key}\"")));
            }
        }
        for catalog in self.languages.iter() {
            let at = format!("catalogs/{}", catalog.meta.lang);
            if catalog.meta.name.is_empty() || catalog.meta.status.is_empty() {
                problems.push(Problem::new(&at, "_meta needs a name and a status (draft or reviewed)"));
            }
            if !["ltr", "rtl"].contains(&&*catalog.meta.dir) {
                problems.push(Problem::new(&at, "_meta.dir must be ltr or rtl"));
            }
            if catalog.meta.lang == SOURCE_LANG {
                continue;
            }
            for (key, _) in source.messages.iter().filter(|(k, _)| !k.contains('#')) {
                if catalog.get(key).is_none() {
                    problems.push(Problem::new(&at, format!("missing text \"{key}\"")));
                }
            }
            for (key, text) in catalog.messages.iter().filter(|(k, _)| !k.contains('#')) {
                match source.get(key) {
                    None => problems.push(Problem::new(&at, format!("\"{key}\" is not a key of the English catalog"))),
                    Some(english) if placeholders(english) != placeholders(text) => problems.push(Problem::new(
                        &at,
                        format!("\"{key}\" must use the placeholders {}", super::quoted_list(&placeholders(english))),
                    )),
                    _ => {}
                }
            }
        }
        self.validate_plurals(source, problems);
    }
}

impl Directory {
    pub fn validate_against(&self, content: &Content, problems: &mut Vec<Problem>) {
        let mut langs = BTreeSet::new();
        langs.extend(content.catalogs.languages.iter().map(|c| c.lang()));
        for entry in self.entries.iter() {
            if entry.has_unknown_catalog_note(|key| content.catalogs.has(key)) {
                problems.push(Problem::new(format!("entry \"{}\"", entry.id), UNKNOWN_CATALOG_NOTE));
            }
            for contact in entry.contacts.iter() {
                if let Contact::Voice(n) | Contact::Sms(n) | Contact::Whatsapp(n) | Contact::Viber(n) = contact {
                    for (lang, _) in n.note.iter().filter(|(lang, _)| lang != CATALOG_NOTE) {
                        if !langs.contains(lang.as_ref()) {
                            problems.push(Problem::new(format!("entry \"{}\"", entry.id), format!("a note is in \"{lang}\", which has no catalog")));
                        }
                    }
                }
            }
        }
    }
}

fn parse_or_default<T: Default + serde::de::DeserializeOwned>((name, text): (&str, &str), problems: &mut Vec<Problem>) -> T {
    serde_json::from_str(text).unwrap_or_else(|error| {
        problems.push(json_problem(name, &error));
        T::default()
    })
}

/// Ids are lower-case ASCII letters, digits and `_`, so they are safe as
/// keys, classes and test names.
pub(crate) fn check_id(id: &str, at: &str, problems: &mut Vec<Problem>) {
    let valid = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !valid {
        problems.push(Problem::new(at, format!("\"{}\" is not a valid id (a-z, 0-9 and _, at most 64)", truncate(id, 80))));
    }
}

/// Searches for answers that make a condition true. Conditions are small, so
/// trying every option of the questions they name is cheap; a condition too
/// large to search is given the benefit of the doubt.
fn can_be_true(cond: &Condition, content: &Content) -> bool {
    let mut questions: Vec<(&str, Vec<Answer>)> = Vec::new();
    for (qid, _) in cond.leaves() {
        if questions.iter().any(|(q, _)| *q == qid) {
            continue;
        }
        let Some(question) = content.question(qid) else { return false };
        let options = content.options_of(question);
        let answers = if question.kind.multiple() {
            options.iter().map(|o| Answer::Choices(vec![o.to_string()])).collect()
        } else {
            options.iter().map(|o| Answer::Choice(o.to_string())).collect()
        };
        questions.push((qid, answers));
    }
    let n_combinations: usize = questions.iter().map(|(_, a)| a.len() + 1).product();
    if n_combinations > 200_000 {
        return true;
    }
    for mut n in 0..n_combinations {
        let mut answers = Answers::new();
        for (qid, options) in &questions {
            let pick = n % (options.len() + 1);
            n /= options.len() + 1;
            if pick < options.len() {
                answers.insert(qid.to_string(), options[pick].clone());
            }
        }
        if cond.evaluate(&answers) == Truth::True {
            return true;
        }
    }
    false
}
