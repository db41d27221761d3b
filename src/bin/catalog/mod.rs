//! `putokaz catalog`: the review workflow for native-speaker translators.
//! A language's hand-written catalog files go out as one gettext PO file
//! (`export`), which a translator opens in Poedit, Weblate or a text editor,
//! and come back (`import`), checked entry by entry, with each string the
//! translator unticked "fuzzy" for recorded as reviewed in the language's
//! `status.json`. `status` counts reviewed, changed and draft strings.
//!
//! Each plural form is an entry of its own (`msgctxt "key#few"`), with the
//! numbers CLDR names for its category in a comment; the PO file has no
//! `Plural-Forms`, so no tool needs to know the language's plural rules.

mod po;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use po::Entry;
use putokaz::engine::catalog::{placeholders, SOURCE_LANG};
use putokaz::engine::directory::has_hidden_controls;

/// The zero-width non-joiner and joiner are spelling, not hidden controls:
/// Persian writes its half-space with the first (می‌شود), Indic scripts use
/// both; neither can reorder or hide text, so a translation may use them.
const JOINERS: [char; 2] = ['\u{200c}', '\u{200d}'];
use putokaz::engine::plural;
use putokaz::engine::time::{self, is_date};
use putokaz::engine::{builtin, Content};
use serde::Deserialize;

const USAGE: &str = "\
  putokaz catalog export --lang L [--out FILE] [--root DIR]
      Write a language's texts as a PO file for translators (Poedit, Weblate).
  putokaz catalog import FILE [--by \"Name, Organisation\"] [--check] [--root DIR]
      Check a translated PO file and write its texts into the catalog; entries
      without \"fuzzy\" are recorded as reviewed. --check only checks.
  putokaz catalog status [--root DIR]
      Reviewed, changed and draft strings of every language.
  --root is the Putokaz folder (default: the current folder).";

pub fn usage() -> &'static str {
    USAGE
}

/// Runs `putokaz catalog …`; `Ok(false)` when the file has problems.
pub fn run(args: &[String]) -> Result<bool, String> {
    let (command, rest) = args.split_first().ok_or("catalog needs a command: export, import or status")?;
    let mut root = PathBuf::from(".");
    let (mut lang, mut out, mut by, mut check, mut file) = (None, None, None, false, None);
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().cloned().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--root" => root = PathBuf::from(value()?),
            "--lang" => lang = Some(value()?),
            "--out" => out = Some(value()?),
            "--by" => by = Some(value()?),
            "--check" => check = true,
            other if !other.starts_with("--") && file.is_none() => file = Some(other.to_string()),
            other => return Err(format!("unknown option \"{other}\"")),
        }
    }
    let project = Project::open(&root)?;
    match command.as_str() {
        "export" => {
            let lang = lang.ok_or("export needs --lang")?;
            let text = project.export(&lang)?;
            match out {
                Some(path) => std::fs::write(&path, text).map_err(|e| format!("cannot write {path}: {e}"))?,
                None => print!("{text}"),
            }
            Ok(true)
        }
        "import" => {
            let path = file.ok_or("import needs a PO file")?;
            let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
            match project.import(&path, &text, by.as_deref(), check)? {
                Ok(report) => {
                    println!("{report}");
                    Ok(true)
                }
                Err(problems) => {
                    for (line, problem) in problems {
                        // Line 0: a problem of the catalog as a whole, which the engine found.
                        if line == 0 {
                            println!("{path}: {problem}");
                        } else {
                            println!("{path}:{line}: {problem}");
                        }
                    }
                    Ok(false)
                }
            }
        }
        "status" => {
            print!("{}", project.status_table()?);
            Ok(true)
        }
        other => Err(format!("unknown catalog command \"{other}\"")),
    }
}

