//! Screens as DOM, built with `create_element` and `set_text_content` only:
//! no text ever becomes HTML. Links are set only from the engine's
//! validated `tel:`, `sms:`, `mailto:` and `https:` values.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

use super::{Screen, State};
use crate::engine::api::{ReferralView, Report};
use crate::engine::catalog::fill;
use crate::engine::content::{Kind, Mode, Role};
use crate::engine::{assess, join, Answer, Level};

type Result<T = ()> = std::result::Result<T, JsValue>;

/// The parts that stay for the widget's life: the exit (on its own, so it
/// can stay on screen), the bar, the screen and the live region (kept, so
/// announcements are read reliably).
pub fn skeleton(container: &HtmlElement) -> Result {
    let doc = document()?;
    container.set_class_name("pk");
    container.replace_children_with_node_0();
    let skip = el(&doc, "a", "pk-skip")?;
    skip.set_attribute("data-action", "exit")?;
    let exit_bar = el(&doc, "div", "pk-exitbar")?;
    let bar = el(&doc, "div", "pk-bar")?;
    let screen = el(&doc, "div", "pk-screen")?;
    let live = el(&doc, "div", "pk-live")?;
    live.set_attribute("role", "status")?;
    live.set_attribute("aria-live", "polite")?;
    for part in [&skip, &exit_bar, &bar, &screen, &live] {
        container.append_child(part)?;
    }
    Ok(())
}

pub fn render(state: &State, container: &HtmlElement, move_focus: bool) -> Result {
    let doc = document()?;
    let catalogs = &state.content.catalogs;
    let t = |key: &str| catalogs.text(&state.lang, key).to_string();
    let catalog = catalogs.resolve(&state.lang);
    container.set_attribute("lang", catalog.lang())?;
    container.set_attribute("dir", &catalog.meta.dir)?;
    container.set_attribute("role", "region")?;
    // Each mode names its region differently, so two widgets on one page
    // (a screening and a job-offer check) are told apart.
    let label = if state.session.mode == Mode::JobOffer { "ui.widget_label_job" } else { "ui.widget_label" };
    container.set_attribute("aria-label", &t(label))?;

    let skip = part(container, ".pk-skip")?;
    skip.set_text_content(Some(&t("ui.exit_skip")));
    skip.set_attribute("href", &state.exit_url)?;

    let bar = part(container, ".pk-bar")?;
    bar.replace_children_with_node_0();
    let langs = el(&doc, "div", "pk-langs")?;
    langs.set_attribute("role", "group")?;
    langs.set_attribute("aria-label", &t("ui.language"))?;
    for other in state.content.catalogs.languages.iter() {
        let button = text_el(&doc, "button", "pk-lang", &other.meta.name)?;
        button.set_attribute("type", "button")?;
        button.set_attribute("lang", other.lang())?;
        button.set_attribute("data-action", "lang")?;
        button.set_attribute("data-lang", other.lang())?;
        button.set_attribute("aria-pressed", if other.lang() == catalog.lang() { "true" } else { "false" })?;
        langs.append_child(&button)?;
    }
    let exit = text_el(&doc, "a", "pk-exit", &t("ui.exit"))?;
    exit.set_attribute("href", &state.exit_url)?;
    // A plain link (it goes to another page): Enter follows it, and it is
    // announced as what it is. A role of button would also need Space.
    exit.set_attribute("data-action", "exit")?;
    let exit_bar = part(container, ".pk-exitbar")?;
    exit_bar.replace_children_with_node_1(&exit);
    bar.append_child(&langs)?;
    bar.append_child(&*text_el(&doc, "p", "pk-exit-hint", &t("ui.exit_hint"))?)?;

    let screen = part(container, ".pk-screen")?;
    screen.replace_children_with_node_0();
    let body = match &state.screen {
        Screen::Intro => intro(&doc, state)?,
        Screen::Question { error } => question(&doc, state, *error)?,
        Screen::Emergency => emergency(&doc, state)?,
        Screen::NotSafe => not_safe(&doc, state)?,
        Screen::Result => result(&doc, state)?,
        Screen::Print => print(&doc, state)?,
    };
    screen.append_child(&body)?;
    if move_focus {
        if let Some(heading) = screen.query_selector(".pk-title")? {
            focus(&heading);
        }
        let progress = match state.screen {
            Screen::Question { error: Some(key) } => t(key),
            _ => screen.query_selector(".pk-title")?.and_then(|h| h.text_content()).unwrap_or_default(),
        };
        announce(container, &progress)?;
    }
    Ok(())
}

