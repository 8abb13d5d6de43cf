//! The incident taxonomy (administrators): add a category, rename it, retire it. Retired
//! categories stay on old tickets but are no longer offered.

use std::rc::Rc;

use gloo_net::http::Method;
use ttis_shared::Role;
use ttis_shared::dto::problem::FieldError;
use ttis_shared::dto::reports::{Category, CategoryList, Label};
use ttis_shared::dto::tickets::{NewCategory, UpdateCategory};
use yew::prelude::*;

use super::{Guard, StaffNav, error_box, field_error, label_text, set_text};
use crate::api::{self, ApiError};
use crate::hooks::{Fetch, use_fetch};
use crate::i18n::{Key, t};
use crate::state::{Session, use_lang};
use crate::util;

#[function_component(Categories)]
pub fn categories() -> Html {
    let page = Callback::from(|session: Rc<Session>| html! { <Taxonomy {session} /> });
    html! { <Guard {page} /> }
}

#[derive(Properties, PartialEq)]
struct Props {
    session: Rc<Session>,
}

#[function_component(Taxonomy)]
fn taxonomy(props: &Props) -> Html {
    let lang = use_lang();
    let token = props.session.token.clone();
    let is_admin = props.session.has_role(Role::Admin);
    let notice = use_state(|| None::<String>);
    let action_error = use_state(|| None::<ApiError>);
    let renaming = use_state(|| None::<String>);
    // Retired categories, listed apart so they can be restored.
    let retired = use_state(Vec::<Category>::new);
    // The active categories; the answer's retired ones go to `retired`.
    let list = {
        let retired = retired.clone();
        use_fetch((), move |()| async move {
            let result = api::get::<CategoryList>("/categories?include_retired=true", None, lang).await;
            let (active, gone): (Vec<Category>, Vec<Category>) = match &result {
                Ok(l) => l.items.iter().cloned().partition(|c| !c.retired),
                Err(_) => (Vec::new(), Vec::new()),
            };
            retired.set(gone);
            result.map(|_| active)
        })
    };

    let patch = {
        let (token, list, notice, action_error, renaming) =
            (token.clone(), list.clone(), notice.clone(), action_error.clone(), renaming.clone());
        Callback::from(move |(code, body, done): (String, UpdateCategory, String)| {
            let (token, list, notice, action_error, renaming) =
                (token.clone(), list.clone(), notice.clone(), action_error.clone(), renaming.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let path = format!("/categories/{}", String::from(js_sys::encode_uri_component(&code)));
                match api::request::<_, serde::de::IgnoredAny>(Method::PATCH, &path, Some(&body), Some(&token), lang)
                    .await
                {
                    Ok(_) => {
                        action_error.set(None);
                        renaming.set(None);
                        notice.set(Some(done));
                    }
                    Err(e) => action_error.set(Some(e)),
                }
                list.reload();
            });
        })
    };

    let items: Vec<Category> = list.data().map(|items| (**items).clone()).unwrap_or_default();
    let groups = crate::pages::report::form::grouped(&items);

    let row = |c: &Category, is_sub: bool| -> Html {
        let editing = renaming.as_deref() == Some(c.code.as_str());
        let start_rename = {
            let renaming = renaming.clone();
            let code = c.code.clone();
            Callback::from(move |_: MouseEvent| {
                renaming.set(Some(code.clone()));
                let id = format!("rename-id-{code}");
                wasm_bindgen_futures::spawn_local(async move {
                    util::sleep(0).await;
                    util::focus(&id);
                });
            })
        };
        let retire = {
            let (patch, retired) = (patch.clone(), retired.clone());
            let c = c.clone();
            Callback::from(move |_: MouseEvent| {
                if !util::confirm(&t(lang, Key::RetireConfirm).replace("{name}", &label_text(&c.label, lang))) {
                    return;
                }
                let mut next = (*retired).clone();
                next.push(c.clone());
                retired.set(next);
                let body = UpdateCategory { retired: Some(true), ..Default::default() };
                patch.emit((
                    c.code.clone(),
                    body,
                    format!("{}: {}", t(lang, Key::Retired), label_text(&c.label, lang)),
                ));
            })
        };
        html! {
            <tr id={format!("category-row-{}", c.code)} class={classes!(is_sub.then_some("row-sub"))}>
                <td><code>{ c.code.clone() }</code></td>
                if editing {
                    <td colspan="2">
                        <RenameForm category={c.clone()} on_save={patch.clone()} on_cancel={{ let r = renaming.clone(); Callback::from(move |()| r.set(None)) }} />
                    </td>
                } else {
                    <td>{ if is_sub { format!("— {}", c.label.id) } else { c.label.id.clone() } }</td>
                    <td>{ c.label.en.clone() }</td>
                }
                <td>{ c.sort_order }</td>
                if is_admin {
                    <td class="cell-actions">
                        if !editing {
                            <button type="button" class="btn btn-secondary btn-small" id={format!("category-rename-{}", c.code)}
                                aria-label={format!("{} {}", t(lang, Key::Rename), label_text(&c.label, lang))} onclick={start_rename}>{ t(lang, Key::Rename) }</button>
                            <button type="button" class="btn btn-danger btn-small" id={format!("category-retire-{}", c.code)}
                                aria-label={format!("{} {}", t(lang, Key::Retire), label_text(&c.label, lang))} onclick={retire}>{ t(lang, Key::Retire) }</button>
                        }
                    </td>
                }
            </tr>
        }
    };

    let table = match list.state() {
        Fetch::Loading => html! { <p class="loading" role="status">{ t(lang, Key::Loading) }</p> },
        Fetch::Failed(e) => error_box(e, lang, "categories-error"),
        Fetch::Ready(_) => html! {
            <div class="table-wrap">
                <table class="table" id="categories-table">
                    <caption class="visually-hidden">{ t(lang, Key::CategoriesTitle) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Key::CategoryCode) }</th>
                            <th scope="col">{ t(lang, Key::LabelId) }</th>
                            <th scope="col">{ t(lang, Key::LabelEn) }</th>
                            <th scope="col">{ t(lang, Key::SortOrder) }</th>
                            if is_admin { <th scope="col"><span class="visually-hidden">{ t(lang, Key::UsersActions) }</span></th> }
                        </tr>
                    </thead>
                    <tbody>
                        { for groups.iter().map(|(class, subs)| html! {
                            <>
                                { row(class, false) }
                                { for subs.iter().map(|s| row(s, true)) }
                            </>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    };

    let undo = retired.iter().map(|c| {
        let onclick = {
            let (patch, retired) = (patch.clone(), retired.clone());
            let c = c.clone();
            Callback::from(move |_: MouseEvent| {
                retired.set(retired.iter().filter(|r| r.code != c.code).cloned().collect());
                let body = UpdateCategory { retired: Some(false), ..Default::default() };
                patch.emit((c.code.clone(), body, format!("{}: {}", t(lang, Key::Restored), label_text(&c.label, lang))));
            })
        };
        html! {
            <li>
                { label_text(&c.label, lang) }{ " " }<code>{ c.code.clone() }</code>{ " " }
                <button type="button" class="btn btn-secondary btn-small" id={format!("category-restore-{}", c.code)} {onclick}>{ t(lang, Key::Restore) }</button>
            </li>
        }
    });

    let on_created = {
        let (list, notice) = (list.clone(), notice.clone());
        Callback::from(move |label: String| {
            notice.set(Some(format!("{}: {label}", t(lang, Key::Saved))));
            list.reload();
        })
    };
    let top_level: Vec<Category> = items.iter().filter(|c| c.parent.is_none()).cloned().collect();

    html! {
        <div class="container page">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{ t(lang, Key::StaffArea) }</p>
                    <h1>{ t(lang, Key::CategoriesTitle) }</h1>
                    <p class="lead">{ t(lang, Key::CategoriesLead) }</p>
                </div>
            </div>
            <StaffNav session={props.session.clone()} />
            if let Some(n) = &*notice {
                <div class="alert alert-success" role="status" id="categories-notice">{ n.clone() }</div>
            }
            if let Some(e) = &*action_error {
                { error_box(e, lang, "categories-action-error") }
            }
            <div class={classes!(is_admin.then_some("grid-users"))}>
                <section class="panel" aria-labelledby="categories-list-title">
                    <h2 id="categories-list-title">{ t(lang, Key::CategoriesListTitle) }</h2>
                    { table }
                    if !retired.is_empty() {
                        <h3>{ t(lang, Key::RetiredNow) }</h3>
                        <ul class="link-list" id="categories-retired">{ for undo }</ul>
                    }
                </section>
                if is_admin {
                    <NewCategoryForm token={token.clone()} parents={Rc::new(top_level)} {on_created} />
                }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RenameProps {
    category: Category,
    on_save: Callback<(String, UpdateCategory, String)>,
    on_cancel: Callback<()>,
}

#[function_component(RenameForm)]
fn rename_form(props: &RenameProps) -> Html {
    let lang = use_lang();
    let c = &props.category;
    let id_label = use_state(|| c.label.id.clone());
    let en_label = use_state(|| c.label.en.clone());
    let order = use_state(|| c.sort_order.to_string());
    let onsubmit = {
        let (id_label, en_label, order, on_save) =
            (id_label.clone(), en_label.clone(), order.clone(), props.on_save.clone());
        let code = c.code.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let label = Label { id: id_label.trim().to_string(), en: en_label.trim().to_string() };
            if label.id.is_empty() || label.en.is_empty() {
                return;
            }
            let done = format!("{}: {}", t(lang, Key::Saved), label_text(&label, lang));
            let body = UpdateCategory { label: Some(label), sort_order: order.trim().parse().ok(), retired: None };
            on_save.emit((code.clone(), body, done));
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let code = &c.code;
    html! {
        <form class="rename-form" id={format!("rename-form-{code}")} {onsubmit}>
            <div class="field">
                <label for={format!("rename-id-{code}")}>{ t(lang, Key::LabelId) }</label>
                <input id={format!("rename-id-{code}")} type="text" required=true value={(*id_label).clone()} oninput={set_text::<InputEvent>(&id_label)} />
            </div>
            <div class="field">
                <label for={format!("rename-en-{code}")}>{ t(lang, Key::LabelEn) }</label>
                <input id={format!("rename-en-{code}")} type="text" required=true value={(*en_label).clone()} oninput={set_text::<InputEvent>(&en_label)} />
            </div>
            <div class="field">
                <label for={format!("rename-order-{code}")}>{ t(lang, Key::SortOrder) }</label>
                <input id={format!("rename-order-{code}")} type="number" value={(*order).clone()} oninput={set_text::<InputEvent>(&order)} />
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary btn-small" id={format!("rename-save-{code}")}>{ t(lang, Key::Save) }</button>
                <button type="button" class="btn btn-secondary btn-small" onclick={cancel}>{ t(lang, Key::Cancel) }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct NewProps {
    token: String,
    parents: Rc<Vec<Category>>,
    on_created: Callback<String>,
}

#[function_component(NewCategoryForm)]
fn new_category_form(props: &NewProps) -> Html {
    let lang = use_lang();
    let code = use_state(String::new);
    let parent = use_state(String::new);
    let id_label = use_state(String::new);
    let en_label = use_state(String::new);
    let order = use_state(String::new);
    let errors = use_state(Vec::<FieldError>::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    let onsubmit = {
        let (code, parent, id_label, en_label, order) =
            (code.clone(), parent.clone(), id_label.clone(), en_label.clone(), order.clone());
        let (errors, error, busy, token, on_created) =
            (errors.clone(), error.clone(), busy.clone(), props.token.clone(), props.on_created.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let mut local = Vec::new();
            for (field, value) in [("code", &code), ("label.id", &id_label), ("label.en", &en_label)] {
                if let Err(v) = ttis_shared::validation::required(value) {
                    local.push(FieldError { field: field.into(), code: "required".into(), message: v.message(lang) });
                }
            }
            if !local.is_empty() {
                errors.set(local);
                error.set(None);
                return;
            }
            let body = NewCategory {
                code: code.trim().to_string(),
                parent: Some(parent.trim().to_string()).filter(|s| !s.is_empty()),
                label: Label { id: id_label.trim().to_string(), en: en_label.trim().to_string() },
                sort_order: order.trim().parse().ok(),
            };
            let label = label_text(&body.label, lang);
            let (code, id_label, en_label, order) = (code.clone(), id_label.clone(), en_label.clone(), order.clone());
            let (errors, error, busy, token, on_created) =
                (errors.clone(), error.clone(), busy.clone(), token.clone(), on_created.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::request::<_, serde::de::IgnoredAny>(
                    Method::POST,
                    "/categories",
                    Some(&body),
                    Some(&token),
                    lang,
                )
                .await;
                busy.set(false);
                match result {
                    Ok(_) => {
                        errors.set(Vec::new());
                        error.set(None);
                        for s in [&code, &id_label, &en_label, &order] {
                            s.set(String::new());
                        }
                        on_created.emit(label);
                    }
                    Err(e) => {
                        errors.set(e.field_errors().to_vec());
                        error.set(Some(e));
                    }
                }
            });
        })
    };

    let field = |id: &'static str,
                 path: &'static str,
                 label: Key,
                 state: &UseStateHandle<String>,
                 kind: &'static str,
                 hint: Option<Key>| {
        let err =
            errors.iter().find(|e| e.field == path).map(|e| e.message.clone()).or_else(|| field_error(&errors, path));
        let hint_id = format!("{id}-hint");
        let err_id = format!("{id}-error");
        let described = match (hint.is_some(), err.is_some()) {
            (true, true) => Some(format!("{hint_id} {err_id}")),
            (true, false) => Some(hint_id.clone()),
            (false, true) => Some(err_id.clone()),
            (false, false) => None,
        };
        html! {
            <div class={classes!("field", err.is_some().then_some("field-invalid"))}>
                <label for={id}>{ t(lang, label) }</label>
                if let Some(h) = hint { <p class="field-hint" id={hint_id}>{ t(lang, h) }</p> }
                <input {id} type={kind} value={(**state).clone()} oninput={set_text::<InputEvent>(state)}
                    aria-invalid={err.is_some().then_some("true")} aria-describedby={described} />
                if let Some(e) = err { <p class="field-error" id={err_id}>{ e }</p> }
            </div>
        }
    };

    html! {
        <section class="panel" aria-labelledby="new-category-title">
            <h2 id="new-category-title">{ t(lang, Key::CategoryAdd) }</h2>
            <form id="new-category-form" class="form" novalidate=true {onsubmit}>
                if let Some(e) = error.as_ref().filter(|e| e.field_errors().is_empty()) {
                    { error_box(e, lang, "new-category-error") }
                }
                { field("new-category-code", "code", Key::CategoryCode, &code, "text", Some(Key::CategoryCodeHint)) }
                <div class="field">
                    <label for="new-category-parent">{ t(lang, Key::CategoryParent) }</label>
                    <select id="new-category-parent" onchange={set_text::<Event>(&parent)}>
                        <option value="" selected={parent.is_empty()}>{ t(lang, Key::CategoryTopLevel) }</option>
                        { for props.parents.iter().map(|c| html! {
                            <option value={c.code.clone()} selected={*parent == c.code}>{ label_text(&c.label, lang) }</option>
                        }) }
                    </select>
                </div>
                { field("new-category-label-id", "label.id", Key::LabelId, &id_label, "text", None) }
                { field("new-category-label-en", "label.en", Key::LabelEn, &en_label, "text", None) }
                { field("new-category-order", "sort_order", Key::SortOrder, &order, "number", None) }
                <button type="submit" id="new-category-submit" class="btn btn-primary" disabled={*busy}>{ t(lang, Key::CategoryAdd) }</button>
            </form>
        </section>
    }
}
