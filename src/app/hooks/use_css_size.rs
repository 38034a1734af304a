use yew::prelude::*;

use crate::web;

/// The CSS size (`clientWidth`, `clientHeight`) of the element behind
/// `node`, as the page's one `ResizeObserver` last reported it (`web::watch_size`):
/// `None` until it is first laid out, then updated only when it changes. A
/// component that draws at this size reads no layout when it redraws.
#[hook]
pub fn use_css_size(node: NodeRef) -> Option<(i32, i32)> {
    let size = use_state_eq(|| None::<(i32, i32)>);
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let watch = node.cast::<web_sys::Element>().and_then(|element| {
                web::watch_size(&element, move |css_size| size.set(Some(css_size)))
            });
            move || drop(watch)
        });
    }
    *size
}
