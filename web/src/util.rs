//! Small browser helpers: the clock (chrono's own clock does not run in wasm32), local times,
//! sizes, a pause that lets the page repaint, and the clipboard.

use chrono::{DateTime, Utc};
use js_sys::{Date, Object, Promise, Reflect};
use ttis_shared::Lang;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Now, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(Date::now() as i64).unwrap_or_default()
}

/// Now as a `datetime-local` value (`YYYY-MM-DDTHH:MM`, the browser's local time).
pub fn local_input_now() -> String {
    let d = Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The browser's time zone as a reporter in Indonesia reads it: ` (WIB, UTC+7)`, ` (WITA,
/// UTC+8)`, ` (WIT, UTC+9)`, or the bare offset elsewhere. A time entered in the form is read in
/// it and stored as an instant, so a letter prints it in the agency's own zone correctly.
pub fn local_zone_label(lang: ttis_shared::Lang) -> String {
    let what = lang.pick("zona waktu perangkat Anda", "your device's time zone");
    let (zone, offset) = local_zone();
    match zone {
        Some(z) => format!(" ({what}: {z}, {offset})"),
        None => format!(" ({what}: {offset})"),
    }
}

/// The browser's time zone: its Indonesian name when it is one (WIB, WITA, WIT), and its offset.
fn local_zone() -> (Option<&'static str>, String) {
    // `getTimezoneOffset` is minutes *behind* UTC: -480 in Makassar.
    let minutes = -(Date::new_0().get_timezone_offset() as i64);
    let (h, m) = (minutes / 60, (minutes % 60).abs());
    let offset = if m == 0 { format!("UTC{h:+}") } else { format!("UTC{h:+}:{m:02}") };
    let zone = match minutes {
        420 => Some("WIB"),
        480 => Some("WITA"),
        540 => Some("WIT"),
        _ => None,
    };
    (zone, offset)
}

/// The short name of the zone a shown time is in (`WITA`, or `UTC+2` outside Indonesia): Indonesia
/// has three, so a time never goes without it.
pub fn zone_abbreviation() -> String {
    let (zone, offset) = local_zone();
    zone.map(str::to_string).unwrap_or(offset)
}

/// A `datetime-local` value, read in the browser's local time zone, as UTC.
pub fn parse_local(value: &str) -> Option<DateTime<Utc>> {
    let v = value.trim();
    // Only the shapes a datetime-local input produces; `Date` would accept much more.
    let shaped = v.len() >= 16 && v.as_bytes().get(10) == Some(&b'T') && !v.ends_with('Z');
    if !shaped {
        return None;
    }
    let ms = Date::new(&JsValue::from_str(v)).get_time();
    if ms.is_nan() {
        return None;
    }
    DateTime::from_timestamp_millis(ms as i64)
}

fn locale(lang: Lang) -> &'static str {
    lang.pick("id-ID", "en-GB")
}

/// A date and time for people, in their local time zone (named: `6 Desember 2026 pukul 08.15 WITA`) and language.
pub fn format_datetime(at: &DateTime<Utc>, lang: Lang) -> String {
    let d = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    format!("{} {}", String::from(d.to_locale_string(locale(lang), &options)), zone_abbreviation())
}

/// A time of day for people (`14.03 WITA`, `14:03 WIB`), in their local time zone (named) and language.
pub fn format_time(at: &DateTime<Utc>, lang: Lang) -> String {
    format!("{} {}", format_clock(at, lang), zone_abbreviation())
}

/// A time of day without its zone (`14.03`), for a table whose heading names the zone once.
pub fn format_clock(at: &DateTime<Utc>, lang: Lang) -> String {
    let d = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let options = Object::new();
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(d.to_locale_time_string_with_options(locale(lang), &options))
}

/// A date for people (`29 November 2026`), in their local time zone and language.
pub fn format_date(at: &DateTime<Utc>, lang: Lang) -> String {
    let d = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    String::from(d.to_locale_date_string(locale(lang), &options))
}

/// A calendar day for people (`29 November 2026`).
pub fn format_day(day: &chrono::NaiveDate, lang: Lang) -> String {
    let d = Date::new_with_year_month_day(
        chrono::Datelike::year(day) as u32,
        chrono::Datelike::month0(day) as i32,
        chrono::Datelike::day(day) as i32,
    );
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    String::from(d.to_locale_date_string(locale(lang), &options))
}

