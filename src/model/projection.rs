//! The deterministic projection from the base year to the end year.
//!
//! The formulas are in [`FORMULAS`], in Chinese and English, so the UI can
//! show each beside its series. The same per-year arithmetic ([`Links`]) is
//! used by the Monte Carlo simulation, so a run with zero uncertainty equals
//! the projection.

use serde::Serialize;

use super::bounds::GROWTH_FACTOR_FLOOR;
use super::field::Field;
use super::plan::{Group, Plan, SeriesId};
use super::scenario::Scenario;

/// A formula the UI can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Formula {
    pub series: SeriesId,
    pub zh: &'static str,
    pub en: &'static str,
}

/// Every formula of the projection. `t` is a year, `0` the base year, `i` an
/// industry, `p(t)` the phase of year `t`.
pub const FORMULAS: &[Formula] = &[
    Formula {
        series: SeriesId::Industry(0),
        zh: "产业收入:R_i(t) = R_i(t−1) × max(1 + (g_i,p(t) + 冲击_i(t)) / 100, 0.01)",
        en: "Industry revenue: R_i(t) = R_i(t−1) × max(1 + (g_i,p(t) + shock_i(t)) / 100, 0.01)",
    },
    Formula {
        series: SeriesId::Traditional,
        zh: "传统产业合计 = Σ 传统产业 R_i(t)(含品质蔬菜产值)",
        en: "Traditional total = Σ R_i(t) over traditional industries (vegetables' output value included)",
    },
    Formula {
        series: SeriesId::Emerging,
        zh: "新兴产业合计 = Σ 新兴产业 R_i(t)",
        en: "Emerging total = Σ R_i(t) over emerging industries",
    },
    Formula {
        series: SeriesId::EmergingSharePct,
        zh: "新兴产业占比 = 新兴合计 / (传统合计 + 新兴合计) × 100",
        en: "Emerging share = emerging / (traditional + emerging) × 100",
    },
    Formula {
        series: SeriesId::LeadRatio,
        zh: "新动能主导比 = 新兴产业收入 / 传统产业收入(默认不含以产值计的品质蔬菜)",
        en: "Lead ratio = emerging revenue / traditional revenue (vegetables, measured by output value, left out by default)",
    },
    Formula {
        series: SeriesId::Gdp,
        zh: "GDP(t) = Σ_i 增加值率_i × R_i(t) + 其他经济(t);其他经济(0) = GDP(0) − Σ_i 增加值率_i × R_i(0),按“其他经济增速”增长",
        en: "GDP(t) = Σ_i value-added ratio_i × R_i(t) + rest(t); rest(0) = GDP(0) − Σ_i ratio_i × R_i(0), growing at the rest-of-economy rate",
    },
    Formula {
        series: SeriesId::Employment,
        zh: "就业人数(万人):L(0) = GDP(0) / 劳动生产率(0),L(t) = L(0) × (1 + 就业增速/100)^t",
        en: "Employment (万人): L(0) = GDP(0) / productivity(0), L(t) = L(0) × (1 + employment growth/100)^t",
    },
    Formula {
        series: SeriesId::Productivity,
        zh: "全员劳动生产率(万元/人)= GDP(t) / L(t)",
        en: "Labour productivity (万元 per person) = GDP(t) / L(t)",
    },
    Formula {
        series: SeriesId::SeiShare,
        zh: "战略性新兴产业增加值占比(t) = 占比(0) × [E(t)/E(0)] / [GDP(t)/GDP(0)],E = Σ_i 战略性新兴产业占比_i × 增加值率_i × R_i:战略性新兴产业增加值快于GDP时占比上升",
        en: "SEI share(t) = share(0) × [E(t)/E(0)] / [GDP(t)/GDP(0)], E = Σ_i strategic-emerging share_i × value-added ratio_i × R_i: the share rises when strategic emerging value added outgrows GDP",
    },
    Formula {
        series: SeriesId::HighTechShare,
        zh: "高新技术产值占比(t) = 占比(0) × [X(t)/X(0)] / [Y(t)/Y(0)],X = Σ 高新比例_i(t) × 工业比例_i × R_i,高新比例_i(t) = 基年比例_i + 年提升_i × t(限0—1),Y = Σ 工业比例_i × R_i(上限100)",
        en: "High-tech share(t) = share(0) × [X(t)/X(0)] / [Y(t)/Y(0)], X = Σ high-tech fraction_i(t) × industrial fraction_i × R_i, fraction_i(t) = base fraction_i + yearly rise_i × t (within 0–1), Y = Σ industrial fraction_i × R_i (capped at 100)",
    },
    Formula {
        series: SeriesId::RdShare,
        zh: "研发投入占比(t) = 占比(0) × [X(t)/X(0)] × (1 + 研发强度变化/100)^t / [GDP(t)/GDP(0)](研发随高新技术收入变化,上限100)",
        en: "R&D share(t) = share(0) × [X(t)/X(0)] × (1 + R&D intensity change/100)^t / [GDP(t)/GDP(0)] (R&D follows high-tech revenue; capped at 100)",
    },
];

