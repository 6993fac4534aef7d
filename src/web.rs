//! The web server: the axum router around the Leptos app, and `portal serve`.

use crate::mailer::{MailWorker, Transport};
use crate::page_cache::PageCache;
use crate::{admin, commands, config::Config, inquire, open_data, routes, security};
use anyhow::{Context, Result};
use app::server::{AppState, inquiries::InquirySettings, limits::RateLimiter, rates::Rates};
use app::{App, app::PublicUrl, shell};
use axum::{Router, extract::Request, routing::get};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower::Layer;
use tower_http::{
    compression::CompressionLayer,
    normalize_path::{NormalizePath, NormalizePathLayer},
    services::ServeDir,
};

/// Every route of the portal: health and redirects, the pages and server functions (both
/// registered by leptos_axum, with the request context), media and the static site files.
pub fn router(state: AppState, config: &Config) -> Router {
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || provide_request_context(&state)
    };
    let page_shell = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    let mut router = Router::new().route("/", get(routes::language_redirect));
    for section in routes::SECTIONS {
        router = router
            .route(&format!("/{section}"), get(routes::language_redirect))
            .route(&format!("/{section}/{{*rest}}"), get(routes::language_redirect));
    }
    router
        .route("/healthz", get(routes::healthz))
        .route("/sitemap.xml", get(routes::sitemap))
        .route("/robots.txt", get(routes::robots))
        .route("/open-data/sites.json", get(open_data::sites_json))
        .route("/open-data/sites.csv", get(open_data::sites_csv))
        .route("/open-data/sites.geojson", get(open_data::sites_geojson))
        .route("/{lang}/feed.xml", get(open_data::feed))
        .merge(admin::router())
        .route("/{lang}/inquire", axum::routing::post(inquire::submit))
        .route("/{lang}/inquiry-basket", axum::routing::post(inquire::basket))
        .leptos_routes_with_context(&state, routes, context.clone(), page_shell)
        .nest_service("/media", ServeDir::new(config.media_dir()))
        .nest_service("/pkg", site_files(&state.leptos_options))
        // Before the fallback: the page routes would take `/favicon.svg` for a language.
        .route_service("/favicon.svg", favicon(&state.leptos_options))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell))
        .layer(axum::middleware::from_fn_with_state(limits(config), crate::limits::bound))
        .layer(axum::middleware::from_fn_with_state(
            PageCache::new(std::time::Duration::from_secs(u64::from(config.page_cache_seconds))),
            crate::page_cache::serve,
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), routes::remember_language))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::guard))
        .layer(CompressionLayer::new())
        .layer(axum::middleware::from_fn(crate::logs::requests))
        .with_state(state)
}

/// `/pkg`: the stylesheet, script and WebAssembly of the build. With file hashing on (a release
/// build), their names change with their content, so browsers may keep them for a year; the
/// brotli and gzip copies made at build time are sent to browsers that take them.
fn site_files(options: &LeptosOptions) -> Router {
    use tower_http::set_header::SetResponseHeaderLayer;
    let dir = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let cache = if options.hash_files { "public, max-age=31536000, immutable" } else { "no-cache" };
    Router::new()
        .fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip())
        .layer(SetResponseHeaderLayer::if_not_present(
            axum::http::header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static(cache),
        ))
}

/// `/favicon.svg` from the site folder (its brotli and gzip copies when the build made them).
/// Without this route `/{lang}` answers it, with the not-found page.
fn favicon(options: &LeptosOptions) -> tower_http::services::ServeFile {
    let path = std::path::Path::new(options.site_root.as_ref()).join("favicon.svg");
    tower_http::services::ServeFile::new(path).precompressed_br().precompressed_gzip()
}

/// Whether the build's files carry hashes in their names: `LEPTOS_HASH_FILES` when set (cargo
/// leptos sets it), else whether cargo-leptos wrote the hash file beside this binary and the files
/// it names are in the site folder.
fn hashed_files(options: &LeptosOptions) -> bool {
    if std::env::var_os("LEPTOS_HASH_FILES").is_some() {
        return options.hash_files;
    }
    let Some(hashes) = std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.join(options.hash_file.as_ref())))
        .and_then(|path| std::fs::read_to_string(path).ok())
    else {
        return false;
    };
    let pkg = std::path::Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    let names: Vec<String> = hashes
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(ext, hash)| format!("{}.{}.{}", options.output_name, hash.trim(), ext.trim()))
        .collect();
    !names.is_empty() && names.iter().all(|name| pkg.join(name).is_file())
}

/// The router as served: `/en/` and `/en` are the same page (the router knows only the second),
/// so the trailing slash is trimmed before routing, and pages name their one canonical URL.
pub fn service(state: AppState, config: &Config) -> NormalizePath<Router> {
    NormalizePathLayer::trim_trailing_slash().layer(router(state, config))
}

/// The bounds on every request.
pub fn limits(config: &Config) -> crate::limits::Limits {
    crate::limits::Limits {
        request_timeout: std::time::Duration::from_secs(u64::from(config.request_timeout_seconds)),
    }
}

/// What the inquiry pages and emails take from the configuration.
pub fn inquiry_settings(config: &Config) -> InquirySettings {
    InquirySettings {
        public_url: config.public_base(),
        reply_days: config.reply_days,
        mail_from: config.mail_from.to_string(),
        trust_proxy: config.trust_proxy,
    }
}

/// The limit on inquiries per client address, per hour.
pub fn inquiry_limit(config: &Config) -> RateLimiter {
    RateLimiter::new(config.inquiry_limit, std::time::Duration::from_secs(3600))
}

