use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Ctrl+Z (⌘Z) undoes, Ctrl+Shift+Z and Ctrl+Y redo — except while typing in
/// a text field, where the browser's own text undo applies.
#[hook]
pub fn use_undo_shortcuts(on_undo: Callback<()>, on_redo: Callback<()>) {
    use_effect_with((on_undo, on_redo), |(on_undo, on_redo)| {
        let (on_undo, on_redo) = (on_undo.clone(), on_redo.clone());
        let listener = web_sys::window().map(|window| {
            EventListener::new_with_options(
                &window,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if !(event.ctrl_key() || event.meta_key()) || typing_in_text(event) {
                        return;
                    }
                    match (event.key().to_ascii_lowercase().as_str(), event.shift_key()) {
                        ("z", false) => {
                            event.prevent_default();
                            on_undo.emit(());
                        }
                        ("z", true) | ("y", _) => {
                            event.prevent_default();
                            on_redo.emit(());
                        }
                        _ => {}
                    }
                },
            )
        });
        move || drop(listener)
    });
}

fn typing_in_text(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.type_() == "text")
        || event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            .is_some()
}
