//! The plan as data: industries, economy-wide baselines, the goal register,
//! published figures, the 2028 interpretation and the presets.
//!
//! A plan file is JSON. [`Plan::from_json`] reads it section by section and
//! element by element, so one bad industry does not hide a bad goal: the
//! returned [`PlanError`] lists every problem found, each with its path.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::Serialize;
use serde_json::Value;

mod read;
use read::Read;

use super::bounds::{
    BASE_YI_YUAN, CLOSE_TOLERANCE_PCT, CORRELATION, EMPLOYMENT_GROWTH_PCT, GDP_YI_YUAN, GROWTH_PCT,
    HIGH_TECH_UPGRADE_PP, LEAD_RATIO, PRODUCTIVITY_WAN_YUAN, RATIO, RD_INTENSITY_CHANGE_PCT, RUNS,
    SHARE_PCT, SHOCK_PCT, SIGMA_PP,
};

/// The embedded default plan file: Shouguang's 2018 plan
/// (`assets/plan/shouguang-2018.json`, its whitespace between tokens taken
/// out by `build.rs`).
pub const SHOUGUANG_2018_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/shouguang-2018.json"));

/// The plan-file schema version this code reads.
pub const SCHEMA_VERSION: u32 = 1;

/// A bilingual string.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// The two groups of the plan's eight industries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    Traditional,
    Emerging,
}

/// What an industry's series measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Main-business revenue (主营业务收入), the measure of the plan's goals.
    Revenue,
    /// Output value (产值), for vegetables: not comparable with revenue.
    OutputValue,
}

/// Where a number comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Provenance {
    /// From the plan's text; `clause` is quoted verbatim.
    Plan { clause: String },
    /// A published statistic; `secondary` marks a repost or news item rather
    /// than the official bulletin.
    Published {
        source: String,
        quote: String,
        secondary: bool,
    },
    /// A default chosen by this app, with a one-line rationale.
    Assumption { rationale: Text },
}

/// A number with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sourced {
    pub value: f64,
    pub provenance: Provenance,
}

impl Sourced {
    /// A value the plan file left out, filled in by [`Plan::from_json`]
    /// (JSON has no NaN, so a file cannot write it).
    fn unset() -> Sourced {
        Sourced {
            value: f64::NAN,
            provenance: Provenance::Assumption {
                rationale: Text {
                    zh: String::new(),
                    en: String::new(),
                },
            },
        }
    }

    /// No upgrading within an industry: the default of a plan file that
    /// leaves the lever out.
    fn no_upgrading() -> Sourced {
        Sourced {
            value: 0.0,
            provenance: Provenance::Assumption {
                rationale: Text {
                    zh: "默认不假设产业内部升级:高新技术占比保持基年水平。".into(),
                    en: "No upgrading within the industry by default: its high-tech share stays at the base year's.".into(),
                },
            },
        }
    }
}

/// One of the plan's industries with its base-year value and its links to the
/// economy-wide indicators (all links are assumptions with rationales).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Industry {
    pub id: String,
    pub name: Text,
    pub group: Group,
    pub measure: Measure,
    pub unit: Text,
    /// Base-year value in 亿元.
    pub base_value: Sourced,
    /// Value added per yuan of revenue, 0..=1.
    pub value_added_ratio: Sourced,
    /// Share of the revenue that is above-scale industrial output, 0..=1.
    pub industrial_fraction: Sourced,
    /// Share of the industrial part that is high-tech output, 0..=1.
    pub high_tech_fraction: Sourced,
    /// Yearly change of the high-tech fraction, percentage points a year:
    /// upgrading within the industry. 0 when a plan file leaves it out.
    pub high_tech_upgrade_pp: Sourced,
    /// Share of the value added that belongs to strategic emerging
    /// industries (as the national catalogue counts them), 0..=1. When a
    /// plan file leaves it out: 1 for an emerging industry, 0 for a
    /// traditional one (see [`Plan::from_json`]).
    pub sei_fraction: Sourced,
    /// Uncertainty of the industry's average growth rate in a phase, pp.
    pub sigma_pp: Sourced,
}

/// Economy-wide base-year values and default rates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Economy {
    pub gdp_base_yi_yuan: Sourced,
    pub productivity_base_wan_yuan: Sourced,
    pub sei_share_base_pct: Sourced,
    pub high_tech_share_base_pct: Sourced,
    pub rd_share_base_pct: Sourced,
    /// Nominal growth of GDP outside the eight industries, per phase.
    pub rest_of_economy_growth_pct: [Sourced; 2],
    pub employment_growth_pct: Sourced,
    /// Yearly change of R&D spending per yuan of high-tech revenue.
    pub rd_intensity_change_pct: Sourced,
}

/// Default settings of the Monte Carlo simulation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct UncertaintyDefaults {
    pub correlation: Sourced,
    pub runs: u32,
    pub seed: u64,
}

/// How goals are judged.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvaluationSettings {
    /// A missed goal within this percentage of its target is "close".
    pub close_tolerance_pct: f64,
    /// The years at which every projected goal is evaluated.
    pub checkpoints: Vec<u16>,
    pub rationale: Text,
}

/// How the app quantifies the plan's qualitative 2028 aim. This is an
/// interpretation, not the plan's text; the scenario carries a copy the user
/// can change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InterpretationDefaults {
    /// The goal this interpretation quantifies.
    pub goal: String,
    pub year: u16,
    pub emerging_to_traditional_min_ratio: f64,
    pub include_vegetables: bool,
    pub continue_increments: bool,
    pub continue_productivity_growth: bool,
    pub note: Text,
}

