use yew::prelude::*;

use crate::app::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The element id (a `<label for>` may point at it).
    pub id: AttrValue,
    /// The accessible name, with the unit.
    pub label: AttrValue,
    pub value: f64,
    pub decimals: usize,
    pub min: f64,
    pub max: f64,
    pub lang: Lang,
    pub on_change: Callback<f64>,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
}

/// An exact number field. A typed value may be finer than any slider step.
/// Anything that is not a number within `[min, max]` shows why inline,
/// and changes nothing: the last valid value stays in the scenario.
#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let strings = props.lang.strings();
    let error = use_state(|| None::<&'static str>);
    let on_change = {
        let on_change = props.on_change.clone();
        let error = error.clone();
        let (min, max) = (props.min, props.max);
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            match parse_number(&input.value(), min, max) {
                Ok(value) => {
                    error.set(None);
                    on_change.emit(value);
                }
                Err(problem) => error.set(Some(problem.message(strings))),
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <span class="number-field">
            <input
                id={props.id.clone()}
                class={classes!("exact-field", error.is_some().then_some("invalid"))}
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-label={props.label.clone()}
                aria-invalid={error.is_some().to_string()}
                aria-describedby={error.is_some().then(|| error_id.clone())}
                value={format_value(props.value, props.decimals)}
                onchange={on_change}
                data-testid={props.testid.clone()}
            />
            if let Some(message) = *error {
                <span id={error_id} class="field-error" role="alert">
                    { format!("{message}({} … {})", format_value(props.min, props.decimals), format_value(props.max, props.decimals)) }
                </span>
            }
        </span>
    }
}

/// A value with a fixed number of decimals; "−0.0" shows as "0.0".
pub fn format_value(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_string()
    } else {
        text
    }
}

/// Why a typed number was refused.
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

/// Parses a typed number: accepts "9", "9.25", " 9,5 " (a decimal comma),
/// "9%" and full-width digits from a Chinese input method.
pub fn parse_number(text: &str, min: f64, max: f64) -> Result<f64, ParseProblem> {
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
        assert_eq!(parse_number("9", -30.0, 60.0), Ok(9.0));
        assert_eq!(parse_number(" 9.25 ", -30.0, 60.0), Ok(9.25));
        assert_eq!(parse_number("9,5", -30.0, 60.0), Ok(9.5));
        assert_eq!(parse_number("12%", -30.0, 60.0), Ok(12.0));
        assert_eq!(parse_number("12.5%", -30.0, 60.0), Ok(12.5));
        assert_eq!(parse_number("-3", -30.0, 60.0), Ok(-3.0));
        assert_eq!(
            parse_number("\u{FF11}\u{FF12}\u{FF0E}\u{FF15}", -30.0, 60.0),
            Ok(12.5)
        );
        assert_eq!(parse_number("\u{2212}2\u{FF05}", -30.0, 60.0), Ok(-2.0));
    }

    #[test]
    fn refuses_what_is_not_a_number_in_range() {
        assert_eq!(
            parse_number("abc", -30.0, 60.0),
            Err(ParseProblem::NotANumber)
        );
        assert_eq!(parse_number("", -30.0, 60.0), Err(ParseProblem::NotANumber));
        assert_eq!(
            parse_number("NaN", -30.0, 60.0),
            Err(ParseProblem::NotANumber)
        );
        assert_eq!(
            parse_number("inf", -30.0, 60.0),
            Err(ParseProblem::NotANumber)
        );
        assert_eq!(
            parse_number("61", -30.0, 60.0),
            Err(ParseProblem::OutOfRange)
        );
        assert_eq!(
            parse_number("-31", -30.0, 60.0),
            Err(ParseProblem::OutOfRange)
        );
    }

    #[test]
    fn formats_without_negative_zero() {
        assert_eq!(format_value(-0.0001, 1), "0.0");
        assert_eq!(format_value(-1.25, 1), "-1.2");
        assert_eq!(format_value(12.3456, 2), "12.35");
    }
}
