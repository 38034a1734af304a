use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use gloo::file::File;
use yew::prelude::*;

use crate::app::components::QrCode;
use crate::app::i18n::Lang;
use crate::app::shared::Shared;
use crate::share::Library;
use crate::web;

#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The whole link of the current state.
    pub link: AttrValue,
    pub name: Rc<String>,
    pub note: Rc<String>,
    pub library: Shared<Library>,
    pub lang: Lang,
    pub on_set_name: Callback<String>,
    pub on_set_note: Callback<String>,
    pub on_export_json: Callback<()>,
    pub on_export_csv: Callback<()>,
    /// Receives the text of a file the user chose to import (or the error
    /// reading it).
    pub on_import: Callback<Result<String, String>>,
    /// Saves the current state in the library under this name.
    pub on_library_save: Callback<String>,
    pub on_library_open: Callback<String>,
    pub on_library_rename: Callback<(String, String)>,
    pub on_library_duplicate: Callback<String>,
    pub on_library_delete: Callback<String>,
    /// The title of the plan in use, and whether it is a loaded one.
    pub plan_title: AttrValue,
    pub custom_plan: bool,
    /// Receives the text of a plan file the user chose (or the error).
    pub on_load_plan: Callback<Result<String, String>>,
    /// Goes back to the embedded plan.
    pub on_restore_plan: Callback<()>,
}

