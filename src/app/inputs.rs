//! Every numeric scenario input as a value: how to read it, write it, its
//! bounds, step and unit, and where its default comes from.
//!
//! Pure (no yew, no browser): the reducer, the assumptions panel and the
//! data-and-sources view all go through [`Input`], so a new input is one
//! enum variant, not edits in five places.

use std::ops::RangeInclusive;

use crate::model::{scenario as bounds, Plan, Provenance, Scenario};

/// One numeric input of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    /// An industry's growth, % a year, in phase 0 (2018–2022) or 1 (2023–2028).
    Growth {
        industry_idx: usize,
        phase: usize,
    },
    /// An industry's base-year (2017) revenue, 亿元.
    IndustryBase(usize),
    /// Value added per yuan of an industry's revenue.
    ValueAddedRatio(usize),
    /// Share of an industry's revenue that is above-scale industrial output.
    IndustrialFraction(usize),
    /// Share of the industrial part that is high-tech output.
    HighTechFraction(usize),
    /// Uncertainty of an industry's growth, percentage points.
    Sigma(usize),
    GdpBase,
    ProductivityBase,
    SeiShareBase,
    HighTechShareBase,
    RdShareBase,
    /// Growth of GDP outside the eight industries, % a year, per phase.
    RestOfEconomyGrowth(usize),
    EmploymentGrowth,
    RdIntensityChange,
    Correlation,
    Runs,
    /// Emerging ÷ traditional revenue that counts as "new drivers lead".
    LeadRatio,
}

/// The unit an input is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    PctPerYear,
    YiYuan,
    WanYuan,
    Pct,
    Ratio,
    Pp,
    Count,
}

impl Input {
    /// The input's current value in a scenario (NaN for an index that does
    /// not exist, which validation then refuses).
    pub fn get(self, scenario: &Scenario) -> f64 {
        let industry = |idx: usize| scenario.industries.get(idx);
        let economy = &scenario.economy;
        match self {
            Input::Growth {
                industry_idx,
                phase,
            } => industry(industry_idx)
                .and_then(|industry| industry.growth_pct.get(phase).copied())
                .unwrap_or(f64::NAN),
            Input::IndustryBase(idx) => industry(idx).map_or(f64::NAN, |i| i.base_yi_yuan),
            Input::ValueAddedRatio(idx) => industry(idx).map_or(f64::NAN, |i| i.value_added_ratio),
            Input::IndustrialFraction(idx) => {
                industry(idx).map_or(f64::NAN, |i| i.industrial_fraction)
            }
            Input::HighTechFraction(idx) => {
                industry(idx).map_or(f64::NAN, |i| i.high_tech_fraction)
            }
            Input::Sigma(idx) => scenario
                .uncertainty
                .sigma_pp
                .get(idx)
                .copied()
                .unwrap_or(f64::NAN),
            Input::GdpBase => economy.gdp_base_yi_yuan,
            Input::ProductivityBase => economy.productivity_base_wan_yuan,
            Input::SeiShareBase => economy.sei_share_base_pct,
            Input::HighTechShareBase => economy.high_tech_share_base_pct,
            Input::RdShareBase => economy.rd_share_base_pct,
            Input::RestOfEconomyGrowth(phase) => economy
                .rest_of_economy_growth_pct
                .get(phase)
                .copied()
                .unwrap_or(f64::NAN),
            Input::EmploymentGrowth => economy.employment_growth_pct,
            Input::RdIntensityChange => economy.rd_intensity_change_pct,
            Input::Correlation => scenario.uncertainty.correlation,
            Input::Runs => f64::from(scenario.uncertainty.runs),
            Input::LeadRatio => scenario.interpretation.emerging_to_traditional_min_ratio,
        }
    }

