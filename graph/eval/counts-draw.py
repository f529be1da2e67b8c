# Seeded, stratified draw of the second paragraph-count set (paragraph-counts-2.json) from shared/un-documents: four
# Security Council resolutions per decade (1940s to 1990s, the scanned texts) and two General Assembly resolutions of
# each of the 78th to 80th sessions, every document of the blind set, both check sets, the gold set and the first
# paragraph-count set left out.
# Usage: python3 counts-draw.py <path to shared/un-documents>
import sys
from stratified_draw import LEFT_OUT, blind, check, check2, draw, file_names, listed

root = sys.argv[1]
excluded = file_names(blind(root)) | file_names(check(root)) | file_names(check2(root)) | LEFT_OUT
for name in ("gold.json", "paragraph-counts.json"): excluded |= listed(name)
print("\n".join(draw(root, 4616, (("78", 2), ("79", 2), ("80", 2)), 0, excluded, sc_per_decade=4)))