/// A catalog file as written: `_meta`, then messages in order.
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Str(String),
    Obj(Vec<(String, Json)>),
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Json;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or an object of strings")
            }
            fn visit_str<E>(self, v: &str) -> Result<Json, E> {
                Ok(Json::Str(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut out = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Json>()? {
                    out.push((key, value));
                }
                Ok(Json::Obj(out))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Json {
    /// Pretty JSON as the catalogs are written: two spaces, UTF-8 as it is.
    fn write(&self, indent: usize) -> String {
        match self {
            Json::Str(text) => serde_json::to_string(text).unwrap_or_default(),
            Json::Obj(items) if items.is_empty() => "{}".into(),
            Json::Obj(items) => {
                let pad = " ".repeat(indent + 2);
                let body: Vec<String> = items
                    .iter()
                    .map(|(k, v)| format!("{pad}{}: {}", serde_json::to_string(k).unwrap_or_default(), v.write(indent + 2)))
                    .collect();
                format!("{{\n{}\n{}}}", body.join(",\n"), " ".repeat(indent))
            }
        }
    }

    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(items) => items.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            Json::Str(_) => None,
        }
    }

    fn str(&self) -> &str {
        match self {
            Json::Str(text) => text,
            Json::Obj(_) => "",
        }
    }
}

/// One hand-written catalog file: its `_meta` and its messages, in order.
struct CatalogFile {
    meta: Json,
    messages: Vec<(String, String)>,
}

fn read_catalog(path: &Path) -> Result<CatalogFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let json: Json = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let Json::Obj(items) = json else { return Err(format!("{}: not an object", path.display())) };
    let mut meta = Json::Obj(vec![]);
    let mut messages = Vec::new();
    for (key, value) in items {
        match value {
            Json::Str(text) => messages.push((key, text)),
            obj if key == "_meta" => meta = obj,
            _ => return Err(format!("{}: \"{key}\" is not a string", path.display())),
        }
    }
    Ok(CatalogFile { meta, messages })
}

fn write_catalog(file: &CatalogFile) -> String {
    let mut items = vec![("_meta".to_string(), file.meta.clone())];
    items.extend(file.messages.iter().map(|(k, v)| (k.clone(), Json::Str(v.clone()))));
    format!("{}\n", Json::Obj(items).write(0))
}

/// `status.json` of a language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    pub drafted: Drafted,
    #[serde(default)]
    pub reviewed: BTreeMap<String, Review>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drafted {
    pub by: String,
    pub on: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub by: String,
    pub on: String,
    pub source: String,
}

/// One string a translator sees: a key of the language (each plural form
/// its own), the file English keeps it in, and its English text (for a
/// plural form English lacks, English `other`).
struct Unit {
    key: String,
    file: String,
    english: String,
    category: Option<plural::Category>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum State {
    Reviewed,
    Changed,
    Draft,
}

struct Project {
    root: PathBuf,
    /// Each language of `source::CATALOGS` with its hand-written files (not `cldr.json`).
    languages: Vec<(String, Vec<String>)>,
}

impl Project {
    fn open(root: &Path) -> Result<Project, String> {
        let mut languages: Vec<(String, Vec<String>)> = Vec::new();
        for (lang, (path, _)) in putokaz::source::CATALOGS {
            let name = path.rsplit('/').next().unwrap_or(path);
            if name == "cldr.json" {
                continue;
            }
            match languages.iter_mut().find(|(l, _)| l == lang) {
                Some((_, files)) => files.push(name.to_string()),
                None => languages.push((lang.to_string(), vec![name.to_string()])),
            }
        }
        let project = Project { root: root.to_path_buf(), languages };
        if !project.dir(SOURCE_LANG).join("ui.json").exists() {
            return Err(format!("{} has no src/data/catalogs/en: run this in the Putokaz folder or give --root", root.display()));
        }
        Ok(project)
    }

    fn dir(&self, lang: &str) -> PathBuf {
        self.root.join("src/data/catalogs").join(lang)
    }

    fn relative(&self, lang: &str, file: &str) -> String {
        format!("src/data/catalogs/{lang}/{file}")
    }

    fn files(&self, lang: &str) -> Result<&[String], String> {
        let known: Vec<&str> = self.languages.iter().filter(|(l, _)| l != SOURCE_LANG).map(|(l, _)| l.as_str()).collect();
        match self.languages.iter().find(|(l, _)| l == lang) {
            Some((_, files)) if lang != SOURCE_LANG => Ok(files),
            _ => Err(format!("no catalog to translate for \"{lang}\" (languages: {})", known.join(", "))),
        }
    }

