//! The client's address, the one every recorded IP uses (terms acceptance, W-9,
//! throttling, audit). Behind a load balancer the TCP peer is the balancer, so the
//! forwarding headers are read — but only when the peer is one of `TRUSTED_PROXIES`:
//! anyone else could write any address into them.
//!
//! The chain is the header's addresses followed by the peer. Walking it from the right,
//! each trusted hop vouches for the address to its left; the first address that is not
//! itself trusted is the client. `X-Forwarded-For` is read when present, otherwise
//! `Forwarded` (RFC 7239 `for=`): a proxy must append to the one it uses and strip or
//! overwrite the other, or a client could supply it.

use std::net::IpAddr;

use ipnet::IpNet;

/// The client address for a request that came from `peer` with these headers.
pub fn resolve(peer: IpAddr, trusted: &[IpNet], headers: &actix_web::http::header::HeaderMap) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let chain = forwarded_chain(headers);
    let mut client = peer;
    for hop in chain.iter().rev() {
        match hop {
            // An obfuscated or unknown hop: nothing to its left can be vouched for.
            None => break,
            Some(ip) => {
                client = *ip;
                if !is_trusted(ip) {
                    break;
                }
            }
        }
    }
    client
}

/// Left-to-right addresses from `X-Forwarded-For`, else from `Forwarded`; `None` marks
/// an entry that is not an address (`unknown`, `_hidden`, garbage).
fn forwarded_chain(headers: &actix_web::http::header::HeaderMap) -> Vec<Option<IpAddr>> {
    let joined = |name: &str| -> Option<String> {
        let values: Vec<&str> = headers.get_all(name).filter_map(|v| v.to_str().ok()).collect();
        (!values.is_empty()).then(|| values.join(","))
    };
    if let Some(xff) = joined("x-forwarded-for") {
        return xff.split(',').map(|s| parse_node(s.trim())).collect();
    }
    if let Some(fwd) = joined("forwarded") {
        return fwd
            .split(',')
            .filter_map(|element| {
                element.split(';').find_map(|pair| {
                    let (k, v) = pair.trim().split_once('=')?;
                    k.trim().eq_ignore_ascii_case("for").then(|| parse_node(v.trim().trim_matches('"')))
                })
            })
            .collect();
    }
    Vec::new()
}

/// `192.0.2.7`, `192.0.2.7:4711`, `[2001:db8::1]:4711`, `2001:db8::1`.
fn parse_node(text: &str) -> Option<IpAddr> {
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Some(rest) = text.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    let (host, port) = text.rsplit_once(':')?;
    port.parse::<u16>().ok()?;
    host.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        map
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn believes_forwarding_headers_only_from_trusted_peers() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap()];
        let spoof = headers(&[("x-forwarded-for", "6.6.6.6")]);
        assert_eq!(resolve(ip("203.0.113.9"), &trusted, &spoof), ip("203.0.113.9"));
        assert_eq!(resolve(ip("10.0.0.2"), &[], &spoof), ip("10.0.0.2"), "nothing trusted by default");
        assert_eq!(resolve(ip("10.0.0.2"), &trusted, &spoof), ip("6.6.6.6"));
        // The client wrote 6.6.6.6 itself; the balancer appended what it saw.
        let chain = headers(&[("x-forwarded-for", "6.6.6.6, 198.51.100.4, 10.1.1.1")]);
        assert_eq!(resolve(ip("10.0.0.2"), &trusted, &chain), ip("198.51.100.4"));
        let split = headers(&[("x-forwarded-for", "6.6.6.6"), ("x-forwarded-for", "198.51.100.4")]);
        assert_eq!(resolve(ip("10.0.0.2"), &trusted, &split), ip("198.51.100.4"));
        assert_eq!(resolve(ip("10.0.0.2"), &trusted, &headers(&[])), ip("10.0.0.2"));
        let unknown = headers(&[("x-forwarded-for", "198.51.100.4, unknown, 10.1.1.1")]);
        assert_eq!(resolve(ip("10.0.0.2"), &trusted, &unknown), ip("10.1.1.1"));
    }

    #[test]
    fn reads_rfc_7239_forwarded() {
        let trusted: Vec<IpNet> = vec!["10.0.0.0/8".parse().unwrap(), "2001:db8::/32".parse().unwrap()];
        let fwd = headers(&[("forwarded", "for=6.6.6.6, for=\"[2001:db9::1]:4711\";proto=https, for=10.0.0.9:80")]);
        assert_eq!(resolve(ip("2001:db8::5"), &trusted, &fwd), ip("2001:db9::1"));
        let fwd = headers(&[("forwarded", "proto=https;for=192.0.2.60:1234;by=10.0.0.1")]);
        assert_eq!(resolve(ip("10.0.0.2"), &trusted, &fwd), ip("192.0.2.60"));
        let hidden = headers(&[("forwarded", "for=_hidden")]);
        assert_eq!(resolve(ip("10.0.0.2"), &trusted, &hidden), ip("10.0.0.2"));
    }
}
