//! Putokaz: a private screening widget for warning signs of trafficking and
//! labour exploitation.
//!
//! The crate has three layers, and each knows only what it must:
//!
//! * [`engine`] is pure Rust (std and serde): content loading and validation,
//!   the adaptive questionnaire, the assessment, the referral directory and
//!   the message catalogs. It does no I/O and never panics on content or
//!   answers, so `cargo test` covers it natively.
//!   Its `flow` module is the widget's screens as a state machine, with
//!   view models that hold every text already in the person's language.
//! * `wasm` (only on `wasm32`) is the one thin wasm-bindgen boundary: the
//!   only code that knows `JsValue`, `js_sys` and the panic hook.
//! * `dom` (only on `wasm32`) draws the engine's views into a shadow root
//!   with web-sys, forwards events as engine actions, and holds the
//!   widget's event listeners.
//!
//! Nothing a person enters ever leaves the browser: no layer has a way to
//! send it anywhere.

// The byte-saving rules of clippy.toml, for the code the browser runs (not
// for the library's native unit tests).
#![cfg_attr(not(test), warn(clippy::disallowed_methods))]

// The compiled content (see build.rs) names `alloc::borrow::Cow`.
extern crate alloc;

/// The engine, with the compiled-in content beside it.
pub mod engine {
    pub use crate::builtin;
    pub use putokaz_engine::*;
}

pub mod builtin;
pub mod source;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