/// Empties the widget at once (quick exit), leaving only a "Loading." line.
pub fn blank(container: &HtmlElement, state: &State) -> Result {
    let doc = document()?;
    container.replace_children_with_node_0();
    let overlay = text_el(&doc, "p", "pk-exiting", state.content.catalogs.text(&state.lang, "ui.exiting"))?;
    overlay.set_attribute("role", "alert")?;
    container.append_child(&overlay)?;
    Ok(())
}

/// Says something through the live region.
pub fn announce(container: &HtmlElement, text: &str) -> Result {
    if let Some(live) = container.query_selector(".pk-live")? {
        live.set_text_content(Some(text));
    }
    Ok(())
}

pub fn focus_selector(container: &HtmlElement, selector: &str) -> Result {
    if let Some(element) = container.query_selector(selector)? {
        focus(&element);
    }
    Ok(())
}

fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}

fn intro(doc: &Document, state: &State) -> Result<Element> {
    let t = |key: &str| state.content.catalogs.text(&state.lang, key).to_string();
    let section = el(doc, "section", "pk-intro")?;
    let title = text_el(doc, "h2", "pk-title", &t("ui.intro_title"))?;
    title.set_attribute("tabindex", "-1")?;
    section.append_child(&title)?;
    for key in ["ui.intro_body", "ui.intro_private", "ui.intro_not_legal", "ui.intro_skip", "ui.intro_exit", "ui.intro_exit_limits"] {
        section.append_child(&*text_el(doc, "p", "pk-text", &t(key))?)?;
    }
    if !state.config_problems.is_empty() {
        section.append_child(&*text_el(doc, "p", "pk-note", &t("ui.config_error"))?)?;
    }
    let start_key = if state.session.mode == Mode::JobOffer { "ui.start_job" } else { "ui.start" };
    section.append_child(&*action_button(doc, &t(start_key), "start", "pk-button")?)?;
    Ok(section)
}

