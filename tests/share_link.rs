//! The link format: round trip on valid states, the length bar, the frozen
//! v1 fixtures, and a clear error (never a panic) for every broken link.

#![cfg(not(target_arch = "wasm32"))]

mod share_support;

use expect_test::{expect, Expect};
use pathways::share::{decode_link, encode_link, parse_decimal, LinkError, ShareState};
use proptest::prelude::*;
use share_support::{all_growth_changed, fixture_state, runner, share_state, PLAN};

const LINKS_V1: &str = include_str!("fixtures/links-v1.txt");

#[test]
fn decode_inverts_encode_on_valid_states() {
    let result = runner(400).run(&share_state(), |state| {
        state.validate(&PLAN).map_err(|problems| {
            proptest::test_runner::TestCaseError::reject(format!("{problems:?}"))
        })?;
        let link = encode_link(&PLAN, &state);
        let decoded = decode_link(&PLAN, &link);
        proptest::prop_assert_eq!(decoded.as_ref(), Ok(&state), "link {}", link);
        // Bit for bit, not just ==: -0.0 and 0.0 are equal but differ.
        if let Ok(decoded) = decoded {
            let bits = |s: &ShareState| {
                s.scenario
                    .industries
                    .iter()
                    .flat_map(|industry| industry.growth_pct)
                    .map(f64::to_bits)
                    .collect::<Vec<_>>()
            };
            proptest::prop_assert_eq!(bits(&decoded), bits(&state));
            // Canonical: encoding the decoded state gives the same link.
            proptest::prop_assert_eq!(encode_link(&PLAN, &decoded), link);
        }
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

#[test]
fn sixteen_changed_growth_rates_fit_in_a_short_link() {
    let state = all_growth_changed();
    let link = encode_link(&PLAN, &state);
    println!(
        "all 16 growth rates changed: {} characters: #{link}",
        link.len()
    );
    assert!(link.len() <= 100, "{} characters: {link}", link.len());
    assert_eq!(link.len(), 62);
    // Only URL-unreserved characters: nothing to percent-escape.
    assert!(link
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b)));
    assert_eq!(decode_link(&PLAN, &link), Ok(state));
}

#[test]
fn the_default_state_is_the_empty_fragment() {
    let defaults = ShareState::defaults(&PLAN);
    assert_eq!(encode_link(&PLAN, &defaults), "");
    for empty in ["", "#", "  ", "#\n"] {
        assert_eq!(decode_link(&PLAN, empty).as_ref(), Ok(&defaults));
    }
}

/// Every frozen v1 link keeps decoding to its state, forever.
#[test]
fn frozen_v1_links_keep_decoding() {
    let mut n_checked = 0;
    for line in LINKS_V1.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (name, link) = line.split_once('\t').unwrap_or((line, ""));
        let expected =
            fixture_state(name).unwrap_or_else(|| panic!("no expected state for fixture {name}"));
        assert_eq!(
            decode_link(&PLAN, link),
            Ok(expected),
            "fixture {name}: {link}"
        );
        n_checked += 1;
    }
    assert_eq!(n_checked, 10);
}