    /// Every string of a language, in the order of the English files.
    fn units(&self, lang: &str) -> Result<Vec<Unit>, String> {
        let categories = plural::categories(lang).unwrap_or_else(|| vec![plural::Category::Other]);
        let mut units = Vec::new();
        for file in self.files(lang)? {
            let english = read_catalog(&self.dir(SOURCE_LANG).join(file))?;
            let text = |key: &str| english.messages.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
            let mut seen = Vec::new();
            for (key, value) in &english.messages {
                let Some((message, _)) = key.split_once('#') else {
                    units.push(Unit { key: key.clone(), file: file.clone(), english: value.clone(), category: None });
                    continue;
                };
                if seen.contains(&message) {
                    continue;
                }
                seen.push(message);
                for category in &categories {
                    let form = format!("{message}#{}", category.id());
                    let english = text(&form).or_else(|| text(&format!("{message}#other"))).unwrap_or_default();
                    units.push(Unit { key: form, file: file.clone(), english, category: Some(*category) });
                }
            }
        }
        Ok(units)
    }

    fn texts(&self, lang: &str) -> Result<BTreeMap<String, String>, String> {
        let mut out = BTreeMap::new();
        for file in self.files(lang)? {
            let path = self.dir(lang).join(file);
            if path.exists() {
                out.extend(read_catalog(&path)?.messages);
            }
        }
        Ok(out)
    }

    fn status(&self, lang: &str) -> Result<Option<Status>, String> {
        let path = self.dir(lang).join("status.json");
        if !path.exists() {
            return Ok(None);
        }
        let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_str(&text).map(Some).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn export(&self, lang: &str) -> Result<String, String> {
        let units = self.units(lang)?;
        let texts = self.texts(lang)?;
        let status = self.status(lang)?;
        let english = self.english_texts()?;
        let name = self.meta_name(lang)?;
        let mut out = format!(
            "# Putokaz: {name} ({lang}), the texts of the screening widget.\n\
             # Translate each msgstr; keep every {{placeholder}} as it is.\n\
             # \"Fuzzy\" (Poedit: \"Needs work\") marks a text no native speaker has\n\
             # reviewed yet, or whose English changed since. Untick it only when you,\n\
             # a native speaker, have reviewed the text: that is recorded with your\n\
             # name. Each plural form is an entry of its own (msgctxt \"key#few\"),\n\
             # so this file has no Plural-Forms header. See docs/TRANSLATING.md.\n\
             msgid \"\"\n\
             msgstr \"\"\n\
             \"Project-Id-Version: Putokaz\\n\"\n\
             \"PO-Revision-Date: \\n\"\n\
             \"Last-Translator: \\n\"\n\
             \"Language-Team: \\n\"\n\
             \"Language: {}\\n\"\n\
             \"MIME-Version: 1.0\\n\"\n\
             \"Content-Type: text/plain; charset=UTF-8\\n\"\n\
             \"Content-Transfer-Encoding: 8bit\\n\"\n\
             \"X-Putokaz-Language: {lang}\\n\"\n",
            lang.replace('-', "_"),
        );
        for unit in &units {
            let state = state(status.as_ref(), &unit.key, &unit.english);
            let mut entry = Entry {
                extracted: describe(unit, lang, &english),
                references: vec![self.relative(lang, &unit.file)],
                msgctxt: Some(unit.key.clone()),
                msgid: unit.english.clone(),
                msgstr: texts.get(&unit.key).cloned().unwrap_or_default(),
                ..Entry::default()
            };
            if state != State::Reviewed {
                entry.flags.push("fuzzy".into());
            }
            if state == State::Changed {
                let review = &status.as_ref().map(|s| &s.reviewed[&unit.key]);
                if let Some(review) = review {
                    entry.comments.push(format!("The English changed since {} reviewed this on {}; it read:", review.by, review.on));
                    entry.comments.push(review.source.replace('\n', " "));
                }
            }
            out.push('\n');
            out += &po::write_entry(&entry);
        }
        Ok(out)
    }

    fn english_texts(&self) -> Result<BTreeMap<String, String>, String> {
        let mut out = BTreeMap::new();
        for file in ["content.json", "ui.json", "check.json"] {
            out.extend(read_catalog(&self.dir(SOURCE_LANG).join(file))?.messages);
        }
        Ok(out)
    }

    fn meta_name(&self, lang: &str) -> Result<String, String> {
        let first = self.files(lang)?.first().cloned().unwrap_or_default();
        let file = read_catalog(&self.dir(lang).join(first))?;
        Ok(file.meta.get("name").map(Json::str).unwrap_or_default().to_string())
    }

    /// Checks a PO file and, unless `check_only`, writes it: the report,
    /// or every problem as `(line, "key: what is wrong")`.
    #[allow(clippy::type_complexity)]
    fn import(&self, path: &str, text: &str, by: Option<&str>, check_only: bool) -> Result<Result<String, Vec<(usize, String)>>, String> {
        let entries = match po::parse(text) {
            Ok(entries) => entries,
            Err(problem) => return Ok(Err(vec![problem])),
        };
        let mut problems: Vec<(usize, String)> = Vec::new();
        let header = entries.iter().find(|e| e.msgid.is_empty() && e.msgctxt.is_none());
        let field = |name: &str| {
            header.and_then(|h| h.msgstr.lines().find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(':')).map(|v| v.trim().to_string())))
        };
        let lang = field("X-Putokaz-Language").or_else(|| field("Language").map(|l| l.replace('_', "-"))).unwrap_or_default();
        let units = match self.units(&lang) {
            Ok(units) => units,
            Err(e) => return Ok(Err(vec![(header.map_or(1, |h| h.line), format!("header: {e}"))])),
        };
        let reviewer = by.map(str::to_string).or_else(|| {
            let name = field("Last-Translator")?;
            let name = name.split('<').next().unwrap_or_default().trim().to_string();
            (!name.is_empty() && name != "FULL NAME").then_some(name)
        });
        let date = field("PO-Revision-Date").map(|d| d.chars().take(10).collect::<String>()).filter(|d| is_date(d)).unwrap_or_else(today);
        let current = self.texts(&lang)?;
        let mut status = self.status(&lang)?.unwrap_or_else(|| Status {
            drafted: Drafted { by: "Putokaz developers".into(), on: today() },
            reviewed: BTreeMap::new(),
        });

