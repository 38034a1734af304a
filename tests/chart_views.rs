//! The simulator's views (industry panels, composition, indicators, the
//! scenario overlay, SVG export), drawn natively to SVG strings. The SVG is
//! read back element by element: a mark's shape is its tag, its colour the
//! `fill` or `stroke`, a translucent fill an `opacity` below 1.

use pathways::chart::{approximate_text_width, display_list_to_svg, DisplayList, Recorder};
use pathways::chart::{
    draw_chart, draw_line_chart, draw_line_chart_with_looks, draw_panel, emerging_share_pct,
    series_colour_css, to_svg, AnyChart, AxisStart, Band, ChartStyle, CompositionSpec, GoalMarker,
    IndicatorSpec, LineChartSpec, LineKind, PanelSpec, Series, SeriesLook, ShareStrip,
    WaterfallBar, WaterfallKind, WaterfallSpec, YearMarker, EMERGING_PALETTE_IDX,
    REQUIRED_PATH_GREY, TRADITIONAL_PALETTE_IDX,
};
use plotters::prelude::*;

// ---------------------------------------------------------------------------
// Reading the SVG back.

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

/// The value of `attribute` in one tag.
fn attribute<'a>(tag: &'a str, attribute: &str) -> Option<&'a str> {
    let key = format!(" {attribute}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// The colour as plotters writes it: upper-case hex.
fn css(palette_idx: usize) -> String {
    series_colour_css(palette_idx).to_uppercase()
}

fn opacity(tag: &str) -> f64 {
    attribute(tag, "opacity")
        .and_then(|value| value.parse().ok())
        .unwrap_or(1.0)
}

/// Filled shapes `<name>` of a colour: translucent (bands, areas) or opaque
/// (diamonds, points).
fn filled(svg: &str, name: &str, colour: &str, translucent: bool) -> usize {
    tags(svg, name)
        .into_iter()
        .filter(|tag| attribute(tag, "fill") == Some(colour) && (opacity(tag) < 1.0) == translucent)
        .count()
}

/// Line pieces in a colour: one for a solid line, many for a dashed one.
fn strokes(svg: &str, colour: &str) -> usize {
    tags(svg, "polyline")
        .into_iter()
        .filter(|tag| attribute(tag, "stroke") == Some(colour))
        .count()
}

/// The text of every `<text>` element.
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

/// A polygon's corners in pixels.
fn points(tag: &str) -> Vec<(i32, i32)> {
    attribute(tag, "points")
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|pair| {
            let (x, y) = pair.split_once(',')?;
            Some((x.parse().ok()?, y.parse().ok()?))
        })
        .collect()
}

fn svg(chart: AnyChart<'_>, size: (u32, u32)) -> String {
    to_svg(chart, size, &ChartStyle::default()).expect("drawing succeeds")
}

const PANEL: (u32, u32) = (300, 200);
const WIDE: (u32, u32) = (720, 420);

// ---------------------------------------------------------------------------
// Realistic data.

fn years() -> Vec<u16> {
    (2017..=2028).collect()
}

fn growing(base: f64, growth: f64) -> Vec<f64> {
    (0..12)
        .map(|year_idx| base * (1.0 + growth).powi(year_idx))
        .collect()
}

fn band_around(values: &[f64], spread: f64) -> Band {
    Band {
        p10: values.iter().map(|value| value * (1.0 - spread)).collect(),
        p90: values.iter().map(|value| value * (1.0 + spread)).collect(),
    }
}

fn goal(year: u16, value: f64) -> GoalMarker {
    GoalMarker {
        year,
        value,
        label: format!("{year} 目标"),
    }
}

fn panel() -> PanelSpec {
    let projection = growing(600.0, 0.1);
    PanelSpec {
        title: "高端化工".into(),
        years: years(),
        band: Some(band_around(&projection, 0.1)),
        projection,
        goals: vec![goal(2022, 1000.0), goal(2028, 1800.0)],
        actuals: vec![(2017, 600.0), (2018, 655.0)],
        y_label: "收入(亿元)".into(),
        palette_idx: 0,
        overlays: Vec::new(),
    }
}

