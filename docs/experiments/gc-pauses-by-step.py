#!/usr/bin/env python3
"""A JVM's garbage collection pauses in each step of a benchmark run.

    gc-pauses-by-step.py <results folder> [gc log] [started line]

The GC log is one JVM's `-Xlog:gc*:file=...:uptime,tags` (plain or .gz; default
`gc-command-api.log.gz` in the folder). Its times count from the JVM's start, which the Spring
Boot line "Started ... (process running for N)" gives in wall-clock time (default: the first line
of `command-api-started.txt` in the folder). Steps come from the folder's `benchmark.log`
("Step X starts" and the step's summary line). Prints, per step: the pauses (young, mixed, remark,
cleanup), their total as a share of the step's time, their p50, p90 and max, and the concurrent
mark cycles that ended in it.
"""
import datetime
import gzip
import os
import re
import sys

folder = sys.argv[1]
gc_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(folder, "gc-command-api.log.gz")
started_path = sys.argv[3] if len(sys.argv) > 3 else os.path.join(folder, "command-api-started.txt")

with open(started_path) as f:
    started = f.readline()
stamp = re.search(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)Z", started).group(1)
running = float(re.search(r"process running for ([0-9.]+)", started).group(1))
jvm_start = datetime.datetime.fromisoformat(stamp).replace(tzinfo=datetime.timezone.utc).timestamp() - running

opener = gzip.open if gc_path.endswith(".gz") else open
pauses = []   # (wall end, ms)
cycles = []   # wall end of each concurrent mark cycle
with opener(gc_path, "rt") as f:
    for line in f:
        m = re.match(r"\[([0-9.]+)s\]", line)
        if not m:
            continue
        wall = jvm_start + float(m.group(1))
        p = re.search(r"Pause (Young|Remark|Cleanup).* ([0-9.]+)ms$", line)
        if p:
            pauses.append((wall, float(p.group(2))))
        elif re.search(r"Concurrent Mark Cycle [0-9.]+ms$", line):
            cycles.append(wall)

day = re.search(r"(\d{8})T", os.path.basename(os.path.abspath(folder))).group(1)
steps = {}
with open(os.path.join(folder, "benchmark.log")) as f:
    for line in f:
        m = re.match(r"(\d\d:\d\d:\d\d\.\d+) INFO\s+LoadCommand - Step (\S+?)(:| starts)", line)
        if not m:
            continue
        t = datetime.datetime.strptime(day + m.group(1), "%Y%m%d%H:%M:%S.%f").replace(
            tzinfo=datetime.timezone.utc).timestamp()
        steps.setdefault(m.group(2), [None, None])[0 if m.group(3) == " starts" else 1] = t

print("step                 seconds  pauses  paused  p50 ms  p90 ms  max ms  mark cycles")
for name, (begin, end) in steps.items():
    if begin is None or end is None:
        continue
    ms = sorted(p for t, p in pauses if begin <= t < end)
    n = len(ms)
    cycle_count = sum(1 for t in cycles if begin <= t < end)
    if n == 0:
        print(f"{name:20} {end - begin:7.1f}  {0:6}")
        continue
    print(f"{name:20} {end - begin:7.1f}  {n:6}  {sum(ms) / 1000 / (end - begin):6.1%}  {ms[n // 2]:6.1f}"
          f"  {ms[min(n - 1, int(n * 0.9))]:6.1f}  {ms[-1]:6.1f}  {cycle_count:11}")
