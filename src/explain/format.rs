//! Numbers and lists in running text, Chinese and English.
//!
//! Chinese: no space between a number and a Chinese unit ("400亿元"), no
//! thousands separators below 10,000, Chinese punctuation, lists joined
//! with "、" and "和". English: thousands separators, 亿元 amounts in
//! million or billion yuan, 万元 in yuan, lists "a, b and c", plurals by
//! count.

use crate::model::SeriesId;

/// `value` with `decimals` decimals; thousands grouped with commas in
/// English (and in Chinese from 10,000 up); a true minus sign; never "−0".
///
/// ```
/// use pathways::explain::number;
///
/// assert_eq!(number(1234.5, 1, false), "1,234.5");
/// assert_eq!(number(1234.5, 1, true), "1234.5");
/// assert_eq!(number(-0.04, 1, false), "0.0");
/// assert_eq!(number(-3.0, 0, true), "−3");
/// ```
pub fn number(value: f64, decimals: usize, zh: bool) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let text = format!("{:.*}", decimals.min(6), value.abs());
    let (integer, fraction) = match text.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (text.as_str(), None),
    };
    let group = !zh || integer.len() > 4;
    let mut grouped = String::new();
    for (idx, digit) in integer.chars().enumerate() {
        if group && idx > 0 && (integer.len() - idx) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let is_zero = text.chars().all(|c| c == '0' || c == '.');
    let sign = if value < 0.0 && !is_zero { "−" } else { "" };
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

/// [`number`] with a sign always: "+12.5", "−3.0" ("0.0" for zero).
pub fn signed_number(value: f64, decimals: usize, zh: bool) -> String {
    let text = number(value, decimals, zh);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        text
    }
}

/// Decimals that show a quantity of this size sensibly: none from 100 up,
/// one from 1, two below.
pub(crate) fn decimals_for(value: f64) -> usize {
    let value = value.abs();
    if value >= 100.0 {
        0
    } else if value >= 1.0 {
        1
    } else {
        2
    }
}

/// The fewest decimals (from `min` up to 4) at which `from` and `to` read
/// differently, so a change from 9.011 to 9.0 is not shown as "9.0 → 9.0".
pub(crate) fn decimals_to_tell_apart(from: f64, to: f64, min: usize) -> usize {
    (min..=4)
        .find(|&decimals| format!("{from:.decimals$}") != format!("{to:.decimals$}"))
        .unwrap_or(4)
}

/// An amount in 亿元 (100 million yuan): "400.0亿元" / "40 billion yuan",
/// "4.0亿元" / "400 million yuan".
///
/// ```
/// use pathways::explain::yi_yuan;
///
/// assert_eq!(yi_yuan(4.0, true), "4.0亿元");
/// assert_eq!(yi_yuan(4.0, false), "400 million yuan");
/// assert_eq!(yi_yuan(1778.3, true), "1778亿元");
/// assert_eq!(yi_yuan(1778.3, false), "177.8 billion yuan");
/// assert_eq!(yi_yuan(12346.0, false), "1,235 billion yuan");
/// ```
pub fn yi_yuan(value: f64, zh: bool) -> String {
    if zh {
        return format!("{}亿元", number(value, decimals_for(value), true));
    }
    let billions = value / 10.0;
    if billions.abs() >= 1.0 - 0.05 {
        let decimals = if billions.abs() >= 1000.0 - 0.05 {
            0
        } else {
            1
        };
        format!("{} billion yuan", number(billions, decimals, false))
    } else {
        format!("{} million yuan", number(value * 100.0, 0, false))
    }
}

/// A quantity of a projected series in running text: 亿元 amounts, 万元
/// per person, shares in percent (or, for a difference, in percentage
/// points), the lead ratio as a multiple.
pub(crate) fn quantity(series: SeriesId, value: f64, difference: bool, zh: bool) -> String {
    match series {
        SeriesId::Industry(_) | SeriesId::Traditional | SeriesId::Emerging | SeriesId::Gdp => {
            yi_yuan(value, zh)
        }
        SeriesId::Productivity => {
            if zh {
                format!("{}万元/人", number(value, 2, true))
            } else {
                let yuan = value * 10_000.0;
                format!(
                    "{} yuan per person",
                    number(yuan, if yuan.abs() >= 100.0 { 0 } else { 1 }, false)
                )
            }
        }
        SeriesId::SeiShare
        | SeriesId::HighTechShare
        | SeriesId::RdShare
        | SeriesId::EmergingSharePct => {
            let text = number(value, 2, zh);
            match (difference, zh) {
                (true, true) => format!("{text}个百分点"),
                (true, false) if text == "1.00" => "1 percentage point".to_string(),
                (true, false) => format!("{text} percentage points"),
                (false, _) => format!("{text}%"),
            }
        }
        SeriesId::LeadRatio => {
            let text = number(value, 2, zh);
            match (difference, zh) {
                (true, _) => text,
                (false, true) => format!("{text}倍"),
                (false, false) => format!("{text} times"),
            }
        }
        SeriesId::Employment => {
            if zh {
                format!("{}万人", number(value, 1, true))
            } else {
                format!("{} thousand people", number(value * 10.0, 0, false))
            }
        }
    }
}

