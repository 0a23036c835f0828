pub mod api_keys;
pub mod bus;
pub mod elo;
pub mod key_layer;
pub mod limits;
