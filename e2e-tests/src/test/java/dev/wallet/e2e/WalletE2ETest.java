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

    static WalletStack stack;
    static WalletClient client;
    static ReadSideChecks sql;

    @BeforeAll
    static void startStack() throws Exception {
        stack = new WalletStack(WalletStack.freshWorkDir("WalletE2ETest"), 1);
        try {
            stack.start();
        } catch (Exception | AssertionError e) {
            stack.close();
            throw e;
        }
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
    void shouldKeepTheBooksThroughABankWorkloadWithCrashes() throws Exception {
        final List<String> accounts = IntStream.range(0, 200).mapToObj(i -> "user-" + i).toList();
        BankWorkload.openAndFund(client, accounts, "USD", FUNDING, "100.00", 8);
        final BankWorkload workload = new BankWorkload(client, accounts, accounts.subList(0, 3), "USD");
        log("accounts opened and funded");

        final Thread crashes = new Thread(this::crashEachServiceInTurn, "crashes");
        crashes.start();
        workload.run(2_000, 16, 42);
        crashes.join();
        log("workload answered: " + workload.accepted().size() + " accepted, "
                + workload.unavailable() + " retried after 503 or a broken connection");

        assertThat(workload.abandoned()).isZero();
        Books.awaitTerminal(sql, workload.accepted());
        log("every accepted transfer terminal");
        Books.assertBalanced(stack.kafka().bootstrapServers(), sql);
    }

    @Test
    @Order(9)
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

    private void crashEachServiceInTurn() {
        try {
            for (final String service : List.of(WalletStack.ACCOUNT_PROCESSOR, WalletStack.SAGA_ORCHESTRATOR,
                    WalletStack.BALANCE_QUERY)) {
                Thread.sleep(3_000);
                stack.service(service).kill9();
                log("killed -9 " + service);
                stack.service(service).start();
                log(service + " healthy again");
            }
            Thread.sleep(2_000);
            stack.kafka().stop();
            stack.kafka().start();
            log("broker restarted");
        } catch (Exception e) {
            throw new IllegalStateException("crash sequence failed", e);
        }
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
