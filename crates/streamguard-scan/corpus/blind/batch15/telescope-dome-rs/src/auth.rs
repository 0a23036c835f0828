use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct ObserverClaims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub domes: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

impl ObserverClaims {
    pub fn has_scope(&self, s: &str) -> bool {
        self.scope.split_whitespace().any(|x| x == s)
    }
    pub fn controls(&self, dome: &str) -> bool {
        self.domes.iter().any(|d| d == dome)
    }
}

#[derive(Clone)]
pub struct TokenCheck {
    key: DecodingKey,
    validation: Validation,
}

impl TokenCheck {
    pub fn new(pem: &[u8]) -> anyhow::Result<Self> {
        let mut v = Validation::new(Algorithm::ES256);
        v.set_audience(&["domed"]);
        v.set_issuer(&["https://sso.observatory.example"]);
        v.set_required_spec_claims(&["exp", "sub", "aud", "iss"]);
        v.leeway = 1;
        Ok(Self { key: DecodingKey::from_ec_pem(pem)?, validation: v })
    }

    pub fn check(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let raw = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let claims = decode::<ObserverClaims>(raw, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?
            .claims;
        req.extensions_mut().insert(claims);
        Ok(req)
    }
}
