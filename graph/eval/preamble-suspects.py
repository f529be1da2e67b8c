# Gold-free checks of preambular paragraphs, one count of suspects per class and collection, over the JSON that
# `graph extract <folder> --out <file>.json` writes for each collection: a paragraph that opens with a word no preamble
# in the collection opens with five times or more ("opening"), ends on a word or a closing bracket ("end-open") or a full
# stop or semicolon ("end-stop"), is short and unpunctuated like a heading ("heading-like"), opens with a section's numeral
# ("numeral-open") or an old-style footnote mark ("old-mark"), holds a second opening after a comma ("joined"), and any
# paragraph that is only a number ("bare-number").
# The blind set's documents (blind-gold.json beside this script) are left out: nobody reads their paragraphs while tuning.
# Usage: python3 preamble-suspects.py <collection.json>... [--show CLASS [N]]
import collections, json, os, re, sys

args = sys.argv[1:]
show, count = None, 8
if "--show" in args:
    i = args.index("--show")
    show = args[i + 1]
    if i + 2 < len(args): count = int(args[i + 2])
    args = args[:i]
OPENINGS = ("Recalling|Noting|Welcoming|Reaffirming|Recognizing|Emphasizing|Stressing|Expressing|Bearing|Taking|Having|Mindful|"
            "Deeply|Convinced|Concerned|Acknowledging|Underlining|Affirming|Considering|Reiterating|Guided|Aware|Conscious|Determined|"
            "Alarmed|Encouraged|Believing|Highlighting|Underscoring|Commending|Appreciating|Desirous|Gravely|Seriously|Regretting|"
            "Deploring|Condemning")
JOINED = re.compile(r"[,;]\s+(?:" + OPENINGS + r")(?:\s+(?:also|further|with|that|its|in|the|moreover))?\s")


def first_word(text):
    m = re.match(r"[\W_]*([A-Za-z][\w'-]*)", text)
    return m.group(1) if m else ""


with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "blind-gold.json"), encoding="utf-8") as f:
    BLIND = {d["symbol"] for d in json.load(f)["documents"]}
collections_ = {}
for path in args:
    with open(path, encoding="utf-8") as f: data = json.load(f)
    documents = collections.defaultdict(list)
    for node in data["nodes"]:
        if "Paragraph" in node["labels"] and node["properties"]["source"] not in BLIND: documents[node["properties"]["source"]].append(node["properties"])
    collections_[path] = documents
firsts = collections.Counter(first_word(p["text"]) for docs in collections_.values() for ps in docs.values() for p in ps if p["kind"] == "preambular")
common = {w for w, n in firsts.items() if n >= 5}
found = collections.OrderedDict((c, {k: [] for k in collections_}) for c in
                                ("opening", "end-open", "end-stop", "heading-like", "numeral-open", "old-mark", "joined", "bare-number"))
for name, documents in collections_.items():
    for doc, paragraphs in documents.items():
        for p in sorted(paragraphs, key=lambda p: p["ordinal"]):
            text = p["text"]
            add = lambda cls: found[cls][name].append((doc, p["ordinal"], text[:150]))
            if p["kind"] in ("operative", "preambular", "text", "annex") and re.fullmatch(r"\d+/?", text.strip()): add("bare-number")
            if p["kind"] != "preambular": continue
            if first_word(text) not in common: add("opening")
            if text and text[-1] in ".;": add("end-stop")
            elif text and (text[-1].isalnum() or text[-1] in ")”\"'") and not text[-1].isdigit(): add("end-open")
            if len(text) < 100 and not text.endswith((",", ";", ".", ":")): add("heading-like")
            if re.match(r"^(?:[IVXL]+|[A-Z])\.?\s", text): add("numeral-open")
            if re.match(r"^\d+/", text): add("old-mark")
            if JOINED.search(text): add("joined")
print("class".ljust(14), " ".join(n.split("/")[-1].rjust(24) for n in collections_))
for cls, per in found.items(): print(cls.ljust(14), " ".join(str(len(per[n])).rjust(24) for n in collections_))
if show:
    for name in collections_:
        for item in found[show][name][:count]: print(name.split("/")[-1], *item, sep=" | ")
