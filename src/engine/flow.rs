//! The widget's screens as a state machine, and what each screen shows.
//!
//! A [`Flow`] holds one person's way through the widget: the session, the
//! screen, the language, the region and the exit address. What the person
//! does arrives as an [`Action`]; [`Flow::apply`] decides the next screen and
//! says what the page must do ([`Effect`]). [`Flow::view`] gives the screen
//! as a [`View`]: plain structs with every text already in the person's
//! language, which the DOM layer only draws. So whole flows run natively,
//! as in `tests/flows.rs`.

use std::ops::Deref;

use super::answer::{Answer, Answers};
use super::assess::assess;
use super::bundle::Content;
use super::catalog::fill;
use super::check::{parse_amount, pay_check, Findings, Per, Verdict};
use super::content::{Kind, Level, Mode, Role};
use super::directory::{is_country_code, is_https_url, name_key, Audience, Confidence, Entry, Service};
use super::partner::PartnerConfig;
use super::report::{option_text, text, ReferralView, Report};
use super::session::Session;
use super::translit::fold;
use super::time::UtcMinutes;
use super::{concat, join};

/// Where a quick exit goes when the partner sets no `exit-url` (which
/// should be a neutral page on the partner's own site, reachable whenever
/// the widget is): Wikipedia's portal, a page anyone might open, small and
/// fast, served worldwide, in many languages, with no ads or trackers.
pub const DEFAULT_EXIT_URL: &str = "https://www.wikipedia.org/";
/// Three presses of Shift within this many milliseconds leave.
const SHIFT_WINDOW_MS: f64 = 5000.0;

/// What a widget is mounted with: its element's attributes and the partner
/// config as JSON text (empty for none).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub lang: String,
    /// The languages the page offers (the element's `langs`), of those
    /// loaded; empty: every language loaded.
    pub langs: Vec<String>,
    pub region: String,
    /// The `mode` attribute: `screening`, `job-offer` or `contract-check`
    /// (the job offer, starting with the text check).
    pub mode: String,
    pub exit_url: String,
    pub config: String,
    /// The release and the content version (see `CONTENT_VERSION` in
    /// build.rs), shown at the foot of the print view.
    pub version: [String; 2],
}

/// A widget's content: the built-in content, shared by every widget on the
/// page, or a partner config's own copy of it.
pub enum Loaded {
    Builtin(&'static Content),
    Partner(Box<Content>),
}

impl Deref for Loaded {
    type Target = Content;

    fn deref(&self) -> &Content {
        match self {
            Loaded::Builtin(content) => content,
            Loaded::Partner(content) => content,
        }
    }
}

/// The screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Intro,
    /// The question on screen; `error` is the message key of a refused answer.
    Question { error: Option<&'static str> },
    /// Right after an answer made the result urgent: the emergency numbers first.
    Emergency,
    /// After "is it safe to answer now?" was answered "no": the way out first.
    NotSafe,
    Result,
    /// The referral list alone, with no answers, to print or show someone.
    Print,
    /// After a quick exit, while the page goes away.
    Exited,
    /// The text check: the box for the text (`error`: it was empty).
    Check { error: bool },
    /// What the text shows.
    Checked,
    /// The pay check (`error`: what was entered cannot be compared).
    Pay { error: bool },
}

/// What a person does, or what happens to the widget.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Start,
    /// Continue on a question with the values chosen (option ids, or
    /// `not_sure` / `prefer_not`); none when nothing is chosen.
    Answer { question: String, values: Vec<String> },
    /// What is ticked on the question on screen but not yet sent: kept
    /// when the screen is drawn again in other words (language, attributes).
    Draft { question: String, values: Vec<String> },
    Back,
    Continue,
    Restart,
    Print,
    /// Print the print view (the browser's print dialog).
    PrintNow,
    /// Another language, from its button or the `lang` attribute.
    SetLang(String),
    SetRegion(String),
    /// The `mode` attribute (see [`Settings::mode`]).
    SetMode(String),
    SetExitUrl(String),
    /// A key press anywhere on the page at `at_ms` milliseconds: Shift three
    /// times within five seconds leaves; any other key starts the count again.
    Key { shift: bool, at_ms: f64 },
    /// Quick exit: drop every answer and leave.
    Exit,
    /// The page is being left (pagehide): drop every answer.
    Wipe,
    /// Open the text check.
    OpenCheck,
    /// The text as typed so far (kept when the screen is drawn again).
    Text(String),
    /// Check this text.
    CheckText(String),
    /// Open the pay check.
    OpenPay,
    /// Compare a pay: the country's code, the amount as written, the period
    /// (`hour`, `day`, `week`, `month`) and the hours a week, if given.
    PayCheck { country: String, amount: String, per: String, hours: String },
}

impl Action {
    /// The action of a button, by its name (`data-action` in the DOM).
    pub fn button(name: &str) -> Option<Action> {
        Some(match name {
            "start" => Action::Start,
            "back" => Action::Back,
            "continue" => Action::Continue,
            "restart" => Action::Restart,
            "print" => Action::Print,
            "print-now" => Action::PrintNow,
            "exit" => Action::Exit,
            "check" => Action::OpenCheck,
            "pay" => Action::OpenPay,
            _ => return None,
        })
    }

    /// A button's name; `""` for actions that are no button.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Start => "start",
            Action::Back => "back",
            Action::Continue => "continue",
            Action::Restart => "restart",
            Action::Print => "print",
            Action::PrintNow => "print-now",
            Action::Exit => "exit",
            Action::OpenCheck => "check",
            Action::OpenPay => "pay",
            _ => "",
        }
    }
}

/// What the page must do after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Nothing to draw.
    None,
    /// Draw the view again; focus stays where it is.
    Draw,
    /// Draw a new screen: focus its heading and announce [`View::announce`].
    NewScreen,
    /// Draw the view in another language: focus that language's button.
    NewLanguage,
    /// Say this through the live region.
    Announce(String),
    /// Open the browser's print dialog.
    Print,
    /// Draw the (blank) view, hide the page and replace it with this address.
    Leave(String),
}

/// The time, as the page knows it: milliseconds since 1970 (UTC) and the
/// local offset from UTC in minutes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Now {
    pub ms: f64,
    pub offset_minutes: i32,
}

impl Now {
    fn minutes(self) -> UtcMinutes {
        (self.ms / 60_000.0) as UtcMinutes
    }
}

/// One person's way through one widget.
#[derive(Debug, Clone)]
pub struct Flow {
    session: Session,
    screen: Screen,
    lang: String,
    /// See [`Settings::langs`].
    langs: Vec<String>,
    region: String,
    exit_url: String,
    shift_presses: Vec<f64>,
    draft: Option<(String, Vec<String>)>,
    /// The partner config's hotline (an entry id), if it names one.
    hotline: Option<String>,
    config_problems: Vec<String>,
    warnings: Vec<String>,
    /// `mode="contract-check"`: the intro leads to the text check first.
    check_first: bool,
    /// What the person wrote for the checks: wiped with the answers.
    checked: Checked,
    /// See [`Settings::version`].
    version: [String; 2],
}

