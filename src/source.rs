//! The content files as they are written, under `src/data/`, in the order
//! they load. The build script loads and checks them with the engine's own
//! loader and compiles the result into the program (see `build.rs` and
//! [`crate::builtin`]); the command line and the tests read them here,
//! sources and reviewers' notes included. The browser never parses them.

use putokaz_engine::catalog::Catalogs;
use putokaz_engine::bundle::{Content, Files};
use putokaz_engine::directory::Directory;
use putokaz_engine::Problem;

macro_rules! data {
    ($path:literal) => {
        ($path, include_str!(concat!("data/", $path)))
    };
}

/// Every catalog file: `(language, (path, text))`. Serbian Cyrillic is not
/// among them: it is made from the Latin catalog (see `Catalogs::add_cyrillic`).
pub const CATALOGS: &[(&str, (&str, &str))] = &[
    ("en", data!("catalogs/en/content.json")),
    ("en", data!("catalogs/en/ui.json")),
    ("en", data!("catalogs/en/countries.json")),
    ("sr-Latn", data!("catalogs/sr-Latn/content.json")),
    ("sr-Latn", data!("catalogs/sr-Latn/ui.json")),
    ("sr-Latn", data!("catalogs/sr-Latn/countries.json")),
];

/// Every directory file. Within a country, the order of emergency numbers
/// is the order of the files and of their entries.
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
    data!("referrals/ba.json"),
    data!("referrals/tr.json"),
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

/// Loads and checks the content files, Serbian Cyrillic included, with
/// every problem found (a build with any problem fails).
pub fn load() -> (Content, Vec<Problem>) {
    let (mut content, mut problems) = Content::load(&files());
    if content.catalogs.add_cyrillic() {
        problems.extend(content.validate().into_iter().filter(|p| p.location.contains("sr-Cyrl")));
    }
    (content, problems)
}

/// Checks a file: a questionnaire, a directory file, a catalog file or a
/// partner config, told apart by their shape (`putokaz validate`).
pub fn validate_file(content: &Content, name: &str, text: &str) -> Vec<Problem> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(_) => return putokaz_engine::api::validate(content, name, text),
    };
    let mut problems = Vec::new();
    if value.get("questions").is_some() {
        let files = Files { questionnaire: (name, text), ilo_ec: ILO_EC, catalogs: files().catalogs, referrals: vec![] };
        problems = Content::load(&files).1;
    } else if value.get("entries").is_some() {
        Directory::load(&[(name, text)], &mut problems);
    } else if value.get("_meta").is_some() {
        let lang = value["_meta"]["lang"].as_str().unwrap_or("");
        let mut catalogs = Catalogs::load(&[(lang, name, text)], &mut problems);
        if let Some(english) = content.catalogs.source() {
            catalogs.languages.to_mut().push(english.clone());
            catalogs.validate_against(content, &mut problems);
        }
        // One file is only part of a language: check what it has, not what other files hold.
        problems.retain(|p| !p.location.ends_with("/en") && !p.message.starts_with("missing text"));
    } else {
        return putokaz_engine::api::validate(content, name, text);
    }
    problems
}
