//! The one backend: a chart recorded as a display list, with its texts
//! (title, axis labels) as primitives, written as well-formed SVG.

use pathways::chart::{
    approximate_text_width, display_list_to_svg, record, AnyChart, ChartStyle, IndicatorSpec,
    PanelSpec, Primitive, TextStyle, VAnchor,
};

fn panel() -> PanelSpec {
    let projection: Vec<f64> = (0..12).map(|idx| 600.0 * 1.1_f64.powi(idx)).collect();
    PanelSpec {
        title: "高端化工 & <新材料>".into(),
        years: (2017..=2028).collect(),
        projection,
        y_label: "收入(亿元)".into(),
        ..PanelSpec::default()
    }
}

/// A line chart over 2017–2028 of `series` (label, 2017 value growing 10 %
/// a year, 2022 goal), recorded at `size` with the default style and the
/// estimated text widths.
fn line_chart(
    series: &[(&str, f64, Option<f64>)],
    y_label: &str,
    size: (u32, u32),
) -> pathways::chart::DisplayList {
    use pathways::chart::{LineChartSpec, Series};
    let spec = LineChartSpec {
        years: (2017..=2028).collect(),
        series: series
            .iter()
            .map(|(label, base, goal)| Series {
                label: (*label).into(),
                values: (0..12).map(|idx| base * 1.1_f64.powi(idx)).collect(),
                goal: goal.map(|value| (2022, value)),
            })
            .collect(),
        y_label: y_label.into(),
        x_label: "年份".into(),
    };
    record(
        AnyChart::Line {
            spec: &spec,
            looks: &[],
        },
        size,
        &ChartStyle::default(),
        &approximate_text_width,
    )
    .expect("recording succeeds")
}

/// `spec` recorded at 600×400 with the default style and the estimated
/// text widths.
fn recorded(spec: &PanelSpec) -> pathways::chart::DisplayList {
    record(
        AnyChart::Panel(spec),
        (600, 400),
        &ChartStyle::default(),
        &approximate_text_width,
    )
    .expect("recording succeeds")
}

#[test]
fn a_display_list_holds_the_title_and_the_axis_labels_as_text() {
    let spec = panel();
    let list = recorded(&spec);
    assert_eq!(list.size, (600, 400));
    let texts: Vec<_> = list.texts().collect();
    assert!(texts.iter().any(|text| text.text == spec.title));
    assert!(
        texts.iter().any(|text| text.text.contains("20")),
        "x labels: {texts:?}"
    );
    let y_label = texts
        .iter()
        .find(|text| text.text == "收入(亿元)")
        .expect("the y axis is labelled");
    assert_eq!(y_label.rotation, 270, "the y label is rotated");
    assert!(texts
        .iter()
        .all(|text| text.size > 0.0 && text.colour.alpha > 0.0));
    assert!(list
        .items
        .iter()
        .any(|item| matches!(item, Primitive::Path { points, width, .. } if points.len() > 1 && *width >= 1)));
}

#[test]
fn the_svg_of_a_display_list_is_well_formed_and_holds_its_texts() {
    let spec = panel();
    let list = recorded(&spec);
    let svg = display_list_to_svg(&list);
    assert!(svg.starts_with("<svg width=\"600\" height=\"400\" viewBox=\"0 0 600 400\""));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<text ").count(), list.texts().count());
    assert_eq!(
        svg.matches("<text ").count(),
        svg.matches("</text>").count()
    );
    assert!(
        svg.contains("高端化工 &amp; &lt;新材料&gt;"),
        "text is escaped"
    );
    assert!(!svg.contains("<新材料>"));
    assert!(
        svg.contains("transform=\"rotate(270, "),
        "the y label turns"
    );
    // Every tag is closed: self-closing shapes, or text with its end tag.
    for line in svg.lines().filter(|line| line.starts_with('<')) {
        assert!(
            line.ends_with("/>")
                || line.starts_with("<text ")
                || line.starts_with("</")
                || line.starts_with("<svg "),
            "{line}"
        );
    }
    assert_eq!(
        svg,
        pathways::chart::to_svg(AnyChart::Panel(&spec), (600, 400), &ChartStyle::default())
            .expect("export succeeds")
    );
}

#[test]
fn text_is_measured_by_the_callers_measure_and_styled_as_drawn() {
    let spec = IndicatorSpec {
        title: "研发经费占GDP比重".into(),
        years: (2017..=2022).collect(),
        projected: vec![2.3, 2.36, 2.42, 2.48, 2.54, 2.6],
        y_label: "占比(%)".into(),
        ..IndicatorSpec::default()
    };
    let calls = std::cell::Cell::new(0);
    let measure = |font: &str, size: f64, text: &str| {
        calls.set(calls.get() + 1);
        assert!(font.contains(&format!("{size}px")), "{font}");
        approximate_text_width(font, size, text)
    };
    let style = ChartStyle {
        scale: 2.0,
        ..ChartStyle::default()
    };
    let list = record(AnyChart::Indicator(&spec), (1280, 720), &style, &measure)
        .expect("recording succeeds");
    for text in list.texts() {
        assert!(text.font_css().starts_with(text.style.css()));
        assert!(text.font_css().contains(&text.family));
        assert!(matches!(
            text.v,
            VAnchor::Top | VAnchor::Center | VAnchor::Bottom
        ));
        assert!(matches!(text.style, TextStyle::Normal | TextStyle::Bold));
    }
    assert!(list.texts().count() > 5);
}

