use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Clone, Debug, Deserialize)]
pub struct Player {
    pub sub: String,
    pub name: String,
    pub exp: u64,
}

pub struct Verifier {
    key: DecodingKey,
    validation: Validation,
}

impl Verifier {
    pub fn new(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&["arena-auth"]);
        Self { key: DecodingKey::from_secret(secret), validation }
    }

    pub fn check(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let raw = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("login required"))?;
        let player = decode::<Player>(raw, &self.key, &self.validation)
            .map_err(|_| Status::unauthenticated("invalid session"))?
            .claims;
        req.extensions_mut().insert(player);
        Ok(req)
    }
}
