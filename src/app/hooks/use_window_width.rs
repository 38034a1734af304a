use gloo::events::EventListener;
use yew::prelude::*;

/// The window's inner width in CSS pixels, updated on resize, so charts
/// redraw at their new size.
#[hook]
pub fn use_window_width() -> i32 {
    let width = use_state(current_width);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "resize", move |_| width.set(current_width()))
            });
            move || drop(listener)
        });
    }
    *width
}

fn current_width() -> i32 {
    web_sys::window()
        .and_then(|window| window.inner_width().ok())
        .and_then(|width| width.as_f64())
        .map(|width| width as i32)
        .unwrap_or(0)
}
