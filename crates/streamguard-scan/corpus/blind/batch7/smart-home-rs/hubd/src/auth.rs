use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    pub household: String,
    #[serde(default)]
    pub rooms: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn can_control(&self, room: &str) -> bool {
        self.scope.split(' ').any(|s| s == "devices:control") && (self.rooms.is_empty() || self.rooms.iter().any(|r| r == room))
    }

    pub fn can_see(&self, room: &str) -> bool {
        self.rooms.is_empty() || self.rooms.iter().any(|r| r == room)
    }
}

#[derive(Clone)]
pub struct Auth {
    key: DecodingKey,
    validation: Validation,
}

impl Auth {
    pub fn new(ed25519_pem: &[u8], household: &str) -> anyhow::Result<Self> {
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_audience(&[format!("hub:{household}")]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_ed_pem(ed25519_pem)?, validation })
    }

    pub fn interceptor(&self, mut req: Request<()>) -> Result<Request<()>, Status> {
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
