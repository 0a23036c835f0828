pub mod auth;
pub mod book;
pub mod limits;
pub mod quota;
pub mod service;
