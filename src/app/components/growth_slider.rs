use yew::prelude::*;

use crate::app::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct GrowthSliderProps {
    /// A stable id for the DOM and tests, e.g. the industry id.
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: f64,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    /// The growth the goal needs, shown as a mark on the track.
    #[prop_or_default]
    pub required: Option<f64>,
    pub lang: Lang,
    pub on_change: Callback<f64>,
}

/// A slider with an exact number field for one growth rate (% a year).
///
/// A typed value may be finer than the slider's step. Anything that is not a
/// number within bounds shows why inline and changes nothing.
#[function_component(GrowthSlider)]
pub fn growth_slider(props: &GrowthSliderProps) -> Html {
    let strings = props.lang.strings();
    let error = use_state(|| None::<&'static str>);
    let slider_id = format!("growth-{}", props.id);
    let field_id = format!("growth-{}-exact", props.id);

    let on_slider = {
        let on_change = props.on_change.clone();
        let error = error.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Ok(value) = input.value().parse::<f64>() {
                error.set(None);
                on_change.emit(value);
            }
        })
    };
    let on_field = {
        let on_change = props.on_change.clone();
        let error = error.clone();
        let (min, max) = (props.min, props.max);
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            match parse_growth(&input.value(), min, max) {
                Ok(value) => {
                    error.set(None);
                    on_change.emit(value);
                }
                Err(problem) => error.set(Some(problem.message(strings))),
            }
        })
    };

    let mark = props.required.filter(|required| required.is_finite()).map(|required| {
        let position_pct = ((required - props.min) / (props.max - props.min) * 100.0).clamp(0.0, 100.0);
        let clipped = required < props.min || required > props.max;
        html! {
            <div class="slider-mark-row" aria-hidden="true">
                <span
                    class={classes!("slider-mark", clipped.then_some("slider-mark-clipped"))}
                    style={format!("left: {position_pct:.2}%")}
                    data-testid={format!("required-mark-{}", props.id)}
                    title={format!("{} {:.1}{}", strings.goal_needs, required, strings.growth_unit)}
                />
            </div>
        }
    });
    let required_text = match props.required {
        Some(required) if required.is_finite() => {
            format!(
                "{} {:.1} {}",
                strings.goal_needs, required, strings.growth_unit
            )
        }
        _ => strings.no_revenue_goal.to_string(),
    };

    html! {
        <div class="growth-slider" data-testid={format!("growth-{}", props.id)}>
            <div class="growth-slider-head">
                <label for={slider_id.clone()}>{ props.label.clone() }</label>
                <span class="growth-value">
                    <input
                        id={field_id.clone()}
                        class={classes!("exact-field", error.is_some().then_some("invalid"))}
                        type="text"
                        inputmode="decimal"
                        aria-label={format!("{} ({})", props.label, strings.growth_unit)}
                        aria-invalid={error.is_some().to_string()}
                        value={format!("{:.1}", props.value)}
                        onchange={on_field}
                        data-testid={format!("growth-field-{}", props.id)}
                    />
                    <span class="unit">{ strings.growth_unit }</span>
                </span>
            </div>
            <input
                id={slider_id}
                type="range"
                min={props.min.to_string()}
                max={props.max.to_string()}
                step={props.step.to_string()}
                value={props.value.to_string()}
                aria-valuetext={format!("{:.1} {}", props.value, strings.growth_unit)}
                oninput={on_slider}
                data-testid={format!("growth-slider-{}", props.id)}
            />
            { for mark }
            <div class="growth-slider-foot">
                <span class="required-text">{ required_text }</span>
                if let Some(message) = *error {
                    <span class="field-error" role="alert">{ message }</span>
                }
            </div>
        </div>
    }
}

/// Why a typed growth rate was refused.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ParseProblem {
    NotANumber,
    OutOfRange,
}

impl ParseProblem {
    fn message(self, strings: &'static crate::app::i18n::Strings) -> &'static str {
        match self {
            ParseProblem::NotANumber => strings.invalid_number,
            ParseProblem::OutOfRange => strings.out_of_range,
        }
    }
}

/// Parses a typed growth rate: accepts "9", "9.25", " 9,5 " (a decimal
/// comma), "9%" and full-width digits from a Chinese input method.
pub fn parse_growth(text: &str, min: f64, max: f64) -> Result<f64, ParseProblem> {
    let normalised: String = text
        .trim()
        .trim_end_matches(['%', '\u{FF05}'])
        .chars()
        .filter(|character| !character.is_whitespace())
        .map(|character| match character {
            // Full-width digits, as a Chinese input method may type them.
            '\u{FF10}'..='\u{FF19}' => {
                char::from_digit(character as u32 - 0xFF10, 10).unwrap_or(character)
            }
            ',' | '\u{FF0C}' | '\u{FF0E}' | '\u{3002}' => '.',
            '\u{FF0D}' | '\u{2212}' => '-',
            other => other,
        })
        .collect();
    let value: f64 = normalised.parse().map_err(|_| ParseProblem::NotANumber)?;
    if !value.is_finite() {
        return Err(ParseProblem::NotANumber);
    }
    if value < min || value > max {
        return Err(ParseProblem::OutOfRange);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_a_planner_types() {
        assert_eq!(parse_growth("9", -30.0, 60.0), Ok(9.0));
        assert_eq!(parse_growth(" 9.25 ", -30.0, 60.0), Ok(9.25));
        assert_eq!(parse_growth("9,5", -30.0, 60.0), Ok(9.5));
        assert_eq!(parse_growth("12%", -30.0, 60.0), Ok(12.0));
        assert_eq!(parse_growth("12.5%", -30.0, 60.0), Ok(12.5));
        assert_eq!(parse_growth("-3", -30.0, 60.0), Ok(-3.0));
        assert_eq!(
            parse_growth("\u{FF11}\u{FF12}\u{FF0E}\u{FF15}", -30.0, 60.0),
            Ok(12.5)
        );
        assert_eq!(parse_growth("\u{2212}2\u{FF05}", -30.0, 60.0), Ok(-2.0));
    }

    #[test]
    fn refuses_what_is_not_a_growth_rate() {
        assert_eq!(
            parse_growth("abc", -30.0, 60.0),
            Err(ParseProblem::NotANumber)
        );
        assert_eq!(parse_growth("", -30.0, 60.0), Err(ParseProblem::NotANumber));
        assert_eq!(
            parse_growth("NaN", -30.0, 60.0),
            Err(ParseProblem::NotANumber)
        );
        assert_eq!(
            parse_growth("inf", -30.0, 60.0),
            Err(ParseProblem::NotANumber)
        );
        assert_eq!(
            parse_growth("61", -30.0, 60.0),
            Err(ParseProblem::OutOfRange)
        );
        assert_eq!(
            parse_growth("-31", -30.0, 60.0),
            Err(ParseProblem::OutOfRange)
        );
    }
}
