//! The host named by a report's affected asset (a URL, a host name, an IP address, or an
//! application's name), for matching reports with each other and (later) with the PSE register.

use std::net::IpAddr;

/// Lower-case host or IP address, without scheme, credentials, port, path or a leading `www.`;
/// `None` when the asset names no host (an application's name).
pub fn host_of(asset: &str) -> Option<String> {
    let s = asset.trim();
    let after_scheme = s.split_once("://").map(|(_, rest)| rest).unwrap_or(s);
    let authority = after_scheme.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map(|(_, h)| h).unwrap_or(authority);
    if let Some(v6) = authority.strip_prefix('[') {
        let ip = v6.split(']').next()?;
        return ip.parse::<IpAddr>().ok().map(|ip| ip.to_string());
    }
    if let Ok(ip) = authority.parse::<IpAddr>() {
        return Some(ip.to_string());
    }
    let host = authority.split(':').next()?.trim_end_matches('.').to_lowercase();
    let valid = host.contains('.')
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty() && label.len() <= 63 && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if !valid {
        return None;
    }
    Some(host.strip_prefix("www.").map(str::to_string).unwrap_or(host))
}

/// `disdik.kukarkab.go.id` → `kukarkab.go.id`: the last two labels, or three under Indonesia's
/// second-level domains (`go.id`, `co.id`, …) and a few other common ones. A heuristic, not the
/// public-suffix list.
pub fn registrable(host: &str) -> String {
    let host = host.trim_end_matches('.').to_lowercase();
    if host.parse::<std::net::IpAddr>().is_ok() {
        return host;
    }
    let labels: Vec<&str> = host.split('.').collect();
    const SECOND_LEVEL: [&str; 16] = [
        "go.id",
        "co.id",
        "ac.id",
        "or.id",
        "web.id",
        "sch.id",
        "net.id",
        "mil.id",
        "desa.id",
        "my.id",
        "biz.id",
        "ponpes.id",
        "co.uk",
        "ac.uk",
        "com.au",
        "com.sg",
    ];
    let n = labels.len();
    let keep = if n >= 3 && SECOND_LEVEL.contains(&labels[n - 2..].join(".").as_str()) { 3 } else { 2 };
    labels[n.saturating_sub(keep)..].join(".")
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn finds_the_host() {
        assert_eq!(host_of("https://WWW.Disdik.Kukarkab.go.id/berita?id=1").as_deref(), Some("disdik.kukarkab.go.id"));
        assert_eq!(host_of("disdik.kukarkab.go.id/admin").as_deref(), Some("disdik.kukarkab.go.id"));
        assert_eq!(host_of("http://user:pw@portal.kukarkab.go.id:8443/x").as_deref(), Some("portal.kukarkab.go.id"));
        assert_eq!(host_of("103.10.20.30").as_deref(), Some("103.10.20.30"));
        assert_eq!(host_of("http://[2001:db8::1]:80/").as_deref(), Some("2001:db8::1"));
        assert_eq!(host_of("Aplikasi SIMPEG"), None);
        assert_eq!(host_of("localhost"), None);
        assert_eq!(host_of(""), None);
    }
}
