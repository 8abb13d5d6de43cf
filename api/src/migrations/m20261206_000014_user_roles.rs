//! Roles get a table of their own: `user_roles(user_id, role)`, one row per role held, instead
//! of a comma list in `users.roles` that was searched with `LIKE`. The old lists are copied over
//! (names are written here as literals, so this migration keeps its meaning when the enum grows),
//! then the column is dropped.

use sea_orm::ConnectionTrait;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_integer, string_len};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Roles,
}

#[derive(DeriveIden)]
enum UserRoles {
    Table,
    UserId,
    Role,
}

const KNOWN: [&str; 3] = ["analyst", "head", "admin"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(UserRoles::Table)
                .col(big_integer(UserRoles::UserId))
                .col(string_len(UserRoles::Role, 16))
                .primary_key(Index::create().col(UserRoles::UserId).col(UserRoles::Role))
                .foreign_key(
                    ForeignKey::create()
                        .from(UserRoles::Table, UserRoles::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("idx_user_roles_role").table(UserRoles::Table).col(UserRoles::Role).to_owned(),
        )
        .await?;

        let db = m.get_connection();
        let backend = db.get_database_backend();
        let select = Query::select().columns([Users::Id, Users::Roles]).from(Users::Table).to_owned();
        for row in db.query_all(backend.build(&select)).await? {
            let id: i64 = row.try_get("", "id")?;
            let roles: String = row.try_get("", "roles")?;
            let mut held: Vec<&str> = roles.split(',').map(str::trim).filter(|r| KNOWN.contains(r)).collect();
            held.sort_unstable();
            held.dedup();
            for role in held {
                let mut insert = Query::insert();
                insert
                    .into_table(UserRoles::Table)
                    .columns([UserRoles::UserId, UserRoles::Role])
                    .values([id.into(), role.into()])
                    .map_err(|e| DbErr::Migration(format!("user_roles: {e}")))?;
                db.execute(backend.build(&insert)).await?;
            }
        }
        m.alter_table(Table::alter().table(Users::Table).drop_column(Users::Roles).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(ColumnDef::new(Users::Roles).string_len(64).not_null().default(""))
                .to_owned(),
        )
        .await?;
        let db = m.get_connection();
        let backend = db.get_database_backend();
        let select = Query::select()
            .columns([UserRoles::UserId, UserRoles::Role])
            .from(UserRoles::Table)
            .order_by(UserRoles::UserId, Order::Asc)
            .order_by(UserRoles::Role, Order::Asc)
            .to_owned();
        let mut held: std::collections::BTreeMap<i64, Vec<String>> = std::collections::BTreeMap::new();
        for row in db.query_all(backend.build(&select)).await? {
            held.entry(row.try_get("", "user_id")?).or_default().push(row.try_get("", "role")?);
        }
        for (id, roles) in held {
            let update = Query::update()
                .table(Users::Table)
                .value(Users::Roles, roles.join(","))
                .and_where(Expr::col(Users::Id).eq(id))
                .to_owned();
            db.execute(backend.build(&update)).await?;
        }
        m.drop_table(Table::drop().table(UserRoles::Table).to_owned()).await
    }
}
