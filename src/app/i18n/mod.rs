//! Every user-facing string of the app, in Chinese and English, in one place.
//!
//! Core strings are in [`Strings`]; each view with many strings of its own
//! keeps them in a sibling file (`register.rs`, `sources.rs`) as another
//! `impl Lang` block, so the strings still live only under `i18n/`.

mod overview;
mod plan_words;
mod register;
mod share;
mod solve;
mod sources;
mod storage;

pub use overview::OverviewStrings;
pub use register::RegisterStrings;
pub use share::ShareStrings;
pub use solve::SolveStrings;
pub use sources::SourcesStrings;
pub use storage::StorageProblem;

use serde::{Deserialize, Serialize};

use super::inputs::{Input, Unit};
use crate::model::Plan;

/// The interface language. Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The other language: what the toggle switches to.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The BCP 47 tag for the `lang` attribute of the page.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// A status as a CSS class, an icon and a word, so status never relies
    /// on colour alone.
    pub fn status_parts(
        self,
        status: crate::model::Status,
    ) -> (&'static str, &'static str, &'static str) {
        use crate::model::Status;
        let strings = self.strings();
        match status {
            Status::Met => ("status-met", "✓", strings.status_met),
            Status::MetInTotal => ("status-close", "◐", strings.status_met_in_total),
            Status::Close => ("status-close", "≈", strings.status_close),
            Status::Missed => ("status-missed", "✗", strings.status_missed),
        }
    }

    /// Picks the Chinese or the English of a bilingual pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The unit of an input as shown after its number.
    pub fn unit(self, unit: Unit) -> &'static str {
        let strings = self.strings();
        match unit {
            Unit::PctPerYear => strings.unit_pct_per_year,
            Unit::YiYuan => strings.unit_yi_yuan,
            Unit::WanYuan => strings.unit_wan_yuan,
            Unit::Pct => "%",
            Unit::Ratio => "",
            Unit::Pp => strings.unit_pp,
            Unit::PpPerYear => strings.unit_pp_per_year,
            Unit::Count => strings.unit_runs,
        }
    }

    /// Why the reducer refused a value, naming each rule it broke with the
    /// field's label: "未采用,已保留原值:2017年GDP须为不低于…".
    pub fn refusal(self, plan: &Plan, error: &crate::model::ScenarioError) -> String {
        let zh = self == Lang::Zh;
        let fields = Input::all(plan);
        let problems: Vec<String> = error
            .problems
            .iter()
            .map(|problem| {
                let label = fields
                    .iter()
                    .find(|field| field.path() == problem.field)
                    .map_or_else(|| problem.field.clone(), |field| field.label(plan, zh));
                if zh {
                    format!("{label}须为{}", problem.allowed(true))
                } else {
                    format!("{label} must be {}", problem.allowed(false))
                }
            })
            .collect();
        format!(
            "{}{}",
            self.strings().not_applied,
            problems.join(if zh { ";" } else { "; " })
        )
    }

    /// The label of a scenario input.
    pub fn input_label(self, input: Input, plan: &Plan) -> String {
        let industry = |idx: usize| {
            plan.industries
                .get(idx)
                .map_or_else(String::new, |industry| {
                    self.pick(&industry.name.zh, &industry.name.en).to_string()
                })
        };
        let strings = self.strings();
        let label: String = match input {
            Input::Growth { industry_idx, .. } => industry(industry_idx),
            Input::IndustryBase(idx) => format!("{}{}", industry(idx), strings.label_base_suffix),
            Input::ValueAddedRatio(idx) => format!("{}{}", industry(idx), strings.label_va_suffix),
            Input::IndustrialFraction(idx) => {
                format!("{}{}", industry(idx), strings.label_industrial_suffix)
            }
            Input::HighTechFraction(idx) => {
                format!("{}{}", industry(idx), strings.label_high_tech_suffix)
            }
            Input::HighTechUpgrade(idx) => {
                format!("{}{}", industry(idx), strings.label_upgrade_suffix)
            }
            Input::SeiFraction(idx) => format!("{}{}", industry(idx), strings.label_sei_suffix),
            Input::Sigma(idx) => industry(idx),
            Input::GdpBase => strings.label_gdp_base.into(),
            Input::ProductivityBase => strings.label_productivity_base.into(),
            Input::SeiShareBase => strings.label_sei_base.into(),
            Input::HighTechShareBase => strings.label_high_tech_base.into(),
            Input::RdShareBase => strings.label_rd_base.into(),
            Input::RestOfEconomyGrowth(phase) => format!(
                "{}{}",
                strings.label_rest_growth,
                strings.phase_names[phase.min(1)]
            ),
            Input::EmploymentGrowth => strings.label_employment_growth.into(),
            Input::RdIntensityChange => strings.label_rd_intensity.into(),
            Input::Correlation => strings.label_correlation.into(),
            Input::Runs => strings.label_runs.into(),
            Input::LeadRatio => strings.label_lead_ratio.into(),
        };
        self.fill(plan, &label)
    }

    /// A number as every view shows it: [`crate::explain::number`] in this
    /// language (thousands grouped in English, and in Chinese from 10,000
    /// up; never "-0"). Negative numbers keep the ASCII "-" the views have
    /// always shown; running text (`explain`) writes a true minus "−".
    pub fn number(self, value: f64, decimals: usize) -> String {
        ascii_minus(crate::explain::number(value, decimals, self == Lang::Zh))
    }

    /// [`Lang::number`] with a sign always ("+12.5", "-3.0", "0.0" for what
    /// rounds to zero), as [`crate::explain::signed_number`].
    pub fn signed_number(self, value: f64, decimals: usize) -> String {
        ascii_minus(crate::explain::signed_number(
            value,
            decimals,
            self == Lang::Zh,
        ))
    }
}

