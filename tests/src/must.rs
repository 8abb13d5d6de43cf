//! Readers that fail the test with what broke (the URL and status, the JSON pointer, the SQL)
//! instead of carrying on with an empty default that fails later somewhere else.

use std::future::Future;

use reqwest::Response;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// At most this much of a body or document goes into a failure message.
const SHOWN: usize = 600;

fn excerpt(text: &str) -> String {
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The body of `res` as JSON (a `Value` or a typed body); panics with the URL, status and body
/// when it cannot be read or parsed.
pub async fn json_body<T: DeserializeOwned + Send>(res: Response) -> T {
    let (url, status) = (res.url().to_string(), res.status());
    let bytes = res.bytes().await.unwrap_or_else(|e| panic!("{status} {url}: cannot read the body: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!("{status} {url}: the body is not the JSON expected ({e}): {}", excerpt(&String::from_utf8_lossy(&bytes)))
    })
}

/// The body of `res`; panics with the URL and status when it cannot be read.
pub async fn body_bytes(res: Response) -> Vec<u8> {
    let (url, status) = (res.url().to_string(), res.status());
    res.bytes().await.map(|b| b.to_vec()).unwrap_or_else(|e| panic!("{status} {url}: cannot read the body: {e}"))
}

/// The body of `res` as text; panics with the URL and status when it cannot be read.
pub async fn body_text(res: Response) -> String {
    let (url, status) = (res.url().to_string(), res.status());
    res.text().await.unwrap_or_else(|e| panic!("{status} {url}: cannot read the body: {e}"))
}

/// The same readers as methods, so a call chain stays a chain: `res.json_body::<Value>().await`.
pub trait ResponseExt {
    fn json_body<T: DeserializeOwned + Send>(self) -> impl Future<Output = T> + Send;
    fn body_bytes(self) -> impl Future<Output = Vec<u8>> + Send;
    fn body_text(self) -> impl Future<Output = String> + Send;
}

impl ResponseExt for Response {
    fn json_body<T: DeserializeOwned + Send>(self) -> impl Future<Output = T> + Send {
        json_body(self)
    }

    fn body_bytes(self) -> impl Future<Output = Vec<u8>> + Send {
        body_bytes(self)
    }

    fn body_text(self) -> impl Future<Output = String> + Send {
        body_text(self)
    }
}

/// The value at `pointer` (RFC 6901, e.g. `/items/0/code`); panics with the document when absent.
pub fn at<'a>(v: &'a Value, pointer: &str) -> &'a Value {
    v.pointer(pointer).unwrap_or_else(|| panic!("nothing at {pointer} in {}", excerpt(&v.to_string())))
}

/// The string at `pointer`; panics with the document when it is absent or not a string.
pub fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no string at {pointer} in {}", excerpt(&v.to_string())))
}

/// The integer at `pointer`; panics with the document when it is absent or not an integer.
pub fn i64_at(v: &Value, pointer: &str) -> i64 {
    v.pointer(pointer)
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("no integer at {pointer} in {}", excerpt(&v.to_string())))
}

/// The array at `pointer`; panics with the document when it is absent or not an array.
pub fn array_at<'a>(v: &'a Value, pointer: &str) -> &'a Vec<Value> {
    v.pointer(pointer)
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("no array at {pointer} in {}", excerpt(&v.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_read_nested_values() {
        let v = json!({"items": [{"code": "TTIS-1", "id": 7}], "tags": []});
        assert_eq!(str_at(&v, "/items/0/code"), "TTIS-1");
        assert_eq!(i64_at(&v, "/items/0/id"), 7);
        assert!(array_at(&v, "/tags").is_empty());
        assert_eq!(at(&v, "/items/0/id"), &json!(7));
    }

    #[test]
    #[should_panic(expected = "no string at /items/0/id in {\"items\":[{\"id\":7}]}")]
    fn a_missing_or_mistyped_value_names_the_pointer_and_the_document() {
        str_at(&json!({"items": [{"id": 7}]}), "/items/0/id");
    }

    #[test]
    fn long_documents_are_cut_in_messages() {
        let long = "x".repeat(SHOWN + 10);
        assert_eq!(excerpt(&long).chars().count(), SHOWN + 1);
        assert_eq!(excerpt("short"), "short");
    }
}
