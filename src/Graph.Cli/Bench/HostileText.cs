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
}

/// <summary>The texts of <see cref="HostileShape"/>: the masthead of a resolution, then the shape repeated to the size asked.</summary>
internal static class HostileText
{
    private const string Masthead = "United Nations\nA/RES/99/1\nGeneral Assembly\n\nThe General Assembly,\n\n";

    public static string Make(HostileShape shape, long bytes)
    {
        var sb = new StringBuilder((int)Math.Min(int.MaxValue / 2, bytes + 4096)).Append(Masthead);
        sb.Append(shape switch
        {
            HostileShape.Symbols => "1. Requests ",
            HostileShape.Footnotes => "1. Requests the report,1\n__________________\n",
            HostileShape.Letters => "1. Decides:\n",
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
                _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, null),
            };
        }
        return sb.ToString();
    }
}

/// <summary>A text <see cref="ExtractionScaling"/> measures: its name in the figures and how to make it at a size.</summary>
internal sealed record ScalingText(string Name, Func<long, string> Make)
{
    public static ScalingText Resolution(CitationDensity density) =>
        new(density.ToString().ToLowerInvariant(), bytes => ExtractionScaling.SyntheticResolution(bytes, density));

    public static ScalingText Hostile(HostileShape shape) => new(shape.ToString().ToLowerInvariant(), bytes => HostileText.Make(shape, bytes));
}
