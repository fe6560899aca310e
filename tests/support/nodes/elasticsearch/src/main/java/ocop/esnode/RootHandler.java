package ocop.esnode;

import org.elasticsearch.Build;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.rest.RestChannel;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

import java.util.List;

/**
 * {@code GET /} and {@code HEAD /}: the node's name, cluster and version, as the rest-root module
 * answers them (the HTTP layer drops the body of a HEAD answer). That module is not published on
 * Maven Central; without it nothing answers the official clients' {@code info()} and {@code ping()}.
 */
final class RootHandler implements RestHandler {

    private final ClusterService clusterService;

    RootHandler(ClusterService clusterService) {
        this.clusterService = clusterService;
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
    }

    @Override
    public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) throws Exception {
        Build build = Build.current();
        XContentBuilder body = channel.newBuilder();
        body.startObject();
        body.field("name", clusterService.localNode().getName());
        body.field("cluster_name", clusterService.getClusterName().value());
        body.field("cluster_uuid", clusterService.state().metadata().clusterUUID());
        body.startObject("version");
        body.field("number", build.qualifiedVersion());
        body.field("build_flavor", build.flavor());
        body.field("build_type", build.type().displayName());
        body.field("build_hash", build.hash());
        body.field("build_date", build.date());
        body.field("build_snapshot", build.isSnapshot());
        body.field("lucene_version", org.apache.lucene.util.Version.LATEST.toString());
        body.field("minimum_wire_compatibility_version", build.minWireCompatVersion());
        body.field("minimum_index_compatibility_version", build.minIndexCompatVersion());
        body.endObject();
        body.field("tagline", "You Know, for Search");
        body.endObject();
        channel.sendResponse(new RestResponse(RestStatus.OK, body));
    }
}
