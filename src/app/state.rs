//! The one reducer that owns the app's state.
//!
//! **Invariant:** the reducer is pure. It never touches the URL, storage or
//! the DOM; hooks in `app/hooks/` observe the state and do that. Derived data
//! (the projection, goal evaluations, Monte Carlo bands) is computed from the
//! state with `use_memo`, never stored here.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use super::i18n::Lang;
use super::inputs::Input;
use crate::model::{apply_preset, required_growth_pct, Plan, Scenario, ScenarioError, Shock};
use crate::share::{
    bounded, copy_name, merge_libraries, Library, LibraryEntry, NamedScenario, ShareState,
    MAX_COMPARE, MAX_NAME_CHARS, MAX_NOTE_CHARS,
};

/// The views of the simulator, in tab order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Overview,
    Industries,
    Indicators,
    Register,
    Sources,
    Analysis,
    Share,
    Compare,
    Brief,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Overview,
        View::Industries,
        View::Indicators,
        View::Analysis,
        View::Compare,
        View::Register,
        View::Sources,
        View::Share,
        View::Brief,
    ];

    /// The view with this id, if any.
    pub fn from_id(id: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.id() == id)
    }

    /// A stable id for the DOM, tests and the link.
    pub fn id(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Industries => "industries",
            View::Indicators => "indicators",
            View::Register => "register",
            View::Sources => "sources",
            View::Analysis => "analysis",
            View::Share => "share",
            View::Brief => "brief",
            View::Compare => "compare",
        }
    }
}

/// The whole state of the app.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The plan being simulated.
    pub plan: Rc<Plan>,
    /// The plan's default scenario, for per-input reset and "changed" marks.
    pub defaults: Rc<Scenario>,
    /// The user's assumptions.
    pub scenario: Rc<Scenario>,
    pub lang: Lang,
    pub view: View,
    /// Which growth phase the assumptions panel shows (0 = 2018–2022).
    pub phase: usize,
    /// Current counts the user typed for goals tracked by hand, by goal id.
    pub tracked: Rc<BTreeMap<String, f64>>,
    /// Earlier and undone scenarios, for undo and redo.
    pub history: Rc<History>,
    /// The scenario's name and note, as the user typed them (data, shown as
    /// text; they travel in links and files).
    pub name: Rc<String>,
    pub note: Rc<String>,
    /// The named scenario library kept in the browser.
    pub library: Rc<Library>,
    /// The library as this tab last read it from, or wrote it to, the
    /// browser's storage: the base against which a change another tab made
    /// is merged ([`Action::LibraryFromStorage`]). When it differs from
    /// `library`, this tab has changes not yet in storage.
    pub library_stored: Rc<Library>,
    /// Scenarios a link or file brought for comparison. The app does not
    /// show them yet, but carries them on, so a link loses nothing.
    pub compare: Rc<Vec<NamedScenario>>,
    /// A message for the user (a broken link, a bad file, full storage).
    pub notice: Option<Notice>,
    /// The last value the reducer refused and why (a rule across fields,
    /// such as GDP ≥ the industries' value added), shown at that input's
    /// field until the next change.
    pub refused: Option<(Input, Rc<ScenarioError>)>,
    /// The slide shown in presentation mode, or `None` outside it.
    pub slide: Option<usize>,
    /// The id of the plan embedded in the app (Shouguang 2018), to tell a
    /// loaded plan from it.
    pub embedded_id: Rc<String>,
    /// Inputs the planner locked: the solver never changes them.
    pub locked: Rc<Vec<Input>>,
}

/// The parts of the state a link or file carries, cheap to compare.
pub type SharedParts = (
    Rc<Scenario>,
    View,
    Lang,
    Rc<String>,
    Rc<String>,
    Rc<Vec<NamedScenario>>,
);

/// What presentation mode steps through: one message per slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The headline strip and the scorecard.
    Headline,
    /// Traditional against emerging revenue.
    Composition,
    /// A view shown whole: the industries (2×4), the indicators (2×2), the
    /// comparison.
    View(View),
    /// The lead test.
    LeadTest,
    /// Compared scenario `idx`: its summary, 2028 test and scorecard.
    Compared(usize),
    /// The closing slide: the QR code of the current link.
    Closing,
}

