//! The field table: every numeric input of a [`Scenario`] described once.
//!
//! A [`Field`] names one number (an industry's growth in a phase, the GDP
//! base, the runs …). Everything else about it is a method here, so the
//! input panel, [`Scenario::validate`], [`Scenario::from_plan_values`], the
//! link codec (`share::link`), the file reader and writer (`share::file`),
//! the summary's changed-inputs list and the sensitivity levers all read one
//! description:
//!
//! | what | method |
//! |---|---|
//! | read, write | [`Field::get`], [`Field::set`], [`Field::apply`] |
//! | stable id (DOM, tests) | [`Field::id`] |
//! | path in validation messages and files | [`Field::path`] |
//! | labels zh / en | [`Field::label`] |
//! | unit | [`Field::unit`], [`Unit::text`] |
//! | bounds, slider range, step, decimals | [`Field::range`], [`Field::slider_range`], [`Field::step`], [`Field::decimals`] |
//! | the plan's default and its provenance | [`Field::plan_value`], [`Field::provenance`] |
//! | link key and position | [`Field::link_slot`] |
//! | file key, optional in a file | [`Field::file_key`], [`Field::file_optional`] |
//! | sensitivity step | [`Field::sensitivity`], [`Field::stepped`], [`Field::step_text`] |
//!
//! Adding an input means one variant here, its arms in these methods (the
//! compiler lists every one) and its use in the model. `tests/model_fields.rs`
//! walks [`Field::all`] and round-trips every field through link, file and
//! validation.

use std::ops::RangeInclusive;

use super::bounds;
use super::plan::{Plan, Provenance};
use super::scenario::Scenario;

/// One numeric input of a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// An industry's growth, % a year, in phase 0 (base year + 1 to the
    /// milestone) or 1 (after the milestone to the end year).
    Growth {
        industry_idx: usize,
        phase: usize,
    },
    /// An industry's base-year revenue (output value), 亿元.
    IndustryBase(usize),
    /// Value added per yuan of an industry's revenue.
    ValueAddedRatio(usize),
    /// Share of an industry's revenue that is above-scale industrial output.
    IndustrialFraction(usize),
    /// Share of the industrial part that is high-tech output.
    HighTechFraction(usize),
    /// Yearly change of that share, percentage points a year (upgrading).
    HighTechUpgrade(usize),
    /// Share of an industry's value added that is strategic emerging.
    SeiFraction(usize),
    /// Uncertainty of an industry's growth, percentage points.
    Sigma(usize),
    GdpBase,
    ProductivityBase,
    SeiShareBase,
    HighTechShareBase,
    RdShareBase,
    /// Growth of GDP outside the plan's industries, % a year, per phase.
    RestOfEconomyGrowth(usize),
    EmploymentGrowth,
    RdIntensityChange,
    Correlation,
    Runs,
    /// Emerging ÷ traditional revenue that counts as "new drivers lead".
    LeadRatio,
}

/// The unit a field is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    PctPerYear,
    YiYuan,
    WanYuan,
    Pct,
    Ratio,
    Pp,
    PpPerYear,
    Count,
}

impl Unit {
    /// The unit in running text: "亿元" / "100 million yuan", "%", "" for a
    /// ratio or a count.
    pub fn text(self, zh: bool) -> &'static str {
        match (self, zh) {
            (Unit::PctPerYear | Unit::Pct, _) => "%",
            (Unit::YiYuan, true) => "亿元",
            (Unit::YiYuan, false) => "100 million yuan",
            (Unit::WanYuan, true) => "万元/人",
            (Unit::WanYuan, false) => "10,000 yuan per person",
            (Unit::Pp, true) => "个百分点",
            (Unit::Pp, false) => "pp",
            (Unit::PpPerYear, true) => "个百分点/年",
            (Unit::PpPerYear, false) => "pp a year",
            (Unit::Ratio | Unit::Count, _) => "",
        }
    }
}

/// How a sensitivity lever moves a field: by adding a step, or by scaling
/// by one plus or minus a fraction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    Add(f64),
    Scale(f64),
}

/// The link's list fields, in the order an encoder writes them; `k`
/// (shocks) is written between `s` and `e` and is not a field. `d` and `f`
/// came later: a link without them keeps the plan's values.
pub const LINK_LIST_KEYS: [char; 11] = ['g', 'b', 'a', 'i', 'h', 'd', 'f', 's', 'e', 'u', 't'];

