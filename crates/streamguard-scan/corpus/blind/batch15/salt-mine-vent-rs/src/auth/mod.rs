pub mod keys;
pub mod layer;

pub use keys::{KeyIdentity, KeyStore};
pub use layer::ApiKeyLayer;
