use crate::app::components::class_list;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::{
    data_table, ChartCanvas, ChartData, DataRow, DataTableProps, NearPanel,
};
use crate::chart::{
    emerging_share_pct, series_colour_css, CompositionSpec, EMERGING_PALETTE_IDX,
    TRADITIONAL_PALETTE_IDX,
};

use super::scorecard::{goal_decimals, status_html};
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::explain::summary;
use crate::model::{new_drivers_test, Bands, GoalEvaluation, Plan, Scenario};

/// The 2028 "new drivers lead" test: passed or not, its criteria, and how
/// the app quantifies the plan's qualitative words. A plain function: it
/// has no state, and it changes with every input anyway.
pub fn lead_test(plan: &Plan, evaluations: &[GoalEvaluation], lang: Lang) -> Html {
    let strings = lang.strings();
    let test = new_drivers_test(plan, evaluations);
    let criteria = test
        .criteria
        .iter()
        .filter_map(|idx| evaluations.get(*idx))
        .map(|evaluation| {
            let name = plan
                .goals
                .get(evaluation.goal_idx)
                .map(|goal| lang.pick(&goal.name.zh, &goal.name.en).to_string())
                .unwrap_or_default();
            let decimals = goal_decimals(evaluation.target);
            html! {
                <tr>
                    <th scope="row">{ name }</th>
                    <td class="num">{ lang.number(evaluation.projected, decimals) }</td>
                    <td class="num">{ lang.number(evaluation.target, decimals) }</td>
                    <td>{ status_html(evaluation.status, lang) }</td>
                </tr>
            }
        });
    let aim = plan.goal(&plan.interpretation.goal);
    html! {
        <section class={class_list(&["panel", "lead-test", if test.met { "passed" } else { "failed" }])}
            aria-labelledby="lead-heading" data-testid="lead-test" data-passed={test.met.to_string()}>
            <h2 id="lead-heading">
                { lang.fill(plan, strings.lead_heading) }{ ":" }
                <span class="lead-verdict">{ if test.met { strings.lead_passed } else { strings.lead_failed } }</span>
            </h2>
            if let Some(goal) = aim {
                <blockquote class="clause">{ format!("「{}」", goal.clause) }</blockquote>
            }
            <p class="panel-note">{ strings.lead_how }</p>
            <p class="interpretation-note">{ lang.pick(&plan.interpretation.note.zh, &plan.interpretation.note.en) }</p>
            <table class="score-table criteria">
                <thead><tr>
                    <th scope="col">{ strings.col_goal }</th>
                    <th scope="col">{ strings.col_projected }</th>
                    <th scope="col">{ strings.col_target }</th>
                    <th scope="col">{ strings.col_status }</th>
                </tr></thead>
                <tbody>{ for criteria }</tbody>
            </table>
        </section>
    }
}

/// The composition chart described with its own first and last year.
fn composition_description(lang: Lang, spec: &CompositionSpec) -> String {
    let year = |year: Option<&u16>| year.map_or_else(String::new, u16::to_string);
    lang.strings()
        .composition_description
        .replace("{base}", &year(spec.years.first()))
        .replace("{end}", &year(spec.years.last()))
}

#[derive(PartialEq)]
pub struct CompositionPanelProps {
    pub spec: Rc<CompositionSpec>,
    pub lang: Lang,
}

/// Traditional against emerging revenue over time, with its legend and the
/// same numbers as a table.
/// A plain function of its props, not a component: what it shows changes
/// with the inputs, so a component boundary would save no work.
pub fn composition_panel(props: &CompositionPanelProps) -> Html {
    let lang = props.lang;
    let strings = lang.strings();
    let spec = &props.spec;
    let share = emerging_share_pct(&spec.traditional, &spec.emerging);
    let cells = |values: &[f64], decimals: usize| {
        values
            .iter()
            .map(|value| lang.number(*value, decimals))
            .collect()
    };
    let rows = vec![
        DataRow {
            label: strings.traditional.to_string(),
            cells: cells(&spec.traditional, 1),
        },
        DataRow {
            label: strings.emerging.to_string(),
            cells: cells(&spec.emerging, 1),
        },
        DataRow {
            label: strings.emerging_share_axis.to_string(),
            cells: cells(&share, 1),
        },
    ];
    html! {
        <section class="panel" aria-labelledby="composition-heading">
            <h2 id="composition-heading">{ strings.composition_heading }</h2>
            <ChartCanvas
                chart={ChartData::Composition(props.spec.clone())}
                description={composition_description(lang, spec)}
                testid="composition-canvas"
                export_name={Some(AttrValue::from("pathways-composition"))}
                {lang}
            />
            <ul class="chart-legend">
                <li>
                    <span class="legend-swatch" style={format!("background: {}", series_colour_css(TRADITIONAL_PALETTE_IDX))} />
                    { strings.traditional }
                </li>
                <li>
                    <span class="legend-swatch" style={format!("background: {}", series_colour_css(EMERGING_PALETTE_IDX))} />
                    { strings.emerging }
                </li>
            </ul>
            { data_table(&DataTableProps { summary: AttrValue::from(strings.chart_table_summary), first_column: AttrValue::from(strings.table_series), years: Rc::new(spec.years.clone()), rows: Rc::new(rows), testid: "composition-table".into(), open: false }) }
        </section>
    }
}