        let mut imported: BTreeMap<String, (&Entry, &Unit)> = BTreeMap::new();
        for entry in entries.iter().filter(|e| !(e.msgid.is_empty() && e.msgctxt.is_none())) {
            let Some(key) = &entry.msgctxt else {
                problems.push((entry.line, format!("\"{}\": an entry without msgctxt (the key) is not a Putokaz text", entry.msgid)));
                continue;
            };
            let mut say = |line: usize, what: String| problems.push((line, format!("{key}: {what}")));
            let Some(unit) = units.iter().find(|u| &u.key == key) else {
                let what = match key.split_once('#') {
                    Some((message, _)) if units.iter().any(|u| u.key.starts_with(&format!("{message}#"))) => {
                        format!("{lang} has no plural form \"{}\"", &key[message.len() + 1..])
                    }
                    _ => "no such key in the English catalog".into(),
                };
                say(entry.line, what);
                continue;
            };
            if imported.insert(key.clone(), (entry, unit)).is_some() {
                say(entry.line, "this key has a second entry".into());
                continue;
            }
            if entry.msgid != unit.english {
                say(entry.line, format!("English changed since this file was exported; it now reads \"{}\"", unit.english));
            }
            let text = &entry.msgstr;
            let line = entry.msgstr_line;
            if text.trim().is_empty() {
                say(line, "the translation is empty".into());
                continue;
            }
            let (wanted, found) = (placeholders(&unit.english), placeholders(text));
            if wanted != found {
                let list = |p: &[&str]| if p.is_empty() { "none".to_string() } else { p.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(" ") };
                say(line, format!("the placeholders must be {} as in English, not {}", list(&wanted), list(&found)));
            }
            if (text.contains('<') || text.contains('>')) && !(unit.english.contains('<') || unit.english.contains('>')) {
                say(line, "< and > are not allowed: the widget shows text only, never HTML".into());
            }
            if text.contains('\n') && !unit.english.contains('\n') {
                say(line, "a line break is not allowed here: the English has none".into());
            } else if has_hidden_controls(&text.replace(JOINERS, ""), unit.english.contains('\n')) {
                say(line, "contains invisible control or bidirectional-override characters; type the text without them".into());
            }
        }
        // A plural message in the file needs every form of the language.
        let mut messages: BTreeMap<&str, usize> = BTreeMap::new();
        for (key, (entry, _)) in &imported {
            if let Some((message, _)) = key.split_once('#') {
                let line = messages.entry(message).or_insert(entry.line);
                *line = (*line).min(entry.line);
            }
        }
        for (message, line) in messages {
            for form in units.iter().filter(|u| u.key.split_once('#').is_some_and(|(m, _)| m == message)) {
                if !imported.contains_key(&form.key) {
                    let category = form.category.map_or("other", plural::Category::id);
                    problems.push((line, format!("{}: the plural form \"{category}\" is missing (it is used for {})", form.key, examples(&lang, form.category))));
                }
            }
        }

