use std::rc::Rc;

use yew::prelude::*;

use super::{goal_decimals, headline, scorecard, status_html};
use crate::app::components::{ChartCanvas, ChartData};
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::chart::{series_colour_css, LineChartSpec, Overlay, Series};
use crate::explain::changed_inputs;
use crate::model::{apply_preset, evaluate, project, Plan, Projection, Scenario};
use crate::share::{decode_link, Library, NamedScenario, MAX_COMPARE};

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub plan: Shared<Plan>,
    pub scenario: Shared<Scenario>,
    pub name: Rc<String>,
    pub compare: Shared<Vec<NamedScenario>>,
    pub library: Shared<Library>,
    pub lang: Lang,
    pub on_add: Callback<NamedScenario>,
    pub on_remove: Callback<usize>,
}

/// Up to four scenarios beside the current one: what differs, a side-by-side
/// scorecard, and the industries overlaid.
#[function_component(CompareView)]
pub fn compare_view(props: &CompareViewProps) -> Html {
    let lang = props.lang;
    let zh = lang == Lang::Zh;
    let strings = lang.strings();
    let plan = &*props.plan;
    let link_text = use_state(String::new);
    let link_error = use_state(|| None::<String>);

    // The current scenario first, then the compared ones.
    let current_name = if props.name.trim().is_empty() {
        strings.compare_current.to_string()
    } else {
        format!("{}({})", props.name, strings.compare_current)
    };
    let all: Vec<(String, Scenario)> = std::iter::once((current_name, (*props.scenario).clone()))
        .chain(
            props
                .compare
                .iter()
                .map(|named| (named.name.clone(), named.scenario.clone())),
        )
        .collect();
    let computed = {
        let plan = props.plan.clone();
        use_memo(
            (
                props.scenario.clone(),
                props.compare.clone(),
                props.name.clone(),
            ),
            move |_| {
                all.iter()
                    .map(|(name, scenario)| {
                        let projection = project(&plan, scenario);
                        let evaluations = evaluate(&plan, scenario, &projection);
                        (name.clone(), scenario.clone(), projection, evaluations)
                    })
                    .collect::<Vec<_>>()
            },
        )
    };
    let full = props.compare.len() >= MAX_COMPARE;

    let add_current = {
        let (on_add, scenario, name) = (
            props.on_add.clone(),
            props.scenario.clone(),
            props.name.clone(),
        );
        let fallback = strings.compare_current;
        Callback::from(move |_: MouseEvent| {
            let name = if name.trim().is_empty() {
                fallback.to_string()
            } else {
                (*name).clone()
            };
            on_add.emit(NamedScenario {
                name,
                scenario: (*scenario).clone(),
            });
        })
    };
    let presets = plan.presets.iter().map(|preset| {
        let (on_add, plan, id) = (props.on_add.clone(), props.plan.clone(), preset.id.clone());
        let name = lang.pick(&preset.name.zh, &preset.name.en).to_string();
        let label = name.clone();
        let on_click = Callback::from(move |_: MouseEvent| {
            if let Some(scenario) = apply_preset(&plan, &id) {
                on_add.emit(NamedScenario {
                    name: name.clone(),
                    scenario,
                });
            }
        });
        html! {
            <button type="button" class="preset" disabled={full} onclick={on_click}
                data-testid={format!("compare-preset-{}", preset.id)}>{ label }</button>
        }
    });
    let library = props.library.entries.iter().map(|entry| {
        let (on_add, named) = (
            props.on_add.clone(),
            NamedScenario {
                name: entry.name().to_string(),
                scenario: entry.state.scenario.clone(),
            },
        );
        html! {
            <button type="button" class="preset" disabled={full}
                onclick={Callback::from(move |_: MouseEvent| on_add.emit(named.clone()))}>
                { entry.name().to_string() }
            </button>
        }
    });
    let on_link_input = {
        let link_text = link_text.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            link_text.set(input.value());
        })
    };
    let on_add_link = {
        let (on_add, plan, link_text, link_error) = (
            props.on_add.clone(),
            props.plan.clone(),
            link_text.clone(),
            link_error.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let fragment = link_text
                .split_once('#')
                .map_or(link_text.as_str(), |(_, fragment)| fragment);
            match decode_link(&plan, fragment.trim()) {
                Ok(state) => {
                    let name = if state.name.trim().is_empty() {
                        fragment.chars().take(24).collect()
                    } else {
                        state.name
                    };
                    on_add.emit(NamedScenario {
                        name,
                        scenario: state.scenario,
                    });
                    link_text.set(String::new());
                    link_error.set(None);
                }
                Err(error) => link_error.set(Some(error.message(zh))),
            }
        })
    };

    let legend = computed.iter().enumerate().map(|(idx, (name, ..))| {
        let remove = (idx > 0).then(|| {
            let on_click = props.on_remove.reform(move |_: MouseEvent| idx - 1);
            html! {
                <button type="button" class="link-button danger" onclick={on_click}
                    data-testid={format!("compare-remove-{}", idx - 1)}>{ strings.remove }</button>
            }
        });
        html! {
            <li data-testid={format!("compare-entry-{idx}")}>
                <span class="legend-swatch" style={format!("background: {}", series_colour_css(idx))} />
                <strong>{ name.clone() }</strong>{ " " }{ for remove }
            </li>
        }
    });
    let differences = computed.iter().enumerate().skip(1).map(|(idx, (name, scenario, ..))| {
        let changes = changed_inputs(plan, scenario, &props.scenario, zh);
        html! {
            <li data-testid={format!("compare-differs-{}", idx - 1)}>
                <strong>{ name.clone() }</strong>{ ":" }
                if changes.is_empty() { { strings.compare_same } } else { { changes.join(if zh { ";" } else { "; " }) } }
            </li>
        }
    });
    let score_rows = computed.first().map(|(_, _, _, current)| {
        current.iter().enumerate().map(|(row_idx, evaluation)| {
            let goal = plan.goals.get(evaluation.goal_idx);
            let cells = computed.iter().map(|(_, _, _, evaluations)| {
                match evaluations.get(row_idx) {
                    Some(other) => html! {
                        <td class="num">{ lang.number(other.projected, goal_decimals(other.target)) }{ " " }{ status_html(other.status, lang) }</td>
                    },
                    None => html! { <td>{ "—" }</td> },
                }
            });
            html! {
                <tr>
                    <th scope="row">{ goal.map(|goal| lang.pick(&goal.name.zh, &goal.name.en).to_string()).unwrap_or_default() }</th>
                    <td>{ evaluation.year }</td>
                    <td class="num">{ lang.number(evaluation.target, goal_decimals(evaluation.target)) }</td>
                    { for cells }
                </tr>
            }
        }).collect::<Html>()
    });
    let overlays = plan.industries.iter().enumerate().map(|(industry_idx, industry)| {
        let spec = LineChartSpec {
            years: computed.first().map(|(_, _, projection, _)| projection.years().to_vec()).unwrap_or_default(),
            series: computed
                .iter()
                .map(|(name, _, projection, _)| Series {
                    label: name.clone(),
                    values: projection.industry(industry_idx).to_vec(),
                    goal: None,
                })
                .collect(),
            y_label: format!("{}({})", lang.pick(&industry.name.zh, &industry.name.en), lang.pick(&industry.unit.zh, &industry.unit.en)),
            x_label: String::new(),
        };
        html! {
            <figure class="chart panel-figure" key={industry.id.clone()} data-testid={format!("compare-panel-{}", industry.id)}>
                <ChartCanvas chart={ChartData::Line(Rc::new(spec))}
                    description={format!("{}:{}", lang.pick(&industry.name.zh, &industry.name.en), strings.compare_overlay)}
                    testid={format!("compare-panel-{}-canvas", industry.id)} />
            </figure>
        }
    });

    html! {
        <div class="view-stack" data-testid="view-compare">
            <section class="panel" aria-labelledby="compare-heading">
                <h2 id="compare-heading">{ strings.compare_heading }</h2>
                <p class="panel-note">{ strings.compare_note }</p>
                <ul class="chart-legend compare-legend">{ for legend }</ul>
                if full {
                    <p class="panel-note">{ strings.compare_full }</p>
                }
                <div class="preset-row">
                    <button type="button" class="reset" disabled={full} onclick={add_current} data-testid="compare-add-current">
                        { strings.compare_add_current }
                    </button>
                </div>
                <div class="preset-row"><span class="preset-label">{ strings.compare_add_preset }</span>{ for presets }</div>
                if !props.library.entries.is_empty() {
                    <div class="preset-row"><span class="preset-label">{ strings.compare_add_library }</span>{ for library }</div>
                }
                <form class="library-save" onsubmit={on_add_link}>
                    <input type="text" class="text-field" value={(*link_text).clone()} placeholder={strings.compare_link_placeholder}
                        aria-label={strings.compare_link_placeholder} oninput={on_link_input} data-testid="compare-link" />
                    <button type="submit" class="reset" disabled={full} data-testid="compare-add-link">{ strings.compare_add_link }</button>
                </form>
                if let Some(error) = &*link_error {
                    <p class="field-error" role="alert">{ format!("{}{error}", strings.compare_bad_link) }</p>
                }
            </section>
            if props.compare.is_empty() {
                <section class="panel"><p class="panel-note">{ strings.compare_empty }</p></section>
            } else {
                <section class="panel" aria-labelledby="differs-heading">
                    <h2 id="differs-heading">{ strings.compare_differs }</h2>
                    <ul class="brief-list">{ for differences }</ul>
                </section>
                <section class="panel" aria-labelledby="compare-score-heading">
                    <h2 id="compare-score-heading">{ strings.compare_scorecard }</h2>
                    <div class="table-scroll">
                        <table class="score-table compare-table" data-testid="compare-scorecard">
                            <thead><tr>
                                <th scope="col">{ strings.col_goal }</th>
                                <th scope="col">{ strings.col_year }</th>
                                <th scope="col">{ strings.col_target }</th>
                                { for computed.iter().map(|(name, ..)| html! { <th scope="col">{ name.clone() }</th> }) }
                            </tr></thead>
                            <tbody>{ for score_rows }</tbody>
                        </table>
                    </div>
                </section>
                <section class="panel" aria-labelledby="overlay-heading">
                    <h2 id="overlay-heading">{ strings.compare_overlay }</h2>
                    <div class="panel-grid">{ for overlays }</div>
                </section>
            }
        </div>
    }
}

