using System.Globalization;
using System.Text;

namespace Graph.Cli.Bench;

/// <summary>
/// Shapes of text that no document has but an input can, each of which once made a step of extraction read back to the
/// start of its paragraph or run for every symbol or word, so that time grew with the square of the input.
/// </summary>
internal enum HostileShape
{
    /// <summary>One line of "Recalling resolution 70/1 and ": a paragraph of as many citations as the text has room for.</summary>
    OneLine,

    /// <summary>"Operation " over and over: a run of capitalised words as long as the text.</summary>
    Operation,

    /// <summary>"1. Requests " and then "A/RES/70/1, " over and over: one operative paragraph of symbols.</summary>
    Symbols,

    /// <summary>"Economic and Social Council resolutions 2019/15, " over and over: the Council's name before every citation.</summary>
    Ecosoc,

    /// <summary>A paragraph calling footnote 1, a rule, then footnote lines "n See A/78/n." numbered on and on.</summary>
    Footnotes,

    /// <summary>Old-style footnote lines, "n/ Ibid., documents S/n and Add.1.", with no rule above them.</summary>
    Ibid,

    /// <summary>"1. Decides:" and then sub-paragraphs "(a) To;" over and over.</summary>
    Letters,

    /// <summary>
    /// "1. Welcomes " and then "the memorandum of understanding between UNDP and UNICEF of 1 January 2020, " over and over:
    /// one paragraph naming an agreement and its two parties every 75 bytes.
    /// </summary>
    Agreements,

    /// <summary>An HTML page of "&lt;p&gt;x&lt;/p&gt;" over and over: an element and a text node for every eight bytes.</summary>
    HtmlParagraphs,

    /// <summary>An HTML page of one paragraph of "&lt;span&gt;x&lt;/span&gt;" over and over: the children of one element without end.</summary>
    HtmlSpans,

    /// <summary>
    /// An HTML page as a word processor saves a resolution: each line of an operative paragraph a styled &lt;span&gt;
    /// in its &lt;p class=MsoNormal&gt;, the verb in &lt;i&gt;, a footnote mark in &lt;sup&gt;, over and over.
    /// </summary>
    HtmlPage,
}

/// <summary>The texts of <see cref="HostileShape"/>: the masthead of a resolution, then the shape repeated to the size asked.</summary>
internal static class HostileText
{
    private const string Masthead = "United Nations\nA/RES/99/1\nGeneral Assembly\n\nThe General Assembly,\n\n";

    public static string Make(HostileShape shape, long bytes)
    {
        if (shape is HostileShape.HtmlParagraphs or HostileShape.HtmlSpans or HostileShape.HtmlPage) return Html(shape, bytes);
        var sb = new StringBuilder((int)Math.Min(int.MaxValue / 2, bytes + 4096)).Append(Masthead);
        sb.Append(shape switch
        {
            HostileShape.Symbols => "1. Requests ",
            HostileShape.Footnotes => "1. Requests the report,1\n__________________\n",
            HostileShape.Letters => "1. Decides:\n",
            HostileShape.Agreements => "1. Welcomes ",
            _ => "",
        });
        for (var n = 1; sb.Length < bytes; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            _ = shape switch
            {
                HostileShape.OneLine => sb.Append("Recalling resolution 70/1 and "),
                HostileShape.Operation => sb.Append("Operation "),
                HostileShape.Symbols => sb.Append("A/RES/70/1, "),
                HostileShape.Ecosoc => sb.Append("Economic and Social Council resolutions 2019/15, "),
                HostileShape.Footnotes => sb.Append(number).Append(" See A/78/").Append(number).Append(".\n"),
                HostileShape.Ibid => sb.Append(number).Append("/ Ibid., documents S/").Append(number).Append(" and Add.1.\n"),
                HostileShape.Letters => sb.Append("(a) To;\n"),
                HostileShape.Agreements => sb.Append("the memorandum of understanding between UNDP and UNICEF of 1 January 2020, "),
                _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
            };
        }
        return sb.ToString();
    }

    /// <summary>The HTML shapes: read as HTML by their first line whatever the file is named.</summary>
    private static string Html(HostileShape shape, long bytes)
    {
        var sb = new StringBuilder((int)Math.Min(int.MaxValue / 2, bytes + 4096))
            .Append("<!DOCTYPE html>\n<html><head><title>A/RES/99/1</title></head>\n<body>\n<p>United Nations</p>\n<p>A/RES/99/1</p>\n")
            .Append("<p>General Assembly</p>\n<p><i>The General Assembly,</i></p>\n");
        if (shape == HostileShape.HtmlSpans) sb.Append("<p>");
        for (var n = 1; sb.Length < bytes; n++)
        {
            _ = shape switch
            {
                HostileShape.HtmlParagraphs => sb.Append("<p>x</p>"),
                HostileShape.HtmlSpans => sb.Append("<span>x</span>"),
                HostileShape.HtmlPage => sb.Append("<p class=MsoNormal style='margin-left:36pt;text-indent:-36pt'><span lang=EN-GB>")
                    .Append((n - 1) % 500 + 1).Append(".<span style='mso-tab-count:1'>&nbsp; </span><i>Encourages</i> Member States, the relevant organs and agencies of the United</span>\n")
                    .Append("<span lang=EN-GB>Nations system to strengthen their cooperation in accordance with resolution ")
                    .Append(70 + n % 9).Append('/').Append(1 + n % 300).Append(" of 12 July 2023,<sup>").Append(n).Append("</sup></span><span lang=EN-GB>;<o:p></o:p></span></p>\n"),
                _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
            };
        }
        if (shape == HostileShape.HtmlSpans) sb.Append("</p>");
        return sb.Append("\n</body></html>\n").ToString();
    }
}

/// <summary>A text <see cref="ExtractionScaling"/> measures: its name in the figures and how to make it at a size.</summary>
internal sealed record ScalingText(string Name, Func<long, string> Make)
{
    public static ScalingText Resolution(CitationDensity density) =>
        new(density.ToString().ToLowerInvariant(), bytes => ExtractionScaling.SyntheticResolution(bytes, density));

    public static ScalingText Hostile(HostileShape shape) => new(shape.ToString().ToLowerInvariant(), bytes => HostileText.Make(shape, bytes));
}
