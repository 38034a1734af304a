//! The goal register: every goal of the plan with its clause quoted
//! verbatim, grouped by the plan's sections, with its status (projected
//! goals) or a field for the current count (goals tracked by hand).

use crate::app::components::class_list;
use std::collections::BTreeMap;

use yew::prelude::*;

use crate::app::components::{format_value, parse_number, provenance_badge};
use crate::app::i18n::{Lang, RegisterStrings};
use crate::app::shared::Shared;
use crate::model::{meets, Comparison, Goal, GoalEvaluation, GoalKind, Plan, Status, Tracking};

#[derive(Properties, PartialEq)]
pub struct GoalRegisterProps {
    pub plan: Shared<Plan>,
    pub evaluations: Shared<Vec<GoalEvaluation>>,
    pub tracked: Shared<BTreeMap<String, f64>>,
    pub lang: Lang,
    pub on_set_tracked: Callback<(String, Option<f64>)>,
}

/// Which goals the register shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    All,
    Projected,
    TrackedByHand,
}

impl Filter {
    const ALL: [Filter; 3] = [Filter::All, Filter::Projected, Filter::TrackedByHand];

    fn id(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Projected => "projected",
            Filter::TrackedByHand => "tracked",
        }
    }

    fn label(self, strings: &RegisterStrings) -> &'static str {
        match self {
            Filter::All => strings.filter_all,
            Filter::Projected => strings.filter_projected,
            Filter::TrackedByHand => strings.filter_tracked,
        }
    }

    fn admits(self, goal: &Goal) -> bool {
        match self {
            Filter::All => true,
            Filter::Projected => goal.tracking == Tracking::Projected,
            Filter::TrackedByHand => goal.tracking == Tracking::TrackedByHand,
        }
    }
}

/// Every goal of the plan, grouped by section in the plan's order.
#[function_component(GoalRegister)]
pub fn goal_register(props: &GoalRegisterProps) -> Html {
    let lang = props.lang;
    let strings = lang.register_strings();
    let plan = &*props.plan;
    let filter = use_state(|| Filter::All);

    let n_goals = plan.goals.len();
    let n_projected = plan
        .goals
        .iter()
        .filter(|goal| goal.tracking == Tracking::Projected)
        .count();
    let n_tracked = n_goals - n_projected;
    let n_qualitative = plan
        .goals
        .iter()
        .filter(|goal| goal.kind == GoalKind::Qualitative)
        .count();
    let summary = [
        strings.summary_total.replace("{n}", &n_goals.to_string()),
        strings
            .summary_projected
            .replace("{n}", &n_projected.to_string()),
        strings
            .summary_tracked
            .replace("{n}", &n_tracked.to_string()),
        strings
            .summary_qualitative
            .replace("{n}", &n_qualitative.to_string()),
    ]
    .join(strings.list_separator);

    let filter_buttons = Filter::ALL.iter().map(|candidate| {
        let candidate = *candidate;
        let count = plan
            .goals
            .iter()
            .filter(|goal| candidate.admits(goal))
            .count();
        let pressed = *filter == candidate;
        let on_click = {
            let filter = filter.clone();
            Callback::from(move |_: MouseEvent| filter.set(candidate))
        };
        html! {
            <button type="button"
                class={class_list(&["segment", if pressed { "active" } else { "" }])}
                aria-pressed={pressed.to_string()}
                data-testid={format!("register-filter-{}", candidate.id())}
                onclick={on_click}>
                { format!("{}({count})", candidate.label(strings)) }
            </button>
        }
    });

    let sections = sections_in_order(plan);
    let shown: Vec<Html> = sections
        .iter()
        .filter_map(|(part, goal_indices)| {
            let cards: Vec<Html> = goal_indices
                .iter()
                .filter_map(|goal_idx| plan.goals.get(*goal_idx))
                .filter(|goal| filter.admits(goal))
                .map(|goal| goal_card(props, goal))
                .collect();
            if cards.is_empty() {
                return None;
            }
            let heading_id = format!("register-part-{}", part_slug(part));
            Some(html! {
                <section class="register-part" aria-labelledby={heading_id.clone()}
                    data-testid={heading_id.clone()}>
                    <h3 id={heading_id}>{ part_heading(plan, lang, part) }</h3>
                    <ul class="goal-list">{ for cards }</ul>
                </section>
            })
        })
        .collect();
    let nothing_shown = shown.is_empty();

    html! {
        <section class="panel register-view" aria-labelledby="register-heading" data-testid="view-register">
            <h2 id="register-heading">{ strings.heading }</h2>
            <p class="panel-note">{ lang.fill(plan, strings.intro) }</p>
            <p class="register-summary" data-testid="register-summary">{ summary }</p>
            <div class="segmented register-filter" role="group" aria-label={strings.filter_label}>
                { for filter_buttons }
            </div>
            { for shown }
            if nothing_shown {
                <p class="panel-note">{ strings.none_shown }</p>
            }
        </section>
    }
}

