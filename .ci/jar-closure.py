#!/usr/bin/env python3
"""Fails when a class the command-line jar can reach from its own classes is missing from it, in the packages the
build leaves out of the jar (cli/pom.xml: Commons Compress's unused formats, Commons Codec).

Usage: jdeps -verbose:class --multi-release 17 customer-email.jar | .ci/jar-closure.py
"""
import re
import sys
from collections import defaultdict, deque

LEFT_OUT = ("org.apache.commons.compress.", "org.apache.commons.codec.")
ROOT = "io.github.customeremail."
edges = defaultdict(set)
missing = set()
for line in sys.stdin:
    m = re.match(r"\s+(\S+)\s+->\s+(\S+)\s*(.*)$", line)
    if not m:
        continue
    source, target, where = m.groups()
    edges[source].add(target)
    if "not found" in where:
        missing.add(target)
seen = {c for c in edges if c.startswith(ROOT)}
queue = deque(seen)
parent = {}
while queue:
    c = queue.popleft()
    for t in edges.get(c, ()):
        if t not in seen:
            seen.add(t)
            parent[t] = c
            queue.append(t)
bad = sorted(t for t in seen & missing if t.startswith(LEFT_OUT))
for t in bad:
    path = [t]
    while path[-1] in parent:
        path.append(parent[path[-1]])
    print("reachable but left out of the jar: " + " <- ".join(path), file=sys.stderr)
reached = sum(1 for c in seen if c.startswith(LEFT_OUT) and c not in missing)
print(f"  {len(seen)} classes reachable from {ROOT}*, {reached} of them from Commons Compress/Codec, none left out"
      if not bad else f"{len(bad)} reachable classes left out", file=sys.stderr if bad else sys.stdout)
sys.exit(1 if bad else 0)
