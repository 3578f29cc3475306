//! The fuzz targets in the test suite: the checked-in regression inputs (`fuzz/corpus/TARGET/`)
//! pass, and every target runs for a bounded time (two minutes in all) without a finding.

use relwat_fuzz::{Target, check, corpus};
use std::process::Command;
use std::time::Duration;

/// Every regression input passes its target (each was a failure once).
#[test]
fn corpus_inputs_pass() {
    let mut failed = Vec::new();
    let mut count = 0;
    for target in Target::ALL {
        for (path, input) in corpus(target) {
            count += 1;
            // The time is generous: the suite runs beside other tests.
            if let Err(what) = check(target, &input, Duration::from_secs(60)) {
                failed.push(format!("{}: {what}", path.display()));
            }
        }
    }
    println!("fuzz corpus: {count} inputs, {} failed", failed.len());
    assert!(count > 0, "no regression input in fuzz/corpus");
    assert!(failed.is_empty(), "{failed:#?}");
}

/// Each target for 30 seconds, with a fixed seed (`RELWAT_FUZZ_SEED` for another, and
/// `RELWAT_FUZZ_SECONDS` for another duration): no finding.
#[test]
fn every_target_runs_without_a_finding() {
    let seed = std::env::var("RELWAT_FUZZ_SEED").unwrap_or_else(|_| "20261207".into());
    let seconds = std::env::var("RELWAT_FUZZ_SECONDS").unwrap_or_else(|_| "120".into());
    let findings = relwat_fuzz::root().join("target/fuzz/test-findings");
    let _ = std::fs::remove_dir_all(&findings);
    let out = Command::new(env!("CARGO_BIN_EXE_relwat-fuzz"))
        .args(["--seconds", &seconds, "--seed", &seed, "--findings"])
        .arg(&findings)
        .output()
        .expect("relwat-fuzz runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    print!("{stdout}");
    assert!(
        out.status.success(),
        "relwat-fuzz exited with {:?}; findings in {}:\n{}",
        out.status.code(),
        findings.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}