/// The formula of a series (industries share one formula).
pub fn formula(series: SeriesId) -> Option<&'static Formula> {
    let series = match series {
        SeriesId::Industry(_) => SeriesId::Industry(0),
        other => other,
    };
    FORMULAS.iter().find(|formula| formula.series == series)
}

/// Precomputed coefficients linking industry revenues to the economy-wide
/// series; shared by the projection and the Monte Carlo simulation.
#[derive(Clone, Debug)]
pub(crate) struct Links {
    pub n_years: usize,
    pub n_industries: usize,
    pub base_yi_yuan: Vec<f64>,
    /// Deterministic growth factor, `[year_idx * n_industries + industry_idx]`;
    /// the row of year index 0 is unused (1.0).
    pub factor: Vec<f64>,
    /// Phase of each year index.
    pub phase: Vec<usize>,
    pub coefficients: Vec<IndustryCoefficients>,
    /// High-tech fraction × industrial fraction of each industry in each
    /// year, `[year_idx * n_industries + industry_idx]`: the base year's
    /// fraction moved by the industry's upgrading lever, within 0..=1.
    pub high_tech_weight: Vec<f64>,
    pub yearly: Vec<Yearly>,
    pub gdp_base: f64,
    /// Reciprocals of the base-year sums (0 when a sum is not positive).
    pub inverse_emerging_value_added_base: f64,
    pub inverse_high_tech_base: f64,
    pub inverse_industrial_base: f64,
    pub sei_share_base_pct: f64,
    pub high_tech_share_base_pct: f64,
    pub rd_share_base_pct: f64,
}

/// One industry's links, as weights.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IndustryCoefficients {
    pub value_added_ratio: f64,
    pub industrial_fraction: f64,
    /// 1.0 for an emerging industry, 0.0 for a traditional one.
    pub emerging_weight: f64,
    /// The share of the industry's value added that is strategic emerging.
    pub sei_weight: f64,
    /// 1.0 if the industry counts in the 2028 lead test, else 0.0.
    pub lead_weight: f64,
}

/// The non-random economy-wide values of one year.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Yearly {
    /// Rest-of-economy value added, 亿元.
    pub rest_yi_yuan: f64,
    /// Employment, 万人.
    pub employment_wan: f64,
    /// 1 / employment, or 0 when employment is not positive.
    pub inverse_employment: f64,
    /// (1 + R&D intensity change)^t.
    pub rd_multiplier: f64,
}

/// The weighted sums over the industries of one year that every
/// economy-wide value is derived from. Written for speed under
/// `opt-level = "z"`: group membership as 0/1 weights instead of branches.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Sums {
    pub traditional: f64,
    pub emerging: f64,
    pub lead_traditional: f64,
    pub lead_emerging: f64,
    pub value_added: f64,
    pub emerging_value_added: f64,
    pub high_tech: f64,
    pub industrial: f64,
}

impl Sums {
    /// Adds one industry's `level` (revenue, 亿元) with its weights and its
    /// high-tech weight of that year.
    #[inline(always)]
    pub(crate) fn add(
        &mut self,
        coefficients: &IndustryCoefficients,
        high_tech_weight: f64,
        level: f64,
    ) {
        let industry_value_added = coefficients.value_added_ratio * level;
        let emerging_part = coefficients.emerging_weight * level;
        let traditional_part = level - emerging_part;
        self.value_added += industry_value_added;
        self.high_tech += high_tech_weight * level;
        self.industrial += coefficients.industrial_fraction * level;
        self.emerging += emerging_part;
        self.traditional += traditional_part;
        self.emerging_value_added += coefficients.sei_weight * industry_value_added;
        self.lead_emerging += coefficients.lead_weight * emerging_part;
        self.lead_traditional += coefficients.lead_weight * traditional_part;
    }
}

