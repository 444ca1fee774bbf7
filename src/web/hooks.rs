//! Hooks shared by the view: the wall clock that ticks on whole seconds, or on whole minutes
//! while nothing on screen changes by the second.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::domain::time::{ms_to_next_minute, ms_to_next_second};
use crate::web::browser::{now_ms, page_hidden};

/// A self-re-arming `setTimeout` aligned to the next whole second, paused while the page is
/// hidden, cancelled (with its closure and listener freed) on drop.
struct Ticker {
    id: Rc<Cell<Option<i32>>>,
    func: Rc<RefCell<Option<js_sys::Function>>>,
    _callback: Closure<dyn FnMut()>,
    _visibility: Option<EventListener>,
}

fn arm(id: &Cell<Option<i32>>, func: &RefCell<Option<js_sys::Function>>, coarse: &Cell<bool>) {
    let (Some(window), Some(f)) = (web_sys::window(), func.borrow().clone()) else { return };
    // A few ms past the boundary, so the new second (or minute) has surely begun when it runs.
    let now = now_ms();
    let delay = if coarse.get() { ms_to_next_minute(now) } else { ms_to_next_second(now) } as i32 + 4;
    id.set(window.set_timeout_with_callback_and_timeout_and_arguments_0(&f, delay).ok());
}

fn disarm(id: &Cell<Option<i32>>) {
    if let (Some(handle), Some(window)) = (id.take(), web_sys::window()) {
        window.clear_timeout_with_handle(handle);
    }
}

impl Ticker {
    fn start(set_now: UseStateSetter<i64>, coarse: Rc<Cell<bool>>) -> Ticker {
        let id = Rc::new(Cell::new(None));
        let func: Rc<RefCell<Option<js_sys::Function>>> = Rc::new(RefCell::new(None));
        let callback = {
            let (id, func, set_now, coarse) = (id.clone(), func.clone(), set_now.clone(), coarse.clone());
            Closure::<dyn FnMut()>::new(move || {
                id.set(None);
                if page_hidden() {
                    return;
                }
                set_now.set(now_ms());
                arm(&id, &func, &coarse);
            })
        };
        *func.borrow_mut() = Some(callback.as_ref().unchecked_ref::<js_sys::Function>().clone());
        let visibility = web_sys::window().and_then(|w| w.document()).map(|doc| {
            let (id, func, coarse) = (id.clone(), func.clone(), coarse.clone());
            EventListener::new(&doc, "visibilitychange", move |_| {
                if page_hidden() {
                    disarm(&id);
                } else if id.get().is_none() {
                    set_now.set(now_ms());
                    arm(&id, &func, &coarse);
                }
            })
        });
        if !page_hidden() {
            arm(&id, &func, &coarse);
        }
        Ticker { id, func, _callback: callback, _visibility: visibility }
    }
}

impl Drop for Ticker {
    fn drop(&mut self) {
        disarm(&self.id);
        // Break the closure ↔ function reference cycle so both are freed.
        self.func.borrow_mut().take();
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
