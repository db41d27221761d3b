//! Reads content from `serde_json::Value`s by hand, without serde's derive.
//!
//! Why: every derived type brings a visitor, a field matcher and error paths,
//! compiled for each deserializer it meets; in the browser that was about
//! 30 KB gzipped of the widget. Two kinds of reader live here:
//!
//! - The built-in content (questionnaire, ILO/EC list, catalog `_meta`) is
//!   read leniently, for the browser only (`Content::load_trusted`): the
//!   native tests prove it sound, so the readers take what the widget uses
//!   and leave anything missing or odd at its default. Natively the derives
//!   check everything; a test in `builtin.rs` proves both read it alike.
//! - Directory entries are read strictly, everywhere, since partners write
//!   them (see [`entry`]).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::assess::Level;
use super::catalog::Meta;
use super::condition::Condition;
use super::content::{
    Band, Dimension, Element, Flag, Grade, IloEc, IloItem, Indicator, IndicatorSet, JobOffer, Kind, Mode, Module, Question,
    Questionnaire, Role,
};
use super::referral::{Audience, Confidence, Contact, Entry, Hours, Number, Service, Slot};

/// A text field, empty if absent.
fn text(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

/// An optional text field.
fn maybe_text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

/// The items of a list field, none if absent.
fn items<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// A list of texts.
fn texts(value: &Value, key: &str) -> Vec<String> {
    items(value, key).iter().filter_map(Value::as_str).map(str::to_string).collect()
}

fn flag(value: &Value, key: &str) -> bool {
    value.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn number(value: &Value, key: &str) -> u32 {
    value.get(key).and_then(Value::as_u64).unwrap_or(0) as u32
}

/// The enum value a text value names, from a table of `(name, value)`.
fn choice<T: Copy>(value: Option<&Value>, names: &[(&str, T)]) -> Option<T> {
    named(value?.as_str()?, names)
}

fn named<T: Copy>(name: &str, names: &[(&str, T)]) -> Option<T> {
    names.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
}

/// The name of an enum value in a table of `(name, value)`: what serde
/// writes for it (tests in src/engine/json.rs hold the tables to serde's names).
pub(super) fn name_of<T: Copy + PartialEq>(value: T, names: &[(&'static str, T)]) -> &'static str {
    names.iter().find(|(_, v)| *v == value).map_or("", |(n, _)| n)
}

pub(super) const MODES: &[(&str, Mode)] = &[("screening", Mode::Screening), ("job_offer", Mode::JobOffer)];
pub(super) const KINDS: &[(&str, Kind)] = &[("yes_no", Kind::YesNo), ("single", Kind::Single), ("multi", Kind::Multi), ("country", Kind::Country)];
pub(super) const ROLES: &[(&str, Role)] =
    &[("age", Role::Age), ("subject", Role::Subject), ("country_now", Role::CountryNow), ("country_work", Role::CountryWork), ("safe_now", Role::SafeNow)];
const ELEMENTS: &[(&str, Element)] = &[("act", Element::Act), ("means", Element::Means), ("purpose", Element::Purpose)];
const GRADES: &[(&str, Grade)] = &[("weak", Grade::Weak), ("medium", Grade::Medium), ("strong", Grade::Strong)];

/// `(id, value)` for enums that know their ids.
fn table<T: Copy, const N: usize>(all: [T; N], id: fn(T) -> &'static str) -> [(&'static str, T); N] {
    all.map(|v| (id(v), v))
}

pub fn questionnaire(value: &Value) -> Questionnaire {
    let o = value;
    let job = &o["job_offer"];
    let levels = table(Level::ALL, Level::id);
    Questionnaire {
        version: text(o, "version"),
        countries: texts(o, "countries"),
        modules: items(o, "modules").iter().map(module).collect(),
        questions: items(o, "questions").iter().map(question).collect(),
        indicators: items(o, "indicators").iter().map(indicator).collect(),
        job_offer: JobOffer {
            validated: flag(job, "validated"),
            flags: items(job, "flags").iter().map(|f| Flag { indicator: text(f, "indicator"), weight: number(f, "weight") }).collect(),
            bands: items(job, "bands")
                .iter()
                .map(|b| Band { min_score: number(b, "min_score"), level: choice(b.get("level"), &levels).unwrap_or(Level::NoneReported) })
                .collect(),
        },
    }
}

fn module(value: &Value) -> Module {
    let o = value;
    Module {
        id: text(o, "id"),
        modes: items(o, "modes").iter().filter_map(|m| choice(Some(m), MODES)).collect(),
        show_if: o.get("show_if").and_then(condition),
        sensitive: flag(o, "sensitive"),
    }
}

fn question(value: &Value) -> Question {
    let o = value;
    Question {
        id: text(o, "id"),
        module: text(o, "module"),
        kind: choice(o.get("kind"), KINDS).unwrap_or(Kind::YesNo),
        options: texts(o, "options"),
        role: choice(o.get("role"), ROLES),
        show_if: o.get("show_if").and_then(condition),
        exclusive: texts(o, "exclusive"),
    }
}

/// An indicator without its sources, which only reviewers read.
fn indicator(value: &Value) -> Indicator {
    let o = value;
    Indicator {
        id: text(o, "id"),
        element: choice(o.get("element"), ELEMENTS).unwrap_or(Element::Act),
        // An indicator that cannot be read never fires.
        fires_if: o.get("fires_if").and_then(condition).unwrap_or(Condition::Any(Vec::new())),
        ilo_ec: texts(o, "ilo_ec"),
        urgent: flag(o, "urgent"),
        child_exploitation: flag(o, "child_exploitation"),
        sources: Default::default(),
    }
}

/// `{"yes": q}`, `{"answer": {"q": q, "in": [...]}}`, `{"all": [...]}`,
/// `{"any": [...]}` or `{"not": {...}}`; `None` for anything else (and null).
pub fn condition(value: &Value) -> Option<Condition> {
    let (kind, inner) = value.as_object()?.iter().next()?;
    let all = || inner.as_array().map(|parts| parts.iter().filter_map(condition).collect());
    Some(match kind.as_str() {
        "yes" => Condition::Yes(inner.as_str()?.to_string()),
        "answer" => Condition::Answer { q: text(inner, "q"), options: texts(inner, "in") },
        "all" => Condition::All(all()?),
        "any" => Condition::Any(all()?),
        "not" => Condition::Not(Box::new(condition(inner)?)),
        _ => return None,
    })
}

/// The ILO/EC list without its source, note and labels (for reviewers).
pub fn ilo_ec(value: &Value) -> IloEc {
    let dimensions = table(Dimension::ALL, Dimension::id);
    let sets = table(IndicatorSet::ALL, IndicatorSet::id);
    IloEc {
        source: String::new(),
        note: String::new(),
        indicators: items(value, "indicators")
            .iter()
            .map(|o| IloItem {
                id: text(o, "id"),
                dimension: choice(o.get("dimension"), &dimensions).unwrap_or(Dimension::Exploitation),
                label: String::new(),
                grades: {
                    // Inserted one by one: collecting into a map brings in
                    // std's sort and bulk build for each map type.
                    let mut grades = BTreeMap::new();
                    for (set, grade) in o["grades"].as_object().into_iter().flatten() {
                        if let (Some(set), Some(grade)) = (named(set, &sets), choice(Some(grade), GRADES)) {
                            grades.insert(set, grade);
                        }
                    }
                    grades
                },
            })
            .collect(),
    }
}

/// A catalog's `_meta`.
pub fn meta(value: &Value) -> Meta {
    let o = value;
    Meta {
        lang: text(o, "lang"),
        dir: maybe_text(o, "dir").unwrap_or_else(|| "ltr".into()),
        name: text(o, "name"),
        status: text(o, "status"),
        note: text(o, "note"),
    }
}

// Directory entries are read strictly, in the browser and natively alike:
// partners write them, so every unknown field, missing field, wrong type and
// unknown name is an error, worded as serde's derive words it. One reader
// instead of serde's derive (with `deny_unknown_fields` and a tagged enum)
// is about 13 KB gzipped less for the widget.

/// The fields an entry may have.
const ENTRY_FIELDS: &[&str] = &[
    "id", "name", "country", "works_in", "area_name", "contacts", "hours", "languages", "services", "audience", "emergency",
    "sources", "last_verified", "source_date", "confidence", "notes",
];

pub(super) const SERVICES: &[(&str, Service)] = &[
    ("emergency", Service::Emergency),
    ("trafficking_identification", Service::TraffickingIdentification),
    ("shelter", Service::Shelter),
    ("legal", Service::Legal),
    ("medical", Service::Medical),
    ("psychological", Service::Psychological),
    ("return_reintegration", Service::ReturnReintegration),
    ("job_offer_check", Service::JobOfferCheck),
    ("children", Service::Children),
    ("missing_children", Service::MissingChildren),
    ("women", Service::Women),
    ("migrants", Service::Migrants),
    ("reporting", Service::Reporting),
    ("information", Service::Information),
    ("labour_rights", Service::LabourRights),
    ("victim_support", Service::VictimSupport),
];

const AUDIENCES: &[(&str, Audience)] = &[
    ("adults", Audience::Adults),
    ("children", Audience::Children),
    ("women", Audience::Women),
    ("men", Audience::Men),
    ("migrants", Audience::Migrants),
    ("anyone", Audience::Anyone),
];

const CONFIDENCES: &[(&str, Confidence)] = &[("low", Confidence::Low), ("medium", Confidence::Medium), ("high", Confidence::High)];

type Read<T> = Result<T, String>;

/// A JSON object read strictly: only `known` fields.
struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    /// `what` names the type in errors, as serde does: `struct Entry`.
    fn new(value: &'a Value, what: &str, known: &[&str]) -> Read<Fields<'a>> {
        Fields::tagged(value, what, known, "")
    }

    /// The fields of a variant of an enum tagged by the field `tag`.
    fn tagged(value: &'a Value, what: &str, known: &[&str], tag: &str) -> Read<Fields<'a>> {
        let Value::Object(object) = value else { return Err(invalid(value, what)) };
        match object.keys().find(|key| *key != tag && !known.contains(&key.as_str())) {
            Some(key) => Err(format!("unknown field `{key}`, expected {}", one_of(known))),
            None => Ok(Fields(object)),
        }
    }

    fn required(&self, key: &str) -> Read<&'a Value> {
        self.0.get(key).ok_or_else(|| format!("missing field `{key}`"))
    }

    /// A field that may be left out; reads it with `read`, else gives `T::default()`.
    fn or_default<T: Default>(&self, key: &str, read: impl Fn(&'a Value) -> Read<T>) -> Read<T> {
        self.0.get(key).map_or_else(|| Ok(T::default()), read)
    }

    /// An `Option` field: left out or null is `None`.
    fn optional<T>(&self, key: &str, read: impl Fn(&'a Value) -> Read<T>) -> Read<Option<T>> {
        self.0.get(key).filter(|v| !v.is_null()).map(read).transpose()
    }
}

/// `` `a`, `b` `` or `` one of `a`, `b`, `c` ``, as serde lists what it expected.
fn one_of(names: &[&str]) -> String {
    let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match list.len() {
        0 => "nothing".into(),
        1 => list[0].clone(),
        2 => format!("{} or {}", list[0], list[1]),
        _ => format!("one of {}", super::join(&list, ", ")),
    }
}

/// Serde's "invalid type" message (a float is not printed: that would cost
/// the widget the float formatting code).
fn invalid(value: &Value, expected: &str) -> String {
    let found = match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) => match n.as_i64() {
            Some(i) if i < 0 => format!("integer `{i}`"),
            _ => match n.as_u64() {
                Some(u) => format!("integer `{u}`"),
                None => "floating point".to_string(),
            },
        },
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    };
    format!("invalid type: {found}, expected {expected}")
}

fn string(value: &Value) -> Read<String> {
    value.as_str().map(str::to_string).ok_or_else(|| invalid(value, "a string"))
}

fn boolean(value: &Value) -> Read<bool> {
    value.as_bool().ok_or_else(|| invalid(value, "a boolean"))
}

fn list<T>(value: &Value, read: impl Fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    value.as_array().ok_or_else(|| invalid(value, "a sequence"))?.iter().map(read).collect()
}

fn strings(value: &Value) -> Read<Vec<String>> {
    list(value, string)
}

/// A map of texts, such as names by language.
fn text_map(value: &Value) -> Read<BTreeMap<String, String>> {
    let object = value.as_object().ok_or_else(|| invalid(value, "a map"))?;
    // A loop, not `collect`: see the grades in `ilo_ec`.
    let mut map = BTreeMap::new();
    for (key, text) in object {
        map.insert(key.clone(), string(text)?);
    }
    Ok(map)
}

fn variant<T: Copy>(value: &Value, names: &[(&str, T)]) -> Read<T> {
    let name = value.as_str().ok_or_else(|| invalid(value, "string or map"))?;
    named(name, names).ok_or_else(|| {
        let known: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        format!("unknown variant `{name}`, expected {}", one_of(&known))
    })
}

/// One directory entry, as a partner or a directory file gives it.
pub fn entry(value: &Value) -> Read<Entry> {
    let o = Fields::new(value, "struct Entry", ENTRY_FIELDS)?;
    Ok(Entry {
        id: string(o.required("id")?)?,
        name: text_map(o.required("name")?)?,
        country: string(o.required("country")?)?,
        works_in: o.or_default("works_in", strings)?,
        area_name: o.optional("area_name", string)?,
        contacts: list(o.required("contacts")?, contact)?,
        hours: o.optional("hours", hours)?,
        languages: o.or_default("languages", strings)?,
        services: list(o.required("services")?, |v| variant(v, SERVICES))?,
        audience: list(o.required("audience")?, |v| variant(v, AUDIENCES))?,
        emergency: o.or_default("emergency", boolean)?,
        // Required, but left out of the browser copy of the built-in content
        // (see build.rs); the check that it is not empty stays.
        sources: if cfg!(target_arch = "wasm32") { o.or_default("sources", strings)? } else { strings(o.required("sources")?)? },
        last_verified: string(o.required("last_verified")?)?,
        source_date: o.optional("source_date", string)?,
        confidence: variant(o.required("confidence")?, CONFIDENCES)?,
        notes: o.or_default("notes", string)?,
    })
}

/// `{"kind": "voice", "number": ...}`, and so on for each kind of contact.
fn contact(value: &Value) -> Read<Contact> {
    let kinds = ["voice", "sms", "whatsapp", "viber", "email", "web"];
    if !value.is_object() {
        return Err(invalid(value, "internally tagged enum Contact"));
    }
    let kind = value.get("kind").ok_or("missing field `kind`")?;
    let kind = kind.as_str().ok_or_else(|| invalid(kind, "variant identifier"))?;
    Ok(match kind {
        "email" => Contact::Email { address: string(Fields::tagged(value, "struct variant Contact::Email", &["address"], "kind")?.required("address")?)? },
        "web" => Contact::Web { url: string(Fields::tagged(value, "struct variant Contact::Web", &["url"], "kind")?.required("url")?)? },
        "voice" | "sms" | "whatsapp" | "viber" => {
            let o = Fields::tagged(value, "struct Number", &["number", "display", "note"], "kind")?;
            let number = Number {
                number: string(o.required("number")?)?,
                display: o.or_default("display", string)?,
                note: o.or_default("note", text_map)?,
            };
            match kind {
                "voice" => Contact::Voice(number),
                "sms" => Contact::Sms(number),
                "whatsapp" => Contact::Whatsapp(number),
                _ => Contact::Viber(number),
            }
        }
        _ => return Err(format!("unknown variant `{kind}`, expected {}", one_of(&kinds))),
    })
}

fn hours(value: &Value) -> Read<Hours> {
    let o = Fields::new(value, "struct Hours", &["always", "tz", "weekly"])?;
    Ok(Hours {
        always: o.or_default("always", boolean)?,
        tz: o.or_default("tz", string)?,
        weekly: o.or_default("weekly", |v| {
            list(v, |slot| {
                let o = Fields::new(slot, "struct Slot", &["days", "open", "close"])?;
                Ok(Slot { days: strings(o.required("days")?)?, open: string(o.required("open")?)?, close: string(o.required("close")?)? })
            })
        })?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written entry reader agrees with serde's derive (kept on the
    /// types as the reference) on every built-in entry and on broken ones,
    /// down to the wording of the error. (One difference: serde also reads
    /// a struct from a list of its fields in order; the reader does not.)
    #[test]
    fn entries_read_as_serde_reads_them() {
        let serde = |v: &Value| serde_json::from_value::<Entry>(v.clone()).map_err(|e| e.to_string());
        let mut values = Vec::new();
        for (_, text) in crate::engine::builtin::REFERRALS {
            let file: Value = serde_json::from_str(text).unwrap();
            values.extend(file["entries"].as_array().unwrap().iter().cloned());
        }
        assert!(values.len() > 20);
        let good = values[0].clone();
        let broken = |change: &dyn Fn(&mut Value)| {
            let mut v = good.clone();
            change(&mut v);
            v
        };
        values.extend([
            Value::Null,
            serde_json::json!("entry"),
            broken(&|v| v["colour"] = "red".into()),
            broken(&|v| drop(v.as_object_mut().unwrap().remove("name"))),
            broken(&|v| v["name"] = serde_json::json!({"en": 5})),
            broken(&|v| v["id"] = 5.into()),
            broken(&|v| v["id"] = (-5).into()),
            broken(&|v| v["id"] = true.into()),
            broken(&|v| v["id"] = serde_json::json!(null)),
            broken(&|v| v["id"] = serde_json::json!({})),
            broken(&|v| v["works_in"] = "RS".into()),
            broken(&|v| v["area_name"] = serde_json::json!(null)),
            broken(&|v| v["services"] = serde_json::json!(["legal", "magic"])),
            broken(&|v| v["audience"] = serde_json::json!(["anyone", 3])),
            broken(&|v| v["confidence"] = "certain".into()),
            broken(&|v| v["emergency"] = "yes".into()),
            broken(&|v| v["contacts"] = serde_json::json!([{"kind": "fax", "number": "1"}])),
            broken(&|v| v["contacts"] = serde_json::json!([{"number": "1"}])),
            broken(&|v| v["contacts"] = serde_json::json!(["192"])),
            broken(&|v| v["contacts"] = serde_json::json!([{"kind": 5, "number": "1"}])),
            broken(&|v| v["contacts"] = serde_json::json!({"kind": "voice"})),
            broken(&|v| v["contacts"] = serde_json::json!([{"kind": "voice"}])),
            broken(&|v| v["contacts"] = serde_json::json!([{"kind": "voice", "number": "192", "extra": 1}])),
            broken(&|v| v["contacts"] = serde_json::json!([{"kind": "email", "address": "a@b.rs", "url": "x"}])),
            broken(&|v| v["contacts"] = serde_json::json!([{"kind": "web"}])),
            broken(&|v| v["contacts"] = serde_json::json!([{"kind": "sms", "number": "192", "note": {"en": "free"}}])),
            broken(&|v| v["hours"] = serde_json::json!({"always": true, "open": "x"})),
            broken(&|v| v["hours"] = serde_json::json!({"tz": "Europe/Belgrade", "weekly": [{"days": ["mon"], "open": "09:00"}]})),
            broken(&|v| v["hours"] = serde_json::json!(null)),
        ]);
        let differ: Vec<String> =
            values.iter().filter(|v| entry(v) != serde(v)).map(|v| format!("{v}\n  {:?}\n  {:?}", entry(v), serde(v))).collect();
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    }
}