/// The economy-wide values of one year, derived from industry revenues.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Derived {
    pub traditional: f64,
    pub emerging: f64,
    pub emerging_share_pct: f64,
    pub lead_ratio: f64,
    pub gdp: f64,
    pub employment: f64,
    pub productivity: f64,
    pub sei_share_pct: f64,
    pub high_tech_share_pct: f64,
    pub rd_share_pct: f64,
}

fn reciprocal_or_zero(value: f64) -> f64 {
    if value > 0.0 {
        1.0 / value
    } else {
        0.0
    }
}

#[inline(always)]
fn ratio_or_one(numerator: f64, denominator: f64) -> f64 {
    if denominator > 0.0 {
        numerator / denominator
    } else {
        1.0
    }
}

impl Links {
    pub fn new(plan: &Plan, scenario: &Scenario) -> Links {
        let n_years = plan.n_years();
        let n_industries = plan.industries.len();
        let industry = |idx: usize| scenario.industries.get(idx);
        let base_yi_yuan: Vec<f64> = (0..n_industries)
            .map(|idx| {
                industry(idx).map_or(plan.industries[idx].base_value.value, |assumptions| {
                    assumptions.base_yi_yuan.max(0.0)
                })
            })
            .collect();
        let phase: Vec<usize> = (0..n_years)
            .map(|year_idx| plan.phase_of(plan.base_year() + year_idx as u16))
            .collect();
        let mut factor = vec![1.0; n_years * n_industries];
        for industry_idx in 0..n_industries {
            for year_idx in 1..n_years {
                let year = plan.base_year() + year_idx as u16;
                let growth_pct = scenario.growth_pct(industry_idx, phase[year_idx])
                    + scenario.shock_pp(industry_idx, year);
                factor[year_idx * n_industries + industry_idx] =
                    (1.0 + growth_pct / 100.0).max(GROWTH_FACTOR_FLOOR);
            }
        }
        // Each industry's link from the scenario, or the plan's value for an
        // industry the scenario lacks, through the field table.
        let linked = |field: fn(usize) -> Field| -> Vec<f64> {
            (0..n_industries)
                .map(|idx| {
                    let field = field(idx);
                    if field.exists_in(scenario) {
                        field.get(scenario)
                    } else {
                        field.plan_value(plan).unwrap_or(0.0)
                    }
                })
                .collect()
        };
        let value_added_ratio = linked(Field::ValueAddedRatio);
        let industrial_fraction = linked(Field::IndustrialFraction);
        let high_tech_fraction = linked(Field::HighTechFraction);
        let upgrade_pp = linked(Field::HighTechUpgrade);
        let mut high_tech_weight = vec![0.0; n_years * n_industries];
        for year_idx in 0..n_years {
            for idx in 0..n_industries {
                let fraction = (high_tech_fraction[idx]
                    + upgrade_pp[idx] / 100.0 * year_idx as f64)
                    .clamp(0.0, 1.0);
                high_tech_weight[year_idx * n_industries + idx] =
                    fraction * industrial_fraction[idx];
            }
        }
        let sei_weight = linked(Field::SeiFraction);
        let emerging_weight: Vec<f64> = (0..n_industries)
            .map(|idx| f64::from(u8::from(Scenario::group_of(plan, idx) == Group::Emerging)))
            .collect();
        let lead_weight: Vec<f64> = (0..n_industries)
            .map(|idx| f64::from(u8::from(scenario.counts_in_lead_test(plan, idx))))
            .collect();

        let economy = &scenario.economy;
        let gdp_base = economy.gdp_base_yi_yuan.max(0.0);
        let value_added_base: f64 = (0..n_industries)
            .map(|idx| value_added_ratio[idx] * base_yi_yuan[idx])
            .sum();
        let mut rest_yi_yuan = vec![(gdp_base - value_added_base).max(0.0); n_years];
        let mut employment_wan =
            vec![ratio_or_one(gdp_base, economy.productivity_base_wan_yuan); n_years];
        let mut rd_multiplier = vec![1.0; n_years];
        for year_idx in 1..n_years {
            let rest_growth = economy.rest_of_economy_growth_pct[phase[year_idx]];
            rest_yi_yuan[year_idx] =
                rest_yi_yuan[year_idx - 1] * (1.0 + rest_growth / 100.0).max(GROWTH_FACTOR_FLOOR);
            employment_wan[year_idx] = employment_wan[year_idx - 1]
                * (1.0 + economy.employment_growth_pct / 100.0).max(GROWTH_FACTOR_FLOOR);
            rd_multiplier[year_idx] = rd_multiplier[year_idx - 1]
                * (1.0 + economy.rd_intensity_change_pct / 100.0).max(GROWTH_FACTOR_FLOOR);
        }
        let emerging_value_added_base = (0..n_industries)
            .map(|idx| sei_weight[idx] * value_added_ratio[idx] * base_yi_yuan[idx])
            .sum();
        let high_tech_base = (0..n_industries)
            .map(|idx| high_tech_weight[idx] * base_yi_yuan[idx])
            .sum();
        let industrial_base = (0..n_industries)
            .map(|idx| industrial_fraction[idx] * base_yi_yuan[idx])
            .sum();
        let coefficients = (0..n_industries)
            .map(|idx| IndustryCoefficients {
                value_added_ratio: value_added_ratio[idx],
                industrial_fraction: industrial_fraction[idx],
                emerging_weight: emerging_weight[idx],
                sei_weight: sei_weight[idx],
                lead_weight: lead_weight[idx],
            })
            .collect();
        let yearly = (0..n_years)
            .map(|year_idx| Yearly {
                rest_yi_yuan: rest_yi_yuan[year_idx],
                employment_wan: employment_wan[year_idx],
                inverse_employment: reciprocal_or_zero(employment_wan[year_idx]),
                rd_multiplier: rd_multiplier[year_idx],
            })
            .collect();
        Links {
            n_years,
            n_industries,
            base_yi_yuan,
            factor,
            phase,
            coefficients,
            high_tech_weight,
            yearly,
            gdp_base,
            inverse_emerging_value_added_base: reciprocal_or_zero(emerging_value_added_base),
            inverse_high_tech_base: reciprocal_or_zero(high_tech_base),
            inverse_industrial_base: reciprocal_or_zero(industrial_base),
            sei_share_base_pct: economy.sei_share_base_pct,
            high_tech_share_base_pct: economy.high_tech_share_base_pct,
            rd_share_base_pct: economy.rd_share_base_pct,
        }
    }

