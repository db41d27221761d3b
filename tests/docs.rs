//! docs/METHODOLOGY.md restates the content for reviewers: the modules and
//! their questions, every indicator, the ILO/EC items, and the text check's
//! red flags and contract elements with their sources. This test makes
//! those parts from the content and fails when the page says otherwise;
//! `UPDATE_DOCS=1 cargo test --test docs` rewrites the generated tables.

use putokaz::engine::assess::is_context;
use putokaz::engine::content::{Element, IndicatorSet, Mode};
use putokaz::engine::{Condition, Content};
use putokaz::source;

const PAGE: &str = "docs/METHODOLOGY.md";

/// The content as reviewers see it: with sources and labels.
fn content() -> Content {
    let (content, problems) = Content::load(&source::files());
    assert!(problems.is_empty(), "{problems:?}");
    content
}

fn ticked(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().map(|i| format!("`{i}`")).collect();
    if items.is_empty() { "–".into() } else { items.join(", ") }
}

fn plain(items: impl IntoIterator<Item = String>) -> String {
    let items: Vec<String> = items.into_iter().collect();
    if items.is_empty() { "–".into() } else { items.join(", ") }
}

/// The questions a condition reads, once each, in order.
fn questions_of(condition: &Condition) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (q, _) in condition.leaves() {
        if !out.iter().any(|o| o == q) {
            out.push(q.to_string());
        }
    }
    out
}

fn indicators_table(content: &Content) -> String {
    let q = &content.questionnaire;
    let mut out = format!(
        "Columns: the indicator id; its Palermo element; its ILO/EC items; its ILO forced-labour indicator numbers; Criminal Code of Serbia articles; the questions it is read from; flags; and its English text.\nThere are {} indicators.\n\n| id | element | ILO/EC | ILO FL | Penal Code | questions | flags | sign |\n|---|---|---|---|---|---|---|---|\n",
        q.indicators.len()
    );
    for i in q.indicators.iter() {
        let element = match i.element {
            Element::Act => "act",
            Element::Means => "means",
            Element::Purpose => "purpose",
        };
        let mut flags = Vec::new();
        for (on, name) in [(i.urgent, "urgent"), (i.child_exploitation, "child"), (i.grave_purpose, "grave purpose"), (i.sexual, "sexual")] {
            if on {
                flags.push(name.to_string());
            }
        }
        if is_context(content, i) {
            flags.push("context".into());
        }
        if let Some(flag) = q.job_offer.flags.iter().find(|f| f.indicator == i.id) {
            flags.push(format!("job-offer flag, weight {}", flag.weight));
        }
        out += &format!(
            "| `{}` | {element} | {} | {} | {} | {} | {} | {} |\n",
            i.id,
            ticked(i.ilo_ec.iter().map(|s| s.to_string())),
            plain(i.sources.ilo_forced_labour.iter().map(|n| n.to_string())),
            plain(i.sources.penal_code_rs.iter().map(|s| s.to_string())),
            ticked(questions_of(&i.fires_if)),
            plain(flags),
            content.catalogs.text("en", &format!("ind.{}", i.id)),
        );
    }
    out
}

fn coverage_table(content: &Content) -> String {
    let q = &content.questionnaire;
    let items = &content.ilo_ec.indicators;
    let used = |id: &str| q.indicators.iter().filter(|i| i.ilo_ec.iter().any(|e| **e == *id)).map(|i| i.id.to_string()).collect::<Vec<_>>();
    let adult: Vec<_> = items.iter().filter(|item| item.grades.iter().any(|(set, _)| *set == IndicatorSet::AdultLabour)).collect();
    let unused: Vec<String> = adult.iter().filter(|item| used(&item.id).is_empty()).map(|item| format!("`{}`", item.id)).collect();
    let mut out = format!(
        "Grades are listed as adult labour / child labour / adult sexual / child sexual (\"–\" where the item is absent from a set).\nThe questionnaire refers to {} of the {} listed adult-labour items; not asked: {}.\n\n| ILO/EC id | label | grades | indicators |\n|---|---|---|---|\n",
        adult.len() - unused.len(),
        adult.len(),
        plain(unused),
    );
    for item in items.iter() {
        let grade = |set: IndicatorSet| {
            item.grades.iter().find(|(s, _)| *s == set).map_or("–".to_string(), |(_, g)| format!("{g:?}").to_lowercase())
        };
        let sets = [IndicatorSet::AdultLabour, IndicatorSet::ChildLabour, IndicatorSet::AdultSexual, IndicatorSet::ChildSexual];
        out += &format!("| `{}` | {} | {} | {} |\n", item.id, item.label, sets.map(grade).join(" / "), ticked(used(&item.id)));
    }
    out
}

