# Seeded, stratified draw of the fourth check set (check4-gold.json) from shared/un-documents: the blind set's strata with
# a fourth seed (6616; 4616 and 5616 drew the paragraph-count sets), every document already read for a gold file left
# out: the blind set, the three earlier check sets, the gold set, the three paragraph-count sets, the texts read while
# the preamble classes were fixed and the files of the hand-checked name-citation samples.
# Usage: python3 check4-draw.py <path to shared/un-documents>
import sys
from stratified_draw import draw, read_before_check4

root = sys.argv[1]
print("\n".join(draw(root, 6616, (("78", 4), ("79", 3), ("80", 3)), 8, read_before_check4(root))))
