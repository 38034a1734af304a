//! The written summary: a few paragraphs saying what the evaluation means,
//! generated from it (never written per case), in Chinese or English.

use crate::model::{
    new_drivers_test, project, Bands, Field, GoalEvaluation, Measure, Plan, Provenance, Scenario,
    SeriesId, Status,
};

use super::format::{
    count_of, decimals_to_tell_apart, in_sentence, join_list, number, probability_text, quantity,
    signed_number, yi_yuan,
};
use super::gap::lead_contributions;
use crate::model::order::sort_stable_by;

/// Changed inputs named in the summary before "and N more".
pub const MAX_CHANGES_NAMED: usize = 4;
/// Shortfalls named in the summary.
pub const MAX_SHORTFALLS_NAMED: usize = 2;
/// Industries named as deciding the 2028 test.
pub const MAX_DECIDING_INDUSTRIES: usize = 3;

/// The summary of a scenario, one string per paragraph:
///
/// 1. how many projected goals are met in each checkpoint year (as the
///    scorecard counts them);
/// 2. the goals missed by most, with projection, target and gap in the
///    goal's unit;
/// 3. whether the 2028 "new drivers lead" test passes, the lead ratio
///    against its threshold and the year it is first reached, and the
///    industries that decide it (the largest parts of the emerging −
///    threshold × traditional margin);
/// 4. with `bands`, the probability of meeting each headline goal (the
///    economy-wide goals and the 2028 lead ratio);
/// 5. the inputs changed from `defaults` (at most [`MAX_CHANGES_NAMED`]
///    named, "and N more");
/// 6. the 2017 values that are still the app's assumptions.
///
/// `evaluations` are [`crate::model::evaluate`]'s for `scenario`. Pure:
/// the same input gives the same text.
///
/// ```
/// use pathways::explain::summary;
/// use pathways::model::{evaluate, project, Plan, Scenario};
///
/// let plan = Plan::shouguang_2018().unwrap();
/// let defaults = pathways::model::plan_defaults(&plan);
/// let mut scenario = defaults.clone();
/// scenario.set_growth_pct(1, 0, 6.0).unwrap(); // chemicals grow 6 % to 2022
/// let evaluations = evaluate(&plan, &scenario, &project(&plan, &scenario));
/// let zh = summary(&plan, &scenario, &defaults, &evaluations, None, true);
/// assert!(zh.iter().any(|paragraph| paragraph.contains("高端化工2018—2022年增速(9.0%→6.0%)")));
/// let en = summary(&plan, &scenario, &defaults, &evaluations, None, false);
/// assert!(en[1].starts_with("The largest shortfall is high-end chemicals revenue"));
/// ```
pub fn summary(
    plan: &Plan,
    scenario: &Scenario,
    defaults: &Scenario,
    evaluations: &[GoalEvaluation],
    bands: Option<&Bands>,
    lang_is_zh: bool,
) -> Vec<String> {
    let zh = lang_is_zh;
    let mut paragraphs = Vec::new();
    if let Some(tally) = tally(evaluations, zh) {
        paragraphs.push(tally);
    }
    if let Some(shortfalls) = shortfalls(plan, evaluations, zh) {
        paragraphs.push(shortfalls);
    }
    if let Some(lead) = lead_test(plan, scenario, evaluations, zh) {
        paragraphs.push(lead);
    }
    if let Some(probabilities) = bands.and_then(|bands| probabilities(plan, bands, zh)) {
        paragraphs.push(probabilities);
    }
    paragraphs.push(changes(plan, scenario, defaults, zh));
    paragraphs.push(assumptions(plan, scenario, zh));
    paragraphs
}

fn goal_name(plan: &Plan, evaluation: &GoalEvaluation, zh: bool) -> String {
    plan.goals
        .get(evaluation.goal_idx)
        .map_or_else(String::new, |goal| {
            if zh {
                goal.name.zh.clone()
            } else {
                goal.name.en.clone()
            }
        })
}

fn industry_name(plan: &Plan, industry_idx: usize, zh: bool) -> String {
    plan.industries
        .get(industry_idx)
        .map_or_else(String::new, |industry| {
            if zh {
                industry.name.zh.clone()
            } else {
                industry.name.en.clone()
            }
        })
}

