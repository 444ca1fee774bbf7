//! Plain-Rust domain logic: no `web-sys`, `js-sys` or `yew`. Takes instants as numbers and
//! returns values, so all of it is tested natively.

pub mod config;
pub mod data;
pub mod election;
pub mod guide;
pub mod i18n;
pub mod json;
pub mod num;
pub mod parties;
pub mod quiz;
pub mod time;
