#!/usr/bin/env python3
"""A JVM's perf samples (leaf frames, no call graph) added up by component: the kernel, the JVM's own
code (GC, JIT compilers, runtime), its dispatch stubs, and the Java code by package prefix. Reads the
symbol listing of `perf report`, with the JIT's symbols from a perf map (`jcmd <pid> Compiler.perfmap`,
JDK 17 and later, written to /tmp/perf-<pid>.map, where perf looks for it):

  perf record -F 499 -p <pid> -o rec.data -- sleep 60; jcmd <pid> Compiler.perfmap
  perf report -i rec.data --no-children --sort sym --stdio > syms.txt
  docs/experiments/perf-by-component.py syms.txt
"""
import collections
import re
import sys

COMPONENTS = [
    ("io.netty", "Netty and Reactor Netty"), ("reactor.netty", "Netty and Reactor Netty"),
    ("reactor.core", "Reactor"), ("org.springframework", "Spring"), ("dev.wallet", "the wallet's code"),
    ("org.apache.kafka", "Kafka clients"), ("net.jpountz", "Kafka clients (LZ4)"),
    ("tools.jackson", "Jackson"), ("com.fasterxml", "Jackson"), ("org.apache.avro", "Avro"),
    ("io.micrometer", "Micrometer"), ("java.", "JDK library"), ("jdk.", "JDK library"), ("sun.", "JDK library"),
]
shares = collections.Counter()
methods = collections.Counter()
for line in open(sys.argv[1]):
    match = re.match(r"\s*([\d.]+)%\s+\[(.)\]\s+(.*)", line)
    if not match:
        continue
    share, kind, symbol = float(match.group(1)), match.group(2), match.group(3).strip()
    java = re.search(r"([\w$./]+)\(", symbol) if kind == "." else None
    if kind == "k":
        component = "kernel"
    elif symbol in ("vtable chunks", "itable chunks") or symbol.startswith(("StubRoutines", "Interpreter")):
        component = "JIT stubs and interpreter"
    elif java and "." in java.group(1):
        name = java.group(1)
        component = next((label for prefix, label in COMPONENTS if name.startswith(prefix)), "other Java")
        methods[name] += share
    else:
        component = "the JVM's own code (GC, JIT compilers, runtime) and libc"
    shares[component] += share
# perf rounds each symbol's share, and a one-sample symbol shows as 0.01%: scale back to 100%.
total = sum(shares.values())
for component, share in shares.most_common():
    print(f"{100 * share / total:6.2f}%  {component}")
print()
for name, share in methods.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 25):
    print(f"{100 * share / total:6.2f}%  {name}")
