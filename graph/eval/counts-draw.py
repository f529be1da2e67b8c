# Seeded, stratified draw of the second paragraph-count set (paragraph-counts-2.json) from shared/un-documents: four
# Security Council resolutions per decade (1940s to 1990s, the scanned texts) and two General Assembly resolutions of
# each of the 78th to 80th sessions, every document of the blind set, both check sets, the gold set and the first
# paragraph-count set left out.
# Usage: python3 counts-draw.py <path to shared/un-documents>
import json, os, sys
from stratified_draw import LEFT_OUT, blind, check, check2, draw, file_names

here = os.path.dirname(os.path.abspath(__file__))


def listed(name):
    """The file names a gold file of this folder lists."""
    with open(os.path.join(here, name), encoding="utf-8") as f: data = json.load(f)
    documents = data["documents"] if isinstance(data, dict) else data
    return {os.path.basename(d["file"]) for d in documents}


root = sys.argv[1]
excluded = file_names(blind(root)) | file_names(check(root)) | file_names(check2(root)) | LEFT_OUT
for name in ("gold.json", "paragraph-counts.json"): excluded |= listed(name)
print("\n".join(draw(root, 4616, (("78", 2), ("79", 2), ("80", 2)), 0, excluded, sc_per_decade=4)))
