//! Shared code of the SIEM services.

pub mod apikey;
pub mod backends;
pub mod gen;
pub mod guard;
pub mod hunt;
pub mod ingest;
pub mod jwt;
