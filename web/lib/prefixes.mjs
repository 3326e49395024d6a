// The server's prefix table (`GET /prefixes` with `Accept: application/json`, embedded in the
// page as `#wb-config`'s "prefixes"): compact names of IRIs, the declarations the editor
// completes, and which prefixes name the graph's own resources, of which lookup type.

// A local name the compact form may show as it is (no escapes, no trailing dot).
const LOCAL = /^[\p{L}\p{N}_]([\p{L}\p{N}_.\-]*[\p{L}\p{N}_\-])?$/u;

/**
 * The table of `prefixes` (an object `{prefix: namespace}` in the server's order, or
 * `[prefix, namespace]` pairs). `base` is the namespace of the graph's resources: a prefix
 * whose namespace is under it names resources (`body:`, `measure:`). `types` are the lookup's
 * types (`{type: "body", class: "…#Body"}`): a resource prefix of a type's name finds
 * resources of that type (`body:` bodies); the others (`id:`) any resource.
 */
export function prefixTable(prefixes, { base = "", types = [] } = {}) {
  const entries = (Array.isArray(prefixes) ? prefixes : Object.entries(prefixes || {})).map(
    ([prefix, namespace]) => [String(prefix), String(namespace)],
  );
  const byPrefix = new Map(entries);
  // Longest namespace first, so that "measure:" wins over "plan:" and "id:".
  const longestFirst = entries.slice().sort((a, b) => b[1].length - a[1].length);
  const resources = new Set(entries.filter(([, ns]) => base !== "" && ns.startsWith(base)).map(([p]) => p));
  const typeByName = new Map(types.map((t) => [t.type, t]));

  return {
    entries,

    /** The namespace of a prefix, or undefined. */
    namespace(prefix) {
      return byPrefix.get(prefix);
    },

    /** `prefix:local` when a prefix's namespace starts the IRI, else `<iri>`. */
    compact(iri) {
      for (const [prefix, namespace] of longestFirst) {
        if (!iri.startsWith(namespace)) continue;
        const local = iri.slice(namespace.length);
        if (local === "" || LOCAL.test(local)) return prefix + ":" + local;
      }
      return "<" + iri + ">";
    },

    /** The declarations the editor's prefix completion offers: "sco: <https://…#>". */
    declarations() {
      return entries.map(([prefix, namespace]) => prefix + ": <" + namespace + ">");
    },

    /** The PREFIX block declaring every prefix, as `GET /prefixes` writes it. */
    prologue() {
      return entries.map(([prefix, namespace]) => "PREFIX " + prefix + ": <" + namespace + ">\n").join("");
    },

    /** Whether a prefix names the graph's resources. */
    isResourcePrefix(prefix) {
      return resources.has(prefix);
    },

    /** The resource prefixes, in the table's order. */
    resourcePrefixes() {
      return entries.map(([p]) => p).filter((p) => resources.has(p));
    },

    /** The lookup type a resource prefix finds (`{type, class}`), or null for any type. */
    typeOf(prefix) {
      return resources.has(prefix) ? typeByName.get(prefix) || null : null;
    },

    /**
     * The lookup type of a resource by its IRI: that of the resource prefix with the longest
     * namespace starting it (`…/plan/2021-2025/measure/14` is `measure:14`, a measure); null
     * for an IRI outside the graph's or under a prefix of no type.
     */
    kindOf(iri) {
      for (const [prefix, namespace] of longestFirst) {
        if (resources.has(prefix) && iri.startsWith(namespace) && iri.length > namespace.length) {
          return typeByName.get(prefix) || null;
        }
      }
      return null;
    },
  };
}
