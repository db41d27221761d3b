//! Draws the engine's view models: each screen is described as [`Node`]s and
//! built by [`build`], so no text ever becomes HTML and links are set only
//! from the engine's validated `tel:`, `sms:`, `mailto:` and `https:` values.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

use super::build::{el, fill, text, Node};
use super::Error;
use crate::engine::flow::{
    AskView, Button, CheckView, CheckedView, Choice, ContactItem, ErrorView, Input, PayView, ReferralItem, Referrals, ResultView, ScreenView, Sos, View,
};
use crate::engine::CHECK;

/// The parts that stay for the widget's life: the skip link, the exit (on
/// its own, so it can stay on screen), the bar, the screen and the live
/// region (kept, so announcements are read reliably).
pub fn skeleton(doc: &Document, container: &HtmlElement) -> Result<(), Error> {
    container.set_class_name("pk");
    fill(
        doc,
        container,
        &[
            el("a", "pk-skip").attr("data-action", "exit").attr("referrerpolicy", "no-referrer"),
            el("div", "pk-exitbar"),
            el("div", "pk-bar"),
            el("div", "pk-screen"),
            el("div", "pk-live").attr("role", "status").attr("aria-live", "polite"),
        ],
    )
}

/// Draws a view. After a quick exit only a cover is left: a line saying
/// so, then (if the page is still there after a moment, say a host
/// `beforeunload` handler kept it) the host's fallback numbers (the
/// element's own children, through a slot).
///
/// `drawn` remembers what the parts around the screen (the widget's own
/// attributes, the skip link, the exit and the language bar) were last drawn
/// from: they change only with the language or the exit address, and drawing
/// them again on every answer would cost their style and layout for nothing.
pub fn draw(doc: &Document, container: &HtmlElement, view: &View, drawn: &mut String) -> Result<(), Error> {
    if let ScreenView::Exited(line) = &view.screen {
        drawn.clear();
        // A manual popover: shown in the top layer (see `Effect::Leave`),
        // over everything the host page draws, whatever its CSS; Escape does
        // not close it.
        return fill(
            doc,
            container,
            &[el("div", "pk-cover").attr("popover", "manual").child(text("p", "pk-exiting", line).attr("role", "alert")).child(el("slot", "pk-late"))],
        );
    }
    // Everything else there follows from the language (its texts and
    // direction, which button is pressed), the mode (the label) and the
    // hotline (the partner's, or the region's).
    let hotline = view.hotline.as_ref();
    let key = crate::engine::concat(&[&view.lang, "\n", &view.label, "\n", &view.exit_url, "\n", hotline.map_or("", |h| &h.href)]);
    // A plain link (it goes to another page): Enter follows it, and it is
    // announced as what it is. A role of button would also need Space. Like
    // the skip link, it sends no Referer, even opened in a new tab.
    let exit = |t| text("a", "pk-exit", t).attr("href", &view.exit_url).attr("data-action", "exit").attr("referrerpolicy", "no-referrer");
    if key != *drawn {
        for (name, value) in [("lang", &*view.lang), ("dir", &view.dir), ("role", "region"), ("aria-label", &view.label)] {
            container.set_attribute(name, value).map_err(|_| Error::DOM)?;
        }
        let skip = part(container, ".pk-skip")?;
        skip.set_text_content(Some(&view.skip));
        skip.set_attribute("href", &view.exit_url).map_err(|_| Error::DOM)?;
        // The exit first; the hotline beside it (on the start side), in the
        // bar that stays on screen: one link, its words then the number.
        let mut bar = vec![exit(&view.exit)];
        if let Some(h) = hotline {
            bar.push(text("a", "pk-hotline", &h.text).attr("href", &h.href).child(ltr("span", "pk-hotline__number", &h.number)));
        }
        fill(doc, &part(container, ".pk-exitbar")?, &bar)?;
        // The languages offered (none when only one): a native select with
        // its label, each option in its own language. Choosing one is a
        // `change` (see `action_of`); focus stays on the select.
        let mut bar = Vec::new();
        if !view.languages.is_empty() {
            let mut select = el("select", "pk-lang").attr("id", "pk-lang").attr("data-action", "lang");
            for l in &view.languages {
                select.push(text("option", "", &l.name).attr("value", &l.lang).attr("lang", &l.lang).flag("selected", l.selected));
            }
            bar.push(el("div", "pk-langs").child(text("label", "", &view.languages_label).attr("for", "pk-lang")).child(select));
        }
        bar.push(text("p", "pk-exit-hint", &view.exit_hint));
        fill(doc, &part(container, ".pk-bar")?, &bar)?;
        *drawn = key;
    }

    let title = |t| text("h2", "pk-title", t).attr("tabindex", "-1");
    let screen = match &view.screen {
        ScreenView::Intro(intro) => {
            let mut section = el("section", "pk-intro").child(title(&intro.title));
            for p in &intro.paragraphs {
                section.push(text("p", "pk-text", p));
            }
            let actions = el("div", "pk-actions").child(button(&intro.start)).maybe(intro.other.as_ref().map(button));
            let mut more = el("div", "pk-more");
            for p in &intro.more.paragraphs {
                more.push(text("p", "pk-text", p));
            }
            section.maybe(note(&intro.note)).child(actions).child(disclosure(el("div", ""), &intro.more.label, "pk-more", more))
        }
        ScreenView::Question(ask) => question(ask),
        ScreenView::Emergency(e) => el("section", "pk-emergency")
            .child(title(&e.title))
            .child(text("p", "pk-text", &e.body))
            .child(sos(&e.sos))
            .child(button(&e.next)),
        ScreenView::NotSafe(n) => el("section", "pk-emergency")
            .child(title(&n.title))
            .child(text("p", "pk-text", &n.body))
            .child(el("div", "pk-actions").child(exit(&n.exit)).child(button(&n.next))),
        ScreenView::Result(r) => result(r, title(&r.title)),
        ScreenView::Print(p) => el("section", "pk-print")
            .child(title(&p.title))
            .child(text("p", "pk-note", &p.note))
            // Ticked, the list leaves out what each service helps with (putokaz.css).
            .child(el("p", "pk-choice pk-noprint").child(el("input", "pk-choice__input").attr("type", "checkbox").attr("id", "pk-plain")).child(text("label", "pk-choice__label", &p.discreet).attr("for", "pk-plain")))
            .child(sos(&p.sos))
            .child(referrals(&p.referrals, "h3"))
            .child(text("p", "pk-hint", &p.version))
            .child(el("div", "pk-actions pk-noprint").child(button(&p.print_now)).child(button(&p.back))),
        // (Only with the text check: without it, the flow never shows these.)
        ScreenView::Check(c) if CHECK => check(c, title(&c.title)),
        ScreenView::Checked(c) if CHECK => checked(c, title(&c.title)),
        ScreenView::Pay(p) if CHECK => pay(p, title(&p.title)),
        _ => el("div", ""),
    };
    fill(doc, &part(container, ".pk-screen")?, &[screen])
}

