# Seeded, stratified draw of the second check set (check2-gold.json) from shared/un-documents: the blind set's strata
# with a new seed, the blind set's and the first check set's documents left out.
# Usage: python3 check2-draw.py <path to shared/un-documents>
import sys
from stratified_draw import check2

print("\n".join(check2(sys.argv[1])))
