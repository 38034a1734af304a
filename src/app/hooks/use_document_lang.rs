use yew::prelude::*;

use crate::app::i18n::Lang;
use crate::web;

/// Keeps `<html lang>` and the page title in the interface language.
#[hook]
pub fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        web::set_document_lang(lang.tag());
        web::set_document_title(lang.strings().title);
    });
}
