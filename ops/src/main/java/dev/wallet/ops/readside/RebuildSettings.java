package dev.wallet.ops.readside;

import java.time.Duration;

/**
 * How to rebuild the read side.
 *
 * @param liveSchema    the schema the services read and write (default {@code public})
 * @param rebuildSchema the fresh schema to build into; must not exist
 * @param oldSchema     the name the live schema gets when the rebuilt one takes its place
 * @param dropOld       drop the old schema once the rebuilt one verified equal
 * @param readSideWait  bound on waiting for the read side in the verification
 */
public record RebuildSettings(String bootstrapServers, ReadModelDatabase database, String liveSchema,
                              String rebuildSchema, String oldSchema, boolean dropOld, Duration readSideWait) {
}