    /// The economy-wide values of year index `year_idx` given the industries'
    /// revenues that year.
    #[inline(always)]
    pub fn derive(&self, year_idx: usize, revenue: &[f64]) -> Derived {
        let mut sums = Sums::default();
        for ((coefficients, &high_tech_weight), &revenue_yi_yuan) in self
            .coefficients
            .iter()
            .zip(self.high_tech_weights(year_idx))
            .zip(revenue)
        {
            sums.add(coefficients, high_tech_weight, revenue_yi_yuan);
        }
        self.derive_from(year_idx, &sums)
    }

    /// The industries' high-tech weights in year index `year_idx` (empty
    /// beyond the end year).
    #[inline(always)]
    pub(crate) fn high_tech_weights(&self, year_idx: usize) -> &[f64] {
        let start = year_idx * self.n_industries;
        self.high_tech_weight
            .get(start..start + self.n_industries)
            .unwrap_or(&[])
    }

    /// The formulas of [`Links::derive`] applied to sums already taken (the
    /// Monte Carlo takes them per run in its own memory layout).
    #[inline(always)]
    pub(crate) fn derive_from(&self, year_idx: usize, sums: &Sums) -> Derived {
        let Sums {
            traditional,
            emerging,
            lead_traditional,
            lead_emerging,
            value_added,
            emerging_value_added,
            high_tech,
            industrial,
        } = *sums;
        let (rest_yi_yuan, employment, inverse_employment, rd_multiplier) =
            match self.yearly.get(year_idx) {
                Some(yearly) => (
                    yearly.rest_yi_yuan,
                    yearly.employment_wan,
                    yearly.inverse_employment,
                    yearly.rd_multiplier,
                ),
                None => (0.0, 0.0, 0.0, 1.0),
            };
        let gdp = value_added + rest_yi_yuan;
        // GDP(0)/GDP(t); 1 when GDP is not positive.
        let gdp_shrink = if gdp > 0.0 { self.gdp_base / gdp } else { 1.0 };
        let high_tech_growth = scaled_or_one(high_tech, self.inverse_high_tech_base);
        let industrial_growth = scaled_or_one(industrial, self.inverse_industrial_base);
        let sei_share_pct = cap_100(
            self.sei_share_base_pct
                * scaled_or_one(emerging_value_added, self.inverse_emerging_value_added_base)
                * gdp_shrink,
        );
        let high_tech_share_pct = cap_100(if industrial_growth > 0.0 {
            self.high_tech_share_base_pct * high_tech_growth / industrial_growth
        } else {
            self.high_tech_share_base_pct
        });
        let rd_share_pct =
            cap_100(self.rd_share_base_pct * high_tech_growth * rd_multiplier * gdp_shrink);
        let total = traditional + emerging;
        Derived {
            traditional,
            emerging,
            emerging_share_pct: if total > 0.0 {
                emerging / total * 100.0
            } else {
                0.0
            },
            lead_ratio: if lead_traditional > 0.0 {
                lead_emerging / lead_traditional
            } else {
                0.0
            },
            gdp,
            employment,
            productivity: gdp * inverse_employment,
            sei_share_pct,
            high_tech_share_pct,
            rd_share_pct,
        }
    }
}

