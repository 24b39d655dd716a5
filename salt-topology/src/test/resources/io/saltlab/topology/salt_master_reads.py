"""Reads a salt-master's generated files the way Salt 3006 does, from a directory tree laid out as
the master's pod sees it (every pod path p is root + p), and prints what the master makes of them.

Reads JSON on stdin:
  {"root": dir, "conf": pod path of master.d/saltlab.conf,
   "minions": [{"id": id, "grains": {...}}, ...],
   "events": [{"tag": tag, "data": {...}, "present": [ids connected]}, ...]}
Prints JSON: {"pillar": {id: pillar}, "errors": {id: [...]}, "reactions": [[state ids], ...],
              "reactorFiles": [[files rendered], ...], "stateRoots": [...]}

What it mirrors, from Salt's source (salt/pillar/__init__.py, class Pillar): the top file is the
first top.sls found in the pillar_roots of the environment; its include list names further top
files (get_tops), whose targets are merged in (merge_tops; an ignore_missing target's SLS may be
absent); a minion's SLS are those of the targets it matches (top_matches: glob on its id by
default, `match: grain` on its grains, a list grain matching when one element does); each SLS is
found as name/with/dots.sls or name/with/dots/init.sls in the first root that has it, rendered
(Jinja, then YAML: Salt's default renderer), its include list rendered first and merged under it
(render_pstate), and everything merged into the pillar with the default "smart" strategy, which
for the YAML renderer is a recursive dict update that replaces lists (salt/utils/dictupdate.py).
The reactor (salt/utils/reactor.py) takes every reactor entry whose tag pattern matches the
event's, expands each path with glob.glob, renders each file with the event's data and merges the
results by state id. Jinja is configured as Salt configures it (salt/utils/templates.py):
sandboxed, StrictUndefined, with the do and loopcontrols extensions.
"""
import fnmatch
import glob
import json
import os
import sys

import jinja2
import jinja2.ext
import jinja2.sandbox
import yaml


def environment():
    extensions = [e for e in ("jinja2.ext.do", "jinja2.ext.loopcontrols") if hasattr(jinja2.ext, e.split(".")[-1])]
    return jinja2.sandbox.SandboxedEnvironment(undefined=jinja2.StrictUndefined, extensions=extensions)


ENV = environment()


def render(path, **context):
    with open(path, encoding="utf-8") as f:
        text = ENV.from_string(f.read()).render(**context)
    return yaml.safe_load(text)


def merge(dest, upd):
    """salt.utils.dictupdate.update with recursive_update=True and merge_lists=False."""
    for key, value in upd.items():
        if isinstance(dest.get(key), dict) and isinstance(value, dict):
            dest[key] = merge(dict(dest[key]), value)
        else:
            dest[key] = value
    return dest


class Roots:
    def __init__(self, root, pod_paths):
        self.dirs = [root + p for p in pod_paths]

    def find(self, relative):
        for d in self.dirs:
            path = os.path.join(d, relative)
            if os.path.isfile(path):
                return path
        return None

    def get_state(self, sls):
        relative = sls.replace(".", "/")
        return self.find(relative + ".sls") or self.find(relative + "/init.sls")

    def avail(self):
        names = set()
        for d in self.dirs:
            for dirpath, _, files in os.walk(d, followlinks=True):
                for name in files:
                    if not name.endswith(".sls"):
                        continue
                    relative = os.path.relpath(os.path.join(dirpath, name), d)[: -len(".sls")]
                    if relative.endswith("/init"):
                        relative = relative[: -len("/init")]
                    names.add(relative.replace("/", "."))
        return sorted(names)


def grain_match(grains, target):
    key, _, pattern = target.partition(":")
    value = grains.get(key)
    values = value if isinstance(value, list) else [value]
    return any(v is not None and fnmatch.fnmatch(str(v), pattern) for v in values)


def compile_pillar(roots, minion):
    grains = minion["grains"]
    context = {"grains": grains, "opts": {"id": minion["id"]}, "pillar": {}}
    errors = []
    top_file = roots.find("top.sls")
    tops = [render(top_file, **context)] if top_file else []
    include = []
    for ctop in tops:
        include.extend(ctop.pop("include", []))
    done = []
    for sls in include:
        if sls in done:
            continue
        path = roots.get_state(sls)
        if not path:
            errors.append("top file %s not found" % sls)
        else:
            tops.append(render(path, **context))
        done.append(sls)
    merged = {}
    ignored = set()
    for ctop in tops:
        for target, body in (ctop.get("base") or {}).items():
            matches = [c for c in body if isinstance(c, dict) and "match" in c]
            states = [c for c in body if isinstance(c, str)]
            if any(isinstance(c, dict) and c.get("ignore_missing") for c in body):
                ignored.update(states)
            merged[target] = matches + states
    wanted = []
    for target, body in merged.items():
        kind = next((c["match"] for c in body if isinstance(c, dict)), "glob")
        hit = fnmatch.fnmatch(minion["id"], target) if kind == "glob" else grain_match(grains, target)
        if hit:
            wanted.extend(s for s in body if isinstance(s, str) and s not in wanted)
    avail = roots.avail()
    rendered = {}

    def render_pstate(sls):
        path = roots.get_state(sls)
        if not path:
            if sls not in ignored:
                errors.append("SLS %s not available" % sls)
            return None
        state = render(path, **context)
        rendered[sls] = state
        if isinstance(state, dict) and "include" in state:
            parts = []
            for sub in state.pop("include"):
                for match in fnmatch.filter(avail, sub) or [sub]:
                    sub_state = rendered[match] if match in rendered else render_pstate(match)
                    if sub_state:
                        parts.append(sub_state)
            parts.append(state)
            state = {}
            for p in parts:
                state = merge(state, p)
        return state

    pillar = {}
    for sls in wanted:
        for match in fnmatch.filter(avail, sls) or [sls]:
            state = render_pstate(match)
            if isinstance(state, dict):
                pillar = merge(pillar, state)
    return pillar, errors


def react(root, reactors, event):
    context = {
        "tag": event["tag"],
        "data": event["data"],
        "salt": {"saltutil.runner": lambda name: event["present"]},
    }
    high = {}
    files = []
    for entry in reactors:
        (pattern, paths), = entry.items()
        if not fnmatch.fnmatch(event["tag"], pattern):
            continue
        for path in paths if isinstance(paths, list) else [paths]:
            for fn in sorted(glob.glob(root + path)):
                files.append(fn[len(root):])
                high.update(render(fn, **context) or {})
    return sorted(high), files


def main():
    request = json.load(sys.stdin)
    root = request["root"]
    with open(root + request["conf"], encoding="utf-8") as f:
        conf = yaml.safe_load(f)
    roots = Roots(root, conf["pillar_roots"]["base"])
    out = {"pillar": {}, "errors": {}, "reactions": [], "reactorFiles": []}
    for minion in request["minions"]:
        pillar, errors = compile_pillar(roots, minion)
        out["pillar"][minion["id"]] = pillar
        out["errors"][minion["id"]] = errors
    for event in request["events"]:
        states, files = react(root, conf.get("reactor", []), event)
        out["reactions"].append(states)
        out["reactorFiles"].append(files)
    out["stateRoots"] = [p for p in conf["file_roots"]["base"] if os.path.isfile(root + p + "/top.sls")]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