/// Sharing and saving: the link with copy and QR code, name and note,
/// JSON and CSV export, JSON import, and the named scenario library.
#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let lang = props.lang;
    let strings = lang.share_strings();
    let copy_status = use_state(|| None::<bool>);
    let link_ref = use_node_ref();
    let reader = use_mut_ref(|| None::<FileReader>);
    let new_entry_name = use_state(String::new);
    let plan_reader = use_mut_ref(|| None::<FileReader>);
    let on_plan_file = {
        let on_load_plan = props.on_load_plan.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let on_load_plan = on_load_plan.clone();
            let task = gloo::file::callbacks::read_as_text(&File::from(file), move |result| {
                on_load_plan.emit(result.map_err(|error| error.to_string()));
            });
            *plan_reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };

    let on_copy = {
        let link = props.link.to_string();
        let copy_status = copy_status.clone();
        let link_ref = link_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let copy_status = copy_status.clone();
            let link_ref = link_ref.clone();
            web::copy_to_clipboard(link.clone(), move |copied| {
                if !copied {
                    // Fallback: select the link so Ctrl+C copies it.
                    if let Some(input) = link_ref.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                }
                copy_status.set(Some(copied));
            });
        })
    };
    let on_name = props.on_set_name.reform(|event: InputEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        input.value()
    });
    let on_note = props.on_set_note.reform(|event: InputEvent| {
        let input: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
        input.value()
    });
    let on_file = {
        let on_import = props.on_import.clone();
        let reader = reader.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let on_import = on_import.clone();
            let task = gloo::file::callbacks::read_as_text(&File::from(file), move |result| {
                on_import.emit(result.map_err(|error| error.to_string()));
            });
            *reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };
    let on_new_name = {
        let new_entry_name = new_entry_name.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            new_entry_name.set(input.value());
        })
    };
    let on_save = {
        let new_entry_name = new_entry_name.clone();
        let on_library_save = props.on_library_save.clone();
        let fallback = if props.name.trim().is_empty() {
            strings.unnamed.to_string()
        } else {
            (*props.name).clone()
        };
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let typed = new_entry_name.trim().to_string();
            on_library_save.emit(if typed.is_empty() {
                fallback.clone()
            } else {
                typed
            });
            new_entry_name.set(String::new());
        })
    };

    let entries = props.library.entries.iter().map(|entry| {
        let id = entry.id.clone();
        let on_open = props.on_library_open.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        let on_duplicate = props.on_library_duplicate.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        let on_delete = props.on_library_delete.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        let on_rename = props.on_library_rename.reform({
            let id = id.clone();
            move |event: Event| {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                (id.clone(), input.value())
            }
        });
        html! {
            <li class="library-entry" key={id.clone()} data-testid={format!("library-{id}")}>
                <input type="text" class="library-name" value={entry.name().to_string()}
                    aria-label={strings.rename} onchange={on_rename}
                    data-testid={format!("library-name-{id}")} />
                <span class="library-date">{ entry.saved_at.chars().take(16).collect::<String>().replace('T', " ") }</span>
                <span class="library-actions">
                    <button type="button" class="link-button" onclick={on_open}
                        data-testid={format!("library-open-{id}")}>{ strings.open }</button>
                    <button type="button" class="link-button" onclick={on_duplicate}
                        data-testid={format!("library-duplicate-{id}")}>{ strings.duplicate }</button>
                    <button type="button" class="link-button danger" onclick={on_delete}
                        data-testid={format!("library-delete-{id}")}>{ strings.delete }</button>
                </span>
            </li>
        }
    });

    html! {
        <section class="panel share-view" aria-labelledby="share-heading" data-testid="view-share">
            <h2 id="share-heading">{ strings.heading }</h2>
            <p class="panel-note">{ strings.intro }</p>
            <div class="share-grid">
                <div class="share-link">
                    <label for="share-link-field" class="field-label">{ strings.link_label }</label>
                    <div class="link-row">
                        <input id="share-link-field" ref={link_ref} type="text" readonly=true
                            value={props.link.clone()} data-testid="share-link" />
                        <button type="button" class="reset" onclick={on_copy} data-testid="copy-link">
                            { strings.copy }
                        </button>
                    </div>
                    <p class="copy-status" role="status" data-testid="copy-status">
                        { match *copy_status {
                            Some(true) => strings.copied,
                            Some(false) => strings.copy_failed,
                            None => "",
                        } }
                    </p>
                    <label for="scenario-name" class="field-label">{ strings.name_label }</label>
                    <input id="scenario-name" type="text" class="text-field" value={(*props.name).clone()}
                        maxlength="200" placeholder={strings.name_placeholder}
                        oninput={on_name} data-testid="scenario-name" />
                    <label for="scenario-note" class="field-label">{ strings.note_label }</label>
                    <textarea id="scenario-note" class="text-field" rows="3" maxlength="4000"
                        value={(*props.note).clone()} placeholder={strings.note_placeholder}
                        oninput={on_note} data-testid="scenario-note" />
                </div>
                <figure class="share-qr">
                    <QrCode text={props.link.clone()} label={strings.qr_label} />
                    <figcaption>{ strings.qr_caption }</figcaption>
                </figure>
            </div>
            <h3>{ strings.files_heading }</h3>
            <div class="file-row">
                <button type="button" class="reset" onclick={props.on_export_json.reform(|_: MouseEvent| ())}
                    data-testid="export-json">{ strings.export_json }</button>
                <button type="button" class="reset" onclick={props.on_export_csv.reform(|_: MouseEvent| ())}
                    data-testid="export-csv">{ strings.export_csv }</button>
                <label class="reset file-label">
                    { strings.import_json }
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        onchange={on_file} data-testid="import-json" />
                </label>
            </div>
            <h3>{ strings.plan_heading }</h3>
            <p class="panel-note" data-testid="plan-title">{ format!("{}{}", strings.plan_in_use, props.plan_title) }</p>
            <p class="panel-note">{ strings.plan_note }</p>
            <div class="file-row">
                <label class="reset file-label">
                    { strings.load_plan }
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        onchange={on_plan_file} data-testid="load-plan" />
                </label>
                if props.custom_plan {
                    <button type="button" class="reset" onclick={props.on_restore_plan.reform(|_: MouseEvent| ())}
                        data-testid="restore-plan">{ strings.restore_plan }</button>
                }
            </div>
            <h3>{ strings.library_heading }</h3>
            <form class="library-save" onsubmit={on_save}>
                <input type="text" class="text-field" value={(*new_entry_name).clone()} maxlength="200"
                    placeholder={strings.save_placeholder} aria-label={strings.save_placeholder}
                    oninput={on_new_name} data-testid="library-new-name" />
                <button type="submit" class="reset" data-testid="library-save">{ strings.save }</button>
            </form>
            if props.library.entries.is_empty() {
                <p class="panel-note">{ strings.library_empty }</p>
            } else {
                <ul class="library" data-testid="library">{ for entries }</ul>
            }
        </section>
    }
}
