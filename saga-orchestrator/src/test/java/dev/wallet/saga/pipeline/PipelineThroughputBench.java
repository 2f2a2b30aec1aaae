package dev.wallet.saga.pipeline;

import dev.wallet.account.topology.AccountProcessorSettings;
import dev.wallet.account.topology.AccountProcessorTopology;
import dev.wallet.saga.topology.TransferSagaTopology;
import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.OpenAccount;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.TopicProvisioner;
import dev.wallet.schemas.topics.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A manual throughput measurement of the whole write path (not run by the build): an embedded
 * KRaft broker, the account processor and the saga as exactly_once_v2 clients configured like the
 * services, and {@code transfers} requests between funded users. Prints transfers ended per second
 * from the first request to the last terminal event. Everything shares this JVM and its cores, so
 * the number is a floor for the apps alone.
 *
 * <p>Run: {@code java -cp <test classpath> dev.wallet.saga.pipeline.PipelineThroughputBench [transfers] [users]
 * [offered/s]}: all requests at once (offered 0, the default) measures throughput; a rate paces them (open loop)
 * to measure latency from send to terminal event. Streams settings of each app can be replaced with
 * {@code -Dbench.saga.<key>=<value>} and {@code -Dbench.accounts.<key>=<value>}, broker settings with
 * {@code -Dbench.broker.<key>=<value>}; {@code -Dbench.applied-steps-retention=PT2M} and
 * {@code -Dbench.applied-steps-bucket=PT1M} shorten the account processor's applied-steps retention and bucket.
 * Besides the totals it prints the CPU of each app's threads per transfer.
 */
public final class PipelineThroughputBench {

    private static final int PARTITIONS = Integer.getInteger("bench.partitions", 6);
    private static final Duration WAIT_MAX = Duration.ofMinutes(10);

    private PipelineThroughputBench() {
    }

