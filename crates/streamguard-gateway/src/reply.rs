//! Answers to denied messages (`on_deny = "reply"`): a response built from the method's
//! `deny_reply` JSON template, or a JSON-RPC error in the carrier field.

use bytes::Bytes;
use prost::Message as _;
use prost_reflect::{DynamicMessage, MessageDescriptor, Value as PbValue};
use serde_json::Value;

use crate::field_path::FieldPath;
use crate::frames;

/// The `deny_reply` template of a method, checked against its response type at start-up.
#[derive(Debug, Clone)]
pub struct DenyTemplate {
    template: Value,
    output: MessageDescriptor,
}

impl DenyTemplate {
    /// Parses the template; it must render into `output` (the method's response type).
    pub fn new(text: &str, output: &MessageDescriptor) -> Result<Self, String> {
        let template: Value = serde_json::from_str(text)
            .map_err(|e| format!("not JSON ({e}); write e.g. '{{\"id\": \"{{request_id}}\", \"error\": \"{{reason}}\"}}'"))?;
        let t = DenyTemplate {
            template,
            output: output.clone(),
        };
        t.render("1", "insufficient_scope", "tool")
            .map_err(|e| format!("does not fit the response type {}: {e}", output.full_name()))?;
        Ok(t)
    }

    /// The framed response for one denied message. Placeholders are filled inside JSON string
    /// values only, so a request id cannot change the template's shape.
    pub fn render(&self, request_id: &str, reason: &str, subject: &str) -> Result<Bytes, String> {
        let mut v = self.template.clone();
        fill(
            &mut v,
            &[
                ("{request_id}", request_id),
                ("{reason}", reason),
                ("{subject}", subject),
            ],
        );
        let msg = DynamicMessage::deserialize(self.output.clone(), v).map_err(|e| e.to_string())?;
        Ok(frames::encode(&msg.encode_to_vec()))
    }
}

fn fill(v: &mut Value, with: &[(&str, &str)]) {
    match v {
        Value::String(s) => {
            for (placeholder, value) in with {
                if s.contains(placeholder) {
                    *s = s.replace(placeholder, value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| fill(i, with)),
        Value::Object(map) => map.values_mut().for_each(|i| fill(i, with)),
        _ => {}
    }
}

/// A response of type `output` whose JSON-RPC field holds `json`.
pub fn jsonrpc_frame(output: &MessageDescriptor, field: &FieldPath, json: &Value) -> Bytes {
    let text = json.to_string();
    let mut msg = DynamicMessage::new(output.clone());
    let value = match field.steps().last().map(|f| f.kind()) {
        Some(prost_reflect::Kind::Bytes) => PbValue::Bytes(Bytes::from(text)),
        _ => PbValue::String(text),
    };
    field.set(&mut msg, value);
    frames::encode(&msg.encode_to_vec())
}
