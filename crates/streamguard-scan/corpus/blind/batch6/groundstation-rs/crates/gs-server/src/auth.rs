//! Operator tokens: RS256 JWTs from the mission identity provider.

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct OperatorClaims {
    pub sub: String,
    pub exp: u64,
    /// Spacecraft this operator may watch / command.
    #[serde(default)]
    pub spacecraft: Vec<String>,
    #[serde(default)]
    pub role: String,
}

impl OperatorClaims {
    pub fn may_access(&self, spacecraft_id: &str) -> bool {
        self.spacecraft.iter().any(|s| s == spacecraft_id || s == "*")
    }

    pub fn may_command(&self) -> bool {
        self.role == "flight-controller"
    }
}

#[derive(Clone)]
pub struct Authenticator {
    key: DecodingKey,
    validation: Validation,
}

impl Authenticator {
    pub fn from_pem(pem: &[u8], issuer: &str, audience: &str) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_rsa_pem(pem)?, validation })
    }

    /// tonic interceptor: verifies the bearer token and stores the claims in
    /// the request extensions for the handlers.
    #[allow(clippy::result_large_err)]
    pub fn intercept(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let header = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let token = header
            .strip_prefix("Bearer ")
            .ok_or_else(|| Status::unauthenticated("authorization must be a Bearer token"))?;
        let data = decode::<OperatorClaims>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}
