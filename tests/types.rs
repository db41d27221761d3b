//! www/putokaz.d.ts describes the JSON of the JS API (`getQuestions`,
//! `assessAnswers`, `validateConfig`). Here a small parser reads its types
//! (the subset the file uses: interfaces, type aliases, object literals,
//! unions, arrays, string literals, `Record`, `Promise`) and every output
//! the API gives for every scenario, mode, language and time of day is
//! checked against them: a field missing from the JSON, a field the types
//! do not name, a value of another type, or a declared field or literal
//! never seen in any output fails.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};

use putokaz::engine::content::Mode;
use putokaz::engine::partner::PartnerConfig;
use putokaz::engine::{api, builtin, json};
use serde_json::Value;

#[derive(Debug, Clone)]
enum Ty {
    String,
    Number,
    Boolean,
    Null,
    Unknown,
    Literal(String),
    True,
    Array(Box<Ty>),
    Record(Box<Ty>),
    Promise(Box<Ty>),
    Union(Vec<Ty>),
    Object(usize),
    Named(String),
}

#[derive(Debug)]
struct Field {
    name: String,
    optional: bool,
    ty: Ty,
}

#[derive(Debug)]
struct Object {
    label: String,
    fields: Vec<Field>,
    index: Option<Ty>,
}

#[derive(Default)]
struct Types {
    objects: Vec<Object>,
    named: BTreeMap<String, Ty>,
    functions: BTreeMap<String, Ty>,
}

/// Identifiers, 'string literals' and single punctuation characters; comments dropped.
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            while !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            let start = i;
            i += 1;
            while chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push(chars[start..i].iter().collect());
        } else if c.is_alphanumeric() || c == '_' || c == '$' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

struct Parser<'a> {
    tokens: &'a [String],
    at: usize,
    types: Types,
}

impl Parser<'_> {
    fn peek(&self) -> &str {
        self.tokens.get(self.at).map_or("", String::as_str)
    }

    fn next(&mut self) -> String {
        let token = self.peek().to_string();
        self.at += 1;
        token
    }

    fn expect(&mut self, token: &str) {
        let got = self.next();
        assert_eq!(got, token, "putokaz.d.ts: expected {token:?} at token {}", self.at);
    }

    /// Skips a balanced (...), {...} or <...> group starting at the current token.
    fn skip_group(&mut self) {
        let (open, close) = match self.peek() {
            "(" => ("(", ")"),
            "{" => ("{", "}"),
            _ => ("<", ">"),
        };
        let mut depth = 0;
        loop {
            let token = self.next();
            if token == open {
                depth += 1;
            } else if token == close {
                depth -= 1;
                if depth == 0 {
                    return;
                }
            }
        }
    }

    fn file(&mut self) {
        while self.at < self.tokens.len() {
            match self.next().as_str() {
                "export" => {}
                "interface" => {
                    let name = self.next();
                    let object = self.object(&name);
                    self.types.named.insert(name, object);
                }
                "type" => {
                    let name = self.next();
                    self.expect("=");
                    let ty = self.union(&name);
                    self.expect(";");
                    self.types.named.insert(name, ty);
                }
                "function" => {
                    let name = self.next();
                    self.skip_group();
                    self.expect(":");
                    let ty = self.union(&name);
                    self.expect(";");
                    self.types.functions.insert(name, ty);
                }
                "declare" => {
                    self.next();
                    self.skip_group();
                }
                other => panic!("putokaz.d.ts: unexpected {other:?}"),
            }
        }
    }

    fn object(&mut self, label: &str) -> Ty {
        self.expect("{");
        let mut object = Object { label: label.to_string(), fields: Vec::new(), index: None };
        while self.peek() != "}" {
            if self.peek() == "[" {
                self.skip_until("]");
                self.expect(":");
                object.index = Some(self.union(&format!("{label}[*]")));
            } else {
                let name = self.next();
                let optional = self.peek() == "?";
                if optional {
                    self.next();
                }
                self.expect(":");
                let ty = self.union(&format!("{label}.{name}"));
                object.fields.push(Field { name, optional, ty });
            }
            if self.peek() == ";" || self.peek() == "," {
                self.next();
            }
        }
        self.expect("}");
        self.types.objects.push(object);
        Ty::Object(self.types.objects.len() - 1)
    }

    fn skip_until(&mut self, token: &str) {
        while self.next() != token {}
    }

    fn union(&mut self, label: &str) -> Ty {
        if self.peek() == "|" {
            self.next();
        }
        let mut members = vec![self.postfix(label)];
        while self.peek() == "|" {
            self.next();
            members.push(self.postfix(label));
        }
        if members.len() == 1 {
            members.pop().unwrap()
        } else {
            Ty::Union(members)
        }
    }

    fn postfix(&mut self, label: &str) -> Ty {
        let mut ty = self.atom(label);
        while self.peek() == "[" {
            self.next();
            self.expect("]");
            ty = Ty::Array(Box::new(ty));
        }
        ty
    }

    fn atom(&mut self, label: &str) -> Ty {
        match self.peek() {
            "{" => return self.object(label),
            "(" => {
                self.next();
                let ty = self.union(label);
                self.expect(")");
                return ty;
            }
            _ => {}
        }
        let token = self.next();
        let generic = |parser: &mut Self, count: usize| {
            parser.expect("<");
            let mut args = vec![parser.union(&format!("{label}[]"))];
            for _ in 1..count {
                parser.expect(",");
                args.push(parser.union(&format!("{label}[]")));
            }
            parser.expect(">");
            args.pop().unwrap()
        };
        match token.as_str() {
            "string" => Ty::String,
            "number" => Ty::Number,
            "boolean" => Ty::Boolean,
            "null" => Ty::Null,
            "unknown" => Ty::Unknown,
            "true" => Ty::True,
            "Array" => Ty::Array(Box::new(generic(self, 1))),
            "Promise" => Ty::Promise(Box::new(generic(self, 1))),
            "Record" => Ty::Record(Box::new(generic(self, 2))),
            literal if literal.starts_with('\'') => Ty::Literal(literal.trim_matches('\'').to_string()),
            name => Ty::Named(name.to_string()),
        }
    }
}

