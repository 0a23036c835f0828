pub mod asr;
pub mod auth;
pub mod channels;
pub mod deadline;
pub mod gen;
pub mod service;
pub mod transcripts;

pub use gen::captions_v1 as pb;
