//! Browser tests: components mounted into a fresh element in headless
//! Chromium (wasm-bindgen-test, chromedriver from Debian). Native `cargo
//! test` skips this file.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use pathways::app::components::{line_chart, InputSlider, InputSliderProps, LineChartProps};

/// The line chart is a plain function in the app; mounted alone it needs a
/// component around it.
#[yew::function_component(LineChart)]
fn line_chart_host(props: &LineChartProps) -> yew::Html {
    line_chart(props)
}
use pathways::app::i18n::Lang;
use pathways::app::App;
use pathways::chart::{LineChartSpec, Series};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;
use yew::{AttrValue, Callback};

wasm_bindgen_test_configure!(run_in_browser);

mod browser_support;
use browser_support::{fire, fresh_root, input_at, query, wait_for};

#[wasm_bindgen_test]
async fn app_mounts_with_chinese_title_and_eight_sliders() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    let n_growth_sliders = || {
        root.query_selector_all(
            "input[type=range][data-testid^='slider-growth-'][data-testid$='-0']",
        )
        .map(|list| list.length())
        .unwrap_or(0)
    };
    wait_for("the growth sliders", 15_000.0, || n_growth_sliders() > 0).await;
    assert_eq!(
        n_growth_sliders(),
        8,
        "one 2018–2022 growth slider per industry"
    );
    let title = query(&root, "[data-testid=app-title]").and_then(|title| title.text_content());
    assert_eq!(title.as_deref(), Some("寿光新旧动能转换情景模拟器"));
    // A chart draws when it is near the screen: earlier tests' roots stay
    // in the page above this one.
    let canvas = || query(&root, "[data-testid=industry-chart-canvas]");
    wait_for("the chart", 5_000.0, || canvas().is_some()).await;
    if let Some(canvas) = canvas() {
        canvas.scroll_into_view();
    }
    wait_for("the chart's first draw", 5_000.0, || {
        canvas()
            .and_then(|canvas| canvas.get_attribute("data-draw-count"))
            .is_some()
    })
    .await;
}

#[wasm_bindgen_test]
async fn input_slider_emits_slider_and_typed_values_and_refuses_bad_text() {
    let root = fresh_root();
    let received = Rc::new(RefCell::new(Vec::<f64>::new()));
    let seeks = Rc::new(RefCell::new(0));
    let locks = Rc::new(RefCell::new(0));
    let props = InputSliderProps {
        id: AttrValue::from("test"),
        label: AttrValue::from("高端化工"),
        unit: AttrValue::from("%/年"),
        value: 8.0,
        slider_min: -10.0,
        slider_max: 30.0,
        step: 0.5,
        min: -30.0,
        max: 60.0,
        decimals: 1,
        lang: Lang::Zh,
        on_change: {
            let received = received.clone();
            Callback::from(move |value| received.borrow_mut().push(value))
        },
        on_reset: None,
        changed: false,
        mark: Some(12.5),
        note: None,
        on_seek: Some({
            let seeks = seeks.clone();
            Callback::from(move |_| *seeks.borrow_mut() += 1)
        }),
        badge: None,
        refusal: None,
        locked: Some(false),
        on_lock: Some({
            let locks = locks.clone();
            Callback::from(move |_| *locks.borrow_mut() += 1)
        }),
    };
    yew::Renderer::<InputSlider>::with_root_and_props(root.clone(), props).render();
    wait_for("the slider", 5_000.0, || {
        query(&root, "input[type=range]").is_some()
    })
    .await;

    // The goal mark sits at (12.5 - -10) / 40 of the track.
    let mark = query(&root, "[data-testid=mark-test]").expect("the required-growth mark");
    assert_eq!(mark.get_attribute("style").as_deref(), Some("left: 56.25%"));

    let slider = input_at(&root, "input[type=range]");
    slider.set_value("10.5");
    fire(&slider, "input");
    assert_eq!(*received.borrow(), vec![10.5]);

    let field = input_at(&root, "[data-testid=field-test]");
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

    field.set_value("45.25");
    fire(&field, "change");
    assert_eq!(
        *received.borrow(),
        vec![10.5, 45.25],
        "typed values may be finer than the step and beyond the slider's range"
    );
    wait_for("the error to clear", 5_000.0, || {
        query(&root, "[role=alert]").is_none()
    })
    .await;

    let seek: web_sys::HtmlElement = query(&root, "[data-testid=seek-test]")
        .expect("a goal-seek button")
        .dyn_into()
        .expect("a button");
    seek.click();
    assert_eq!(*seeks.borrow(), 1);
    // The lock is a button that says its state and asks to toggle it.
    let lock: web_sys::HtmlElement = query(&root, "[data-testid=lock-test]")
        .expect("a lock button")
        .dyn_into()
        .expect("a button");
    assert_eq!(lock.get_attribute("aria-pressed").as_deref(), Some("false"));
    lock.click();
    assert_eq!(*locks.borrow(), 1);
    assert!(
        query(&root, "[data-testid=reset-test]").is_none(),
        "no reset while unchanged"
    );
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
        export_name: Some(AttrValue::from("test-export")),
        lang: Lang::En,
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
    // The table is built only once its disclosure opens.
    assert!(
        query(&root, "tbody td").is_none(),
        "a closed table has no cells"
    );
    query(&root, "details")
        .expect("the table's disclosure")
        .set_attribute("open", "")
        .expect("open it");
    wait_for("the table", 5_000.0, || query(&root, "tbody td").is_some()).await;
    let cells: Vec<String> = (0..3)
        .filter_map(|index| {
            root.query_selector_all("tbody td")
                .ok()?
                .item(index)?
                .text_content()
        })
        .collect();
    assert_eq!(cells, vec!["200.0", "230.0", "264.5"]);
    let export_labels: Vec<String> = (0..2)
        .filter_map(|index| {
            root.query_selector_all(".chart-export button")
                .ok()?
                .item(index)?
                .text_content()
        })
        .collect();
    assert_eq!(export_labels, vec!["Download PNG", "Download SVG"]);
}

