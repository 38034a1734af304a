//! The only code that touches browser APIs directly (web-sys, gloo).
//!
//! Components and hooks call these small functions instead of reaching for
//! `web_sys` themselves, so the browser surface stays in one place.

use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

mod box_watch;
pub mod canvas;

pub use box_watch::{near_and_on_screen, watch_box, watch_sight, BoxWatch, Seen};

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

/// An element's CSS size (`clientWidth`, `clientHeight`). Reading it after
/// a DOM change forces a layout: for a mount, not for every redraw.
pub fn css_size(element: &web_sys::Element) -> (i32, i32) {
    (element.client_width(), element.client_height())
}

/// Sizes a canvas's backing store to its CSS box (`css_size`, as
/// [`watch_box`] reported it) times the device pixel ratio, so lines and
/// text are crisp; returns the ratio used, or `None` when the canvas is not
/// laid out (zero width). Reads no layout.
pub fn fit_canvas_to_css_box(canvas: &HtmlCanvasElement, css_size: (i32, i32)) -> Option<f64> {
    let (css_width, css_height) = css_size;
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

/// How much larger a chart draws its type, lines and marks than at its
/// normal size. Inside presentation mode (an ancestor with the class
/// `presenting`) on a 1920×1080 screen, 18 ÷ 13, so 13 px labels read as
/// 18 px from the back of the room; less on a smaller screen (never below
/// 1, so 1280×720 and 1024×768 keep the normal 13 px); 1 elsewhere.
pub fn chart_zoom(canvas: &HtmlCanvasElement) -> f64 {
    const PRESENTATION_ZOOM: f64 = 18.0 / 13.0;
    if !matches!(canvas.closest(".presenting"), Ok(Some(_))) {
        return 1.0;
    }
    let screen = web_sys::window()
        .and_then(|window| {
            let width = window.inner_width().ok()?.as_f64()?;
            let height = window.inner_height().ok()?.as_f64()?;
            Some((width / 1920.0).min(height / 1080.0))
        })
        .unwrap_or(1.0);
    (PRESENTATION_ZOOM * screen).clamp(1.0, PRESENTATION_ZOOM)
}

/// Whether `element` is part of the brief (`.brief`), a page to print,
/// whose charts draw on every change wherever they are.
pub fn in_brief(element: &web_sys::Element) -> bool {
    matches!(element.closest(".brief"), Ok(Some(_)))
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
        // Only a change: setting it, even to the same value, makes the
        // browser restyle the whole page (index.html already says zh-CN).
        if root.get_attribute("lang").as_deref() != Some(tag) {
            let _ = root.set_attribute("lang", tag);
        }
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

/// Offers `text` to the user as a file download (no network request: the
/// file is a `blob:` URL of this page). Returns false when the browser
/// refused.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let clicked = click_download_link(file_name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    clicked
}

/// Offers a `data:` URL (e.g. a canvas's PNG) as a file download.
pub fn download_data_url(file_name: &str, data_url: &str) -> bool {
    click_download_link(file_name, data_url)
}

fn click_download_link(file_name: &str, href: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    anchor.set_href(href);
    anchor.set_download(file_name);
    let Some(body) = document.body() else {
        return false;
    };
    if body.append_child(&anchor).is_err() {
        return false;
    }
    anchor.click();
    anchor.remove();
    true
}

/// Draws a chart on a fresh, detached canvas of `css_size` at `scale` and
/// returns it as a PNG `data:` URL.
pub fn chart_png_data_url(
    chart: crate::chart::AnyChart<'_>,
    css_size: (u32, u32),
    scale: f64,
) -> Option<String> {
    let canvas = canvas::detached_canvas()?;
    canvas.set_width((f64::from(css_size.0) * scale).round() as u32);
    canvas.set_height((f64::from(css_size.1) * scale).round() as u32);
    canvas::draw_chart_on(&canvas, chart, scale).ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

/// Why the browser's storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No storage (private mode, disabled by policy).
    Unavailable,
    /// The browser refused the write because its storage for this site is
    /// full (`QuotaExceededError`).
    QuotaExceeded,
    /// Writing failed for another reason (storage disabled, a browser error).
    WriteFailed,
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Reads a string from the browser's local storage.
pub fn storage_get(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// Writes a string to the browser's local storage; a full storage is
/// [`StorageError::QuotaExceeded`], told apart from other failures.
pub fn storage_set(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|error| {
        if is_quota_error(&error) {
            StorageError::QuotaExceeded
        } else {
            StorageError::WriteFailed
        }
    })
}

/// Whether a thrown value is the browser's "storage full" exception (its
/// standard name, or Firefox's older one).
fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    let name = js_sys::Reflect::get(error, &wasm_bindgen::JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string());
    matches!(
        name.as_deref(),
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")
    )
}

/// Calls `on_change` with the key each time another tab or window of this
/// site changes local storage (`None` when it cleared it all); the browser
/// does not tell a page about its own writes. Listens until the returned
/// listener is dropped; `None` when there is no window.
pub fn on_storage_change(
    on_change: impl Fn(Option<String>) + 'static,
) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "storage",
        move |event| {
            if let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() {
                on_change(event.key());
            }
        },
    ))
}