/// The text check's rules (src/data/check/rules.json) as tables: each red
/// flag, or each contract element, with what the person sees, the answer it
/// suggests, how many patterns it has, and its source.
fn check_table(content: &Content, list: &str) -> String {
    let rules: serde_json::Value = serde_json::from_str(source::CHECK_RULES.1).unwrap();
    let (prefix, header) = if list == "flags" { ("check.flag.", "Columns: the rule; what the person sees; the job-offer answer it suggests; the number of patterns (English / Serbian, with `except` and `unless` ones); and its source.\n\n| red flag | shown as | suggests | patterns (en / sr) | source |\n|---|---|---|---|---|\n") } else { ("check.el.", "Columns: the element; what the person sees; the job-offer answer it suggests (when the text is a contract); the number of patterns (English / Serbian, with `unclear` ones); and its legal basis.\n\n| element | shown as | suggests | patterns (en / sr) | legal basis |\n|---|---|---|---|---|\n") };
    let mut out = header.to_string();
    for rule in rules[list].as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        let count = |lang: &str| -> usize { ["patterns", "except", "unless", "unclear"].iter().map(|k| rule[k][lang].as_array().map_or(0, Vec::len)).sum() };
        let patterns = if rule["when_missing"].is_string() { format!("when `{}` is not found", rule["when_missing"].as_str().unwrap()) } else { format!("{} / {}", count("en"), count("sr")) };
        let suggests = rule["answer"].as_str().map_or("–".to_string(), |a| format!("`{a}`"));
        let shown = content.catalogs.text("en", &format!("{prefix}{id}")).to_string();
        out += &format!("| `{id}` | {shown} | {suggests} | {patterns} | {} |\n", rule["source"].as_str().unwrap());
    }
    out
}

/// The text between a section's heading and the next heading (of its level or higher).
fn section(page: &str, heading: &str) -> (usize, usize) {
    let start = page.find(heading).unwrap_or_else(|| panic!("{PAGE} has no \"{heading}\"")) + heading.len() + 1;
    let end = [page[start..].find("\n## "), page[start..].find("\n### ").filter(|_| heading.starts_with("### "))].into_iter().flatten().min().map_or(page.len(), |i| start + i + 1);
    (start, end)
}

#[test]
fn the_methodology_tables_are_the_content() {
    let content = content();
    let mut page = std::fs::read_to_string(PAGE).unwrap();
    let mut stale = Vec::new();
    let tables = [
        ("## Every indicator\n", indicators_table(&content)),
        ("## ILO/EC coverage\n", coverage_table(&content)),
        ("### Every red flag the text check looks for\n", check_table(&content, "flags")),
        ("### Every contract element the text check looks for\n", check_table(&content, "elements")),
    ];
    for (heading, table) in tables {
        let (start, end) = section(&page, heading);
        let body = format!("{table}\n");
        if page[start..end] != body {
            stale.push(heading.trim());
            page.replace_range(start..end, &body);
        }
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(PAGE, &page).unwrap();
        return;
    }
    assert!(stale.is_empty(), "{PAGE}: {stale:?} no longer match the content (UPDATE_DOCS=1 cargo test --test docs rewrites them)");
}

