use std::collections::HashSet;
use std::sync::OnceLock;

use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub jti: Option<String>,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn scopes(&self) -> HashSet<&str> {
        self.scope.split_whitespace().collect()
    }

    pub fn allows_tool(&self, tool: &str) -> bool {
        match required_scope(tool) {
            Some(s) => self.scopes().contains(s),
            None => false,
        }
    }
}

pub fn required_scope(tool: &str) -> Option<&'static str> {
    match tool {
        "echo" => Some("tools:basic"),
        "search_docs" => Some("docs:read"),
        "read_file" => Some("files:read"),
        "write_file" => Some("files:write"),
        "delete_repo" => Some("repo:admin"),
        _ => None,
    }
}

struct Keys {
    key: DecodingKey,
    validation: Validation,
}

static KEYS: OnceLock<Keys> = OnceLock::new();

fn keys() -> &'static Keys {
    KEYS.get_or_init(|| {
        let pem = std::fs::read(std::env::var("MCP_JWT_PUBLIC_KEY").unwrap_or_else(|_| "/etc/mcp/jwt.pem".into()))
            .expect("read JWT public key");
        let mut validation = Validation::new(Algorithm::ES256);
        validation.set_audience(&["mcp-server"]);
        validation.set_required_spec_claims(&["exp", "sub", "aud"]);
        validation.leeway = 1;
        Keys { key: DecodingKey::from_ec_pem(&pem).expect("EC public key"), validation }
    })
}

/// tonic interceptor: verifies the bearer token and stores the claims in the request extensions.
pub fn check_auth(mut req: Request<()>) -> Result<Request<()>, Status> {
    let header = req
        .metadata()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .ok_or_else(|| Status::unauthenticated("missing authorization"))?;
    let token = header
        .strip_prefix("Bearer ")
        .ok_or_else(|| Status::unauthenticated("expected a bearer token"))?;
    let k = keys();
    let data = decode::<Claims>(token, &k.key, &k.validation)
        .map_err(|_| Status::unauthenticated("invalid_token"))?;
    req.extensions_mut().insert(data.claims);
    Ok(req)
}

pub fn claims<T>(req: &Request<T>) -> Result<Claims, Status> {
    req.extensions()
        .get::<Claims>()
        .cloned()
        .ok_or_else(|| Status::unauthenticated("no claims"))
}
