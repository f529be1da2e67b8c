# Seeded, stratified draw of the second blind set (blind2-gold.json) from shared/un-documents: the blind set's strata
# (two Security Council resolutions per decade from the 1940s to the 1990s, four, three and three General Assembly
# resolutions of the 78th to 80th sessions, eight drafts) with a new seed (7717), every document already read for a gold
# or count file left out: the first blind set, the four check sets, the gold set, the three paragraph-count sets, the
# texts read while the preamble classes were fixed, the files of the name-citation samples and the fourth check set.
# Usage: python3 blind2-draw.py <path to shared/un-documents>
import json, os, sys
from stratified_draw import LEFT_OUT, READ_WHILE_FIXING, blind, check, check2, check3, draw, file_names

here = os.path.dirname(os.path.abspath(__file__))
LISTED = ("gold.json", "check4-gold.json", "paragraph-counts.json", "paragraph-counts-2.json", "paragraph-counts-3.json",
          "name-citations-sample.json", "name-citations-fresh.json", "name-citations-instruments.json",
          "name-citations-instruments-fresh.json")
SEED = 7717


def listed(name):
    """The file names a gold file of this folder lists (documents, or the files of a name-citation sample)."""
    with open(os.path.join(here, name), encoding="utf-8") as f: data = json.load(f)
    entries = data.get("documents") or data.get("sample") if isinstance(data, dict) else data
    return {os.path.basename(e["file"]) for e in entries if "file" in e}


root = sys.argv[1]
excluded = file_names(blind(root)) | file_names(check(root)) | file_names(check2(root)) | file_names(check3(root))
excluded |= LEFT_OUT | READ_WHILE_FIXING
for name in LISTED: excluded |= listed(name)
print("\n".join(draw(root, SEED, (("78", 4), ("79", 3), ("80", 3)), 8, excluded)))
