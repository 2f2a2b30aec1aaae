/**
 * The Kafka Streams plumbing of the account processor: {@link
 * dev.wallet.account.topology.AccountProcessorTopology} reads account commands, hands each to the
 * ledger ({@code dev.wallet.account.ledger}) with the state it needs, keeps the result and writes
 * exactly one ledger event per command.
 */
package dev.wallet.account.topology;
