# Seeded draw of the tenth check set (check10-gold.json, every document cited, with paragraph counts and operative verbs)
# from shared/un-documents, aimed at the citations of the Assembly's texts, which carry footnotes: three General Assembly
# resolutions of each of the 78th to 80th sessions and three drafts, drawn only among texts of moderate length (5,000 to
# 12,000 bytes, so that each can be read whole with its footnotes); a tenth seed (6464), every document already read for a
# gold, count or sample file left out: those left out of the ninth check set, the ninth check set's draw and the two drafts
# read while it was drawn.
# Usage: python3 check10-draw.py <path to shared/un-documents>
import os, sys
from stratified_draw import draw, file_names, listed
from importlib import import_module

SEED = 6464
MODERATE = (5000, 12000)

check9_draw = import_module("check9-draw")


def read_before_check10(root):
    """Every document read for a gold, count or sample file before the tenth check set was drawn: those read before the
    ninth, the ninth check set's draw and the drafts read while it was drawn."""
    return check9_draw.read_before_check9(root) | listed("check8-gold.json") | listed("check9-gold.json") | \
        file_names(check9_draw.check9(root)) | check9_draw.READ_NOT_DRAWN


def not_moderate(root):
    """The Assembly resolutions and drafts shorter or longer than MODERATE, which the draw leaves out."""
    left_out = set()
    for folder in ("ga-resolutions", "ga-drafts"):
        for name in os.listdir(os.path.join(root, folder)):
            if not MODERATE[0] <= os.path.getsize(os.path.join(root, folder, name)) <= MODERATE[1]: left_out.add(name)
    return left_out


def check10(root):
    return draw(root, SEED, (("78", 3), ("79", 3), ("80", 3)), 3, read_before_check10(root) | not_moderate(root),
                sc_per_decade=0)


if __name__ == "__main__":
    print("\n".join(check10(sys.argv[1])))
