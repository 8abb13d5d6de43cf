//! The incident taxonomy: the ENISA / TF-CSIRT Reference Security Incident Taxonomy's classes
//! with Indonesian labels, plus the local sub-types the team sees most. Seeded once; afterwards
//! it is data that admins maintain.

use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set};
use ttis_shared::dto::reports::{Category, CategoryList, Label};

use crate::entities::category;

/// (code, parent, Indonesian, English)
pub const SEED: &[(&str, Option<&str>, &str, &str)] = &[
    ("abusive_content", None, "Konten Abusif", "Abusive Content"),
    ("malicious_code", None, "Kode Berbahaya", "Malicious Code"),
    ("ransomware", Some("malicious_code"), "Ransomware", "Ransomware"),
    ("malware", Some("malicious_code"), "Malware / Infeksi", "Malware infection"),
    ("c2", Some("malicious_code"), "Server Command and Control (C2)", "Command and control (C2)"),
    ("information_gathering", None, "Pengumpulan Informasi", "Information Gathering"),
    ("intrusion_attempts", None, "Percobaan Intrusi", "Intrusion Attempts"),
    ("intrusions", None, "Intrusi", "Intrusions"),
    ("web_defacement", Some("intrusions"), "Web Defacement (Deface)", "Web defacement"),
    (
        "gambling_seo_injection",
        Some("intrusions"),
        "Injeksi Judi Online / SEO Spam",
        "Online-gambling / SEO-spam injection",
    ),
    ("webshell", Some("intrusions"), "Webshell / Backdoor", "Webshell / backdoor"),
    ("account_compromise", Some("intrusions"), "Pengambilalihan Akun", "Account compromise"),
    ("availability", None, "Ketersediaan", "Availability"),
    ("ddos", Some("availability"), "DoS / DDoS", "DoS / DDoS"),
    ("misconfiguration", Some("availability"), "Kesalahan Konfigurasi", "Misconfiguration"),
    ("information_content_security", None, "Keamanan Konten Informasi", "Information Content Security"),
    ("unauthorised_access", Some("information_content_security"), "Akses Tidak Sah", "Unauthorised access"),
    ("data_leak", Some("information_content_security"), "Kebocoran Data", "Data leak"),
    ("personal_data_leak", Some("information_content_security"), "Kebocoran Data Pribadi", "Personal-data leak"),
    ("fraud", None, "Penipuan", "Fraud"),
    ("phishing", Some("fraud"), "Phishing", "Phishing"),
    ("impersonation", Some("fraud"), "Peniruan Instansi Pemerintah", "Impersonation of an agency"),
    ("vulnerable", None, "Kerentanan", "Vulnerable"),
    ("vulnerability_report", Some("vulnerable"), "Laporan Kerentanan", "Vulnerability report"),
    ("other", None, "Lainnya", "Other"),
];

