//! Protobuf and tonic types for the chat services.
//!
//! `src/generated` is produced by `cargo run -p xtask -- codegen` and checked in.

#[allow(clippy::all, unused_qualifications)]
pub mod chat {
    pub mod v1 {
        include!("generated/chat.v1.rs");
    }
}

pub use chat::v1::*;
