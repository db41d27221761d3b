//! The text check: what a job ad, a recruiter's message, an offer or a
//! contract shows, read in the browser.
//!
//! The rules are data (`src/data/check/rules.json`, documented in
//! docs/METHODOLOGY.md): each red flag and each element a contract should
//! have is a list of patterns per language, written by hand and tested on
//! a corpus of sample texts (`tests/check/`). A pattern is a row of words
//! matched against the words of one sentence: `fee` is that word, `fee*`
//! any word that starts so, `fee*|charge*` either, `kod+nas` words in a row,
//! `#` any number, and `~3`
//! lets up to three other words come before the next; `@` is a word written
//! with a capital, not first in its sentence (a name). Words are compared
//! as [`fold`] writes them (lower case, no accents, Serbian Cyrillic as
//! Latin), so one pattern reads both Serbian scripts.
//!
//! A flag's `except` patterns, found in the same sentence, cancel it there
//! ("no fees"); its `unless` patterns, found anywhere, cancel it in the whole
//! text (a company website beside a free e-mail address). A flag with
//! `when_missing` fires when an element is not clearly in the text (no
//! employer named). An element is found by its patterns (in a sentence
//! without its `except` ones), else unclear by its `unclear` ones ("pay by
//! agreement"), else missing.
//!
//! The pay check compares an offered pay with the statutory minimum wage of
//! a country (`src/data/check/wages.json`, each figure with its source and
//! date), in that country's currency: nothing is converted.

use super::catalog::Catalogs;
use super::content::Questionnaire;
use super::translit::fold;
use super::value::Value;
use super::Problem;

/// The rules and the minimum wages, as the check pack brings them.
#[derive(Debug, Clone, Default)]
pub struct Check {
    /// For each language the rules read, the words that tell it apart.
    pub langs: Vec<Vec<String>>,
    pub flags: Vec<Rule>,
    pub elements: Vec<Rule>,
    /// Patterns that say the text is a contract (then the elements it has
    /// are suggested as answers too).
    pub contract: Vec<Pattern>,
    pub wages: Vec<Wage>,
}

/// A red flag or a contract element.
#[derive(Debug, Clone, Default)]
pub struct Rule {
    pub id: String,
    /// The job-offer question and option this suggests: `(question, option)`.
    pub answer: Option<(String, String)>,
    pub patterns: Vec<Pattern>,
    pub except: Vec<Pattern>,
    pub unless: Vec<Pattern>,
    pub unclear: Vec<Pattern>,
    /// A flag that fires when this element is not found.
    pub when_missing: Option<String>,
}

/// A pattern, read (the language it was written for only groups it in
/// rules.json: every text is read with the patterns of all languages).
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
struct Step {
    /// How many other words may come before this one.
    gap: usize,
    /// Each alternative: one word, or words in a row (`kod+nas`).
    alts: Vec<Vec<Alt>>,
}

#[derive(Debug, Clone, PartialEq)]
enum Alt {
    Word(String),
    Prefix(String),
    Number,
    /// A word written with a capital, not first in its sentence: a name.
    Name,
}

impl Pattern {
    /// Reads a pattern (see the module's documentation).
    pub fn parse(source: &str) -> Result<Pattern, String> {
        let mut steps = Vec::new();
        let mut gap = 0;
        for part in source.split_whitespace() {
            if let Some(n) = part.strip_prefix('~') {
                gap = n.parse().ok().filter(|n| (1..=9).contains(n)).ok_or("`~` takes a number from 1 to 9")?;
                continue;
            }
            let mut alts = Vec::new();
            for alt in part.split('|') {
                let mut row = Vec::new();
                for one in alt.split('+') {
                    let (word, prefix) = match one.strip_suffix('*') {
                        Some(word) => (word, true),
                        None => (one, false),
                    };
                    let word = fold(word);
                    row.push(if word == "#" {
                        Alt::Number
                    } else if word == "@" {
                        Alt::Name
                    } else if word.is_empty() || !word.chars().all(is_word) {
                        return Err(super::concat(&["`", one, "` is not a word, `word*`, `#` or `@`"]));
                    } else if prefix {
                        Alt::Prefix(word)
                    } else {
                        Alt::Word(word)
                    });
                }
                alts.push(row);
            }
            steps.push(Step { gap, alts });
            gap = 0;
        }
        if steps.is_empty() || gap > 0 {
            return Err("a pattern needs a word, and a word after `~n`".into());
        }
        Ok(Pattern { steps })
    }

