use crate::*;

#[test]
fn default_policy_parses() {
    let p = Policy::from_toml(DEFAULT_POLICY_TOML).unwrap();
    assert_eq!(p.thresholds.block, 0.75);
}