fn parse_types() -> Types {
    let text = std::fs::read_to_string("www/putokaz.d.ts").expect("www/putokaz.d.ts");
    let tokens = tokens(&text);
    let mut parser = Parser { tokens: &tokens, at: 0, types: Types::default() };
    parser.file();
    parser.types
}

/// What the outputs have shown: declared fields present, literals matched.
#[derive(Default)]
struct Seen {
    fields: BTreeSet<(usize, String)>,
    literals: BTreeSet<String>,
}

impl Types {
    /// The problems of `value` against `ty`, at `path`.
    fn check(&self, value: &Value, ty: &Ty, path: &str, seen: &mut Seen) -> Vec<String> {
        let mismatch = || vec![format!("{path}: {value} is not {}", self.describe(ty))];
        match ty {
            Ty::Unknown => vec![],
            Ty::String if value.is_string() => vec![],
            Ty::Number if value.is_number() => vec![],
            Ty::Boolean if value.is_boolean() => vec![],
            Ty::Null if value.is_null() => vec![],
            Ty::True if value == &Value::Bool(true) => vec![],
            Ty::Literal(text) if value.as_str() == Some(text) => {
                seen.literals.insert(text.clone());
                vec![]
            }
            Ty::Named(name) => {
                let ty = self.named.get(name).unwrap_or_else(|| panic!("putokaz.d.ts: {name} is not declared"));
                self.check(value, ty, path, seen)
            }
            Ty::Promise(inner) => self.check(value, inner, path, seen),
            Ty::Array(inner) => match value.as_array() {
                Some(items) => items.iter().enumerate().flat_map(|(i, item)| self.check(item, inner, &format!("{path}[{i}]"), seen)).collect(),
                None => mismatch(),
            },
            Ty::Record(inner) => match value.as_object() {
                Some(map) => map.iter().flat_map(|(k, v)| self.check(v, inner, &format!("{path}.{k}"), seen)).collect(),
                None => mismatch(),
            },
            Ty::Union(members) => {
                // The first member the value fits; what it saw counts only then.
                let mut problems = vec![format!("{path}: {value} fits no member of {}; each member says:", self.describe(ty))];
                for member in members {
                    let mut tried = Seen::default();
                    let found = self.check(value, member, path, &mut tried);
                    if found.is_empty() {
                        seen.fields.extend(tried.fields);
                        seen.literals.extend(tried.literals);
                        return vec![];
                    }
                    problems.extend(found.into_iter().map(|p| format!("  {p}")));
                }
                problems
            }
            Ty::Object(id) => {
                let Some(map) = value.as_object() else { return mismatch() };
                let object = &self.objects[*id];
                let mut problems = Vec::new();
                for field in &object.fields {
                    match map.get(&field.name) {
                        Some(v) => {
                            seen.fields.insert((*id, field.name.clone()));
                            problems.extend(self.check(v, &field.ty, &format!("{path}.{}", field.name), seen));
                        }
                        None if field.optional => {}
                        None => problems.push(format!("{path}: the JSON lacks field {:?} ({})", field.name, object.label)),
                    }
                }
                for (key, v) in map {
                    if object.fields.iter().any(|f| &f.name == key) {
                        continue;
                    }
                    match &object.index {
                        Some(index) => problems.extend(self.check(v, index, &format!("{path}.{key}"), seen)),
                        None => problems.push(format!("{path}: field {key:?} is in the JSON but not in {} in putokaz.d.ts", object.label)),
                    }
                }
                problems
            }
            _ => mismatch(),
        }
    }

