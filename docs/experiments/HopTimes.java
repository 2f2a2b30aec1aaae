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

    /** No time yet: nanoTime has an arbitrary origin and may be negative, so no number can mean "unseen". */
    private static final long UNSEEN = Long.MIN_VALUE;

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
        // transaction_id -> when each of its seven records became visible, in nanoTime, or UNSEEN:
        // 0 ACCEPTED, 1 debit command, 2 debit answer, 3 DEBITED, 4 credit command, 5 credit answer, 6 COMPLETED
        Map<String, long[]> seen = new HashMap<>();
        Deserializer<AccountCommand> commands = Topics.ACCOUNT_COMMANDS.valueSerde().deserializer();
        Deserializer<AccountEvent> answers = Topics.ACCOUNT_REPLIES.valueSerde().deserializer();
        Deserializer<TransferEvent> events = Topics.TRANSFER_EVENTS.valueSerde().deserializer();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cp)) {
            c.subscribe(List.of(Topics.ACCOUNT_COMMANDS.name(), Topics.ACCOUNT_REPLIES.name(), Topics.TRANSFER_EVENTS.name()));
            long end = System.currentTimeMillis() + seconds * 1000;
            while (System.currentTimeMillis() < end) {
                ConsumerRecords<String, byte[]> rs = c.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> r : rs) {
                    String topic = r.topic();
                    String tx;
                    int slot;
                    if (topic.equals(Topics.ACCOUNT_COMMANDS.name())) {
                        AccountCommand v = commands.deserialize(topic, r.value());
                        tx = v.getTransactionId();
                        slot = stepSlot(v.getStep(), 1);
                    } else if (topic.equals(Topics.ACCOUNT_REPLIES.name())) {
                        AccountEvent v = answers.deserialize(topic, r.value());
                        tx = v.getTransactionId();
                        slot = stepSlot(v.getStep(), 2);
                    } else {
                        TransferEvent v = events.deserialize(topic, r.value());
                        tx = v.getTransactionId();
                        TransferPhase phase = v.getPhase();
                        slot = phase == TransferPhase.ACCEPTED ? 0 : phase == TransferPhase.DEBITED ? 3
                                : phase == TransferPhase.COMPLETED ? 6 : -1;
                    }
                    if (slot >= 0) {
                        seen.computeIfAbsent(tx, k -> {
                            long[] times = new long[7];
                            Arrays.fill(times, UNSEEN);
                            return times;
                        })[slot] = now;
                    }
                }
            }
        }
        // Only transfers seen whole: one that started before the probe or ended after it is left out.
        List<long[]> whole = seen.values().stream()
                .filter(times -> Arrays.stream(times).noneMatch(time -> time == UNSEEN)).toList();
        String[] names = {"ACCEPTED->debit cmd", "debit cmd->debit reply (processor)", "debit reply->DEBITED (saga)",
                "DEBITED->credit cmd", "credit cmd->credit reply (processor)", "credit reply->COMPLETED (saga)"};
        for (int h = 0; h < names.length; h++) {
            final int from = h;
            List<Double> d = whole.stream().map(times -> (times[from + 1] - times[from]) / 1e6).sorted().toList();
            if (d.isEmpty()) {
                System.out.println(names[h] + ": none");
                continue;
            }
            int n = d.size();
            System.out.printf("%-40s n %d p10 %.1f p25 %.1f p50 %.1f p75 %.1f p90 %.1f p99 %.1f ms%n", names[h], n,
                    d.get(n / 10), d.get(n / 4), d.get(n / 2), d.get(n * 3 / 4), d.get(n * 9 / 10), d.get(n * 99 / 100));
        }
    }

    /** The slot of a debit or credit record, {@code debitSlot} or three after it; -1 for other steps. */
    private static int stepSlot(CommandStep step, int debitSlot) {
        return step == CommandStep.DEBIT ? debitSlot : step == CommandStep.CREDIT ? debitSlot + 3 : -1;
    }
}
