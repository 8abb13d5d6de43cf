//! The taxonomy's categories as the CSIRT community's vocabulary: the Reference Security
//! Incident Taxonomy (RSIT, ENISA / TF-CSIRT), which the seeded categories follow, written as
//! MISP machine tags (`rsit:intrusions="application-compromise"`), in MISP events and as STIX
//! labels. A category an administrator added maps through its parent class; an unknown one is
//! `rsit:other="other"`.

/// (category code, RSIT predicate, RSIT value); a class alone has no value.
const MAP: &[(&str, &str, Option<&str>)] = &[
    ("abusive_content", "abusive-content", None),
    ("malicious_code", "malicious-code", None),
    ("ransomware", "malicious-code", Some("infected-system")),
    ("malware", "malicious-code", Some("infected-system")),
    ("c2", "malicious-code", Some("c2-server")),
    ("information_gathering", "information-gathering", None),
    ("intrusion_attempts", "intrusion-attempts", None),
    ("intrusions", "intrusions", None),
    ("web_defacement", "intrusions", Some("application-compromise")),
    ("gambling_seo_injection", "intrusions", Some("application-compromise")),
    ("webshell", "intrusions", Some("application-compromise")),
    ("account_compromise", "intrusions", Some("unprivileged-account-compromise")),
    ("availability", "availability", None),
    ("ddos", "availability", Some("ddos")),
    ("misconfiguration", "availability", Some("misconfiguration")),
    ("information_content_security", "information-content-security", None),
    ("unauthorised_access", "information-content-security", Some("unauthorised-information-access")),
    ("data_leak", "information-content-security", Some("unauthorised-information-access")),
    ("personal_data_leak", "information-content-security", Some("unauthorised-information-access")),
    ("fraud", "fraud", None),
    ("phishing", "fraud", Some("phishing")),
    ("impersonation", "fraud", Some("masquerade")),
    ("vulnerable", "vulnerable", None),
    ("vulnerability_report", "vulnerable", Some("vulnerable-system")),
    ("other", "other", Some("other")),
];

/// The RSIT machine tag of a category, given its code and its parent's.
pub fn rsit_tag(code: &str, parent: Option<&str>) -> String {
    let entry = |c: &str| MAP.iter().find(|(k, _, _)| *k == c);
    if let Some((_, predicate, value)) = entry(code) {
        return tag(predicate, *value);
    }
    // An added sub-type: its parent's class, without a value of its own.
    if let Some((_, predicate, _)) = parent.and_then(entry) {
        return tag(predicate, None);
    }
    tag("other", Some("other"))
}

fn tag(predicate: &str, value: Option<&str>) -> String {
    match value {
        Some(v) => format!("rsit:{predicate}=\"{v}\""),
        None => format!("rsit:{predicate}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seeded_category_has_its_rsit_tag() {
        for (code, parent, _, _) in crate::services::categories::SEED {
            assert!(MAP.iter().any(|(c, _, _)| c == code), "{code} is not mapped");
            assert!(rsit_tag(code, *parent).starts_with("rsit:"));
        }
        assert_eq!(rsit_tag("web_defacement", Some("intrusions")), "rsit:intrusions=\"application-compromise\"");
        assert_eq!(rsit_tag("fraud", None), "rsit:fraud");
    }

    #[test]
    fn an_added_category_takes_its_parents_class() {
        assert_eq!(rsit_tag("sql_injection", Some("intrusions")), "rsit:intrusions");
        assert_eq!(rsit_tag("something", None), "rsit:other=\"other\"");
        assert_eq!(rsit_tag("something", Some("unknown_parent")), "rsit:other=\"other\"");
    }
}
