//! Serbian Latin ↔ Cyrillic. Serbian is written in both scripts, letter for
//! letter, so the Cyrillic catalog is made from the Latin one and a test
//! proves the two say the same.

const PAIRS: &[(&str, &str)] = &[
    ("Dž", "Џ"), ("DŽ", "Џ"), ("dž", "џ"),
    ("Lj", "Љ"), ("LJ", "Љ"), ("lj", "љ"),
    ("Nj", "Њ"), ("NJ", "Њ"), ("nj", "њ"),
    ("A", "А"), ("B", "Б"), ("V", "В"), ("G", "Г"), ("D", "Д"), ("Đ", "Ђ"), ("E", "Е"), ("Ž", "Ж"),
    ("Z", "З"), ("I", "И"), ("J", "Ј"), ("K", "К"), ("L", "Л"), ("M", "М"), ("N", "Н"), ("O", "О"),
    ("P", "П"), ("R", "Р"), ("S", "С"), ("T", "Т"), ("Ć", "Ћ"), ("U", "У"), ("F", "Ф"), ("H", "Х"),
    ("C", "Ц"), ("Č", "Ч"), ("Š", "Ш"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("đ", "ђ"), ("e", "е"), ("ž", "ж"),
    ("z", "з"), ("i", "и"), ("j", "ј"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"),
    ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("ć", "ћ"), ("u", "у"), ("f", "ф"), ("h", "х"),
    ("c", "ц"), ("č", "ч"), ("š", "ш"),
];

/// Latin to Cyrillic. Placeholders (`{name}`), addresses and words with
/// digits or foreign letters (q, w, x, y) stay as they are.
pub fn to_cyrillic(latin: &str) -> String {
    let mut out = String::with_capacity(latin.len() * 2);
    for token in split_keep(latin) {
        if keep_as_is(token) {
            out.push_str(token);
            continue;
        }
        let mut rest = token;
        'outer: while !rest.is_empty() {
            for (lat, cyr) in PAIRS {
                if let Some(after) = rest.strip_prefix(lat) {
                    out.push_str(cyr);
                    rest = after;
                    continue 'outer;
                }
            }
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
        }
    }
    out
}

/// Cyrillic to Latin: unambiguous, letter by letter.
pub fn to_latin(cyrillic: &str) -> String {
    let mut out = String::with_capacity(cyrillic.len());
    let mut chars = cyrillic.chars().peekable();
    while let Some(c) = chars.next() {
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        // Љ is "Lj" in a word and "LJ" in a word written in capitals.
        let next_upper = chars.peek().is_some_and(|n| n.is_uppercase());
        let found = PAIRS.iter().find(|(lat, cyr)| {
            let all_caps = lat.chars().count() > 1 && lat.chars().all(char::is_uppercase);
            *cyr == s && (lat.chars().count() == 1 || all_caps == next_upper || lat.chars().all(char::is_lowercase))
        });
        match found {
            Some((lat, _)) => out.push_str(lat),
            None => out.push(c),
        }
    }
    out
}

/// Words, and the runs between them, in order.
fn split_keep(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = None;
    for (i, c) in text.char_indices() {
        let word_char = !c.is_whitespace();
        if in_word != Some(word_char) {
            if i > start {
                out.push(text.get(start..i).unwrap_or_default());
            }
            start = i;
            in_word = Some(word_char);
        }
    }
    if start < text.len() {
        out.push(text.get(start..).unwrap_or_default());
    }
    out
}

/// Words written as they are printed on a keyboard, in any script.
const KEEP_LATIN: &[&str] = &["Shift"];

fn keep_as_is(token: &str) -> bool {
    let word = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    KEEP_LATIN.contains(&word)
        || token.contains('{')
        || token.contains('@')
        || super::find(token, "://").is_some()
        || super::find(token, "www.").is_some()
        || token.chars().any(|c| matches!(c, 'q' | 'w' | 'x' | 'y' | 'Q' | 'W' | 'X' | 'Y'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digraphs_and_placeholders() {
        assert_eq!(to_cyrillic("Ljubav, njiva, džep. LJUDI"), "Љубав, њива, џеп. ЉУДИ");
        assert_eq!(to_cyrillic("Pozovite {number} ili www.astra.rs"), "Позовите {number} или www.astra.rs");
        assert_eq!(to_cyrillic("pritisnite Shift tri puta, Shift."), "притисните Shift три пута, Shift.");
        assert_eq!(to_latin("Љубав, њива, џеп, ђак, ћерка"), "Ljubav, njiva, džep, đak, ćerka");
        assert_eq!(to_latin("ЉУДИ Љубав"), "LJUDI Ljubav");
        assert_eq!(to_latin(&to_cyrillic("Šta će biti sa mojim pasošem?")), "Šta će biti sa mojim pasošem?");
    }
}
