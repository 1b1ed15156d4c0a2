#!/usr/bin/env python3
"""Generate src/cmdlets/signatures/reference.jsonl from the harvested cmdlet reference.

    python3 tools/gen_signatures.py ../shared/reference/cmdlets.json

One JSON object per line, one line per cmdlet: the real parameter sets (names, types,
positions, mandatory flags, pipeline binding, aliases, accepted values) and the reference
examples. The engine reads a line lazily the first time the cmdlet is resolved.
"""
import json
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/cmdlets.json"
out = "src/cmdlets/signatures/reference.jsonl"

def pipeline(p):
    v = (p.get("pipelineInput") or "").lower()
    kinds = []
    if v.startswith("true"):
        if "byvalue" in v.replace(" ", ""):
            kinds.append("value")
        if "bypropertyname" in v.replace(" ", ""):
            kinds.append("name")
        if not kinds:
            kinds.append("value")
    return ",".join(kinds)

def position(p):
    pos = p.get("position")
    if isinstance(pos, int):
        return pos
    if isinstance(pos, str) and pos.isdigit():
        return int(pos)
    return None

records = json.load(open(src))
lines = []
for c in records:
    sets = []
    for s in c["parameterSets"]:
        if s.get("requiresOnPremOnlyParameters"):
            continue
        params = []
        for p in s["parameters"]:
            rec = {"name": p["name"], "type": p["type"]}
            if p.get("mandatory"):
                rec["mandatory"] = True
            pos = position(p)
            if pos is not None:
                rec["position"] = pos
            pl = pipeline(p)
            if pl:
                rec["pipeline"] = pl
            if p.get("aliases"):
                rec["aliases"] = p["aliases"]
            if p.get("acceptedValues") and p.get("acceptedValuesSource") != "parameter description text":
                rec["values"] = p["acceptedValues"]
            params.append(rec)
        sets.append({"name": s["name"], "default": bool(s.get("isDefault")), "params": params, "syntax": s.get("syntax") or ""})
    outputs = (c.get("outputs") or {}).get("types") or []
    line = {
        "name": c["name"],
        "module": c["module"],
        "synopsis": c.get("synopsis", ""),
        "outputs": outputs,
        "sets": sets,
        "examples": [e if isinstance(e, str) else e.get("code", "") for e in (c.get("examples") or [])][:6],
        "source": c.get("sourcePath", ""),
    }
    lines.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))

with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {len(lines)} cmdlets to {out}")
