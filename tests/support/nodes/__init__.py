"""Real OpenSearch and Elasticsearch nodes started from Maven Central jars (stdlib only, no pytest):
the engine tests start them, and so do the benchmarks in bench/ (docs/opensearch-node.md,
docs/elasticsearch-node.md)."""
