//! The simulator's views, one per tab. Each receives narrow props (shared
//! handles to the plan, scenario and derived results, and callbacks), never
//! the whole state.

mod analysis;
mod assumptions;
mod brief;
mod compare;
mod indicators;
mod industries;
mod overview;
mod overview_view;
mod present;
mod register;
mod scenario_extras;
mod scorecard;
mod share;
mod solve;
mod sources;

pub use analysis::{AnalysisView, AnalysisViewProps};
pub use assumptions::{AssumptionsPanel, AssumptionsPanelProps};
pub use brief::{brief_view, BriefViewProps};
pub use compare::{
    compared_legend, overlays, CompareView, CompareViewProps, ComparedLegendProps, ComparedSlide,
    ComparedSlideProps,
};
pub use indicators::{indicators_view, IndicatorsViewProps};
pub use industries::{industries_view, IndustriesViewProps};
pub use overview::{
    composition_panel, lead_test, summary_panel, CompositionPanelProps, SummaryPanelProps,
};
pub use overview_view::{overview_view, OverviewViewProps};
pub use present::{closing_slide, presentation_bar};
pub use register::{GoalRegister, GoalRegisterProps};
pub use scenario_extras::{
    interpretation_switches, shock_editor, InterpretationSwitchesProps, ShockEditorProps,
};
pub use scorecard::{goal_decimals, goal_marker, headline, scorecard, status_html};
pub use share::{SharePanel, SharePanelProps};
pub use solve::{SolvePanel, SolvePanelProps};
pub use sources::{data_sources, DataSourcesProps};
