//! A small static file server for the demo page and the end-to-end tests.
//! Development only; partners serve the files from `www/` however they like.
//!
//! Every response carries the strict Content Security Policy that Putokaz
//! recommends to partners, so the demo proves the widget works under it.
//! Paths under `/csp-blocked/` get a policy that blocks all scripts, to show
//! the fallback. It binds to 127.0.0.1 only.
//!
//! With `--compressed`, a file that has a precompressed copy beside it
//! (`putokaz_bg.wasm.br`, `.gz`, as `.ci/build` writes them) is sent as that
//! copy with `Content-Encoding` when the request's `Accept-Encoding` allows
//! it, brotli first, as a partner's server would.
//!
//! hyper parses the requests and tower-http's `ServeFile` sends the files.
//! Before anything on disk is looked at, the path is decoded and refused if a
//! part of it starts with a dot (`..`, `.git`, `.env`) or holds a backslash or
//! NUL. A symbolic link anywhere under a root is never followed. Request heads
//! are limited in size and in time (which also closes idle connections), each
//! connection in lifetime, and the open connections in number.

// Cargo builds every binary for the browser tests too (`cargo test --target
// wasm32-unknown-unknown --test web`); there the server is left out, and so
// are its dependencies (Cargo.toml lists them for other targets only).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    server::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod server {
    use std::convert::Infallible;
    use std::path::{Path, PathBuf};
    use std::sync::Arc;
    use std::time::Duration;

    use http_body_util::combinators::UnsyncBoxBody;
    use http_body_util::{BodyExt, Full};
    use hyper::body::{Bytes, Incoming};
    use hyper::header::{HeaderValue, CONTENT_ENCODING, CONTENT_TYPE, VARY};
    use hyper::{Method, Request, Response, StatusCode};
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tower_http::services::ServeFile;
    use tower_service::Service;

    const STRICT_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    const BLOCKING_CSP: &str = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// The longest request line and headers together; longer gets 431.
    const MAX_HEAD_BYTES: usize = 16 * 1024;
    const MAX_HEADERS: usize = 64;
    /// How long a client may take to send a request head, and how long a
    /// kept-alive connection may sit idle before the next one.
    const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
    /// How long one request may take to answer (opening the file).
    const RESPONSE_TIMEOUT: Duration = Duration::from_secs(10);
    /// After this a connection finishes the response in flight and closes;
    /// the grace is how long that last response may take.
    const CONNECTION_LIFETIME: Duration = Duration::from_secs(120);
    const CONNECTION_GRACE: Duration = Duration::from_secs(30);
    /// Open connections at most; further ones wait in the listen queue.
    const MAX_CONNECTIONS: usize = 64;

    type Body = UnsyncBoxBody<Bytes, std::io::Error>;

    struct Config {
        roots: Vec<PathBuf>,
        compressed: bool,
    }

    pub fn main() {
        let mut roots = vec![PathBuf::from("www")];
        let mut port = 8080u16;
        let mut compressed = false;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--root" => roots[0] = args.next().map(PathBuf::from).unwrap_or_else(|| roots[0].clone()),
                // Further folders to look in when a file is not in the first, such as test pages.
                "--extra" => roots.extend(args.next().map(PathBuf::from)),
                "--port" => port = args.next().and_then(|p| p.parse().ok()).unwrap_or(port),
                "--compressed" => compressed = true,
                _ => {
                    eprintln!("usage: serve [--root DIR] [--extra DIR]... [--port PORT] [--compressed]");
                    std::process::exit(2);
                }
            }
        }
        let listener = match std::net::TcpListener::bind(("127.0.0.1", port)).and_then(|l| l.set_nonblocking(true).map(|()| l)) {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("serve: cannot listen on 127.0.0.1:{port}: {error}");
                std::process::exit(1);
            }
        };
        // The port listened on: the one asked for, or with `--port 0` the one the system chose.
        let port = listener.local_addr().map_or(port, |a| a.port());
        println!("Putokaz demo: http://127.0.0.1:{port}/  (serving {}; Ctrl-C to stop)", roots[0].display());
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime");
        let config = Arc::new(Config { roots, compressed });
        runtime.block_on(accept(listener, config));
    }

    async fn accept(listener: std::net::TcpListener, config: Arc<Config>) {
        let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
        let connections = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
        loop {
            let Ok(permit) = connections.clone().acquire_owned().await else { return };
            let Ok((stream, _)) = listener.accept().await else { continue };
            let config = config.clone();
            tokio::spawn(async move {
                let mut http = hyper::server::conn::http1::Builder::new();
                http.timer(TokioTimer::new())
                    .header_read_timeout(HEAD_TIMEOUT)
                    .max_header_size(MAX_HEAD_BYTES)
                    .max_headers(MAX_HEADERS);
                let service = hyper::service::service_fn(move |request| {
                    let config = config.clone();
                    async move {
                        let response = tokio::time::timeout(RESPONSE_TIMEOUT, respond(request, &config)).await;
                        Ok::<_, Infallible>(response.unwrap_or_else(|_| plain(StatusCode::SERVICE_UNAVAILABLE, "timed out\n", STRICT_CSP)))
                    }
                });
                let mut connection = std::pin::pin!(http.serve_connection(TokioIo::new(stream), service));
                if tokio::time::timeout(CONNECTION_LIFETIME, connection.as_mut()).await.is_err() {
                    connection.as_mut().graceful_shutdown();
                    let _ = tokio::time::timeout(CONNECTION_GRACE, connection).await;
                }
                drop(permit);
            });
        }
    }

    async fn respond(request: Request<Incoming>, config: &Config) -> Response<Body> {
        let path = request.uri().path();
        let (csp, path) = match path.strip_prefix("/csp-blocked") {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => (BLOCKING_CSP, rest),
            _ => (STRICT_CSP, path),
        };
        if request.method() != Method::GET && request.method() != Method::HEAD {
            return plain(StatusCode::METHOD_NOT_ALLOWED, "method not allowed\n", csp);
        }
        let Some(file) = relative_path(path).and_then(|relative| find(&config.roots, &relative, config.compressed)) else {
            return plain(StatusCode::NOT_FOUND, "not found\n", csp);
        };
        let mut serve = ServeFile::new(&file);
        if config.compressed {
            serve = serve.precompressed_br().precompressed_gzip();
        }
        let Ok(()) = std::future::poll_fn(|context| Service::<Request<Incoming>>::poll_ready(&mut serve, context)).await;
        let Ok(response) = serve.call(request).await;
        let mut response = response.map(BodyExt::boxed_unsync);
        if response.status() == StatusCode::NOT_FOUND {
            return plain(StatusCode::NOT_FOUND, "not found\n", csp);
        }
        let headers = response.headers_mut();
        if headers.contains_key(CONTENT_TYPE) {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type(&file)));
        }
        if headers.contains_key(CONTENT_ENCODING) {
            headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
        }
        security_headers(&mut response, csp);
        response
    }

    /// The request path as a relative file path: percent-decoded, `index.html`
    /// added to a folder, and `None` if any part starts with a dot or holds a
    /// backslash or NUL. Nothing on disk is looked at.
    fn relative_path(path: &str) -> Option<PathBuf> {
        let decoded = percent_encoding::percent_decode_str(path).decode_utf8().ok()?;
        let mut relative = PathBuf::new();
        for part in decoded.split('/').filter(|part| !part.is_empty()) {
            if part.starts_with('.') || part.contains(['\\', '\0']) {
                return None;
            }
            relative.push(part);
        }
        if relative.as_os_str().is_empty() || decoded.ends_with('/') {
            relative.push("index.html");
        }
        Some(relative)
    }

    /// The file in the first root that has it as a regular file, reached without
    /// a symbolic link (and, when compressed copies may be sent, whose `.br` and
    /// `.gz` copies are no links either).
    fn find(roots: &[PathBuf], relative: &Path, compressed: bool) -> Option<PathBuf> {
        let is = |path: &Path, what: fn(&std::fs::FileType) -> bool| std::fs::symlink_metadata(path).is_ok_and(|m| what(&m.file_type()));
        roots.iter().find_map(|root| {
            let mut path = root.clone();
            let parts: Vec<_> = relative.iter().collect();
            for (index, part) in parts.iter().enumerate() {
                path.push(part);
                let last = index + 1 == parts.len();
                if !is(&path, if last { std::fs::FileType::is_file } else { std::fs::FileType::is_dir }) {
                    return None;
                }
            }
            let linked_copy = compressed
                && ["br", "gz"].iter().any(|extension| {
                    let mut copy = path.clone().into_os_string();
                    copy.push(format!(".{extension}"));
                    let copy = PathBuf::from(copy);
                    std::fs::symlink_metadata(&copy).is_ok() && !is(&copy, std::fs::FileType::is_file)
                });
            (!linked_copy).then_some(path)
        })
    }

    fn plain(status: StatusCode, text: &'static str, csp: &'static str) -> Response<Body> {
        let body = Full::new(Bytes::from_static(text.as_bytes())).map_err(|never: Infallible| match never {});
        let mut response = Response::new(body.boxed_unsync());
        *response.status_mut() = status;
        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
        security_headers(&mut response, csp);
        response
    }

    fn security_headers<B>(response: &mut Response<B>, csp: &'static str) {
        let headers = response.headers_mut();
        headers.insert("content-security-policy", HeaderValue::from_static(csp));
        headers.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
        headers.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    }

    fn content_type(path: &Path) -> &'static str {
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => "text/html; charset=utf-8",
            Some("js" | "mjs") => "text/javascript; charset=utf-8",
            Some("css") => "text/css; charset=utf-8",
            Some("wasm") => "application/wasm",
            Some("json") => "application/json",
            Some("svg") => "image/svg+xml",
            Some("png") => "image/png",
            Some("ts" | "txt") => "text/plain; charset=utf-8",
            _ => "application/octet-stream",
        }
    }
}
