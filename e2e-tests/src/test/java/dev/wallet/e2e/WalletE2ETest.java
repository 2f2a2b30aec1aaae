package dev.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wallet.e2e.check.Books;
import dev.wallet.e2e.check.ReadSideChecks;
import dev.wallet.e2e.client.Answer;
import dev.wallet.e2e.client.WalletClient;
import dev.wallet.e2e.stack.WalletStack;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole wallet as processes (a Kafka broker process, PostgreSQL inside balance-query, the four
 * service jars), used only from outside: HTTP as a client app, SQL as an analyst, Kafka as an
 * operator. The cases share one stack and build on each other's accounts, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalletE2ETest {

    static final String FUNDING = "funding-usd";

    /** The bank: 200 user accounts, each funded with 100.00 USD. */
    static final List<String> BANK_ACCOUNTS = IntStream.range(0, 200).mapToObj(i -> "user-" + i).toList();

    static final int TRANSFERS_PER_ROUND = 600;
    static final int CLIENTS = 16;
    static final long FAULT_AFTER_MS = 2_000;

    static WalletStack stack;
    static WalletClient client;
    static ReadSideChecks sql;

    @BeforeAll
    static void startStack() throws Exception {
        stack = WalletStack.started("WalletE2ETest", 1);
        client = new WalletClient(stack.apiUrl(), stack.queryUrl());
        sql = new ReadSideChecks(stack.jdbcUrl());
        assertThat(client.openAccount(FUNDING, "USD", "system").status()).isEqualTo(201);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void shouldMoveMoneyAndShowItThroughTheQueryApiAndSql() {
        open("alice", "USD");
        open("bob", "USD");
        assertThat(client.transfer(FUNDING, "alice", "100.00", "USD").text("status")).isEqualTo("success");

        final Answer transfer = client.transfer("alice", "bob", "12.50", "USD");

        assertThat(transfer.status()).isEqualTo(200);
        assertThat(transfer.text("status")).isEqualTo("success");
        awaitBalance("alice", "87.50");
        awaitBalance("bob", "12.50");
        assertThat(client.account("alice").text("type")).isEqualTo("user");
        assertThat(sql.balances()).containsEntry("alice", 8_750L).containsEntry("bob", 1_250L);
        assertThat(sql.sumsByCurrency()).containsEntry("USD", 0L);
    }

    @Test
    @Order(2)
    void shouldFailForInsufficientFundsAndMoveNothing() {
        final Answer answer = client.transfer("alice", "bob", "1000.00", "USD");

        assertThat(answer.text("status")).isEqualTo("failed");
        assertThat(answer.text("reason")).isEqualTo("INSUFFICIENT_FUNDS");
        awaitTransferStatus(answer.text("transaction_id"), "failed");
        assertThat(sql.balances()).containsEntry("alice", 8_750L);
    }

    @Test
    @Order(3)
    void shouldFailForUnknownAccountsOnEitherSide() {
        assertThat(client.transfer("nobody", "bob", "1.00", "USD").text("reason"))
                .isEqualTo("SOURCE_ACCOUNT_NOT_FOUND");
        final Answer toNobody = client.transfer("alice", "nobody", "1.00", "USD");

        assertThat(toNobody.text("reason")).isEqualTo("DESTINATION_ACCOUNT_NOT_FOUND");
        awaitTransferStatus(toNobody.text("transaction_id"), "failed");
        // Alice was debited, then refunded. The read side projects account events and transfer events
        // in batches of their own, so the refund may become visible after the failed status; alice's
        // balance changes in the same batch as her ledger entries.
        await().atMost(Books.CATCH_UP).untilAsserted(() ->
                assertThat(sql.ledgerKinds(toNobody.text("transaction_id"))).contains("DEBITED", "REFUNDED"));
        assertThat(sql.balances()).containsEntry("alice", 8_750L);
    }

    @Test
    @Order(4)
    void shouldRefundTheDebitWhenTheCreditIsDeclined() {
        open("erin-eur", "EUR");

        final Answer answer = client.transfer("alice", "erin-eur", "5.00", "USD");

        assertThat(answer.text("status")).isEqualTo("failed");
        assertThat(answer.text("reason")).isEqualTo("DESTINATION_CURRENCY_MISMATCH");
        awaitTransferStatus(answer.text("transaction_id"), "failed");
        awaitBalance("alice", "87.50");
        assertThat(sql.transfersNotMatchingTheLedger()).isEmpty();
    }

    @Test
    @Order(5)
    void shouldRejectACurrencyMismatchAtTheSource() {
        final Answer answer = client.transfer("alice", "bob", "1.00", "EUR");

        assertThat(answer.text("reason")).isEqualTo("SOURCE_CURRENCY_MISMATCH");
    }

    @Test
    @Order(6)
    void shouldAnswerARepeatedRequestTheSameWayAndMoveMoneyOnce() {
        final String transactionId = UUID.randomUUID().toString();

        final Answer first = client.transfer("alice", "bob", "2.50", "USD", transactionId);
        final Answer repeat = client.transfer("alice", "bob", "2.50", "USD", transactionId);
        final Answer conflict = client.transfer("alice", "bob", "9.99", "USD", transactionId);

        assertThat(first.text("status")).isEqualTo("success");
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.text("status")).isEqualTo("success");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        awaitBalance("alice", "85.00");
        awaitBalance("bob", "15.00");
    }

    @Test
    @Order(7)
    void shouldRefuseInvalidInputWithAProblemAndWriteNothing() {
        final Answer tooPrecise = client.transfer("alice", "bob", "1.001", "USD");
        final Answer sameAccount = client.transfer("alice", "alice", "1.00", "USD");
        final Answer notJson = client.transferRaw("{not json");

        assertThat(List.of(tooPrecise, sameAccount, notJson)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(tooPrecise.text("field")).isEqualTo("amount");
        assertThat(sameAccount.text("field")).isEqualTo("to_account");
        assertThat(sql.balances()).containsEntry("alice", 8_500L);
    }

    @Test
    @Order(8)
    void shouldOpenAndFundTheAccountsOfABank() throws Exception {
        BankWorkload.openAndFund(client, BANK_ACCOUNTS, "USD", FUNDING, "100.00", 8);

        Books.assertBalanced(stack.kafka().bootstrapServers(), sql);
    }

    @Test
    @Order(9)
    void shouldKeepTheBooksWhenTheAccountProcessorIsKilledMidWorkload() throws Exception {
        runWorkloadWith(() -> restartKilled(WalletStack.ACCOUNT_PROCESSOR), 1);
    }

    @Test
    @Order(10)
    void shouldKeepTheBooksWhenTheOrchestratorIsKilledMidWorkload() throws Exception {
        runWorkloadWith(() -> restartKilled(WalletStack.SAGA_ORCHESTRATOR), 2);
    }

    @Test
    @Order(11)
    void shouldKeepTheBooksWhenTheProjectorIsKilledMidWorkload() throws Exception {
        runWorkloadWith(() -> restartKilled(WalletStack.BALANCE_QUERY), 3);
    }

    @Test
    @Order(12)
    void shouldKeepTheBooksWhenTheBrokerRestartsMidWorkload() throws Exception {
        runWorkloadWith(() -> {
            stack.kafka().stop();
            stack.kafka().start();
            log("broker restarted");
        }, 4);
    }

    @Test
    @Order(13)
    void shouldKeepEveryBalanceAcrossARestartOfTheWholeStack() throws Exception {
        final Map<String, Long> before = sql.balances();

        stack.stopServices();
        stack.kafka().stop();
        stack.start();

        assertThat(sql.balances()).isEqualTo(before);
        assertThat(client.account("alice").text("balance")).isEqualTo("85.00");
        assertThat(client.transfer("alice", "bob", "1.00", "USD").text("status")).isEqualTo("success");
        awaitBalance("alice", "84.00");
    }

    /** One fault, injected a few seconds into a workload round. */
    private interface Fault {
        void inject() throws Exception;
    }

    /**
     * A round of concurrent transfers among the bank's accounts (three of them hot) with one fault
     * in the middle; then every accepted transfer must end terminal and the books must balance.
     */
    private static void runWorkloadWith(final Fault fault, final long seed) throws Exception {
        final BankWorkload workload = new BankWorkload(client, BANK_ACCOUNTS, BANK_ACCOUNTS.subList(0, 3), "USD");
        final java.util.concurrent.CompletableFuture<Void> injected = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(FAULT_AFTER_MS);
                fault.inject();
            } catch (Exception e) {
                throw new IllegalStateException("fault injection failed", e);
            }
        });
        workload.run(TRANSFERS_PER_ROUND, CLIENTS, seed);
        injected.get();
        log("round answered: " + workload.accepted().size() + " accepted, " + workload.unavailable()
                + " retried after 503 or a broken connection");

        assertThat(workload.abandoned()).isZero();
        Books.awaitTerminal(sql, workload.accepted());
        Books.assertBalanced(stack.kafka().bootstrapServers(), sql);
    }

    private static void restartKilled(final String service) throws Exception {
        stack.service(service).kill9();
        log("killed -9 " + service);
        stack.service(service).start();
        log(service + " healthy again");
    }

    private static void log(final String message) {
        System.out.println(java.time.LocalTime.now() + " e2e: " + message);
    }

    private static void open(final String account, final String currency) {
        final Answer answer = client.openAccount(account, currency, "user");
        assertThat(answer.status()).as("open %s: %s", account, answer.body()).isEqualTo(201);
    }

    private static void awaitBalance(final String account, final String balance) {
        await().atMost(Books.CATCH_UP).untilAsserted(() ->
                assertThat(client.account(account).text("balance")).isEqualTo(balance));
    }

    private static void awaitTransferStatus(final String transactionId, final String status) {
        await().atMost(Books.CATCH_UP).untilAsserted(() ->
                assertThat(client.transferStatus(transactionId).text("status")).isEqualTo(status));
    }
}
