//! The demo and test server (`src/bin/serve.rs`), started as a process on a
//! free port over a folder made for each test, and spoken to in raw HTTP.

use std::io::{BufRead, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const STRICT_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const BLOCKING_CSP: &str = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const SECRET: &str = "SECRET OUTSIDE THE ROOT";

struct Server {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A root `www` (with dotfiles and links to a folder outside it), an extra
/// root, and the server over both.
fn start(compressed: bool) -> Server {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("putokaz-serve-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
    let _ = std::fs::remove_dir_all(&dir);
    let write = |path: &str, text: &str| {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("outside/secret.txt", SECRET);
    write("outside/index.html", SECRET);
    write("www/index.html", "<!doctype html>home");
    write("www/sub/index.html", "<!doctype html>sub");
    write("www/pkg/putokaz_bg.wasm", "WASM");
    write("www/pkg/putokaz_bg.wasm.br", "BROTLI");
    write("www/pkg/putokaz_bg.wasm.gz", "GZIP");
    write("www/pkg/putokaz.sr.txt", "pack");
    write("www/pkg/putokaz.js", "js");
    write("www/putokaz.css", "css");
    write("www/putokaz.d.ts", "types");
    write("www/favicon.svg", "<svg/>");
    write("www/both.html", "first root");
    write("www/.env", SECRET);
    write("www/.git/config", SECRET);
    write("extra/page.html", "extra page");
    write("extra/both.html", "second root");
    std::os::unix::fs::symlink(dir.join("outside/secret.txt"), dir.join("www/link.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("outside"), dir.join("www/linked")).unwrap();

    // Port 0: the server takes a free port and prints it, so no other
    // server (another test's, started at the same moment) can answer here.
    let mut command = Command::new(env!("CARGO_BIN_EXE_serve"));
    command.arg("--root").arg(dir.join("www")).arg("--extra").arg(dir.join("extra")).arg("--port").arg("0");
    if compressed {
        command.arg("--compressed");
    }
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let port = line.split("127.0.0.1:").nth(1).and_then(|rest| rest.split('/').next()).and_then(|p| p.parse().ok()).unwrap_or_else(|| panic!("the server did not say its port: {line:?}"));
    Server { child, port, dir }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Sends `head` (the request line and headers, without the blank line) and
/// reads the reply until the server closes the connection.
fn send(server: &Server, head: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = stream.write_all(format!("{head}\r\n\r\n").as_bytes());
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines.next().and_then(|line| line.split_whitespace().nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers = lines.filter_map(|line| line.split_once(':')).map(|(n, v)| (n.trim().to_string(), v.trim().to_string())).collect();
    Reply { status, headers, body: body.to_string() }
}

fn get(server: &Server, path: &str) -> Reply {
    send(server, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"))
}

#[test]
fn types_headers_roots_and_refusals() {
    let server = start(false);
    for (path, content_type, body) in [
        ("/", "text/html; charset=utf-8", "<!doctype html>home"),
        ("/sub/", "text/html; charset=utf-8", "<!doctype html>sub"),
        ("/pkg/putokaz_bg.wasm", "application/wasm", "WASM"),
        ("/pkg/putokaz.sr.txt", "text/plain; charset=utf-8", "pack"),
        ("/pkg/putokaz.js", "text/javascript; charset=utf-8", "js"),
        ("/putokaz.css", "text/css; charset=utf-8", "css"),
        ("/putokaz.d.ts", "text/plain; charset=utf-8", "types"),
        ("/favicon.svg", "image/svg+xml", "<svg/>"),
        ("/index.html?lang=sr", "text/html; charset=utf-8", "<!doctype html>home"),
        // A file not in the first root is looked for in the extra ones, in order.
        ("/page.html", "text/html; charset=utf-8", "extra page"),
        ("/both.html", "text/html; charset=utf-8", "first root"),
    ] {
        let reply = get(&server, path);
        assert_eq!((reply.status, reply.header("content-type"), reply.body.as_str()), (200, Some(content_type), body), "{path}");
        assert_eq!(reply.header("content-security-policy"), Some(STRICT_CSP), "{path}");
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"), "{path}");
        assert_eq!(reply.header("content-encoding"), None, "{path}: not asked to send compressed copies");
    }
    let blocked = get(&server, "/csp-blocked/page.html");
    assert_eq!((blocked.status, blocked.body.as_str()), (200, "extra page"));
    assert_eq!(blocked.header("content-security-policy"), Some(BLOCKING_CSP));

    let missing = get(&server, "/missing.html");
    assert_eq!((missing.status, missing.body.as_str()), (404, "not found\n"));
    assert_eq!(missing.header("content-type"), Some("text/plain; charset=utf-8"));
    assert_eq!(missing.header("content-security-policy"), Some(STRICT_CSP));
    assert_eq!(missing.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(get(&server, "/sub").status, 404, "a folder without its slash");

    let head = send(&server, "HEAD /pkg/putokaz_bg.wasm HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close");
    assert_eq!((head.status, head.header("content-type"), head.header("content-length"), head.body.as_str()), (200, Some("application/wasm"), Some("4"), ""));
    let post = send(&server, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close");
    assert_eq!(post.status, 405);
}

#[test]
fn compressed_copies_when_the_request_allows_them() {
    let server = start(true);
    for (accept, encoding, body) in [
        (Some("gzip, deflate, br, zstd"), Some("br"), "BROTLI"),
        (Some("gzip"), Some("gzip"), "GZIP"),
        (Some("br;q=0, gzip"), Some("gzip"), "GZIP"),
        (Some("identity"), None, "WASM"),
        (None, None, "WASM"),
    ] {
        let extra = accept.map(|a| format!("\r\nAccept-Encoding: {a}")).unwrap_or_default();
        let reply = send(&server, &format!("GET /pkg/putokaz_bg.wasm HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close{extra}"));
        assert_eq!((reply.status, reply.header("content-encoding"), reply.body.as_str()), (200, encoding, body), "{accept:?}");
        assert_eq!(reply.header("content-type"), Some("application/wasm"), "{accept:?}");
        assert_eq!(reply.header("content-security-policy"), Some(STRICT_CSP), "{accept:?}");
        if encoding.is_some() {
            assert!(reply.header("vary").is_some_and(|v| v.eq_ignore_ascii_case("accept-encoding")), "{accept:?}");
        }
    }
    let missing = send(&server, "GET /nothing.wasm HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAccept-Encoding: br");
    assert_eq!((missing.status, missing.header("content-encoding")), (404, None));
}

#[test]
fn nothing_outside_the_roots() {
    let server = start(true);
    for path in [
        "/../outside/secret.txt",
        "/%2e%2e/outside/secret.txt",
        "/%2E%2E/outside/secret.txt",
        "/..%2foutside%2fsecret.txt",
        "/sub/../../outside/secret.txt",
        "/sub/%2e%2e/%2e%2e/outside/secret.txt",
        "/..\\outside\\secret.txt",
        "/..%5coutside%5csecret.txt",
        "/csp-blocked/../../outside/secret.txt",
        "/%00/../outside/secret.txt",
    ] {
        let reply = get(&server, path);
        assert!(reply.status == 404 || reply.status == 400, "{path}: {}", reply.status);
        assert!(!reply.body.contains(SECRET), "{path}");
    }
}

#[test]
fn no_symbolic_links() {
    let server = start(false);
    for path in ["/link.txt", "/linked/secret.txt", "/linked/", "/csp-blocked/link.txt"] {
        let reply = get(&server, path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.body.contains(SECRET), "{path}");
    }
}

#[test]
fn no_dotfiles() {
    let server = start(false);
    for path in ["/.env", "/%2eenv", "/.git/config", "/%2Egit/config", "/csp-blocked/.env"] {
        let reply = get(&server, path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.body.contains(SECRET), "{path}");
    }
}

#[test]
fn oversized_request_heads_are_refused() {
    let server = start(false);
    let long_line = send(&server, &format!("GET /{} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close", "a".repeat(64 * 1024)));
    assert!(matches!(long_line.status, 414 | 431), "a 64 KiB request line: {}", long_line.status);
    let many = (0..200).map(|i| format!("\r\nX-Filler-{i}: {}", "b".repeat(100))).collect::<String>();
    let big_headers = send(&server, &format!("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close{many}"));
    assert_eq!(big_headers.status, 431, "200 headers of 100 bytes");
    // Still serving afterwards.
    assert_eq!(get(&server, "/").status, 200);
}

/// A connection that sends nothing, or stops in the middle of its request
/// head, is closed within the head timeout (10 s) instead of held forever.
#[test]
fn idle_connections_are_closed() {
    let server = start(false);
    let started = Instant::now();
    let silent = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let mut partial = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    partial.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n").unwrap();
    for (what, mut stream) in [("silent", silent), ("partial head", partial)] {
        stream.set_read_timeout(Some(Duration::from_secs(25))).unwrap();
        let mut bytes = Vec::new();
        match stream.read_to_end(&mut bytes) {
            Ok(_) => {}
            Err(error) if error.kind() == ErrorKind::ConnectionReset => {}
            Err(error) => panic!("{what}: still open after {:?} ({error})", started.elapsed()),
        }
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.is_empty() || text.starts_with("HTTP/1.1 408"), "{what}: {text}");
    }
    assert!(started.elapsed() < Duration::from_secs(20), "closed only after {:?}", started.elapsed());
    assert_eq!(get(&server, "/").status, 200);
}