impl AppState {
    /// The slides of presentation mode, in order: the headline and
    /// scorecard, the composition, the industries, the indicators, the lead
    /// test, each compared scenario and the comparison, then the closing
    /// slide.
    pub fn slides(&self) -> Vec<Slide> {
        let mut slides = vec![
            Slide::Headline,
            Slide::Composition,
            Slide::View(View::Industries),
            Slide::View(View::Indicators),
            Slide::LeadTest,
        ];
        if !self.compare.is_empty() {
            slides.extend((0..self.compare.len()).map(Slide::Compared));
            slides.push(Slide::View(View::Compare));
        }
        slides.push(Slide::Closing);
        slides
    }

    /// The slide shown, if presenting.
    pub fn current_slide(&self) -> Option<Slide> {
        self.slide.and_then(|idx| self.slides().get(idx).copied())
    }
}

/// A message shown above the app until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Problem,
}

impl Notice {
    pub fn info(zh: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Info,
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn problem(zh: impl Into<String>, en: impl Into<String>) -> Notice {
        Notice {
            kind: NoticeKind::Problem,
            zh: zh.into(),
            en: en.into(),
        }
    }
}

/// How many scenario changes undo remembers.
pub const HISTORY_LIMIT: usize = 100;

/// Undo and redo stacks of scenarios. Consecutive changes of the same input
/// (a slider drag) make one step.
#[derive(Clone, Debug, Default)]
pub struct History {
    past: Vec<Rc<Scenario>>,
    future: Vec<Rc<Scenario>>,
    /// The input the last change set, so a drag coalesces into one step;
    /// cleared when the gesture ends ([`Action::EndGesture`]). A `Cell`:
    /// ending a gesture changes nothing the page shows, so the reducer
    /// clears it in place and returns the same state, and nothing re-renders.
    last_input: Cell<Option<Input>>,
    /// Every step made, undone or redone so far: grows without limit (the
    /// lists are capped at [`HISTORY_LIMIT`]), so the address bar can add
    /// one Back entry per gesture however many there were.
    steps: u64,
}

impl History {
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// How many steps undo can go back.
    pub fn undo_depth(&self) -> usize {
        self.past.len()
    }

    /// How many steps were made, undone or redone since the page opened.
    pub fn steps(&self) -> u64 {
        self.steps
    }
}

impl AppState {
    /// The state the app opens with: the plan's default scenario, in Chinese,
    /// on the overview.
    pub fn new(plan: Rc<Plan>) -> Self {
        let defaults = Rc::new(crate::model::plan_defaults(&plan));
        AppState {
            plan,
            scenario: defaults.clone(),
            defaults,
            lang: Lang::default(),
            view: View::default(),
            phase: 0,
            tracked: Rc::new(BTreeMap::new()),
            history: Rc::new(History::default()),
            name: Rc::new(String::new()),
            note: Rc::new(String::new()),
            library: Rc::new(Library::default()),
            library_stored: Rc::new(Library::default()),
            compare: Rc::new(Vec::new()),
            notice: None,
            refused: None,
            slide: None,
            embedded_id: Rc::new(String::new()),
            locked: Rc::new(Vec::new()),
        }
    }

    /// The state the app opens with, from what the page was opened with (a
    /// link's state, or the autosaved one) and the stored library; `notice`
    /// says what went wrong reading them, if anything.
    pub fn open(
        plan: Rc<Plan>,
        opened: Option<ShareState>,
        library: Library,
        notice: Option<Notice>,
        embedded_id: &str,
    ) -> Self {
        let library = Rc::new(library);
        let state = AppState {
            library_stored: library.clone(),
            library,
            notice,
            embedded_id: Rc::new(embedded_id.to_string()),
            ..AppState::new(plan)
        };
        match opened {
            Some(opened) => state.load(opened, false),
            None => state,
        }
    }

