//! The content that ships inside Putokaz, compiled in as Rust statics.
//!
//! `build.rs` loads every file under `src/data/` with the engine's own
//! loader, fails the build on any problem, and writes the checked content,
//! less the fields only reviewers read (sources, notes, labels), as Rust
//! code. Nothing is parsed when the widget starts: the questionnaire, the
//! catalogs and the directory are read where they lie in the module.

use std::sync::OnceLock;

use putokaz_engine::catalog::Catalog;
use putokaz_engine::bundle::Content;
use putokaz_engine::Text;

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
        content
    })
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
