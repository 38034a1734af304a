//! Browser tests: components mounted into a fresh element in headless
//! Chromium (wasm-bindgen-test, chromedriver from Debian). Native `cargo
//! test` skips this file.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use pathways::app::components::{GrowthSlider, GrowthSliderProps, LineChart, LineChartProps};
use pathways::app::i18n::Lang;
use pathways::app::App;
use pathways::chart::{LineChartSpec, Series};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlCanvasElement, HtmlInputElement};
use yew::{AttrValue, Callback};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the document to mount one component into.
fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("append the root");
    root
}

/// Waits until `condition` holds, polling every frame or so, failing after
/// `deadline_ms`. A condition with a deadline, not a fixed sleep.
async fn wait_for(what: &str, deadline_ms: f64, condition: impl Fn() -> bool) {
    let started = pathways::web::now_ms();
    while !condition() {
        assert!(
            pathways::web::now_ms() - started < deadline_ms,
            "timed out after {deadline_ms} ms waiting for {what}"
        );
        TimeoutFuture::new(5).await;
    }
}

fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    query(root, selector)
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into::<HtmlInputElement>()
        .expect("an input element")
}

fn fire(element: &HtmlInputElement, event_type: &str) {
    let event = web_sys::Event::new_with_event_init_dict(event_type, &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("create an event");
    element.dispatch_event(&event).expect("dispatch the event");
}

#[wasm_bindgen_test]
async fn app_mounts_with_chinese_title_and_eight_sliders() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    wait_for("the eight sliders", 5_000.0, || {
        root.query_selector_all("input[type=range]")
            .map(|list| list.length())
            .unwrap_or(0)
            == 8
    })
    .await;
    let title = query(&root, "[data-testid=app-title]").and_then(|title| title.text_content());
    assert_eq!(title.as_deref(), Some("寿光新旧动能转换情景模拟器"));
    wait_for("the chart's first draw", 5_000.0, || {
        query(&root, "[data-testid=industry-chart-canvas]")
            .and_then(|canvas| canvas.get_attribute("data-draw-count"))
            .is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn growth_slider_emits_slider_and_typed_values_and_refuses_bad_text() {
    let root = fresh_root();
    let received = Rc::new(RefCell::new(Vec::<f64>::new()));
    let props = GrowthSliderProps {
        id: AttrValue::from("test"),
        label: AttrValue::from("高端化工"),
        value: 8.0,
        min: -30.0,
        max: 60.0,
        step: 0.5,
        required: Some(12.5),
        lang: Lang::Zh,
        on_change: {
            let received = received.clone();
            Callback::from(move |value| received.borrow_mut().push(value))
        },
    };
    yew::Renderer::<GrowthSlider>::with_root_and_props(root.clone(), props).render();
    wait_for("the slider", 5_000.0, || {
        query(&root, "input[type=range]").is_some()
    })
    .await;

    // The goal mark sits at (12.5 - -30) / 90 of the track.
    let mark = query(&root, "[data-testid=required-mark-test]").expect("the required-growth mark");
    assert_eq!(mark.get_attribute("style").as_deref(), Some("left: 47.22%"));

    let slider = input(&root, "input[type=range]");
    slider.set_value("10.5");
    fire(&slider, "input");
    assert_eq!(*received.borrow(), vec![10.5]);

    let field = input(&root, "[data-testid=growth-field-test]");
    field.set_value("abc");
    fire(&field, "change");
    wait_for("the inline error", 5_000.0, || {
        query(&root, "[role=alert]").is_some()
    })
    .await;
    assert_eq!(
        *received.borrow(),
        vec![10.5],
        "a bad entry changes nothing"
    );
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));

    field.set_value("12.25");
    fire(&field, "change");
    assert_eq!(
        *received.borrow(),
        vec![10.5, 12.25],
        "typed values may be finer than the step"
    );
    wait_for("the error to clear", 5_000.0, || {
        query(&root, "[role=alert]").is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn line_chart_draws_at_the_device_pixel_ratio_with_a_table() {
    let root = fresh_root();
    root.set_attribute("style", "width: 640px")
        .expect("set a width");
    let spec = Rc::new(LineChartSpec {
        years: vec![2017, 2018, 2019],
        series: vec![Series {
            label: "新材料".into(),
            values: vec![200.0, 230.0, 264.5],
            goal: Some((2019, 300.0)),
        }],
        y_label: "亿元".into(),
        x_label: "年份".into(),
    });
    let props = LineChartProps {
        spec,
        description: AttrValue::from("test chart"),
        table_summary: AttrValue::from("table"),
        first_column: AttrValue::from("产业"),
        testid: AttrValue::from("test-chart"),
        decimals: 1,
    };
    yew::Renderer::<LineChart>::with_root_and_props(root.clone(), props).render();
    wait_for("the first draw", 5_000.0, || {
        query(&root, "canvas")
            .and_then(|canvas| canvas.get_attribute("data-draw-count"))
            .as_deref()
            == Some("1")
    })
    .await;
    let canvas: HtmlCanvasElement = query(&root, "canvas")
        .expect("a canvas")
        .dyn_into()
        .expect("a canvas element");
    let ratio = pathways::web::device_pixel_ratio();
    assert_eq!(
        canvas.width(),
        (f64::from(canvas.client_width()) * ratio).round() as u32
    );
    let cells: Vec<String> = (0..3)
        .filter_map(|index| {
            root.query_selector_all("tbody td")
                .ok()?
                .item(index)?
                .text_content()
        })
        .collect();
    assert_eq!(cells, vec!["200.0", "230.0", "264.5"]);
}
