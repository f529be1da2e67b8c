# Seeded draw of the eighth check set (check8-gold.json, paragraph counts and operative verbs, and the citations of ten of
# them) from shared/un-documents, aimed where unseen failures are likeliest: long texts. In each stratum only the longest
# third of the files (by size in bytes, ties by name) is drawn from: one Security Council resolution from each of the 1940s
# and 1950s and two from each later decade to the 1990s (scanned texts), four, three and three General Assembly resolutions
# of the 78th to 80th sessions (the collection holds no older, scanned Assembly texts), ten drafts; an eighth seed (4242),
# every document already read for a gold, count or sample file left out: those left out of the seventh check set and the
# seventh check set.
# Usage: python3 check8-draw.py <path to shared/un-documents>
import os, sys
from stratified_draw import SC_DECADES, draw, file_names, listed, read_before_check7

SEED = 4242
LONGEST_SHARE = 1 / 3


def read_before_check8(root):
    """Every document read for a gold, count or sample file before the eighth check set was drawn: those read before the
    seventh and the seventh check set."""
    check7 = draw(root, 1021, (("78", 5), ("79", 5), ("80", 5)), 10, read_before_check7(root), sc_per_decade=0)
    return read_before_check7(root) | listed("check7-gold.json") | file_names(check7)


def shorter(root):
    """The files outside the longest third of their stratum (a decade of Council resolutions, a session of Assembly
    resolutions, the drafts), which the draw leaves out."""
    def stratum(folder, name):
        if folder == "sc-resolutions": return next(d for d in SC_DECADES if name.split("_")[3].startswith(d)) if name.split("_")[3][:3] in SC_DECADES else None
        if folder == "ga-resolutions": return name.split("_")[2]
        return ""
    left_out = set()
    for folder in ("sc-resolutions", "ga-resolutions", "ga-drafts"):
        strata = {}
        for name in os.listdir(os.path.join(root, folder)):
            strata.setdefault(stratum(folder, name), []).append(name)
        for names in strata.values():
            by_size = sorted(names, key=lambda n: (-os.path.getsize(os.path.join(root, folder, n)), n))
            left_out |= set(by_size[round(len(by_size) * LONGEST_SHARE):])
    return left_out


def check8(root):
    return draw(root, SEED, (("78", 4), ("79", 3), ("80", 3)), 10, read_before_check8(root) | shorter(root),
                sc_per_decade=(1, 1, 2, 2, 2, 2))


if __name__ == "__main__":
    print("\n".join(check8(sys.argv[1])))
