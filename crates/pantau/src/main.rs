//! The `pantau` binary: parses the command line and hands each subcommand to the crate below that does the work.
//!
//! Exit codes: 0 success, 1 failure (including a broken audit chain), 2 bad usage or configuration.

mod cli;
mod cmd;
mod settings;

use std::process::ExitCode;

use crate::cli::Command;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(it) => it,
        Err(err) => return report(&err, ExitCode::from(2)),
    };
    settings::init_logging(cli.log_format, cli.verbose);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(it) => it,
        Err(err) => return report(&anyhow::Error::new(err).context("starting the async runtime"), ExitCode::FAILURE),
    };
    let outcome = runtime.block_on(async {
        match cli.command {
            Command::Serve(args) => cmd::serve::run(args).await,
            Command::Migrate(args) => cmd::migrate::run(args).await,
            Command::Demo(args) => cmd::demo::run(args).await,
            Command::Setup(args) => cmd::setup::run(args).await,
            Command::Audit(args) => cmd::audit::run(args).await,
            Command::Calendar(args) => cmd::calendar::run(args).await,
            Command::Import(args) => cmd::units::import(args).await,
            Command::Export(args) => cmd::units::export(args).await,
            Command::Receipt(args) => cmd::receipt::run(&args),
            Command::Open311(args) => cmd::open311::run(args).await,
            Command::Bench(args) => cmd::bench::run(args).await,
            Command::Skm(args) => cmd::skm::run(&args).await,
            Command::Scorecard(args) => cmd::scorecard::run(&args).await,
            Command::News(args) => cmd::news::run(&args).await,
            Command::Rules(args) => cmd::rules::run(args).await,
        }
    });
    match outcome {
        Ok(code) => code,
        Err(err) if err.is::<settings::ConfigError>() => report(&err, ExitCode::from(2)),
        Err(err) => report(&err, ExitCode::FAILURE),
    }
}

#[allow(clippy::print_stderr)] // The binary's own error line, E5 of the style guide.
fn report(err: &anyhow::Error, code: ExitCode) -> ExitCode {
    eprintln!("pantau: {err:#}");
    code
}