/// A published figure shown as an actual point beside the projection.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PublishedFigure {
    pub series: String,
    pub year: u16,
    pub value: f64,
    pub unit: String,
    /// The goal this figure is an actual of, if any.
    pub goal: Option<String>,
    /// The level to compare the figure with when it is not the goal's own
    /// measure (a cumulative count against a band's goal): the sum of the
    /// plan's targets that the figure covers. `None`: the goal's target.
    pub compare_target: Option<f64>,
    /// How the figure relates to the goal, when that needs saying.
    pub note: Option<Text>,
    pub provenance: Provenance,
}

/// What kind of goal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalKind {
    /// Reach a level (亿元, 万元 per person…).
    Level,
    /// Raise an indicator by `target` every year from the base year.
    IncrementPerYear,
    /// A number of firms, parks, institutes…
    Count,
    /// Words, not a number (the app may still quantify it by interpretation).
    Qualitative,
}

/// How the projected or actual value compares with the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    /// "As many as possible", out of at most `target`.
    UpTo,
    Qualitative,
}

/// Whether the model projects a goal or a person tracks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tracking {
    Projected,
    TrackedByHand,
}

/// The series a projected goal is judged on, as written in the plan file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesRef {
    Industry(String),
    SeiShare,
    HighTechShare,
    RdShare,
    Productivity,
    Gdp,
    LeadRatio,
}

/// A projected series, resolved to indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeriesId {
    /// An industry's revenue (or output value), 亿元.
    Industry(usize),
    /// Sum of the traditional industries, 亿元.
    Traditional,
    /// Sum of the emerging industries, 亿元.
    Emerging,
    /// Emerging industries' share of the eight industries' total, %.
    EmergingSharePct,
    /// Emerging ÷ traditional revenue as the 2028 interpretation defines it.
    LeadRatio,
    /// GDP, 亿元.
    Gdp,
    /// Employed persons, 万人.
    Employment,
    /// Labour productivity, 万元 per person.
    Productivity,
    /// Strategic emerging industries' value added over GDP, %.
    SeiShare,
    /// High-tech output over above-scale industrial output, %.
    HighTechShare,
    /// R&D spending over GDP, %.
    RdShare,
}

/// One goal of the register.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Goal {
    pub id: String,
    pub name: Text,
    /// The plan's words, verbatim.
    pub clause: String,
    /// Section of the plan, e.g. "一、1", or "引言" for the preamble.
    pub section: String,
    pub deadline: u16,
    /// False when the text gives no deadline and the app assumed one.
    pub deadline_in_text: bool,
    /// The target; for `IncrementPerYear` the increment per year.
    pub target: Option<f64>,
    pub kind: GoalKind,
    pub comparison: Comparison,
    pub unit: Text,
    pub tracking: Tracking,
    /// The file's `series`, as written there. Read only by validation,
    /// which resolves it into `series_id` and leaves `None` here, so a
    /// loaded plan holds the series once.
    #[serde(rename = "series", skip_serializing)]
    series_in_file: Option<SeriesRef>,
    pub note: Option<Text>,
    /// The series a projected goal is judged on, resolved to indices on
    /// load from the file's `series`; `None` for a goal tracked by hand.
    #[serde(skip)]
    pub series_id: Option<SeriesId>,
}

/// A one-year shock in a preset, by industry id (`None`: every industry).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PresetShock {
    pub year: u16,
    pub industry: Option<String>,
    pub pct: f64,
}

/// A named preset scenario, as data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PresetSpec {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// Replace phase-1 growth by the goal-seek result for every industry
    /// with a 2022 revenue goal.
    pub seek_phase_1: bool,
    /// Copy phase-1 growth (after seeking) into phase 2.
    pub phase_2_from_phase_1: bool,
    /// Growth per industry id, `[phase 1, phase 2]`, percent per year.
    pub growth_pct: BTreeMap<String, [f64; 2]>,
    pub shocks: Vec<PresetShock>,
}

/// A validated plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub schema_version: u32,
    pub id: String,
    pub title: Text,
    /// The city or county the plan is for, as the interface names it
    /// ("寿光" / "Shouguang"); optional in the file (`None`: the interface
    /// names no place).
    pub city: Option<Text>,
    /// How the interface cites the plan in a sentence ("《关于…的实施意见》
    /// (2018)" / "Shouguang's 2018 plan for new growth drivers"); optional
    /// in the file (`None`: the full title and the year it was published).
    pub short_title: Option<Text>,
    pub published_on: String,
    pub currency_note: Text,
    base_year: u16,
    milestone_year: u16,
    end_year: u16,
    pub evaluation: EvaluationSettings,
    pub industries: Vec<Industry>,
    pub economy: Economy,
    pub uncertainty: UncertaintyDefaults,
    pub interpretation: InterpretationDefaults,
    pub published: Vec<PublishedFigure>,
    pub goals: Vec<Goal>,
    pub default_preset: String,
    pub presets: Vec<PresetSpec>,
}

/// One bad value: which field, what it was, what is allowed. The one
/// problem type of the plan file, the scenario, the link and the files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: String,
    pub value: String,
    /// What is allowed, in Chinese and English.
    pub allowed: Text,
}

