//! The small part of gettext's PO format that translators' tools (Poedit,
//! Weblate, a text editor) read and write: entries with translator and
//! extracted comments, references, flags, `msgctxt`, `msgid` and `msgstr`,
//! strings in C escapes, long strings split over several lines.

/// One entry of a PO file. `line` is the line of its first keyword
/// (`msgctxt`, or `msgid`), `msgstr_line` that of `msgstr`, both from 1.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    pub comments: Vec<String>,
    pub extracted: Vec<String>,
    pub references: Vec<String>,
    pub flags: Vec<String>,
    pub msgctxt: Option<String>,
    pub msgid: String,
    pub msgstr: String,
    pub line: usize,
    pub msgstr_line: usize,
}

impl Entry {
    pub fn fuzzy(&self) -> bool {
        self.flags.iter().any(|f| f == "fuzzy")
    }
}

/// A PO string: quoted, with `\\`, `\"`, `\n`, `\t` and `\r` escaped. A text
/// with line breaks is written as `""` and one line per line of text, as
/// gettext does.
pub fn quote(keyword: &str, text: &str) -> String {
    let escape = |part: &str| {
        let mut out = String::from("\"");
        for c in part.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    if !text.contains('\n') || text == "\n" {
        return format!("{keyword} {}\n", escape(text));
    }
    let mut out = format!("{keyword} \"\"\n");
    for line in text.split_inclusive('\n') {
        out += &escape(line);
        out.push('\n');
    }
    out
}

/// Writes an entry (comments, then keywords).
pub fn write_entry(entry: &Entry) -> String {
    let mut out = String::new();
    for comment in &entry.comments {
        out += &format!("#{}{comment}\n", if comment.is_empty() { "" } else { " " });
    }
    for comment in &entry.extracted {
        out += &format!("#. {comment}\n");
    }
    for reference in &entry.references {
        out += &format!("#: {reference}\n");
    }
    if !entry.flags.is_empty() {
        out += &format!("#, {}\n", entry.flags.join(", "));
    }
    if let Some(context) = &entry.msgctxt {
        out += &quote("msgctxt", context);
    }
    out += &quote("msgid", &entry.msgid);
    out += &quote("msgstr", &entry.msgstr);
    out
}

/// Reads a PO file. Entries come in file order, the header (`msgid ""`)
/// included; obsolete entries (`#~`) and previous strings (`#|`) are
/// skipped. Errors are `(line, what is wrong)`.
pub fn parse(text: &str) -> Result<Vec<Entry>, (usize, String)> {
    #[derive(PartialEq, Clone, Copy)]
    enum Field {
        None,
        Context,
        Id,
        Str,
    }
    let mut entries = Vec::new();
    let mut entry = Entry::default();
    let mut field = Field::None;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with("#~") || line.starts_with("#|") {
            continue;
        }
        if field == Field::Str && (line.starts_with('#') || line.starts_with("msgctxt") || line.starts_with("msgid")) {
            entries.push(std::mem::take(&mut entry));
            field = Field::None;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if field != Field::None {
                return Err((number, "a comment in the middle of an entry".into()));
            }
            if let Some(rest) = comment.strip_prefix('.') {
                entry.extracted.push(rest.trim().to_string());
            } else if let Some(rest) = comment.strip_prefix(':') {
                entry.references.push(rest.trim().to_string());
            } else if let Some(rest) = comment.strip_prefix(',') {
                entry.flags.extend(rest.split(',').map(|f| f.trim().to_string()).filter(|f| !f.is_empty()));
            } else {
                entry.comments.push(comment.strip_prefix(' ').unwrap_or(comment).to_string());
            }
            continue;
        }
        let (keyword, rest) = match line.split_once(char::is_whitespace) {
            Some((keyword, rest)) if !line.starts_with('"') => (keyword, rest.trim()),
            _ => ("", line),
        };
        let value = unquote(rest).map_err(|what| (number, what))?;
        match keyword {
            "msgctxt" => {
                if field != Field::None {
                    return Err((number, "msgctxt in the middle of an entry".into()));
                }
                entry.msgctxt = Some(value);
                entry.line = number;
                field = Field::Context;
            }
            "msgid" => {
                if field == Field::Id {
                    return Err((number, "a second msgid in one entry".into()));
                }
                if field == Field::None {
                    entry.line = number;
                }
                entry.msgid = value;
                field = Field::Id;
            }
            "msgstr" => {
                if field != Field::Id {
                    return Err((number, "msgstr without msgid".into()));
                }
                entry.msgstr = value;
                entry.msgstr_line = number;
                field = Field::Str;
            }
            "" => match field {
                Field::Context => entry.msgctxt.get_or_insert_with(String::new).push_str(&value),
                Field::Id => entry.msgid.push_str(&value),
                Field::Str => entry.msgstr.push_str(&value),
                Field::None => return Err((number, "a string outside of an entry".into())),
            },
            other if other.starts_with("msgid_plural") || other.starts_with("msgstr[") => {
                return Err((number, "plural entries (msgid_plural) are not used here: each plural form is an entry of its own".into()));
            }
            other => return Err((number, format!("unknown keyword \"{other}\""))),
        }
    }
    match field {
        Field::Str => entries.push(entry),
        Field::None => {}
        _ => return Err((text.lines().count(), "the last entry has no msgstr".into())),
    }
    Ok(entries)
}

