#!/usr/bin/env python3
"""Extracts the JSON shape facts of the Kubernetes Go API types used by GoShape.

Reads the `type X struct {...}` blocks and named non-struct types of
k8s.io/api core/v1 and apps/v1 (types.go) from a bare git mirror of
kubernetes/api and writes, for every struct, its ordered JSON fields
(name, type expression, omitempty, omitzero, inline). No Go code is copied;
only field names, Go types and json tags are read.

Type expression grammar (consumed by dev.kagentmaven.core.go.GoType):
    string | bool | int | float | quantity | intorstring | rawjson
    | <TypeRef> | *<type> | []<type> | map[<type>]      (map keys are strings)
TypeRef is `v1.X` (core/v1), `apps/v1.X` (apps/v1) or `meta.X` (apimachinery).
Named non-struct types appear as entries whose value is a type expression.

Usage:
    extract-go-types.py [--repo /work/.mirror/kubernetes+api/repo] [--ref v0.36.3]
                        [--out core/src/main/resources/dev/kagentmaven/core/go/k8s-go-types.json]
"""
import argparse
import json
import os
import re
import subprocess
import sys

PACKAGES = [("core/v1/types.go", "v1."), ("apps/v1/types.go", "apps/v1.")]
IMPORT_PREFIX = {"v1": "v1."}  # apps/v1 imports core/v1 as v1

PRIMITIVES = {
    "string": "string", "bool": "bool", "byte": "int", "rune": "int",
    "int": "int", "int8": "int", "int16": "int", "int32": "int", "int64": "int",
    "uint": "int", "uint8": "int", "uint16": "int", "uint32": "int", "uint64": "int",
    "float32": "float", "float64": "float",
}

# Types from other packages, as facts about their JSON encoding.
FOREIGN = {
    "resource.Quantity": "quantity",
    "intstr.IntOrString": "intorstring",
    "runtime.RawExtension": "rawjson",
    "types.UID": "string",
    "metav1.Duration": "string",  # marshals as a duration string
    "metav1.LabelSelector": "meta.LabelSelector",
    "metav1.ObjectMeta": "meta.ObjectMeta",
    "metav1.ListMeta": "meta.ListMeta",
    "metav1.TypeMeta": "meta.TypeMeta",
    "metav1.OwnerReference": "meta.OwnerReference",
    "metav1.Condition": "meta.Condition",
}
# metav1.Time / MicroTime are structs whose MarshalJSON writes null when zero:
# modelled as *string, and omitempty is cleared because Go never omits a struct.
TIME_TYPES = {"metav1.Time", "metav1.MicroTime"}


def field(name, typ, omitempty=False, omitzero=False, inline=False):
    return {"name": name, "type": typ, "omitempty": omitempty,
            "omitzero": omitzero, "inline": inline}


def meta_facts():
    """Hand-written facts for the k8s.io/apimachinery meta/v1 types we need (v0.36.3)."""
    s = "string"
    return {
        "meta.TypeMeta": [field("kind", s, True), field("apiVersion", s, True)],
        "meta.ObjectMeta": [
            field("name", s, True), field("generateName", s, True),
            field("namespace", s, True), field("uid", s, True),
            field("resourceVersion", s, True), field("generation", "int", True),
            field("labels", "map[string]", True), field("annotations", "map[string]", True),
            field("ownerReferences", "[]meta.OwnerReference", True),
            field("finalizers", "[]string", True),
        ],
        "meta.OwnerReference": [
            field("apiVersion", s), field("kind", s), field("name", s), field("uid", s),
            field("controller", "*bool", True), field("blockOwnerDeletion", "*bool", True),
        ],
        "meta.LabelSelector": [
            field("matchLabels", "map[string]", True),
            field("matchExpressions", "[]meta.LabelSelectorRequirement", True),
        ],
        "meta.LabelSelectorRequirement": [
            field("key", s), field("operator", s), field("values", "[]string", True),
        ],
        "meta.ListMeta": [
            field("selfLink", s, True), field("resourceVersion", s, True),
            field("continue", s, True), field("remainingItemCount", "*int", True),
        ],
        "meta.Condition": [
            field("type", s), field("status", s), field("observedGeneration", "int", True),
            field("lastTransitionTime", "*string"), field("reason", s), field("message", s),
        ],
    }


STRUCT_START = re.compile(r"^type (\w+) struct \{\s*$")
NAMED_TYPE = re.compile(r"^type (\w+) (?:= )?([\w.\[\]*]+)\s*(?://.*)?$")
FIELD = re.compile(r"^\s*(?:(\w+)\s+)?([\w.\[\]*]+)\s*(?:`([^`]*)`)?\s*(?://.*)?$")
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
JSON_TAG = re.compile(r'json:"([^"]*)"')