fn question(doc: &Document, state: &State, error: Option<&'static str>) -> Result<Element> {
    let content = &state.content;
    let t = |key: &str| content.catalogs.text(&state.lang, key).to_string();
    let Some(question) = state.session.current(content) else { return result(doc, state) };
    let about_other = about_other(state);
    let form = el(doc, "form", "pk-question")?;
    form.set_attribute("data-question", &question.id)?;
    form.set_attribute("novalidate", "")?;
    let (n, total) = state.session.progress(content);
    let progress = fill(&t("ui.progress"), &[("n", &n.to_string()), ("total", &total.to_string())]);
    let meta = text_el(doc, "p", "pk-progress", &format!("{} · {progress}", t(&format!("module.{}", question.module))))?;
    form.append_child(&meta)?;
    let fieldset = el(doc, "fieldset", "pk-fieldset")?;
    let legend = el(doc, "legend", "pk-legend")?;
    let key = if about_other { format!("q.{}.them", question.id) } else { format!("q.{}", question.id) };
    let title = text_el(doc, "h2", "pk-title", &t(&key))?;
    title.set_attribute("tabindex", "-1")?;
    legend.append_child(&title)?;
    fieldset.append_child(&legend)?;
    let mut described_by = Vec::new();
    let hint_key = format!("q.{}.hint", question.id);
    if content.catalogs.resolve(&state.lang).get(&hint_key).is_some() {
        let hint = text_el(doc, "p", "pk-hint", &t(&hint_key))?;
        hint.set_attribute("id", "pk-hint")?;
        fieldset.append_child(&hint)?;
        described_by.push("pk-hint");
    }
    if content.module(&question.module).is_some_and(|m| m.sensitive) {
        let note = text_el(doc, "p", "pk-hint", &t("ui.sensitive_note"))?;
        note.set_attribute("id", "pk-sensitive")?;
        fieldset.append_child(&note)?;
        described_by.push("pk-sensitive");
    }
    if question.kind == Kind::Multi {
        let note = text_el(doc, "p", "pk-hint", &t("ui.choose_all"))?;
        note.set_attribute("id", "pk-multi")?;
        fieldset.append_child(&note)?;
        described_by.push("pk-multi");
    }
    // The error sits under the question and its hints, so its heading follows
    // the question's heading in order (as in the GOV.UK error message).
    if let Some(key) = error {
        let summary = el(doc, "div", "pk-error")?;
        summary.set_attribute("role", "alert")?;
        summary.set_attribute("id", "pk-error")?;
        summary.append_child(&*text_el(doc, "h3", "pk-error__title", &t("ui.error_title"))?)?;
        summary.append_child(&*text_el(doc, "p", "pk-error__text", &t(key))?)?;
        fieldset.append_child(&summary)?;
    }
    if error.is_some() {
        described_by.push("pk-error");
        fieldset.set_attribute("aria-invalid", "true")?;
    }
    if !described_by.is_empty() {
        fieldset.set_attribute("aria-describedby", &join(&described_by, " "))?;
    }
    let previous = state.session.answers().get(&*question.id);
    let chosen = |option: &str| match previous {
        Some(Answer::Choice(c)) => c == option,
        Some(Answer::Choices(cs)) => cs.iter().any(|c| c == option),
        Some(Answer::NotSure) => option == Answer::NOT_SURE,
        Some(Answer::PreferNot) => option == Answer::PREFER_NOT,
        None => false,
    };
    let unknowns = [(Answer::NOT_SURE, t("opt.not_sure")), (Answer::PREFER_NOT, t("opt.prefer_not"))];
    if question.kind == Kind::Country {
        let label = text_el(doc, "label", "pk-label", &t("ui.country_label"))?;
        label.set_attribute("for", "pk-country")?;
        let select = el(doc, "select", "pk-select")?;
        select.set_attribute("id", "pk-country")?;
        select.set_attribute("name", "answer")?;
        let blank = text_el(doc, "option", "", "—")?;
        blank.set_attribute("value", "")?;
        select.append_child(&blank)?;
        let mut options: Vec<(String, String)> = content
            .options_of(question)
            .into_iter()
            .map(|code| {
                let text = crate::engine::api::option_text(content, &state.lang, question, &code, about_other);
                (code.into_owned(), text)
            })
            .collect();
        options.extend(unknowns.iter().map(|(id, text)| (id.to_string(), text.clone())));
        for (id, text) in options {
            let option = text_el(doc, "option", "", &text)?;
            option.set_attribute("value", &id)?;
            if chosen(&id) {
                option.set_attribute("selected", "")?;
            }
            select.append_child(&option)?;
        }
        fieldset.append_child(&label)?;
        fieldset.append_child(&select)?;
    } else {
        let input_type = if question.kind == Kind::Multi { "checkbox" } else { "radio" };
        let choices = el(doc, "div", "pk-choices")?;
        for option in content.options_of(question) {
            let text = crate::engine::api::option_text(content, &state.lang, question, &option, about_other);
            let exclusive = question.exclusive.contains(&option);
            choices.append_child(&*choice(doc, input_type, &option, &text, chosen(&option), exclusive)?)?;
        }
        let unknown = el(doc, "div", "pk-choices pk-choices--unknown")?;
        for (id, text) in &unknowns {
            unknown.append_child(&*choice(doc, input_type, id, text, chosen(id), true)?)?;
        }
        fieldset.append_child(&choices)?;
        fieldset.append_child(&unknown)?;
    }
    form.append_child(&fieldset)?;
    let actions = el(doc, "div", "pk-actions")?;
    let submit = text_el(doc, "button", "pk-button", &t("ui.continue"))?;
    submit.set_attribute("type", "submit")?;
    actions.append_child(&submit)?;
    actions.append_child(&*action_button(doc, &t("ui.back"), "back", "pk-button pk-button--secondary")?)?;
    form.append_child(&actions)?;
    Ok(form)
}

fn choice(doc: &Document, input_type: &str, value: &str, text: &str, checked: bool, exclusive: bool) -> Result<Element> {
    let wrapper = el(doc, "div", "pk-choice")?;
    let id = format!("pk-option-{value}");
    let input: HtmlInputElement = doc.create_element("input")?.dyn_into()?;
    input.set_type(input_type);
    input.set_name("answer");
    input.set_value(value);
    input.set_id(&id);
    input.set_class_name("pk-choice__input");
    input.set_checked(checked);
    input.set_default_checked(checked);
    if exclusive {
        input.set_attribute("data-exclusive", "")?;
    }
    let label = text_el(doc, "label", "pk-choice__label", text)?;
    label.set_attribute("for", &id)?;
    wrapper.append_child(&input)?;
    wrapper.append_child(&label)?;
    Ok(wrapper)
}

