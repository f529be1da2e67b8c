# The strata and seeded draw that the gold sets share (blind-draw.py, check-draw.py to check4-draw.py, blind2-draw.py):
# two Security Council resolutions per decade, General Assembly resolutions of the 78th to 80th sessions, and drafts; each set
# after the first leaves out the documents of the sets drawn before it.
import json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
SC_DECADES = ("194", "195", "196", "197", "198", "199")
LEFT_OUT = {"A_RES_79_10.txt"}
# General Assembly resolutions read while the preamble classes were fixed (left out of counts3-draw.py and later draws).
READ_WHILE_FIXING = {f"A_RES_{n}.txt" for n in (
    "78_148 78_322 79_214 79_327 80_11 80_27 78_104 78_105 78_121 79_141 78_154 78_159 78_168 79_227 79_35 80_39 79_80 78_146 "
    "80_34 80_62 79_67 80_223 80_116 79_146 79_182 79_55 78_28 79_29 78_247 80_237 80_243 79_258 79_184 80_185").split()}


def draw(root, seed, ga_per_session, drafts, excluded, sc_per_decade=2):
    """The drawn files as "folder/name", in draw order. sc_per_decade: one number for every decade, or one per decade
    of SC_DECADES."""
    per_decade = (sc_per_decade,) * len(SC_DECADES) if isinstance(sc_per_decade, int) else sc_per_decade
    strata = [("sc-resolutions", d, n) for d, n in zip(SC_DECADES, per_decade)] + \
             [("ga-resolutions", s, n) for s, n in ga_per_session] + [("ga-drafts", "", drafts)]
    rng = random.Random(seed)
    drawn = []
    for folder, key, n in strata:
        names = sorted(f for f in os.listdir(os.path.join(root, folder)) if f not in excluded)
        if folder == "sc-resolutions": names = [f for f in names if f.split("_")[3].startswith(key)]
        if folder == "ga-resolutions": names = [f for f in names if f.split("_")[2] == key]
        drawn += [f"{folder}/{f}" for f in rng.sample(names, n)]
    return drawn


def file_names(drawn):
    return {path.split("/")[1] for path in drawn}


def blind(root):
    return draw(root, 16, (("78", 4), ("79", 3), ("80", 3)), 8, LEFT_OUT)


def check(root):
    return draw(root, 1616, (("78", 3), ("79", 3), ("80", 3)), 7, file_names(blind(root)) | LEFT_OUT)


def check2(root):
    excluded = file_names(blind(root)) | file_names(check(root)) | LEFT_OUT
    return draw(root, 2616, (("78", 4), ("79", 3), ("80", 3)), 8, excluded)


def check3(root):
    excluded = file_names(blind(root)) | file_names(check(root)) | file_names(check2(root)) | LEFT_OUT
    return draw(root, 3616, (("78", 4), ("79", 3), ("80", 3)), 8, excluded)


# Hand-written files of this folder whose documents later draws leave out by the names they list (the seeded sets above
# are drawn again instead).
LISTED = ("gold.json", "paragraph-counts.json", "paragraph-counts-2.json", "paragraph-counts-3.json",
          "name-citations-sample.json", "name-citations-fresh.json", "name-citations-instruments.json",
          "name-citations-instruments-fresh.json")


def listed(name):
    """The file names a gold file of this folder lists (documents, or the files of a name-citation sample)."""
    with open(os.path.join(HERE, name), encoding="utf-8") as f: data = json.load(f)
    entries = data.get("documents") or data.get("sample") if isinstance(data, dict) else data
    return {os.path.basename(e["file"]) for e in entries if "file" in e}


def read_before_check4(root):
    """Every document read for a gold, count or sample file before the fourth check set was drawn: the blind set, the
    three earlier check sets, the files LISTED names, and the texts read while the preamble classes were fixed."""
    excluded = file_names(blind(root)) | file_names(check(root)) | file_names(check2(root)) | file_names(check3(root))
    excluded |= LEFT_OUT | READ_WHILE_FIXING
    for name in LISTED: excluded |= listed(name)
    return excluded


def read_before_check5(root):
    """Every document read for a gold, count or sample file before the fifth check set was drawn: those read before the
    fourth, the fourth check set and the second blind set."""
    from_blind2 = draw(root, 7717, (("78", 4), ("79", 3), ("80", 3)), 8, read_before_check4(root) | listed("check4-gold.json"))
    return read_before_check4(root) | listed("check4-gold.json") | listed("blind2-gold.json") | file_names(from_blind2)


def check5(root):
    return draw(root, 8818, (("78", 5), ("79", 5), ("80", 4)), 10, read_before_check5(root), sc_per_decade=(2, 2, 3, 3, 3, 3))


def read_before_check6(root):
    """Every document read for a gold, count or sample file before the sixth check set was drawn: those read before the
    fifth and the fifth check set."""
    return read_before_check5(root) | listed("check5-gold.json") | file_names(check5(root))


def check6(root):
    return draw(root, 9919, (), 0, read_before_check6(root), sc_per_decade=5)


def read_before_check7(root):
    """Every document read for a gold, count or sample file before the seventh check set was drawn: those read before the
    sixth and the sixth check set."""
    return read_before_check6(root) | listed("check6-gold.json") | file_names(check6(root))
