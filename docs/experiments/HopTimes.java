import dev.wallet.schemas.avro.*;
import dev.wallet.schemas.topics.Topics;
import java.time.Duration;
import java.util.*;
import org.apache.kafka.clients.consumer.*;
import org.apache.kafka.common.serialization.*;

/**
 * Where a transfer's time goes, hop by hop, on a running stack: a read_committed consumer of
 * {@code wallet.account-commands}, {@code wallet.account-replies} and {@code wallet.transfer-events}
 * notes when each transfer's debit and credit commands, their answers and its ACCEPTED, DEBITED and
 * COMPLETED events become visible, and prints the percentiles of each step between them. A
 * measurement probe, not part of the build: docs/experiments/README.md, "Probes", has the commands.
 *
 * <p>Arguments: bootstrap servers, seconds to listen. It reads from the end of each topic, so start
 * it while transfers flow; transfers seen only in part are left out.
 */
public class HopTimes {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long seconds = Long.parseLong(args[1]);
        Properties cp = new Properties();
        cp.put("bootstrap.servers", bootstrap);
        cp.put("isolation.level", "read_committed");
        cp.put("group.id", "hops-" + System.nanoTime());
        cp.put("auto.offset.reset", "latest");
        cp.put("key.deserializer", StringDeserializer.class.getName());
        cp.put("value.deserializer", ByteArrayDeserializer.class.getName());
        // txid -> times: 0 ACCEPTED, 1 debit cmd, 2 debit reply, 3 DEBITED, 4 credit cmd, 5 credit reply, 6 COMPLETED
        Map<String, long[]> t = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cp)) {
            c.subscribe(List.of(Topics.ACCOUNT_COMMANDS.name(), Topics.ACCOUNT_REPLIES.name(), Topics.TRANSFER_EVENTS.name()));
            long end = System.currentTimeMillis() + seconds * 1000;
            while (System.currentTimeMillis() < end) {
                ConsumerRecords<String, byte[]> rs = c.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : rs) {
                    String topic = r.topic();
                    String tx; int slot;
                    if (topic.equals(Topics.ACCOUNT_COMMANDS.name())) {
                        AccountCommand v = Topics.ACCOUNT_COMMANDS.valueSerde().deserializer().deserialize(topic, r.value());
                        tx = v.getTransactionId();
                        slot = v.getStep() == CommandStep.DEBIT ? 1 : v.getStep() == CommandStep.CREDIT ? 4 : -1;
                    } else if (topic.equals(Topics.ACCOUNT_REPLIES.name())) {
                        AccountEvent v = Topics.ACCOUNT_REPLIES.valueSerde().deserializer().deserialize(topic, r.value());
                        tx = v.getTransactionId();
                        slot = v.getStep() == CommandStep.DEBIT ? 2 : v.getStep() == CommandStep.CREDIT ? 5 : -1;
                    } else {
                        TransferEvent v = Topics.TRANSFER_EVENTS.valueSerde().deserializer().deserialize(topic, r.value());
                        tx = v.getTransactionId();
                        String p = v.getPhase().name();
                        slot = p.equals("ACCEPTED") ? 0 : p.equals("DEBITED") ? 3 : p.equals("COMPLETED") ? 6 : -1;
                    }
                    if (slot < 0) continue;
                    long[] a = t.computeIfAbsent(tx, k -> { long[] x = new long[7]; Arrays.fill(x, -1); return x; });
                    a[slot] = now;
                }
            }
        }
        String[] names = {"ACCEPTED->debit cmd", "debit cmd->debit reply (processor)", "debit reply->DEBITED (saga)",
                "DEBITED->credit cmd", "credit cmd->credit reply (processor)", "credit reply->COMPLETED (saga)"};
        for (int h = 0; h < 6; h++) {
            List<Double> d = new ArrayList<>();
            for (long[] a : t.values()) if (a[h] > 0 && a[h + 1] > 0 && Arrays.stream(a).allMatch(x -> x > 0)) d.add((a[h + 1] - a[h]) / 1e6);
            Collections.sort(d);
            if (d.isEmpty()) { System.out.println(names[h] + ": none"); continue; }
            int n = d.size();
            System.out.printf("%-40s n %d p10 %.1f p25 %.1f p50 %.1f p75 %.1f p90 %.1f p99 %.1f ms%n", names[h], n,
                    d.get(n / 10), d.get(n / 4), d.get(n / 2), d.get(n * 3 / 4), d.get(n * 9 / 10), d.get(n * 99 / 100));
        }
    }
}