fn composition() -> CompositionSpec {
    CompositionSpec {
        years: years(),
        traditional: growing(3000.0, 0.03),
        emerging: growing(1000.0, 0.15),
        y_label: "主营业务收入(亿元)".into(),
        x_label: "年份".into(),
        marker: Some(YearMarker {
            year: 2028,
            label: "2028 检验".into(),
        }),
        share: Some(ShareStrip {
            y_label: "新兴占比(%)".into(),
            threshold_pct: Some(50.0),
        }),
    }
}

fn indicator() -> IndicatorSpec {
    let projected: Vec<f64> = (0..12)
        .map(|year_idx| 2.3 + 0.06 * f64::from(year_idx))
        .collect();
    IndicatorSpec {
        title: "研发经费占GDP比重".into(),
        years: years(),
        required: (0..12)
            .map(|year_idx| 2.3 + 0.1 * f64::from(year_idx))
            .collect(),
        band: Some(band_around(&projected, 0.05)),
        projected,
        actuals: vec![(2017, 2.3), (2018, 2.35)],
        goal: Some(goal(2022, 2.8)),
        y_label: "占比(%)".into(),
        x_label: "年份".into(),
        palette_idx: 2,
        axis_start: AxisStart::Data,
        overlays: Vec::new(),
    }
}

// ---------------------------------------------------------------------------
// Industry panels.

#[test]
fn a_panel_carries_its_title_unit_and_last_year() {
    let drawn = svg(AnyChart::Panel(&panel()), PANEL);
    let texts = texts(&drawn);
    for expected in ["高端化工", "收入(亿元)", "2028", "2022 目标", "2028 目标"] {
        assert!(
            texts.iter().any(|text| text == expected),
            "{expected} missing in {texts:?}"
        );
    }
}

#[test]
fn the_band_is_drawn_only_when_given() {
    let colour = css(0);
    let with_band = svg(AnyChart::Panel(&panel()), PANEL);
    let without_band = svg(
        AnyChart::Panel(&PanelSpec {
            band: None,
            ..panel()
        }),
        PANEL,
    );
    assert_eq!(filled(&with_band, "polygon", &colour, true), 1);
    assert_eq!(filled(&without_band, "polygon", &colour, true), 0);
    assert_eq!(
        tags(&with_band, "polygon").len(),
        tags(&without_band, "polygon").len() + 1
    );
}

#[test]
fn a_missing_band_year_splits_the_band_instead_of_bridging_it() {
    let mut spec = panel();
    if let Some(band) = spec.band.as_mut() {
        band.p10[5] = f64::NAN;
    }
    let drawn = svg(AnyChart::Panel(&spec), PANEL);
    assert_eq!(filled(&drawn, "polygon", &css(0), true), 2);
}

#[test]
fn goals_are_filled_diamonds_one_per_finite_goal() {
    let colour = css(0);
    let diamonds = |goals: Vec<GoalMarker>| {
        let drawn = svg(AnyChart::Panel(&PanelSpec { goals, ..panel() }), PANEL);
        let diamonds: Vec<Vec<(i32, i32)>> = tags(&drawn, "polygon")
            .into_iter()
            .filter(|tag| attribute(tag, "fill") == Some(colour.as_str()) && opacity(tag) == 1.0)
            .map(points)
            .collect();
        assert!(
            diamonds.iter().all(|corners| corners.len() == 4),
            "{diamonds:?}"
        );
        diamonds.len()
    };
    assert_eq!(diamonds(vec![goal(2022, 1000.0), goal(2028, 1800.0)]), 2);
    assert_eq!(diamonds(vec![goal(2022, 1000.0), goal(2028, f64::NAN)]), 1);
    assert_eq!(diamonds(vec![]), 0);
}

#[test]
fn actuals_are_filled_circles_one_per_finite_actual() {
    let spec = PanelSpec {
        actuals: vec![
            (2017, 600.0),
            (2018, f64::NAN),
            (2019, 720.0),
            (2020, f64::INFINITY),
        ],
        ..panel()
    };
    let drawn = svg(AnyChart::Panel(&spec), PANEL);
    assert_eq!(filled(&drawn, "circle", &css(0), false), 2);
    assert_eq!(tags(&drawn, "circle").len(), 2, "nothing else is a circle");
    let without = svg(
        AnyChart::Panel(&PanelSpec {
            actuals: vec![],
            ..panel()
        }),
        PANEL,
    );
    assert_eq!(tags(&without, "circle").len(), 0);
}