        // The new texts and review records.
        let mut texts = current.clone();
        let mut reviewed_now = 0;
        let mut changed_texts = 0;
        for (key, (entry, unit)) in &imported {
            let before = current.get(key);
            if before != Some(&entry.msgstr) {
                changed_texts += 1;
            }
            texts.insert(key.clone(), entry.msgstr.clone());
            let record = status.reviewed.get(key);
            let same = record.is_some_and(|r| r.source == unit.english) && before == Some(&entry.msgstr);
            if entry.fuzzy() {
                if record.is_some_and(|r| r.source == unit.english) {
                    status.reviewed.remove(key);
                }
            } else if !same {
                match &reviewer {
                    Some(by) => {
                        status.reviewed.insert(key.clone(), Review { by: by.clone(), on: date.clone(), source: unit.english.clone() });
                        reviewed_now += 1;
                    }
                    None => problems.push((
                        entry.line,
                        format!("{key}: marked as reviewed, but who reviewed it? Give --by \"Name, Organisation\" (or set Last-Translator in Poedit)"),
                    )),
                }
            }
        }

        // Everything the engine checks, on the catalog as it would be written.
        let mut written = Vec::new();
        for file in self.files(&lang)? {
            let path = self.dir(&lang).join(file);
            let mut catalog = read_catalog(&path)?;
            let mut messages: Vec<(String, String)> =
                units.iter().filter(|u| &u.file == file).filter_map(|u| texts.get(&u.key).map(|t| (u.key.clone(), t.clone()))).collect();
            // Keys English no longer has stay where they were, at the end, for the checks to report.
            for (key, text) in &catalog.messages {
                if !units.iter().any(|u| &u.key == key) {
                    messages.push((key.clone(), text.clone()));
                }
            }
            catalog.messages = messages;
            written.push((path, self.relative(&lang, file), write_catalog(&catalog)));
        }
        if problems.is_empty() {
            for problem in self.engine_problems(&lang, &written)? {
                problems.push((0, problem));
            }
        }
        if !problems.is_empty() {
            problems.sort_by_key(|(line, _)| *line);
            return Ok(Err(problems));
        }

        let mut changed_files = Vec::new();
        let status_path = self.dir(&lang).join("status.json");
        let status_text = write_status(&status, &units);
        let mut outputs: Vec<(PathBuf, String, String)> = written;
        outputs.push((status_path.clone(), self.relative(&lang, "status.json"), status_text));
        for (path, name, text) in &outputs {
            if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
                changed_files.push(name.clone());
                if !check_only {
                    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                }
            }
        }
        let _ = path;
        let verb = if check_only { "no problems; would change" } else { "wrote" };
        Ok(Ok(if changed_files.is_empty() {
            format!("{lang}: no problems; nothing changed")
        } else {
            format!(
                "{lang}: {changed_texts} text(s) changed, {reviewed_now} newly reviewed{}; {verb} {}",
                reviewer.filter(|_| reviewed_now > 0).map(|r| format!(" by {r} on {date}")).unwrap_or_default(),
                changed_files.join(", ")
            )
        }))
    }

    /// The engine's own checks (`Content::load`) on every catalog, with this
    /// language's files as they would be written; problems of this language.
    fn engine_problems(&self, lang: &str, written: &[(PathBuf, String, String)]) -> Result<Vec<String>, String> {
        let mut texts: Vec<(String, String, String)> = Vec::new();
        for (l, (path, _)) in putokaz::source::CATALOGS {
            let full = self.root.join("src/data").join(path);
            let text = match written.iter().find(|(p, _, _)| *p == full) {
                Some((_, _, text)) => text.clone(),
                None => std::fs::read_to_string(&full).map_err(|e| format!("cannot read {}: {e}", full.display()))?,
            };
            texts.push((l.to_string(), path.to_string(), text));
        }
        let files = putokaz_engine_files(&texts);
        let (_, problems) = Content::load(&files);
        let at = format!("catalogs/{lang}");
        Ok(problems.iter().filter(|p| p.location.contains(&at)).map(|p| format!("{}: {}", p.location, p.message)).collect())
    }

    fn status_table(&self) -> Result<String, String> {
        let mut out = String::from("| language | name | drafted by | on | reviewed | changed | draft |\n|---|---|---|---|---|---|---|\n");
        for (lang, _) in self.languages.iter().filter(|(l, _)| l != SOURCE_LANG) {
            let units = self.units(lang)?;
            let status = self.status(lang)?;
            let mut counts = [0; 3];
            for unit in &units {
                counts[state(status.as_ref(), &unit.key, &unit.english) as usize] += 1;
            }
            let (by, on) = status.as_ref().map_or(("–".into(), "–".into()), |s| (s.drafted.by.clone(), s.drafted.on.clone()));
            out += &format!("| `{lang}` | {} | {by} | {on} | {} | {} | {} |\n", self.meta_name(lang)?, counts[0], counts[1], counts[2]);
        }
        Ok(out)
    }
}

