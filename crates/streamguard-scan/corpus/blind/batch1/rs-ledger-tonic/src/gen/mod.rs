#[rustfmt::skip]
#[allow(clippy::all)]
pub mod ledger_v1 {
    include!("ledger.v1.rs");
}