#[test]
fn the_projection_is_dashed_in_the_panel_colour() {
    let spec = PanelSpec {
        palette_idx: 3,
        ..panel()
    };
    let drawn = svg(AnyChart::Panel(&spec), PANEL);
    assert!(strokes(&drawn, &css(3)) > 5, "a dashed line is many pieces");
    assert!(!drawn.contains(&css(0)), "no other palette colour");
}

#[test]
fn every_font_is_at_least_eleven_css_pixels_and_scales_with_the_device() {
    // plotters' SVG backend writes a font size of `size / 1.24`.
    let smallest = |drawn: &str| font_sizes(drawn).into_iter().fold(f64::INFINITY, f64::min);
    let at_one = svg(AnyChart::Panel(&panel()), PANEL);
    assert!(
        smallest(&at_one) * 1.24 >= 11.0 - 1e-9,
        "{}",
        smallest(&at_one) * 1.24
    );
    let double = ChartStyle {
        scale: 2.0,
        ..ChartStyle::default()
    };
    let at_two = to_svg(AnyChart::Panel(&panel()), (600, 400), &double).expect("drawing succeeds");
    assert!((smallest(&at_two) - 2.0 * smallest(&at_one)).abs() < 1e-9);
    let radius = |drawn: &str| {
        tags(drawn, "circle")
            .first()
            .and_then(|tag| attribute(tag, "r"))
            .map(str::to_owned)
    };
    assert_eq!(radius(&at_one).as_deref(), Some("4"));
    assert_eq!(radius(&at_two).as_deref(), Some("7"));
}

#[test]
fn year_labels_thin_out_on_a_narrow_panel_but_keep_the_last_year() {
    let year_labels = |size| {
        texts(&svg(AnyChart::Panel(&panel()), size))
            .into_iter()
            .filter(|text| {
                text.parse::<u16>()
                    .is_ok_and(|year| (2017..=2028).contains(&year))
            })
            .collect::<Vec<_>>()
    };
    let narrow = year_labels(PANEL);
    let wide = year_labels((900, 400));
    assert!(narrow.len() <= 5, "{narrow:?}");
    assert!(narrow.contains(&"2028".to_string()) && narrow.contains(&"2022".to_string()));
    assert_eq!(wide.len(), 12, "{wide:?}");
}

#[test]
fn changing_any_panel_value_changes_the_drawing() {
    let base = svg(AnyChart::Panel(&panel()), PANEL);
    let mut projection = panel();
    projection.projection[8] *= 1.2;
    let mut band = panel();
    if let Some(band) = band.band.as_mut() {
        band.p90[8] *= 1.2;
    }
    let mut goal = panel();
    goal.goals[0].value = 1200.0;
    let mut actual = panel();
    actual.actuals[1].1 = 700.0;
    for changed in [projection, band, goal, actual] {
        assert_ne!(svg(AnyChart::Panel(&changed), PANEL), base, "{changed:?}");
    }
}

// ---------------------------------------------------------------------------
// Composition.

#[test]
fn composition_stacks_emerging_on_traditional() {
    let drawn = svg(AnyChart::Composition(&composition()), WIDE);
    let area = |palette_idx| {
        let areas: Vec<&str> = tags(&drawn, "polygon")
            .into_iter()
            .filter(|tag| {
                attribute(tag, "fill") == Some(css(palette_idx).as_str()) && opacity(tag) < 1.0
            })
            .collect();
        assert_eq!(areas.len(), 1, "one area in colour {palette_idx}");
        points(areas[0])
    };
    let traditional = area(TRADITIONAL_PALETTE_IDX);
    let emerging = area(EMERGING_PALETTE_IDX);
    // The traditional area's top edge (its first half) is the emerging
    // area's bottom edge: the emerging area starts where traditional ends.
    let traditional_top = &traditional[..traditional.len() / 2];
    assert_eq!(traditional_top.len(), 12);
    for corner in traditional_top {
        assert!(emerging.contains(corner), "{corner:?} not shared");
    }
    let top = |corners: &[(i32, i32)]| corners.iter().map(|(_, y)| *y).min();
    assert!(top(&emerging) < top(&traditional), "emerging is on top");
}

