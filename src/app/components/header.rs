use yew::prelude::*;

use crate::app::i18n::Lang;

#[derive(PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    /// The app's name and one line of what it simulates, both for the plan
    /// in use.
    pub title: AttrValue,
    pub subtitle: AttrValue,
    pub on_toggle_lang: Callback<()>,
    /// Enters presentation mode.
    pub on_present: Callback<()>,
}

/// The title, a one-line statement of what is simulated, and the language
/// toggle.
/// A plain function of its props, not a component: what it shows changes
/// with the inputs, so a component boundary would save no work.
pub fn header(props: &HeaderProps) -> Html {
    let strings = props.lang.strings();
    let on_click = props.on_toggle_lang.reform(|_: MouseEvent| ());
    html! {
        <>
        <header class="app-header">
            <div class="app-title">
                <h1 data-testid="app-title">{ props.title.clone() }</h1>
                <p class="app-subtitle">{ props.subtitle.clone() }</p>
            </div>
            <div class="header-actions">
            <button type="button" class="lang-toggle" data-testid="present"
                onclick={props.on_present.reform(|_: MouseEvent| ())}>
                { strings.present }
            </button>
            <button
                type="button"
                class="lang-toggle"
                data-testid="lang-toggle"
                lang={props.lang.other().tag()}
                aria-label={strings.toggle_lang_label}
                onclick={on_click}
            >
                { strings.toggle_lang }
            </button>
            </div>
        </header>
        <aside class="intro" aria-label={strings.intro_legend} data-testid="provenance-legend">
            <span>{ strings.intro_legend }</span>
            <span class="legend-item"><span class="badge badge-plan">{ strings.badge_plan }</span>{ strings.badge_plan_help }</span>
            <span class="legend-item"><span class="badge badge-published">{ strings.badge_published }</span>{ strings.badge_published_help }</span>
            <span class="legend-item"><span class="badge badge-assumption">{ strings.badge_assumption }</span>{ strings.badge_assumption_help }</span>
        </aside>
        </>
    }
}
