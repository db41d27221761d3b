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

/// Latin to Cyrillic. Placeholders (`{name}`), addresses, brand names and
/// words with digits or foreign letters (q, w, x, y) stay as they are.
pub fn to_cyrillic(latin: &str) -> String {
    let mut out = String::with_capacity(latin.len() * 2);
    for token in split_keep(latin) {
        if keep_as_is(token) {
            out.push_str(token);
            continue;
        }
        // Where a prefix ends, "dž", "nj" or "lj" are two letters: convert the halves apart.
        let start = token.char_indices().find(|(_, c)| !c.is_ascii_punctuation()).map_or(0, |(i, _)| i);
        let word = token.get(start..).unwrap_or_default();
        let split = SPLIT.iter().find_map(|e| {
            let (head, tail) = e.split_once('|')?;
            let mut w = word.chars().map(|c| if c == 'Ž' { 'ž' } else { c.to_ascii_lowercase() });
            head.chars().chain(tail.chars()).all(|p| w.next() == Some(p)).then_some(start + head.len())
        });
        // `get`, not `split_at`: a cut inside a character would link std's
        // panic message and its Unicode tables (see .ci/build).
        let at = split.unwrap_or(token.len());
        letters(token.get(..at).unwrap_or(token), &mut out);
        letters(token.get(at..).unwrap_or_default(), &mut out);
    }
    out
}

