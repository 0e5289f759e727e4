#!/usr/bin/env python3
"""Writes permissions-trimmed.json: Microsoft's permissions.json cut down to what the permission
conformance test (PermissionConformanceTest) reads. Kept: the pathSets whose schemeKeys include
Application, with only the paths the fake serves (the Graph path templates of FakeRoute.java,
compared as the test compares them: lower case, API version dropped, every {variable} as {id},
an (appId='{appId}') key as (appid={value}), a trailing /$ref dropped, on both sides: the table
writes some reference paths with their /$ref and some without). Permission names, methods
and path values are copied unchanged. Run from this folder after adding a route:

    python3 trim-permissions.py <permissions.json> <its commit> ../../../main/java/io/github/b2cpermissions/testkit/FakeRoute.java

The source used: /work/shared/reference/graph-metadata/permissions.json, commit 6cbd6bbd."""
import json
import re
import sys


def normalize(template):
    p = re.sub(r"^/(v1\.0|beta)", "", template)
    p = re.sub(r"\{[^}]+\}", "{id}", p)
    p = re.sub(r"\(appId='\{id\}'\)", "(appid={value})", p)
    p = re.sub(r"/\$ref$", "", p)
    return p.lower()


def main(src, commit, fake_route):
    java = open(fake_route, encoding="utf-8").read()
    templates = re.findall(r'\n  [A-Z_0-9]+\(\s*"[A-Z]+",\s*"(/(?:v1\.0|beta)/[^"]+)"', java)
    served = {normalize(t) for t in templates}
    full = json.load(open(src, encoding="utf-8"))
    out = {}
    for name, perm in sorted(full["permissions"].items()):
        sets = []
        for ps in perm.get("pathSets", []):
            if "Application" not in ps["schemeKeys"]:
                continue
            paths = {p: v for p, v in ps["paths"].items() if re.sub(r"/\$ref$", "", p).lower() in served}
            if paths:
                sets.append({"schemeKeys": ps["schemeKeys"], "methods": ps["methods"], "paths": paths})
        if sets:
            out[name] = {"pathSets": sets}
    doc = {
        "source": "microsoftgraph/microsoft-graph-devx-content permissions/new/permissions.json",
        "commit": commit,
        "trimmedBy": "trim-permissions.py: Application pathSets, only the paths FakeRoute serves",
        "permissions": out,
    }
    with open("permissions-trimmed.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
