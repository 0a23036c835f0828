//! Just enough of the Redis protocol (RESP2) to check a server from a test: send one command,
//! read one reply, with every read bounded in size and time.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Bulk strings longer than this are refused.
const MAX_BULK_BYTES: usize = 1 << 20;
/// Header lines (`+OK`, `$5`, `*2`, …) longer than this are refused.
const MAX_LINE_BYTES: u64 = 64 * 1024;
/// Arrays longer than this, or nested deeper, are refused.
const MAX_ARRAY_LEN: usize = 4096;
const MAX_DEPTH: usize = 4;

/// One reply from the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedisReply {
    /// `+OK`, `+PONG`, …
    Status(String),
    /// `-ERR …`
    Error(String),
    Integer(i64),
    /// A bulk string; `None` for the null bulk string (e.g. `GET` of a missing key).
    Bulk(Option<Vec<u8>>),
    /// `None` for the null array.
    Array(Option<Vec<RedisReply>>),
}

/// A command that did not get a reply.
#[derive(Debug, thiserror::Error)]
pub enum RedisError {
    #[error("no reply from {addr} within {timeout:?}")]
    Timeout { addr: SocketAddr, timeout: Duration },
    #[error("{addr}: {source}")]
    Io {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{addr}: not a RESP reply: {detail}")]
    Protocol { addr: SocketAddr, detail: String },
}

/// Connects to `addr`, sends `args` as one command and reads its reply, all within `timeout`.
pub(crate) async fn request(
    addr: SocketAddr,
    args: &[&str],
    timeout: Duration,
) -> Result<RedisReply, RedisError> {
    let exchange = async {
        let stream = TcpStream::connect(addr)
            .await
            .map_err(|source| RedisError::Io { addr, source })?;
        let mut stream = BufReader::new(stream);
        stream
            .get_mut()
            .write_all(&encode(args))
            .await
            .map_err(|source| RedisError::Io { addr, source })?;
        read_reply(&mut stream, addr, 0).await
    };
    tokio::time::timeout(timeout, exchange)
        .await
        .map_err(|_| RedisError::Timeout { addr, timeout })?
}

fn encode(args: &[&str]) -> Vec<u8> {
    let mut out = format!("*{}\r\n", args.len()).into_bytes();
    for arg in args {
        out.extend_from_slice(format!("${}\r\n", arg.len()).as_bytes());
        out.extend_from_slice(arg.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

async fn read_reply(
    stream: &mut BufReader<TcpStream>,
    addr: SocketAddr,
    depth: usize,
) -> Result<RedisReply, RedisError> {
    let protocol = |detail: String| RedisError::Protocol { addr, detail };
    let line = read_line(stream, addr).await?;
    let (kind, rest) = match line.split_at_checked(1) {
        Some(split) => split,
        None => return Err(protocol("empty line".into())),
    };
    let length = || -> Result<i64, RedisError> {
        rest.parse()
            .map_err(|_| protocol(format!("bad length {rest:?}")))
    };
    Ok(match kind {
        "+" => RedisReply::Status(rest.to_string()),
        "-" => RedisReply::Error(rest.to_string()),
        ":" => RedisReply::Integer(length()?),
        "$" => match usize::try_from(length()?) {
            Err(_) => RedisReply::Bulk(None),
            Ok(n) if n > MAX_BULK_BYTES => {
                return Err(protocol(format!("bulk string of {n} bytes")));
            }
            Ok(n) => {
                let mut data = vec![0; n + 2];
                stream
                    .read_exact(&mut data)
                    .await
                    .map_err(|source| RedisError::Io { addr, source })?;
                if !data.ends_with(b"\r\n") {
                    return Err(protocol("bulk string without CRLF".into()));
                }
                data.truncate(n);
                RedisReply::Bulk(Some(data))
            }
        },
        "*" => match usize::try_from(length()?) {
            Err(_) => RedisReply::Array(None),
            Ok(n) if n > MAX_ARRAY_LEN || depth >= MAX_DEPTH => {
                return Err(protocol(format!("array of {n} at depth {depth}")));
            }
            Ok(n) => {
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(Box::pin(read_reply(stream, addr, depth + 1)).await?);
                }
                RedisReply::Array(Some(items))
            }
        },
        other => return Err(protocol(format!("unknown type {other:?}"))),
    })
}

async fn read_line(
    stream: &mut BufReader<TcpStream>,
    addr: SocketAddr,
) -> Result<String, RedisError> {
    let mut line = Vec::new();
    (&mut *stream)
        .take(MAX_LINE_BYTES)
        .read_until(b'\n', &mut line)
        .await
        .map_err(|source| RedisError::Io { addr, source })?;
    let Some(line) = line.strip_suffix(b"\r\n") else {
        return Err(RedisError::Protocol {
            addr,
            detail: "connection closed or line too long".into(),
        });
    };
    String::from_utf8(line.to_vec()).map_err(|_| RedisError::Protocol {
        addr,
        detail: "line is not UTF-8".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn commands_are_encoded_as_arrays_of_bulk_strings() {
        assert_eq!(
            encode(&["SET", "k", ""]),
            b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n"
        );
    }
}
