//! The deployment's own names (the government and the agency), for the texts that name them. The
//! server writes the configured names into the page (`<meta name="ttis-government">` and
//! `<meta name="ttis-agency">`), so they are there before the first render without a request;
//! the catalogues carry `{government}`, `{agency}` and `{region}` where a name goes.

use std::sync::OnceLock;

use ttis_shared::i18n::title_case;

struct Names {
    /// `Pemerintah Kabupaten Kutai Kartanegara`.
    government: String,
    /// `Dinas Komunikasi dan Informatika`.
    agency: String,
    /// `Kabupaten Kutai Kartanegara`: the government without `Pemerintah`.
    region: String,
}

static NAMES: OnceLock<Names> = OnceLock::new();

fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document.query_selector(&format!("meta[name=\"{name}\"]")).ok()??;
    let content = element.get_attribute("content")?;
    // An unfilled page (the server always fills it) still reads sensibly.
    (!content.trim().is_empty() && !content.contains("{{")).then(|| title_case(content.trim()))
}

fn names() -> &'static Names {
    NAMES.get_or_init(|| {
        let government = meta("ttis-government").unwrap_or_else(|| "Pemerintah Daerah".into());
        let agency = meta("ttis-agency").unwrap_or_else(|| "Dinas Komunikasi dan Informatika".into());
        let region = government.strip_prefix("Pemerintah ").unwrap_or(&government).to_string();
        Names { government, agency, region }
    })
}

/// `text` with the deployment's names in place of `{government}`, `{agency}` and `{region}`.
pub fn fill(text: &str) -> String {
    let n = names();
    text.replace("{government}", &n.government).replace("{agency}", &n.agency).replace("{region}", &n.region)
}
