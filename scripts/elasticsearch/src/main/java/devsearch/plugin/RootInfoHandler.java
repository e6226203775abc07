package devsearch.plugin;

import org.elasticsearch.Build;
import org.elasticsearch.Version;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.index.IndexVersion;
import org.elasticsearch.index.IndexVersions;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.xcontent.XContentBuilder;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code GET /} and {@code HEAD /} (what clients use for info() and ping()). In the full distribution
 * they come from the rest-root module, which the integ-test distribution does not include; the
 * response has the same fields.
 */
final class RootInfoHandler extends BaseRestHandler {
    private final String nodeName;
    private final Supplier<ClusterService> clusterService;

    RootInfoHandler(String nodeName, Supplier<ClusterService> clusterService) {
        this.nodeName = nodeName;
        this.clusterService = clusterService;
    }

    @Override
    public String getName() {
        return "dev_main_action";
    }

    @Override
    public List<Route> routes() {
        return List.of(new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
    }

    @Override
    public boolean canTripCircuitBreaker() {
        return false;
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
        return channel -> {
            ClusterService cs = clusterService.get();
            Build build = Build.current();
            XContentBuilder b = channel.newBuilder();
            if (request.hasParam("pretty") == false) {
                b.prettyPrint().lfAtEnd();
            }
            b.startObject()
                .field("name", nodeName)
                .field("cluster_name", cs.getClusterName().value())
                .field("cluster_uuid", cs.state().metadata().clusterUUID())
                .startObject("version")
                .field("number", build.qualifiedVersion())
                .field("build_flavor", "default")
                .field("build_type", build.type().displayName())
                .field("build_hash", build.hash())
                .field("build_date", build.date())
                .field("build_snapshot", build.isSnapshot())
                .field("lucene_version", IndexVersion.current().luceneVersion().toString())
                .field("minimum_wire_compatibility_version", Version.CURRENT.minimumCompatibilityVersion().toString())
                .field("minimum_index_compatibility_version", IndexVersions.MINIMUM_COMPATIBLE.toReleaseVersion())
                .endObject()
                .field("tagline", "You Know, for Search")
                .endObject();
            channel.sendResponse(new RestResponse(RestStatus.OK, b));
        };
    }
}
