# Seeded, stratified draw of the fifth check set (check5-gold.json, paragraph counts and operative verbs only) from
# shared/un-documents: the blind set's strata scaled to 40 documents (two Security Council resolutions from each of the
# 1940s and 1950s and three from each later decade to the 1990s, five, five and four General Assembly resolutions of the
# 78th to 80th sessions, ten drafts) with a fifth seed (8818), every document already read for a gold, count or sample
# file left out: those left out of the fourth check set, the fourth check set and the second blind set.
# Usage: python3 check5-draw.py <path to shared/un-documents>
import sys
from stratified_draw import check5

root = sys.argv[1]
print("\n".join(check5(root)))
