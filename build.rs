//! Compiles the built-in content into the program.
//!
//! Loads every content file under `src/data/` with the engine's own loader
//! (the same code that checks a partner's files), fails the build on any
//! problem with its location, and writes the checked content, less the
//! fields only reviewers read, as Rust statics to `$OUT_DIR/content.rs`:
//! each catalog as one text (its keys, where the content names them, as
//! one bit each), and the questionnaire, the ILO/EC list and the
//! directory as one text and a list of small numbers (see `Code`). When it
//! starts, the widget reads those numbers into the model's types once, the
//! texts borrowed where they lie in the module: nothing is parsed as JSON,
//! no text is copied.

use std::path::Path;

use databake::{Bake, CrateEnv};
use putokaz_engine::catalog::{Catalogs, SOURCE_LANG};
use putokaz_engine::condition::Condition;
use putokaz_engine::content::{IloEc, Questionnaire};
use putokaz_engine::directory::{Contact, Entry};

#[path = "src/source.rs"]
#[allow(dead_code)]
mod source;

fn main() {
    println!("cargo::rerun-if-changed=src/data");
    println!("cargo::rerun-if-changed=src/source.rs");
    let (mut content, problems) = source::load();
    content.check = None;
    if !problems.is_empty() {
        eprintln!("The built-in content has {} problem(s):", problems.len());
        for problem in &problems {
            eprintln!("  {problem}");
        }
        std::process::exit(1);
    }
    // Serbian Cyrillic is made from the Latin catalog when the program
    // starts (a few hundred bytes of code instead of a second catalog).
    content.catalogs.languages.to_mut().retain(|c| c.lang() != "sr-Cyrl");
    let mut compiled = content.without_reviewer_fields();
    // The catalogs are most of the bytes. As statics, every message would be
    // a pair of pointers, which compress badly (about 9 KB gzipped more than
    // the text); so each language's messages are one text, separated by
    // NUL, in the order of one shared list of keys.
    let mut catalogs = std::mem::take(&mut compiled.catalogs);
    // Only English, the source and fallback, is compiled in; every other
    // language is a pack of its own (see `Catalog::to_pack`), which the
    // loader fetches for the languages a page offers. build.rs writes them
    // to $OUT_DIR/packs, where .ci/build finds them, with a list of the
    // languages each pack gives (Serbian Latin also gives Cyrillic, made
    // from it when it is added); the native program compiles them in.
    let packs_dir = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("packs");
    let _ = std::fs::remove_dir_all(&packs_dir);
    std::fs::create_dir_all(&packs_dir).expect("cannot create $OUT_DIR/packs");
    let mut all_keys: Vec<putokaz_engine::Text> = catalogs.languages.iter().flat_map(|c| c.messages.iter().map(|(k, _)| k.clone())).collect();
    all_keys.sort_unstable();
    all_keys.dedup();
    // The text check's texts (`check.*`) travel in the check packs, with its
    // rules and minimum wages, fetched only by pages that offer the check.
    let check_packs = check_packs(&catalogs, &packs_dir);
    all_keys.retain(|key| !key.starts_with("check."));
    let mut packs = Vec::new();
    let mut pack_list = String::new();
    for catalog in catalogs.languages.iter().filter(|c| c.lang() != SOURCE_LANG) {
        let file = format!("putokaz.{}.txt", catalog.lang());
        let pack = catalog.to_pack(&all_keys);
        std::fs::write(packs_dir.join(&file), &pack).expect("cannot write a language pack");
        pack_list.push_str(&format!("{} {file}\n", catalog.lang()));
        if catalog.lang() == "sr-Latn" {
            pack_list.push_str(&format!("sr-Cyrl {file}\n"));
        }
        packs.push(format!("{pack:?}"));
    }
    // English's country names and notes of phone numbers are a pack of
    // their own too, as every other language's are part of its pack: the
    // core carries none (about 1.7 KB gzipped), and pages that offer English
    // fetch them as they load. Only English readers see them.
    catalogs.languages.to_mut().retain(|c| c.lang() == SOURCE_LANG);
    let english = &mut catalogs.languages.to_mut()[0];
    let mut names = english.clone();
    let in_pack = |key: &str| key.starts_with("country.") || key.starts_with("note.");
    names.messages.to_mut().retain(|(key, _)| in_pack(key));
    english.messages.to_mut().retain(|(key, _)| !in_pack(key));
    let pack = names.to_pack(&all_keys);
    std::fs::write(packs_dir.join("putokaz.en.txt"), &pack).expect("cannot write a language pack");
    pack_list.push_str("en putokaz.en.txt\n");
    packs.push(format!("{pack:?}"));
    std::fs::write(packs_dir.join("languages"), pack_list).expect("cannot write the list of language packs");
    let keys: Vec<&str> = all_keys.iter().map(|k| &**k).collect();
    // Most keys are named by the content (`q.<question>.<option>`,
    // `ind.<indicator>`, `country.<code>`...): of the keys the engine derives
    // from it, in their order, one bit says which the catalogs have; only
    // the other keys are written out (about 3 KB gzipped less).
    let derivable = Catalogs::derivable_keys(&compiled);
    let mut key_bits = vec![0u8; derivable.len().div_ceil(8)];
    for (i, key) in derivable.iter().enumerate() {
        if keys.binary_search(&key.as_str()).is_ok() {
            key_bits[i / 8] |= 1 << (i % 8);
        }
    }
    let other_keys: Vec<&str> = keys.iter().copied().filter(|key| !derivable.iter().any(|k| k == key)).collect();
    let env = CrateEnv::default();
    let tables: Vec<String> = catalogs
        .languages
        .iter()
        .map(|catalog| {
            let texts: Vec<&str> = keys.iter().map(|key| catalog.get(key).unwrap_or("\u{1}")).collect();
            format!("({}, {:?})", catalog.meta.bake(&env), texts.join("\0"))
        })
        .collect();
    // The questionnaire, the ILO/EC list and the directory, as statics,
    // would be mostly pointers (each text a tag, a pointer and a length):
    // instead their texts are one text, separated by NUL, and their
    // structure a list of small numbers (see `Code`), read into the model's
    // types, borrowing those texts, when the program starts.
    let mut code = Code { texts: Vec::new(), numbers: Vec::new() };
    code.questionnaire(&std::mem::take(&mut compiled.questionnaire));
    code.ilo_ec(&std::mem::take(&mut compiled.ilo_ec));
    let mut entries = std::mem::take(&mut compiled.directory).entries.into_owned();
    let emergency = emergency_lines(&mut entries);
    code.directory(&entries);
    let (texts, numbers) = code.finish();
    let code = compiled.bake(&env);
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    let text = format!(
        "// Generated by build.rs from src/data: do not edit.\n\
         /// The content; its catalogs are empty (see below).\n\
         pub static CONTENT: putokaz_engine::bundle::Content = {code};\n\
         /// Which of the keys `Catalogs::derivable_keys` names, in its order, the catalogs have: one bit each, the lowest first.\n\
         pub static KEY_BITS: &[u8] = &{key_bits:?};\n\
         /// The other message keys, sorted, separated by NUL.\n\
         pub static CATALOG_KEYS: &str = {other_keys:?};\n\
         /// Each language's meta and its messages, in the order of all keys (sorted), separated by NUL (U+0001: none).\n\
         pub static CATALOGS: &[(putokaz_engine::catalog::Meta, &str)] = &[{tables}];\n\
         /// The other languages, as packs (see `Catalog::to_pack`): in the native program only; the browser fetches them.\n\
         #[cfg(not(target_arch = \"wasm32\"))]\n\
         pub static PACKS: &[&str] = &[{packs}];\n\
         /// The check packs (see `Content::add_check_pack`), English first: in the native program only.\n\
         #[cfg(not(target_arch = \"wasm32\"))]\n\
         pub static CHECK_PACKS: &[&str] = &[{check_packs}];\n\
         /// The texts of the questionnaire, the ILO/EC list and the directory, separated by NUL.\n\
         pub static TEXTS: &str = {texts:?};\n\
         /// Their structure, as numbers (see `Code` in build.rs and `Reader` in src/builtin.rs).\n\
         pub static NUMBERS: &[u8] = &{numbers:?};\n\
         /// The numbers of the generated emergency entries after the last directory entry, a line for each country, separated by NUL (see `emergency_lines` in build.rs).\n\
         pub static EMERGENCY: &str = {emergency:?};\n\
         /// The content version: a hash of every file under src/data (see `content_version` in build.rs).\n\
         pub const CONTENT_VERSION: &str = {version:?};\n",
        version = content_version(),
        other_keys = other_keys.join("\0"),
        tables = tables.join(", "),
        packs = packs.join(", "),
        check_packs = check_packs.join(", "),
    );
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}