    /// The first match in these words: the first and the last word's index.
    fn find(&self, words: &[Word]) -> Option<(usize, usize)> {
        (0..words.len()).find_map(|start| self.from(words, start, 0).map(|end| (start, end)))
    }

    /// Matches step `step` from the word at `at`, then the steps after it,
    /// each within its gap; the last word's index. (No allocation: this runs
    /// for every word of a text and every pattern.)
    fn from(&self, words: &[Word], at: usize, step: usize) -> Option<usize> {
        self.steps[step].alts.iter().find_map(|row| {
            let matched = row.iter().enumerate().all(|(i, alt)| words.get(at + i).is_some_and(|word| alt.matches(word)));
            let end = at + row.len() - 1;
            match self.steps.get(step + 1) {
                _ if !matched => None,
                None => Some(end),
                Some(next) => (end + 1..words.len().min(end + 2 + next.gap)).find_map(|i| self.from(words, i, step + 1)),
            }
        })
    }
}

impl Alt {
    fn matches(&self, word: &Word) -> bool {
        match self {
            Alt::Word(w) => word.text == *w,
            Alt::Prefix(p) => word.text.starts_with(p.as_str()),
            Alt::Number => word.number,
            Alt::Name => word.name,
        }
    }
}

/// A word of the text: folded, with where it is in the text (bytes) and its sentence.
#[derive(Debug, Clone)]
struct Word {
    text: String,
    number: bool,
    name: bool,
    start: usize,
    end: usize,
}

/// The words of a text, in sentences. A sentence ends at a line break, `!`,
/// `?`, or a full stop and a space after a word of three letters or more
/// (also in chat written in small letters), or after a number unless a small
/// letter follows (so "d.o.o.", "br. 5" and "2. marta" do not end one).
fn sentences(text: &str) -> Vec<Vec<Word>> {
    let mut sentences = vec![Vec::new()];
    let mut word: Option<Word> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let digit = c.is_ascii_digit();
        // Digits, and `.` or `,` between digits, make one number: "1.200,50".
        let in_number = word.as_ref().is_some_and(|w| w.number);
        let joins = match &word {
            Some(w) => (is_word(c) && digit == w.number) || (in_number && matches!(c, '.' | ',') && next.is_some_and(|n| n.is_ascii_digit())),
            None => false,
        };
        if joins {
            let w = word.as_mut().expect("joins only a word");
            push_folded(&mut w.text, c);
            w.end = at + c.len_utf8();
            continue;
        }
        let last = sentences.last_mut().expect("one sentence at least");
        last.extend(word.take());
        let symbol = match c {
            '€' => Some("eur"),
            '$' => Some("usd"),
            '£' => Some("gbp"),
            _ => None,
        };
        if is_word(c) || symbol.is_some() {
            let name = is_capital(c) && !last.is_empty();
            let mut text = String::new();
            match symbol {
                Some(symbol) => text.push_str(symbol),
                None => push_folded(&mut text, c),
            }
            let w = Word { text, number: digit, name, start: at, end: at + c.len_utf8() };
            if symbol.is_some() {
                last.push(w);
            } else {
                word = Some(w);
            }
            continue;
        }
        let ends = match c {
            '\n' | '!' | '?' => true,
            // Not before a small letter or a digit: "2. marta", "d.o.o. sa sedištem".
            '.' => {
                let after = text.get(at + 1..).and_then(|t| t.trim_start().chars().next());
                // After a number, a full stop before a small letter is an ordinal ("2. marta").
                let ordinal = !after.is_some_and(|c| is_word(c) && !is_capital(c));
                next.is_none_or(char::is_whitespace) && last.last().is_some_and(|w| if w.number { ordinal } else { w.text.len() >= 3 })
            }
            _ => false,
        };
        if ends && !last.is_empty() {
            sentences.push(Vec::new());
        }
    }
    sentences.last_mut().expect("one sentence at least").extend(word);
    sentences.retain(|s| !s.is_empty());
    sentences
}

