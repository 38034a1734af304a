//! The user's assumptions: growth per industry per phase, one-year shocks,
//! the economy links, uncertainty and the 2028 interpretation.
//!
//! Every numeric input has its allowed range as a named constant here.
//! [`Scenario::validate`] reports every value that is non-finite or out of
//! range, naming the field and the range.

use std::fmt;
use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use super::plan::{Group, Plan};

/// Growth of an industry or of the rest of the economy, percent per year.
pub const GROWTH_PCT: RangeInclusive<f64> = -30.0..=60.0;
/// A one-year shock, percentage points added to that year's growth.
pub const SHOCK_PCT: RangeInclusive<f64> = -50.0..=50.0;
/// Base-year revenue or output value of an industry, 亿元.
pub const BASE_YI_YUAN: RangeInclusive<f64> = 0.01..=100_000.0;
/// Base-year GDP, 亿元.
pub const GDP_YI_YUAN: RangeInclusive<f64> = 1.0..=1_000_000.0;
/// Base-year labour productivity, 万元 per person.
pub const PRODUCTIVITY_WAN_YUAN: RangeInclusive<f64> = 0.1..=1_000.0;
/// A share in percent.
pub const SHARE_PCT: RangeInclusive<f64> = 0.0..=100.0;
/// A ratio or fraction between 0 and 1.
pub const RATIO: RangeInclusive<f64> = 0.0..=1.0;
/// Employment growth, percent per year.
pub const EMPLOYMENT_GROWTH_PCT: RangeInclusive<f64> = -10.0..=10.0;
/// Yearly change of R&D per yuan of high-tech revenue, percent.
pub const RD_INTENSITY_CHANGE_PCT: RangeInclusive<f64> = -20.0..=20.0;
/// Uncertainty of an industry's average growth rate in a phase, pp.
pub const SIGMA_PP: RangeInclusive<f64> = 0.0..=30.0;
/// Correlation of the industries' shocks through the common shock.
pub const CORRELATION: RangeInclusive<f64> = 0.0..=1.0;
/// Number of Monte Carlo runs.
pub const RUNS: RangeInclusive<u32> = 1..=100_000;
/// The 2028 test's minimum ratio of emerging to traditional revenue.
pub const LEAD_RATIO: RangeInclusive<f64> = 0.1..=10.0;
/// The "close" tolerance of goal evaluation, percent of the target.
pub const CLOSE_TOLERANCE_PCT: RangeInclusive<f64> = 0.0..=50.0;
/// At most this many one-year shocks.
pub const MAX_SHOCKS: usize = 64;
/// The smallest growth factor of one year (a fall of at most 99 %), so that
/// stacked shocks or random draws never make a level negative.
pub const GROWTH_FACTOR_FLOOR: f64 = 0.01;

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
    /// Share of the industrial part that is high-tech output.
    pub high_tech_fraction: f64,
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

/// One bad value: which field, what it was, what is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    pub value: String,
    pub allowed: String,
}

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
                problem.field, problem.value, problem.allowed
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}

struct Checker {
    problems: Vec<FieldProblem>,
}

impl Checker {
    fn range(&mut self, field: impl Into<String>, value: f64, range: &RangeInclusive<f64>) {
        if !value.is_finite() || !range.contains(&value) {
            self.problems.push(FieldProblem {
                field: field.into(),
                value: format!("{value}"),
                allowed: format!("{}..={}", range.start(), range.end()),
            });
        }
    }

    fn other(
        &mut self,
        field: impl Into<String>,
        value: impl fmt::Display,
        allowed: impl Into<String>,
    ) {
        self.problems.push(FieldProblem {
            field: field.into(),
            value: value.to_string(),
            allowed: allowed.into(),
        });
    }
}

impl Scenario {
    /// The scenario the app opens with: the plan's default preset ("plan
    /// pace": every 2022 revenue goal exactly met, by goal seek) on top of
    /// the plan's default assumptions.
    ///
    /// ```
    /// use pathways::model::{Plan, Scenario};
    /// let plan = Plan::shouguang_2018().unwrap();
    /// let scenario = Scenario::plan_defaults(&plan);
    /// assert!(scenario.validate(&plan).is_ok());
    /// ```
    pub fn plan_defaults(plan: &Plan) -> Scenario {
        match super::presets::apply_preset(plan, &plan.default_preset) {
            Some(scenario) => scenario,
            None => Scenario::from_plan_values(plan),
        }
    }