/// Writes a check pack for each language to `dir` (English's with the
/// rules and the minimum wages, less what only reviewers read), and the
/// list `dir/check` of the languages each gives; returns them as Rust
/// literals, English first.
fn check_packs(catalogs: &Catalogs, dir: &Path) -> Vec<String> {
    use serde_json::{json, Map, Value};
    let read = |(name, text): (&str, &str)| -> Value {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let mut rules = read(source::CHECK_RULES);
    let mut wages = read(source::CHECK_WAGES);
    let rules_map = rules.as_object_mut().expect("rules.json is an object");
    rules_map.remove("_meta");
    // Each rule's source is for reviewers (docs/METHODOLOGY.md lists them).
    for list in ["flags", "elements"] {
        for rule in rules_map.get_mut(list).and_then(Value::as_array_mut).into_iter().flatten() {
            rule.as_object_mut().expect("a rule is an object").remove("source");
        }
    }
    let wages = wages
        .as_object_mut()
        .expect("wages.json is an object")
        .remove("wages")
        .expect("wages.json has wages");
    let wages: Vec<Value> = wages
        .as_array()
        .expect("wages is a list")
        .iter()
        .map(|w| {
            let mut w = w.as_object().expect("a wage is an object").clone();
            for field in ["note", "source_kind", "hours_source", "checked"] {
                w.remove(field);
            }
            Value::Object(w)
        })
        .collect();
    let mut list = String::new();
    let mut out = Vec::new();
    let mut ordered: Vec<_> = catalogs.languages.iter().collect();
    ordered.sort_by_key(|c| c.lang() != SOURCE_LANG);
    for catalog in ordered {
        let text: Map<String, Value> = catalog
            .messages
            .iter()
            .filter(|(k, _)| k.starts_with("check."))
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect();
        let mut pack = json!({"lang": catalog.lang(), "text": text});
        if catalog.lang() == SOURCE_LANG {
            pack["rules"] = rules.clone();
            pack["wages"] = json!({"wages": wages});
        }
        let pack = serde_json::to_string(&pack).expect("a pack is JSON");
        let file = format!("putokaz.check.{}.txt", catalog.lang());
        std::fs::write(dir.join(&file), &pack).expect("cannot write a check pack");
        list.push_str(&format!("{} {file}\n", catalog.lang()));
        if catalog.lang() == "sr-Latn" {
            list.push_str(&format!("sr-Cyrl {file}\n"));
        }
        out.push(format!("{pack:?}"));
    }
    std::fs::write(dir.join("check"), list).expect("cannot write the list of check packs");
    out
}

/// The generated emergency entries (`src/data/referrals/emergency.json`,
/// about 230, one per country), taken off the end of the directory. Encoded
/// like the others they would cost 3.4 KB gzipped; they differ only in their
/// country and numbers, so the first stays in the directory and the others
/// are one line each, `112 110p 116a 118f 119pf` (a number and the first
/// letters of the `ref.for.` catalog text its note names: `119pf` is
/// `ref.for.police_fire`), a line for every country of
/// `COUNTRY_CODES` in its order (empty for a country without one: 0.4 KB
/// gzipped less than writing the country). The widget makes the entries
/// from the lines and the first (see `emergency` in src/builtin.rs).
fn emergency_lines(entries: &mut Vec<Entry>) -> String {
    let generated = |e: &Entry| e.emergency && e.id == format!("{}-emergency", e.country.to_lowercase());
    // The tail of entries that look generated: the file comes last.
    let first = entries.iter().rposition(|e| !generated(e)).map_or(0, |i| i + 1);
    if first == entries.len() {
        return String::new();
    }
    let template = entries[first].clone();
    let mut rest = entries.drain(first + 1..).peekable();
    let mut lines = Vec::new();
    for code in putokaz_engine::directory::COUNTRY_CODES.split(' ') {
        let mut numbers = Vec::new();
        if let Some(entry) = rest.next_if(|e| e.country == code) {
            for contact in entry.contacts.iter() {
                let label = match contact {
                    Contact::Voice(n) if n.display == n.number => match &n.note[..] {
                        [] => Some(String::new()),
                        [(lang, key)] if lang == "catalog" => key.strip_prefix("ref.for.").and_then(|services| {
                            services.split('_').map(|s| ["police", "ambulance", "fire"].contains(&s).then(|| &s[..1])).collect::<Option<String>>()
                        }),
                        _ => None,
                    },
                    _ => None,
                };
                match (contact, label) {
                    (Contact::Voice(n), Some(label)) => numbers.push(format!("{}{label}", n.number)),
                    _ => panic!("{}: a generated emergency entry has only voice numbers, shown as they are dialled, each with no note or a `ref.for.` catalog text of police, ambulance and fire", entry.id),
                }
            }
            let made = Entry { id: entry.id.clone(), country: entry.country.clone(), contacts: entry.contacts.clone(), ..template.clone() };
            assert!(generated(&entry) && made == entry, "{}: the generated emergency entries differ only in their country and numbers", entry.id);
        }
        lines.push(numbers.join(" "));
    }
    if let Some(entry) = rest.next() {
        panic!("{}: the generated emergency entries come last, one per country, in alphabetical order", entry.id);
    }
    lines.join("\0")
}

/// The content as a list of numbers, and the texts they name (by their
/// place in the list of texts, each once; see `Code::text`). `src/builtin.rs` reads them back
/// in the same order, field by field as the model's types declare them: a
/// list is its length and its items, an option 0 (none) or 1 and its value,
/// a variant its number, a text as `Code::text` says (an optional text: none 0,
/// else the text's number + 1).
struct Code {
    texts: Vec<String>,
    numbers: Vec<u16>,
}

impl Code {
    fn n(&mut self, n: usize) {
        self.numbers.push(u16::try_from(n).expect("the content fits 15-bit numbers"));
    }
    fn text(&mut self, text: &str) {
        assert!(!text.contains('\0'), "a text of the content contains NUL");
        // The texts are in the order of their first use: a text used for
        // the first time is always the next one, written 0 (most texts are
        // used once, so most text numbers are 0), and one used before is
        // its place + 1.
        match self.texts.iter().position(|t| t == text) {
            Some(i) => self.n(i + 1),
            None => {
                self.texts.push(text.to_string());
                self.n(0);
            }
        }
    }
    fn texts<T: AsRef<str>>(&mut self, texts: &[T]) {
        self.n(texts.len());
        for text in texts {
            self.text(text.as_ref());
        }
    }
    fn pairs<T: AsRef<str>>(&mut self, pairs: &[(T, T)]) {
        self.n(pairs.len());
        for (key, value) in pairs {
            self.text(key.as_ref());
            self.text(value.as_ref());
        }
    }
    fn option_text<T: AsRef<str>>(&mut self, text: &Option<T>) {
        match text {
            None => self.n(0),
            Some(text) => {
                self.text(text.as_ref());
                *self.numbers.last_mut().unwrap() += 1;
            }
        }
    }
    fn condition(&mut self, condition: &Condition) {
        match condition {
            Condition::Yes(q) => {
                self.n(0);
                self.text(q);
            }
            Condition::Answer { q, options } => {
                self.n(1);
                self.text(q);
                self.texts(options);
            }
            Condition::All(parts) | Condition::Any(parts) | Condition::Not(parts) => {
                self.n(match condition {
                    Condition::All(_) => 2,
                    Condition::Any(_) => 3,
                    _ => 4,
                });
                self.n(parts.len());
                for part in parts.iter() {
                    self.condition(part);
                }
            }
        }
    }
    fn option_condition(&mut self, condition: &Option<Condition>) {
        self.n(condition.is_some() as usize);
        if let Some(condition) = condition {
            self.condition(condition);
        }
    }

    fn questionnaire(&mut self, q: &Questionnaire) {
        self.text(&q.version);
        self.n(q.modules.len());
        for module in q.modules.iter() {
            self.text(&module.id);
            self.n(module.modes.len());
            for mode in module.modes.iter() {
                self.n(*mode as usize);
            }
            self.option_condition(&module.show_if);
            self.n(module.sensitive as usize);
        }
        self.n(q.questions.len());
        for question in q.questions.iter() {
            self.text(&question.id);
            self.text(&question.module);
            self.n(question.kind as usize);
            self.texts(&question.options);
            self.n(question.role.map_or(0, |r| r as usize + 1));
            self.option_condition(&question.show_if);
            self.texts(&question.exclusive);
            self.texts(&question.assume);
        }
        self.n(q.indicators.len());
        for indicator in q.indicators.iter() {
            self.text(&indicator.id);
            self.n(indicator.element as usize);
            self.condition(&indicator.fires_if);
            self.texts(&indicator.ilo_ec);
            self.n(indicator.urgent as usize);
            self.n(indicator.child_exploitation as usize);
            self.n(indicator.grave_purpose as usize);
            self.n(indicator.sexual as usize);
            self.n(indicator.discreet as usize);
            let sources = &indicator.sources;
            self.n(sources.ilo_forced_labour.len());
            for n in sources.ilo_forced_labour.iter() {
                self.n(*n as usize);
            }
            self.texts(&sources.unodc);
            self.texts(&sources.penal_code_rs);
            self.texts(&sources.other);
        }
        let job_offer = &q.job_offer;
        self.n(job_offer.validated as usize);
        self.n(job_offer.flags.len());
        for flag in job_offer.flags.iter() {
            self.text(&flag.indicator);
            self.n(flag.weight as usize);
        }
        self.n(job_offer.bands.len());
        for band in job_offer.bands.iter() {
            self.n(band.min_score as usize);
            self.n(band.level as usize);
        }
        self.n(q.frames.len());
        for frame in q.frames.iter() {
            self.text(&frame.id);
            self.condition(&frame.applies_if);
            self.n(frame.unless_elements.len());
            for element in frame.unless_elements.iter() {
                self.n(*element as usize);
            }
            self.n(frame.max_level as usize);
            self.texts(&frame.services_first);
        }
    }

    fn ilo_ec(&mut self, ilo: &IloEc) {
        self.text(&ilo.source);
        self.text(&ilo.note);
        self.n(ilo.indicators.len());
        for item in ilo.indicators.iter() {
            self.text(&item.id);
            self.n(item.dimension as usize);
            self.text(&item.label);
            self.n(item.grades.len());
            for (set, grade) in item.grades.iter() {
                self.n(*set as usize);
                self.n(*grade as usize);
            }
        }
    }

    fn directory(&mut self, entries: &[Entry]) {
        self.n(entries.len());
        for entry in entries {
            self.text(&entry.id);
            self.pairs(&entry.name);
            self.text(&entry.country);
            self.texts(&entry.works_in);
            self.option_text(&entry.area_name);
            self.n(entry.contacts.len());
            for contact in entry.contacts.iter() {
                match contact {
                    Contact::Voice(n) | Contact::Sms(n) | Contact::Whatsapp(n) | Contact::Viber(n) => {
                        self.n(match contact {
                            Contact::Voice(_) => 0,
                            Contact::Sms(_) => 1,
                            Contact::Whatsapp(_) => 2,
                            _ => 3,
                        });
                        self.text(&n.number);
                        self.text(&n.display);
                        self.pairs(&n.note);
                    }
                    Contact::Email { address } => {
                        self.n(4);
                        self.text(address);
                    }
                    Contact::Web { url } => {
                        self.n(5);
                        self.text(url);
                    }
                }
            }
            self.n(entry.hours.is_some() as usize);
            if let Some(hours) = &entry.hours {
                self.n(hours.always as usize);
                self.text(&hours.tz);
                self.n(hours.weekly.len());
                for slot in hours.weekly.iter() {
                    self.texts(&slot.days);
                    self.text(&slot.open);
                    self.text(&slot.close);
                }
            }
            self.texts(&entry.languages);
            self.n(entry.services.len());
            for service in entry.services.iter() {
                self.n(*service as usize);
            }
            self.n(entry.audience.len());
            for audience in entry.audience.iter() {
                self.n(*audience as usize);
            }
            self.n(entry.emergency as usize);
            self.texts(&entry.sources);
            self.text(&entry.last_verified);
            self.option_text(&entry.source_date);
            self.n(entry.confidence as usize);
            self.text(&entry.notes);
            self.pairs(&entry.rights);
        }
    }

    /// The texts, separated by NUL, and the numbers: one byte for a number
    /// below 128, else two (the first with its top bit set).
    fn finish(self) -> (String, Vec<u8>) {
        let mut bytes = Vec::new();
        for n in self.numbers {
            if n < 0x80 {
                bytes.push(n as u8);
            } else {
                assert!(n < 0x8000, "the content fits 15-bit numbers");
                bytes.extend([0x80 | (n >> 8) as u8, n as u8]);
            }
        }
        (self.texts.join("\0"), bytes)
    }
}

/// The content version: the first 8 hex digits of a 64-bit FNV-1a hash of
/// every file under src/data (its path from there, a NUL, its bytes without
/// carriage returns, a NUL), in the order of their paths. Any change to a
/// question, rule, text or service gives a new one; the print view and
/// `putokaz version` show it, so a printed list can be traced to its content
/// (CHANGELOG.md names it for each release).
fn content_version() -> String {
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("cannot read src/data") {
            let path = entry.expect("cannot read src/data").path();
            if path.is_dir() {
                files(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let root = Path::new("src/data");
    let mut paths = Vec::new();
    files(root, &mut paths);
    let mut names: Vec<(String, std::path::PathBuf)> = paths
        .into_iter()
        .map(|p| (p.strip_prefix(root).expect("under src/data").to_string_lossy().replace('\\', "/"), p))
        .collect();
    names.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (name, path) in &names {
        add(name.as_bytes());
        add(&[0]);
        let bytes = std::fs::read(path).expect("cannot read a file under src/data");
        let text: Vec<u8> = bytes.into_iter().filter(|&b| b != b'\r').collect();
        add(&text);
        add(&[0]);
    }
    format!("{:08x}", hash >> 32)
}