/// The page's address without its fragment, e.g. `http://127.0.0.1:8080/`.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|window| {
            let location = window.location();
            let href = location.href().ok()?;
            Some(href.split('#').next().unwrap_or_default().to_string())
        })
        .unwrap_or_default()
}

/// The page's fragment without the leading `#` (empty when there is none).
pub fn location_fragment() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Puts `#fragment` in the address bar: a new history entry when `push`,
/// otherwise replacing the current one. Nothing is loaded.
pub fn set_location_fragment(fragment: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let url = format!("{}#{fragment}", page_address());
    let result = if push {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
    if result.is_err() {
        gloo::console::warn!("could not update the address bar");
    }
}

/// Runs `task` once the page has drawn its next frame: in a task queued by
/// the next animation frame's callback, so after that frame's rendering.
/// At once in the next task where there is no frame to wait for (a hidden
/// page draws none).
pub fn after_next_frame(task: impl FnOnce() + 'static) {
    after_next_frame_boxed(Box::new(task));
}

/// [`after_next_frame`] compiled once, not once per caller.
fn after_next_frame_boxed(task: Box<dyn FnOnce()>) {
    let later = move || {
        gloo::timers::callback::Timeout::new(0, task).forget();
    };
    let Some(window) = web_sys::window() else {
        return later();
    };
    if window.document().is_some_and(|document| document.hidden()) {
        return later();
    }
    // The callback is kept by the browser until the frame; if it cannot be
    // registered, the task runs in the next task instead.
    let pending = std::rc::Rc::new(std::cell::Cell::new(Some(later)));
    let in_frame = pending.clone();
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(later) = in_frame.take() {
            later();
        }
    });
    if window
        .request_animation_frame(callback.unchecked_ref())
        .is_err()
    {
        if let Some(later) = pending.take() {
            later();
        }
    }
}

/// Copies text to the clipboard; `done` receives whether it worked (the
/// Clipboard API needs a secure context and the user's permission).
pub fn copy_to_clipboard(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// The current time as ISO 8601 (UTC), e.g. for when a scenario was saved.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// An id unique within this browser: the time in milliseconds plus a
/// counter, e.g. `s1764300000000-3`.
pub fn unique_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("s{}-{count}", js_sys::Date::now() as u64)
}

/// Opens the browser's print dialog (paper or PDF).
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        if window.print().is_err() {
            gloo::console::warn!("printing is not available");
        }
    }
}

/// Today's date as YYYY-MM-DD, in the user's time zone.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Asks for full screen (presentation mode); a refusal is not an error.
pub fn request_fullscreen() {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        if root.request_fullscreen().is_err() {
            gloo::console::warn!("full screen was refused");
        }
    }
}

/// Leaves full screen, if the page is in it.
pub fn exit_fullscreen() {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        }
    }
}

/// Removes a key from the browser's local storage.
pub fn storage_remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| StorageError::WriteFailed)
}
