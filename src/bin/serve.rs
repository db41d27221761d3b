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

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

pub const STRICT_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const BLOCKING_CSP: &str = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

fn main() {
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
            let _ = respond(stream, &roots, compressed);
        });
    }
}

fn respond(mut stream: TcpStream, roots: &[PathBuf], compressed: bool) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut accept_encoding = String::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_string();
            }
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
    // The precompressed copy, if asked to send one, there is one, and the request allows it.
    let encoded = [("br", "br"), ("gzip", "gz")].into_iter().find_map(|(coding, extension)| {
        let copy = PathBuf::from(format!("{}.{extension}", file.display()));
        (compressed && safe && file.is_file() && accepts(&accept_encoding, coding) && copy.is_file()).then_some((coding, copy))
    });
    let (encoding, read) = match &encoded {
        Some((coding, copy)) => (format!("Content-Encoding: {coding}\r\nVary: Accept-Encoding\r\n"), std::fs::read(copy)),
        None => (String::new(), std::fs::read(&file)),
    };
    let (status, body, content_type) = match (method, safe, read) {
        ("GET" | "HEAD", true, Ok(body)) => ("200 OK", body, content_type(&file)),
        ("GET" | "HEAD", _, _) => ("404 Not Found", b"not found\n".to_vec(), "text/plain; charset=utf-8"),
        _ => ("405 Method Not Allowed", b"method not allowed\n".to_vec(), "text/plain; charset=utf-8"),
    };
    let encoding = if status == "200 OK" { encoding.as_str() } else { "" };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{encoding}Content-Length: {}\r\nContent-Security-Policy: {csp}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

/// Whether an `Accept-Encoding` value allows `coding` (named, and not with `q=0`).
fn accepts(header: &str, coding: &str) -> bool {
    header.split(',').any(|item| {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let quality = parts.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.trim().parse::<f32>().ok()).unwrap_or(1.0);
        name.eq_ignore_ascii_case(coding) && quality > 0.0
    })
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
