//! The one state every handler shares: the graph and its version, built before the server
//! listens; what is served unchanged (ontology, shapes, source; the dumps, written when first
//! asked for); the pages' and lookup indexes, built right after ([`Warm`]); the query slots.

use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::Arc;

use axum::body::Bytes;
use tokio::sync::Semaphore;

use crate::export;
use crate::i18n::Message;
use crate::server::config::Config;
use crate::server::routes::documents::Document;
use crate::server::routes::dump::Dumps;
use crate::server::routes::void::Statistics;
use crate::server::warm::Warm;
use crate::store::KnowledgeGraph;

/// Cheap to clone: one `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

pub struct Shared {
    pub graph: Arc<KnowledgeGraph>,
    pub config: Config,
    /// The address the server listens on (the last fallback of the public URL).
    pub local_addr: SocketAddr,
    /// SHA-256 of the canonical N-Quads form: the dataset's version, the root of every ETag.
    pub version: String,
    /// The graph's prefixes, declared in every RDF answer.
    pub prefixes: Arc<Vec<(String, String)>>,
    pub dumps: Arc<Dumps>,
    /// VoID's counts of the graph, built in the background (at ×100, hashing 2.6 million terms
    /// took a quarter of a second of the start).
    pub statistics: Warm<Statistics>,
    pub ontology: Arc<Document>,
    pub shapes: Arc<Document>,
    pub source: Bytes,
    /// One permit per query allowed to run at once.
    pub queries: Arc<Semaphore>,
    /// Queries waiting for a slot or for another client's identical query.
    pub queue: crate::server::execution::query::Queue,
    /// Bytes of answers held by connections.
    pub in_flight: crate::server::execution::in_flight::InFlight,
    /// The threads queries run on, one per permit.
    pub workers: crate::server::execution::workers::Workers,
    /// The turn to run a light query on the thread that received it, and its watchdog.
    pub in_place: crate::server::execution::in_place::InPlace,
    /// Answers of queries already asked.
    pub answers: crate::server::execution::answers::AnswerCache,
    /// Whole responses of repeated `GET /sparql` requests.
    pub responses: crate::server::http::replay::ResponseCache,
    /// What `/metrics` reports.
    pub metrics: crate::server::metrics::Metrics,
    /// The index the HTML pages are rendered from.
    pub pages: Warm<crate::pages::Pages>,
    /// Every user-facing message, in ru, en and zh.
    pub localizer: Arc<crate::i18n::Localizer>,
    /// Entity lookup by label, alias or text in any of the three languages: the graph's own
    /// index, the one `SERVICE sco:search` reads too (built in the background once the server
    /// is built).
    pub lookup: Warm<crate::lookup::LookupIndex>,
}

