//! Presentational components: each receives narrow props and callbacks,
//! never the whole state.

mod growth_slider;
mod header;
mod line_chart;

pub use growth_slider::{parse_growth, GrowthSlider, GrowthSliderProps, ParseProblem};
pub use header::Header;
pub use line_chart::{LineChart, LineChartProps};
