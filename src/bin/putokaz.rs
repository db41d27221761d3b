//! The Putokaz engine on the command line, for partners, reviewers and tests.
//!
//! ```text
//! putokaz questions --lang L [--mode screening|job-offer]
//! putokaz assess --lang L < input.json
//! putokaz validate FILE...
//! putokaz check [--lang L] [FILE] | --corpus FILE
//! putokaz catalog export|import|status ...
//! putokaz version
//! ```

use std::io::Read;
use std::process::ExitCode;

use putokaz::engine::{api, builtin, Mode};

#[path = "catalog/mod.rs"]
mod catalog;

#[path = "check/mod.rs"]
mod check;
const USAGE: &str = "\
usage:
  putokaz questions --lang L [--mode screening|job-offer]
      Print the questionnaire as JSON.
  putokaz assess --lang L [--mode screening|job-offer] [--region RS] [--now 2026-11-28T21:00Z]
      Read {\"answers\": {\"<question id>\": <option id | [option ids] | \"not_sure\" | \"prefer_not\">}}
      on standard input and print the result as JSON.
  putokaz validate FILE...
      Check partner configs or content files; print each problem with its
      location. Exit status 1 if there is any.
  {check}
  {catalog}
  putokaz version
      Print the release and the content version (shown at the foot of the
      print view, and named for each release in CHANGELOG.md).
languages: en, sr-Latn, sr-Cyrl";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("putokaz: {message}\n\n{}", usage());
            ExitCode::from(2)
        }
    }
}

fn usage() -> String {
    USAGE
        .replace("{catalog}", catalog::usage())
        .replace("{check}", check::USAGE)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let (command, rest) = args.split_first().ok_or("no command given")?;
    let content = builtin::content();
    match command.as_str() {
        "version" | "--version" | "-V" => {
            println!("putokaz {} (content {})", builtin::VERSION, builtin::CONTENT_VERSION);
            Ok(ExitCode::SUCCESS)
        }
        "questions" => {
            let options = Options::parse(rest)?;
            print_json(&api::questions(content, &options.lang, options.mode));
            Ok(ExitCode::SUCCESS)
        }
        "assess" => {
            let options = Options::parse(rest)?;
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input).map_err(|e| format!("cannot read standard input: {e}"))?;
            let now = options.now.unwrap_or_else(now_minutes);
            let (mut parsed, problems) = api::parse_assess_input(content, &input, now).map_err(|p| p.to_string())?;
            if let Some(mode) = options.mode_given {
                parsed.mode = mode;
            }
            if let Some(region) = options.region {
                parsed.region = region;
            }
            for problem in &problems {
                eprintln!("warning: {problem}");
            }
            print_json(&api::assess_json(content, &options.lang, &parsed, 0, &problems));
            Ok(ExitCode::SUCCESS)
        }
        "validate" => {
            if rest.is_empty() {
                return Err("validate needs at least one file".into());
            }
            let mut n_problems = 0;
            for path in rest {
                let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
                let problems = putokaz::source::validate_file(content, path, &text);
                for problem in &problems {
                    println!("{problem}");
                }
                if problems.is_empty() {
                    println!("{path}: no problems");
                }
                n_problems += problems.len();
            }
            Ok(if n_problems == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        "check" => {
            let rules = check::rules(content)?;
            let (mut lang, mut corpus, mut json, mut verbose, mut file) =
                ("en".to_string(), None, false, false, None);
            let mut args = rest.iter();
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--lang" => lang = args.next().ok_or("--lang needs a value")?.clone(),
                    "--corpus" => {
                        corpus = Some(args.next().ok_or("--corpus needs a file")?.clone())
                    }
                    "--json" => json = true,
                    "--verbose" => verbose = true,
                    other if !other.starts_with("--") => file = Some(other.to_string()),
                    other => return Err(format!("unknown option \"{other}\"")),
                }
            }
            let read = |path: &str| {
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
            };
            if let Some(path) = corpus {
                let (table, value) = check::corpus(rules, &read(&path)?, verbose)?;
                if json {
                    print_json(&value);
                } else {
                    print!("{table}");
                }
                return Ok(ExitCode::SUCCESS);
            }
            let text = match file {
                Some(path) => read(&path)?,
                None => {
                    let mut input = String::new();
                    std::io::stdin()
                        .read_to_string(&mut input)
                        .map_err(|e| format!("cannot read standard input: {e}"))?;
                    input
                }
            };
            print_json(&check::findings_json(
                content,
                &lang,
                &text,
                &rules.check(&text),
            ));
            Ok(ExitCode::SUCCESS)
        }
        "catalog" => Ok(if catalog::run(rest)? { ExitCode::SUCCESS } else { ExitCode::from(1) }),
        "--help" | "-h" | "help" => {
            println!("{}", usage());
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command \"{other}\"")),
    }
}

struct Options {
    lang: String,
    mode: Mode,
    mode_given: Option<Mode>,
    region: Option<String>,
    now: Option<i64>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options { lang: "en".into(), mode: Mode::Screening, mode_given: None, region: None, now: None };
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or(format!("{flag} needs a value"));
            match flag.as_str() {
                "--lang" => options.lang = value()?.clone(),
                "--mode" => {
                    let mode = Mode::parse(value()?).ok_or("--mode is screening or job-offer")?;
                    options.mode = mode;
                    options.mode_given = Some(mode);
                }
                "--region" => options.region = Some(value()?.clone()),
                "--now" => {
                    let text = format!("{{\"answers\": {{}}, \"now\": \"{}\"}}", value()?);
                    let (input, _) = api::parse_assess_input(builtin::content(), &text, 0).map_err(|p| p.to_string())?;
                    options.now = Some(input.now);
                }
                other => return Err(format!("unknown option \"{other}\"")),
            }
        }
        let known = builtin::content().catalogs.languages.iter().any(|c| c.lang() == options.lang);
        if !known {
            return Err(format!("no catalog for language \"{}\"", options.lang));
        }
        Ok(options)
    }
}

fn now_minutes() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64 / 60)
}

fn print_json(value: &impl serde::Serialize) {
    println!("{}", serde_json::to_string_pretty(value).unwrap_or_default());
}