/// Moves focus to the new screen's heading and says it (or its error).
pub fn focus_screen(container: &HtmlElement, view: &View) -> Result<(), Error> {
    focus(container, ".pk-screen .pk-title")?;
    announce(container, &view.announce)
}

/// Says something through the live region.
pub fn announce(container: &HtmlElement, text: &str) -> Result<(), Error> {
    part(container, ".pk-live")?.set_text_content(Some(text));
    Ok(())
}

pub fn focus(container: &HtmlElement, selector: &str) -> Result<(), Error> {
    // Every element of the widget is an HTML element: no `instanceof` needed.
    if let Some(element) = container.query_selector(selector).map_err(|_| Error::DOM)? {
        let _ = element.unchecked_ref::<HtmlElement>().focus();
    }
    Ok(())
}

pub fn part(container: &HtmlElement, selector: &str) -> Result<Element, Error> {
    container.query_selector(selector).ok().flatten().ok_or(Error::SKELETON)
}

fn button(button: &Button) -> Node<'_> {
    let class = if button.primary { "pk-button" } else { "pk-button pk-button--secondary" };
    text("button", class, &button.text).attr("type", "button").attr("data-action", button.action.name())
}

/// An element that holds only a number, an address or a link: read left to
/// right, isolated from the words around it, in any language.
fn ltr<'a>(tag: &'static str, class: &'static str, value: &'a str) -> Node<'a> {
    text(tag, class, value).attr("dir", "ltr")
}

/// A `p.pk-note`, if there is something to note.
fn note(line: &Option<String>) -> Option<Node<'_>> {
    line.as_deref().map(|n| text("p", "pk-note", n))
}

