use std::collections::HashSet;

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Identity {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    /// "dock" | "rider" | "ops"
    pub kind: String,
    #[serde(default)]
    pub station_id: Option<String>,
    #[serde(default)]
    pub regions: HashSet<String>,
}

#[derive(Clone)]
pub struct Verifier {
    key: DecodingKey,
    validation: Validation,
}

impl Verifier {
    pub fn new(pem: &[u8]) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_audience(&["dockd"]);
        validation.leeway = 1;
        validation.set_required_spec_claims(&["exp", "sub", "aud"]);
        Ok(Self { key: DecodingKey::from_ec_pem(pem)?, validation })
    }

    pub fn verify(&self, token: &str) -> Result<Identity, jsonwebtoken::errors::Error> {
        decode::<Identity>(token, &self.key, &self.validation).map(|d| d.claims)
    }
}