fn putokaz_engine_files(texts: &[(String, String, String)]) -> putokaz::engine::Files<'_> {
    let mut files = putokaz::source::files();
    files.catalogs = texts.iter().map(|(l, p, t)| (l.as_str(), p.as_str(), t.as_str())).collect();
    files
}

fn state(status: Option<&Status>, key: &str, english: &str) -> State {
    match status.and_then(|s| s.reviewed.get(key)) {
        Some(review) if review.source == english => State::Reviewed,
        Some(_) => State::Changed,
        None => State::Draft,
    }
}

fn write_status(status: &Status, units: &[Unit]) -> String {
    let review = |r: &Review| Json::Obj(vec![("by".into(), Json::Str(r.by.clone())), ("on".into(), Json::Str(r.on.clone())), ("source".into(), Json::Str(r.source.clone()))]);
    let mut reviewed: Vec<(String, Json)> =
        units.iter().filter_map(|u| status.reviewed.get(&u.key).map(|r| (u.key.clone(), review(r)))).collect();
    for (key, r) in &status.reviewed {
        if !units.iter().any(|u| &u.key == key) {
            reviewed.push((key.clone(), review(r)));
        }
    }
    let drafted = Json::Obj(vec![("by".into(), Json::Str(status.drafted.by.clone())), ("on".into(), Json::Str(status.drafted.on.clone()))]);
    format!("{}\n", Json::Obj(vec![("drafted".into(), drafted), ("reviewed".into(), Json::Obj(reviewed))]).write(0))
}

