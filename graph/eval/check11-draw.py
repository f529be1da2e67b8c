# Seeded draw of the eleventh check set (check11-gold.json, paragraph counts and operative verbs, and every document cited
# by the Council resolutions and the drafts) from shared/un-documents, aimed at the strata the earlier sets read least: of the
# Council's resolutions of 1946-1975 and of 1990-1994 the earlier gold, count, check, sample and blind files had read a
# quarter and an eighth, of the drafts three fifths. Twelve Security Council resolutions of 1946-1975 (three of 1946-1959,
# four of 1960-1969, five of 1970-1975), ten of 1990-1994, eight drafts of moderate length (4,000 to 9,000 bytes, so that
# each can be read whole with its footnotes); an eleventh seed (7575), every document already read for a gold, count, check,
# sample or blind file left out: those left out of the tenth check set, the tenth check set's draw and every file any json
# file of this folder lists.
# What the draw printed when the set was drawn (the list check11-gold.json follows, in this order):
# sc-resolutions/S_RES_0013_1946_EN_GOLD.txt sc-resolutions/S_RES_0001_1946_EN_GOLD.txt
# sc-resolutions/S_RES_0011_1946_EN_GOLD.txt sc-resolutions/S_RES_0260_1968_EN_GOLD.txt
# sc-resolutions/S_RES_0164_1961_EN_GOLD.txt sc-resolutions/S_RES_0194_1964_EN_GOLD.txt
# sc-resolutions/S_RES_0148_1960_EN_GOLD.txt sc-resolutions/S_RES_0312_1972_EN_GOLD.txt
# sc-resolutions/S_RES_0382_1975_EN_GOLD.txt sc-resolutions/S_RES_0288_1970_EN_GOLD.txt
# sc-resolutions/S_RES_0293_1971_EN_GOLD.txt sc-resolutions/S_RES_0336_1973_EN_GOLD.txt
# sc-resolutions/S_RES_0720_1991_EN_GOLD.txt sc-resolutions/S_RES_0682_1990_EN_GOLD.txt
# sc-resolutions/S_RES_0703_1991_EN_GOLD.txt sc-resolutions/S_RES_0783_1992_EN_GOLD.txt
# sc-resolutions/S_RES_0732_1992_EN_GOLD.txt sc-resolutions/S_RES_0734_1992_EN_GOLD.txt
# sc-resolutions/S_RES_0764_1992_EN_GOLD.txt sc-resolutions/S_RES_0858_1993_EN_GOLD.txt
# sc-resolutions/S_RES_0801_1993_EN_GOLD.txt sc-resolutions/S_RES_0777_1992_EN_GOLD.txt ga-drafts/A_C.1_80_L.33.txt
# ga-drafts/A_C.4_80_L.4.txt ga-drafts/A_C.3_80_L.21.txt ga-drafts/A_C.1_80_L.16.txt ga-drafts/A_80_L.14.txt
# ga-drafts/A_C.1_80_L.48.txt ga-drafts/A_C.1_80_L.40.txt ga-drafts/A_C.6_80_L.18.txt
# Usage: python3 check11-draw.py <path to shared/un-documents>
import glob, os, random, sys
from importlib import import_module
from stratified_draw import HERE, file_names, listed

SEED = 7575
MODERATE = (4000, 9000)
# (first year, last year, how many) of the Council's resolutions, by the year in the file name (S_RES_NNNN_YYYY_EN_GOLD.txt).
COUNCIL_PERIODS = ((1946, 1959, 3), (1960, 1969, 4), (1970, 1975, 5), (1990, 1994, 10))
DRAFTS = 8

check10_draw = import_module("check10-draw")


def read_before_check11(root):
    """Every document read for a gold, count, check, sample or blind file before the eleventh check set was drawn: those
    read before the tenth, the tenth check set's draw, and every file a json file of this folder lists."""
    read = check10_draw.read_before_check10(root) | file_names(check10_draw.check10(root))
    for path in sorted(glob.glob(os.path.join(HERE, "*.json"))): read |= listed(os.path.basename(path))
    return read


def check11(root):
    rng = random.Random(SEED)
    excluded = read_before_check11(root)
    council = sorted(f for f in os.listdir(os.path.join(root, "sc-resolutions")) if f not in excluded)
    drawn = []
    for first, last, n in COUNCIL_PERIODS:
        names = [f for f in council if first <= int(f.split("_")[3]) <= last]
        drawn += [f"sc-resolutions/{f}" for f in rng.sample(names, n)]
    folder = os.path.join(root, "ga-drafts")
    drafts = sorted(f for f in os.listdir(folder)
                    if f not in excluded and MODERATE[0] <= os.path.getsize(os.path.join(folder, f)) <= MODERATE[1])
    drawn += [f"ga-drafts/{f}" for f in rng.sample(drafts, DRAFTS)]
    return drawn


if __name__ == "__main__":
    print("\n".join(check11(sys.argv[1])))