/// Ticking "none of these", "not sure" or "prefer not to say" clears the
/// other boxes, and ticking another box clears those.
pub fn on_choice_change(target: &Element) {
    let Some(input) = target.dyn_ref::<HtmlInputElement>() else { return };
    if input.type_() != "checkbox" || !input.checked() {
        return;
    }
    let Some(form) = target.closest("form").ok().flatten() else { return };
    let exclusive = input.has_attribute("data-exclusive");
    let Ok(boxes) = form.query_selector_all("input[type=checkbox]") else { return };
    for i in 0..boxes.length() {
        let Some(other) = boxes.get(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) else { continue };
        if other != *input && (exclusive || other.has_attribute("data-exclusive")) {
            other.set_checked(false);
        }
    }
}

/// What is ticked on the question on screen but not yet sent with Continue:
/// the question's id and the chosen values. Kept across a re-render that
/// stays on the same question (a language switch, a changed attribute).
pub fn draft(container: &HtmlElement) -> Option<(String, Vec<String>)> {
    let form = container.query_selector("form[data-question]").ok().flatten()?;
    let id = form.get_attribute("data-question")?;
    let mut values = Vec::new();
    if let Some(select) = form.query_selector("select").ok().flatten().and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()) {
        values.push(select.value());
    }
    let checked = form.query_selector_all("input[name=answer]:checked").ok()?;
    for i in 0..checked.length() {
        if let Some(input) = checked.get(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) {
            values.push(input.value());
        }
    }
    Some((id, values))
}

/// Puts a [`draft`] back if the same question is on screen again.
pub fn restore_draft(container: &HtmlElement, draft: Option<(String, Vec<String>)>) {
    let Some((id, values)) = draft else { return };
    let Some(form) = container.query_selector("form[data-question]").ok().flatten() else { return };
    if form.get_attribute("data-question").as_deref() != Some(id.as_str()) {
        return;
    }
    if let Some(select) = form.query_selector("select").ok().flatten().and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()) {
        if let Some(value) = values.first() {
            select.set_value(value);
        }
        return;
    }
    let Ok(inputs) = form.query_selector_all("input[name=answer]") else { return };
    for i in 0..inputs.length() {
        if let Some(input) = inputs.get(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok()) {
            input.set_checked(values.contains(&input.value()));
        }
    }
}

/// The answer a form holds, or `None` when nothing is chosen.
pub fn read_answer(form: &Element) -> Option<Answer> {
    if let Some(select) = form.query_selector("select").ok().flatten().and_then(|s| s.dyn_into::<HtmlSelectElement>().ok()) {
        let value = select.value();
        return match value.as_str() {
            "" => None,
            v => super::unknown_answer(v).or(Some(Answer::Choice(value))),
        };
    }
    let checked = form.query_selector_all("input[name=answer]:checked").ok()?;
    let mut values = Vec::new();
    let mut multi = false;
    for i in 0..checked.length() {
        let input = checked.get(i)?.dyn_into::<HtmlInputElement>().ok()?;
        multi |= input.type_() == "checkbox";
        values.push(input.value());
    }
    if let Some(unknown) = values.iter().find_map(|v| super::unknown_answer(v)) {
        return Some(unknown);
    }
    match (multi, values.len()) {
        (_, 0) => None,
        (false, _) => Some(Answer::Choice(values.remove(0))),
        (true, _) => Some(Answer::Choices(values)),
    }
}

fn about_other(state: &State) -> bool {
    let content = &state.content;
    content
        .question_with_role(Role::Subject)
        .and_then(|q| state.session.effective_answers(content).get(&*q.id).cloned())
        .is_some_and(|a| a == Answer::Choice("other".into()))
}

fn report(state: &State) -> Report {
    let content = &state.content;
    let answers = state.session.effective_answers(content);
    let outcome = assess(content, state.session.mode, state.session.answers());
    let now = (js_sys::Date::now() / 60_000.0) as i64;
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    Report::new(content, &state.lang, &outcome, &answers, &state.region, now, offset)
}

