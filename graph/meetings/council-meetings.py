# Writes council-meetings.tsv, the Security Council's meetings as the collection dates them: for each Council document of
# one or more `graph extract` outputs that states its meeting and its date, the date, the meeting's number and the document.
# The Council numbers its meetings in one series since 1946, so the numbers rise with the date; a number the series
# contradicts is a misprint or a scan's damage, not a meeting, and is left out: the rows kept are the longest run in which
# the number never falls as the date rises (a longest non-decreasing subsequence), and the rows left out are printed to
# stderr to be read. A meeting the extractor already repaired against this table (its ADOPTED_AT carries `printedNumber`)
# is no evidence for it and is left out too.
# Usage: python3 council-meetings.py [--exclude LIST] EXTRACT.json... > council-meetings.tsv
# LIST holds documents to leave out, one a line, as file names (sc-resolutions/S_RES_0059_1948_EN_GOLD.txt) or symbols.
# The table was written so, from the extractor before it read meetings against the table:
#   graph extract ../shared/un-documents -q -o ud.json; graph extract ../shared/corpus -q -o corpus.json
#   python3 graph/eval/blind-draw.py ../shared/un-documents > blind.txt; python3 graph/eval/blind2-draw.py ../shared/un-documents >> blind.txt
#   python3 graph/meetings/council-meetings.py --exclude blind.txt ud.json corpus.json > graph/meetings/council-meetings.tsv
# (the blind sets' documents are left out because nobody reads their extraction). Rows left out then, each read against its
# text: 424 of S/RES/89 (1950), 1536 of S/RES/278 (1970) (the meeting is right, the day misprinted: adopted on 11 May, "of
# 21 May"), 1364 of S/RES/291 (1970), 838 and 1338 of S/RES/372 and 373 (1975), 18522 of S/RES/379 (1975), 23111 of
# S/RES/493 (1981), 2773 of S/RES/588 (1986), 2491 of S/RES/668 (1990).
import bisect, json, re, sys

def excluded_symbols(path):
    symbols = set()
    for line in open(path, encoding="utf-8"):
        name = line.strip().split("/")[-1]
        if not name: continue
        council = re.match(r"S_RES_0*(\d+)_(\d{4})", name)
        symbols.add(f"S/RES/{council[1]} ({council[2]})" if council else name.removesuffix(".txt").replace("_", "/"))
    return symbols

def dated_meetings(path, excluded):
    graph = json.load(open(path, encoding="utf-8"))
    nodes = {n["id"]: n["properties"] for n in graph["nodes"]}
    for r in graph["relationships"]:
        document = r["start"]
        if r["type"] != "ADOPTED_AT" or not document.startswith("S/") or document in excluded: continue
        if "printedNumber" in r["properties"]: continue
        date = nodes[document].get("adoptionDate")
        if date: yield date, nodes[r["end"]]["number"], document

def longest_rising(rows):
    """The longest subsequence of rows (sorted by date) whose meeting numbers never fall."""
    tails, tail_at, before = [], [], [None] * len(rows)
    for i, (_, number, _) in enumerate(rows):
        k = bisect.bisect_right(tails, number)
        before[i] = tail_at[k - 1] if k else None
        if k == len(tails): tails.append(number); tail_at.append(i)
        else: tails[k] = number; tail_at[k] = i
    kept, i = set(), tail_at[-1] if tail_at else None
    while i is not None: kept.add(i); i = before[i]
    return kept

args = sys.argv[1:]
excluded = set()
if args[:1] == ["--exclude"]: excluded, args = excluded_symbols(args[1]), args[2:]
rows = sorted({row for path in args for row in dated_meetings(path, excluded)})
kept = longest_rising(rows)
print("# The Security Council's meetings as the collection (shared/un-documents and shared/corpus) dates them, written by")
print("# council-meetings.py (see there for how): date, meeting number, the document that states both; rows the series")
print("# contradicts left out. The extractor reads a Council meeting's number against the rows dated before and after it")
print("# (CouncilMeetingSequence). Computed, not typed: regenerate rather than edit.")
print("date\tmeeting\tdocument")
for i, (date, number, document) in enumerate(rows):
    if i in kept: print(f"{date}\t{number}\t{document}")
    else: print(f"left out: {date} {number} {document}", file=sys.stderr)
