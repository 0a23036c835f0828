//! Bearer-token authentication for drones and operators (tonic interceptor).

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    pub jti: String,
    /// "drone" or "operator"
    pub role: String,
    #[serde(default)]
    pub drone_id: Option<String>,
    #[serde(default)]
    pub operator_id: Option<String>,
    #[serde(default)]
    pub regions: Vec<String>,
}

#[derive(Clone)]
pub struct Authenticator {
    key: DecodingKey,
    validation: Validation,
}

impl Authenticator {
    pub fn from_pem(pem: &[u8], audience: &str) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_audience(&[audience]);
        validation.set_required_spec_claims(&["exp", "sub", "aud"]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_ec_pem(pem)?, validation })
    }

    pub fn verify(&self, token: &str) -> Result<Claims, Status> {
        decode::<Claims>(token, &self.key, &self.validation)
            .map(|d| d.claims)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))
    }

    /// Interceptor: verifies the token and stores the claims in the request extensions.
    pub fn intercept(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let header = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("missing authorization"))?;
        let token = header
            .strip_prefix("Bearer ")
            .ok_or_else(|| Status::unauthenticated("expected a bearer token"))?;
        let claims = self.verify(token)?;
        req.extensions_mut().insert(claims);
        Ok(req)
    }
}

pub fn claims<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions()
        .get::<Claims>()
        .cloned()
        .ok_or_else(|| Status::unauthenticated("no claims"))
}
