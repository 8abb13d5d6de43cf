//! Where the server may connect on someone's say-so (webhook receivers): public addresses only.
//! A host is resolved and every address checked when a webhook is saved, and again when it is
//! called (DNS can change between the two), by the HTTP client's own resolver; redirects are not
//! followed. Loopback, private, link-local, unique-local, shared (CGNAT), multicast, unspecified
//! and broadcast addresses are refused unless an operator allows a network with
//! `TTIS_WEBHOOK_ALLOW_NETWORKS` (CIDRs, for an internal receiver).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use super::pse::Cidr;

#[derive(Clone, Default)]
pub struct AddressGuard {
    allowed: Vec<Cidr>,
}

/// Why a receiver's address was refused.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("not an http(s) URL with a host")]
    NotAUrl,
    #[error("the host does not resolve")]
    Unresolved,
    #[error("the address is not public")]
    NotPublic,
}

/// Whether an address is reachable from the public internet (and so not inside the deployment).
fn public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_multicast()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || a == 0
                || (a == 100 && (64..128).contains(&b))
                || (a == 198 && (b == 18 || b == 19))
                || (a == 192 && b == 0 && v4.octets()[2] == 0)
                || a >= 240)
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return public(IpAddr::V4(v4));
            }
            let s = v6.segments();
            // NAT64 (64:ff9b::/96), 6to4 (2002::/16) and the old IPv4-compatible form carry an
            // IPv4 address: judged as that address.
            let embedded =
                |hi: u16, lo: u16| IpAddr::V4(std::net::Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo)));
            if s[0] == 0x0064 && s[1] == 0xff9b && s[2..6] == [0, 0, 0, 0] {
                return public(embedded(s[6], s[7]));
            }
            if s[0] == 0x2002 {
                return public(embedded(s[1], s[2]));
            }
            if s[..6] == [0, 0, 0, 0, 0, 0] && (s[6] != 0 || s[7] > 1) {
                return public(embedded(s[6], s[7]));
            }
            let first = s[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || first == 0x2001 && v6.segments()[1] == 0x0db8)
        }
    }
}

impl AddressGuard {
    /// `networks`: CIDRs that are allowed although not public; unparsable entries are skipped
    /// (the configuration refuses them at start-up).
    pub fn new(networks: &[String]) -> AddressGuard {
        AddressGuard { allowed: networks.iter().filter_map(|n| Cidr::parse(n)).collect() }
    }

    pub fn permits(&self, ip: IpAddr) -> bool {
        public(ip) || self.allowed.iter().any(|c| c.contains(ip))
    }

    /// Resolves the URL's host and checks every address it names.
    pub async fn check_url(&self, url: &str) -> Result<(), Refusal> {
        let parsed = url::Url::parse(url).map_err(|_| Refusal::NotAUrl)?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Refusal::NotAUrl);
        }
        let port = parsed.port_or_known_default().ok_or(Refusal::NotAUrl)?;
        let addrs: Vec<IpAddr> = match parsed.host() {
            Some(url::Host::Ipv4(ip)) => vec![IpAddr::V4(ip)],
            Some(url::Host::Ipv6(ip)) => vec![IpAddr::V6(ip)],
            Some(url::Host::Domain(d)) => tokio::net::lookup_host((d, port))
                .await
                .map_err(|_| Refusal::Unresolved)?
                .map(|a: SocketAddr| a.ip())
                .collect(),
            None => return Err(Refusal::NotAUrl),
        };
        if addrs.is_empty() {
            return Err(Refusal::Unresolved);
        }
        if addrs.iter().all(|ip| self.permits(*ip)) { Ok(()) } else { Err(Refusal::NotPublic) }
    }
}

