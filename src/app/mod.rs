//! The yew app: one reducer at the root (`state`), presentational
//! `components`, one component per tab in `views`, side effects in `hooks`,
//! all strings in `i18n`, every scenario input described once in `inputs`.
//! This file only composes: the root reads the state, keeps the derived
//! results and the callbacks, and hands each part narrow props.

pub mod callbacks;
pub mod components;
pub mod derive;
pub mod hooks;
pub mod i18n;
pub mod inputs;
pub mod persist;
pub mod shared;
pub mod state;
pub mod views;

use crate::app::components::class_list;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::{project, Plan};
use crate::share::encode_link_from;
use crate::web;
use callbacks::Callbacks;
use components::{notice_bar, view_tabs, Drawer};
use hooks::{
    use_autosave, use_derivation, use_document_lang, use_file_io, use_monte_carlo,
    use_presentation_keys, use_undo_shortcuts, use_url_sync,
};
use i18n::Lang;
use inputs::Input;
use shared::Shared;
use state::{AppState, Slide, View};
use views::{
    AnalysisView, AssumptionsPanel, CompareView, ComparedSlide, DataSourcesProps, GoalRegister,
    SharePanel,
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
    // The link, encoded once per change of what a link carries: for the
    // address bar, the share view, the brief and the closing slide.
    let link_body = {
        let state = state.clone();
        use_memo((state.plan.id.clone(), state.shared_parts()), move |_| {
            encode_link_from(&state.plan, &state.defaults, &state.share_state())
        })
    };
    use_url_sync(state.clone(), link_body.clone());
    use_autosave(state.clone());
    let files = use_file_io(state.clone(), props.plan.0.clone());
    let lang = state.lang;
    let strings = lang.strings();
    use_document_lang(lang, lang.app_title(&state.plan));

    let plan = Shared(state.plan.clone());
    let scenario = Shared(state.scenario.clone());
    let defaults = Shared(state.defaults.clone());
    let refusal: Option<(Input, AttrValue)> = state
        .refused
        .as_ref()
        .map(|(input, error)| (*input, AttrValue::from(lang.refusal(&state.plan, error))));
    // Every derived result, keyed on the identity of the plan and the
    // scenario (any change to any input makes a new scenario) and on the
    // language: never stale, never compared deeply.
    let derivation = use_derivation(plan.clone(), scenario.clone(), lang);
    let projection = Shared(derivation.projection.clone());
    let evaluations = Shared(derivation.evaluations.clone());

    // Built once: the reducer's dispatcher is stable, so children whose
    // props did not change are not re-rendered on every slider move.
    let callbacks = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Callbacks::new(dispatcher))
    };
    use_presentation_keys(
        state.slide.is_some(),
        callbacks.on_step_slide.clone(),
        callbacks.on_stop_presenting.clone(),
    );
    use_undo_shortcuts(callbacks.on_undo.clone(), callbacks.on_redo.clone());

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
    let monte_carlo = use_monte_carlo(
        state.plan.clone(),
        state.scenario.clone(),
        matches!(
            state.view,
            View::Overview | View::Industries | View::Indicators | View::Brief
        ),
    );
    let bands = monte_carlo.as_ref().map(|run| Shared(run.bands.clone()));
    let monte_carlo_ms = monte_carlo
        .as_ref()
        .map(|run| format!("{:.3}", run.elapsed_ms));
    let monte_carlo_sequence = monte_carlo.as_ref().map(|run| run.sequence.to_string());
    let monte_carlo_slice_ms = monte_carlo
        .as_ref()
        .map(|run| format!("{:.3}", run.longest_slice_ms));

    let link = AttrValue::from(format!("{}#{}", web::page_address(), link_body));
    let slide_view = match state.current_slide() {
        Some(Slide::Compared(idx)) => state.compare.get(idx).cloned().map(|named| {
            html! {
                <ComparedSlide plan={plan.clone()} named={Rc::new(named)} {lang} />
            }
        }),
        Some(Slide::Closing) => Some(views::closing_slide(&link, lang)),
        Some(Slide::Headline) => Some(html! {
            <div class="slide slide-headline" data-testid="slide-headline">
                { views::headline(&plan, &evaluations, lang) }
                { views::scorecard(&plan, &scenario, &evaluations, bands.as_deref(), lang) }
            </div>
        }),
        Some(Slide::Composition) => Some(html! {
            <div class="slide slide-composition" data-testid="slide-composition">
                { views::composition_panel(&views::CompositionPanelProps { spec: derivation.composition.clone(), lang }) }
            </div>
        }),
        Some(Slide::LeadTest) => Some(html! {
            <div class="slide slide-lead" data-testid="slide-lead">
                { views::lead_test(&plan, &evaluations, lang) }
            </div>
        }),
        Some(Slide::View(_)) | None => None,
    };
    let view = if let Some(slide_view) = slide_view {
        slide_view
    } else {
        match state.view {
            View::Overview => html! {
                { views::overview_view(&views::OverviewViewProps { plan: plan.clone(), scenario: scenario.clone(),
                    defaults: defaults.clone(), evaluations: evaluations.clone(),
                    composition: derivation.composition.clone(), industries: derivation.industry_chart.clone(),
                    bands: bands.clone(), lang }) }
            },
            View::Industries => html! {
                { views::industries_view(&views::IndustriesViewProps { compared: compared.clone(), plan: plan.clone(),
                    projection: projection.clone(), evaluations: evaluations.clone(), bands: bands.clone(), lang }) }
            },
            View::Indicators => html! {
                { views::indicators_view(&views::IndicatorsViewProps { compared: compared.clone(), plan: plan.clone(),
                    scenario: scenario.clone(), projection: projection.clone(), evaluations: evaluations.clone(),
                    bands: bands.clone(), lang }) }
            },
            View::Register => html! {
                <GoalRegister plan={plan.clone()} evaluations={evaluations.clone()}
                    tracked={Shared(state.tracked.clone())} {lang}
                    on_set_tracked={callbacks.on_set_tracked.clone()} />
            },
            View::Brief => html! {
                { views::brief_view(&views::BriefViewProps { plan: plan.clone(), scenario: scenario.clone(),
                    defaults: defaults.clone(), evaluations: evaluations.clone(), bands: bands.clone(),
                    composition: derivation.composition.clone(), industries: derivation.industry_chart.clone(),
                    name: state.name.clone(), note: state.note.clone(), link: link.clone(), lang }) }
            },
            View::Compare => html! {
                <CompareView plan={plan.clone()} scenario={scenario.clone()} name={state.name.clone()}
                    compare={Shared(state.compare.clone())} library={Shared(state.library.clone())} {lang}
                    on_add={callbacks.on_compare_add.clone()} on_remove={callbacks.on_compare_remove.clone()} />
            },
            View::Analysis => html! {
                <AnalysisView plan={plan.clone()} scenario={scenario.clone()} projection={projection.clone()} {lang} />
            },
            View::Share => html! {
                <SharePanel
                    link={link.to_string()}
                    name={state.name.clone()}
                    note={state.note.clone()}
                    library={Shared(state.library.clone())}
                    {lang}
                    on_set_name={callbacks.on_set_name.clone()}
                    on_set_note={callbacks.on_set_note.clone()}
                    on_export_json={files.export_json.clone()}
                    on_export_csv={files.export_csv.clone()}
                    on_import={files.import.clone()}
                    on_library_save={files.library_save.clone()}
                    on_library_open={callbacks.on_library_open.clone()}
                    on_library_rename={callbacks.on_library_rename.clone()}
                    on_library_duplicate={files.library_duplicate.clone()}
                    on_library_delete={callbacks.on_library_delete.clone()}
                    plan_title={lang.pick(&state.plan.title.zh, &state.plan.title.en).to_string()}
                    custom_plan={state.plan.id != *state.embedded_id}
                    on_load_plan={files.load_plan.clone()}
                    on_restore_plan={files.restore_plan.clone()}
                />
            },
            View::Sources => html! {
                { views::data_sources(&DataSourcesProps { plan: plan.clone(), scenario: scenario.clone(), defaults: defaults.clone(), lang,
                    on_set: callbacks.on_set.clone(), on_reset: callbacks.on_reset.clone(), refusal: refusal.clone() }) }
            },
        }
    };

    html! {
        <div class={class_list(&["app", if state.slide.is_some() { "presenting" } else { "" }])} data-testid="app" data-lang={lang.tag()} data-monte-carlo-ms={monte_carlo_ms} data-monte-carlo-sequence={monte_carlo_sequence} data-monte-carlo-slice-ms={monte_carlo_slice_ms}>
            { components::header(&components::HeaderProps { lang, title: lang.app_title(&state.plan).into(),
                subtitle: lang.fill(&state.plan, strings.subtitle).into(),
                on_toggle_lang: callbacks.on_toggle_lang.clone(), on_present: callbacks.on_present.clone() }) }
            if let Some(notice) = &state.notice {
                { notice_bar(notice, lang, &callbacks.on_dismiss_notice) }
            }
            <main class="layout">
                <Drawer {lang}>
                <AssumptionsPanel
                    plan={plan.clone()}
                    scenario={scenario.clone()}
                    defaults={defaults.clone()}
                    {lang}
                    phase={state.phase}
                    on_set={callbacks.on_set.clone()}
                    on_reset={callbacks.on_reset.clone()}
                    on_seek={callbacks.on_seek.clone()}
                    on_phase={callbacks.on_phase.clone()}
                    on_preset={callbacks.on_preset.clone()}
                    on_reset_all={callbacks.on_reset_all.clone()}
                    on_undo={callbacks.on_undo.clone()}
                    on_redo={callbacks.on_redo.clone()}
                    can_undo={state.history.can_undo()}
                    can_redo={state.history.can_redo()}
                    on_shock={callbacks.on_shock.clone()}
                    on_flag={callbacks.on_flag.clone()}
                    on_seed={callbacks.on_seed.clone()}
                    {refusal}
                    locked={Shared(state.locked.clone())}
                    on_lock={callbacks.on_lock.clone()}
                    on_solve_apply={callbacks.on_solve_apply.clone()}
                />
                </Drawer>
                <div class="views">
                    { view_tabs(state.view, lang, &callbacks.on_view) }
                    <div id="view-panel" role="tabpanel" aria-labelledby={format!("tab-{}", state.view.id())}
                        data-testid="view-panel" data-view={state.view.id()}>
                        { view }
                    </div>
                </div>
            </main>
            if let Some(slide) = state.slide {
                { views::presentation_bar(slide, state.slides().len(), lang, &callbacks.on_step_slide, &callbacks.on_stop_presenting) }
            }
        </div>
    }
}
