//! The binary embeds data/, ontology/, locales/ and web/ (include_dir); rebuild when they change.
fn main() {
    for dir in ["data", "ontology", "locales", "web"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
