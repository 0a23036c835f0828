pub mod auth;
pub mod events;
pub mod ledger;
pub mod service;
