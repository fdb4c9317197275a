//! Profile driver: runs each line of a file (`CORPUS`) through the classifier `REPS` times
//! (`MODE=normalize`: `Classifier::normalize` only).
fn main() {
    let c = citescan::Classifier::new();
    let text = std::fs::read_to_string(std::env::var("CORPUS").expect("CORPUS")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let reps: usize = std::env::var("REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let normalize = std::env::var("MODE").is_ok_and(|m| m == "normalize");
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        for l in &lines {
            n += if normalize {
                c.normalize(l).as_str().len()
            } else {
                c.classify(l).matches.len()
            };
        }
    }
    eprintln!("{n}, {} lines x {reps}, {:?}", lines.len(), t.elapsed());
}
