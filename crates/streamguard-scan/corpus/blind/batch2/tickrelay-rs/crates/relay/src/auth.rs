use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub accounts: Vec<String>,
    #[serde(default)]
    pub symbols: Vec<String>,
}

impl Claims {
    pub fn entitled(&self, symbol: &str) -> bool {
        self.symbols.iter().any(|s| s == "*" || s == symbol)
    }
    pub fn owns(&self, account: &str) -> bool {
        self.accounts.iter().any(|a| a == account)
    }
}

pub struct Keys {
    key: DecodingKey,
    validation: Validation,
}

impl Keys {
    pub fn from_env() -> anyhow::Result<Self> {
        let pem = std::fs::read(std::env::var("RELAY_JWT_PUBKEY")?)?;
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_audience(&["tick-relay"]);
        validation.leeway = 1;
        Ok(Self { key: DecodingKey::from_ec_pem(&pem)?, validation })
    }
}

pub fn check(keys: &Keys, mut req: Request<()>) -> Result<Request<()>, Status> {
    let token = req
        .metadata()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
    let data = decode::<Claims>(token, &keys.key, &keys.validation)
        .map_err(|e| Status::unauthenticated(format!("invalid token: {e}")))?;
    req.extensions_mut().insert(data.claims);
    Ok(req)
}
