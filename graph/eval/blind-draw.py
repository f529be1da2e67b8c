# Seeded, stratified draw of the blind gold set (blind-gold.json) from shared/un-documents.
# Usage: python3 blind-draw.py <path to shared/un-documents>
import os, random, sys
root = sys.argv[1]
seed = 16
excluded = {"A_RES_79_10.txt"}
strata = [("sc-resolutions", d, 2) for d in ("194", "195", "196", "197", "198", "199")] + \
         [("ga-resolutions", s, n) for s, n in (("78", 4), ("79", 3), ("80", 3))] + [("ga-drafts", "", 8)]
rng = random.Random(seed)
for folder, key, n in strata:
    names = sorted(f for f in os.listdir(os.path.join(root, folder)) if f not in excluded)
    if folder == "sc-resolutions": names = [f for f in names if f.split("_")[3].startswith(key)]
    if folder == "ga-resolutions": names = [f for f in names if f.split("_")[2] == key]
    for f in rng.sample(names, n): print(f"{folder}/{f}")
