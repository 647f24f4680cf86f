#!/usr/bin/env python3
"""Extracts the JSON shape facts of the Go API types used by GoShape.

Writes two tables:

* k8s-go-types.json: the `type X struct {...}` blocks and named non-struct types
  of k8s.io/api core/v1 and apps/v1 (types.go) read from a bare git mirror of
  kubernetes/api, plus hand-written facts for the apimachinery meta/v1 types;
* kagent-go-types.json: the types reachable from the input kinds the translator
  reads: kagent's Agent, ModelConfig and RemoteMCPServer (go/api/v1alpha2 of a
  bare git mirror of kagent-dev/kagent) and kmcp's MCPServer (api/v1alpha1 of a
  bare git mirror of kagent-dev/kmcp). Core types are referenced as `v1.X` and
  `meta.X`, i.e. into the first table (GoTypeTable loads both as one lookup).

For every struct the table holds its ordered JSON fields (name, type expression,
omitempty, omitzero, inline). No Go code is copied; only field names, Go types
and json tags are read.

Type expression grammar (consumed by dev.kagentmaven.core.go.GoType):
    string | bool | float | quantity | intorstring | rawjson
    | int | int8 | int16 | int32 | uint8 | uint16 | uint32 | uint64
    | <TypeRef> | *<type> | []<type> | map[<type>]      (map keys are strings)
`int` is Go's int/int64; the sized integer names carry the range Go's decoder
enforces. TypeRef is `v1.X` (core/v1), `apps/v1.X` (apps/v1), `meta.X`
(apimachinery), `v1alpha2.X` (kagent) or `kmcp.X` (kmcp v1alpha1).
Named non-struct types appear as entries whose value is a type expression.

Usage:
    extract-go-types.py [--repo /work/.mirror/kubernetes+api/repo] [--ref v0.36.3]
                        [--kagent-repo /work/.mirror/kagent-dev+kagent/repo]
                        [--kagent-ref e312b83bb05a0ea44357589c4b30fe44b84aa1da]
                        [--kmcp-repo /work/.mirror/kagent-dev+kmcp/repo] [--kmcp-ref v0.3.0]
                        [--out-dir core/src/main/resources/dev/kagentmaven/core/go]
"""
import argparse
import json
import os
import re
import subprocess
import sys

PACKAGES = [("core/v1/types.go", "v1."), ("apps/v1/types.go", "apps/v1.")]
IMPORT_PREFIX = {"v1": "v1."}  # apps/v1 imports core/v1 as v1

KAGENT_FILES = ["go/api/v1alpha2/agent_types.go", "go/api/v1alpha2/common_types.go",
                "go/api/v1alpha2/modelconfig_types.go", "go/api/v1alpha2/remotemcpserver_types.go"]
KAGENT_ROOTS = ["Agent", "ModelConfig", "RemoteMCPServer"]
KMCP_FILES = ["api/v1alpha1/mcpserver_types.go"]
KMCP_ROOTS = ["MCPServer"]

PRIMITIVES = {
    "string": "string", "bool": "bool", "byte": "uint8", "rune": "int32",
    "int": "int", "int8": "int8", "int16": "int16", "int32": "int32", "int64": "int",
    "uint": "uint64", "uint8": "uint8", "uint16": "uint16", "uint32": "uint32", "uint64": "uint64",
    "float32": "float", "float64": "float",
}