def git_show(repo, ref, path):
    return subprocess.run(["git", "-C", repo, "show", f"{ref}:{path}"], check=True,
                          capture_output=True, text=True).stdout


def parse_go(source):
    """Returns (structs, named): struct name -> raw fields, named type -> Go type text."""
    structs, named, current = {}, {}, None
    source = BLOCK_COMMENT.sub("", source)
    for line in source.splitlines():
        if current is not None:
            if line.startswith("}"):
                current = None
                continue
            stripped = line.strip()
            if not stripped or stripped.startswith("//"):
                continue
            m = FIELD.match(line)
            if not m:
                raise SystemExit(f"unparsable struct line in {current}: {line!r}")
            structs[current].append(m.groups())
            continue
        m = STRUCT_START.match(line)
        if m:
            current = m.group(1)
            structs[current] = []
            continue
        m = NAMED_TYPE.match(line)
        if m:
            named[m.group(1)] = m.group(2)
    return structs, named


class Resolver:
    """Turns Go type text into the type expression grammar."""

    def __init__(self, prefix, structs, named, core_named):
        self.prefix, self.structs, self.named, self.core_named = prefix, structs, named, core_named

    def resolve(self, go):
        if go.startswith("*"):
            return "*string" if go[1:] in TIME_TYPES else "*" + self.resolve(go[1:])
        if go == "[]byte":
            return "string"  # encoding/json writes []byte as a base64 string
        if go.startswith("[]"):
            return "[]" + self.resolve(go[2:])
        if go.startswith("map["):
            key, value = go[4:].split("]", 1)
            if self.resolve(key) != "string":
                raise SystemExit(f"non-string map key in {go}")
            return f"map[{self.resolve(value)}]"
        if go in PRIMITIVES:
            return PRIMITIVES[go]
        if go in TIME_TYPES:
            return "*string"
        if go in FOREIGN:
            return FOREIGN[go]
        if "." in go:
            pkg, name = go.split(".", 1)
            if pkg in IMPORT_PREFIX:
                return self.core_named.get(name) or IMPORT_PREFIX[pkg] + name
            raise SystemExit(f"unknown foreign type {go}")
        if go in self.structs:
            return self.prefix + go
        if go in self.named:
            return self.resolve(self.named[go])
        raise SystemExit(f"unknown type {go}")


def convert_fields(raw_fields, resolver):
    fields = []
    for name, go_type, tag in raw_fields:
        json_tag = JSON_TAG.search(tag or "")
        parts = json_tag.group(1).split(",") if json_tag else [""]
        if parts[0] == "-" and len(parts) == 1:
            continue
        options = set(parts[1:])
        embedded = name is None
        typ = resolver.resolve(go_type)
        inline = embedded and parts[0] == ""
        json_name = parts[0] or ("" if inline else name)
        time_like = go_type in TIME_TYPES
        fields.append(field(json_name, typ,
                            omitempty="omitempty" in options and not time_like,
                            omitzero="omitzero" in options, inline=inline))
    return fields


def extract(repo, ref):
    table = meta_facts()
    core_named_resolved = {}
    for path, prefix in PACKAGES:
        structs, named = parse_go(git_show(repo, ref, path))
        resolver = Resolver(prefix, structs, named, core_named_resolved)
        for name in sorted(named):
            try:
                expr = resolver.resolve(named[name])
            except SystemExit as skipped:  # e.g. `type List metav1.List`: not needed
                print(f"skipping named type {prefix}{name}: {skipped}", file=sys.stderr)
                continue
            table[prefix + name] = expr
            if prefix == "v1.":
                core_named_resolved[name] = expr
        for name, raw in structs.items():
            table[prefix + name] = convert_fields(raw, resolver)
    return table


def write(table, out, ref):
    table["_provenance"] = (f"extracted from kubernetes/api {ref} core/v1 and apps/v1 types.go "
                            "by core/src/build/extract-go-types.py")
    lines = [f"{json.dumps(k)}:{json.dumps(table[k], sort_keys=True, separators=(',', ':'))}"
             for k in sorted(table)]
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("{\n" + ",\n".join(lines) + "\n}\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default="/work/.mirror/kubernetes+api/repo")
    parser.add_argument("--ref", default="v0.36.3")
    parser.add_argument("--out", default=os.path.join(
        here, "..", "main", "resources", "dev", "kagentmaven", "core", "go", "k8s-go-types.json"))
    args = parser.parse_args()
    table = extract(args.repo, args.ref)
    write(table, os.path.normpath(args.out), args.ref)
    structs = sum(1 for v in table.values() if isinstance(v, list))
    print(f"wrote {structs} structs, {len(table) - structs - 1} named types to {args.out}")


if __name__ == "__main__":
    main()