/// A letter or digit: ASCII's, and any character from U+00C0 on but
/// punctuation, spaces, symbols and emoji of the common blocks. (std's Unicode
/// tables would cost the browser a few kilobytes; the rules read Latin and
/// Cyrillic, and other scripts only need to make words.)
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c >= '\u{c0}'
            && !matches!(c, '×' | '÷' | '\u{2000}'..='\u{2bff}' | '\u{3000}'..='\u{303f}' | '\u{fe00}'..='\u{fe6f}' | '\u{ff00}'..='\u{ff0f}' | '\u{1f000}'..='\u{1faff}'))
}

/// A capital of the Latin and Cyrillic alphabets the rules read.
fn is_capital(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, '\u{c0}'..='\u{de}' | '\u{400}'..='\u{42f}' | 'Č' | 'Ć' | 'Š' | 'Ž' | 'Đ') && c != '×'
}

/// Adds a character as [`fold`] writes it (ASCII without allocating).
fn push_folded(text: &mut String, c: char) {
    if c.is_ascii() {
        text.push(c.to_ascii_lowercase());
    } else {
        let mut buf = [0u8; 4];
        text.push_str(&fold(c.encode_utf8(&mut buf)));
    }
}

/// What a text shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Findings {
    /// Whether the text is in a language the rules read (else nothing else is set).
    pub readable: bool,
    /// Whether it reads as a contract.
    pub contract: bool,
    /// The flags found, in the rules' order: the rule's index, and the
    /// byte ranges of the matches and of their sentences (none for a flag
    /// of something missing).
    pub flags: Vec<Hit>,
    /// Each element's status, in the rules' order.
    pub elements: Vec<Status>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub rule: usize,
    pub matches: Vec<(usize, usize)>,
    pub sentences: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Found,
    Unclear,
    Missing,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Found => "found",
            Status::Unclear => "unclear",
            Status::Missing => "missing",
        }
    }
}

impl Check {
    /// Checks a text.
    pub fn check(&self, text: &str) -> Findings {
        let sentences = sentences(text);
        let mut findings = Findings { readable: self.readable(&sentences), contract: false, flags: Vec::new(), elements: Vec::new() };
        if !findings.readable {
            return findings;
        }
        let any = |patterns: &[Pattern], except: &[Pattern]| {
            sentences.iter().any(|s| patterns.iter().any(|p| p.find(s).is_some()) && !except.iter().any(|p| p.find(s).is_some()))
        };
        findings.contract = any(&self.contract, &[]);
        for rule in &self.elements {
            findings.elements.push(if any(&rule.patterns, &rule.except) {
                Status::Found
            } else if any(&rule.unclear, &[]) {
                Status::Unclear
            } else {
                Status::Missing
            });
        }
        for (i, rule) in self.flags.iter().enumerate() {
            let mut hit = Hit { rule: i, matches: Vec::new(), sentences: Vec::new() };
            for sentence in &sentences {
                let before = hit.matches.len();
                for (a, b) in rule.patterns.iter().filter_map(|p| p.find(sentence)) {
                    let span = (sentence[a].start, sentence[b].end);
                    if !hit.matches.contains(&span) {
                        hit.matches.push(span);
                    }
                }
                // Only a sentence with a match is looked at for what cancels it.
                if hit.matches.len() > before && rule.except.iter().any(|p| p.find(sentence).is_some()) {
                    hit.matches.truncate(before);
                }
                if hit.matches.len() > before {
                    let end = sentence[sentence.len() - 1].end;
                    let end = end + text.get(end..).and_then(|t| t.chars().next()).filter(|c| matches!(c, '.' | '!' | '?')).map_or(0, char::len_utf8);
                    hit.sentences.push((sentence[0].start, end));
                }
            }
            let missing =
                rule.when_missing.as_ref().and_then(|id| self.elements.iter().position(|e| e.id == *id)).is_some_and(|e| findings.elements[e] != Status::Found);
            if (!hit.matches.is_empty() || missing) && !any(&rule.unless, &[]) {
                findings.flags.push(hit);
            }
        }
        findings
    }

