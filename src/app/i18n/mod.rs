//! Every user-facing string of the app, in Chinese and English, in one place.

use serde::{Deserialize, Serialize};

/// The interface language. Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

    /// Picks the Chinese or the English of a bilingual pair.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The fixed strings of the interface.
pub struct Strings {
    pub title: &'static str,
    pub subtitle: &'static str,
    pub toggle_lang: &'static str,
    pub toggle_lang_label: &'static str,
    pub traditional: &'static str,
    pub emerging: &'static str,
    pub growth_heading: &'static str,
    pub growth_phase1: &'static str,
    pub growth_unit: &'static str,
    pub goal_needs: &'static str,
    pub no_revenue_goal: &'static str,
    pub chart_heading: &'static str,
    pub chart_description: &'static str,
    pub chart_table_summary: &'static str,
    pub axis_year: &'static str,
    pub axis_revenue: &'static str,
    pub legend_projection: &'static str,
    pub legend_goal: &'static str,
    pub assumption_badge: &'static str,
    pub baseline_note: &'static str,
    pub table_industry: &'static str,
    pub reset: &'static str,
    pub invalid_number: &'static str,
    pub out_of_range: &'static str,
    pub load_error: &'static str,
}

static ZH: Strings = Strings {
    title: "寿光新旧动能转换情景模拟器",
    subtitle: "按《关于推进新旧动能转换重大工程的实施意见》(2018)设定各产业增速,查看 2017—2028 年的走势与 2022 年目标的差距。",
    toggle_lang: "English",
    toggle_lang_label: "Switch to English",
    traditional: "传统产业",
    emerging: "新兴产业",
    growth_heading: "产业增速假设",
    growth_phase1: "2018—2022 年均增速",
    growth_unit: "%/年",
    goal_needs: "达标所需",
    no_revenue_goal: "规划未设收入目标",
    chart_heading: "八大产业主营业务收入预测",
    chart_description: "折线图:八大产业 2017—2028 年主营业务收入预测(虚线),菱形为规划 2022 年目标。数值见下方表格。",
    chart_table_summary: "以表格查看图中数据",
    axis_year: "年份",
    axis_revenue: "主营业务收入(亿元)",
    legend_projection: "虚线:预测",
    legend_goal: "◆ 规划 2022 年目标",
    assumption_badge: "假设",
    baseline_note: "2017 年基数为本应用的假设值(规划未公布),请以官方统计替换。",
    table_industry: "产业",
    reset: "全部恢复默认",
    invalid_number: "请输入数字",
    out_of_range: "超出允许范围",
    load_error: "内置规划数据无法加载",
};

static EN: Strings = Strings {
    title: "Shouguang Pathways",
    subtitle: "Set each industry's growth under Shouguang's 2018 plan for new growth drivers and see 2017–2028 trajectories against the 2022 goals.",
    toggle_lang: "中文",
    toggle_lang_label: "切换到中文",
    traditional: "Traditional industries",
    emerging: "Emerging industries",
    growth_heading: "Growth assumptions",
    growth_phase1: "Growth a year, 2018–2022",
    growth_unit: "%/yr",
    goal_needs: "goal needs",
    no_revenue_goal: "no revenue goal in the plan",
    chart_heading: "Revenue of the eight industries, projected",
    chart_description: "Line chart: main-business revenue of the eight industries, 2017–2028, projected (dashed); diamonds mark the plan's 2022 goals. The table below has the numbers.",
    chart_table_summary: "Show the chart's data as a table",
    axis_year: "Year",
    axis_revenue: "Revenue (100 million yuan)",
    legend_projection: "dashed: projection",
    legend_goal: "◆ plan's 2022 goal",
    assumption_badge: "assumption",
    baseline_note: "2017 baselines are this app's assumptions (the plan publishes none): replace them with official statistics.",
    table_industry: "Industry",
    reset: "Reset all",
    invalid_number: "Enter a number",
    out_of_range: "Out of range",
    load_error: "The embedded plan could not be loaded",
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
}
