//! Presentational components: each receives narrow props and callbacks,
//! never the whole state.

mod chart_canvas;
mod data_table;
mod header;
mod input_slider;
mod line_chart;
mod number_field;
mod provenance_badge;
mod qr_code;

pub use chart_canvas::{ChartCanvas, ChartCanvasProps, ChartData};
pub use data_table::{DataRow, DataTable, DataTableProps};
pub use header::Header;
pub use input_slider::{InputSlider, InputSliderProps};
pub use line_chart::{LineChart, LineChartProps};
pub use number_field::{format_value, parse_number, NumberField, NumberFieldProps, ParseProblem};
pub use provenance_badge::{ProvenanceBadge, ProvenanceBadgeProps};
pub use qr_code::{qr_svg, QrCode, QrCodeProps};
