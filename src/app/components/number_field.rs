use super::class_list;
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
    /// Why the app refused the last value this field sent (a cross-field
    /// rule the number alone cannot know), shown inline like a parse error.
    #[prop_or_default]
    pub refusal: Option<AttrValue>,
}

/// An exact number field. A typed value may be finer than any slider step.
/// Anything that is not a number within `[min, max]` shows why inline,
/// and changes nothing: the last valid value stays in the scenario.
#[function_component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let strings = props.lang.strings();
    let error = use_state(|| None::<ParseProblem>);
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
                Err(problem) => error.set(Some(problem)),
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    let message = match *error {
        Some(ParseProblem::OutOfRange) => Some(format!(
            "{}({} … {})",
            ParseProblem::OutOfRange.message(strings),
            props.lang.number(props.min, props.decimals),
            props.lang.number(props.max, props.decimals)
        )),
        Some(problem) => Some(problem.message(strings).to_string()),
        None => props.refusal.as_ref().map(|refusal| refusal.to_string()),
    };
    html! {
        <span class="number-field">
            <input
                id={props.id.clone()}
                class={class_list(&["exact-field", if message.is_some() { "invalid" } else { "" }])}
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-label={props.label.clone()}
                aria-invalid={message.is_some().to_string()}
                aria-describedby={message.is_some().then(|| error_id.clone())}
                value={format_value(props.value, props.decimals)}
                onchange={on_change}
                data-testid={props.testid.clone()}
            />
            if let Some(message) = message {
                <span id={error_id} class="field-error" role="alert"
                    data-testid={props.testid.as_ref().map(|id| format!("{id}-error"))}>
                    { message }
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
    Empty,
    NotANumber,
    /// A comma that is not a thousands separator ("9,5", "1,20").
    DecimalComma,
    OutOfRange,
}

impl ParseProblem {
    fn message(self, strings: &'static crate::app::i18n::Strings) -> &'static str {
        match self {
            ParseProblem::Empty => strings.empty_number,
            ParseProblem::NotANumber => strings.invalid_number,
            ParseProblem::DecimalComma => strings.decimal_comma,
            ParseProblem::OutOfRange => strings.out_of_range,
        }
    }
}

/// Parses a typed number: "9", "9.25", "1,200" (a comma groups
/// thousands, and only that), "9%", "9%/年", and full-width digits, signs,
/// points and commas from a Chinese input method. A comma that does not
/// group thousands ("9,5") is refused, never read as a decimal point.
pub fn parse_number(text: &str, min: f64, max: f64) -> Result<f64, ParseProblem> {
    let normalised: String = text
        .chars()
        .filter(|character| !character.is_whitespace())
        .map(|character| match character {
            // Full-width digits, as a Chinese input method may type them.
            '\u{FF10}'..='\u{FF19}' => {
                char::from_digit(character as u32 - 0xFF10, 10).unwrap_or(character)
            }
            '\u{FF0E}' | '\u{3002}' => '.',
            '\u{FF0C}' => ',',
            '\u{FF0D}' | '\u{2212}' => '-',
            '\u{FF0B}' => '+',
            '\u{FF05}' => '%',
            other => other,
        })
        .collect();
    let number = normalised
        .strip_suffix("%/年")
        .or_else(|| normalised.strip_suffix("%/a"))
        .or_else(|| normalised.strip_suffix('%'))
        .unwrap_or(&normalised);
    if number.is_empty() {
        return Err(ParseProblem::Empty);
    }
    let plain = without_thousands_separators(number)?;
    let value = crate::share::parse_decimal(&plain, true).ok_or(ParseProblem::NotANumber)?;
    if !value.is_finite() {
        return Err(ParseProblem::NotANumber);
    }
    if value < min || value > max {
        return Err(ParseProblem::OutOfRange);
    }
    Ok(value)
}

/// "1,234,567.5" → "1234567.5"; a comma anywhere but between groups of
/// three digits of the whole part is a [`ParseProblem::DecimalComma`].
fn without_thousands_separators(number: &str) -> Result<String, ParseProblem> {
    if !number.contains(',') {
        return Ok(number.to_string());
    }
    let unsigned = number.trim_start_matches(['-', '+']);
    let whole = unsigned.split(['.', 'e', 'E']).next().unwrap_or("");
    if unsigned[whole.len()..].contains(',') {
        return Err(ParseProblem::DecimalComma);
    }
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or("");
    let first_ok = (1..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_digit());
    let rest_ok = groups.all(|group| group.len() == 3 && group.chars().all(|c| c.is_ascii_digit()));
    if first_ok && rest_ok {
        Ok(number.replace(',', ""))
    } else {
        Err(ParseProblem::DecimalComma)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_a_planner_types() {
        assert_eq!(parse_number("9", -30.0, 60.0), Ok(9.0));
        assert_eq!(parse_number(" 9.25 ", -30.0, 60.0), Ok(9.25));
        assert_eq!(parse_number("1,200", 0.0, 1e5), Ok(1200.0));
        assert_eq!(parse_number("1,234,567.5", 0.0, 1e7), Ok(1_234_567.5));
        assert_eq!(parse_number("-1,200", -1e4, 0.0), Ok(-1200.0));
        assert_eq!(
            parse_number("\u{FF11}\u{FF0C}\u{FF12}\u{FF10}\u{FF10}", 0.0, 1e5),
            Ok(1200.0)
        );
        assert_eq!(parse_number("9%/年", -30.0, 60.0), Ok(9.0));
        assert_eq!(parse_number("\u{FF0D}3", -30.0, 60.0), Ok(-3.0));
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
        assert_eq!(parse_number("", -30.0, 60.0), Err(ParseProblem::Empty));
        assert_eq!(parse_number("  %", -30.0, 60.0), Err(ParseProblem::Empty));
        for comma in ["9,5", "1,20", "12,0000", ",5", "1,200,5", "1.5,000"] {
            assert_eq!(
                parse_number(comma, -1e9, 1e9),
                Err(ParseProblem::DecimalComma),
                "{comma}"
            );
        }
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
