package dev.wallet.query.postgres;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A one-dimensional array statement parameter, already in PostgreSQL's binary array format, so that
 * the server receives it with {@code array_recv} instead of parsing text with {@code array_in}.
 *
 * <p>Why: r2dbc-postgresql (1.1.x) sends every Java array as escaped text ({@code {"a","b"}}), and
 * the projection binds 38 arrays in a batch of ordinary transfers; parsing them back held 7.9% of
 * the read side's PostgreSQL samples in a profile, 3.2% once binary; PostgreSQL then used 0.93 and
 * the projector's threads, spared the driver's escaping, 0.81 of their CPU per transfer (medians of
 * 12 pairs; README, "Throughput"). {@link BinaryArrayCodec} hands these bytes to the driver as they are.
 *
 * <p>The format ({@code array_send} in PostgreSQL's {@code arrayfuncs.c}): number of dimensions,
 * a has-nulls flag, the element type's OID, then per dimension its length and lower bound (1),
 * then every element as a 4-byte length (-1 for null) followed by the element's own binary form
 * (big-endian integers, a byte for a boolean, UTF-8 for text). An empty array has no dimensions.
 *
 * <p>Each value is built once from its rows and is immutable; the bytes are written into the
 * statement as they are, however often the statement is executed.
 */
public final class BinaryArray {

    /** The PostgreSQL element types these arrays carry: type OIDs from {@code pg_type.dat}. */
    private enum ElementType {
        BOOL(16, 1000, 1),
        INT2(21, 1005, 2),
        INT4(23, 1007, 4),
        INT8(20, 1016, 8),
        TEXT(25, 1009, -1);

        final int oid;
        final int arrayOid;
        /** Bytes of one element, or -1 for a variable width. */
        final int width;

        ElementType(final int oid, final int arrayOid, final int width) {
            this.oid = oid;
            this.arrayOid = arrayOid;
            this.width = width;
        }
    }

    private static final int HEADER_BYTES = 12;
    private static final int DIMENSION_BYTES = 8;
    private static final int LENGTH_BYTES = 4;
    private static final int NULL_LENGTH = -1;
    /** Where the header's has-nulls flag sits: after the number of dimensions. */
    private static final int HAS_NULLS_OFFSET = 4;

    private final ElementType elementType;
    private final byte[] bytes;

    private BinaryArray(final ElementType elementType, final byte[] bytes) {
        this.elementType = elementType;
        this.bytes = bytes;
    }

    /** A {@code bigint[]} of one field of every row; a null field becomes a null element. */
    public static <R> BinaryArray ofBigints(final List<R> rows, final Function<? super R, Long> field) {
        return fixedWidth(ElementType.INT8, rows, field, (buffer, value) -> buffer.putLong(value));
    }

    /** An {@code integer[]} of one field of every row; a null field becomes a null element. */
    public static <R> BinaryArray ofIntegers(final List<R> rows, final Function<? super R, Integer> field) {
        return fixedWidth(ElementType.INT4, rows, field, (buffer, value) -> buffer.putInt(value));
    }

    /** A {@code smallint[]} of one field of every row; a null field becomes a null element. */
    public static <R> BinaryArray ofSmallints(final List<R> rows, final Function<? super R, Short> field) {
        return fixedWidth(ElementType.INT2, rows, field, (buffer, value) -> buffer.putShort(value));
    }

    /** A {@code boolean[]} of one field of every row; a null field becomes a null element. */
    public static <R> BinaryArray ofBooleans(final List<R> rows, final Function<? super R, Boolean> field) {
        return fixedWidth(ElementType.BOOL, rows, field, (buffer, value) -> buffer.put((byte) (value ? 1 : 0)));
    }

    /** A {@code text[]} of one field of every row, in UTF-8; a null field becomes a null element. */
    public static <R> BinaryArray ofTexts(final List<R> rows, final Function<? super R, String> field) {
        final byte[][] elements = new byte[rows.size()][];
        boolean hasNulls = false;
        int size = headerBytes(rows.size());
        for (int i = 0; i < elements.length; i++) {
            final String value = field.apply(rows.get(i));
            if (value == null) {
                hasNulls = true;
            } else {
                elements[i] = value.getBytes(StandardCharsets.UTF_8);
                size += elements[i].length;
            }
            size += LENGTH_BYTES;
        }
        final ByteBuffer buffer = header(ElementType.TEXT, elements.length, hasNulls, size);
        for (final byte[] element : elements) {
            if (element == null) {
                buffer.putInt(NULL_LENGTH);
            } else {
                buffer.putInt(element.length).put(element);
            }
        }
        return new BinaryArray(ElementType.TEXT, filled(buffer));
    }

    /** PostgreSQL's OID of this array's type ({@code bigint[]}, {@code text[]}, ...). */
    int arrayTypeOid() {
        return elementType.arrayOid;
    }

    /** The array in PostgreSQL's binary format; shared, not to be modified. */
    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "BinaryArray[" + elementType.name().toLowerCase(Locale.ROOT) + "[], " + bytes.length + " bytes]";
    }

    @FunctionalInterface
    private interface ElementWriter<T> {
        void write(ByteBuffer buffer, T value);
    }

    private static <R, T> BinaryArray fixedWidth(final ElementType type, final List<R> rows,
                                                 final Function<? super R, T> field, final ElementWriter<T> writer) {
        final int count = rows.size();
        final ByteBuffer buffer = header(type, count, false, headerBytes(count) + count * (LENGTH_BYTES + type.width));
        boolean hasNulls = false;
        for (final R row : rows) {
            final T value = field.apply(row);
            if (value == null) {
                hasNulls = true;
                buffer.putInt(NULL_LENGTH);
            } else {
                buffer.putInt(type.width);
                writer.write(buffer, value);
            }
        }
        if (hasNulls) {
            // A null element takes only its length, so the array is shorter than sized for.
            buffer.putInt(HAS_NULLS_OFFSET, 1);
            return new BinaryArray(type, Arrays.copyOf(buffer.array(), buffer.position()));
        }
        return new BinaryArray(type, filled(buffer));
    }

    private static int headerBytes(final int count) {
        return count == 0 ? HEADER_BYTES : HEADER_BYTES + DIMENSION_BYTES;
    }

    /** The buffer's bytes, which must all be written: the size was computed before writing. */
    private static byte[] filled(final ByteBuffer buffer) {
        if (buffer.hasRemaining()) {
            throw new IllegalStateException("binary array sized wrong: " + buffer.remaining() + " bytes left");
        }
        return buffer.array();
    }

    /** A big-endian buffer of exactly {@code size} bytes with the array's header written. */
    private static ByteBuffer header(final ElementType type, final int count, final boolean hasNulls, final int size) {
        final ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.putInt(count == 0 ? 0 : 1).putInt(hasNulls ? 1 : 0).putInt(type.oid);
        if (count > 0) {
            buffer.putInt(count).putInt(1);
        }
        return buffer;
    }
}
