//! Yew components: a thin view over the domain, one component a file.

pub mod app;
pub mod countdown;
pub mod parties;
pub mod quiz;
pub mod timeline;