fn emergency(doc: &Document, state: &State) -> Result<Element> {
    let t = |key: &str| state.content.catalogs.text(&state.lang, key).to_string();
    let report = report(state);
    let section = el(doc, "section", "pk-emergency")?;
    let title = text_el(doc, "h2", "pk-title", &t("ui.emergency_title"))?;
    title.set_attribute("tabindex", "-1")?;
    section.append_child(&title)?;
    section.append_child(&*text_el(doc, "p", "pk-text", &t("ui.emergency_body"))?)?;
    section.append_child(&*emergency_numbers(doc, state, &report)?)?;
    section.append_child(&*action_button(doc, &t("ui.emergency_continue"), "continue", "pk-button")?)?;
    Ok(section)
}

/// "Not safe to answer now": leaving comes first, continuing second.
fn not_safe(doc: &Document, state: &State) -> Result<Element> {
    let t = |key: &str| state.content.catalogs.text(&state.lang, key).to_string();
    let section = el(doc, "section", "pk-emergency")?;
    let title = text_el(doc, "h2", "pk-title", &t("ui.not_safe_title"))?;
    title.set_attribute("tabindex", "-1")?;
    section.append_child(&title)?;
    section.append_child(&*text_el(doc, "p", "pk-text", &t("ui.not_safe_body"))?)?;
    let actions = el(doc, "div", "pk-actions")?;
    let exit = text_el(doc, "a", "pk-exit", &t("ui.exit"))?;
    exit.set_attribute("href", &state.exit_url)?;
    exit.set_attribute("data-action", "exit")?;
    actions.append_child(&exit)?;
    actions.append_child(&*action_button(doc, &t("ui.not_safe_continue"), "continue", "pk-button pk-button--secondary")?)?;
    section.append_child(&actions)?;
    Ok(section)
}

fn emergency_numbers(doc: &Document, state: &State, report: &Report) -> Result<Element> {
    let t = |key: &str| state.content.catalogs.text(&state.lang, key).to_string();
    let block = el(doc, "div", "pk-sos")?;
    if report.emergency.is_empty() {
        block.append_child(&*text_el(doc, "p", "pk-text", &t("ui.emergency_missing"))?)?;
        return Ok(block);
    }
    block.append_child(&*text_el(doc, "p", "pk-sos__label", &t("ui.result_emergency"))?)?;
    let list = el(doc, "ul", "pk-sos__list")?;
    for referral in &report.emergency {
        for contact in referral.contacts.iter().filter(|c| c.kind == "voice") {
            let item = el(doc, "li", "pk-sos__item")?;
            let link = text_el(doc, "a", "pk-call", &contact.label)?;
            if let Some(href) = &contact.href {
                link.set_attribute("href", href)?;
            }
            item.append_child(&link)?;
            let name = contact.note.clone().unwrap_or_else(|| referral.name.clone());
            item.append_child(&*text_el(doc, "span", "pk-sos__name", &name)?)?;
            list.append_child(&item)?;
        }
    }
    block.append_child(&list)?;
    Ok(block)
}

