# Seeded draw of the third paragraph-count set (paragraph-counts-3.json) from shared/un-documents: General Assembly
# resolutions of the 78th to 80th sessions whose preamble holds a sub-heading (a short line standing alone between blank
# lines, without final punctuation, opening with no preambular participle, before paragraph 1), the blind set, the three
# check sets, the gold set, both earlier paragraph-count sets and the texts read while the classes this set measures were
# fixed left out.
# Usage: python3 counts3-draw.py <path to shared/un-documents>
import os, random, re, sys
from stratified_draw import LEFT_OUT, READ_WHILE_FIXING, blind, check, check2, check3, file_names, listed

OPENER = re.compile(r"^[A-Z][a-z-]+(ing|ed|ful|ous|ent|ant|ive|ly)\b|^(Whereas|Aware|Also|Further|Mindful)\b")

def has_preamble_subheading(path):
    """A short line alone between blank lines, without final punctuation and no preambular opening, before paragraph 1."""
    with open(path, encoding="utf-8", errors="replace") as f: lines = [l.strip() for l in f]
    try: start = next(i for i, l in enumerate(lines) if l.startswith("The General Assembly"))
    except StopIteration: return False
    for i in range(start + 1, len(lines) - 1):
        line = lines[i]
        # Paragraph 1, or the closing line of a resolution that has none before its annex.
        if re.match(r"^1\.", line) or "plenary meeting" in line: return False
        if (3 < len(line) < 80 and not lines[i - 1] and not lines[i + 1] and line[-1] not in ",;.:" and line[0].isupper()
                and not OPENER.match(line) and not re.search(r"\d{2}-\d{5}|A/RES/|^\d+/\d+$", line)):
            return True
    return False


root = sys.argv[1]
excluded = file_names(blind(root)) | file_names(check(root)) | file_names(check2(root)) | file_names(check3(root)) | LEFT_OUT | READ_WHILE_FIXING
for name in ("gold.json", "paragraph-counts.json", "paragraph-counts-2.json"): excluded |= listed(name)
folder = os.path.join(root, "ga-resolutions")
candidates = sorted(f for f in os.listdir(folder) if f not in excluded and f.split("_")[2] in ("78", "79", "80")
                    and has_preamble_subheading(os.path.join(folder, f)))
print(f"# {len(candidates)} candidates", file=sys.stderr)
print("\n".join(f"ga-resolutions/{f}" for f in random.Random(5616).sample(candidates, min(6, len(candidates)))))