/// Paragraph 1: met / close / missed per checkpoint year.
fn tally(evaluations: &[GoalEvaluation], zh: bool) -> Option<String> {
    let mut years: Vec<u16> = evaluations.iter().map(|e| e.year).collect();
    sort_stable_by(&mut years, Ord::cmp);
    years.dedup();
    if years.is_empty() {
        return None;
    }
    let parts: Vec<String> = years
        .iter()
        .map(|&year| {
            let (met, close, missed) = crate::model::tally(evaluations, year);
            let total = met + close + missed;
            if zh {
                let mut text = if met == total {
                    format!("{year}年{total}项预测目标全部实现")
                } else if met == 0 {
                    format!("{year}年{total}项预测目标无一实现")
                } else {
                    format!("{year}年{total}项预测目标中{met}项实现")
                };
                if close > 0 {
                    text.push_str(&format!("、{close}项接近"));
                }
                if missed > 0 && met > 0 {
                    text.push_str(&format!("、{missed}项未实现"));
                }
                text
            } else {
                let mut text = if met == total && total == 1 {
                    format!("in {year}, the only projected goal is met")
                } else if met == total {
                    format!("in {year}, all {total} projected goals are met")
                } else if met == 0 && total == 1 {
                    format!("in {year}, the only projected goal is not met")
                } else if met == 0 {
                    format!("in {year}, none of the {total} projected goals is met")
                } else {
                    format!(
                        "in {year}, {met} of the {total} projected goals {} met",
                        if met == 1 { "is" } else { "are" }
                    )
                };
                let mut others = Vec::new();
                if close > 0 {
                    others.push(format!(
                        "{} close",
                        is_are(&count_of(close, "goal", "goals"), close)
                    ));
                }
                if missed > 0 && met > 0 {
                    others.push(format!(
                        "{} missed",
                        is_are(&count_of(missed, "goal", "goals"), missed)
                    ));
                }
                if !others.is_empty() {
                    text.push_str(&format!(" ({})", join_list(&others, false)));
                }
                text
            }
        })
        .collect();
    Some(if zh {
        format!("按当前假设,{}。", parts.join(";"))
    } else {
        format!("Under the current assumptions, {}.", parts.join("; "))
    })
}

fn is_are(subject: &str, n: usize) -> String {
    format!("{subject} {}", if n == 1 { "is" } else { "are" })
}

fn is_share(series: SeriesId) -> bool {
    matches!(
        series,
        SeriesId::SeiShare
            | SeriesId::HighTechShare
            | SeriesId::RdShare
            | SeriesId::EmergingSharePct
    )
}

/// Paragraph 2: the goals missed by most (relative gap), the 2028 aim left
/// to paragraph 3.
fn shortfalls(plan: &Plan, evaluations: &[GoalEvaluation], zh: bool) -> Option<String> {
    let mut missed: Vec<&GoalEvaluation> = evaluations
        .iter()
        .filter(|e| e.status != Status::Met && e.goal_id != plan.interpretation.goal)
        .filter(|e| e.gap_pct.is_finite())
        .collect();
    sort_stable_by(&mut missed, |a, b| {
        b.gap_pct
            .abs()
            .total_cmp(&a.gap_pct.abs())
            .then(a.year.cmp(&b.year))
    });
    let mut named: Vec<&GoalEvaluation> = Vec::new();
    for evaluation in missed {
        if named.len() < MAX_SHORTFALLS_NAMED
            && !named.iter().any(|e| e.goal_idx == evaluation.goal_idx)
        {
            named.push(evaluation);
        }
    }
    if named.is_empty() {
        return None;
    }
    let sentences: Vec<String> = named
        .iter()
        .enumerate()
        .map(|(rank, e)| {
            let name = goal_name(plan, e, zh);
            let projected = quantity(e.series, e.projected, false, zh);
            let target = quantity(e.series, e.target, false, zh);
            let gap = quantity(e.series, e.gap_abs.abs(), true, zh);
            let relative = (!is_share(e.series))
                .then(|| number(e.gap_pct.abs(), 1, zh))
                .filter(|_| e.gap_pct.is_finite());
            if zh {
                let lead = if rank == 0 { "差距最大的是" } else { "其次是" };
                let interpretation = if e.interpretation {
                    "(按解读延续的目标)"
                } else {
                    ""
                };
                let relative = relative.map_or_else(String::new, |pct| format!("({pct}%)"));
                format!(
                    "{lead}{name}{interpretation}:{}年预测{projected},目标{target},差{gap}{relative}。",
                    e.year
                )
            } else {
                let lead = if rank == 0 {
                    "The largest shortfall is"
                } else {
                    "Next is"
                };
                let interpretation = if e.interpretation {
                    " (the goal as continued by interpretation)"
                } else {
                    ""
                };
                let relative = relative.map_or_else(String::new, |pct| format!(" ({pct}%)"));
                format!(
                    "{lead} {}{interpretation}: {projected} projected for {} against a goal of {target}, short by {gap}{relative}.",
                    in_sentence(&name),
                    e.year
                )
            }
        })
        .collect();
    Some(sentences.join(if zh { "" } else { " " }))
}