    /// Writes the input into a scenario without validating; returns false
    /// (and changes nothing) when the input does not exist in it. Callers
    /// validate the whole scenario afterwards.
    pub fn set(self, scenario: &mut Scenario, value: f64) -> bool {
        let economy = &mut scenario.economy;
        let slot: Option<&mut f64> = match self {
            Input::Growth {
                industry_idx,
                phase,
            } => scenario
                .industries
                .get_mut(industry_idx)
                .and_then(|industry| industry.growth_pct.get_mut(phase)),
            Input::IndustryBase(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.base_yi_yuan),
            Input::ValueAddedRatio(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.value_added_ratio),
            Input::IndustrialFraction(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.industrial_fraction),
            Input::HighTechFraction(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.high_tech_fraction),
            Input::Sigma(idx) => scenario.uncertainty.sigma_pp.get_mut(idx),
            Input::GdpBase => Some(&mut economy.gdp_base_yi_yuan),
            Input::ProductivityBase => Some(&mut economy.productivity_base_wan_yuan),
            Input::SeiShareBase => Some(&mut economy.sei_share_base_pct),
            Input::HighTechShareBase => Some(&mut economy.high_tech_share_base_pct),
            Input::RdShareBase => Some(&mut economy.rd_share_base_pct),
            Input::RestOfEconomyGrowth(phase) => economy.rest_of_economy_growth_pct.get_mut(phase),
            Input::EmploymentGrowth => Some(&mut economy.employment_growth_pct),
            Input::RdIntensityChange => Some(&mut economy.rd_intensity_change_pct),
            Input::Correlation => Some(&mut scenario.uncertainty.correlation),
            Input::Runs => {
                if !(value.is_finite() && value >= 0.0 && value <= f64::from(u32::MAX)) {
                    return false;
                }
                scenario.uncertainty.runs = value.round() as u32;
                return true;
            }
            Input::LeadRatio => {
                Some(&mut scenario.interpretation.emerging_to_traditional_min_ratio)
            }
        };
        match slot {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        }
    }

    /// The values validation allows.
    pub fn range(self) -> RangeInclusive<f64> {
        match self {
            Input::Growth { .. } | Input::RestOfEconomyGrowth(_) => bounds::GROWTH_PCT,
            Input::IndustryBase(_) => bounds::BASE_YI_YUAN,
            Input::ValueAddedRatio(_)
            | Input::IndustrialFraction(_)
            | Input::HighTechFraction(_)
            | Input::Correlation => bounds::RATIO,
            Input::Sigma(_) => bounds::SIGMA_PP,
            Input::GdpBase => bounds::GDP_YI_YUAN,
            Input::ProductivityBase => bounds::PRODUCTIVITY_WAN_YUAN,
            Input::SeiShareBase | Input::HighTechShareBase | Input::RdShareBase => {
                bounds::SHARE_PCT
            }
            Input::EmploymentGrowth => bounds::EMPLOYMENT_GROWTH_PCT,
            Input::RdIntensityChange => bounds::RD_INTENSITY_CHANGE_PCT,
            Input::Runs => f64::from(*bounds::RUNS.start())..=f64::from(*bounds::RUNS.end()),
            Input::LeadRatio => bounds::LEAD_RATIO,
        }
    }

    /// The range a slider offers: the useful part of the validated range
    /// (a typed value may still go anywhere in [`Input::range`]).
    pub fn slider_range(self) -> RangeInclusive<f64> {
        match self {
            Input::Growth { .. } | Input::RestOfEconomyGrowth(_) => -10.0..=30.0,
            Input::Sigma(_) => 0.0..=10.0,
            Input::EmploymentGrowth => -5.0..=5.0,
            Input::RdIntensityChange => -10.0..=10.0,
            Input::Runs => 100.0..=20_000.0,
            Input::LeadRatio => 0.5..=2.0,
            Input::SeiShareBase | Input::HighTechShareBase => 0.0..=80.0,
            Input::RdShareBase => 0.0..=6.0,
            Input::ProductivityBase => 1.0..=50.0,
            Input::GdpBase => 100.0..=3000.0,
            Input::IndustryBase(_) => 1.0..=2000.0,
            other => other.range(),
        }
    }

    /// The slider's step.
    pub fn step(self) -> f64 {
        match self {
            Input::Growth { .. } | Input::RestOfEconomyGrowth(_) => 0.5,
            Input::Sigma(_) | Input::EmploymentGrowth | Input::RdIntensityChange => 0.5,
            Input::ValueAddedRatio(_)
            | Input::IndustrialFraction(_)
            | Input::HighTechFraction(_)
            | Input::Correlation
            | Input::LeadRatio => 0.05,
            Input::SeiShareBase | Input::HighTechShareBase => 0.5,
            Input::RdShareBase => 0.05,
            Input::ProductivityBase => 0.1,
            Input::GdpBase => 10.0,
            Input::IndustryBase(_) => 1.0,
            Input::Runs => 100.0,
        }
    }

