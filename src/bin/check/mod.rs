//! `putokaz check`: the text check on the command line, and its
//! measurement over a labelled corpus (`tests/check/corpus.json`), which
//! `.ci/bench` prints and `tests/cli.rs` holds to its goals.

use std::collections::{BTreeMap, BTreeSet};

use putokaz::engine::bundle::Content;
use putokaz::engine::check::{Check, Findings};
use serde_json::{json, Value};

pub const USAGE: &str = "\
  putokaz check [--lang L] [FILE]
      Check the text of a job ad, message or contract (FILE, or standard
      input): print the red flags with their sentences, each contract
      element's status and the answers suggested, as JSON.
  putokaz check --corpus FILE [--json] [--verbose]
      Measure the check on a labelled corpus: precision and recall per red
      flag, each element's status, and fair samples given a red flag.";

pub fn rules(content: &Content) -> Result<&Check, String> {
    content.check.as_ref().ok_or_else(|| "this build has no check rules".to_string())
}

/// The findings as JSON, texts in `lang`.
pub fn findings_json(content: &Content, lang: &str, text: &str, findings: &Findings) -> Value {
    let check = content.check.as_ref().expect("rules given");
    let t = |key: String| content.catalogs.text(lang, &key).to_string();
    let flags: Vec<Value> = findings
        .flags
        .iter()
        .map(|hit| {
            let id = &check.flags[hit.rule].id;
            let sentences: Vec<&str> = hit.sentences.iter().filter_map(|&(a, b)| text.get(a..b)).collect();
            json!({"id": id, "text": t(format!("check.flag.{id}")), "sentences": sentences})
        })
        .collect();
    let elements: BTreeMap<&str, &str> = check.elements.iter().zip(&findings.elements).map(|(e, s)| (e.id.as_str(), s.name())).collect();
    let suggestions: Vec<String> = check.suggestions(findings).into_iter().map(|(q, o)| format!("{q}={o}")).collect();
    json!({"readable": findings.readable, "contract": findings.contract, "flags": flags, "elements": elements, "suggestions": suggestions})
}

#[derive(Default)]
struct Count {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Count {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

/// Measures the check on a corpus; returns the report as text and as JSON.
pub fn corpus(check: &Check, corpus: &str, verbose: bool) -> Result<(String, Value), String> {
    let corpus: Value = serde_json::from_str(corpus).map_err(|e| format!("the corpus is not JSON: {e}"))?;
    let samples = corpus["samples"].as_array().ok_or("the corpus has no samples")?;
    let mut flags: BTreeMap<String, Count> = check.flags.iter().map(|f| (f.id.clone(), Count::default())).collect();
    let mut elements: BTreeMap<String, (usize, usize)> = check.elements.iter().map(|e| (e.id.clone(), (0, 0))).collect();
    let mut fair_flagged = Vec::new();
    let mut unreadable = Vec::new();
    let mut details = String::new();
    for sample in samples {
        let id = sample["id"].as_str().unwrap_or("?");
        let text = sample["text"].as_str().unwrap_or_default();
        let labels = |key: &str| -> BTreeSet<String> { sample[key].as_array().into_iter().flatten().filter_map(Value::as_str).map(String::from).collect() };
        let (expected, unclear, missing) = (labels("flags"), labels("unclear"), labels("missing"));
        let findings = check.check(text);
        if !findings.readable {
            unreadable.push(id.to_string());
        }
        let found: BTreeSet<String> = findings.flags.iter().map(|h| check.flags[h.rule].id.clone()).collect();
        for (flag, count) in &mut flags {
            match (expected.contains(flag), found.contains(flag)) {
                (true, true) => count.tp += 1,
                (false, true) => {
                    count.fp += 1;
                    let hit = findings.flags.iter().find(|h| check.flags[h.rule].id == *flag).expect("found");
                    let quote: Vec<&str> = hit.sentences.iter().filter_map(|&(a, b)| text.get(a..b)).collect();
                    details.push_str(&format!("  {id}: {flag} found, not labelled: {quote:?}\n"));
                }
                (true, false) => {
                    count.fn_ += 1;
                    details.push_str(&format!("  {id}: {flag} labelled, not found\n"));
                }
                (false, false) => {}
            }
        }
        if sample["fair"].as_bool() == Some(true) && !found.is_empty() {
            fair_flagged.push(format!("{id}: {}", found.iter().cloned().collect::<Vec<_>>().join(", ")));
        }
        for (element, status) in check.elements.iter().zip(&findings.elements) {
            let want = if missing.contains(&element.id) {
                "missing"
            } else if unclear.contains(&element.id) {
                "unclear"
            } else {
                "found"
            };
            let count = elements.get_mut(&element.id).expect("every element");
            count.1 += 1;
            if want == status.name() {
                count.0 += 1;
            } else {
                details.push_str(&format!("  {id}: {} is {}, labelled {want}\n", element.id, status.name()));
            }
        }
    }
    let total = flags.values().fold(Count::default(), |a, c| Count { tp: a.tp + c.tp, fp: a.fp + c.fp, fn_: a.fn_ + c.fn_ });
    let mut out = format!(
        "The text check on {} samples\n\n| red flag | labelled | found right | found wrongly | missed | precision | recall |\n|---|---|---|---|---|---|---|\n",
        samples.len()
    );
    for (flag, c) in flags.iter().chain([(&"all".to_string(), &total)]) {
        out.push_str(&format!("| {flag} | {} | {} | {} | {} | {:.2} | {:.2} |\n", c.tp + c.fn_, c.tp, c.fp, c.fn_, c.precision(), c.recall()));
    }
    out.push_str("\n| contract element | status as labelled |\n|---|---|\n");
    for (element, (right, all)) in &elements {
        out.push_str(&format!("| {element} | {right} of {all} |\n"));
    }
    out.push_str(&format!("\nFair samples given a red flag: {}\n", fair_flagged.len()));
    for line in &fair_flagged {
        out.push_str(&format!("  {line}\n"));
    }
    out.push_str(&format!("Samples in a language the check cannot read: {}\n", unreadable.len()));
    if verbose {
        out.push_str("\nDifferences:\n");
        out.push_str(&details);
    }
    let per_flag: BTreeMap<&str, Value> = flags.iter().map(|(f, c)| (f.as_str(), json!({"precision": c.precision(), "recall": c.recall()}))).collect();
    let json = json!({
        "samples": samples.len(),
        "precision": total.precision(),
        "recall": total.recall(),
        "flags": per_flag,
        "fair_flagged": fair_flagged,
        "unreadable": unreadable,
    });
    Ok((out, json))
}
