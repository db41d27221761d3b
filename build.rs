//! Writes a browser copy of every content file under `src/data/` to
//! `$OUT_DIR/data/`: minified, and without the fields only reviewers read.
//!
//! The widget is sent to slow phones, and the content is most of its weight.
//! Sources, research notes and indicator labels document *why* the content is
//! what it is; the widget never shows them. So the wasm build compiles in the
//! copy (see `src/engine/builtin.rs`), while native builds, the command line
//! and the tests keep the full files and check every source there. A unit
//! test in `builtin.rs` proves the copy loads into the same content, less
//! these fields.

use std::path::Path;

use serde_json::Value;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/data");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("data");
    copy_folder(Path::new("src/data"), Path::new(""), &out);
    write_catalog_table(&out);
}

/// Writes `catalogs.json`, the browser's form of the copied catalogs: every
/// key once, with its text in each language on one row,
/// `{"langs": [...], "meta": [...], "rows": [[key, text | null, ...], ...]}`.
/// Each catalog file repeats the keys of the English one, so the two
/// languages' files carried them twice (about 3 KB gzipped);
/// `Catalogs::load_trusted` reads this table, and a test in
/// `src/engine/builtin.rs` proves it loads into the same catalogs.
fn write_catalog_table(out: &Path) {
    let folder = out.join("catalogs");
    let mut langs: Vec<String> = std::fs::read_dir(&folder)
        .expect("the catalogs were copied")
        .map(|entry| entry.expect("a readable folder entry").file_name().to_string_lossy().into_owned())
        .collect();
    langs.sort();
    // English first: it is the source, and its order of keys is the table's.
    langs.sort_by_key(|lang| lang != "en");
    let mut metas = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut texts: Vec<serde_json::Map<String, Value>> = Vec::new();
    for lang in &langs {
        let mut files: Vec<_> = std::fs::read_dir(folder.join(lang)).expect("a catalog folder").map(|e| e.expect("an entry").path()).collect();
        files.sort();
        let mut meta = Value::Null;
        let mut merged = serde_json::Map::new();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a copied catalog");
            let Ok(Value::Object(map)) = serde_json::from_str::<Value>(&text) else { continue };
            for (key, value) in map {
                if key == "_meta" {
                    meta = value;
                } else {
                    if !keys.contains(&key) {
                        keys.push(key.clone());
                    }
                    merged.insert(key, value);
                }
            }
        }
        metas.push(meta);
        texts.push(merged);
    }
    let rows: Vec<Value> = keys
        .iter()
        .map(|key| {
            let mut row = vec![Value::from(key.as_str())];
            row.extend(texts.iter().map(|t| t.get(key).cloned().unwrap_or(Value::Null)));
            Value::Array(row)
        })
        .collect();
    let table = serde_json::json!({ "langs": langs, "meta": metas, "rows": rows });
    std::fs::write(out.join("catalogs.json"), table.to_string()).expect("OUT_DIR is writable");
}

fn copy_folder(root: &Path, relative: &Path, out: &Path) {
    let mut entries: Vec<_> = std::fs::read_dir(root.join(relative))
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", root.join(relative).display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = relative.join(path.file_name().expect("a file name"));
        if path.is_dir() {
            copy_folder(root, &name, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            // A file that is not JSON is copied as it is, so the engine
            // reports it as it would the original.
            let text = match serde_json::from_str::<Value>(&text) {
                Ok(mut value) => {
                    strip(&name, &mut value);
                    serde_json::to_string(&value).expect("a JSON value serialises")
                }
                Err(_) => text,
            };
            let target = out.join(&name);
            std::fs::create_dir_all(target.parent().expect("a parent folder")).expect("OUT_DIR is writable");
            std::fs::write(&target, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
        }
    }
}

/// Removes the reviewer-only fields of one file. Everything else, including
/// the order of every list, stays as it is.
fn strip(name: &Path, value: &mut Value) {
    let remove = |value: &mut Value, fields: &[&str]| {
        if let Some(object) = value.as_object_mut() {
            for field in fields {
                object.remove(*field);
            }
        }
    };
    let each = |value: &mut Value, list: &str, fields: &[&str]| {
        if let Some(items) = value.get_mut(list).and_then(Value::as_array_mut) {
            for item in items {
                remove(item, fields);
            }
        }
    };
    if name.starts_with("referrals") {
        each(value, "entries", &["sources", "source_date", "notes"]);
    } else if name == Path::new("questionnaire.json") {
        each(value, "indicators", &["sources"]);
    } else if name == Path::new("ilo_ec.json") {
        remove(value, &["source", "note"]);
        each(value, "indicators", &["label"]);
    }
}
