//! The test SMTP server: `end2end/support/smtp-sink.py` under Debian's Python, which has
//! aiosmtpd (installed by `.ci/setup`). Shared by the router tests and the command-line tests.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running SMTP sink; stopped when dropped.
pub struct SmtpSink {
    child: Child,
    folder: PathBuf,
}

impl SmtpSink {
    pub fn start(port: u16, folder: &Path) -> SmtpSink {
        use std::io::BufRead;
        let python =
            std::env::var("SMTP_SINK_PYTHON").unwrap_or_else(|_| "/usr/bin/python3".into());
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("end2end/support/smtp-sink.py");
        let mut child = Command::new(python)
            .arg(script)
            .args(["--port", &port.to_string(), "--refuse-pattern", "bounce"])
            .arg("--folder")
            .arg(folder)
            .stdout(Stdio::piped())
            .spawn()
            .expect("the SMTP sink starts (python3-aiosmtpd, installed by .ci/setup)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        std::io::BufReader::new(stdout).read_line(&mut line).expect("the sink speaks");
        assert_eq!(line.trim(), "ready", "the SMTP sink is listening");
        SmtpSink { child, folder: folder.to_owned() }
    }

    /// What the server received, oldest first.
    pub fn messages(&self) -> Vec<serde_json::Value> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&self.folder)
            .expect("folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| {
                serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("json")
            })
            .collect()
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}