/// The encoder still writes the first link of each name (a change here is a
/// new format version, not an edit of this one).
#[test]
fn the_encoder_writes_the_frozen_links() {
    let mut seen = std::collections::HashSet::new();
    for line in LINKS_V1.lines().filter(|line| !line.starts_with('#')) {
        let (name, link) = line.split_once('\t').unwrap_or((line, ""));
        if seen.insert(name) {
            let state = fixture_state(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(encode_link(&PLAN, &state), link, "fixture {name}");
        }
    }
    assert_eq!(seen.len(), 6);
}

fn check(link: &str, expect: Expect) {
    let shown = match decode_link(&PLAN, link) {
        Ok(_) => "decoded".to_string(),
        Err(error) => format!(
            "{error:?}\nen: {}\nzh: {}",
            error.message(false),
            error.message(true)
        ),
    };
    expect.assert_eq(&shown);
}

#[test]
fn a_link_cut_off_in_a_chat_is_truncated() {
    let link = encode_link(&PLAN, &all_growth_changed());
    for cut in 1..link.len() {
        let error = decode_link(&PLAN, &link[..cut]);
        assert!(
            matches!(error, Err(LinkError::Truncated | LinkError::Tampered)),
            "{}: {error:?}",
            &link[..cut]
        );
    }
    check(
        "1~g5.5_4_9.5_8_4.25_3_12_10_10_9.5",
        expect![[r#"
            Truncated
            en: The link is incomplete: its check code at the end is missing (it may have been cut off when copied or forwarded).
            zh: 链接不完整,结尾缺少校验码(可能在复制或转发时被截断)。"#]],
    );
    check(
        "1",
        expect![[r#"
            Truncated
            en: The link is incomplete: its check code at the end is missing (it may have been cut off when copied or forwarded).
            zh: 链接不完整,结尾缺少校验码(可能在复制或转发时被截断)。"#]],
    );
}

#[test]
fn an_edited_link_is_tampered() {
    check(
        "1~g__7~len~sESt",
        expect![[r#"
            Tampered
            en: The link was changed or damaged after it was made (its check code does not match), or it belongs to another plan.
            zh: 链接在生成后被改动或损坏(校验码不符),或属于另一份规划。"#]],
    );
}

#[test]
fn a_link_from_a_newer_app_says_so() {
    check(
        "2~whatever-v2-looks-like~abcd",
        expect![[r#"
            FutureVersion { version: "2" }
            en: This link was made by a newer version of the app (link format 2); this version cannot open it. Please use the latest version.
            zh: 此链接由更新版本的应用生成(链接格式 2),本版本无法打开;请使用最新版本。"#]],
    );
}

#[test]
fn garbage_is_malformed() {
    check(
        "overview",
        expect![[r#"
            Malformed(NoVersion)
            en: The link is malformed: it does not start with a format version number.
            zh: 链接格式有误:开头缺少格式版本号。"#]],
    );
    check(
        "0~g1~abcd",
        expect![[r#"
            Malformed(UnknownVersion { version: "0" })
            en: The link is malformed: there is no link format “0”.
            zh: 链接格式有误:不存在的格式版本“0”。"#]],
    );
    check(
        "<script>alert(1)</script>",
        expect![[r#"
            Malformed(NoVersion)
            en: The link is malformed: it does not start with a format version number.
            zh: 链接格式有误:开头缺少格式版本号。"#]],
    );
}

/// Links with a valid check code but a bad body: what a buggy or hostile
/// encoder could produce. The check codes are computed by the independent
/// FNV-1a implementation in `check_code` below.
#[test]
fn well_checked_but_wrong_links_name_the_problem() {
    let signed = |body: &str| format!("{body}~{}", check_code(body));
    check(
        &signed("1~g9.5_1x"),
        expect![[r#"
            Malformed(NotAValue { key: 'g', position: 2, text: "1x", expected: Number })
            en: The link is malformed: item 2 of field g (growth), “1x”, should be a number.
            zh: 链接格式有误:字段 g(增速)第 2 项“1x”应为数字。"#]],
    );
    check(
        &signed("1~g99_inf"),
        expect![[r#"
            Malformed(NotAValue { key: 'g', position: 2, text: "inf", expected: Number })
            en: The link is malformed: item 2 of field g (growth), “inf”, should be a number.
            zh: 链接格式有误:字段 g(增速)第 2 项“inf”应为数字。"#]],
    );
    check(
        &signed("1~g99_1e999"),
        expect![[r#"
            OutOfRange { problems: [FieldProblem { field: "scenario.industries[0].growth_pct[0]", value: "99", allowed: Text { zh: "-30 至 60", en: "-30..=60" } }, FieldProblem { field: "scenario.industries[0].growth_pct[1]", value: "inf", allowed: Text { zh: "-30 至 60", en: "-30..=60" } }] }
            en: The link has values out of range: scenario.industries[0].growth_pct[0] = 99 (allowed: -30..=60); scenario.industries[0].growth_pct[1] = inf (allowed: -30..=60).
            zh: 链接中有数值超出允许范围:scenario.industries[0].growth_pct[0] = 99(允许范围:-30 至 60);scenario.industries[0].growth_pct[1] = inf(允许范围:-30 至 60)。"#]],
    );
    check(
        &signed("1~g1_2_3_4_5_6_7_8_9_10_11_12_13_14_15_16_17"),
        expect![[r#"
            Malformed(TooManyValues { key: 'g', max: 16 })
            en: The link is malformed: field g (growth) has more than 16 items.
            zh: 链接格式有误:字段 g(增速)最多 16 项。"#]],
    );
    check(
        &signed("1~z1"),
        expect![[r#"
            UnknownField { key: "z" }
            en: The link has a field this version does not know: “z”.
            zh: 链接含有本版本不认识的字段“z”。"#]],
    );
    check(
        &signed("1~g1~g2"),
        expect![[r#"
            Malformed(Repeated { key: 'g' })
            en: The link is malformed: field g (growth) appears twice.
            zh: 链接格式有误:字段 g(增速)重复出现。"#]],
    );
    check(
        &signed("1~k2020_1"),
        expect![[r#"
            Malformed(IncompleteShock { key: 'k' })
            en: The link is malformed: field k (shocks) must be triples year_industry_pp.
            zh: 链接格式有误:字段 k(冲击)须为“年份_产业_百分点”三项一组。"#]],
    );
    check(
        &signed("1~k2016_9_5"),
        expect![[r#"
            OutOfRange { problems: [FieldProblem { field: "scenario.shocks[0].year", value: "2016", allowed: Text { zh: "2018—2028 年", en: "2018..=2028" } }, FieldProblem { field: "scenario.shocks[0].industry", value: "9", allowed: Text { zh: "小于 8 的产业序号,或留空表示全部产业", en: "an industry index below 8, or none for all" } }] }
            en: The link has values out of range: scenario.shocks[0].year = 2016 (allowed: 2018..=2028); scenario.shocks[0].industry = 9 (allowed: an industry index below 8, or none for all).
            zh: 链接中有数值超出允许范围:scenario.shocks[0].year = 2016(允许范围:2018—2028 年);scenario.shocks[0].industry = 9(允许范围:小于 8 的产业序号,或留空表示全部产业)。"#]],
    );
    check(
        &signed("1~t_2"),
        expect![[r#"
            Malformed(NotAValue { key: 't', position: 2, text: "2", expected: ZeroOrOne })
            en: The link is malformed: item 2 of field t (interpretation), “2”, should be 0 or 1.
            zh: 链接格式有误:字段 t(量化解读)第 2 项“2”应为0 或 1。"#]],
    );
    check(
        &signed("1~u_-5"),
        expect![[r#"
            Malformed(NotAValue { key: 'u', position: 2, text: "-5", expected: WholeNumber })
            en: The link is malformed: item 2 of field u (simulation settings), “-5”, should be a whole number.
            zh: 链接格式有误:字段 u(模拟设置)第 2 项“-5”应为非负整数。"#]],
    );
    check(
        &signed("1~nA%FF"),
        expect![[r#"
            Malformed(BadText { key: 'n' })
            en: The link is malformed: the text of field n (name) cannot be decoded.
            zh: 链接格式有误:字段 n(名称)的文字无法解码。"#]],
    );
    check(
        &signed("1~cA~len"),
        expect![[r#"
            Malformed(OnlyForCurrent { key: 'l' })
            en: The link is malformed: field l (language) belongs to the current scenario, not to a compared one.
            zh: 链接格式有误:字段 l(语言)只能用于当前情景,不能用于对比情景。"#]],
    );
    check(
        &signed("1~c1~c2~c3~c4~c5"),
        expect![[r#"
            OutOfRange { problems: [FieldProblem { field: "compare", value: "5 scenarios", allowed: Text { zh: "0 至 4 个", en: "0..=4" } }] }
            en: The link has values out of range: compare = 5 scenarios (allowed: 0..=4).
            zh: 链接中有数值超出允许范围:compare = 5 scenarios(允许范围:0 至 4 个)。"#]],
    );
    check(
        &signed("1~g1~~len"),
        expect![[r#"
            Malformed(EmptyField { position: 2 })
            en: The link is malformed: field 2 is empty.
            zh: 链接格式有误:第 2 个字段为空。"#]],
    );
    check(
        &signed("1~e1"),
        expect![[r#"
            OutOfRange { problems: [FieldProblem { field: "scenario.economy.gdp_base_yi_yuan", value: "1", allowed: Text { zh: "不低于各产业基年增加值之和 346.4(Σ 基数 × 增加值率)", en: "at least the industries' base-year value added, 346.4 (Σ base × value-added ratio)" } }] }
            en: The link has values out of range: scenario.economy.gdp_base_yi_yuan = 1 (allowed: at least the industries' base-year value added, 346.4 (Σ base × value-added ratio)).
            zh: 链接中有数值超出允许范围:scenario.economy.gdp_base_yi_yuan = 1(允许范围:不低于各产业基年增加值之和 346.4(Σ 基数 × 增加值率))。"#]],
    );
    // A link made for another plan fails its check code.
    assert_eq!(
        decode_link(
            &PLAN,
            &format!("1~g1~{}", check_code_for("another-plan", "1~g1"))
        ),
        Err(LinkError::Tampered)
    );
}

/// An independent implementation of the v1 check code (FNV-1a, 32 bits, of
/// plan id, NUL, body; four base62 digits), so the format is written down
/// twice.
fn check_code_for(plan_id: &str, body: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in plan_id.bytes().chain([0]).chain(body.bytes()) {
        hash = (hash ^ u32::from(byte)).wrapping_mul(16_777_619);
    }
    let digits = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut value = hash % 14_776_336;
    let mut out = [0u8; 4];
    for slot in out.iter_mut().rev() {
        *slot = digits[(value % 62) as usize];
        value /= 62;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn check_code(body: &str) -> String {
    check_code_for(&PLAN.id, body)
}

/// The link's (and the exact fields') number reader, `parse_decimal`, gives
/// the standard library's `f64::from_str` answer to the bit, for any text
/// of the characters a number is made of, long and extreme numbers, and
/// every float written shortest; with `plus` false, a text with a `+` is
/// refused.
#[test]
fn numbers_read_as_the_standard_library_reads_them() {
    fn both(text: &str, plus: bool) -> Result<(), TestCaseError> {
        let std_reading = if !plus && text.contains('+') {
            None
        } else {
            text.parse::<f64>().ok().map(f64::to_bits)
        };
        prop_assert_eq!(
            parse_decimal(text, plus).map(f64::to_bits),
            std_reading,
            "{:?}",
            text
        );
        Ok(())
    }
    let cases: [(&str, u32); 3] = [
        ("[-+]?[0-9]{0,4}[.]?[0-9]{0,4}([eE][-+]?[0-9]{0,3})?", 2000),
        ("[-+.eE0-9]{0,10}", 2000),
        ("-?[0-9]{1,30}(\\.[0-9]{1,30})?(e-?[0-9]{1,4})?", 1000),
    ];
    for (pattern, n) in cases {
        let result = runner(n).run(&(pattern, any::<bool>()), |(text, plus)| both(&text, plus));
        if let Err(error) = result {
            panic!("{error}");
        }
    }
    let result = runner(2000).run(&any::<u64>(), |bits| {
        let value = f64::from_bits(bits);
        if value.is_finite() {
            both(&format!("{value}"), false)?;
            both(&format!("{value:e}"), false)?;
        }
        Ok(())
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}