impl FieldProblem {
    /// A number outside its range: "-30..=60" / "−30 至 60".
    pub fn out_of_range(
        field: impl Into<String>,
        value: f64,
        range: &std::ops::RangeInclusive<f64>,
    ) -> FieldProblem {
        FieldProblem {
            field: field.into(),
            value: format!("{value}"),
            allowed: Text {
                zh: format!("{} 至 {}", range.start(), range.end()),
                en: format!("{}..={}", range.start(), range.end()),
            },
        }
    }

    /// What is allowed, in one language.
    pub fn allowed(&self, zh: bool) -> &str {
        if zh {
            &self.allowed.zh
        } else {
            &self.allowed.en
        }
    }
}

/// A plan-file problem: `field` is its path in the file, `value` what the
/// file had there (possibly empty), `allowed` the whole rule it broke, in
/// Chinese and English.
fn problem(
    field: impl Into<String>,
    value: impl Into<String>,
    zh: String,
    en: String,
) -> FieldProblem {
    FieldProblem {
        field: field.into(),
        value: value.into(),
        allowed: Text { zh, en },
    }
}

/// Everything wrong with a plan file, one problem per line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanError {
    pub problems: Vec<FieldProblem>,
}

impl PlanError {
    /// The problems for the user, in Chinese (`zh`) or English, one line
    /// each after a count.
    ///
    /// ```
    /// let error = pathways::model::Plan::from_json("{}").unwrap_err();
    /// assert!(error.message(true).starts_with("规划文件有 17 处问题"));
    /// assert!(error.message(true).contains("schema_version:缺少此项"));
    /// assert!(error.message(false).contains("schema_version: missing"));
    /// ```
    pub fn message(&self, zh: bool) -> String {
        let n_problems = self.problems.len();
        let mut text = if zh {
            format!("规划文件有 {n_problems} 处问题:")
        } else {
            format!(
                "the plan file has {n_problems} problem{}:",
                if n_problems == 1 { "" } else { "s" }
            )
        };
        for problem in &self.problems {
            let separator = if zh { ":" } else { ": " };
            text.push_str(&format!(
                "\n- {}{separator}{}",
                problem.field,
                problem.allowed(zh)
            ));
        }
        text
    }
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(false))
    }
}

impl std::error::Error for PlanError {}

impl Plan {
    /// The embedded default plan: Shouguang 2018.
    ///
    /// ```
    /// let plan = pathways::model::Plan::shouguang_2018().unwrap();
    /// assert_eq!((plan.base_year(), plan.end_year()), (2017, 2028));
    /// assert_eq!(plan.industries.len(), 8);
    /// ```
    pub fn shouguang_2018() -> Result<Plan, PlanError> {
        Plan::from_json(SHOUGUANG_2018_JSON)
    }

    /// Reads and validates a plan file. Every problem found is listed in the
    /// error; this never panics.
    pub fn from_json(json: &str) -> Result<Plan, PlanError> {
        let root: Value = serde_json::from_str(json).map_err(|error| PlanError {
            problems: vec![problem(
                "JSON",
                "",
                format!(
                    "文件不是有效的 JSON(第 {} 行第 {} 列出错)",
                    error.line(),
                    error.column()
                ),
                format!("not valid JSON: {error}"),
            )],
        })?;
        let mut problems = Vec::new();
        if !root.is_object() {
            return Err(PlanError {
                problems: vec![problem(
                    "JSON",
                    "",
                    "规划文件须为一个 JSON 对象 {…}".to_string(),
                    "the plan file must be a JSON object".to_string(),
                )],
            });
        }
        let schema_version = field::<u32>(&root, "schema_version", &mut problems);
        let id = field::<String>(&root, "id", &mut problems);
        let title = field::<Text>(&root, "title", &mut problems);
        let city = optional::<Text>(&root, "city", &mut problems);
        let short_title = optional::<Text>(&root, "short_title", &mut problems);
        let published_on = field::<String>(&root, "published_on", &mut problems);
        let currency_note = field::<Text>(&root, "currency_note", &mut problems);
        let base_year = field::<u16>(&root, "base_year", &mut problems);
        let milestone_year = field::<u16>(&root, "milestone_year", &mut problems);
        let end_year = field::<u16>(&root, "end_year", &mut problems);
        let evaluation = field::<EvaluationSettings>(&root, "evaluation", &mut problems);
        let industries = list::<Industry>(&root, "industries", &mut problems);
        let economy = field::<Economy>(&root, "economy", &mut problems);
        let uncertainty = field::<UncertaintyDefaults>(&root, "uncertainty", &mut problems);
        let interpretation =
            field::<InterpretationDefaults>(&root, "interpretation", &mut problems);
        let published = list::<PublishedFigure>(&root, "published", &mut problems);
        let goals = list::<Goal>(&root, "goals", &mut problems);
        let default_preset = field::<String>(&root, "default_preset", &mut problems);
        let presets = list::<PresetSpec>(&root, "presets", &mut problems);

        let (
            Some(schema_version),
            Some(id),
            Some(title),
            Some(published_on),
            Some(currency_note),
            Some(base_year),
            Some(milestone_year),
            Some(end_year),
            Some(evaluation),
            Some(industries),
            Some(economy),
            Some(uncertainty),
            Some(interpretation),
            Some(published),
            Some(goals),
            Some(default_preset),
            Some(presets),
        ) = (
            schema_version,
            id,
            title,
            published_on,
            currency_note,
            base_year,
            milestone_year,
            end_year,
            evaluation,
            industries,
            economy,
            uncertainty,
            interpretation,
            published,
            goals,
            default_preset,
            presets,
        )
        else {
            return Err(PlanError { problems });
        };
        let mut plan = Plan {
            schema_version,
            id,
            title,
            city,
            short_title,
            published_on,
            currency_note,
            base_year,
            milestone_year,
            end_year,
            evaluation,
            industries,
            economy,
            uncertainty,
            interpretation,
            published,
            goals,
            default_preset,
            presets,
        };
        plan.fill_sei_fractions();
        plan.validate(&mut problems);
        if problems.is_empty() {
            Ok(plan)
        } else {
            Err(PlanError { problems })
        }
    }

