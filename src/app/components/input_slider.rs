use super::class_list;
use yew::prelude::*;

use super::number_field::NumberField;
use crate::app::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct InputSliderProps {
    /// A stable id for the DOM and tests, e.g. `growth-chemicals-0`.
    pub id: AttrValue,
    pub label: AttrValue,
    /// The unit as shown after the number, e.g. "%/年".
    pub unit: AttrValue,
    pub value: f64,
    /// What the slider offers.
    pub slider_min: f64,
    pub slider_max: f64,
    pub step: f64,
    /// What a typed value may be (the validated range).
    pub min: f64,
    pub max: f64,
    pub decimals: usize,
    pub lang: Lang,
    pub on_change: Callback<f64>,
    /// Resets this input to the plan's default; shown only when `changed`.
    #[prop_or_default]
    pub on_reset: Option<Callback<()>>,
    /// True when the value differs from the plan's default.
    #[prop_or_default]
    pub changed: bool,
    /// A value to mark on the track (the growth a goal needs).
    #[prop_or_default]
    pub mark: Option<f64>,
    /// The text under the slider (e.g. "达标所需 9.0 %/年").
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// One-click goal seek, when the input has a goal.
    #[prop_or_default]
    pub on_seek: Option<Callback<()>>,
    /// A small badge after the label (e.g. "假设").
    #[prop_or_default]
    pub badge: Option<Html>,
    /// Why the last typed value was refused (a rule across fields).
    #[prop_or_default]
    pub refusal: Option<AttrValue>,
    /// Whether the solver may change this input (`Some(locked)`), with the
    /// toggle; `None` for an input the solver never changes.
    #[prop_or_default]
    pub locked: Option<bool>,
    #[prop_or_default]
    pub on_lock: Option<Callback<()>>,
}

/// A slider plus an exact number field for one scenario input, with an
/// optional goal mark, goal-seek button and per-input reset.
#[function_component(InputSlider)]
pub fn input_slider(props: &InputSliderProps) -> Html {
    let strings = props.lang.strings();
    let slider_id = format!("slider-{}", props.id);
    let on_slider = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let value = input.value_as_number();
            if value.is_finite() {
                on_change.emit(value);
            }
        })
    };
    let span = props.slider_max - props.slider_min;
    let mark = props
        .mark
        .filter(|mark| mark.is_finite() && span > 0.0)
        .map(|mark| {
            let position_pct = ((mark - props.slider_min) / span * 100.0).clamp(0.0, 100.0);
            let clipped = mark < props.slider_min || mark > props.slider_max;
            html! {
                <div class="slider-mark-row" aria-hidden="true">
                    <span
                        class={class_list(&["slider-mark", if clipped { "slider-mark-clipped" } else { "" }])}
                        style={format!("left: {position_pct:.2}%")}
                        data-testid={format!("mark-{}", props.id)}
                    />
                </div>
            }
        });
    let seek = props.on_seek.as_ref().map(|on_seek| {
        let on_click = on_seek.reform(|_: MouseEvent| ());
        html! {
            <button type="button" class="link-button" onclick={on_click}
                data-testid={format!("seek-{}", props.id)}
                aria-label={format!("{}:{}", props.label, strings.seek_goal)}>
                { strings.seek_goal }
            </button>
        }
    });
    let reset = props
        .on_reset
        .as_ref()
        .filter(|_| props.changed)
        .map(|on_reset| {
            let on_click = on_reset.reform(|_: MouseEvent| ());
            html! {
                <button type="button" class="link-button" onclick={on_click}
                    data-testid={format!("reset-{}", props.id)}
                    aria-label={format!("{}:{}", props.label, strings.reset_input)}>
                    { strings.reset_input }
                </button>
            }
        });
    let lock = props
        .locked
        .zip(props.on_lock.as_ref())
        .map(|(locked, on_lock)| {
            let solve = props.lang.solve_strings();
            let on_click = on_lock.reform(|_: MouseEvent| ());
            html! {
                <button type="button" class={class_list(&["lock-button", if locked { "locked" } else { "" }])}
                    aria-pressed={locked.to_string()} title={solve.locked_hint}
                    aria-label={format!("{}:{}", props.label, solve.lock)}
                    data-testid={format!("lock-{}", props.id)} onclick={on_click}>
                    { if locked { solve.unlock } else { solve.lock } }
                </button>
            }
        });
    html! {
        <div class={class_list(&["input-slider", if props.changed { "changed" } else { "" }])} data-testid={format!("input-{}", props.id)}>
            <div class="input-slider-head">
                <label for={slider_id.clone()}>
                    { props.label.clone() }
                    { props.badge.clone().unwrap_or_default() }
                </label>
                <span class="input-value">
                    <NumberField
                        id={format!("field-{}", props.id)}
                        label={format!("{}({})", props.label, props.unit)}
                        value={props.value}
                        decimals={props.decimals}
                        min={props.min}
                        max={props.max}
                        lang={props.lang}
                        on_change={props.on_change.clone()}
                        testid={format!("field-{}", props.id)}
                        refusal={props.refusal.clone()}
                    />
                    <span class="unit">{ props.unit.clone() }</span>
                    { for lock }
                </span>
            </div>
            <input
                id={slider_id.clone()}
                type="range"
                min={props.slider_min.to_string()}
                max={props.slider_max.to_string()}
                step={props.step.to_string()}
                value={props.value.to_string()}
                aria-valuetext={format!("{} {}", props.lang.number(props.value, props.decimals), props.unit)}
                oninput={on_slider}
                data-testid={slider_id}
            />
            { for mark }
            if props.note.is_some() || seek.is_some() || reset.is_some() {
                <div class="input-slider-foot">
                    <span class="input-note">{ props.note.clone().unwrap_or_default() }</span>
                    <span class="input-actions">{ for seek }{ for reset }</span>
                </div>
            }
        </div>
    }
}
