//! How long a letter and a certificate take to render with warm fonts and a compiled template
//! (criterion): `cargo bench -p ttis-api --bench render`. `cargo xtask bench` reads the letter's
//! median from `target/criterion/letter_signed/new/estimates.json` (budget: 150 ms).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ttis_api::documents::{Documents, sample};
use ttis_shared::dto::documents::DocumentKind;

fn render(c: &mut Criterion) {
    let documents = match Documents::load(Path::new("/nonexistent")) {
        Ok(d) => d,
        Err(e) => panic!("loading the templates: {e:#}"),
    };
    let mut group = c.benchmark_group("render");
    group.sample_size(30);
    for (name, kind) in
        [("letter_signed", DocumentKind::NotificationLetter), ("certificate", DocumentKind::Certificate)]
    {
        // criterion warms up first: the first render lays out the fonts and fills typst's caches.
        group.bench_function(name, |b| {
            b.iter(|| match documents.template(kind).render(sample::letter(true)) {
                Ok(pdf) => assert!(pdf.starts_with(b"%PDF-")),
                Err(e) => panic!("render: {e:#}"),
            })
        });
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