    /// Gives every industry whose file left out its strategic-emerging
    /// fraction the default of its group: 1 for emerging, 0 for traditional.
    fn fill_sei_fractions(&mut self) {
        for industry in &mut self.industries {
            if industry.sei_fraction.value.is_nan() {
                let emerging = industry.group == Group::Emerging;
                industry.sei_fraction = Sourced {
                    value: if emerging { 1.0 } else { 0.0 },
                    provenance: Provenance::Assumption {
                        rationale: if emerging {
                            Text {
                                zh: "规划文件未给出:新兴产业按全部计入战略性新兴产业。".into(),
                                en: "Not in the plan file: an emerging industry counts wholly as strategic emerging.".into(),
                            }
                        } else {
                            Text {
                                zh: "规划文件未给出:传统产业按不计入战略性新兴产业。".into(),
                                en: "Not in the plan file: a traditional industry does not count as strategic emerging.".into(),
                            }
                        },
                    },
                };
            }
        }
    }

    /// The base year (2017): the last year with known data when the plan was
    /// written; projections start here.
    pub fn base_year(&self) -> u16 {
        self.base_year
    }

    /// The first milestone (2022): the end of phase 1 and the deadline of
    /// most goals.
    pub fn milestone_year(&self) -> u16 {
        self.milestone_year
    }

    /// The last projected year (2028).
    pub fn end_year(&self) -> u16 {
        self.end_year
    }

    /// Number of projected years, base year included.
    pub fn n_years(&self) -> usize {
        usize::from(self.end_year - self.base_year) + 1
    }

    /// The phase a year belongs to: 0 up to the milestone, 1 after it.
    pub fn phase_of(&self, year: u16) -> usize {
        if year <= self.milestone_year {
            0
        } else {
            1
        }
    }

    /// Index of an industry by id.
    pub fn industry_idx(&self, id: &str) -> Option<usize> {
        self.industries
            .iter()
            .position(|industry| industry.id == id)
    }

    /// A goal by id.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    /// The industry's revenue goal at the milestone year (2022); `None` for an
    /// industry without one (vegetables, whose goal is a count of varieties).
    pub fn industry_revenue_goal(&self, industry_idx: usize) -> Option<&Goal> {
        self.goals.iter().find(|goal| {
            goal.series_id == Some(SeriesId::Industry(industry_idx))
                && goal.kind == GoalKind::Level
                && goal.deadline == self.milestone_year
                && goal.target.is_some()
        })
    }

    /// A preset by id.
    pub fn preset(&self, id: &str) -> Option<&PresetSpec> {
        self.presets.iter().find(|preset| preset.id == id)
    }