    fn describe(&self, ty: &Ty) -> String {
        match ty {
            Ty::Object(id) => format!("the object type {}", self.objects[*id].label),
            Ty::Union(members) => members.iter().map(|m| self.describe(m)).collect::<Vec<_>>().join(" | "),
            Ty::Literal(text) => format!("'{text}'"),
            Ty::Array(inner) => format!("{}[]", self.describe(inner)),
            other => format!("{other:?}").to_lowercase(),
        }
    }

    /// Every object and literal reachable from `ty`, for the coverage check.
    fn reachable(&self, ty: &Ty, objects: &mut BTreeSet<usize>, literals: &mut BTreeSet<String>, names: &mut BTreeSet<String>) {
        match ty {
            Ty::Literal(text) => {
                literals.insert(text.clone());
            }
            Ty::Named(name) if names.insert(name.clone()) => self.reachable(&self.named[name], objects, literals, names),
            Ty::Array(inner) | Ty::Record(inner) | Ty::Promise(inner) => self.reachable(inner, objects, literals, names),
            Ty::Union(members) => members.iter().for_each(|m| self.reachable(m, objects, literals, names)),
            Ty::Object(id) if objects.insert(*id) => {
                for field in &self.objects[*id].fields {
                    self.reachable(&field.ty, objects, literals, names);
                }
                if let Some(index) = &self.objects[*id].index {
                    self.reachable(index, objects, literals, names);
                }
            }
            _ => {}
        }
    }
}

const LANGS: [&str; 3] = ["en", "sr-Latn", "sr-Cyrl"];
const MODES: [(Mode, &str); 2] = [(Mode::Screening, "screening"), (Mode::JobOffer, "job-offer")];

