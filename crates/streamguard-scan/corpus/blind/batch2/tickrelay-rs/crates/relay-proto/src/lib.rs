pub mod ticks {
    pub mod v1 {
        include!("generated/ticks.v1.rs");
    }
}

pub use ticks::v1::*;
