//! Presentational components: each receives narrow props and callbacks,
//! never the whole state.

mod chart_canvas;
mod data_table;
mod drawer;
mod header;
mod input_slider;
mod line_chart;
mod notice_bar;
mod number_field;
mod provenance_badge;
mod qr_code;
mod view_tabs;
mod when_near;

pub use chart_canvas::{ChartCanvas, ChartCanvasProps, ChartData};
pub use data_table::{data_table, track_open, DataRow, DataTableProps};
pub use drawer::{Drawer, DrawerProps};
pub use header::{header, HeaderProps};
pub use input_slider::{InputSlider, InputSliderProps};
pub use line_chart::{line_chart, LineChartProps};
pub use notice_bar::notice_bar;
pub use number_field::{format_value, parse_number, NumberField, NumberFieldProps, ParseProblem};
pub use provenance_badge::provenance_badge;
pub use qr_code::{qr_svg, QrCode, QrCodeProps};
pub use view_tabs::view_tabs;
pub use when_near::{AnyPanel, NearPanel, WhenNear, WhenNearProps};

/// A `class` attribute from class names, the empty ones left out: what
/// yew's `classes!` gives for fixed names, without building its hash set
/// (−695 B gzipped when it replaced the 24 `classes!`).
pub fn class_list(names: &[&str]) -> yew::AttrValue {
    let mut list = String::new();
    for name in names.iter().filter(|name| !name.is_empty()) {
        if !list.is_empty() {
            list.push(' ');
        }
        list.push_str(name);
    }
    list.into()
}

#[cfg(test)]
mod tests {
    use super::class_list;

    #[test]
    fn a_class_list_leaves_out_empty_names() {
        assert_eq!(class_list(&["tab", "active"]).as_str(), "tab active");
        assert_eq!(class_list(&["tab", ""]).as_str(), "tab");
        assert_eq!(class_list(&["", "x", "", "y"]).as_str(), "x y");
    }
}
