//! The yew app: one reducer at the root (`state`), presentational
//! `components`, one component per tab in `views`, side effects in `hooks`,
//! all strings in `i18n`, every scenario input described once in `inputs`.

pub mod components;
pub mod derive;
pub mod hooks;
pub mod i18n;
pub mod inputs;
pub mod persist;
pub mod shared;
pub mod state;
pub mod views;

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{project, Plan, Scenario, Shock};
use crate::share::{decode_file, encode_file, encode_link, projection_csv};
use crate::web;
use components::{Header, LineChart, QrCode};
use hooks::{
    use_autosave, use_derivation, use_document_lang, use_monte_carlo, use_presentation_keys,
    use_undo_shortcuts, use_url_sync,
};
use i18n::Lang;
use inputs::Input;
use shared::Shared;
use state::{Action, AppState, Flag, Notice, NoticeKind, Slide, View};
use views::{
    AnalysisView, AssumptionsPanel, BriefView, CompareView, ComparedSlide, CompositionPanel,
    DataSources, GoalRegister, IndicatorsView, IndustriesView, LeadTest, Scorecard, SharePanel,
    SummaryPanel,
};

/// The root component: loads the embedded plan, then shows the simulator,
/// or a clear message if the plan cannot be loaded.
#[function_component(App)]
pub fn app() -> Html {
    let plan = use_memo((), |_| Plan::shouguang_2018().map(Rc::new));
    match &*plan {
        Ok(plan) => html! { <Simulator plan={Shared(plan.clone())} /> },
        Err(error) => {
            let strings = Lang::default().strings();
            html! {
                <main class="load-error" role="alert">
                    <h1>{ strings.load_error }</h1>
                    <pre>{ error.to_string() }</pre>
                </main>
            }
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct SimulatorProps {
    pub plan: Shared<Plan>,
}

/// The simulator screen: assumptions on the left, the chosen view on the
/// right.
#[function_component(Simulator)]
pub fn simulator(props: &SimulatorProps) -> Html {
    let state = use_reducer(|| {
        let embedded_id = props.plan.id.clone();
        let (plan, plan_notice) = persist::read_plan(props.plan.0.clone());
        let startup = persist::read_startup(&plan, &embedded_id);
        let notice = plan_notice.or(startup.notice);
        AppState::open(plan, startup.opened, startup.library, notice, &embedded_id)
    });
    use_url_sync(state.clone());
    use_autosave(state.clone());
    let lang = state.lang;
    let strings = lang.strings();
    use_document_lang(lang, lang.app_title(&state.plan));

    let plan = Shared(state.plan.clone());
    let scenario = Shared(state.scenario.clone());
    let refusal: Option<(Input, AttrValue)> = state
        .refused
        .as_ref()
        .map(|(input, error)| (*input, AttrValue::from(lang.refusal(&state.plan, error))));
    // Every derived result, keyed on the identity of the plan and the
    // scenario (any change to any input makes a new scenario) and on the
    // language: never stale, never compared deeply.
    let derivation = use_derivation(plan.clone(), scenario.clone(), lang);
    let projection = derivation.projection.clone();
    let evaluations = derivation.evaluations.clone();
    let chart_spec = derivation.industry_chart.clone();

    // Built once: the reducer's dispatcher is stable, so children whose
    // props did not change are not re-rendered on every slider move.
    let callbacks = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Callbacks::new(dispatcher))
    };
    let Callbacks {
        on_toggle_lang,
        on_set,
        on_reset,
        on_seek,
        on_phase,
        on_preset,
        on_reset_all,
        on_set_tracked,
        on_undo,
        on_redo,
        on_shock,
        on_flag,
        on_seed,
        on_lock,
        on_solve_apply,
        on_present,
        on_step_slide,
        on_stop_presenting,
    } = (*callbacks).clone();
    use_presentation_keys(
        state.slide.is_some(),
        on_step_slide.clone(),
        on_stop_presenting.clone(),
    );
    use_undo_shortcuts(on_undo.clone(), on_redo.clone());

    let tabs = View::ALL.iter().enumerate().map(|(view_idx, view)| {
        let view = *view;
        let selected = view == state.view;
        let on_click = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::SetView(view)))
        };
        html! {
            <button type="button" role="tab"
                id={format!("tab-{}", view.id())}
                class={classes!("tab", selected.then_some("active"))}
                aria-selected={selected.to_string()}
                aria-controls="view-panel"
                data-testid={format!("tab-{}", view.id())}
                onclick={on_click}>
                { strings.views[view_idx] }
            </button>
        }
    });

    let compared = {
        let plan = plan.clone();
        use_memo(state.compare.clone(), move |compare| {
            compare
                .iter()
                .map(|named| (named.name.clone(), project(&plan, &named.scenario)))
                .collect::<Vec<_>>()
        })
    };
    let compared = (!compared.is_empty()).then(|| Shared(compared.clone()));
    let composition_spec = derivation.composition.clone();
    let monte_carlo = use_monte_carlo(
        state.plan.clone(),
        state.scenario.clone(),
        matches!(
            state.view,
            View::Overview | View::Industries | View::Indicators | View::Brief
        ),
    );
    let bands = monte_carlo.as_ref().map(|run| run.bands.clone());
    let monte_carlo_ms = monte_carlo
        .as_ref()
        .map(|run| format!("{:.3}", run.elapsed_ms));
    let monte_carlo_sequence = monte_carlo.as_ref().map(|run| run.sequence.to_string());

    let link = format!(
        "{}#{}",
        web::page_address(),
        encode_link(&state.plan, &state.share_state())
    );
    let current_slide = state.current_slide();
    let n_slides = state.slides().len();
    let compared_slide = match current_slide {
        Some(Slide::Compared(idx)) => state.compare.get(idx).cloned(),
        _ => None,
    };
    let view = if let Some(named) = compared_slide {
        html! {
            <ComparedSlide plan={plan.clone()} defaults={Shared(state.defaults.clone())}
                named={Rc::new(named)} {lang} />
        }
    } else if current_slide == Some(Slide::Closing) {
        html! {
            <section class="panel closing-slide" data-testid="closing-slide" aria-labelledby="closing-heading">
                <h2 id="closing-heading">{ strings.closing_heading }</h2>
                <QrCode text={link.clone()} label={strings.closing_heading} />
                <p class="panel-note">{ strings.closing_note }</p>
                <p class="brief-link">{ link.clone() }</p>
            </section>
        }
    } else {
        match state.view {
            View::Overview => html! {
                <div class="view-stack" data-testid="view-overview">
                <SummaryPanel plan={plan.clone()} scenario={scenario.clone()} defaults={Shared(state.defaults.clone())}
                    evaluations={Shared(evaluations.clone())} bands={bands.clone().map(Shared)} {lang} />
                <LeadTest plan={plan.clone()} evaluations={Shared(evaluations.clone())} {lang} />
                <Scorecard plan={plan.clone()} scenario={scenario.clone()} evaluations={Shared(evaluations.clone())} bands={bands.clone().map(Shared)} {lang} />
                <CompositionPanel spec={composition_spec} {lang} />
                <section class="panel" aria-labelledby="chart-heading">
                    <h2 id="chart-heading">{ lang.fill(&plan, strings.chart_heading) }</h2>
                    <p class="chart-key">
                        <span>{ strings.legend_projection }</span>
                        <span>{ strings.legend_goal }</span>
                    </p>
                    <LineChart
                        spec={chart_spec}
                        description={lang.fill(&plan, strings.chart_description)}
                        table_summary={strings.chart_table_summary}
                        first_column={strings.table_industry}
                        testid="industry-chart"
                        export_name={Some(AttrValue::from("pathways-industries"))}
                        {lang}
                    />
                    <p class="provenance-note">
                        <span class="badge badge-assumption">{ strings.badge_assumption }</span>
                        { lang.fill(&plan, strings.baseline_note) }
                    </p>
                </section>
                </div>
            },
            View::Industries => html! {
                <IndustriesView
                    compared={compared.clone()}
                    plan={plan.clone()}
                    projection={Shared(projection.clone())}
                    evaluations={Shared(evaluations.clone())}
                    bands={bands.clone().map(Shared)}
                    {lang}
                />
            },
            View::Indicators => html! {
                <IndicatorsView
                    compared={compared.clone()}
                    plan={plan.clone()}
                    scenario={scenario.clone()}
                    projection={Shared(projection.clone())}
                    evaluations={Shared(evaluations.clone())}
                    bands={bands.clone().map(Shared)}
                    {lang}
                />
            },
            View::Register => html! {
                <GoalRegister
                    plan={plan.clone()}
                    evaluations={Shared(evaluations.clone())}
                    tracked={Shared(state.tracked.clone())}
                    {lang}
                    {on_set_tracked}
                />
            },
            View::Brief => html! {
                <BriefView
                    plan={plan.clone()}
                    scenario={scenario.clone()}
                    defaults={Shared(state.defaults.clone())}
                    evaluations={Shared(evaluations.clone())}
                    bands={bands.clone().map(Shared)}
                    composition={composition_spec.clone()}
                    industries={chart_spec.clone()}
                    name={state.name.clone()}
                    note={state.note.clone()}
                    link={link.clone()}
                    {lang}
                />
            },
            View::Compare => html! {
                <CompareView
                    plan={plan.clone()}
                    scenario={scenario.clone()}
                    name={state.name.clone()}
                    compare={Shared(state.compare.clone())}
                    library={Shared(state.library.clone())}
                    {lang}
                    on_add={{
                        let dispatcher = state.dispatcher();
                        Callback::from(move |named| dispatcher.dispatch(Action::CompareAdd(Box::new(named))))
                    }}
                    on_remove={{
                        let dispatcher = state.dispatcher();
                        Callback::from(move |idx| dispatcher.dispatch(Action::CompareRemove(idx)))
                    }}
                />
            },
            View::Analysis => html! {
                <AnalysisView
                    plan={plan.clone()}
                    scenario={scenario.clone()}
                    projection={Shared(projection.clone())}
                    {lang}
                />
            },
            View::Share => {
                let export_json = {
                    let state = state.clone();
                    Callback::from(move |_: ()| {
                        let json = encode_file(&state.plan, &state.share_state());
                        web::download_text(
                            &file_stem(&state.name, &state.plan.id, "json"),
                            "application/json",
                            &json,
                        );
                    })
                };
                let export_csv = {
                    let state = state.clone();
                    let projection = projection.clone();
                    Callback::from(move |_: ()| {
                        let csv = projection_csv(&state.plan, &projection, state.lang == Lang::Zh);
                        web::download_text(
                            &file_stem(&state.name, &state.plan.id, "csv"),
                            "text/csv;charset=utf-8",
                            &csv,
                        );
                    })
                };
                let on_import = {
                    let state = state.clone();
                    Callback::from(move |result: Result<String, String>| {
                        match result
                            .map_err(|error| unreadable_file(&error))
                            .and_then(|text| {
                                decode_file(&state.plan, &text)
                                    .map_err(|error| (error.message(true), error.message(false)))
                            }) {
                            Ok(loaded) => {
                                state.dispatch(Action::Load(Box::new(loaded)));
                                state.dispatch(Action::Notify(Notice::info(
                                    Lang::Zh.share_strings().imported,
                                    Lang::En.share_strings().imported,
                                )));
                            }
                            Err((zh, en)) => state.dispatch(Action::Notify(Notice::problem(
                                format!("{} {zh}", Lang::Zh.share_strings().import_failed),
                                format!("{} {en}", Lang::En.share_strings().import_failed),
                            ))),
                        }
                    })
                };
                let on_load_plan = {
                    let state = state.clone();
                    Callback::from(move |result: Result<String, String>| {
                        let read = |text: String| {
                            Plan::from_json(&text)
                                .map(|plan| (plan, text))
                                .map_err(|error| (error.message(true), error.message(false)))
                        };
                        let loaded = result
                            .map_err(|error| unreadable_file(&error))
                            .and_then(read);
                        match loaded {
                            Ok((plan, text)) => {
                                let mut notices = Vec::new();
                                let library =
                                    persist::read_library(&plan, &state.embedded_id, &mut notices);
                                if web::storage_set(persist::PLAN_KEY, &text).is_err() {
                                    gloo::console::warn!(
                                        "the plan file could not be kept in storage"
                                    );
                                }
                                state.dispatch(Action::LoadPlan {
                                    plan: Rc::new(plan),
                                    library,
                                });
                                state.dispatch(Action::Notify(notices.pop().unwrap_or_else(
                                    || {
                                        Notice::info(
                                            Lang::Zh.share_strings().plan_loaded,
                                            Lang::En.share_strings().plan_loaded,
                                        )
                                    },
                                )));
                            }
                            Err((zh, en)) => state.dispatch(Action::Notify(Notice::problem(
                                format!("{} {zh}", Lang::Zh.share_strings().plan_failed),
                                format!("{} {en}", Lang::En.share_strings().plan_failed),
                            ))),
                        }
                    })
                };
                let on_restore_plan = {
                    let state = state.clone();
                    let embedded = props.plan.0.clone();
                    Callback::from(move |_: ()| {
                        let _ = web::storage_remove(persist::PLAN_KEY);
                        let mut notices = Vec::new();
                        let library =
                            persist::read_library(&embedded, &state.embedded_id, &mut notices);
                        state.dispatch(Action::LoadPlan {
                            plan: embedded.clone(),
                            library,
                        });
                    })
                };
                let library_save = {
                    let dispatcher = state.dispatcher();
                    Callback::from(move |name: String| {
                        dispatcher.dispatch(Action::LibrarySave {
                            id: web::unique_id(),
                            name,
                            saved_at: web::now_iso(),
                        })
                    })
                };
                let library_duplicate = {
                    let dispatcher = state.dispatcher();
                    Callback::from(move |id: String| {
                        dispatcher.dispatch(Action::LibraryDuplicate {
                            id,
                            new_id: web::unique_id(),
                            saved_at: web::now_iso(),
                        })
                    })
                };
                let dispatcher = state.dispatcher();
                let to = |make: fn(String) -> Action| {
                    let dispatcher = dispatcher.clone();
                    Callback::from(move |value: String| dispatcher.dispatch(make(value)))
                };
                html! {
                    <SharePanel
                        link={link.clone()}
                        name={state.name.clone()}
                        note={state.note.clone()}
                        library={Shared(state.library.clone())}
                        {lang}
                        on_set_name={to(Action::SetName)}
                        on_set_note={to(Action::SetNote)}
                        on_export_json={export_json}
                        on_export_csv={export_csv}
                        {on_import}
                        on_library_save={library_save}
                        on_library_open={to(|id| Action::LibraryOpen { id })}
                        on_library_rename={{
                            let dispatcher = dispatcher.clone();
                            Callback::from(move |(id, name): (String, String)| dispatcher.dispatch(Action::LibraryRename { id, name }))
                        }}
                        on_library_duplicate={library_duplicate}
                        on_library_delete={to(|id| Action::LibraryDelete { id })}
                        plan_title={lang.pick(&state.plan.title.zh, &state.plan.title.en).to_string()}
                        custom_plan={state.plan.id != *state.embedded_id}
                        on_load_plan={on_load_plan}
                        on_restore_plan={on_restore_plan}
                    />
                }
            }
            View::Sources => html! {
                <DataSources
                    plan={plan.clone()}
                    scenario={scenario.clone()}
                    defaults={Shared(state.defaults.clone())}
                    {lang}
                    on_set={on_set.clone()}
                    on_reset={on_reset.clone()}
                    refusal={refusal.clone()}
                />
            },
        }
    };

    html! {
        <div class={classes!("app", state.slide.is_some().then_some("presenting"))} data-testid="app" data-lang={lang.tag()} data-monte-carlo-ms={monte_carlo_ms} data-monte-carlo-sequence={monte_carlo_sequence}>
            <Header {lang} title={lang.app_title(&state.plan)} subtitle={lang.fill(&state.plan, strings.subtitle)} {on_toggle_lang} {on_present} />
            if let Some(notice) = &state.notice {
                <div class={classes!("notice", if notice.kind == NoticeKind::Problem { "notice-problem" } else { "notice-info" })}
                    role={if notice.kind == NoticeKind::Problem { "alert" } else { "status" }} data-testid="notice">
                    <span>{ lang.pick(&notice.zh, &notice.en) }</span>
                    <button type="button" class="link-button" data-testid="dismiss-notice"
                        onclick={{ let dispatcher = state.dispatcher(); Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::DismissNotice)) }}>
                        { strings.dismiss }
                    </button>
                </div>
            }
            <main class="layout">
                <AssumptionsPanel
                    plan={plan.clone()}
                    scenario={scenario.clone()}
                    defaults={Shared(state.defaults.clone())}
                    {lang}
                    phase={state.phase}
                    {on_set}
                    {on_reset}
                    {on_seek}
                    {on_phase}
                    {on_preset}
                    {on_reset_all}
                    {on_undo}
                    {on_redo}
                    can_undo={state.history.can_undo()}
                    can_redo={state.history.can_redo()}
                    {on_shock}
                    {on_flag}
                    {on_seed}
                    refusal={refusal.clone()}
                    locked={Shared(state.locked.clone())}
                    {on_lock}
                    {on_solve_apply}
                />
                <div class="views">
                    <nav class="tabs" role="tablist" aria-label={strings.views_label}>
                        { for tabs }
                    </nav>
                    <div id="view-panel" role="tabpanel" aria-labelledby={format!("tab-{}", state.view.id())}
                        data-testid="view-panel" data-view={state.view.id()}>
                        { view }
                    </div>
                </div>
            </main>
            if let Some(slide) = state.slide {
                <nav class="presentation-bar" aria-label={strings.present} data-testid="presentation-bar">
                    <button type="button" class="icon-button" onclick={on_step_slide.reform(|_: MouseEvent| -1)}
                        aria-label="←" disabled={slide == 0}>{ "←" }</button>
                    <span data-testid="slide-number">{ format!("{}/{}", slide + 1, n_slides) }</span>
                    <button type="button" class="icon-button" onclick={on_step_slide.reform(|_: MouseEvent| 1)}
                        aria-label="→" disabled={slide + 1 == n_slides}>{ "→" }</button>
                    <span class="presentation-help">{ strings.present_help }</span>
                    <button type="button" class="icon-button" data-testid="stop-presenting"
                        onclick={on_stop_presenting.reform(|_: MouseEvent| ())}>{ strings.present_exit }</button>
                </nav>
            }
        </div>
    }
}

