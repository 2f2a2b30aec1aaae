package dev.wallet.ops.support;

import dev.wallet.schemas.avro.AccountCredited;
import dev.wallet.schemas.avro.AccountDebited;
import dev.wallet.schemas.avro.AccountEvent;
import dev.wallet.schemas.avro.AccountOpened;
import dev.wallet.schemas.avro.AccountType;
import dev.wallet.schemas.avro.CommandStep;
import dev.wallet.schemas.avro.DebitRejected;
import dev.wallet.schemas.avro.DebitRejectionReason;
import dev.wallet.schemas.avro.TransferAccepted;
import dev.wallet.schemas.avro.TransferCompleted;
import dev.wallet.schemas.avro.TransferDebited;
import dev.wallet.schemas.avro.TransferEvent;
import dev.wallet.schemas.avro.TransferPhase;
import dev.wallet.schemas.kafka.ExactlyOnce;
import dev.wallet.schemas.topics.Topics;
import java.time.Instant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes ledger and transfer events as given, straight to the topics, so a test can build a ledger
 * with exactly the corruption it wants. Events are keyed as the services key them.
 */
public final class LedgerWriter implements AutoCloseable {

    public static final String USD = "USD";

    private final KafkaProducer<String, byte[]> producer;

    public LedgerWriter(final String bootstrapServers) {
        this.producer = new KafkaProducer<>(ExactlyOnce.producer(bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void opened(final String accountId, final AccountType type, final Instant at) {
        event(new AccountEvent(accountId, 1L, 0L, USD, "open-" + accountId, CommandStep.OPEN, at, false,
                new AccountOpened(type)));
    }

    public void debited(final String accountId, final long sequence, final long amountMinor, final long balanceAfter,
                        final String transactionId, final Instant at) {
        event(new AccountEvent(accountId, sequence, balanceAfter, USD, transactionId, CommandStep.DEBIT, at, false,
                new AccountDebited(amountMinor)));
    }

    public void credited(final String accountId, final long sequence, final long amountMinor, final long balanceAfter,
                         final String transactionId, final Instant at) {
        event(new AccountEvent(accountId, sequence, balanceAfter, USD, transactionId, CommandStep.CREDIT, at, false,
                new AccountCredited(amountMinor)));
    }

    public void debitRejected(final String accountId, final long sequence, final long amountMinor,
                              final long balanceAfter, final String transactionId, final Instant at) {
        event(new AccountEvent(accountId, sequence, balanceAfter, USD, transactionId, CommandStep.DEBIT, at, false,
                new DebitRejected(DebitRejectionReason.INSUFFICIENT_FUNDS, amountMinor)));
    }

    /** ACCEPTED, DEBITED, COMPLETED events of a transfer whose debit and credit are at the given sequences. */
    public void completed(final String transactionId, final String from, final String to, final long amountMinor,
                          final long sourceSequence, final long destinationSequence, final Instant at) {
        accepted(transactionId, from, to, amountMinor, at);
        transfer(transactionId, from, to, amountMinor, TransferPhase.DEBITED, at, new TransferDebited(sourceSequence));
        transfer(transactionId, from, to, amountMinor, TransferPhase.COMPLETED, at,
                new TransferCompleted(sourceSequence, destinationSequence));
    }

    public void accepted(final String transactionId, final String from, final String to, final long amountMinor,
                         final Instant at) {
        transfer(transactionId, from, to, amountMinor, TransferPhase.ACCEPTED, at,
                new TransferAccepted(at, at.plusSeconds(30)));
    }

    /** A record no serde can read, on the ledger topic. */
    public void garbage(final String key) {
        producer.send(new ProducerRecord<>(Topics.ACCOUNT_EVENTS.name(), key, new byte[] {1, 2, 3}));
    }

    private void transfer(final String transactionId, final String from, final String to, final long amountMinor,
                          final TransferPhase phase, final Instant at, final Object body) {
        final TransferEvent event = new TransferEvent(transactionId, from, to, amountMinor, USD, phase, at, body);
        producer.send(new ProducerRecord<>(Topics.TRANSFER_EVENTS.name(), transactionId,
                Topics.TRANSFER_EVENTS.valueSerde().serializer().serialize(Topics.TRANSFER_EVENTS.name(), event)));
    }

    private void event(final AccountEvent event) {
        producer.send(new ProducerRecord<>(Topics.ACCOUNT_EVENTS.name(), event.getAccountId(),
                Topics.ACCOUNT_EVENTS.valueSerde().serializer().serialize(Topics.ACCOUNT_EVENTS.name(), event)));
    }

    /** Makes every write so far durable. */
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
