//! A real `redis-server` on a free loopback port, with a temporary data directory and the
//! append-only file on, that a test can kill, restart on the same port and data, or pause.

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use tempfile::TempDir;

use crate::process::ChildProcess;
use crate::resp::{self, RedisError, RedisReply};

/// How long a start or restart may take before it counts as failed.
const START_TIMEOUT: Duration = Duration::from_secs(10);
/// The bound on each readiness PING.
const READY_PING_TIMEOUT: Duration = Duration::from_millis(250);
/// The bound on [`RedisServer::command`].
const COMMAND_TIMEOUT: Duration = Duration::from_secs(5);
/// Free ports are found by binding port 0 and letting go, so another process can take the port
/// before `redis-server` binds it: start retries with a new port this many times.
const START_ATTEMPTS: usize = 3;

/// A running `redis-server`; killed when this drops.
pub struct RedisServer {
    // Fields drop in order: the process dies before its data directory is removed.
    process: ChildProcess,
    data_dir: TempDir,
    port: u16,
}

impl RedisServer {
    /// Starts `redis-server --appendonly yes --save ""` on a free loopback port with a new
    /// temporary data directory, and waits until it answers PING.
    ///
    /// # Panics
    /// If `redis-server` is not installed (run `.ci/run`, which installs it) or does not come up
    /// within 10 s; the message ends with its log.
    pub async fn start() -> Self {
        let data_dir = tempfile::Builder::new()
            .prefix("streamguard-redis-")
            .tempdir()
            .unwrap_or_else(|e| panic!("cannot create a temporary directory for Redis: {e}"));
        let mut attempt = 1;
        loop {
            let port = free_port();
            let mut process = spawn(port, data_dir.path());
            match wait_until_ready(&mut process, port).await {
                Ok(()) => {
                    return RedisServer {
                        process,
                        data_dir,
                        port,
                    };
                }
                Err(NotReady::Exited)
                    if attempt < START_ATTEMPTS
                        && process.log_tail().contains("Address already in use") =>
                {
                    attempt += 1;
                }
                Err(reason) => process.fail(&reason.to_string()),
            }
        }
    }

    /// `redis://127.0.0.1:PORT/0`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// The loopback address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from((Ipv4Addr::LOCALHOST, self.port))
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The data directory (holding `appendonlydir/`); it outlives kills and restarts.
    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    /// The server's log file (all starts append to it).
    pub fn log_path(&self) -> &Path {
        self.process.log_path()
    }

    /// SIGKILL: the server dies without saving (what was appended to the AOF survives).
    pub fn kill(&mut self) {
        self.process.kill();
    }

    /// Kills the server if it runs, then starts it again on the same port with the same data
    /// directory, and waits until it answers PING (it has loaded the AOF by then).
    ///
    /// # Panics
    /// If it does not come up within 10 s (e.g. another process took the port meanwhile).
    pub async fn restart(&mut self) {
        self.process.kill();
        self.process = spawn(self.port, self.data_dir.path());
        if let Err(reason) = wait_until_ready(&mut self.process, self.port).await {
            self.process.fail(&format!("restart: {reason}"));
        }
    }

    /// SIGSTOP: the server keeps its port (connections are accepted by the kernel) but answers
    /// nothing until [`resume`](Self::resume) — a stalled Redis.
    pub fn pause(&self) {
        self.signal(libc::SIGSTOP, "pause");
    }

    /// SIGCONT: the paused server answers again, including what was sent while it was paused.
    pub fn resume(&self) {
        self.signal(libc::SIGCONT, "resume");
    }

    /// PING on a new connection, answered within `timeout`.
    pub async fn ping(&self, timeout: Duration) -> Result<(), RedisError> {
        match resp::request(self.addr(), &["PING"], timeout).await? {
            RedisReply::Status(s) if s == "PONG" => Ok(()),
            other => Err(RedisError::Protocol {
                addr: self.addr(),
                detail: format!("PING answered {other:?}"),
            }),
        }
    }

    /// Sends one command on a new connection and returns the reply (within 5 s), e.g.
    /// `command(&["SET", "k", "v"])`. For checks and fault injection (`DEBUG SLEEP 1`), not
    /// for the code under test, which uses a real Redis client.
    pub async fn command(&self, args: &[&str]) -> Result<RedisReply, RedisError> {
        resp::request(self.addr(), args, COMMAND_TIMEOUT).await
    }

    fn signal(&self, signal: libc::c_int, what: &str) {
        if let Err(e) = self.process.signal(signal) {
            panic!("cannot {what} redis-server: {e}");
        }
    }
}

impl std::fmt::Debug for RedisServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisServer")
            .field("url", &self.url())
            .field("data_dir", &self.data_dir.path())
            .finish_non_exhaustive()
    }
}

fn spawn(port: u16, data_dir: &Path) -> ChildProcess {
    let mut command = Command::new("redis-server");
    command
        .args(["--port", &port.to_string()])
        .args(["--bind", "127.0.0.1"])
        .arg("--dir")
        .arg(data_dir)
        .args(["--appendonly", "yes"])
        // Every write reaches the AOF before it is acknowledged, so a test that kills Redis right
        // after a write finds it after the restart.
        .args(["--appendfsync", "always"])
        .args(["--save", ""])
        .args(["--daemonize", "no"])
        .args(["--logfile", ""]);
    let log_path = data_dir.join("redis-server.log");
    match ChildProcess::spawn("redis-server", command, &log_path) {
        Ok(process) => process,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "redis-server is not installed: run .ci/run, which installs it \
             (apt-get install -y redis-server)"
        ),
        Err(e) => panic!("cannot start redis-server: {e}"),
    }
}

#[derive(Debug, thiserror::Error)]
enum NotReady {
    #[error("exited before answering PING")]
    Exited,
    #[error("no PONG within {START_TIMEOUT:?}; last attempt: {0}")]
    Timeout(String),
}

async fn wait_until_ready(process: &mut ChildProcess, port: u16) -> Result<(), NotReady> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let deadline = tokio::time::Instant::now() + START_TIMEOUT;
    loop {
        if process.exit_status().is_some() {
            return Err(NotReady::Exited);
        }
        let last = match resp::request(addr, &["PING"], READY_PING_TIMEOUT).await {
            Ok(RedisReply::Status(s)) if s == "PONG" => return Ok(()),
            // `-LOADING` while the AOF is replayed, or not listening yet.
            Ok(other) => format!("{other:?}"),
            Err(e) => e.to_string(),
        };
        if tokio::time::Instant::now() >= deadline {
            return Err(NotReady::Timeout(last));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("cannot find a free loopback port: {e}"))
}
