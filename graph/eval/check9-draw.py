# Seeded draw of the ninth check set (check9-gold.json, paragraph counts and operative verbs only) from shared/un-documents,
# aimed at long operative parts: twelve General Assembly resolutions, four of each of the 78th to 80th sessions, drawn only
# among those whose text before any annex holds at least 15 numbered paragraphs (a line opening "15. Calls ..." or fifteen
# such lines across sections; read from the text alone, not from the extractor), eight drafts, and ten Security Council
# resolutions of 1946-1994, one from each of the 1940s and 1950s and two from each later decade (scanned texts); a ninth
# seed (5353), every document already read for a gold, count or sample file left out: those left out of the eighth check
# set, and the eighth check set's draw (seed 4242, the longest third of each stratum) as check8-draw.py prints it.
# Usage: python3 check9-draw.py <path to shared/un-documents>
import os, re, sys
from stratified_draw import draw, file_names, listed, read_before_check7

SEED = 5353
MIN_OPERATIVE = 15
# A numbered paragraph as the Assembly's texts print it: its number and full stop at the line's start, then a capitalised
# word ("15. Calls upon", " 3. Decides"); a resolution's own number ("78/331. United ...") does not match.
NUMBERED = re.compile(r"^\s*\d{1,3}\.\s+[A-Z][a-z]")
ANNEX = re.compile(r"(?m)^\s*Annex(?:es| I)?\s*$")

# The eighth check set's draw, as check8-draw.py printed it when this set was drawn: it is left out by name, so that this
# draw stays the same whatever becomes of that script.
CHECK8 = """S_RES_0046_1948_EN_GOLD.txt S_RES_0089_1950_EN_GOLD.txt S_RES_0145_1960_EN_GOLD.txt S_RES_0254_1968_EN_GOLD.txt
S_RES_0387_1976_EN_GOLD.txt S_RES_0366_1974_EN_GOLD.txt S_RES_0532_1983_EN_GOLD.txt S_RES_0507_1982_EN_GOLD.txt
S_RES_0884_1993_EN_GOLD.txt S_RES_0882_1993_EN_GOLD.txt A_RES_78_108.txt A_RES_78_78.txt A_RES_78_184.txt A_RES_78_180.txt
A_RES_79_87.txt A_RES_79_40.txt A_RES_79_150.txt A_RES_80_112.txt A_RES_80_157.txt A_RES_80_242.txt A_C.2_80_L.31.txt
A_C.2_80_L.41.txt A_C.3_80_L.41.txt A_C.2_80_L.12.txt A_C.5_80_L.4.txt A_C.2_80_L.8.txt A_C.4_80_L.7.txt A_C.3_80_L.54.txt
A_80_L.18.txt A_C.5_80_L.5.txt""".split()


# Two drafts read while the set was first drawn with ten drafts in place of eight (the last two of that draw; the draw of
# eight is its first eight): a later draw leaves them out with the set.
READ_NOT_DRAWN = {"A_C.1_80_L.35.txt", "A_80_L.28.txt"}


def read_before_check9(root):
    """Every document read for a gold, count or sample file before the ninth check set was drawn: those read before the
    seventh, the seventh check set and the eighth check set's draw."""
    check7 = draw(root, 1021, (("78", 5), ("79", 5), ("80", 5)), 10, read_before_check7(root), sc_per_decade=0)
    return read_before_check7(root) | listed("check7-gold.json") | file_names(check7) | set(CHECK8)


def numbered_paragraphs(path):
    with open(path, encoding="utf-8") as f: text = f.read()
    return sum(1 for line in ANNEX.split(text)[0].splitlines() if NUMBERED.match(line))


def short_assembly_resolutions(root):
    """The Assembly resolutions with fewer than MIN_OPERATIVE numbered paragraphs before any annex, which the draw leaves out."""
    folder = os.path.join(root, "ga-resolutions")
    return {name for name in os.listdir(folder) if numbered_paragraphs(os.path.join(folder, name)) < MIN_OPERATIVE}


def check9(root):
    return draw(root, SEED, (("78", 4), ("79", 4), ("80", 4)), 8, read_before_check9(root) | short_assembly_resolutions(root),
                sc_per_decade=(1, 1, 2, 2, 2, 2))


if __name__ == "__main__":
    print("\n".join(check9(sys.argv[1])))