    /// Published figures for a series id of the plan file (e.g. "gdp").
    pub fn published_for<'a>(
        &'a self,
        series: &'a str,
    ) -> impl Iterator<Item = &'a PublishedFigure> {
        self.published
            .iter()
            .filter(move |figure| figure.series == series)
    }

    fn validate(&mut self, problems: &mut Vec<FieldProblem>) {
        if self.schema_version != SCHEMA_VERSION {
            problems.push(problem(
                "schema_version",
                self.schema_version.to_string(),
                format!(
                    "不支持版本 {}(本应用读取版本 {SCHEMA_VERSION})",
                    self.schema_version
                ),
                format!(
                    "{} is not supported (expected {SCHEMA_VERSION})",
                    self.schema_version
                ),
            ));
        }
        let (base, milestone, end) = (self.base_year, self.milestone_year, self.end_year);
        let years = format!("{base}, {milestone}, {end}");
        if !(base < milestone && milestone < end) {
            problems.push(problem(
                "years",
                years,
                format!("须满足 基年 base_year {base} < 中期年 milestone_year {milestone} < 末年 end_year {end}"),
                format!("base_year {base} < milestone_year {milestone} < end_year {end} does not hold"),
            ));
        } else if end - base > 60 {
            problems.push(problem(
                "years",
                years,
                format!("最多预测 60 年,{base}—{end} 年有 {} 年", end - base),
                format!(
                    "at most 60 projected years are allowed, {base}..={end} has {}",
                    end - base
                ),
            ));
        }
        let first_year = self.base_year.saturating_add(1);
        let end_year = self.end_year;
        let years_ok = |year: u16| (first_year..=end_year).contains(&year);

        check_range(
            problems,
            "evaluation.close_tolerance_pct",
            self.evaluation.close_tolerance_pct,
            &CLOSE_TOLERANCE_PCT,
        );
        check_text(problems, "evaluation.rationale", &self.evaluation.rationale);
        if let Some(city) = &self.city {
            check_text(problems, "city", city);
        }
        if let Some(short_title) = &self.short_title {
            check_text(problems, "short_title", short_title);
        }
        for (idx, year) in self.evaluation.checkpoints.iter().enumerate() {
            if !years_ok(*year) {
                problems.push(year_problem(
                    format!("evaluation.checkpoints[{idx}]"),
                    *year,
                    first_year,
                    end_year,
                ));
            }
        }

        // Industries.
        if self.industries.is_empty() {
            problems.push(problem(
                "industries",
                "",
                "至少需要一个产业".to_string(),
                "at least one industry is needed".to_string(),
            ));
        }
        let mut seen = HashSet::new();
        for (idx, industry) in self.industries.iter().enumerate() {
            let path = format!("industries[{idx}] ({})", industry.id);
            if industry.id.trim().is_empty() {
                problems.push(problem(
                    format!("{path}.id"),
                    "",
                    "id 不能为空".to_string(),
                    "must not be empty".to_string(),
                ));
            } else if !seen.insert(industry.id.clone()) {
                problems.push(duplicate_id(&path));
            }
            check_text(problems, &format!("{path}.name"), &industry.name);
            check_sourced(
                problems,
                &format!("{path}.base_value"),
                &industry.base_value,
                &BASE_YI_YUAN,
            );
            check_sourced(
                problems,
                &format!("{path}.value_added_ratio"),
                &industry.value_added_ratio,
                &RATIO,
            );
            check_sourced(
                problems,
                &format!("{path}.industrial_fraction"),
                &industry.industrial_fraction,
                &RATIO,
            );
            check_sourced(
                problems,
                &format!("{path}.high_tech_fraction"),
                &industry.high_tech_fraction,
                &RATIO,
            );
            check_sourced(
                problems,
                &format!("{path}.high_tech_upgrade_pp"),
                &industry.high_tech_upgrade_pp,
                &HIGH_TECH_UPGRADE_PP,
            );
            check_sourced(
                problems,
                &format!("{path}.sei_fraction"),
                &industry.sei_fraction,
                &RATIO,
            );
            check_sourced(
                problems,
                &format!("{path}.sigma_pp"),
                &industry.sigma_pp,
                &SIGMA_PP,
            );
        }
        for group in [Group::Traditional, Group::Emerging] {
            let has_revenue_industry = self
                .industries
                .iter()
                .any(|industry| industry.group == group && industry.measure == Measure::Revenue);
            if !has_revenue_industry {
                let (group_zh, group_en) = match group {
                    Group::Traditional => ("传统产业", "Traditional"),
                    Group::Emerging => ("新兴产业", "Emerging"),
                };
                problems.push(problem(
                    "industries",
                    "",
                    format!("{group_zh}组至少需要一个以主营业务收入计量的产业"),
                    format!("the {group_en} group needs at least one industry measured by revenue"),
                ));
            }
        }

        // Economy.
        let economy = &self.economy;
        check_sourced(
            problems,
            "economy.gdp_base_yi_yuan",
            &economy.gdp_base_yi_yuan,
            &GDP_YI_YUAN,
        );
        check_sourced(
            problems,
            "economy.productivity_base_wan_yuan",
            &economy.productivity_base_wan_yuan,
            &PRODUCTIVITY_WAN_YUAN,
        );
        check_sourced(
            problems,
            "economy.sei_share_base_pct",
            &economy.sei_share_base_pct,
            &SHARE_PCT,
        );
        check_sourced(
            problems,
            "economy.high_tech_share_base_pct",
            &economy.high_tech_share_base_pct,
            &SHARE_PCT,
        );
        check_sourced(
            problems,
            "economy.rd_share_base_pct",
            &economy.rd_share_base_pct,
            &SHARE_PCT,
        );
        for (phase, sourced) in economy.rest_of_economy_growth_pct.iter().enumerate() {
            check_sourced(
                problems,
                &format!("economy.rest_of_economy_growth_pct[{phase}]"),
                sourced,
                &GROWTH_PCT,
            );
        }
        check_sourced(
            problems,
            "economy.employment_growth_pct",
            &economy.employment_growth_pct,
            &EMPLOYMENT_GROWTH_PCT,
        );
        check_sourced(
            problems,
            "economy.rd_intensity_change_pct",
            &economy.rd_intensity_change_pct,
            &RD_INTENSITY_CHANGE_PCT,
        );
        let value_added_base: f64 = self
            .industries
            .iter()
            .map(|industry| industry.base_value.value * industry.value_added_ratio.value)
            .sum();
        if value_added_base > economy.gdp_base_yi_yuan.value {
            let gdp = economy.gdp_base_yi_yuan.value;
            problems.push(problem(
                "economy.gdp_base_yi_yuan",
                gdp.to_string(),
                format!("{gdp} 低于各产业基年增加值之和({value_added_base:.1}),GDP 基数不能更低"),
                format!(
                    "{gdp} is below the industries' base-year value added ({value_added_base:.1})"
                ),
            ));
        }

        // Uncertainty.
        check_sourced(
            problems,
            "uncertainty.correlation",
            &self.uncertainty.correlation,
            &CORRELATION,
        );
        if !RUNS.contains(&self.uncertainty.runs) {
            let runs = self.uncertainty.runs;
            problems.push(problem(
                "uncertainty.runs",
                runs.to_string(),
                format!("{runs} 超出允许范围 {} 至 {} 次", RUNS.start(), RUNS.end()),
                format!("{runs} is outside {}..={}", RUNS.start(), RUNS.end()),
            ));
        }

        // Interpretation.
        let interpretation = &self.interpretation;
        check_range(
            problems,
            "interpretation.emerging_to_traditional_min_ratio",
            interpretation.emerging_to_traditional_min_ratio,
            &LEAD_RATIO,
        );
        check_text(problems, "interpretation.note", &interpretation.note);
        if !years_ok(interpretation.year) {
            problems.push(year_problem(
                "interpretation.year".to_string(),
                interpretation.year,
                first_year,
                end_year,
            ));
        }
        if !self.goals.iter().any(|goal| goal.id == interpretation.goal) {
            problems.push(unknown_id(
                "interpretation.goal",
                &interpretation.goal,
                "目标",
                "goal",
            ));
        }

        // Published figures.
        for (idx, figure) in self.published.iter().enumerate() {
            let path = format!("published[{idx}] ({} {})", figure.series, figure.year);
            if !figure.value.is_finite() {
                problems.push(not_finite(format!("{path}.value")));
            }
            if figure
                .compare_target
                .is_some_and(|target| !target.is_finite())
            {
                problems.push(not_finite(format!("{path}.compare_target")));
            }
            if let Some(note) = &figure.note {
                check_text(problems, &format!("{path}.note"), note);
            }
            if let Some(goal_id) = &figure.goal {
                if !self.goals.iter().any(|goal| &goal.id == goal_id) {
                    problems.push(unknown_id(&format!("{path}.goal"), goal_id, "目标", "goal"));
                }
            }
            check_provenance(problems, &format!("{path}.provenance"), &figure.provenance);
        }

        // Goals.
        let mut seen = HashSet::new();
        let industry_ids: Vec<String> = self
            .industries
            .iter()
            .map(|industry| industry.id.clone())
            .collect();
        for (idx, goal) in self.goals.iter_mut().enumerate() {
            let path = format!("goals[{idx}] ({})", goal.id);
            if goal.id.trim().is_empty() {
                problems.push(problem(
                    format!("{path}.id"),
                    "",
                    "id 不能为空".to_string(),
                    "must not be empty".to_string(),
                ));
            } else if !seen.insert(goal.id.clone()) {
                problems.push(duplicate_id(&path));
            }
            check_text(problems, &format!("{path}.name"), &goal.name);
            if goal.clause.trim().is_empty() {
                problems.push(problem(
                    format!("{path}.clause"),
                    "",
                    "须引用规划原文".to_string(),
                    "must quote the plan".to_string(),
                ));
            }
            if goal.section.trim().is_empty() {
                problems.push(problem(
                    format!("{path}.section"),
                    "",
                    "章节不能为空".to_string(),
                    "must not be empty".to_string(),
                ));
            }
            if !years_ok(goal.deadline) {
                problems.push(year_problem(
                    format!("{path}.deadline"),
                    goal.deadline,
                    first_year,
                    end_year,
                ));
            }
            match goal.target {
                Some(target) if !target.is_finite() => {
                    problems.push(not_finite(format!("{path}.target")));
                }
                None if goal.kind != GoalKind::Qualitative => {
                    let (kind_zh, kind_en) = match goal.kind {
                        GoalKind::Level => ("水平类", "Level"),
                        GoalKind::IncrementPerYear => ("“每年提高”类", "IncrementPerYear"),
                        GoalKind::Count => ("数量类", "Count"),
                        GoalKind::Qualitative => ("定性", "Qualitative"),
                    };
                    problems.push(problem(
                        format!("{path}.target"),
                        "",
                        format!("{kind_zh}目标须有目标值"),
                        format!("a {kind_en} goal needs a target"),
                    ));
                }
                _ => {}
            }
            goal.series_id = None;
            match (goal.tracking, goal.series_in_file.take()) {
                (Tracking::Projected, None) => {
                    problems.push(problem(
                        format!("{path}.series"),
                        "",
                        "由模型测算的目标须指明序列".to_string(),
                        "a projected goal needs a series".to_string(),
                    ));
                }
                (Tracking::Projected, Some(series)) => {
                    if goal.kind == GoalKind::Count {
                        problems.push(problem(
                            format!("{path}.tracking"),
                            "projected",
                            "数量类目标由人工跟踪(tracked_by_hand),不由模型测算".to_string(),
                            "count goals are tracked by hand, not projected".to_string(),
                        ));
                    }
                    if goal.target.is_none() {
                        problems.push(problem(
                            format!("{path}.target"),
                            "",
                            "由模型测算的目标须有目标值".to_string(),
                            "a projected goal needs a target".to_string(),
                        ));
                    }
                    let series_id = match series {
                        SeriesRef::Industry(id) => {
                            match industry_ids.iter().position(|known| *known == id) {
                                Some(industry_idx) => Some(SeriesId::Industry(industry_idx)),
                                None => {
                                    problems.push(unknown_id(
                                        &format!("{path}.series"),
                                        &id,
                                        "产业",
                                        "industry",
                                    ));
                                    None
                                }
                            }
                        }
                        SeriesRef::SeiShare => Some(SeriesId::SeiShare),
                        SeriesRef::HighTechShare => Some(SeriesId::HighTechShare),
                        SeriesRef::RdShare => Some(SeriesId::RdShare),
                        SeriesRef::Productivity => Some(SeriesId::Productivity),
                        SeriesRef::Gdp => Some(SeriesId::Gdp),
                        SeriesRef::LeadRatio => Some(SeriesId::LeadRatio),
                    };
                    if goal.kind == GoalKind::IncrementPerYear
                        && !matches!(
                            series_id,
                            Some(SeriesId::SeiShare | SeriesId::HighTechShare | SeriesId::RdShare)
                                | None
                        )
                    {
                        problems.push(problem(
                            format!("{path}.series"),
                            "",
                            "“每年提高”类目标须针对占比指标(sei_share、high_tech_share 或 rd_share)".to_string(),
                            "a per-year increment goal must be on an indicator share".to_string(),
                        ));
                    }
                    goal.series_id = series_id;
                }
                (Tracking::TrackedByHand, _) => {}
            }
            if let Some(note) = &goal.note {
                check_text(problems, &format!("{path}.note"), note);
            }
        }

        // Presets.
        if !self
            .presets
            .iter()
            .any(|preset| preset.id == self.default_preset)
        {
            problems.push(unknown_id(
                "default_preset",
                &self.default_preset,
                "预设情景",
                "preset",
            ));
        }
        let mut seen = HashSet::new();
        for (idx, preset) in self.presets.iter().enumerate() {
            let path = format!("presets[{idx}] ({})", preset.id);
            if !seen.insert(preset.id.clone()) {
                problems.push(duplicate_id(&path));
            }
            check_text(problems, &format!("{path}.name"), &preset.name);
            check_text(
                problems,
                &format!("{path}.description"),
                &preset.description,
            );
            for industry_id in &industry_ids {
                if !preset.growth_pct.contains_key(industry_id) {
                    problems.push(problem(
                        format!("{path}.growth_pct"),
                        "",
                        format!("缺少产业 {industry_id:?} 的增速"),
                        format!("missing industry {industry_id:?}"),
                    ));
                }
            }
            for (industry_id, growth) in &preset.growth_pct {
                if !industry_ids.contains(industry_id) {
                    problems.push(unknown_id(
                        &format!("{path}.growth_pct"),
                        industry_id,
                        "产业",
                        "industry",
                    ));
                }
                for (phase, growth_pct) in growth.iter().enumerate() {
                    check_range(
                        problems,
                        &format!("{path}.growth_pct.{industry_id}[{phase}]"),
                        *growth_pct,
                        &GROWTH_PCT,
                    );
                }
            }
            for (shock_idx, shock) in preset.shocks.iter().enumerate() {
                let shock_path = format!("{path}.shocks[{shock_idx}]");
                if !years_ok(shock.year) {
                    problems.push(year_problem(
                        format!("{shock_path}.year"),
                        shock.year,
                        first_year,
                        end_year,
                    ));
                }
                if let Some(industry_id) = &shock.industry {
                    if !industry_ids.contains(industry_id) {
                        problems.push(unknown_id(
                            &format!("{shock_path}.industry"),
                            industry_id,
                            "产业",
                            "industry",
                        ));
                    }
                }
                check_range(
                    problems,
                    &format!("{shock_path}.pct"),
                    shock.pct,
                    &SHOCK_PCT,
                );
            }
        }
    }
}

