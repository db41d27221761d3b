//! The wasm-bindgen boundary: the only code that knows `JsValue`, `js_sys`
//! and the panic hook (`tests/tidy.rs` checks).
//!
//! It turns JS input into engine types, calls the engine or the DOM layer,
//! and turns results into plain JSON strings or thrown `Error`s. Nothing
//! interesting happens here; that is the point.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;

use crate::dom;
use crate::engine::flow::{Now, Settings};
use crate::engine::{api, builtin, json, Mode};

// Talc instead of dlmalloc: the same job in fewer bytes, which people on
// slow connections pay for.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook once: a panic is reported once to the console,
/// and every widget on the page gives way to its fallback hotline numbers.
///
/// The hook does not chain to std's default one: in this target that one
/// only writes to a stderr that goes nowhere, and chaining to it kept its
/// formatting code in the module.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        if dom::stop() {
            return;
        }
        web_sys::console::error_1(&format!("Putokaz stopped after an internal error; showing the fallback numbers. {info}").into());
        FAILURE_CALLBACKS.with(|c| {
            if let Ok(callbacks) = c.try_borrow() {
                for (_, callback) in callbacks.iter() {
                    let _ = callback.call0(&JsValue::NULL);
                }
            }
        });
    }));
}

thread_local! {
    /// Each mounted widget's `on_fail`, by id.
    static FAILURE_CALLBACKS: RefCell<Vec<(u32, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// The page's clock for the DOM layer: now, and the local offset from UTC.
fn now() -> Now {
    Now { ms: js_sys::Date::now(), offset_minutes: -(js_sys::Date::new_0().get_timezone_offset() as i32) }
}

fn warn(lines: Vec<String>) {
    for line in lines {
        web_sys::console::warn_1(&line.into());
    }
}

/// Options of `mount`, as the loader passes them.
#[derive(Debug, Default)]
struct MountOptions {
    lang: Option<String>,
    /// The languages offered, separated by spaces.
    langs: Option<String>,
    region: Option<String>,
    mode: Option<String>,
    exit_url: Option<String>,
    /// Partner config as JSON text.
    config: Option<String>,
    /// Only in builds with the `test-panic` feature: panic on Start.
    #[cfg(feature = "test-panic")]
    test_panic: bool,
}

impl MountOptions {
    /// Reads `{lang, langs, region, mode, exitUrl, config, testPanic}`, any of them
    /// missing. Read property by property rather than with
    /// serde-wasm-bindgen, which cost the module about 4 KB gzipped.
    fn read(options: &JsValue) -> Result<MountOptions, JsError> {
        if options.is_undefined() || options.is_null() {
            return Ok(MountOptions::default());
        }
        if !options.is_object() {
            return Err(JsError::new("Putokaz: mount options: expected an object"));
        }
        let field = |name: &str| {
            let value = js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
            (!value.is_undefined() && !value.is_null()).then_some(value)
        };
        let text = |name: &str| match field(name) {
            None => Ok(None),
            Some(value) => value.as_string().map(Some).ok_or_else(|| JsError::new(&format!("Putokaz: mount options: {name} must be a string"))),
        };
        #[cfg(feature = "test-panic")]
        let test_panic = match field("testPanic") {
            None => false,
            Some(value) => value.as_bool().ok_or_else(|| JsError::new("Putokaz: mount options: testPanic must be a boolean"))?,
        };
        Ok(MountOptions {
            lang: text("lang")?,
            langs: text("langs")?,
            region: text("region")?,
            mode: text("mode")?,
            exit_url: text("exitUrl")?,
            config: text("config")?,
            #[cfg(feature = "test-panic")]
            test_panic,
        })
    }
}

/// A mounted widget. `free()` removes its listeners and drops its answers.
#[wasm_bindgen]
pub struct Widget {
    inner: dom::Widget,
    fail_id: u32,
}

impl Drop for Widget {
    fn drop(&mut self) {
        FAILURE_CALLBACKS.with(|c| {
            if let Ok(mut callbacks) = c.try_borrow_mut() {
                callbacks.retain(|(i, _)| *i != self.fail_id);
            }
        });
    }
}

#[wasm_bindgen]
impl Widget {
    /// Applies a changed attribute (`lang`, `region`, `mode`, `exit-url`).
    #[wasm_bindgen(js_name = setAttribute)]
    pub fn set_attribute(&self, name: &str, value: Option<String>) {
        self.inner.set_attribute(name, value.as_deref());
        warn(self.inner.take_warnings());
    }

    /// The problems found in the partner config, one sentence each.
    #[wasm_bindgen(js_name = configProblems)]
    pub fn config_problems(&self) -> Vec<String> {
        self.inner.config_problems()
    }
}

/// Mounts a widget into `container` (an element inside a shadow root).
/// `on_fail` is called if the widget can no longer run, so the loader can
/// show the fallback numbers again.
#[wasm_bindgen]
pub fn mount(container: web_sys::HtmlElement, options: JsValue, on_fail: js_sys::Function) -> Result<Widget, JsError> {
    let options = MountOptions::read(&options)?;
    #[cfg(feature = "test-panic")]
    let test_panic = options.test_panic;
    #[cfg(not(feature = "test-panic"))]
    let test_panic = false;
    let settings = Settings {
        lang: options.lang.unwrap_or_default(),
        langs: options.langs.unwrap_or_default().split_whitespace().map(String::from).collect(),
        region: options.region.unwrap_or_default(),
        mode: options.mode.unwrap_or_default(),
        exit_url: options.exit_url.unwrap_or_default(),
        config: options.config.unwrap_or_default(),
        version: [builtin::VERSION.into(), builtin::CONTENT_VERSION.into()],
    };
    let inner = dom::Widget::mount(container, &settings, now, test_panic).map_err(|e| JsError::new(e.0))?;
    warn(inner.take_warnings());
    let fail_id = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    FAILURE_CALLBACKS.with(|c| c.borrow_mut().push((fail_id, on_fail)));
    Ok(Widget { inner, fail_id })
}

/// Adds the language of a pack (the text of a file `putokaz.<lang>.txt`
/// that .ci/build writes); widgets mounted afterwards offer it. Returns the
/// language's tag.
#[wasm_bindgen(js_name = addLanguage)]
pub fn add_language(pack: String) -> Result<String, JsError> {
    let pack: &'static str = Box::leak(pack.into_boxed_str());
    builtin::add_pack(pack).map(String::from).map_err(JsError::new)
}

/// Adds a check pack (the text of a file `putokaz.check.<lang>.txt`): the
/// text check's rules and English texts, or a language's texts, after that
/// language's pack. Returns its language's tag.
#[cfg(feature = "check")]
#[wasm_bindgen(js_name = addCheck)]
pub fn add_check(pack: &str) -> Result<String, JsError> {
    builtin::add_check_pack(pack).map_err(|e| JsError::new(&e))
}

/// The questionnaire as JSON, like `putokaz questions`.
#[wasm_bindgen]
pub fn questions(lang: &str, mode: &str) -> Result<String, JsError> {
    let mode = Mode::parse(mode).ok_or_else(|| JsError::new("mode is screening or job-offer"))?;
    Ok(json::to_text(&api::questions(builtin::content(), lang, mode)))
}

/// Assesses answers, like `putokaz assess`: input and output are JSON text.
#[wasm_bindgen]
pub fn assess(lang: &str, input: &str) -> Result<String, JsError> {
    let content = builtin::content();
    let now = now();
    let (input, problems) = api::parse_assess_input(content, input, (now.ms / 60_000.0) as i64).map_err(|p| JsError::new(&p.to_string()))?;
    Ok(json::to_text(&api::assess_json(content, lang, &input, now.offset_minutes, &problems)))
}

/// Checks a partner config or content file; returns its problems.
#[wasm_bindgen]
pub fn validate(text: &str) -> Vec<String> {
    api::validate(builtin::content(), "config", text).iter().map(ToString::to_string).collect()
}