    /// Whether most of the text is in a language the rules read: at least
    /// two of its words and one in twelve are that language's usual words.
    fn readable(&self, sentences: &[Vec<Word>]) -> bool {
        let words: Vec<&Word> = sentences.iter().flatten().filter(|w| !w.number).collect();
        self.langs.iter().any(|markers| {
            let n = words.iter().filter(|w| markers.contains(&w.text)).count();
            n >= 2 && n * 12 >= words.len()
        })
    }

    /// The answers the findings suggest for the job-offer questions:
    /// `(question, option)`, each once.
    pub fn suggestions(&self, findings: &Findings) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let flags = findings.flags.iter().map(|hit| &self.flags[hit.rule]);
        let elements = self.elements.iter().zip(&findings.elements).filter(|(_, s)| findings.contract && **s == Status::Found).map(|(rule, _)| rule);
        for answer in flags.chain(elements).filter_map(|rule| rule.answer.as_ref()) {
            if !out.contains(answer) {
                out.push(answer.clone());
            }
        }
        out
    }
}

/// The compiled content has no check (the loader adds it from its pack):
/// build.rs takes it out before the content is baked, so this is never used.
#[cfg(feature = "bake")]
impl databake::Bake for Check {
    fn bake(&self, _: &databake::CrateEnv) -> databake::TokenStream {
        databake::quote! { compile_error!("the check is not compiled in") }
    }
}

#[cfg(feature = "bake")]
impl databake::BakeSize for Check {
    fn borrows_size(&self) -> usize {
        0
    }
}

// ---- Reading the rules --------------------------------------------------

impl Check {
    /// Reads the rules (`rules.json`) and the minimum wages (`wages.json`),
    /// as the check pack or the files bring them. Whatever is broken is
    /// reported and left out.
    pub fn read(rules: &Value, wages: &Value, problems: &mut Vec<Problem>) -> Check {
        let mut check = Check::default();
        let mut problem = |at: &str, message: &str| problems.push(Problem { location: super::concat(&["check/", at]), message: message.into() });
        for (lang, markers) in rules.get("languages").and_then(Value::as_object).into_iter().flat_map(|m| m.iter()) {
            let markers: Vec<String> = markers.as_array().into_iter().flatten().filter_map(Value::as_str).map(fold).collect();
            if markers.len() < 10 {
                problem(&super::concat(&["rules.json: languages.", lang]), "a language needs ten or more of its usual words, to tell it apart");
            }
            check.langs.push(markers);
        }
        let patterns = |at: &str, value: Option<&Value>, problem: &mut dyn FnMut(&str, &str)| -> Vec<Pattern> {
            let mut out = Vec::new();
            for (lang, list) in value.and_then(Value::as_object).into_iter().flat_map(|m| m.iter()) {
                for (i, source) in list.as_array().into_iter().flatten().enumerate() {
                    let at = super::concat(&[at, ".", lang, "[", &super::decimal(i as u64), "]"]);
                    match source.as_str().ok_or_else(|| "a pattern is a string".to_string()).and_then(Pattern::parse) {
                        Ok(p) => out.push(p),
                        Err(e) => problem(&at, &e),
                    }
                }
            }
            out
        };
        check.contract = patterns("rules.json: contract", rules.get("contract"), &mut problem);
        for (key, list) in [("elements", &mut check.elements), ("flags", &mut check.flags)] {
            for (i, value) in rules.get(key).and_then(Value::as_array).into_iter().flatten().enumerate() {
                let id = value.get("id").and_then(Value::as_str).unwrap_or_default();
                let at = super::concat(&["rules.json: ", key, "[", &super::decimal(i as u64), "] ", id]);
                if id.is_empty() {
                    problem(&at, "a rule needs an id");
                    continue;
                }
                let answer = value.get("answer").and_then(Value::as_str).and_then(|a| a.split_once('=')).map(|(q, o)| (q.to_string(), o.to_string()));
                let when_missing = value.get("when_missing").and_then(Value::as_str).map(String::from);
                let rule = Rule {
                    id: id.into(),
                    answer,
                    patterns: patterns(&super::concat(&[&at, " patterns"]), value.get("patterns"), &mut problem),
                    except: patterns(&super::concat(&[&at, " except"]), value.get("except"), &mut problem),
                    unless: patterns(&super::concat(&[&at, " unless"]), value.get("unless"), &mut problem),
                    unclear: patterns(&super::concat(&[&at, " unclear"]), value.get("unclear"), &mut problem),
                    when_missing,
                };
                if rule.patterns.is_empty() && rule.when_missing.is_none() {
                    problem(&at, "a rule needs patterns");
                }
                list.push(rule);
            }
        }
        for rule in &check.flags {
            if let Some(id) = &rule.when_missing {
                if !check.elements.iter().any(|e| e.id == *id) {
                    problem(&super::concat(&["rules.json: flags ", &rule.id]), &super::concat(&["when_missing names no element: ", id]));
                }
            }
        }
        for (i, value) in wages.get("wages").and_then(Value::as_array).into_iter().flatten().enumerate() {
            match Wage::read(value) {
                Ok(wage) => check.wages.push(wage),
                Err(e) => problem(&super::concat(&["wages.json: wages[", &super::decimal(i as u64), "]"]), &e),
            }
        }
        check
    }

