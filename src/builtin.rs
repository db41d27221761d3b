//! The content that ships inside Putokaz, compiled in as Rust statics.
//!
//! `build.rs` loads every file under `src/data/` with the engine's own
//! loader, fails the build on any problem, and writes the checked content,
//! less the fields only reviewers read (sources, notes, labels), as Rust
//! code. Nothing is parsed when the widget starts: the questionnaire, the
//! catalogs and the directory are read where they lie in the module.

use std::sync::OnceLock;

use putokaz_engine::bundle::Content;
use putokaz_engine::catalog::Catalog;
use putokaz_engine::directory::{Audience, Confidence, Contact, Entry, Hours, Number, Service, Slot};
use putokaz_engine::{List, Text};

// Generated code: its NUL separators can read like octal escapes ("\014").
#[allow(clippy::all)]
mod compiled {
    include!(concat!(env!("OUT_DIR"), "/content.rs"));
}

/// The built-in content, with Serbian Cyrillic made from the Latin catalog
/// once per program (the compiled statics are borrowed, not copied).
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| {
        let mut content = compiled::CONTENT.clone();
        let keys: Vec<&'static str> = compiled::CATALOG_KEYS.split('\0').collect();
        let mut languages = Vec::new();
        for (meta, texts) in compiled::CATALOGS {
            let mut messages = Vec::with_capacity(keys.len());
            for (key, text) in keys.iter().zip(texts.split('\0')) {
                if text != "\u{1}" {
                    messages.push((Text::Borrowed(*key), Text::Borrowed(text)));
                }
            }
            languages.push(Catalog { meta: meta.clone(), messages: messages.into() });
        }
        content.catalogs.languages = languages.into();
        content.catalogs.add_cyrillic();
        content.directory.entries = directory().into();
        content
    })
}

/// Reads the directory's entries from their numbers (written by
/// `directory_code` in build.rs, in the same order); every text borrows
/// the compiled texts.
fn directory() -> Vec<Entry> {
    use Service::*;
    const SERVICES: [Service; 16] = [
        Emergency, TraffickingIdentification, Shelter, Legal, Medical, Psychological, ReturnReintegration, JobOfferCheck,
        Children, MissingChildren, Women, Migrants, Reporting, Information, LabourRights, VictimSupport,
    ];
    const AUDIENCE: [Audience; 6] = [Audience::Adults, Audience::Children, Audience::Women, Audience::Men, Audience::Migrants, Audience::Anyone];
    const CONFIDENCE: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];
    struct Reader {
        code: std::slice::Iter<'static, u8>,
        texts: Vec<&'static str>,
    }
    impl Reader {
        fn n(&mut self) -> usize {
            let first = self.code.next().map_or(0, |n| *n as usize);
            if first < 0x80 {
                first
            } else {
                (first - 0x80) << 8 | self.code.next().map_or(0, |n| *n as usize)
            }
        }
        fn text(&mut self) -> Text {
            let i = self.n();
            Text::Borrowed(self.texts[i])
        }
        fn option(&mut self) -> Option<Text> {
            let i = self.n().checked_sub(1)?;
            Some(Text::Borrowed(self.texts[i]))
        }
        fn list<T: Clone>(&mut self, mut item: impl FnMut(&mut Reader) -> T) -> List<T> {
            let n = self.n();
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(item(self));
            }
            items.into()
        }
    }
    let texts = compiled::DIRECTORY_TEXTS.split('\0').collect();
    let mut r = Reader { code: compiled::DIRECTORY.iter(), texts };
    let n = r.n();
    let mut entries = Vec::with_capacity(n);
    for _ in 0..n {
        let id = r.text();
        let name = r.list(|r| (r.text(), r.text()));
        let country = r.text();
        let works_in = r.list(Reader::text);
        let area_name = r.option();
        let contacts = r.list(|r| match r.n() {
            4 => Contact::Email { address: r.text() },
            5 => Contact::Web { url: r.text() },
            kind => {
                let number = Number { number: r.text(), display: r.text(), note: r.list(|r| (r.text(), r.text())) };
                match kind {
                    0 => Contact::Voice(number),
                    1 => Contact::Sms(number),
                    2 => Contact::Whatsapp(number),
                    _ => Contact::Viber(number),
                }
            }
        });
        let hours = (r.n() == 1).then(|| Hours {
            always: r.n() == 1,
            tz: r.text(),
            weekly: r.list(|r| Slot { days: r.list(Reader::text), open: r.text(), close: r.text() }),
        });
        entries.push(Entry {
            id,
            name,
            country,
            works_in,
            area_name,
            contacts,
            hours,
            languages: r.list(Reader::text),
            services: r.list(|r| SERVICES[r.n()]),
            audience: r.list(|r| AUDIENCE[r.n()]),
            emergency: r.n() == 1,
            sources: r.list(Reader::text),
            last_verified: r.text(),
            source_date: r.option(),
            confidence: CONFIDENCE[r.n()],
            notes: r.text(),
        });
    }
    entries
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
        for (a, b) in compiled.catalogs.languages.iter().zip(expected.catalogs.languages.iter()) {
            assert_eq!((&a.meta.lang, &a.meta.name, &a.meta.status, &a.meta.note), (&b.meta.lang, &b.meta.name, &b.meta.status, &b.meta.note));
            assert_eq!(a.messages, b.messages);
        }
        // And something was left out.
        assert!(source.directory.entries.iter().all(|e| !e.sources.is_empty()));
        assert!(compiled.directory.entries.iter().all(|e| e.sources.is_empty()));
    }
}