/// The text check's state: the text, what it shows, and the pay check's values.
#[derive(Debug, Clone, Default)]
struct Checked {
    text: String,
    findings: Option<Findings>,
    /// The answers the findings suggest: `(question, option)`.
    suggested: Vec<(String, String)>,
    pay: Option<[String; 4]>,
}

impl Flow {
    /// A widget's flow and content: the built-in content is shared; only a
    /// partner config makes a copy.
    pub fn new(builtin: &'static Content, settings: &Settings) -> (Flow, Loaded) {
        let (content, config_problems, (config_region, hotline)) = if settings.config.trim().is_empty() {
            (Loaded::Builtin(builtin), Vec::new(), (None, None))
        } else {
            let (config, problems) = PartnerConfig::parse(&settings.config, builtin);
            // As `Problem`'s Display writes them; loops, not `collect`: smaller in the wasm.
            let mut sentences = Vec::new();
            for problem in &problems {
                sentences.push(concat(&[&problem.location, ": ", &problem.message]));
            }
            let problems = sentences;
            (Loaded::Partner(Box::new(config.apply(builtin))), problems, (config.region.clone(), config.hotline.clone()))
        };
        let mut warnings = Vec::new();
        for problem in &config_problems {
            warnings.push(concat(&["Putokaz config: ", problem]));
        }
        // The element's attribute wins over the config's default region.
        let region = Some(settings.region.clone()).filter(|r| is_country_code(r)).or(config_region).unwrap_or_else(|| "RS".into());
        let lang = if settings.lang.is_empty() { "en" } else { &settings.lang };
        let flow = Flow {
            session: Session::new(Mode::parse(&settings.mode).unwrap_or(Mode::Screening)),
            screen: Screen::Intro,
            lang: content.catalogs.resolve(lang).lang().to_string(),
            langs: settings.langs.clone(),
            region,
            exit_url: checked_exit_url(&settings.exit_url, &mut warnings),
            shift_presses: Vec::new(),
            draft: None,
            hotline,
            config_problems,
            warnings,
            check_first: settings.mode == "contract-check",
            checked: Checked::default(),
            version: settings.version.clone(),
        };
        (flow, content)
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The problems found in the partner config, one sentence each.
    pub fn config_problems(&self) -> &[String] {
        &self.config_problems
    }

    /// What the page should write to its console (config problems, an
    /// exit address refused), once.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Does what the person did, and says what the page must do.
    pub fn apply(&mut self, content: &Content, action: Action) -> Effect {
        use Action as A;
        if !matches!(action, A::Draft { .. } | A::SetLang(_) | A::SetRegion(_) | A::SetExitUrl(_) | A::Key { .. } | A::PrintNow | A::Text(_)) {
            self.draft = None;
        }
        let ask = Screen::Question { error: None };
        let onwards = if self.session.is_finished() { Screen::Result } else { ask };
        self.screen = match action {
            A::Start | A::Continue => onwards,
            A::Answer { question, values } => self.answer(content, question, values),
            A::Draft { question, values } => {
                self.draft = Some((question, values));
                return Effect::None;
            }
            A::Back => match self.screen {
                Screen::Print => Screen::Result,
                Screen::Check { .. } => Screen::Intro,
                Screen::Checked => Screen::Check { error: false },
                Screen::Pay { .. } if self.checked.findings.is_some() => Screen::Checked,
                Screen::Pay { .. } => Screen::Intro,
                Screen::Emergency | Screen::NotSafe => ask,
                Screen::Intro | Screen::Exited => self.screen,
                _ if self.session.back(content) => ask,
                // Back from the first question returns to what the text showed, if it was checked.
                _ if super::CHECK && self.checked.findings.is_some() => Screen::Checked,
                _ => Screen::Intro,
            },
            A::Restart => {
                self.forget();
                Screen::Intro
            }
            A::OpenCheck | A::Text(_) | A::CheckText(_) | A::OpenPay | A::PayCheck { .. } if !super::CHECK => return Effect::None,
            A::OpenCheck => Screen::Check { error: false },
            A::Text(text) => {
                self.checked.text = text;
                return Effect::None;
            }
            A::CheckText(text) => match &content.check {
                Some(check) if !text.trim().is_empty() => {
                    let findings = check.check(&text);
                    self.checked.suggested = check.suggestions(&findings);
                    self.checked.findings = Some(findings);
                    self.checked.text = text;
                    Screen::Checked
                }
                _ => Screen::Check { error: true },
            },
            A::OpenPay => Screen::Pay { error: false },
            A::PayCheck { country, amount, per, hours } => {
                let known = content.check.as_ref().is_some_and(|c| c.wages.iter().any(|w| w.country == country));
                let error = parse_amount(&amount).is_none() || Per::parse(&per).is_none() || !known;
                self.checked.pay = Some([country, amount, per, hours]);
                Screen::Pay { error }
            }
            A::Print => Screen::Print,
            A::PrintNow => return Effect::Print,
            A::SetLang(tag) => {
                self.lang = content.catalogs.resolve(&tag).lang().to_string();
                return Effect::NewLanguage;
            }
            A::SetRegion(code) => {
                if is_country_code(&code) {
                    self.region = code;
                }
                return Effect::Draw;
            }
            A::SetMode(text) => {
                let mode = Mode::parse(&text).unwrap_or(Mode::Screening);
                let check_first = text == "contract-check";
                if mode != self.session.mode || check_first != self.check_first {
                    self.forget();
                    self.session = Session::new(mode);
                    self.check_first = check_first;
                    self.screen = Screen::Intro;
                }
                return Effect::Draw;
            }
            A::SetExitUrl(url) => {
                self.exit_url = checked_exit_url(&url, &mut self.warnings);
                return Effect::Draw;
            }
            A::Key { shift: false, .. } => {
                // Shift used with another key is typing, not a request to leave.
                self.shift_presses.clear();
                return Effect::None;
            }
            A::Key { shift: true, at_ms } => {
                self.shift_presses.retain(|t| at_ms - t <= SHIFT_WINDOW_MS);
                self.shift_presses.push(at_ms);
                let count = self.shift_presses.len();
                if count < 3 {
                    let text = content.catalogs.text(&self.lang, "ui.exit_shift_progress");
                    return Effect::Announce(fill(text, &[("count", &content.catalogs.number(&self.lang, count as i64))]));
                }
                return self.apply(content, A::Exit);
            }
            A::Exit => {
                self.forget();
                self.shift_presses.clear();
                self.screen = Screen::Exited;
                return Effect::Leave(self.exit_url.clone());
            }
            A::Wipe => {
                // A page restored from the back/forward cache shows the start again, never an answer.
                self.forget();
                self.shift_presses.clear();
                if self.screen != Screen::Exited {
                    self.screen = Screen::Intro;
                }
                return Effect::Draw;
            }
        };
        Effect::NewScreen
    }

    /// Drops every answer, and the text checked with what it showed.
    fn forget(&mut self) {
        self.session.clear();
        if super::CHECK {
            self.checked = Checked::default();
        }
    }

    /// Whether the assessment was urgent before `question` was answered,
    /// when its answer then was `before` (an answer changes only its own entry).
    fn was_urgent(&self, content: &Content, question: &str, before: Option<Answer>) -> bool {
        let mut answers = self.session.answers().clone();
        match before {
            Some(answer) => answers.insert(question.to_string(), answer),
            None => answers.remove(question),
        };
        is_urgent(content, self.session.mode, &answers)
    }

    fn answer(&mut self, content: &Content, question: String, values: Vec<String>) -> Screen {
        let kind = content.question(&question).map_or(Kind::Single, |q| q.kind);
        // Whether this answer made the assessment urgent: the assessment
        // before it is needed only when the one after it is urgent.
        let before = self.session.answers().get(&question).cloned();
        let result = match answer_from(kind, values) {
            Some(answer) => self.session.answer(content, &question, answer).map_err(|e| e.message_key()),
            None => Err("ui.error_choose"),
        };
        let not_safe = content.question(&question).is_some_and(|q| q.role == Some(Role::SafeNow))
            && self.session.answers().get(&question) == Some(&Answer::Choice("no".into()));
        match result {
            Err(key) => Screen::Question { error: Some(key) },
            Ok(()) if urgent(content, &self.session) && !self.was_urgent(content, &question, before) => Screen::Emergency,
            Ok(()) if not_safe => Screen::NotSafe,
            Ok(()) if self.session.is_finished() => Screen::Result,
            Ok(()) => Screen::Question { error: None },
        }
    }
}

fn urgent(content: &Content, session: &Session) -> bool {
    is_urgent(content, session.mode, session.answers())
}

fn is_urgent(content: &Content, mode: Mode, answers: &Answers) -> bool {
    assess(content, mode, answers).level == Level::Urgent
}

/// The answer the values chosen on a question give, or `None` when nothing
/// is chosen. "Not sure" and "prefer not to say" win over anything else.
fn answer_from(kind: Kind, mut values: Vec<String>) -> Option<Answer> {
    for value in &values {
        match value.as_str() {
            Answer::NOT_SURE => return Some(Answer::NotSure),
            Answer::PREFER_NOT => return Some(Answer::PreferNot),
            _ => {}
        }
    }
    match (kind, values.len()) {
        (_, 0) => None,
        (kind, _) if kind.multiple() => Some(Answer::Choices(values)),
        _ => Some(Answer::Choice(values.swap_remove(0))),
    }
}

/// An exit address must be https, or a path on the same site.
fn checked_exit_url(url: &str, warnings: &mut Vec<String>) -> String {
    let url = url.trim();
    let same_site_path = url.starts_with('/') && !url.starts_with("//") && !url.contains('\\');
    if is_https_url(url) || (same_site_path && !url.chars().any(char::is_whitespace)) {
        return url.to_string();
    }
    if !url.is_empty() {
        warnings.push("Putokaz: exit-url must start with https:// or /; using the default.".into());
    }
    DEFAULT_EXIT_URL.to_string()
}

// ---- View models -------------------------------------------------------

/// Everything on screen, in the person's language.
#[derive(Debug, Clone)]
pub struct View {
    /// The language tag and text direction of the widget.
    pub lang: String,
    pub dir: String,
    /// The widget's accessible name; the job-offer check has its own.
    pub label: String,
    /// The skip link, the exit button and the hint under it.
    pub skip: String,
    pub exit: String,
    pub exit_hint: String,
    /// Where the exit goes: https or a same-site path, checked.
    pub exit_url: String,
    /// The language switch: none when the page offers one language.
    pub languages_label: String,
    pub languages: Vec<LangView>,
    /// The main hotline, on every screen but the blank one after an exit.
    pub hotline: Option<HotlineView>,
    pub screen: ScreenView,
    /// What the live region says when this screen is new: its error, or its title.
    pub announce: String,
}

/// A calm line with the main hotline: the partner config's, else the
/// region's (see [`main_hotline`]). The whole line is one `tel:` link.
#[derive(Debug, Clone, PartialEq)]
pub struct HotlineView {
    /// "To talk to someone, call", in the person's language.
    pub text: String,
    pub number: String,
    /// `tel:` and the entry's checked number (E.164 or a short code).
    pub href: String,
}

#[derive(Debug, Clone)]
pub struct LangView {
    pub lang: String,
    /// The language's name in itself.
    pub name: String,
    /// The language on screen.
    pub selected: bool,
}

/// A button; its action's [`Action::name`] names it in the DOM.
#[derive(Debug, Clone)]
pub struct Button {
    pub text: String,
    pub action: Action,
    pub primary: bool,
}

#[derive(Debug, Clone)]
pub enum ScreenView {
    Intro(IntroView),
    Question(AskView),
    Emergency(EmergencyView),
    NotSafe(NotSafeView),
    Result(Box<ResultView>),
    Print(PrintView),
    /// Only a line saying the page is being left.
    Exited(String),
    Check(CheckView),
    Checked(Box<CheckedView>),
    Pay(PayView),
}

/// The box for the text to check.
#[derive(Debug, Clone)]
pub struct CheckView {
    pub title: String,
    pub label: String,
    pub hint: String,
    /// The text so far.
    pub text: String,
    pub error: Option<ErrorView>,
    pub submit: String,
    pub back: Button,
}

/// What the text shows.
#[derive(Debug, Clone)]
pub struct CheckedView {
    pub title: String,
    pub summary: String,
    pub flags_title: String,
    pub flags: Vec<FlagView>,
    /// "In the text:", "Why it matters:", "Ask:".
    pub labels: [String; 3],
    pub elements_title: String,
    pub elements_note: String,
    /// Each element: its name, its status in words, and the status's name.
    pub elements: Vec<(String, String, &'static str)>,
    pub text_title: String,
    /// The text in pieces: plain, or a warning sign's match with the sign's
    /// number in the list (in the language's digits).
    pub text: Vec<(String, Option<String>)>,
    pub not_legal: String,
    pub actions: Vec<Button>,
    pub help_title: String,
    pub referrals: Referrals,
}

#[derive(Debug, Clone)]
pub struct FlagView {
    pub name: String,
    /// The sentences it was found in (none for something missing).
    pub quotes: Vec<String>,
    pub why: String,
    pub ask: String,
}

/// The pay check: the form, and what it says once filled in.
#[derive(Debug, Clone)]
pub struct PayView {
    pub title: String,
    pub intro: String,
    pub error: Option<ErrorView>,
    /// The country's label and its options: `(code, "Germany (EUR)", selected)`,
    /// after one with no value ("Choose a country").
    pub country: (String, Vec<(String, String, bool)>),
    pub amount: (String, String),
    pub per: (String, Vec<(String, String, bool)>),
    pub hours: (String, String),
    pub submit: String,
    /// The comparison, one sentence each, and its sources.
    pub said: Vec<String>,
    pub sources: Vec<ContactItem>,
    pub back: Button,
}

#[derive(Debug, Clone)]
pub struct IntroView {
    pub title: String,
    /// What fits a phone's first screen with Start: what this is, its
    /// privacy in a sentence, how long it takes.
    pub paragraphs: Vec<String>,
    /// The whole privacy and exit explanation, one tap away.
    pub more: Disclosure,
    /// Said when the partner config has problems.
    pub note: Option<String>,
    pub start: Button,
    /// The other way in: the text check, or the questions.
    pub other: Option<Button>,
}

/// Something said when the person asks: a button, and what it opens.
#[derive(Debug, Clone)]
pub struct Disclosure {
    pub label: String,
    pub paragraphs: Vec<String>,
}

/// A question on screen.
#[derive(Debug, Clone)]
pub struct AskView {
    pub id: String,
    /// The module's title and "Question n of m".
    pub progress: String,
    pub title: String,
    pub hint: Option<String>,
    /// Said for questions about sensitive things.
    pub sensitive: Option<String>,
    /// "Choose all that apply", for multiple choice.
    pub multi: Option<String>,
    /// Said when the options ticked were suggested by the text check.
    pub suggested: Option<String>,
    pub error: Option<ErrorView>,
    pub input: Input,
    pub submit: String,
    pub back: Button,
}

#[derive(Debug, Clone)]
pub struct ErrorView {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub enum Input {
    /// Radio buttons or check boxes: the options, then "not sure" and "prefer
    /// not to say" (for countries, "another country" first).
    Choices { multi: bool, options: Vec<Choice>, unknown: Vec<Choice>, filter: Option<Filter> },
}

/// A box to find options by typing (the countries).
#[derive(Debug, Clone)]
pub struct Filter {
    pub label: String,
    /// Said after each change, with `{n}` the number of options shown.
    pub found: String,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub text: String,
    pub checked: bool,
    /// Ticking it clears the other boxes ("none of these", the unknowns).
    pub exclusive: bool,
}

#[derive(Debug, Clone)]
pub struct EmergencyView {
    pub title: String,
    pub body: String,
    pub sos: Sos,
    pub next: Button,
}

#[derive(Debug, Clone)]
pub struct NotSafeView {
    pub title: String,
    pub body: String,
    /// The exit link's text (it goes to [`View::exit_url`]), offered first.
    pub exit: String,
    pub next: Button,
}

/// The emergency numbers.
#[derive(Debug, Clone)]
pub enum Sos {
    /// Putokaz has no emergency number for the country, not even 112.
    Missing(String),
    /// `missing`: said before the numbers when they are not the country's own
    /// (112), or when they are not confirmed ("Check before you rely on it").
    Numbers { missing: Option<String>, label: String, numbers: Vec<SosNumber> },
}

#[derive(Debug, Clone)]
pub struct SosNumber {
    pub number: String,
    /// A `tel:` link.
    pub href: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct ResultView {
    pub level: Level,
    pub heading: String,
    pub title: String,
    pub summary: String,
    pub sos: Sos,
    /// Urgent: the numbers come right under the summary, else under "who can help".
    pub sos_first: bool,
    pub child_note: Option<String>,
    pub job: Option<JobView>,
    pub noticed: Option<Noticed>,
    pub not_assessed: Option<NotAssessed>,
    /// "What to do now": the first steps and services, above the sections.
    pub now_title: String,
    /// The sections below, each title with its count: the job offer's
    /// flags, "what we noticed", the steps, the services.
    pub next_title: String,
    pub next_steps: Vec<String>,
    pub help_title: String,
    pub referrals: Referrals,
    pub actions: Vec<Button>,
}

#[derive(Debug, Clone)]
pub struct JobView {
    pub title: String,
    /// Said when no red flag was found.
    pub none: Option<String>,
    pub flags: Vec<JobFlag>,
    /// "What to check:", before each flag's check.
    pub check_label: String,
    pub score: String,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct JobFlag {
    pub text: String,
    pub check: Option<String>,
}

/// "What we noticed".
#[derive(Debug, Clone)]
pub struct Noticed {
    pub title: String,
    pub nothing: Option<String>,
    pub groups: Vec<SignGroup>,
    /// Explicit signs (indicators marked `discreet`), behind a neutral
    /// button: someone may be looking at the screen.
    pub discreet: Option<Disclosure>,
}

#[derive(Debug, Clone)]
pub struct SignGroup {
    pub title: String,
    pub signs: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct NotAssessed {
    pub title: String,
    pub body: String,
    pub topics: Vec<String>,
    pub could_be_higher: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Referrals {
    /// Said when no service is listed in the person's country.
    pub no_local: Option<String>,
    /// "Good to know", and the rights that change what the person may dare to do.
    pub rights: Option<(String, Vec<String>)>,
    pub items: Vec<ReferralItem>,
}

#[derive(Debug, Clone)]
pub struct ReferralItem {
    pub name: String,
    /// "Only for: women and girls", for a service with a restricted audience.
    pub audience: Option<String>,
    pub why: Option<String>,
    pub hours: String,
    pub languages: Option<String>,
    pub contacts: Vec<ContactItem>,
    pub check_first: Option<String>,
    pub details: String,
    pub verified: String,
}

#[derive(Debug, Clone)]
pub struct ContactItem {
    /// "Call: ", in the person's language.
    pub label: String,
    /// The number, address or link as written ("+381 ..."): drawn on its
    /// own, left to right, also in right-to-left languages.
    pub value: String,
    /// Only from the engine's checked `tel:`, `sms:`, `mailto:` and `https:` values.
    pub href: Option<String>,
    /// A web page: opened with `rel="noopener noreferrer"`.
    pub external: bool,
    /// " (note)", or nothing.
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct PrintView {
    pub title: String,
    pub note: String,
    pub sos: Sos,
    pub referrals: Referrals,
    pub print_now: Button,
    pub back: Button,
    /// Which release and content the list came from.
    pub version: String,
    /// The label of the choice of a more discreet list: without what each
    /// service helps with (the page alone keeps the choice).
    pub discreet: String,
}

impl Flow {
    /// The screen as it is now, in the person's language.
    pub fn view(&self, content: &Content, now: Now) -> View {
        let catalogs = &content.catalogs;
        let catalog = catalogs.resolve(&self.lang);
        let t = |key: &str| catalogs.text(&self.lang, key).to_string();
        let button = |key: &str, action: Action, primary: bool| Button { text: t(key), action, primary };
        let more = |keys: &[&str]| {
            let mut paragraphs = Vec::new();
            for key in keys {
                paragraphs.push(t(key));
            }
            Disclosure { label: t("ui.intro_more"), paragraphs }
        };
        let job_mode = self.session.mode == Mode::JobOffer;
        let check = super::CHECK && job_mode && content.check.is_some();
        let check_first = check && self.check_first;
        let (screen, announce) = match self.screen {
            Screen::Intro if check_first => {
                let title = t("check.intro_title");
                let intro = IntroView {
                    title: title.clone(),
                    paragraphs: vec![t("check.intro_body"), t("ui.intro_private_short")],
                    more: more(&["check.intro_private", "check.intro_languages", "ui.intro_not_legal", "ui.intro_exit", "ui.intro_exit_limits"]),
                    note: (!self.config_problems.is_empty()).then(|| t("ui.config_error")),
                    start: button("check.open", Action::OpenCheck, true),
                    other: Some(button("check.questions", Action::Start, false)),
                };
                (ScreenView::Intro(intro), title)
            }
            Screen::Intro => {
                let title = t("ui.intro_title");
                let mut paragraphs = vec![t("ui.intro_body"), t("ui.intro_private_short")];
                // How long the usual path is, counted on the content: half a
                // minute for each question, rounded up.
                let questions = Session::new(self.session.mode).estimate(content);
                let length = catalogs.plural(&self.lang, "ui.intro_length", questions as u32);
                let number = |n: usize| catalogs.number(&self.lang, n as i64);
                paragraphs.insert(1, fill(length, &[("questions", &number(questions)), ("minutes", &number(questions.div_ceil(2)))]));
                let intro = IntroView {
                    title: title.clone(),
                    paragraphs,
                    more: more(&["ui.intro_private", "ui.intro_not_legal", "ui.intro_skip", "ui.intro_exit", "ui.intro_exit_limits"]),
                    note: (!self.config_problems.is_empty()).then(|| t("ui.config_error")),
                    start: button(if job_mode { "ui.start_job" } else { "ui.start" }, Action::Start, true),
                    other: check.then(|| button("check.open", Action::OpenCheck, false)),
                };
                (ScreenView::Intro(intro), title)
            }
            Screen::Question { error } => match self.ask(content, error) {
                Some(ask) => {
                    let announce = ask.error.as_ref().map_or_else(|| ask.title.clone(), |e| e.text.clone());
                    (ScreenView::Question(ask), announce)
                }
                None => self.result(content, now),
            },
            Screen::Emergency => {
                let title = t("ui.emergency_title");
                let view = EmergencyView {
                    title: title.clone(),
                    body: t("ui.emergency_body"),
                    sos: sos(content, &self.lang, &self.report(content, now)),
                    next: button("ui.emergency_continue", Action::Continue, true),
                };
                (ScreenView::Emergency(view), title)
            }
            Screen::NotSafe => {
                let title = t("ui.not_safe_title");
                let view = NotSafeView {
                    title: title.clone(),
                    body: t("ui.not_safe_body"),
                    exit: t("ui.exit"),
                    next: button("ui.not_safe_continue", Action::Continue, false),
                };
                (ScreenView::NotSafe(view), title)
            }
            Screen::Result => self.result(content, now),
            Screen::Print => {
                let report = self.report(content, now);
                let title = t("ui.print_title");
                let view = PrintView {
                    title: title.clone(),
                    note: t("ui.print_note"),
                    sos: sos(content, &self.lang, &report),
                    referrals: referrals(content, &self.lang, &report, true),
                    print_now: button("ui.print_now", Action::PrintNow, true),
                    back: button("ui.print_back", Action::Back, false),
                    version: fill(&t("ui.print_version"), &[("version", &self.version[0]), ("content", &self.version[1])]),
                    discreet: t("ui.print_discreet"),
                };
                (ScreenView::Print(view), title)
            }
            Screen::Exited => (ScreenView::Exited(t("ui.exiting")), String::new()),
            Screen::Check { .. } | Screen::Checked | Screen::Pay { .. } if !super::CHECK => {
                self.result(content, now)
            }
            Screen::Check { error } => {
                let view = CheckView {
                    title: t("check.title"),
                    label: t("check.label"),
                    hint: t("check.hint"),
                    text: self.checked.text.clone(),
                    error: error.then(|| ErrorView {
                        title: t("ui.error_title"),
                        text: t("check.error_empty"),
                    }),
                    submit: t("check.submit"),
                    back: button("ui.back", Action::Back, false),
                };
                let announce = view
                    .error
                    .as_ref()
                    .map_or_else(|| view.title.clone(), |e| e.text.clone());
                (ScreenView::Check(view), announce)
            }
            Screen::Checked => self.checked_view(content, now),
            Screen::Pay { error } => self.pay_view(content, now, error),
        };
        // In the order the page names them (packs arrive in any order), each once.
        let mut languages: Vec<LangView> = Vec::new();
        let offered: Vec<&str> = if self.langs.is_empty() { catalogs.languages.iter().map(|c| c.lang()).collect() } else { self.langs.iter().map(|l| l.as_str()).collect() };
        for lang in offered {
            let Some(other) = catalogs.languages.iter().find(|c| c.lang() == lang) else { continue };
            if !languages.iter().any(|l| l.lang == lang) {
                languages.push(LangView { lang: lang.to_string(), name: other.meta.name.to_string(), selected: lang == catalog.lang() });
            }
        }
        if languages.len() < 2 {
            languages.clear();
        }
        View {
            lang: catalog.lang().to_string(),
            dir: catalog.meta.dir.to_string(),
            label: t(if check_first { "check.widget_label" } else if job_mode { "ui.widget_label_job" } else { "ui.widget_label" }),
            skip: t("ui.exit_skip"),
            exit: t("ui.exit"),
            exit_hint: t("ui.exit_hint"),
            exit_url: self.exit_url.clone(),
            languages_label: t("ui.language"),
            languages,
            hotline: if matches!(screen, ScreenView::Exited(_)) { None } else { self.hotline_view(content) },
            screen,
            announce,
        }
    }

    fn ask(&self, content: &Content, error: Option<&'static str>) -> Option<AskView> {
        let lang = &self.lang;
        let catalogs = &content.catalogs;
        let t = |key: &str| catalogs.text(lang, key).to_string();
        let (question, n, total) = self.session.place(content);
        let question = question?;
        let id: &str = &question.id;
        let about_other = self.about_other(content);
        let progress = fill(&t("ui.progress"), &[("n", &catalogs.number(lang, n as i64)), ("total", &catalogs.number(lang, total as i64))]);
        // What was ticked but not sent wins over the answer given before.
        let draft = self.draft.as_ref().filter(|(q, _)| q == id).map(|(_, values)| values);
        let previous = self.session.answers().get(id);
        // Not answered yet: what the checked text suggests is ticked, and said so.
        let suggested: Vec<String> = self
            .checked
            .suggested
            .iter()
            .filter(|(q, _)| q == id && previous.is_none())
            .map(|(_, o)| o.clone())
            .collect();
        let draft = draft.or((!suggested.is_empty()).then_some(&suggested));
        let checked = |option: &str| match (draft, previous) {
            (Some(values), _) => values.iter().any(|v| v == option),
            (None, Some(Answer::Choice(c))) => c == option,
            (None, Some(Answer::Choices(cs))) => cs.iter().any(|c| c == option),
            (None, Some(Answer::NotSure)) => option == Answer::NOT_SURE,
            (None, Some(Answer::PreferNot)) => option == Answer::PREFER_NOT,
            (None, None) => false,
        };
        let mut options = Vec::new();
        for option in content.options_of(question) {
            let text = option_text(content, lang, question, &option, about_other);
            let exclusive = question.exclusive.iter().any(|e| **e == *option);
            options.push(Choice { checked: checked(&option), value: option.into_owned(), text, exclusive });
        }
        let mut unknown = Vec::new();
        for value in [Answer::NOT_SURE, Answer::PREFER_NOT] {
            unknown.push(Choice { checked: checked(value), value: value.to_string(), text: text(content, lang, &["opt.", value]), exclusive: true });
        }
        // Every country, by name in the person's language, found by typing;
        // "another country" stays in sight with "not sure" and "prefer not to say".
        let filter = question.kind.of_countries().then(|| {
            unknown.splice(0..0, options.pop());
            super::sort_by(&mut options, |a, b| fold(&a.text).cmp(&fold(&b.text)));
            Filter { label: t("ui.country_label"), found: t("ui.country_found") }
        });
        let input = Input::Choices { multi: question.kind.multiple(), options, unknown, filter };
        let hint_key = concat(&["q.", id, ".hint"]);
        Some(AskView {
            id: id.to_string(),
            progress: concat(&[&text(content, lang, &["module.", &question.module]), " · ", &progress]),
            title: text(content, lang, &["q.", id, if about_other { ".them" } else { "" }]),
            hint: catalogs.resolve(lang).get(&hint_key).is_some().then(|| t(&hint_key)),
            sensitive: content.module(&question.module).is_some_and(|m| m.sensitive).then(|| t("ui.sensitive_note")),
            multi: question.kind.multiple().then(|| t("ui.choose_all")),
            suggested: (!suggested.is_empty()).then(|| t("check.suggested")),
            error: error.map(|key| ErrorView { title: t("ui.error_title"), text: t(key) }),
            input,
            submit: t("ui.continue"),
            back: Button { text: t("ui.back"), action: Action::Back, primary: false },
        })
    }

    fn hotline_view(&self, content: &Content) -> Option<HotlineView> {
        let entry = match &self.hotline {
            Some(id) => content.directory.get(id),
            None => main_hotline(content, &self.region),
        };
        // Its number was checked when the entry was loaded (E.164 or a short code).
        let number = entry?.voice()?;
        Some(HotlineView {
            text: content.catalogs.text(&self.lang, "ui.hotline").to_string(),
            number: number.shown().to_string(),
            href: concat(&["tel:", &number.number]),
        })
    }

    fn about_other(&self, content: &Content) -> bool {
        content
            .question_with_role(Role::Subject)
            .and_then(|q| self.session.effective_answers(content).get(&q.id).cloned())
            .is_some_and(|a| a == Answer::Choice("other".into()))
    }

    fn report(&self, content: &Content, now: Now) -> Report {
        let answers = self.session.effective_answers(content);
        let outcome = assess(content, self.session.mode, self.session.answers());
        Report::new(content, &self.lang, &outcome, &answers, &self.region, now.minutes(), now.offset_minutes)
    }

    fn result(&self, content: &Content, now: Now) -> (ScreenView, String) {
        let lang = &self.lang;
        let t = |key: &str| content.catalogs.text(lang, key).to_string();
        let report = self.report(content, now);
        let sos = sos(content, lang, &report);
        let referrals = referrals(content, lang, &report, false);
        let Report { level, title, summary, groups, not_assessed, could_be_higher, job_offer, next_steps, child_rules, .. } = report;
        let job = job_offer.map(|job| {
            let mut flags = Vec::new();
            for flag in job.flags {
                flags.push(JobFlag { text: flag.text, check: flag.check.map(|c| concat(&[" ", &c])) });
            }
            JobView {
                title: t("ui.job_title"),
                none: flags.is_empty().then(|| t("ui.job_none")),
                flags,
                check_label: t("ui.job_check_label"),
                score: fill(&t("ui.job_score"), &[("score", &content.catalogs.number(lang, job.score.into())), ("max", &content.catalogs.number(lang, job.max_score.into()))]),
                note: job.note,
            }
        });
        let count = |key: &str, n: usize| fill(&t("ui.count"), &[("title", &t(key)), ("n", &content.catalogs.number(lang, n as i64))]);
        let job = job.map(|job| JobView { title: count("ui.job_title", job.flags.len()), ..job });
        let mut noticed_groups = Vec::new();
        let mut hidden = Vec::new();
        let mut shown = 0;
        for group in groups {
            let mut signs = Vec::new();
            for sign in group.signs {
                // In the job-offer check, its flags are said above, not again here.
                if sign.check.is_some() && job.is_some() {
                    continue;
                }
                if content.indicator(&sign.id).is_some_and(|i| i.discreet) {
                    hidden.push(sign.text);
                } else {
                    signs.push(sign.text);
                }
            }
            if !signs.is_empty() {
                shown += signs.len();
                noticed_groups.push(SignGroup { title: group.title, signs });
            }
        }
        let noticed = (job.is_none() || !noticed_groups.is_empty() || !hidden.is_empty()).then(|| Noticed {
            title: count("ui.result_noticed", shown + hidden.len()),
            nothing: (noticed_groups.is_empty() && hidden.is_empty()).then(|| t("ui.result_nothing_noticed")),
            groups: noticed_groups,
            discreet: (!hidden.is_empty()).then(|| Disclosure { label: count("ui.discreet", hidden.len()), paragraphs: hidden }),
        });
        let not_assessed = (!not_assessed.is_empty()).then(|| NotAssessed {
            title: t("ui.result_not_assessed"),
            body: t("ui.result_not_assessed_body"),
            topics: not_assessed,
            could_be_higher: could_be_higher.then(|| t("ui.result_could_be_higher")),
        });
        let button = |key: &str, action: Action| Button { text: t(key), action, primary: false };
        let view = ResultView {
            level,
            heading: t("ui.result_heading"),
            title: title.clone(),
            summary,
            sos,
            sos_first: level == Level::Urgent,
            child_note: (child_rules && level >= Level::Some).then(|| t("ui.result_child_rules")),
            job,
            noticed,
            not_assessed,
            now_title: t("ui.result_now"),
            next_title: count("ui.result_next", next_steps.len()),
            next_steps,
            help_title: count("ui.result_help", referrals.items.len()),
            referrals,
            actions: vec![button("ui.print", Action::Print), button("ui.back", Action::Back), button("ui.restart", Action::Restart)],
        };
        (ScreenView::Result(Box::new(view)), title)
    }

    fn checked_view(&self, content: &Content, now: Now) -> (ScreenView, String) {
        let lang = &self.lang;
        let catalogs = &content.catalogs;
        let t = |key: &str| catalogs.text(lang, key).to_string();
        let (Some(check), Some(findings)) = (&content.check, &self.checked.findings) else {
            return self.result(content, now);
        };
        let text = &self.checked.text;
        let mut flags = Vec::new();
        // Every match, in the order of the text: (start, end, the flag's number).
        let mut marks = Vec::new();
        for (n, hit) in findings.flags.iter().enumerate() {
            let id = &check.flags[hit.rule].id;
            let key = concat(&["check.flag.", id]);
            let mut quotes = Vec::new();
            for &(a, b) in &hit.sentences {
                quotes.extend(text.get(a..b).map(String::from));
            }
            for &(a, b) in &hit.matches {
                marks.push((a, b, n + 1));
            }
            flags.push(FlagView {
                name: t(&key),
                quotes,
                why: t(&concat(&[&key, ".why"])),
                ask: t(&concat(&[&key, ".ask"])),
            });
        }
        super::sort_by(&mut marks, |a, b| a.0.cmp(&b.0));
        let mut pieces = Vec::new();
        let mut at = 0;
        for (a, b, n) in marks {
            // A match inside another is part of it.
            if a < at {
                continue;
            }
            pieces.extend(
                text.get(at..a)
                    .filter(|p| !p.is_empty())
                    .map(|p| (p.to_string(), None)),
            );
            pieces.push((
                text.get(a..b).unwrap_or_default().to_string(),
                Some(catalogs.number(lang, n as i64)),
            ));
            at = b;
        }
        pieces.extend(
            text.get(at..)
                .filter(|p| !p.is_empty())
                .map(|p| (p.to_string(), None)),
        );
        let mut elements = Vec::new();
        for (rule, status) in check.elements.iter().zip(&findings.elements) {
            elements.push((
                t(&concat(&["check.el.", &rule.id])),
                t(&concat(&["check.status.", status.name()])),
                status.name(),
            ));
        }
        let n = findings.flags.len();
        let summary = if !findings.readable {
            t("check.unreadable")
        } else if n == 0 {
            t("check.found_none")
        } else {
            fill(
                catalogs.plural(lang, "check.found", n as u32),
                &[("n", &catalogs.number(lang, n as i64))],
            )
        };
        let button = |key: &str, action: Action, primary: bool| Button {
            text: t(key),
            action,
            primary,
        };
        let title = t("check.result_title");
        let view = CheckedView {
            title: title.clone(),
            summary,
            flags_title: t("check.flags_title"),
            flags,
            // Each followed by a space: copied text and reading order keep the words apart.
            labels: [concat(&[&t("check.quote"), " "]), concat(&[&t("check.why"), " "]), concat(&[&t("check.ask"), " "])],
            elements_title: t("check.elements_title"),
            elements_note: t("check.elements_note"),
            // None for a text in a language the rules do not read: the check leaves them out.
            elements,
            text_title: t("check.text_title"),
            text: if n > 0 { pieces } else { Vec::new() },
            not_legal: t("check.not_legal"),
            actions: vec![
                button("check.questions", Action::Start, true),
                button("check.pay_open", Action::OpenPay, false),
                button("check.again", Action::OpenCheck, false),
            ],
            help_title: t("check.help_title"),
            referrals: {
                // The two the job-offer result lists first: the contract check
                // (ASTRA in Serbia) and the register of licensed agencies.
                let mut list = referrals(content, lang, &self.report(content, now), false);
                list.items.truncate(2);
                list
            },
        };
        (ScreenView::Checked(Box::new(view)), title)
    }

    fn pay_view(&self, content: &Content, now: Now, error: bool) -> (ScreenView, String) {
        let lang = &self.lang;
        let catalogs = &content.catalogs;
        let t = |key: &str| catalogs.text(lang, key).to_string();
        let wages = content.check.as_ref().map_or(&[][..], |c| &c.wages[..]);
        let empty = Default::default();
        let [country, amount, per, hours] = self.checked.pay.as_ref().unwrap_or(&empty);
        let country_name = |code: &str| text(content, lang, &["country.", code]);
        let mut countries: Vec<(String, String, bool)> = Vec::new();
        for wage in wages {
            if !countries.iter().any(|(c, _, _)| *c == wage.country) {
                let label = if wage.currency.is_empty() {
                    country_name(&wage.country)
                } else {
                    concat(&[&country_name(&wage.country), " (", &wage.currency, ")"])
                };
                countries.push((wage.country.clone(), label, wage.country == *country));
            }
        }
        super::sort_by(&mut countries, |a, b| fold(&a.1).cmp(&fold(&b.1)));
        countries.insert(
            0,
            (String::new(), t("check.pay_choose"), country.is_empty()),
        );
        let mut pers = Vec::new();
        for p in Per::ALL {
            pers.push((
                p.name().to_string(),
                t(&concat(&["check.pay_per.", p.name()])),
                per.as_str() == p.name() || (per.is_empty() && p == Per::Month),
            ));
        }
        let mut said = Vec::new();
        let mut sources = Vec::new();
        let today = super::time::date_of(now.minutes());
        if let (false, Some(cents), Some(per)) = (error, parse_amount(amount), Per::parse(per)) {
            let week: Option<u32> = parse_amount(hours)
                .map(|h| (h / 100) as u32)
                .filter(|h| *h > 0);
            for c in pay_check(wages, country, &today, cents, per, week) {
                let w = c.wage;
                if let Some(minimum) = w.amount {
                    let key = if w.region.is_empty() {
                        "check.pay_minimum"
                    } else {
                        "check.pay_minimum_region"
                    };
                    let minimum = super::check::amount_text(minimum);
                    let per_text = t(&concat(&["check.pay_per.", w.per.name()]));
                    // The date as the table writes it (2026-01-01), never broken at its hyphens.
                    let since = super::replace(&w.since, "-", "\u{2011}");
                    let args = [("country", &*country_name(&w.country)), ("region", &w.region), ("amount", &minimum), ("currency", &w.currency), ("per", &per_text), ("date", &since)];
                    said.push(fill(&t(key), &args));
                    said.push(t(if w.net {
                        "check.pay_net"
                    } else {
                        "check.pay_gross"
                    }));
                }
                said.push(match c.verdict {
                    Verdict::NoMinimum => fill(
                        &t("check.pay_no_minimum"),
                        &[("country", &country_name(&w.country))],
                    ),
                    Verdict::Below => t("check.pay_below"),
                    Verdict::AtLeast => t("check.pay_at_least"),
                    Verdict::MuchHigher => t("check.pay_much_higher"),
                });
                if c.verdict != Verdict::NoMinimum && per != w.per {
                    let hours = week.or(w.full_time_hours).unwrap_or(40);
                    said.push(fill(
                        &t("check.pay_assumed"),
                        &[("hours", &catalogs.number(lang, hours.into()))],
                    ));
                }
                if c.over_max_hours {
                    said.push(fill(
                        &t("check.pay_over_hours"),
                        &[(
                            "max",
                            &catalogs.number(lang, w.max_week_hours.unwrap_or_default().into()),
                        )],
                    ));
                }
                // Checked to start with https:// when the table was read.
                let host = w
                    .source
                    .get(8..)
                    .unwrap_or_default()
                    .split('/')
                    .next()
                    .unwrap_or_default();
                if !sources
                    .iter()
                    .any(|s: &ContactItem| s.href.as_deref() == Some(&w.source))
                {
                    sources.push(ContactItem {
                        label: concat(&[&t("check.pay_source"), " "]),
                        value: host.to_string(),
                        href: Some(w.source.clone()),
                        external: true,
                        note: Some(concat(&[" (", &w.source_date, ")"])),
                    });
                }
            }
        }
        let title = t("check.pay_title");
        let view = PayView {
            title: title.clone(),
            intro: t("check.pay_intro"),
            error: error.then(|| ErrorView {
                title: t("ui.error_title"),
                text: t("check.pay_error"),
            }),
            country: (t("check.pay_country"), countries),
            amount: (t("check.pay_amount"), amount.clone()),
            per: (t("check.pay_per"), pers),
            hours: (t("check.pay_hours"), hours.clone()),
            submit: t("check.pay_submit"),
            said,
            sources,
            back: Button {
                text: t("ui.back"),
                action: Action::Back,
                primary: false,
            },
        };
        let announce = view
            .error
            .as_ref()
            .map(|e| e.text.clone())
            .or_else(|| view.said.last().cloned())
            .unwrap_or_else(|| title.clone());
        (ScreenView::Pay(view), announce)
    }
}

/// The region's main hotline, when no partner names one: the first of the
/// region's own entries, in the directory's order, that identifies
/// trafficking, is for anyone, has a phone number, is no emergency number
/// and is of high confidence (the research's advice for what to show unasked).
pub fn main_hotline<'a>(content: &'a Content, region: &str) -> Option<&'a Entry> {
    content.directory.entries.iter().find(|e| {
        e.country == region
            && !e.emergency
            && e.confidence == Confidence::High
            && e.services.contains(&Service::TraffickingIdentification)
            && e.audience.contains(&Audience::Anyone)
            && e.voice().is_some()
    })
}

fn sos(content: &Content, lang: &str, report: &Report) -> Sos {
    let t = |key: &str| content.catalogs.text(lang, key).to_string();
    let mut numbers: Vec<SosNumber> = Vec::new();
    for referral in &report.emergency {
        // Beside each number: its note ("police"), else the service's name if
        // it has one in this language, else "Emergency help": never a name
        // in a language the person did not choose.
        let named = content.directory.entries.iter().find(|e| e.id == referral.id).is_some_and(|e| {
            e.has_name_in(lang) || e.texts_in_catalogs() && content.catalogs.resolve(lang).get(&name_key(&e.id)).is_some()
        });
        for contact in &referral.contacts {
            // A number in two entries (112 in Europe's and in the country's) is said once.
            if contact.kind == "voice" && !numbers.iter().any(|n| n.number == contact.label) {
                let name = contact.note.clone().unwrap_or_else(|| if named { referral.name.clone() } else { t("ref.service.emergency") });
                numbers.push(SosNumber { number: contact.label.clone(), href: contact.href.clone(), name });
            }
        }
    }
    if numbers.is_empty() {
        return Sos::Missing(t("ui.emergency_missing"));
    }
    // Numbers of low confidence (Guinea's) are said as such.
    let unsure = report.emergency.iter().any(|r| r.check_first).then(|| t("ref.check_first"));
    Sos::Numbers { missing: report.emergency_missing.clone().or(unsure), label: t("ui.result_emergency"), numbers }
}

/// `print`: opening hours as a timetable and no "open now", which would be
/// wrong by the time the paper is read.
fn referrals(content: &Content, lang: &str, report: &Report, print: bool) -> Referrals {
    let mut items = Vec::new();
    for referral in &report.referrals {
        items.push(referral_item(content, lang, referral, print));
    }
    let rights = (!report.rights.is_empty()).then(|| (content.catalogs.text(lang, "ref.rights").to_string(), report.rights.clone()));
    Referrals { no_local: report.no_local.clone(), rights, items }
}

fn referral_item(content: &Content, lang: &str, referral: &ReferralView, print: bool) -> ReferralItem {
    let t = |key: &str| content.catalogs.text(lang, key).to_string();
    let open_now = t("ref.why.open_now");
    let mut why = Vec::new();
    for reason in &referral.why {
        if !(print && *reason == open_now) {
            why.push(reason.clone());
        }
    }
    let mut contacts = Vec::new();
    for contact in &referral.contacts {
        contacts.push(ContactItem {
            label: concat(&[&text(content, lang, &["ref.contact.", contact.kind]), ": "]),
            value: contact.label.clone(),
            href: contact.href.clone(),
            external: contact.kind == "web" || contact.kind == "whatsapp",
            note: contact.note.as_ref().map(|note| concat(&[" (", note, ")"])),
        });
    }
    ReferralItem {
        name: referral.name.clone(),
        audience: referral.audience.clone(),
        why: (!why.is_empty()).then(|| join(&why, " · ")),
        hours: match content.directory.get(&referral.id) {
            Some(entry) if print => super::report::schedule_text(content, lang, entry),
            _ => referral.hours.clone(),
        },
        languages: (!referral.languages.is_empty()).then(|| fill(&t("ref.languages"), &[("languages", &join(&referral.languages, ", "))])),
        contacts,
        check_first: referral.check_first.then(|| t("ref.check_first")),
        details: t("ref.details"),
        verified: fill(&t("ref.last_verified"), &[("date", &referral.last_verified)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_button_has_a_name_that_reads_back() {
        for action in [Action::Start, Action::Back, Action::Continue, Action::Restart, Action::Print, Action::PrintNow, Action::Exit] {
            assert_eq!(Action::button(action.name()), Some(action.clone()));
        }
        assert_eq!(Action::button("answer"), None);
        assert_eq!(Action::SetLang("en".into()).name(), "");
    }

    #[test]
    fn the_unknowns_win_and_nothing_chosen_is_no_answer() {
        let values = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(answer_from(Kind::Multi, values(&["a", "not_sure"])), Some(Answer::NotSure));
        assert_eq!(answer_from(Kind::Single, values(&["prefer_not"])), Some(Answer::PreferNot));
        assert_eq!(answer_from(Kind::Multi, values(&["a", "b"])), Some(Answer::Choices(values(&["a", "b"]))));
        assert_eq!(answer_from(Kind::Country, values(&["RS"])), Some(Answer::Choice("RS".into())));
        assert_eq!(answer_from(Kind::YesNo, values(&[])), None);
    }

    #[test]
    fn exit_addresses_are_https_or_same_site_paths() {
        let mut warnings = Vec::new();
        assert_eq!(checked_exit_url(" https://example.org/x ", &mut warnings), "https://example.org/x");
        assert_eq!(checked_exit_url("/neutral.html", &mut warnings), "/neutral.html");
        assert!(warnings.is_empty());
        for bad in ["javascript:alert(1)", "//evil.example", "/a b", "http://example.org", "/\\evil"] {
            assert_eq!(checked_exit_url(bad, &mut warnings), DEFAULT_EXIT_URL, "{bad}");
        }
        assert_eq!(warnings.len(), 5);
        assert_eq!(checked_exit_url("", &mut warnings), DEFAULT_EXIT_URL);
        assert_eq!(warnings.len(), 5, "no address is no mistake");
    }
}
