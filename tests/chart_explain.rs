//! The waterfall and tornado charts, drawn natively to SVG and read back
//! element by element (as in `chart_views.rs`): colours by sign, totals
//! grey, value labels, rows in order, degenerate input drawn without panic.

use pathways::chart::{
    series_colour_css, to_svg, AnyChart, ChartStyle, TornadoBar, TornadoSpec, WaterfallBar,
    WaterfallKind, WaterfallSpec, TORNADO_DOWN, TORNADO_UP, WATERFALL_DOWN, WATERFALL_TOTAL,
    WATERFALL_UP,
};
use pathways::explain::{lead_test_waterfall, revenue_gap_waterfall, sensitivity, tornado_spec};
use pathways::model::{project, Plan, Scenario};
use plotters::style::RGBColor;

/// Every opening tag `<name …>` in the document.
fn tags<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    svg.match_indices(&open)
        .map(|(start, _)| {
            let end = svg[start..]
                .find('>')
                .map_or(svg.len(), |end| start + end + 1);
            &svg[start..end]
        })
        .collect()
}

fn attribute<'a>(tag: &'a str, attribute: &str) -> Option<&'a str> {
    let key = format!(" {attribute}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

fn hex(colour: RGBColor) -> String {
    let RGBColor(red, green, blue) = colour;
    format!("#{red:02X}{green:02X}{blue:02X}")
}

/// Filled rectangles of a colour, as (x, y, width, height).
fn rects(svg: &str, colour: RGBColor) -> Vec<(i32, i32, i32, i32)> {
    let colour = hex(colour);
    tags(svg, "rect")
        .into_iter()
        .filter(|tag| attribute(tag, "fill") == Some(colour.as_str()))
        .filter_map(|tag| {
            let number = |name: &str| attribute(tag, name)?.parse::<f64>().ok();
            Some((
                number("x")? as i32,
                number("y")? as i32,
                number("width")? as i32,
                number("height")? as i32,
            ))
        })
        .collect()
}

fn texts(svg: &str) -> Vec<String> {
    svg.split("<text ")
        .skip(1)
        .filter_map(|rest| {
            let content = &rest[rest.find('>')? + 1..rest.find("</text>")?];
            Some(content.trim().to_string())
        })
        .collect()
}

fn font_sizes(svg: &str) -> Vec<f64> {
    tags(svg, "text")
        .into_iter()
        .filter_map(|tag| attribute(tag, "font-size")?.parse().ok())
        .collect()
}

fn svg(chart: AnyChart<'_>, size: (u32, u32)) -> String {
    to_svg(chart, size, &ChartStyle::default()).expect("drawing succeeds")
}

const WIDE: (u32, u32) = (720, 420);

fn step(label: &str, value: f64) -> WaterfallBar {
    WaterfallBar {
        label: label.into(),
        value,
        kind: WaterfallKind::Step,
    }
}

fn waterfall() -> WaterfallSpec {
    WaterfallSpec {
        title: "2022年收入目标:各产业预测减目标".into(),
        note: "0 = 目标合计2200亿元".into(),
        value_label: "预测减目标(亿元)".into(),
        bars: vec![
            step("高端化工", -130.0),
            step("生态造纸", 12.5),
            step("新材料", 30.0),
            WaterfallBar {
                label: "合计差距".into(),
                value: -87.5,
                kind: WaterfallKind::Total,
            },
        ],
        decimals: 1,
    }
}

fn tornado() -> TornadoSpec {
    TornadoSpec {
        title: "研发投入占GDP比重(2022年)".into(),
        value_label: "2022年预测值(%)".into(),
        baseline: 2.4,
        baseline_label: "当前2.40".into(),
        target: Some(2.5),
        target_label: "目标2.50".into(),
        down_label: "假设调低一步".into(),
        up_label: "假设调高一步".into(),
        bars: vec![
            TornadoBar {
                label: "研发强度年变化 ±1个百分点".into(),
                low: 2.29,
                high: 2.53,
            },
            TornadoBar {
                label: "2018—2022年其他经济增速 ±1个百分点".into(),
                low: 2.47,
                high: 2.34,
            },
            TornadoBar {
                label: "新材料2018—2022年增速 ±1个百分点".into(),
                low: 2.37,
                high: 2.44,
            },
        ],
        decimals: 2,
    }
}

// ---------------------------------------------------------------------------
// Waterfall.

#[test]
fn waterfall_steps_are_coloured_by_sign_and_totals_grey() {
    let drawn = svg(AnyChart::Waterfall(&waterfall()), WIDE);
    assert_eq!(rects(&drawn, WATERFALL_DOWN).len(), 1);
    assert_eq!(rects(&drawn, WATERFALL_UP).len(), 2);
    assert_eq!(rects(&drawn, WATERFALL_TOTAL).len(), 1);
    let texts = texts(&drawn);
    for expected in [
        "高端化工",
        "合计差距",
        "−130.0",
        "+12.5",
        "+30.0",
        "−87.5",
        "预测减目标(亿元)",
        "0 = 目标合计2200亿元",
    ] {
        assert!(
            texts.iter().any(|text| text == expected),
            "{expected} missing in {texts:?}"
        );
    }
    // The palette colours are Okabe–Ito's, as elsewhere.
    assert_eq!(hex(WATERFALL_UP), series_colour_css(0).to_uppercase());
    assert_eq!(hex(WATERFALL_DOWN), series_colour_css(5).to_uppercase());
}

#[test]
fn each_step_starts_where_the_one_above_ended() {
    let drawn = svg(AnyChart::Waterfall(&waterfall()), WIDE);
    let down = rects(&drawn, WATERFALL_DOWN)[0];
    let ups = rects(&drawn, WATERFALL_UP);
    let total = rects(&drawn, WATERFALL_TOTAL)[0];
    // Rows go down the chart in order.
    assert!(down.1 < ups[0].1 && ups[0].1 < ups[1].1 && ups[1].1 < total.1);
    // Chemicals' step ends (left end) where paper's starts.
    assert!((down.0 - ups[0].0).abs() <= 1, "{down:?} {ups:?}");
    // The total ends where the last step ends.
    assert!(
        (total.0 - (ups[1].0 + ups[1].2)).abs() <= 1,
        "{total:?} {ups:?}"
    );
}

#[test]
fn waterfall_draws_degenerate_input_without_panic() {
    let cases = vec![
        WaterfallSpec::default(),
        WaterfallSpec {
            bars: vec![step("NaN", f64::NAN), step("inf", f64::INFINITY)],
            ..waterfall()
        },
        WaterfallSpec {
            bars: vec![step("零", 0.0), step("零", 0.0)],
            ..waterfall()
        },
        WaterfallSpec {
            bars: vec![step("huge", f64::MAX), step("tiny", -f64::MAX)],
            ..waterfall()
        },
        WaterfallSpec {
            bars: vec![step(
                "New-generation information technology and a great deal more",
                1e-300,
            )],
            ..waterfall()
        },
    ];
    for spec in &cases {
        for size in [WIDE, (300, 200), (40, 30), (1, 1)] {
            let drawn = svg(AnyChart::Waterfall(spec), size);
            assert!(drawn.starts_with("<svg"), "{spec:?}");
        }
    }
    let nan = svg(AnyChart::Waterfall(&cases[1]), WIDE);
    assert!(
        texts(&nan).iter().any(|text| text == "—"),
        "a missing value reads as a dash"
    );
}

#[test]
fn waterfall_changes_when_its_data_change() {
    let plan = Plan::shouguang_2018().expect("the plan loads");
    let defaults = pathways::model::plan_defaults(&plan);
    let mut slower = defaults.clone();
    slower.set_growth_pct(1, 0, 6.0).expect("in range");
    for build in [
        |plan: &Plan, scenario: &Scenario| {
            revenue_gap_waterfall(plan, &project(plan, scenario), true)
        },
        |plan: &Plan, scenario: &Scenario| {
            lead_test_waterfall(plan, scenario, &project(plan, scenario), false)
        },
    ] {
        let before = svg(AnyChart::Waterfall(&build(&plan, &defaults)), WIDE);
        let after = svg(AnyChart::Waterfall(&build(&plan, &slower)), WIDE);
        assert_ne!(before, after);
    }
}

// ---------------------------------------------------------------------------
// Tornado.

#[test]
fn tornado_bars_go_left_and_right_of_the_baseline() {
    let drawn = svg(AnyChart::Tornado(&tornado()), WIDE);
    let down = rects(&drawn, TORNADO_DOWN);
    let up = rects(&drawn, TORNADO_UP);
    // One bar per end and row, plus the legend swatch of each colour.
    assert_eq!(down.len(), 4);
    assert_eq!(up.len(), 4);
    // Row 1: stepping down lowers the value (bar to the left of the
    // baseline), stepping up raises it; row 2 the other way round.
    let row = |bars: &[(i32, i32, i32, i32)], idx: usize| {
        let mut bars: Vec<_> = bars.iter().skip(1).copied().collect();
        bars.sort_by_key(|bar| bar.1);
        bars[idx]
    };
    let (down_0, up_0) = (row(&down, 0), row(&up, 0));
    assert!(down_0.0 < up_0.0, "{down_0:?} {up_0:?}");
    assert_eq!(down_0.0 + down_0.2, up_0.0, "both start at the baseline");
    let (down_1, up_1) = (row(&down, 1), row(&up, 1));
    assert!(down_1.0 > up_1.0, "{down_1:?} {up_1:?}");
    // Larger effects are wider and drawn higher up.
    assert!(down_0.2 + up_0.2 > row(&down, 2).2 + row(&up, 2).2);
    let texts = texts(&drawn);
    for expected in [
        "研发强度年变化 ±1个百分点",
        "2.29",
        "2.53",
        "当前2.40",
        "目标2.50",
        "假设调低一步",
        "假设调高一步",
    ] {
        assert!(
            texts.iter().any(|text| text == expected),
            "{expected} missing in {texts:?}"
        );
    }
    assert_eq!(hex(TORNADO_UP), series_colour_css(0).to_uppercase());
    assert_eq!(hex(TORNADO_DOWN), series_colour_css(1).to_uppercase());
}

#[test]
fn tornado_draws_degenerate_input_without_panic() {
    let cases = vec![
        TornadoSpec::default(),
        TornadoSpec {
            baseline: f64::NAN,
            ..tornado()
        },
        TornadoSpec {
            target: Some(f64::INFINITY),
            bars: vec![TornadoBar {
                label: "nan".into(),
                low: f64::NAN,
                high: 3.0,
            }],
            ..tornado()
        },
        TornadoSpec {
            bars: vec![TornadoBar {
                label: "flat".into(),
                low: 2.4,
                high: 2.4,
            }],
            target: None,
            ..tornado()
        },
        TornadoSpec {
            baseline: 0.0,
            bars: vec![TornadoBar {
                label: "extreme".into(),
                low: -f64::MAX,
                high: f64::MAX,
            }],
            ..tornado()
        },
    ];
    for spec in &cases {
        for size in [WIDE, (300, 200), (40, 30), (1, 1)] {
            let drawn = svg(AnyChart::Tornado(spec), size);
            assert!(drawn.starts_with("<svg"), "{spec:?}");
        }
    }
}

#[test]
fn tornado_changes_when_its_data_change() {
    let plan = Plan::shouguang_2018().expect("the plan loads");
    let defaults = pathways::model::plan_defaults(&plan);
    let mut faster = defaults.clone();
    faster.set_growth_pct(4, 1, 16.0).expect("in range");
    let draw = |scenario: &Scenario| {
        let bars = sensitivity(&plan, scenario, "aim.2028", 2028);
        let spec = tornado_spec(&plan, scenario, "aim.2028", 2028, &bars, true);
        svg(AnyChart::Tornado(&spec), WIDE)
    };
    assert_ne!(draw(&defaults), draw(&faster));
}

#[test]
fn fonts_are_at_least_eleven_css_pixels_and_scale_with_the_device() {
    // plotters' SVG backend writes a font size of `size / 1.24`.
    for chart in [
        AnyChart::Waterfall(&waterfall()),
        AnyChart::Tornado(&tornado()),
    ] {
        let smallest = |drawn: &str| font_sizes(drawn).into_iter().fold(f64::INFINITY, f64::min);
        let at_one = svg(chart, WIDE);
        assert!(smallest(&at_one) * 1.24 >= 11.0 - 1e-9);
        let double = ChartStyle {
            scale: 2.0,
            ..ChartStyle::default()
        };
        let at_two = to_svg(chart, (1440, 840), &double).expect("drawing succeeds");
        assert!((smallest(&at_two) - 2.0 * smallest(&at_one)).abs() < 1e-9);
        // Bars scale too: the same chart at twice the pixels and scale has
        // bars twice as thick.
        let thickness = |drawn: &str| {
            [WATERFALL_UP, TORNADO_UP]
                .into_iter()
                .flat_map(|colour| rects(drawn, colour))
                .map(|(_, _, _, height)| f64::from(height))
                .fold(0.0, f64::max)
        };
        assert!(thickness(&at_one) > 0.0);
        assert!((thickness(&at_two) / thickness(&at_one) - 2.0).abs() < 0.1);
    }
}

/// The sensitivity grid (`.tornado-grid` in assets/style.css) gives each
/// tornado at least 700 CSS px where the screen has room (one per row on a
/// 1366 px laptop, 882 px wide), so that each row names its assumption in
/// full: at that width every Chinese label of the default plan's headline
/// tornados is drawn whole, with no ellipsis. At the 440 px that two
/// columns gave on that laptop, 32 of the 50 were cut, some to the same
/// words for different assumptions ("新一代信息技术2018—2022…").
#[test]
fn tornado_rows_name_their_assumption_whole_at_the_grid_width() {
    let plan = Plan::shouguang_2018().expect("the plan loads");
    let scenario = pathways::model::plan_defaults(&plan);
    let cut = |width: u32| -> Vec<String> {
        pathways::explain::headline_sensitivities(&plan, &scenario)
            .iter()
            .flat_map(|(goal_id, year, bars)| {
                let spec = tornado_spec(&plan, &scenario, goal_id, *year, bars, true);
                let drawn = svg(AnyChart::Tornado(&spec), (width, width / 2));
                texts(&drawn)
                    .into_iter()
                    .filter(|text| text.ends_with('…'))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    assert_eq!(cut(700), Vec::<String>::new());
    assert_eq!(cut(440).len(), 32, "the width that cut them");
}