/// `value × inverse_base`, or 1 when the base was not positive (its
/// reciprocal is then stored as 0).
#[inline(always)]
pub(crate) fn scaled_or_one(value: f64, inverse_base: f64) -> f64 {
    if inverse_base > 0.0 {
        value * inverse_base
    } else {
        1.0
    }
}

#[inline(always)]
pub(crate) fn cap_100(share_pct: f64) -> f64 {
    if share_pct > 100.0 {
        100.0
    } else {
        share_pct
    }
}

/// Every projected series, one value per year from the base year to the end
/// year.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    years: Vec<u16>,
    industries: Vec<Vec<f64>>,
    traditional_yi_yuan: Vec<f64>,
    emerging_yi_yuan: Vec<f64>,
    emerging_share_pct: Vec<f64>,
    lead_ratio: Vec<f64>,
    gdp_yi_yuan: Vec<f64>,
    employment_wan: Vec<f64>,
    productivity_wan_yuan: Vec<f64>,
    sei_share_pct: Vec<f64>,
    high_tech_share_pct: Vec<f64>,
    rd_share_pct: Vec<f64>,
}

/// Projects a scenario from the base year to the end year. Pure and total:
/// a scenario that does not fit the plan (wrong lengths) falls back to the
/// plan's values, so this never panics; validate scenarios from outside
/// first.
///
/// ```
/// use pathways::model::{project, Plan, Scenario};
/// let plan = Plan::shouguang_2018().unwrap();
/// let mut scenario = pathways::model::plan_defaults(&plan);
/// scenario.set_growth_pct(1, 0, 8.0).unwrap(); // chemicals, 2018–2022
/// let projection = project(&plan, &scenario);
/// assert_eq!(projection.years().first(), Some(&2017));
/// let chemicals_2022 = projection.value(pathways::model::SeriesId::Industry(1), 2022).unwrap();
/// assert!((chemicals_2022 - 650.0 * 1.08_f64.powi(5)).abs() < 1e-9);
/// ```
pub fn project(plan: &Plan, scenario: &Scenario) -> Projection {
    let links = Links::new(plan, scenario);
    let n_years = links.n_years;
    let n_industries = links.n_industries;
    let mut industries = vec![vec![0.0; n_years]; n_industries];
    for (industry_idx, series) in industries.iter_mut().enumerate() {
        let mut level = links.base_yi_yuan[industry_idx];
        series[0] = level;
        for (year_idx, value) in series.iter_mut().enumerate().skip(1) {
            level *= links.factor[year_idx * n_industries + industry_idx];
            *value = level;
        }
    }
    let mut projection = Projection {
        years: (0..n_years)
            .map(|year_idx| plan.base_year() + year_idx as u16)
            .collect(),
        industries,
        traditional_yi_yuan: Vec::with_capacity(n_years),
        emerging_yi_yuan: Vec::with_capacity(n_years),
        emerging_share_pct: Vec::with_capacity(n_years),
        lead_ratio: Vec::with_capacity(n_years),
        gdp_yi_yuan: Vec::with_capacity(n_years),
        employment_wan: Vec::with_capacity(n_years),
        productivity_wan_yuan: Vec::with_capacity(n_years),
        sei_share_pct: Vec::with_capacity(n_years),
        high_tech_share_pct: Vec::with_capacity(n_years),
        rd_share_pct: Vec::with_capacity(n_years),
    };
    let mut revenue = vec![0.0; n_industries];
    for year_idx in 0..n_years {
        for (industry_idx, value) in revenue.iter_mut().enumerate() {
            *value = projection.industries[industry_idx][year_idx];
        }
        let derived = links.derive(year_idx, &revenue);
        projection.traditional_yi_yuan.push(derived.traditional);
        projection.emerging_yi_yuan.push(derived.emerging);
        projection
            .emerging_share_pct
            .push(derived.emerging_share_pct);
        projection.lead_ratio.push(derived.lead_ratio);
        projection.gdp_yi_yuan.push(derived.gdp);
        projection.employment_wan.push(derived.employment);
        projection.productivity_wan_yuan.push(derived.productivity);
        projection.sei_share_pct.push(derived.sei_share_pct);
        projection
            .high_tech_share_pct
            .push(derived.high_tech_share_pct);
        projection.rd_share_pct.push(derived.rd_share_pct);
    }
    projection
}

