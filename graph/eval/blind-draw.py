# Seeded, stratified draw of the blind gold set (blind-gold.json) from shared/un-documents.
# Usage: python3 blind-draw.py <path to shared/un-documents>
import sys
from stratified_draw import blind

print("\n".join(blind(sys.argv[1])))
