//! Field paths into messages (`call.tool`, `args_json#/path`), resolved against the
//! descriptors once at start-up so a typo is a config error naming the key, not a silent pass.

use std::borrow::Cow;

use prost_reflect::{DynamicMessage, FieldDescriptor, Kind, MessageDescriptor, Value};

use crate::json::parse_strict;

/// What a path must lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    /// Text: a string (or an integer, written in decimal).
    Text,
    /// A string or bytes field holding JSON text (JSON-RPC frames).
    JsonText,
}

/// A resolved field path: message fields, then optionally a JSON pointer into JSON text.
#[derive(Debug, Clone)]
pub struct FieldPath {
    text: String,
    steps: Vec<FieldDescriptor>,
    pointer: Option<String>,
}

/// A value at a path could not be read as the path says (bad JSON, not a string).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl FieldPath {
    /// Resolves `text` in `message`; `singular` refuses repeated fields on the way.
    pub fn parse(
        text: &str,
        message: &MessageDescriptor,
        leaf: Leaf,
        singular: bool,
    ) -> Result<FieldPath, String> {
        let (fields, pointer) = match text.split_once('#') {
            Some((f, p)) if p.is_empty() || p.starts_with('/') => (f, Some(p.to_string())),
            Some(_) => {
                return Err(format!(
                    "{text:?}: a JSON pointer after `#` starts with `/` (e.g. \"args_json#/path\")"
                ));
            }
            None => (text, None),
        };
        if pointer.is_some() && leaf == Leaf::JsonText {
            return Err(format!("{text:?}: a JSON-RPC field takes no `#` pointer"));
        }
        let mut steps = Vec::new();
        let mut current = message.clone();
        let names: Vec<&str> = fields.split('.').collect();
        for (i, name) in names.iter().enumerate() {
            let Some(field) = current.get_field_by_name(name) else {
                let known: Vec<_> = current.fields().map(|f| f.name().to_string()).collect();
                return Err(format!(
                    "{text:?}: {} has no field {name:?} (fields: {})",
                    current.full_name(),
                    known.join(", ")
                ));
            };
            if field.is_map() || (singular && field.is_list()) {
                return Err(format!(
                    "{text:?}: field {name:?} is {}; this key needs a single value",
                    if field.is_map() { "a map" } else { "repeated" }
                ));
            }
            let last = i + 1 == names.len();
            match (field.kind(), last) {
                (Kind::Message(m), false) => current = m,
                // `struct_field#/pointer`: the message in its JSON mapping (google.protobuf.Struct).
                (Kind::Message(_), true) if pointer.is_some() => {}
                (_, false) => {
                    return Err(format!(
                        "{text:?}: field {name:?} is not a message, so the path cannot go on"
                    ));
                }
                (Kind::String, true) => {}
                (Kind::Bytes, true) if leaf == Leaf::JsonText || pointer.is_some() => {}
                (
                    Kind::Int32
                    | Kind::Int64
                    | Kind::Uint32
                    | Kind::Uint64
                    | Kind::Sint32
                    | Kind::Sint64
                    | Kind::Fixed32
                    | Kind::Fixed64
                    | Kind::Sfixed32
                    | Kind::Sfixed64,
                    true,
                ) if leaf == Leaf::Text && pointer.is_none() => {}
                (kind, true) => {
                    return Err(format!(
                        "{text:?}: field {name:?} is {kind:?}; expected {}",
                        match (leaf, pointer.is_some()) {
                            (Leaf::JsonText, _) => "a string or bytes field holding JSON text",
                            (_, true) =>
                                "a string or bytes field holding JSON text, or a message (e.g. google.protobuf.Struct)",
                            _ => "a string (or integer) field",
                        }
                    ));
                }
            }
            steps.push(field);
        }
        Ok(FieldPath {
            text: text.to_string(),
            steps,
            pointer,
        })
    }

    /// The fields of the path, outermost first.
    pub fn steps(&self) -> &[FieldDescriptor] {
        &self.steps
    }

    /// Calls `found` with every value at the path (several through repeated fields); unset
    /// fields give nothing.
    pub fn values<'m>(
        &self,
        message: &'m DynamicMessage,
        found: &mut impl FnMut(Result<Cow<'m, str>, Unreadable>),
    ) {
        walk(message, &self.steps, &mut |leaf| match &self.pointer {
            None => {
                if let Some(text) = leaf_text(leaf) {
                    found(Ok(text));
                }
            }
            Some(pointer) => {
                let parsed = match leaf {
                    Value::String(s) if s.is_empty() => return,
                    Value::String(s) => parse_strict(s.as_bytes()),
                    Value::Bytes(b) if b.is_empty() => return,
                    Value::Bytes(b) => parse_strict(b),
                    Value::Message(m) => serde_json::to_value(m).map_err(|e| e.to_string()),
                    _ => return,
                };
                match parsed {
                    Err(e) => found(Err(Unreadable(format!("{}: {e}", self.text)))),
                    Ok(json) => match json.pointer(pointer) {
                        None | Some(serde_json::Value::Null) => {}
                        Some(serde_json::Value::String(s)) if s.is_empty() => {}
                        Some(serde_json::Value::String(s)) => found(Ok(Cow::Owned(s.clone()))),
                        Some(_) => found(Err(Unreadable(format!("{}: not a string", self.text)))),
                    },
                }
            }
        });
    }

    /// The first value at the path, if any.
    pub fn first<'m>(
        &self,
        message: &'m DynamicMessage,
    ) -> Option<Result<Cow<'m, str>, Unreadable>> {
        let mut out = None;
        self.values(message, &mut |v| {
            if out.is_none() {
                out = Some(v);
            }
        });
        out
    }

    /// The raw leaf (string or bytes) of a singular path, for JSON-RPC frames.
    pub fn raw<'m>(&self, message: &'m DynamicMessage) -> Option<&'m [u8]> {
        let mut out = None;
        walk(message, &self.steps, &mut |leaf| {
            out = match leaf {
                Value::String(s) => Some(s.as_bytes()),
                Value::Bytes(b) => Some(b.as_ref()),
                _ => None,
            }
        });
        out
    }

    /// Sets a singular path in `message` (creating the messages on the way).
    pub fn set(&self, message: &mut DynamicMessage, value: Value) {
        let Some((last, init)) = self.steps.split_last() else {
            return;
        };
        let mut current = message;
        for step in init {
            let slot = current.get_field_mut(step);
            match slot {
                Value::Message(m) => current = m,
                _ => return,
            }
        }
        current.set_field(last, value);
    }
}

fn walk<'m>(
    message: &'m DynamicMessage,
    steps: &[FieldDescriptor],
    leaf: &mut impl FnMut(&'m Value),
) {
    let Some((step, rest)) = steps.split_first() else {
        return;
    };
    if !message.has_field(step) {
        return;
    }
    let Cow::Borrowed(value) = message.get_field(step) else {
        return;
    };
    let mut visit = |v: &'m Value| match v {
        Value::Message(m) if !rest.is_empty() => walk(m, rest, leaf),
        other if rest.is_empty() => leaf(other),
        _ => {}
    };
    match value {
        Value::List(items) => items.iter().for_each(&mut visit),
        one => visit(one),
    }
}

fn leaf_text(v: &Value) -> Option<Cow<'_, str>> {
    let text = match v {
        Value::String(s) if s.is_empty() => return None,
        Value::String(s) => return Some(Cow::Borrowed(s.as_str())),
        Value::I32(n) => n.to_string(),
        Value::I64(n) => n.to_string(),
        Value::U32(n) => n.to_string(),
        Value::U64(n) => n.to_string(),
        _ => return None,
    };
    Some(Cow::Owned(text))
}
