#!/usr/bin/env python3
"""A JFR recording's execution samples by thread group and by method, inclusive: the share of samples
whose stack holds the method at least once. Reads the JSON of `jfr print`:

  jfr print --json --stack-depth 64 --events jdk.ExecutionSample rec.jfr > rec.json
  docs/experiments/jfr-inclusive.py rec.json [top] [substring ...]

With substrings, only methods whose class or name contains one of them are listed.
"""
import collections
import json
import re
import sys

events = json.load(open(sys.argv[1]))["recording"]["events"]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 60
wanted = sys.argv[3:]
threads = collections.Counter()
inclusive = collections.Counter()
for event in events:
    threads[re.sub(r"[-#\d]+$", "", event["values"]["sampledThread"]["javaName"])] += 1
    seen = set()
    for frame in event["values"]["stackTrace"]["frames"]:
        method = frame["method"]["type"]["name"].replace("/", ".") + "." + frame["method"]["name"]
        if method not in seen:
            seen.add(method)
            inclusive[method] += 1
total = len(events)
print(f"{total} samples")
for thread, count in threads.most_common():
    print(f"{100 * count / total:5.1f}%  thread {thread}")
shown = 0
for method, count in inclusive.most_common():
    if shown == top:
        break
    if not wanted or any(part in method for part in wanted):
        print(f"{100 * count / total:5.1f}%  {method}")
        shown += 1
