//! The root's one derivation, memoized on identity.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::derive::Derivation;
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::model::{Plan, Scenario};

/// Every derived result of (plan, scenario, language), recomputed exactly
/// when one of them changes: the plan and the scenario are compared by
/// identity (`Shared`), so a new scenario from any input recomputes and an
/// unchanged one costs a pointer compare.
#[hook]
pub fn use_derivation(
    plan: Shared<Plan>,
    scenario: Shared<Scenario>,
    lang: Lang,
) -> Rc<Derivation> {
    use_memo((plan, scenario, lang), |(plan, scenario, lang)| {
        Derivation::new(plan, scenario, *lang)
    })
}