#[test]
fn the_methodology_names_every_module_with_its_questions() {
    let content = content();
    let q = &content.questionnaire;
    let page = std::fs::read_to_string(PAGE).unwrap();
    let count = format!("The questionnaire has {} questions in {} modules", q.questions.len(), q.modules.len());
    assert!(page.contains(&count), "{PAGE} should say: {count}");
    for module in q.modules.iter() {
        let questions = ticked(q.questions.iter().filter(|x| x.module == module.id).map(|x| x.id.to_string()));
        let modes: Vec<&str> = module.modes.iter().map(|m| if *m == Mode::Screening { "screening" } else { "job_offer" }).collect();
        let start = format!("| `{}` | {} |", module.id, modes.join(", "));
        let row = page.lines().find(|l| l.starts_with(&start)).unwrap_or_else(|| panic!("{PAGE}: no row starting {start}"));
        assert!(row.ends_with(&format!("| {questions} |")), "{PAGE}: the row of {} should end with | {questions} |\n{row}", module.id);
    }
}

/// docs/TRANSLATING.md ends with the status of every language, as
/// `putokaz catalog status` prints it.
#[test]
fn the_translating_guide_has_every_language_status() {
    const GUIDE: &str = "docs/TRANSLATING.md";
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_putokaz")).args(["catalog", "status"]).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let table = String::from_utf8(output.stdout).unwrap();
    let mut page = std::fs::read_to_string(GUIDE).unwrap();
    let heading = "## Every language\n";
    let section = page.find(heading).unwrap_or_else(|| panic!("{GUIDE} has no \"{heading}\"")) + heading.len();
    let start = section + page[section..].find("| language |").unwrap_or_else(|| panic!("{GUIDE}: no table under {heading}"));
    let end = page[start..].find("\n\n").map_or(page.len(), |i| start + i + 1);
    if page[start..end] == table {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        page.replace_range(start..end, &table);
        std::fs::write(GUIDE, &page).unwrap();
        return;
    }
    panic!("{GUIDE}: the language table is not what `putokaz catalog status` prints (UPDATE_DOCS=1 cargo test --test docs rewrites it):\n{table}");
}

/// CHANGELOG.md is kept from release 0.2.0 on: its last release is the
/// version in Cargo.toml and names the content version it carries; once
/// the content changes (a question, a rule, a text, a service), the
/// changelog needs an "Unreleased" section saying so, before any release.
#[test]
fn the_changelog_names_this_release_and_its_content() {
    let changelog = std::fs::read_to_string("CHANGELOG.md").expect("CHANGELOG.md");
    let headings: Vec<&str> = changelog.lines().filter(|l| l.starts_with("## ")).collect();
    let unreleased = headings.first().is_some_and(|h| h.trim() == "## [Unreleased]");
    let release = headings.iter().find(|h| h.starts_with("## [") && !h.starts_with("## [Unreleased]")).expect("CHANGELOG.md has a release heading '## [X.Y.Z] - YYYY-MM-DD'");
    let version = release.trim_start_matches("## [").split(']').next().unwrap_or_default();
    assert_eq!(version, putokaz::builtin::VERSION, "CHANGELOG.md's last release is {version}, Cargo.toml's version {}: give the release its section (or set the version)", putokaz::builtin::VERSION);
    let date = release.split("] - ").nth(1).unwrap_or_default();
    assert!(date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-', "the release heading '{release}' needs a date: '## [{version}] - YYYY-MM-DD'");
    let body = changelog.split(release).nth(1).unwrap_or_default();
    let named = body.lines().find_map(|l| l.strip_prefix("Content version: `")).and_then(|l| l.split('`').next()).unwrap_or_default();
    let current = putokaz::builtin::CONTENT_VERSION;
    assert!(
        named == current || unreleased,
        "the content has changed since release {version} (its content version is `{named}`, now `{current}`): \
         add '## [Unreleased]' at the top of CHANGELOG.md saying what changed, or, when releasing, set 'Content version: `{current}`'"
    );
}