/// The dotted overlays of the compared scenarios for one chart: scenario
/// `k` (1-based, the current one is 0) in palette colour `k`, as in the
/// compare view's legend.
pub fn overlays(
    compared: Option<&Vec<(String, Projection)>>,
    values: impl Fn(&Projection) -> Vec<f64>,
) -> Vec<Overlay> {
    compared
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(idx, (_, projection))| Overlay {
            values: values(projection),
            palette_idx: idx + 1,
        })
        .collect()
}

#[derive(PartialEq)]
pub struct ComparedLegendProps {
    pub compared: Option<Shared<Vec<(String, Projection)>>>,
    pub lang: Lang,
}

/// The legend of the dotted overlays, when scenarios are being compared.
/// A plain function of its props, not a component: what it shows changes
/// with the inputs, so a component boundary would save no work.
pub fn compared_legend(props: &ComparedLegendProps) -> Html {
    let Some(compared) = props
        .compared
        .as_ref()
        .filter(|compared| !compared.is_empty())
    else {
        return Html::default();
    };
    let items = compared.iter().enumerate().map(|(idx, (name, _))| {
        html! {
            <li>
                <span class="legend-swatch legend-dotted" style={format!("border-color: {}", series_colour_css(idx + 1))} />
                { name.clone() }
            </li>
        }
    });
    html! {
        <ul class="chart-legend" data-testid="compared-legend">
            <li class="legend-title">{ props.lang.strings().compare_dotted }</li>
            { for items }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct ComparedSlideProps {
    pub plan: Shared<Plan>,
    pub named: Rc<NamedScenario>,
    pub lang: Lang,
}

/// A presentation slide for one compared scenario, as the first slide is
/// for the current one: its name, its headline (goals met / close / missed
/// and the lead test) and its scorecard.
#[function_component(ComparedSlide)]
pub fn compared_slide(props: &ComparedSlideProps) -> Html {
    let evaluations = {
        let plan = props.plan.clone();
        use_memo(props.named.clone(), move |named| {
            let projection = project(&plan, &named.scenario);
            evaluate(&plan, &named.scenario, &projection)
        })
    };
    let scenario = Shared(Rc::new(props.named.scenario.clone()));
    html! {
        <div class="view-stack slide slide-headline" data-testid="compared-slide">
            <h2 class="compared-name">{ props.named.name.clone() }</h2>
            { headline(&props.plan, &evaluations, props.lang) }
            { scorecard(&props.plan, &scenario, &evaluations, None, props.lang) }
        </div>
    }
}
