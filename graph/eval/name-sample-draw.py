# Seeded draw of name-linked citations (CITES with via: name) for hand checking, the blind set's documents left out.
# Usage: graph extract <shared/un-documents> -q -o names.json && python3 name-sample-draw.py names.json [seed] > draw.json
# Each relationship is keyed by paragraph, span and target; the keys are sorted and 200 drawn with random.Random(seed).
# Seeds used: 1618 (name-citations-fresh.json, the default), 1620 (name-citations-instruments.json), 1621
# (name-citations-instruments-fresh.json).
import json, os, random, sys
size = 200
here = os.path.dirname(os.path.abspath(__file__))
blind = {d["symbol"] for d in json.load(open(os.path.join(here, "blind-gold.json")))["documents"]}
graph = json.load(open(sys.argv[1]))
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1618
links = [r for r in graph["relationships"] if r["type"] == "CITES" and r["properties"].get("via") == "name"]
links = [r for r in links if r["properties"]["source"] not in blind]
links.sort(key=lambda r: (r["start"], r["properties"]["spanStart"], r["end"]))
print(f"{len(links)} name-linked citations outside the blind set", file=sys.stderr)
sample = random.Random(seed).sample(links, size)
print(json.dumps([{
    "paragraph": r["start"], "cites": r["end"], "name": r["properties"]["name"], **({"by": r["properties"]["by"]} if "by" in r["properties"] else {}),
    "span": [r["properties"]["spanStart"], r["properties"]["spanEnd"]], "sentence": r["properties"].get("context", ""),
} for r in sample], ensure_ascii=False, indent=1))
