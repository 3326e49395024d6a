//! Our two SPARQL extensions, evaluated by the store itself (never by another endpoint):
//!
//! - the function `sco:label(?x [, "langs"])`: the `skos:prefLabel` of `?x` in the first
//!   language that has one ([`label_order`] says in which order);
//! - the service `SERVICE sco:search { ?e sco:query "…" ; sco:score ?s }`: the hits of the
//!   entity lookup ([`LookupIndex::search`]), in its order, bound to the pattern's variables.
//!
//! Every other SERVICE stays refused: only `sco:search` has a handler and there is no default
//! one, so the store makes no outbound request.

use std::collections::HashMap;
use std::sync::Arc;

use oxigraph::model::vocab::xsd;
use oxigraph::model::{Literal, NamedNode, Term, Triple, Variable};
use oxigraph::sparql::{QuerySolution, QuerySolutionIter, ServiceHandler};
use spargebra::algebra::GraphPattern;
use spargebra::term::{NamedNodePattern, TermPattern, TriplePattern};

use crate::graph::vocab::{sco, skos, SCO};
use crate::graph::ResourceKind;
use crate::i18n::Lang;
use crate::lookup::{LookupIndex, LookupOptions};

/// The IRI of the label function.
pub const LABEL_FUNCTION: &str = sco::label.as_str();
/// The IRI of the search service.
pub const SEARCH_SERVICE: &str = sco::search.as_str();
/// The most hits `sco:limit` may ask for: the same bound as `/api/lookup`'s `limit`.
pub const MAX_SEARCH_LIMIT: usize = 100;

/// The `skos:prefLabel`s of every subject, one per language (ru, en, zh), built once with the
/// graph so that `sco:label` reads a map instead of the store on every call.
#[derive(Default)]
pub struct Labels(HashMap<String, [Option<Literal>; 3]>);

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Ru => 0,
        Lang::En => 1,
        Lang::Zh => 2,
    }
}

impl Labels {
    pub fn from_triples(triples: &[Triple]) -> Self {
        let mut map: HashMap<String, [Option<Literal>; 3]> = HashMap::new();
        for t in triples {
            if t.predicate != skos::prefLabel {
                continue;
            }
            let (oxigraph::model::NamedOrBlankNode::NamedNode(s), Term::Literal(l)) =
                (&t.subject, &t.object)
            else {
                continue;
            };
            let Some(lang) = l.language().and_then(Lang::from_tag) else {
                continue;
            };
            // The triples are sorted: should a language ever have two labels, the first is kept,
            // the same one on every run.
            map.entry(s.as_str().to_string()).or_default()[slot(lang)]
                .get_or_insert_with(|| l.clone());
        }
        Self(map)
    }

    /// The label of `iri` in the first language of `order` that has one.
    pub fn label(&self, iri: &str, order: &[Lang]) -> Option<&Literal> {
        let labels = self.0.get(iri)?;
        order.iter().find_map(|&lang| labels[slot(lang)].as_ref())
    }

    /// `sco:label`'s evaluation: `None` (an error in SPARQL: the variable stays unbound) for a
    /// subject that is not an IRI, an unknown language, or no label in the languages asked.
    pub fn evaluate(&self, args: &[Term]) -> Option<Term> {
        let (subject, order) = match args {
            [subject] => (subject, label_order(None)?),
            [subject, Term::Literal(langs)] => (subject, label_order(Some(langs.value()))?),
            _ => return None,
        };
        let Term::NamedNode(iri) = subject else {
            return None;
        };
        self.label(iri.as_str(), &order).cloned().map(Term::from)
    }
}

