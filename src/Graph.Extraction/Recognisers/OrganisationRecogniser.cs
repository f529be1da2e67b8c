using Graph.Model;

namespace Graph.Extraction.Recognisers;

/// <summary>An organisation named in a text: the gazetteer entry it resolves to (or none), the words used, their span.</summary>
internal sealed record OrganisationMention(string Id, string Name, string AsWritten, SourceSpan Span, GazetteerEntry? Entry);

/// <summary>
/// Organisations, first by the gazetteer (longest name wins, whole words, case as written: "WHO" is not
/// "who"), then by their form: a run of capitalised words ending in a head noun that names an organisation
/// in UN usage ("… Organization", "Office of …", "… Programme", "… Commission", "… Union").
/// </summary>
internal static class OrganisationRecogniser
{
    private static readonly HashSet<string> HeadNouns = new(StringComparer.Ordinal)
    {
        "Organization", "Organisation", "Union", "Agency", "Office", "Department", "Commission", "Programme", "Fund", "Community",
        "Committee", "Secretariat", "Bank", "Court", "Forum", "League", "Association", "Institute", "Centre", "Authority",
        "Council", "Directorate", "Entity", "Board",
    };

    /// <summary>Capitalised words that start a sentence or a title, not an organisation's name.</summary>
    private static readonly HashSet<string> NotNameStarts = new(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Chair", "Chairman", "Chairperson", "Director", "Deputy", "Executive", "Governor", "President", "Member", "Head", "Minister",
        "Secretary", "Clinical", "Vice", "Board", "After", "In", "On", "For", "With", "By", "At", "From", "Under", "During", "The",
        "Mr", "Ms", "Mrs", "Dr", "Aggression", "Centre", "Assembly",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "for", "and", "the", "on", "in", "to" };

