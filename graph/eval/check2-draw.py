# Seeded, stratified draw of the second check set (check2-gold.json) from shared/un-documents: the blind set's strata
# with a new seed, the blind set's and the first check set's documents (as blind-draw.py and check-draw.py draw them)
# left out.
# Usage: python3 check2-draw.py <path to shared/un-documents>
import os, random, subprocess, sys
root = sys.argv[1]
seed = 2616
here = os.path.dirname(os.path.abspath(__file__))
def drawn(script):
    out = subprocess.run([sys.executable, os.path.join(here, script), root], capture_output=True, text=True, check=True).stdout
    return {line.split("/")[1] for line in out.split()}
excluded = drawn("blind-draw.py") | drawn("check-draw.py") | {"A_RES_79_10.txt"}
strata = [("sc-resolutions", d, 2) for d in ("194", "195", "196", "197", "198", "199")] + \
         [("ga-resolutions", s, n) for s, n in (("78", 4), ("79", 3), ("80", 3))] + [("ga-drafts", "", 8)]
rng = random.Random(seed)
for folder, key, n in strata:
    names = sorted(f for f in os.listdir(os.path.join(root, folder)) if f not in excluded)
    if folder == "sc-resolutions": names = [f for f in names if f.split("_")[3].startswith(key)]
    if folder == "ga-resolutions": names = [f for f in names if f.split("_")[2] == key]
    for f in rng.sample(names, n): print(f"{folder}/{f}")
