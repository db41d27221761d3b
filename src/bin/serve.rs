//! A small static file server for the demo page and the end-to-end tests.
//! Development only; partners serve the files from `www/` however they like.
//!
//! Every response carries the strict Content Security Policy that Putokaz
//! recommends to partners, so the demo proves the widget works under it.
//! Paths under `/csp-blocked/` get a policy that blocks all scripts, to show
//! the fallback. It binds to 127.0.0.1 only.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

pub const STRICT_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const BLOCKING_CSP: &str = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

fn main() {
    let mut roots = vec![PathBuf::from("www")];
    let mut port = 8080u16;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--root" => roots[0] = args.next().map(PathBuf::from).unwrap_or_else(|| roots[0].clone()),
            // Further folders to look in when a file is not in the first, such as test pages.
            "--extra" => roots.extend(args.next().map(PathBuf::from)),
            "--port" => port = args.next().and_then(|p| p.parse().ok()).unwrap_or(port),
            _ => {
                eprintln!("usage: serve [--root DIR] [--extra DIR]... [--port PORT]");
                std::process::exit(2);
            }
        }
    }
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("serve: cannot listen on 127.0.0.1:{port}: {error}");
            std::process::exit(1);
        }
    };
    println!("Putokaz demo: http://127.0.0.1:{port}/  (serving {}; Ctrl-C to stop)", roots[0].display());
    for stream in listener.incoming().flatten() {
        let roots = roots.clone();
        std::thread::spawn(move || {
            let _ = respond(stream, &roots);
        });
    }
}

fn respond(mut stream: TcpStream, roots: &[PathBuf]) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (csp, path) = match path.strip_prefix("/csp-blocked") {
        Some(rest) => (BLOCKING_CSP, if rest.is_empty() { "/" } else { rest }),
        None => (STRICT_CSP, path),
    };
    let relative = path.trim_start_matches('/');
    let relative = if relative.is_empty() || relative.ends_with('/') { format!("{relative}index.html") } else { relative.to_string() };
    let safe = Path::new(&relative).components().all(|c| matches!(c, Component::Normal(_)));
    let file = roots.iter().map(|root| root.join(&relative)).find(|f| f.is_file()).unwrap_or_default();
    let (status, body, content_type) = match (method, safe, std::fs::read(&file)) {
        ("GET" | "HEAD", true, Ok(body)) => ("200 OK", body, content_type(&file)),
        ("GET" | "HEAD", _, _) => ("404 Not Found", b"not found\n".to_vec(), "text/plain; charset=utf-8"),
        _ => ("405 Method Not Allowed", b"method not allowed\n".to_vec(), "text/plain; charset=utf-8"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nContent-Security-Policy: {csp}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
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
        Some("ts") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
