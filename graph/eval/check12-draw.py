# Seeded draw of the twelfth check set (check12-gold.json, paragraph counts and operative verbs, and every document cited)
# from shared/un-documents, aimed where citations are densest and recall most at risk, and at the Council period the earlier
# sets read least: twenty General Assembly resolutions of the 78th to 80th sessions (seven, seven and six) of moderate length
# (6,000 to 15,000 bytes, so that each can be read whole with its footnotes; the earlier gold, count, check, sample and blind
# files had read about a quarter of those) and ten Security Council resolutions of 1976-1989 (five of 1976-1982, five of
# 1983-1989; scanned texts, of which the earlier files had read about a sixth); a twelfth seed (8686), every document already
# read for a gold, count, check, sample or blind file left out: those left out of the eleventh check set and the eleventh
# check set's draw.
# What the draw printed when the set was drawn (the list check12-gold.json follows, in this order):
# ga-resolutions/A_RES_78_100.txt ga-resolutions/A_RES_78_319.txt ga-resolutions/A_RES_78_71.txt
# ga-resolutions/A_RES_78_304.txt ga-resolutions/A_RES_78_281.txt ga-resolutions/A_RES_78_264.txt
# ga-resolutions/A_RES_78_54.txt ga-resolutions/A_RES_79_75.txt ga-resolutions/A_RES_79_200.txt
# ga-resolutions/A_RES_79_245.txt ga-resolutions/A_RES_79_31.txt ga-resolutions/A_RES_79_73.txt
# ga-resolutions/A_RES_79_193.txt ga-resolutions/A_RES_79_61.txt ga-resolutions/A_RES_80_86.txt
# ga-resolutions/A_RES_80_104.txt ga-resolutions/A_RES_80_61.txt ga-resolutions/A_RES_80_99.txt
# ga-resolutions/A_RES_80_231.txt ga-resolutions/A_RES_80_170.txt sc-resolutions/S_RES_0406_1977_EN_GOLD.txt
# sc-resolutions/S_RES_0425_1978_EN_GOLD.txt sc-resolutions/S_RES_0407_1977_EN_GOLD.txt
# sc-resolutions/S_RES_0436_1978_EN_GOLD.txt sc-resolutions/S_RES_0435_1978_EN_GOLD.txt
# sc-resolutions/S_RES_0575_1985_EN_GOLD.txt sc-resolutions/S_RES_0561_1985_EN_GOLD.txt
# sc-resolutions/S_RES_0592_1986_EN_GOLD.txt sc-resolutions/S_RES_0625_1988_EN_GOLD.txt
# sc-resolutions/S_RES_0631_1989_EN_GOLD.txt
# Usage: python3 check12-draw.py <path to shared/un-documents>
import os, random, sys
from importlib import import_module
from stratified_draw import file_names

SEED = 8686
MODERATE = (6000, 15000)
# (session, how many) of the Assembly's resolutions, by the session in the file name (A_RES_SS_NNN.txt).
ASSEMBLY_SESSIONS = (("78", 7), ("79", 7), ("80", 6))
# (first year, last year, how many) of the Council's resolutions, by the year in the file name (S_RES_NNNN_YYYY_EN_GOLD.txt).
COUNCIL_PERIODS = ((1976, 1982, 5), (1983, 1989, 5))

check11_draw = import_module("check11-draw")


def read_before_check12(root):
    """Every document read for a gold, count, check, sample or blind file before the twelfth check set was drawn: those
    read before the eleventh and the eleventh check set's draw."""
    return check11_draw.read_before_check11(root) | file_names(check11_draw.check11(root))


def check12(root):
    rng = random.Random(SEED)
    excluded = read_before_check12(root)
    folder = os.path.join(root, "ga-resolutions")
    assembly = sorted(f for f in os.listdir(folder)
                      if f not in excluded and MODERATE[0] <= os.path.getsize(os.path.join(folder, f)) <= MODERATE[1])
    drawn = []
    for session, n in ASSEMBLY_SESSIONS:
        names = [f for f in assembly if f.split("_")[2] == session]
        drawn += [f"ga-resolutions/{f}" for f in rng.sample(names, n)]
    council = sorted(f for f in os.listdir(os.path.join(root, "sc-resolutions")) if f not in excluded)
    for first, last, n in COUNCIL_PERIODS:
        names = [f for f in council if first <= int(f.split("_")[3]) <= last]
        drawn += [f"sc-resolutions/{f}" for f in rng.sample(names, n)]
    return drawn


if __name__ == "__main__":
    print("\n".join(check12(sys.argv[1])))