/// The goals' indices grouped by the part of the plan they belong to (the
/// part before "、", or the whole section such as "引言"), parts in the
/// order they first appear in the plan.
fn sections_in_order(plan: &Plan) -> Vec<(String, Vec<usize>)> {
    let mut parts: Vec<(String, Vec<usize>)> = Vec::new();
    for (goal_idx, goal) in plan.goals.iter().enumerate() {
        let part = part_of(&goal.section).to_string();
        match parts.iter_mut().find(|(known, _)| *known == part) {
            Some((_, indices)) => indices.push(goal_idx),
            None => parts.push((part, vec![goal_idx])),
        }
    }
    parts
}

/// "一、1" → "一"; "引言" → "引言".
fn part_of(section: &str) -> &str {
    section
        .split_once('、')
        .map_or(section, |(part, _)| part)
        .trim()
}

/// A Chinese numeral up to 十九 as a number.
fn chinese_numeral(text: &str) -> Option<u32> {
    let digit = |character: char| {
        "一二三四五六七八九"
            .find(character)
            .map(|byte| byte as u32 / 3 + 1)
    };
    let characters: Vec<char> = text.chars().collect();
    match characters.as_slice() {
        ['十'] => Some(10),
        ['十', unit] => digit(*unit).map(|unit| 10 + unit),
        [single] => digit(*single),
        _ => None,
    }
}

fn part_slug(part: &str) -> String {
    if part == "引言" {
        return "preamble".into();
    }
    chinese_numeral(part).map_or_else(
        || {
            part.chars()
                .filter(|character| character.is_ascii_alphanumeric())
                .collect::<String>()
        },
        |number| number.to_string(),
    )
}

/// The heading of a part: the plan's own title where this app knows it.
fn part_heading(plan: &Plan, lang: Lang, part: &str) -> String {
    let strings = lang.register_strings();
    if part == "引言" {
        return strings.preamble.to_string();
    }
    let number = chinese_numeral(part);
    let title = (plan.id == "shouguang-2018")
        .then(|| {
            strings
                .shouguang_parts
                .iter()
                .find(|(numeral, _)| *numeral == part)
                .map(|(_, title)| *title)
        })
        .flatten();
    match (lang, number, title) {
        (Lang::Zh, _, Some(title)) => format!("{part}、{title}"),
        (Lang::Zh, _, None) => format!("{}{part}{}", strings.part_prefix, strings.part_suffix),
        (Lang::En, Some(number), Some(title)) => {
            format!("{}{number}: {title}", strings.part_prefix)
        }
        (Lang::En, Some(number), None) => format!("{}{number}", strings.part_prefix),
        (Lang::En, None, _) => format!("{}{part}", strings.part_prefix),
    }
}

/// The section as shown on a card: the plan's notation in Chinese,
/// "Part 1, item 3 (一、3)" in English.
fn section_label(lang: Lang, section: &str) -> String {
    let strings = lang.register_strings();
    match lang {
        Lang::Zh => section.to_string(),
        Lang::En => {
            if section == "引言" {
                return format!("{} ({section})", strings.preamble_short);
            }
            match section.split_once('、') {
                Some((part, item)) => match chinese_numeral(part) {
                    Some(number) => format!(
                        "{}{number}, {} {} ({section})",
                        strings.part_prefix,
                        strings.item_word,
                        item.trim()
                    ),
                    None => section.to_string(),
                },
                None => section.to_string(),
            }
        }
    }
}

