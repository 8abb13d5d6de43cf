use sea_orm::entity::prelude::*;

/// The one row (`id = 1`) of organisation settings: letterhead, the head's title, numbering.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organization")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub government_name: String,
    pub agency_name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub city: String,
    /// The title of the agency's head (`Kepala Dinas Komunikasi dan Informatika`).
    pub head_title: String,
    pub letter_number_pattern: String,
    pub certificate_number_pattern: String,
    #[sea_orm(column_type = "Blob", nullable)]
    pub logo: Option<Vec<u8>>,
    pub logo_content_type: Option<String>,
    pub updated_by: Option<i64>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
