# Seeded, stratified draw of the second blind set (blind2-gold.json) from shared/un-documents: the blind set's strata
# (two Security Council resolutions per decade from the 1940s to the 1990s, four, three and three General Assembly
# resolutions of the 78th to 80th sessions, eight drafts) with a new seed (7717), every document already read for a gold
# or count file left out: the first blind set, the four check sets, the gold set, the three paragraph-count sets, the
# texts read while the preamble classes were fixed, the files of the name-citation samples and the fourth check set.
# Usage: python3 blind2-draw.py <path to shared/un-documents>
import sys
from stratified_draw import draw, listed, read_before_check4

SEED = 7717

root = sys.argv[1]
excluded = read_before_check4(root) | listed("check4-gold.json")
print("\n".join(draw(root, SEED, (("78", 4), ("79", 3), ("80", 3)), 8, excluded)))