    /// What the rules name that the content lacks: the question and
    /// option each suggests, and the English texts of each flag and element.
    pub fn problems_with(&self, questionnaire: &Questionnaire, catalogs: &Catalogs) -> Vec<Problem> {
        let mut problems = Vec::new();
        let rules = self.flags.iter().map(|r| (r, "check.flag.")).chain(self.elements.iter().map(|r| (r, "check.el.")));
        for (rule, prefix) in rules {
            let at = super::concat(&["check/rules.json: ", &rule.id]);
            if let Some((q, option)) = &rule.answer {
                let known = questionnaire.questions.iter().find(|x| x.id == *q).is_some_and(|x| x.options.iter().any(|o| o == option));
                if !known {
                    problems.push(Problem { location: at.clone(), message: super::concat(&["answer names no option of the questionnaire: ", q, "=", option]) });
                }
            }
            let key = super::concat(&[prefix, &rule.id]);
            let keys = if prefix == "check.flag." { vec![key.clone(), super::concat(&[&key, ".why"]), super::concat(&[&key, ".ask"])] } else { vec![key] };
            for key in keys {
                if !catalogs.has(&key) {
                    problems.push(Problem { location: at.clone(), message: super::concat(&["the English catalog has no ", &key]) });
                }
            }
        }
        problems
    }
}

// ---- The pay check ---------------------------------------------------------

/// A country's statutory minimum wage (or that it has none), from the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Wage {
    pub country: String,
    /// A part of the country with its own minimum ("Geneva"); empty for the whole.
    pub region: String,
    pub currency: String,
    /// In hundredths; `None`: no statutory minimum.
    pub amount: Option<u64>,
    pub per: Per,
    /// `YYYY-MM-DD`.
    pub since: String,
    pub full_time_hours: Option<u32>,
    pub max_week_hours: Option<u32>,
    /// The law states it after tax (take-home pay); else before.
    pub net: bool,
    pub source: String,
    pub source_date: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    Hour,
    Day,
    Week,
    Month,
}

impl Per {
    pub const ALL: [Per; 4] = [Per::Hour, Per::Day, Per::Week, Per::Month];

