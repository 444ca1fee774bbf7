//! Plain-Rust domain logic: no `web-sys`, `js-sys` or `yew`. Takes instants as numbers and
//! returns values, so all of it is tested natively.

pub(crate) mod config;
pub(crate) mod contract;
pub(crate) mod data;
pub(crate) mod election;
pub(crate) mod guide;
pub(crate) mod i18n;
pub(crate) mod json;
pub(crate) mod num;
pub(crate) mod parties;
pub(crate) mod quiz;
pub(crate) mod session;
pub(crate) mod text;
pub(crate) mod time;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod schema_drift;
