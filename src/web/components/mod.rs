//! Yew components: a thin view over the domain, one component a file.

pub mod app;
pub mod countdown;
pub mod guide;
pub mod parties;
pub mod quiz;
pub mod timeline;

use std::rc::Rc;

/// Props or hook dependencies compared by pointer, not by content: the data behind them is
/// immutable once loaded, and comparing it field by field would cost more than re-rendering.
pub struct Same<T>(pub Rc<T>);

impl<T> Clone for Same<T> {
    fn clone(&self) -> Self {
        Same(self.0.clone())
    }
}

impl<T> PartialEq for Same<T> {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.0, &o.0)
    }
}
