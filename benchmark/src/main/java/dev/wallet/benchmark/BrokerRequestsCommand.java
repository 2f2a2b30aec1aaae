package dev.wallet.benchmark;

import com.sun.tools.attach.VirtualMachine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints what a running broker of this machine is asked to do per second: requests by type and
 * partition-level produce and fetch counts, from its own JMX meters (the JVM is attached to locally,
 * so the broker needs no JMX port). Used to split the broker's fixed cost per transaction from its
 * cost per record (docs/benchmarks.md, "Where the broker's CPU goes").
 */
@Command(name = "broker-requests", description = "Print a local broker's requests per second by type, "
        + "read twice from its JMX meters --seconds apart.")
final class BrokerRequestsCommand implements Callable<Integer> {

    private static final String REQUESTS = "kafka.network:type=RequestMetrics,name=RequestsPerSec,*";
    private static final List<String> TOPIC_METERS = List.of("TotalProduceRequestsPerSec",
            "TotalFetchRequestsPerSec", "MessagesInPerSec");

    @Option(names = "--pid", required = true, description = "pid of the broker JVM (e.g. <kafka-data-dir>/node-1.pid)")
    private long pid;

    @Option(names = "--seconds", defaultValue = "20", description = "seconds between the two readings")
    private int seconds;

    @Override
    public Integer call() throws Exception {
        final VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        final String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
            final MBeanServerConnection server = connector.getMBeanServerConnection();
            final Map<String, Double> before = counts(server);
            Thread.sleep(seconds * 1000L);
            final Map<String, Double> after = counts(server);
            final List<Map.Entry<String, Double>> rates = new ArrayList<>();
            after.forEach((name, count) -> rates.add(Map.entry(name, (count - before.getOrDefault(name, 0.0)) / seconds)));
            rates.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            System.out.printf(Locale.ROOT, "broker pid %d, per second over %d s:%n", pid, seconds);
            for (final Map.Entry<String, Double> rate : rates) {
                if (rate.getValue() >= 0.05) {
                    System.out.printf(Locale.ROOT, "%12.1f  %s%n", rate.getValue(), rate.getKey());
                }
            }
        }
        return 0;
    }

    /** Cumulative counts: requests by type, and the topic meters (partition-level produces and fetches). */
    private static Map<String, Double> counts(final MBeanServerConnection server) throws Exception {
        final Map<String, Double> counts = new TreeMap<>();
        for (final ObjectName name : server.queryNames(new ObjectName(REQUESTS), null)) {
            counts.merge("requests " + name.getKeyProperty("request"),
                    ((Number) server.getAttribute(name, "Count")).doubleValue(), Double::sum);
        }
        for (final String meter : TOPIC_METERS) {
            final ObjectName name = new ObjectName("kafka.server:type=BrokerTopicMetrics,name=" + meter);
            if (server.isRegistered(name)) {
                counts.put(meter, ((Number) server.getAttribute(name, "Count")).doubleValue());
            }
        }
        return counts;
    }
}
