//! CVSS 3.1 base score from a vector string, as FIRST's specification computes it
//! (<https://www.first.org/cvss/v3.1/specification-document>, section 7). Used by the API to score
//! what reporters and analysts send, and by the SPA to show the score live.

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CvssScore {
    pub base_score: f64,
    pub severity: CvssSeverity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CvssSeverity {
    None,
    Low,
    Medium,
    High,
    Critical,
}

impl CvssSeverity {
    pub fn as_str(self) -> &'static str {
        match self {
            CvssSeverity::None => "none",
            CvssSeverity::Low => "low",
            CvssSeverity::Medium => "medium",
            CvssSeverity::High => "high",
            CvssSeverity::Critical => "critical",
        }
    }
}

/// Why a vector was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CvssError {
    /// Not `CVSS:3.1/...` (or `CVSS:3.0/...`).
    Prefix,
    /// A metric is unknown, repeated, or has a value outside its set.
    Metric(String),
    /// One of the eight base metrics is absent.
    Missing(&'static str),
}

const BASE: [&str; 8] = ["AV", "AC", "PR", "UI", "S", "C", "I", "A"];
const TEMPORAL_ENV: [&str; 14] =
    ["E", "RL", "RC", "CR", "IR", "AR", "MAV", "MAC", "MPR", "MUI", "MS", "MC", "MI", "MA"];

/// Rounds up to one decimal as the specification's `Roundup` does (avoiding float artefacts).
fn roundup(value: f64) -> f64 {
    let int = (value * 100_000.0).round() as i64;
    if int % 10_000 == 0 { int as f64 / 100_000.0 } else { ((int / 10_000) + 1) as f64 / 10.0 }
}

pub fn parse(vector: &str) -> Result<CvssScore, CvssError> {
    let rest = vector
        .trim()
        .strip_prefix("CVSS:3.1/")
        .or_else(|| vector.trim().strip_prefix("CVSS:3.0/"))
        .ok_or(CvssError::Prefix)?;
    let mut base: [Option<char>; 8] = [None; 8];
    let mut seen_other: Vec<&str> = Vec::new();
    for part in rest.split('/') {
        let (metric, value) = part.split_once(':').ok_or_else(|| CvssError::Metric(part.to_string()))?;
        let mut chars = value.chars();
        let (Some(v), None) = (chars.next(), chars.next()) else {
            return Err(CvssError::Metric(part.to_string()));
        };
        if let Some(index) = BASE.iter().position(|m| *m == metric) {
            let allowed: &[char] = match metric {
                "AV" => &['N', 'A', 'L', 'P'],
                "AC" | "UI" if metric == "AC" => &['L', 'H'],
                "UI" => &['N', 'R'],
                "PR" | "C" | "I" | "A" => &['N', 'L', 'H'],
                "S" => &['U', 'C'],
                _ => &[],
            };
            if base[index].is_some() || !allowed.contains(&v) {
                return Err(CvssError::Metric(part.to_string()));
            }
            base[index] = Some(v);
        } else if TEMPORAL_ENV.contains(&metric) && !seen_other.contains(&metric) {
            // Temporal and environmental metrics are accepted but do not change the base score.
            seen_other.push(metric);
        } else {
            return Err(CvssError::Metric(part.to_string()));
        }
    }
    let get = |i: usize| base[i].ok_or(CvssError::Missing(BASE[i]));
    let (av, ac, pr, ui, s, c, i, a) = (get(0)?, get(1)?, get(2)?, get(3)?, get(4)?, get(5)?, get(6)?, get(7)?);
    let scope_changed = s == 'C';
    let av: f64 = match av {
        'N' => 0.85,
        'A' => 0.62,
        'L' => 0.55,
        _ => 0.2,
    };
    let ac: f64 = if ac == 'L' { 0.77 } else { 0.44 };
    let pr: f64 = match (pr, scope_changed) {
        ('N', _) => 0.85,
        ('L', false) => 0.62,
        ('L', true) => 0.68,
        (_, false) => 0.27,
        (_, true) => 0.5,
    };
    let ui: f64 = if ui == 'N' { 0.85 } else { 0.62 };
    let cia = |x: char| -> f64 {
        match x {
            'H' => 0.56,
            'L' => 0.22,
            _ => 0.0,
        }
    };
    let iss = 1.0 - (1.0 - cia(c)) * (1.0 - cia(i)) * (1.0 - cia(a));
    let impact = if scope_changed { 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02).powi(15) } else { 6.42 * iss };
    let exploitability = 8.22 * av * ac * pr * ui;
    let base_score = if impact <= 0.0 {
        0.0
    } else if scope_changed {
        roundup((1.08 * (impact + exploitability)).min(10.0))
    } else {
        roundup((impact + exploitability).min(10.0))
    };
    let severity = match base_score {
        0.0 => CvssSeverity::None,
        s if s < 4.0 => CvssSeverity::Low,
        s if s < 7.0 => CvssSeverity::Medium,
        s if s < 9.0 => CvssSeverity::High,
        _ => CvssSeverity::Critical,
    };
    Ok(CvssScore { base_score, severity })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(v: &str) -> f64 {
        parse(v).map(|s| s.base_score).unwrap_or(-1.0)
    }

    /// Reference scores from FIRST's calculator.
    #[test]
    fn matches_the_reference_calculator() {
        assert_eq!(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), 9.8);
        assert_eq!(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"), 10.0);
        assert_eq!(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), 6.1);
        assert_eq!(score("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"), 6.5);
        assert_eq!(score("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"), 7.8);
        assert_eq!(score("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"), 1.6);
        assert_eq!(score("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:N"), 0.0);
        assert_eq!(score("CVSS:3.1/AV:A/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:N"), 7.6);
        assert_eq!(score("CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H"), 7.2);
        assert_eq!(
            parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").map(|s| s.severity),
            Ok(CvssSeverity::Critical)
        );
        assert_eq!(score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O"), 9.8, "temporal metrics accepted");
    }

    #[test]
    fn refuses_malformed_vectors() {
        assert_eq!(parse("AV:N/AC:L"), Err(CvssError::Prefix));
        assert_eq!(parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H"), Err(CvssError::Missing("A")));
        assert!(matches!(parse("CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), Err(CvssError::Metric(_))));
        assert!(matches!(parse("CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), Err(CvssError::Metric(_))));
        assert!(matches!(parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1"), Err(CvssError::Metric(_))));
        assert!(matches!(parse("CVSS:3.1/AV:NN/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), Err(CvssError::Metric(_))));
    }
}