/// A number with as few decimals as it needs (at most two).
fn plain_number(lang: Lang, value: f64) -> String {
    let decimals = if (value - value.round()).abs() < 1e-9 {
        0
    } else if (value * 10.0 - (value * 10.0).round()).abs() < 1e-9 {
        1
    } else {
        2
    };
    lang.number(value, decimals)
}

/// A projected level with sensible precision.
fn level_number(lang: Lang, value: f64) -> String {
    let decimals = if value.abs() < 10.0 { 2 } else { 1 };
    lang.number(value, decimals)
}

fn kind_label(strings: &RegisterStrings, kind: GoalKind) -> &'static str {
    match kind {
        GoalKind::Level => strings.kind_level,
        GoalKind::IncrementPerYear => strings.kind_increment,
        GoalKind::Count => strings.kind_count,
        GoalKind::Qualitative => strings.kind_qualitative,
    }
}

fn comparison_symbol(comparison: Comparison) -> &'static str {
    match comparison {
        Comparison::AtLeast => "≥ ",
        Comparison::MoreThan => "> ",
        Comparison::AtMost => "≤ ",
        Comparison::LessThan => "< ",
        Comparison::UpTo | Comparison::Qualitative => "",
    }
}

/// The goal's target in words: "≥ 1,000 亿元", "每年提高 1 百分点/年"…
fn target_text(lang: Lang, goal: &Goal, interpreted: bool) -> String {
    let strings = lang.register_strings();
    let unit = lang.pick(&goal.unit.zh, &goal.unit.en);
    if goal.kind == GoalKind::Qualitative {
        return if interpreted {
            strings.qualitative_interpreted.to_string()
        } else {
            strings.qualitative_no_number.to_string()
        };
    }
    let Some(target) = goal.target else {
        return strings.qualitative_no_number.to_string();
    };
    let number = plain_number(lang, target);
    match (goal.kind, goal.comparison) {
        (GoalKind::IncrementPerYear, _) => {
            format!("{}{} {unit}", strings.increment_prefix, number)
        }
        (_, Comparison::UpTo) => format!(
            "{}{number} {unit}{}",
            strings.up_to_prefix, strings.up_to_suffix
        ),
        (_, comparison) => format!("{}{number} {unit}", comparison_symbol(comparison)),
    }
}

/// The status icon and word, so status never relies on colour alone.
fn status_view(lang: Lang, status: Status) -> (&'static str, &'static str, &'static str) {
    lang.status_parts(status)
}

