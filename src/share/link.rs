//! The link: the whole [`ShareState`] in the URL fragment, format version 1.
//!
//! # Grammar (version 1, frozen)
//!
//! ```text
//! fragment  = ""                                  ; the defaults
//!           | "1" *( "~" field ) "~" check
//! check     = 4 * ( DIGIT / ALPHA )               ; base62 of a 32-bit FNV-1a
//!                                                 ; hash of plan id + body
//! field     = list-key list | text-key text | "c" text | "C" b64
//! list-key  = "g" | "b" | "a" | "i" | "h" | "d" | "f" | "s" | "k" | "e" | "u" | "t"
//! list      = [ item *( "_" item ) ]              ; by position; an empty item
//!                                                 ; keeps the plan's default
//! item      = "" | number
//! number    = shortest round-trip decimal: 9.5, 12, -0, 4.25, 1e-7
//! text-key  = "v" | "l" | "n" | "m"               ; lower case: percent-encoded
//!           | "V" | "L" | "N" | "M"               ; upper case: base64url
//! ```
//!
//! | key | what, by position |
//! |---|---|
//! | `g` | growth % a year: industry 0 phase 0, industry 0 phase 1, industry 1 phase 0, … (plan order) |
//! | `b` `a` `i` `h` `s` | per industry: base 亿元, value-added ratio, industrial fraction, high-tech fraction, σ pp |
//! | `d` `f` | per industry: yearly rise of the high-tech fraction (pp a year), strategic-emerging fraction — added to version 1 later; a link without them keeps the plan's values, so every older link decodes as before |
//! | `k` | shocks, the whole list, as triples `year_industry_pp` (empty industry: every industry); `k` alone: no shocks |
//! | `e` | GDP base, productivity base, SEI share, high-tech share, R&D share, rest-of-economy growth ×2, employment growth, R&D intensity change |
//! | `u` | correlation, runs, seed |
//! | `t` | lead ratio, include vegetables, continue increments, continue productivity growth (booleans `0`/`1`) |
//! | `v` `l` `n` `m` | view id, language, name, note (the current scenario only) |
//! | `c` | starts a compared scenario, with its name; the list fields after it are that scenario's |
//!
//! Only what differs (bit for bit) from [`Scenario::plan_defaults`], from
//! the view `overview` and from the language `zh` is written; the default
//! state is the empty fragment. Fields come in the order above, compared
//! scenarios last; a decoder accepts them in any order but each once per
//! scenario.
//!
//! # Why this shape
//!
//! * Only unreserved URL characters (`A–Z a–z 0–9 - . _ ~`) and, in texts,
//!   `%XX`: nothing a browser, WeChat or a mail client escapes or cuts.
//!   A link never ends with `.` or `-`, which linkifiers drop.
//! * Numbers read as numbers (`g9.5_12_4.25`) and an unchanged value costs
//!   one `_`: sixteen changed growth rates take about 70 characters.
//! * Texts: percent-encoding keeps ASCII legible (`vindustries`, `len`);
//!   Chinese costs 9 characters a character that way and 4 in base64url, so
//!   the encoder writes base64url when it is shorter by more than a fifth,
//!   and whenever the
//!   text holds `~` (RFC 3986 lets a normaliser turn `%7E` back into `~`).
//! * The check code makes a link cut off in a chat ("truncated": no check
//!   code at the end) or altered ("tampered": the code does not match) an
//!   error instead of a different scenario. It is a checksum, not a
//!   signature: anyone can make a valid link, which is fine, since every
//!   decoded state is validated. Hashing the plan id too makes a link from
//!   another plan's app an error rather than values on the wrong industries.
//! * The decoder first normalises the fragment as RFC 3986 allows
//!   (`%7E` → `~`, lower-case hex → upper, raw Unicode → `%XX`), so a link
//!   that passed through a normaliser still matches its check code.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use std::fmt;