/// Reads one top-level field, recording a problem instead of failing.
fn field<T: Read>(root: &Value, key: &str, problems: &mut Vec<FieldProblem>) -> Option<T> {
    match root.get(key) {
        None => {
            problems.push(missing(key));
            None
        }
        Some(value) => match T::read(value) {
            Ok(parsed) => Some(parsed),
            Err(error) => {
                problems.push(shape_problem(key.to_string(), &error));
                None
            }
        },
    }
}

/// Reads an optional top-level field: absent or `null` is `None`.
fn optional<T: Read>(root: &Value, key: &str, problems: &mut Vec<FieldProblem>) -> Option<T> {
    match root.get(key) {
        None | Some(Value::Null) => None,
        Some(value) => match T::read(value) {
            Ok(parsed) => Some(parsed),
            Err(error) => {
                problems.push(shape_problem(key.to_string(), &error));
                None
            }
        },
    }
}

/// A required part of the plan file that is not there.
fn missing(key: &str) -> FieldProblem {
    problem(
        key,
        "",
        "缺少此项(规划文件必须包含)".to_string(),
        "missing".to_string(),
    )
}

/// A part of the file whose shape or type is wrong, from serde's error,
/// with the rule said in Chinese as well.
fn shape_problem(path: String, error: &serde_json::Error) -> FieldProblem {
    let en = error.to_string();
    let zh = shape_zh(&en);
    problem(path, "", zh, en)
}

