# A gold-free probe of the operative verbs that reads differently from the extractor: a deliberately simple reader of the
# raw texts finds the numbered paragraphs ("1. Decides …", "12. Further requests …", a number on its own line, "7, Again
# calls for" where the scan turned the full stop into a comma) and reads each one's opening phrase as the gold sets write
# it: leading adverbs, the verb, a following 'also', 'further', 'again', 'once again' or 'once more', and the particle of
# 'Calls upon/for/on', 'Takes note', 'Takes into account' and 'Looks forward'. It then lines each numbered paragraph up
# with the extractor's operative paragraph of the same number (the n-th of that number with the n-th) and lists where the
# two disagree, by class: the extractor's verb a cut of the simple reading, another first word, another later word, a
# number the extractor lacks or holds more often than the text, and an operative paragraph where the simple reader sees
# no verb. Either side may be wrong: the list is where to look. The blind sets' documents are left out of everything.
# Usage: graph extract ../shared/un-documents -q -o all.json && python3 graph/eval/verb-probe.py all.json ../shared/un-documents [-v] [--class NAME]
import collections, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
graph, root = sys.argv[1], sys.argv[2]
verbose = "-v" in sys.argv[3:]
only = sys.argv[sys.argv.index("--class") + 1] if "--class" in sys.argv else None


def blind_files():
    """The blind sets' files, which the probe never reads."""
    files = set()
    for script in ("blind-draw.py", "blind2-draw.py"):
        out = subprocess.run([sys.executable, os.path.join(HERE, script), root], capture_output=True, text=True, check=True).stdout
        files |= {line.strip() for line in out.splitlines() if line.strip()}
    return files


# A numbered paragraph: the number at a line's start, a full stop (or the comma a scan made of it), then the paragraph's
# first words, on the same line or the next one.
NUMBERED = re.compile(r"(?m)^[ \t\f]*(\d{1,3})[ \t]*[.,](?:[ \t]+|[ \t]*\n[ \t\f]*(?:\n[ \t\f]*)?)(?=[A-Z])")
# A number alone on its line, its full stop lost ("25" above "Condemns without reservation"): taken only where a verb follows,
# since a page number stands alone too.
BARE_NUMBER = re.compile(r"(?m)^[ \t\f]*(\d{1,3})[ \t]*\n[ \t\f]*(?=[A-Z])")
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
FOLLOWERS = ("also", "further", "again")
PARTICLES = {"calls": (("upon",), ("for",), ("on",)), "takes": (("note",), ("into", "account")), "looks": (("forward",),)}
# Capitalised words ending in -s that open a paragraph without being a verb.
NOT_VERBS = {"this", "its", "his", "has", "was", "is", "as", "thus", "as", "us", "states", "members", "parties", "nations",
             "countries", "governments", "is", "the", "this", "those", "these", "others"}


MODALS = {"should", "shall", "may", "must", "will", "are", "were", "have", "can", "could", "would"}


def looks_verb(word):
    w = word.lower()
    return len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in NOT_VERBS


def looks_adverb(word):
    w = word.lower()
    return (w.endswith("ly") and len(w) > 4) or w in ("also", "further", "again", "once")


def opening_phrase(words):
    """The opening phrase the gold conventions keep, or None where the words do not open with a verb."""
    phrase, i = [], 0
    while i < len(words) and looks_adverb(words[i]) and not looks_verb(words[i]):
        if words[i].lower() == "once" and i + 1 < len(words) and words[i + 1].lower() in ("again", "more"):
            phrase += words[i:i + 2]; i += 2
        else:
            phrase.append(words[i]); i += 1
    if i >= len(words) or not looks_verb(words[i]) or not (words[i][0].isupper() or phrase):
        return None
    # "Businesses should provide", "Requests shall be made": a plural noun before its verb, in an annex's guidelines.
    if i + 1 < len(words) and words[i + 1].lower() in MODALS: return None
    verb = words[i]; phrase.append(verb); i += 1
    while i < len(words):
        w = words[i].lower()
        if w in FOLLOWERS: phrase.append(words[i]); i += 1
        elif w == "once" and i + 1 < len(words) and words[i + 1].lower() in ("again", "more"): phrase += words[i:i + 2]; i += 2
        else: break
    for particle in PARTICLES.get(verb.lower(), ()):
        if [w.lower() for w in words[i:i + len(particle)]] == list(particle):
            phrase += words[i:i + len(particle)]; break
    return " ".join(phrase)