use super::{describe_problems, number, NamedScenario, ShareState};
use super::{DEFAULT_LANG, DEFAULT_VIEW};
use crate::model::field::LINK_LIST_KEYS;
use crate::model::{Field, FieldProblem, Plan, Scenario, Shock};

/// The link format this code writes. It reads every version up to this one.
pub const LINK_VERSION: u32 = 1;

const CHECK_LEN: usize = 4;
const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Why a link could not be opened. [`LinkError::message`] says it in
/// Chinese or English; `Display` is the English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not written in the link grammar.
    Malformed(Malformation),
    /// The check code at the end is missing: the link was cut off.
    Truncated,
    /// A field key version 1 does not have.
    UnknownField { key: String },
    /// Well formed, but values outside their ranges (every one named).
    OutOfRange { problems: Vec<FieldProblem> },
    /// Made by a newer version of the app.
    FutureVersion { version: String },
    /// The check code does not match: changed after it was made, damaged, or
    /// made for another plan.
    Tampered,
}

/// What exactly is malformed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Malformation {
    /// The fragment does not start with a format version number.
    NoVersion,
    /// A version no app ever wrote (`0`, or leading zeros).
    UnknownVersion { version: String },
    /// `~~`: an empty field (position counts fields from 1).
    EmptyField { position: usize },
    /// The same field twice for one scenario.
    Repeated { key: char },
    /// An item that is not what its position needs.
    NotAValue {
        key: char,
        position: usize,
        text: String,
        expected: ValueKind,
    },
    /// More items than the field has positions.
    TooManyValues { key: char, max: usize },
    /// A shock list whose length is not a multiple of three.
    IncompleteShock { key: char },
    /// A text that is not valid percent-encoding, base64url or UTF-8.
    BadText { key: char },
    /// View, language, name or note inside a compared scenario.
    OnlyForCurrent { key: char },
}

/// What an item of a list must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    Number,
    WholeNumber,
    ZeroOrOne,
}

impl LinkError {
    /// The message for the user, in Chinese (`lang_is_zh`) or English.
    ///
    /// ```
    /// use pathways::model::Plan;
    /// use pathways::share::{decode_link, LinkError};
    /// let plan = Plan::shouguang_2018().unwrap();
    /// let error = decode_link(&plan, "7~g1~abcd").unwrap_err();
    /// assert_eq!(error, LinkError::FutureVersion { version: "7".to_string() });
    /// assert!(error.message(false).contains("newer version of the app"));
    /// assert!(error.message(true).contains("更新版本"));
    /// ```
    pub fn message(&self, lang_is_zh: bool) -> String {
        match (self, lang_is_zh) {
            (LinkError::Malformed(what), true) => {
                format!("链接格式有误:{}。", what.describe(true))
            }
            (LinkError::Malformed(what), false) => {
                format!("The link is malformed: {}.", what.describe(false))
            }
            (LinkError::Truncated, true) => {
                "链接不完整,结尾缺少校验码(可能在复制或转发时被截断)。".to_string()
            }
            (LinkError::Truncated, false) => "The link is incomplete: its check code at the end is missing (it may have been cut off when copied or forwarded).".to_string(),
            (LinkError::UnknownField { key }, true) => {
                format!("链接含有本版本不认识的字段“{key}”。")
            }
            (LinkError::UnknownField { key }, false) => {
                format!("The link has a field this version does not know: “{key}”.")
            }
            (LinkError::OutOfRange { problems }, true) => {
                format!("链接中有数值超出允许范围:{}。", describe_problems(problems, true))
            }
            (LinkError::OutOfRange { problems }, false) => format!(
                "The link has values out of range: {}.",
                describe_problems(problems, false)
            ),
            (LinkError::FutureVersion { version }, true) => format!(
                "此链接由更新版本的应用生成(链接格式 {version}),本版本无法打开;请使用最新版本。"
            ),
            (LinkError::FutureVersion { version }, false) => format!(
                "This link was made by a newer version of the app (link format {version}); this version cannot open it. Please use the latest version."
            ),
            (LinkError::Tampered, true) => {
                "链接在生成后被改动或损坏(校验码不符),或属于另一份规划。".to_string()
            }
            (LinkError::Tampered, false) => "The link was changed or damaged after it was made (its check code does not match), or it belongs to another plan.".to_string(),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(false))
    }
}

