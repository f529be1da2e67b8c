# Seeded, stratified draw of the check set (check-gold.json) from shared/un-documents: the blind set's strata with a
# different seed, the blind set's documents left out.
# Usage: python3 check-draw.py <path to shared/un-documents>
import sys
from stratified_draw import check

print("\n".join(check(sys.argv[1])))
