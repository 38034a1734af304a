//! A panel that follows the inputs only while it is in sight.
//!
//! The overview's scorecard and lead test sit below the first screen on a
//! laptop or a phone, yet rebuilding them on every slider move cost about a
//! quarter of the page's update (their text changes, so the browser lays
//! them out and paints them again). Wrapped in [`WhenNear`], such a panel
//! keeps what it showed while it is out of sight and catches up:
//! - when it comes within a quarter of a viewport of the screen (before it
//!   is on screen, for a scroll of ordinary speed); while it is that close
//!   but not on the screen, it follows each change after the frame that
//!   shows the change (`web::after_next_frame`), and on the screen, in the
//!   change's own task;
//! - when the inputs rest ([`REST_MS`] after the last change), so the page
//!   is whole again for find-in-page, a screen reader or a fast jump;
//! - before the page prints.
//!
//! Its first render is always whole.

use std::any::Any;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;
use yew::virtual_dom::VNode;

use crate::web::{self, BoxWatch, Seen};

/// How long after the last change an out-of-sight panel catches up, in ms.
pub const REST_MS: u32 = 200;

/// A panel's props and how to draw it: a plain function of its props,
/// one element (always the same tag) at its root.
pub trait NearPanel: PartialEq + 'static {
    fn view(&self) -> Html;
}

/// Any [`NearPanel`] behind `dyn`, with its props compared: one component
/// type for every kind of panel, so each new kind adds its view and not
/// another copy of yew's lifecycle code.
pub trait AnyPanel {
    fn view(&self) -> Html;
    /// Whether `other` is the same kind of panel with equal props.
    fn same(&self, other: &dyn AnyPanel) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<P: NearPanel> AnyPanel for P {
    fn view(&self) -> Html {
        NearPanel::view(self)
    }

    fn same(&self, other: &dyn AnyPanel) -> bool {
        other.as_any().downcast_ref::<P>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

#[derive(Properties)]
pub struct WhenNearProps {
    pub panel: Rc<dyn AnyPanel>,
}

impl PartialEq for WhenNearProps {
    fn eq(&self, other: &Self) -> bool {
        self.panel.same(&*other.panel)
    }
}

pub enum Msg {
    Seen(Seen),
    /// The inputs rested, or the frame after a change was drawn: catch up.
    Rested,
}

/// Renders its panel whenever the props change while the panel is in
/// sight; out of sight, only when it comes back, the inputs rest or the
/// page prints (see the module's note).
pub struct WhenNear {
    /// Set on the panel's outermost element, which the watch observes.
    node: NodeRef,
    in_sight: bool,
    on_screen: bool,
    /// A catch-up is queued for after the next frame.
    after_frame: bool,
    /// The props changed while out of sight, and the panel does not show
    /// them yet.
    stale: bool,
    watch: Option<BoxWatch>,
    rest: Option<Timeout>,
}

impl Component for WhenNear {
    type Message = Msg;
    type Properties = WhenNearProps;

    fn create(_ctx: &Context<Self>) -> Self {
        Self {
            node: NodeRef::default(),
            in_sight: true,
            on_screen: true,
            after_frame: false,
            stale: false,
            watch: None,
            rest: None,
        }
    }

    fn changed(&mut self, ctx: &Context<Self>, _old: &Self::Properties) -> bool {
        if self.in_sight && self.on_screen {
            return true;
        }
        self.stale = true;
        let link = ctx.link().clone();
        if self.in_sight {
            if !std::mem::replace(&mut self.after_frame, true) {
                web::after_next_frame(move || link.send_message(Msg::Rested));
            }
        } else {
            self.rest = Some(Timeout::new(REST_MS, move || {
                link.send_message(Msg::Rested)
            }));
        }
        false
    }

    fn update(&mut self, _ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Seen(Seen::Near) => {
                self.in_sight = true;
                self.catch_up()
            }
            Msg::Seen(Seen::Away) => {
                self.in_sight = false;
                false
            }
            Msg::Seen(Seen::OnScreen(on_screen)) => {
                self.on_screen = on_screen;
                on_screen && self.catch_up()
            }
            Msg::Seen(Seen::Printing) | Msg::Rested => self.catch_up(),
            Msg::Seen(Seen::Size(_)) => false,
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let mut html = ctx.props().panel.view();
        // The watch needs the panel's own element; a panel is one element.
        if let Some(tag) = match &mut html {
            VNode::VTag(tag) => Rc::get_mut(tag),
            _ => None,
        } {
            tag.node_ref = self.node.clone();
        }
        html
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first_render: bool) {
        if self.watch.is_some() {
            return;
        }
        if let Some(element) = self.node.cast::<web_sys::Element>() {
            let link = ctx.link().clone();
            self.watch = web::watch_sight(&element, move |seen| link.send_message(Msg::Seen(seen)));
        }
    }
}

impl WhenNear {
    /// Renders again if the panel shows older props than it has.
    fn catch_up(&mut self) -> bool {
        self.rest = None;
        self.after_frame = false;
        std::mem::replace(&mut self.stale, false)
    }
}