impl Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// Why the server could not start: each cause with its file and place as data.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The canonical form, whose digest is the version, could not be written.
    #[error("{0}")]
    Export(#[from] export::ExportError),
    /// An embedded data file is missing or unreadable.
    #[error("{0}")]
    Data(#[from] crate::data::DataError),
    /// The ontology or the shapes cannot be parsed or written.
    #[error("{0}")]
    Document(#[from] crate::server::routes::documents::DocumentError),
    /// The messages of a language cannot be loaded.
    #[error("{0}")]
    Locales(#[from] crate::i18n::I18nError),
    /// The query threads (or the watchdog of queries run in place) could not be started.
    #[error("{}", StartError::workers_message(.0))]
    Workers(std::io::Error),
}

impl StartError {
    /// What went wrong, in no language yet (`Display`: in English, for logs). The causes that
    /// carry a file and place say them in their own terms, after "cannot start".
    pub fn message(&self) -> Message {
        match self {
            Self::Workers(e) => Self::workers_message(e),
            other => Message::new("serve-start").arg("detail", other.to_string()),
        }
    }

    fn workers_message(e: &std::io::Error) -> Message {
        Message::new("serve-start-workers").arg("detail", e.to_string())
    }
}

impl AppState {
    /// Builds what is served from `graph` once: the version (the canonical form's SHA-256), the
    /// ontology and shapes, and, in the background, VoID's statistics, the pages and the lookup
    /// index (the dumps are written when first asked for);
    /// then the query slots, workers and caches sized by `config`. `local_addr` is the bound
    /// address, the public URL's last fallback.
    pub fn new(
        graph: Arc<KnowledgeGraph>,
        config: Config,
        local_addr: SocketAddr,
    ) -> Result<Self, StartError> {
        // The version (the root of every ETag) and the counts came with the graph, computed
        // beside its index; VoID's statistics, the pages' index and the lookup are built next,
        // in the background ([`Warm`]); the dumps when a client asks ([`Dumps::body`]).
        let version = export::graph_version(&graph)?;
        let statistics = {
            let graph = Arc::clone(&graph);
            Warm::new("the VoID statistics", move || {
                Arc::new(Statistics::of(&graph.triples))
            })
        };
        let pages = {
            let graph = Arc::clone(&graph);
            Warm::new("the pages' index", move || {
                Arc::new(crate::pages::Pages::new(&graph))
            })
        };
        let lookup = {
            let graph = Arc::clone(&graph);
            Warm::new("the lookup index", move || graph.lookup())
        };
        let prefixes = graph.prefixes();
        let document = |name: &str| {
            let file = crate::data::ontology(name)?;
            Ok::<_, StartError>(Document::from_turtle(&file.path, file.contents)?)
        };
        let localizer = crate::i18n::Localizer::embedded()?;
        let data = Data {
            pages,
            lookup,
            localizer: Arc::new(localizer),
            statistics,
            ontology: Arc::new(document("sco-kg.ttl")?),
            shapes: Arc::new(document("shapes.ttl")?),
            source: Bytes::from_static(crate::data::source()),
            dumps: Arc::new(Dumps::new(Arc::clone(&graph))),
            prefixes: Arc::new(prefixes),
            version,
            graph,
        };
        let state = Self::assemble(data, config, local_addr)?;
        // Only once nothing more can fail: a start that fails leaves no build behind.
        state.statistics.start();
        state.pages.start();
        state.lookup.start();
        Ok(state)
    }

    /// The same data as `self` (graph, version, dumps, documents, pages, lookup index) under
    /// other settings, with query slots, queue, workers, caches and metrics of its own: a second
    /// server over the same graph without computing the version and indexes again (the tests start many,
    /// with different settings).
    pub fn with_config(&self, config: Config, local_addr: SocketAddr) -> Result<Self, StartError> {
        let data = Data {
            graph: self.graph.clone(),
            version: self.version.clone(),
            prefixes: self.prefixes.clone(),
            dumps: self.dumps.clone(),
            statistics: self.statistics.clone(),
            ontology: self.ontology.clone(),
            shapes: self.shapes.clone(),
            source: self.source.clone(),
            pages: self.pages.clone(),
            localizer: self.localizer.clone(),
            lookup: self.lookup.clone(),
        };
        Self::assemble(data, config, local_addr)
    }

    /// The state of `data` under `config`: what depends on the settings is built here.
    fn assemble(data: Data, config: Config, local_addr: SocketAddr) -> Result<Self, StartError> {
        let answers =
            crate::server::execution::answers::AnswerCache::new(config.cache_bytes, &data.version);
        let responses = crate::server::http::replay::ResponseCache::new(&config);
        let metrics = crate::server::metrics::Metrics::new(
            &data.version,
            config.max_concurrent.max(1),
            &answers,
            &responses,
        );
        Ok(Self(Arc::new(Shared {
            pages: data.pages,
            lookup: data.lookup,
            localizer: data.localizer,
            statistics: data.statistics,
            ontology: data.ontology,
            shapes: data.shapes,
            source: data.source,
            queries: Arc::new(Semaphore::new(config.max_concurrent.max(1))),
            queue: crate::server::execution::query::Queue::new(config.max_queued),
            in_flight: crate::server::execution::in_flight::InFlight::new(
                config.max_in_flight_bytes,
            ),
            workers: crate::server::execution::workers::Workers::start(
                config.max_concurrent.max(1),
                crate::store::checks::WORKER_STACK,
            )
            .map_err(StartError::Workers)?,
            in_place: crate::server::execution::in_place::InPlace::start()
                .map_err(StartError::Workers)?,
            answers,
            responses,
            metrics,
            dumps: data.dumps,
            prefixes: data.prefixes,
            version: data.version,
            graph: data.graph,
            config,
            local_addr,
        })))
    }
}

/// What a state holds whatever its settings, computed once from the graph and shared (cheap to
/// clone) by every state built from it with [`AppState::with_config`].
struct Data {
    graph: Arc<KnowledgeGraph>,
    version: String,
    prefixes: Arc<Vec<(String, String)>>,
    dumps: Arc<Dumps>,
    statistics: Warm<Statistics>,
    ontology: Arc<Document>,
    shapes: Arc<Document>,
    source: Bytes,
    pages: Warm<crate::pages::Pages>,
    localizer: Arc<crate::i18n::Localizer>,
    lookup: Warm<crate::lookup::LookupIndex>,
}