    pub fn name(self) -> &'static str {
        match self {
            Per::Hour => "hour",
            Per::Day => "day",
            Per::Week => "week",
            Per::Month => "month",
        }
    }

    pub fn parse(name: &str) -> Option<Per> {
        Per::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Hours in this period, at `week` hours a week (five days a week, 52
    /// weeks a year).
    fn hours(self, week: u32) -> f64 {
        let week = f64::from(week);
        match self {
            Per::Hour => 1.0,
            Per::Day => week / 5.0,
            Per::Week => week,
            Per::Month => week * 52.0 / 12.0,
        }
    }
}

impl Wage {
    fn read(value: &Value) -> Result<Wage, String> {
        let text = |key: &str| value.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
        let hours = |key: &str| value.get(key).and_then(Value::as_u64).map(|n| n as u32);
        let none = value.get("none").and_then(Value::as_bool) == Some(true);
        let amount = if none { None } else { Some(parse_amount(&text("amount")).ok_or("`amount` must be a number such as \"13.90\"")?) };
        let per = if none { Per::Month } else { Per::parse(&text("per")).ok_or("`per` must be hour, day, week or month")? };
        let wage = Wage {
            country: text("country"),
            region: text("region"),
            currency: text("currency"),
            amount,
            per,
            since: text("since"),
            full_time_hours: hours("full_time_hours"),
            max_week_hours: hours("max_week_hours"),
            net: value.get("net").and_then(Value::as_bool) == Some(true),
            source: text("source"),
            source_date: text("source_date"),
        };
        if wage.country.len() != 2 || !super::directory::is_https_url(&wage.source) {
            return Err("a wage needs a `country` code and an https `source`".into());
        }
        if !none && (wage.currency.len() != 3 || !super::time::is_date(&wage.since)) {
            return Err("a minimum wage needs a `currency` (ISO 4217) and the date it applies `since`".into());
        }
        Ok(wage)
    }
}

/// An amount as a person or the table writes it ("1.200,50", "1,200.50",
/// "1200", "13.90"), in hundredths. A `.` or `,` followed by exactly two
/// digits at the end is the decimal point; others group thousands.
pub fn parse_amount(text: &str) -> Option<u64> {
    // Arabic, Persian and Devanagari digits as 0-9, the Arabic decimal and thousands signs as . and ,
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c as u32 {
            d @ (0x660..=0x669 | 0x6F0..=0x6F9) => char::from(b'0' + (d & 0xF) as u8),
            d @ 0x966..=0x96F => char::from(b'0' + (d - 0x966) as u8),
            0x66B => '.',
            0x66C => ',',
            _ => c,
        })
        .collect();
    let text = text.as_str();
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() || text.chars().any(|c| !c.is_ascii_digit() && !matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\'')) || digits.len() > 12 {
        return None;
    }
    let bytes = text.as_bytes();
    let n = bytes.len();
    let cents = n >= 3 && matches!(bytes[n - 3], b'.' | b',');
    let cent = n >= 2 && matches!(bytes[n - 2], b'.' | b',');
    let value: u64 = digits.parse().ok()?;
    Some(if cents {
        value
    } else if cent {
        value * 10
    } else {
        value * 100
    })
}

/// An amount in hundredths as the table writes it: "13.90", "1000".
pub fn amount_text(cents: u64) -> String {
    let whole = super::decimal(cents / 100);
    match cents % 100 {
        0 => whole,
        c => super::concat(&[&whole, if c < 10 { ".0" } else { "." }, &super::decimal(c)]),
    }
}

/// How an offered pay compares with one minimum wage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// No statutory minimum to compare with.
    NoMinimum,
    Below,
    AtLeast,
    /// Twice the minimum or more: unusual for work that needs no special skills.
    MuchHigher,
}


/// The pay check against one row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct PayCheck<'a> {
    pub wage: &'a Wage,
    pub verdict: Verdict,
    /// The hours a week offered are over the legal maximum.
    pub over_max_hours: bool,
}

