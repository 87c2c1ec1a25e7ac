#!/usr/bin/env python3
"""Helpers of scripts/test for the generated Kubernetes manifests (one resource per file).

  k8s-manifests.py core FILE...            print the files holding a built-in (core) kind, one a line: the only
                                           ones to pass to kubernetes-validate, which merely warns on others
  k8s-manifests.py kustomization DIR       check that DIR/kustomization.yaml lists exactly the other files of DIR
  k8s-manifests.py rule-body MANIFEST OUT  write a PrometheusRule's spec (its groups) to OUT as a plain rule file,
                                           after checking it equals the environment's plain rule file of that name
  k8s-manifests.py child-routes SCHEMA FILE...
                                           check every child route of each AlertmanagerConfig against the top route's
                                           schema in SCHEMA (the CRD's JSON schema): the CRD leaves `routes[]` free
                                           (x-kubernetes-preserve-unknown-fields), the operator reads them as routes
Exit 0 when fine, 1 with a message otherwise."""
import json, os, sys, yaml


# PyYAML cannot construct a bare `=` (YAML 1.1 'value' tag); go-yaml reads "=".
yaml.SafeLoader.add_constructor("tag:yaml.org,2002:value", yaml.SafeLoader.construct_yaml_str)


def load(path):
    with open(path) as f:
        return yaml.safe_load(f)


def is_core(resource):
    # "v1" (the core group) or a built-in group: no dot (apps, batch, policy…) or *.k8s.io; a kustomization
    # (kustomize.config.k8s.io) is kustomize's file, not a resource.
    group = resource.get("apiVersion", "").rpartition("/")[0]
    return resource.get("kind") != "Kustomization" and (group == "" or "." not in group or group.endswith(".k8s.io"))


def core(paths):
    for path in paths:
        if is_core(load(path)):
            print(path)
    return 0


def kustomization(folder):
    listed = load(os.path.join(folder, "kustomization.yaml")).get("resources", [])
    present = sorted(f for f in os.listdir(folder) if f.endswith(".yaml") and f != "kustomization.yaml")
    if sorted(listed) != present:
        print(f"{folder}/kustomization.yaml lists {sorted(listed)}, the folder holds {present}", file=sys.stderr)
        return 1
    print(f"{folder}/kustomization.yaml lists all {len(present)} manifests")
    return 0


def rule_body(manifest, out):
    resource = load(manifest)
    if resource.get("kind") != "PrometheusRule":
        print(f"{manifest}: not a PrometheusRule", file=sys.stderr)
        return 1
    name = resource["metadata"]["name"]
    plain = os.path.join(os.path.dirname(os.path.dirname(manifest)), "prometheus", "rules", f"{name}.yml")
    if load(plain) != resource["spec"]:
        print(f"{manifest}: spec differs from {plain}", file=sys.stderr)
        return 1
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w") as f:
        yaml.safe_dump(resource["spec"], f, sort_keys=False, width=1 << 30, allow_unicode=True)
    print(f"{manifest}: spec equals {plain}")
    return 0


def child_routes(schema, paths):
    from jsonschema import Draft7Validator
    validator = Draft7Validator(json.load(open(schema))["properties"]["spec"]["properties"]["route"])
    rc, checked = 0, 0

    def walk(route, where):
        nonlocal rc, checked
        for i, child in enumerate(route.get("routes") or []):
            for error in validator.iter_errors(child):
                print(f"{where}.routes[{i}]: {error.message[:200]}", file=sys.stderr)
                rc = 1
            checked += 1
            walk(child, f"{where}.routes[{i}]")

    for path in paths:
        resource = load(path)
        if resource.get("kind") == "AlertmanagerConfig":
            walk(resource["spec"].get("route") or {}, f"{path}: spec.route")
    print(f"{checked} child routes checked against the top route's schema")
    return rc


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    sys.exit({"core": lambda: core(args), "kustomization": lambda: kustomization(*args), "rule-body": lambda: rule_body(*args),
              "child-routes": lambda: child_routes(args[0], args[1:])}[command]())
