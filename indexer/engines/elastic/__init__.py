"""Elasticsearch 8+/9+ and OpenSearch 2+ behind the SearchIndex protocol.

One job per module:

- `client`  the connection (`Cluster`): which client, the few calls that differ between the two
            servers (point in time), and every client failure turned into `EngineUnavailable`;
- `mapping` what is indexed: the index template (`templates/articles.json`, data) and the
            document made from an `Article`, its text normalised and folded by `indexer.text`;
- `dsl`     pure functions from a `SearchRequest` to request bodies and from answers back to
            facets: testable without a node;
- `bulk`    writing documents in bulk, retried with backoff, refusals listed and never dropped;
- `aliases` the versioned indices behind the alias that `indexer.sync` builds and swaps;
- `index`   `RemoteIndex`, the SearchIndex itself (search, get, scan, count, health).

The mapping uses only what every one of those servers has (standard tokenizer, lowercase
filter, keyword, date), so it runs unchanged on a full Elasticsearch cluster, on OpenSearch and
on the bare Elasticsearch node of the test suite; see docs/engines.md.
"""