/// The callbacks the simulator hands to its children, each turning its
/// argument into an [`Action`].
#[derive(Clone)]
struct Callbacks {
    on_toggle_lang: Callback<()>,
    on_set: Callback<(Input, f64)>,
    on_reset: Callback<Input>,
    on_seek: Callback<usize>,
    on_phase: Callback<usize>,
    on_preset: Callback<String>,
    on_reset_all: Callback<()>,
    on_set_tracked: Callback<(String, Option<f64>)>,
    on_undo: Callback<()>,
    on_redo: Callback<()>,
    on_shock: Callback<(usize, Option<Shock>)>,
    on_flag: Callback<(Flag, bool)>,
    on_seed: Callback<u64>,
    on_lock: Callback<Input>,
    on_solve_apply: Callback<Scenario>,
    on_present: Callback<()>,
    on_step_slide: Callback<isize>,
    on_stop_presenting: Callback<()>,
}

impl Callbacks {
    fn new(dispatcher: UseReducerDispatcher<AppState>) -> Self {
        fn to<T: 'static>(
            dispatcher: &UseReducerDispatcher<AppState>,
            make: fn(T) -> Action,
        ) -> Callback<T> {
            let dispatcher = dispatcher.clone();
            Callback::from(move |value| dispatcher.dispatch(make(value)))
        }
        Callbacks {
            on_toggle_lang: to(&dispatcher, |_| Action::ToggleLang),
            on_set: to(&dispatcher, |(input, value)| Action::Set { input, value }),
            on_reset: to(&dispatcher, Action::ResetInput),
            on_seek: to(&dispatcher, |industry_idx| Action::SeekGoal {
                industry_idx,
            }),
            on_phase: to(&dispatcher, Action::SetPhase),
            on_preset: to(&dispatcher, Action::ApplyPreset),
            on_reset_all: to(&dispatcher, |_| Action::Reset),
            on_set_tracked: to(&dispatcher, |(goal_id, count)| Action::SetTracked {
                goal_id,
                count,
            }),
            on_undo: to(&dispatcher, |_| Action::Undo),
            on_redo: to(&dispatcher, |_| Action::Redo),
            on_shock: to(&dispatcher, |(idx, shock)| Action::SetShock { idx, shock }),
            on_flag: to(&dispatcher, |(flag, on)| Action::SetFlag { flag, on }),
            on_seed: to(&dispatcher, Action::SetSeed),
            on_lock: to(&dispatcher, Action::ToggleLock),
            on_solve_apply: to(&dispatcher, |scenario| {
                Action::ApplySolved(Box::new(scenario))
            }),
            on_present: {
                let dispatcher = dispatcher.clone();
                Callback::from(move |_: ()| {
                    web::request_fullscreen();
                    dispatcher.dispatch(Action::StartPresenting);
                })
            },
            on_step_slide: to(&dispatcher, Action::StepSlide),
            on_stop_presenting: {
                let dispatcher = dispatcher.clone();
                Callback::from(move |_: ()| {
                    web::exit_fullscreen();
                    dispatcher.dispatch(Action::StopPresenting);
                })
            },
        }
    }
}

/// A file the browser could not read, in Chinese and English (the browser's
/// own words, English only, go to the English message).
fn unreadable_file(error: &str) -> (String, String) {
    (
        Lang::Zh.share_strings().file_unreadable.to_string(),
        format!("{} ({error})", Lang::En.share_strings().file_unreadable),
    )
}

/// A download's file name from the scenario's name: unsafe characters
/// become "-", and an unnamed scenario is "<plan id>-scenario".
fn file_stem(name: &str, plan_id: &str, extension: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|character| {
            if character.is_alphanumeric() || character == '-' || character == '_' {
                character
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    let stem = if cleaned.trim_matches('-').is_empty() {
        format!("{plan_id}-scenario")
    } else {
        cleaned
    };
    format!("{stem}.{extension}")
}
