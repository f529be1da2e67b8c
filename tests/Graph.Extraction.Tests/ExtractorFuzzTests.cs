using System.Text;
using Graph.Model;

namespace Graph.Extraction.Tests;

/// <summary>
/// The extractor against 100,000 seeded inputs: resolutions assembled from the drafting conventions'
/// pieces (mastheads, preambular verbs, numbered operative paragraphs, footnotes, citations, dates,
/// organisations), windows cut from the bundled corpus and mutated, markup (HTML with scripts, Markdown,
/// IGov JSON) and raw bytes. No input may throw, stall past a second, end in a diagnostic that means a
/// reader or recogniser threw (those are caught to save the document, which would otherwise hide the bug),
/// or give a source span outside the document's text.
/// </summary>
public sealed class ExtractorFuzzTests
{
    /// <summary>Diagnostics the extractor writes only when it caught an exception from its own code.</summary>
    private static readonly HashSet<string> CaughtExceptionCodes = ["unreadable", "layout", "recogniser"];

    private static readonly string[] Extensions = [".txt", ".txt", ".txt", ".md", ".html", ".json", ".htm", ""];

    private static readonly string[] Tokens =
    [
        "A/RES/77/13", "S/RES/1631 (2005)", "A/77/L.13", "S/PRST/2010/1", "resolution 64/256 of 2 March 2010", "The General Assembly,",
        "The Security Council,", "Recalling", "Reaffirming", "Requests the Secretary-General to submit a report", "Decides", "1.", "2.", "(a)",
        "(b)", "¹", "²", "³", "\n\n", "\n", "\f", ";", ",", ".", " and ", "African Union", "United Nations Mission in South Sudan",
        "Operation Atalanta", "Agreement on", "signed at Addis Ababa on 31 January 2014", "Seventy-seventh session", "Agenda item 13",
        "<sup>1</sup>", "# ", "## ", "<script>alert(1)</script>", "<p onclick=\"x()\">", "</p>", "&amp;", "&#x3C;", "{", "}", "\"", "[", "]",
        "* * *", "______", "____________________", "22-12345 (E)", "*2212345*", "Distr.: General", "Original: English",
    ];

    private static readonly string[] Verbs =
        ["Recalling", "Reaffirming", "Noting with concern", "Welcoming", "Bearing in mind", "Expressing deep concern", "Taking note of"];

    private static readonly string[] OperativeVerbs =
        ["Requests", "Decides", "Calls upon", "Urges", "Encourages", "Invites", "Welcomes", "Emphasizes", "Decides to remain seized of the matter"];

    private static readonly Lazy<IReadOnlyList<string>> CorpusTexts = new(() =>
        [.. TestData.CorpusDocuments().Where(f => !f.Relative.EndsWith(".pdf", StringComparison.Ordinal))
            .Select(f => File.ReadAllText(Path.Combine(f.Folder, f.Relative)))]);

    [Fact]
    public void HundredThousandGeneratedAndMutatedDocumentsNeverThrowOrStall()
    {
        var extractor = new DocumentExtractor();
        extractor.ExtractText("warm.txt", Resolution(new Random(1)));
        var fuzzer = new Fuzzer<(string Name, byte[] Bytes)>(seed: 20260514, Generate, Describe);
        var report = fuzzer.Run(input => Check(input.Name, input.Bytes, extractor.Extract(input.Name, input.Bytes)));
        TestContext.Current.TestOutputHelper?.WriteLine($"extractor: {report}");
        Assert.Equal(fuzzer.Inputs, report.Tried);
    }

    private static void Check(string name, byte[] bytes, GraphDocument document)
    {
        var caught = document.Diagnostics.FirstOrDefault(d => CaughtExceptionCodes.Contains(d.Code));
        Assert.True(caught is null, $"{name}: the extractor caught an exception of its own: {caught}");
        foreach (var node in document.Nodes) CheckSpan(document, node.Id, node.Properties);
        foreach (var relationship in document.Relationships) CheckSpan(document, relationship.Id, relationship.Properties);
        _ = bytes;
    }

    private static void CheckSpan(GraphDocument document, string id, IReadOnlyDictionary<string, object?> properties)
    {
        if (properties.TryGetValue(PropertyNames.SpanStart, out var start) && properties.TryGetValue(PropertyNames.SpanEnd, out var end)
            && start is long s && end is long e)
        {
            Assert.True(0 <= s && s <= e && e <= document.Text.Length, $"{id}: span [{s}, {e}) outside the text of {document.Text.Length} chars");
        }
    }