/// A `date` input value (`YYYY-MM-DD`) as a calendar day.
pub fn parse_day(value: &str) -> Option<chrono::NaiveDate> {
    let mut parts = value.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

/// This month as a `month` input value (`YYYY-MM`, the browser's local month).
pub fn local_month_now() -> String {
    let d = Date::new_0();
    format!("{:04}-{:02}", d.get_full_year(), d.get_month() + 1)
}

/// The start (local midnight, in the browser's time zone) of a calendar day, as UTC.
pub fn day_start(day: &chrono::NaiveDate) -> Option<DateTime<Utc>> {
    let d = Date::new_with_year_month_day(
        chrono::Datelike::year(day) as u32,
        chrono::Datelike::month0(day) as i32,
        chrono::Datelike::day(day) as i32,
    );
    let ms = d.get_time();
    if ms.is_nan() { None } else { DateTime::from_timestamp_millis(ms as i64) }
}

/// A month (`2026-11`) for people: `Nov 2026` (`short`) or `November 2026`; the text as given when
/// it is not a month.
pub fn format_month(month: &str, lang: Lang, short: bool) -> String {
    let mut parts = month.trim().splitn(2, '-');
    let (Some(Ok(y)), Some(Ok(m))) = (parts.next().map(str::parse::<u32>), parts.next().map(str::parse::<i32>)) else {
        return month.to_string();
    };
    if !(1..=12).contains(&m) {
        return month.to_string();
    }
    let d = Date::new_with_year_month_day(y, m - 1, 1);
    let options = Object::new();
    let _ = Reflect::set(&options, &"month".into(), &(if short { "short" } else { "long" }).into());
    let _ = Reflect::set(&options, &"year".into(), &"numeric".into());
    String::from(d.to_locale_date_string(locale(lang), &options))
}

/// A month's name alone (`Nov`), for chart axes.
pub fn month_name(month: &str, lang: Lang) -> String {
    let m = month.trim().rsplit('-').next().and_then(|m| m.parse::<i32>().ok()).filter(|m| (1..=12).contains(m));
    let Some(m) = m else {
        return month.to_string();
    };
    let d = Date::new_with_year_month_day(2000, m - 1, 1);
    let options = Object::new();
    let _ = Reflect::set(&options, &"month".into(), &"short".into());
    String::from(d.to_locale_date_string(locale(lang), &options))
}

/// Asks the person to confirm (the browser's own dialog); `false` when no dialog can be shown.
pub fn confirm(text: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(text).ok()).unwrap_or(false)
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// A byte count for people (`1,5 MB` in Indonesian, `1.5 MB` in English).
pub fn format_bytes(bytes: u64, lang: Lang) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let text = if unit == 0 { format!("{bytes}") } else { format!("{value:.1}") };
    let text = match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    };
    format!("{text} {}", UNITS[unit])
}

/// Waits `ms` milliseconds, letting the browser paint what changed.
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Puts `text` on the clipboard; `false` where the browser offers no clipboard (plain http).
pub async fn copy_text(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let has_clipboard =
        Reflect::get(&navigator, &"clipboard".into()).map(|c| !c.is_undefined() && !c.is_null()).unwrap_or(false);
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

/// Moves keyboard focus to the element with `id` (after an error, to the first field to fix).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Scrolls to the top of the page (a new step of the form starts there).
pub fn scroll_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// A date and time to the second, for logs (`29 Nov 2026 14.03.27`), in the browser's time zone.
pub fn format_timestamp(at: &DateTime<Utc>, lang: Lang) -> String {
    let d = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"medium".into());
    format!("{} {}", String::from(d.to_locale_string(locale(lang), &options)), zone_abbreviation())
}

/// `s` as one part of a URL (a path segment or a query value).
pub fn url_component(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

/// Standard base64 (RFC 4648, with padding), for `data:` URLs.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A browser's `User-Agent` in a few words: `Firefox 128 · Linux`; the start of it when it names
/// no known browser.
pub fn short_user_agent(ua: &str) -> String {
    let major = |marker: &str| -> Option<String> {
        let at = ua.find(marker)? + marker.len();
        let digits: String = ua.get(at..)?.chars().take_while(char::is_ascii_digit).collect();
        Some(digits)
    };
    const BROWSERS: [(&str, &str); 7] = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("FxiOS/", "Firefox"),
        ("Firefox/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Chromium/", "Chromium"),
    ];
    let browser = BROWSERS
        .iter()
        .find_map(|(marker, name)| major(marker).map(|v| (*name, v)))
        .or_else(|| ua.contains("Safari/").then(|| ("Safari", major("Version/").unwrap_or_default())))
        .map(|(name, v)| if v.is_empty() { name.to_string() } else { format!("{name} {v}") });
    let os = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find_map(|(marker, name)| ua.contains(marker).then_some(name));
    match (browser, os) {
        (Some(b), Some(o)) => format!("{b} · {o}"),
        (Some(b), None) => b,
        _ => {
            let start: String = ua.chars().take(40).collect();
            if start.len() < ua.len() { format!("{start}…") } else { start }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"<svg/>"), "PHN2Zy8+");
    }

    #[test]
    fn user_agents_in_few_words() {
        let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
        assert_eq!(short_user_agent(firefox), "Firefox 128 · Linux");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
        assert_eq!(short_user_agent(edge), "Edge 131 · Windows");
        let safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
        assert_eq!(short_user_agent(safari), "Safari 17 · iOS");
        assert_eq!(short_user_agent("curl/8.5.0"), "curl/8.5.0");
    }
}