/// The limit on staff sign-in attempts per client address: 20 in 15 minutes, whatever the
/// accounts tried, so that guessing across many accounts is slowed as guessing one account is.
pub fn sign_in_limit() -> RateLimiter {
    RateLimiter::new(20, std::time::Duration::from_secs(15 * 60))
}

/// What every page and server function can take from the context.
pub fn provide_request_context(state: &AppState) {
    provide_context(state.clone());
    provide_context(PublicUrl(state.public_url.clone()));
}

/// `portal serve`: migrates the database, then serves until SIGINT or SIGTERM.
pub async fn serve(config: Config) -> Result<()> {
    std::fs::create_dir_all(config.media_dir())
        .with_context(|| format!("cannot create the data folder {}", config.data_dir.display()))?;
    let db = commands::open_migrated(&config).await?;
    match &config.smtp_url {
        Some(url) => tracing::info!(smtp = %crate::config::redact(url), "mail is sent over SMTP"),
        None => tracing::info!(
            folder = %config.mail_dir().display(),
            "SMTP_URL is not set: outgoing mail is written to files instead of being sent"
        ),
    }
    let mut leptos_options = get_configuration(None)
        .context("cannot read the Leptos settings (LEPTOS_* variables)")?
        .leptos_options;
    leptos_options.site_addr = config.site_addr;
    leptos_options.hash_files = hashed_files(&leptos_options);
    let rates = Rates::load(&db).await.context("cannot read the exchange rates")?;
    let outbox_signal = std::sync::Arc::new(tokio::sync::Notify::new());
    let mut worker = MailWorker::new(
        db.clone(),
        Transport::from_config(&config)?,
        config.mail_from.clone(),
        outbox_signal.clone(),
    );
    worker.pacing.retry_base = std::time::Duration::from_secs(u64::from(config.mail_retry_seconds));
    tokio::spawn(worker.run());
    tokio::spawn(refresh_rates(db.clone(), rates.clone()));
    tokio::spawn(remind_desks(db.clone(), inquiry_settings(&config), outbox_signal.clone()));
    let state = AppState {
        db,
        public_url: config.public_base(),
        leptos_options,
        rates,
        inquiry: inquiry_settings(&config),
        inquiry_limit: inquiry_limit(&config),
        sign_in_limit: sign_in_limit(),
        outbox_signal,
        media: std::sync::Arc::new(app::server::media::FsStore::new(config.media_dir())),
    };
    let app = service(state, &config);
    let listener = tokio::net::TcpListener::bind(config.site_addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.site_addr))?;
    tracing::info!(
        "serving the portal on http://{} (public URL {})",
        config.site_addr,
        config.public_base()
    );
    serve_connections(listener, app).await;
    Ok(())
}

/// The connection loop: HTTP/1.1 and HTTP/2 on each accepted connection, which has
/// `HEADER_TIMEOUT` to send its request headers (a client that trickles them in is dropped
/// rather than holding a connection open); each request knows its peer's address. On SIGINT or
/// SIGTERM, no new connection is accepted and open requests get up to 20 seconds to finish.
async fn serve_connections(listener: tokio::net::TcpListener, app: NormalizePath<Router>) {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use tower::ServiceExt as _;
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown_signal());
    let mut builder = hyper_util::server::conn::auto::Builder::new(TokioExecutor::new());
    builder.http1().timer(TokioTimer::new()).header_read_timeout(crate::limits::HEADER_TIMEOUT);
    builder.http2().timer(TokioTimer::new());
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(err) => {
                    // Out of file descriptors, say: wait a little rather than spin.
                    tracing::warn!(cause = %err, "cannot accept a connection");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = app.clone();
        let service = hyper::service::service_fn(move |request: Request<hyper::body::Incoming>| {
            let mut request = request.map(axum::body::Body::new);
            request.extensions_mut().insert(axum::extract::ConnectInfo(peer));
            app.clone().oneshot(request)
        });
        let connection =
            builder.serve_connection_with_upgrades(TokioIo::new(stream), service).into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(cause = %err, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(std::time::Duration::from_secs(20)) => {
            tracing::warn!("requests still open after 20 seconds are cut off");
        }
    }
}

/// Rereads the exchange rates now and then, so that a rate set by another process (the command
/// line, another server) reaches this one's pages within a minute.
async fn refresh_rates(db: sea_orm::DatabaseConnection, rates: Rates) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    every.tick().await;
    loop {
        every.tick().await;
        if let Err(err) = rates.refresh(&db).await {
            tracing::warn!(cause = %err, "cannot reread the exchange rates; keeping the last ones");
        }
    }
}

/// Once a day, from 06:00 UTC (late morning at the center), each desk with inquiries past the
/// committed reply time gets one email listing them. Every server asks every half hour; the
/// outbox keeps it to one email per desk and day.
async fn remind_desks(
    db: sea_orm::DatabaseConnection,
    settings: InquirySettings,
    outbox_signal: std::sync::Arc<tokio::sync::Notify>,
) {
    use chrono::Timelike;
    let mut every = tokio::time::interval(std::time::Duration::from_secs(1800));
    loop {
        every.tick().await;
        let now = chrono::Utc::now();
        if now.hour() < 6 {
            continue;
        }
        match app::server::inquiries::queue_overdue_digests(&db, &settings, now.date_naive()).await
        {
            Ok(0) => {}
            Ok(queued) => {
                tracing::info!(queued, "overdue reminders queued for the desks");
                outbox_signal.notify_waiters();
            }
            Err(err) => tracing::warn!(cause = %err, "cannot queue the overdue reminders"),
        }
    }
}

async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
