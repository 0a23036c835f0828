use jsonwebtoken::{decode, Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use tonic::{Request, Status};

#[derive(Debug, Clone, Deserialize)]
pub struct Staff {
    pub sub: String,
    pub jti: String,
    pub exp: u64,
    #[serde(default)]
    pub screens: Vec<String>,
    #[serde(default)]
    pub scope: String,
}

impl Staff {
    pub fn screen(&self, id: &str) -> bool {
        self.screens.iter().any(|s| s == id)
    }
    pub fn can(&self, scope: &str) -> bool {
        self.scope.split(' ').any(|s| s == scope)
    }
}

pub fn interceptor(key: DecodingKey) -> impl FnMut(Request<()>) -> Result<Request<()>, Status> + Clone {
    let mut v = Validation::new(Algorithm::EdDSA);
    v.set_audience(&["booth-hub"]);
    v.leeway = 1;
    move |mut req: Request<()>| {
        let tok = req
            .metadata()
            .get("authorization")
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.strip_prefix("Bearer "))
            .ok_or_else(|| Status::unauthenticated("missing token"))?;
        let staff = decode::<Staff>(tok, &key, &v).map_err(|_| Status::unauthenticated("invalid token"))?.claims;
        req.extensions_mut().insert(staff);
        Ok(req)
    }
}

#[cfg(test)]
mod tests {
    use super::Staff;

    #[test]
    fn scopes_and_screens() {
        let s = Staff { sub: "p1".into(), jti: "j".into(), exp: 0, screens: vec!["S4".into()], scope: "playback booth:read".into() };
        assert!(s.can("playback") && !s.can("kdm:download"));
        assert!(s.screen("S4") && !s.screen("S5"));
    }
}