    private static (string, byte[]) Generate(Random random)
    {
        var extension = Extensions[random.Next(Extensions.Length)];
        var name = random.Next(4) == 0 ? $"A_RES_{random.Next(100)}_{random.Next(400)}{extension}" : $"input{extension}";
        var text = random.Next(10) switch
        {
            < 4 => Mutate.Text(random, Window(random), Tokens),
            < 7 => Mutate.Text(random, Resolution(random), Tokens),
            7 => Markup(random, extension),
            8 => Pieces(random),
            _ => null,
        };
        if (text is null)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            return (name, bytes);
        }
        var encoded = random.Next(20) switch
        {
            0 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            1 => Encoding.Latin1.GetBytes(text),
            _ => Encoding.UTF8.GetBytes(text),
        };
        return (name, encoded);
    }

    /// <summary>A window of 100–1,500 characters of a real corpus document.</summary>
    private static string Window(Random random)
    {
        var texts = CorpusTexts.Value;
        var text = texts[random.Next(texts.Count)];
        var length = Math.Min(text.Length, 100 + random.Next(1400));
        var start = random.Next(text.Length - length + 1);
        return text.Substring(start, length);
    }

    private static string Resolution(Random random)
    {
        var builder = new StringBuilder();
        var session = 40 + random.Next(40);
        builder.Append($"United Nations A/RES/{session}/{1 + random.Next(300)}\n\nGeneral Assembly Distr.: General\n{1 + random.Next(28)} December {1945 + session}\n\n");
        builder.Append($"Resolution adopted by the General Assembly on {1 + random.Next(28)} December {1945 + session}\n\n");
        builder.Append($"{session}/{1 + random.Next(300)}. {Tokens[random.Next(Tokens.Length)]}\n\nThe General Assembly,\n\n");
        for (var i = random.Next(6); i > 0; i--)
            builder.Append($"{Verbs[random.Next(Verbs.Length)]} its resolution {random.Next(50, 80)}/{random.Next(1, 300)} of {1 + random.Next(28)} March {2000 + random.Next(25)},{(random.Next(3) == 0 ? "¹" : "")}\n\n");
        for (var n = 1; n <= 1 + random.Next(8); n++)
        {
            builder.Append($"{n}. {OperativeVerbs[random.Next(OperativeVerbs.Length)]} the {Tokens[random.Next(Tokens.Length)]} S/RES/{1000 + random.Next(1700)} ({1990 + random.Next(35)});\n\n");
            if (random.Next(4) == 0) builder.Append("(a) to report on A/77/277-S/2022/606;\n(b) and the African Union;\n\n");
        }
        if (random.Next(2) == 0) builder.Append("__________________\n¹ A/71/160 and Add.1.\n² See Official Records of the General Assembly, Seventy-first Session, Supplement No. 49 (A/71/49).\n");
        return builder.ToString();
    }

    private static string Markup(Random random, string extension)
    {
        var body = Resolution(random);
        return extension switch
        {
            ".html" or ".htm" => $"<!DOCTYPE html><html><head><title>A/RES/77/13<script>alert('t')</script></title></head><body onload=\"steal()\"><p>{body.Replace("\n\n", "</p><p>", StringComparison.Ordinal)}</p><img src=x onerror=alert(1)><script>document.write('<p>')</script></body></html>",
            ".json" => $"{{\"ED_DecisionNumber\": \"{random.Next(100)}/{random.Next(400)}\", \"ED_Title\": {System.Text.Json.JsonSerializer.Serialize(body[..Math.Min(body.Length, random.Next(400))])}, \"ED_Session\": {random.Next(-5, 90)}}}",
            _ => $"---\nsymbol: A/RES/{random.Next(100)}/{random.Next(400)}\ntitle: <script>x</script>\n---\n# Heading\n## Sub\n{body.Replace("¹", "<sup>1</sup>", StringComparison.Ordinal)}[link](http://example.org)",
        };
    }

    private static string Pieces(Random random)
    {
        var builder = new StringBuilder();
        for (var i = 2 + random.Next(60); i > 0; i--)
            builder.Append(random.Next(4) == 0 ? Mutate.Unusual[random.Next(Mutate.Unusual.Length)] : Tokens[random.Next(Tokens.Length)]);
        return builder.ToString();
    }

    private static string Describe((string Name, byte[] Bytes) input) =>
        $"{input.Name} ({input.Bytes.Length} bytes): {Mutate.Escape(Encoding.UTF8.GetString(input.Bytes))}";
}
