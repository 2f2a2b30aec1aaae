package dev.wallet.query.postgres;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.postgresql.message.Format;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Teaches r2dbc-postgresql to bind a {@link BinaryArray}: its bytes go to the server as they are,
 * in binary format, typed as the array's type. Encode only: nothing the wallet reads is decoded
 * as a {@code BinaryArray}.
 *
 * <p>Registered through the driver's extension discovery ({@link Registrar}, named in
 * {@code META-INF/services/io.r2dbc.postgresql.extension.Extension}), so that every connection
 * factory the driver builds knows it: the service's pool, {@code wallet-ops rebuild-read-side}'s
 * and the tests'. A factory built with {@code autodetectExtensions=false} would not, and binding a
 * {@code BinaryArray} there fails with the driver's "Cannot encode parameter".
 */
public final class BinaryArrayCodec implements Codec<BinaryArray> {

    /** Adds the codec to every connection's registry; found by {@link java.util.ServiceLoader}. */
    public static final class Registrar implements CodecRegistrar {

        @Override
        public Publisher<Void> register(final PostgresqlConnection connection, final ByteBufAllocator allocator,
                                        final CodecRegistry registry) {
            registry.addFirst(new BinaryArrayCodec());
            return Mono.empty();
        }
    }

    @Override
    public boolean canEncode(final Object value) {
        return value instanceof BinaryArray;
    }

    @Override
    public EncodedParameter encode(final Object value) {
        final BinaryArray array = (BinaryArray) value;
        // A new wrapper per subscription: the driver releases what it wrote, and a retried batch
        // binds the same value again.
        return new EncodedParameter(Format.FORMAT_BINARY, array.arrayTypeOid(),
                Mono.fromSupplier(() -> Unpooled.wrappedBuffer(array.bytes())));
    }

    @Override
    public EncodedParameter encode(final Object value, final int dataType) {
        return encode(value);
    }

    /** Never asked for: {@link #canEncodeNull} is false, so a null is bound by the driver's own codecs. */
    @Override
    public EncodedParameter encodeNull() {
        throw new UnsupportedOperationException("a null parameter is bound by the driver's own codecs");
    }

    @Override
    public boolean canEncodeNull(final Class<?> type) {
        return false;
    }

    @Override
    public boolean canDecode(final int dataType, final Format format, final Class<?> type) {
        return false;
    }

    @Override
    public BinaryArray decode(final ByteBuf buffer, final int dataType, final Format format,
                              final Class<? extends BinaryArray> type) {
        throw new UnsupportedOperationException("BinaryArray is a parameter type only");
    }
}
