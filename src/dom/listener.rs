//! An event listener that removes itself when dropped, after gloo-events:
//! the widget owns its listeners, so freeing the widget frees them all.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

#[must_use = "a listener is removed as soon as it is dropped"]
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    callback: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// Not generic: every listener shares one closure type, so the module
    /// holds one copy of its glue, not one per kind of handler.
    pub fn new(target: &EventTarget, kind: &'static str, capture: bool, mut handler: Box<dyn FnMut(Event)>) -> Listener {
        // After a panic the module's state cannot be trusted (a RefCell may
        // still be borrowed), so every listener goes quiet instead of
        // failing again on each key press.
        let callback = Closure::<dyn FnMut(Event)>::new(move |event| {
            if !super::has_panicked() {
                handler(event);
            }
        });
        // Adding a listener only fails for a non-function callback, which a Closure never is.
        let _ = target.add_event_listener_with_callback_and_bool(kind, callback.as_ref().unchecked_ref(), capture);
        Listener { target: target.clone(), kind, capture, callback }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.callback.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}