    /// The parts of the state a link or file carries, cheap to compare: what
    /// the address bar and the autosave watch.
    pub fn shared_parts(&self) -> SharedParts {
        (
            self.scenario.clone(),
            self.view,
            self.lang,
            self.name.clone(),
            self.note.clone(),
            self.compare.clone(),
        )
    }

    /// What a link or file of this state carries.
    pub fn share_state(&self) -> ShareState {
        ShareState {
            scenario: (*self.scenario).clone(),
            view: self.view.id().to_string(),
            lang: match self.lang {
                Lang::Zh => "zh".to_string(),
                Lang::En => "en".to_string(),
            },
            name: (*self.name).clone(),
            note: (*self.note).clone(),
            compare: (*self.compare).clone(),
        }
    }

    /// This state with a loaded scenario, view, language, name and note; the
    /// scenario change is recorded for undo when `undoable`.
    fn load(self, loaded: ShareState, undoable: bool) -> Self {
        let view = View::from_id(&loaded.view).unwrap_or(self.view);
        let lang = match loaded.lang.as_str() {
            "en" => Lang::En,
            "zh" => Lang::Zh,
            _ => self.lang,
        };
        let base = AppState {
            view,
            lang,
            name: Rc::new(loaded.name),
            note: Rc::new(loaded.note),
            compare: Rc::new(loaded.compare),
            ..self
        };
        if undoable {
            let with_scenario = Rc::new(base).with_scenario(loaded.scenario, None);
            (*with_scenario).clone()
        } else {
            AppState {
                scenario: Rc::new(loaded.scenario),
                ..base
            }
        }
    }

    /// The state with a new scenario, recorded for undo. `input` names the
    /// input that changed, so that a drag of one slider is one undo step.
    fn with_scenario(self: Rc<Self>, scenario: Scenario, input: Option<Input>) -> Rc<Self> {
        if scenario == *self.scenario {
            return self;
        }
        let mut history = (*self.history).clone();
        let same_drag = input.is_some() && history.last_input.get() == input;
        if !same_drag {
            history.steps += 1;
            history.past.push(self.scenario.clone());
            if history.past.len() > HISTORY_LIMIT {
                history.past.remove(0);
            }
        }
        history.future.clear();
        history.last_input.set(input);
        Rc::new(AppState {
            scenario: Rc::new(scenario),
            history: Rc::new(history),
            refused: None,
            ..(*self).clone()
        })
    }

    /// The state with `scenario` if it validates, else unchanged.
    fn validated(self: Rc<Self>, scenario: Scenario) -> Rc<Self> {
        if scenario.validate(&self.plan).is_err() {
            return self;
        }
        self.with_scenario(scenario, None)
    }