/// A quoted PO string, without its quotes and escapes.
fn unquote(text: &str) -> Result<String, String> {
    let inner = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .filter(|_| text.len() >= 2)
        .ok_or_else(|| format!("expected a string in double quotes, found {text}"))?;
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('r') => out.push('\r'),
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some(other) => return Err(format!("unknown escape \\{other}")),
                None => return Err("a string ends with a lone backslash".into()),
            },
            '"' => return Err("a double quote inside a string must be written \\\"".into()),
            c => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(context: &str, id: &str, text: &str) -> Entry {
        Entry { msgctxt: Some(context.into()), msgid: id.into(), msgstr: text.into(), ..Entry::default() }
    }

    #[test]
    fn quotes_backslashes_and_line_breaks_round_trip() {
        let texts = ["plain", "say \"no\"", "a \\ b \\n not a break", "two\nlines", "ends with a break\n", "\n", "tab\there", "", "ćirilica: ћирилица, عربي"];
        let mut file = String::new();
        for (i, text) in texts.iter().enumerate() {
            let mut e = entry(&format!("k{i}"), text, text);
            e.extracted = vec!["what it is".into()];
            e.flags = vec!["fuzzy".into()];
            file += &write_entry(&e);
            file.push('\n');
        }
        let read = parse(&file).unwrap();
        assert_eq!(read.len(), texts.len());
        for (e, text) in read.iter().zip(texts) {
            assert_eq!((e.msgid.as_str(), e.msgstr.as_str()), (text, text));
            assert!(e.fuzzy());
            assert_eq!(e.extracted, ["what it is"]);
        }
        assert!(file.contains("msgid \"say \\\"no\\\"\"\n"), "{file}");
        assert!(file.contains("msgid \"\"\n\"two\\n\"\n\"lines\"\n"), "{file}");
    }

    #[test]
    fn strings_split_over_lines_are_joined_and_lines_are_counted() {
        let file = "# translator\nmsgid \"\"\nmsgstr \"\"\n\"Language: sr\\n\"\n\n#, fuzzy\nmsgctxt \"a.b\"\nmsgid \"Long \"\n\"text\"\nmsgstr \"\"\n\"Dugačak \"\n\"tekst\"\n";
        let read = parse(file).unwrap();
        assert_eq!(read[0].msgstr, "Language: sr\n");
        assert_eq!(read[0].comments, ["translator"]);
        assert_eq!(read[1].msgctxt.as_deref(), Some("a.b"));
        assert_eq!((read[1].msgid.as_str(), read[1].msgstr.as_str()), ("Long text", "Dugačak tekst"));
        assert_eq!((read[1].line, read[1].msgstr_line), (7, 10));
    }

    #[test]
    fn broken_files_say_where() {
        assert_eq!(parse("msgid \"a\"\nmsgstr \"b\\q\"\n").unwrap_err().0, 2);
        assert_eq!(parse("msgid \"a\"\nmsgstr \"b\" c\"\n").unwrap_err().0, 2);
        assert_eq!(parse("msgid \"a\"\n").unwrap_err().0, 1);
        assert!(parse("msgid \"a\"\nmsgid_plural \"b\"\n").unwrap_err().1.contains("plural"));
    }
}
