//! Chart drawing, tested natively: recorded as a display list and written
//! as SVG, the same list the browser replays on its canvas.

use pathways::chart::{approximate_text_width, display_list_to_svg, DisplayList, Recorder};
use pathways::chart::{draw_line_chart, series_colour_css, ChartStyle, LineChartSpec, Series};
use plotters::prelude::*;

fn render(spec: &LineChartSpec) -> String {
    let mut svg_list = DisplayList::default();
    {
        let root =
            Recorder::new(&mut svg_list, (800, 450), &approximate_text_width).into_drawing_area();
        draw_line_chart(&root, spec, &ChartStyle::default()).expect("drawing succeeds");
    }
    display_list_to_svg(&svg_list)
}

fn spec(series: Vec<Series>) -> LineChartSpec {
    LineChartSpec {
        years: (2017..=2028).collect(),
        series,
        y_label: "主营业务收入(亿元)".into(),
        x_label: "年份".into(),
    }
}

fn growing(label: &str, base: f64, growth: f64, goal: Option<(u16, f64)>) -> Series {
    Series {
        label: label.into(),
        values: (0..12)
            .map(|year_idx| base * (1.0 + growth).powi(year_idx))
            .collect(),
        goal,
    }
}

#[test]
fn each_series_is_drawn_in_its_own_palette_colour() {
    let svg = render(&spec(vec![
        growing("高端化工", 600.0, 0.1, Some((2022, 1000.0))),
        growing("生态造纸", 200.0, 0.05, Some((2022, 300.0))),
    ]));
    for series_idx in 0..2 {
        let colour = series_colour_css(series_idx).to_uppercase();
        assert!(
            svg.contains(&colour),
            "series {series_idx} colour {colour} missing"
        );
    }
    assert!(
        !svg.contains(&series_colour_css(2).to_uppercase()),
        "no third series"
    );
}

#[test]
fn a_goal_is_drawn_as_a_filled_diamond_and_only_when_present() {
    let with_goal = render(&spec(vec![growing(
        "新材料",
        200.0,
        0.1,
        Some((2022, 400.0)),
    )]));
    let without_goal = render(&spec(vec![growing("新材料", 200.0, 0.1, None)]));
    assert_eq!(
        with_goal.matches("<polygon").count(),
        without_goal.matches("<polygon").count() + 1
    );
}

#[test]
fn moving_a_series_changes_the_drawing() {
    let slow = render(&spec(vec![growing("装备制造", 120.0, 0.05, None)]));
    let fast = render(&spec(vec![growing("装备制造", 120.0, 0.08, None)]));
    assert_ne!(slow, fast);
}

#[test]
fn axis_labels_carry_the_unit() {
    let svg = render(&spec(vec![growing("医养健康", 50.0, 0.1, None)]));
    assert!(svg.contains("主营业务收入(亿元)"));
    assert!(svg.contains("2028"));
}

#[test]
fn degenerate_input_draws_without_panicking() {
    let empty = LineChartSpec {
        years: vec![],
        series: vec![],
        y_label: String::new(),
        x_label: String::new(),
    };
    render(&empty);
    let one_year = LineChartSpec {
        years: vec![2017],
        ..spec(vec![])
    };
    render(&one_year);
    render(&spec(vec![Series {
        label: "NaN".into(),
        values: vec![f64::NAN; 12],
        goal: Some((2022, f64::INFINITY)),
    }]));
}
