//! How long a letter and a certificate take to render with warm fonts and a compiled template:
//! `cargo bench -p ttis-api --bench render`. Prints p50, p95 and max over 40 renders each.

use std::path::Path;
use std::time::{Duration, Instant};

use ttis_api::documents::{Documents, sample};
use ttis_shared::dto::documents::DocumentKind;

fn main() -> anyhow::Result<()> {
    let started = Instant::now();
    let documents = Documents::load(Path::new("/nonexistent"))?;
    println!("templates compiled and fonts loaded in {:?}", started.elapsed());
    for (name, kind) in
        [("letter (signed)", DocumentKind::NotificationLetter), ("certificate", DocumentKind::Certificate)]
    {
        // Warm up: the first render lays out the fonts and fills typst's caches.
        for _ in 0..3 {
            documents.template(kind).render(sample::letter(true))?;
        }
        let mut times: Vec<Duration> = Vec::new();
        for _ in 0..40 {
            let t = Instant::now();
            let pdf = documents.template(kind).render(sample::letter(true))?;
            times.push(t.elapsed());
            anyhow::ensure!(pdf.starts_with(b"%PDF-"));
        }
        times.sort();
        let pick = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!("{name}: p50 {:?}, p95 {:?}, max {:?}", pick(0.5), pick(0.95), pick(1.0));
    }
    Ok(())
}
