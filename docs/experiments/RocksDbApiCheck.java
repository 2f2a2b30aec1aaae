import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Whether a rocksdbjni jar has every RocksDB class member that Kafka Streams' state-store classes
 * use: reads the constant pool of each class under {@code org/apache/kafka/streams/state/internals/}
 * in the Kafka Streams jar, collects its references to fields and methods of {@code org.rocksdb}
 * classes, and looks each up by name (and parameter count) on the rocksdbjni classes on the classpath,
 * their superclasses and interfaces included. Prints every reference it cannot find and the counts.
 * Runs from source:
 *
 * <pre>
 * java -cp ~/.m2/repository/org/rocksdb/rocksdbjni/10.10.1/rocksdbjni-10.10.1.jar docs/experiments/RocksDbApiCheck.java \
 *      ~/.m2/repository/org/apache/kafka/kafka-streams/4.1.2/kafka-streams-4.1.2.jar
 * </pre>
 *
 * (docs/benchmarks.md, "RocksDB's missed reads")
 */
public class RocksDbApiCheck {

    private static final String CLASSES = "org/apache/kafka/streams/state/internals/";

    public static void main(final String[] args) throws IOException {
        final TreeSet<String> references = new TreeSet<>();
        try (JarFile streams = new JarFile(args[0])) {
            for (final JarEntry entry : streams.stream().toList()) {
                if (entry.getName().startsWith(CLASSES) && entry.getName().endsWith(".class")) {
                    try (InputStream in = streams.getInputStream(entry)) {
                        references.addAll(rocksDbReferences(new DataInputStream(in)));
                    }
                }
            }
        }
        int missing = 0;
        for (final String reference : references) {
            if (!exists(reference)) {
                missing++;
                System.out.println("missing: " + reference);
            }
        }
        System.out.printf("%d references to org.rocksdb members, %d missing%n", references.size(), missing);
    }

    /** "owner.name:descriptor" of every field or method reference to an org/rocksdb class. */
    private static TreeSet<String> rocksDbReferences(final DataInputStream in) throws IOException {
        in.readInt();   // magic
        in.readInt();   // minor and major version
        final int count = in.readUnsignedShort();
        final int[] tags = new int[count];
        final int[] first = new int[count];
        final int[] second = new int[count];
        final String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            tags[i] = in.readUnsignedByte();
            switch (tags[i]) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();       // class, string, method type, module, package
                case 3, 4 -> in.readInt();                                         // int, float
                case 5, 6 -> { in.readLong(); i++; }                               // long, double: two slots
                case 9, 10, 11, 12, 17, 18 -> { first[i] = in.readUnsignedShort(); second[i] = in.readUnsignedShort(); }
                case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); }      // method handle
                default -> throw new IOException("unknown constant pool tag " + tags[i]);
            }
        }
        final TreeSet<String> references = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {                  // field, method, interface method
                final String owner = utf8[first[first[i]]];
                if (owner.startsWith("org/rocksdb/")) {
                    final int nameAndType = second[i];
                    references.add((tags[i] == 9 ? "field " : "method ") + owner.replace('/', '.') + "."
                            + utf8[first[nameAndType]] + ":" + utf8[second[nameAndType]]);
                }
            }
        }
        return references;
    }

    private static boolean exists(final String reference) {
        final boolean field = reference.startsWith("field ");
        final String member = reference.substring(reference.indexOf(' ') + 1);
        final String ownerAndName = member.substring(0, member.indexOf(':'));
        final String owner = ownerAndName.substring(0, ownerAndName.lastIndexOf('.'));
        final String name = ownerAndName.substring(ownerAndName.lastIndexOf('.') + 1);
        final int parameters = parameterCount(member.substring(member.indexOf(':') + 1));
        final Class<?> type;
        try {
            type = Class.forName(owner, false, RocksDbApiCheck.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        if (name.equals("<init>")) {
            return Arrays.stream(type.getDeclaredConstructors()).anyMatch(c -> c.getParameterCount() == parameters);
        }
        final Deque<Class<?>> types = new ArrayDeque<>();
        types.add(type);
        types.add(Object.class);
        while (!types.isEmpty()) {
            final Class<?> next = types.poll();
            if (field ? Arrays.stream(next.getDeclaredFields()).map(Field::getName).anyMatch(name::equals)
                    : Arrays.stream(next.getDeclaredMethods()).anyMatch(m -> matches(m, name, parameters))) {
                return true;
            }
            if (next.getSuperclass() != null) {
                types.add(next.getSuperclass());
            }
            types.addAll(Arrays.asList(next.getInterfaces()));
        }
        return false;
    }

    private static boolean matches(final Executable method, final String name, final int parameters) {
        return method.getName().equals(name) && method.getParameterCount() == parameters;
    }

    /** The number of parameters in a method descriptor; 0 for a field's. */
    private static int parameterCount(final String descriptor) {
        if (!descriptor.startsWith("(")) {
            return 0;
        }
        int count = 0;
        int i = 1;
        while (descriptor.charAt(i) != ')') {
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            i = descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
            count++;
        }
        return count;
    }
}
