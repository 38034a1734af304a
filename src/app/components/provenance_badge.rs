use super::class_list;
use yew::prelude::*;

use crate::app::i18n::Lang;
use crate::model::Provenance;

/// A badge saying where a number comes from: plan (规划), published
/// (公开数据) or assumption (假设), with the clause, source or rationale as
/// its tooltip (or as text when `detailed`).
/// A plain function, not a component: a badge is a few elements, and the
/// views around it re-render with the inputs anyway. `detailed` also shows
/// the rationale or source as text after the badge.
pub fn provenance_badge(provenance: &Provenance, lang: Lang, detailed: bool) -> Html {
    let strings = lang.strings();
    let (class, label, detail) = match provenance {
        Provenance::Plan { clause } => ("badge-plan", strings.badge_plan, format!("「{clause}」")),
        Provenance::Published {
            source,
            quote,
            secondary,
        } => {
            let label = if *secondary {
                strings.badge_published_secondary
            } else {
                strings.badge_published
            };
            ("badge-published", label, format!("{source}:「{quote}」"))
        }
        Provenance::Assumption { rationale } => (
            "badge-assumption",
            strings.badge_assumption,
            lang.pick(&rationale.zh, &rationale.en).to_string(),
        ),
    };
    html! {
        <>
            <span class={class_list(&["badge", class])} title={detail.clone()} data-provenance={class.trim_start_matches("badge-").to_string()}>
                { label }
            </span>
            if detailed {
                <span class="provenance-detail">{ detail }</span>
            }
        </>
    }
}
