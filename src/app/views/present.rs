//! Presentation mode's own parts: the closing slide and the bar that steps
//! through the slides. Plain functions: neither has state of its own.

use yew::prelude::*;

use crate::app::components::QrCode;
use crate::app::i18n::Lang;

/// The closing slide: the QR code of the current link, and the link.
pub fn closing_slide(link: &AttrValue, lang: Lang) -> Html {
    let strings = lang.strings();
    html! {
        <section class="panel closing-slide" data-testid="closing-slide" aria-labelledby="closing-heading">
            <h2 id="closing-heading">{ strings.closing_heading }</h2>
            <QrCode text={link.clone()} label={strings.closing_heading} />
            <p class="panel-note">{ strings.closing_note }</p>
            <p class="brief-link">{ link.clone() }</p>
        </section>
    }
}

/// Back, the slide number (`slide` from 0, of `n_slides`), forward, a line
/// of help, and leave. `on_step` gets -1 or +1.
pub fn presentation_bar(
    slide: usize,
    n_slides: usize,
    lang: Lang,
    on_step: &Callback<isize>,
    on_stop: &Callback<()>,
) -> Html {
    let strings = lang.strings();
    html! {
        <nav class="presentation-bar" aria-label={strings.present} data-testid="presentation-bar">
            <button type="button" class="icon-button" onclick={on_step.reform(|_: MouseEvent| -1)}
                aria-label="←" disabled={slide == 0}>{ "←" }</button>
            <span data-testid="slide-number">{ format!("{}/{}", slide + 1, n_slides) }</span>
            <button type="button" class="icon-button" onclick={on_step.reform(|_: MouseEvent| 1)}
                aria-label="→" disabled={slide + 1 == n_slides}>{ "→" }</button>
            <span class="presentation-help">{ strings.present_help }</span>
            <button type="button" class="icon-button" data-testid="stop-presenting"
                onclick={on_stop.reform(|_: MouseEvent| ())}>{ strings.present_exit }</button>
        </nav>
    }
}
