#![allow(clippy::all)]
include!("agent.v1.rs");