#[test]
fn composition_shows_the_share_strip_only_when_asked() {
    let with_share = texts(&svg(AnyChart::Composition(&composition()), WIDE));
    let without_share = texts(&svg(
        AnyChart::Composition(&CompositionSpec {
            share: None,
            ..composition()
        }),
        WIDE,
    ));
    let shares = |texts: &[String]| texts.iter().filter(|text| text.ends_with('%')).count();
    assert!(with_share.contains(&"新兴占比(%)".to_string()));
    assert_eq!(shares(&with_share), 1);
    assert!(!without_share.contains(&"新兴占比(%)".to_string()));
    assert_eq!(shares(&without_share), 0);
    // The year labels are drawn once, under the lowest chart.
    let count_2020 = |texts: &[String]| texts.iter().filter(|text| *text == "2020").count();
    assert_eq!(count_2020(&with_share), 1);
    assert_eq!(count_2020(&without_share), 1);
}

#[test]
fn composition_labels_the_share_at_the_marker_year_with_one_decimal() {
    let spec = CompositionSpec {
        traditional: vec![300.0; 12],
        emerging: (0..12)
            .map(|year_idx| 100.0 + 10.0 * f64::from(year_idx))
            .collect(),
        marker: Some(YearMarker {
            year: 2022,
            label: "中期".into(),
        }),
        ..composition()
    };
    let texts = texts(&svg(AnyChart::Composition(&spec), WIDE));
    // 2022: emerging 150 of 450.
    assert!(texts.contains(&"33.3%".to_string()), "{texts:?}");
    assert!(texts.contains(&"中期".to_string()));
    let unmarked = texts_of_composition(CompositionSpec {
        marker: None,
        ..spec
    });
    // Without a marker, the last year: emerging 210 of 510.
    assert!(unmarked.contains(&"41.2%".to_string()), "{unmarked:?}");
    assert!(!unmarked.contains(&"中期".to_string()));
}

fn texts_of_composition(spec: CompositionSpec) -> Vec<String> {
    texts(&svg(AnyChart::Composition(&spec), WIDE))
}

#[test]
fn the_share_is_the_emerging_part_of_the_total() {
    let share = emerging_share_pct(
        &[300.0, 50.0, 0.0, 1.0, -1.0],
        &[100.0, 50.0, 0.0, f64::INFINITY, 1.0],
    );
    assert_eq!(&share[..2], &[25.0, 50.0]);
    assert!(share[2..].iter().all(|pct| pct.is_nan()), "{share:?}");
}

#[test]
fn changing_an_emerging_value_changes_the_composition() {
    let base = svg(AnyChart::Composition(&composition()), WIDE);
    let mut changed = composition();
    changed.emerging[11] *= 1.1;
    assert_ne!(svg(AnyChart::Composition(&changed), WIDE), base);
}

// ---------------------------------------------------------------------------
// Indicators.

#[test]
fn the_required_path_is_one_solid_grey_line_and_the_projection_is_dashed() {
    let grey = required_grey();
    let drawn = svg(AnyChart::Indicator(&indicator()), WIDE);
    assert_eq!(strokes(&drawn, &grey), 1);
    assert!(strokes(&drawn, &css(2)) > 5);
    let without = svg(
        AnyChart::Indicator(&IndicatorSpec {
            required: vec![],
            ..indicator()
        }),
        WIDE,
    );
    assert_eq!(strokes(&without, &grey), 0);
}

#[test]
fn a_missing_year_breaks_a_line_instead_of_bridging_it() {
    let grey = required_grey();
    let mut spec = indicator();
    spec.required[6] = f64::NAN;
    assert_eq!(strokes(&svg(AnyChart::Indicator(&spec), WIDE), &grey), 2);
    spec.required[7] = f64::INFINITY;
    assert_eq!(strokes(&svg(AnyChart::Indicator(&spec), WIDE), &grey), 2);
    spec.required[11] = f64::NAN;
    assert_eq!(strokes(&svg(AnyChart::Indicator(&spec), WIDE), &grey), 2);
    spec.required[9] = f64::NAN;
    // A single year between gaps is no line.
    assert_eq!(strokes(&svg(AnyChart::Indicator(&spec), WIDE), &grey), 1);
}