impl std::error::Error for LinkError {}

fn field_name(key: char, lang_is_zh: bool) -> &'static str {
    let (zh, en) = match key.to_ascii_lowercase() {
        'g' => ("增速", "growth"),
        'b' => ("基期值", "base values"),
        'a' => ("增加值率", "value-added ratios"),
        'i' => ("工业比例", "industrial fractions"),
        'h' => ("高新技术比例", "high-tech fractions"),
        's' => ("不确定性σ", "uncertainty σ"),
        'k' => ("冲击", "shocks"),
        'e' => ("经济参数", "economy"),
        'u' => ("模拟设置", "simulation settings"),
        't' => ("量化解读", "interpretation"),
        'v' => ("视图", "view"),
        'l' => ("语言", "language"),
        'n' => ("名称", "name"),
        'm' => ("备注", "note"),
        'c' => ("对比情景", "compared scenario"),
        _ => ("?", "?"),
    };
    if lang_is_zh {
        zh
    } else {
        en
    }
}

impl Malformation {
    fn describe(&self, zh: bool) -> String {
        match self {
            Malformation::NoVersion if zh => "开头缺少格式版本号".to_string(),
            Malformation::NoVersion => "it does not start with a format version number".to_string(),
            Malformation::UnknownVersion { version } if zh => {
                format!("不存在的格式版本“{version}”")
            }
            Malformation::UnknownVersion { version } => {
                format!("there is no link format “{version}”")
            }
            Malformation::EmptyField { position } if zh => format!("第 {position} 个字段为空"),
            Malformation::EmptyField { position } => format!("field {position} is empty"),
            Malformation::Repeated { key } if zh => {
                format!("字段 {key}({})重复出现", field_name(*key, true))
            }
            Malformation::Repeated { key } => {
                format!("field {key} ({}) appears twice", field_name(*key, false))
            }
            Malformation::NotAValue {
                key,
                position,
                text,
                expected,
            } => {
                let (kind_zh, kind_en) = match expected {
                    ValueKind::Number => ("数字", "a number"),
                    ValueKind::WholeNumber => ("非负整数", "a whole number"),
                    ValueKind::ZeroOrOne => ("0 或 1", "0 or 1"),
                };
                if zh {
                    format!(
                        "字段 {key}({})第 {position} 项“{text}”应为{kind_zh}",
                        field_name(*key, true)
                    )
                } else {
                    format!(
                        "item {position} of field {key} ({}), “{text}”, should be {kind_en}",
                        field_name(*key, false)
                    )
                }
            }
            Malformation::TooManyValues { key, max } if zh => {
                format!("字段 {key}({})最多 {max} 项", field_name(*key, true))
            }
            Malformation::TooManyValues { key, max } => format!(
                "field {key} ({}) has more than {max} items",
                field_name(*key, false)
            ),
            Malformation::IncompleteShock { key } if zh => {
                format!("字段 {key}(冲击)须为“年份_产业_百分点”三项一组")
            }
            Malformation::IncompleteShock { key } => {
                format!("field {key} (shocks) must be triples year_industry_pp")
            }
            Malformation::BadText { key } if zh => {
                format!("字段 {key}({})的文字无法解码", field_name(*key, true))
            }
            Malformation::BadText { key } => format!(
                "the text of field {key} ({}) cannot be decoded",
                field_name(*key, false)
            ),
            Malformation::OnlyForCurrent { key } if zh => format!(
                "字段 {key}({})只能用于当前情景,不能用于对比情景",
                field_name(*key, true)
            ),
            Malformation::OnlyForCurrent { key } => format!(
                "field {key} ({}) belongs to the current scenario, not to a compared one",
                field_name(*key, false)
            ),
        }
    }
}