/// The webhook client's resolver: it answers only addresses the guard permits, so a name that
/// resolved to a public address at save time cannot be turned to an internal one later.
struct GuardedResolver(Arc<AddressGuard>);

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let guard = self.0.clone();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            let permitted: Vec<SocketAddr> = found.into_iter().filter(|a| guard.permits(a.ip())).collect();
            if permitted.is_empty() {
                return Err(Box::new(Refusal::NotPublic) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(permitted.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

/// The HTTP client of webhook calls: short timeouts, no redirects, and the guarded resolver.
pub fn webhook_client(guard: Arc<AddressGuard>) -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(5))
        .timeout(std::time::Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .dns_resolver(Arc::new(GuardedResolver(guard)))
        .no_proxy()
        .user_agent("TTIS-Lapor-Webhook/1")
        .build()?)
}

/// The HTTP client of the monitoring job: the guarded resolver, at most five redirects and only
/// within the first URL's registrable domain (a literal address in a redirect checked by the
/// guard too), the TLS certificate kept for its expiry (`tls_info`), an honest User-Agent, and
/// `extra_roots` (PEM) trusted beside the public ones.
pub fn monitor_client(
    guard: Arc<AddressGuard>,
    user_agent: &str,
    timeout: std::time::Duration,
    extra_roots: Option<&[u8]>,
) -> anyhow::Result<reqwest::Client> {
    let redirect_guard = guard.clone();
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() >= 5 {
            return attempt.error("too many redirects");
        }
        let first = attempt.previous().first().and_then(|u| u.host_str()).map(super::hosts::registrable);
        let next = attempt.url().host_str().map(super::hosts::registrable);
        if first.is_none() || first != next {
            return attempt.error("redirect to another domain");
        }
        let literal: Option<IpAddr> = match attempt.url().host() {
            Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
            _ => None,
        };
        if literal.is_some_and(|ip| !redirect_guard.permits(ip)) {
            return attempt.error(Refusal::NotPublic);
        }
        attempt.follow()
    });
    let mut builder = reqwest::Client::builder()
        .connect_timeout(std::time::Duration::from_secs(5).min(timeout))
        .timeout(timeout)
        .redirect(policy)
        .dns_resolver(Arc::new(GuardedResolver(guard)))
        // A proxy from the environment would resolve the targets itself, past the guard.
        .no_proxy()
        .tls_info(true)
        .user_agent(user_agent);
    if let Some(pem) = extra_roots {
        for cert in reqwest::Certificate::from_pem_bundle(pem)? {
            builder = builder.add_root_certificate(cert);
        }
    }
    Ok(builder.build()?)
}

/// The monitoring job's HTTP client with its guard (the guard also checks the first URL, whose
/// literal address would never reach the resolver).
pub struct MonitorHttp {
    pub client: reqwest::Client,
    pub guard: Arc<AddressGuard>,
}

impl MonitorHttp {
    /// From the settings: `TTIS_MONITOR_ALLOW_NETWORKS`, `TTIS_MONITOR_CA_FILE`, the timeout,
    /// and a User-Agent naming the CSIRT and its contact.
    pub fn new(settings: &crate::config::Settings) -> anyhow::Result<MonitorHttp> {
        let m = &settings.monitor;
        let guard = Arc::new(AddressGuard::new(&m.allow_networks));
        let roots = match &m.ca_file {
            Some(path) => Some(std::fs::read(path).map_err(|e| anyhow::anyhow!("TTIS_MONITOR_CA_FILE: {e}"))?),
            None => None,
        };
        let user_agent = format!(
            "TTIS-Lapor-Monitor/1.0 (+{}; {}; {})",
            settings.public_url, settings.site.agency_name, settings.site.security_contact
        );
        Ok(MonitorHttp { client: monitor_client(guard.clone(), &user_agent, m.timeout, roots.as_deref())?, guard })
    }
}

/// What an administrator is told of a failed call: a category, never the raw error (which could
/// describe the inside of the network).
pub fn failure_category(e: &reqwest::Error) -> String {
    let chain = {
        let mut text = String::new();
        let mut source: Option<&dyn std::error::Error> = Some(e);
        while let Some(s) = source {
            text.push_str(&s.to_string().to_lowercase());
            text.push(' ');
            source = s.source();
        }
        text
    };
    if chain.contains("address is not public") {
        "refused: the receiver's address is not public".into()
    } else if e.is_timeout() {
        "timeout".into()
    } else if chain.contains("certificate") || chain.contains("tls") || chain.contains("handshake") {
        "TLS error".into()
    } else if e.is_connect() {
        "connection refused or unreachable".into()
    } else if let Some(status) = e.status() {
        format!("HTTP {}", status.as_u16())
    } else {
        "request failed".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_unless_allowed() {
        let guard = AddressGuard::new(&["10.20.0.0/16".into()]);
        for inside in [
            "127.0.0.1",
            "169.254.169.254",
            "10.0.0.1",
            "192.168.1.1",
            "172.16.0.1",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
            "::10.0.0.1",
            "192.0.0.1",
        ] {
            let ip: IpAddr = inside.parse().unwrap_or_else(|_| panic!("{inside}"));
            assert!(!guard.permits(ip), "{inside}");
        }
        for outside in ["203.0.114.1", "8.8.8.8", "10.20.3.4", "2606:4700::1111"] {
            let ip: IpAddr = outside.parse().unwrap_or_else(|_| panic!("{outside}"));
            assert!(guard.permits(ip), "{outside}");
        }
    }

    #[tokio::test]
    async fn literal_and_odd_hosts_are_checked() {
        let guard = AddressGuard::default();
        for url in [
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]/",
            "http://0x7f000001/",
            "http://2130706433/",
            "ftp://example.com/",
            "http://10.1.2.3:8080/x",
        ] {
            assert!(guard.check_url(url).await.is_err(), "{url}");
        }
        assert!(guard.check_url("http://8.8.8.8/hook").await.is_ok());
    }
}
