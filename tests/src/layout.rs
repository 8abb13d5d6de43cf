//! Whether a page fits the screen, for the layout tests and any browser test that shows a page
//! people read on phones: at 390, 1024, 1366 and 1920 px the page never scrolls sideways, no two
//! cards or panels overlap, nothing sticks out of its card and no table has to be scrolled to be
//! read. Screenshots of every width are kept with `TTIS_SCREENSHOT_DIR` (whole pages).

use crate::TestApp;
use crate::browser::Browser;

pub const WIDTHS: [u32; 4] = [390, 1024, 1366, 1920];

/// What is wrong with the page's layout, as sentences (empty when it fits). Cards are the
/// page's panels and cards; one inside another is not an overlap.
pub const LAYOUT_PROBLEMS: &str = r#"
    const vw = window.innerWidth;
    const problems = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > vw) problems.push(`the page scrolls sideways: ${doc.scrollWidth} px in ${vw} px`);
    const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const name = e => {
        const h = e.querySelector('h1, h2, h3, caption, legend');
        return (e.id ? '#' + e.id : e.tagName.toLowerCase() + '.' + [...e.classList].join('.'))
            + (h ? ` ("${h.textContent.trim().slice(0, 40)}")` : '');
    };
    const cards = [...document.querySelectorAll('.panel, .card, .stat-card, .user-box, .state-card, .empty-state')]
        .filter(visible);
    const rects = cards.map(e => [e, e.getBoundingClientRect()]);
    for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) {
            const [a, ra] = rects[i];
            const [b, rb] = rects[j];
            if (a.contains(b) || b.contains(a)) continue;
            const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
            const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
            if (w > 1 && h > 1) problems.push(`${name(a)} and ${name(b)} overlap (${Math.round(w)}×${Math.round(h)} px)`);
        }
    }
    for (const [e, r] of rects) {
        if (e.scrollWidth > e.clientWidth + 1) {
            problems.push(`${name(e)}: its content is ${e.scrollWidth} px wide in ${e.clientWidth} px`);
        }
        if (r.left < -1 || r.right > vw + 1) problems.push(`${name(e)} lies outside the window (${Math.round(r.left)}..${Math.round(r.right)})`);
    }
    for (const wrap of [...document.querySelectorAll('.table-wrap')].filter(visible)) {
        if (wrap.scrollWidth > wrap.clientWidth + 1) {
            problems.push(`${name(wrap.querySelector('table') || wrap)} must be scrolled sideways: ${wrap.scrollWidth} px in ${wrap.clientWidth} px`);
        }
    }
    for (const svg of [...document.querySelectorAll('svg.chart')].filter(visible)) {
        const box = svg.getBoundingClientRect();
        for (const text of svg.querySelectorAll('text')) {
            const r = text.getBoundingClientRect();
            if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1)) {
                problems.push(`${name(svg.closest('.panel') || svg)}: "${text.textContent.trim().slice(0, 40)}" runs out of its chart`);
            }
        }
    }
    for (const cell of [...document.querySelectorAll('td.cell-email')].filter(visible)) {
        const text = document.createRange();
        text.selectNodeContents(cell);
        const lines = text.getBoundingClientRect().height / parseFloat(getComputedStyle(cell).lineHeight);
        if (lines > 3.5) problems.push(`the email ${cell.textContent.trim()} wraps over ${Math.round(lines)} lines`);
    }
    return problems;
"#;

/// Makes the page's viewport `width` px wide (the window's frame, if any, added).
pub async fn set_width(browser: &Browser, width: u32) -> anyhow::Result<()> {
    let c = &browser.client;
    c.set_window_size(width, 900).await?;
    let inner = c.execute("return window.innerWidth;", vec![]).await?.as_u64().unwrap_or(u64::from(width));
    let frame = u32::try_from(u64::from(width).saturating_sub(inner)).unwrap_or(0);
    if frame > 0 {
        c.set_window_size(width + frame, 900).await?;
    }
    Ok(())
}

/// With `TTIS_SCREENSHOT_DIR` set, keeps a screenshot of the whole page (the window made as tall
/// as the page for it, then put back).
pub async fn keep_full_page(browser: &Browser, name: &str, width: u32) -> anyhow::Result<()> {
    if std::env::var_os("TTIS_SCREENSHOT_DIR").is_none() {
        return Ok(());
    }
    let c = &browser.client;
    let height = c.execute("return document.documentElement.scrollHeight;", vec![]).await?.as_u64().unwrap_or(900);
    let (w, _) = c.get_window_size().await?;
    c.set_window_size(u32::try_from(w).unwrap_or(width), u32::try_from(height.min(8000)).unwrap_or(900)).await?;
    browser.keep_screenshot(name).await;
    c.set_window_size(u32::try_from(w).unwrap_or(width), 900).await?;
    Ok(())
}

/// Opens `path` at each width, waits for `ready` (a CSS selector), and collects what does not fit;
/// the document's title must be `title`.
pub async fn check_page(
    browser: &Browser,
    app: &TestApp,
    path: &str,
    ready: &str,
    title: &str,
    shot: &str,
) -> anyhow::Result<()> {
    let c = &browser.client;
    let mut failures = Vec::new();
    for width in WIDTHS {
        set_width(browser, width).await?;
        c.goto(&app.url(path)).await?;
        browser.find(ready).await?;
        wait_for_title(browser, title).await?;
        // Let previews and late answers arrive, and fonts settle.
        tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
        let problems = c.execute(LAYOUT_PROBLEMS, vec![]).await?;
        let problems: Vec<String> = serde_json::from_value(problems).unwrap_or_default();
        keep_full_page(browser, &format!("layout-{shot}-{width}"), width).await?;
        if !problems.is_empty() {
            failures.push(format!("{path} at {width} px:\n  - {}", problems.join("\n  - ")));
        }
    }
    anyhow::ensure!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

/// Waits (up to 10 s) until the document's title is `title`.
pub async fn wait_for_title(browser: &Browser, title: &str) -> anyhow::Result<()> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let now = browser.client.title().await?;
        if now == title {
            return Ok(());
        }
        anyhow::ensure!(std::time::Instant::now() < deadline, "the title is {now:?}, not {title:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
