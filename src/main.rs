//! Mounts the app; nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    pathways::web::install_panic_hook();
    yew::Renderer::<pathways::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Shouguang Pathways runs in the browser: build it with `trunk build --release`, or run scripts/setup.sh to serve it.");
}