/// What a translator needs to know about a string.
fn describe(unit: &Unit, lang: &str, english: &BTreeMap<String, String>) -> Vec<String> {
    let key = unit.key.split('#').next().unwrap_or(&unit.key);
    let parts: Vec<&str> = key.split('.').collect();
    let content = builtin::content();
    let question_text = |id: &str| english.get(&format!("q.{id}")).cloned().unwrap_or_default();
    let mut out = Vec::new();
    let what = match parts.as_slice() {
        ["module", _] => "The title of a group of questions, shown above them.".to_string(),
        ["q", id] => {
            let multiple = content.question(id).is_some_and(|q| q.kind.multiple());
            format!(
                "A question, to the person about themselves (\"you\").{}",
                if multiple { " Several answers can be ticked; the widget adds \"tick all that apply\"." } else { "" }
            )
        }
        ["q", id, "them"] => format!("The question \"{}\", asked about someone else (\"they\", \"the person\").", question_text(id)),
        ["q", id, "hint"] => format!("A one-line hint under the question \"{}\".", question_text(id)),
        ["q", id, _, "them"] => format!("An answer option of the question \"{}\", when the person answers about someone else.", question_text(id)),
        ["q", id, _] => format!("An answer option of the question \"{}\".", question_text(id)),
        ["opt", _] => "A shared answer option, offered under the questions.".into(),
        ["country", _] => "An answer in the questions that ask for a country.".into(),
        ["ind", _] => "A warning sign shown on the result, in plain words about no one in particular.".into(),
        ["flag", _, "check"] => "For a warning sign in a job offer: what to ask or check.".into(),
        ["dim", _] => "A heading on the result, above the warning signs of one kind.".into(),
        ["level", _, "title"] | ["result", _, "title"] | ["frame", _, "title"] => "The headline of the result.".into(),
        ["level", _, "body"] | ["result", _, "body"] | ["frame", _, "body"] => "The summary under the result's headline.".into(),
        ["frame", _, "next"] | ["frame", _, "next", "them"] => "A step on the result that says it is not the person's fault.".into(),
        ["frame", _, "why"] => "A service's reason: why this service is suggested, shown beside it.".into(),
        ["next", ..] => format!("A next step suggested on the result{}.", if key.ends_with(".them") { ", when the person answers about someone else" } else { "" }),
        ["rights", _] => "\"Good to know\" on the result: a right the person has.".into(),
        ["ref", "why", _] => "A service's reason: why this service is suggested, shown beside it.".into(),
        ["ref", "contact", _] => "How to reach a service: a label beside a phone number, link or address.".into(),
        ["ref", "hours", _] => "A service's opening hours.".into(),
        ["ref", "service", _] => "A kind of help a service gives.".into(),
        ["ref", "audience", _] => "Who a service is for.".into(),
        ["ref", ..] => "Text in the list of services that can help.".into(),
        ["day", _] => "A day of the week, in opening hours.".into(),
        ["lang", _] => "The name of a language a service speaks, in the list of services.".into(),
        ["ui", name] if name.starts_with("exit") => "The quick exit, which leaves the page at once: its button or hint.".into(),
        ["ui", ..] => "Text of the widget itself: a button, label, heading or message.".into(),
        _ => "A text of the widget.".into(),
    };
    out.push(what);
    if let Some(category) = unit.category {
        out.push(format!("Plural form \"{}\": used for {}.", category.id(), examples(lang, Some(category))));
        if category != plural::Category::One || !english.contains_key(&unit.key) {
            out.push("The English shown is the English plural (\"other\").".into());
        }
    }
    let names = placeholders(&unit.english);
    if !names.is_empty() {
        let list: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
        out.push(format!("Keep {} as {} (the widget fills in a number or a name); you may move {} in the sentence.", list.join(" and "), if list.len() == 1 { "it is" } else { "they are" }, if list.len() == 1 { "it" } else { "them" }));
    }
    if unit.english.contains("Shift") {
        out.push("Shift is the key on the keyboard: keep the word as it is printed on keyboards.".into());
    }
    out
}

/// The numbers CLDR gives as samples of a plural category in a language,
/// as "the numbers 2–4, 22–24, 32–34, …".
fn examples(lang: &str, category: Option<plural::Category>) -> String {
    let category = category.unwrap_or(plural::Category::Other);
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    let data = [
        (include_str!("../../engine/plural/cldr-plurals.json"), "/supplemental/plurals-type-cardinal"),
        (include_str!("../../engine/plural/local-plurals.json"), "/plurals-type-cardinal"),
    ];
    for (text, pointer) in data {
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_default();
        let rule = value.pointer(&format!("{pointer}/{primary}/pluralRule-count-{}", category.id())).and_then(|r| r.as_str());
        if let Some(rule) = rule {
            let samples = rule.split("@integer").nth(1).unwrap_or("").split('@').next().unwrap_or("").trim();
            if !samples.is_empty() {
                let list = samples.replace('~', "–");
                return match list.strip_suffix(", …") {
                    Some(start) => format!("the numbers {start} and so on"),
                    None => format!("the numbers {list}"),
                };
            }
        }
    }
    "every number".into()
}

/// Today (UTC) as YYYY-MM-DD.
fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400) as i64;
    let (year, month, day) = time::civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_files_are_written_as_they_were_read() {
        for lang in ["en", "sr-Latn"] {
            for file in ["content.json", "ui.json", "check.json"] {
                let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/data/catalogs").join(lang).join(file);
                let text = std::fs::read_to_string(&path).unwrap();
                assert_eq!(write_catalog(&read_catalog(&path).unwrap()), text, "{lang}/{file}");
            }
        }
    }

    #[test]
    fn dates_and_examples() {
        assert!(is_date("2026-11-28") && is_date(&today()));
        assert!(!is_date("2026-13-01") && !is_date("28.11.2026") && !is_date("2026-11"));
        assert_eq!(examples("sr-Latn", Some(plural::Category::Few)), "the numbers 2–4, 22–24, 32–34, 42–44, 52–54, 62, 102, 1002 and so on");
    }
}
