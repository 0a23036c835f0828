//! Rendered sweep tiles live in the products bucket: <station>/<product>/latest.png + .meta

use bytes::Bytes;
use object_store::{path::Path, ObjectStore};
use std::sync::Arc;

#[derive(Clone)]
pub struct TileBucket {
    store: Arc<dyn ObjectStore>,
}

impl TileBucket {
    pub fn new(store: Arc<dyn ObjectStore>) -> Self {
        Self { store }
    }

    pub async fn latest(&self, station: &str, product: &str) -> object_store::Result<(i64, Bytes)> {
        let base = format!("{station}/{product}/latest");
        let meta = self.store.get(&Path::from(format!("{base}.meta"))).await?.bytes().await?;
        let valid: i64 = std::str::from_utf8(&meta).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0);
        let png = self.store.get(&Path::from(format!("{base}.png"))).await?.bytes().await?;
        Ok((valid, png))
    }
}