fn required_grey() -> String {
    let RGBColor(red, green, blue) = REQUIRED_PATH_GREY;
    format!("#{red:02X}{green:02X}{blue:02X}")
}

#[test]
fn the_indicator_draws_its_goal_band_and_actuals_only_when_given() {
    let colour = css(2);
    let full = svg(AnyChart::Indicator(&indicator()), WIDE);
    assert_eq!(
        filled(&full, "polygon", &colour, false),
        1,
        "one goal diamond"
    );
    assert_eq!(filled(&full, "polygon", &colour, true), 1, "one band");
    assert_eq!(filled(&full, "circle", &colour, false), 2, "two actuals");
    let bare = svg(
        AnyChart::Indicator(&IndicatorSpec {
            goal: None,
            band: None,
            actuals: vec![],
            ..indicator()
        }),
        WIDE,
    );
    assert_eq!(tags(&bare, "polygon").len(), 0);
    assert_eq!(tags(&bare, "circle").len(), 0);
}

#[test]
fn the_indicator_axis_starts_at_zero_unless_asked_otherwise() {
    let y_ticks = |axis_start| {
        let drawn = svg(
            AnyChart::Indicator(&IndicatorSpec {
                axis_start,
                ..indicator()
            }),
            WIDE,
        );
        texts(&drawn)
            .into_iter()
            .filter_map(|text| text.parse::<f64>().ok())
            .filter(|value| *value < 100.0)
            .collect::<Vec<f64>>()
    };
    let zero = y_ticks(AxisStart::Zero);
    let data = y_ticks(AxisStart::Data);
    assert!(zero.contains(&0.0), "{zero:?}");
    assert!(!data.contains(&0.0), "{data:?}");
    assert!(
        data.iter().all(|tick| (1.5..=4.0).contains(tick)),
        "{data:?}"
    );
}

#[test]
fn changing_the_required_path_changes_the_indicator() {
    let base = svg(AnyChart::Indicator(&indicator()), WIDE);
    let mut changed = indicator();
    changed.required[11] += 0.2;
    assert_ne!(svg(AnyChart::Indicator(&changed), WIDE), base);
}

// ---------------------------------------------------------------------------
// Scenario overlay.

fn overlay() -> LineChartSpec {
    let scenario = |label: &str, growth| Series {
        label: label.into(),
        values: growing(600.0, growth),
        goal: Some((2028, 1800.0)),
    };
    LineChartSpec {
        years: years(),
        series: vec![
            scenario("规划", 0.10),
            scenario("趋势", 0.07),
            scenario("压力", 0.04),
        ],
        y_label: "高端化工收入(亿元)".into(),
        x_label: "年份".into(),
    }
}

#[test]
fn an_overlay_series_takes_its_chosen_colour_and_line() {
    let looks = [
        SeriesLook {
            palette_idx: 5,
            line: LineKind::Solid,
        },
        SeriesLook {
            palette_idx: 6,
            line: LineKind::Dotted,
        },
    ];
    let drawn = svg(
        AnyChart::Line {
            spec: &overlay(),
            looks: &looks,
        },
        WIDE,
    );
    assert_eq!(strokes(&drawn, &css(5)), 1, "solid: one piece");
    assert!(strokes(&drawn, &css(6)) > 20, "dotted: many short pieces");
    assert!(
        strokes(&drawn, &css(2)) > 5,
        "the third series keeps its default: colour 2, dashed"
    );
    assert_eq!(strokes(&drawn, &css(0)), 0);
    assert_eq!(
        filled(&drawn, "polygon", &css(5), false),
        1,
        "goal diamonds follow the look"
    );
}

#[test]
fn dotted_lines_have_more_pieces_than_dashed_ones() {
    let pieces = |line| {
        let looks = [SeriesLook {
            palette_idx: 0,
            line,
        }];
        strokes(
            &svg(
                AnyChart::Line {
                    spec: &overlay(),
                    looks: &looks,
                },
                WIDE,
            ),
            &css(0),
        )
    };
    assert!(pieces(LineKind::Dotted) > pieces(LineKind::Dashed));
    assert!(pieces(LineKind::Dashed) > pieces(LineKind::Solid));
}

