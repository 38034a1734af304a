use super::class_list;
use yew::prelude::*;

use crate::app::i18n::Lang;
use crate::app::state::{Notice, NoticeKind};

/// The one notice above the app (a problem is an alert, anything else a
/// status), with its dismiss button. A plain function, not a component:
/// it has no state, and a component would cost bundle size for nothing.
pub fn notice_bar(notice: &Notice, lang: Lang, on_dismiss: &Callback<()>) -> Html {
    let problem = notice.kind == NoticeKind::Problem;
    html! {
        <div class={class_list(&["notice", if problem { "notice-problem" } else { "notice-info" }])}
            role={if problem { "alert" } else { "status" }} data-testid="notice">
            <span>{ lang.pick(&notice.zh, &notice.en) }</span>
            <button type="button" class="link-button" data-testid="dismiss-notice"
                onclick={on_dismiss.reform(|_: MouseEvent| ())}>
                { lang.strings().dismiss }
            </button>
        </div>
    }
}
