using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Graph.Extraction.Readers;

/// <summary>
/// The number Word list numbering shows before a paragraph (w:numPr on the paragraph or its style): counters kept
/// per list instance (w:num), a level's counter restarting after a higher level's item, the level's format
/// (decimal, letters, roman numerals) put into its text ("%1.", "(%2)"). The Open XML SDK reads the parts but
/// does not render numbers, so this small part of Word's layout is ours.
/// </summary>
internal sealed class DocxNumbering
{
    private readonly Dictionary<int, NumberingInstance> _instances = [];
    private readonly Dictionary<int, AbstractNum> _abstracts = [];
    private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int?[]> _counters = [];

    public DocxNumbering(Numbering? numbering, Styles? styles)
    {
        foreach (var instance in numbering?.Elements<NumberingInstance>() ?? [])
            if (instance.NumberID?.Value is int id) _instances[id] = instance;
        foreach (var abstractNum in numbering?.Elements<AbstractNum>() ?? [])
            if (abstractNum.AbstractNumberId?.Value is int id) _abstracts[id] = abstractNum;
        foreach (var style in styles?.Elements<Style>() ?? [])
            if (style.StyleId?.Value is { } id) _styles.TryAdd(id, style);
    }

    /// <summary>"1. ", "(a) ", or "" when the paragraph is not in a list (or its list shows no number).</summary>
    public string Prefix(Paragraph paragraph)
    {
        var (numId, ilvl) = ListOf(paragraph);
        if (numId is not int id || id == 0 || !_instances.TryGetValue(id, out var instance)) return "";
        var level = Math.Clamp(ilvl ?? 0, 0, 8);
        var counters = _counters.TryGetValue(id, out var c) ? c : _counters[id] = new int?[9];
        counters[level] = counters[level] is int n ? n + 1 : StartOf(instance, level);
        for (var deeper = level + 1; deeper < 9; deeper++) counters[deeper] = null;
        var definition = LevelOf(instance, level);
        var format = definition?.NumberingFormat?.Val?.Value;
        if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None) return "";
        var text = definition?.LevelText?.Val?.Value ?? $"%{level + 1}.";
        var shown = new System.Text.StringBuilder();
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] == '%' && k + 1 < text.Length && text[k + 1] is >= '1' and <= '9')
            {
                var of = text[k + 1] - '1';
                shown.Append(Format(counters[of] ?? StartOf(instance, of), LevelOf(instance, of)?.NumberingFormat?.Val?.Value));
                k++;
            }
            else shown.Append(text[k]);
        }
        if (shown.Length == 0) return "";
        var suffix = definition?.LevelSuffix?.Val?.Value;
        return shown + (suffix == LevelSuffixValues.Nothing ? "" : " ");
    }

    /// <summary>The paragraph's own w:numPr, else the one its style (or a style it is based on) carries.</summary>
    private (int? NumId, int? Level) ListOf(Paragraph paragraph)
    {
        var own = paragraph.ParagraphProperties?.NumberingProperties;
        int? numId = own?.NumberingId?.Val?.Value;
        int? level = own?.NumberingLevelReference?.Val?.Value;
        var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
        for (var depth = 0; numId is null && styleId is not null && depth < 10 && _styles.TryGetValue(styleId, out var style); depth++)
        {
            var fromStyle = style.StyleParagraphProperties?.NumberingProperties;
            numId = fromStyle?.NumberingId?.Val?.Value;
            level ??= fromStyle?.NumberingLevelReference?.Val?.Value;
            styleId = style.BasedOn?.Val?.Value;
        }
        return (numId, level);
    }

    private Level? LevelOf(NumberingInstance instance, int level)
    {
        var overridden = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level);
        if (overridden?.Level is { } replaced) return replaced;
        var abstractId = instance.AbstractNumId?.Val?.Value;
        return abstractId is int a && _abstracts.TryGetValue(a, out var definition)
            ? definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level)
            : null;
    }

    private int StartOf(NumberingInstance instance, int level)
    {
        var overridden = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level);
        return overridden?.StartOverrideNumberingValue?.Val?.Value ?? LevelOf(instance, level)?.StartNumberingValue?.Val?.Value ?? 1;
    }

    private static string Format(int value, NumberFormatValues? format)
    {
        if (format == NumberFormatValues.LowerLetter) return Letters(value);
        if (format == NumberFormatValues.UpperLetter) return Letters(value).ToUpperInvariant();
        if (format == NumberFormatValues.LowerRoman) return Roman(value).ToLowerInvariant();
        if (format == NumberFormatValues.UpperRoman) return Roman(value);
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Word's letters: a … z, then aa … zz (the letter repeated), as the (a), (b) of sub-paragraphs.</summary>
    private static string Letters(int value)
    {
        if (value < 1) return value.ToString(CultureInfo.InvariantCulture);
        var letter = (char)('a' + (value - 1) % 26);
        return new string(letter, (value - 1) / 26 + 1);
    }

    private static string Roman(int value)
    {
        if (value is < 1 or > 3999) return value.ToString(CultureInfo.InvariantCulture);
        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] numerals = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var sb = new System.Text.StringBuilder();
        for (var k = 0; k < values.Length; k++)
        {
            while (value >= values[k])
            {
                sb.Append(numerals[k]);
                value -= values[k];
            }
        }
        return sb.ToString();
    }
}