/// serde's English message, said in Chinese: the common cases by name, the
/// rest as a general rule (field names and values stay as in the file).
fn shape_zh(en: &str) -> String {
    let quoted = |text: &str| -> Option<String> {
        let start = text.find('`')? + 1;
        let len = text.get(start..)?.find('`')?;
        text.get(start..start + len).map(str::to_string)
    };
    let expected_zh = |expected: &str| -> &'static str {
        let expected = expected.trim();
        if expected.contains("sequence") || expected.contains("array") || expected.contains("tuple")
        {
            "数组 […]"
        } else if expected.contains("string") {
            "文字(字符串)"
        } else if expected.starts_with('u')
            || expected.starts_with('i')
            || expected.contains("integer")
        {
            "整数"
        } else if expected.starts_with('f') {
            "数字"
        } else if expected.contains("bool") {
            "true 或 false"
        } else if expected.contains("struct") || expected.contains("map") {
            "对象 {…}"
        } else {
            "规定的类型"
        }
    };
    let expected_part = en
        .split_once("expected ")
        .map(|(_, expected)| expected.split(" at line").next().unwrap_or(expected));
    if en.starts_with("missing field") {
        match quoted(en) {
            Some(name) => format!("缺少字段 {name}"),
            None => "缺少必填字段".to_string(),
        }
    } else if en.starts_with("unknown variant") {
        let found = quoted(en).unwrap_or_default();
        let options = en.split_once("expected ").map_or("", |(_, rest)| rest);
        let options = options.split(" at line").next().unwrap_or(options);
        format!("“{found}”不是可选的取值,可选:{options}")
    } else if en.starts_with("invalid type") {
        format!("类型不对,须为{}", expected_zh(expected_part.unwrap_or("")))
    } else if en.starts_with("invalid value") {
        format!("取值不对,须为{}", expected_zh(expected_part.unwrap_or("")))
    } else if en.starts_with("invalid length") {
        "元素个数不对".to_string()
    } else if en.starts_with("duplicate field") {
        match quoted(en) {
            Some(name) => format!("字段 {name} 重复"),
            None => "字段重复".to_string(),
        }
    } else {
        "格式不符合规划文件的规定".to_string()
    }
}