#[test]
fn without_looks_the_overlay_is_the_plain_line_chart() {
    let spec = overlay();
    let mut plain_list = DisplayList::default();
    {
        let root =
            Recorder::new(&mut plain_list, WIDE, &approximate_text_width).into_drawing_area();
        draw_line_chart(&root, &spec, &ChartStyle::default()).expect("drawing succeeds");
    }
    let plain = display_list_to_svg(&plain_list);
    let mut with_looks_list = DisplayList::default();
    {
        let root =
            Recorder::new(&mut with_looks_list, WIDE, &approximate_text_width).into_drawing_area();
        draw_line_chart_with_looks(&root, &spec, &[], &ChartStyle::default())
            .expect("drawing succeeds");
    }
    let with_looks = display_list_to_svg(&with_looks_list);
    assert_eq!(plain, with_looks);
    assert!(strokes(&plain, &css(0)) > 5 && strokes(&plain, &css(2)) > 5);
}

// ---------------------------------------------------------------------------
// Export.

#[test]
fn every_kind_exports_a_complete_svg_document() {
    let (line, panel, composition, indicator) = (overlay(), panel(), composition(), indicator());
    for chart in [
        AnyChart::Line {
            spec: &line,
            looks: &[],
        },
        AnyChart::Panel(&panel),
        AnyChart::Composition(&composition),
        AnyChart::Indicator(&indicator),
    ] {
        let drawn = svg(chart, (640, 360));
        assert!(
            drawn.starts_with("<svg width=\"640\" height=\"360\""),
            "{chart:?}"
        );
        assert!(drawn.trim_end().ends_with("</svg>"), "{chart:?}");
        assert_eq!(
            drawn.matches("<text ").count(),
            drawn.matches("</text>").count()
        );
        assert!(tags(&drawn, "polyline").len() > 1, "{chart:?} draws lines");
    }
}

#[test]
fn export_draws_what_the_drawing_function_draws() {
    let spec = panel();
    let mut direct_list = DisplayList::default();
    {
        let root =
            Recorder::new(&mut direct_list, PANEL, &approximate_text_width).into_drawing_area();
        draw_panel(&root, &spec, &ChartStyle::default()).expect("drawing succeeds");
    }
    let direct = display_list_to_svg(&direct_list);
    let mut via_any_list = DisplayList::default();
    {
        let root =
            Recorder::new(&mut via_any_list, PANEL, &approximate_text_width).into_drawing_area();
        draw_chart(&root, AnyChart::Panel(&spec), &ChartStyle::default())
            .expect("drawing succeeds");
    }
    let via_any = display_list_to_svg(&via_any_list);
    assert_eq!(direct, via_any);
    assert_eq!(svg(AnyChart::Panel(&spec), PANEL), direct);
}

// ---------------------------------------------------------------------------
// Degenerate input: never a panic, never an error from the data.

const ODD_VALUES: [f64; 6] = [
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -50.0,
    1e300,
    f64::MAX,
];

fn odd_years() -> Vec<Vec<u16>> {
    vec![
        vec![],
        vec![2017],
        vec![2017, 2017],
        vec![2028, 2017],
        vec![0, u16::MAX],
        years(),
    ]
}

fn odd_styles() -> Vec<ChartStyle> {
    [1.0, 0.0, -2.0, f64::NAN, f64::INFINITY, 3.0]
        .into_iter()
        .map(|scale| ChartStyle {
            scale,
            ..ChartStyle::default()
        })
        .collect()
}

/// Draws every chart; data must never cause an error.
fn draws(chart: AnyChart<'_>) {
    for style in odd_styles() {
        for size in [PANEL, WIDE] {
            if let Err(error) = to_svg(chart, size, &style) {
                panic!("{chart:?} at {size:?}, scale {}: {error}", style.scale);
            }
        }
    }
}

#[test]
fn degenerate_panels_draw_without_panicking() {
    draws(AnyChart::Panel(&PanelSpec::default()));
    for years in odd_years() {
        for odd in ODD_VALUES {
            let n_years = years.len();
            let spec = PanelSpec {
                title: "退化".into(),
                projection: vec![odd; n_years],
                band: Some(Band {
                    p10: vec![odd; n_years.saturating_sub(1)],
                    p90: vec![1.0; n_years + 3],
                }),
                goals: vec![goal(2022, odd), goal(1900, 5.0)],
                actuals: vec![(2017, odd), (3000, 1.0)],
                years: years.clone(),
                ..PanelSpec::default()
            };
            draws(AnyChart::Panel(&spec));
        }
    }
}