    /// <summary>Every ASCII character but A–Z: none of them can open a name (non-ASCII capitals such as "É" still can).</summary>
    private static readonly System.Buffers.SearchValues<char> AsciiOtherThanCapitals =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !char.IsAsciiLetterUpper(c))]);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadNounLookup = HeadNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNameStartLookup = NotNameStarts.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ConnectorLookup = Connectors.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<OrganisationMention> Recognise(string text, int start, int end, Gazetteer gazetteer)
    {
        var mentions = new List<OrganisationMention>();
        var length = end - start;
        var rented = System.Buffers.ArrayPool<bool>.Shared.Rent(length);
        try
        {
            var taken = rented.AsSpan(0, length);
            taken.Clear();
            FindByGazetteer(text, start, end, gazetteer, taken, mentions);
            FindByForm(text, start, end, taken, mentions);
        }
        finally
        {
            System.Buffers.ArrayPool<bool>.Shared.Return(rented);
        }
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return mentions;
    }

    /// <summary>
    /// Gazetteer names, longest first, each read left to right without overlapping its own previous occurrence
    /// nor an earlier (longer) name. The text is scanned once for every name's occurrences, then they are taken
    /// in that order.
    /// </summary>
    private static void FindByGazetteer(string text, int start, int end, Gazetteer gazetteer, Span<bool> taken, List<OrganisationMention> mentions)
    {
        var names = gazetteer.NamesLongestFirst;
        // The thread's list, cleared: a list per paragraph naming an organisation was most of what this step allocated.
        var occurrences = t_occurrences ??= [];
        occurrences.Clear();
        var span = text.AsSpan(0, end);
        var i = start;
        while (i + 1 < end)
        {
            var skip = span[i..].IndexOfAny(gazetteer.FirstCharacters);
            if (skip < 0) break;
            i += skip;
            if (i + 1 >= end) break;
            if (gazetteer.NamesByOpening.TryGetValue(Gazetteer.Opening(text[i], text[i + 1]), out var candidates))
            {
                foreach (var k in candidates)
                {
                    var name = names[k];
                    if (i + name.Length <= end && span.Slice(i, name.Length).SequenceEqual(name)) occurrences.Add((k, i));
                }
            }
            i++;
        }
        if (occurrences.Count == 0) return;
        occurrences.Sort();
        var current = -1;
        var next = start;
        foreach (var (k, at) in occurrences)
        {
            if (k != current) { current = k; next = start; }
            if (at < next) continue;
            var name = names[k];
            var stop = at + name.Length;
            if (IsWordBoundary(text, at - 1) && IsWordBoundary(text, stop) && !Overlaps(taken, at - start, stop - start))
            {
                var entry = gazetteer.Names[name];
                mentions.Add(new OrganisationMention(NodeId(entry), entry.Name, name, new SourceSpan(at, stop), entry));
                taken.Slice(at - start, stop - at).Fill(true);
            }
            next = stop;
        }
    }

    /// <summary>The node id of a gazetteer entry ("org:" and its id), made once per entry and thread: a long text names the same few organisations in most paragraphs.</summary>
    private static string NodeId(GazetteerEntry entry)
    {
        var ids = t_nodeIds ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!ids.TryGetValue(entry.Id, out var id)) ids[entry.Id] = id = "org:" + entry.Id;
        return id;
    }

    [ThreadStatic]
    private static List<(int Name, int At)>? t_occurrences;

    [ThreadStatic]
    private static List<(int Start, int End)>? t_words;

    [ThreadStatic]
    private static Dictionary<string, string>? t_nodeIds;

    private static void FindByForm(string text, int start, int end, Span<bool> taken, List<OrganisationMention> mentions)
    {
        var words = t_words ??= [];
        var i = start;
        while (i < end)
        {
            // Names open with a capital: skip the lower-case words, spaces and punctuation in one vectorised search.
            var skip = text.AsSpan(i, end - i).IndexOfAnyExcept(AsciiOtherThanCapitals);
            if (skip < 0) break;
            i += skip;
            if (!char.IsUpper(text[i]) || !IsWordBoundary(text, i - 1) || taken[i - start]) { i++; continue; }
            // Read a run of capitalised words joined by connectors, no further than a name can reach: each of the run's words
            // opens a run of its own, and a run read to its end made a text of capitalised words ("Operation Operation …")
            // cost the square of its length. A name is shorter than MaxNameLength, so once a word other than a connector ends
            // that far past the name's first word, no word after it changes what is found: a connector there would only be
            // trimmed, and an "and" cutting a second name off could only come after a name already too long. Leading words
            // that cannot open a name get the same reach, which no document of the collections comes near.
            words.Clear();
            var p = i;
            var nameStart = -1;
            while (p < end)
            {
                var ws = p;
                while (p < end && (char.IsLetter(text[p]) || text[p] is '-' or '’' or '\'')) p++;
                if (p == ws) break;
                var word = text.AsSpan(ws, p - ws);
                if (!char.IsUpper(text[ws]) && !ConnectorLookup.Contains(word)) { p = ws; break; }
                if (Overlaps(taken, ws - start, p - start)) { p = ws; break; }
                words.Add((ws, p));
                if (nameStart < 0 && !OpensNoName(word, words.Count - 1)) nameStart = ws;
                if (nameStart < 0 ? p - i >= MaxNameLength : p - nameStart >= MaxNameLength && !ConnectorLookup.Contains(word)) break;
                if (p < end && text[p] == ' ') p++;
                else break;
            }
            // Leading connectors and sentence-opening participles are not part of a name; trailing connectors neither.
            var first = 0;
            while (first < words.Count && OpensNoName(Word(text, words[first]), first)) first++;
            var last = words.Count - 1;
            // "African Development Bank and the Inter-American Development Bank": two names; keep the first here.
            for (var k = first + 1; k < last; k++)
            {
                if (!Word(text, words[k]).SequenceEqual("and")) continue;
                var before = false;
                for (var j = first; j < k; j++) before |= HeadNounLookup.Contains(Word(text, words[j]));
                if (before) { last = k - 1; break; }
            }
            // "Programme of Action" and "Plan of Action" are instruments, not bodies.
            for (var k = first; k + 2 <= last; k++)
            {
                if (Word(text, words[k]) is "Programme" && Word(text, words[k + 1]) is "of" && Word(text, words[k + 2]) is "Action") { last = -1; break; }
            }
            if (last < first || first >= words.Count || NotNameStartLookup.Contains(Word(text, words[first]))) { i = Math.Max(i + 1, words.Count > 0 ? words[0].End : i + 1); continue; }
            while (last > first && ConnectorLookup.Contains(Word(text, words[last]))) last--;
            var hasHead = false;
            for (var k = first; k <= last; k++) hasHead |= HeadNounLookup.Contains(Word(text, words[k]));
            var capitalised = 0;
            for (var k = first; k <= last; k++) if (char.IsUpper(text[words[k].Start])) capitalised++;
            if (hasHead && capitalised >= 2 && last >= first)
            {
                var s = words[first].Start;
                var e = words[last].End;
                if (e - s < MaxNameLength && !text.AsSpan(s, e - s).StartsWith("The ", StringComparison.Ordinal))
                {
                    var name = text[s..e];
                    mentions.Add(new OrganisationMention("org:" + Linking.GraphBuilder.Slug(name), name, name, new SourceSpan(s, e), null));
                    taken.Slice(s - start, e - s).Fill(true);
                }
            }
            i = Math.Max(i + 1, words.Count > 0 ? words[0].End : i + 1);
        }
    }

    /// <summary>The length no name found by its form reaches.</summary>
    private const int MaxNameLength = 120;

    /// <summary>A connector or a participle, or an operative verb as the run's first word: words a name does not open with.</summary>
    private static bool OpensNoName(ReadOnlySpan<char> word, int index) =>
        ConnectorLookup.Contains(word) || word.EndsWith("ing", StringComparison.Ordinal) || (index == 0 && IsSentenceVerb(word));

    private static ReadOnlySpan<char> Word(string text, (int Start, int End) word) => text.AsSpan(word.Start, word.End - word.Start);

    /// <summary>An operative verb opening a paragraph ("Encourages the Secretariat …").</summary>
    private static bool IsSentenceVerb(ReadOnlySpan<char> word) =>
        word.Length > 4 && word[^1] == 's' && !HeadNounLookup.Contains(word) && char.IsUpper(word[0]) && !word.EndsWith("ss", StringComparison.Ordinal)
        && word is not ("Nations" or "States" or "Affairs" or "Rights" or "Operations" or "Services" or "Islands" or "Forces" or "Sciences" or "Studies" or "Relations" or "Consortium" or "Ministers");

    private static bool Overlaps(ReadOnlySpan<bool> taken, int from, int to)
    {
        for (var k = Math.Max(0, from); k < Math.Min(taken.Length, to); k++) if (taken[k]) return true;
        return false;
    }

    private static bool IsWordBoundary(string text, int index) =>
        index < 0 || index >= text.Length || !(char.IsLetterOrDigit(text[index]) || text[index] is '-' or '/');
}
