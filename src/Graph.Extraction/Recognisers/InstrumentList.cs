using System.Buffers;
using Graph.Model.Symbols;

namespace Graph.Extraction.Recognisers;

/// <summary>One accepted name of a listed instrument and the document that adopted or contains it.</summary>
internal sealed record InstrumentName(string Name, DocumentSymbol Symbol);

/// <summary>
/// Instruments whose names are unambiguous (graph/lexicon/instruments.tsv, compiled in): "the 2030 Agenda for
/// Sustainable Development" is resolution 70/1 wherever a text names it, footnote or not. Read once per process.
/// </summary>
internal sealed class InstrumentList
{
    private static readonly Lazy<InstrumentList> LazyDefault = new(LoadDefault);

    /// <summary>Where the names start: a mention is looked for only where one of these words stands.</summary>
    private readonly SearchValues<string> _firstWords;

    private readonly Dictionary<string, InstrumentName[]> _byFirstWord;

    private readonly Dictionary<string, InstrumentName[]>.AlternateLookup<ReadOnlySpan<char>> _byFirstWordSpan;

    public InstrumentList(IEnumerable<InstrumentName> names)
    {
        Names = [.. names.OrderByDescending(n => n.Name.Length).ThenBy(n => n.Name, StringComparer.Ordinal)];
        // Longest first within each first word, so that "Sendai Framework for Disaster Risk Reduction" is tried before "Sendai Framework".
        _byFirstWord = Names.GroupBy(n => FirstWord(n.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _byFirstWordSpan = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWords = SearchValues.Create([.. _byFirstWord.Keys], StringComparison.Ordinal);
    }

    public static InstrumentList Default => LazyDefault.Value;

    public IReadOnlyList<InstrumentName> Names { get; }

    /// <summary>
    /// Each listed name in <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>, leftmost
    /// first and the longest where several start at one word, as (start, end, name) in the text: a space of a name
    /// matches any run of spaces and line breaks, a dash any dash with spaces after it ("2015– 2030"), and a name must
    /// stand as whole words. Most paragraphs name none: for them no list is made.
    /// </summary>
    public IReadOnlyList<(int Start, int End, InstrumentName Name)> Find(string text, int start, int end)
    {
        List<(int, int, InstrumentName)>? found = null;
        var from = start;
        while (from < end)
        {
            var at = text.AsSpan(from, end - from).IndexOfAny(_firstWords);
            if (at < 0) break;
            at += from;
            var (nameEnd, name) = (-1, (InstrumentName?)null);
            if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
            {
                var wordEnd = at;
                while (wordEnd < end && !IsSpace(text[wordEnd])) wordEnd++;
                if (_byFirstWordSpan.TryGetValue(text.AsSpan(at, wordEnd - at), out var candidates))
                {
                    foreach (var candidate in candidates)
                    {
                        nameEnd = MatchAt(text, at, end, candidate.Name);
                        if (nameEnd >= 0) { name = candidate; break; }
                    }
                }
            }
            if (name is not null)
            {
                (found ??= []).Add((at, nameEnd, name));
                from = nameEnd;
            }
            else from = at + 1;
        }
        if (found is null) return [];
        return found;
    }

    /// <summary>Where <paramref name="name"/> ends if it stands at <paramref name="at"/> of <paramref name="text"/> (read up to <paramref name="end"/>) as whole words, else -1.</summary>
    internal static int MatchAt(string text, int at, int end, string name)
    {
        var p = at;
        for (var k = 0; k < name.Length; k++)
        {
            var c = name[k];
            if (c == ' ')
            {
                if (p >= end || !IsSpace(text[p])) return -1;
                while (p < end && IsSpace(text[p])) p++;
                continue;
            }
            if (p >= end) return -1;
            if (IsDash(c))
            {
                if (!IsDash(text[p])) return -1;
                p++;
                // A dash at a line's end ("2015–\n2030", "Two- State"): the words go on after the break.
                while (p < end && IsSpace(text[p])) p++;
                continue;
            }
            if (text[p] != c) return -1;
            p++;
        }
        return p < end && char.IsLetterOrDigit(text[p]) ? -1 : p;
    }

    private static bool IsSpace(char c) => c is ' ' or '\n' or '\r' or '\t' or '\u00A0';

    private static bool IsDash(char c) => c is '-' or '–' or '‑' or '—';

    private static string FirstWord(string name) => name.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? name[..space] : name;

    /// <summary>Reads the list: "#" comment lines, a header, then symbol, names separated by " | ", and a source, tab-separated.</summary>
    public static InstrumentList Load(TextReader reader, string origin)
    {
        var names = new List<InstrumentName>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var header = false;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var columns = line.Split('\t');
            if (!header)
            {
                if (columns is not ["symbol", "names", "source"]) throw new InvalidDataException($"{origin}:{number}: expected the header 'symbol<TAB>names<TAB>source', found '{line}'");
                header = true;
                continue;
            }
            if (columns.Length != 3 || columns.Any(string.IsNullOrWhiteSpace))
                throw new InvalidDataException($"{origin}:{number}: expected three tab-separated columns (symbol, names, source), found '{line}'");
            var symbol = AsStored(columns[0])
                ?? throw new InvalidDataException($"{origin}:{number}: '{columns[0]}' is not a document symbol as the store spells it");
            foreach (var name in columns[1].Split(" | ", StringSplitOptions.TrimEntries))
            {
                if (!name.Contains(' ', StringComparison.Ordinal)) throw new InvalidDataException($"{origin}:{number}: '{name}' is one word; a listed name has several");
                if (seen.TryGetValue(name, out var other)) throw new InvalidDataException($"{origin}:{number}: '{name}' is listed for {other} already");
                seen[name] = symbol.Canonical;
                names.Add(new InstrumentName(name, symbol));
            }
        }
        if (!header) throw new InvalidDataException($"{origin}: no header line 'symbol<TAB>names<TAB>source'");
        return new InstrumentList(names);
    }

    /// <summary>
    /// The symbol, if the symbol grammar reads <paramref name="written"/> as itself: as written ("A/CONF.157/24") or, for an
    /// Assembly resolution of the first sessions, as the texts cite it ("resolution 217 A (III)" is A/RES/217 A (III)).
    /// </summary>
    private static DocumentSymbol? AsStored(string written)
    {
        if (DocumentSymbol.TryParse(written, out var symbol) && symbol.Canonical == written) return symbol;
        if (!written.StartsWith("A/RES/", StringComparison.Ordinal)) return null;
        var cited = "resolution " + written["A/RES/".Length..];
        var matches = SymbolScanner.Scan(cited, SymbolContext.None);
        return matches.Count == 1 && matches[0].Symbol.Canonical == written && matches[0].End == cited.Length ? matches[0].Symbol : null;
    }

    private static InstrumentList LoadDefault()
    {
        using var stream = typeof(InstrumentList).Assembly.GetManifestResourceStream("Graph.Extraction.instruments.tsv")
            ?? throw new InvalidOperationException("The instrument list resource is missing from the build.");
        using var reader = new StreamReader(stream);
        return Load(reader, "graph/lexicon/instruments.tsv");
    }
}
