use super::class_list;
use yew::prelude::*;

use crate::app::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct DrawerProps {
    pub lang: Lang,
    pub children: Html,
}

/// The assumptions on a phone: the results come first, and a sticky button
/// opens the assumptions over them (and another brings the results back).
/// From tablet width up the panel is simply shown beside the results and
/// the buttons are hidden (style.css). Whether it is open is this
/// component's own state: it is how the page is laid out, not part of the
/// scenario.
#[function_component(Drawer)]
pub fn drawer(props: &DrawerProps) -> Html {
    let open = use_state(|| false);
    let words = props.lang.overview_strings();
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <div class={class_list(&["drawer", if *open { "drawer-open" } else { "" }])}>
            <button type="button" class="drawer-toggle" data-testid="drawer-toggle"
                aria-expanded={open.to_string()} onclick={toggle}>
                { if *open { words.close_assumptions } else { words.open_assumptions } }
            </button>
            <div class="drawer-body">{ props.children.clone() }</div>
        </div>
    }
}
