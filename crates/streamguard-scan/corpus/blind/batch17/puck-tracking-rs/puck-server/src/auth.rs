use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    #[serde(default)]
    pub games: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

/// Interceptor: verifies the bearer JWT when the call opens and stores the claims in the extensions.
pub fn check(key: &DecodingKey) -> impl Fn(Request<()>) -> Result<Request<()>, Status> + Clone + '_ {
    move |mut req: Request<()>| {
        let token = req
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing bearer token"))?;
        let mut v = Validation::new(Algorithm::RS256);
        v.set_audience(&["rink"]);
        v.leeway = 1;
        let data = decode::<Claims>(token, key, &v).map_err(|_| Status::unauthenticated("invalid token"))?;
        req.extensions_mut().insert(data.claims);
        Ok(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_header_is_unauthenticated() {
        let key = DecodingKey::from_secret(b"k");
        let err = check(&key)(Request::new(())).unwrap_err();
        assert_eq!(err.code(), tonic::Code::Unauthenticated);
    }
}
