//! Bearer-token interceptor. Carrier operations and shippers both use the
//! carrier's IdP; the claims ride in the request extensions.
use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub vessels: Vec<String>,
    #[serde(default)]
    pub bookings: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn has_scope(&self, s: &str) -> bool {
        self.scope.split(' ').any(|x| x == s)
    }
}

#[derive(Clone)]
pub struct Authenticator {
    key: DecodingKey,
    validation: Validation,
}

impl Authenticator {
    pub fn from_rsa_pem(pem: &[u8], issuer: &str, audience: &str) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_issuer(&[issuer]);
        validation.set_audience(&[audience]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_rsa_pem(pem)?, validation })
    }

    pub fn intercept(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let header = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let token = header
            .strip_prefix("Bearer ")
            .ok_or_else(|| Status::unauthenticated("authorization must be a Bearer token"))?;
        let data = decode::<Claims>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}
