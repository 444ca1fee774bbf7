//! Hooks shared by the view: the wall clock that ticks on whole seconds, or on whole minutes
//! while nothing on screen changes by the second; delegated listeners released with their module.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::domain::time::{ms_to_next_minute, ms_to_next_second};
use crate::web::browser::{now_ms, page_hidden, set_css_var};

/// The pending timeout of a ticker (`gloo-timers`: cancelled and freed when dropped).
type Slot = Rc<RefCell<Option<Timeout>>>;

/// A self-re-arming timeout aligned to the next whole second (or minute), paused while the page
/// is hidden; dropping it cancels the timeout and removes its listener.
struct Ticker {
    slot: Slot,
    _visibility: Option<EventListener>,
}

fn arm(slot: &Slot, set_now: &UseStateSetter<i64>, coarse: &Rc<Cell<bool>>) {
    // A few ms past the boundary, so the new second (or minute) has surely begun when it runs.
    let now = now_ms();
    let delay = if coarse.get() { ms_to_next_minute(now) } else { ms_to_next_second(now) } as u32 + 4;
    let (weak, set_now, coarse) = (Rc::downgrade(slot), set_now.clone(), coarse.clone());
    let timeout = Timeout::new(delay, move || {
        let Some(slot) = weak.upgrade() else { return };
        if page_hidden() {
            slot.borrow_mut().take();
            return;
        }
        set_now.set(now_ms());
        arm(&slot, &set_now, &coarse);
    });
    *slot.borrow_mut() = Some(timeout);
}

impl Ticker {
    fn start(set_now: UseStateSetter<i64>, coarse: Rc<Cell<bool>>) -> Ticker {
        let slot: Slot = Rc::new(RefCell::new(None));
        let visibility = web_sys::window().and_then(|w| w.document()).map(|doc| {
            let (slot, set_now, coarse) = (slot.clone(), set_now.clone(), coarse.clone());
            EventListener::new(&doc, "visibilitychange", move |_| {
                if page_hidden() {
                    slot.borrow_mut().take();
                } else if slot.borrow().is_none() {
                    set_now.set(now_ms());
                    arm(&slot, &set_now, &coarse);
                }
            })
        });
        if !page_hidden() {
            arm(&slot, &set_now, &coarse);
        }
        Ticker { slot, _visibility: visibility }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        self.slot.borrow_mut().take();
    }
}

/// The current instant, re-rendering the caller on every whole wall-clock second; or `frozen`
/// (from `data-now`), which never ticks. While `pace` is set (the caller sets it when nothing it
/// shows changes by the second) the clock wakes on whole minutes instead.
#[hook]
pub fn use_wall_clock(frozen: Option<i64>, pace: Rc<Cell<bool>>) -> i64 {
    // Equal values do not re-render: the effect's first `set` repeats a frozen initial value.
    let now = use_state_eq(|| frozen.unwrap_or_else(now_ms));
    {
        let set_now = now.setter();
        use_effect_with(frozen, move |frozen| {
            let ticker = match frozen {
                Some(t) => {
                    set_now.set(*t);
                    None
                }
                None => {
                    set_now.set(now_ms());
                    Some(Ticker::start(set_now, pace))
                }
            };
            move || drop(ticker)
        });
    }
    *now
}

/// The root element of a module whose markup is replaced as it changes: a listener for each of
/// `kinds` on it (moved if the element is replaced) calling the latest `handler`, and, whenever
/// `focus` changes to a non-zero value, focus moved to its element marked `data-focus` (the control
/// the reader used is re-created with the markup), and `var` (a CSS custom property) set on it
/// through the CSSOM (CSP-safe) when it changes. The listeners go when the component goes (its
/// hook state is dropped with it). Used instead of Yew's `on…` props: Yew 0.23 registers those on
/// the app's root and never removes them, so each widget mounted and unmounted would leave its
/// root element and listeners behind.
#[hook]
pub fn use_module_root(
    kinds: &'static [&'static str],
    handler: Callback<Event>,
    focus: u32,
    var: Option<(&'static str, String)>,
) -> NodeRef {
    let held = use_mut_ref(ModuleRoot::default);
    *held.borrow().handler.borrow_mut() = handler;
    let root = held.borrow().root.clone();
    {
        let root = root.clone();
        use_effect(move || {
            let el = root.cast::<web_sys::HtmlElement>();
            let mut h = held.borrow_mut();
            if h.listening.as_ref().map(|(e, _)| e) != el.as_ref() {
                h.var = None;
                let handler = h.handler.clone();
                h.listening = el.clone().map(|el| {
                    let listeners = kinds
                        .iter()
                        .map(|kind| {
                            let handler = handler.clone();
                            // Cloned out first: the handler may re-render, which replaces it.
                            EventListener::new(&el, *kind, move |e| {
                                let f = handler.borrow().clone();
                                f.emit(e.clone());
                            })
                        })
                        .collect();
                    (el, listeners)
                });
            }
            let Some(el) = el else { return };
            if var != h.var {
                if let Some((name, value)) = &var {
                    set_css_var(&el, name, Some(value));
                }
                h.var = var;
            }
            if focus != h.focus {
                h.focus = focus;
                if let Some(el) = el.query_selector("[data-focus]").ok().flatten() {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        });
    }
    root
}

/// What [`use_module_root`] keeps between renders.
#[derive(Default)]
struct ModuleRoot {
    /// The latest handler, which the listeners call.
    handler: Rc<RefCell<Callback<Event>>>,
    /// The element listened on, and its listeners (removed when dropped).
    listening: Option<(web_sys::HtmlElement, Vec<EventListener>)>,
    /// The focus request last served.
    focus: u32,
    /// The CSS variable last set.
    var: Option<(&'static str, String)>,
    root: NodeRef,
}
