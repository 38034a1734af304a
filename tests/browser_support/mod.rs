//! Helpers shared by the browser test files (mounting, waiting, events).
// Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// A fresh element in the document to mount one component into.
pub fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append the root");
    root
}

/// Waits until `condition` holds, failing after `deadline_ms`: a condition
/// with a deadline, not a fixed sleep.
pub async fn wait_for(what: &str, deadline_ms: f64, condition: impl Fn() -> bool) {
    let started = pathways::web::now_ms();
    while !condition() {
        assert!(
            pathways::web::now_ms() - started < deadline_ms,
            "timed out after {deadline_ms} ms waiting for {what}"
        );
        TimeoutFuture::new(5).await;
    }
}

pub fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

pub fn by_testid(root: &Element, testid: &str) -> Option<Element> {
    query(root, &format!("[data-testid=\"{testid}\"]"))
}

pub fn input(root: &Element, testid: &str) -> HtmlInputElement {
    by_testid(root, testid)
        .unwrap_or_else(|| panic!("no element has data-testid {testid}"))
        .dyn_into::<HtmlInputElement>()
        .expect("an input element")
}

pub fn click(root: &Element, testid: &str) {
    by_testid(root, testid)
        .unwrap_or_else(|| panic!("no element has data-testid {testid}"))
        .dyn_into::<HtmlElement>()
        .expect("an HTML element")
        .click();
}

pub fn fire(element: &HtmlInputElement, event_type: &str) {
    let event = web_sys::Event::new_with_event_init_dict(event_type, &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("create an event");
    element.dispatch_event(&event).expect("dispatch the event");
}

/// Types `text` into a field and commits it, as a user leaving the field.
pub fn type_into(field: &HtmlInputElement, text: &str) {
    field.set_value(text);
    fire(field, "input");
    fire(field, "change");
}

/// The input element matching a CSS selector.
pub fn input_at(root: &Element, selector: &str) -> HtmlInputElement {
    query(root, selector)
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into::<HtmlInputElement>()
        .expect("an input element")
}
