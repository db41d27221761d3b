//! The wasm-bindgen boundary: the only code that knows `JsValue`.
//!
//! It turns JS input into engine types, calls the engine or the DOM layer,
//! and turns results into plain JSON strings or thrown `Error`s. Nothing
//! interesting happens here; that is the point.

use wasm_bindgen::prelude::*;

use crate::dom;
use crate::engine::{api, builtin, json, Mode};

// Talc instead of dlmalloc: the same job in fewer bytes, which people on
// slow connections pay for.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Installs the panic hook once: a panic is reported once to the console,
/// and every widget on the page gives way to its fallback hotline numbers.
#[wasm_bindgen(start)]
pub fn start() {
    dom::install_panic_hook();
}

/// Options of `mount`, as the loader passes them.
#[derive(Debug, Default)]
struct MountOptions {
    lang: Option<String>,
    region: Option<String>,
    mode: Option<String>,
    exit_url: Option<String>,
    /// Partner config as JSON text.
    config: Option<String>,
    /// Only in builds with the `test-panic` feature: panic on Start.
    test_panic: bool,
}

impl MountOptions {
    /// Reads `{lang, region, mode, exitUrl, config, testPanic}`, any of them
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
        let test_panic = match field("testPanic") {
            None => false,
            Some(value) => value.as_bool().ok_or_else(|| JsError::new("Putokaz: mount options: testPanic must be a boolean"))?,
        };
        Ok(MountOptions {
            lang: text("lang")?,
            region: text("region")?,
            mode: text("mode")?,
            exit_url: text("exitUrl")?,
            config: text("config")?,
            test_panic,
        })
    }
}

/// A mounted widget. `free()` removes its listeners and drops its answers.
#[wasm_bindgen]
pub struct Widget {
    inner: dom::Widget,
}

#[wasm_bindgen]
impl Widget {
    /// Applies a changed attribute (`lang`, `region`, `mode`, `exit-url`).
    #[wasm_bindgen(js_name = setAttribute)]
    pub fn set_attribute(&self, name: &str, value: Option<String>) {
        self.inner.set_attribute(name, value.as_deref());
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
    let settings = dom::Settings {
        lang: options.lang.unwrap_or_default(),
        region: options.region.unwrap_or_default(),
        mode: options.mode.as_deref().and_then(Mode::parse).unwrap_or(Mode::Screening),
        exit_url: options.exit_url.unwrap_or_default(),
        config: options.config.unwrap_or_default(),
        test_panic: cfg!(feature = "test-panic") && options.test_panic,
    };
    let inner = dom::Widget::mount(container, settings, on_fail).map_err(|e| JsError::new(&format!("Putokaz: {e:?}")))?;
    Ok(Widget { inner })
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
    let now = (js_sys::Date::now() / 60_000.0) as i64;
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    let (input, problems) = api::parse_assess_input(content, input, now).map_err(|p| JsError::new(&p.to_string()))?;
    Ok(json::to_text(&api::assess_json(content, lang, &input, offset, &problems)))
}

/// Checks a partner config or content file; returns its problems.
#[wasm_bindgen]
pub fn validate(text: &str) -> Vec<String> {
    api::validate(builtin::content(), "config", text).iter().map(ToString::to_string).collect()
}
