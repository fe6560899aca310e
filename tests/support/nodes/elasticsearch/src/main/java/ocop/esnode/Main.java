package ocop.esnode;

import org.elasticsearch.cluster.ClusterName;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one Elasticsearch node in this JVM from the jars on the classpath:
 * {@code java -cp 'lib/*' ocop.esnode.Main -Epath.home=DIR -Ehttp.port=0 ...}.
 *
 * <p>The normal bootstrap ({@code org.elasticsearch.bootstrap.Elasticsearch}) reads its arguments
 * from the server CLI and needs the entitlement agent and the module bundles of a distribution,
 * none of which are on Maven Central. This builds the {@link Node} directly, as the server does
 * after bootstrap, with the plugins named here (HTTP and transport over Netty) and a handler for
 * {@code GET /}. Logs go to stdout (config/log4j2.properties). Once HTTP listens it prints one line,
 * {@code ocop-es-node listening on http://HOST:PORT (N ms after JVM start)}; SIGTERM closes the node cleanly.
 */
public final class Main {

    static final String READY = "ocop-es-node listening on http://";

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            System.err.println("ocop-es-node failed to start: " + t);
            t.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Settings.Builder given = Settings.builder().put("http.type", "netty4").put("transport.type", "netty4");
        for (String arg : args) {
            if (arg.startsWith("-E") == false || arg.indexOf('=') < 0) {
                throw new IllegalArgumentException("arguments are -Ename=value settings, not [" + arg + "]");
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Settings settings = given.build();
        LogConfigurator.registerErrorListener();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> "ocop-es-node");
        configureLogging(environment);
        Node node = new ClasspathNode(environment, List.of(Netty4Plugin.class));
        ClusterService clusterService = node.injector().getInstance(ClusterService.class);
        node.injector().getInstance(RestController.class).registerHandler(new RootHandler(clusterService));

        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "ocop-es-node-shutdown"));

        node.start();
        var address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        System.out.println(READY + address.getAddress() + ":" + address.getPort() + " (" + uptime + " ms after JVM start)");
        System.out.flush();
        closed.await();
    }

    /** Logging as the server configures it, from a log4j2.properties in the config folder (ours unless one is there). */
    private static void configureLogging(Environment environment) throws IOException {
        Path config = environment.configDir().resolve("log4j2.properties");
        if (Files.exists(config) == false) {
            Files.createDirectories(config.getParent());
            try (InputStream ours = Main.class.getResourceAsStream("log4j2.properties")) {
                Files.copy(ours, config);
            }
        }
        LogConfigurator.setClusterName(ClusterName.CLUSTER_NAME_SETTING.get(environment.settings()).value());
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
        LogConfigurator.configure(environment, true);
    }

    private Main() {}
}
