//! The OpenAPI document's frame: info, tags, the bearer security scheme, and the shared error
//! responses. Paths and their schemas are collected from the handlers by `utoipa-actix-web` as they
//! are wired in `routes::configure`, so a route cannot exist without its documentation.

use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi, ToResponse};

use ttis_shared::dto::problem::{FieldError, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "TTIS Lapor API",
        description = "Cyber-incident reporting platform of a government CSIRT (Tim Tanggap Insiden Siber). \
            Public endpoints need no account; staff endpoints need `Authorization: Bearer <access_token>` from \
            `POST /api/v1/auth/login`. Errors are RFC 9457 problem details (`application/problem+json`) with a \
            stable `code`; messages are Indonesian unless `Accept-Language` prefers English.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    servers((url = "/", description = "This server")),
    tags(
        (name = "audit", description = "The tamper-evident audit log: browse and verify its hash chain (administrators)"),
        (name = "auth", description = "Staff sign-in, session refresh and sign-out"),
        (name = "reports", description = "Public reporting: the form's data, submission with evidence, status tracking"),
        (name = "tickets", description = "The response team's ticket dashboard: queue, detail, actions, messages, assignment, evidence (analysts and the head)"),
        (name = "intel", description = "Threat intelligence for other CSIRTs: observables with their indicator switch, STIX 2.1 bundles (application/stix+json;version=2.1) and MISP events (analysts and the head; TLP:RED only by a head's explicit choice)"),
        (name = "monitoring", description = "Watching the PSE register's web systems: defacement, online-gambling spam, large changes, availability and TLS expiry become tickets by themselves (list: staff; URLs: administrators; controls: analysts and the head)"),
        (name = "pses", description = "The register of electronic-system operators (PSE) and their assets (read: staff; write: administrators)"),
        (name = "categories", description = "Administering the incident taxonomy (administrators); reading it is public"),
        (name = "documents", description = "Signed letters and certificates: public verification (the QR code's page) and revocation (administrators)"),
        (name = "organization", description = "Organisation settings: letterhead, logo, signer, document numbering (administrators)"),
        (name = "sla", description = "The SLA policy: time standards per SOP step, the working calendar, holidays (administrators)"),
        (name = "users", description = "Staff accounts (administrators only)"),
        (name = "account", description = "The signed-in member's own account: sessions, password, second factor (TOTP)"),
        (name = "security", description = "Security policy, retention of personal data, and reporters' data on request"),
        (name = "webhooks", description = "Webhooks for integrators: signed event deliveries with retries (administrators)"),
        (name = "system", description = "Health and readiness"),
    ),
    components(
        schemas(Problem, FieldError),
        responses(BadRequest, Unauthenticated, Reauthenticate, Forbidden, NotFound, Conflict, UnsupportedMediaType, PayloadTooLarge,
            UnprocessableEntity, TooManyRequests, ServerError, RequestTimeout, ScannerUnavailable)
    ),
    modifiers(&SecurityAddon)
)]
pub struct ApiDoc;

pub const BEARER: &str = "bearer_auth";

struct SecurityAddon;

impl Modify for SecurityAddon {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            BEARER,
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some("The `access_token` from `POST /api/v1/auth/login` (15 minutes)."))
                    .build(),
            ),
        );
    }
}

fn problem_response(description: &str) -> RefOr<Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            crate::error::PROBLEM_CONTENT_TYPE,
            ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build(),
        )
        .build()
        .into()
}

macro_rules! problem_responses {
    ($($name:ident => $description:literal),* $(,)?) => {
        $(
            #[doc = $description]
            pub struct $name;
            impl<'s> ToResponse<'s> for $name {
                fn response() -> (&'s str, RefOr<Response>) {
                    (stringify!($name), problem_response($description))
                }
            }
        )*
    };
}