fn letters(mut rest: &str, out: &mut String) {
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

/// Latin letters with accents in country names (and a few more a person may
/// type), and the same letters without, in the same order.
const ACCENTED: &str = "čćšžđàáâãäåçèéêëìíîïñòóôõöùúûüýČĆŠŽĐÅ";
const PLAIN: &str = "ccszdaaaaaaceeeeiiiinooooouuuuyccszda";

/// A name as it is searched and sorted: lower case, without accents, and
/// Serbian Cyrillic as Latin ("Češka", "Чешка" and "ceska" are all "ceska").
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        let latin = PAIRS.iter().find(|(_, cyr)| *cyr == s).map_or(s, |(lat, _)| lat);
        for c in latin.chars() {
            let plain = ACCENTED.chars().position(|a| a == c).and_then(|i| PLAIN.chars().nth(i));
            out.push(plain.unwrap_or(c).to_ascii_lowercase());
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
            let all_caps = super::chars_in(lat) > 1 && lat.chars().all(char::is_uppercase);
            *cyr == s && (super::chars_in(lat) == 1 || all_caps == next_upper || lat.chars().all(char::is_lowercase))
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

/// Prefixes where "dž", "nj" or "lj" are two letters (nad-živeti, in-jekcija),
/// with "|" where the word splits.
const SPLIT: &[&str] = &["nad|živ", "od|žal", "pod|žanr", "in|jek", "kon|junk", "kon|jug", "van|jezi"];

/// Written in Latin in any script: a key as printed on a keyboard, brands.
const KEEP_LATIN: &[&str] = &["Shift", "Viber", "SOS"];

fn keep_as_is(token: &str) -> bool {
    let word = token.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    // A domain ends in ".rs", ".com", ...; "d.o.o." and "npr." are Serbian.
    let domain = word.rsplit_once('.').is_some_and(|(_, tld)| tld.len() > 1 && tld.chars().all(|c| c.is_ascii_lowercase()));
    // iPhone, WhatsApp: a capital after a small letter is never Serbian.
    let mixed = word.chars().zip(word.chars().skip(1)).any(|(a, b)| a.is_ascii_lowercase() && b.is_ascii_uppercase());
    KEEP_LATIN.contains(&word)
        || domain
        || mixed
        || token.contains('{')
        || token.contains('@')
        || super::find(token, "://").is_some()
        || word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(|c| c.is_ascii_alphabetic())
        || token.chars().any(|c| matches!(c, 'q' | 'w' | 'x' | 'y' | 'Q' | 'W' | 'X' | 'Y'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_finds_a_name_however_it_is_typed() {
        assert_eq!(ACCENTED.chars().count(), PLAIN.chars().count());
        for typed in ["Češka", "ČEŠKA", "Чешка", "ceska", "Ceska"] {
            assert_eq!(fold(typed), "ceska", "{typed}");
        }
        assert_eq!(fold("Mađarska"), fold("Мађарска"));
        assert_eq!(fold("Љубљана"), "ljubljana");
        assert_eq!(fold("Côte d’Ivoire"), "cote d’ivoire");
        assert_eq!(fold("Åland Islands"), "aland islands");
    }

    #[test]
    fn digraphs_and_placeholders() {
        assert_eq!(to_cyrillic("Ljubav, njiva, džep. LJUDI"), "Љубав, њива, џеп. ЉУДИ");
        assert_eq!(to_cyrillic("Pozovite {number} ili www.astra.rs"), "Позовите {number} или www.astra.rs");
        assert_eq!(to_cyrillic("pritisnite Shift tri puta, Shift."), "притисните Shift три пута, Shift.");
        assert_eq!(to_latin("Љубав, њива, џеп, ђак, ћерка"), "Ljubav, njiva, džep, đak, ćerka");
        assert_eq!(to_latin("ЉУДИ Љубав"), "LJUDI Ljubav");
        assert_eq!(to_latin(&to_cyrillic("Šta će biti sa mojim pasošem?")), "Šta će biti sa mojim pasošem?");
    }

    /// Each pair's Latin, written as it is, with a capital, in capitals and
    /// between punctuation, against the Cyrillic; the mismatches.
    fn mismatches(pairs: &[(&str, &str)]) -> Vec<String> {
        let mut wrong = Vec::new();
        for (latin, cyrillic) in pairs {
            let capital = |s: &str| s.chars().take(1).flat_map(char::to_uppercase).chain(s.chars().skip(1)).collect::<String>();
            let cases = [
                (latin.to_string(), cyrillic.to_string()),
                (capital(latin), capital(cyrillic)),
                (latin.to_uppercase(), cyrillic.to_uppercase()),
                (format!("({latin}),"), format!("({cyrillic}),")),
            ];
            for (l, c) in cases {
                if to_cyrillic(&l) != c {
                    wrong.push(format!("{l} -> {} (not {c})", to_cyrillic(&l)));
                }
            }
        }
        wrong
    }

    #[test]
    fn each_split_digraph_is_two_letters_in_every_case() {
        // One word per entry of SPLIT, as a dictionary prints it.
        let words = [
            ("nadživeti", "надживети"),
            ("odžaliti", "оджалити"),
            ("podžanr", "поджанр"),
            ("injekcija", "инјекција"),
            ("konjunkcija", "конјункција"),
            ("konjugacija", "конјугација"),
            ("vanjezički", "ванјезички"),
        ];
        assert_eq!(words.len(), SPLIT.len());
        let wrong = mismatches(&words);
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // The digraph stays one letter where no prefix splits it.
        assert_eq!(to_cyrillic("živeti, džak, njegov, konj, žaliti, nadzor"), "живети, џак, његов, коњ, жалити, надзор");
    }

    #[test]
    fn addresses_brands_and_mixed_case_stay_in_latin() {
        let kept = ["astra.rs", "info@astra.rs", "https://astra.rs/pomoc", "WhatsApp", "Viber", "iPhone", "SOS", "A1"];
        let wrong: Vec<String> = kept.iter().filter(|w| to_cyrillic(&format!("({w}),")) != format!("({w}),")).map(|w| format!("{w} -> {}", to_cyrillic(w))).collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert_eq!(to_cyrillic("Pišite na astra.rs ili preko WhatsApp ili Viber."), "Пишите на astra.rs или преко WhatsApp или Viber.");
        // Abbreviations and sentences are still Serbian words.
        assert_eq!(to_cyrillic("firma d.o.o. i npr. SAD."), "фирма д.о.о. и нпр. САД.");
    }
}
