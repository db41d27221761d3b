//! A JSON value and its reader, for what arrives as JSON at run time:
//! partner configs and `assessAnswers` input.
//!
//! It reads exactly what serde_json reads into a `serde_json::Value`, and
//! fails where serde_json fails, with the same message, line and column
//! (a property test holds the two together). Objects keep their members
//! sorted by key, and a key given twice keeps its last value, as
//! serde_json's default map does, so problems are reported in the same
//! order. A number with a fraction or an exponent, or an integer too large
//! for 64 bits, is a float, whose value nobody here reads.
//!
//! Why not serde_json: in the browser its parser into `Value` costs several
//! kilobytes of wasm; this one is a fraction of that. The built-in content
//! is read with serde_json, but only when Putokaz is built (see build.rs).

use std::fmt;

/// A JSON value, as `serde_json::Value` has it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: an integer that fits 64 bits, or a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(N);

#[derive(Debug, Clone, Copy, PartialEq)]
enum N {
    /// Zero or more.
    PosInt(u64),
    /// Less than zero.
    NegInt(i64),
    /// Its value is not kept: nothing reads it.
    Float,
}

impl Number {
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(n) => i64::try_from(n).ok(),
            N::NegInt(n) => Some(n),
            N::Float => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(n) => Some(n),
            _ => None,
        }
    }

    pub fn is_f64(&self) -> bool {
        self.0 == N::Float
    }
}

/// A JSON object: its members sorted by key, each key once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        super::pairs::get(&self.0, key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(key, _)| key)
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter(self.0.iter())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorts members by key, stably, and keeps the last value of a key
    /// given twice. A merge of the runs already in order: members mostly
    /// come sorted, and a hostile order costs n log n, never n².
    fn from_members(members: Vec<(String, Value)>) -> Map {
        let mut runs: Vec<Vec<(String, Value)>> = Vec::new();
        for member in members {
            match runs.last_mut() {
                Some(run) if run.last().is_some_and(|last| last.0 <= member.0) => run.push(member),
                _ => runs.push(vec![member]),
            }
        }
        while runs.len() > 1 {
            let mut merged = Vec::with_capacity(runs.len() / 2 + 1);
            let mut pairs = runs.into_iter();
            while let Some(left) = pairs.next() {
                merged.push(match pairs.next() {
                    Some(right) => merge(left, right),
                    None => left,
                });
            }
            runs = merged;
        }
        let mut members = runs.pop().unwrap_or_default();
        members.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        Map(members)
    }
}

/// Two sorted runs as one; on equal keys the left member comes first.
fn merge(left: Vec<(String, Value)>, right: Vec<(String, Value)>) -> Vec<(String, Value)> {
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut right = right.into_iter().peekable();
    for member in left {
        while let Some(earlier) = right.next_if(|r| r.0 < member.0) {
            out.push(earlier);
        }
        out.push(member);
    }
    out.extend(right);
    out
}

/// The members of a [`Map`], in key order.
pub struct Iter<'a>(std::slice::Iter<'a, (String, Value)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a String, &'a Value);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(key, value)| (key, value))
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
}

/// Why a text is not JSON, and where: serde_json's message, line and
/// column (the column counts bytes, from 1; 0 after a line break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    code: Code,
    line: usize,
    column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
}

impl Error {
    pub fn line(&self) -> usize {
        self.line
    }

    pub fn column(&self) -> usize {
        self.column
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self.code {
            Code::EofWhileParsingList => "EOF while parsing a list",
            Code::EofWhileParsingObject => "EOF while parsing an object",
            Code::EofWhileParsingString => "EOF while parsing a string",
            Code::EofWhileParsingValue => "EOF while parsing a value",
            Code::ExpectedColon => "expected `:`",
            Code::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Code::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Code::ExpectedSomeIdent => "expected ident",
            Code::ExpectedSomeValue => "expected value",
            Code::InvalidEscape => "invalid escape",
            Code::InvalidNumber => "invalid number",
            Code::NumberOutOfRange => "number out of range",
            Code::ControlCharacterWhileParsingString => "control character (\\u0000-\\u001F) found while parsing a string",
            Code::KeyMustBeAString => "key must be a string",
            Code::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Code::TrailingComma => "trailing comma",
            Code::TrailingCharacters => "trailing characters",
            Code::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Code::RecursionLimitExceeded => "recursion limit exceeded",
        };
        write!(f, "{message} at line {} column {}", self.line, self.column)
    }
}

