//! Numbers as text: the shortest decimal that reads back to the same bits,
//! and strict readers that never accept `inf`, `NaN`, `+` or spaces.

use std::str::FromStr;

/// The shortest text that parses back to exactly `value` (Rust's float
/// formatting is shortest-round-trip): `9.5`, `12`, `-0`, `1e-7`. Plain
/// decimal unless the exponent form is shorter.
pub(crate) fn format_f64(value: f64) -> String {
    let plain = format!("{value}");
    let exponent = format!("{value:e}");
    if exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

/// A decimal number: digits, `.`, `-` and `e`/`E` only, finite or not (the
/// scenario's validation judges the range).
pub(crate) fn parse_f64(text: &str) -> Option<f64> {
    parse_decimal(text, false)
}

/// Reads `[sign] digits [. digits] [e [sign] digits]`, with at least one
/// digit before the exponent, as the standard library's `f64::from_str`
/// does (correctly rounded; too large is infinite), but with no `inf` or
/// `NaN`, and a `+` sign only when `plus`. It rewrites the text in JSON's
/// number form and lets serde_json read it: serde_json's correctly rounded
/// reader (`float_roundtrip`) is in the bundle for the file format anyway,
/// and the standard library's would add its own (its power-of-five table
/// alone is 10 KB). `tests/share_link.rs` checks the two agree.
pub fn parse_decimal(text: &str, plus: bool) -> Option<f64> {
    let bytes = text.as_bytes();
    let mut at = 0;
    let sign = |at: &mut usize| match bytes.get(*at) {
        Some(b'-') => {
            *at += 1;
            "-"
        }
        Some(b'+') if plus => {
            *at += 1;
            ""
        }
        _ => "",
    };
    let negative = sign(&mut at);
    let digits = |at: &mut usize| {
        let start = *at;
        while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
            *at += 1;
        }
        &text[start..*at]
    };
    let whole = digits(&mut at);
    let fraction = if bytes.get(at) == Some(&b'.') {
        at += 1;
        digits(&mut at)
    } else {
        ""
    };
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let mut json = format!("{negative}{}", if whole.is_empty() { "0" } else { whole });
    if !fraction.is_empty() {
        json.push('.');
        json.push_str(fraction);
    }
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        at += 1;
        let exponent_sign = sign(&mut at);
        let exponent = digits(&mut at);
        if exponent.is_empty() {
            return None;
        }
        json.push('e');
        json.push_str(exponent_sign);
        json.push_str(exponent);
    }
    if at != bytes.len() {
        return None;
    }
    // A well-formed number fails only by overflowing (a zero significand or
    // a negative exponent reads as zero).
    Some(
        serde_json::from_str::<f64>(&json).unwrap_or(if negative.is_empty() {
            f64::INFINITY
        } else {
            f64::NEG_INFINITY
        }),
    )
}

/// A whole number written with digits only.
pub(crate) fn parse_unsigned<T: FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse::<T>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact() {
        for (value, text) in [
            (9.5, "9.5"),
            (12.0, "12"),
            (-0.0, "-0"),
            (4.25, "4.25"),
            (1e-7, "1e-7"),
            (1e21, "1e21"),
            (0.1 + 0.2, "0.30000000000000004"),
        ] {
            assert_eq!(format_f64(value), text);
            assert_eq!(parse_f64(text).map(f64::to_bits), Some(value.to_bits()));
        }
    }

    #[test]
    fn readers_are_strict() {
        for text in ["", "inf", "NaN", "+1", " 1", "1 ", "e", "-", ".", "0x10"] {
            assert_eq!(parse_f64(text), None, "{text:?}");
        }
        assert_eq!(parse_f64("1e400"), Some(f64::INFINITY));
        assert_eq!(parse_f64("-1e400"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_f64("1-2"), None);
        assert_eq!(parse_f64("1e+5"), None);
        assert_eq!(parse_decimal("1e+5", true), Some(1e5));
        assert_eq!(parse_decimal("+.5", true), Some(0.5));
        assert_eq!(parse_unsigned::<u32>("4294967296"), None);
        assert_eq!(parse_unsigned::<u32>("+1"), None);
        assert_eq!(
            parse_unsigned::<u64>("18446744073709551615"),
            Some(u64::MAX)
        );
    }
}
