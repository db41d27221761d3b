//! The content that ships inside Putokaz, compiled in as Rust statics.
//!
//! `build.rs` loads every file under `src/data/` with the engine's own
//! loader, fails the build on any problem, and writes the checked content,
//! less the fields only reviewers read (sources, notes, labels, original
//! names), as Rust statics: texts, and the structure as a list of small
//! numbers (statics of the model's types would be mostly pointers, which
//! compress badly). When the widget starts, `Reader` turns the numbers
//! into the model's types once, and rebuilds the catalogs' keys from the
//! content (`Catalogs::derivable_keys`, one bit each) and the few written
//! out; every other text is borrowed from the statics.
//! Nothing is parsed as JSON.

use std::cell::Cell;
use std::sync::OnceLock;

use putokaz_engine::bundle::Content;
use putokaz_engine::catalog::{Catalog, Catalogs};
use putokaz_engine::condition::Condition;
use putokaz_engine::content::{Band, Dimension, Element, Flag, Grade, IloEc, IloItem, Indicator, IndicatorSet, JobOffer, Kind, Level, Mode, Module, Question, Questionnaire, Role, Sources, Frame};
use putokaz_engine::directory::{Audience, Confidence, Contact, Entry, Hours, Number, Service, Slot, CATALOG_NOTE};
use putokaz_engine::{List, Text};

// Generated code: its NUL separators can read like octal escapes ("\014").
#[allow(clippy::all)]
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// The release, from Cargo.toml (semantic versioning; CHANGELOG.md).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
pub use compiled::CONTENT_VERSION;

/// The built-in content with the languages added so far: English, and in
/// the native program every language pack (in the browser, those the
/// loader has fetched; see [`add_pack`]).
pub fn content() -> &'static Content {
    CURRENT.with(Cell::get).unwrap_or_else(|| &compiled().0)
}

thread_local! {
    /// The content with the packs added in this thread, once there is one.
    static CURRENT: Cell<Option<&'static Content>> = const { Cell::new(None) };
}

/// Adds the language of a pack (and Serbian Cyrillic with Serbian Latin),
/// returns its tag or why not. Widgets mounted before keep the content they
/// had: each addition is a new content, kept for the rest of the page's life
/// (once per language, a few kilobytes; the texts are borrowed).
pub fn add_pack(pack: &'static str) -> Result<&'static str, &'static str> {
    add_to_content(|next| next.catalogs.add_pack(&compiled().1, pack))
}

/// Adds a check pack (see `Content::add_check_pack`), as [`add_pack`] adds a
/// language: after that language's pack, and English's first.
pub fn add_check_pack(pack: &str) -> Result<String, String> {
    add_to_content(|next| next.add_check_pack(pack))
}

/// Makes a new content from the current one with `add`, and keeps it for
/// the rest of the page's life, unless `add` fails.
fn add_to_content<T, E>(add: impl FnOnce(&mut Content) -> Result<T, E>) -> Result<T, E> {
    let mut next = content().clone();
    let added = add(&mut next)?;
    let next: &'static Content = Box::leak(Box::new(next));
    CURRENT.with(|c| c.set(Some(next)));
    Ok(added)
}