problem_responses! {
    BadRequest => "Malformed request: the body is not JSON, or a path or query parameter is invalid (`malformed_body`, `invalid_parameter`).",
    Unauthenticated => "No valid access token, or its session has ended (`unauthenticated`); at sign-in also `invalid_credentials`, `totp_required` (send `totp`) and `totp_invalid`.",
    Reauthenticate => "No valid access token (`unauthenticated`), or this step needs the person, not only a session: the current `password` (and `totp` for an account with a second factor) is missing or wrong (`reauthentication_required`; a wrong one counts against signing in, like a failed sign-in).",
    Forbidden => "Signed in, but the role does not allow this (`forbidden`; for ticket actions `action_forbidden` with `allowed_actions`; `totp_enrollment_required` while the security policy requires a second factor the account has not enrolled).",
    NotFound => "No such resource (`not_found`).",
    Conflict => "The change conflicts with the current state (`email_taken`, `last_admin`, `invalid_transition` with `allowed_actions`, `wrong_state`, `totp_state`, `not_verified`, `tlp_red`).",
    UnsupportedMediaType => "The body is not `application/json` (`unsupported_media_type`).",
    PayloadTooLarge => "The body exceeds the size limit (`payload_too_large`).",
    UnprocessableEntity => "The body is JSON but breaks the schema or a rule; `errors` lists the fields (`validation_failed`, `invalid_body`; uploads also `malware_found`, `pdf_active_content`, `pdf_unreadable`).",
    TooManyRequests => "Rate limit reached; see `Retry-After` (`rate_limited`).",
    ServerError => "The server failed; the body carries only a `request_id` (`internal_error`).",
    ScannerUnavailable => "The configured virus scanner (clamd) cannot be reached; nothing was kept (`scanner_unavailable`).",
    RequestTimeout => "An upload's body stopped arriving for longer than `TTIS_UPLOAD_IDLE_SECS` (`body_timeout`); nothing was kept.",
}

/// True when an operation requires the bearer token (used by tests that walk the spec).
pub fn requires_bearer(op: &Operation) -> bool {
    op.security.as_ref().is_some_and(|reqs| {
        reqs.iter().any(|r| serde_json::to_value(r).ok().and_then(|v| v.get(BEARER).cloned()).is_some())
    })
}

/// One OpenAPI link: the answer `status` of operation `from` feeds operation `to` (path
/// `parameters` and a `body`, as runtime expressions).
struct DocLink {
    from: &'static str,
    status: &'static str,
    name: &'static str,
    to: &'static str,
    parameters: &'static [(&'static str, &'static str)],
    body: Option<&'static str>,
}

