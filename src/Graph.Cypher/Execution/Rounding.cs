using System.Globalization;

namespace Graph.Cypher.Execution;

/// <summary>
/// Neo4j 5's <c>round(value, precision, mode)</c>: the value is read as its shortest decimal form (as Java's
/// <c>BigDecimal.valueOf</c> does, so 2.675 is 2.675 and not 2.67499…) and rounded to <c>precision</c> decimal places
/// with one of Java's rounding modes. .NET's <see cref="MidpointRounding"/> has no UP or HALF_DOWN, hence this type.
/// </summary>
internal static class Rounding
{
    private static readonly string[] Modes = ["UP", "DOWN", "CEILING", "FLOOR", "HALF_UP", "HALF_DOWN", "HALF_EVEN", "UNNECESSARY"];

    public static object? Round(object? value, object? precision, object? mode, Func<string, CypherException> bad)
    {
        if (value is null || precision is null || mode is null)
        {
            return null;
        }

        var number = value switch
        {
            long l => (double)l,
            double d => d,
            _ => throw bad("expects a number"),
        };
        if (precision is not long places)
        {
            throw bad("expects an integer precision");
        }

        if (mode is not string name || !Modes.Contains(name.ToUpperInvariant()))
        {
            throw bad("expects a rounding mode: " + string.Join(", ", Modes));
        }

        if (double.IsNaN(number) || double.IsInfinity(number) || places > 28 || places < -28)
        {
            return number;
        }

        // Beyond decimal's range a double has no digits after the point to round.
        if (!decimal.TryParse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact))
        {
            return number;
        }

        var scale = Pow10((int)Math.Abs(places));
        decimal shifted;
        try
        {
            shifted = places >= 0 ? exact * scale : exact / scale;
        }
        catch (OverflowException)
        {
            // So many places that the value has no digit left to round.
            return number;
        }

        var rounded = RoundToInteger(shifted, name.ToUpperInvariant(), bad);
        var result = places >= 0 ? rounded / scale : rounded * scale;
        return (double)result;
    }

    private static decimal RoundToInteger(decimal x, string mode, Func<string, CypherException> bad)
    {
        var down = decimal.Truncate(x);
        var fraction = Math.Abs(x - down);
        var awayFromZero = down + Math.Sign(x);
        return mode switch
        {
            "UP" => fraction == 0 ? x : awayFromZero,
            "DOWN" => down,
            "CEILING" => decimal.Ceiling(x),
            "FLOOR" => decimal.Floor(x),
            "HALF_UP" => fraction >= 0.5m ? awayFromZero : down,
            "HALF_DOWN" => fraction > 0.5m ? awayFromZero : down,
            "HALF_EVEN" => decimal.Round(x, MidpointRounding.ToEven),
            _ => fraction == 0 ? x : throw bad("rounding is necessary with mode UNNECESSARY"),
        };
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}
