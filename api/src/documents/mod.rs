//! Documents the platform writes: rendered to PDF by typst (used as a library) from templates in
//! `api/templates/`, which an operator can override with files of the same name in
//! `<data dir>/templates/` without rebuilding. `common.typ` (letterhead, TLP label, signature
//! block) is put in front of each template. Fonts are the ones embedded in the build
//! (typst-assets: Libertinus Serif and friends), never the host's.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, anyhow};
use typst::foundations::{Array, Bytes, Dict, IntoValue, Value};
use typst_as_lib::TypstEngine;
use typst_as_lib::typst_kit_options::TypstKitFontOptions;

pub mod dates;
pub mod sample;
pub mod signer;

const COMMON_TEMPLATE: &str = include_str!("../../templates/common.typ");
const ANALYSIS_TEMPLATE: &str = include_str!("../../templates/analysis.typ");
const LETTER_TEMPLATE: &str = include_str!("../../templates/letter.typ");
/// The letter's section on a personal-data controller's obligations (UU PDP).
const PDP_TEMPLATE: &str = include_str!("../../templates/pdp.typ");
const CERTIFICATE_TEMPLATE: &str = include_str!("../../templates/certificate.typ");
const RECAP_TEMPLATE: &str = include_str!("../../templates/recap.typ");
/// The letterhead's emblem until an admin uploads the agency's logo.
pub const DEFAULT_EMBLEM: &[u8] = include_bytes!("../../templates/emblem.svg");

/// A template's data: names and texts (strings) and lists of strings.
#[derive(Debug, Clone, Default)]
pub struct Inputs(Vec<(&'static str, Value)>);

impl Inputs {
    pub fn text(mut self, key: &'static str, value: impl Into<String>) -> Self {
        self.0.push((key, value.into().into_value()));
        self
    }

    pub fn list(mut self, key: &'static str, values: impl IntoIterator<Item = String>) -> Self {
        let array: Array = values.into_iter().map(IntoValue::into_value).collect();
        self.0.push((key, Value::Array(array)));
        self
    }

    pub fn flag(mut self, key: &'static str, value: bool) -> Self {
        self.0.push((key, Value::Bool(value)));
        self
    }

    pub fn bytes(mut self, key: &'static str, value: Vec<u8>) -> Self {
        self.0.push((key, Value::Bytes(Bytes::new(value))));
        self
    }

    /// Adds (or, when present, replaces) everything in `other`.
    pub fn merge(mut self, other: Inputs) -> Self {
        for (k, v) in other.0 {
            self.0.retain(|(key, _)| *key != k);
            self.0.push((k, v));
        }
        self
    }

    fn into_dict(self) -> Dict {
        let mut dict = Dict::new();
        for (k, v) in self.0 {
            dict.insert(k.into(), v);
        }
        dict
    }
}

/// One template, its engine (with the fonts) made at the first render and kept warm after: a
/// server that renders nothing does not hold four engines' fonts in memory.
pub struct Template {
    source: String,
    engine: std::sync::OnceLock<TypstEngine<typst_as_lib::TypstTemplateMainFile>>,
}

impl Template {
    fn new(source: String) -> Template {
        Template { source, engine: std::sync::OnceLock::new() }
    }

    fn engine(&self) -> &TypstEngine<typst_as_lib::TypstTemplateMainFile> {
        self.engine.get_or_init(|| {
            TypstEngine::builder()
                .main_file(self.source.clone())
                .search_fonts_with(TypstKitFontOptions::new().include_system_fonts(false).include_embedded_fonts(true))
                .build()
        })
    }

    /// Renders the template with `inputs` to PDF bytes. CPU-bound: call it on the blocking pool.
    pub fn render(&self, inputs: Inputs) -> anyhow::Result<Vec<u8>> {
        let warned = self.engine().compile_with_input::<_, typst_layout::PagedDocument>(inputs.into_dict());
        let document = warned.output.map_err(|e| anyhow!("typst: {e:?}"))?;
        typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|e| anyhow!("typst pdf: {e:?}"))
    }
}

/// The templates this deployment uses.
pub struct Documents {
    pub analysis: Template,
    pub letter: Template,
    pub certificate: Template,
    /// *Rekapitulasi Laporan Insiden Siber*, the monthly recap.
    pub recap: Template,
}

impl Documents {
    /// Loads each template from `<data dir>/templates/<name>.typ` when present, else the built-in one.
    pub fn load(data_dir: &Path) -> anyhow::Result<Arc<Documents>> {
        let source = |name: &str, builtin: &str| -> anyhow::Result<String> {
            let path = data_dir.join("templates").join(name);
            if path.exists() {
                std::fs::read_to_string(&path).with_context(|| format!("reading the template {}", path.display()))
            } else {
                Ok(builtin.to_string())
            }
        };
        let common = source("common.typ", COMMON_TEMPLATE)?;
        let template = |name: &str, builtin: &str| -> anyhow::Result<Template> {
            Ok(Template::new(format!("{common}\n{}", source(name, builtin)?)))
        };
        let pdp = source("pdp.typ", PDP_TEMPLATE)?;
        Ok(Arc::new(Documents {
            analysis: template("analysis.typ", ANALYSIS_TEMPLATE)?,
            letter: Template::new(format!("{common}\n{pdp}\n{}", source("letter.typ", LETTER_TEMPLATE)?)),
            certificate: template("certificate.typ", CERTIFICATE_TEMPLATE)?,
            recap: template("recap.typ", RECAP_TEMPLATE)?,
        }))
    }
}

impl Documents {
    /// The template of a document kind.
    pub fn template(&self, kind: ttis_shared::dto::documents::DocumentKind) -> &Template {
        use ttis_shared::dto::documents::DocumentKind;
        match kind {
            DocumentKind::AnalysisReport => &self.analysis,
            DocumentKind::NotificationLetter => &self.letter,
            DocumentKind::Certificate => &self.certificate,
        }
    }
}

/// A QR code as SVG, for `image(bytes(..), format: "svg")` in a template.
pub fn qr_svg(data: &str) -> anyhow::Result<String> {
    let code = qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M)
        .map_err(|e| anyhow!("QR code: {e}"))?;
    Ok(code.render::<qrcode::render::svg::Color>().min_dimensions(240, 240).quiet_zone(true).build())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
