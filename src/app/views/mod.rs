//! The simulator's views, one per tab. Each receives narrow props (shared
//! handles to the plan, scenario and derived results, and callbacks), never
//! the whole state.

mod assumptions;
mod indicators;
mod industries;
mod overview;
mod register;
mod sources;

pub use assumptions::{AssumptionsPanel, AssumptionsPanelProps};
pub use indicators::{IndicatorsView, IndicatorsViewProps};
pub use industries::{IndustriesView, IndustriesViewProps};
pub use overview::{
    status_html, CompositionPanel, CompositionPanelProps, LeadTest, LeadTestProps, Scorecard,
    ScorecardProps,
};
pub use register::{GoalRegister, GoalRegisterProps};
pub use sources::{DataSources, DataSourcesProps};