/// Paragraph 3: the 2028 "new drivers lead" test.
fn lead_test(
    plan: &Plan,
    scenario: &Scenario,
    evaluations: &[GoalEvaluation],
    zh: bool,
) -> Option<String> {
    let year = plan.interpretation.year;
    let ratio = evaluations
        .iter()
        .find(|e| e.goal_id == plan.interpretation.goal && e.year == year)?;
    let test = new_drivers_test(plan, evaluations);
    let threshold = ratio.target;
    let ratio_met = ratio.status == Status::Met;
    let other_failures: Vec<String> = test
        .criteria
        .iter()
        .filter_map(|idx| evaluations.get(*idx))
        .filter(|e| e.goal_idx != ratio.goal_idx && e.status != Status::Met)
        .map(|e| {
            let name = goal_name(plan, e, zh);
            if zh {
                name
            } else {
                in_sentence(&name)
            }
        })
        .collect();
    let left_out: Vec<String> = (0..plan.industries.len())
        .filter(|&idx| !scenario.counts_in_lead_test(plan, idx))
        .map(|idx| industry_name(plan, idx, zh))
        .collect();
    let ratio_text = number(ratio.projected, 2, zh);
    let threshold_text = number(threshold, 2, zh);
    let first_year = ratio.first_year_reached;
    let mut text = String::new();
    if zh {
        let verdict = if test.met { "通过" } else { "未通过" };
        let scope = if left_out.is_empty() {
            String::new()
        } else {
            format!("(不含以产值计的{})", left_out.join("、"))
        };
        text.push_str(&format!(
            "{year}年“新动能主导”检验{verdict}:新兴产业收入是传统产业{scope}的{ratio_text}倍,"
        ));
        if ratio_met {
            text.push_str(&format!("达到门槛{threshold_text}倍"));
            match first_year {
                Some(first) if first == plan.base_year() => {
                    text.push_str(&format!("({first}年即已达到)"))
                }
                Some(first) => text.push_str(&format!("({first}年起达到)")),
                None => {}
            }
        } else {
            text.push_str(&format!("低于门槛{threshold_text}倍"));
            if let Some(first) = first_year {
                text.push_str(&format!("({first}年曾达到,其后回落)"));
            }
        }
        if !other_failures.is_empty() {
            let joiner = if ratio_met { ";但" } else { ";此外" };
            text.push_str(&format!(
                "{joiner}{}未达到延续到{year}年的目标",
                join_list(&other_failures, true)
            ));
        }
        text.push('。');
    } else {
        let verdict = if test.met { "passes" } else { "fails" };
        let scope = if left_out.is_empty() {
            String::new()
        } else {
            format!(
                " ({} left out: measured by output value)",
                join_list(
                    &left_out
                        .iter()
                        .map(|name| in_sentence(name))
                        .collect::<Vec<_>>(),
                    false
                )
            )
        };
        text.push_str(&format!(
            "The {year} “new drivers lead” test {verdict}: emerging industries' revenue is {ratio_text} times the traditional industries'{scope}, "
        ));
        if ratio_met {
            text.push_str(&format!("reaching the threshold of {threshold_text}"));
            match first_year {
                Some(first) if first == plan.base_year() => {
                    text.push_str(&format!(" already in {first}"))
                }
                Some(first) => text.push_str(&format!(" from {first} on")),
                None => {}
            }
        } else {
            text.push_str(&format!("below the threshold of {threshold_text}"));
            if let Some(first) = first_year {
                text.push_str(&format!(" (reached in {first}, then lost)"));
            }
        }
        if !other_failures.is_empty() {
            let joiner = if ratio_met { "; but" } else { "; also," };
            text.push_str(&format!(
                "{joiner} {} {} not reach {} continued {year} target{}",
                join_list(&other_failures, false),
                if other_failures.len() == 1 {
                    "does"
                } else {
                    "do"
                },
                if other_failures.len() == 1 {
                    "its"
                } else {
                    "their"
                },
                if other_failures.len() == 1 { "" } else { "s" },
            ));
        }
        text.push('.');
    }

    // Who decides it: the largest parts of the margin.
    let projection = project(plan, scenario);
    let parts = lead_contributions(plan, scenario, &projection);
    let margin: f64 = parts.iter().map(|part| part.value).sum();
    let mut deciding = parts.clone();
    sort_stable_by(&mut deciding, |a, b| {
        b.value.abs().total_cmp(&a.value.abs())
    });
    deciding.truncate(MAX_DECIDING_INDUSTRIES);
    if !deciding.is_empty() && margin.is_finite() {
        let items: Vec<String> = deciding
            .iter()
            .map(|part| {
                let amount = if zh {
                    format!("{}亿元", signed_number(part.value, 0, true))
                } else {
                    let sign = if part.value < 0.0 { "−" } else { "+" };
                    format!("{sign}{}", yi_yuan(part.value.abs(), false))
                };
                let name = industry_name(plan, part.industry_idx, zh);
                if zh {
                    format!("{name}({amount})")
                } else {
                    format!("{} ({amount})", in_sentence(&name))
                }
            })
            .collect();
        let scaled =
            (scenario.interpretation.emerging_to_traditional_min_ratio - 1.0).abs() > 1e-12;
        if zh {
            let traditional = if scaled {
                "传统产业乘以门槛后计负"
            } else {
                "传统产业计负"
            };
            text.push_str(&format!(
                "决定检验结果的主要是{}:新兴产业计正、{traditional},合计差额{}亿元。",
                join_list(&items, true),
                signed_number(margin, 0, true)
            ));
        } else {
            let traditional = if scaled {
                "traditional ones negative times the threshold"
            } else {
                "traditional ones negative"
            };
            let margin_text = if margin < 0.0 {
                format!("−{}", yi_yuan(margin.abs(), false))
            } else {
                format!("+{}", yi_yuan(margin, false))
            };
            text.push_str(&format!(
                " It is decided mostly by {}, counting emerging industries positive and {traditional}; the margin is {margin_text}.",
                join_list(&items, false)
            ));
        }
    }
    Some(text)
}