    /// The plan's default assumptions with zero growth and no shocks: the
    /// starting point the presets fill in.
    pub fn from_plan_values(plan: &Plan) -> Scenario {
        let economy = &plan.economy;
        Scenario {
            industries: plan
                .industries
                .iter()
                .map(|industry| IndustryAssumptions {
                    base_yi_yuan: industry.base_value.value,
                    growth_pct: [0.0, 0.0],
                    value_added_ratio: industry.value_added_ratio.value,
                    industrial_fraction: industry.industrial_fraction.value,
                    high_tech_fraction: industry.high_tech_fraction.value,
                })
                .collect(),
            shocks: Vec::new(),
            economy: EconomyAssumptions {
                gdp_base_yi_yuan: economy.gdp_base_yi_yuan.value,
                productivity_base_wan_yuan: economy.productivity_base_wan_yuan.value,
                sei_share_base_pct: economy.sei_share_base_pct.value,
                high_tech_share_base_pct: economy.high_tech_share_base_pct.value,
                rd_share_base_pct: economy.rd_share_base_pct.value,
                rest_of_economy_growth_pct: [
                    economy.rest_of_economy_growth_pct[0].value,
                    economy.rest_of_economy_growth_pct[1].value,
                ],
                employment_growth_pct: economy.employment_growth_pct.value,
                rd_intensity_change_pct: economy.rd_intensity_change_pct.value,
            },
            uncertainty: Uncertainty {
                sigma_pp: plan
                    .industries
                    .iter()
                    .map(|industry| industry.sigma_pp.value)
                    .collect(),
                correlation: plan.uncertainty.correlation.value,
                runs: plan.uncertainty.runs,
                seed: plan.uncertainty.seed,
            },
            interpretation: Interpretation {
                emerging_to_traditional_min_ratio: plan
                    .interpretation
                    .emerging_to_traditional_min_ratio,
                include_vegetables: plan.interpretation.include_vegetables,
                continue_increments: plan.interpretation.continue_increments,
                continue_productivity_growth: plan.interpretation.continue_productivity_growth,
            },
        }
    }

    /// Sets one industry's growth in one phase (0 = 2018–2022, 1 = 2023–2028).
    /// A non-finite or out-of-range rate, or a bad index, is an error naming
    /// the field; the scenario is then unchanged.
    pub fn set_growth_pct(
        &mut self,
        industry_idx: usize,
        phase: usize,
        growth_pct: f64,
    ) -> Result<(), ScenarioError> {
        let mut checker = Checker {
            problems: Vec::new(),
        };
        let field = format!("industries[{industry_idx}].growth_pct[{phase}]");
        if phase > 1 {
            checker.other(&field, phase, "phase 0 or 1");
        } else if industry_idx >= self.industries.len() {
            checker.other(
                &field,
                industry_idx,
                format!("industry index below {}", self.industries.len()),
            );
        } else {
            checker.range(&field, growth_pct, &GROWTH_PCT);
        }
        if !checker.problems.is_empty() {
            return Err(ScenarioError {
                problems: checker.problems,
            });
        }
        self.industries[industry_idx].growth_pct[phase] = growth_pct;
        Ok(())
    }

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

