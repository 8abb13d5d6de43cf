//! The deployment files stay valid. There is no Docker engine here; Debian's `docker-compose`
//! checks the file without one (`cargo xtask test` installs it).

use std::process::Command;

use ttis_tests::workspace_root;

#[test]
fn docker_compose_file_is_valid_and_demands_its_secrets() {
    let file = workspace_root().join("docker-compose.yml");
    let run = |with_secrets: bool| {
        let mut cmd = Command::new("docker-compose");
        cmd.arg("-f").arg(&file).args(["config", "-q"]);
        for var in ["POSTGRES_PASSWORD", "TTIS_JWT_SECRET", "TTIS_SIGNING_KEY", "TTIS_PUBLIC_URL"] {
            cmd.env_remove(var);
        }
        if with_secrets {
            cmd.env("POSTGRES_PASSWORD", "pw")
                .env("TTIS_JWT_SECRET", "x".repeat(40))
                .env("TTIS_SIGNING_KEY", "ab".repeat(32));
        }
        cmd.output().unwrap_or_else(|e| panic!("docker-compose not available ({e}); `cargo xtask test` installs it"))
    };
    let ok = run(true);
    assert!(ok.status.success(), "docker-compose config: {}", String::from_utf8_lossy(&ok.stderr));
    let missing = run(false);
    assert!(!missing.status.success(), "the compose file must refuse to start without its secrets");
    assert!(String::from_utf8_lossy(&missing.stderr).contains("POSTGRES_PASSWORD"));
}

/// The `replicas` profile: nginx (with the shipped `deploy/nginx.conf`, the file the replica test
/// runs) in front of two API replicas on one database and one bucket, believing only the proxy's
/// forwarded address.
#[test]
fn the_replicas_profile_puts_two_apis_behind_the_proxy_on_one_bucket() {
    let file = workspace_root().join("docker-compose.yml");
    let out = Command::new("docker-compose")
        .arg("-f")
        .arg(&file)
        .args(["--profile", "replicas", "config"])
        .env("POSTGRES_PASSWORD", "pw")
        .env("TTIS_JWT_SECRET", "x".repeat(40))
        .env("TTIS_SIGNING_KEY", "ab".repeat(32))
        .output()
        .unwrap_or_else(|e| panic!("docker-compose not available ({e}); `cargo xtask test` installs it"));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Each service's block: from `  name:` to the next line indented by two spaces only.
    let mut blocks: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let top = !line.starts_with(' ') && !line.is_empty();
        let service_head = line.starts_with("  ") && !line.starts_with("   ") && line.ends_with(':');
        if top {
            current = None;
        } else if service_head {
            current = Some(line.trim().trim_end_matches(':').to_string());
        } else if let Some(name) = &current {
            let block = blocks.entry(name.clone()).or_default();
            block.push_str(line);
            block.push('\n');
        }
    }
    let service = |name: &str| blocks.get(name).cloned().unwrap_or_else(|| panic!("no service {name}: {text}"));
    let proxy = service("proxy");
    assert!(proxy.contains("deploy/nginx.conf:/etc/nginx/nginx.conf"), "{proxy}");
    let proxy_ip = proxy
        .lines()
        .find_map(|l| l.trim().strip_prefix("ipv4_address: "))
        .unwrap_or_else(|| panic!("the proxy has a fixed address: {proxy}"))
        .to_string();
    for name in ["api-1", "api-2"] {
        let api = service(name);
        assert!(api.contains(&format!("TTIS_TRUSTED_PROXIES: {proxy_ip}")), "{name} trusts the proxy only: {api}");
        assert!(api.contains("TTIS_STORE_URL: s3://ttis/"), "{name} keeps files in the bucket");
        assert!(api.contains("DATABASE_URL: postgres://"), "{name} on PostgreSQL");
        assert!(api.contains(&format!("TTIS_INSTANCE: {name}")), "{name} names itself in /metrics");
    }
    let nginx = std::fs::read_to_string(workspace_root().join("deploy/nginx.conf")).unwrap_or_default();
    assert!(nginx.contains("server api-1:8080") && nginx.contains("server api-2:8080"));
    assert!(nginx.contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"));
}

#[test]
fn the_dockerfile_builds_the_spa_and_runs_in_production_mode() {
    let text = std::fs::read_to_string(workspace_root().join("Dockerfile")).unwrap_or_default();
    assert!(text.contains("cargo xtask build-web"));
    assert!(text.contains("TTIS_MODE=production"));
    assert!(text.contains("USER ttis"), "the runtime does not run as root");
}
