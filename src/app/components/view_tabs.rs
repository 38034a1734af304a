use super::class_list;
use yew::prelude::*;

use crate::app::i18n::Lang;
use crate::app::state::View;

/// The row of view tabs (`tab-<view id>`), controlling `#view-panel`. A
/// plain function: it has no state of its own.
pub fn view_tabs(current: View, lang: Lang, on_view: &Callback<View>) -> Html {
    let strings = lang.strings();
    let tabs = View::ALL.iter().zip(strings.views).map(|(&view, label)| {
        let selected = view == current;
        html! {
            <button type="button" role="tab"
                id={format!("tab-{}", view.id())}
                class={class_list(&["tab", if selected { "active" } else { "" }])}
                aria-selected={selected.to_string()}
                aria-controls="view-panel"
                data-testid={format!("tab-{}", view.id())}
                onclick={on_view.reform(move |_: MouseEvent| view)}>
                { label }
            </button>
        }
    });
    html! {
        <nav class="tabs" role="tablist" aria-label={strings.views_label}>
            { for tabs }
        </nav>
    }
}