#[derive(PartialEq)]
pub struct SummaryPanelProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub defaults: Shared<Scenario>,
    pub evaluations: Shared<Vec<GoalEvaluation>>,
    pub bands: Option<Shared<Bands>>,
    pub lang: Lang,
}

/// The scenario in words, regenerated from the evaluation on every change.
/// A plain function of its props: on the overview it is a `WhenNear`
/// panel (below the first screen on a phone), in the brief it is drawn
/// with the page.
pub fn summary_panel(props: &SummaryPanelProps) -> Html {
    let lang = props.lang;
    let paragraphs = summary(
        &props.plan,
        &props.scenario,
        &props.defaults,
        &props.evaluations,
        props.bands.as_deref(),
        lang == Lang::Zh,
    );
    let (lead, rest) = split_lead(&paragraphs, 2);
    html! {
        <section class="panel summary" aria-labelledby="summary-heading" data-testid="summary">
            <h2 id="summary-heading">{ lang.strings().summary_heading }</h2>
            <p class="summary-lead" data-testid="summary-lead">{ lead }</p>
            if !rest.is_empty() {
                <details class="summary-more" data-testid="summary-more">
                    <summary>{ lang.overview_strings().summary_more }</summary>
                    { for rest.into_iter().map(|paragraph| html! { <p>{ paragraph }</p> }) }
                </details>
            }
        </section>
    }
}

impl NearPanel for SummaryPanelProps {
    fn view(&self) -> Html {
        summary_panel(self)
    }
}

/// The first `n` sentences of the paragraphs (a sentence ends at "。", or
/// at ". " in English), and the rest as paragraphs: nothing is lost, the
/// lead and the rest together are the whole text.
fn split_lead(paragraphs: &[String], n: usize) -> (String, Vec<String>) {
    let mut lead = String::new();
    let mut rest = Vec::new();
    let mut taken = 0;
    for paragraph in paragraphs {
        if taken >= n {
            rest.push(paragraph.clone());
            continue;
        }
        let mut remainder = paragraph.as_str();
        while taken < n && !remainder.is_empty() {
            let end = sentence_end(remainder);
            let (sentence, after) = remainder.split_at(end);
            if !lead.is_empty() && !lead.ends_with('。') {
                lead.push(' ');
            }
            lead.push_str(sentence.trim());
            taken += 1;
            remainder = after.trim_start();
        }
        if !remainder.is_empty() {
            rest.push(remainder.to_string());
        }
    }
    (lead, rest)
}

/// The byte length of the first sentence of `text` (all of it if it has
/// one sentence).
fn sentence_end(text: &str) -> usize {
    let chinese = text.find('。').map(|idx| idx + '。'.len_utf8());
    let english = text.find(". ").map(|idx| idx + 1);
    match (chinese, english) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => text.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::split_lead;

    #[test]
    fn the_lead_is_two_sentences_and_nothing_is_lost() {
        let paragraphs = vec!["甲达标。乙未达标。丙接近。".to_string(), "丁。".to_string()];
        let (lead, rest) = split_lead(&paragraphs, 2);
        assert_eq!(lead, "甲达标。乙未达标。");
        assert_eq!(rest, vec!["丙接近。".to_string(), "丁。".to_string()]);
        let english = vec!["Growth is 9.0% a year. Two goals are met. One is not.".to_string()];
        let (lead, rest) = split_lead(&english, 2);
        assert_eq!(lead, "Growth is 9.0% a year. Two goals are met.");
        assert_eq!(rest, vec!["One is not.".to_string()]);
        let (lead, rest) = split_lead(&["Only one.".to_string()], 2);
        assert_eq!((lead.as_str(), rest.len()), ("Only one.", 0));
    }
}