/// The economy fields in their link order (key `e`).
const ECONOMY: [Field; 9] = [
    Field::GdpBase,
    Field::ProductivityBase,
    Field::SeiShareBase,
    Field::HighTechShareBase,
    Field::RdShareBase,
    Field::RestOfEconomyGrowth(0),
    Field::RestOfEconomyGrowth(1),
    Field::EmploymentGrowth,
    Field::RdIntensityChange,
];

impl Field {
    /// Every field of a plan's scenario: growth per industry and phase,
    /// then each industry's base and links, σ, the economy, uncertainty and
    /// the lead threshold.
    pub fn all(plan: &Plan) -> Vec<Field> {
        Field::for_industries(plan.industries.len())
    }

    /// Every field of a scenario with `n_industries` industries.
    pub fn for_industries(n_industries: usize) -> Vec<Field> {
        let mut fields = Vec::with_capacity(9 * n_industries + 12);
        for industry_idx in 0..n_industries {
            for phase in 0..2 {
                fields.push(Field::Growth {
                    industry_idx,
                    phase,
                });
            }
        }
        fields.extend((0..n_industries).map(Field::IndustryBase));
        fields.extend((0..n_industries).map(Field::ValueAddedRatio));
        fields.extend((0..n_industries).map(Field::IndustrialFraction));
        fields.extend((0..n_industries).map(Field::HighTechFraction));
        fields.extend((0..n_industries).map(Field::HighTechUpgrade));
        fields.extend((0..n_industries).map(Field::SeiFraction));
        fields.extend((0..n_industries).map(Field::Sigma));
        fields.extend(ECONOMY);
        fields.extend([Field::Correlation, Field::Runs, Field::LeadRatio]);
        fields
    }

    /// The fields that are sensitivity levers, in [`Field::all`] order.
    pub fn levers(plan: &Plan) -> Vec<Field> {
        Field::all(plan)
            .into_iter()
            .filter(|field| field.sensitivity().is_some())
            .collect()
    }

    /// The industry a per-industry field belongs to.
    pub fn industry(self) -> Option<usize> {
        match self {
            Field::Growth { industry_idx, .. } => Some(industry_idx),
            Field::IndustryBase(idx)
            | Field::ValueAddedRatio(idx)
            | Field::IndustrialFraction(idx)
            | Field::HighTechFraction(idx)
            | Field::HighTechUpgrade(idx)
            | Field::SeiFraction(idx)
            | Field::Sigma(idx) => Some(idx),
            _ => None,
        }
    }

    /// Whether the scenario has this field's slot (an industry index within
    /// its lists).
    pub fn exists_in(self, scenario: &Scenario) -> bool {
        match self {
            Field::Sigma(idx) => idx < scenario.uncertainty.sigma_pp.len(),
            Field::Growth {
                industry_idx,
                phase,
            } => industry_idx < scenario.industries.len() && phase < 2,
            Field::RestOfEconomyGrowth(phase) => phase < 2,
            other => other
                .industry()
                .is_none_or(|idx| idx < scenario.industries.len()),
        }
    }

    /// The field's current value in a scenario (NaN for an index that does
    /// not exist, which validation then refuses).
    pub fn get(self, scenario: &Scenario) -> f64 {
        let industry = |idx: usize| scenario.industries.get(idx);
        let economy = &scenario.economy;
        match self {
            Field::Growth {
                industry_idx,
                phase,
            } => industry(industry_idx)
                .and_then(|industry| industry.growth_pct.get(phase).copied())
                .unwrap_or(f64::NAN),
            Field::IndustryBase(idx) => industry(idx).map_or(f64::NAN, |i| i.base_yi_yuan),
            Field::ValueAddedRatio(idx) => industry(idx).map_or(f64::NAN, |i| i.value_added_ratio),
            Field::IndustrialFraction(idx) => {
                industry(idx).map_or(f64::NAN, |i| i.industrial_fraction)
            }
            Field::HighTechFraction(idx) => {
                industry(idx).map_or(f64::NAN, |i| i.high_tech_fraction)
            }
            Field::HighTechUpgrade(idx) => {
                industry(idx).map_or(f64::NAN, |i| i.high_tech_upgrade_pp)
            }
            Field::SeiFraction(idx) => industry(idx).map_or(f64::NAN, |i| i.sei_fraction),
            Field::Sigma(idx) => scenario
                .uncertainty
                .sigma_pp
                .get(idx)
                .copied()
                .unwrap_or(f64::NAN),
            Field::GdpBase => economy.gdp_base_yi_yuan,
            Field::ProductivityBase => economy.productivity_base_wan_yuan,
            Field::SeiShareBase => economy.sei_share_base_pct,
            Field::HighTechShareBase => economy.high_tech_share_base_pct,
            Field::RdShareBase => economy.rd_share_base_pct,
            Field::RestOfEconomyGrowth(phase) => economy
                .rest_of_economy_growth_pct
                .get(phase)
                .copied()
                .unwrap_or(f64::NAN),
            Field::EmploymentGrowth => economy.employment_growth_pct,
            Field::RdIntensityChange => economy.rd_intensity_change_pct,
            Field::Correlation => scenario.uncertainty.correlation,
            Field::Runs => f64::from(scenario.uncertainty.runs),
            Field::LeadRatio => scenario.interpretation.emerging_to_traditional_min_ratio,
        }
    }

