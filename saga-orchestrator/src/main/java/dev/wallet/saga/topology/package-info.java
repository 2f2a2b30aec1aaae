/**
 * The Kafka Streams plumbing of the transfer saga: {@link dev.wallet.saga.topology.TransferSagaTopology}
 * builds it, {@link dev.wallet.saga.topology.SagaSettings} tunes it.
 */
package dev.wallet.saga.topology;