// ---------------------------------------------------------------- encoding

/// The link fragment (without `#`) of a state: empty for the defaults,
/// otherwise format version 1 with only what differs from them. Expects a
/// state that passes [`ShareState::validate`]; anything else encodes but
/// will not decode.
///
/// ```
/// use pathways::model::Plan;
/// use pathways::share::{encode_link, ShareState};
/// let plan = Plan::shouguang_2018().unwrap();
/// let mut state = ShareState::defaults(&plan);
/// assert_eq!(encode_link(&plan, &state), "");
/// state.view = "industries".to_string();
/// state.name = "化工9%".to_string();
/// // Chinese is shorter in base64url (key `N`) than percent-encoded.
/// assert!(encode_link(&plan, &state).starts_with("1~vindustries~N5YyW5belOSU~"));
/// ```
pub fn encode_link(plan: &Plan, state: &ShareState) -> String {
    encode_link_from(plan, &crate::model::plan_defaults(plan), state)
}

/// [`encode_link`] with the plan's defaults already at hand
/// (`model::plan_defaults(plan)`, which runs a goal seek per industry):
/// the app keeps them, so a slider move does not seek again.
pub fn encode_link_from(plan: &Plan, defaults: &Scenario, state: &ShareState) -> String {
    let mut fields: Vec<String> = Vec::new();
    scenario_fields(&state.scenario, defaults, &mut fields);
    if state.view != DEFAULT_VIEW {
        fields.push(text_field('v', &state.view));
    }
    if state.lang != DEFAULT_LANG {
        fields.push(text_field('l', &state.lang));
    }
    if !state.name.is_empty() {
        fields.push(text_field('n', &state.name));
    }
    if !state.note.is_empty() {
        fields.push(text_field('m', &state.note));
    }
    for named in &state.compare {
        fields.push(text_field('c', &named.name));
        scenario_fields(&named.scenario, defaults, &mut fields);
    }
    if fields.is_empty() {
        return String::new();
    }
    let body = format!("{LINK_VERSION}~{}", fields.join("~"));
    let check = check_code(plan, &body);
    format!("{body}~{check}")
}

/// The link text of a field's value.
fn field_text(field: Field, value: f64) -> String {
    if field.is_whole() && value.is_finite() && value >= 0.0 {
        format!("{value:.0}")
    } else {
        number::format_f64(value)
    }
}

/// The list fields of one scenario, keys in [`LINK_LIST_KEYS`] order (the
/// shocks between `s` and `e`), each value at its field's position
/// ([`Field::link_slot`]); only what differs bit for bit from `defaults`.
fn scenario_fields(scenario: &Scenario, defaults: &Scenario, out: &mut Vec<String>) {
    let fields = Field::for_industries(scenario.industries.len());
    for key in LINK_LIST_KEYS {
        if key == 'e' && !same_shocks(&scenario.shocks, &defaults.shocks) {
            let items: Vec<String> = scenario
                .shocks
                .iter()
                .flat_map(|shock| {
                    [
                        shock.year.to_string(),
                        shock
                            .industry
                            .map(|idx| idx.to_string())
                            .unwrap_or_default(),
                        number::format_f64(shock.pct),
                    ]
                })
                .collect();
            out.push(format!("k{}", items.join("_")));
        }
        let mut items: Vec<Option<String>> = Vec::new();
        for field in fields.iter().filter(|field| field.link_slot().0 == key) {
            let position = field.link_slot().1;
            if items.len() <= position {
                items.resize(position + 1, None);
            }
            let value = field.get(scenario);
            let same =
                field.exists_in(defaults) && field.get(defaults).to_bits() == value.to_bits();
            items[position] = (!same).then(|| field_text(*field, value));
        }
        match key {
            'u' => {
                let (seed, default_seed) = (scenario.uncertainty.seed, defaults.uncertainty.seed);
                items.push((seed != default_seed).then(|| seed.to_string()));
            }
            't' => {
                for (flag, default_flag) in interpretation_flags(scenario)
                    .into_iter()
                    .zip(interpretation_flags(defaults))
                {
                    items.push((flag != default_flag).then(|| u8::from(flag).to_string()));
                }
            }
            _ => {}
        }
        push_list(out, key, items);
    }
}