/// A paragraph of class `pk-text`, if there is one.
fn para(line: &Option<String>) -> Option<Node<'_>> {
    line.as_deref().map(|n| text("p", "pk-text", n))
}

fn list<'a>(class: &'static str, item_class: &'static str, items: &'a [String]) -> Node<'a> {
    let mut list = el("ul", class);
    for item in items {
        list.push(text("li", item_class, item));
    }
    list
}

fn question(ask: &AskView) -> Node<'_> {
    let mut fieldset = el("fieldset", "pk-fieldset");
    let mut described_by = Vec::new();
    let mut parts = vec![el("legend", "pk-legend").child(text("h2", "pk-title", &ask.title).attr("tabindex", "-1"))];
    for (id, hint) in [("pk-hint", &ask.hint), ("pk-sensitive", &ask.sensitive), ("pk-multi", &ask.multi), ("pk-suggested", &ask.suggested)] {
        if let Some(hint) = hint {
            parts.push(text("p", "pk-hint", hint).attr("id", id));
            described_by.push(id);
        }
    }
    // The error sits under the question and its hints, so its heading follows
    // the question's heading in order (as in the GOV.UK error message).
    if let Some(e) = &ask.error {
        parts.push(error(e));
        described_by.push("pk-error");
        fieldset = fieldset.attr("aria-invalid", "true");
    }
    if !described_by.is_empty() {
        fieldset = fieldset.attr_owned("aria-describedby", crate::engine::join(&described_by, " "));
    }
    match &ask.input {
        Input::Choices { multi, options, unknown, filter } => {
            let kind = if *multi { "checkbox" } else { "radio" };
            let mut list = el("div", "pk-choices");
            // Countries: a box that keeps only the names containing what is
            // typed in the list under it (see `dom::filter`), plain radio
            // buttons or check boxes, so nothing has to be opened.
            if let Some(f) = filter {
                list = el("div", "pk-choices pk-choices--countries").attr("id", "pk-countries");
                parts.push(text("label", "pk-label", &f.label).attr("for", "pk-filter"));
                parts.push(
                    el("input", "pk-filter")
                        .attr("id", "pk-filter")
                        .attr("type", "search")
                        .attr("autocomplete", "off")
                        .attr("spellcheck", "false")
                        .attr("aria-controls", "pk-countries")
                        .attr("data-found", &f.found),
                );
            }
            // Under the country list, "not sure" and the others are radio
            // buttons of their own group (one more tab stop, not 249 arrow
            // presses away); `dom::keep_exclusive` keeps one choice.
            let unknown_name = if filter.is_some() { "answer-unknown" } else { "answer" };
            for (mut group, name, choices) in [(list, "answer", options), (el("div", "pk-choices pk-choices--unknown"), unknown_name, unknown)] {
                for c in choices {
                    group.push(choice(kind, name, c));
                }
                parts.push(group);
            }
        }
    }
    for part in parts {
        fieldset.push(part);
    }
    el("form", "pk-question")
        .attr("data-question", &ask.id)
        .attr("novalidate", "")
        .child(text("p", "pk-progress", &ask.progress))
        .child(fieldset)
        .child(el("div", "pk-actions").child(text("button", "pk-button", &ask.submit).attr("type", "submit")).child(button(&ask.back)))
}

fn choice<'a>(kind: &'static str, name: &'static str, c: &'a Choice) -> Node<'a> {
    let id = format!("pk-option-{}", c.value);
    el("div", "pk-choice")
        .child(
            el("input", "pk-choice__input")
                .attr("type", kind)
                .attr("name", name)
                .attr("value", &c.value)
                .attr_owned("id", id.clone())
                .flag("checked", c.checked)
                .flag("data-exclusive", c.exclusive),
        )
        .child(text("label", "pk-choice__label", &c.text).attr_owned("for", id))
}

fn sos(sos: &Sos) -> Node<'_> {
    let block = el("div", "pk-sos");
    match sos {
        Sos::Missing(line) => block.child(text("p", "pk-text", line)),
        Sos::Numbers { missing, label, numbers } => {
            let mut block = block;
            if let Some(line) = missing {
                block = block.child(text("p", "pk-text", line));
            }
            let mut list = el("ul", "pk-sos__list");
            for n in numbers {
                let mut call = ltr("a", "pk-call", &n.number);
                if let Some(href) = &n.href {
                    call = call.attr("href", href);
                }
                list.push(el("li", "pk-sos__item").child(call).child(text("bdi", "pk-sos__name", &n.name)));
            }
            block.child(text("p", "pk-sos__label", label)).child(list)
        }
    }
}