/// The compiled content, read once per program (the compiled statics are
/// borrowed, not copied), and the catalogs' keys, which packs are read with.
fn compiled() -> &'static (Content, Vec<Text>) {
    static CONTENT: OnceLock<(Content, Vec<Text>)> = OnceLock::new();
    CONTENT.get_or_init(|| {
        let mut content = compiled::CONTENT.clone();
        let mut r = Reader { numbers: compiled::NUMBERS.iter(), texts: compiled::TEXTS.split('\0').collect(), next: 0 };
        content.questionnaire = r.questionnaire();
        content.ilo_ec = r.ilo_ec();
        content.directory.entries = r.directory();
        emergency(content.directory.entries.to_mut());
        // The keys: those the content names that the catalogs have (one
        // bit each), and the others, written out; sorted, as in build.rs.
        let mut keys: Vec<Text> = Vec::new();
        for (i, key) in Catalogs::derivable_keys(&content).into_iter().enumerate() {
            if compiled::KEY_BITS[i / 8] >> (i % 8) & 1 == 1 {
                keys.push(key.into());
            }
        }
        keys.extend(compiled::CATALOG_KEYS.split('\0').filter(|key| !key.is_empty()).map(Text::Borrowed));
        putokaz_engine::sort_by(&mut keys, |a, b| a.cmp(b));
        let mut languages = Vec::new();
        for (meta, texts) in compiled::CATALOGS {
            let mut messages = Vec::with_capacity(keys.len());
            for (key, text) in keys.iter().zip(texts.split('\0')) {
                if text != "\u{1}" {
                    messages.push((key.clone(), Text::Borrowed(text)));
                }
            }
            languages.push(Catalog { meta: meta.clone(), messages: messages.into() });
        }
        content.catalogs.languages = languages.into();
        #[cfg(not(target_arch = "wasm32"))]
        for pack in compiled::PACKS {
            content.catalogs.add_pack(&keys, pack).expect("build.rs wrote the packs for these keys");
        }
        #[cfg(not(target_arch = "wasm32"))]
        for pack in compiled::CHECK_PACKS {
            content
                .add_check_pack(pack)
                .expect("build.rs wrote the check packs");
        }
        (content, keys)
    })
}

/// The notes of generated emergency numbers, by the first letters of the
/// services their catalog text names (see `emergency_lines` in build.rs).
static NOTES: [(&str, [(Text, Text); 1]); 6] = {
    const fn note(key: &'static str) -> [(Text, Text); 1] {
        [(Text::Borrowed(CATALOG_NOTE), Text::Borrowed(key))]
    }
    [
        ("p", note("ref.for.police")),
        ("a", note("ref.for.ambulance")),
        ("f", note("ref.for.fire")),
        ("pa", note("ref.for.police_ambulance")),
        ("pf", note("ref.for.police_fire")),
        ("af", note("ref.for.ambulance_fire")),
    ]
};

/// The generated emergency entries, each like the last entry, with its own
/// country, id and numbers: a line of numbers for each country of
/// `COUNTRY_CODES`, in order (see `emergency_lines` in build.rs).
fn emergency(entries: &mut Vec<Entry>) {
    let Some(template) = entries.last() else { return };
    let (name, last_verified, confidence) = (template.name.clone(), template.last_verified.clone(), template.confidence);
    for (country, numbers) in putokaz_engine::directory::COUNTRY_CODES.split(' ').zip(compiled::EMERGENCY.split('\0')) {
        if numbers.is_empty() {
            continue;
        }
        let mut contacts = Vec::new();
        for item in numbers.split(' ') {
            // `119pf`: the number, and its note, the catalog's `ref.for.police_fire`.
            let number = item.trim_end_matches(|c: char| c.is_ascii_lowercase());
            let letters = item.get(number.len()..).unwrap_or_default();
            let note = NOTES.iter().find(|(l, _)| *l == letters).map_or(List::Borrowed(&[]), |(_, note)| List::Borrowed(note));
            contacts.push(Contact::Voice(Number { number: Text::Borrowed(number), display: Text::Borrowed(number), note }));
        }
        let id = putokaz_engine::concat(&[&country.to_ascii_lowercase(), "-emergency"]);
        // What the template does not hold in its own texts is the same in
        // every generated entry (build.rs checks; and a test, that the
        // entries made here are the ones in the file).
        entries.push(Entry {
            id: id.into(),
            name: name.clone(),
            country: Text::Borrowed(country),
            works_in: List::Borrowed(&[]),
            area_name: None,
            contacts: contacts.into(),
            hours: Some(Hours { always: true, tz: Text::Borrowed(""), weekly: List::Borrowed(&[]) }),
            languages: List::Borrowed(&[]),
            services: List::Borrowed(&[Service::Emergency]),
            audience: List::Borrowed(&[Audience::Anyone]),
            emergency: true,
            sources: List::Borrowed(&[]),
            last_verified: last_verified.clone(),
            source_date: None,
            confidence,
            notes: Text::Borrowed(""),
            rights: List::Borrowed(&[]),
        });
    }
}