impl Projection {
    /// The projected years, base year to end year.
    pub fn years(&self) -> &[u16] {
        &self.years
    }

    /// An industry's revenue (output value for vegetables) per year, 亿元;
    /// empty for an index that does not exist.
    pub fn industry(&self, industry_idx: usize) -> &[f64] {
        self.industries.get(industry_idx).map_or(&[], Vec::as_slice)
    }

    /// Any series per year; empty for an industry index that does not exist.
    pub fn series(&self, series: SeriesId) -> &[f64] {
        match series {
            SeriesId::Industry(industry_idx) => self.industry(industry_idx),
            SeriesId::Traditional => &self.traditional_yi_yuan,
            SeriesId::Emerging => &self.emerging_yi_yuan,
            SeriesId::EmergingSharePct => &self.emerging_share_pct,
            SeriesId::LeadRatio => &self.lead_ratio,
            SeriesId::Gdp => &self.gdp_yi_yuan,
            SeriesId::Employment => &self.employment_wan,
            SeriesId::Productivity => &self.productivity_wan_yuan,
            SeriesId::SeiShare => &self.sei_share_pct,
            SeriesId::HighTechShare => &self.high_tech_share_pct,
            SeriesId::RdShare => &self.rd_share_pct,
        }
    }

    /// Index of a year in [`Projection::years`].
    pub fn year_idx(&self, year: u16) -> Option<usize> {
        let first = *self.years.first()?;
        let idx = usize::from(year.checked_sub(first)?);
        (idx < self.years.len()).then_some(idx)
    }

    /// One series' value in one year.
    pub fn value(&self, series: SeriesId, year: u16) -> Option<f64> {
        self.series(series).get(self.year_idx(year)?).copied()
    }

    /// Sum of the traditional or emerging industries per year.
    pub fn group_total(&self, group: Group) -> &[f64] {
        match group {
            Group::Traditional => &self.traditional_yi_yuan,
            Group::Emerging => &self.emerging_yi_yuan,
        }
    }

    /// Number of industries projected.
    pub fn n_industries(&self) -> usize {
        self.industries.len()
    }
}

/// The series the UI shows bands for and the Monte Carlo simulation tracks.
pub fn tracked_series(n_industries: usize) -> Vec<SeriesId> {
    let mut series: Vec<SeriesId> = (0..n_industries).map(SeriesId::Industry).collect();
    series.extend([
        SeriesId::Traditional,
        SeriesId::Emerging,
        SeriesId::EmergingSharePct,
        SeriesId::LeadRatio,
        SeriesId::Gdp,
        SeriesId::Productivity,
        SeriesId::SeiShare,
        SeriesId::HighTechShare,
        SeriesId::RdShare,
    ]);
    series
}
