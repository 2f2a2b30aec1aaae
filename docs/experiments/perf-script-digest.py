#!/usr/bin/env python3
"""A JVM's perf samples (leaf frames, no call graph) by thread group and by library or Java package,
then the hottest symbols. Unlike perf-by-component.py it reads `perf script`, which names each
sample's thread and shared object, so native libraries stay apart: RocksDB, libgcc's unwinder (C++
exceptions), libc, the JVM itself. The JIT's symbols come from a perf map (`jcmd <pid>
Compiler.perfmap`, written to /tmp/perf-<pid>.map, where perf looks for it):

  perf record -F 499 -p <pid> -o rec.data -- sleep 40; jcmd <pid> Compiler.perfmap
  perf script -i rec.data | docs/experiments/perf-script-digest.py [symbols to list, default 40]

Shares are of all the process's samples. Thread groups: a Kafka Streams stream thread (named after its
application id, as `wallet-account-...`), its producer's I/O thread, GC, JIT, the broker's request
handlers and network threads (perf keeps 15 characters of a thread's name, so these two share a
prefix and are counted together); any other thread by its name.
"""
import collections
import re
import sys

PACKAGES = [
    ("org.apache.kafka.streams", "Kafka Streams"), ("org.apache.kafka.clients", "Kafka clients"),
    ("org.apache.kafka.common", "Kafka common"), ("org.apache.kafka", "Kafka, other"), ("kafka.", "Kafka broker (Scala)"),
    ("org.apache.avro", "Avro"), ("dev.wallet", "the wallet's code"), ("org.rocksdb", "RocksDB's Java binding"),
    ("io.micrometer", "Micrometer"), ("java.", "JDK library"), ("jdk.", "JDK library"), ("sun.", "JDK library"),
    ("scala.", "Scala library"), ("com.yammer", "Yammer metrics"),
]
SAMPLE = re.compile(r"\s*(.+?)\s+\d+\s+[\d.]+:\s+\d+\s+\S+\s+[0-9a-f]+\s+(.*)\s+\((.*)\)\s*$")


def thread_group(name):
    if name.startswith("wallet-"):
        return "stream thread"
    if name.startswith("kafka-producer"):
        return "producer I/O thread"
    if name.startswith(("GC ", "G1 ")):
        return "GC"
    if name.startswith(("C1 ", "C2 ")):
        return "JIT"
    if name.startswith("data-plane-kaf"):
        return "broker request handlers and network threads"
    return name


def component(symbol, library):
    """The component of one sample, and the symbol to list it under."""
    if library.startswith("[kernel"):
        return "kernel", symbol
    if "rocksdb" in library:
        return "RocksDB (native)", symbol
    if "perf-" not in library:
        name = library.split("/")[-1]
        return ("the JVM (libjvm)" if name == "libjvm.so" else name), symbol
    java = re.search(r"([\w$.]+)\(", symbol)
    if not java or symbol.startswith(("StubRoutines", "Interpreter")):
        return "JIT stubs and interpreter", symbol
    method = java.group(1)
    return next((label for prefix, label in PACKAGES if method.startswith(prefix)), "other Java"), method


samples = 0
threads, components, symbols = collections.Counter(), collections.Counter(), collections.Counter()
for line in sys.stdin:
    match = SAMPLE.match(line)
    if not match:
        continue
    thread, symbol, library = match.groups()
    part, symbol = component(re.sub(r"\+0x[0-9a-f]+$", "", symbol), library)
    samples += 1
    threads[thread_group(thread)] += 1
    components[part] += 1
    symbols[(part, symbol)] += 1

print(f"{samples} samples\n\nby thread group:")
for name, count in threads.most_common(8):
    print(f"{100 * count / samples:6.1f}%  {name}")
print("\nby library or package:")
for name, count in components.most_common():
    print(f"{100 * count / samples:6.1f}%  {name}")
print("\nhottest symbols:")
for (part, symbol), count in symbols.most_common(int(sys.argv[1]) if len(sys.argv) > 1 else 40):
    print(f"{100 * count / samples:6.1f}%  [{part}] {symbol[:120]}")
