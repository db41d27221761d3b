//! The content that ships inside Putokaz, compiled in with `include_str!` so
//! the widget never fetches anything after it has loaded.

use std::sync::OnceLock;

use super::catalog::Catalog;
use super::content::{Content, Files};
use super::{translit, Problem};

macro_rules! data {
    ($path:literal) => {
        ($path, include_str!(concat!("../data/", $path)))
    };
}

/// Every built-in catalog file: `(language, path, text)`. Serbian Cyrillic
/// is not among them: it is made from the Latin catalog (see [`load`]).
pub const CATALOGS: &[(&str, (&str, &str))] = &[
    ("en", data!("catalogs/en/content.json")),
    ("en", data!("catalogs/en/ui.json")),
    ("sr-Latn", data!("catalogs/sr-Latn/content.json")),
    ("sr-Latn", data!("catalogs/sr-Latn/ui.json")),
];

/// Every built-in directory file.
pub const REFERRALS: &[(&str, &str)] = &[
    data!("referrals/rs.json"),
    data!("referrals/eu.json"),
    data!("referrals/int.json"),
    data!("referrals/at.json"),
    data!("referrals/de.json"),
    data!("referrals/gb.json"),
    data!("referrals/ae.json"),
    data!("referrals/mt.json"),
    data!("referrals/me.json"),
    data!("referrals/hr.json"),
    data!("referrals/bg.json"),
    data!("referrals/ru.json"),
    data!("referrals/us.json"),
    data!("referrals/ua.json"),
    data!("referrals/si.json"),
    data!("referrals/hu.json"),
    data!("referrals/sk.json"),
    data!("referrals/cz.json"),
    data!("referrals/it.json"),
    data!("referrals/pl.json"),
    data!("referrals/ca.json"),
    data!("referrals/nl.json"),
    data!("referrals/mk.json"),
];

pub const QUESTIONNAIRE: (&str, &str) = data!("questionnaire.json");
pub const ILO_EC: (&str, &str) = data!("ilo_ec.json");

pub fn files() -> Files<'static> {
    Files {
        questionnaire: QUESTIONNAIRE,
        ilo_ec: ILO_EC,
        catalogs: CATALOGS.iter().map(|(lang, (name, text))| (*lang, *name, *text)).collect(),
        referrals: REFERRALS.to_vec(),
    }
}

/// Loads the built-in content, with its problems (a test proves there are none).
pub fn load() -> (Content, Vec<Problem>) {
    let files = files();
    let (mut content, mut problems) = Content::load(&files);
    if let Some(latin) = content.catalogs.languages.iter().find(|c| c.lang() == "sr-Latn") {
        let cyrillic = cyrillic_from_latin(latin);
        content.catalogs.languages.push(cyrillic);
        problems.extend(content.validate().into_iter().filter(|p| p.location.contains("sr-Cyrl")));
    }
    (content, problems)
}

/// The Serbian Cyrillic catalog, letter for letter from the Latin one.
pub fn cyrillic_from_latin(latin: &Catalog) -> Catalog {
    let mut catalog = latin.clone();
    catalog.meta.lang = "sr-Cyrl".into();
    catalog.meta.name = translit::to_cyrillic(&latin.meta.name).replace("(латиница)", "(ћирилица)");
    catalog.meta.note = format!("Transliterated from sr-Latn. {}", latin.meta.note);
    for text in catalog.messages.values_mut() {
        *text = translit::to_cyrillic(text);
    }
    catalog
}

/// The built-in content, loaded once per program.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| load().0)
}
