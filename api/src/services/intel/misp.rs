//! A MISP event in MISP's core format (`{"Event": {...}}`): the ticket's observables as
//! attributes (`to_ids` where the analyst marked an indicator), a `vulnerability` attribute per
//! CVE named, the `tlp:` tag and the category as an RSIT taxonomy tag. Uuids are deterministic,
//! so a second import updates the same event.

use serde_json::{Value, json};
use ttis_shared::dto::intel::ObservableKind;
use ttis_shared::dto::reports::Tlp;
use ttis_shared::dto::tickets::Severity;

use super::{Source, Subject};

/// MISP's `distribution`: who the event may reach, after its TLP.
fn distribution(tlp: Tlp) -> &'static str {
    match tlp {
        // All communities.
        Tlp::Clear => "3",
        // This community only.
        Tlp::Green => "1",
        // Your organisation only.
        Tlp::Amber | Tlp::AmberStrict | Tlp::Red => "0",
    }
}

/// MISP's `threat_level_id`: 1 high, 2 medium, 3 low, 4 undefined.
fn threat_level(severity: Option<Severity>) -> &'static str {
    match severity {
        Some(Severity::Kritis | Severity::Tinggi) => "1",
        Some(Severity::Sedang) => "2",
        Some(Severity::Rendah) => "3",
        None => "4",
    }
}

/// An observable's MISP attribute type and category.
fn attribute_type(kind: ObservableKind) -> (&'static str, &'static str) {
    match kind {
        ObservableKind::Url => ("url", "Network activity"),
        ObservableKind::Domain => ("domain", "Network activity"),
        ObservableKind::Ipv4 | ObservableKind::Ipv6 => ("ip-dst", "Network activity"),
        ObservableKind::Sha256 => ("sha256", "Payload delivery"),
    }
}

pub(super) fn event(src: &Source, s: &Subject) -> Value {
    let uuid = |key: &str| uuid::Uuid::new_v5(&src.namespace, format!("misp:{}:{key}", s.code).as_bytes()).to_string();
    let timestamp = s.modified_at.timestamp().to_string();
    let mut attributes: Vec<Value> = s
        .observables
        .iter()
        .map(|o| {
            let (type_, category) = attribute_type(o.kind);
            json!({
                "uuid": uuid(&format!("{}:{}", o.kind.as_str(), o.value)),
                "type": type_, "category": category, "value": o.value, "to_ids": o.indicator,
                "distribution": "5", "timestamp": timestamp,
                "comment": if o.added_by.is_none() { "Sistem terdampak yang dilaporkan" } else { "Ditambahkan tim TTIS" },
            })
        })
        .collect();
    for cve in &s.cves {
        attributes.push(json!({
            "uuid": uuid(cve), "type": "vulnerability", "category": "External analysis", "value": cve,
            "to_ids": false, "distribution": "5", "timestamp": timestamp,
        }));
    }
    json!({"Event": {
        "uuid": uuid("event"),
        "info": format!("[{}] {}", s.code, s.name),
        "date": s.verified_on.format("%Y-%m-%d").to_string(),
        "timestamp": timestamp,
        "threat_level_id": threat_level(s.severity),
        // 1 ongoing, 2 completed.
        "analysis": if s.completed { "2" } else { "1" },
        "distribution": distribution(s.tlp),
        "published": false,
        "Orgc": {"name": src.name, "uuid": uuid::Uuid::new_v5(&src.namespace, b"misp:org").to_string()},
        "Attribute": attributes,
        "Tag": [
            {"name": format!("tlp:{}", s.tlp.as_str())},
            {"name": s.category_tag},
        ],
    }})
}