/// The views' minus sign: "−3" → "-3".
fn ascii_minus(text: String) -> String {
    if text.starts_with('\u{2212}') {
        text.replacen('\u{2212}', "-", 1)
    } else {
        text
    }
}

/// The fixed strings of the interface.
pub struct Strings {
    pub title: &'static str,
    pub subtitle: &'static str,
    pub toggle_lang: &'static str,
    pub toggle_lang_label: &'static str,
    pub intro_legend: &'static str,
    pub badge_plan: &'static str,
    pub badge_published: &'static str,
    pub badge_published_secondary: &'static str,
    pub badge_assumption: &'static str,
    pub badge_plan_help: &'static str,
    pub badge_published_help: &'static str,
    pub badge_assumption_help: &'static str,
    pub traditional: &'static str,
    pub emerging: &'static str,
    pub economy: &'static str,
    pub uncertainty: &'static str,
    pub growth_heading: &'static str,
    pub phase_names: [&'static str; 2],
    pub phase_choice: &'static str,
    pub unit_pct_per_year: &'static str,
    pub unit_yi_yuan: &'static str,
    pub unit_wan_yuan: &'static str,
    pub unit_pp: &'static str,
    pub unit_pp_per_year: &'static str,
    pub unit_runs: &'static str,
    pub goal_needs: &'static str,
    pub no_revenue_goal: &'static str,
    pub output_value_note: &'static str,
    pub seek_goal: &'static str,
    pub reset_input: &'static str,
    pub reset: &'static str,
    pub presets: &'static str,
    pub label_base_suffix: &'static str,
    pub label_va_suffix: &'static str,
    pub label_industrial_suffix: &'static str,
    pub label_high_tech_suffix: &'static str,
    pub label_upgrade_suffix: &'static str,
    pub label_sei_suffix: &'static str,
    pub label_gdp_base: &'static str,
    pub label_productivity_base: &'static str,
    pub label_sei_base: &'static str,
    pub label_high_tech_base: &'static str,
    pub label_rd_base: &'static str,
    pub label_rest_growth: &'static str,
    pub label_employment_growth: &'static str,
    pub label_rd_intensity: &'static str,
    pub label_correlation: &'static str,
    pub label_runs: &'static str,
    pub label_lead_ratio: &'static str,
    pub sigma_heading: &'static str,
    pub views: [&'static str; 9],
    pub views_label: &'static str,
    pub chart_heading: &'static str,
    pub chart_description: &'static str,
    pub chart_table_summary: &'static str,
    pub axis_year: &'static str,
    pub axis_revenue: &'static str,
    pub legend_projection: &'static str,
    pub legend_goal: &'static str,
    pub legend_band: &'static str,
    pub legend_actual: &'static str,
    pub legend_required: &'static str,
    pub baseline_note: &'static str,
    pub table_industry: &'static str,
    pub invalid_number: &'static str,
    pub empty_number: &'static str,
    pub decimal_comma: &'static str,
    pub out_of_range: &'static str,
    pub not_applied: &'static str,
    pub load_error: &'static str,
    // Overview.
    pub scorecard_heading: &'static str,
    pub scorecard_summary: &'static str,
    pub col_goal: &'static str,
    pub col_year: &'static str,
    pub col_projected: &'static str,
    pub col_target: &'static str,
    pub col_gap: &'static str,
    pub col_gap_pct: &'static str,
    pub col_status: &'static str,
    pub col_required: &'static str,
    pub col_reached: &'static str,
    pub col_probability: &'static str,
    pub status_met: &'static str,
    pub status_close: &'static str,
    pub status_missed: &'static str,
    pub status_met_in_total: &'static str,
    pub already_met: &'static str,
    pub short_in_year: &'static str,
    pub smallest_rise: &'static str,
    pub no_target_note: &'static str,
    pub scoring_rules_heading: &'static str,
    pub scoring_rules: [&'static str; 5],
    pub not_reached: &'static str,
    pub interpretation_mark: &'static str,
    pub composition_heading: &'static str,
    pub composition_description: &'static str,
    pub lead_heading: &'static str,
    pub lead_passed: &'static str,
    pub lead_failed: &'static str,
    pub lead_how: &'static str,
    // Industries and indicators.
    pub industries_heading: &'static str,
    pub industries_note: &'static str,
    pub indicators_heading: &'static str,
    pub indicators_note: &'static str,
    pub show_formula: &'static str,
    pub monte_carlo_note: &'static str,
    pub goal_marker: &'static str,
    pub share_axis: &'static str,
    pub emerging_share_axis: &'static str,
    pub productivity_axis: &'static str,
    pub gdp_axis: &'static str,
    pub gdp_title: &'static str,
    pub test_year_marker: &'static str,
    pub bands_pending: &'static str,
    pub table_band: &'static str,
    pub table_projection: &'static str,
    pub table_required: &'static str,
    pub table_series: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub undo_hint: &'static str,
    pub redo_hint: &'static str,
    pub download_png: &'static str,
    pub download_svg: &'static str,
    pub unit_share_pct: &'static str,
    pub dismiss: &'static str,
    pub gap_heading: &'static str,
    pub gap_note: &'static str,
    pub sensitivity_heading: &'static str,
    pub sensitivity_note: &'static str,
    pub summary_heading: &'static str,
    pub shocks_heading: &'static str,
    pub shocks_note: &'static str,
    pub shock_year: &'static str,
    pub shock_industry: &'static str,
    pub shock_pct: &'static str,
    pub all_industries: &'static str,
    pub add_shock: &'static str,
    pub remove: &'static str,
    pub interpretation_heading: &'static str,
    pub flag_vegetables: &'static str,
    pub flag_increments: &'static str,
    pub flag_productivity: &'static str,
    pub seed_label: &'static str,
    pub print: &'static str,
    pub print_hint: &'static str,
    pub brief_date: &'static str,
    pub brief_link: &'static str,
    pub brief_settings: &'static str,
    pub brief_sources: &'static str,
    pub brief_assumptions: &'static str,
    pub present: &'static str,
    pub present_help: &'static str,
    pub present_exit: &'static str,
    pub closing_heading: &'static str,
    pub closing_note: &'static str,
    pub compare_heading: &'static str,
    pub compare_note: &'static str,
    pub compare_current: &'static str,
    pub compare_add_current: &'static str,
    pub compare_add_preset: &'static str,
    pub compare_add_library: &'static str,
    pub compare_add_link: &'static str,
    pub compare_link_placeholder: &'static str,
    pub compare_full: &'static str,
    pub compare_bad_link: &'static str,
    pub compare_empty: &'static str,
    pub compare_differs: &'static str,
    pub compare_same: &'static str,
    pub compare_scorecard: &'static str,
    pub compare_overlay: &'static str,
    pub compare_dotted: &'static str,
}

static ZH: Strings = Strings {
    title: "{city}新旧动能转换情景模拟器",
    subtitle: "按{plan}设定各产业增速,查看 {base}—{end} 年走势与规划目标的差距。",
    toggle_lang: "English",
    toggle_lang_label: "Switch to English",
    intro_legend: "每个数字都标明来源:",
    badge_plan: "规划",
    badge_published: "公开数据",
    badge_published_secondary: "公开数据(转载)",
    badge_assumption: "假设",
    badge_plan_help: "规划原文中的目标",
    badge_published_help: "已公开的统计数字,附出处",
    badge_assumption_help: "本应用设定的默认值,请用官方统计替换",
    traditional: "传统产业",
    emerging: "新兴产业",
    economy: "经济总体",
    uncertainty: "不确定性",
    growth_heading: "情景假设",
    phase_names: ["{first}—{milestone} 年", "{second}—{end} 年"],
    phase_choice: "调整阶段",
    unit_pct_per_year: "%/年",
    unit_yi_yuan: "亿元",
    unit_wan_yuan: "万元/人",
    unit_pp: "个百分点",
    unit_pp_per_year: "个百分点/年",
    unit_runs: "次",
    goal_needs: "达标所需",
    no_revenue_goal: "规划未设收入目标(目标为新品种数)",
    output_value_note: "产值口径",
    seek_goal: "设为恰好达标",
    reset_input: "恢复默认",
    reset: "全部恢复默认",
    presets: "预设情景",
    label_base_suffix: " {base} 年基数",
    label_va_suffix: " 增加值率",
    label_industrial_suffix: " 规上工业占比",
    label_high_tech_suffix: " 高新技术占比",
    label_upgrade_suffix: " 高新技术占比年提升",
    label_sei_suffix: " 战略性新兴产业占比",
    label_gdp_base: "{base} 年 GDP",
    label_productivity_base: "{base} 年全员劳动生产率",
    label_sei_base: "{base} 年战略性新兴产业增加值占比",
    label_high_tech_base: "{base} 年高新技术产业产值占比",
    label_rd_base: "{base} 年研发投入占 GDP 比重",
    label_rest_growth: "其他经济增速 ",
    label_employment_growth: "从业人员年增长",
    label_rd_intensity: "研发强度年变化",
    label_correlation: "产业间共同冲击相关系数",
    label_runs: "模拟次数",
    label_lead_ratio: "{test} 年新兴/传统收入比门槛",
    sigma_heading: "各产业增速标准差",
    views: ["概览", "产业", "指标", "分析", "对比", "目标清单", "数据与来源", "分享与保存", "打印简报"],
    views_label: "视图",
    chart_heading: "{industries}产业主营业务收入预测",
    chart_description: "折线图:{industries}产业 {base}—{end} 年主营业务收入预测(虚线),菱形为规划 {milestone} 年目标。数值见下方表格。",
    chart_table_summary: "以表格查看图中数据",
    axis_year: "年份",
    axis_revenue: "主营业务收入(亿元)",
    legend_projection: "虚线:预测",
    legend_goal: "◆ 规划目标",
    legend_band: "色带:P10—P90 区间",
    legend_actual: "● 公开数据",
    legend_required: "灰线:规划要求路径",
    baseline_note: "{base} 年基数为本应用的假设值(规划未公布),请在“数据与来源”中以官方统计替换。",
    table_industry: "产业",
    invalid_number: "不是数字,已保留原值",
    empty_number: "请输入数值,已保留原值",
    decimal_comma: "逗号只用作千位分隔(如 1,200);小数请用小数点(如 9.5),已保留原值",
    out_of_range: "超出允许范围,已保留原值",
    not_applied: "未采用,已保留原值:",
    load_error: "内置规划数据无法加载",
    scorecard_heading: "目标达成情况",
    scorecard_summary: "规划中可测算的每项目标在 {checkpoints}的预测值、差距与达标状态。",
    col_goal: "目标",
    col_year: "年份",
    col_projected: "预测",
    col_target: "目标值",
    col_gap: "差距",
    col_gap_pct: "差距 %",
    col_status: "状态",
    col_required: "所需年均增速",
    col_reached: "首次达到",
    col_probability: "达标概率",
    status_met: "达标",
    status_close: "接近",
    status_met_in_total: "总量达标",
    already_met: "基年已达标",
    short_in_year: "未达年增幅的年份",
    smallest_rise: "最小年增幅",
    no_target_note: "计划未设该年目标、不计入该年统计的目标:",
    scoring_rules_heading: "评价规则",
    scoring_rules: [
        "每项目标只在其所指年份评价:{milestone}年目标在{milestone}年评价;{test}年定性目标只在{test}年按本应用的量化解读评价;指标延续到{test}年属于本应用的解读(标“解读”)。",
        "“每年提高”类目标逐年检查:每年增幅都达标为“达标”;累计达标但某年增幅不足为“总量达标”,并注明该年。",
        "“接近”:“每年提高”类目标的差距不超过所需累计增幅(目标值减基数)的容差比例;水平类目标的差距不超过目标值的容差比例。",
        "“突破”“超过”为严格大于:恰好等于目标不算达标;“达到”“以上”含等于。“尽可能多”类目标没有“未达标”,只记进展。",
        "统计只计入当年有目标的项目;“总量达标”计入“接近”一栏。基年已达标的目标所需增速为0%。",
    ],
    status_missed: "未达标",
    not_reached: "未达到",
    interpretation_mark: "(解读)",
    composition_heading: "传统产业与新兴产业收入构成",
    composition_description: "堆积面积图:传统产业(下)与新兴产业(上){base}—{end} 年收入合计。",
    lead_heading: "{test} 年“新动能主导”检验",
    lead_passed: "通过",
    lead_failed: "未通过",
    lead_how: "规划原文为定性表述,本应用的量化方式(可在“情景假设”中修改):",
    industries_heading: "分产业预测",
    industries_note: "虚线为预测,色带为蒙特卡洛模拟的 P10—P90 区间,菱形为规划目标,圆点为公开数据。",
    indicators_heading: "全市四项指标",
    indicators_note: "虚线为预测,灰线为规划要求路径,色带为蒙特卡洛模拟的 P10—P90 区间,菱形为规划目标。",
    show_formula: "查看计算公式",
    monte_carlo_note: "蒙特卡洛模拟",
    goal_marker: "目标",
    share_axis: "占比(%)",
    emerging_share_axis: "新兴占比(%)",
    productivity_axis: "万元/人",
    gdp_axis: "GDP(亿元)",
    gdp_title: "地区生产总值(对照公开数据)",
    test_year_marker: "检验年",
    bands_pending: "不确定性区间计算中……",
    table_band: "P10—P90",
    table_projection: "预测",
    table_required: "规划要求",
    table_series: "序列",
    undo: "撤销",
    redo: "重做",
    undo_hint: "撤销(Ctrl+Z)",
    redo_hint: "重做(Ctrl+Shift+Z)",
    download_png: "下载 PNG",
    download_svg: "下载 SVG",
    unit_share_pct: "占比(%)",
    dismiss: "知道了",
    gap_heading: "差距来自哪里",
    gap_note: "各产业的预测与目标之差如何累积成总差距:左为 {milestone} 年收入目标合计,右为 {test} 年“新动能主导”检验(新兴产业计正,传统产业计负)。",
    sensitivity_heading: "哪些假设最关键",
    sensitivity_note: "每项假设按所示步长上下调整时,各核心目标的预测值变化多少,按影响大小排序:值得争论的是排在最前面的假设。",
    summary_heading: "情景摘要",
    shocks_heading: "一次性冲击",
    shocks_note: "在某一年给某个产业(或全部产业)的增速额外加减若干个百分点,例如疫情或大项目投产。",
    shock_year: "冲击年份",
    shock_industry: "受冲击产业",
    shock_pct: "增速变化",
    all_industries: "全部产业",
    add_shock: "+ 添加一次性冲击",
    remove: "删除",
    interpretation_heading: "{test} 年“新动能主导”的量化方式(本应用的解读)",
    flag_vegetables: "新兴/传统比较中计入{output}(其为产值口径)",
    flag_increments: "{increments}“每年提高”指标的增幅延续到 {test} 年",
    flag_productivity: "全员劳动生产率按 {base}—{milestone} 年目标节奏延续到 {test} 年",
    seed_label: "随机数种子(相同种子得到相同结果)",
    print: "打印 / 存为 PDF",
    print_hint: "A4 纸张;在打印对话框中可选择“另存为 PDF”。",
    brief_date: "日期:",
    brief_link: "情景链接:",
    brief_settings: "情景设定:各产业年均增速与 {base} 年基数",
    brief_sources: "数据来源与假设",
    brief_assumptions: "本情景中仍为假设的数值",
    present: "演示模式",
    present_help: "← → 或翻页笔翻页 · Esc 退出",
    present_exit: "退出演示",
    closing_heading: "扫码打开本情景",
    closing_note: "用手机扫描二维码,即可打开与屏幕上完全相同的情景。",
    compare_heading: "情景对比",
    compare_note: "把最多 4 个情景与当前情景并排比较:来自预设、情景库或同事发来的链接。对比的情景也随链接分享。",
    compare_current: "当前情景",
    compare_add_current: "把当前情景加入对比",
    compare_add_preset: "加入预设:",
    compare_add_library: "加入情景库中的:",
    compare_add_link: "加入链接中的情景",
    compare_link_placeholder: "粘贴情景链接",
    compare_full: "最多对比 4 个情景。",
    compare_bad_link: "这个链接无法读取:",
    compare_empty: "还没有加入对比的情景。",
    compare_differs: "与当前情景的不同之处",
    compare_same: "与当前情景相同。",
    compare_scorecard: "目标并排对比",
    compare_overlay: "各产业收入:各情景叠加",
    compare_dotted: "点线为对比情景:",
};

static EN: Strings = Strings {
    title: "{city} Pathways",
    subtitle: "Set each industry's growth under {plan} and see {base}–{end} trajectories against the plan's goals.",
    toggle_lang: "中文",
    toggle_lang_label: "切换到中文",
    intro_legend: "Every number shows where it comes from:",
    badge_plan: "plan",
    badge_published: "published",
    badge_published_secondary: "published (secondary)",
    badge_assumption: "assumption",
    badge_plan_help: "a goal in the plan's text",
    badge_published_help: "a published statistic, with its source",
    badge_assumption_help: "a default chosen by this app: replace it with official statistics",
    traditional: "Traditional industries",
    emerging: "Emerging industries",
    economy: "Economy",
    uncertainty: "Uncertainty",
    growth_heading: "Scenario assumptions",
    phase_names: ["{first}–{milestone}", "{second}–{end}"],
    phase_choice: "Phase",
    unit_pct_per_year: "%/yr",
    unit_yi_yuan: "100M yuan",
    unit_wan_yuan: "10k yuan/person",
    unit_pp: "pp",
    unit_pp_per_year: "pp a year",
    unit_runs: "runs",
    goal_needs: "goal needs",
    no_revenue_goal: "no revenue goal (the goal is new varieties)",
    output_value_note: "output value",
    seek_goal: "Meet the goal exactly",
    reset_input: "Reset",
    reset: "Reset all",
    presets: "Presets",
    label_base_suffix: ", {base} base",
    label_va_suffix: ", value-added ratio",
    label_industrial_suffix: ", above-scale industrial share",
    label_high_tech_suffix: ", high-tech share",
    label_upgrade_suffix: ", yearly rise of the high-tech share",
    label_sei_suffix: ", strategic-emerging share",
    label_gdp_base: "GDP {base}",
    label_productivity_base: "Labour productivity {base}",
    label_sei_base: "Strategic emerging industries' share of GDP, {base}",
    label_high_tech_base: "High-tech share of industrial output, {base}",
    label_rd_base: "R&D spending as a share of GDP, {base}",
    label_rest_growth: "Rest of the economy, growth ",
    label_employment_growth: "Employment growth",
    label_rd_intensity: "R&D intensity, change a year",
    label_correlation: "Common-shock correlation",
    label_runs: "Simulation runs",
    label_lead_ratio: "{test} emerging ÷ traditional threshold",
    sigma_heading: "Growth uncertainty (σ) per industry",
    views: ["Overview", "Industries", "Indicators", "Analysis", "Compare", "Goal register", "Data and sources", "Share and save", "Print brief"],
    views_label: "Views",
    chart_heading: "Revenue of the {industries} industries, projected",
    chart_description: "Line chart: main-business revenue of the {industries} industries, {base}–{end}, projected (dashed); diamonds mark the plan's {milestone} goals. The table below has the numbers.",
    chart_table_summary: "Show the chart's data as a table",
    axis_year: "Year",
    axis_revenue: "Revenue (100 million yuan)",
    legend_projection: "dashed: projection",
    legend_goal: "◆ plan's goal",
    legend_band: "band: P10–P90",
    legend_actual: "● published figure",
    legend_required: "grey: the plan's required path",
    baseline_note: "{base} baselines are this app's assumptions (the plan publishes none): replace them with official statistics under “Data and sources”.",
    table_industry: "Industry",
    invalid_number: "Not a number; the last value is kept",
    empty_number: "Enter a number; the last value is kept",
    decimal_comma: "A comma only groups thousands (1,200); use a point for decimals (9.5). The last value is kept",
    out_of_range: "Out of range; the last value is kept",
    not_applied: "Not applied, the last value is kept: ",
    load_error: "The embedded plan could not be loaded",
    scorecard_heading: "Goals: projected against the plan",
    scorecard_summary: "Every goal the model projects, in {checkpoints}: projected value, gap and status.",
    col_goal: "Goal",
    col_year: "Year",
    col_projected: "Projected",
    col_target: "Goal",
    col_gap: "Gap",
    col_gap_pct: "Gap %",
    col_status: "Status",
    col_required: "Growth needed",
    col_reached: "First reached",
    col_probability: "Chance",
    status_met: "met",
    status_close: "close",
    status_met_in_total: "met in total",
    already_met: "met at base",
    short_in_year: "yearly rise short in",
    smallest_rise: "smallest yearly rise",
    no_target_note: "Goals with no target in that year (the plan sets none), not counted in that year's tally:",
    scoring_rules_heading: "How goals are judged",
    scoring_rules: [
        "Each goal is judged only in the years it speaks of: a {milestone} goal in {milestone}; the qualitative {test} aim only in {test}, through this app's interpretation; indicators continued to {test} are the app's interpretation (marked “interpretation”).",
        "Per-year goals (“每年提高”) are checked every year: “met” when every yearly rise reaches the step; “met in total” when the total rise is reached but some year fell short, with that year named.",
        "“Close”: for a per-year goal, a shortfall within the tolerance share of the rise required from the base (target minus base); for a level goal, within the tolerance share of the target.",
        "“突破” (more than) is strict: exactly the target is not met; “达到/以上” (at least) includes it. “As many as possible” goals are never “missed”, only in progress.",
        "Tallies count only goals with a target in that year; “met in total” counts with “close”. A goal met at base needs 0 % growth.",
    ],
    status_missed: "missed",
    not_reached: "not reached",
    interpretation_mark: " (interpretation)",
    composition_heading: "Traditional and emerging industries' revenue",
    composition_description: "Stacked area chart: traditional (bottom) and emerging (top) industries' combined revenue, {base}–{end}.",
    lead_heading: "The {test} “new drivers lead” test",
    lead_passed: "passed",
    lead_failed: "not passed",
    lead_how: "The plan's words are qualitative; this is how the app quantifies them (change it under Scenario assumptions):",
    industries_heading: "Industries",
    industries_note: "Dashed: projection; band: P10–P90 of the Monte Carlo simulation; diamonds: the plan's goals; dots: published figures.",
    indicators_heading: "The four economy-wide indicators",
    indicators_note: "Dashed: projection; grey: the plan's required path; band: P10–P90 of the Monte Carlo simulation; diamonds: the plan's goals.",
    show_formula: "Show the formula",
    monte_carlo_note: "Monte Carlo simulation",
    goal_marker: "goal",
    share_axis: "share (%)",
    emerging_share_axis: "emerging share (%)",
    productivity_axis: "10k yuan/person",
    gdp_axis: "GDP (100M yuan)",
    gdp_title: "GDP (against published figures)",
    test_year_marker: "test year",
    bands_pending: "Computing the uncertainty bands…",
    table_band: "P10–P90",
    table_projection: "projection",
    table_required: "plan requires",
    table_series: "Series",
    undo: "Undo",
    redo: "Redo",
    undo_hint: "Undo (Ctrl+Z)",
    redo_hint: "Redo (Ctrl+Shift+Z)",
    download_png: "Download PNG",
    download_svg: "Download SVG",
    unit_share_pct: "share (%)",
    dismiss: "Dismiss",
    gap_heading: "Where the gaps come from",
    gap_note: "How each industry's projection against its goal adds up to the total gap: the combined {milestone} revenue goals, and the {test} “new drivers lead” test (emerging industries count positive, traditional ones negative).",
    sensitivity_heading: "Which assumptions matter most",
    sensitivity_note: "How far each headline goal's projected value moves when one assumption moves by the stated step, sorted by effect: the assumptions at the top are the ones worth arguing about.",
    summary_heading: "Summary",
    shocks_heading: "One-year shocks",
    shocks_note: "Add or take percentage points from one industry's (or every industry's) growth in one year, e.g. a pandemic or a large plant opening.",
    shock_year: "Year of the shock",
    shock_industry: "Industry hit",
    shock_pct: "Change of growth",
    all_industries: "All industries",
    add_shock: "+ Add a one-year shock",
    remove: "Remove",
    interpretation_heading: "How the {test} “new drivers lead” aim is quantified (the app's interpretation)",
    flag_vegetables: "Count {output} (measured by output value) in the emerging-vs-traditional comparison",
    flag_increments: "Continue the {increments} per-year indicator increments to {test}",
    flag_productivity: "Continue the {base}–{milestone} labour productivity pace to {test}",
    seed_label: "Random seed (the same seed gives the same results)",
    print: "Print / save as PDF",
    print_hint: "A4 paper; choose “Save as PDF” in the print dialog.",
    brief_date: "Date: ",
    brief_link: "Scenario link: ",
    brief_settings: "Scenario settings: growth a year and {base} base by industry",
    brief_sources: "Sources and assumptions",
    brief_assumptions: "Numbers in this scenario that are still assumptions",
    present: "Present",
    present_help: "← → or a clicker to move · Esc to leave",
    present_exit: "Leave presentation",
    closing_heading: "Scan to open this scenario",
    closing_note: "Scan the QR code with a phone to open exactly the scenario on the screen.",
    compare_heading: "Compare scenarios",
    compare_note: "Put up to four scenarios beside the current one: from presets, the library or a link a colleague sent. Compared scenarios travel in the link too.",
    compare_current: "Current scenario",
    compare_add_current: "Add the current scenario",
    compare_add_preset: "Add a preset:",
    compare_add_library: "Add from the library:",
    compare_add_link: "Add the scenario of a link",
    compare_link_placeholder: "Paste a scenario link",
    compare_full: "At most four scenarios can be compared.",
    compare_bad_link: "This link could not be read: ",
    compare_empty: "No scenario is being compared yet.",
    compare_differs: "How it differs from the current scenario",
    compare_same: "Same as the current scenario.",
    compare_scorecard: "Goals side by side",
    compare_overlay: "Industry revenue: the scenarios overlaid",
    compare_dotted: "Dotted: compared scenarios —",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggle_is_an_involution() {
        assert_eq!(Lang::Zh.other(), Lang::En);
        assert_eq!(Lang::Zh.other().other(), Lang::Zh);
        assert_eq!(Lang::default(), Lang::Zh);
    }

    #[test]
    fn each_language_offers_the_other() {
        assert_eq!(Lang::Zh.strings().toggle_lang, "English");
        assert_eq!(Lang::En.strings().toggle_lang, "中文");
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(Lang::Zh.number(1234567.891, 1), "1,234,567.9");
        assert_eq!(Lang::En.number(-1234.0, 0), "-1,234");
        assert_eq!(Lang::En.number(-0.01, 1), "0.0");
        assert_eq!(Lang::En.number(999.0, 0), "999");
        assert_eq!(Lang::En.number(f64::NAN, 1), "—");
    }

    #[test]
    fn views_and_running_text_group_numbers_alike() {
        for (value, decimals) in [(1234.5, 1), (12345.0, 0), (999.96, 1), (0.04, 2)] {
            assert_eq!(
                Lang::Zh.number(value, decimals),
                crate::explain::number(value, decimals, true)
            );
            assert_eq!(
                Lang::En.number(value, decimals),
                crate::explain::number(value, decimals, false)
            );
        }
        assert_eq!(Lang::Zh.number(1234.5, 1), "1234.5");
        assert_eq!(Lang::En.number(1234.5, 1), "1,234.5");
        assert_eq!(Lang::En.signed_number(12.5, 1), "+12.5");
        assert_eq!(Lang::Zh.signed_number(-3.0, 1), "-3.0");
        assert_eq!(Lang::En.signed_number(0.01, 1), "0.0");
    }

    #[test]
    fn every_input_has_a_label_in_both_languages() {
        let plan = Plan::shouguang_2018().expect("the embedded plan loads");
        for input in Input::all(&plan) {
            for lang in [Lang::Zh, Lang::En] {
                assert!(
                    !lang.input_label(input, &plan).trim().is_empty(),
                    "{input:?} {lang:?}"
                );
            }
        }
    }
}
