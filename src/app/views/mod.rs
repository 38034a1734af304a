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
pub use brief::{BriefView, BriefViewProps};
pub use compare::{
    overlays, CompareView, CompareViewProps, ComparedLegend, ComparedSlide, ComparedSlideProps,
};
pub use indicators::{IndicatorsView, IndicatorsViewProps};
pub use industries::{IndustriesView, IndustriesViewProps};
pub use overview::{
    CompositionPanel, CompositionPanelProps, LeadTest, LeadTestProps, SummaryPanel,
    SummaryPanelProps,
};
pub use overview_view::{OverviewView, OverviewViewProps};
pub use present::{closing_slide, presentation_bar};
pub use register::{GoalRegister, GoalRegisterProps};
pub use scenario_extras::{InterpretationSwitches, ShockEditor};
pub use scorecard::{
    goal_decimals, goal_marker, status_html, Headline, HeadlineProps, Scorecard, ScorecardProps,
};
pub use share::{SharePanel, SharePanelProps};
pub use solve::{SolvePanel, SolvePanelProps};
pub use sources::{DataSources, DataSourcesProps};
