//! A child process owned by a test: its output goes to a log file, it is killed when the handle
//! drops (a panicking test unwinds through that drop), and the kernel kills it if the thread
//! that started it dies without unwinding (`PR_SET_PDEATHSIG`), so no peer outlives its test.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};

/// How much of the end of a log a failure message quotes.
const LOG_TAIL_BYTES: u64 = 8 * 1024;

pub(crate) struct ChildProcess {
    name: &'static str,
    /// `None` once killed and reaped.
    child: Option<Child>,
    log_path: PathBuf,
}

impl ChildProcess {
    /// Starts `command` with stdin closed and stdout and stderr appended to `log_path`.
    pub(crate) fn spawn(
        name: &'static str,
        mut command: Command,
        log_path: &Path,
    ) -> io::Result<Self> {
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(log_path)?;
        command
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        // SAFETY: the closure only calls `prctl`, which is async-signal-safe, between fork and exec.
        unsafe {
            command.pre_exec(|| {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) == -1 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command.spawn()?;
        Ok(ChildProcess {
            name,
            child: Some(child),
            log_path: log_path.to_path_buf(),
        })
    }

    /// The process id, while the process has not been killed through this handle.
    pub(crate) fn pid(&self) -> Option<libc::pid_t> {
        let id = self.child.as_ref()?.id();
        libc::pid_t::try_from(id).ok()
    }

    /// `Some(status)` once the process has exited on its own (or been reaped).
    pub(crate) fn exit_status(&mut self) -> Option<ExitStatus> {
        self.child.as_mut()?.try_wait().ok().flatten()
    }

    /// Sends `signal` (e.g. `SIGSTOP`, `SIGCONT`) to the process.
    pub(crate) fn signal(&self, signal: libc::c_int) -> io::Result<()> {
        let Some(pid) = self.pid() else {
            return Err(io::Error::other(format!("{} is not running", self.name)));
        };
        // SAFETY: `kill` has no memory-safety preconditions; the pid is our own unreaped child,
        // so it cannot have been recycled for another process.
        if unsafe { libc::kill(pid, signal) } == -1 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// SIGKILL, then reap. Does nothing when already killed.
    pub(crate) fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            // Errors mean it already exited; `wait` then just reaps it.
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub(crate) fn log_path(&self) -> &Path {
        &self.log_path
    }

    /// The last few KiB of the process's output, for failure messages.
    pub(crate) fn log_tail(&self) -> String {
        log_tail(&self.log_path)
    }

    /// Panics with `what`, the process's name, its log file and the end of its log. The process
    /// is killed by the drop that the panic runs.
    pub(crate) fn fail(&mut self, what: &str) -> ! {
        let exited = match self.exit_status() {
            Some(status) => format!(" ({status})"),
            None => String::new(),
        };
        panic!(
            "{}{exited}: {what}\n--- end of its log ---\n{}",
            self.name,
            self.log_tail()
        );
    }
}

impl Drop for ChildProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

fn log_tail(path: &Path) -> String {
    let read = || -> io::Result<String> {
        let mut file = File::open(path)?;
        let len = file.metadata()?.len();
        file.seek(SeekFrom::Start(len.saturating_sub(LOG_TAIL_BYTES)))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    read().unwrap_or_else(|e| format!("(cannot read the log: {e})"))
}
