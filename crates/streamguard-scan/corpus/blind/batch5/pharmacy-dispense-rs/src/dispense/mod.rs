pub mod cabinets;
pub mod policy;
pub mod service;
