//! The words of the interface that come from the plan: its years, its
//! number of industries, its city and how it is cited. Fixed strings carry
//! placeholders, [`Lang::fill`] puts the open plan's values in, so no year,
//! count or place is written into a string.
//!
//! | placeholder     | value (Shouguang 2018, zh / en)                         |
//! |-----------------|----------------------------------------------------------|
//! | `{base}`        | the base year, 2017                                      |
//! | `{first}`       | the first projected year, 2018                           |
//! | `{milestone}`   | the milestone year, 2022                                 |
//! | `{second}`      | the first year after the milestone, 2023                 |
//! | `{end}`         | the end year, 2028                                       |
//! | `{test}`        | the year of the "new drivers lead" test, 2028            |
//! | `{checkpoints}` | the evaluation years: "2022 年和 2028 年" / "2022 and 2028" |
//! | `{industries}`  | the industries: "八大" / "eight"                          |
//! | `{increments}`  | the per-year goals: "三项" / "three"                      |
//! | `{plan}`        | the plan cited in a sentence                              |
//! | `{output}`      | the industries measured by output value: "品质蔬菜"       |
//! | `{city}`        | the plan's city: "寿光" / "Shouguang" (empty if none)     |

use super::Lang;
use crate::model::{GoalKind, Measure, Plan, Tracking};

impl Lang {
    /// `template` with the open plan's values in place of its placeholders.
    ///
    /// ```
    /// use pathways::app::i18n::Lang;
    /// let plan = pathways::model::Plan::shouguang_2018().unwrap();
    /// assert_eq!(Lang::Zh.fill(&plan, "{industries}产业 {first}—{milestone} 年"), "八大产业 2018—2022 年");
    /// assert_eq!(Lang::En.fill(&plan, "in {checkpoints}"), "in 2022 and 2028");
    /// ```
    pub fn fill(self, plan: &Plan, template: &str) -> String {
        if !template.contains('{') {
            return template.to_string();
        }
        let zh = self == Lang::Zh;
        let year = |year: u16| year.to_string();
        let increments = plan
            .goals
            .iter()
            .filter(|goal| {
                goal.kind == GoalKind::IncrementPerYear && goal.tracking == Tracking::Projected
            })
            .count();
        let replacements: [(&str, String); 12] = [
            ("{output}", self.output_value_industries(plan)),
            ("{city}", self.city(plan)),
            ("{base}", year(plan.base_year())),
            ("{first}", year(plan.base_year().saturating_add(1))),
            ("{milestone}", year(plan.milestone_year())),
            ("{second}", year(plan.milestone_year().saturating_add(1))),
            ("{end}", year(plan.end_year())),
            ("{test}", year(plan.interpretation.year)),
            (
                "{checkpoints}",
                self.years_list(&plan.evaluation.checkpoints),
            ),
            (
                "{industries}",
                if zh {
                    format!("{}大", count_zh(plan.industries.len()))
                } else {
                    count_en(plan.industries.len())
                },
            ),
            (
                "{increments}",
                if zh {
                    format!("{}项", count_zh(increments))
                } else {
                    count_en(increments)
                },
            ),
            ("{plan}", self.plan_cited(plan)),
        ];
        let mut text = template.to_string();
        for (placeholder, value) in replacements {
            if text.contains(placeholder) {
                text = text.replace(placeholder, &value);
            }
        }
        text
    }

    /// The app's name for the open plan: its city, if the plan names one,
    /// before the app's own name.
    ///
    /// ```
    /// use pathways::app::i18n::Lang;
    /// let plan = pathways::model::Plan::shouguang_2018().unwrap();
    /// assert_eq!(Lang::Zh.app_title(&plan), "寿光新旧动能转换情景模拟器");
    /// assert_eq!(Lang::En.app_title(&plan), "Shouguang Pathways");
    /// ```
    pub fn app_title(self, plan: &Plan) -> String {
        self.fill(plan, self.strings().title).trim().to_string()
    }

    /// The industries measured by output value, not revenue ("品质蔬菜" /
    /// "quality vegetables"), as a sentence names them; empty when none.
    pub fn output_value_industries(self, plan: &Plan) -> String {
        let names: Vec<String> = plan
            .industries
            .iter()
            .filter(|industry| industry.measure == Measure::OutputValue)
            .map(|industry| match self {
                Lang::Zh => industry.name.zh.clone(),
                Lang::En => lower_first(&industry.name.en),
            })
            .collect();
        names.join(self.pick("、", ", "))
    }

    /// The plan's city or county, empty when the plan names none.
    pub fn city(self, plan: &Plan) -> String {
        plan.city.as_ref().map_or_else(String::new, |city| {
            self.pick(&city.zh, &city.en).to_string()
        })
    }

    /// The plan as a sentence cites it: its short title, else its full
    /// title and the year it was published.
    pub fn plan_cited(self, plan: &Plan) -> String {
        if let Some(short) = &plan.short_title {
            return self.pick(&short.zh, &short.en).to_string();
        }
        let year = plan.published_on.get(..4).unwrap_or_default();
        match self {
            Lang::Zh if year.is_empty() => format!("《{}》", plan.title.zh),
            Lang::Zh => format!("《{}》({year})", plan.title.zh),
            Lang::En if year.is_empty() => format!("the plan “{}”", plan.title.en),
            Lang::En => format!("the plan “{}” ({year})", plan.title.en),
        }
    }

