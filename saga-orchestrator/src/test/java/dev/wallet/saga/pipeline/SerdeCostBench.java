package dev.wallet.saga.pipeline;

import dev.wallet.schemas.avro.AccountCommand;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.DebitAccount;
import dev.wallet.schemas.avro.TransferAccepted;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferPhase;
import dev.wallet.schemas.avro.TransferRequest;
import dev.wallet.schemas.serde.AvroSerde;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * A manual measurement of the serde cost (not run by the build): encodes and decodes the four
 * kinds of record a transfer writes on the wallet topics, in rounds, and prints the mean time of
 * one encode plus decode. The later rounds are the warmed-up figure.
 *
 * <p>Run: {@code java -cp <test classpath> dev.wallet.saga.pipeline.SerdeCostBench [iterations per round]}.
 */
public final class SerdeCostBench {

    private static final int ROUNDS = 8;

    private SerdeCostBench() {
    }

    public static void main(final String[] args) {
        final int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        final Instant at = Instant.parse("2026-11-22T08:00:00Z");
        final String tx = "5b0f5a1e-8f0e-4c4e-9a59-2f0c6a1d7e11";
        final List<Case<?>> cases = List.of(
                new Case<>(AvroSerde.of(TransferRequest.class),
                        new TransferRequest(tx, "user-17", "user-4711", 1_250L, "EUR", at, at.plusSeconds(30))),
                new Case<>(AvroSerde.of(AccountCommand.class),
                        new AccountCommand("user-17", tx, CommandStep.DEBIT, at, new DebitAccount(1_250L, "EUR"))),
                new Case<>(AvroSerde.of(AccountEvent.class), new AccountEvent("user-17", 42L, 8_750L, "EUR", tx,
                        CommandStep.DEBIT, at, false, new AccountDebited(1_250L))),
                new Case<>(AvroSerde.of(TransferEvent.class), new TransferEvent(tx, "user-17", "user-4711", 1_250L,
                        "EUR", TransferPhase.ACCEPTED, at, new TransferAccepted(at, at.plusSeconds(30)))),
                new Case<>(AvroSerde.of(TransferEvent.class), new TransferEvent(tx, "user-17", "user-4711", 1_250L,
                        "EUR", TransferPhase.COMPLETED, at, new TransferCompleted(42L, 7L))));
        long bytes = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            final long startNs = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                for (final Case<?> c : cases) {
                    bytes += c.roundTrip();
                }
            }
            final double nsPerRoundTrip = (System.nanoTime() - startNs) / (double) (iterations * cases.size());
            System.out.printf("SERDE round %d: %.0f ns per encode + decode%n", round, nsPerRoundTrip);
        }
        System.out.println("(" + bytes + " bytes in all)");
    }

    /** One record and its serde; a round trip must give the record back. */
    private record Case<T extends SpecificRecord>(AvroSerde<T> serde, T record) {
        int roundTrip() {
            final byte[] bytes = serde.encode(record);
            if (!serde.decode(bytes).equals(record)) {
                throw new IllegalStateException("round trip changed " + record);
            }
            return bytes.length;
        }
    }
}