/// A button that shows or hides `body` (see `dom::toggle`), in `wrap` (a
/// heading, for a section): closed until the person opens it.
fn disclosure<'a>(wrap: Node<'a>, label: &'a str, id: &'static str, body: Node<'a>) -> Node<'a> {
    let toggle = text("button", "pk-toggle", label).attr("type", "button").attr("aria-expanded", "false").attr("aria-controls", id);
    el("div", "pk-disclosure").child(wrap.child(toggle)).child(body.attr("id", id).flag("hidden", true))
}

/// A result in layers, for a small screen: the level, the emergency
/// numbers, the first thing to do and the first two services first; what
/// was noticed, every step and every service in sections below, each
/// closed until opened (at most two screens tall at 390 px before that).
fn result<'a>(r: &'a ResultView, title: Node<'a>) -> Node<'a> {
    let h3 = |t| text("h3", "pk-h3", t);
    let section_of = |title: &'a str, id: &'static str, body: Node<'a>| disclosure(el("h3", "pk-h3"), title, id, body);
    let mut section = el("section", "")
        .attr_owned("class", format!("pk-result pk-result--{}", r.level.id()))
        .child(text("p", "pk-progress", &r.heading))
        .child(title)
        .child(text("p", "pk-summary", &r.summary));
    // The emergency number is on every result, first when there is danger now.
    if r.sos_first {
        section.push(sos(&r.sos));
    }
    section = section.maybe(note(&r.child_note));
    if !r.sos_first {
        section.push(sos(&r.sos));
    }
    let mut top = el("ul", "pk-referrals__list pk-first");
    for item in r.referrals.items.iter().take(2) {
        top.push(referral(item, "h4", true));
    }
    section = section.child(h3(&r.now_title)).child(list("pk-list", "", r.next_steps.get(..1).unwrap_or(&r.next_steps))).child(top);
    if let Some(job) = &r.job {
        let mut body = el("div", "").maybe(para(&job.none));
        if job.none.is_none() {
            let mut flags = el("ul", "pk-signs");
            for f in &job.flags {
                let check = f.check.as_deref().map(|check| el("p", "pk-check").child(text("strong", "", &job.check_label)).child(text("span", "", check)));
                flags.push(text("li", "pk-sign", &f.text).maybe(check));
            }
            body.push(flags);
        }
        section.push(section_of(&job.title, "pk-job", body.child(text("p", "pk-text", &job.score)).child(text("p", "pk-note", &job.note))));
    }
    if r.noticed.is_some() || r.not_assessed.is_some() {
        let mut body = el("div", "");
        let mut heading = "";
        if let Some(noticed) = &r.noticed {
            heading = &noticed.title;
            body = body.maybe(para(&noticed.nothing));
            for group in &noticed.groups {
                body = body.child(text("h4", "pk-h4", &group.title)).child(list("pk-signs", "pk-sign", &group.signs));
            }
            if let Some(d) = &noticed.discreet {
                body.push(disclosure(el("p", ""), &d.label, "pk-discreet", list("pk-signs", "pk-sign", &d.paragraphs)).attr("data-discreet", ""));
            }
        }
        if let Some(n) = &r.not_assessed {
            // Its own section's title when nothing was noticed, else a part of it.
            if heading.is_empty() {
                heading = &n.title;
            } else {
                body.push(text("h4", "pk-h4", &n.title));
            }
            body = body.child(text("p", "pk-text", &n.body)).child(list("pk-list", "", &n.topics)).maybe(note(&n.could_be_higher));
        }
        section.push(section_of(heading, "pk-noticed", body));
    }
    section.push(section_of(&r.next_title, "pk-next", list("pk-list", "", &r.next_steps)));
    section.push(section_of(&r.help_title, "pk-help", referrals(&r.referrals, "h4")));
    let mut actions = el("div", "pk-actions");
    for b in &r.actions {
        actions.push(button(b));
    }
    section.child(actions)
}

