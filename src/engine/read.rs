//! Reads directory entries from JSON [`Value`]s by hand, without
//! serde's derive: partners write them, so every unknown field, missing
//! field, wrong type and unknown name is an error, worded as serde's derive
//! words it (a test holds the two together).
//!
//! Why: every derived type brings a visitor, a field matcher and error paths,
//! compiled for each deserializer it meets; in the browser one reader
//! instead of serde's derive (with `deny_unknown_fields` and a tagged enum)
//! is about 13 KB gzipped less for the widget. The built-in content needs no
//! reader at run time at all: it is compiled in (see build.rs).

use serde::Deserialize;

use super::content::{Kind, Mode, Role};
use super::directory::{Audience, Confidence, Contact, Directory, Entry, Hours, Number, Service, Slot};
use super::value::{Map, Value};
use super::{truncate, List, Problem, Text};

/// The name of an enum value in a table of `(name, value)`: what serde
/// writes for it (tests in json.rs hold the tables to serde's names).
pub(super) fn name_of<T: Copy + PartialEq>(value: T, names: &[(&'static str, T)]) -> &'static str {
    names.iter().find(|(_, v)| *v == value).map_or("", |(n, _)| n)
}

pub(super) const MODES: &[(&str, Mode)] = &[("screening", Mode::Screening), ("job_offer", Mode::JobOffer)];
pub(super) const KINDS: &[(&str, Kind)] = &[("yes_no", Kind::YesNo), ("single", Kind::Single), ("multi", Kind::Multi), ("country", Kind::Country), ("countries", Kind::Countries)];
pub(super) const ROLES: &[(&str, Role)] =
    &[("age", Role::Age), ("subject", Role::Subject), ("country_now", Role::CountryNow), ("country_work", Role::CountryWork), ("safe_now", Role::SafeNow), ("country_origin", Role::CountryOrigin), ("gender", Role::Gender)];

// Directory entries are read strictly, in the browser and natively alike:
// partners write them, so every unknown field, missing field, wrong type and
// unknown name is an error, worded as serde's derive words it. One reader
// instead of serde's derive (with `deny_unknown_fields` and a tagged enum)
// is about 13 KB gzipped less for the widget.

/// The fields an entry may have.
const ENTRY_FIELDS: &[&str] = &[
    "id", "name", "country", "works_in", "area_name", "contacts", "hours", "languages", "services", "audience", "emergency",
    "sources", "last_verified", "source_date", "confidence", "notes", "rights",
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

pub(super) const AUDIENCES: &[(&str, Audience)] = &[
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
struct Fields<'a>(&'a Map);

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
    let mut list = Vec::new();
    for name in names {
        list.push(super::concat(&["`", name, "`"]));
    }
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
        Value::Bool(b) => super::concat(&["boolean `", if *b { "true" } else { "false" }, "`"]),
        Value::Number(n) => match n.as_i64() {
            Some(i) if i < 0 => super::concat(&["integer `", &super::signed_decimal(i), "`"]),
            _ => match n.as_u64() {
                Some(u) => super::concat(&["integer `", &super::decimal(u), "`"]),
                None => "floating point".to_string(),
            },
        },
        Value::String(s) => format!("string {}", super::quoted(s)),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    };
    format!("invalid type: {found}, expected {expected}")
}

fn string(value: &Value) -> Read<Text> {
    value.as_str().map(|s| Text::Owned(s.to_string())).ok_or_else(|| invalid(value, "a string"))
}

fn boolean(value: &Value) -> Read<bool> {
    value.as_bool().ok_or_else(|| invalid(value, "a boolean"))
}

/// A list read item by item (a loop, not `collect` into a `Result`: that
/// brings std's iterator adapters for every item type), with `read` behind a
/// pointer so that each item type's loop is compiled once.
fn list<T: Clone>(value: &Value, read: &dyn Fn(&Value) -> Read<T>) -> Read<List<T>> {
    let items = value.as_array().ok_or_else(|| invalid(value, "a sequence"))?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(read(item)?);
    }
    Ok(List::Owned(out))
}

fn strings(value: &Value) -> Read<List<Text>> {
    list(value, &string)
}

/// A map of texts, such as names by language, as pairs sorted by key (a
/// JSON object's members come sorted, each key once).
fn text_map(value: &Value) -> Read<List<(Text, Text)>> {
    let object = value.as_object().ok_or_else(|| invalid(value, "a map"))?;
    let mut pairs = Vec::with_capacity(object.len());
    for (key, text) in object {
        pairs.push((Text::Owned(key.clone()), string(text)?));
    }
    Ok(List::Owned(pairs))
}

fn variant<T: Copy>(value: &Value, names: &[(&str, T)]) -> Read<T> {
    let known: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
    variant_index(value, &known).map(|i| names[i].1)
}

/// Which of `names` a JSON string is; the part of [`variant`] that is the
/// same for every enum.
fn variant_index(value: &Value, names: &[&str]) -> Read<usize> {
    let name = value.as_str().ok_or_else(|| invalid(value, "string or map"))?;
    names.iter().position(|n| *n == name).ok_or_else(|| format!("unknown variant `{name}`, expected {}", one_of(names)))
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
        contacts: list(o.required("contacts")?, &contact)?,
        hours: o.optional("hours", hours)?,
        languages: o.or_default("languages", strings)?,
        services: list(o.required("services")?, &|v| variant(v, SERVICES))?,
        audience: list(o.required("audience")?, &|v| variant(v, AUDIENCES))?,
        emergency: o.or_default("emergency", boolean)?,
        sources: strings(o.required("sources")?)?,
        last_verified: string(o.required("last_verified")?)?,
        source_date: o.optional("source_date", string)?,
        confidence: variant(o.required("confidence")?, CONFIDENCES)?,
        notes: o.or_default("notes", string)?,
        rights: o.or_default("rights", text_map)?,
    })
}