# Types from other packages, as facts about their JSON encoding.
FOREIGN = {
    "resource.Quantity": "quantity",
    "intstr.IntOrString": "intorstring",
    "runtime.RawExtension": "rawjson",
    "apiextensionsv1.JSON": "rawjson",  # arbitrary JSON, kept as is
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
EMPTY_STRUCT = re.compile(r"^type (\w+) struct\s*\{\s*\}\s*(?://.*)?$")
NAMED_TYPE = re.compile(r"^type (\w+) (?:= )?([\w.\[\]*]+)\s*(?://.*)?$")
FIELD = re.compile(r"^\s*(?:(\w+)\s+)?([\w.\[\]*]+)\s*(?:`([^`]*)`)?\s*(?://.*)?$")
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
JSON_TAG = re.compile(r'json:"([^"]*)"')
TYPE_REF = re.compile(r"[A-Za-z][\w/]*\.\w+")


def git_show(repo, ref, path):
    return subprocess.run(["git", "-C", repo, "show", f"{ref}:{path}"], check=True,
                          capture_output=True, text=True).stdout


def git_commit(repo, ref):
    return subprocess.run(["git", "-C", repo, "rev-parse", f"{ref}^{{commit}}"], check=True,
                          capture_output=True, text=True).stdout.strip()


def parse_go(source, structs=None, named=None):
    """Returns (structs, named): struct name -> raw fields, named type -> Go type text."""
    structs = {} if structs is None else structs
    named = {} if named is None else named
    current = None
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
        m = EMPTY_STRUCT.match(line)
        if m:
            structs[m.group(1)] = []
            continue
        m = NAMED_TYPE.match(line)
        if m:
            named[m.group(1)] = m.group(2)
    return structs, named


class Resolver:
    """Turns Go type text into the type expression grammar."""

    def __init__(self, prefix, structs, named, core_named, import_prefix=None):
        self.prefix, self.structs, self.named, self.core_named = prefix, structs, named, core_named
        self.import_prefix = IMPORT_PREFIX if import_prefix is None else import_prefix

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
            if pkg in self.import_prefix:
                return self.core_named.get(name) or self.import_prefix[pkg] + name
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


def extract_kubernetes(repo, ref):
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
    return table, core_named_resolved


def extract_crd_package(repo, ref, files, prefix, roots, core_named, k8s_table):
    """The structs reachable from `roots` of one CRD API package, as table entries with `prefix`."""
    structs, named = {}, {}
    for path in files:
        parse_go(git_show(repo, ref, path), structs, named)
    resolver = Resolver(prefix, structs, named, core_named, {"corev1": "v1."})
    table, pending = {}, [prefix + r for r in roots]
    while pending:
        ref_name = pending.pop()
        if ref_name in table:
            continue
        name = ref_name[len(prefix):]
        if name not in structs:
            raise SystemExit(f"{ref_name} is not a struct of {files}")
        fields = convert_fields(structs[name], resolver)
        table[ref_name] = fields
        for f in fields:
            for used in TYPE_REF.findall(f["type"]):
                if used.startswith(prefix):
                    pending.append(used)
                elif used not in k8s_table:
                    raise SystemExit(f"{ref_name}.{f['name']} uses {used}, absent from the Kubernetes table")
    return table


def write(table, out, provenance):
    table["_provenance"] = provenance
    lines = [f"{json.dumps(k)}:{json.dumps(table[k], sort_keys=True, separators=(',', ':'))}"
             for k in sorted(table)]
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("{\n" + ",\n".join(lines) + "\n}\n")
    structs = sum(1 for v in table.values() if isinstance(v, list))
    print(f"wrote {structs} structs, {len(table) - structs - 1} named types to {out}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", default="/work/.mirror/kubernetes+api/repo")
    parser.add_argument("--ref", default="v0.36.3")
    parser.add_argument("--kagent-repo", default="/work/.mirror/kagent-dev+kagent/repo")
    parser.add_argument("--kagent-ref", default="e312b83bb05a0ea44357589c4b30fe44b84aa1da")
    parser.add_argument("--kmcp-repo", default="/work/.mirror/kagent-dev+kmcp/repo")
    parser.add_argument("--kmcp-ref", default="v0.3.0")
    parser.add_argument("--out-dir", default=os.path.join(
        here, "..", "main", "resources", "dev", "kagentmaven", "core", "go"))
    args = parser.parse_args()
    out_dir = os.path.normpath(args.out_dir)

    k8s, core_named = extract_kubernetes(args.repo, args.ref)
    crds = extract_crd_package(args.kagent_repo, args.kagent_ref, KAGENT_FILES, "v1alpha2.",
                               KAGENT_ROOTS, core_named, k8s)
    crds.update(extract_crd_package(args.kmcp_repo, args.kmcp_ref, KMCP_FILES, "kmcp.",
                                    KMCP_ROOTS, core_named, k8s))
    write(k8s, os.path.join(out_dir, "k8s-go-types.json"),
          f"extracted from kubernetes/api {args.ref} core/v1 and apps/v1 types.go "
          "by core/src/build/extract-go-types.py")
    write(crds, os.path.join(out_dir, "kagent-go-types.json"),
          f"extracted from kagent-dev/kagent {git_commit(args.kagent_repo, args.kagent_ref)} "
          f"go/api/v1alpha2 ({', '.join(KAGENT_ROOTS)}) and kagent-dev/kmcp {args.kmcp_ref} "
          f"({git_commit(args.kmcp_repo, args.kmcp_ref)}) api/v1alpha1 (MCPServer) "
          "by core/src/build/extract-go-types.py; v1.X and meta.X refer to k8s-go-types.json")


if __name__ == "__main__":
    main()
