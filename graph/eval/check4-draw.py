# Seeded, stratified draw of the fourth check set (check4-gold.json) from shared/un-documents: the blind set's strata with
# a fourth seed (6616; 4616 and 5616 drew the paragraph-count sets), every document already read for a gold file left
# out: the blind set, the three earlier check sets, the gold set, the three paragraph-count sets, the texts read while
# the preamble classes were fixed and the files of the hand-checked name-citation samples.
# Usage: python3 check4-draw.py <path to shared/un-documents>
import json, os, sys
from stratified_draw import LEFT_OUT, READ_WHILE_FIXING, blind, check, check2, check3, draw, file_names

here = os.path.dirname(os.path.abspath(__file__))
LISTED = ("gold.json", "paragraph-counts.json", "paragraph-counts-2.json", "paragraph-counts-3.json",
          "name-citations-sample.json", "name-citations-fresh.json", "name-citations-instruments.json",
          "name-citations-instruments-fresh.json")


def listed(name):
    """The file names a gold file of this folder lists (documents, or the files of a name-citation sample)."""
    with open(os.path.join(here, name), encoding="utf-8") as f: data = json.load(f)
    entries = data.get("documents") or data.get("sample") if isinstance(data, dict) else data
    return {os.path.basename(e["file"]) for e in entries if "file" in e}


root = sys.argv[1]
excluded = file_names(blind(root)) | file_names(check(root)) | file_names(check2(root)) | file_names(check3(root))
excluded |= LEFT_OUT | READ_WHILE_FIXING
for name in LISTED: excluded |= listed(name)
print("\n".join(draw(root, 6616, (("78", 4), ("79", 3), ("80", 3)), 8, excluded)))
