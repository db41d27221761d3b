//! JSON text for the output shapes of [`super::api`], written by hand.
//!
//! The JS API (`getQuestions`, `assessAnswers`) returns the same JSON as the
//! command line (`putokaz questions`, `putokaz assess`). With serde's
//! `Serialize` derives and serde_json's serializer, those two exports cost
//! every phone several kilobytes of wasm; this writer does the same job with
//! one table-driven object writer. The command line keeps serde (it prints
//! pretty JSON); `tests/json.rs` proves that both give the same JSON value
//! for every scenario, language and mode, and the strings byte for byte.

use super::api::{Assessed, OptionView, QuestionView, Questions};
use super::condition::Condition;
use super::content::{Dimension, Kind, Level, Mode, Role};
use super::directory::OpenState;
use super::read;
use super::report::{ContactView, Group, JobOfferView, ReferralView, Report, Sign, UnknownAnswer};

/// A value that can write itself as JSON.
pub trait ToJson {
    fn write_json(&self, w: &mut Writer);
}

/// `value` as compact JSON text.
pub fn to_text(value: &dyn ToJson) -> String {
    let mut w = Writer { out: String::new(), first: true };
    value.write_json(&mut w);
    w.out
}

/// JSON text being written. `first` is whether the object or array open
/// last has no member yet, so the next one needs no comma.
pub struct Writer {
    out: String,
    first: bool,
}

impl Writer {
    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.out.push(bracket);
        self.first = false;
    }

    /// Writes `"key":value` members into the object open now.
    fn members(&mut self, fields: &[(&str, &dyn ToJson)]) {
        for (key, value) in fields {
            self.separate();
            string(&mut self.out, key);
            self.out.push(':');
            value.write_json(self);
        }
    }

    fn object(&mut self, fields: &[(&str, &dyn ToJson)]) {
        self.open('{');
        self.members(fields);
        self.close('}');
    }
}

/// A JSON string, escaped as serde_json escapes it: quote, backslash and
/// control characters; everything else (non-ASCII included) as it is.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[c as usize >> 4] as char);
                out.push(HEX[c as usize & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// An object nested inside another one's members.
struct Object<'a>(&'a [(&'a str, &'a dyn ToJson)]);

impl ToJson for Object<'_> {
    fn write_json(&self, w: &mut Writer) {
        w.object(self.0);
    }
}

