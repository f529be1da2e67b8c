using System.Globalization;
using System.Text;

namespace Graph.Cypher.Values;

/// <summary>Cypher's temporal values. Times are nanoseconds of the day; offsets are seconds east of UTC.</summary>
internal abstract record TemporalValue
{
    public const long NanosPerSecond = 1_000_000_000L;
    public const long NanosPerDay = 86_400L * NanosPerSecond;

    public abstract string TypeName { get; }

    public abstract string Format();

    /// <summary>The text of this value in Neo4j's Query API (see <see cref="CypherTemporal.QueryApiValue"/>).</summary>
    public virtual string FormatForQueryApi() => Format();

    /// <summary>A time of day with seconds and at least milliseconds, however round: <c>12:50:00.000</c>.</summary>
    public static string FormatFullTime(long nanos)
    {
        var h = nanos / 3_600_000_000_000L;
        var m = nanos / 60_000_000_000L % 60;
        var s = nanos / NanosPerSecond % 60;
        var fraction = (nanos % NanosPerSecond).ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0').PadRight(3, '0');
        return string.Create(CultureInfo.InvariantCulture, $"{h:00}:{m:00}:{s:00}.{fraction}");
    }

    public sealed override string ToString() => Format();

    public static string FormatTime(long nanos)
    {
        var h = nanos / 3_600_000_000_000L;
        var m = nanos / 60_000_000_000L % 60;
        var s = nanos / NanosPerSecond % 60;
        var n = nanos % NanosPerSecond;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{h:00}:{m:00}");
        if (s != 0 || n != 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $":{s:00}");
            if (n != 0)
            {
                if (n % 1_000_000 == 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $".{n / 1_000_000:000}");
                }
                else if (n % 1000 == 0)
                {
                    sb.Append(CultureInfo.InvariantCulture, $".{n / 1000:000000}");
                }
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $".{n:000000000}");
                }
            }
        }

        return sb.ToString();
    }

    public static string FormatOffset(int offset)
    {
        if (offset == 0)
        {
            return "Z";
        }

        var sign = offset < 0 ? '-' : '+';
        var a = Math.Abs(offset);
        var text = $"{sign}{a / 3600:00}:{a / 60 % 60:00}";
        return a % 60 != 0 ? text + $":{a % 60:00}" : text;
    }

    public static string FormatDate(CivilDate date) => date.ToString();
}

internal sealed record DateValue(CivilDate Date) : TemporalValue
{
    public override string TypeName => "Date";

    public override string Format() => FormatDate(Date);
}

internal sealed record LocalTimeValue(long Nanos) : TemporalValue
{
    public override string TypeName => "LocalTime";

    public override string Format() => FormatTime(Nanos);

    public override string FormatForQueryApi() => FormatFullTime(Nanos);
}

internal sealed record TimeValue(long Nanos, int Offset) : TemporalValue
{
    public override string TypeName => "Time";

    public override string Format() => FormatTime(Nanos) + FormatOffset(Offset);

    public override string FormatForQueryApi() => FormatFullTime(Nanos) + FormatOffset(Offset);

    /// <summary>Nanoseconds of the day in UTC, for comparison.</summary>
    public long UtcNanos => Nanos - (Offset * NanosPerSecond);
}

internal sealed record LocalDateTimeValue(CivilDate Date, long Nanos) : TemporalValue
{
    public override string TypeName => "LocalDateTime";

    public override string Format() => FormatDate(Date) + "T" + FormatTime(Nanos);

    public override string FormatForQueryApi() => FormatDate(Date) + "T" + FormatFullTime(Nanos);

    public Int128 LocalNanos => ((Int128)Date.DayNumber * NanosPerDay) + Nanos;
}

internal sealed record DateTimeValue(CivilDate Date, long Nanos, int Offset, string? Zone) : TemporalValue
{
    public override string TypeName => Zone is null ? "OffsetDateTime" : "ZonedDateTime";

