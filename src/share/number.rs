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
    let allowed = |byte: u8| byte.is_ascii_digit() || matches!(byte, b'.' | b'-' | b'e' | b'E');
    if text.is_empty() || !text.bytes().all(allowed) || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<f64>().ok()
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
        assert_eq!(parse_unsigned::<u32>("4294967296"), None);
        assert_eq!(parse_unsigned::<u32>("+1"), None);
        assert_eq!(
            parse_unsigned::<u64>("18446744073709551615"),
            Some(u64::MAX)
        );
    }
}
