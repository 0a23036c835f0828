use std::collections::HashSet;

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    pub jti: String,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn scopes(&self) -> HashSet<&str> {
        self.scope.split_whitespace().collect()
    }
}

#[derive(Clone)]
pub struct Verifier {
    key: DecodingKey,
    validation: Validation,
}

impl Verifier {
    pub fn es256(pem: &[u8], audience: &str, issuer: &str) -> Result<Self, jsonwebtoken::errors::Error> {
        let mut validation = Validation::new(Algorithm::ES256);
        validation.leeway = 1;
        validation.set_audience(&[audience]);
        validation.set_issuer(&[issuer]);
        validation.set_required_spec_claims(&["exp", "aud", "iss", "sub"]);
        Ok(Self { key: DecodingKey::from_ec_pem(pem)?, validation })
    }

    pub fn interceptor(&self) -> impl FnMut(Request<()>) -> Result<Request<()>, Status> + Clone + use<> {
        let this = self.clone();
        move |mut req: Request<()>| {
            let token = req
                .metadata()
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .ok_or_else(|| Status::unauthenticated("missing `authorization: Bearer <jwt>`"))?;
            let claims = decode::<Claims>(token, &this.key, &this.validation)
                .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?
                .claims;
            req.extensions_mut().insert(claims);
            Ok(req)
        }
    }
}
