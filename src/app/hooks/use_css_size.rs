use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::web;

/// The CSS size (`clientWidth`, `clientHeight`) of the element behind
/// `node`: read once when it mounts (a layout, so a new chart draws in the
/// task that mounted it), then kept by the page's one `ResizeObserver`
/// (`web::watch_size`), which re-renders the component only when the size
/// changes. `None` while the element is not laid out. A component that
/// draws at this size reads no layout when it redraws.
#[hook]
pub fn use_css_size(node: NodeRef) -> Rc<RefCell<Option<(i32, i32)>>> {
    let size = use_mut_ref(|| None::<(i32, i32)>);
    let update = use_force_update();
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let watch = node.cast::<web_sys::Element>().and_then(|element| {
                let laid_out = web::css_size(&element);
                if laid_out.0 > 0 && laid_out.1 > 0 {
                    *size.borrow_mut() = Some(laid_out);
                }
                web::watch_size(&element, move |css_size| {
                    if *size.borrow() != Some(css_size) {
                        *size.borrow_mut() = Some(css_size);
                        update.force_update();
                    }
                })
            });
            move || drop(watch)
        });
    }
    size
}