fn result(doc: &Document, state: &State) -> Result<Element> {
    let t = |key: &str| state.content.catalogs.text(&state.lang, key).to_string();
    let report = report(state);
    let section = el(doc, "section", &format!("pk-result pk-result--{}", report.level.id()))?;
    section.append_child(&*text_el(doc, "p", "pk-progress", &t("ui.result_heading"))?)?;
    let title = text_el(doc, "h2", "pk-title", &report.title)?;
    title.set_attribute("tabindex", "-1")?;
    section.append_child(&title)?;
    section.append_child(&*text_el(doc, "p", "pk-summary", &report.summary)?)?;
    // The emergency number is on every result, first when there is danger now.
    let sos = emergency_numbers(doc, state, &report)?;
    if report.level == Level::Urgent {
        section.append_child(&sos)?;
    }
    if report.child_rules && report.level >= Level::Some {
        section.append_child(&*text_el(doc, "p", "pk-note", &t("ui.result_child_rules"))?)?;
    }

    if let Some(job) = &report.job_offer {
        section.append_child(&*text_el(doc, "h3", "pk-h3", &t("ui.job_title"))?)?;
        if job.flags.is_empty() {
            section.append_child(&*text_el(doc, "p", "pk-text", &t("ui.job_none"))?)?;
        } else {
            let list = el(doc, "ul", "pk-signs")?;
            for flag in &job.flags {
                let item = text_el(doc, "li", "pk-sign", &flag.text)?;
                if let Some(check) = &flag.check {
                    let p = el(doc, "p", "pk-check")?;
                    p.append_child(&*text_el(doc, "strong", "", &t("ui.job_check_label"))?)?;
                    p.append_child(&*text_el(doc, "span", "", &format!(" {check}"))?)?;
                    item.append_child(&p)?;
                }
                list.append_child(&item)?;
            }
            section.append_child(&list)?;
        }
        let score = fill(&t("ui.job_score"), &[("score", &job.score.to_string()), ("max", &job.max_score.to_string())]);
        section.append_child(&*text_el(doc, "p", "pk-text", &score)?)?;
        section.append_child(&*text_el(doc, "p", "pk-note", &job.note)?)?;
    }

    let other_signs: Vec<_> = report
        .groups
        .iter()
        .map(|g| (g, g.signs.iter().filter(|s| s.check.is_none() || report.job_offer.is_none()).collect::<Vec<_>>()))
        .filter(|(_, signs)| !signs.is_empty())
        .collect();
    if report.job_offer.is_none() || !other_signs.is_empty() {
        section.append_child(&*text_el(doc, "h3", "pk-h3", &t("ui.result_noticed"))?)?;
        if other_signs.is_empty() {
            section.append_child(&*text_el(doc, "p", "pk-text", &t("ui.result_nothing_noticed"))?)?;
        }
        for (group, signs) in other_signs {
            section.append_child(&*text_el(doc, "h4", "pk-h4", &group.title)?)?;
            let list = el(doc, "ul", "pk-signs")?;
            for sign in signs {
                list.append_child(&*text_el(doc, "li", "pk-sign", &sign.text)?)?;
            }
            section.append_child(&list)?;
        }
    }

    if !report.not_assessed.is_empty() {
        section.append_child(&*text_el(doc, "h3", "pk-h3", &t("ui.result_not_assessed"))?)?;
        section.append_child(&*text_el(doc, "p", "pk-text", &t("ui.result_not_assessed_body"))?)?;
        let list = el(doc, "ul", "pk-list")?;
        for topic in &report.not_assessed {
            list.append_child(&*text_el(doc, "li", "", topic)?)?;
        }
        section.append_child(&list)?;
        if report.could_be_higher {
            section.append_child(&*text_el(doc, "p", "pk-note", &t("ui.result_could_be_higher"))?)?;
        }
    }

    section.append_child(&*text_el(doc, "h3", "pk-h3", &t("ui.result_next"))?)?;
    let steps = el(doc, "ul", "pk-list")?;
    for step in &report.next_steps {
        steps.append_child(&*text_el(doc, "li", "", step)?)?;
    }
    section.append_child(&steps)?;

    section.append_child(&*text_el(doc, "h3", "pk-h3", &t("ui.result_help"))?)?;
    if report.level != Level::Urgent {
        section.append_child(&sos)?;
    }
    section.append_child(&*referral_list(doc, state, &report, "h4")?)?;

    let actions = el(doc, "div", "pk-actions")?;
    actions.append_child(&*action_button(doc, &t("ui.print"), "print", "pk-button pk-button--secondary")?)?;
    actions.append_child(&*action_button(doc, &t("ui.back"), "back", "pk-button pk-button--secondary")?)?;
    actions.append_child(&*action_button(doc, &t("ui.restart"), "restart", "pk-button pk-button--secondary")?)?;
    section.append_child(&actions)?;
    Ok(section)
}

/// `heading` is the tag of each service's name: one level under the
/// section it appears in (`h4` under the result's "Who can help", `h3` on
/// the print view), so headings never skip a level.
fn referral_list(doc: &Document, state: &State, report: &Report, heading: &str) -> Result<Element> {
    let t = |key: &str| state.content.catalogs.text(&state.lang, key).to_string();
    let wrapper = el(doc, "div", "pk-referrals")?;
    if let Some(no_local) = &report.no_local {
        wrapper.append_child(&*text_el(doc, "p", "pk-note", no_local)?)?;
    }
    let list = el(doc, "ul", "pk-referrals__list")?;
    for referral in &report.referrals {
        list.append_child(&*referral_item(doc, &t, referral, heading)?)?;
    }
    wrapper.append_child(&list)?;
    Ok(wrapper)
}

