//! The SPA in headless Chromium, as a person uses it.

use fantoccini::Locator;
use ttis_tests::browser::Browser;
use ttis_tests::{ADMIN_EMAIL, ADMIN_PASSWORD, Backend, TestApp, workspace_root};

fn spa_built() {
    let index = workspace_root().join("web/dist/index.html");
    assert!(
        index.exists(),
        "the SPA is not built ({}); run `cargo xtask build-web` or `cargo xtask test`",
        index.display()
    );
}

#[tokio::test]
async fn staff_sign_in_and_out_through_the_spa() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        c.goto(&app.url("/staff/login")).await?;
        browser.find("#login-email").await?.send_keys(ADMIN_EMAIL).await?;
        browser.find("#login-password").await?.send_keys("a-wrong-password").await?;
        browser.find("#login-submit").await?.click().await?;
        browser.wait_for_text("#login-error", "Email atau kata sandi salah").await?;

        let password = browser.find("#login-password").await?;
        password.clear().await?;
        password.send_keys(ADMIN_PASSWORD).await?;
        browser.find("#login-submit").await?.click().await?;
        let who = browser.wait_for_text("#current-user", "Administrator").await?;
        assert!(who.contains("Administrator"), "{who}");
        assert!(c.current_url().await?.path().starts_with("/staff"), "on the dashboard");

        // The access token is kept in memory only.
        let stored = c
            .execute("return JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage);", vec![])
            .await?;
        assert!(!stored.as_str().unwrap_or_default().contains("eyJ"), "token found in web storage: {stored}");

        // A reload restores the session from the HttpOnly refresh cookie.
        c.refresh().await?;
        browser.wait_for_text("#current-user", "Administrator").await?;

        browser.find("#logout-button").await?.click().await?;
        browser.find("#login-email").await?;
        c.goto(&app.url("/staff")).await?;
        browser.find("#login-email").await?;
        Ok::<(), anyhow::Error>(())
    }
    .await;
    let shot = c_screenshot(&browser).await;
    browser.close().await;
    if let Err(e) = result {
        panic!("{e:#}{shot}");
    }
}

#[tokio::test]
async fn the_public_pages_render_in_both_languages() {
    spa_built();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let browser = Browser::start().await.unwrap_or_else(|e| panic!("{e:#}"));
    let result = async {
        let c = &browser.client;
        c.goto(&app.url("/")).await?;
        browser.wait_for_text("body", "Lapor Insiden Siber").await?;
        browser.find("#lang-switch").await?.click().await?;
        browser.wait_for_text("body", "Report a cyber incident").await?;
        for path in ["/report", "/track", "/hall-of-fame", "/verify"] {
            c.goto(&app.url(path)).await?;
            let h1 = browser.find("h1").await?.text().await?;
            assert!(!h1.trim().is_empty(), "{path} has a title");
        }
        let missing = c.find(Locator::Css("#login-email")).await;
        assert!(missing.is_err());
        Ok::<(), anyhow::Error>(())
    }
    .await;
    let shot = c_screenshot(&browser).await;
    browser.close().await;
    if let Err(e) = result {
        panic!("{e:#}{shot}");
    }
}

/// Saves a screenshot for a failing test and says where.
async fn c_screenshot(browser: &Browser) -> String {
    match browser.client.screenshot().await {
        Ok(png) => {
            let path = std::env::temp_dir().join(format!("ttis-browser-{}.png", std::process::id()));
            match std::fs::write(&path, png) {
                Ok(()) => format!("\n(screenshot: {})", path.display()),
                Err(_) => String::new(),
            }
        }
        Err(_) => String::new(),
    }
}
