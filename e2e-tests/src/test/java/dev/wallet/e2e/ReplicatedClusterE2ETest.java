package dev.wallet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wallet.e2e.check.Books;
import dev.wallet.e2e.check.ReadSideChecks;
import dev.wallet.e2e.client.WalletClient;
import dev.wallet.e2e.stack.WalletStack;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wallet on a three-broker cluster (replication factor 3, min.insync.replicas 2): one broker
 * is killed for good in the middle of a workload, and nothing is lost or applied twice.
 */
class ReplicatedClusterE2ETest {

    static WalletStack stack;
    static WalletClient client;
    static ReadSideChecks sql;

    @BeforeAll
    static void startStack() throws Exception {
        stack = WalletStack.started("ReplicatedClusterE2ETest", 3);
        client = new WalletClient(stack.apiUrl(), stack.queryUrl());
        sql = new ReadSideChecks(stack.jdbcUrl());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldLoseNothingWhenOneBrokerDiesForGood() throws Exception {
        assertThat(client.openAccount("funding-eur", "EUR", "system").status()).isEqualTo(201);
        final List<String> accounts = IntStream.range(0, 50).mapToObj(i -> "eur-" + i).toList();
        BankWorkload.openAndFund(client, accounts, "EUR", "funding-eur", "50.00", 8);
        final BankWorkload workload = new BankWorkload(client, accounts, accounts.subList(0, 2), "EUR");

        final Thread killer = new Thread(() -> {
            try {
                Thread.sleep(5_000);
                stack.kafka().kill(2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "broker-killer");
        killer.start();
        workload.run(1_000, 8, 7);
        killer.join();

        assertThat(workload.abandoned()).isZero();
        assertThat(stack.kafka().statusWithNodesDown()).contains("node 2: stopped");
        Books.awaitTerminal(sql, workload.accepted());
        Books.assertBalanced(stack.kafka().bootstrapServers(), sql);
    }
}
