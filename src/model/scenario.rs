//! The user's assumptions: growth per industry per phase, one-year shocks,
//! the economy links, uncertainty and the 2028 interpretation.
//!
//! Ranges are in [`super::bounds`], each field is described in
//! [`super::field`], and validation is in [`super::validate`].
//! [`Scenario::validate`] reports every value that is non-finite or out of
//! range, naming the field and the range.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::plan::{Group, Plan};

/// Assumptions for one industry, in the plan's industry order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndustryAssumptions {
    /// Base-year revenue (output value for vegetables), 亿元.
    pub base_yi_yuan: f64,
    /// Growth in phase 1 (2018–2022) and phase 2 (2023–2028), % per year.
    pub growth_pct: [f64; 2],
    /// Value added per yuan of revenue.
    pub value_added_ratio: f64,
    /// Share of revenue that is above-scale industrial output.
    pub industrial_fraction: f64,
    /// Share of the industrial part that is high-tech output, base year.
    pub high_tech_fraction: f64,
    /// Yearly change of the high-tech fraction, percentage points a year
    /// (upgrading within the industry; the fraction stays within 0..=1).
    pub high_tech_upgrade_pp: f64,
    /// Share of the value added that counts as strategic emerging industry.
    pub sei_fraction: f64,
}

/// A one-year shock: `pct` percentage points added to the growth of one
/// industry (or of every industry when `industry` is `None`) in `year`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shock {
    pub year: u16,
    pub industry: Option<usize>,
    pub pct: f64,
}

/// Economy-wide assumptions that link the industries to GDP and the four
/// indicators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EconomyAssumptions {
    pub gdp_base_yi_yuan: f64,
    pub productivity_base_wan_yuan: f64,
    pub sei_share_base_pct: f64,
    pub high_tech_share_base_pct: f64,
    pub rd_share_base_pct: f64,
    /// Nominal growth of GDP outside the eight industries, per phase.
    pub rest_of_economy_growth_pct: [f64; 2],
    pub employment_growth_pct: f64,
    pub rd_intensity_change_pct: f64,
}

/// Monte Carlo settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Uncertainty {
    /// Per industry: standard deviation of its average growth rate in each
    /// phase, percentage points.
    pub sigma_pp: Vec<f64>,
    /// Correlation between industries' deviations, through a common shock.
    pub correlation: f64,
    pub runs: u32,
    pub seed: u64,
}

/// How the plan's qualitative 2028 aim is quantified (an interpretation).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interpretation {
    /// Emerging revenue must be at least this multiple of traditional revenue.
    pub emerging_to_traditional_min_ratio: f64,
    /// Count industries measured by output value (vegetables) in the test.
    pub include_vegetables: bool,
    /// Continue the per-year indicator increments to 2028.
    pub continue_increments: bool,
    /// Continue the 2017–2022 productivity goal pace to 2028.
    pub continue_productivity_growth: bool,
}

/// The user's assumptions. Serialize, compare and clone freely; call
/// [`Scenario::validate`] on anything that came from outside.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    pub industries: Vec<IndustryAssumptions>,
    pub shocks: Vec<Shock>,
    pub economy: EconomyAssumptions,
    pub uncertainty: Uncertainty,
    pub interpretation: Interpretation,
}

pub use super::plan::FieldProblem;

/// Every bad value of a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    pub problems: Vec<FieldProblem>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (idx, problem) in self.problems.iter().enumerate() {
            if idx > 0 {
                f.write_str("; ")?;
            }
            write!(
                f,
                "{} = {} is not allowed (allowed: {})",
                problem.field, problem.value, problem.allowed.en
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

impl Scenario {
    /// One industry's growth in one phase, % per year; 0.0 for an index that
    /// does not exist.
    pub fn growth_pct(&self, industry_idx: usize, phase: usize) -> f64 {
        self.industries
            .get(industry_idx)
            .and_then(|industry| industry.growth_pct.get(phase))
            .copied()
            .unwrap_or(0.0)
    }

    /// The shock in percentage points added to an industry's growth in a year
    /// (the sum of all shocks that apply).
    pub fn shock_pp(&self, industry_idx: usize, year: u16) -> f64 {
        self.shocks
            .iter()
            .filter(|shock| {
                shock.year == year && shock.industry.is_none_or(|idx| idx == industry_idx)
            })
            .map(|shock| shock.pct)
            .sum()
    }

    /// Whether the industry at `industry_idx` counts in the 2028 lead test.
    pub(crate) fn counts_in_lead_test(&self, plan: &Plan, industry_idx: usize) -> bool {
        plan.industries.get(industry_idx).is_some_and(|industry| {
            industry.measure == super::plan::Measure::Revenue
                || self.interpretation.include_vegetables
        })
    }

    /// The group of an industry, defaulting to traditional for a bad index.
    pub(crate) fn group_of(plan: &Plan, industry_idx: usize) -> Group {
        plan.industries
            .get(industry_idx)
            .map_or(Group::Traditional, |industry| industry.group)
    }
}
