// The binary embeds data/, ontology/ and locales/ (include_dir); rebuild when they change.
fn main() {
    for dir in ["data", "ontology", "locales"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