/// The unit of a projected series for an axis: "亿元" / "100 million
/// yuan", "%", "万元/人" / "10,000 yuan per person"; empty for the lead
/// ratio, which has none.
pub fn unit_text(series: SeriesId, zh: bool) -> &'static str {
    match (series, zh) {
        (
            SeriesId::Industry(_) | SeriesId::Traditional | SeriesId::Emerging | SeriesId::Gdp,
            true,
        ) => "亿元",
        (
            SeriesId::Industry(_) | SeriesId::Traditional | SeriesId::Emerging | SeriesId::Gdp,
            false,
        ) => "100 million yuan",
        (SeriesId::Productivity, true) => "万元/人",
        (SeriesId::Productivity, false) => "10,000 yuan per person",
        (
            SeriesId::SeiShare
            | SeriesId::HighTechShare
            | SeriesId::RdShare
            | SeriesId::EmergingSharePct,
            _,
        ) => "%",
        (SeriesId::Employment, true) => "万人",
        (SeriesId::Employment, false) => "10,000 people",
        (SeriesId::LeadRatio, _) => "",
    }
}

/// "1 goal" / "3 goals".
///
/// ```
/// use pathways::explain::count_of;
///
/// assert_eq!(count_of(1, "goal", "goals"), "1 goal");
/// assert_eq!(count_of(0, "goal", "goals"), "0 goals");
/// ```
pub fn count_of(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// A list in running text: "甲、乙和丙" / "a, b and c".
///
/// ```
/// use pathways::explain::join_list;
///
/// let items = ["新材料".to_string(), "装备制造".to_string(), "医养健康".to_string()];
/// assert_eq!(join_list(&items, true), "新材料、装备制造和医养健康");
/// assert_eq!(join_list(&items[..2], false), "新材料 and 装备制造");
/// ```
pub fn join_list(items: &[String], zh: bool) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => {
            let separator = if zh { "、" } else { ", " };
            let and = if zh { "和" } else { " and " };
            format!("{}{and}{last}", init.join(separator))
        }
    }
}

/// A name from the plan inside an English sentence: the first letter
/// lower-cased unless the word is an abbreviation ("High-end chemicals" →
/// "high-end chemicals", "R&D spending" stays). English names are written
/// in ASCII letters; only those are lower-cased, so the bundle carries no
/// Unicode case tables.
pub(crate) fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second))
            if first.is_ascii_uppercase() && second.is_ascii_lowercase() =>
        {
            let mut text = String::with_capacity(name.len());
            text.push(first.to_ascii_lowercase());
            text.push_str(&name[first.len_utf8()..]);
            text
        }
        _ => name.to_string(),
    }
}

/// A probability in words: "约6成" / "62%", with the ends said carefully
/// ("9成以上", "不足1成", ">99%", "<1%").
///
/// ```
/// use pathways::explain::probability_text;
///
/// assert_eq!(probability_text(0.62, true), "约6成");
/// assert_eq!(probability_text(0.62, false), "62%");
/// assert_eq!(probability_text(0.97, true), "9成以上");
/// assert_eq!(probability_text(0.999, false), ">99%");
/// assert_eq!(probability_text(1.0, true), "10成");
/// assert_eq!(probability_text(0.0, false), "0%");
/// ```
pub fn probability_text(probability: f64, zh: bool) -> String {
    if !probability.is_finite() {
        return "—".into();
    }
    let p = probability.clamp(0.0, 1.0);
    if zh {
        if p >= 1.0 {
            "10成".into()
        } else if p <= 0.0 {
            "0成".into()
        } else if p >= 0.95 {
            "9成以上".into()
        } else if p < 0.05 {
            "不足1成".into()
        } else {
            format!("约{}成", (p * 10.0).round())
        }
    } else {
        let pct = (p * 100.0).round();
        if p > 0.0 && p < 1.0 && pct >= 100.0 {
            ">99%".into()
        } else if p > 0.0 && pct <= 0.0 {
            "<1%".into()
        } else {
            format!("{pct}%")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_groups_only_large_numbers() {
        assert_eq!(number(1778.0, 0, true), "1778");
        assert_eq!(number(12345.0, 0, true), "12,345");
        assert_eq!(number(999.96, 1, false), "1,000.0");
    }

    #[test]
    fn quantities_carry_their_units() {
        assert_eq!(
            quantity(SeriesId::Productivity, 0.4, true, true),
            "0.40万元/人"
        );
        assert_eq!(
            quantity(SeriesId::Productivity, 0.4, true, false),
            "4,000 yuan per person"
        );
        assert_eq!(quantity(SeriesId::RdShare, 0.2, true, true), "0.20个百分点");
        assert_eq!(
            quantity(SeriesId::RdShare, 1.0, true, false),
            "1 percentage point"
        );
        assert_eq!(quantity(SeriesId::RdShare, 2.5, false, false), "2.50%");
        assert_eq!(quantity(SeriesId::LeadRatio, 1.2, false, true), "1.20倍");
        assert_eq!(yi_yuan(9.96, false), "1.0 billion yuan");
        assert_eq!(yi_yuan(0.5, false), "50 million yuan");
    }

    #[test]
    fn names_read_inside_a_sentence() {
        assert_eq!(in_sentence("High-end chemicals"), "high-end chemicals");
        assert_eq!(in_sentence("R&D spending"), "R&D spending");
        assert_eq!(in_sentence("高端化工"), "高端化工");
    }

    #[test]
    fn changes_are_told_apart() {
        assert_eq!(decimals_to_tell_apart(9.0114, 9.0, 1), 2);
        assert_eq!(decimals_to_tell_apart(9.0, 6.0, 1), 1);
    }
}
