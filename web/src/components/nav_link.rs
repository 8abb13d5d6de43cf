//! A router link that marks the current page with `aria-current="page"`, and a link into the
//! staff area that works in both builds.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct NavLinkProps {
    pub to: Route,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub children: Html,
}

/// An `<a href>` that navigates inside the SPA (modified clicks still open a new tab).
#[function_component(NavLink)]
pub fn nav_link(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let current = use_route::<Route>();
    let active = current.as_ref() == Some(&props.to);
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            if let Some(nav) = &navigator {
                nav.push(&to);
            }
        })
    };
    html! {
        <a
            href={props.to.to_path()}
            id={props.id.clone()}
            class={props.class.clone()}
            aria-current={active.then_some("page")}
            {onclick}
        >
            { props.children.clone() }
        </a>
    }
}

/// A link into the staff area (`path`: `/staff/...`): a [`NavLink`] in the staff build; in the
/// public build, whose router does not know the staff pages, a plain `<a href>` the browser loads
/// from the server (which serves the staff build there).
pub fn staff_link(path: &'static str, children: Html) -> Html {
    #[cfg(feature = "staff")]
    if let Some(to) = Route::recognize(path) {
        return html! { <NavLink {to}>{ children }</NavLink> };
    }
    html! { <a href={path}>{ children }</a> }
}
