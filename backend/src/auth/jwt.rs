//! Access tokens: HS256 JWTs, 15 minutes, algorithm pinned on decode, with a `kid` header
//! so the signing secret can rotate (`JWT_PREVIOUS_SECRETS` still verify). The `ver`
//! claim is the account's session version when the token was issued: a password reset
//! raises it, and the extractors refuse tokens of an older version (see `extractors`).

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const ACCESS_TOKEN_SECONDS: i64 = 15 * 60;
const ISSUER: &str = "partner-hub";
const AUDIENCE: &str = "partner-hub-api";

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub roles: Vec<String>,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
    /// The account's `session_version` at issue; tokens from before the claim existed
    /// read as 0, the version every account starts with.
    #[serde(default)]
    pub ver: i32,
}

pub struct JwtKeys {
    kid: String,
    encoding: EncodingKey,
    decoding: Vec<(String, DecodingKey)>,
}

fn kid_of(secret: &str) -> String {
    hex::encode(&Sha256::digest(secret.as_bytes())[..6])
}

impl JwtKeys {
    pub fn new(current: &str, previous: &[String]) -> JwtKeys {
        let mut decoding = vec![(kid_of(current), DecodingKey::from_secret(current.as_bytes()))];
        for p in previous {
            decoding.push((kid_of(p), DecodingKey::from_secret(p.as_bytes())));
        }
        JwtKeys { kid: kid_of(current), encoding: EncodingKey::from_secret(current.as_bytes()), decoding }
    }

    /// Issues a token valid from `now_unix` (wall-clock seconds) for the account's
    /// current `session_version`.
    pub fn issue(&self, user_id: &str, roles: &[String], session_version: i32, now_unix: i64) -> anyhow::Result<String> {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some(self.kid.clone());
        let claims = Claims {
            sub: user_id.to_string(),
            roles: roles.to_vec(),
            iat: now_unix,
            exp: now_unix + ACCESS_TOKEN_SECONDS,
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            ver: session_version,
        };
        jsonwebtoken::encode(&header, &claims, &self.encoding).map_err(|e| anyhow::anyhow!("jwt encode: {e}"))
    }

    pub fn verify(&self, token: &str) -> Option<Claims> {
        let header = jsonwebtoken::decode_header(token).ok()?;
        if header.alg != Algorithm::HS256 {
            return None;
        }
        let kid = header.kid?;
        let key = self.decoding.iter().find(|(k, _)| *k == kid).map(|(_, key)| key)?;
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.leeway = 5;
        validation.set_required_spec_claims(&["exp", "sub", "iss", "aud"]);
        jsonwebtoken::decode::<Claims>(token, key, &validation).ok().map(|d| d.claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_rotation_and_tamper() {
        let now = chrono::Utc::now().timestamp();
        let old = JwtKeys::new("old-secret-old-secret-old-secret-1", &[]);
        let token = old.issue("usr_1", &["freelancer".into()], 3, now).unwrap();
        assert_eq!(old.verify(&token).unwrap().sub, "usr_1");
        assert_eq!(old.verify(&token).unwrap().ver, 3);

        let rotated = JwtKeys::new("new-secret-new-secret-new-secret-2", &["old-secret-old-secret-old-secret-1".into()]);
        assert!(rotated.verify(&token).is_some(), "previous secret still verifies");
        let fresh = JwtKeys::new("new-secret-new-secret-new-secret-2", &[]);
        assert!(fresh.verify(&token).is_none(), "dropped secret no longer verifies");

        let expired = old.issue("usr_1", &[], 0, now - 3600).unwrap();
        assert!(old.verify(&expired).is_none());
        let mut parts: Vec<&str> = token.split('.').collect();
        parts[2] = "AAAA";
        assert!(old.verify(&parts.join(".")).is_none());
    }
}
