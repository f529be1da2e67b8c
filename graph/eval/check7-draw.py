# Seeded draw of the seventh check set (check7-gold.json, paragraph counts and operative verbs only) from shared/un-documents,
# for the Assembly alone: five General Assembly resolutions of each of the 78th to 80th sessions and ten drafts, with a
# seventh seed (1021), every document already read for a gold, count or sample file left out: those left out of the sixth
# check set and the sixth check set.
# Usage: python3 check7-draw.py <path to shared/un-documents>
import sys
from stratified_draw import draw, read_before_check7

root = sys.argv[1]
print("\n".join(draw(root, 1021, (("78", 5), ("79", 5), ("80", 5)), 10, read_before_check7(root), sc_per_decade=0)))