    /// Moves one step back (`undo`) or forward through the history.
    fn step_history(self: Rc<Self>, undo: bool) -> Rc<Self> {
        let mut history = (*self.history).clone();
        let (from, to) = if undo {
            (&mut history.past, &mut history.future)
        } else {
            (&mut history.future, &mut history.past)
        };
        let Some(scenario) = from.pop() else {
            return self;
        };
        to.push(self.scenario.clone());
        history.steps += 1;
        history.last_input.set(None);
        Rc::new(AppState {
            scenario,
            history: Rc::new(history),
            refused: None,
            ..(*self).clone()
        })
    }
}

/// A switch of the 2028 interpretation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    /// Count vegetables (measured by output value) in the lead test.
    IncludeVegetables,
    /// Continue the per-year indicator increments to 2028.
    ContinueIncrements,
    /// Continue the 2017–2022 productivity pace to 2028.
    ContinueProductivity,
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Sets one input. A value validation refuses changes nothing (the input
    /// component has already told the user why).
    Set {
        input: Input,
        value: f64,
    },
    /// Sets one input back to the plan's default.
    ResetInput(Input),
    /// Sets an industry's 2018–2022 growth to exactly meet its 2022 goal.
    SeekGoal {
        industry_idx: usize,
    },
    /// Replaces the scenario by a preset of the plan.
    ApplyPreset(String),
    SetLang(Lang),
    /// Switches to the other language.
    ToggleLang,
    SetView(View),
    SetPhase(usize),
    /// Records (or, with `None`, clears) the current count of a goal tracked
    /// by hand.
    SetTracked {
        goal_id: String,
        count: Option<f64>,
    },
    /// Back to the plan's default scenario (language and view stay).
    Reset,
    /// Opens a validated state from a link, a file or the library (the
    /// scenario change can be undone).
    Load(Box<ShareState>),
    SetName(String),
    SetNote(String),
    /// Saves the current state in the library under a new entry.
    LibrarySave {
        id: String,
        name: String,
        saved_at: String,
    },
    LibraryRename {
        id: String,
        name: String,
    },
    LibraryDuplicate {
        id: String,
        new_id: String,
        saved_at: String,
    },
    LibraryDelete {
        id: String,
    },
    LibraryOpen {
        id: String,
    },
    /// The library in the browser's storage is not the one this tab last
    /// read (another tab changed it): merge it with this tab's by entry id,
    /// losing neither side's entries (`crate::share::merge`).
    LibraryFromStorage(Box<Library>),
    /// This library was written to the browser's storage.
    LibraryStored(Rc<Library>),
    Notify(Notice),
    DismissNotice,
    /// Adds, replaces or removes a one-year shock (`None` removes).
    SetShock {
        idx: usize,
        shock: Option<Shock>,
    },
    /// Switches one part of the 2028 interpretation on or off.
    SetFlag {
        flag: Flag,
        on: bool,
    },
    /// Sets the Monte Carlo seed.
    SetSeed(u64),
    /// Adds a scenario to the comparison (at most four; validated).
    CompareAdd(Box<NamedScenario>),
    /// Removes compared scenario `idx`.
    CompareRemove(usize),
    /// Switches to another plan (validated already): its defaults, its own
    /// library, an empty history. Language and view stay.
    LoadPlan {
        plan: Rc<Plan>,
        library: Library,
    },
    /// Enters presentation mode on the first slide.
    StartPresenting,
    /// Leaves presentation mode, back to the view of the current slide.
    StopPresenting,
    /// Moves `by` slides forward (negative: back), staying within the slides.
    StepSlide(isize),
    /// The gesture that was changing an input ended (a slider released, a
    /// typed value committed): the next change of that input is a new undo
    /// step and a new Back entry.
    EndGesture,
    /// Locks an input against the solver, or unlocks it.
    ToggleLock(Input),
    /// Replaces the scenario by a solved one (validated; one undo step).
    ApplySolved(Box<Scenario>),
    /// Undoes the last scenario change.
    Undo,
    /// Redoes the last undone scenario change.
    Redo,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Set { input, value } => {
                if input.get(&self.scenario) == value {
                    return self;
                }
                match input.apply(&self.plan, &self.scenario, value) {
                    Ok(scenario) => self.with_scenario(scenario, Some(input)),
                    Err(error) => Rc::new(AppState {
                        refused: Some((input, Rc::new(error))),
                        ..(*self).clone()
                    }),
                }
            }
            Action::EndGesture => {
                self.history.last_input.set(None);
                self
            }
            Action::ResetInput(input) => {
                let value = input.get(&self.defaults);
                self.reduce(Action::Set { input, value })
            }
            Action::SeekGoal { industry_idx } => {
                match required_growth_pct(&self.plan, &self.scenario, industry_idx) {
                    Some(growth_pct) => self.reduce(Action::Set {
                        input: Input::Growth {
                            industry_idx,
                            phase: 0,
                        },
                        value: growth_pct,
                    }),
                    None => self,
                }
            }
            Action::ToggleLock(input) => {
                let mut locked = (*self.locked).clone();
                match locked.iter().position(|other| *other == input) {
                    Some(idx) => {
                        locked.remove(idx);
                    }
                    None => locked.push(input),
                }
                Rc::new(AppState {
                    locked: Rc::new(locked),
                    ..(*self).clone()
                })
            }
            Action::ApplySolved(scenario) => {
                if scenario.validate(&self.plan).is_err() || *scenario == *self.scenario {
                    return self;
                }
                self.with_scenario(*scenario, None)
            }
            Action::ApplyPreset(preset_id) => match apply_preset(&self.plan, &preset_id) {
                Some(scenario) if scenario.validate(&self.plan).is_ok() => {
                    self.with_scenario(scenario, None)
                }
                _ => self,
            },
            Action::SetLang(lang) => {
                if lang == self.lang {
                    return self;
                }
                Rc::new(AppState {
                    lang,
                    ..(*self).clone()
                })
            }
            Action::ToggleLang => {
                let lang = self.lang.other();
                self.reduce(Action::SetLang(lang))
            }
            Action::SetView(view) => {
                if view == self.view {
                    return self;
                }
                Rc::new(AppState {
                    view,
                    ..(*self).clone()
                })
            }
            Action::SetPhase(phase) => {
                if phase > 1 || phase == self.phase {
                    return self;
                }
                Rc::new(AppState {
                    phase,
                    ..(*self).clone()
                })
            }
            Action::SetTracked { goal_id, count } => {
                let known = self.plan.goal(&goal_id).is_some();
                let valid = count.is_none_or(|count| count.is_finite() && count >= 0.0);
                if !known || !valid {
                    return self;
                }
                let mut tracked = (*self.tracked).clone();
                match count {
                    Some(count) => tracked.insert(goal_id, count),
                    None => tracked.remove(&goal_id),
                };
                Rc::new(AppState {
                    tracked: Rc::new(tracked),
                    ..(*self).clone()
                })
            }
            Action::Reset => {
                let defaults = (*self.defaults).clone();
                self.with_scenario(defaults, None)
            }
            Action::Load(loaded) => {
                if loaded.validate(&self.plan).is_err() {
                    return self;
                }
                Rc::new((*self).clone().load(*loaded, true))
            }
            Action::SetName(name) => Rc::new(AppState {
                name: Rc::new(bounded(&name, MAX_NAME_CHARS)),
                ..(*self).clone()
            }),
            Action::SetNote(note) => Rc::new(AppState {
                note: Rc::new(bounded(&note, MAX_NOTE_CHARS)),
                ..(*self).clone()
            }),
            Action::LibrarySave { id, name, saved_at } => {
                let name = bounded(&name, MAX_NAME_CHARS);
                let mut library = (*self.library).clone();
                let mut state = self.share_state();
                state.name = name.clone();
                state.note = bounded(&self.note, MAX_NOTE_CHARS);
                library.entries.push(LibraryEntry {
                    id,
                    saved_at,
                    state,
                });
                Rc::new(AppState {
                    library: Rc::new(library),
                    name: Rc::new(name),
                    ..(*self).clone()
                })
            }
            Action::LibraryRename { id, name } => {
                let mut library = (*self.library).clone();
                let Some(entry) = library.entries.iter_mut().find(|entry| entry.id == id) else {
                    return self;
                };
                entry.state.name = bounded(&name, MAX_NAME_CHARS);
                Rc::new(AppState {
                    library: Rc::new(library),
                    ..(*self).clone()
                })
            }
            Action::LibraryDuplicate {
                id,
                new_id,
                saved_at,
            } => {
                let mut library = (*self.library).clone();
                let Some(entry) = library.entries.iter().find(|entry| entry.id == id).cloned()
                else {
                    return self;
                };
                let mut state = entry.state;
                state.name = copy_name(&state.name);
                library.entries.push(LibraryEntry {
                    id: new_id,
                    saved_at,
                    state,
                });
                Rc::new(AppState {
                    library: Rc::new(library),
                    ..(*self).clone()
                })
            }
            Action::LibraryDelete { id } => {
                let mut library = (*self.library).clone();
                library.entries.retain(|entry| entry.id != id);
                Rc::new(AppState {
                    library: Rc::new(library),
                    ..(*self).clone()
                })
            }
            Action::LibraryOpen { id } => {
                let Some(entry) = self.library.entries.iter().find(|entry| entry.id == id) else {
                    return self;
                };
                let state = entry.state.clone();
                self.reduce(Action::Load(Box::new(state)))
            }
            Action::LibraryFromStorage(stored) => {
                if *stored == *self.library_stored {
                    return self;
                }
                let merged = merge_libraries(&self.library_stored, &self.library, &stored);
                let notice = if merged.conflicts.is_empty() {
                    self.notice.clone()
                } else {
                    Some(Notice::info(
                        Lang::Zh.library_merged(&merged.conflicts),
                        Lang::En.library_merged(&merged.conflicts),
                    ))
                };
                Rc::new(AppState {
                    library: Rc::new(merged.library),
                    library_stored: Rc::new(*stored),
                    notice,
                    ..(*self).clone()
                })
            }
            Action::LibraryStored(stored) => Rc::new(AppState {
                library_stored: stored,
                ..(*self).clone()
            }),
            Action::Notify(notice) => Rc::new(AppState {
                notice: Some(notice),
                ..(*self).clone()
            }),
            Action::DismissNotice => Rc::new(AppState {
                notice: None,
                ..(*self).clone()
            }),
            Action::SetShock { idx, shock } => {
                let mut scenario = (*self.scenario).clone();
                match (shock, idx < scenario.shocks.len()) {
                    (Some(shock), true) => scenario.shocks[idx] = shock,
                    (Some(shock), false) => scenario.shocks.push(shock),
                    (None, true) => {
                        scenario.shocks.remove(idx);
                    }
                    (None, false) => return self,
                }
                self.validated(scenario)
            }
            Action::SetFlag { flag, on } => {
                let mut scenario = (*self.scenario).clone();
                let interpretation = &mut scenario.interpretation;
                match flag {
                    Flag::IncludeVegetables => interpretation.include_vegetables = on,
                    Flag::ContinueIncrements => interpretation.continue_increments = on,
                    Flag::ContinueProductivity => interpretation.continue_productivity_growth = on,
                }
                self.validated(scenario)
            }
            Action::SetSeed(seed) => {
                let mut scenario = (*self.scenario).clone();
                scenario.uncertainty.seed = seed;
                self.validated(scenario)
            }
            Action::CompareAdd(named) => {
                let valid = named.scenario.validate(&self.plan).is_ok();
                if !valid || self.compare.len() >= MAX_COMPARE {
                    return self;
                }
                let mut compare = (*self.compare).clone();
                // The name travels in the link: bounded like every name.
                compare.push(NamedScenario {
                    name: bounded(&named.name, MAX_NAME_CHARS),
                    scenario: named.scenario,
                });
                Rc::new(AppState {
                    compare: Rc::new(compare),
                    ..(*self).clone()
                })
            }
            Action::CompareRemove(idx) => {
                if idx >= self.compare.len() {
                    return self;
                }
                let mut compare = (*self.compare).clone();
                compare.remove(idx);
                Rc::new(AppState {
                    compare: Rc::new(compare),
                    ..(*self).clone()
                })
            }
            Action::LoadPlan { plan, library } => Rc::new(AppState {
                library_stored: Rc::new(library.clone()),
                library: Rc::new(library),
                lang: self.lang,
                view: self.view,
                embedded_id: self.embedded_id.clone(),
                ..AppState::new(plan)
            }),
            Action::StartPresenting => Rc::new(AppState {
                slide: Some(0),
                view: View::Overview,
                ..(*self).clone()
            }),
            Action::StopPresenting => Rc::new(AppState {
                slide: None,
                ..(*self).clone()
            }),
            Action::StepSlide(by) => {
                let Some(current) = self.slide else {
                    return self;
                };
                let slides = self.slides();
                let next = current.saturating_add_signed(by).min(slides.len() - 1);
                if next == current {
                    return self;
                }
                let view = match slides[next] {
                    Slide::View(view) => view,
                    Slide::Headline | Slide::Composition | Slide::LeadTest => View::Overview,
                    Slide::Compared(_) | Slide::Closing => self.view,
                };
                Rc::new(AppState {
                    slide: Some(next),
                    view,
                    ..(*self).clone()
                })
            }
            Action::Undo => self.step_history(true),
            Action::Redo => self.step_history(false),
        }
    }
}
