//! Profile helper: times each line of a file (`CORPUS`) through `Classifier::classify`, as
//! the fastest of `REPS` runs (5), and prints the slowest `PERCENT` (1) of the lines, slowest
//! first, for a profiler to read on their own; the p50/p99 of the per-line times go to stderr.
fn main() {
    let c = citescan::Classifier::new();
    let text = std::fs::read_to_string(std::env::var("CORPUS").expect("CORPUS")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let env = |k: &str, d: f64| {
        std::env::var(k)
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(d)
    };
    let reps = env("REPS", 5.0) as usize;
    let percent = env("PERCENT", 1.0);
    let mut times: Vec<(u128, usize)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let best = (0..reps)
                .map(|_| {
                    let t = std::time::Instant::now();
                    std::hint::black_box(c.classify(std::hint::black_box(l)));
                    t.elapsed().as_nanos()
                })
                .min()
                .unwrap_or(0);
            (best, i)
        })
        .collect();
    times.sort_unstable_by(|a, b| b.cmp(a));
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)].0;
    eprintln!(
        "{} lines: p50 {:.2} µs, p99 {:.2} µs (fastest of {reps})",
        lines.len(),
        at(0.5) as f64 / 1000.0,
        at(0.01) as f64 / 1000.0
    );
    let keep = ((lines.len() as f64 * percent / 100.0).ceil() as usize).min(lines.len());
    for &(_, i) in &times[..keep] {
        println!("{}", lines[i]);
    }
}