/// The kinds of contact, as the files name them.
pub(super) const CONTACT_KINDS: [&str; 6] = ["voice", "sms", "whatsapp", "viber", "email", "web"];

/// `{"kind": "voice", "number": ...}`, and so on for each kind of contact.
fn contact(value: &Value) -> Read<Contact> {
    let kinds = CONTACT_KINDS;
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
            list(v, &|slot| {
                let o = Fields::new(slot, "struct Slot", &["days", "open", "close"])?;
                Ok(Slot { days: strings(o.required("days")?)?, open: string(o.required("open")?)?, close: string(o.required("close")?)? })
            })
        })?,
    })
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectoryFile {
    // Every directory file names its area; the entries say the rest.
    #[allow(dead_code)]
    area: String,
    entries: Vec<super::value::Value>,
}


impl Directory {
    pub fn load(files: &[(&str, &str)], problems: &mut Vec<Problem>) -> Directory {
        let mut directory = Directory::default();
        for (name, text) in files {
            let file: DirectoryFile = match serde_json::from_str(text) {
                Ok(file) => file,
                Err(error) => {
                    problems.push(super::json_problem(name, &error));
                    continue;
                }
            };
            for (i, value) in file.entries.into_iter().enumerate() {
                if let Some(entry) = parse_entry(name, i, &value, problems) {
                    directory.add(entry, problems, name);
                }
            }
        }
        directory
    }

}

/// Parses one entry, naming the entry and the field when it fails.
pub fn parse_entry(file: &str, index: usize, value: &super::value::Value, problems: &mut Vec<Problem>) -> Option<Entry> {
    let id = value.get("id").and_then(|v| v.as_str()).map(|s| truncate(s, 60)).unwrap_or_default();
    match super::read::entry(value) {
        Ok(entry) => Some(entry),
        Err(error) => {
            problems.push(Problem::new(format!("{file}: entries[{index}] \"{id}\""), format!("{error}; this entry was left out")));
            None
        }
    }
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
        use serde_json::Value;
        let serde = |v: &Value| serde_json::from_value::<Entry>(v.clone()).map_err(|e| e.to_string());
        let entry = |v: &Value| entry(&super::super::value::from_str(&v.to_string()).unwrap());
        let mut values = Vec::new();
        let files = [include_str!("../data/referrals/rs.json"), include_str!("../data/referrals/de.json"), include_str!("../data/referrals/eu.json")];
        for text in files {
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