/// Checks a pay offered in `country` (in its currency, in hundredths, per
/// `per`, for `week_hours` a week if the person knows them) against each
/// minimum wage in force on `today` there (a country may have several, by
/// region). Empty when the table has no row for the country.
pub fn pay_check<'a>(wages: &'a [Wage], country: &str, today: &str, amount: u64, per: Per, week_hours: Option<u32>) -> Vec<PayCheck<'a>> {
    let rows: Vec<&Wage> = wages.iter().filter(|w| w.country == country && *w.since <= *today).collect();
    let mut out = Vec::new();
    for wage in &rows {
        // Only the newest row of each region applies.
        if rows.iter().any(|o| o.region == wage.region && o.since > wage.since) {
            continue;
        }
        let full_time = wage.full_time_hours.unwrap_or(40);
        let verdict = match wage.amount {
            None => Verdict::NoMinimum,
            Some(minimum) => {
                let offered = amount as f64 / per.hours(week_hours.unwrap_or(full_time));
                let minimum = minimum as f64 / wage.per.hours(full_time);
                if offered < minimum * 0.995 {
                    Verdict::Below
                } else if offered >= minimum * 2.0 {
                    Verdict::MuchHigher
                } else {
                    Verdict::AtLeast
                }
            }
        };
        let over_max_hours = matches!((week_hours, wage.max_week_hours), (Some(h), Some(max)) if h > max);
        out.push(PayCheck { wage, verdict, over_max_hours });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<String>> {
        sentences(text).into_iter().map(|s| s.into_iter().map(|w| w.text).collect()).collect()
    }

    #[test]
    fn texts_split_into_folded_words_and_sentences() {
        assert_eq!(
            words("Plata 1.200,50 € mesečno. Smeštaj: Firma d.o.o. Beograd!\nПасош od 2. marta."),
            [vec!["plata", "1.200,50", "eur", "mesecno"], vec!["smestaj", "firma", "d", "o", "o", "beograd"], vec!["pasos", "od", "2", "marta"]]
        );
        assert_eq!(words("Earn 2000eur/month"), [vec!["earn", "2000", "eur", "month"]]);
        assert_eq!(words("we pay cash. you keep passport"), [vec!["we", "pay", "cash"], vec!["you", "keep", "passport"]]);
        assert_eq!(words("💰 Plata – 5.000 $!"), [vec!["plata", "5.000", "usd"]]);
    }

    #[test]
    fn patterns_match_words_prefixes_numbers_and_gaps() {
        let check = |pattern: &str, text: &str| Pattern::parse(pattern).unwrap().find(&sentences(text)[0]).is_some();
        assert!(check("fee*", "A small fee applies"));
        assert!(check("pay|paid ~2 back", "it is paid straight back"));
        assert!(!check("pay|paid ~1 back", "it is paid straight and then back"));
        assert!(check("# eur", "you get 900 € a month"));
        assert!(check("in @", "Work in Munich"));
        assert!(check("pasos ~2 kod+nas|kod+poslodav*", "Pasoš ostaje kod poslodavca"));
        assert!(!check("pasos ~2 kod+nas", "Pasoš ostaje kod vas"));
        assert!(!check("@ work", "Work in Munich"), "the first word of a sentence is no name");
        assert!(check("pasos*", "Poslodavac čuva vaš pasoš"));
        assert!(check("пасош", "Poslodavac čuva vaš pasoš"), "patterns are folded too");
        assert!(!check("fee", "coffee"));
        assert!(Pattern::parse("~2 fee").is_ok(), "a gap before the first word means nothing");
        assert!(Pattern::parse("fee ~2").is_err());
        assert!(Pattern::parse("fee ~12 x").is_err());
        assert!(Pattern::parse("fee-s").is_err());
    }

    #[test]
    fn amounts_read_as_people_write_them() {
        assert_eq!(parse_amount("13.90"), Some(1390));
        assert_eq!(parse_amount("1.200,50"), Some(120_050));
        assert_eq!(parse_amount("1,200"), Some(120_000));
        assert_eq!(parse_amount("1 200"), Some(120_000));
        assert_eq!(parse_amount("7,5"), Some(750));
        assert_eq!(parse_amount("1200"), Some(120_000));
        assert_eq!(parse_amount("١٢٠٠"), Some(120_000));
        assert_eq!(parse_amount("१३.५०"), Some(1350));
        assert_eq!(parse_amount("12a"), None);
        assert_eq!(amount_text(1390), "13.90");
        assert_eq!(amount_text(1305), "13.05");
        assert_eq!(amount_text(100_000), "1000");
        assert_eq!(parse_amount(""), None);
    }

    fn wage(amount: u64, per: Per) -> Wage {
        Wage {
            country: "DE".into(),
            region: String::new(),
            currency: "EUR".into(),
            amount: Some(amount),
            per,
            since: "2026-01-01".into(),
            full_time_hours: Some(40),
            max_week_hours: Some(48),
            net: false,
            source: "https://example.org/".into(),
            source_date: "2025".into(),
        }
    }

    /// A translator adds a language as data: its common words and its
    /// patterns, which then read texts in it (here German, which the
    /// built-in rules do not read).
    #[test]
    fn a_language_is_added_as_data() {
        let rules = super::super::value::from_str(
            r#"{
                "languages": {"de": ["der", "die", "und", "sie", "ist", "arbeit", "wir", "für", "mit", "lohn"]},
                "elements": [{"id": "employer", "patterns": {"de": ["gmbh"]}}],
                "flags": [
                    {"id": "documents", "answer": "jo_signs=passport", "patterns": {"de": ["reisepass* ~4 behalten|abgeben"]}, "except": {"de": ["sie ~2 behalten", "behalten ~1 sie"]}},
                    {"id": "no_employer", "when_missing": "employer"}
                ]
            }"#,
        )
        .unwrap();
        let mut problems = Vec::new();
        let check = Check::read(&rules, &Value::Null, &mut problems);
        assert_eq!(problems, []);
        let findings = check.check("Arbeit in der Küche, guter Lohn. Den Reisepass müssen Sie bei uns abgeben. Wir sind für Sie da.");
        assert!(findings.readable);
        let flags: Vec<&str> = findings.flags.iter().map(|h| check.flags[h.rule].id.as_str()).collect();
        assert_eq!(flags, ["documents", "no_employer"]);
        assert_eq!(check.suggestions(&findings), [("jo_signs".to_string(), "passport".to_string())]);
        let fair = check.check("Die Muster GmbH zahlt den Lohn. Ihren Reisepass behalten Sie immer selbst, und die Arbeit ist fair.");
        assert!(fair.flags.is_empty(), "{fair:?}");
        assert!(!check.check("Posao u Nemačkoj, pasoš ostaje kod nas.").readable, "Serbian is not a language of these rules");
        // A broken pattern is a problem with its place, not a panic.
        let broken = super::super::value::from_str(r#"{"flags": [{"id": "x", "patterns": {"de": ["lohn ~"]}}]}"#).unwrap();
        Check::read(&broken, &Value::Null, &mut problems);
        assert!(problems[0].location.contains("flags[0] x patterns.de[0]"), "{}", problems[0]);
        assert_eq!(problems[1].message, "a rule needs patterns", "and the rule, left with none, says so");
    }

    #[test]
    fn pay_is_compared_per_hour_in_the_same_currency() {
        let wages = [wage(1390, Per::Hour), Wage { since: "2027-01-01".into(), amount: Some(1460), ..wage(0, Per::Hour) }];
        let verdict =
            |amount, per, hours| pay_check(&wages, "DE", "2026-11-30", amount, per, hours).iter().map(|c| (c.verdict, c.over_max_hours)).collect::<Vec<_>>();
        assert_eq!(verdict(1000, Per::Hour, None), [(Verdict::Below, false)]);
        assert_eq!(verdict(1390, Per::Hour, None), [(Verdict::AtLeast, false)]);
        // 2,000 a month at 40 hours is 11.54 an hour; at 60 hours, 7.69.
        assert_eq!(verdict(200_000, Per::Month, None), [(Verdict::Below, false)]);
        assert_eq!(verdict(250_000, Per::Month, Some(40)), [(Verdict::AtLeast, false)]);
        assert_eq!(verdict(250_000, Per::Month, Some(60)), [(Verdict::Below, true)]);
        assert_eq!(verdict(600_000, Per::Month, None), [(Verdict::MuchHigher, false)]);
        assert!(pay_check(&wages, "FR", "2026-11-30", 1, Per::Hour, None).is_empty());
        // From 2027 the newer minimum applies.
        assert_eq!(pay_check(&wages, "DE", "2027-01-02", 1400, Per::Hour, None)[0].verdict, Verdict::Below);
    }
}
