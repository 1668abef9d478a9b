//! Black-box tests of the `pantau` binary: calendar arithmetic, audit verification, unit import and export,
//! configuration errors; plus the tidy and architecture checks of the whole workspace.

// Tests may unwrap (STYLE.md E6); clippy's allow-unwrap-in-tests does not reach the async bodies that
// `db_test!` wraps, so the test crate says it once here.
#![allow(clippy::unwrap_used)]

mod architecture;
mod audit;
mod calendar;
mod config;
mod discipline;
mod news;
mod open311;
mod receipt;
mod rules;
mod scorecards_bench;
mod setup;
mod skm;
mod tenancy;
mod tidy;
mod units;

use std::process::Output;

/// Runs the binary with arguments and no inherited `PANTAU_*` settings.
pub fn pantau(args: &[&str]) -> Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_pantau"));
    for (name, _) in std::env::vars() {
        if name.starts_with("PANTAU_") {
            command.env_remove(name);
        }
    }
    command.env("RUST_LOG", "warn").args(args).output().expect("the pantau binary runs")
}

/// Runs the binary with an environment variable set and a line on standard input.
pub fn pantau_with(args: &[&str], env: &[(&str, &str)], stdin: &str) -> Output {
    use std::io::Write;
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_pantau"));
    for (name, _) in std::env::vars() {
        if name.starts_with("PANTAU_") {
            command.env_remove(name);
        }
    }
    command.env("RUST_LOG", "warn").envs(env.iter().copied()).args(args);
    command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = command.spawn().expect("the pantau binary runs");
    child.stdin.take().expect("piped stdin").write_all(stdin.as_bytes()).expect("stdin accepts the line");
    child.wait_with_output().expect("the pantau binary finishes")
}

/// Standard output as trimmed text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