fn referral_item(doc: &Document, t: &dyn Fn(&str) -> String, referral: &ReferralView, heading: &str) -> Result<Element> {
    let item = el(doc, "li", "pk-referral")?;
    item.append_child(&*text_el(doc, heading, "pk-referral__name", &referral.name)?)?;
    if !referral.why.is_empty() {
        item.append_child(&*text_el(doc, "p", "pk-referral__why", &join(&referral.why, " · "))?)?;
    }
    item.append_child(&*text_el(doc, "p", "pk-referral__hours", &referral.hours)?)?;
    if !referral.languages.is_empty() {
        let languages = fill(&t("ref.languages"), &[("languages", &join(&referral.languages, ", "))]);
        item.append_child(&*text_el(doc, "p", "pk-referral__langs", &languages)?)?;
    }
    let contacts = el(doc, "ul", "pk-contacts")?;
    for contact in &referral.contacts {
        let li = el(doc, "li", "pk-contact")?;
        let label = format!("{}: {}", t(&format!("ref.contact.{}", contact.kind)), contact.label);
        let node = match &contact.href {
            Some(href) => {
                let link = text_el(doc, "a", "pk-contact__link", &label)?;
                link.set_attribute("href", href)?;
                if contact.kind == "web" || contact.kind == "whatsapp" {
                    link.set_attribute("rel", "noopener noreferrer")?;
                }
                link
            }
            None => text_el(doc, "span", "pk-contact__text", &label)?,
        };
        li.append_child(&node)?;
        if let Some(note) = &contact.note {
            li.append_child(&*text_el(doc, "span", "pk-contact__note", &format!(" ({note})"))?)?;
        }
        contacts.append_child(&li)?;
    }
    item.append_child(&contacts)?;
    if referral.check_first {
        item.append_child(&*text_el(doc, "p", "pk-note", &t("ref.check_first"))?)?;
    }
    let details = el(doc, "details", "pk-details")?;
    details.append_child(&*text_el(doc, "summary", "pk-details__summary", &t("ref.details"))?)?;
    details.append_child(&*text_el(doc, "p", "pk-text", &fill(&t("ref.last_verified"), &[("date", &referral.last_verified)]))?)?;
    item.append_child(&details)?;
    Ok(item)
}

/// The referral list alone, with no answers, to print or show someone.
fn print(doc: &Document, state: &State) -> Result<Element> {
    let t = |key: &str| state.content.catalogs.text(&state.lang, key).to_string();
    let report = report(state);
    let section = el(doc, "section", "pk-print")?;
    let title = text_el(doc, "h2", "pk-title", &t("ui.print_title"))?;
    title.set_attribute("tabindex", "-1")?;
    section.append_child(&title)?;
    section.append_child(&*text_el(doc, "p", "pk-note", &t("ui.print_note"))?)?;
    section.append_child(&*emergency_numbers(doc, state, &report)?)?;
    section.append_child(&*referral_list(doc, state, &report, "h3")?)?;
    let actions = el(doc, "div", "pk-actions pk-noprint")?;
    actions.append_child(&*action_button(doc, &t("ui.print_now"), "print-now", "pk-button")?)?;
    actions.append_child(&*action_button(doc, &t("ui.print_back"), "back", "pk-button pk-button--secondary")?)?;
    section.append_child(&actions)?;
    Ok(section)
}

fn action_button(doc: &Document, text: &str, action: &str, class: &str) -> Result<Element> {
    let button = text_el(doc, "button", class, text)?;
    button.set_attribute("type", "button")?;
    button.set_attribute("data-action", action)?;
    Ok(button)
}

fn document() -> Result<Document> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))
}

fn part(container: &HtmlElement, selector: &str) -> Result<Element> {
    container.query_selector(selector)?.ok_or_else(|| JsValue::from_str("the widget's skeleton is missing"))
}

fn el(doc: &Document, tag: &str, class: &str) -> Result<Element> {
    let element = doc.create_element(tag)?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    Ok(element)
}

/// An element whose text is set as text, never parsed.
fn text_el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element> {
    let element = el(doc, tag, class)?;
    element.set_text_content(Some(text));
    Ok(element)
}