    /// Checks every value against its range and the plan's shape; the error
    /// names each bad field and its allowed range.
    pub fn validate(&self, plan: &Plan) -> Result<(), ScenarioError> {
        let mut checker = Checker {
            problems: Vec::new(),
        };
        let n_industries = plan.industries.len();
        if self.industries.len() != n_industries {
            checker.other(
                "industries",
                format!("{} entries", self.industries.len()),
                format!("exactly {n_industries}, one per industry of the plan"),
            );
        }
        for (idx, industry) in self.industries.iter().enumerate() {
            let path = format!("industries[{idx}]");
            checker.range(
                format!("{path}.base_yi_yuan"),
                industry.base_yi_yuan,
                &BASE_YI_YUAN,
            );
            for (phase, growth_pct) in industry.growth_pct.iter().enumerate() {
                checker.range(
                    format!("{path}.growth_pct[{phase}]"),
                    *growth_pct,
                    &GROWTH_PCT,
                );
            }
            checker.range(
                format!("{path}.value_added_ratio"),
                industry.value_added_ratio,
                &RATIO,
            );
            checker.range(
                format!("{path}.industrial_fraction"),
                industry.industrial_fraction,
                &RATIO,
            );
            checker.range(
                format!("{path}.high_tech_fraction"),
                industry.high_tech_fraction,
                &RATIO,
            );
        }
        if self.shocks.len() > MAX_SHOCKS {
            checker.other(
                "shocks",
                format!("{} shocks", self.shocks.len()),
                format!("at most {MAX_SHOCKS}"),
            );
        }
        let first_year = plan.base_year().saturating_add(1);
        for (idx, shock) in self.shocks.iter().enumerate() {
            let path = format!("shocks[{idx}]");
            if !(first_year..=plan.end_year()).contains(&shock.year) {
                checker.other(
                    format!("{path}.year"),
                    shock.year,
                    format!("{first_year}..={}", plan.end_year()),
                );
            }
            if let Some(industry_idx) = shock.industry {
                if industry_idx >= n_industries {
                    checker.other(
                        format!("{path}.industry"),
                        industry_idx,
                        format!("an industry index below {n_industries}, or none for all"),
                    );
                }
            }
            checker.range(format!("{path}.pct"), shock.pct, &SHOCK_PCT);
        }
        let economy = &self.economy;
        checker.range(
            "economy.gdp_base_yi_yuan",
            economy.gdp_base_yi_yuan,
            &GDP_YI_YUAN,
        );
        checker.range(
            "economy.productivity_base_wan_yuan",
            economy.productivity_base_wan_yuan,
            &PRODUCTIVITY_WAN_YUAN,
        );
        checker.range(
            "economy.sei_share_base_pct",
            economy.sei_share_base_pct,
            &SHARE_PCT,
        );
        checker.range(
            "economy.high_tech_share_base_pct",
            economy.high_tech_share_base_pct,
            &SHARE_PCT,
        );
        checker.range(
            "economy.rd_share_base_pct",
            economy.rd_share_base_pct,
            &SHARE_PCT,
        );
        for (phase, growth_pct) in economy.rest_of_economy_growth_pct.iter().enumerate() {
            checker.range(
                format!("economy.rest_of_economy_growth_pct[{phase}]"),
                *growth_pct,
                &GROWTH_PCT,
            );
        }
        checker.range(
            "economy.employment_growth_pct",
            economy.employment_growth_pct,
            &EMPLOYMENT_GROWTH_PCT,
        );
        checker.range(
            "economy.rd_intensity_change_pct",
            economy.rd_intensity_change_pct,
            &RD_INTENSITY_CHANGE_PCT,
        );
        let value_added_base: f64 = self
            .industries
            .iter()
            .map(|industry| industry.base_yi_yuan * industry.value_added_ratio)
            .sum();
        if value_added_base.is_finite()
            && economy.gdp_base_yi_yuan.is_finite()
            && value_added_base > economy.gdp_base_yi_yuan
        {
            checker.other(
                "economy.gdp_base_yi_yuan",
                economy.gdp_base_yi_yuan,
                format!(
                    "at least the eight industries' base-year value added, {value_added_base:.1} (Σ base × value-added ratio)"
                ),
            );
        }
        let uncertainty = &self.uncertainty;
        if uncertainty.sigma_pp.len() != n_industries {
            checker.other(
                "uncertainty.sigma_pp",
                format!("{} entries", uncertainty.sigma_pp.len()),
                format!("exactly {n_industries}, one per industry of the plan"),
            );
        }
        for (idx, sigma_pp) in uncertainty.sigma_pp.iter().enumerate() {
            checker.range(format!("uncertainty.sigma_pp[{idx}]"), *sigma_pp, &SIGMA_PP);
        }
        checker.range(
            "uncertainty.correlation",
            uncertainty.correlation,
            &CORRELATION,
        );
        if !RUNS.contains(&uncertainty.runs) {
            checker.other(
                "uncertainty.runs",
                uncertainty.runs,
                format!("{}..={}", RUNS.start(), RUNS.end()),
            );
        }
        checker.range(
            "interpretation.emerging_to_traditional_min_ratio",
            self.interpretation.emerging_to_traditional_min_ratio,
            &LEAD_RATIO,
        );
        if checker.problems.is_empty() {
            Ok(())
        } else {
            Err(ScenarioError {
                problems: checker.problems,
            })
        }
    }

    /// Reads a scenario from JSON and validates it against the plan.
    pub fn from_json(json: &str, plan: &Plan) -> Result<Scenario, ScenarioError> {
        let scenario: Scenario = serde_json::from_str(json).map_err(|error| ScenarioError {
            problems: vec![FieldProblem {
                field: "scenario".to_string(),
                value: format!("unreadable JSON ({error})"),
                allowed: "a scenario object".to_string(),
            }],
        })?;
        scenario.validate(plan)?;
        Ok(scenario)
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
