# Seeded, stratified draw of the third check set (check3-gold.json) from shared/un-documents: the blind set's strata
# with a new seed, the blind set's and both earlier check sets' documents left out.
# Usage: python3 check3-draw.py <path to shared/un-documents>
import sys
from stratified_draw import check3

print("\n".join(check3(sys.argv[1])))