/// Reads a JSON text, as `serde_json::from_str::<serde_json::Value>` does.
pub fn from_str(text: &str) -> Result<Value, Error> {
    let mut reader = Reader { text, i: 0, depth: 128 };
    let value = reader.value()?;
    match reader.whitespace() {
        Some(_) => Err(reader.peek_error(Code::TrailingCharacters)),
        None => Ok(value),
    }
}

/// `1e289` to `1e308`: with a 64-bit significand, only these exponents can
/// overflow a float (serde_json then says "number out of range").
const POW10: [f64; 20] = [
    1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307,
    1e308,
];

/// The reader follows serde_json's steps one by one, so that each error is
/// found at the same byte: `error` where serde_json's reader has consumed
/// the byte at fault, `peek_error` where it has only looked at it.
struct Reader<'a> {
    text: &'a str,
    /// The next byte to read.
    i: usize,
    /// How many more arrays and objects may open (serde_json's limit).
    depth: u8,
}

type Read<T> = Result<T, Error>;

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek();
        if byte.is_some() {
            self.i += 1;
        }
        byte
    }

    fn error_at(&self, at: usize, code: Code) -> Error {
        let before = &self.text.as_bytes()[..at];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
        Error { code, line, column: at - line_start }
    }

    fn error(&self, code: Code) -> Error {
        self.error_at(self.i, code)
    }

    fn peek_error(&self, code: Code) -> Error {
        self.error_at((self.i + 1).min(self.text.len()), code)
    }

    /// The next byte that is not whitespace, not consumed.
    fn whitespace(&mut self) -> Option<u8> {
        loop {
            match self.peek() {
                Some(b' ' | b'\n' | b'\t' | b'\r') => self.i += 1,
                other => return other,
            }
        }
    }

    fn value(&mut self) -> Read<Value> {
        let Some(peek) = self.whitespace() else { return Err(self.peek_error(Code::EofWhileParsingValue)) };
        Ok(match peek {
            b'n' => self.ident(b"null", Value::Null)?,
            b't' => self.ident(b"true", Value::Bool(true))?,
            b'f' => self.ident(b"false", Value::Bool(false))?,
            b'-' => {
                self.i += 1;
                Value::Number(self.integer(false)?)
            }
            b'0'..=b'9' => Value::Number(self.integer(true)?),
            b'"' => {
                self.i += 1;
                Value::String(self.string()?)
            }
            b'[' | b'{' => {
                self.depth -= 1;
                if self.depth == 0 {
                    return Err(self.peek_error(Code::RecursionLimitExceeded));
                }
                self.i += 1;
                let value = if peek == b'[' { Value::Array(self.array()?) } else { Value::Object(self.object()?) };
                // The closing bracket, which `array` and `object` stop at.
                self.i += 1;
                self.depth += 1;
                value
            }
            _ => return Err(self.peek_error(Code::ExpectedSomeValue)),
        })
    }

    fn ident(&mut self, ident: &[u8], value: Value) -> Read<Value> {
        self.i += 1;
        for &expected in &ident[1..] {
            match self.next() {
                None => return Err(self.error(Code::EofWhileParsingValue)),
                Some(byte) if byte != expected => return Err(self.error(Code::ExpectedSomeIdent)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// The items of an array, up to its `]` (not consumed).
    fn array(&mut self) -> Read<Vec<Value>> {
        let mut items = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(Code::EofWhileParsingList)),
                Some(b']') => return Ok(items),
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.i += 1;
                    match self.whitespace() {
                        Some(b']') => return Err(self.peek_error(Code::TrailingComma)),
                        Some(_) => {}
                        None => return Err(self.peek_error(Code::EofWhileParsingValue)),
                    }
                }
                Some(_) => return Err(self.peek_error(Code::ExpectedListCommaOrEnd)),
            }
            items.push(self.value()?);
        }
    }

    /// The members of an object, up to its `}` (not consumed).
    fn object(&mut self) -> Read<Map> {
        let mut members = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(Code::EofWhileParsingObject)),
                Some(b'}') => return Ok(Map::from_members(members)),
                Some(b'"') if members.is_empty() => {}
                Some(_) if members.is_empty() => return Err(self.peek_error(Code::KeyMustBeAString)),
                Some(b',') => {
                    self.i += 1;
                    match self.whitespace() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error(Code::TrailingComma)),
                        Some(_) => return Err(self.peek_error(Code::KeyMustBeAString)),
                        None => return Err(self.peek_error(Code::EofWhileParsingValue)),
                    }
                }
                Some(_) => return Err(self.peek_error(Code::ExpectedObjectCommaOrEnd)),
            }
            self.i += 1;
            let key = self.string()?;
            match self.whitespace() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_error(Code::ExpectedColon)),
                None => return Err(self.peek_error(Code::EofWhileParsingObject)),
            }
            members.push((key, self.value()?));
        }
    }

    /// A string after its opening quote, up to and with its closing quote.
    fn string(&mut self) -> Read<String> {
        let bytes = self.text.as_bytes();
        let mut out = String::new();
        let mut start = self.i;
        loop {
            while self.i < bytes.len() && !matches!(bytes[self.i], b'"' | b'\\' | 0..=0x1f) {
                self.i += 1;
            }
            // Every byte stopped at is ASCII, so a character boundary.
            match bytes.get(self.i) {
                None => return Err(self.error(Code::EofWhileParsingString)),
                Some(b'"') => {
                    out.push_str(self.text.get(start..self.i).unwrap_or_default());
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text.get(start..self.i).unwrap_or_default());
                    self.i += 1;
                    self.escape(&mut out)?;
                    start = self.i;
                }
                Some(_) => {
                    self.i += 1;
                    return Err(self.error(Code::ControlCharacterWhileParsingString));
                }
            }
        }
    }

    /// An escape after its backslash.
    fn escape(&mut self, out: &mut String) -> Read<()> {
        let c = match self.next() {
            None => return Err(self.error(Code::EofWhileParsingString)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\x08',
            Some(b'f') => '\x0c',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let n = self.hex()?;
                let c = match n {
                    0xDC00..=0xDFFF => return Err(self.error(Code::LoneLeadingSurrogateInHexEscape)),
                    0xD800..=0xDBFF => {
                        for expected in [b'\\', b'u'] {
                            match self.next() {
                                None => return Err(self.error(Code::EofWhileParsingString)),
                                Some(byte) if byte != expected => return Err(self.error(Code::UnexpectedEndOfHexEscape)),
                                Some(_) => {}
                            }
                        }
                        let low = self.hex()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.error(Code::LoneLeadingSurrogateInHexEscape));
                        }
                        0x1_0000 + ((n - 0xD800) << 10 | (low - 0xDC00))
                    }
                    _ => n,
                };
                char::from_u32(c).unwrap_or_default()
            }
            Some(_) => return Err(self.error(Code::InvalidEscape)),
        };
        out.push(c);
        Ok(())
    }

    /// The four hex digits of a `\u` escape.
    fn hex(&mut self) -> Read<u32> {
        let Some(digits) = self.text.as_bytes().get(self.i..self.i + 4) else {
            self.i = self.text.len();
            return Err(self.error(Code::EofWhileParsingString));
        };
        self.i += 4;
        let mut n = 0;
        for &digit in digits {
            match (digit as char).to_digit(16) {
                Some(d) => n = n * 16 + d,
                None => return Err(self.error(Code::InvalidEscape)),
            }
        }
        Ok(n)
    }

    /// A number after its sign.
    fn integer(&mut self, positive: bool) -> Read<Number> {
        let mut significand = match self.next() {
            None => return Err(self.error(Code::EofWhileParsingValue)),
            Some(b'0') => {
                if self.peek_or_null().is_ascii_digit() {
                    return Err(self.peek_error(Code::InvalidNumber));
                }
                0
            }
            Some(c @ b'1'..=b'9') => u64::from(c - b'0'),
            Some(_) => return Err(self.error(Code::InvalidNumber)),
        };
        while significand != 0 && self.peek_or_null().is_ascii_digit() {
            match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(self.peek_or_null() - b'0'))) {
                Some(s) => {
                    self.i += 1;
                    significand = s;
                }
                None => {
                    // Too large for 64 bits: the digits left count as an exponent.
                    let mut exponent = 0i32;
                    while self.peek_or_null().is_ascii_digit() {
                        self.i += 1;
                        exponent = exponent.wrapping_add(1);
                    }
                    self.fraction(significand, exponent)?;
                    return Ok(Number(N::Float));
                }
            }
        }
        if matches!(self.peek_or_null(), b'.' | b'e' | b'E') {
            self.fraction(significand, 0)?;
            return Ok(Number(N::Float));
        }
        if positive {
            return Ok(Number(N::PosInt(significand)));
        }
        // -0, and below i64::MIN, are floats for serde_json.
        let negative = (significand as i64).wrapping_neg();
        Ok(Number(if negative >= 0 { N::Float } else { N::NegInt(negative) }))
    }

    /// What may follow the integer digits: a fraction, an exponent.
    fn fraction(&mut self, mut significand: u64, mut exponent: i32) -> Read<()> {
        if self.peek_or_null() == b'.' {
            self.i += 1;
            let mut digits = 0;
            while let c @ b'0'..=b'9' = self.peek_or_null() {
                match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(c - b'0'))) {
                    Some(s) => {
                        self.i += 1;
                        significand = s;
                        exponent = exponent.wrapping_sub(1);
                        digits += 1;
                    }
                    None => {
                        // Further digits are ignored.
                        while self.peek_or_null().is_ascii_digit() {
                            self.i += 1;
                        }
                        digits += 1;
                    }
                }
            }
            if digits == 0 {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(Code::InvalidNumber),
                    None => self.peek_error(Code::EofWhileParsingValue),
                });
            }
        }
        if matches!(self.peek_or_null(), b'e' | b'E') {
            self.i += 1;
            let positive = match self.peek_or_null() {
                b'+' => {
                    self.i += 1;
                    true
                }
                b'-' => {
                    self.i += 1;
                    false
                }
                _ => true,
            };
            let mut exp = match self.next() {
                None => return Err(self.error(Code::EofWhileParsingValue)),
                Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
                Some(_) => return Err(self.error(Code::InvalidNumber)),
            };
            while let c @ b'0'..=b'9' = self.peek_or_null() {
                self.i += 1;
                match exp.checked_mul(10).and_then(|e| e.checked_add(i32::from(c - b'0'))) {
                    Some(e) => exp = e,
                    None => {
                        if significand != 0 && positive {
                            return Err(self.error(Code::NumberOutOfRange));
                        }
                        while self.peek_or_null().is_ascii_digit() {
                            self.i += 1;
                        }
                        return Ok(());
                    }
                }
            }
            exponent = if positive { exponent.saturating_add(exp) } else { exponent.saturating_sub(exp) };
        }
        // serde_json multiplies the significand by a power of ten, and says
        // the number is out of range if that is infinite.
        let infinite = significand != 0
            && exponent >= 289
            && (exponent > 308 || (significand as f64 * POW10[(exponent - 289) as usize]).is_infinite());
        if infinite {
            return Err(self.error(Code::NumberOutOfRange));
        }
        Ok(())
    }
}