#[test]
fn degenerate_compositions_draw_without_panicking() {
    draws(AnyChart::Composition(&CompositionSpec::default()));
    for years in odd_years() {
        for odd in ODD_VALUES {
            let n_years = years.len();
            let spec = CompositionSpec {
                traditional: vec![odd; n_years],
                emerging: vec![1.0; n_years + 2],
                marker: Some(YearMarker {
                    year: 2030,
                    label: "2030".into(),
                }),
                years: years.clone(),
                ..composition()
            };
            draws(AnyChart::Composition(&spec));
            draws(AnyChart::Composition(&CompositionSpec {
                emerging: vec![odd; n_years.saturating_sub(1)],
                share: Some(ShareStrip {
                    y_label: String::new(),
                    threshold_pct: Some(odd),
                }),
                ..spec
            }));
        }
    }
}

#[test]
fn degenerate_indicators_draw_without_panicking() {
    draws(AnyChart::Indicator(&IndicatorSpec::default()));
    for years in odd_years() {
        for odd in ODD_VALUES {
            for axis_start in [AxisStart::Zero, AxisStart::Data] {
                let n_years = years.len();
                let spec = IndicatorSpec {
                    projected: vec![odd; n_years],
                    required: vec![2.0; n_years.saturating_sub(2)],
                    band: Some(Band {
                        p10: vec![odd; n_years],
                        p90: vec![odd; n_years],
                    }),
                    actuals: vec![(2017, odd)],
                    goal: Some(goal(2028, odd)),
                    years: years.clone(),
                    axis_start,
                    ..indicator()
                };
                draws(AnyChart::Indicator(&spec));
            }
        }
    }
}

#[test]
fn degenerate_overlays_draw_without_panicking() {
    for years in odd_years() {
        for odd in ODD_VALUES {
            let spec = LineChartSpec {
                series: vec![Series {
                    label: "退化".into(),
                    values: vec![odd; years.len()],
                    goal: Some((2022, odd)),
                }],
                years: years.clone(),
                ..overlay()
            };
            let looks = [SeriesLook {
                palette_idx: usize::MAX,
                line: LineKind::Dotted,
            }];
            draws(AnyChart::Line {
                spec: &spec,
                looks: &looks,
            });
        }
    }
}

#[test]
fn a_tiny_or_empty_canvas_draws_without_panicking() {
    let (panel, composition, indicator) = (panel(), composition(), indicator());
    for size in [(0, 0), (1, 1), (20, 10), (10, 400)] {
        for chart in [
            AnyChart::Panel(&panel),
            AnyChart::Composition(&composition),
            AnyChart::Indicator(&indicator),
        ] {
            // A canvas too small to hold the axes may be refused with an
            // error, but must not panic.
            let _ = to_svg(chart, size, &ChartStyle::default());
        }
    }
}

#[test]
fn compared_scenarios_are_drawn_as_dotted_overlays_only_when_given() {
    let plain = svg(AnyChart::Panel(&panel()), PANEL);
    let with_overlays = svg(
        AnyChart::Panel(&PanelSpec {
            overlays: vec![pathways::chart::Overlay {
                values: (0..12)
                    .map(|year_idx| 60.0 + 5.0 * f64::from(year_idx))
                    .collect(),
                palette_idx: 3,
            }],
            ..panel()
        }),
        PANEL,
    );
    let overlay_colour = series_colour_css(3).to_uppercase();
    assert!(!plain.contains(&overlay_colour));
    assert!(
        with_overlays.contains(&overlay_colour),
        "the overlay is drawn in its palette colour"
    );
}