/// Reads the compiled content's structure from its numbers (written by
/// `Code` in build.rs, field by field in the same order); every text borrows
/// the compiled texts.
struct Reader {
    numbers: std::slice::Iter<'static, u8>,
    texts: Vec<&'static str>,
    /// The number of texts read so far for the first time.
    next: usize,
}

impl Reader {
    fn n(&mut self) -> usize {
        let mut byte = || self.numbers.next().map_or(0, |n| *n as usize);
        let first = byte();
        if first < 0x80 {
            first
        } else {
            (first - 0x80) << 8 | byte()
        }
    }

    fn yes(&mut self) -> bool {
        self.n() == 1
    }

    /// A text: 0 is the next text not used before (the texts are in the
    /// order of their first use), n the text number n - 1.
    fn text(&mut self) -> Text {
        let n = self.n();
        self.text_at(n)
    }

    fn text_at(&mut self, n: usize) -> Text {
        let i = match n {
            0 => {
                self.next += 1;
                self.next - 1
            }
            n => n - 1,
        };
        Text::Borrowed(self.texts[i])
    }

    fn option_text(&mut self) -> Option<Text> {
        let n = self.n().checked_sub(1)?;
        Some(self.text_at(n))
    }

    fn list<T: Clone>(&mut self, mut item: impl FnMut(&mut Reader) -> T) -> List<T> {
        let n = self.n();
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(item(self));
        }
        items.into()
    }

    fn texts(&mut self) -> List<Text> {
        self.list(Reader::text)
    }

    fn pairs(&mut self) -> List<(Text, Text)> {
        self.list(|r| (r.text(), r.text()))
    }

    fn condition(&mut self) -> Condition {
        match self.n() {
            0 => Condition::Yes(self.text()),
            1 => Condition::Answer { q: self.text(), options: self.texts() },
            2 => Condition::All(self.list(Reader::condition)),
            3 => Condition::Any(self.list(Reader::condition)),
            _ => Condition::Not(self.list(Reader::condition)),
        }
    }

    fn option_condition(&mut self) -> Option<Condition> {
        self.yes().then(|| self.condition())
    }

    fn questionnaire(&mut self) -> Questionnaire {
        const MODES: [Mode; 2] = [Mode::Screening, Mode::JobOffer];
        const KINDS: [Kind; 5] = [Kind::YesNo, Kind::Single, Kind::Multi, Kind::Country, Kind::Countries];
        const ROLES: [Role; 7] = [Role::Age, Role::Subject, Role::CountryNow, Role::CountryWork, Role::SafeNow, Role::CountryOrigin, Role::Gender];
        const ELEMENTS: [Element; 3] = [Element::Act, Element::Means, Element::Purpose];
        Questionnaire {
            version: self.text(),
            modules: self.list(|r| Module {
                id: r.text(),
                modes: r.list(|r| MODES[r.n()]),
                show_if: r.option_condition(),
                sensitive: r.yes(),
            }),
            questions: self.list(|r| Question {
                id: r.text(),
                module: r.text(),
                kind: KINDS[r.n()],
                options: r.texts(),
                role: r.n().checked_sub(1).map(|i| ROLES[i]),
                show_if: r.option_condition(),
                exclusive: r.texts(),
                assume: r.texts(),
            }),
            indicators: self.list(|r| Indicator {
                id: r.text(),
                element: ELEMENTS[r.n()],
                fires_if: r.condition(),
                ilo_ec: r.texts(),
                urgent: r.yes(),
                child_exploitation: r.yes(),
                grave_purpose: r.yes(),
                sexual: r.yes(),
                discreet: r.yes(),
                sources: Sources {
                    ilo_forced_labour: r.list(|r| r.n() as u8),
                    unodc: r.texts(),
                    penal_code_rs: r.texts(),
                    other: r.texts(),
                },
            }),
            job_offer: JobOffer {
                validated: self.yes(),
                flags: self.list(|r| Flag { indicator: r.text(), weight: r.n() as u32 }),
                bands: self.list(|r| Band { min_score: r.n() as u32, level: Level::ALL[r.n()] }),
            },
            frames: self.list(|r| Frame {
                id: r.text(),
                applies_if: r.condition(),
                unless_elements: r.list(|r| ELEMENTS[r.n()]),
                max_level: Level::ALL[r.n()],
                services_first: r.texts(),
            }),
        }
    }

    fn ilo_ec(&mut self) -> IloEc {
        const GRADES: [Grade; 3] = [Grade::Weak, Grade::Medium, Grade::Strong];
        IloEc {
            source: self.text(),
            note: self.text(),
            indicators: self.list(|r| IloItem {
                id: r.text(),
                dimension: Dimension::ALL[r.n()],
                label: r.text(),
                grades: r.list(|r| (IndicatorSet::ALL[r.n()], GRADES[r.n()])),
            }),
        }
    }

    fn directory(&mut self) -> List<Entry> {
        use Service::*;
        const SERVICES: [Service; 16] = [
            Emergency, TraffickingIdentification, Shelter, Legal, Medical, Psychological, ReturnReintegration, JobOfferCheck,
            Children, MissingChildren, Women, Migrants, Reporting, Information, LabourRights, VictimSupport,
        ];
        const AUDIENCE: [Audience; 6] = [Audience::Adults, Audience::Children, Audience::Women, Audience::Men, Audience::Migrants, Audience::Anyone];
        const CONFIDENCE: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];
        self.list(|r| Entry {
            id: r.text(),
            name: r.pairs(),
            country: r.text(),
            works_in: r.texts(),
            area_name: r.option_text(),
            contacts: r.list(|r| match r.n() {
                4 => Contact::Email { address: r.text() },
                5 => Contact::Web { url: r.text() },
                kind => {
                    let number = Number { number: r.text(), display: r.text(), note: r.pairs() };
                    match kind {
                        0 => Contact::Voice(number),
                        1 => Contact::Sms(number),
                        2 => Contact::Whatsapp(number),
                        _ => Contact::Viber(number),
                    }
                }
            }),
            hours: r.yes().then(|| Hours {
                always: r.yes(),
                tz: r.text(),
                weekly: r.list(|r| Slot { days: r.texts(), open: r.text(), close: r.text() }),
            }),
            languages: r.texts(),
            services: r.list(|r| SERVICES[r.n()]),
            audience: r.list(|r| AUDIENCE[r.n()]),
            emergency: r.yes(),
            sources: r.texts(),
            last_verified: r.text(),
            source_date: r.option_text(),
            confidence: CONFIDENCE[r.n()],
            notes: r.text(),
            rights: r.pairs(),
        })
    }
}

#[cfg(test)]
mod tests {
    /// The compiled content is the content the loader reads from the files,
    /// less the reviewer-only fields: the build wrote it faithfully.
    #[test]
    fn the_compiled_content_is_the_checked_content_less_reviewer_fields() {
        let (source, problems) = crate::source::load();
        assert!(problems.is_empty(), "{problems:?}");
        let compiled = super::content();
        let expected = source.without_reviewer_fields();
        let json = |c: &putokaz_engine::Content| serde_json::to_string(&(&c.questionnaire, &c.ilo_ec)).unwrap();
        assert_eq!(json(compiled), json(&expected));
        assert_eq!(compiled.directory.entries, expected.directory.entries);
        assert_eq!(compiled.catalogs.languages.len(), expected.catalogs.languages.len());
        for b in expected.catalogs.languages.iter() {
            let a = compiled.catalogs.languages.iter().find(|a| a.lang() == b.lang()).expect("every language compiled");
            assert_eq!(a.meta, b.meta);
            assert_eq!(a.messages, b.messages);
        }
        // And something was left out.
        assert!(source.directory.entries.iter().all(|e| !e.sources.is_empty()));
        assert!(compiled.directory.entries.iter().all(|e| e.sources.is_empty()));
    }
}
