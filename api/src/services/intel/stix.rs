//! STIX 2.1 (OASIS): the CSIRT as `identity`, each ticket as an `incident` with a `report` that
//! names all of its objects, its observables as `observed-data` with their SCOs (`url`,
//! `domain-name`, `ipv4-addr`, `ipv6-addr`, `file`), a `vulnerability` per CVE named, and an
//! `indicator` (STIX pattern, `based-on` its observation) for each observable the analyst marked.
//! Every object carries the ticket's TLP 2.0 marking definition by its standard id, and the
//! bundle holds those definitions as published in oasis-open/cti-stix-common-objects.
//!
//! Ids are deterministic (a UUIDv5 under the deployment's namespace; SCOs by the specification's
//! own namespace over their id-contributing properties), so a second export updates the same
//! objects rather than creating new ones.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use ttis_shared::dto::intel::ObservableKind;
use ttis_shared::dto::reports::Tlp;

use super::{Source, Subject};

/// The TLP 2.0 extension definition (oasis-open/cti-stix-common-objects).
const TLP2_EXTENSION: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

/// The namespace of SCO ids (STIX 2.1, section 2.9).
const SCO_NAMESPACE: uuid::Uuid = uuid::uuid!("00abedb4-aa42-466c-9c01-fed23315a9b7");

/// The TLP levels from the least to the most restricted.
const TLP_ORDER: [Tlp; 5] = [Tlp::Clear, Tlp::Green, Tlp::Amber, Tlp::AmberStrict, Tlp::Red];

/// The standard id of a TLP 2.0 marking definition.
pub fn tlp_marking_id(tlp: Tlp) -> &'static str {
    match tlp {
        Tlp::Clear => "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
        Tlp::Green => "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        Tlp::Amber => "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
        Tlp::AmberStrict => "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
        Tlp::Red => "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    }
}

