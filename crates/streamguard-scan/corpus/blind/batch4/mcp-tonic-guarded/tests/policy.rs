//! Black-box checks of the published policy table through a tiny copy of the claims shape.

#[test]
fn scope_strings_are_space_delimited() {
    let scope = "tools:echo files:read";
    let parts: Vec<_> = scope.split_whitespace().collect();
    assert_eq!(parts, ["tools:echo", "files:read"]);
}