#[test]
fn goal_values_are_written_beside_their_diamonds_on_either_side_until_both_are_taken() {
    let series = |label: &str, base: f64, goal: f64| Series {
        label: label.into(),
        values: growing(base, 0.05),
        goal: Some((2022, goal)),
    };
    let written = |series: Vec<Series>| {
        let spec = LineChartSpec {
            series,
            ..overlay()
        };
        texts(&svg(
            AnyChart::Line {
                spec: &spec,
                looks: &[],
            },
            WIDE,
        ))
    };
    let count = |written: &[String], text: &str| written.iter().filter(|t| *t == text).count();
    let apart = written(vec![
        series("甲", 600.0, 1000.0),
        series("乙", 100.0, 200.0),
    ]);
    // "1000" is also a tick of the value axis.
    assert_eq!(count(&apart, "1000"), 2, "{apart:?}");
    assert_eq!(count(&apart, "200"), 1, "{apart:?}");
    // Two goals a pixel apart: one value on the right, the other on the left.
    let close = written(vec![
        series("甲", 600.0, 1000.0),
        series("乙", 600.0, 1001.0),
    ]);
    assert_eq!(count(&close, "1000") - 1, 1, "{close:?}");
    assert_eq!(count(&close, "1001"), 1, "{close:?}");
    // A third a pixel from both: both sides are taken, its value is left to
    // the table.
    let crowded = written(vec![
        series("甲", 600.0, 1000.0),
        series("乙", 600.0, 1001.0),
        series("丙", 600.0, 1002.0),
    ]);
    assert_eq!(
        count(&crowded, "1000") - 1 + count(&crowded, "1001") + count(&crowded, "1002"),
        2,
        "{crowded:?}"
    );
}

#[test]
fn a_panel_too_short_for_its_unit_up_the_side_names_it_in_the_title() {
    let long_unit = PanelSpec {
        title: "High-end chemicals".into(),
        y_label: "100 million yuan (main-business revenue)".into(),
        ..panel()
    };
    // Tall enough: the unit runs up the side, the title is the industry.
    let tall = texts(&svg(AnyChart::Panel(&long_unit), (360, 420)));
    assert!(tall.contains(&"High-end chemicals".to_string()), "{tall:?}");
    assert!(tall.contains(&long_unit.y_label), "{tall:?}");
    // A phone's short panel: no unit up the side (it would run into the
    // title); the title names it, on a second line where it must.
    let short = texts(&svg(AnyChart::Panel(&long_unit), (360, 220)));
    assert!(!short.contains(&long_unit.y_label), "{short:?}");
    let title: String = short
        .iter()
        .take_while(|text| text.parse::<f64>().is_err())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        title.starts_with("High-end chemicals · 100 million yuan"),
        "{title:?}"
    );
    assert!(title.contains("revenue)"), "{title:?}");
}

#[test]
fn a_two_line_title_never_loses_the_unit_at_any_height() {
    // A title that wraps and a long unit: at every panel height the unit is
    // either up the side or named in the title, never dropped by both.
    let spec = PanelSpec {
        title: "Strategic emerging industries value added as a share of GDP".into(),
        y_label: "100 million yuan (main-business revenue)".into(),
        ..panel()
    };
    for height in (160..=520).step_by(2) {
        let drawn = texts(&svg(AnyChart::Panel(&spec), (360, height)));
        let up_the_side = drawn.contains(&spec.y_label);
        let in_title = drawn.join(" ").contains(" · 100 million yuan");
        assert!(up_the_side || in_title, "height {height}: {drawn:?}");
    }
}

#[test]
fn a_title_too_long_for_one_line_takes_two() {
    let long_title = PanelSpec {
        title: "Strategic emerging industries value added as a share of GDP".into(),
        ..panel()
    };
    let drawn = texts(&svg(AnyChart::Panel(&long_title), (360, 300)));
    assert_eq!(drawn[0], "Strategic emerging industries value added");
    assert_eq!(drawn[1], "as a share of GDP");
}

#[test]
fn a_waterfall_title_too_long_for_one_line_takes_two() {
    let spec = WaterfallSpec {
        title: "2028 new drivers lead test: emerging minus traditional revenue".into(),
        note: String::new(),
        value_label: "100 million yuan".into(),
        bars: vec![
            WaterfallBar {
                label: "New materials".into(),
                value: 700.0,
                kind: WaterfallKind::Step,
            },
            WaterfallBar {
                label: "Margin".into(),
                value: 700.0,
                kind: WaterfallKind::Total,
            },
        ],
        decimals: 1,
    };
    let drawn = texts(&svg(AnyChart::Waterfall(&spec), (360, 300)));
    assert_eq!(drawn[0], "2028 new drivers lead test: emerging minus");
    assert_eq!(drawn[1], "traditional revenue");
}