/// Paragraph 4: the probability of each headline goal under the
/// uncertainty settings.
fn probabilities(plan: &Plan, bands: &Bands, zh: bool) -> Option<String> {
    let mut items = Vec::new();
    for (goal_id, year) in super::sensitivity::headline_goals(plan) {
        let Some(goal) = plan.goal(&goal_id) else {
            continue;
        };
        let Some(probability) = bands.probability(&goal_id, year) else {
            continue;
        };
        let chance = probability_text(probability, zh);
        let is_aim = goal_id == plan.interpretation.goal;
        items.push(match (zh, is_aim) {
            (true, false) => format!("{year}年{}{chance}", goal.name.zh),
            (true, true) => format!("{year}年新兴产业收入达到门槛{chance}"),
            (false, false) => format!("{chance} for {} in {year}", in_sentence(&goal.name.en)),
            (false, true) => format!("{chance} for emerging revenue reaching the {year} threshold"),
        });
    }
    if items.is_empty() {
        return None;
    }
    let runs = number(f64::from(bands.runs), 0, zh);
    Some(if zh {
        format!(
            "按当前不确定性设定({runs}次模拟),实现的可能性:{}。",
            items.join(";")
        )
    } else {
        format!(
            "Under the current uncertainty settings ({}), the chances of meeting the headline goals are {}.",
            if bands.runs == 1 {
                "1 run".to_string()
            } else {
                format!("{runs} runs")
            },
            items.join("; ")
        )
    })
}

