# The strata and seeded draw that the gold sets share (blind-draw.py, check-draw.py, check2-draw.py, check3-draw.py):
# two Security Council resolutions per decade, General Assembly resolutions of the 78th to 80th sessions, and drafts; each set
# after the first leaves out the documents of the sets drawn before it.
import os, random

SC_DECADES = ("194", "195", "196", "197", "198", "199")
LEFT_OUT = {"A_RES_79_10.txt"}


def draw(root, seed, ga_per_session, drafts, excluded, sc_per_decade=2):
    """The drawn files as "folder/name", in draw order."""
    strata = [("sc-resolutions", d, sc_per_decade) for d in SC_DECADES] + \
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
