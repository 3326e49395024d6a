//! The JSON API over HTTP: lookup in any language, one entity with its labels, and 4xx for
//! client mistakes.

mod server_common;

use server_common::*;

#[test]
fn lookup_and_entity_json() {
    let server = start(config());
    let base = format!("http://{}", server.local_addr());
    let client = client();

    // 反恐 ("counter-terrorism") is part of RATS's Chinese name.
    let hits: serde_json::Value = client
        .get(format!(
            "{base}/api/lookup?q={}&lang=en&limit=3",
            encode("反恐")
        ))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(
        hits["hits"][0]["iri"],
        "https://w3id.org/sco-kg/id/body/rats"
    );
    assert_eq!(hits["hits"][0]["label_lang"], "en");
    assert!(hits["hits"].as_array().unwrap().len() <= 3);

    // "interbank" finds the SCO Interbank Consortium ("Межбанковское объединение ШОС").
    let hits: serde_json::Value = client
        .get(format!("{base}/api/lookup?q=interbank&type=body"))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(
        hits["hits"][0]["iri"],
        "https://w3id.org/sco-kg/id/body/interbank-consortium"
    );

    let entity = client
        .get(format!("{base}/api/entity/state/in?lang=ru"))
        .send()
        .unwrap();
    assert_eq!(entity.status(), 200);
    assert_eq!(
        header(&entity, "content-type").as_deref(),
        Some("application/json")
    );
    let entity: serde_json::Value = entity.json().unwrap();
    assert_eq!(entity["label"], "Индия");

    for bad in [
        "/api/lookup",
        "/api/lookup?q=x&type=planet",
        "/api/lookup?q=x&limit=many",
        "/api/lookup?q=x&lang=fr",
    ] {
        assert_eq!(
            client.get(format!("{base}{bad}")).send().unwrap().status(),
            400,
            "{bad}"
        );
    }
    assert_eq!(
        client
            .get(format!("{base}/api/entity/body/nobody"))
            .send()
            .unwrap()
            .status(),
        404
    );
}