fn same(a: f64, b: f64) -> bool {
    (a == b) || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Every input of `scenario` that differs from `defaults`, as
/// "label(from→to)" in panel order: growth, base values and links per
/// industry, shocks, the economy, uncertainty, the interpretation.
///
/// ```
/// use pathways::explain::changed_inputs;
/// use pathways::model::{Plan, Scenario};
///
/// let plan = Plan::shouguang_2018().unwrap();
/// let defaults = pathways::model::plan_defaults(&plan);
/// let mut scenario = defaults.clone();
/// scenario.industries[4].base_yi_yuan = 300.0;
/// scenario.interpretation.include_vegetables = true;
/// assert_eq!(
///     changed_inputs(&plan, &scenario, &defaults, true),
///     vec!["新材料2017年基数(250→300亿元)", "2028年检验计入品质蔬菜(否→是)"]
/// );
/// assert_eq!(
///     changed_inputs(&plan, &scenario, &defaults, false)[0],
///     "new materials 2017 base (250 → 300, in 100 million yuan)"
/// );
/// ```
pub fn changed_inputs(
    plan: &Plan,
    scenario: &Scenario,
    defaults: &Scenario,
    zh: bool,
) -> Vec<String> {
    let mut changes = Vec::new();
    // (label, from, to, min decimals, unit zh, unit en, unit after both)
    let mut number_change =
        |label: String, from: f64, to: f64, decimals: usize, unit: (&str, &str)| {
            if same(from, to) {
                return;
            }
            let decimals = decimals_to_tell_apart(from, to, decimals);
            let from_text = number(from, decimals, zh);
            let to_text = number(to, decimals, zh);
            let label = if zh { label } else { in_sentence(&label) };
            changes.push(match (zh, unit) {
                (true, ("%", _)) => format!("{label}({from_text}%→{to_text}%)"),
                (true, (unit, _)) => format!("{label}({from_text}→{to_text}{unit})"),
                (false, (_, "%")) => format!("{label} ({from_text}% → {to_text}%)"),
                (false, (_, "")) => format!("{label} ({from_text} → {to_text})"),
                (false, (_, unit)) => format!("{label} ({from_text} → {to_text}, in {unit})"),
            });
        };
    for field in Field::all(plan) {
        if !(field.exists_in(scenario) && field.exists_in(defaults)) {
            continue;
        }
        number_change(
            field.label(plan, zh),
            field.get(defaults),
            field.get(scenario),
            field.text_decimals(),
            (field.unit().text(true), field.unit().text(false)),
        );
    }
    number_change(
        if zh {
            "随机种子".into()
        } else {
            "Random seed".into()
        },
        defaults.uncertainty.seed as f64,
        scenario.uncertainty.seed as f64,
        0,
        ("", ""),
    );
    let (now, then) = (&scenario.interpretation, &defaults.interpretation);
    let year = plan.interpretation.year;
    let output_value_names: Vec<String> = plan
        .industries
        .iter()
        .enumerate()
        .filter(|(_, industry)| industry.measure == Measure::OutputValue)
        .map(|(idx, _)| industry_name(plan, idx, zh))
        .collect();
    let output_value_names = join_list(&output_value_names, zh);
    let flags = [
        (
            then.include_vegetables,
            now.include_vegetables,
            format!("{year}年检验计入{output_value_names}"),
            format!("{output_value_names} counted in the {year} test"),
        ),
        (
            then.continue_increments,
            now.continue_increments,
            format!("指标年增幅延续到{year}年"),
            format!("indicator increments continued to {year}"),
        ),
        (
            then.continue_productivity_growth,
            now.continue_productivity_growth,
            format!("劳动生产率目标增速延续到{year}年"),
            format!("productivity goal pace continued to {year}"),
        ),
    ];
    if scenario.shocks != defaults.shocks {
        changes.push(if zh {
            format!(
                "一次性冲击({}项→{}项)",
                defaults.shocks.len(),
                scenario.shocks.len()
            )
        } else {
            format!(
                "one-year shocks ({} → {})",
                defaults.shocks.len(),
                scenario.shocks.len()
            )
        });
    }
    for (from, to, label_zh, label_en) in flags {
        if from != to {
            let word = |flag: bool| match (flag, zh) {
                (true, true) => "是",
                (false, true) => "否",
                (true, false) => "yes",
                (false, false) => "no",
            };
            changes.push(if zh {
                format!("{label_zh}({}→{})", word(from), word(to))
            } else {
                format!("{label_en} ({} → {})", word(from), word(to))
            });
        }
    }
    changes
}

/// Paragraph 5: what the user changed.
fn changes(plan: &Plan, scenario: &Scenario, defaults: &Scenario, zh: bool) -> String {
    let changes = changed_inputs(plan, scenario, defaults, zh);
    if changes.is_empty() {
        return if zh {
            "所有输入均为默认设定。".into()
        } else {
            "All inputs are at their defaults.".into()
        };
    }
    let n_more = changes.len().saturating_sub(MAX_CHANGES_NAMED);
    let named = &changes[..changes.len().min(MAX_CHANGES_NAMED)];
    if zh {
        let more = if n_more > 0 {
            format!(",另有{n_more}项")
        } else {
            String::new()
        };
        format!("与默认设定相比,改动了{}{more}。", named.join("、"))
    } else {
        let mut items = named.to_vec();
        if n_more > 0 {
            items.push(format!("{n_more} more"));
        }
        let verb = if changes.len() == 1 {
            "One input differs"
        } else {
            "Inputs that differ"
        };
        format!("{verb} from the defaults: {}.", join_list(&items, false))
    }
}

/// Paragraph 6: the 2017 values still as the app assumed them.
fn assumptions(plan: &Plan, scenario: &Scenario, zh: bool) -> String {
    let is_assumption =
        |provenance: &Provenance| matches!(provenance, Provenance::Assumption { .. });
    let base_year = plan.base_year();
    let assumed_industries: Vec<usize> = plan
        .industries
        .iter()
        .enumerate()
        .filter(|(idx, industry)| {
            is_assumption(&industry.base_value.provenance)
                && scenario
                    .industries
                    .get(*idx)
                    .is_some_and(|now| same(now.base_yi_yuan, industry.base_value.value))
        })
        .map(|(idx, _)| idx)
        .collect();
    let mut items = Vec::new();
    if !assumed_industries.is_empty() {
        let any_output_value = assumed_industries
            .iter()
            .any(|&idx| plan.industries[idx].measure == Measure::OutputValue);
        let what_zh = if any_output_value {
            "收入或产值"
        } else {
            "收入"
        };
        let what_en = if any_output_value {
            "revenue or output value"
        } else {
            "revenue"
        };
        let n = assumed_industries.len();
        let names: Vec<String> = assumed_industries
            .iter()
            .map(|&idx| industry_name(plan, idx, zh))
            .collect();
        items.push(match (zh, n == plan.industries.len(), n) {
            (true, true, _) => format!("全部{n}个产业的{what_zh}"),
            (true, false, 1 | 2) => format!("{}的{what_zh}", join_list(&names, true)),
            (true, false, _) => format!("{}等{n}个产业的{what_zh}", names[..2].join("、")),
            (false, true, _) => format!("the {what_en} of all {n} industries"),
            (false, false, 1 | 2) => format!(
                "the {what_en} of {}",
                join_list(
                    &names
                        .iter()
                        .map(|name| in_sentence(name))
                        .collect::<Vec<_>>(),
                    false
                )
            ),
            (false, false, _) => format!(
                "the {what_en} of {}, {} and {} more industries",
                in_sentence(&names[0]),
                in_sentence(&names[1]),
                n - 2
            ),
        });
    }
    let economy = &plan.economy;
    let now = &scenario.economy;
    for (sourced, value, name_zh, name_en) in [
        (
            &economy.gdp_base_yi_yuan,
            now.gdp_base_yi_yuan,
            "GDP",
            "GDP",
        ),
        (
            &economy.productivity_base_wan_yuan,
            now.productivity_base_wan_yuan,
            "全员劳动生产率",
            "labour productivity",
        ),
        (
            &economy.sei_share_base_pct,
            now.sei_share_base_pct,
            "战略性新兴产业增加值占比",
            "the strategic emerging industries' share of GDP",
        ),
        (
            &economy.high_tech_share_base_pct,
            now.high_tech_share_base_pct,
            "高新技术产业产值占比",
            "the high-tech share of industrial output",
        ),
        (
            &economy.rd_share_base_pct,
            now.rd_share_base_pct,
            "研发投入占GDP比重",
            "R&D spending as a share of GDP",
        ),
    ] {
        if is_assumption(&sourced.provenance) && same(sourced.value, value) {
            items.push(if zh { name_zh } else { name_en }.to_string());
        }
    }
    let links_assumed = plan.industries.iter().enumerate().any(|(idx, industry)| {
        is_assumption(&industry.value_added_ratio.provenance)
            && scenario
                .industries
                .get(idx)
                .is_some_and(|now| same(now.value_added_ratio, industry.value_added_ratio.value))
    });
    if items.is_empty() {
        return if zh {
            format!("{base_year}年的假设基数已全部替换为你的数字。")
        } else {
            format!("You have replaced every assumed {base_year} value with your own.")
        };
    }
    if zh {
        let links = if links_assumed {
            "各产业的增加值率等联系参数也是假设。"
        } else {
            ""
        };
        format!(
            "以下{base_year}年基数仍是本应用的假设,并非公布数据:{}。有实际数据时请替换,结论会随之变化。{links}",
            join_list(&items, true)
        )
    } else {
        let links = if links_assumed {
            " The industries' links to the economy (value-added ratios and the like) are assumptions too."
        } else {
            ""
        };
        format!(
            "These {base_year} values are still the app's assumptions, not published data: {}. Replace them when actual figures are known; the conclusions move with them.{links}",
            join_list(&items, false)
        )
    }
}