/// One goal as a card.
fn goal_card(props: &GoalRegisterProps, goal: &Goal) -> Html {
    let lang = props.lang;
    let strings = lang.register_strings();
    let plan = &*props.plan;
    let interpreted = plan.interpretation.goal == goal.id;
    let projected = goal.tracking == Tracking::Projected;
    let unit = lang.pick(&goal.unit.zh, &goal.unit.en);
    let deadline = if goal.deadline_in_text {
        html! { { goal.deadline } }
    } else {
        html! {
            <>
                { goal.deadline }
                <span class="deadline-assumed" data-testid={format!("deadline-assumed-{}", goal.id)}>
                    { format!(" *{}", strings.deadline_assumed) }
                </span>
            </>
        }
    };
    let tracking_chip = if projected {
        html! { <span class="tracking-chip tracking-projected">{ strings.tracking_projected }</span> }
    } else {
        html! { <span class="tracking-chip tracking-by-hand">{ strings.tracking_by_hand }</span> }
    };
    let note = goal.note.as_ref().map(|note| {
        html! { <p class="goal-note">{ strings.note }{ lang.pick(&note.zh, &note.en) }</p> }
    });
    let interpretation_note = interpreted.then(|| {
        let note = &plan.interpretation.note;
        html! { <p class="goal-note goal-interpretation">{ lang.pick(&note.zh, &note.en) }</p> }
    });
    let actuals = plan
        .published
        .iter()
        .filter(|figure| figure.goal.as_deref() == Some(goal.id.as_str()))
        .map(|figure| {
            // The published outcome against the goal, apart from any
            // projection: at or after the deadline, against the goal's target
            // (or the sum of targets the figure covers).
            let target = figure.compare_target.or(goal.target).filter(|_| {
                goal.kind != GoalKind::Qualitative && figure.year >= goal.deadline
            });
            let outcome = target.map(|target| {
                let met = meets(goal.comparison, figure.value, target);
                let (class, icon, word) = if met {
                    ("status-met", "✓", strings.outcome_met)
                } else {
                    ("status-missed", "✗", strings.outcome_missed)
                };
                html! {
                    <span class={class_list(&["goal-outcome", class])}
                        data-testid={format!("outcome-{}-{}", goal.id, figure.year)}
                        data-status={if met { "met" } else { "missed" }}>
                        { format!(" {} {} {unit} · ", strings.outcome_against, plain_number(lang, target)) }
                        <span aria-hidden="true">{ icon }</span>{ " " }{ word }
                        if figure.year > goal.deadline {
                            { format!(" ({})", strings.outcome_after_deadline) }
                        }
                        { " " }
                    </span>
                }
            });
            let figure_note = figure.note.as_ref().map(|note| {
                html! { <span class="goal-actual-note">{ lang.pick(&note.zh, &note.en) }{ " " }</span> }
            });
            html! {
                <p class="goal-actual">
                    { strings.published_actual }
                    { match lang {
                        Lang::Zh => format!("{} 年 {} {unit} ", figure.year, plain_number(lang, figure.value)),
                        Lang::En => format!("{}: {} {unit} ", figure.year, plain_number(lang, figure.value)),
                    } }
                    { outcome }
                    { figure_note }
                    { provenance_badge(&figure.provenance, lang, true) }
                </p>
            }
        });
    let status = if projected {
        projected_status(props, goal)
    } else {
        tracked_status(props, goal)
    };
    html! {
        <li class={class_list(&["goal-card", if projected { "goal-projected" } else { "goal-tracked" }])}
            data-testid={format!("goal-{}", goal.id)}>
            <div class="goal-head">
                <h4 class="goal-name">{ lang.pick(&goal.name.zh, &goal.name.en) }</h4>
                { tracking_chip }
            </div>
            <blockquote class="goal-clause" lang="zh-CN" data-testid={format!("clause-{}", goal.id)}>
                { format!("「{}」", goal.clause) }
            </blockquote>
            <dl class="goal-meta">
                <div><dt>{ strings.field_section }</dt><dd>{ section_label(lang, &goal.section) }</dd></div>
                <div><dt>{ strings.field_deadline }</dt><dd>{ deadline }</dd></div>
                <div><dt>{ strings.field_unit }</dt><dd>{ unit }</dd></div>
                <div><dt>{ strings.field_kind }</dt><dd>{ kind_label(strings, goal.kind) }</dd></div>
                <div class="goal-target"><dt>{ strings.field_target }</dt><dd>{ target_text(lang, goal, interpreted) }</dd></div>
            </dl>
            { for note }
            { for interpretation_note }
            { for actuals }
            { status }
        </li>
    }
}

