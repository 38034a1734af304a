//! Presets: named scenarios defined as data in the plan file.
//!
//! A preset gives growth per industry and phase and optional shocks; all
//! other assumptions are the plan's defaults. "Plan pace" sets
//! `seek_phase_1`: when the preset is applied, each industry's phase-1
//! growth is replaced by the goal-seek result for its 2022 revenue goal
//! (computed at load time, so it stays exact if the base values change), and
//! `phase_2_from_phase_1` carries that rate into phase 2. Every preset then
//! takes the GDP calibration ([`default_gdp_fit`]): the base GDP and the
//! phase-1 rest-of-economy growth fitted to the published GDP.

use super::bounds::GROWTH_PCT;
use super::calibration::{fit_gdp, GdpFit};
use super::field::Field;
use super::plan::Plan;
use super::scenario::{
    EconomyAssumptions, IndustryAssumptions, Interpretation, Scenario, Shock, Uncertainty,
};
use super::seek::required_growth_pct;

/// The scenario the app opens with: the plan's default preset ("plan
/// pace": every 2022 revenue goal exactly met, by goal seek) on top of the
/// plan's default assumptions.
///
/// ```
/// use pathways::model::{plan_defaults, Plan};
/// let plan = Plan::shouguang_2018().unwrap();
/// let scenario = plan_defaults(&plan);
/// assert!(scenario.validate(&plan).is_ok());
/// ```
pub fn plan_defaults(plan: &Plan) -> Scenario {
    apply_preset(plan, &plan.default_preset).unwrap_or_else(|| Scenario::from_plan_values(plan))
}

/// Builds the scenario of a preset. `None` if the plan has no such preset.
/// A sought rate outside [`GROWTH_PCT`] is clamped to it, so the result
/// always validates.
///
/// ```
/// use pathways::model::{apply_preset, Plan};
/// let plan = Plan::shouguang_2018().unwrap();
/// let stress = apply_preset(&plan, "stress").unwrap();
/// assert_eq!(stress.shocks.len(), 1);
/// assert!(stress.validate(&plan).is_ok());
/// ```
pub fn apply_preset(plan: &Plan, preset_id: &str) -> Option<Scenario> {
    let mut scenario = preset_growth(plan, preset_id)?;
    if let Some(fit) = default_gdp_fit(plan) {
        fit.apply(&mut scenario);
    }
    Some(scenario)
}

/// The GDP calibration every preset shares: base GDP and phase-1
/// rest-of-economy growth fitted to the published GDP points with the
/// default preset's industry paths (see [`super::calibration`]). `None` when
/// the plan publishes no GDP to fit to; the plan file's values then stand.
pub fn default_gdp_fit(plan: &Plan) -> Option<GdpFit> {
    let reference = preset_growth(plan, &plan.default_preset)
        .unwrap_or_else(|| Scenario::from_plan_values(plan));
    fit_gdp(plan, &reference)
}

/// A preset's growth, shocks and goal seeks over the plan file's values,
/// before the GDP calibration.
fn preset_growth(plan: &Plan, preset_id: &str) -> Option<Scenario> {
    let preset = plan.preset(preset_id)?;
    let mut scenario = Scenario::from_plan_values(plan);
    for (industry_idx, industry) in plan.industries.iter().enumerate() {
        if let (Some(growth), Some(assumptions)) = (
            preset.growth_pct.get(&industry.id),
            scenario.industries.get_mut(industry_idx),
        ) {
            assumptions.growth_pct = *growth;
        }
    }
    scenario.shocks = preset
        .shocks
        .iter()
        .map(|shock| Shock {
            year: shock.year,
            industry: shock
                .industry
                .as_deref()
                .and_then(|id| plan.industry_idx(id)),
            pct: shock.pct,
        })
        .collect();
    if preset.seek_phase_1 {
        for industry_idx in 0..plan.industries.len() {
            if let Some(growth_pct) = required_growth_pct(plan, &scenario, industry_idx) {
                let clamped = growth_pct.clamp(*GROWTH_PCT.start(), *GROWTH_PCT.end());
                if let Some(assumptions) = scenario.industries.get_mut(industry_idx) {
                    assumptions.growth_pct[0] = clamped;
                }
            }
        }
    }
    if preset.phase_2_from_phase_1 {
        for assumptions in &mut scenario.industries {
            assumptions.growth_pct[1] = assumptions.growth_pct[0];
        }
    }
    Some(scenario)
}

impl Scenario {
    /// The plan's default assumptions with zero growth and no shocks: the
    /// starting point the presets fill in.
    pub fn from_plan_values(plan: &Plan) -> Scenario {
        let n_industries = plan.industries.len();
        let mut scenario = Scenario {
            industries: vec![
                IndustryAssumptions {
                    base_yi_yuan: 0.0,
                    growth_pct: [0.0, 0.0],
                    value_added_ratio: 0.0,
                    industrial_fraction: 0.0,
                    high_tech_fraction: 0.0,
                    high_tech_upgrade_pp: 0.0,
                    sei_fraction: 0.0,
                };
                n_industries
            ],
            shocks: Vec::new(),
            economy: EconomyAssumptions {
                gdp_base_yi_yuan: 0.0,
                productivity_base_wan_yuan: 0.0,
                sei_share_base_pct: 0.0,
                high_tech_share_base_pct: 0.0,
                rd_share_base_pct: 0.0,
                rest_of_economy_growth_pct: [0.0, 0.0],
                employment_growth_pct: 0.0,
                rd_intensity_change_pct: 0.0,
            },
            uncertainty: Uncertainty {
                sigma_pp: vec![0.0; n_industries],
                correlation: 0.0,
                runs: 0,
                seed: plan.uncertainty.seed,
            },
            interpretation: Interpretation {
                emerging_to_traditional_min_ratio: 0.0,
                include_vegetables: plan.interpretation.include_vegetables,
                continue_increments: plan.interpretation.continue_increments,
                continue_productivity_growth: plan.interpretation.continue_productivity_growth,
            },
        };
        for field in Field::all(plan) {
            if let Some(value) = field.plan_value(plan) {
                field.set(&mut scenario, value);
            }
        }
        scenario
    }
}