    /// Years joined as a sentence says them: "2022 年和 2028 年" /
    /// "2022 and 2028".
    pub fn years_list(self, years: &[u16]) -> String {
        let words: Vec<String> = years
            .iter()
            .map(|year| match self {
                Lang::Zh => format!("{year} 年"),
                Lang::En => year.to_string(),
            })
            .collect();
        let (comma, and) = match self {
            Lang::Zh => ("、", "和 "),
            Lang::En => (", ", " and "),
        };
        match words.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{}{and}{last}", rest.join(comma)),
        }
    }
}

/// A name inside an English sentence: "Quality vegetables" → "quality
/// vegetables" (a word in capitals, like "IT", stays as it is). English
/// names are written in ASCII letters; only those are lower-cased, so the
/// bundle carries no Unicode case tables.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second))
            if first.is_ascii_uppercase() && !second.is_ascii_uppercase() =>
        {
            std::iter::once(first.to_ascii_lowercase())
                .chain(std::iter::once(second))
                .chain(chars)
                .collect()
        }
        _ => name.to_string(),
    }
}

/// A count in Chinese numerals as a count reads (两, not 二; 一 … 九十九),
/// in digits beyond.
fn count_zh(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        2 => "两".to_string(),
        0..=9 => DIGITS[n].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 if n % 10 == 0 => format!("{}十", DIGITS[n / 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

/// A count in English words up to twelve, in digits beyond.
fn count_en(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |word| (*word).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_words() {
        assert_eq!(count_zh(8), "八");
        assert_eq!(count_zh(5), "五");
        assert_eq!(count_zh(2), "两");
        assert_eq!(count_zh(12), "十二");
        assert_eq!(count_zh(30), "三十");
        assert_eq!(count_zh(123), "123");
        assert_eq!(count_en(8), "eight");
        assert_eq!(count_en(40), "40");
    }

    #[test]
    fn the_shouguang_plan_reads_exactly_as_before() {
        let plan = Plan::shouguang_2018().expect("the embedded plan loads");
        let (zh, en) = (Lang::Zh.strings(), Lang::En.strings());
        for (filled, before) in [
            (Lang::Zh.app_title(&plan), "寿光新旧动能转换情景模拟器"),
            (Lang::En.app_title(&plan), "Shouguang Pathways"),
            (Lang::Zh.fill(&plan, zh.subtitle), "按《关于推进新旧动能转换重大工程的实施意见》(2018)设定各产业增速,查看 2017—2028 年走势与规划目标的差距。"),
            (Lang::En.fill(&plan, en.subtitle), "Set each industry's growth under Shouguang's 2018 plan for new growth drivers and see 2017–2028 trajectories against the plan's goals."),
            (Lang::Zh.fill(&plan, zh.phase_names[0]), "2018—2022 年"),
            (Lang::Zh.fill(&plan, zh.phase_names[1]), "2023—2028 年"),
            (Lang::En.fill(&plan, en.phase_names[1]), "2023–2028"),
            (Lang::Zh.fill(&plan, zh.chart_heading), "八大产业主营业务收入预测"),
            (Lang::En.fill(&plan, en.chart_heading), "Revenue of the eight industries, projected"),
            (Lang::Zh.fill(&plan, zh.scorecard_summary), "规划中可测算的每项目标在 2022 年和 2028 年的预测值、差距与达标状态。"),
            (Lang::Zh.fill(&plan, zh.flag_increments), "三项“每年提高”指标的增幅延续到 2028 年"),
            (Lang::En.fill(&plan, en.flag_vegetables), "Count quality vegetables (measured by output value) in the emerging-vs-traditional comparison"),
            (Lang::Zh.fill(&plan, zh.flag_vegetables), "新兴/传统比较中计入品质蔬菜(其为产值口径)"),
            (Lang::En.fill(&plan, en.lead_heading), "The 2028 “new drivers lead” test"),
        ] {
            assert_eq!(filled, before);
        }
    }

    #[test]
    fn a_plan_without_a_city_names_none() {
        let plan = Plan::from_json(include_str!(
            "../../../tests/fixtures/plan-demo-county.json"
        ))
        .expect("the demo plan loads");
        assert_eq!(Lang::Zh.app_title(&plan), "新旧动能转换情景模拟器");
        assert_eq!(Lang::En.app_title(&plan), "Pathways");
        assert_eq!(
            Lang::Zh.plan_cited(&plan),
            "《示范县产业发展规划(测试用虚构规划)》(2020)"
        );
        assert_eq!(lower_first("Quality vegetables"), "quality vegetables");
        assert_eq!(lower_first("IT services"), "IT services");
    }

    #[test]
    fn years_are_listed_as_a_sentence_says_them() {
        assert_eq!(Lang::Zh.years_list(&[2025, 2035]), "2025 年和 2035 年");
        assert_eq!(
            Lang::En.years_list(&[2025, 2030, 2035]),
            "2025, 2030 and 2035"
        );
        assert_eq!(Lang::En.years_list(&[2035]), "2035");
    }
}