/// `heading` is the tag of each service's name: one level under the
/// section it appears in (`h4` under the result's "Who can help", `h3` on
/// the print view), so headings never skip a level.
fn referrals<'a>(referrals: &'a Referrals, heading: &'static str) -> Node<'a> {
    let mut list = el("ul", "pk-referrals__list");
    for r in &referrals.items {
        list.push(referral(r, heading, false));
    }
    let rights = referrals.rights.as_ref().map(|(title, rights)| {
        let mut list = el("ul", "pk-rights__list");
        for right in rights {
            list.push(text("li", "pk-rights__item", right));
        }
        el("div", "pk-rights").child(text("p", "pk-rights__title", title)).child(list)
    });
    el("div", "pk-referrals").maybe(note(&referrals.no_local)).maybe(rights).child(list)
}

/// A service; `first`, one of the first two on a result: its name, who it
/// is for, its hours and its main contact only (the rest is in the list).
fn referral<'a>(r: &'a ReferralItem, heading: &'static str, first: bool) -> Node<'a> {
    let node = el("li", "pk-referral")
        .child(el(heading, "pk-referral__name").child(text("bdi", "", &r.name)))
        .maybe(r.audience.as_deref().map(|a| text("p", "pk-referral__audience", a)));
    if first {
        return node.child(text("p", "pk-referral__hours", &r.hours)).child(contacts(&r.contacts, true));
    }
    node.maybe(r.why.as_deref().map(|w| text("p", "pk-referral__why", w)))
        .child(text("p", "pk-referral__hours", &r.hours))
        .maybe(r.languages.as_deref().map(|l| text("p", "pk-referral__langs", l)))
        .child(contacts(&r.contacts, false))
        .maybe(note(&r.check_first))
        .child(el("details", "pk-details").child(text("summary", "pk-details__summary", &r.details)).child(text("p", "pk-text", &r.verified)))
}

/// Ways to reach a service, or a source: each a link, its value read left to right.
/// With `first_only`, only the first (a service's main number, for the
/// first services on a result).
fn contacts(items: &[ContactItem], first_only: bool) -> Node<'_> {
    let mut contacts = el("ul", "pk-contacts");
    for c in items.get(..1).filter(|_| first_only).unwrap_or(items) {
        // "Call: ", then the number (address, link) on its own, left to right.
        let link = text("a", "pk-contact__link", &c.label).child(ltr("span", "", &c.value));
        let node = match &c.href {
            // A web address gets its `href` only as the person opens it (see
            // `dom::open`): speculation rules on the host page would prefetch
            // every link they can see, even in a closed shadow root, and which
            // services a result lists depends on the answers. (`tel:`, `sms:`
            // and `mailto:` links are never prefetched.)
            Some(href) if c.external => {
                link.attr("data-href", href).attr("role", "link").attr("tabindex", "0").attr("rel", "noopener noreferrer")
            }
            Some(href) => link.attr("href", href),
            None => text("span", "pk-contact__text", &c.label).child(text("bdi", "", &c.value)),
        };
        contacts.push(el("li", "pk-contact").child(node).maybe(c.note.as_deref().map(|n| text("span", "pk-contact__note", n))));
    }
    contacts
}

fn error(e: &ErrorView) -> Node<'_> {
    el("div", "pk-error").attr("role", "alert").attr("id", "pk-error").child(text("h3", "pk-error__title", &e.title)).child(text("p", "pk-error__text", &e.text))
}

/// A label and its control, which the label names by `id`.
fn field<'a>(id: &'static str, label: &'a str, control: Node<'a>) -> Node<'a> {
    el("div", "pk-field").child(text("label", "pk-label", label).attr("for", id)).child(control.attr("id", id).attr("name", id))
}

/// A select of `(value, text, selected)` options.
fn select<'a>(options: &'a [(String, String, bool)]) -> Node<'a> {
    let mut select = el("select", "pk-select");
    for (value, label, selected) in options {
        select.push(text("option", "", label).attr("value", value).flag("selected", *selected));
    }
    select
}

/// A text field. Nothing typed in the widget is offered to the browser's
/// spelling, autocomplete or writing services, some of which send it away.
fn input<'a>(class: &'static str, tag: &'static str) -> Node<'a> {
    el(tag, class).attr("autocomplete", "off").attr("spellcheck", "false").attr("writingsuggestions", "false").attr("translate", "no")
}