/// Inserts the seed entries that are missing (never changes what admins edited).
pub async fn seed(db: &DatabaseConnection) -> Result<(), sea_orm::DbErr> {
    let existing: Vec<String> = category::Entity::find().all(db).await?.into_iter().map(|c| c.code).collect();
    for (i, (code, parent, id, en)) in SEED.iter().enumerate() {
        if existing.iter().any(|c| c == code) {
            continue;
        }
        category::ActiveModel {
            code: Set(code.to_string()),
            parent_code: Set(parent.map(str::to_string)),
            label_id: Set(id.to_string()),
            label_en: Set(en.to_string()),
            sort_order: Set(i32::try_from(i * 10).unwrap_or(i32::MAX)),
            retired: Set(false),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

pub fn to_dto(model: category::Model) -> Category {
    Category {
        code: model.code,
        parent: model.parent_code,
        label: Label { id: model.label_id, en: model.label_en },
        sort_order: model.sort_order,
        retired: model.retired,
    }
}

/// The categories offered for new reports (with `include_retired`, every category).
pub async fn list(db: &DatabaseConnection, include_retired: bool) -> Result<CategoryList, sea_orm::DbErr> {
    let mut query = category::Entity::find();
    if !include_retired {
        query = query.filter(category::Column::Retired.eq(false));
    }
    let items = query.order_by_asc(category::Column::SortOrder).all(db).await?;
    Ok(CategoryList { items: items.into_iter().map(to_dto).collect() })
}

/// The category, when it exists and is not retired.
pub async fn find_active(
    db: &impl sea_orm::ConnectionTrait,
    code: &str,
) -> Result<Option<category::Model>, sea_orm::DbErr> {
    category::Entity::find_by_id(code.to_string()).filter(category::Column::Retired.eq(false)).one(db).await
}

/// Adds a category (admin).
pub async fn create(
    db: &DatabaseConnection,
    actor: &super::audit::Actor,
    input: ttis_shared::dto::tickets::NewCategory,
) -> Result<Category, crate::error::ApiError> {
    use sea_orm::TransactionTrait;

    use crate::error::{ApiError, FieldIssue};
    use ttis_shared::validation::Violation;
    let txn = db.begin().await?;
    if category::Entity::find_by_id(input.code.clone()).one(&txn).await?.is_some() {
        return Err(ApiError::Validation(vec![FieldIssue { field: "code".into(), violation: Violation::NotAnOption }]));
    }
    if let Some(parent) = &input.parent {
        let found = category::Entity::find_by_id(parent.clone()).one(&txn).await?;
        if found.is_none_or(|p| p.parent_code.is_some()) {
            return Err(ApiError::Validation(vec![FieldIssue {
                field: "parent".into(),
                violation: Violation::NotAnOption,
            }]));
        }
    }
    for (field, text) in [("label.id", &input.label.id), ("label.en", &input.label.en)] {
        if let Err(violation) = ttis_shared::validation::name(text) {
            return Err(ApiError::Validation(vec![FieldIssue { field: field.into(), violation }]));
        }
    }
    let model = category::ActiveModel {
        code: Set(input.code.clone()),
        parent_code: Set(input.parent.clone()),
        label_id: Set(input.label.id.trim().into()),
        label_en: Set(input.label.en.trim().into()),
        sort_order: Set(input.sort_order.unwrap_or(1000)),
        retired: Set(false),
    }
    .insert(&txn)
    .await?;
    super::audit::record(
        &txn,
        actor,
        "category.create",
        Some(format!("category:{}", model.code)),
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(to_dto(model))
}

/// Renames, reorders or retires a category (admin).
pub async fn update(
    db: &DatabaseConnection,
    actor: &super::audit::Actor,
    code: &str,
    input: ttis_shared::dto::tickets::UpdateCategory,
) -> Result<Category, crate::error::ApiError> {
    use sea_orm::TransactionTrait;

    use crate::error::{ApiError, FieldIssue};
    let txn = db.begin().await?;
    let current = category::Entity::find_by_id(code.to_string()).one(&txn).await?.ok_or(ApiError::NotFound)?;
    let mut active: category::ActiveModel = current.into();
    if let Some(label) = &input.label {
        for (field, text) in [("label.id", &label.id), ("label.en", &label.en)] {
            if let Err(violation) = ttis_shared::validation::name(text) {
                return Err(ApiError::Validation(vec![FieldIssue { field: field.into(), violation }]));
            }
        }
        active.label_id = Set(label.id.trim().into());
        active.label_en = Set(label.en.trim().into());
    }
    if let Some(retired) = input.retired {
        active.retired = Set(retired);
    }
    if let Some(order) = input.sort_order {
        active.sort_order = Set(order);
    }
    let model = active.update(&txn).await?;
    super::audit::record(
        &txn,
        actor,
        "category.update",
        Some(format!("category:{code}")),
        serde_json::json!({"retired": model.retired}),
    )
    .await?;
    txn.commit().await?;
    Ok(to_dto(model))
}
