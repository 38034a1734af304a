//! The only code that touches browser APIs directly (web-sys, gloo).
//!
//! Components and hooks call these small functions instead of reaching for
//! `web_sys` themselves, so the browser surface stays in one place.

use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

/// Installs a panic hook that logs the panic to the console and replaces the
/// page with a visible message, instead of leaving a frozen page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        gloo::console::error!(format!("pathways panicked: {message}"));
        show_fatal_error(&message);
    }));
}

/// Shows a fatal error in a banner that covers the app.
pub fn show_fatal_error(detail: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_id("fatal-error");
    banner.set_class_name("fatal-error");
    let _ = banner.set_attribute("role", "alert");
    banner.set_text_content(Some(&format!(
        "程序出错,请刷新页面。您的情景已保存在链接中。\nThe app hit an internal error; please reload the page.\n\n{detail}"
    )));
    let _ = body.append_child(&banner);
}

/// The device pixel ratio (2 on most phones and high-DPI laptops).
pub fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|window| window.device_pixel_ratio())
        .filter(|ratio| ratio.is_finite() && *ratio > 0.0)
        .unwrap_or(1.0)
}

/// Sizes a canvas's backing store to its CSS box times the device pixel
/// ratio, so lines and text are crisp; returns the ratio used, or `None`
/// when the canvas is not laid out (zero width).
pub fn fit_canvas_to_css_box(canvas: &HtmlCanvasElement) -> Option<f64> {
    let css_width = canvas.client_width();
    let css_height = canvas.client_height();
    if css_width <= 0 || css_height <= 0 {
        return None;
    }
    let ratio = device_pixel_ratio();
    let device_width = (f64::from(css_width) * ratio).round() as u32;
    let device_height = (f64::from(css_height) * ratio).round() as u32;
    if canvas.width() != device_width {
        canvas.set_width(device_width);
    }
    if canvas.height() != device_height {
        canvas.set_height(device_height);
    }
    Some(ratio)
}

/// Milliseconds since the page loaded, with sub-millisecond resolution.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or(0.0)
}

/// Sets the `lang` attribute of the document, so screen readers and fonts
/// follow the interface language.
pub fn set_document_lang(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// Casts a DOM node to a canvas, if it is one.
pub fn as_canvas(node: web_sys::Node) -> Option<HtmlCanvasElement> {
    node.dyn_into::<HtmlCanvasElement>().ok()
}

/// Sets the page title (the browser tab and the window list).
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(title);
    }
}