impl ToJson for str {
    fn write_json(&self, w: &mut Writer) {
        string(&mut w.out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut Writer) {
        string(&mut w.out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut Writer) {
        w.out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for u32 {
    fn write_json(&self, w: &mut Writer) {
        w.out.push_str(&super::decimal(u64::from(*self)));
    }
}

impl ToJson for i64 {
    fn write_json(&self, w: &mut Writer) {
        w.out.push_str(&super::signed_decimal(*self));
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, w: &mut Writer) {
        (**self).write_json(w);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut Writer) {
        match self {
            Some(value) => value.write_json(w),
            None => w.out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut Writer) {
        w.open('[');
        for item in self {
            w.separate();
            item.write_json(w);
        }
        w.close(']');
    }
}

impl<T: ToJson + ToOwned + ?Sized> ToJson for std::borrow::Cow<'_, T> {
    fn write_json(&self, w: &mut Writer) {
        (**self).write_json(w);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut Writer) {
        self.as_slice().write_json(w);
    }
}

// Unit enums are written as their ids, which the content readers' tables
// (src/engine/read.rs) already hold, held to serde's names by its tests.

impl ToJson for Mode {
    fn write_json(&self, w: &mut Writer) {
        read::name_of(*self, read::MODES).write_json(w);
    }
}

impl ToJson for Kind {
    fn write_json(&self, w: &mut Writer) {
        read::name_of(*self, read::KINDS).write_json(w);
    }
}

impl ToJson for Role {
    fn write_json(&self, w: &mut Writer) {
        read::name_of(*self, read::ROLES).write_json(w);
    }
}

impl ToJson for Level {
    fn write_json(&self, w: &mut Writer) {
        self.id().write_json(w);
    }
}

impl ToJson for Dimension {
    fn write_json(&self, w: &mut Writer) {
        self.id().write_json(w);
    }
}

/// Internally tagged, as `#[serde(tag = "state")]`.
impl ToJson for OpenState {
    fn write_json(&self, w: &mut Writer) {
        match self {
            OpenState::Always => w.object(&[("state", &"always")]),
            OpenState::Open { closes_in } => w.object(&[("state", &"open"), ("closes_in", closes_in)]),
            OpenState::Closed { opens_at } => w.object(&[("state", &"closed"), ("opens_at", opens_at)]),
            OpenState::Unknown => w.object(&[("state", &"unknown")]),
        }
    }
}

/// Externally tagged, as serde writes enums: `{"yes": "q"}`, `{"not": {...}}`.
impl ToJson for Condition {
    fn write_json(&self, w: &mut Writer) {
        match self {
            Condition::Yes(q) => w.object(&[("yes", q)]),
            Condition::Answer { q, options } => w.object(&[("answer", &Object(&[("q", q), ("in", options)]))]),
            Condition::All(parts) => w.object(&[("all", parts)]),
            Condition::Any(parts) => w.object(&[("any", parts)]),
            Condition::Not(parts) => match &**parts {
                [one] => w.object(&[("not", one)]),
                more => w.object(&[("not", &Condition::All(more.to_vec().into()))]),
            },
        }
    }
}

impl ToJson for Questions<'_> {
    fn write_json(&self, w: &mut Writer) {
        w.object(&[("lang", &self.lang), ("mode", &self.mode), ("questions", &self.questions), ("version", &self.version)]);
    }
}

impl ToJson for QuestionView<'_> {
    fn write_json(&self, w: &mut Writer) {
        w.object(&[
            ("exclusive", &self.exclusive),
            ("id", &self.id),
            ("kind", &self.kind),
            ("module", &self.module),
            ("module_show_if", &self.module_show_if),
            ("module_title", &self.module_title),
            ("options", &self.options),
            ("role", &self.role),
            ("show_if", &self.show_if),
            ("text", &self.text),
            ("text_other", &self.text_other),
        ]);
    }
}

impl ToJson for OptionView {
    fn write_json(&self, w: &mut Writer) {
        w.object(&[("id", &self.id), ("text", &self.text)]);
    }
}

/// The report's members, then the input's problems (`#[serde(flatten)]`).
impl ToJson for Assessed {
    fn write_json(&self, w: &mut Writer) {
        w.open('{');
        self.report.write_members(w);
        w.members(&[("problems", &self.problems)]);
        w.close('}');
    }
}

impl Report {
    fn write_members(&self, w: &mut Writer) {
        w.members(&[
            ("lang", &self.lang),
            ("level", &self.level),
            ("title", &self.title),
            ("summary", &self.summary),
            ("indicators", &self.indicators),
            ("groups", &self.groups),
            ("positive_dimensions", &self.positive_dimensions),
            ("unknown", &self.unknown),
            ("not_assessed", &self.not_assessed),
            ("could_be_higher", &self.could_be_higher),
            ("job_offer", &self.job_offer),
            ("next_steps", &self.next_steps),
            ("emergency", &self.emergency),
            ("referrals", &self.referrals),
            ("no_local", &self.no_local),
            ("rights", &self.rights),
            ("emergency_missing", &self.emergency_missing),
            ("child_rules", &self.child_rules),
            ("about_other", &self.about_other),
        ]);
    }
}

impl ToJson for Report {
    fn write_json(&self, w: &mut Writer) {
        w.open('{');
        self.write_members(w);
        w.close('}');
    }
}

/// `check` is left out when there is none (`skip_serializing_if`).
impl ToJson for Sign {
    fn write_json(&self, w: &mut Writer) {
        let fields: [(&str, &dyn ToJson); 4] = [("id", &self.id), ("dimension", &self.dimension), ("text", &self.text), ("check", &self.check)];
        w.object(&fields[..if self.check.is_some() { 4 } else { 3 }]);
    }
}

impl ToJson for Group {
    fn write_json(&self, w: &mut Writer) {
        w.object(&[("dimension", &self.dimension), ("title", &self.title), ("signs", &self.signs), ("context", &self.context)]);
    }
}

impl ToJson for UnknownAnswer {
    fn write_json(&self, w: &mut Writer) {
        w.object(&[("id", &self.id), ("text", &self.text)]);
    }
}

impl ToJson for JobOfferView {
    fn write_json(&self, w: &mut Writer) {
        w.object(&[
            ("score", &self.score),
            ("max_score", &self.max_score),
            ("validated", &self.validated),
            ("flags", &self.flags),
            ("note", &self.note),
        ]);
    }
}

impl ToJson for ReferralView {
    fn write_json(&self, w: &mut Writer) {
        w.object(&[
            ("id", &self.id),
            ("name", &self.name),
            ("why", &self.why),
            ("services", &self.services),
            ("contacts", &self.contacts),
            ("hours", &self.hours),
            ("open", &self.open),
            ("check_first", &self.check_first),
            ("last_verified", &self.last_verified),
            ("languages", &self.languages),
            ("audience", &self.audience),
        ]);
    }
}

impl ToJson for ContactView {
    fn write_json(&self, w: &mut Writer) {
        w.object(&[("kind", &self.kind), ("label", &self.label), ("href", &self.href), ("note", &self.note)]);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let text: String = (0u8..0x80).map(char::from).chain("é ћ € 😀 \u{2028} \u{7f}".chars()).collect();
        assert_eq!(to_text(&text), serde_json::to_string(&text).unwrap());
    }

    #[test]
    fn open_states_and_numbers_are_written_as_serde_writes_them() {
        for state in [OpenState::Always, OpenState::Open { closes_in: 0 }, OpenState::Closed { opens_at: -1 }, OpenState::Unknown] {
            assert_eq!(to_text(&state), serde_json::to_string(&state).unwrap());
        }
        for n in [0i64, -1, i64::MIN, i64::MAX] {
            assert_eq!(to_text(&n), serde_json::to_string(&n).unwrap());
        }
        assert_eq!(to_text(&u32::MAX), serde_json::to_string(&u32::MAX).unwrap());
    }

    #[test]
    fn enums_are_written_as_serde_writes_them() {
        let same = |ours: String, serde: String| assert_eq!(ours, serde);
        for mode in [Mode::Screening, Mode::JobOffer] {
            same(to_text(&mode), serde_json::to_string(&mode).unwrap());
        }
        for kind in [Kind::YesNo, Kind::Single, Kind::Multi, Kind::Country, Kind::Countries] {
            same(to_text(&kind), serde_json::to_string(&kind).unwrap());
        }
        for role in [Role::Age, Role::Subject, Role::CountryNow, Role::CountryWork, Role::SafeNow, Role::CountryOrigin, Role::Gender] {
            same(to_text(&role), serde_json::to_string(&role).unwrap());
        }
        for level in Level::ALL {
            same(to_text(&level), serde_json::to_string(&level).unwrap());
        }
        for (name, service) in read::SERVICES {
            same(format!("\"{}\"", read::name_of(*service, read::SERVICES)), serde_json::to_string(service).unwrap());
            assert_eq!(read::name_of(*service, read::SERVICES), *name);
        }
        for dimension in Dimension::ALL {
            same(to_text(&dimension), serde_json::to_string(&dimension).unwrap());
        }
        let yes = |q: &'static str| Condition::Yes(q.into());
        let condition = Condition::All(
            vec![
                yes("a"),
                Condition::Any(
                    vec![Condition::Answer { q: "b".into(), options: vec!["x".into(), "y".into()].into() }, Condition::Not(vec![yes("c")].into())].into(),
                ),
            ]
            .into(),
        );
        same(to_text(&condition), serde_json::to_string(&condition).unwrap());
    }
}
