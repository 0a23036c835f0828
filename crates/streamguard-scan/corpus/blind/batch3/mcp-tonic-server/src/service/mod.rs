pub mod jsonrpc;
pub mod streaming;
pub mod unary;

use prost_types::{value::Kind, Struct, Value as PValue};
use serde_json::{Map, Value};

pub(crate) fn struct_to_json(s: Option<Struct>) -> Value {
    fn conv(v: PValue) -> Value {
        match v.kind {
            Some(Kind::NullValue(_)) | None => Value::Null,
            Some(Kind::BoolValue(b)) => Value::Bool(b),
            Some(Kind::NumberValue(n)) => serde_json::Number::from_f64(n).map(Value::Number).unwrap_or(Value::Null),
            Some(Kind::StringValue(s)) => Value::String(s),
            Some(Kind::ListValue(l)) => Value::Array(l.values.into_iter().map(conv).collect()),
            Some(Kind::StructValue(s)) => Value::Object(s.fields.into_iter().map(|(k, v)| (k, conv(v))).collect()),
        }
    }
    match s {
        Some(s) => Value::Object(s.fields.into_iter().map(|(k, v)| (k, conv(v))).collect::<Map<_, _>>()),
        None => Value::Object(Map::new()),
    }
}