/// A year outside the projected years.
fn year_problem(path: String, year: u16, first_year: u16, end_year: u16) -> FieldProblem {
    problem(
        path,
        year.to_string(),
        format!("{year} 年不在 {first_year}—{end_year} 年之内"),
        format!("{year} is outside {first_year}..={end_year}"),
    )
}

/// An id that names nothing in the plan.
fn unknown_id(path: &str, id: &str, kind_zh: &str, kind_en: &str) -> FieldProblem {
    problem(
        path,
        format!("{id:?}"),
        format!("没有 id 为 {id:?} 的{kind_zh}"),
        format!("no {kind_en} has the id {id:?}"),
    )
}

/// An id used twice.
fn duplicate_id(path: &str) -> FieldProblem {
    problem(
        format!("{path}.id"),
        "",
        "id 重复,须与其他条目不同".to_string(),
        "duplicate id".to_string(),
    )
}

/// A number that is not finite.
fn not_finite(path: String) -> FieldProblem {
    problem(
        path,
        "",
        "须为有限的数字".to_string(),
        "must be a finite number".to_string(),
    )
}

/// Reads a top-level array element by element, so every bad element is
/// reported.
fn list<T: Read>(root: &Value, key: &str, problems: &mut Vec<FieldProblem>) -> Option<Vec<T>> {
    let Some(value) = root.get(key) else {
        problems.push(missing(key));
        return None;
    };
    let Some(elements) = value.as_array() else {
        problems.push(problem(
            key,
            "",
            "须为数组 […]".to_string(),
            "must be an array".to_string(),
        ));
        return None;
    };
    let mut parsed = Vec::with_capacity(elements.len());
    let mut all_ok = true;
    for (idx, element) in elements.iter().enumerate() {
        match T::read(element) {
            Ok(item) => parsed.push(item),
            Err(error) => {
                let id = element.get("id").and_then(Value::as_str).unwrap_or("?");
                problems.push(shape_problem(format!("{key}[{idx}] ({id})"), &error));
                all_ok = false;
            }
        }
    }
    all_ok.then_some(parsed)
}

fn check_range(
    problems: &mut Vec<FieldProblem>,
    path: &str,
    value: f64,
    range: &std::ops::RangeInclusive<f64>,
) {
    if !value.is_finite() || !range.contains(&value) {
        problems.push(problem(
            path,
            value.to_string(),
            format!("{value} 超出允许范围 {} 至 {}", range.start(), range.end()),
            format!(
                "{value} is outside the allowed range {}..={}",
                range.start(),
                range.end()
            ),
        ));
    }
}

fn check_text(problems: &mut Vec<FieldProblem>, path: &str, text: &Text) {
    if text.zh.trim().is_empty() || text.en.trim().is_empty() {
        problems.push(problem(
            path,
            "",
            "须同时有中文和英文".to_string(),
            "needs both Chinese and English text".to_string(),
        ));
    }
}

fn check_provenance(problems: &mut Vec<FieldProblem>, path: &str, provenance: &Provenance) {
    match provenance {
        Provenance::Plan { clause } => {
            if clause.trim().is_empty() {
                problems.push(problem(
                    path,
                    "",
                    "来源为规划原文时须引用原文".to_string(),
                    "a plan provenance must quote the clause".to_string(),
                ));
            }
        }
        Provenance::Published { source, quote, .. } => {
            if source.trim().is_empty() || quote.trim().is_empty() {
                problems.push(problem(
                    path,
                    "",
                    "来源为公开数据时须注明出处并摘录原文".to_string(),
                    "a published provenance needs a source and a quote".to_string(),
                ));
            }
        }
        Provenance::Assumption { rationale } => {
            check_text(problems, &format!("{path}.rationale"), rationale);
        }
    }
}

fn check_sourced(
    problems: &mut Vec<FieldProblem>,
    path: &str,
    sourced: &Sourced,
    range: &std::ops::RangeInclusive<f64>,
) {
    check_range(problems, path, sourced.value, range);
    check_provenance(problems, &format!("{path}.provenance"), &sourced.provenance);
}
