"""Renders one of saltlab's Salt templates the way Salt's Jinja renderer does, then as YAML.

Reads JSON on stdin: {"template": text, "grains": {...}, "data": {...}, "salt": {"mod.fun": value}}.
Salt renders with a sandboxed Jinja environment, StrictUndefined and the do, with_ (when Jinja
still has it) and loopcontrols extensions (salt/utils/templates.py, render_jinja_tmpl); the
functions of `salt` return the given values and every call is recorded. Prints JSON:
{"text": rendered text, "yaml": the text read as YAML, "calls": [[function, args...], ...]}.
"""
import json
import sys

import jinja2
import jinja2.ext
import jinja2.sandbox
import yaml


def main():
    request = json.load(sys.stdin)
    calls = []

    def function(name):
        def call(*args):
            calls.append([name] + list(args))
            return request["salt"][name]

        return call

    salt = {name: function(name) for name in request.get("salt", {})}
    extensions = [e for e in ("jinja2.ext.do", "jinja2.ext.loopcontrols") if hasattr(jinja2.ext, e.split(".")[-1])]
    env = jinja2.sandbox.SandboxedEnvironment(undefined=jinja2.StrictUndefined, extensions=extensions)
    context = {"salt": salt, "grains": request.get("grains", {}), "data": request.get("data", {})}
    text = env.from_string(request["template"]).render(**context)
    json.dump({"text": text, "yaml": yaml.safe_load(text), "calls": calls}, sys.stdout)


if __name__ == "__main__":
    main()
