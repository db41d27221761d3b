//! The engine's modules form layers, documented in `src/engine/lib.rs`
//! under "Layers": a module may use the crate root's own items and modules
//! of lower layers only. This test reads every `super::` and `crate::` path
//! in the engine's sources and fails on an import upwards or within a layer,
//! so the graph stays acyclic and the documentation stays true.

use std::collections::BTreeMap;

const ENGINE: &str = "src/engine";

/// `module -> layer number`, from the "Layers" list in lib.rs:
/// `//! N. name, name: what they are`.
fn documented_layers() -> BTreeMap<String, usize> {
    let lib = std::fs::read_to_string(format!("{ENGINE}/lib.rs")).unwrap();
    let mut layers = BTreeMap::new();
    let mut in_section = false;
    for line in lib.lines() {
        let Some(doc) = line.strip_prefix("//!") else { break };
        let doc = doc.trim();
        if doc.starts_with('#') {
            in_section = doc.trim_start_matches('#').trim() == "Layers";
            continue;
        }
        if !in_section {
            continue;
        }
        let Some((number, rest)) = doc.split_once(". ") else { continue };
        let Ok(number) = number.parse::<usize>() else { continue };
        let names = rest.split(':').next().unwrap();
        for name in names.split(',') {
            let name = name.trim().trim_matches('`');
            assert!(layers.insert(name.to_string(), number).is_none(), "{name} is listed twice under Layers in lib.rs");
        }
    }
    assert!(!layers.is_empty(), "src/engine/lib.rs documents no layers (a '## Layers' list)");
    layers
}

/// Every engine module (a file beside lib.rs).
fn modules() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(ENGINE)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs") && p.file_stem().is_some_and(|s| s != "lib"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The names a root `pub use module::{a, b}` in lib.rs re-exports, by module:
/// using `super::a` is using that module.
fn root_reexports() -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(format!("{ENGINE}/lib.rs")).unwrap();
    let mut names = BTreeMap::new();
    for line in lib.lines().map(str::trim).filter(|l| l.starts_with("pub use ")) {
        let path = line.trim_start_matches("pub use ").trim_end_matches(';');
        let (module, items) = path.split_once("::").unwrap_or((path, ""));
        for item in items.trim_matches(|c| c == '{' || c == '}').split(',') {
            let item = item.trim();
            if !item.is_empty() {
                names.insert(item.to_string(), module.to_string());
            }
        }
    }
    names
}

/// The engine modules a source file names through `super::` or `crate::`.
fn uses(source: &str, modules: &[String], reexports: &BTreeMap<String, String>) -> Vec<String> {
    let mut used = Vec::new();
    // Tests inside a file may use whatever they like.
    let code = without_test_modules(source);
    let code = code.as_str();
    for prefix in ["super::", "crate::"] {
        for (at, _) in code.match_indices(prefix) {
            let rest = &code[at + prefix.len()..];
            // `super::{a, b::c}` names several at once.
            let names: Vec<&str> = match rest.strip_prefix('{') {
                Some(list) => list[..list.find('}').unwrap_or(list.len())].split(',').map(|n| n.trim()).collect(),
                None => vec![rest],
            };
            for name in names {
                let head: String = name.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if modules.contains(&head) {
                    used.push(head);
                } else if let Some(module) = reexports.get(&head) {
                    used.push(module.clone());
                }
            }
        }
    }
    used.sort();
    used.dedup();
    used
}

/// The source without its `#[cfg(test)] mod ... { ... }` blocks (braces
/// counted; the engine's tests have balanced braces in their strings too).
fn without_test_modules(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(open) = after.find('{') else { break };
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn engine_modules_only_use_lower_layers() {
    let layers = documented_layers();
    let modules = modules();
    let reexports = root_reexports();
    let mut wrong = Vec::new();
    for module in &modules {
        let Some(&layer) = layers.get(module) else {
            wrong.push(format!("{module}.rs is not listed under Layers in src/engine/lib.rs"));
            continue;
        };
        let source = std::fs::read_to_string(format!("{ENGINE}/{module}.rs")).unwrap();
        for used in uses(&source, &modules, &reexports) {
            if used == *module {
                continue;
            }
            let used_layer = layers.get(&used).copied().unwrap_or(usize::MAX);
            if used_layer >= layer {
                wrong.push(format!("{module} (layer {layer}) uses {used} (layer {used_layer}): only lower layers may be used"));
            }
        }
    }
    for listed in layers.keys() {
        if !modules.contains(listed) {
            wrong.push(format!("lib.rs lists {listed} under Layers, but there is no src/engine/{listed}.rs"));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn the_layer_check_sees_upward_and_sideways_imports() {
    let modules: Vec<String> = ["content", "catalog", "assess"].map(String::from).to_vec();
    let reexports = BTreeMap::from([("Level".to_string(), "assess".to_string())]);
    let source = "use super::{catalog::Catalogs, Problem};\nuse super::Level;\n#[cfg(test)]\nmod tests { use super::assess::Outcome; }\nfn f() { crate::content::x(); }";
    assert_eq!(uses(source, &modules, &reexports), ["assess", "catalog", "content"]);
    let only_tests = "#[cfg(test)]\nmod tests { use super::assess::Outcome; fn f() { let _ = format!(\"{}\", 1); } }";
    assert!(uses(only_tests, &modules, &reexports).is_empty());
}