/// The document's OpenAPI links: which answer feeds which next call (a created report to its
/// status and its ticket, a created account, PSE, category or webhook to the operations on it).
/// Swagger UI shows them; schemathesis's stateful phase chains the calls through them.
const LINKS: &[DocLink] = &[
    DocLink {
        from: "create_report",
        status: "201",
        name: "ReportStatus",
        to: "get_report_status",
        parameters: &[],
        body: Some(r#"{"ticket_code": "$response.body#/ticket_code", "access_key": "$response.body#/access_key"}"#),
    },
    DocLink {
        from: "create_report",
        status: "201",
        name: "Ticket",
        to: "get_ticket",
        parameters: &[("code", "$response.body#/ticket_code")],
        body: None,
    },
    DocLink {
        from: "create_report",
        status: "201",
        name: "TicketAction",
        to: "create_ticket_action",
        parameters: &[("code", "$response.body#/ticket_code")],
        body: None,
    },
    DocLink {
        from: "create_report",
        status: "201",
        name: "TicketMessage",
        to: "create_ticket_message",
        parameters: &[("code", "$response.body#/ticket_code")],
        body: None,
    },
    DocLink {
        from: "create_ticket",
        status: "201",
        name: "Ticket",
        to: "get_ticket",
        parameters: &[("code", "$response.body#/ticket_code")],
        body: None,
    },
    DocLink {
        from: "create_user",
        status: "201",
        name: "User",
        to: "get_user",
        parameters: &[("id", "$response.body#/id")],
        body: None,
    },
    DocLink {
        from: "create_user",
        status: "201",
        name: "UpdateUser",
        to: "update_user",
        parameters: &[("id", "$response.body#/id")],
        body: None,
    },
    DocLink {
        from: "create_user",
        status: "201",
        name: "UserSessions",
        to: "list_user_sessions",
        parameters: &[("id", "$response.body#/id")],
        body: None,
    },
    DocLink {
        from: "create_user",
        status: "201",
        name: "UserSignerProfile",
        to: "update_user_signer_profile",
        parameters: &[("id", "$response.body#/id")],
        body: None,
    },
    DocLink {
        from: "create_pse",
        status: "201",
        name: "Pse",
        to: "get_pse",
        parameters: &[("id", "$response.body#/id")],
        body: None,
    },
    DocLink {
        from: "create_pse",
        status: "201",
        name: "UpdatePse",
        to: "update_pse",
        parameters: &[("id", "$response.body#/id")],
        body: None,
    },
    DocLink {
        from: "create_pse",
        status: "201",
        name: "DeletePse",
        to: "delete_pse",
        parameters: &[("id", "$response.body#/id")],
        body: None,
    },
    DocLink {
        from: "create_category",
        status: "201",
        name: "UpdateCategory",
        to: "update_category",
        parameters: &[("code", "$response.body#/code")],
        body: None,
    },
    DocLink {
        from: "create_webhook",
        status: "201",
        name: "WebhookDeliveries",
        to: "list_webhook_deliveries",
        parameters: &[("id", "$response.body#/id")],
        body: None,
    },
    DocLink {
        from: "create_webhook",
        status: "201",
        name: "DeleteWebhook",
        to: "delete_webhook",
        parameters: &[("id", "$response.body#/id")],
        body: None,
    },
];

/// Adds [`LINKS`] to the answers they start from; a link naming an operation that does not exist
/// is a bug the document test finds (`links_name_existing_operations`).
///
/// utoipa 5.5 writes a link's `operationId` and `requestBody` in snake case, which no tool reads,
/// so they go in as the link's extension fields, which are written as named.
pub fn add_links(api: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::extensions::Extensions;
    use utoipa::openapi::link::LinkBuilder;
    for DocLink { from, status, name, to, parameters, body } in LINKS {
        let op =
            api.paths.paths.values_mut().flat_map(operations_mut).find(|op| op.operation_id.as_deref() == Some(*from));
        let Some(RefOr::T(response)) = op.and_then(|op| op.responses.responses.get_mut(*status)) else {
            continue;
        };
        let mut fields = vec![("operationId", serde_json::Value::from(*to))];
        if let Some(body) = body.and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok()) {
            fields.push(("requestBody", body));
        }
        let mut link = LinkBuilder::new().extensions(Some(Extensions::from_iter(fields)));
        for (param, expression) in *parameters {
            link = link.parameter(*param, *expression);
        }
        response.links.insert((*name).to_string(), RefOr::T(link.build()));
    }
}

/// The links' fields in a stable order (extension fields come from a hash map), so that the
/// committed document does not change from one generation to the next.
pub fn sort_link_fields(doc: &mut serde_json::Value) {
    match doc {
        serde_json::Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "links"
                    && let serde_json::Value::Object(links) = value
                {
                    for link in links.values_mut() {
                        if let serde_json::Value::Object(fields) = link {
                            fields.sort_keys();
                        }
                    }
                } else {
                    sort_link_fields(value);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(sort_link_fields),
        _ => {}
    }
}

fn operations_mut(item: &mut utoipa::openapi::PathItem) -> impl Iterator<Item = &mut Operation> {
    [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch].into_iter().flatten()
}

#[cfg(test)]
mod link_tests {
    #[test]
    fn links_name_existing_operations() {
        let api = crate::routes::openapi_document();
        let json = serde_json::to_value(&api).unwrap_or_default();
        let ids: Vec<String> = json["paths"]
            .as_object()
            .into_iter()
            .flat_map(|paths| paths.values())
            .filter_map(|item| item.as_object())
            .flat_map(|item| item.values())
            .filter_map(|op| op["operationId"].as_str().map(str::to_string))
            .collect();
        let mut found = 0;
        for super::DocLink { from, status, name, to, .. } in super::LINKS {
            assert!(ids.iter().any(|i| i == from) && ids.iter().any(|i| i == to), "{from} -> {to}");
            let path = json["paths"]
                .as_object()
                .into_iter()
                .flat_map(|p| p.values())
                .flat_map(|i| i.as_object())
                .flat_map(|i| i.values())
                .find(|op| op["operationId"] == *from);
            assert!(
                path.is_some_and(|op| op["responses"][*status]["links"][*name].is_object()),
                "{from} {status} {name}"
            );
            found += 1;
        }
        assert_eq!(found, super::LINKS.len());
    }
}
