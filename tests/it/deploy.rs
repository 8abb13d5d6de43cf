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

#[test]
fn the_dockerfile_builds_the_spa_and_runs_in_production_mode() {
    let text = std::fs::read_to_string(workspace_root().join("Dockerfile")).unwrap_or_default();
    assert!(text.contains("cargo xtask build-web"));
    assert!(text.contains("TTIS_MODE=production"));
    assert!(text.contains("USER ttis"), "the runtime does not run as root");
}