    /// Decimals shown in the number field.
    pub fn decimals(self) -> usize {
        match self {
            Input::Runs => 0,
            Input::ValueAddedRatio(_)
            | Input::IndustrialFraction(_)
            | Input::HighTechFraction(_)
            | Input::Correlation
            | Input::LeadRatio
            | Input::RdShareBase => 2,
            _ => 1,
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Input::Growth { .. }
            | Input::RestOfEconomyGrowth(_)
            | Input::EmploymentGrowth
            | Input::RdIntensityChange => Unit::PctPerYear,
            Input::IndustryBase(_) | Input::GdpBase => Unit::YiYuan,
            Input::ProductivityBase => Unit::WanYuan,
            Input::SeiShareBase | Input::HighTechShareBase | Input::RdShareBase => Unit::Pct,
            Input::ValueAddedRatio(_)
            | Input::IndustrialFraction(_)
            | Input::HighTechFraction(_)
            | Input::Correlation
            | Input::LeadRatio => Unit::Ratio,
            Input::Sigma(_) => Unit::Pp,
            Input::Runs => Unit::Count,
        }
    }

    /// Where the default of this input comes from, if the plan says.
    pub fn provenance(self, plan: &Plan) -> Option<&Provenance> {
        let industry = |idx: usize| plan.industries.get(idx);
        let economy = &plan.economy;
        match self {
            Input::Growth { .. } | Input::Runs | Input::LeadRatio => None,
            Input::IndustryBase(idx) => industry(idx).map(|i| &i.base_value.provenance),
            Input::ValueAddedRatio(idx) => industry(idx).map(|i| &i.value_added_ratio.provenance),
            Input::IndustrialFraction(idx) => {
                industry(idx).map(|i| &i.industrial_fraction.provenance)
            }
            Input::HighTechFraction(idx) => industry(idx).map(|i| &i.high_tech_fraction.provenance),
            Input::Sigma(idx) => industry(idx).map(|i| &i.sigma_pp.provenance),
            Input::GdpBase => Some(&economy.gdp_base_yi_yuan.provenance),
            Input::ProductivityBase => Some(&economy.productivity_base_wan_yuan.provenance),
            Input::SeiShareBase => Some(&economy.sei_share_base_pct.provenance),
            Input::HighTechShareBase => Some(&economy.high_tech_share_base_pct.provenance),
            Input::RdShareBase => Some(&economy.rd_share_base_pct.provenance),
            Input::RestOfEconomyGrowth(phase) => economy
                .rest_of_economy_growth_pct
                .get(phase)
                .map(|sourced| &sourced.provenance),
            Input::EmploymentGrowth => Some(&economy.employment_growth_pct.provenance),
            Input::RdIntensityChange => Some(&economy.rd_intensity_change_pct.provenance),
            Input::Correlation => Some(&plan.uncertainty.correlation.provenance),
        }
    }

    /// A stable id for the DOM and tests, e.g. `growth-chemicals-0`.
    pub fn dom_id(self, plan: &Plan) -> String {
        let industry_id = |idx: usize| {
            plan.industries
                .get(idx)
                .map_or_else(|| idx.to_string(), |industry| industry.id.clone())
        };
        match self {
            Input::Growth {
                industry_idx,
                phase,
            } => format!("growth-{}-{phase}", industry_id(industry_idx)),
            Input::IndustryBase(idx) => format!("base-{}", industry_id(idx)),
            Input::ValueAddedRatio(idx) => format!("va-ratio-{}", industry_id(idx)),
            Input::IndustrialFraction(idx) => format!("industrial-{}", industry_id(idx)),
            Input::HighTechFraction(idx) => format!("high-tech-{}", industry_id(idx)),
            Input::Sigma(idx) => format!("sigma-{}", industry_id(idx)),
            Input::GdpBase => "gdp-base".into(),
            Input::ProductivityBase => "productivity-base".into(),
            Input::SeiShareBase => "sei-share-base".into(),
            Input::HighTechShareBase => "high-tech-share-base".into(),
            Input::RdShareBase => "rd-share-base".into(),
            Input::RestOfEconomyGrowth(phase) => format!("rest-growth-{phase}"),
            Input::EmploymentGrowth => "employment-growth".into(),
            Input::RdIntensityChange => "rd-intensity-change".into(),
            Input::Correlation => "correlation".into(),
            Input::Runs => "runs".into(),
            Input::LeadRatio => "lead-ratio".into(),
        }
    }