    public override string Format() =>
        FormatDate(Date) + "T" + FormatTime(Nanos) + FormatOffset(Offset) + (Zone is null ? "" : "[" + Zone + "]");

    public override string FormatForQueryApi() =>
        FormatDate(Date) + "T" + FormatFullTime(Nanos) + FormatOffset(Offset) + (Zone is null ? "" : "[" + Zone + "]");

    /// <summary>Nanoseconds since 0001-01-01T00:00Z (negative before it): the instant, for comparison and equality.</summary>
    public Int128 Instant => ((Int128)Date.DayNumber * NanosPerDay) + Nanos - ((Int128)Offset * NanosPerSecond);

    public bool Equals(DateTimeValue? other) => other is not null && Instant == other.Instant && Zone == other.Zone;

    public override int GetHashCode() => Instant.GetHashCode();
}

internal sealed record DurationValue(long Months, long Days, long Seconds, long Nanos) : TemporalValue
{
    public override string TypeName => "Duration";

    /// <summary>
    /// Normalises seconds and nanoseconds so that 0 &lt;= nanos &lt; 1e9; seconds past a long's range throw an
    /// <see cref="OverflowException"/> rather than wrap round.
    /// </summary>
    public static DurationValue Of(long months, long days, Int128 totalNanos)
    {
        var seconds = checked((long)Int128.DivRem(totalNanos, TemporalValue.NanosPerSecond).Quotient);
        var nanos = (long)(totalNanos - ((Int128)seconds * TemporalValue.NanosPerSecond));
        if (nanos < 0)
        {
            nanos += TemporalValue.NanosPerSecond;
            seconds = checked(seconds - 1);
        }

        return new DurationValue(months, days, seconds, nanos);
    }

    public Int128 TotalNanos => ((Int128)Seconds * NanosPerSecond) + Nanos;

    /// <summary>Months, days and seconds, every part given, as Neo4j's drivers write a duration: <c>P14M16DT43200.5S</c>.</summary>
    public override string FormatForQueryApi()
    {
        var total = TotalNanos;
        var sign = total < 0 ? "-" : "";
        var abs = total < 0 ? -total : total;
        var seconds = (long)(abs / NanosPerSecond);
        var nanos = (long)(abs % NanosPerSecond);
        var fraction = nanos == 0 ? "" : "." + nanos.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0');
        return string.Create(CultureInfo.InvariantCulture, $"P{Months}M{Days}DT{sign}{seconds}{fraction}S");
    }

    public override string Format()
    {
        var sb = new StringBuilder("P");
        var years = Months / 12;
        var months = Months % 12;
        if (years != 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{years}Y");
        }

        if (months != 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{months}M");
        }

        if (Days != 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Days}D");
        }

        var total = TotalNanos;
        if (total != 0)
        {
            sb.Append('T');
            var negative = total < 0;
            var abs = negative ? -total : total;
            var hours = (long)(abs / (3600 * (Int128)NanosPerSecond));
            var minutes = (long)(abs / (60 * (Int128)NanosPerSecond) % 60);
            var secondsNanos = (long)(abs % (60 * (Int128)NanosPerSecond));
            var sign = negative ? "-" : "";
            if (hours != 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{sign}{hours}H");
            }

            if (minutes != 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{sign}{minutes}M");
            }

            if (secondsNanos != 0)
            {
                var whole = secondsNanos / NanosPerSecond;
                var fraction = secondsNanos % NanosPerSecond;
                sb.Append(sign).Append(whole.ToString(CultureInfo.InvariantCulture));
                if (fraction != 0)
                {
                    sb.Append('.').Append(fraction.ToString("000000000", CultureInfo.InvariantCulture).TrimEnd('0'));
                }

                sb.Append('S');
            }
        }

        if (sb.Length == 1)
        {
            sb.Append("T0S");
        }

        return sb.ToString();
    }
}