/// The languages `sco:label` tries, in order. Without a second argument, English first, then
/// as `"en"` (en → ru → zh). One tag tries that language and then the lookup's fallback from
/// it (zh → en → ru, en → ru → zh, ru → en → zh), so that `sco:label(?x, "zh")` agrees with the
/// `label` of `/api/lookup?lang=zh`. A comma list ("zh,en") tries exactly those languages and
/// no other: whoever lists languages says which ones are acceptable. An unknown tag: `None`.
pub fn label_order(langs: Option<&str>) -> Option<Vec<Lang>> {
    let Some(langs) = langs else {
        return Some(Lang::En.fallback_chain().to_vec());
    };
    let tags: Vec<Lang> = langs
        .split(',')
        .map(|t| Lang::from_tag(t.trim()))
        .collect::<Option<_>>()?;
    match tags.as_slice() {
        [] => None,
        [one] => Some(one.fallback_chain().to_vec()),
        _ => Some(tags),
    }
}

/// Why a `SERVICE sco:search` pattern could not be answered.
#[derive(Debug, thiserror::Error)]
#[error("SERVICE sco:search: {0}")]
pub struct SearchError(String);

/// What a `SERVICE sco:search` pattern asks and which variables it binds.
#[derive(Debug)]
pub struct SearchRequest {
    pub query: String,
    pub options: LookupOptions,
    /// The subject: a variable to bind to each hit's IRI, or an IRI the hits must be.
    subject: Option<Subject>,
    /// The variables bound, with what each takes from a hit.
    outputs: Vec<(Variable, Output)>,
}

#[derive(Debug)]
enum Subject {
    Variable(Variable),
    Iri(String),
}

#[derive(Debug, Clone, Copy)]
enum Output {
    Entity,
    Score,
    Label,
    Matched,
}

/// The triple patterns of a service pattern: the evaluator may hand a basic graph pattern as
/// one BGP or as a join of parts, so both are read.
fn triple_patterns<'p>(
    pattern: &'p GraphPattern,
    out: &mut Vec<&'p TriplePattern>,
) -> Result<(), SearchError> {
    match pattern {
        GraphPattern::Bgp { patterns } => out.extend(patterns),
        GraphPattern::Join { left, right } => {
            triple_patterns(left, out)?;
            triple_patterns(right, out)?;
        }
        _ => {
            return Err(SearchError(
                "the pattern must be triples ?e sco:query \"…\" ; sco:score ?s (and sco:lang, sco:type, sco:limit, sco:label, sco:matched)"
                    .into(),
            ))
        }
    }
    Ok(())
}

impl SearchRequest {
    /// Reads the pattern: one subject, `sco:query` a literal (required), `sco:lang`, `sco:type`
    /// and `sco:limit` literals, `sco:score`, `sco:label` and `sco:matched` variables.
    pub fn parse(pattern: &GraphPattern) -> Result<Self, SearchError> {
        let mut triples = Vec::new();
        triple_patterns(pattern, &mut triples)?;
        let mut request = SearchRequest {
            query: String::new(),
            options: LookupOptions::new(Lang::En),
            subject: None,
            outputs: Vec::new(),
        };
        let mut query = None;
        for t in triples {
            let subject = match &t.subject {
                TermPattern::Variable(v) => Subject::Variable(v.clone()),
                TermPattern::NamedNode(n) => Subject::Iri(n.as_str().to_string()),
                // A blank node binds nothing the query can see: any subject will do.
                TermPattern::BlankNode(_) => Subject::Iri(String::new()),
                _ => {
                    return Err(SearchError(
                        "the subject must be a variable or an IRI".into(),
                    ))
                }
            };
            match (&request.subject, &subject) {
                (None, _) => request.subject = Some(subject),
                (Some(Subject::Variable(a)), Subject::Variable(b)) if a == b => {}
                (Some(Subject::Iri(a)), Subject::Iri(b)) if a == b => {}
                _ => {
                    return Err(SearchError(
                        "every triple must have the same subject".into(),
                    ))
                }
            }
            let NamedNodePattern::NamedNode(predicate) = &t.predicate else {
                return Err(SearchError("the predicates must be IRIs".into()));
            };
            let Some(local) = predicate.as_str().strip_prefix(SCO) else {
                return Err(SearchError(format!("unknown predicate <{predicate}>")));
            };
            // The service is asked before the query's other variables are bound: its
            // parameters must be written in the pattern.
            let literal = || match &t.object {
                TermPattern::Literal(l) => Ok(l.value().to_string()),
                _ => Err(SearchError(format!(
                    "sco:{local} must be a literal written in the pattern"
                ))),
            };
            let output = |output| match &t.object {
                TermPattern::Variable(v) => Ok((v.clone(), output)),
                _ => Err(SearchError(format!("sco:{local} must be a variable"))),
            };
            match local {
                "query" => query = Some(literal()?),
                "lang" => {
                    let tag = literal()?;
                    request.options.lang = Lang::from_tag(tag.trim()).ok_or_else(|| {
                        SearchError(format!("unknown language {tag:?}: ru, en or zh"))
                    })?;
                }
                "type" => {
                    let types = ResourceKind::parse_list(&literal()?)
                        .map_err(|e| SearchError(e.to_string()))?;
                    request.options.types = (!types.is_empty()).then_some(types);
                }
                "limit" => {
                    let limit = literal()?;
                    let n: usize = limit.trim().parse().map_err(|_| {
                        SearchError(format!("sco:limit {limit:?} is not a whole number"))
                    })?;
                    request.options.limit = n.min(MAX_SEARCH_LIMIT);
                }
                "score" => request.outputs.push(output(Output::Score)?),
                "label" => request.outputs.push(output(Output::Label)?),
                "matched" => request.outputs.push(output(Output::Matched)?),
                _ => return Err(SearchError(format!("unknown predicate sco:{local}"))),
            }
        }
        request.query = query.ok_or_else(|| SearchError("sco:query \"…\" is required".into()))?;
        if let Some(Subject::Variable(v)) = &request.subject {
            request.outputs.insert(0, (v.clone(), Output::Entity));
        }
        Ok(request)
    }

