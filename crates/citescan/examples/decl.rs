fn main() {
    let c = citescan::Classifier::builder().build().unwrap();
    let text =
        std::fs::read_to_string(std::env::var("CORPUS").unwrap_or("/tmp/corpus_in.txt".into()))
            .unwrap();
    let mut n = 0;
    for l in text.lines() {
        n += c.classify(l).matches.len();
    }
    eprintln!("{n}");
    for (i, d) in citescan::scan::DECL.iter().enumerate() {
        let d = d.load(std::sync::atomic::Ordering::Relaxed);
        if d > 0 {
            eprintln!("line {i}: {d}");
        }
    }
}
