//! `zairyu` — the Online Residence Application System and Electronic Notification System.

use clap::{Parser, Subcommand};

/// mimalloc: measured in bench/ to cut the server's CPU per request by about an eighth over glibc's
/// allocator (many small allocations per page).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::sync::Arc;
use zairyu::config::Config;
use zairyu::{StartError, build, prepare, serve, web_config};
use zairyu_app::SystemClock;

#[derive(Parser)]
#[command(
    name = "zairyu",
    version,
    about = "Online Residence Application System and Electronic Notification System"
)]
struct Cli {
    /// TOML configuration file.
    #[arg(long, global = true, env = "ZAIRYU_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (migrations applied, demo notices on an empty database, mail worker inside).
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long)]
        addr: Option<String>,
        /// Folder for the SQLite database, files and development mail [default: ./data].
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Apply database migrations and exit.
    Migrate {
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Run only the job worker (mail), for deployments that separate it from the web server.
    Worker {
        #[arg(long)]
        data_dir: Option<PathBuf>,
        /// Put jobs parked after too many failures back in the queue, then exit.
        #[arg(long)]
        requeue_failed: bool,
    },
    /// Postal code data.
    Postal {
        #[command(subcommand)]
        command: PostalCommand,
    },
    /// Procedure and form definitions.
    Forms {
        #[command(subcommand)]
        command: FormsCommand,
    },
    /// Immigration officers of the back office.
    Officer {
        #[command(subcommand)]
        command: OfficerCommand,
    },
    /// The My Number Card simulator (development mode only: no SMTP configured).
    Card {
        #[command(subcommand)]
        command: CardCommand,
        #[arg(long, global = true)]
        data_dir: Option<PathBuf>,
    },
    /// Load the demonstration data into an empty database (also done by `serve`).
    Demo {
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// Synthetic data for measuring at scale (see docs/PERFORMANCE.md); never for a live database.
    Seed {
        #[command(subcommand)]
        command: SeedCommand,
    },
}

#[derive(Subcommand)]
enum SeedCommand {
    /// Make users and filings with status histories over three years, a few users holding many
    /// filings each. Synthetic names, emails at example.invalid; deterministic from --seed on an
    /// empty database. Refuses a database that has real users unless --force.
    Applications {
        #[arg(long, default_value_t = 10_000)]
        users: u32,
        #[arg(long, default_value_t = 1_000_000)]
        applications: u64,
        /// Users (the first ones made) who get exactly --per-heavy-user filings each.
        #[arg(long, default_value_t = 1)]
        heavy_users: u32,
        #[arg(long, default_value_t = 10_000)]
        per_heavy_user: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The password of every seeded user [default: a random one, printed].
        #[arg(long, env = "ZAIRYU_SEED_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Seed even though the database has real users.
        #[arg(long)]
        force: bool,
        /// Write the User IDs of the users who are not heavy to this file, one a line (for the
        /// load test's returning users).
        #[arg(long)]
        login_ids: Option<PathBuf>,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum OfficerCommand {
    /// Create an officer and print their initial password (shown once); they set up the one-time
    /// code (TOTP) at their first login.
    Create {
        #[arg(long)]
        login_id: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        /// clerk, examiner, supervisor or admin.
        #[arg(long)]
        role: String,
        /// sapporo, sendai, tokyo, nagoya, osaka, hiroshima, takamatsu, fukuoka or hq.
        #[arg(long)]
        office: String,
        #[arg(long, default_value = "ja")]
        locale: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
    /// DEVELOPMENT ONLY (refused when SMTP is configured): print an officer's current one-time code,
    /// so the back office can be tried without an authenticator app.
    Code {
        login_id: String,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum FormsCommand {
    /// Check every procedure and form definition (unknown keys, dangling references, cycles in
    /// conditions, versions); exits non-zero on the first broken file, listing every problem.
    Check {
        /// The procedures folder.
        #[arg(default_value = "procedures")]
        dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum CardCommand {
    /// Make a test card (keys and certificates from the development CA, made on first use).
    New {
        /// Family and given name, separated by a space (stored with an ideographic space).
        #[arg(long)]
        name: String,
        #[arg(long)]
        address: String,
        /// YYYYMMDD.
        #[arg(long)]
        date_of_birth: String,
        /// male, female or unknown.
        #[arg(long)]
        sex: String,
        /// The user-authentication PIN: 4 digits.
        #[arg(long, default_value = "1234")]
        pin: String,
        /// The signature password: 6 to 16 capital letters and digits.
        #[arg(long, default_value = "ABC123")]
        password: String,
        /// A name for the card file [default: card1, card2, …].
        #[arg(long, default_value = "")]
        id: String,
    },
    /// List the test cards.
    List,
    /// Play the Mynaportal app for the one-time URL of a QR code.
    Scan {
        url: String,
        #[arg(long)]
        card: Option<String>,
    },
}

#[derive(Subcommand)]
enum PostalCommand {
    /// Replace the postal table with a file: the project's CSV (optionally gzipped) or Japan Post's KEN_ALL.CSV (Shift_JIS).
    Import {
        file: PathBuf,
        #[arg(long)]
        data_dir: Option<PathBuf>,
    },
}

fn init_logging(json: bool) {
    init_logging_with(json, "info,sqlx=warn");
}

/// `default` is the filter when `ZAIRYU_LOG` is not set.
fn init_logging_with(json: bool, default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ZAIRYU_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_ansi(std::io::stderr().is_terminal())
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().flatten_event(true).init();
    } else {
        builder.init();
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {}
            _ = term.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}

async fn run(cli: Cli) -> Result<(), StartError> {
    let mut cfg = Config::load(cli.config.as_deref())?;
    let set_dir = |cfg: &mut Config, d: Option<PathBuf>| {
        if let Some(d) = d {
            cfg.data_dir = d;
        }
    };
    match cli.command {
        Command::Serve { addr, data_dir } => {
            if let Some(a) = addr {
                cfg.addr = a;
            }
            set_dir(&mut cfg, data_dir);
            init_logging(cfg.log_json);
            tracing::info!(config = ?cfg, "starting");
            let app = build(&cfg, Arc::new(SystemClock)).await?;
            if cfg.base_url.is_empty()
                && (cfg.addr.starts_with("0.0.0.0") || cfg.addr.starts_with("[::]"))
            {
                tracing::warn!(
                    "base_url is not set: links in emails will point at {}, which other machines cannot open; set ZAIRYU_BASE_URL",
                    cfg.base_url()
                );
            }
            if app.transport.is_files() {
                tracing::warn!(mailbox = %cfg.data_dir.join("mail").display(), "no SMTP configured: mail is written to files and shown at /dev/mailbox (development only)");
            }
            prepare(&app, &cfg).await?;
            let listener = zairyu::bind(&cfg.addr).await?;
            tracing::info!(url = %cfg.base_url(), "listening on {}", cfg.addr);
            let (tx, rx) = tokio::sync::watch::channel(false);
            tokio::spawn(async move {
                shutdown_signal().await;
                tracing::info!("shutting down");
                let _ = tx.send(true);
            });
            let web = web_config(&cfg, &app);
            serve(
                app,
                web,
                listener,
                cfg.embedded_worker
                    .then_some(std::time::Duration::from_millis(500)),
                rx,
            )
            .await
            .map_err(|e| StartError::Listen(cfg.addr.clone(), e))?;
            tracing::info!("stopped");
        }
        Command::Migrate { data_dir } => {
            set_dir(&mut cfg, data_dir);
            init_logging(cfg.log_json);
            build(&cfg, Arc::new(SystemClock)).await?;
            tracing::info!("database is up to date");
        }
        Command::Worker {
            data_dir,
            requeue_failed,
        } => {
            set_dir(&mut cfg, data_dir);
            init_logging(cfg.log_json);
            let app = build(&cfg, Arc::new(SystemClock)).await?;
            if requeue_failed {
                let n = zairyu_app::outbox::requeue_failed(&app).await?;
                tracing::info!(jobs = n, "requeued");
                return Ok(());
            }
            let (tx, rx) = tokio::sync::watch::channel(false);
            tokio::spawn(async move {
                shutdown_signal().await;
                let _ = tx.send(true);
            });
            zairyu_app::outbox::worker(app, std::time::Duration::from_millis(500), rx).await;
        }
        Command::Officer {
            command:
                OfficerCommand::Create {
                    login_id,
                    name,
                    email,
                    role,
                    office,
                    locale,
                    data_dir,
                },
        } => {
            set_dir(&mut cfg, data_dir);
            init_logging(cfg.log_json);
            let app = build(&cfg, Arc::new(SystemClock)).await?;
            let input = zairyu_app::officers::NewOfficerInput {
                login_id: &login_id,
                name: &name,
                email: &email,
                role: &role,
                office: &office,
                locale: &locale,
            };
            match zairyu_app::officers::create(&app, &input, "cli", "cli").await? {
                Ok(created) => {
                    println!(
                        "officer {} created (id {})",
                        login_id.trim().to_ascii_lowercase(),
                        created.id
                    );
                    println!(
                        "initial password (shown once): {}",
                        created.initial_password
                    );
                    println!(
                        "log in at {}/officer/login and set up the one-time code",
                        cfg.base_url()
                    );
                }
                Err(errs) => {
                    for e in &errs.0 {
                        eprintln!("error: {}: {}", e.field, e.problem);
                    }
                    return Err(StartError::Invalid("officer not created".into()));
                }
            }
        }
        Command::Officer {
            command: OfficerCommand::Code { login_id, data_dir },
        } => {
            set_dir(&mut cfg, data_dir);
            init_logging(cfg.log_json);
            if !cfg.smtp_url.is_empty() {
                return Err(StartError::Invalid(
                    "`officer code` is for development only and is refused when SMTP is configured"
                        .into(),
                ));
            }
            let app = build(&cfg, Arc::new(SystemClock)).await?;
            match zairyu_app::officers::current_code(&app, &login_id).await? {
                Some(code) => println!("{code}"),
                None => {
                    return Err(StartError::Invalid(
                        "no such officer, or no one-time code set up yet (open /officer/second-factor first)".into(),
                    ));
                }
            }
        }
        Command::Postal {
            command: PostalCommand::Import { file, data_dir },
        } => {
            set_dir(&mut cfg, data_dir);
            init_logging(cfg.log_json);
            let bytes = std::fs::read(&file)
                .map_err(|e| StartError::DataDir(file.display().to_string(), e))?;
            let app = build(&cfg, Arc::new(SystemClock)).await?;
            let n = zairyu_app::postal::import(&app, &bytes).await?;
            tracing::info!(rows = n, "postal codes imported");
            println!("{n} postal code rows imported");
        }
        Command::Forms {
            command: FormsCommand::Check { dir },
        } => match zairyu_app::catalogue::load_dir(&dir) {
            Ok(c) => {
                for missing in c.missing_forms() {
                    println!(
                        "note: {missing} is listed in form_versions but not written yet (the procedure offers no entry screen)"
                    );
                }
                println!(
                    "{} procedures and {} form definitions are valid",
                    c.procedures.len(),
                    c.forms.len()
                );
            }
            Err(e) => {
                for problem in &e.0 {
                    eprintln!("error: {problem}");
                }
                return Err(StartError::Invalid(format!(
                    "{} problem(s) in {}",
                    e.0.len(),
                    dir.display()
                )));
            }
        },
        Command::Card { command, data_dir } => {
            set_dir(&mut cfg, data_dir);
            init_logging(cfg.log_json);
            match command {
                CardCommand::New {
                    name,
                    address,
                    date_of_birth,
                    sex,
                    pin,
                    password,
                    id,
                } => {
                    let id = zairyu::card::new_card(
                        &cfg,
                        &zairyu::card::NewCard {
                            id,
                            name,
                            address,
                            date_of_birth,
                            sex,
                            pin,
                            password,
                        },
                    )?;
                    println!(
                        "test card {id} made: {}",
                        zairyu::card::card_path(&cfg, &id).display()
                    );
                }
                CardCommand::List => {
                    for line in zairyu::card::list(&cfg)? {
                        println!("{line}");
                    }
                }
                CardCommand::Scan { url, card } => {
                    println!("{}", zairyu::card::scan(&cfg, &url, card.as_deref()).await?);
                }
            }
        }
        Command::Demo { data_dir } => {
            set_dir(&mut cfg, data_dir);
            init_logging(cfg.log_json);
            let app = build(&cfg, Arc::new(SystemClock)).await?;
            let loaded = zairyu_app::notices::seed_demo(&app).await?;
            println!(
                "{}",
                if loaded {
                    "demonstration notices loaded"
                } else {
                    "the database already has notices; nothing loaded"
                }
            );
        }
        Command::Seed {
            command:
                SeedCommand::Applications {
                    users,
                    applications,
                    heavy_users,
                    per_heavy_user,
                    seed,
                    password,
                    force,
                    login_ids,
                    data_dir,
                },
        } => {
            set_dir(&mut cfg, data_dir);
            // Bulk statements are slow by design; sqlx would print each one whole as a warning.
            init_logging_with(cfg.log_json, "info,sqlx=error");
            let app = build(&cfg, Arc::new(SystemClock)).await?;
            let generated = password.is_none();
            let password =
                password.unwrap_or_else(|| format!("Aa1-{}", zairyu_app::secret::random_token(12)));
            let plan = zairyu_app::seed::SeedPlan {
                users,
                applications,
                heavy_users,
                per_heavy_user,
                seed,
                password: password.clone(),
                force,
                years: 3,
            };
            let r = zairyu_app::seed::seed(&app, &plan)
                .await
                .map_err(|e| StartError::Invalid(e.to_string()))?;
            if let Some(path) = login_ids {
                let mut text = r.others.join("\n");
                text.push('\n');
                std::fs::write(&path, text)
                    .map_err(|e| StartError::DataDir(path.display().to_string(), e))?;
            }
            print_seed_report(&r, generated.then_some(password.as_str()));
        }
    }
    Ok(())
}

/// What `seed applications` made, in lines a script can read (`key: value`).
fn print_seed_report(r: &zairyu_app::seed::SeedReport, password: Option<&str>) {
    let day = |ms: i64| zairyu_app::filing::jst_date(ms);
    println!("users: {}", r.users);
    println!("applications: {}", r.applications);
    println!("history entries: {}", r.events);
    println!(
        "applied between: {} and {} (JST)",
        day(r.first_at),
        day(r.last_at)
    );
    for h in &r.heavy {
        println!(
            "heavy user: {} {} ({} applications)",
            h.login_id, h.email, h.applications
        );
    }
    for (s, n) in &r.by_status {
        println!("status {s}: {n}");
    }
    for (p, n) in &r.by_procedure {
        println!("procedure {p}: {n}");
    }
    if let Some(p) = password {
        println!("password of every seeded user: {p}");
    }
    println!("seconds: {:.1}", r.seconds);
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zairyu: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