/// Reads a value from any serde deserializer, as serde_json's `Value` does:
/// for directory files and test scenarios read with serde when Putokaz is
/// built or tested.
impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        struct Visitor;

        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Value;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any valid JSON value")
            }

            fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
                Ok(Value::Bool(b))
            }

            fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
                Ok(Value::Number(Number(if n < 0 { N::NegInt(n) } else { N::PosInt(n as u64) })))
            }

            fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
                Ok(Value::Number(Number(N::PosInt(n))))
            }

            fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
                Ok(if n.is_finite() { Value::Number(Number(N::Float)) } else { Value::Null })
            }

            fn visit_str<E>(self, s: &str) -> Result<Value, E> {
                Ok(Value::String(s.to_string()))
            }

            fn visit_string<E>(self, s: String) -> Result<Value, E> {
                Ok(Value::String(s))
            }

            fn visit_unit<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }

            fn visit_none<E>(self) -> Result<Value, E> {
                Ok(Value::Null)
            }

            fn visit_some<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
                serde::Deserialize::deserialize(deserializer)
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Value::Array(items))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Value::Object(Map::from_members(members)))
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Real texts to damage: directory files, content, catalogs, scenario
    /// inputs and partner configs.
    const SEEDS: &[&str] = &[
        include_str!("../data/referrals/rs.json"),
        include_str!("../data/referrals/de.json"),
        include_str!("../data/questionnaire.json"),
        include_str!("../data/ilo_ec.json"),
        include_str!("../data/catalogs/en/ui.json"),
        include_str!("../../tests/scenarios/almost_all_not_sure.json"),
        include_str!("../../tests/scenarios/job_offer_risky_offer.json"),
        include_str!("../../tests/scenarios/scam_centre_held_now.json"),
        r#"{"colour": "red", "region": "RS", "referrals": {"remove": ["rs-astra-sos"]}}"#,
        r#"{"region": "RS", "modules": ["job_offer", "recruitment"], "referrals": {"add": [{"id": "partner-x", "name": {"original": "X", "en": "X"}, "country": "RS",
            "contacts": [{"kind": "voice", "number": "+381 11 123", "note": {"en": "free"}}], "services": ["information"], "audience": ["anyone"],
            "sources": ["https://example.org/"], "last_verified": "2026-11", "confidence": "low"}], "hide": ["rs-astra-sos"]},
            "text": {"en": {"ui.intro_title": "Check your situation"}, "sr-Latn": {"ui.intro_title": "Proverite \u0161ta se de\u0161ava"}}}"#,
        r#"{"answers": {"danger_now": "no", "age": "not_sure", "situation": ["work", "prefer_not"], "jo_costs": true}, "mode": "job-offer", "region": "RS", "now": 1764361800000}"#,
        "{\"a\": [1, -2, 3.5, -0, 1e3, 18446744073709551616, -9223372036854775809, \"\\ud83d\\ude00\\u00e9\\n\\\"\"], \"a\": null, \"\": {}}",
    ];

    /// The same value as serde_json's, with floats compared only as floats.
    fn same(mine: &Value, theirs: &serde_json::Value) -> bool {
        use serde_json::Value as J;
        match (mine, theirs) {
            (Value::Null, J::Null) => true,
            (Value::Bool(a), J::Bool(b)) => a == b,
            (Value::Number(a), J::Number(b)) if b.is_f64() => a.is_f64(),
            (Value::Number(a), J::Number(b)) => !a.is_f64() && a.as_i64() == b.as_i64() && a.as_u64() == b.as_u64(),
            (Value::String(a), J::String(b)) => a == b,
            (Value::Array(a), J::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b)),
            (Value::Object(a), J::Object(b)) => a.len() == b.len() && a.iter().zip(b).all(|((ka, a), (kb, b))| ka == kb && same(a, b)),
            _ => false,
        }
    }

    /// Reads `text` with both readers: the same value, or the same error.
    fn agree(text: &str) -> Result<(), String> {
        match (from_str(text), serde_json::from_str::<serde_json::Value>(text)) {
            (Ok(mine), Ok(theirs)) if same(&mine, &theirs) => Ok(()),
            (Err(mine), Err(theirs)) if (mine.to_string(), mine.line(), mine.column()) == (theirs.to_string(), theirs.line(), theirs.column()) => Ok(()),
            (mine, theirs) => Err(format!("{text:?}\n  mine:       {mine:?}\n  serde_json: {theirs:?}")),
        }
    }

    #[test]
    fn every_error_is_serde_jsons_with_its_line_and_column() {
        let cases = [
            ("", "EOF while parsing a value"),
            ("  \n ", "EOF while parsing a value"),
            ("[1, 2", "EOF while parsing a list"),
            ("[1,", "EOF while parsing a value"),
            ("{\"a\": 1", "EOF while parsing an object"),
            ("{\"a\"", "EOF while parsing an object"),
            ("{\"a\": 1,", "EOF while parsing a value"),
            ("\"abc", "EOF while parsing a string"),
            ("\"\\", "EOF while parsing a string"),
            ("\"\\u12", "EOF while parsing a string"),
            ("\"\\ud800", "EOF while parsing a string"),
            ("{\"a\" 1}", "expected `:`"),
            ("[1 2]", "expected `,` or `]`"),
            ("{\"a\": 1 \"b\": 2}", "expected `,` or `}`"),
            ("nul", "EOF while parsing a value"),
            ("nulL", "expected ident"),
            ("[tru]", "expected ident"),
            ("[1, ]", "trailing comma"),
            ("{\"a\": 1,\n }", "trailing comma"),
            ("{1: 2}", "key must be a string"),
            ("{\"a\": 1, 2: 3}", "key must be a string"),
            ("[}", "expected value"),
            ("'a'", "expected value"),
            ("\"a\\x\"", "invalid escape"),
            ("\"\\u12G4\"", "invalid escape"),
            ("\"\\u00é\"", "invalid escape"),
            ("01", "invalid number"),
            ("-", "EOF while parsing a value"),
            ("-a", "invalid number"),
            ("1.", "EOF while parsing a value"),
            ("1.e5", "invalid number"),
            ("1e", "EOF while parsing a value"),
            ("1e+x", "invalid number"),
            ("1e309", "number out of range"),
            ("17976931348623159e292", "number out of range"),
            ("1e99999999999", "number out of range"),
            ("123456789012345678901234567890e290", "number out of range"),
            ("\"a\u{1}b\"", "control character (\\u0000-\\u001F) found while parsing a string"),
            ("{\"k\n\": 1}", "control character (\\u0000-\\u001F) found while parsing a string"),
            ("\"\\udc00\"", "lone leading surrogate in hex escape"),
            ("\"\\ud800\\u0041\"", "lone leading surrogate in hex escape"),
            ("\"\\ud800x\"", "unexpected end of hex escape"),
            ("\"\\ud800\\n\"", "unexpected end of hex escape"),
            ("{} x", "trailing characters"),
            ("1 2", "trailing characters"),
            (&("[".repeat(200) + &"]".repeat(200)), "recursion limit exceeded"),
            (&("{\"a\":".repeat(130) + "1" + &"}".repeat(130)), "recursion limit exceeded"),
        ];
        let mut failures = Vec::new();
        for (text, message) in cases {
            if let Err(difference) = agree(text) {
                failures.push(difference);
            } else if !from_str(text).is_err_and(|e| e.to_string().starts_with(&format!("{message} at line "))) {
                failures.push(format!("{text:?}: expected {message}, got {:?}", from_str(text)));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Partners see the same problem as when serde_json read their config.
    #[test]
    fn problems_name_the_same_place_in_the_same_words() {
        for text in ["{\"referrals\": {\"add\": [ ", "{\"region\": \"RS\",\n  \"modules\": [\"a\",]}", "\u{feff}{}", "{\"text\": {\"en\": {\"k\": \"\\q\"}}}"] {
            let mine = crate::json_problem("partner config", &from_str(text).unwrap_err());
            let theirs = crate::json_problem("partner config", &serde_json::from_str::<serde_json::Value>(text).unwrap_err());
            assert_eq!(mine, theirs);
            assert!(mine.message.starts_with("this is not valid content: "), "{mine}");
        }
    }

    #[test]
    fn values_are_serde_jsons() {
        let texts = [
            "null", " true ", "false", "0", "-0", "1", "-1", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
            "-9223372036854775809", "1.5", "1e3", "1E-3", "1e-400", "0e99999999999", "-0.0e-99999999999", "\"\"", "\"a\\\"b\\\\c\\/\\b\\f\\n\\r\\t\"",
            "\"\\u00e9\\uD83D\\uDE00 é 😀\"", "[]", "[[], {}]", "{}", "{\"b\": 1, \"a\": 2, \"b\": 3}", "{\"é\": 1, \"z\": 2, \"Z\": 3, \"\": 4}",
            &("[".repeat(127) + &"]".repeat(127)),
        ];
        for text in texts {
            agree(text).unwrap();
        }
        let object = from_str("{\"b\": 1, \"a\": 2, \"b\": 3, \"c\": {\"y\": [true], \"x\": null}}").unwrap();
        let keys: Vec<&String> = object.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["a", "b", "c"]);
        assert_eq!(object.get("b").and_then(Value::as_u64), Some(3));
        for seed in SEEDS {
            agree(seed).unwrap();
            // Read through serde (directory files, test scenarios), the same value.
            assert_eq!(serde_json::from_str::<Value>(seed).unwrap(), from_str(seed).unwrap());
        }
    }

    fn number() -> impl Strategy<Value = String> {
        prop_oneof![
            6 => "-?(0|[1-9][0-9]{0,25})(\\.[0-9]{1,25})?([eE][-+]?[0-9]{1,12})?",
            1 => "-?[0-9]{0,3}\\.?[0-9]{0,3}[eE]?[-+]?[0-9]{0,3}",
            2 => prop::sample::select(vec![
                "-0", "18446744073709551615", "18446744073709551616", "-9223372036854775808", "-9223372036854775809", "1e308",
                "1.7976931348623157e308", "1.7976931348623159e308", "17976931348623157e292", "18446744073709551615e289", "1e309",
                "0e400", "0.0e2147483648", "1e2147483647", "1e2147483648", "1e-2147483649", "123456789012345678901234.5e290",
            ])
            .prop_map(String::from),
        ]
    }

    fn string() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            8 => "[a-z é😀\u{7f}]{1,4}",
            8 => prop::sample::select(vec![
                "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u00e9", "\\u0000", "\\uD83D\\uDE00", "\\udbff\\udfff",
            ])
            .prop_map(String::from),
            1 => prop::sample::select(vec![
                "\\ud800", "\\udc00", "\\ud800\\u0041", "\\ud800x", "\\ud800\\n", "\\ud800\\ud800", "\\uzzzz", "\\x", "\\", "\u{0}", "\u{1f}",
                "\t", "\n",
            ])
            .prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..5).prop_map(|pieces| format!("\"{}\"", pieces.concat()))
    }

    fn json_text() -> impl Strategy<Value = String> {
        let space = || "[ \t\r\n]{0,2}";
        let leaf = prop_oneof![
            4 => number(),
            4 => string(),
            3 => prop::sample::select(vec!["null", "true", "false"]).prop_map(String::from),
            1 => prop::sample::select(vec!["nul", "tru", "fals", "nulx", "True"]).prop_map(String::from),
        ];
        leaf.prop_recursive(5, 64, 6, move |inner| {
            prop_oneof![
                prop::collection::vec((space(), inner.clone(), space()), 0..6)
                    .prop_map(|items| format!("[{}]", items.into_iter().map(|(a, b, c)| a + &b + &c).collect::<Vec<_>>().join(","))),
                prop::collection::vec((space(), prop_oneof![string(), "\"[ab]\"", Just("\"\"".to_string())], space(), inner), 0..6).prop_map(|members| {
                    let members: Vec<String> = members.into_iter().map(|(a, key, b, value)| format!("{a}{key}{b}:{value}")).collect();
                    format!("{{{}}}", members.join(","))
                }),
            ]
        })
    }

    const JUNK: &[&str] = &[
        ",", "]", "}", "[", "{", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\x", "-", "0", "01", ".", "e", "E+", "1e400", "\n", "\r\n", " ",
        "\u{0}", "\u{1f}", "\t", "é", "😀", "null", "tru", "/", "//", "NaN", "Infinity", "'", "\u{feff}", "{\"a\":", "[[[[", "\"k\":", ",,",
    ];

    /// Damages `text`: each step inserts junk, deletes a stretch, or cuts
    /// the rest off, at a fraction of the way through.
    fn damage(text: &str, steps: &[(f64, u8, usize)]) -> String {
        let mut text = text.to_string();
        for &(at, kind, n) in steps {
            let mut i = (at * text.len() as f64) as usize;
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match kind % 4 {
                0 | 1 => text.insert_str(i, JUNK[n % JUNK.len()]),
                2 => {
                    let mut end = (i + n % 8).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    text.replace_range(i..end, "");
                }
                _ => text.truncate(i),
            }
        }
        text
    }

    fn steps() -> impl Strategy<Value = Vec<(f64, u8, usize)>> {
        prop::collection::vec((0.0..1.0f64, any::<u8>(), any::<usize>()), 0..4)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

        #[test]
        fn generated_texts_read_as_serde_json_reads_them(text in json_text(), steps in steps()) {
            let damaged = damage(&text, &steps);
            prop_assert!(agree(&text).is_ok(), "{}", agree(&text).unwrap_err());
            prop_assert!(agree(&damaged).is_ok(), "{}", agree(&damaged).unwrap_err());
        }

        #[test]
        fn damaged_real_texts_read_as_serde_json_reads_them(seed in 0..SEEDS.len(), steps in steps()) {
            let damaged = damage(SEEDS[seed], &steps);
            prop_assert!(agree(&damaged).is_ok(), "{}", agree(&damaged).unwrap_err());
        }

        #[test]
        fn deep_nesting_reads_as_serde_json_reads_it(
            opens in prop::collection::vec(any::<bool>(), 100..140),
            inner in json_text(),
            closes in 0.0..1.2f64,
            steps in steps(),
        ) {
            let mut text: String = opens.iter().map(|&array| if array { "[" } else { "{\"k\":" }).collect();
            text += &inner;
            let closing: String = opens.iter().rev().map(|&array| if array { "]" } else { "}" }).collect();
            text += &closing[..((closes * closing.len() as f64) as usize).min(closing.len())];
            let damaged = damage(&text, &steps);
            prop_assert!(agree(&text).is_ok(), "{}", agree(&text).unwrap_err());
            prop_assert!(agree(&damaged).is_ok(), "{}", agree(&damaged).unwrap_err());
        }
    }

    /// Long inputs take time in proportion to their length: 64,000 answers,
    /// a megabyte of text, an object of 64,000 keys in the worst order.
    #[test]
    fn long_inputs_are_read_in_linear_time() {
        let started = std::time::Instant::now();
        let array = format!("[{}\"x\"]", "\"not_sure\",".repeat(63_999));
        assert_eq!(from_str(&array).unwrap().as_array().map(Vec::len), Some(64_000));
        let string = format!("\"{}\"", "ab\\u00e9\\n😀".repeat(100_000));
        assert_eq!(from_str(&string).unwrap().as_str().map(str::len), Some(900_000));
        let plain = format!("\"{}\"", "x".repeat(1 << 20));
        assert_eq!(from_str(&plain).unwrap().as_str().map(str::len), Some(1 << 20));
        let members: Vec<String> = (0..64_000).rev().map(|n| format!("\"k{n:05}\": {n}")).collect();
        let object = from_str(&format!("{{{}}}", members.join(","))).unwrap();
        let keys: Vec<&String> = object.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 64_000);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        let lines = format!("[{} ]", "1,\n".repeat(64_000));
        let error = from_str(&lines).unwrap_err();
        assert_eq!((error.to_string(), error.line(), error.column()), ("trailing comma at line 64001 column 2".to_string(), 64_001, 2));
        // Generous for a debug build on a busy machine: quadratic work on
        // these inputs takes minutes.
        assert!(started.elapsed().as_secs() < 10, "took {:?}", started.elapsed());
    }
}