    /// The variables the rows bind, in order.
    pub fn variables(&self) -> Vec<Variable> {
        self.outputs.iter().map(|(v, _)| v.clone()).collect()
    }

    /// The rows of the search: one per hit, in the lookup's order.
    pub fn run(&self, index: &LookupIndex) -> QuerySolutionIter<'static> {
        let variables: Arc<[Variable]> = self.outputs.iter().map(|(v, _)| v.clone()).collect();
        let only = match &self.subject {
            Some(Subject::Iri(iri)) if !iri.is_empty() => Some(iri.as_str()),
            _ => None,
        };
        let rows: Vec<_> = index
            .search(&self.query, &self.options)
            .into_iter()
            .filter(|hit| only.is_none_or(|iri| hit.iri == iri))
            .map(|hit| {
                let values = self
                    .outputs
                    .iter()
                    .map(|(_, output)| {
                        Some(match output {
                            Output::Entity => NamedNode::new_unchecked(hit.iri.clone()).into(),
                            Output::Score => {
                                Literal::new_typed_literal(hit.score.to_string(), xsd::INTEGER)
                                    .into()
                            }
                            Output::Label => Literal::new_language_tagged_literal_unchecked(
                                hit.label.clone(),
                                hit.label_lang.as_str(),
                            )
                            .into(),
                            Output::Matched => match hit.matched.lang {
                                Some(lang) => Literal::new_language_tagged_literal_unchecked(
                                    hit.matched.text.clone(),
                                    lang.as_str(),
                                ),
                                None => Literal::new_simple_literal(hit.matched.text.clone()),
                            }
                            .into(),
                        })
                    })
                    .collect::<Vec<Option<Term>>>();
                Ok(QuerySolution::from((Arc::clone(&variables), values)))
            })
            .collect();
        QuerySolutionIter::new(variables, rows)
    }
}

/// The handler of `SERVICE sco:search`: the same index as `/api/lookup`.
pub struct SearchService(pub Arc<LookupIndex>);

impl ServiceHandler for SearchService {
    type Error = SearchError;

    fn handle(
        &self,
        pattern: &GraphPattern,
        _base_iri: Option<&oxiri::Iri<String>>,
    ) -> Result<QuerySolutionIter<'static>, SearchError> {
        Ok(SearchRequest::parse(pattern)?.run(&self.0))
    }
}