/// The 2022 and 2028 verdicts of a projected goal.
fn projected_status(props: &GoalRegisterProps, goal: &Goal) -> Html {
    let lang = props.lang;
    let strings = lang.register_strings();
    let level_unit = match goal.kind {
        GoalKind::IncrementPerYear => "%",
        _ => lang.pick(&goal.unit.zh, &goal.unit.en),
    };
    let rows: Vec<Html> = props
        .evaluations
        .iter()
        .filter(|evaluation| evaluation.goal_id == goal.id)
        .map(|evaluation| {
            let (class, icon, word) = status_view(lang, evaluation.status);
            let mark = if evaluation.interpretation {
                strings.interpretation_mark
            } else {
                ""
            };
            let values = if level_unit == "%" {
                format!(
                    "{} {}% / {} {}%",
                    strings.projected_word,
                    level_number(lang, evaluation.projected),
                    strings.target_word,
                    level_number(lang, evaluation.target),
                )
            } else {
                format!(
                    "{} {} / {} {} {level_unit}",
                    strings.projected_word,
                    level_number(lang, evaluation.projected),
                    strings.target_word,
                    level_number(lang, evaluation.target),
                )
            };
            html! {
                <li class={class_list(&["goal-status", class])}
                    data-testid={format!("status-{}-{}", goal.id, evaluation.year)}
                    data-status={class.trim_start_matches("status-").to_string()}>
                    <span class="status-year">
                        { evaluation.year }
                        if evaluation.at_deadline {
                            <span class="status-deadline">{ strings.deadline_tag }</span>
                        }
                    </span>
                    <span class="status-word">
                        <span aria-hidden="true">{ icon }</span>
                        { " " }{ word }{ mark }
                    </span>
                    <span class="status-values">{ values }</span>
                </li>
            }
        })
        .collect();
    html! {
        <div class="goal-status-block">
            <span class="status-label">{ strings.field_status }</span>
            if rows.is_empty() {
                <p class="panel-note">{ strings.no_evaluation }</p>
            } else {
                <ul class="goal-status-list">{ for rows }</ul>
            }
        </div>
    }
}

