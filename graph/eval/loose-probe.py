# A loose, gold-free recall probe over shared/un-documents: numbers that read as resolutions ("59/111", "546 (1984)") and
# that no citation of their document covers. Looser than the probe of `graph eval` (ReferenceProbe.cs): it reads the raw
# texts, wants no keyword before an item, and takes any glyph after a number, so it sees the lists the scanner stopped
# early ("59/111of 6 December 2004", "53/77 AA of …", "51/211 A to E of …") and a misread first digit ("$46 (1984)").
# What it prints is an upper bound: other organs' resolutions ("Commission resolution 66/1") are counted too.
# Usage: graph extract ../shared/un-documents -q -o all.json && python3 graph/eval/loose-probe.py all.json ../shared/un-documents [-v]
import collections, json, os, re, sys

graph, root = sys.argv[1], sys.argv[2]
verbose = "-v" in sys.argv[3:]
cites = collections.defaultdict(set)
for r in json.load(open(graph, encoding="utf-8"))["relationships"]:
    if r["type"] == "CITES":
        cites[r["properties"].get("source") or r["start"].split("#")[0]].add(r["end"])
manifest = json.load(open(os.path.join(root, "manifest.json"), encoding="utf-8"))["documents"]
symbol_of = {v["file"]: k for k, v in manifest.items()}
session_item = re.compile(r"(?<![\w/.\-])((?:ES-|S-)?)(\d{1,2})/(\d{1,3})(?:\s?([A-Z]))?(?![\d/])")
council_item = re.compile(r"(?<![\w/.\-])(\d{1,4}) ?\(\s?([12][ 0-9lI]{3,5}?)\s?\)")
# The year of each Council resolution of the collection, from its file name (S_RES_NNNN_YYYY): a number printed with another
# year ("489 (1979)", 489 being of 1981) is a misprint, which the extractor does not cite (SecurityCouncilNumbering.IsMisdated).
year_of = {int(m[1]): m[2] for m in (re.match(r"S_RES_(\d+)_(\d{4})", n) for n in os.listdir(os.path.join(root, "sc-resolutions"))) if m}
missed = collections.Counter()
for folder in ("sc-resolutions", "ga-resolutions", "ga-drafts"):
    for name in sorted(os.listdir(os.path.join(root, folder))):
        key = f"{folder}/{name}"
        text = open(os.path.join(root, folder, name), encoding="utf-8", errors="replace").read()
        own = symbol_of.get(key) or name[:-4].replace("_", "/")
        heading = re.search(r"Resolution (\d+) \((\d{4})\)", text[:300])
        if folder == "sc-resolutions" and heading and f"S/RES/{heading[1]} ({heading[2]})" in cites:
            own = f"S/RES/{heading[1]} ({heading[2]})"
        cited = cites.get(own, set())
        for m in session_item.finditer(text):
            prefix, session, number = m[1], int(m[2]), m[3]
            if not prefix and session < 31:
                continue  # the Assembly numbered its resolutions by session from its thirty-first
            before, after = text[max(0, m.start() - 40):m.start()], text[m.end():m.end() + 14]
            if not re.match(r"\s?(of|and|,)", after) and not re.search(r"(resolutions?|decisions?)\s*$", before):
                continue
            tail = f"/{prefix}{session}/{number}"
            if own.endswith(tail) or any(c.endswith(tail) or (tail + " ") in c + " " for c in cited):
                continue
            missed[folder] += 1
            if verbose: print(f"{key}: {before}[{m[0]}]{after}".replace("\n", " "))
        for m in council_item.finditer(text):
            year = m[2].replace(" ", "").replace("l", "1").replace("I", "1")
            if not re.fullmatch(r"19[4-9]\d|20[0-2]\d", year) or not 1 <= int(m[1]) <= 2800:
                continue
            if year_of.get(int(m[1]), year) != year:
                continue  # a misprint: the number is of another year
            symbol = f"S/RES/{int(m[1])} ({year})"
            if symbol in cited or own == symbol or "resolution" not in text[max(0, m.start() - 400):m.start()]:
                continue
            missed[folder + " (Council numbers)"] += 1
            if verbose: print(f"{key}: {text[max(0, m.start() - 40):m.start()]}[{m[0]}]".replace("\n", " "))
for k in sorted(missed): print(f"{k}: {missed[k]} numbers read as resolutions that no citation of their document covers")