/// How many values a list field holds for a plan with `n_industries`
/// industries: its fields, plus the seed (`u`) and the three switches (`t`).
fn list_len(key: char, n_industries: usize) -> usize {
    let fields = Field::for_industries(n_industries)
        .into_iter()
        .filter(|field| field.link_slot().0 == key)
        .count();
    fields
        + match key {
            'u' => 1,
            't' => 3,
            _ => 0,
        }
}

fn interpretation_flags(scenario: &Scenario) -> [bool; 3] {
    let interpretation = &scenario.interpretation;
    [
        interpretation.include_vegetables,
        interpretation.continue_increments,
        interpretation.continue_productivity_growth,
    ]
}

fn push_list(out: &mut Vec<String>, key: char, mut items: Vec<Option<String>>) {
    while items.last().is_some_and(Option::is_none) {
        items.pop();
    }
    if items.is_empty() {
        return;
    }
    let items: Vec<String> = items.into_iter().map(Option::unwrap_or_default).collect();
    out.push(format!("{key}{}", items.join("_")));
}

fn same_shocks(a: &[Shock], b: &[Shock]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.year == y.year && x.industry == y.industry && x.pct.to_bits() == y.pct.to_bits()
        })
}

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

fn push_percent(out: &mut String, byte: u8) {
    out.push('%');
    out.push(char::from(HEX[usize::from(byte >> 4)]));
    out.push(char::from(HEX[usize::from(byte & 15)]));
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// `key` + the text percent-encoded, or the upper-case key + base64url when
/// that is shorter by more than a fifth (legible ASCII wins a near tie) or
/// the text holds `~`.
fn text_field(key: char, text: &str) -> String {
    let base64 = URL_SAFE_NO_PAD.encode(text.as_bytes());
    if !text.contains('~') {
        let mut percent = String::with_capacity(text.len());
        for byte in text.bytes() {
            if is_unreserved(byte) {
                percent.push(char::from(byte));
            } else {
                push_percent(&mut percent, byte);
            }
        }
        if percent.len() * 4 <= base64.len() * 5 {
            return format!("{key}{percent}");
        }
    }
    format!("{}{base64}", key.to_ascii_uppercase())
}

/// The link of a hand-made body (`"1~g9.5_12~len"`): the body normalised as
/// [`decode_link`] normalises a fragment, then `~` and its check code. The
/// code is a checksum, not a signature, so this gives nothing away; it is
/// for tools and tests that build or alter links field by field (the fuzz
/// test re-signs its mutated bodies with it, so they reach the field parser
/// instead of stopping at the check code). What the body says is still
/// parsed and validated like any other link's.
///
/// ```
/// use pathways::model::Plan;
/// use pathways::share::{decode_link, LinkError};
/// use pathways::share::link::sign_link_body;
/// let plan = Plan::shouguang_2018().unwrap();
/// assert_eq!(sign_link_body(&plan, "1~g9.5_12~len"), "1~g9.5_12~len~5hS3");
/// let edited = sign_link_body(&plan, "1~g99.5_12~len");
/// // Past the check code and the field parser, 99.5 % a year is out of range.
/// assert!(matches!(decode_link(&plan, &edited), Err(LinkError::OutOfRange { .. })));
/// ```
pub fn sign_link_body(plan: &Plan, body: &str) -> String {
    let body = normalize(body);
    let check = check_code(plan, &body);
    format!("{body}~{check}")
}

/// FNV-1a (32 bits) of the plan id, a zero byte and the body, as four base62
/// digits.
fn check_code(plan: &Plan, body: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in plan.id.bytes().chain([0]).chain(body.bytes()) {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    let mut value = hash % 62u32.pow(CHECK_LEN as u32);
    let mut digits = [b'0'; CHECK_LEN];
    for digit in digits.iter_mut().rev() {
        *digit = BASE62[(value % 62) as usize];
        value /= 62;
    }
    digits.iter().map(|&digit| char::from(digit)).collect()
}

// ---------------------------------------------------------------- decoding

/// Reads a link fragment (with or without the leading `#`). The empty
/// fragment is the defaults. Any problem is an error that names it; the
/// result is always a whole state that passes [`ShareState::validate`],
/// never a partly applied one, and this never panics.
///
/// ```
/// use pathways::model::Plan;
/// use pathways::share::{decode_link, LinkError, ShareState};
/// let plan = Plan::shouguang_2018().unwrap();
/// let state = decode_link(&plan, "#1~g9.5_12~len~5hS3").unwrap();
/// assert_eq!(state.scenario.industries[0].growth_pct, [9.5, 12.0]);
/// assert_eq!(state.lang, "en");
/// // Cut off in a chat: the check code is gone.
/// assert_eq!(decode_link(&plan, "1~g9.5_12~le"), Err(LinkError::Truncated));
/// // Edited by hand: 9.5 became 99.5.
/// assert_eq!(decode_link(&plan, "1~g99.5_12~len~5hS3"), Err(LinkError::Tampered));
/// ```
pub fn decode_link(plan: &Plan, fragment: &str) -> Result<ShareState, LinkError> {
    let trimmed = fragment.trim();
    let trimmed = trimmed.strip_prefix('#').unwrap_or(trimmed);
    let normalized = normalize(trimmed);
    if normalized.is_empty() {
        return Ok(ShareState::defaults(plan));
    }
    let (version, rest) = match normalized.split_once('~') {
        Some((version, rest)) => (version, Some(rest)),
        None => (normalized.as_str(), None),
    };
    check_version(version)?;
    if rest.is_none() {
        return Err(LinkError::Truncated);
    }
    let (body, check) = normalized.rsplit_once('~').ok_or(LinkError::Truncated)?;
    if check.len() != CHECK_LEN || !check.bytes().all(|byte| byte.is_ascii_alphanumeric()) {
        return Err(LinkError::Truncated);
    }
    if check_code(plan, body) != check {
        return Err(LinkError::Tampered);
    }
    let state = parse_fields(plan, body.split('~').skip(1))?;
    state
        .validate(plan)
        .map_err(|problems| LinkError::OutOfRange { problems })?;
    Ok(state)
}

fn check_version(version: &str) -> Result<(), LinkError> {
    if version.is_empty() || !version.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(LinkError::Malformed(Malformation::NoVersion));
    }
    if version == "1" {
        return Ok(());
    }
    let significant = version.trim_start_matches('0');
    let newer = significant.len() > 1 || significant.bytes().next().is_some_and(|b| b > b'1');
    if newer && !version.starts_with('0') {
        Err(LinkError::FutureVersion {
            version: version.to_string(),
        })
    } else {
        Err(LinkError::Malformed(Malformation::UnknownVersion {
            version: version.to_string(),
        }))
    }
}

/// RFC 3986 normalisation to unreserved characters and upper-case `%XX`:
/// escapes of unreserved characters are decoded, everything else (raw
/// Unicode, spaces, a lone `%`) is percent-encoded as UTF-8.
fn normalize(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len());
    let mut idx = 0;
    while let Some(&byte) = bytes.get(idx) {
        let escaped = match (bytes.get(idx + 1), bytes.get(idx + 2)) {
            (Some(&high), Some(&low)) if byte == b'%' => hex_value(high)
                .zip(hex_value(low))
                .map(|(high, low)| high * 16 + low),
            _ => None,
        };
        if let Some(value) = escaped {
            if is_unreserved(value) {
                out.push(char::from(value));
            } else {
                push_percent(&mut out, value);
            }
            idx += 3;
        } else {
            if is_unreserved(byte) {
                out.push(char::from(byte));
            } else {
                push_percent(&mut out, byte);
            }
            idx += 1;
        }
    }
    out
}