    /// Sets `value` on a copy of `scenario` and validates the result: the
    /// new scenario, or the validation message naming the field and range.
    pub fn apply(self, plan: &Plan, scenario: &Scenario, value: f64) -> Result<Scenario, String> {
        if !value.is_finite() {
            return Err(format!("{value} is not a finite number"));
        }
        let mut changed = scenario.clone();
        if !self.set(&mut changed, value) {
            return Err(format!("{self:?} does not exist in this scenario"));
        }
        changed.validate(plan).map_err(|error| error.to_string())?;
        Ok(changed)
    }

    /// Every input of a plan's scenario, in panel order.
    pub fn all(plan: &Plan) -> Vec<Input> {
        let n_industries = plan.industries.len();
        let mut inputs = Vec::new();
        for phase in 0..2 {
            inputs.extend((0..n_industries).map(|industry_idx| Input::Growth {
                industry_idx,
                phase,
            }));
        }
        inputs.extend((0..n_industries).map(Input::IndustryBase));
        inputs.extend((0..n_industries).map(Input::ValueAddedRatio));
        inputs.extend((0..n_industries).map(Input::IndustrialFraction));
        inputs.extend((0..n_industries).map(Input::HighTechFraction));
        inputs.extend((0..n_industries).map(Input::Sigma));
        inputs.extend([
            Input::GdpBase,
            Input::ProductivityBase,
            Input::SeiShareBase,
            Input::HighTechShareBase,
            Input::RdShareBase,
            Input::RestOfEconomyGrowth(0),
            Input::RestOfEconomyGrowth(1),
            Input::EmploymentGrowth,
            Input::RdIntensityChange,
            Input::Correlation,
            Input::Runs,
            Input::LeadRatio,
        ]);
        inputs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan::shouguang_2018().expect("the embedded plan loads")
    }

    #[test]
    fn every_input_round_trips_through_set_and_get() {
        let plan = plan();
        let defaults = Scenario::plan_defaults(&plan);
        for input in Input::all(&plan) {
            // A value off the default, inside the range, that keeps the
            // cross-field rules (GDP base ≥ the industries' value added).
            let range = input.slider_range();
            let value = if input == Input::Runs {
                1234.0
            } else {
                let step = (range.end() - range.start()) / 8.0;
                let default = input.get(&defaults);
                if default - step >= *range.start() {
                    default - step
                } else {
                    default + step
                }
            };
            let changed = input
                .apply(&plan, &defaults, value)
                .unwrap_or_else(|error| panic!("{input:?} = {value}: {error}"));
            assert_eq!(input.get(&changed), value, "{input:?}");
        }
    }

    #[test]
    fn defaults_lie_within_the_validated_range() {
        let plan = plan();
        let defaults = Scenario::plan_defaults(&plan);
        for input in Input::all(&plan) {
            assert!(input.range().contains(&input.get(&defaults)), "{input:?}");
            let slider = input.slider_range();
            assert!(
                input.range().contains(slider.start()) && input.range().contains(slider.end()),
                "{input:?}"
            );
        }
    }

    #[test]
    fn bad_values_are_refused_with_the_field_named() {
        let plan = plan();
        let defaults = Scenario::plan_defaults(&plan);
        let growth = Input::Growth {
            industry_idx: 1,
            phase: 0,
        };
        assert!(growth.apply(&plan, &defaults, f64::NAN).is_err());
        let error = growth
            .apply(&plan, &defaults, 1000.0)
            .expect_err("out of range");
        assert!(error.contains("growth_pct"), "{error}");
        assert!(Input::IndustryBase(99)
            .apply(&plan, &defaults, 10.0)
            .is_err());
        assert!(Input::Runs.apply(&plan, &defaults, -5.0).is_err());
    }

    #[test]
    fn dom_ids_are_unique() {
        let plan = plan();
        let mut ids: Vec<String> = Input::all(&plan)
            .iter()
            .map(|input| input.dom_id(&plan))
            .collect();
        let n_ids = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n_ids);
    }
}