/// A panel for `WhenNear`: the number it was given.
#[derive(PartialEq)]
struct Count(u32);

impl pathways::app::components::NearPanel for Count {
    fn view(&self) -> yew::Html {
        yew::html! { <section data-testid="count">{ self.0 }</section> }
    }
}

/// A fresh root styled with `style` (a padding that puts what mounts
/// below it off screen) and the element to mount into, after the padding.
fn padded_mount(style: &str) -> (web_sys::Element, web_sys::Element) {
    let root = fresh_root();
    root.set_attribute("style", style).expect("style the root");
    let mount = gloo::utils::document()
        .create_element("div")
        .expect("a div");
    root.append_child(&mount).expect("append");
    (root, mount)
}

/// Resolves at the next animation frame.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves after the tasks already queued (yew renders in a microtask).
async fn settle() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

/// Resolves once the intersection observer has reported a scroll or a new
/// watch (it does after the next frame) and yew has handled the report.
async fn sight_reported() {
    next_frame().await;
    next_frame().await;
    settle().await;
}

#[wasm_bindgen_test]
async fn a_panel_out_of_sight_holds_its_view_until_near_rested_or_printing() {
    use pathways::app::components::{WhenNear, WhenNearProps};
    let props = |count: u32| WhenNearProps {
        panel: Rc::new(Count(count)),
    };
    let (root, mount) = padded_mount("padding-top: 400vh");
    let shown = || {
        query(&mount, "[data-testid=count]")
            .and_then(|panel| panel.text_content())
            .unwrap_or_default()
    };
    let mut handle =
        yew::Renderer::<WhenNear>::with_root_and_props(mount.clone(), props(0)).render();
    // The first render is whole, wherever the panel is.
    wait_for("the first render", 5_000.0, || shown() == "0").await;
    sight_reported().await;

    // Out of sight, new props are held…
    handle.update(props(1));
    settle().await;
    assert_eq!(shown(), "0", "held while out of sight");
    // …and shown once the inputs rest.
    wait_for("the catch-up after a rest", 5_000.0, || shown() == "1").await;

    // Props changing every frame never rest; brought into sight, the
    // panel follows them.
    for count in 2..12 {
        handle.update(props(count));
        if count == 4 {
            let panel = query(&mount, "[data-testid=count]").expect("the panel");
            panel.scroll_into_view();
        }
        next_frame().await;
        next_frame().await;
    }
    assert_eq!(shown(), "11", "in sight, every change shows");

    // Just below the screen, within the margin: a change shows after the
    // frame that follows it, not in its own task.
    let window = gloo::utils::window();
    let height = window
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(800.0);
    let panel = query(&mount, "[data-testid=count]").expect("the panel");
    let top = panel.get_bounding_client_rect().top() + window.scroll_y().unwrap_or(0.0);
    window.scroll_to_with_x_and_y(0.0, top - height * 1.1);
    sight_reported().await;
    handle.update(props(12));
    settle().await;
    assert_eq!(
        shown(),
        "11",
        "near but off screen: not in the change's task"
    );
    next_frame().await;
    next_frame().await;
    settle().await;
    assert_eq!(shown(), "12", "near but off screen: shown after the frame");

    // Out of sight again: a change is held, and shown before a print.
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    sight_reported().await;
    handle.update(props(20));
    settle().await;
    assert_eq!(shown(), "12", "held again out of sight");
    let before_print = web_sys::Event::new("beforeprint").expect("an event");
    gloo::utils::window()
        .dispatch_event(&before_print)
        .expect("dispatch");
    settle().await;
    assert_eq!(shown(), "20", "shown before the print");
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_chart_near_the_screen_redraws_after_the_frame_and_one_on_it_at_once() {
    let props = |last: f64| LineChartProps {
        spec: Rc::new(LineChartSpec {
            years: vec![2017, 2018, 2019],
            series: vec![Series {
                label: "新材料".into(),
                values: vec![200.0, 230.0, last],
                goal: None,
            }],
            y_label: "亿元".into(),
            x_label: "年份".into(),
        }),
        description: AttrValue::from("test chart"),
        table_summary: AttrValue::from("table"),
        first_column: AttrValue::from("产业"),
        testid: AttrValue::from("near-chart"),
        decimals: 1,
        export_name: None,
        lang: Lang::Zh,
    };
    // Below the screen, within half a viewport of it: near, not on it
    // (earlier tests' roots stay in the page above this one).
    let (root, mount) = padded_mount("width: 640px; padding-top: 120vh");
    root.scroll_into_view();
    let draws = || {
        query(&mount, "canvas")
            .and_then(|canvas| canvas.get_attribute("data-draw-count"))
            .unwrap_or_default()
    };
    let mut handle =
        yew::Renderer::<LineChart>::with_root_and_props(mount.clone(), props(250.0)).render();
    wait_for("the first draw", 5_000.0, || draws() == "1").await;
    sight_reported().await;

    handle.update(props(260.0));
    settle().await;
    assert_eq!(
        draws(),
        "1",
        "near but off screen: not drawn in the change's task"
    );
    next_frame().await;
    next_frame().await;
    settle().await;
    assert_eq!(draws(), "2", "drawn after the next frame");

    query(&mount, "canvas")
        .expect("the canvas")
        .scroll_into_view();
    sight_reported().await;
    handle.update(props(270.0));
    settle().await;
    assert_eq!(draws(), "3", "on screen: drawn in the change's task");
    handle.destroy();
    root.remove();
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
}
