package devsearch;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts ONE real Elasticsearch node (the official server code of the distribution unpacked by
 * pom.xml) inside this JVM, bound to 127.0.0.1, and blocks until the JVM is told to stop (SIGTERM /
 * SIGINT), at which point the node is closed cleanly. Alone by default (discovery.type=single-node);
 * with seed hosts it joins (or, with initial masters, bootstraps) a cluster of such nodes.
 *
 * <p>This is what {@code org.elasticsearch.bootstrap.Elasticsearch} does after the command line
 * launcher has prepared things, minus the parts a local development node does not need and that
 * stop it from running as root (a CI machine runs as root): the root check, the bootstrap checks,
 * the security manager, memory locking and the system-call filter.
 *
 * <p>Usage (run.sh builds the command line):
 * <pre>
 * java [jvm options] --module-path ES_HOME/lib --add-modules=ALL-MODULE-PATH -cp dev-extras-launcher.jar \
 *      devsearch.EsNode --home ES_HOME --conf CONF_DIR --data DATA_DIR [--port 9200] [--transport-port 9300]
 *      [--node-name N] [--cluster-name C] [--seed-hosts host:port,...] [--initial-masters N1,N2,...]
 *      [--roles master,data,...]
 * </pre>
 * Every option also has an environment variable: ES_HOME, ES_CONF_DIR, ES_DATA_DIR, ES_PORT,
 * ES_TRANSPORT_PORT, ES_NODE_NAME, ES_CLUSTER_NAME, ES_SEED_HOSTS, ES_INITIAL_MASTERS,
 * ES_NODE_ROLES. Data goes to DATA_DIR/data, logs (besides stdout) to DATA_DIR/logs.
 *
 * <p>The transport port is the range port+100..port+199 unless given, then it is exact: the other
 * nodes' seed host lists must name it.
 */
public final class EsNode {

    private EsNode() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path home = Path.of(opt(opts, "home", "ES_HOME", null)).toAbsolutePath().normalize();
        Path conf = Path.of(opt(opts, "conf", "ES_CONF_DIR", home.resolve("config").toString())).toAbsolutePath().normalize();
        Path dataRoot = Path.of(opt(opts, "data", "ES_DATA_DIR", ".es-data")).toAbsolutePath().normalize();
        int port = Integer.parseInt(opt(opts, "port", "ES_PORT", "9200"));
        String exactTransportPort = opt(opts, "transport-port", "ES_TRANSPORT_PORT", "");
        String transportPorts = exactTransportPort.isEmpty() ? (port + 100) + "-" + (port + 199) : exactTransportPort;
        String nodeName = opt(opts, "node-name", "ES_NODE_NAME", "");
        String clusterName = opt(opts, "cluster-name", "ES_CLUSTER_NAME", "");
        List<String> seedHosts = list(opt(opts, "seed-hosts", "ES_SEED_HOSTS", ""));
        List<String> initialMasters = list(opt(opts, "initial-masters", "ES_INITIAL_MASTERS", ""));
        List<String> roles = list(opt(opts, "roles", "ES_NODE_ROLES", ""));

        Path data = dataRoot.resolve("data");
        Path logs = dataRoot.resolve("logs");
        Files.createDirectories(data);
        Files.createDirectories(logs);

        LogConfigurator.registerErrorListener();
        LogConfigurator.configureESLogging(); // before anything that logs (settings parsing does)

        Settings.Builder builder = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", data.toString())
            .put("path.logs", logs.toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", String.valueOf(port)) // exact: fail rather than silently take the next port
            .put("transport.port", transportPorts);
        // these override elasticsearch.yml (the command line's settings win over the file's)
        if (!nodeName.isEmpty()) {
            builder.put("node.name", nodeName);
        }
        if (!clusterName.isEmpty()) {
            builder.put("cluster.name", clusterName);
        }
        if (!roles.isEmpty()) {
            builder.putList("node.roles", roles);
        }
        if (seedHosts.isEmpty()) {
            builder.put("discovery.type", "single-node");
        } else {
            builder.putList("discovery.seed_hosts", seedHosts);
            // only for the very first election of a new cluster; ignored once it has formed
            if (!initialMasters.isEmpty()) {
                builder.putList("cluster.initial_master_nodes", initialMasters);
            }
        }
        Settings settings = builder.build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), conf, () -> "dev-node");

        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(env.settings()));
        LogConfigurator.configure(env, true);

        CountDownLatch stopped = new CountDownLatch(1);
        Node node;
        try {
            node = new Node(env);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("EsNode: stopping");
                try {
                    node.prepareForClose();
                    node.close();
                    if (node.awaitClose(20, TimeUnit.SECONDS) == false) {
                        System.err.println("EsNode: node did not close within 20s");
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    System.out.println("EsNode: stopped");
                    stopped.countDown();
                }
            }, "es-node-shutdown"));
            node.start();
        } catch (Throwable t) {
            System.err.println("EsNode: failed to start: " + t);
            t.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println("EsNode: started on http://127.0.0.1:" + port + " (data: " + dataRoot + ", transport: " + transportPorts
            + (seedHosts.isEmpty() ? ", single node)" : ", seed hosts: " + seedHosts + ")"));
        stopped.await(); // the shutdown hook releases it; the JVM then exits
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && a.contains("=")) {
                opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (a.startsWith("--") && i + 1 < args.length) {
                opts.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
        }
        return opts;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static String opt(Map<String, String> opts, String name, String envVar, String dflt) {
        String v = opts.get(name);
        if (v == null || v.isEmpty()) {
            v = System.getenv(envVar);
        }
        if (v == null || v.isEmpty()) {
            v = dflt;
        }
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name + " (or " + envVar + ")");
        }
        return v;
    }
}