fn hex_value(byte: u8) -> Option<u8> {
    char::from(byte)
        .to_digit(16)
        .and_then(|digit| u8::try_from(digit).ok())
}

/// Decodes a normalised percent-encoded text (only unreserved characters and
/// `%XX` occur after [`normalize`]).
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut idx = 0;
    while let Some(&byte) = bytes.get(idx) {
        if byte == b'%' {
            let high = hex_value(*bytes.get(idx + 1)?)?;
            let low = hex_value(*bytes.get(idx + 2)?)?;
            out.push(high * 16 + low);
            idx += 3;
        } else {
            out.push(byte);
            idx += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn decode_text(key: char, value: &str) -> Result<String, LinkError> {
    let decoded = if key.is_ascii_uppercase() {
        URL_SAFE_NO_PAD
            .decode(value)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
    } else {
        percent_decode(value)
    };
    decoded.ok_or(LinkError::Malformed(Malformation::BadText { key }))
}

fn parse_fields<'a>(
    plan: &Plan,
    fields: impl Iterator<Item = &'a str>,
) -> Result<ShareState, LinkError> {
    let mut state = ShareState::defaults(plan);
    let defaults = state.scenario.clone();
    // Keys seen in the current scenario's section, one bit per letter.
    let mut seen: u32 = 0;
    for (field_idx, field) in fields.enumerate() {
        let mut chars = field.chars();
        let Some(key) = chars.next() else {
            return Err(LinkError::Malformed(Malformation::EmptyField {
                position: field_idx + 1,
            }));
        };
        let value = chars.as_str();
        let unknown = || LinkError::UnknownField {
            key: key.to_string(),
        };
        if !key.is_ascii_alphabetic() {
            return Err(unknown());
        }
        let lower = key.to_ascii_lowercase();
        if lower == 'c' {
            state.compare.push(NamedScenario {
                name: decode_text(key, value)?,
                scenario: defaults.clone(),
            });
            seen = 0;
            continue;
        }
        let bit = 1u32 << (u32::from(lower) - u32::from('a'));
        if seen & bit != 0 {
            return Err(LinkError::Malformed(Malformation::Repeated { key: lower }));
        }
        seen |= bit;
        let in_compare = !state.compare.is_empty();
        match lower {
            'v' | 'l' | 'n' | 'm' => {
                if in_compare {
                    return Err(LinkError::Malformed(Malformation::OnlyForCurrent {
                        key: lower,
                    }));
                }
                let text = decode_text(key, value)?;
                match lower {
                    'v' => state.view = text,
                    'l' => state.lang = text,
                    'n' => state.name = text,
                    _ => state.note = text,
                }
            }
            _ if key.is_ascii_uppercase() => return Err(unknown()),
            _ => {
                let scenario = match state.compare.last_mut() {
                    Some(named) => &mut named.scenario,
                    None => &mut state.scenario,
                };
                if !apply_list(plan, scenario, key, value)? {
                    return Err(unknown());
                }
            }
        }
    }
    Ok(state)
}

fn items(key: char, value: &str, max: usize) -> Result<Vec<&str>, LinkError> {
    let items: Vec<&str> = if value.is_empty() {
        Vec::new()
    } else {
        value.split('_').collect()
    };
    if items.len() > max {
        return Err(LinkError::Malformed(Malformation::TooManyValues {
            key,
            max,
        }));
    }
    Ok(items)
}

fn not_a_value(key: char, position: usize, text: &str, expected: ValueKind) -> LinkError {
    LinkError::Malformed(Malformation::NotAValue {
        key,
        position: position + 1,
        text: text.to_string(),
        expected,
    })
}

fn float_item(key: char, position: usize, text: &str) -> Result<f64, LinkError> {
    number::parse_f64(text).ok_or_else(|| not_a_value(key, position, text, ValueKind::Number))
}

fn whole_item<T: std::str::FromStr>(
    key: char,
    position: usize,
    text: &str,
) -> Result<T, LinkError> {
    number::parse_unsigned(text)
        .ok_or_else(|| not_a_value(key, position, text, ValueKind::WholeNumber))
}

/// Applies one list field to a scenario; `Ok(false)` if the key is not a
/// list field.
fn apply_list(
    plan: &Plan,
    scenario: &mut Scenario,
    key: char,
    value: &str,
) -> Result<bool, LinkError> {
    let n_industries = plan.industries.len();
    if key == 'k' {
        let items = items(key, value, usize::MAX)?;
        if items.len() % 3 != 0 {
            return Err(LinkError::Malformed(Malformation::IncompleteShock { key }));
        }
        let mut shocks = Vec::with_capacity(items.len() / 3);
        for (triple_idx, triple) in items.chunks(3).enumerate() {
            let position = triple_idx * 3;
            let [year, industry, pct] = triple else {
                return Err(LinkError::Malformed(Malformation::IncompleteShock { key }));
            };
            shocks.push(Shock {
                year: whole_item(key, position, year)?,
                industry: if industry.is_empty() {
                    None
                } else {
                    Some(whole_item(key, position + 1, industry)?)
                },
                pct: float_item(key, position + 2, pct)?,
            });
        }
        scenario.shocks = shocks;
        return Ok(true);
    }
    if !LINK_LIST_KEYS.contains(&key) {
        return Ok(false);
    }
    let max = list_len(key, n_industries);
    for (position, text) in items(key, value, max)?.into_iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        match Field::at_link_slot(key, position, n_industries) {
            Some(field) if field.is_whole() => {
                let whole: u32 = whole_item(key, position, text)?;
                field.set(scenario, f64::from(whole));
            }
            Some(field) => {
                let number = float_item(key, position, text)?;
                field.set(scenario, number);
            }
            None if key == 'u' => scenario.uncertainty.seed = whole_item(key, position, text)?,
            None if key == 't' => {
                let flag = match text {
                    "0" => false,
                    "1" => true,
                    _ => return Err(not_a_value(key, position, text, ValueKind::ZeroOrOne)),
                };
                let interpretation = &mut scenario.interpretation;
                match position {
                    1 => interpretation.include_vegetables = flag,
                    2 => interpretation.continue_increments = flag,
                    _ => interpretation.continue_productivity_growth = flag,
                }
            }
            None => {}
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_keeps_a_link_and_undoes_what_normalisers_do() {
        assert_eq!(normalize("1~g9.5_12~nA%2Fb~xY9z"), "1~g9.5_12~nA%2Fb~xY9z");
        assert_eq!(normalize("1%7eg9.5%5F12~nA%2fb"), "1~g9.5_12~nA%2Fb");
        assert_eq!(normalize("n寿 %"), "n%E5%AF%BF%20%25");
    }

    #[test]
    fn versions() {
        assert_eq!(check_version("1"), Ok(()));
        for future in ["2", "10", "99999999999999999999"] {
            assert!(matches!(
                check_version(future),
                Err(LinkError::FutureVersion { .. })
            ));
        }
        for unknown in ["0", "01", "00"] {
            assert!(matches!(
                check_version(unknown),
                Err(LinkError::Malformed(Malformation::UnknownVersion { .. }))
            ));
        }
        for none in ["", "v1", "g9"] {
            assert_eq!(
                check_version(none),
                Err(LinkError::Malformed(Malformation::NoVersion))
            );
        }
    }
}
