# Seeded draw of the sixth check set (check6-gold.json, paragraph counts and operative verbs only) from shared/un-documents,
# aimed where operative verbs are hardest: Security Council resolutions alone (scanned texts), five from each decade from
# the 1940s to the 1990s, with a sixth seed (9919), every document already read for a gold, count or sample file left
# out: those left out of the fifth check set and the fifth check set.
# Usage: python3 check6-draw.py <path to shared/un-documents>
import sys
from stratified_draw import draw, read_before_check6

root = sys.argv[1]
print("\n".join(draw(root, 9919, (), 0, read_before_check6(root), sc_per_decade=5)))
