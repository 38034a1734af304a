//! Validation of a [`Scenario`] against a plan: every field of the field
//! table ([`super::field`]) against its range, the plan's shape (one entry
//! per industry, shocks within the years) and the cross-field rule (GDP
//! base at least the industries' value added). A valid scenario formats no
//! text: a problem's path is written only when there is a problem.

use std::fmt;
use std::ops::RangeInclusive;

use super::bounds::*;
use super::field::Field;
use super::plan::{Plan, Text};
use super::scenario::{FieldProblem, Scenario, ScenarioError};

struct Checker {
    problems: Vec<FieldProblem>,
}

impl Checker {
    fn range(&mut self, field: impl Into<String>, value: f64, range: &RangeInclusive<f64>) {
        if !value.is_finite() || !range.contains(&value) {
            self.problems
                .push(FieldProblem::out_of_range(field, value, range));
        }
    }

    fn other(
        &mut self,
        field: impl Into<String>,
        value: impl fmt::Display,
        allowed_zh: impl Into<String>,
        allowed_en: impl Into<String>,
    ) {
        self.problems.push(FieldProblem {
            field: field.into(),
            value: value.to_string(),
            allowed: Text {
                zh: allowed_zh.into(),
                en: allowed_en.into(),
            },
        });
    }
}

impl Scenario {
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
            checker.other(&field, phase, "阶段 0 或 1", "phase 0 or 1");
        } else if industry_idx >= self.industries.len() {
            checker.other(
                &field,
                industry_idx,
                format!("小于 {} 的产业序号", self.industries.len()),
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
                format!("恰好 {n_industries} 项,规划中每个产业一项"),
                format!("exactly {n_industries}, one per industry of the plan"),
            );
        }
        let n_slots = self.industries.len().max(self.uncertainty.sigma_pp.len());
        for field in Field::for_industries(n_slots) {
            // A slot the scenario lacks is reported by the length checks.
            if !field.exists_in(self) {
                continue;
            }
            let value = field.get(self);
            let range = field.range();
            if !value.is_finite() || !range.contains(&value) {
                checker
                    .problems
                    .push(FieldProblem::out_of_range(field.path(), value, &range));
            }
        }
        if self.shocks.len() > MAX_SHOCKS {
            checker.other(
                "shocks",
                format!("{} shocks", self.shocks.len()),
                format!("最多 {MAX_SHOCKS} 项"),
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
                    format!("{first_year}—{} 年", plan.end_year()),
                    format!("{first_year}..={}", plan.end_year()),
                );
            }
            if let Some(industry_idx) = shock.industry {
                if industry_idx >= n_industries {
                    checker.other(
                        format!("{path}.industry"),
                        industry_idx,
                        format!("小于 {n_industries} 的产业序号,或留空表示全部产业"),
                        format!("an industry index below {n_industries}, or none for all"),
                    );
                }
            }
            checker.range(format!("{path}.pct"), shock.pct, &SHOCK_PCT);
        }
        let economy = &self.economy;
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
                    "不低于各产业基年增加值之和 {value_added_base:.1}(Σ 基数 × 增加值率)"
                ),
                format!(
                    "at least the industries' base-year value added, {value_added_base:.1} (Σ base × value-added ratio)"
                ),
            );
        }
        let uncertainty = &self.uncertainty;
        if uncertainty.sigma_pp.len() != n_industries {
            checker.other(
                "uncertainty.sigma_pp",
                format!("{} entries", uncertainty.sigma_pp.len()),
                format!("恰好 {n_industries} 项,规划中每个产业一项"),
                format!("exactly {n_industries}, one per industry of the plan"),
            );
        }
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
                allowed: Text {
                    zh: "情景对象".to_string(),
                    en: "a scenario object".to_string(),
                },
            }],
        })?;
        scenario.validate(plan)?;
        Ok(scenario)
    }
}