/// The marking definition itself, as OASIS publishes it.
fn tlp_marking(tlp: Tlp) -> Value {
    json!({
        "type": "marking-definition",
        "spec_version": "2.1",
        "id": tlp_marking_id(tlp),
        "created": "2022-10-01T00:00:00.000Z",
        "name": format!("TLP:{}", tlp.as_str().to_uppercase()),
        "extensions": {TLP2_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": tlp.as_str()}},
    })
}

/// A STIX timestamp: UTC, milliseconds, `Z`.
fn ts(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

fn sdo_id(src: &Source, kind: &str, key: &str) -> String {
    format!("{kind}--{}", uuid::Uuid::new_v5(&src.namespace, format!("{kind}:{key}").as_bytes()))
}

/// An SCO's type, id-contributing properties and the pattern that matches it.
fn sco(kind: ObservableKind, value: &str) -> (&'static str, Value, String) {
    let quoted = value.replace('\\', "\\\\").replace('\'', "\\'");
    match kind {
        ObservableKind::Url => ("url", json!({"value": value}), format!("[url:value = '{quoted}']")),
        ObservableKind::Domain => ("domain-name", json!({"value": value}), format!("[domain-name:value = '{quoted}']")),
        ObservableKind::Ipv4 => ("ipv4-addr", json!({"value": value}), format!("[ipv4-addr:value = '{quoted}']")),
        ObservableKind::Ipv6 => ("ipv6-addr", json!({"value": value}), format!("[ipv6-addr:value = '{quoted}']")),
        ObservableKind::Sha256 => {
            ("file", json!({"hashes": {"SHA-256": value}}), format!("[file:hashes.'SHA-256' = '{quoted}']"))
        }
    }
}

/// The SCO with its deterministic id: UUIDv5 over the canonical JSON of the id-contributing
/// properties (one key, or `hashes` with one key: serde_json's output is already canonical).
fn sco_object(kind: ObservableKind, value: &str, marking: &str) -> (String, Value, String) {
    let (type_, contributing, pattern) = sco(kind, value);
    let id = format!("{type_}--{}", uuid::Uuid::new_v5(&SCO_NAMESPACE, contributing.to_string().as_bytes()));
    let mut object = json!({"type": type_, "spec_version": "2.1", "id": id, "object_marking_refs": [marking]});
    if let (Some(o), Some(props)) = (object.as_object_mut(), contributing.as_object()) {
        for (k, v) in props {
            o.insert(k.clone(), v.clone());
        }
    }
    (id, object, pattern)
}

/// A ticket's objects (without the identity and the marking definitions).
fn ticket_objects(src: &Source, identity: &str, s: &Subject) -> Vec<Value> {
    let marking = tlp_marking_id(s.tlp);
    let created = ts(s.verified_at);
    let modified = ts(s.modified_at);
    let common = |kind: &str, key: &str| {
        json!({
            "type": kind, "spec_version": "2.1", "id": sdo_id(src, kind, key),
            "created": created, "modified": modified, "created_by_ref": identity,
            "object_marking_refs": [marking],
        })
    };
    let with = |mut base: Value, extra: Value| {
        if let (Some(o), Some(e)) = (base.as_object_mut(), extra.as_object()) {
            for (k, v) in e {
                o.insert(k.clone(), v.clone());
            }
        }
        base
    };
    let mut labels = vec![s.category_tag.clone()];
    if let Some(severity) = s.severity {
        labels.push(format!("severity:{}", severity.as_str()));
    }
    let incident = with(
        common("incident", &s.code),
        json!({
            "name": s.name, "description": s.description, "labels": labels,
            "external_references": [{"source_name": "TTIS Lapor", "external_id": s.code}],
        }),
    );
    let incident_id = incident["id"].as_str().unwrap_or_default().to_string();
    let mut objects = vec![incident];

    let mut scos = Vec::new();
    let mut patterns = Vec::new();
    for o in &s.observables {
        let (id, object, pattern) = sco_object(o.kind, &o.value, marking);
        if !scos.iter().any(|(existing, _): &(String, Value)| *existing == id) {
            scos.push((id.clone(), object));
        }
        if o.indicator {
            patterns.push((o, id, pattern));
        }
    }
    let mut observed_id = None;
    if !scos.is_empty() {
        let first = ts(s.discovered_at.min(s.verified_at));
        let observed = with(
            common("observed-data", &s.code),
            json!({
                "first_observed": first, "last_observed": created, "number_observed": 1,
                "object_refs": scos.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(),
            }),
        );
        observed_id = observed["id"].as_str().map(str::to_string);
        objects.push(observed);
    }
    for (o, _sco_id, pattern) in &patterns {
        let key = format!("{}:{}:{}", s.code, o.kind.as_str(), o.value);
        let indicator = with(
            common("indicator", &key),
            json!({
                "name": o.value, "indicator_types": ["malicious-activity"],
                "pattern": pattern, "pattern_type": "stix", "pattern_version": "2.1",
                "valid_from": ts(o.created_at.min(s.modified_at)),
            }),
        );
        let indicator_id = indicator["id"].as_str().unwrap_or_default().to_string();
        objects.push(indicator);
        if let Some(observed) = &observed_id {
            objects.push(with(
                common("relationship", &format!("{key}:based-on")),
                json!({"relationship_type": "based-on", "source_ref": indicator_id, "target_ref": observed}),
            ));
        }
    }
    for cve in &s.cves {
        let vulnerability = with(
            common("vulnerability", &format!("{}:{cve}", s.code)),
            json!({"name": cve, "external_references": [{"source_name": "cve", "external_id": cve}]}),
        );
        let vulnerability_id = vulnerability["id"].as_str().unwrap_or_default().to_string();
        objects.push(vulnerability);
        objects.push(with(
            common("relationship", &format!("{}:{cve}:related-to", s.code)),
            json!({"relationship_type": "related-to", "source_ref": incident_id, "target_ref": vulnerability_id}),
        ));
    }
    let mut refs: Vec<String> = objects.iter().filter_map(|o| o["id"].as_str().map(str::to_string)).collect();
    refs.extend(scos.iter().map(|(id, _)| id.clone()));
    let report = with(
        common("report", &s.code),
        json!({
            "name": format!("Laporan insiden {}: {}", s.code, s.name), "description": s.description,
            "report_types": ["threat-report"], "published": modified, "labels": [s.category_tag],
            "object_refs": refs,
        }),
    );
    objects.push(report);
    objects.extend(scos.into_iter().map(|(_, o)| o));
    objects
}

/// One bundle: the identity, the marking definitions used, and each ticket's objects.
pub(super) fn bundle(src: &Source, subjects: &[Subject]) -> Value {
    let identity_id = sdo_id(src, "identity", "csirt");
    // The identity's first version: the platform's; later ones follow the organisation profile.
    let identity_created = DateTime::from_timestamp(1_767_225_600, 0).unwrap_or_default();
    let mut tlps: Vec<Tlp> = Vec::new();
    for s in subjects {
        if !tlps.contains(&s.tlp) {
            tlps.push(s.tlp);
        }
    }
    // The identity is shared as widely as the least restricted ticket with it allows.
    let identity_marking = tlp_marking_id(Tlp::Clear);
    if !tlps.contains(&Tlp::Clear) {
        tlps.push(Tlp::Clear);
    }
    let mut objects: Vec<Value> = tlps.iter().map(|t| tlp_marking(*t)).collect();
    objects.push(json!({
        "type": "identity", "spec_version": "2.1", "id": identity_id,
        "created": ts(identity_created), "modified": ts(identity_created.max(src.modified_at)),
        "name": src.name, "identity_class": "organization", "contact_information": src.contact,
        "object_marking_refs": [identity_marking],
    }));
    // An SCO is named by its value: two tickets of one bundle observing the same domain share
    // the object, which then carries the stricter of their markings.
    let rank = |marking: &Value| {
        let id = marking["object_marking_refs"][0].as_str().unwrap_or_default();
        TLP_ORDER.iter().position(|t| tlp_marking_id(*t) == id).unwrap_or(0)
    };
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for s in subjects {
        for object in ticket_objects(src, &identity_id, s) {
            let id = object["id"].as_str().unwrap_or_default().to_string();
            match seen.get(&id) {
                Some(&at) => {
                    if rank(&object) > rank(&objects[at]) {
                        objects[at]["object_marking_refs"] = object["object_marking_refs"].clone();
                    }
                }
                None => {
                    seen.insert(id, objects.len());
                    objects.push(object);
                }
            }
        }
    }
    json!({"type": "bundle", "id": format!("bundle--{}", uuid::Uuid::new_v4()), "objects": objects})
}
