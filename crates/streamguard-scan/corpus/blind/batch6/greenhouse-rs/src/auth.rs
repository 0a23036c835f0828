//! Grower and climate-computer tokens (EdDSA JWTs from the site IdP).

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub zones: Vec<String>,
    #[serde(default)]
    pub control: bool,
}

impl Claims {
    pub fn covers(&self, zone: &str) -> bool {
        self.zones.iter().any(|z| z == zone || z == "*")
    }
}

#[derive(Clone)]
pub struct Verifier {
    key: DecodingKey,
    validation: Validation,
}

impl Verifier {
    pub fn new(ed_pem: &[u8]) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&["https://idp.vesterhave.dk"]);
        validation.set_audience(&["climate"]);
        validation.set_required_spec_claims(&["exp", "sub", "jti"]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_ed_pem(ed_pem)?, validation })
    }

    #[allow(clippy::result_large_err)]
    pub fn check(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let claims = decode::<Claims>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?
            .claims;
        req.extensions_mut().insert(claims);
        Ok(req)
    }
}
