//! Documents the platform writes: rendered to PDF by typst (used as a library) from templates in
//! `api/templates/`, which an operator can override with files of the same name in
//! `<data dir>/templates/` without rebuilding. Fonts are the ones embedded in the build
//! (typst-assets: Libertinus Serif and friends), never the host's.

use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, anyhow};
use typst::foundations::{Array, Dict, IntoValue, Value};
use typst_as_lib::TypstEngine;
use typst_as_lib::typst_kit_options::TypstKitFontOptions;

pub mod dates;

const ANALYSIS_TEMPLATE: &str = include_str!("../../templates/analysis.typ");

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

    fn into_dict(self) -> Dict {
        let mut dict = Dict::new();
        for (k, v) in self.0 {
            dict.insert(k.into(), v);
        }
        dict
    }
}

/// One compiled template, kept warm (fonts loaded once).
pub struct Template {
    engine: TypstEngine<typst_as_lib::TypstTemplateMainFile>,
}

impl Template {
    fn new(source: String) -> Template {
        let engine = TypstEngine::builder()
            .main_file(source)
            .search_fonts_with(TypstKitFontOptions::new().include_system_fonts(false).include_embedded_fonts(true))
            .build();
        Template { engine }
    }

    /// Renders the template with `inputs` to PDF bytes. CPU-bound: call it on the blocking pool.
    pub fn render(&self, inputs: Inputs) -> anyhow::Result<Vec<u8>> {
        let warned = self.engine.compile_with_input::<_, typst_layout::PagedDocument>(inputs.into_dict());
        let document = warned.output.map_err(|e| anyhow!("typst: {e:?}"))?;
        typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|e| anyhow!("typst pdf: {e:?}"))
    }
}

/// The templates this deployment uses.
pub struct Documents {
    pub analysis: Template,
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
        Ok(Arc::new(Documents { analysis: Template::new(source("analysis.typ", ANALYSIS_TEMPLATE)?) }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in template compiles with embedded fonts only. Set `TTIS_SAMPLE_PDF=<path>` to
    /// keep the result for a look.
    #[test]
    fn the_analysis_template_renders_a_pdf() {
        let docs = Documents::load(Path::new("/nonexistent")).unwrap();
        let inputs = Inputs::default()
            .text("government", "PEMERINTAH KABUPATEN KUTAI KARTANEGARA")
            .text("agency", "DINAS KOMUNIKASI DAN INFORMATIKA")
            .text("contact", "https://ttis.kukarkab.go.id · ttis@kukarkab.go.id")
            .text("code", "TTIS-2026-000123")
            .text("title", "Halaman utama situs dinas diubah (deface) #not-markup *x* $y$")
            .text("kind", "Insiden")
            .text("category", "Web Defacement (Deface) (web_defacement)")
            .text("severity", "Tinggi")
            .text("cvss", "8.2 (CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:N)")
            .text("asset", "https://disdik.kukarkab.go.id/")
            .text("pse", "Dinas Pendidikan Kabupaten Kutai Kartanegara")
            .text("submitted", "28 November 2026")
            .text("tlp", "amber")
            .text("meeting_date", "28 November 2026")
            .list("attendees", ["Rina Analis".to_string(), "Budi Analis".to_string()])
            .text("decision", "Sesuai: deface terkonfirmasi.")
            .text("minutes", "Tim memeriksa tangkapan layar dan arsip halaman.")
            .text("findings", "Halaman utama diganti dengan pesan peretas melalui celah unggah berkas.")
            .text("recommendations", "Pulihkan dari cadangan, tutup celah unggah, ganti kata sandi admin.")
            .text("analyst", "Rina Analis")
            .text("city", "Tenggarong")
            .text("date", "29 November 2026");
        let pdf = docs.analysis.render(inputs).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        if let Ok(path) = std::env::var("TTIS_SAMPLE_PDF") {
            std::fs::write(path, &pdf).unwrap();
        }
    }
}
