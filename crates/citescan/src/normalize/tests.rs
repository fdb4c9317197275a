use super::*;

fn norm(s: &str) -> Normalized {
    Normalizer::new(NormalizeOptions::default(), HanMap(&[])).normalize(s)
}

#[test]
fn ascii_lowercase_and_separators() {
    assert_eq!(norm("Carved IVORY, bangle!").as_str(), "carved ivory bangle");
}