/// A goal's label in a panel sits on a white tag drawn after the lines and
/// the band, so the dashed projection and the required path do not run
/// through its text (as the overview's goal values).
#[test]
fn a_goal_label_is_drawn_on_a_white_tag_over_the_lines() {
    use pathways::chart::GoalMarker;
    let mut spec = panel();
    spec.goals = vec![GoalMarker {
        year: 2022,
        value: 600.0 * 1.1_f64.powi(5),
        label: "目标 966".into(),
    }];
    let list = recorded(&spec);
    let label_at = list
        .items
        .iter()
        .position(|item| matches!(item, Primitive::Text(text) if text.text == "目标 966"))
        .expect("the goal is labelled");
    let last_path = list
        .items
        .iter()
        .rposition(|item| matches!(item, Primitive::Path { .. }))
        .expect("the projection is drawn");
    let Primitive::Text(label) = &list.items[label_at] else {
        unreachable!()
    };
    let tag = list.items[last_path..label_at]
        .iter()
        .find_map(|item| match item {
            Primitive::Rect {
                upper_left,
                bottom_right,
                colour,
                fill: true,
                ..
            } if colour.rgb == (255, 255, 255) && colour.alpha > 0.5 => {
                Some((*upper_left, *bottom_right))
            }
            _ => None,
        });
    let (upper_left, bottom_right) = tag.expect("a white tag between the lines and the label");
    let width = approximate_text_width(&label.family, label.size, "目标 966") as i32;
    assert!(
        upper_left.0 <= label.at.0 && label.at.0 + width <= bottom_right.0,
        "{upper_left:?}–{bottom_right:?} around {:?}",
        label.at
    );
    assert!(
        upper_left.1 < label.at.1 && label.at.1 <= bottom_right.1,
        "{upper_left:?}–{bottom_right:?} around {:?}",
        label.at
    );
}

/// Two industries with the same goal in the same year share one value on
/// the line chart, written in neutral grey: in the first series' colour it
/// sat beside the second series' diamond (drawn on top) and named the
/// wrong industry. A goal of its own keeps its series' colour.
#[test]
fn goals_of_the_same_value_share_one_grey_label() {
    use pathways::chart::PALETTE;
    let list = line_chart(
        &[
            ("智慧物流", 60.0, Some(100.0)),
            ("医养健康", 62.0, Some(100.0)),
            ("高端化工", 600.0, Some(990.0)),
        ],
        "收入(亿元)",
        (900, 500),
    );
    let labels = |text: &str| -> Vec<(u8, u8, u8)> {
        list.texts()
            .filter(|label| label.text == text)
            .map(|label| label.colour.rgb)
            .collect()
    };
    assert_eq!(labels("100"), vec![(51, 51, 51)], "one shared label, grey");
    let own = PALETTE[2];
    assert_eq!(
        labels("990"),
        vec![(own.0, own.1, own.2)],
        "its series' colour"
    );
}

/// Every goal on the line chart keeps its value when goals crowd: the
/// plan's 2022 goals of 1000, 400, 300, 200 and three of 100 on one axis,
/// at about the overview's height on a 1366×768 laptop (300 CSS px of
/// plot), where 400 and 200 were left out (on the right of their diamonds
/// their tags would have covered 300's and 100's). A value that would run
/// into another on the right goes on the left; none covers another.
#[test]
fn every_goal_keeps_its_value_when_goals_crowd() {
    let list = line_chart(
        &[
            ("品质蔬菜", 120.0, None),
            ("高端化工", 640.0, Some(1000.0)),
            ("生态造纸", 230.0, Some(300.0)),
            ("智慧物流", 60.0, Some(100.0)),
            ("新材料", 250.0, Some(400.0)),
            ("新一代信息技术", 40.0, Some(100.0)),
            ("装备制造", 130.0, Some(200.0)),
            ("医养健康", 55.0, Some(100.0)),
        ],
        "主营业务收入(亿元)",
        (880, 360),
    );
    let goals = ["1000", "400", "300", "200", "100"];
    let values: Vec<_> = list
        .texts()
        .filter(|text| goals.contains(&text.text.as_str()) && text.at.0 > 100)
        .collect();
    let mut written: Vec<&str> = values.iter().map(|text| text.text.as_str()).collect();
    written.sort_unstable();
    assert_eq!(
        written,
        ["100", "1000", "200", "300", "400"],
        "each goal's value once"
    );
    let boxes: Vec<_> = values
        .iter()
        .map(|text| {
            let width = approximate_text_width(&text.font_css(), text.size, &text.text);
            let (left, top) = (f64::from(text.at.0), f64::from(text.at.1) - text.size / 2.0);
            (text, left, left + width, top, top + text.size)
        })
        .collect();
    for (idx, (one, left, right, top, bottom)) in boxes.iter().enumerate() {
        for (other, other_left, other_right, other_top, other_bottom) in &boxes[idx + 1..] {
            let apart = right <= other_left
                || other_right <= left
                || bottom <= other_top
                || other_bottom <= top;
            assert!(
                apart,
                "{} at {:?} and {} at {:?} overlap",
                one.text, one.at, other.text, other.at
            );
        }
    }
}