/// The JSON text the browser gets from each exported function, for many inputs.
fn outputs() -> Vec<(&'static str, String, Value)> {
    let content = builtin::content();
    let mut out = Vec::new();
    for lang in LANGS {
        for (mode, name) in MODES {
            let text = json::to_text(&api::questions(content, lang, mode));
            out.push(("getQuestions", format!("getQuestions({lang}, {name})"), serde_json::from_str(&text).unwrap()));
        }
    }
    let mut paths: Vec<_> = std::fs::read_dir("tests/scenarios").unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    assert!(paths.len() >= 25, "the scenarios are there");
    for path in &paths {
        let scenario: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let mut answers = scenario["answers"].clone();
        answers["no_such_question"] = "yes".into();
        for (_, mode) in MODES {
            for region in ["RS", "DE", "FR"] {
                // A Saturday night and a Monday morning: services closed, open and closing soon.
                for now in ["2026-11-28T21:30Z", "2026-11-30T09:00Z", "2026-11-30T15:30Z"] {
                    let input = serde_json::json!({ "answers": answers, "mode": mode, "region": region, "now": now }).to_string();
                    let (input, problems) = api::parse_assess_input(content, &input, 0).unwrap();
                    for lang in LANGS {
                        let text = json::to_text(&api::assess_json(content, lang, &input, 60, &problems));
                        let what = format!("assessAnswers({lang}, {} {mode} {region} {now})", path.display());
                        out.push(("assessAnswers", what, serde_json::from_str(&text).unwrap()));
                    }
                }
            }
        }
    }
    // Partners may add entries with any kind of contact; the widget's result
    // shows them in this same shape.
    let entry = r#"{"id": "rs-atina", "name": {"original": "Linija", "en": "Partner line"}, "country": "RS",
        "contacts": [{"kind": "voice", "number": "+381111234567"}, {"kind": "sms", "number": "+381111234567"},
                     {"kind": "whatsapp", "number": "+381111234567"}, {"kind": "viber", "number": "+381111234567"},
                     {"kind": "email", "address": "help@example.org"}, {"kind": "web", "url": "https://example.org"}],
        "services": ["trafficking_identification", "legal"], "audience": ["anyone"],
        "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high"}"#;
    let (config, config_problems) = PartnerConfig::parse(&format!(r#"{{"referrals": {{"replace": [{entry}]}}}}"#), content);
    assert!(config_problems.is_empty(), "{config_problems:?}");
    let with_partner = config.apply(content);
    let input = r#"{"answers": {"danger_now": "no", "situation": "work_now", "control_signs": ["documents_kept", "cannot_leave", "debt"]}, "now": "2026-11-30T09:00Z"}"#;
    let (input, problems) = api::parse_assess_input(&with_partner, input, 0).unwrap();
    let text = json::to_text(&api::assess_json(&with_partner, "en", &input, 60, &problems));
    let value: Value = serde_json::from_str(&text).unwrap();
    assert!(text.contains("Partner line"), "the partner's entry is in the result: {} {text}", with_partner.directory.entries.len());
    out.push(("assessAnswers", "assessAnswers with a partner's entry".to_string(), value));

    for config in ["{}", "not json", r#"{"region": "XX", "modules": ["nope"], "text": {"en": {"x": 1}}}"#] {
        let problems: Vec<String> = api::validate(content, "config", config).iter().map(ToString::to_string).collect();
        out.push(("validateConfig", format!("validateConfig({config})"), serde_json::to_value(problems).unwrap()));
    }
    out
}

fn without_indices(path: &str) -> String {
    path.split('[').map(|part| part.trim_start_matches(|c: char| c.is_ascii_digit())).collect()
}

#[test]
fn the_typescript_types_match_the_json_of_every_exported_function() {
    let types = parse_types();
    let mut seen = Seen::default();
    let mut problems = Vec::new();
    for (function, what, value) in outputs() {
        let ty = types.functions.get(function).unwrap_or_else(|| panic!("putokaz.d.ts does not declare {function}"));
        let mut found = types.check(&value, ty, function, &mut seen);
        // Once per kind of problem, not once per array item.
        found.dedup_by(|a, b| a.split(':').next().map(without_indices) == b.split(':').next().map(without_indices));
        if !found.is_empty() {
            problems.push(format!("{what}:\n  {}", found.join("\n  ")));
        }
    }
    assert!(problems.is_empty(), "www/putokaz.d.ts does not describe the JSON ({} outputs):\n{}", problems.len(), problems[..problems.len().min(4)].join("\n"));

    // Every field and literal the types declare for these outputs appears in some output.
    let (mut objects, mut literals, mut names) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for function in ["getQuestions", "assessAnswers", "validateConfig"] {
        types.reachable(&types.functions[function], &mut objects, &mut literals, &mut names);
    }
    let mut unseen = Vec::new();
    for id in objects {
        for field in &types.objects[id].fields {
            if !seen.fields.contains(&(id, field.name.clone())) {
                unseen.push(format!("field {}.{}", types.objects[id].label, field.name));
            }
        }
    }
    unseen.extend(literals.difference(&seen.literals).map(|l| format!("literal '{l}'")));
    assert!(unseen.is_empty(), "putokaz.d.ts declares what no output has:\n{}", unseen.join("\n"));
}

#[test]
fn the_checker_finds_a_missing_an_extra_and_a_mistyped_field() {
    let types = parse_types();
    let question = &types.functions["getQuestions"];
    let good = serde_json::json!({"lang": "en", "mode": "screening", "version": "1", "questions": []});
    assert!(types.check(&good, question, "q", &mut Seen::default()).is_empty());
    for bad in [
        serde_json::json!({"lang": "en", "mode": "screening", "questions": []}),
        serde_json::json!({"lang": "en", "mode": "screening", "version": "1", "questions": [], "extra": 1}),
        serde_json::json!({"lang": "en", "mode": "screening", "version": 1, "questions": []}),
    ] {
        assert!(!types.check(&bad, question, "q", &mut Seen::default()).is_empty(), "{bad}");
    }
}