/// The box for the text to check: a form whose submit checks it. (A
/// textarea's text is its content, set as text.) At most 20,000 characters,
/// about ten pages of a contract: the check of 5,000 takes some 80 ms on a
/// slow phone, so a paste of a whole book would freeze it.
fn check<'a>(c: &'a CheckView, title: Node<'a>) -> Node<'a> {
    let hint = if c.error.is_some() { "pk-text-hint pk-error" } else { "pk-text-hint" };
    let mut area = input("pk-textarea", "textarea").attr("id", "pk-text").attr("rows", "10").attr("maxlength", "20000").attr("aria-describedby", hint);
    if c.error.is_some() {
        area = area.attr("aria-invalid", "true");
    }
    area.set_text(&c.text);
    el("form", "pk-check")
        .attr("data-form", "check")
        .attr("novalidate", "")
        .child(title)
        .child(text("label", "pk-label", &c.label).attr("for", "pk-text"))
        .child(text("p", "pk-hint", &c.hint).attr("id", "pk-text-hint"))
        .maybe(c.error.as_ref().map(error))
        .child(area)
        .child(el("div", "pk-actions").child(text("button", "pk-button", &c.submit).attr("type", "submit")).child(button(&c.back)))
}

/// What the text shows: the warning signs, each with its sentences, why it
/// matters and what to ask; the elements of a contract; the text with each
/// sign marked and numbered as in the list; and who can check it.
fn checked<'a>(c: &'a CheckedView, title: Node<'a>) -> Node<'a> {
    let h3 = |t| text("h3", "pk-h3", t);
    let mut section = el("section", "pk-checked").child(title).child(text("p", "pk-summary", &c.summary));
    if !c.flags.is_empty() {
        let mut list = el("ol", "pk-flags");
        for f in &c.flags {
            let mut item = el("li", "pk-flag").child(text("p", "pk-flag__name", &f.name));
            for q in &f.quotes {
                item.push(el("p", "pk-quote").child(text("span", "pk-quote__label", &c.labels[0])).child(text("q", "", q).attr("translate", "no")));
            }
            item.push(el("p", "").child(text("strong", "", &c.labels[1])).child(text("span", "", &f.why)));
            item.push(el("p", "pk-ask").child(text("strong", "", &c.labels[2])).child(text("span", "", &f.ask)));
            list.push(item);
        }
        section = section.child(h3(&c.flags_title)).child(list);
    }
    if !c.elements.is_empty() {
        let mut list = el("ul", "pk-elements");
        for (name, status, id) in &c.elements {
            let class = match *id {
                "found" => "pk-status pk-status--found",
                "unclear" => "pk-status pk-status--unclear",
                _ => "pk-status pk-status--missing",
            };
            list.push(el("li", "pk-element").child(text("span", "", name)).child(text("span", class, status)));
        }
        section = section.child(h3(&c.elements_title)).child(text("p", "pk-text", &c.elements_note)).child(list);
    }
    if !c.text.is_empty() {
        let mut pasted = el("div", "pk-pasted").attr("translate", "no");
        for (piece, mark) in &c.text {
            pasted.push(match mark {
                Some(n) => el("mark", "pk-mark").child(text("span", "", piece)).child(text("sup", "pk-mark__n", n)),
                None => text("span", "", piece),
            });
        }
        section = section.child(h3(&c.text_title)).child(pasted);
    }
    let mut actions = el("div", "pk-actions");
    for b in &c.actions {
        actions.push(button(b));
    }
    section.child(text("p", "pk-note", &c.not_legal)).child(actions).child(h3(&c.help_title)).child(referrals(&c.referrals, "h4"))
}

/// The pay check: a form, then what it says and its sources.
fn pay<'a>(p: &'a PayView, title: Node<'a>) -> Node<'a> {
    let mut form = el("form", "pk-pay").attr("data-form", "pay").attr("novalidate", "").child(title).child(text("p", "pk-text", &p.intro)).maybe(p.error.as_ref().map(error));
    form.push(field("pk-country", &p.country.0, select(&p.country.1)));
    form.push(field("pk-amount", &p.amount.0, input("pk-input", "input").attr("value", &p.amount.1).attr("inputmode", "decimal")));
    form.push(field("pk-per", &p.per.0, select(&p.per.1)));
    form.push(field("pk-hours", &p.hours.0, input("pk-input", "input").attr("value", &p.hours.1).attr("inputmode", "numeric")));
    form.push(el("div", "pk-actions").child(text("button", "pk-button", &p.submit).attr("type", "submit")).child(button(&p.back)));
    if !p.said.is_empty() {
        form.push(list("pk-said", "", &p.said));
        form.push(contacts(&p.sources, false));
    }
    form
}
