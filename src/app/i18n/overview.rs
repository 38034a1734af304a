//! Strings of the overview's headline strip, its short summary and the
//! grouped scorecard.

use super::Lang;

pub struct OverviewStrings {
    /// The strip's label for screen readers.
    pub headline_label: &'static str,
    /// "{year} 年目标" above a year's counts.
    pub year_goals: &'static str,
    /// The lead test's box: "{test} 年新动能主导".
    pub lead_label: &'static str,
    pub lead_ratio: &'static str,
    /// The rest of the summary, one click away.
    pub summary_more: &'static str,
    /// Scorecard groups.
    pub group_economy: &'static str,
    pub group_industries: &'static str,
    pub group_aim: &'static str,
    pub projected_short: &'static str,
    pub target_short: &'static str,
    pub probability_short: &'static str,
    pub not_scored: &'static str,
    /// The phone's sticky button that opens the assumptions.
    pub open_assumptions: &'static str,
    pub close_assumptions: &'static str,
}

const ZH: OverviewStrings = OverviewStrings {
    headline_label: "结论",
    year_goals: "{year} 年目标",
    lead_label: "{test} 年新动能主导",
    lead_ratio: "新/旧动能收入比",
    summary_more: "展开完整摘要",
    group_economy: "经济总体目标",
    group_industries: "产业收入目标",
    group_aim: "远景目标",
    projected_short: "预计",
    target_short: "目标",
    probability_short: "概率",
    not_scored: "该年不评",
    open_assumptions: "调整假设",
    close_assumptions: "查看结果",
};

const EN: OverviewStrings = OverviewStrings {
    headline_label: "The answer",
    year_goals: "{year} goals",
    lead_label: "New drivers lead in {test}",
    lead_ratio: "emerging ÷ traditional revenue",
    summary_more: "Read the whole summary",
    group_economy: "Economy-wide goals",
    group_industries: "Industry revenue goals",
    group_aim: "The long-term aim",
    projected_short: "projected",
    target_short: "goal",
    probability_short: "chance",
    not_scored: "not judged this year",
    open_assumptions: "Assumptions",
    close_assumptions: "Results",
};

impl Lang {
    /// The overview's strings in this language.
    pub fn overview_strings(self) -> &'static OverviewStrings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}