    /// Writes the field into a scenario without validating; returns false
    /// (and changes nothing) when the field does not exist in it, or when a
    /// whole-number field gets a value that is not a whole number in its
    /// type. Callers validate the whole scenario afterwards.
    pub fn set(self, scenario: &mut Scenario, value: f64) -> bool {
        let economy = &mut scenario.economy;
        let slot: Option<&mut f64> = match self {
            Field::Growth {
                industry_idx,
                phase,
            } => scenario
                .industries
                .get_mut(industry_idx)
                .and_then(|industry| industry.growth_pct.get_mut(phase)),
            Field::IndustryBase(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.base_yi_yuan),
            Field::ValueAddedRatio(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.value_added_ratio),
            Field::IndustrialFraction(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.industrial_fraction),
            Field::HighTechFraction(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.high_tech_fraction),
            Field::HighTechUpgrade(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.high_tech_upgrade_pp),
            Field::SeiFraction(idx) => scenario
                .industries
                .get_mut(idx)
                .map(|i| &mut i.sei_fraction),
            Field::Sigma(idx) => scenario.uncertainty.sigma_pp.get_mut(idx),
            Field::GdpBase => Some(&mut economy.gdp_base_yi_yuan),
            Field::ProductivityBase => Some(&mut economy.productivity_base_wan_yuan),
            Field::SeiShareBase => Some(&mut economy.sei_share_base_pct),
            Field::HighTechShareBase => Some(&mut economy.high_tech_share_base_pct),
            Field::RdShareBase => Some(&mut economy.rd_share_base_pct),
            Field::RestOfEconomyGrowth(phase) => economy.rest_of_economy_growth_pct.get_mut(phase),
            Field::EmploymentGrowth => Some(&mut economy.employment_growth_pct),
            Field::RdIntensityChange => Some(&mut economy.rd_intensity_change_pct),
            Field::Correlation => Some(&mut scenario.uncertainty.correlation),
            Field::Runs => {
                if !(value.is_finite() && value >= 0.0 && value <= f64::from(u32::MAX)) {
                    return false;
                }
                scenario.uncertainty.runs = value.round() as u32;
                return true;
            }
            Field::LeadRatio => {
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

    /// Whether the field holds a whole number (the runs).
    pub fn is_whole(self) -> bool {
        self == Field::Runs
    }

    /// The values validation allows.
    pub fn range(self) -> RangeInclusive<f64> {
        match self {
            Field::Growth { .. } | Field::RestOfEconomyGrowth(_) => bounds::GROWTH_PCT,
            Field::IndustryBase(_) => bounds::BASE_YI_YUAN,
            Field::ValueAddedRatio(_)
            | Field::IndustrialFraction(_)
            | Field::HighTechFraction(_)
            | Field::SeiFraction(_) => bounds::RATIO,
            Field::HighTechUpgrade(_) => bounds::HIGH_TECH_UPGRADE_PP,
            Field::Correlation => bounds::CORRELATION,
            Field::Sigma(_) => bounds::SIGMA_PP,
            Field::GdpBase => bounds::GDP_YI_YUAN,
            Field::ProductivityBase => bounds::PRODUCTIVITY_WAN_YUAN,
            Field::SeiShareBase | Field::HighTechShareBase | Field::RdShareBase => {
                bounds::SHARE_PCT
            }
            Field::EmploymentGrowth => bounds::EMPLOYMENT_GROWTH_PCT,
            Field::RdIntensityChange => bounds::RD_INTENSITY_CHANGE_PCT,
            Field::Runs => f64::from(*bounds::RUNS.start())..=f64::from(*bounds::RUNS.end()),
            Field::LeadRatio => bounds::LEAD_RATIO,
        }
    }

    /// The range a slider offers: the useful part of the validated range
    /// (a typed value may still go anywhere in [`Field::range`]).
    pub fn slider_range(self) -> RangeInclusive<f64> {
        match self {
            Field::Growth { .. } | Field::RestOfEconomyGrowth(_) => -10.0..=30.0,
            Field::Sigma(_) => 0.0..=10.0,
            Field::HighTechUpgrade(_) => -5.0..=5.0,
            Field::EmploymentGrowth => -5.0..=5.0,
            Field::RdIntensityChange => -10.0..=10.0,
            Field::Runs => 100.0..=20_000.0,
            Field::LeadRatio => 0.5..=2.0,
            Field::SeiShareBase | Field::HighTechShareBase => 0.0..=80.0,
            Field::RdShareBase => 0.0..=6.0,
            Field::ProductivityBase => 1.0..=50.0,
            Field::GdpBase => 100.0..=3000.0,
            Field::IndustryBase(_) => 1.0..=2000.0,
            other => other.range(),
        }
    }

    /// The slider's step.
    pub fn step(self) -> f64 {
        match self {
            Field::Growth { .. } | Field::RestOfEconomyGrowth(_) => 0.5,
            Field::Sigma(_)
            | Field::EmploymentGrowth
            | Field::RdIntensityChange
            | Field::HighTechUpgrade(_) => 0.5,
            Field::ValueAddedRatio(_)
            | Field::IndustrialFraction(_)
            | Field::HighTechFraction(_)
            | Field::SeiFraction(_)
            | Field::Correlation
            | Field::LeadRatio => 0.05,
            Field::SeiShareBase | Field::HighTechShareBase => 0.5,
            Field::RdShareBase => 0.05,
            Field::ProductivityBase => 0.1,
            Field::GdpBase => 10.0,
            Field::IndustryBase(_) => 1.0,
            Field::Runs => 100.0,
        }
    }

    /// Decimals shown in the number field and in running text (more when
    /// two values would otherwise read the same).
    pub fn decimals(self) -> usize {
        match self {
            Field::Runs => 0,
            Field::ValueAddedRatio(_)
            | Field::IndustrialFraction(_)
            | Field::HighTechFraction(_)
            | Field::SeiFraction(_)
            | Field::Correlation
            | Field::LeadRatio
            | Field::RdShareBase => 2,
            _ => 1,
        }
    }

    /// Decimals in running text (the summary, comparisons), where whole
    /// 亿元 read better; more when two values would otherwise read the same.
    pub fn text_decimals(self) -> usize {
        match self {
            Field::IndustryBase(_) | Field::GdpBase => 0,
            Field::RdShareBase => 1,
            other => other.decimals(),
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Field::Growth { .. }
            | Field::RestOfEconomyGrowth(_)
            | Field::EmploymentGrowth
            | Field::RdIntensityChange => Unit::PctPerYear,
            Field::IndustryBase(_) | Field::GdpBase => Unit::YiYuan,
            Field::ProductivityBase => Unit::WanYuan,
            Field::SeiShareBase | Field::HighTechShareBase | Field::RdShareBase => Unit::Pct,
            Field::ValueAddedRatio(_)
            | Field::IndustrialFraction(_)
            | Field::HighTechFraction(_)
            | Field::SeiFraction(_)
            | Field::Correlation
            | Field::LeadRatio => Unit::Ratio,
            Field::Sigma(_) => Unit::Pp,
            Field::HighTechUpgrade(_) => Unit::PpPerYear,
            Field::Runs => Unit::Count,
        }
    }

    /// Where the plan's default of this field comes from, if the plan says.
    pub fn provenance(self, plan: &Plan) -> Option<&Provenance> {
        let industry = |idx: usize| plan.industries.get(idx);
        let economy = &plan.economy;
        match self {
            Field::Growth { .. } | Field::Runs | Field::LeadRatio => None,
            Field::IndustryBase(idx) => industry(idx).map(|i| &i.base_value.provenance),
            Field::ValueAddedRatio(idx) => industry(idx).map(|i| &i.value_added_ratio.provenance),
            Field::IndustrialFraction(idx) => {
                industry(idx).map(|i| &i.industrial_fraction.provenance)
            }
            Field::HighTechFraction(idx) => industry(idx).map(|i| &i.high_tech_fraction.provenance),
            Field::HighTechUpgrade(idx) => {
                industry(idx).map(|i| &i.high_tech_upgrade_pp.provenance)
            }
            Field::SeiFraction(idx) => industry(idx).map(|i| &i.sei_fraction.provenance),
            Field::Sigma(idx) => industry(idx).map(|i| &i.sigma_pp.provenance),
            Field::GdpBase => Some(&economy.gdp_base_yi_yuan.provenance),
            Field::ProductivityBase => Some(&economy.productivity_base_wan_yuan.provenance),
            Field::SeiShareBase => Some(&economy.sei_share_base_pct.provenance),
            Field::HighTechShareBase => Some(&economy.high_tech_share_base_pct.provenance),
            Field::RdShareBase => Some(&economy.rd_share_base_pct.provenance),
            Field::RestOfEconomyGrowth(phase) => economy
                .rest_of_economy_growth_pct
                .get(phase)
                .map(|sourced| &sourced.provenance),
            Field::EmploymentGrowth => Some(&economy.employment_growth_pct.provenance),
            Field::RdIntensityChange => Some(&economy.rd_intensity_change_pct.provenance),
            Field::Correlation => Some(&plan.uncertainty.correlation.provenance),
        }
    }

    /// The plan's own value of this field, before any preset: `None` for
    /// growth, which the presets set.
    pub fn plan_value(self, plan: &Plan) -> Option<f64> {
        let industry = |idx: usize| plan.industries.get(idx);
        let economy = &plan.economy;
        match self {
            Field::Growth { .. } => None,
            Field::IndustryBase(idx) => industry(idx).map(|i| i.base_value.value),
            Field::ValueAddedRatio(idx) => industry(idx).map(|i| i.value_added_ratio.value),
            Field::IndustrialFraction(idx) => industry(idx).map(|i| i.industrial_fraction.value),
            Field::HighTechFraction(idx) => industry(idx).map(|i| i.high_tech_fraction.value),
            Field::HighTechUpgrade(idx) => industry(idx).map(|i| i.high_tech_upgrade_pp.value),
            Field::SeiFraction(idx) => industry(idx).map(|i| i.sei_fraction.value),
            Field::Sigma(idx) => industry(idx).map(|i| i.sigma_pp.value),
            Field::GdpBase => Some(economy.gdp_base_yi_yuan.value),
            Field::ProductivityBase => Some(economy.productivity_base_wan_yuan.value),
            Field::SeiShareBase => Some(economy.sei_share_base_pct.value),
            Field::HighTechShareBase => Some(economy.high_tech_share_base_pct.value),
            Field::RdShareBase => Some(economy.rd_share_base_pct.value),
            Field::RestOfEconomyGrowth(phase) => economy
                .rest_of_economy_growth_pct
                .get(phase)
                .map(|sourced| sourced.value),
            Field::EmploymentGrowth => Some(economy.employment_growth_pct.value),
            Field::RdIntensityChange => Some(economy.rd_intensity_change_pct.value),
            Field::Correlation => Some(plan.uncertainty.correlation.value),
            Field::Runs => Some(f64::from(plan.uncertainty.runs)),
            Field::LeadRatio => Some(plan.interpretation.emerging_to_traditional_min_ratio),
        }
    }

    /// A stable id for the DOM and tests, e.g. `growth-chemicals-0`.
    pub fn id(self, plan: &Plan) -> String {
        let industry_id = |idx: usize| {
            plan.industries
                .get(idx)
                .map_or_else(|| idx.to_string(), |industry| industry.id.clone())
        };
        match self {
            Field::Growth {
                industry_idx,
                phase,
            } => format!("growth-{}-{phase}", industry_id(industry_idx)),
            Field::IndustryBase(idx) => format!("base-{}", industry_id(idx)),
            Field::ValueAddedRatio(idx) => format!("va-ratio-{}", industry_id(idx)),
            Field::IndustrialFraction(idx) => format!("industrial-{}", industry_id(idx)),
            Field::HighTechFraction(idx) => format!("high-tech-{}", industry_id(idx)),
            Field::HighTechUpgrade(idx) => format!("upgrade-{}", industry_id(idx)),
            Field::SeiFraction(idx) => format!("sei-{}", industry_id(idx)),
            Field::Sigma(idx) => format!("sigma-{}", industry_id(idx)),
            Field::GdpBase => "gdp-base".into(),
            Field::ProductivityBase => "productivity-base".into(),
            Field::SeiShareBase => "sei-share-base".into(),
            Field::HighTechShareBase => "high-tech-share-base".into(),
            Field::RdShareBase => "rd-share-base".into(),
            Field::RestOfEconomyGrowth(phase) => format!("rest-growth-{phase}"),
            Field::EmploymentGrowth => "employment-growth".into(),
            Field::RdIntensityChange => "rd-intensity-change".into(),
            Field::Correlation => "correlation".into(),
            Field::Runs => "runs".into(),
            Field::LeadRatio => "lead-ratio".into(),
        }
    }

    /// The field's path in the scenario (and in a scenario file), as
    /// validation messages name it: `industries[1].growth_pct[0]`.
    pub fn path(self) -> String {
        match self {
            Field::Growth {
                industry_idx,
                phase,
            } => format!("industries[{industry_idx}].growth_pct[{phase}]"),
            Field::IndustryBase(idx) => format!("industries[{idx}].base_yi_yuan"),
            Field::ValueAddedRatio(idx) => format!("industries[{idx}].value_added_ratio"),
            Field::IndustrialFraction(idx) => format!("industries[{idx}].industrial_fraction"),
            Field::HighTechFraction(idx) => format!("industries[{idx}].high_tech_fraction"),
            Field::HighTechUpgrade(idx) => format!("industries[{idx}].high_tech_upgrade_pp"),
            Field::SeiFraction(idx) => format!("industries[{idx}].sei_fraction"),
            Field::Sigma(idx) => format!("uncertainty.sigma_pp[{idx}]"),
            Field::GdpBase => "economy.gdp_base_yi_yuan".into(),
            Field::ProductivityBase => "economy.productivity_base_wan_yuan".into(),
            Field::SeiShareBase => "economy.sei_share_base_pct".into(),
            Field::HighTechShareBase => "economy.high_tech_share_base_pct".into(),
            Field::RdShareBase => "economy.rd_share_base_pct".into(),
            Field::RestOfEconomyGrowth(phase) => {
                format!("economy.rest_of_economy_growth_pct[{phase}]")
            }
            Field::EmploymentGrowth => "economy.employment_growth_pct".into(),
            Field::RdIntensityChange => "economy.rd_intensity_change_pct".into(),
            Field::Correlation => "uncertainty.correlation".into(),
            Field::Runs => "uncertainty.runs".into(),
            Field::LeadRatio => "interpretation.emerging_to_traditional_min_ratio".into(),
        }
    }

    /// The field's key in its object of a scenario file (`share::file`),
    /// e.g. `base_yi_yuan`; the two phases of a growth, and every industry's
    /// σ, share one key that holds a list.
    pub fn file_key(self) -> &'static str {
        match self {
            Field::Growth { .. } => "growth_pct",
            Field::IndustryBase(_) => "base_yi_yuan",
            Field::ValueAddedRatio(_) => "value_added_ratio",
            Field::IndustrialFraction(_) => "industrial_fraction",
            Field::HighTechFraction(_) => "high_tech_fraction",
            Field::HighTechUpgrade(_) => "high_tech_upgrade_pp",
            Field::SeiFraction(_) => "sei_fraction",
            Field::Sigma(_) => "sigma_pp",
            Field::GdpBase => "gdp_base_yi_yuan",
            Field::ProductivityBase => "productivity_base_wan_yuan",
            Field::SeiShareBase => "sei_share_base_pct",
            Field::HighTechShareBase => "high_tech_share_base_pct",
            Field::RdShareBase => "rd_share_base_pct",
            Field::RestOfEconomyGrowth(_) => "rest_of_economy_growth_pct",
            Field::EmploymentGrowth => "employment_growth_pct",
            Field::RdIntensityChange => "rd_intensity_change_pct",
            Field::Correlation => "correlation",
            Field::Runs => "runs",
            Field::LeadRatio => "emerging_to_traditional_min_ratio",
        }
    }

    /// Whether a scenario file may leave the field out (it came after the
    /// first files): the writer omits it when it is the plan's value, and
    /// a file without it reads the plan's.
    pub fn file_optional(self) -> bool {
        matches!(self, Field::HighTechUpgrade(_) | Field::SeiFraction(_))
    }

    /// The link list key and the position in that list (see `share::link`).
    pub fn link_slot(self) -> (char, usize) {
        match self {
            Field::Growth {
                industry_idx,
                phase,
            } => ('g', 2 * industry_idx + phase),
            Field::IndustryBase(idx) => ('b', idx),
            Field::ValueAddedRatio(idx) => ('a', idx),
            Field::IndustrialFraction(idx) => ('i', idx),
            Field::HighTechFraction(idx) => ('h', idx),
            Field::HighTechUpgrade(idx) => ('d', idx),
            Field::SeiFraction(idx) => ('f', idx),
            Field::Sigma(idx) => ('s', idx),
            Field::Correlation => ('u', 0),
            Field::Runs => ('u', 1),
            Field::LeadRatio => ('t', 0),
            economy => (
                'e',
                ECONOMY
                    .iter()
                    .position(|field| *field == economy)
                    .unwrap_or(ECONOMY.len()),
            ),
        }
    }

    /// The field at a link key and position for a plan with `n_industries`
    /// industries; `None` for a position no field has (the seed, the
    /// interpretation's switches, or beyond the list).
    pub fn at_link_slot(key: char, position: usize, n_industries: usize) -> Option<Field> {
        let industry = |make: fn(usize) -> Field| (position < n_industries).then(|| make(position));
        match key {
            'g' => (position < 2 * n_industries).then_some(Field::Growth {
                industry_idx: position / 2,
                phase: position % 2,
            }),
            'b' => industry(Field::IndustryBase),
            'a' => industry(Field::ValueAddedRatio),
            'i' => industry(Field::IndustrialFraction),
            'h' => industry(Field::HighTechFraction),
            'd' => industry(Field::HighTechUpgrade),
            'f' => industry(Field::SeiFraction),
            's' => industry(Field::Sigma),
            'e' => ECONOMY.get(position).copied(),
            'u' => [Field::Correlation, Field::Runs].get(position).copied(),
            't' => (position == 0).then_some(Field::LeadRatio),
            _ => None,
        }
    }

    /// What the field is, standing alone, e.g. "高端化工2018—2022年增速" /
    /// "High-end chemicals growth 2018–2022". Years and names come from the
    /// plan.
    pub fn label(self, plan: &Plan, zh: bool) -> String {
        let industry = |idx: usize| {
            plan.industries
                .get(idx)
                .map_or_else(String::new, |industry| {
                    if zh {
                        industry.name.zh.clone()
                    } else {
                        industry.name.en.clone()
                    }
                })
        };
        let phase_text = |phase: usize| -> String {
            let (first, last) = if phase == 0 {
                (plan.base_year() + 1, plan.milestone_year())
            } else {
                (plan.milestone_year() + 1, plan.end_year())
            };
            if zh {
                format!("{first}—{last}年")
            } else {
                format!("{first}–{last}")
            }
        };
        let base_year = plan.base_year();
        let year = plan.interpretation.year;
        match (self, zh) {
            (
                Field::Growth {
                    industry_idx,
                    phase,
                },
                true,
            ) => format!("{}{}增速", industry(industry_idx), phase_text(phase)),
            (
                Field::Growth {
                    industry_idx,
                    phase,
                },
                false,
            ) => format!("{} growth {}", industry(industry_idx), phase_text(phase)),
            (Field::IndustryBase(idx), true) => format!("{}{base_year}年基数", industry(idx)),
            (Field::IndustryBase(idx), false) => format!("{} {base_year} base", industry(idx)),
            (Field::ValueAddedRatio(idx), true) => format!("{}增加值率", industry(idx)),
            (Field::ValueAddedRatio(idx), false) => {
                format!("{} value-added ratio", industry(idx))
            }
            (Field::IndustrialFraction(idx), true) => format!("{}规上工业占比", industry(idx)),
            (Field::IndustrialFraction(idx), false) => {
                format!("{} above-scale industrial share", industry(idx))
            }
            (Field::HighTechFraction(idx), true) => format!("{}高新技术占比", industry(idx)),
            (Field::HighTechFraction(idx), false) => {
                format!("{} high-tech share", industry(idx))
            }
            (Field::HighTechUpgrade(idx), true) => format!("{}高新技术占比年提升", industry(idx)),
            (Field::HighTechUpgrade(idx), false) => {
                format!("{} yearly rise of its high-tech share", industry(idx))
            }
            (Field::SeiFraction(idx), true) => format!("{}战略性新兴产业占比", industry(idx)),
            (Field::SeiFraction(idx), false) => {
                format!("{} strategic-emerging share", industry(idx))
            }
            (Field::Sigma(idx), true) => format!("{}增速不确定性", industry(idx)),
            (Field::Sigma(idx), false) => format!("{} growth uncertainty", industry(idx)),
            (Field::GdpBase, true) => format!("{base_year}年GDP"),
            (Field::GdpBase, false) => format!("GDP {base_year}"),
            (Field::ProductivityBase, true) => format!("{base_year}年全员劳动生产率"),
            (Field::ProductivityBase, false) => format!("Labour productivity {base_year}"),
            (Field::SeiShareBase, true) => format!("{base_year}年战略性新兴产业增加值占比"),
            (Field::SeiShareBase, false) => {
                format!("Strategic emerging industries' share of GDP {base_year}")
            }
            (Field::HighTechShareBase, true) => format!("{base_year}年高新技术产业产值占比"),
            (Field::HighTechShareBase, false) => {
                format!("High-tech share of industrial output {base_year}")
            }
            (Field::RdShareBase, true) => format!("{base_year}年研发投入占GDP比重"),
            (Field::RdShareBase, false) => format!("R&D spending over GDP {base_year}"),
            (Field::RestOfEconomyGrowth(phase), true) => {
                format!("{}其他经济增速", phase_text(phase))
            }
            (Field::RestOfEconomyGrowth(phase), false) => {
                format!("Rest-of-economy growth {}", phase_text(phase))
            }
            (Field::EmploymentGrowth, true) => "从业人员年增长".into(),
            (Field::EmploymentGrowth, false) => "Employment growth".into(),
            (Field::RdIntensityChange, true) => "研发强度年变化".into(),
            (Field::RdIntensityChange, false) => "Yearly change of R&D intensity".into(),
            (Field::Correlation, true) => "产业间共同冲击相关系数".into(),
            (Field::Correlation, false) => "Common-shock correlation".into(),
            (Field::Runs, true) => "模拟次数".into(),
            (Field::Runs, false) => "Simulation runs".into(),
            (Field::LeadRatio, true) => format!("{year}年新兴/传统收入比门槛"),
            (Field::LeadRatio, false) => format!("{year} emerging ÷ traditional threshold"),
        }
    }

    /// The sensitivity step, for the fields that are levers: ±1 pp of a
    /// growth or share, ±10 % of a base, ±0.05 of a ratio.
    pub fn sensitivity(self) -> Option<Step> {
        match self {
            Field::Growth { .. }
            | Field::RestOfEconomyGrowth(_)
            | Field::SeiShareBase
            | Field::HighTechShareBase
            | Field::RdIntensityChange
            | Field::HighTechUpgrade(_) => Some(Step::Add(1.0)),
            Field::RdShareBase => Some(Step::Add(0.1)),
            Field::EmploymentGrowth => Some(Step::Add(0.5)),
            Field::IndustryBase(_) | Field::GdpBase => Some(Step::Scale(0.1)),
            Field::ValueAddedRatio(_)
            | Field::IndustrialFraction(_)
            | Field::HighTechFraction(_)
            | Field::SeiFraction(_) => Some(Step::Add(0.05)),
            Field::Sigma(_)
            | Field::ProductivityBase
            | Field::Correlation
            | Field::Runs
            | Field::LeadRatio => None,
        }
    }

    /// The stated sensitivity step: "±1个百分点" / "±1 pp", "±10%", "±0.05";
    /// empty for a field that is not a lever.
    pub fn step_text(self, zh: bool) -> &'static str {
        match (self.sensitivity(), self.unit(), zh) {
            (Some(Step::Scale(_)), _, _) => "±10%",
            (Some(Step::Add(0.05)), Unit::Ratio, _) => "±0.05",
            (Some(Step::Add(1.0)), _, true) => "±1个百分点",
            (Some(Step::Add(1.0)), _, false) => "±1 pp",
            (Some(Step::Add(0.5)), _, true) => "±0.5个百分点",
            (Some(Step::Add(0.5)), _, false) => "±0.5 pp",
            (Some(Step::Add(_)), _, true) => "±0.1个百分点",
            (Some(Step::Add(_)), _, false) => "±0.1 pp",
            (None, _, _) => "",
        }
    }

    /// A copy of `scenario` with the lever moved one step down
    /// (`up == false`) or up, held within the validated range. `None` when
    /// the field is not a lever or does not exist in the scenario.
    pub fn stepped(self, scenario: &Scenario, up: bool) -> Option<Scenario> {
        let sign = if up { 1.0 } else { -1.0 };
        let value = self.get(scenario);
        if !value.is_finite() {
            return None;
        }
        let moved = match self.sensitivity()? {
            Step::Add(step) => value + sign * step,
            Step::Scale(fraction) => value * (1.0 + sign * fraction),
        };
        let range = self.range();
        let mut changed = scenario.clone();
        self.set(&mut changed, moved.clamp(*range.start(), *range.end()))
            .then_some(changed)
    }

    /// Sets `value` on a copy of `scenario` and validates the result: the
    /// new scenario, or the problems naming the field and range.
    pub fn apply(
        self,
        plan: &Plan,
        scenario: &Scenario,
        value: f64,
    ) -> Result<Scenario, super::ScenarioError> {
        let refuse = |zh: &str, en: &str| super::ScenarioError {
            problems: vec![super::FieldProblem {
                field: self.path(),
                value: format!("{value}"),
                allowed: super::Text {
                    zh: zh.into(),
                    en: en.into(),
                },
            }],
        };
        if !value.is_finite() {
            return Err(refuse("有限的数", "a finite number"));
        }
        let mut changed = scenario.clone();
        if !self.set(&mut changed, value) {
            return Err(refuse(
                "本规划情景中的输入",
                "a field of this plan's scenario",
            ));
        }
        changed.validate(plan)?;
        Ok(changed)
    }
}