def simple_readings(text):
    """Each numbered paragraph of the text as (number, opening phrase or None, first words), in order."""
    found = []
    for pattern in (NUMBERED, BARE_NUMBER):
        for m in pattern.finditer(text):
            words = WORD.findall(text[m.end():m.end() + 160])[:40]
            phrase = opening_phrase(words[:8])
            if pattern is NUMBERED or phrase: found.append((m.start(), m[1], phrase, words))
    return [(number, phrase, words) for _, number, phrase, words in sorted(found)]


def opens(actual, gold):
    a, g = actual.lower().split(), gold.lower().split()
    return len(a) >= len(g) and a[:len(g)] == g


data = json.load(open(graph, encoding="utf-8"))
operatives = collections.defaultdict(list)
for n in data["nodes"]:
    p = n["properties"]
    if n["labels"] == ["Paragraph"] and p.get("kind") == "operative" and (p.get("number") or "").isdigit():
        operatives[p["source"]].append((p.get("ordinal", 0), p["number"], p.get("verb") or "", p.get("text", "")[:80]))
manifest = json.load(open(os.path.join(root, "manifest.json"), encoding="utf-8"))["documents"]
skipped = blind_files()
classes = collections.defaultdict(list)
compared = documents = misnamed = 0
sources = {n["properties"]["source"] for n in data["nodes"] if n["labels"] == ["Paragraph"]}
for symbol, entry in sorted(manifest.items(), key=lambda kv: kv[1]["file"]):
    if entry["file"] in skipped: continue
    # A file that holds another resolution than its name says (S_RES_0542_1983 holds 538 (1983)) is named by its heading.
    if symbol not in sources: misnamed += 1; continue
    text = open(os.path.join(root, entry["file"]), encoding="utf-8", errors="replace").read()
    documents += 1
    readings = collections.defaultdict(list)
    for number, phrase, words in simple_readings(text): readings[number].append((phrase, words))
    extracted = collections.defaultdict(list)
    for _, number, verb, start in sorted(operatives.get(symbol, [])): extracted[number].append((verb, start))
    # Only a document the extractor found an operative part in, or whose text shows numbered verbs, is compared.
    if not extracted and not any(p for r in readings.values() for p, _ in r): continue
    # A text with no numbered paragraph has one unnumbered operative paragraph, which the extractor numbers 1.
    if not readings: continue
    for number in sorted(set(readings) | set(extracted), key=int):
        verbs = [r for r in readings.get(number, []) if r[0]]
        others = [r for r in readings.get(number, []) if not r[0]]
        got = extracted.get(number, [])
        where = f"{symbol} {number}."
        if not got:
            for phrase, words in verbs: classes["number missing"].append(f"{where} '{phrase}' ({' '.join(words[:8])})")
            continue
        for k, (verb, start) in enumerate(got):
            if k >= len(verbs):
                if others:
                    words = others[min(k - len(verbs), len(others) - 1)][1]
                    if opens(" ".join(words), verb) and not verb.lower().endswith("ing"): compared += 1; continue
                    # "Acting under Chapter VII …, authorizes", "Pending the total elimination …, urges": the verb after the opening.
                    cls = "verb after an opening phrase" if verb and verb.split()[0].lower() in (w.lower() for w in words[1:]) else "no verb read here"
                    classes[cls].append(f"{where} extractor '{verb}', text '{' '.join(words[:8])}'")
                elif number not in readings: classes["number the text lacks"].append(f"{where} extractor '{verb}' ({start})")
                else: classes["number more often than in the text"].append(f"{where} extractor '{verb}' ({start})")
                continue
            phrase, words = verbs[k]
            words = " ".join(words[:8])
            compared += 1
            if opens(verb, phrase): continue
            if phrase.lower().startswith(verb.lower() + " ") and verb: cls = "cut"
            elif not verb or verb.split()[0].lower() != phrase.split()[0].lower(): cls = "first word"
            else: cls = "later word"
            classes[cls].append(f"{where} extractor '{verb}', simple '{phrase}' ({words})")

disagree = sum(len(v) for v in classes.values())
print(f"verb probe: {disagree} disagreements over {compared} numbered paragraphs read alike by number, {documents} documents "
      f"(blind sets left out, {misnamed} files holding another resolution than their name)")
for name, items in sorted(classes.items(), key=lambda kv: -len(kv[1])):
    print(f"  {name}: {len(items)}")
    if verbose and (only is None or only == name):
        for item in items: print(f"    {item}")
