use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// In presentation mode: → ↓ PageDown and Space go forward (a clicker sends
/// PageDown), ← ↑ PageUp back, Esc leaves.
#[hook]
pub fn use_presentation_keys(presenting: bool, on_step: Callback<isize>, on_exit: Callback<()>) {
    use_effect_with(
        (presenting, on_step, on_exit),
        |(presenting, on_step, on_exit)| {
            let listener = presenting
                .then(|| {
                    let (on_step, on_exit) = (on_step.clone(), on_exit.clone());
                    web_sys::window().map(|window| {
                        EventListener::new_with_options(
                            &window,
                            "keydown",
                            EventListenerOptions::enable_prevent_default(),
                            move |event| {
                                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                                    return;
                                };
                                match event.key().as_str() {
                                    "ArrowRight" | "ArrowDown" | "PageDown" | " " => {
                                        event.prevent_default();
                                        on_step.emit(1);
                                    }
                                    "ArrowLeft" | "ArrowUp" | "PageUp" => {
                                        event.prevent_default();
                                        on_step.emit(-1);
                                    }
                                    "Escape" => on_exit.emit(()),
                                    _ => {}
                                }
                            },
                        )
                    })
                })
                .flatten();
            move || drop(listener)
        },
    );
}
