//! The server: renders the page with leptos_axum and serves the client's wasm (`site/pkg/`) and
//! the form's stylesheet. `SITE_ADDR` (default 127.0.0.1:3000) and `SITE_ROOT` (the folder
//! holding `pkg/`) say where; `COGNITO_*` say which pool (see `PoolConfig`).

use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use ssr_example::{shell, App};

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::var("SITE_ADDR").unwrap_or_else(|_| "127.0.0.1:3000".to_owned());
    let root = std::env::var("SITE_ROOT").unwrap_or_else(|_| "target/site".to_owned());
    let options = LeptosOptions::builder()
        .output_name("ssr_example")
        .site_root(root.clone())
        .site_pkg_dir("pkg")
        .build();
    let routes = generate_route_list(App);
    let app = Router::new()
        .route(
            "/cognito-confirm.css",
            get(|| async { ([(CONTENT_TYPE, "text/css")], cognito_confirm::STYLESHEET) }),
        )
        .route("/pkg/{*file}", get(move |path| pkg_file(root.clone(), path)))
        .leptos_routes(&options, routes, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .with_state(options);
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("listening on http://{}/", listener.local_addr()?);
    axum::serve(listener, app.into_make_service()).await
}

/// A file of the client build (`ssr_example.js`, `ssr_example_bg.wasm`, `snippets/…`).
async fn pkg_file(
    root: String,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let kind = match file.rsplit_once('.').map(|(_, ext)| ext) {
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        _ => return axum::http::StatusCode::NOT_FOUND.into_response(),
    };
    if file
        .split('/')
        .any(|part| part.is_empty() || part.starts_with('.'))
    {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    }
    match tokio::fs::read(format!("{root}/pkg/{file}")).await {
        Ok(bytes) => ([(CONTENT_TYPE, kind)], bytes).into_response(),
        Err(_) => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}
