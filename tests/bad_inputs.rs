//! Bad input of every kind: each gets a clear message naming the file, the run goes on, the
//! good files are still written, and the exit status says what happened.

mod common;

use std::path::Path;

/// Runs `extract` over a folder holding one good decision and `bad` (written by `make`),
/// and returns (exit status, sources written, stderr).
fn run_with(make: impl FnOnce(&Path)) -> (Option<i32>, Vec<String>, String) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("in");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(common::seed_path(), dir.join("good.txt")).unwrap();
    make(&dir);
    let out = common::extract(&["-q", "--format", "jsonl", "in"], tmp.path());
    let sources = common::sources(&out.stdout);
    (
        out.status.code(),
        sources,
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn assert_failed(result: (Option<i32>, Vec<String>, String), message: &str) {
    let (status, sources, stderr) = result;
    assert_eq!(status, Some(1), "{stderr}");
    assert!(
        sources.contains(&"in/good.txt".to_string()),
        "the good file is still written: {sources:?}"
    );
    assert!(
        stderr.contains(message),
        "expected {message:?} in {stderr:?}"
    );
}

fn assert_parsed(result: (Option<i32>, Vec<String>, String), source: &str) {
    let (status, sources, stderr) = result;
    assert_eq!(status, Some(0), "{stderr}");
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(sources.contains(&source.to_string()), "{sources:?}");
}

#[test]
fn empty_file() {
    assert_failed(
        run_with(|d| std::fs::write(d.join("empty.txt"), b"").unwrap()),
        "in/empty.txt: empty input: no text to parse",
    );
}

#[test]
fn binary_file() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert_failed(
        run_with(|d| std::fs::write(d.join("image.txt"), &bytes).unwrap()),
        "in/image.txt: binary data, not text (NUL byte at offset 0)",
    );
}

#[test]
fn invalid_utf8_that_is_not_windows_1252_either() {
    assert_failed(
        run_with(|d| {
            std::fs::write(
                d.join("bad.txt"),
                b"Some Council (24 000 001)\n\x81\x8d\x8f\n",
            )
            .unwrap()
        }),
        "in/bad.txt: not valid UTF-8 text (invalid byte sequence at offset 26)",
    );
}

#[test]
fn utf16_with_a_bom_is_read() {
    let text = std::fs::read_to_string(common::seed_path()).unwrap();
    let bytes: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_parsed(
        run_with(|d| std::fs::write(d.join("utf16.txt"), &bytes).unwrap()),
        "in/utf16.txt",
    );
}

#[test]
fn windows_1252_is_read_with_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::root().join("fixtures/windows_1252.txt"),
        tmp.path().join("w.txt"),
    )
    .unwrap();
    let out = common::extract(&["--format", "jsonl", "w.txt"], tmp.path());
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("w.txt: warning: not UTF-8; decoded as Windows-1252"),
        "{stderr}"
    );
}

#[test]
fn truncated_decision_still_parses() {
    let text = std::fs::read_to_string(common::seed_path()).unwrap();
    let cut = &text[..text.char_indices().nth(1500).unwrap().0];
    assert_parsed(
        run_with(|d| std::fs::write(d.join("cut.txt"), cut).unwrap()),
        "in/cut.txt",
    );
}

#[test]
fn fifty_megabyte_file_that_is_not_a_decision() {
    let line = "The quick brown fox jumps over the lazy dog again and again and again.\n";
    let big = line.repeat(50 * 1024 * 1024 / line.len());
    assert_failed(
        run_with(|d| std::fs::write(d.join("big.txt"), &big).unwrap()),
        "in/big.txt:1:1: not a decision",
    );
}

#[test]
fn a_million_line_decision() {
    let mut text = std::fs::read_to_string(common::seed_path()).unwrap();
    text.push_str("Annex\n");
    for i in 0..1_000_000 {
        text.push_str(&format!("- Line {i} of the annex.\n"));
    }
    assert_parsed(
        run_with(|d| std::fs::write(d.join("long.txt"), &text).unwrap()),
        "in/long.txt",
    );
}

#[test]
fn no_header_block_still_parses() {
    let fixture = common::root().join("fixtures/no_header_block.txt");
    assert_parsed(
        run_with(|d| {
            std::fs::copy(&fixture, d.join("noheader.txt")).unwrap();
        }),
        "in/noheader.txt",
    );
}

#[test]
fn html_soup_that_is_not_a_decision() {
    assert_failed(
        run_with(|d| {
            std::fs::write(
                d.join("soup.html"),
                "<html><body><div><p>Welcome <b>to our <i>site</div></body>",
            )
            .unwrap()
        }),
        "in/soup.html:1:1: not a decision: expected a title line",
    );
}

#[test]
fn unreadable_file() {
    // /proc/self/mem cannot be read at offset 0, whoever runs the test (root reads files
    // whatever their permissions)
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(common::seed_path(), tmp.path().join("good.txt")).unwrap();
    let out = common::extract(
        &["--format", "jsonl", "/proc/self/mem", "good.txt"],
        tmp.path(),
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("/proc/self/mem: cannot read: "), "{stderr}");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn symbolic_link_loops() {
    let result = run_with(|d| {
        std::os::unix::fs::symlink(".", d.join("again")).unwrap(); // a folder loop
        std::os::unix::fs::symlink("self.txt", d.join("self.txt")).unwrap(); // a file loop
    });
    let (status, sources, stderr) = result;
    assert_eq!(status, Some(1), "{stderr}");
    assert_eq!(sources, vec!["in/good.txt"], "the loop is walked once");
    assert!(
        stderr.contains("in/self.txt: cannot read: Too many levels of symbolic links"),
        "{stderr}"
    );
}

#[test]
fn a_folder_of_ten_thousand_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("many");
    std::fs::create_dir(&dir).unwrap();
    let seed = std::fs::read(common::seed_path()).unwrap();
    for i in 0..10_000 {
        std::fs::write(dir.join(format!("{i:05}.txt")), &seed).unwrap();
    }
    std::fs::write(dir.join("05000x.txt"), b"").unwrap();
    let out = common::extract(
        &["-q", "--format", "jsonl", "--jobs", "2", "many"],
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 10_000);
    assert!(stdout
        .lines()
        .next()
        .unwrap()
        .contains("\"source\":\"many/00000.txt\""));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("many/05000x.txt: empty input"));
}

#[test]
fn nothing_to_parse_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = common::extract(&["missing.txt", "also-missing/"], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("missing.txt: cannot read: No such file or directory"),
        "{stderr}"
    );
    assert!(stderr.contains("extract: nothing to parse"), "{stderr}");
}