    public static void main(final String[] args) throws Exception {
        final int transfers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        final int users = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        final int offeredPerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        final Map<String, String> brokerProperties = new TreeMap<>(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));
        brokerProperties.putAll(overrides("bench.broker."));
        broker.brokerProperties(brokerProperties);
        broker.afterPropertiesSet();
        final Path state = Files.createTempDirectory("saga-bench");
        final String bootstrap = broker.getBrokersAsString();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
             RunningApp accounts = new RunningApp("bench-accounts", PipelineThroughputBench::accountProcessor, bootstrap,
                     state.resolve("accounts"), overrides("bench.accounts."));
             RunningApp saga = new RunningApp("bench-saga", TransferSagaTopology::build, bootstrap,
                     state.resolve("saga"), overrides("bench.saga."));
             KafkaProducer<String, byte[]> producer = producer(bootstrap);
             KafkaConsumer<byte[], byte[]> ends = consumer(bootstrap)) {
            provision(admin);
            accounts.start();
            saga.start();
            ends.subscribe(List.of(Topics.TRANSFER_EVENTS.name()));
            openAndFund(producer, users);
            awaitEnds(ends, users, "funding");
            final long[] sentAtNs = new long[transfers];
            final Histogram latencies = new Histogram(3);
            final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    ManagementFactory.getOperatingSystemMXBean();
            final long startCpuNs = os.getProcessCpuTime();
            final Map<Long, ThreadCpu> startThreadCpuNs = threadCpuNs();
            final long startNs = System.nanoTime();
            final Thread sender = new Thread(() -> sendTransfers(producer, users, transfers, offeredPerSecond, sentAtNs),
                    "bench-sender");
            sender.start();
            awaitEnds(ends, transfers, "transfers", sentAtNs, latencies);
            sender.join();
            final double seconds = (System.nanoTime() - startNs) / 1e9;
            final double cpuSeconds = (os.getProcessCpuTime() - startCpuNs) / 1e9;
            System.out.printf("BENCH %d transfers (%d users, %d partitions, offered %s) ended in %.1f s:"
                            + " %.0f transfers/s; this JVM's CPU %.0f µs per transfer (load average %.1f); request to end ms p50 %.0f p90 %.0f p99 %.0f p99.9 %.0f max %.0f%n",
                    transfers, users, PARTITIONS, offeredPerSecond == 0 ? "all at once" : offeredPerSecond + "/s",
                    seconds, transfers / seconds, cpuSeconds * 1e6 / transfers, os.getSystemLoadAverage(), latencies.getValueAtPercentile(50) / 1e6,
                    latencies.getValueAtPercentile(90) / 1e6, latencies.getValueAtPercentile(99) / 1e6,
                    latencies.getValueAtPercentile(99.9) / 1e6, latencies.getMaxValue() / 1e6);
            printThreadCpu(startThreadCpuNs, threadCpuNs(), transfers);
        } finally {
            broker.destroy();
            Utils.delete(state.toFile());
        }
    }

    /**
     * The account processor as the services run it, but with {@code -Dbench.applied-steps-retention=PT2M} (an ISO-8601
     * duration) keeping applied steps that long instead, and {@code -Dbench.applied-steps-bucket=PT1M} stamping them by
     * buckets that wide. The store keeps the retention plus a bucket, in segments half that long (at least a minute),
     * so after three minutes of a run with both a lookup reads three buckets in two or three segments, as after a day
     * with the defaults (a day, 12 h buckets).
     */
    private static void accountProcessor(final StreamsBuilder builder) {
        AccountProcessorSettings settings = AccountProcessorSettings.defaults();
        final String retention = System.getProperty("bench.applied-steps-retention");
        if (retention != null) {
            settings = settings.withAppliedStepsRetention(Duration.parse(retention));
        }
        final String bucket = System.getProperty("bench.applied-steps-bucket");
        if (bucket != null) {
            settings = settings.withAppliedStepsBucket(Duration.parse(bucket));
        }
        AccountProcessorTopology.build(builder, settings);
    }

    /** One Java thread's CPU time so far, with the group {@link #threadGroup} puts it in. */
    private record ThreadCpu(String group, long ns) {
    }

    /** CPU time so far of every live Java thread of this JVM, by thread id (a name may repeat, an id does not). */
    private static Map<Long, ThreadCpu> threadCpuNs() {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final Map<Long, ThreadCpu> cpu = new HashMap<>();
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            final long ns = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (ns > 0) {
                cpu.put(info.getThreadId(), new ThreadCpu(threadGroup(info.getThreadName()), ns));
            }
        }
        return cpu;
    }

    /**
     * Prints the CPU per transfer of each app's stream threads, its producers' I/O threads, its other threads and the
     * rest of this JVM's Java threads (the broker, the bench's own clients) between two {@link #threadCpuNs()}
     * readings. JIT compiler and GC threads are not Java threads, so they are in no group; a thread that ended between
     * the readings is missing too.
     */
    private static void printThreadCpu(final Map<Long, ThreadCpu> before, final Map<Long, ThreadCpu> after,
                                       final int transfers) {
        final Map<String, Long> groups = new TreeMap<>();
        after.forEach((id, now) -> {
            final ThreadCpu then = before.get(id);
            groups.merge(now.group(), now.ns() - (then == null ? 0 : then.ns()), Long::sum);
        });
        final StringBuilder line = new StringBuilder("BENCH CPU per transfer by thread group:");
        groups.forEach((group, ns) -> line.append(String.format(" %s %.1f µs;", group, ns / 1e3 / transfers)));
        System.out.println(line);
    }

    private static String threadGroup(final String threadName) {
        for (final String app : List.of("bench-accounts", "bench-saga")) {
            if (threadName.contains(app)) {
                if (threadName.contains("producer")) {
                    return app + " producer I/O";
                }
                return threadName.matches(".*StreamThread-\\d+$") ? app + " stream thread" : app + " other";
            }
        }
        return "rest of the JVM";
    }

    /**
     * Streams settings of one app from system properties with {@code prefix}, e.g.
     * {@code -Dbench.saga.commit.interval.ms=50} or {@code -Dbench.accounts.producer.linger.ms=10}.
     */
    private static Map<String, String> overrides(final String prefix) {
        final Map<String, String> overrides = new TreeMap<>();
        for (final String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(prefix)) {
                overrides.put(name.substring(prefix.length()), System.getProperty(name));
            }
        }
        if (!overrides.isEmpty()) {
            System.out.println("BENCH " + prefix + " overrides " + overrides);
        }
        return overrides;
    }

    private static void provision(final Admin admin) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                new TopicProvisioner(PARTITIONS, (short) 1).ensureTopics(admin);
                return;
            } catch (IllegalStateException e) {
                if (attempt > 5) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static void openAndFund(final KafkaProducer<String, byte[]> producer, final int users) {
        send(producer, open("funding-EUR", AccountType.SYSTEM));
        for (int i = 0; i < users; i++) {
            send(producer, open("user-" + i, AccountType.USER));
        }
        producer.flush();
        for (int i = 0; i < users; i++) {
            send(producer, request("fund-" + i, "funding-EUR", "user-" + i, 1_000_000));
        }
        producer.flush();
    }

    /** Sends all at once when {@code offeredPerSecond} is 0, else paced at that rate (open loop). */
    private static void sendTransfers(final KafkaProducer<String, byte[]> producer, final int users,
                                      final int transfers, final int offeredPerSecond, final long[] sentAtNs) {
        final Random random = new Random(1);
        final long startNs = System.nanoTime();
        for (int i = 0; i < transfers; i++) {
            final int from = random.nextInt(users);
            final int to = (from + 1 + random.nextInt(users - 1)) % users;
            if (offeredPerSecond > 0) {
                final long dueNs = startNs + i * 1_000_000_000L / offeredPerSecond;
                while (System.nanoTime() < dueNs) {
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000);
                }
            }
            sentAtNs[i] = System.nanoTime();
            send(producer, request("tx-" + i, "user-" + from, "user-" + to, 1 + random.nextInt(100)));
        }
        producer.flush();
    }

    private static void awaitEnds(final KafkaConsumer<byte[], byte[]> consumer, final int count, final String what) {
        awaitEnds(consumer, count, what, null, null);
    }

    /** Counts terminal events; with {@code sentAtNs}, records each "tx-N" transfer's time from send to its end. */
    private static void awaitEnds(final KafkaConsumer<byte[], byte[]> consumer, final int count, final String what,
                                  final long[] sentAtNs, final Histogram latencies) {
        final long deadlineNs = System.nanoTime() + WAIT_MAX.toNanos();
        int ended = 0;
        while (ended < count) {
            if (System.nanoTime() > deadlineNs) {
                throw new IllegalStateException("Only " + ended + " of " + count + " " + what + " ended in " + WAIT_MAX);
            }
            for (final var record : consumer.poll(Duration.ofMillis(200))) {
                final Object body = Topics.TRANSFER_EVENTS.valueSerde().deserializer()
                        .deserialize(record.topic(), record.value()).getBody();
                if (body instanceof dev.wallet.schemas.avro.TransferCompleted
                        || body instanceof dev.wallet.schemas.avro.TransferFailed) {
                    ended++;
                    final String key = new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
                    if (sentAtNs != null && key.startsWith("tx-")) {
                        latencies.recordValue(Math.max(0, System.nanoTime() - sentAtNs[Integer.parseInt(key.substring(3))]));
                    }
                }
            }
        }
    }

    private static ProducerRecord<String, byte[]> open(final String account, final AccountType type) {
        final AccountCommand open = new AccountCommand(account, "open-" + account, CommandStep.OPEN, Instant.now(),
                new OpenAccount(type, "EUR"));
        return new ProducerRecord<>(Topics.ACCOUNT_COMMANDS.name(), account,
                Topics.ACCOUNT_COMMANDS.valueSerde().serializer().serialize(Topics.ACCOUNT_COMMANDS.name(), open));
    }

    private static ProducerRecord<String, byte[]> request(final String tx, final String from, final String to,
                                                          final long amountMinor) {
        final Instant now = Instant.now();
        final TransferRequest request = new TransferRequest(tx, from, to, amountMinor, "EUR", now,
                now.plus(Duration.ofMinutes(30)));
        return new ProducerRecord<>(Topics.TRANSFER_REQUESTS.name(), tx,
                Topics.TRANSFER_REQUESTS.valueSerde().serializer().serialize(Topics.TRANSFER_REQUESTS.name(), request));
    }

    private static void send(final KafkaProducer<String, byte[]> producer, final ProducerRecord<String, byte[]> record) {
        producer.send(record);
    }

    private static KafkaProducer<String, byte[]> producer(final String bootstrap) {
        final Properties props = ExactlyOnce.producer(bootstrap);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        return new KafkaProducer<>(props);
    }

    private static KafkaConsumer<byte[], byte[]> consumer(final String bootstrap) {
        final Properties props = ExactlyOnce.readCommitted(bootstrap, "bench-reader");
        props.put("key.deserializer", ByteArrayDeserializer.class.getName());
        props.put("value.deserializer", ByteArrayDeserializer.class.getName());
        props.put("auto.offset.reset", "earliest");
        props.put("max.poll.records", 10_000);
        return new KafkaConsumer<>(props);
    }
}
