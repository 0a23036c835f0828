use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub rides: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

impl Claims {
    pub fn has_scope(&self, s: &str) -> bool {
        self.scope.split_whitespace().any(|x| x == s)
    }
    pub fn operates(&self, ride: &str) -> bool {
        self.rides.iter().any(|r| r == ride)
    }
}

#[derive(Clone)]
pub struct JwtInterceptor {
    key: DecodingKey,
    validation: Validation,
}

impl JwtInterceptor {
    pub fn from_pem(pem: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::RS256);
        validation.set_audience(&["ride-control"]);
        validation.set_issuer(&["https://staff.splashworld.example/"]);
        validation.leeway = 1;
        Self { key: DecodingKey::from_rsa_pem(pem).expect("rsa pem"), validation }
    }
}

impl tonic::service::Interceptor for JwtInterceptor {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let data = decode::<Claims>(token, &self.key, &self.validation)
            .map_err(|e| Status::unauthenticated(e.to_string()))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_are_space_delimited() {
        let c = Claims { sub: "op".into(), exp: 0, rides: vec!["lazy-river".into()], scope: "rides:operate queue:read".into() };
        assert!(c.has_scope("queue:read"));
        assert!(!c.has_scope("rides"));
        assert!(c.operates("lazy-river"));
        assert!(!c.operates("kamikaze"));
    }
}
