//! Putokaz: a private screening widget for warning signs of trafficking and
//! labour exploitation.
//!
//! The crate has three layers, and each knows only what it must:
//!
//! * [`engine`] is pure Rust (std and serde): content loading and validation,
//!   the adaptive questionnaire, the assessment, the referral directory and
//!   the message catalogs. It does no I/O and never panics on content or
//!   answers, so `cargo test` covers it natively.
//! * `wasm` (only on `wasm32`) is the one thin wasm-bindgen boundary: the
//!   only code that knows `JsValue`.
//! * `dom` (only on `wasm32`) renders a widget into a shadow root with
//!   web-sys, and holds its event listeners.
//!
//! Nothing a person enters ever leaves the browser: no layer has a way to
//! send it anywhere.

// The byte-saving rules of clippy.toml, for the code the browser runs (not
// for the library's native unit tests).
#![cfg_attr(not(test), warn(clippy::disallowed_methods))]

pub mod engine;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
