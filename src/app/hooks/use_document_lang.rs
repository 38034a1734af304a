use yew::prelude::*;

use crate::app::i18n::Lang;
use crate::web;

/// Keeps `<html lang>` and the page title (the app's name for the plan in
/// use) in the interface language.
#[hook]
pub fn use_document_lang(lang: Lang, title: String) {
    use_effect_with((lang, title), |(lang, title)| {
        web::set_document_lang(lang.tag());
        web::set_document_title(title);
    });
}
