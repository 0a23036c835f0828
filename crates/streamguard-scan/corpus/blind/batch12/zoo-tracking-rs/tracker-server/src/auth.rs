use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Keeper {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub enclosures: Vec<String>,
    #[serde(default)]
    pub collars: Vec<String>,
}

impl Keeper {
    pub fn has_enclosure(&self, id: &str) -> bool {
        self.enclosures.iter().any(|e| e == id)
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
        validation.set_audience(&["zoo-tracking"]);
        validation.set_issuer(&["https://id.zoo.example"]);
        validation.leeway = 1;
        Self { key: DecodingKey::from_rsa_pem(pem).expect("rsa key"), validation }
    }
}

impl tonic::service::Interceptor for JwtInterceptor {
    fn call(&mut self, mut req: Request<()>) -> Result<Request<()>, Status> {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing token"))?;
        let data = decode::<Keeper>(token, &self.key, &self.validation)
            .map_err(|_| Status::unauthenticated("invalid token"))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enclosure_check() {
        let k = Keeper { sub: "k1".into(), exp: 0, enclosures: vec!["savanna".into()], collars: vec![] };
        assert!(k.has_enclosure("savanna"));
        assert!(!k.has_enclosure("reptile-house"));
    }
}