/// The current-count field of a goal tracked by hand, and whether the count
/// meets the target.
fn tracked_status(props: &GoalRegisterProps, goal: &Goal) -> Html {
    let lang = props.lang;
    let strings = lang.register_strings();
    let numeric_target = goal.target.filter(|_| {
        goal.kind != GoalKind::Qualitative && goal.comparison != Comparison::Qualitative
    });
    let Some(target) = numeric_target else {
        return html! {
            <div class="goal-status-block">
                <span class="status-label">{ strings.field_status }</span>
                <p class="goal-qualitative" data-testid={format!("qualitative-{}", goal.id)}>
                    { strings.tracking_by_hand }{ strings.colon }{ strings.qualitative_by_hand }
                </p>
            </div>
        };
    };
    let count = props.tracked.get(&goal.id).copied();
    let unit = lang.pick(&goal.unit.zh, &goal.unit.en);
    let decimals = if goal.kind == GoalKind::Count && target.fract() == 0.0 {
        0
    } else {
        2
    };
    let on_change = {
        let goal_id = goal.id.clone();
        props
            .on_set_tracked
            .reform(move |count: Option<f64>| (goal_id.clone(), count))
    };
    let on_clear = {
        let goal_id = goal.id.clone();
        props
            .on_set_tracked
            .reform(move |_: MouseEvent| (goal_id.clone(), None))
    };
    let goal_name = lang.pick(&goal.name.zh, &goal.name.en);
    let entry_label = if goal.kind == GoalKind::Count {
        strings.current_count
    } else {
        strings.current_value
    };
    let field_id = format!(
        "tracked-{}",
        goal.id.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let verdict = match count {
        None => html! { <p class="tracked-verdict tracked-none">{ strings.no_count_yet }</p> },
        Some(count) => {
            let met = meets(goal.comparison, count, target);
            // "As many as possible" (up to N) is never "missed": any count is
            // progress, and all N is everything there is.
            let in_progress = !met && goal.comparison == Comparison::UpTo && count > 0.0;
            let (class, icon, word, status) = if met {
                ("status-met", "✓", strings.tracked_met, "met")
            } else if in_progress {
                (
                    "status-met",
                    "◐",
                    strings.tracked_in_progress,
                    "in-progress",
                )
            } else {
                ("status-missed", "○", strings.tracked_not_met, "not-met")
            };
            html! {
                <p class={class_list(&["tracked-verdict", "goal-status", class])}
                    data-testid={format!("tracked-verdict-{}", goal.id)}
                    data-status={status}>
                    <span class="status-word"><span aria-hidden="true">{ icon }</span>{ " " }{ word }</span>
                    <span class="status-values">
                        { format!("{} / {} {unit}", plain_number(lang, count), plain_number(lang, target)) }
                    </span>
                </p>
            }
        }
    };
    html! {
        <div class="goal-status-block">
            <span class="status-label">{ strings.field_status }{ strings.colon }{ strings.tracking_by_hand }</span>
            <div class="tracked-entry">
                <label for={field_id.clone()}>{ entry_label }</label>
                <CountField
                    id={field_id}
                    label={format!("{goal_name}{}{entry_label}({unit})", strings.colon)}
                    value={count}
                    {decimals}
                    {lang}
                    {on_change}
                    testid={format!("field-goal-{}", goal.id)}
                />
                <span class="unit">{ unit }</span>
                if count.is_some() {
                    <button type="button" class="link-button clear-count"
                        aria-label={format!("{}{goal_name}", strings.clear_label)}
                        data-testid={format!("clear-{}", goal.id)}
                        onclick={on_clear}>
                        { strings.clear }
                    </button>
                }
            </div>
            { verdict }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CountFieldProps {
    id: AttrValue,
    label: AttrValue,
    /// `None`: no count entered yet (the field is empty).
    value: Option<f64>,
    decimals: usize,
    lang: Lang,
    /// A valid count, or `None` when the field is emptied.
    on_change: Callback<Option<f64>>,
    testid: AttrValue,
}

/// A number field for a count that may be absent: like `NumberField`, but
/// empty means "no count" rather than an error. A bad entry shows why inline
/// and changes nothing.
#[function_component(CountField)]
fn count_field(props: &CountFieldProps) -> Html {
    let error = use_state(|| None::<&'static str>);
    let on_change = {
        let on_change = props.on_change.clone();
        let error = error.clone();
        let lang = props.lang;
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let text = input.value();
            if text.trim().is_empty() {
                error.set(None);
                on_change.emit(None);
                return;
            }
            match parse_number(&text, 0.0, 1e9) {
                Ok(value) => {
                    error.set(None);
                    on_change.emit(Some(value));
                }
                Err(crate::app::components::ParseProblem::OutOfRange) => {
                    error.set(Some(lang.register_strings().must_not_be_negative))
                }
                Err(crate::app::components::ParseProblem::DecimalComma) => {
                    error.set(Some(lang.strings().decimal_comma))
                }
                Err(
                    crate::app::components::ParseProblem::NotANumber
                    | crate::app::components::ParseProblem::Empty,
                ) => error.set(Some(lang.strings().invalid_number)),
            }
        })
    };
    let error_id = format!("{}-error", props.id);
    let text = props
        .value
        .map(|value| format_value(value, props.decimals))
        .unwrap_or_default();
    html! {
        <span class="number-field">
            <input
                id={props.id.clone()}
                class={class_list(&["exact-field", if error.is_some() { "invalid" } else { "" }])}
                type="text"
                inputmode="decimal"
                autocomplete="off"
                placeholder={props.lang.register_strings().count_placeholder}
                aria-label={props.label.clone()}
                aria-invalid={error.is_some().to_string()}
                aria-describedby={error.is_some().then(|| error_id.clone())}
                value={text}
                onchange={on_change}
                data-testid={props.testid.clone()}
            />
            if let Some(message) = *error {
                <span id={error_id} class="field-error" role="alert">{ message }</span>
            }
        </span>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_read_from_sections() {
        assert_eq!(part_of("一、1"), "一");
        assert_eq!(part_of("引言"), "引言");
        assert_eq!(chinese_numeral("五"), Some(5));
        assert_eq!(chinese_numeral("十二"), Some(12));
        assert_eq!(chinese_numeral("x"), None);
        assert_eq!(
            section_label(Lang::En, "三、11"),
            "Part 3, item 11 (三、11)"
        );
        assert_eq!(section_label(Lang::Zh, "三、11"), "三、11");
    }

    #[test]
    fn every_goal_lands_in_exactly_one_part_in_plan_order() {
        let plan = Plan::shouguang_2018().expect("the embedded plan loads");
        let parts = sections_in_order(&plan);
        let names: Vec<&str> = parts.iter().map(|(part, _)| part.as_str()).collect();
        assert_eq!(names, ["引言", "一", "二", "三", "四", "五"]);
        let n_placed: usize = parts.iter().map(|(_, goals)| goals.len()).sum();
        assert_eq!(n_placed, plan.goals.len());
        for lang in [Lang::Zh, Lang::En] {
            for (part, _) in &parts {
                assert!(!part_heading(&plan, lang, part).trim().is_empty());
            }
        }
    }
}
