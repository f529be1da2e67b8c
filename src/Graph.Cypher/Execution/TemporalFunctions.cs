using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Cypher.Syntax;
using Graph.Cypher.Values;
using NodaTime;
using NodaTime.TimeZones;

namespace Graph.Cypher.Execution;

/// <summary>
/// date, localtime, time, localdatetime, datetime and duration: construction from maps and strings,
/// selection from other temporals, truncation, duration.between and the accessors.
/// </summary>
internal static partial class TemporalFunctions
{
    private const long NanosPerSecond = TemporalValue.NanosPerSecond;
    private const long NanosPerDay = TemporalValue.NanosPerDay;
    private const long SecondsPerAverageMonth = 2_629_746;

    public static readonly HashSet<string> Names =
    [
        "date", "localtime", "time", "localdatetime", "datetime", "duration",
        "date.truncate", "localtime.truncate", "time.truncate", "localdatetime.truncate", "datetime.truncate",
        "datetime.fromepoch", "datetime.fromepochmillis", "duration.between", "duration.inmonths", "duration.indays", "duration.inseconds",
        "date.transaction", "date.statement", "date.realtime", "localtime.transaction", "localtime.statement", "localtime.realtime",
        "time.transaction", "time.statement", "time.realtime", "localdatetime.transaction", "localdatetime.statement",
        "localdatetime.realtime", "datetime.transaction", "datetime.statement", "datetime.realtime",
    ];

    private sealed class TemporalError(string detail, string message) : Exception(message)
    {
        public string Detail { get; } = detail;
    }

    [ThreadStatic]
    private static DateTime clock;

    public static object? Call(Evaluator evaluator, FunctionExpr f, object?[] args)
    {
        try
        {
            // Within one query, every "now" is the same instant (Cypher's statement clock).
            clock = evaluator.Context.StartedAt;
            return Dispatch(f.LowerName, args);
        }
        catch (TemporalError e)
        {
            throw evaluator.Context.RuntimeError(e.Detail == "InvalidArgumentType" ? "TypeError" : "ArgumentError", e.Detail, e.Message, f.Offset);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException or FormatException)
        {
            throw evaluator.Context.RuntimeError("ArgumentError", "InvalidArgumentValue", $"{f.Name}(): {Explain(e)}", f.Offset);
        }
    }

    /// <summary>
    /// What went out of range, said in Cypher's terms: a duration or date that overflows surfaces from .NET as
    /// "Value was either too large or too small for an Int64", which names neither the value nor its limits.
    /// </summary>
    internal static string Explain(Exception e) => e switch
    {
        OverflowException => OutOfRange,
        ArgumentOutOfRangeException { ParamName: { } name } => e.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal),
        _ => e.Message,
    };

    /// <summary>The limits a temporal result must keep, as Neo4j's (a duration's fields are Java longs).</summary>
    internal const string OutOfRange =
        "the result is out of range: a duration's months, days and seconds each lie within ±9223372036854775807, and a date within years ±999999999";

    private static object? Dispatch(string name, object?[] args)
    {
        if (args.Any(a => a is null))
        {
            return null;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var type = dot < 0 ? name : name[..dot];
        var operation = dot < 0 ? "" : name[(dot + 1)..];
        switch (operation)
        {
            case "":
                if (type == "duration")
                {
                    return args.Length == 0 ? new DurationValue(0, 0, 0, 0) : Duration(args[0]);
                }

                return args.Length == 0 ? Now(type) : Construct(type, args[0]);
            case "transaction" or "statement" or "realtime":
                return Now(type);
            case "truncate":
                return Truncate(type, Str(args[0]), args[1], args.Length > 2 ? Map(args[2]) : []);
            case "fromepoch":
                {
                    var seconds = Long(args[0]);
                    var nanos = Long(args[1]);
                    return FromInstant(((Int128)seconds * NanosPerSecond) + nanos);
                }

            case "fromepochmillis":
                return FromInstant((Int128)Long(args[0]) * 1_000_000);
            case "between":
                return Between(args[0], args[1], "");
            case "inmonths":
                return Between(args[0], args[1], "months");
            case "indays":
                return Between(args[0], args[1], "days");
            case "inseconds":
                return Between(args[0], args[1], "seconds");
            default:
                throw new TemporalError("InvalidArgumentValue", "Unknown temporal function " + name);
        }
    }

    private static DateTimeValue FromInstant(Int128 nanosSinceEpoch)
    {
        var (date, nanos) = SplitDays(((Int128)CivilDate.UnixEpoch.DayNumber * NanosPerDay) + nanosSinceEpoch);
        return new DateTimeValue(date, nanos, 0, null);
    }

    private static object Now(string type)
    {
        var now = clock;
        var date = CivilDate.FromDateOnly(DateOnly.FromDateTime(now));
        var nanos = now.TimeOfDay.Ticks * 100;
        return type switch
        {
            "date" => new DateValue(date),
            "localtime" => new LocalTimeValue(nanos),
            "time" => new TimeValue(nanos, 0),
            "localdatetime" => new LocalDateTimeValue(date, nanos),
            _ => new DateTimeValue(date, nanos, 0, null),
        };
    }

    private static string Str(object? v) => v as string ?? throw new TemporalError("InvalidArgumentType", "Expected a string");

    private static long Long(object? v) => v switch
    {
        long l => l,
        double d => (long)d,
        _ => throw new TemporalError("InvalidArgumentType", "Expected a number"),
    };

    private static Dictionary<string, object?> Map(object? v) =>
        v as Dictionary<string, object?> ?? throw new TemporalError("InvalidArgumentType", "Expected a map");

    // ---- components of any temporal ----

    private static CivilDate? DateOf(object v) => v switch
    {
        DateValue d => d.Date,
        LocalDateTimeValue l => l.Date,
        DateTimeValue z => z.Date,
        _ => null,
    };

    private static long? TimeOf(object v) => v switch
    {
        LocalTimeValue t => t.Nanos,
        TimeValue t => t.Nanos,
        LocalDateTimeValue l => l.Nanos,
        DateTimeValue z => z.Nanos,
        _ => null,
    };

    private static (int Offset, string? Zone)? ZoneOf(object v) => v switch
    {
        TimeValue t => (t.Offset, null),
        DateTimeValue z => (z.Offset, z.Zone),
        _ => null,
    };

    // ---- construction ----

    private static object Construct(string type, object? argument)
    {
        switch (argument)
        {
            case string text:
                return Parse(type, text);
            case Dictionary<string, object?> map:
                return FromMap(type, map);
            case TemporalValue temporal and not DurationValue:
                return FromMap(type, new Dictionary<string, object?> { [type is "date" ? "date" : type is "localtime" or "time" ? "time" : "datetime"] = temporal }, temporal);
            default:
                throw new TemporalError("InvalidArgumentType", $"Cannot construct a {type} from {CypherValues.TypeName(argument)}");
        }
    }

    private static object FromMap(string type, Dictionary<string, object?> map, object? whole = null)
    {
        foreach (var key in map.Keys)
        {
            if (!KnownKeys.Contains(key))
            {
                throw new TemporalError("InvalidArgumentValue", $"Unknown temporal field '{key}'");
            }
        }

        if (type == "datetime" && (map.ContainsKey("epochSeconds") || map.ContainsKey("epochMillis")))
        {
            var instant = map.TryGetValue("epochSeconds", out var es)
                ? ((Int128)Long(es) * NanosPerSecond) + SubSecond(map, 0)
                : ((Int128)Long(map["epochMillis"]) * 1_000_000) + (map.TryGetValue("nanosecond", out var ns) ? Long(ns) : 0);
            var utc = FromInstant(instant);
            return map.TryGetValue("timezone", out var tz0) ? InZone(utc, Str(tz0)) : utc;
        }

        var baseDateSource = map.GetValueOrDefault("date") ?? map.GetValueOrDefault("datetime");
        var baseTimeSource = map.GetValueOrDefault("time") ?? map.GetValueOrDefault("datetime");
        CivilDate? baseDate = baseDateSource is null ? null : DateOf(baseDateSource) ?? throw new TemporalError("InvalidArgumentValue", "No date to select");
        long? baseTime = baseTimeSource is null ? null : TimeOf(baseTimeSource);
        var sourceZone = baseTimeSource is null ? null : ZoneOf(baseTimeSource);
        _ = whole;

        switch (type)
        {
            case "date":
                return new DateValue(DateFromMap(map, baseDate));
            case "localtime":
                return new LocalTimeValue(TimeFromMap(map, baseTime));
            case "time":
                {
                    var nanos = TimeFromMap(map, baseTime);
                    if (map.TryGetValue("timezone", out var tz))
                    {
                        var offset = OffsetForTime(Str(tz));
                        if (sourceZone is { } from)
                        {
                            nanos = Mod(nanos - ((long)(from.Offset - offset) * NanosPerSecond), NanosPerDay);
                        }

                        return new TimeValue(nanos, offset);
                    }

                    return new TimeValue(nanos, sourceZone?.Offset ?? 0);
                }

            case "localdatetime":
                return new LocalDateTimeValue(DateFromMap(map, baseDate), TimeFromMap(map, baseTime));
            default:
                {
                    var date = DateFromMap(map, baseDate);
                    var nanos = TimeFromMap(map, baseTime);
                    if (map.TryGetValue("timezone", out var tz))
                    {
                        if (sourceZone is { } from)
                        {
                            // Selecting a zoned time into another zone keeps the instant; a named zone's offset is the one
                            // it has on the new date (its summer time may differ from the source's date).
                            var shifted = from.Zone is null ? new DateTimeValue(date, nanos, from.Offset, null) : AtZone(date, nanos, from.Zone);
                            return InZone(shifted, Str(tz));
                        }

                        return AtZone(date, nanos, Str(tz));
                    }

                    if (sourceZone is { } keep)
                    {
                        return keep.Zone is null ? new DateTimeValue(date, nanos, keep.Offset, null) : AtZone(date, nanos, keep.Zone);
                    }

                    return new DateTimeValue(date, nanos, 0, null);
                }
        }
    }

    private static readonly HashSet<string> KnownKeys =
    [
        "year", "month", "day", "week", "dayOfWeek", "ordinalDay", "quarter", "dayOfQuarter", "weekYear",
        "hour", "minute", "second", "millisecond", "microsecond", "nanosecond", "timezone",
        "date", "time", "datetime", "epochSeconds", "epochMillis",
    ];

    private static long Mod(long a, long m) => ((a % m) + m) % m;

    private static long? Get(Dictionary<string, object?> map, string key) =>
        map.TryGetValue(key, out var v) && v is not null ? Long(v) : null;

    private static CivilDate DateFromMap(Dictionary<string, object?> map, CivilDate? baseDate)
    {
        var year = Get(map, "year");
        if (Get(map, "week") is { } week)
        {
            var weekYear = year ?? (baseDate is { } b0 ? b0.IsoWeekYear : throw new TemporalError("InvalidArgumentValue", "year is required"));
            var dow = Get(map, "dayOfWeek") ?? (baseDate is { } b1 ? b1.IsoDayOfWeek : 1);
            return CivilDate.FromIsoWeek(weekYear, week, dow);
        }

        var y = year ?? baseDate?.Year ?? throw new TemporalError("InvalidArgumentValue", "year is required");
        if (Get(map, "ordinalDay") is { } ordinal)
        {
            return new CivilDate(y, 1, 1).AddDays(ordinal - 1);
        }

        if (Get(map, "quarter") is { } quarter)
        {
            var dayOfQuarter = Get(map, "dayOfQuarter") ?? (baseDate is { } b2 ? b2.DayNumber - QuarterStart(b2).DayNumber + 1 : 1);
            return new CivilDate(y, ((int)quarter - 1) * 3 + 1, 1).AddDays(dayOfQuarter - 1);
        }

        var month = Get(map, "month") ?? baseDate?.Month ?? 1;
        var day = Get(map, "day") ?? baseDate?.Day ?? 1;
        if (y is < CivilDate.MinYear or > CivilDate.MaxYear || month is < 1 or > 12 || day < 1 || day > CivilDate.DaysInMonth(y, (int)month))
        {
            throw new TemporalError("InvalidArgumentValue", "Invalid date");
        }

        return new CivilDate(y, (int)month, (int)day);
    }

    private static CivilDate QuarterStart(CivilDate d) => new(d.Year, ((d.Month - 1) / 3 * 3) + 1, 1);

    private static long SubSecond(Dictionary<string, object?> map, long fallback)
    {
        if (!map.ContainsKey("millisecond") && !map.ContainsKey("microsecond") && !map.ContainsKey("nanosecond"))
        {
            return fallback;
        }

        // Given fields replace their part of the fallback (a truncated or selected time) and keep the rest.
        var ms = Get(map, "millisecond") ?? fallback / 1_000_000;
        var us = Get(map, "microsecond") ?? (map.ContainsKey("millisecond") ? 0 : fallback / 1000 % 1000);
        var ns = Get(map, "nanosecond") ?? (map.ContainsKey("millisecond") || map.ContainsKey("microsecond") ? 0 : fallback % 1000);
        if (Get(map, "microsecond") >= 1000 || Get(map, "nanosecond") >= 1000)
        {
            // A whole sub-second value ("microsecond: 645876") rather than a part.
            ms = Get(map, "millisecond") ?? 0;
            us = Get(map, "microsecond") ?? 0;
            ns = Get(map, "nanosecond") ?? 0;
        }

        return (ms * 1_000_000) + (us * 1000) + ns;
    }

    private static long TimeFromMap(Dictionary<string, object?> map, long? baseTime)
    {
        var b = baseTime ?? 0;
        var hour = Get(map, "hour") ?? b / 3_600_000_000_000L;
        var minute = Get(map, "minute") ?? (baseTime is null ? 0 : b / 60_000_000_000L % 60);
        var second = Get(map, "second") ?? (baseTime is null ? 0 : b / NanosPerSecond % 60);
        var sub = SubSecond(map, baseTime is null ? 0 : b % NanosPerSecond);
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59 || sub is < 0 or >= NanosPerSecond)
        {
            throw new TemporalError("InvalidArgumentValue", "Invalid time");
        }

        return (hour * 3_600_000_000_000L) + (minute * 60_000_000_000L) + (second * NanosPerSecond) + sub;
    }

    // ---- zones ----

    [GeneratedRegex(@"^(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)$")]
    private static partial Regex OffsetPattern();

    private static int? ParseOffset(string text)
    {
        if (!OffsetPattern().IsMatch(text))
        {
            return null;
        }

        if (text == "Z")
        {
            return 0;
        }

        var sign = text[0] == '-' ? -1 : 1;
        var digits = text[1..].Replace(":", "", StringComparison.Ordinal);
        var h = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var m = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
        var s = digits.Length >= 6 ? int.Parse(digits[4..6], CultureInfo.InvariantCulture) : 0;
        // As Neo4j (Java's ZoneOffset): an offset lies within ±18:00 and its minutes and seconds under 60; "+99:00" was taken
        // as an offset of four days.
        if (h > 18 || m > 59 || s > 59 || (h == 18 && (m > 0 || s > 0)))
        {
            throw new TemporalError("InvalidArgumentValue", $"Invalid time zone offset {text}: an offset lies within -18:00 and +18:00, its minutes and seconds under 60");
        }

        return sign * ((h * 3600) + (m * 60) + s);
    }

    /// <summary>A named zone from NodaTime's bundled time-zone database, never the host's, so every machine agrees.</summary>
    private static DateTimeZone FindZone(string name) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(name) ?? throw new TemporalError("InvalidArgumentValue", "Unknown time zone " + name);

    /// <summary>A time (no date) in a named zone takes the offset the zone has at the statement's clock.</summary>
    private static int OffsetForTime(string timezone) =>
        ParseOffset(timezone) ?? FindZone(timezone).GetUtcOffset(Instant.FromDateTimeUtc(DateTime.SpecifyKind(clock, DateTimeKind.Utc))).Seconds;

    /// <summary>
    /// A local date and time in a zone (offset or named): the named zone's offset at that local time. As in Neo4j (Java's
    /// ZonedDateTime), a local time in a gap moves forward by the gap, and one that occurs twice takes the earlier offset.
    /// </summary>
    private static DateTimeValue AtZone(CivilDate date, long nanos, string timezone)
    {
        if (ParseOffset(timezone) is { } offset)
        {
            return new DateTimeValue(date, nanos, offset, null);
        }

        var local = new LocalDate(date.Year, date.Month, date.Day).At(LocalTime.FromNanosecondsSinceMidnight(nanos));
        var zoned = FindZone(timezone).ResolveLocal(local, Resolvers.LenientResolver);
        var resolved = zoned.LocalDateTime;
        return new DateTimeValue(
            new CivilDate(resolved.Year, resolved.Month, resolved.Day), resolved.TimeOfDay.NanosecondOfDay, zoned.Offset.Seconds, timezone);
    }

    /// <summary>The same instant seen in another zone.</summary>
    private static DateTimeValue InZone(DateTimeValue value, string timezone)
    {
        int offset;
        string? zoneName = null;
        if (ParseOffset(timezone) is { } fixedOffset)
        {
            offset = fixedOffset;
        }
        else
        {
            var sinceEpoch = value.Instant - UnixEpochNanos;
            var unixSeconds = (long)(sinceEpoch / NanosPerSecond) - (sinceEpoch % NanosPerSecond < 0 ? 1 : 0);
            offset = FindZone(timezone).GetUtcOffset(Instant.FromUnixTimeSeconds(unixSeconds)).Seconds;
            zoneName = timezone;
        }

        var (date, nanos) = SplitDays(((Int128)value.Date.DayNumber * NanosPerDay) + value.Nanos + ((Int128)(offset - value.Offset) * NanosPerSecond));
        return new DateTimeValue(date, nanos, offset, zoneName);
    }

    /// <summary>1970-01-01T00:00Z on <see cref="DateTimeValue.Instant"/>'s scale.</summary>
    private static readonly Int128 UnixEpochNanos = (Int128)CivilDate.UnixEpoch.DayNumber * NanosPerDay;

    /// <summary>Nanoseconds since 0001-01-01 as a day and the nanoseconds into it (rounding down before that day too).</summary>
    private static (CivilDate Date, long Nanos) SplitDays(Int128 nanos)
    {
        var (days, rest) = Int128.DivRem(nanos, NanosPerDay);
        if (rest < 0)
        {
            rest += NanosPerDay;
            days--;
        }

        return (CivilDate.FromDayNumber((long)days), (long)rest);
    }

    // ---- parsing ----

    [GeneratedRegex(@"^(?<y>\d{4}|[+-]\d{4,9})(?:(?<d1>-)?(?:(?<m>\d{2})(?:\k<d1>?(?<d>\d{2}))?|W(?<w>\d{2})(?:\k<d1>?(?<wd>\d))?|(?<o>\d{3})))?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<h>\d{2})(?::?(?<m>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d{1,9}))?)?)?(?<z>Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?(?:\[(?<zone>[^\]]+)\])?$")]
    private static partial Regex TimePattern();

    private static CivilDate ParseDate(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success)
        {
            throw new TemporalError("InvalidArgumentValue", $"Text cannot be parsed to a date: {text}");
        }

        var year = long.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var map = new Dictionary<string, object?> { ["year"] = year };
        if (m.Groups["w"].Success)
        {
            map["week"] = long.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture);
            map["dayOfWeek"] = m.Groups["wd"].Success ? long.Parse(m.Groups["wd"].Value, CultureInfo.InvariantCulture) : 1L;
        }
        else if (m.Groups["o"].Success)
        {
            map["ordinalDay"] = long.Parse(m.Groups["o"].Value, CultureInfo.InvariantCulture);
        }
        else if (m.Groups["m"].Success)
        {
            map["month"] = long.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["d"].Success)
            {
                map["day"] = long.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            }
        }

        return DateFromMap(map, null);
    }

    private static (long Nanos, string? Offset, string? Zone) ParseTime(string text)
    {
        var m = TimePattern().Match(text);
        if (!m.Success)
        {
            throw new TemporalError("InvalidArgumentValue", $"Text cannot be parsed to a time: {text}");
        }

        long Part(string g) => m.Groups[g].Success ? long.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        var fraction = m.Groups["f"].Success ? long.Parse(m.Groups["f"].Value.PadRight(9, '0'), CultureInfo.InvariantCulture) : 0;
        var nanos = (Part("h") * 3_600_000_000_000L) + (Part("m") * 60_000_000_000L) + (Part("s") * NanosPerSecond) + fraction;
        return (nanos, m.Groups["z"].Success ? m.Groups["z"].Value : null, m.Groups["zone"].Success ? m.Groups["zone"].Value : null);
    }

    /// <summary>A temporal value from its Query API type name and ISO-8601 text; <see cref="FormatException"/> when it is not one.</summary>
    public static TemporalValue ParseTyped(string type, string text)
    {
        var function = type switch
        {
            "Date" => "date",
            "Time" => "time",
            "LocalTime" => "localtime",
            "LocalDateTime" => "localdatetime",
            "OffsetDateTime" or "ZonedDateTime" or "DateTime" => "datetime",
            "Duration" => "duration",
            _ => throw new FormatException($"'{type}' is not a temporal type"),
        };
        try
        {
            return (TemporalValue)Parse(function, text);
        }
        catch (Exception e) when (e is TemporalError or ArgumentException or OverflowException)
        {
            throw new FormatException($"'{text}' is not a {type} ({Explain(e)})", e);
        }
    }

    private static object Parse(string type, string text)
    {
        if (type == "duration")
        {
            return ParseDuration(text);
        }

        var t = text.IndexOf('T', StringComparison.Ordinal);
        switch (type)
        {
            case "date":
                return new DateValue(ParseDate(t < 0 ? text : text[..t]));
            case "localtime":
                return new LocalTimeValue(ParseTime(t < 0 ? text : text[(t + 1)..]).Nanos);
            case "time":
                {
                    var (nanos, offset, _) = ParseTime(t < 0 ? text : text[(t + 1)..]);
                    return new TimeValue(nanos, offset is null ? 0 : ParseOffset(offset)!.Value);
                }

            case "localdatetime":
                {
                    var date = ParseDate(t < 0 ? text : text[..t]);
                    var nanos = t < 0 ? 0 : ParseTime(text[(t + 1)..]).Nanos;
                    return new LocalDateTimeValue(date, nanos);
                }

            default:
                {
                    var date = ParseDate(t < 0 ? text : text[..t]);
                    var (nanos, offset, zone) = t < 0 ? (0, null, null) : ParseTime(text[(t + 1)..]);
                    if (zone is not null)
                    {
                        return AtZone(date, nanos, zone);
                    }

                    return new DateTimeValue(date, nanos, offset is null ? 0 : ParseOffset(offset)!.Value, null);
                }
        }
    }

    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<Y>-?[\d.]+)Y)?(?:(?<M>-?[\d.]+)M)?(?:(?<W>-?[\d.]+)W)?(?:(?<D>-?[\d.]+)D)?(?:T(?:(?<h>-?[\d.]+)H)?(?:(?<m>-?[\d.]+)M)?(?:(?<s>-?[\d.]+)S)?)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^P(?<Y>\d{4})-(?<M>\d{2})-(?<D>\d{2})T(?<h>\d{2}):(?<m>\d{2}):(?<s>\d{2}(?:\.\d+)?)$")]
    private static partial Regex AlternativeDurationPattern();

    private static DurationValue ParseDuration(string text)
    {
        var m = DurationPattern().Match(text);
        if (!m.Success || text == "P" || text.EndsWith('T'))
        {
            m = AlternativeDurationPattern().Match(text);
            if (!m.Success)
            {
                throw new TemporalError("InvalidArgumentValue", $"Text cannot be parsed to a duration: {text}");
            }
        }

        var map = new Dictionary<string, object?>();
        void Add(string group, string key)
        {
            if (m.Groups[group].Success)
            {
                var v = decimal.Parse(m.Groups[group].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                // (object): without it the conditional is a double, and a whole number past 2^53 loses digits.
                map[key] = v == decimal.Truncate(v) ? (object)(long)v : (double)v;
            }
        }

        Add("Y", "years");
        Add("M", "months");
        Add("W", "weeks");
        Add("D", "days");
        Add("h", "hours");
        Add("m", "minutes");
        Add("s", "seconds");
        var d = Duration(map);
        return m.Groups["neg"].Success ? DurationValue.Of(checked(-d.Months), checked(-d.Days), -d.TotalNanos) : d;
    }

    // ---- duration ----

    private static decimal Dec(object? v) => v switch
    {
        long l => l,
        double d => (decimal)d,
        null => 0,
        _ => throw new TemporalError("InvalidArgumentType", "Duration fields must be numbers"),
    };

    private static DurationValue Duration(object? argument)
    {
        switch (argument)
        {
            case string text:
                return ParseDuration(text);
            case DurationValue d:
                return d;
            case Dictionary<string, object?> map:
                {
                    foreach (var key in map.Keys)
                    {
                        if (key is not ("years" or "quarters" or "months" or "weeks" or "days" or "hours" or "minutes" or "seconds" or
                            "milliseconds" or "microseconds" or "nanoseconds"))
                        {
                            throw new TemporalError("InvalidArgumentValue", $"Unknown duration field '{key}'");
                        }
                    }

                    return FromComponents(
                        (Dec(map.GetValueOrDefault("years")) * 12) + (Dec(map.GetValueOrDefault("quarters")) * 3) + Dec(map.GetValueOrDefault("months")),
                        (Dec(map.GetValueOrDefault("weeks")) * 7) + Dec(map.GetValueOrDefault("days")),
                        (Dec(map.GetValueOrDefault("hours")) * 3600m) + (Dec(map.GetValueOrDefault("minutes")) * 60m) + Dec(map.GetValueOrDefault("seconds")) +
                        (Dec(map.GetValueOrDefault("milliseconds")) / 1000m) + (Dec(map.GetValueOrDefault("microseconds")) / 1_000_000m) +
                        (Dec(map.GetValueOrDefault("nanoseconds")) / 1_000_000_000m));
                }

            default:
                throw new TemporalError("InvalidArgumentType", "duration() expects a map or a string");
        }
    }

    /// <summary>Fractions cascade down: part of a month becomes days and seconds (average month), part of a day seconds.</summary>
    public static DurationValue FromComponents(decimal months, decimal days, decimal seconds)
    {
        var wholeMonths = decimal.Truncate(months);
        var monthSeconds = (months - wholeMonths) * SecondsPerAverageMonth;
        var extraDays = decimal.Truncate(monthSeconds / 86400m);
        monthSeconds -= extraDays * 86400m;
        var wholeDays = decimal.Truncate(days);
        var daySeconds = (days - wholeDays) * 86400m;
        var totalSeconds = seconds + monthSeconds + daySeconds;
        var nanos = (Int128)decimal.Round(totalSeconds * 1_000_000_000m);
        return DurationValue.Of((long)wholeMonths, (long)(wholeDays + extraDays), nanos);
    }

    private static DurationValue Between(object? a, object? b, string unit)
    {
        if (a is not TemporalValue || b is not TemporalValue || a is DurationValue || b is DurationValue)
        {
            throw new TemporalError("InvalidArgumentType", "duration.between expects two temporal values");
        }

        var dateA = DateOf(a);
        var dateB = DateOf(b);
        // A time without a date, against a value in a named zone, is read on that value's day in that zone.
        if (dateA is null && b is DateTimeValue { Zone: not null } zonedB)
        {
            (a, dateA) = (new LocalDateTimeValue(zonedB.Date, TimeOf(a) ?? 0), zonedB.Date);
        }
        else if (dateB is null && a is DateTimeValue { Zone: not null } zonedA)
        {
            (b, dateB) = (new LocalDateTimeValue(zonedA.Date, TimeOf(b) ?? 0), zonedA.Date);
        }

        var timeA = TimeOf(a) ?? 0;
        var timeB = TimeOf(b) ?? 0;
        var zoneA = ZoneOf(a);
        var zoneB = ZoneOf(b);
        if (zoneA is { } za && zoneB is { } zb)
        {
            // Compare in the first value's offset.
            timeB += (long)(za.Offset - zb.Offset) * NanosPerSecond;
        }
        else if (zoneA is { Zone: { } namedA } zoneOfA && zoneB is null && dateB is { } localDateB)
        {
            // A local value is read in the other value's zone (so that DST changes count).
            var offsetB = AtZone(localDateB, timeB, namedA).Offset;
            timeB += (long)(zoneOfA.Offset - offsetB) * NanosPerSecond;
        }
        else if (zoneB is { Zone: { } namedB } zoneOfB && zoneA is null && dateA is { } localDateA)
        {
            var offsetA = AtZone(localDateA, timeA, namedB).Offset;
            timeA += (long)(zoneOfB.Offset - offsetA) * NanosPerSecond;
        }

        if (dateA is null || dateB is null)
        {
            var diff = timeB - timeA;
            if (dateA is null && dateB is null)
            {
                diff = timeB - timeA;
            }

            return unit is "months" or "days" ? new DurationValue(0, 0, 0, 0) : DurationValue.Of(0, 0, diff);
        }

        var startNanos = ((Int128)dateA.Value.DayNumber * NanosPerDay) + timeA;
        var endNanos = ((Int128)dateB.Value.DayNumber * NanosPerDay) + timeB;
        if (unit == "seconds")
        {
            return DurationValue.Of(0, 0, endNanos - startNanos);
        }

        var (startDate, startTime) = SplitDays(startNanos);
        var (endDate, _) = SplitDays(endNanos);

        var months = ((long)(endDate.Year - startDate.Year) * 12) + endDate.Month - startDate.Month;
        var forward = endNanos >= startNanos;
        // Step back while overshooting (a whole month is only counted when reached).
        while (months != 0)
        {
            var candidate = ((Int128)AddMonthsClamped(startDate, months).DayNumber * NanosPerDay) + startTime;
            if (forward ? candidate <= endNanos : candidate >= endNanos)
            {
                break;
            }

            months += forward ? -1 : 1;
        }

        var afterMonths = ((Int128)AddMonthsClamped(startDate, months).DayNumber * NanosPerDay) + startTime;
        var remaining = endNanos - afterMonths;
        var days = (long)(remaining / NanosPerDay);
        var rest = remaining - ((Int128)days * NanosPerDay);
        return unit switch
        {
            "months" => new DurationValue(months, 0, 0, 0),
            "days" => new DurationValue(0, ((months == 0 ? 0 : (AddMonthsClamped(startDate, months).DayNumber - startDate.DayNumber)) + days), 0, 0),
            _ => DurationValue.Of(months, days, rest),
        };
    }

    private static CivilDate AddMonthsClamped(CivilDate date, long months) => date.AddMonths(months);

    // ---- truncation ----

    private static object Truncate(string type, string unit, object? temporal, Dictionary<string, object?> overrides)
    {
        if (temporal is not TemporalValue value || value is DurationValue)
        {
            throw new TemporalError("InvalidArgumentType", "truncate expects a temporal value");
        }

        var date = DateOf(value);
        var time = TimeOf(value) ?? 0;
        if (date is { } d)
        {
            date = unit switch
            {
                "millennium" => new CivilDate(d.Year / 1000 * 1000, 1, 1),
                "century" => new CivilDate(d.Year / 100 * 100, 1, 1),
                "decade" => new CivilDate(d.Year / 10 * 10, 1, 1),
                "year" => new CivilDate(d.Year, 1, 1),
                "weekYear" => CivilDate.IsoWeekYearStart(d.IsoWeekYear),
                "quarter" => QuarterStart(d),
                "month" => new CivilDate(d.Year, d.Month, 1),
                "week" => d.AddDays(1 - d.IsoDayOfWeek),
                _ => d,
            };
        }

        time = unit switch
        {
            "millennium" or "century" or "decade" or "year" or "weekYear" or "quarter" or "month" or "week" or "day" => 0,
            "hour" => time / 3_600_000_000_000L * 3_600_000_000_000L,
            "minute" => time / 60_000_000_000L * 60_000_000_000L,
            "second" => time / NanosPerSecond * NanosPerSecond,
            "millisecond" => time / 1_000_000 * 1_000_000,
            "microsecond" => time / 1000 * 1000,
            _ => throw new TemporalError("InvalidArgumentValue", "Unknown truncation unit " + unit),
        };

        var map = new Dictionary<string, object?>(overrides);
        if (unit == "week" && map.ContainsKey("dayOfWeek") && date is { } wd)
        {
            date = wd.AddDays(Long(map["dayOfWeek"]) - 1);
            map.Remove("dayOfWeek");
        }

        var resultDate = date is null ? (CivilDate?)null : DateFromMap(map.Where(e => e.Key is "year" or "month" or "day" or "dayOfQuarter" or "ordinalDay")
            .ToDictionary(e => e.Key, e => e.Value), date);
        var resultTime = TimeFromMap(map, time);
        var zone = ZoneOf(value);
        switch (type)
        {
            case "date":
                return new DateValue(resultDate ?? throw new TemporalError("InvalidArgumentValue", "No date to truncate"));
            case "localtime":
                return new LocalTimeValue(resultTime);
            case "time":
                return new TimeValue(resultTime, map.TryGetValue("timezone", out var tz) ? OffsetForTime(Str(tz)) : zone?.Offset ?? 0);
            case "localdatetime":
                return new LocalDateTimeValue(resultDate ?? throw new TemporalError("InvalidArgumentValue", "No date"), resultTime);
            default:
                {
                    var rd = resultDate ?? throw new TemporalError("InvalidArgumentValue", "No date");
                    if (map.TryGetValue("timezone", out var tz2))
                    {
                        return AtZone(rd, resultTime, Str(tz2));
                    }

                    if (zone is { } z)
                    {
                        return z.Zone is null ? new DateTimeValue(rd, resultTime, z.Offset, null) : AtZone(rd, resultTime, z.Zone);
                    }

                    return new DateTimeValue(rd, resultTime, 0, null);
                }
        }
    }

    // ---- accessors ----

    public static object? Accessor(TemporalValue value, string key)
    {
        if (value is DurationValue duration)
        {
            var total = duration.TotalNanos;
            return key switch
            {
                "years" => duration.Months / 12,
                "quarters" => duration.Months / 3,
                "months" => duration.Months,
                "weeks" => duration.Days / 7,
                "days" => duration.Days,
                "hours" => checked((long)(total / (3600 * (Int128)NanosPerSecond))),
                "minutes" => checked((long)(total / (60 * (Int128)NanosPerSecond))),
                "seconds" => duration.Seconds,
                "milliseconds" => checked((long)(total / 1_000_000)),
                "microseconds" => checked((long)(total / 1000)),
                "nanoseconds" => checked((long)total),
                "quartersOfYear" => duration.Months / 3 % 4,
                "monthsOfQuarter" => duration.Months % 3,
                "monthsOfYear" => duration.Months % 12,
                "daysOfWeek" => duration.Days % 7,
                "minutesOfHour" => (long)(total / (60 * (Int128)NanosPerSecond) % 60),
                "secondsOfMinute" => duration.Seconds % 60,
                "millisecondsOfSecond" => duration.Nanos / 1_000_000,
                "microsecondsOfSecond" => duration.Nanos / 1000,
                "nanosecondsOfSecond" => duration.Nanos,
                _ => null,
            };
        }

        var date = DateOf(value);
        var time = TimeOf(value);
        var zone = ZoneOf(value);
        if (date is { } d)
        {
            switch (key)
            {
                case "year": return (long)d.Year;
                case "quarter": return (long)(((d.Month - 1) / 3) + 1);
                case "month": return (long)d.Month;
                case "week": return (long)d.IsoWeek;
                case "weekYear": return (long)d.IsoWeekYear;
                case "day": return (long)d.Day;
                case "ordinalDay": return (long)d.DayOfYear;
                case "dayOfWeek" or "weekDay": return (long)d.IsoDayOfWeek;
                case "dayOfQuarter": return (long)(d.DayNumber - QuarterStart(d).DayNumber + 1);
            }
        }

        if (time is { } t)
        {
            switch (key)
            {
                case "hour": return t / 3_600_000_000_000L;
                case "minute": return t / 60_000_000_000L % 60;
                case "second": return t / NanosPerSecond % 60;
                case "millisecond": return t % NanosPerSecond / 1_000_000;
                case "microsecond": return t % NanosPerSecond / 1000;
                case "nanosecond": return t % NanosPerSecond;
            }
        }

        if (zone is { } z)
        {
            switch (key)
            {
                case "timezone": return z.Zone ?? TemporalValue.FormatOffset(z.Offset);
                case "offset": return TemporalValue.FormatOffset(z.Offset);
                case "offsetMinutes": return (long)(z.Offset / 60);
                case "offsetSeconds": return (long)z.Offset;
            }
        }

        if (value is DateTimeValue instant)
        {
            switch (key)
            {
                case "epochSeconds": return (long)((instant.Instant - UnixEpochNanos) / NanosPerSecond);
                case "epochMillis": return (long)((instant.Instant - UnixEpochNanos) / 1_000_000);
            }
        }

        return null;
    }

    // ---- arithmetic ----

    public static object? Add(object left, object right, int sign)
    {
        if (left is DurationValue a && right is DurationValue b)
        {
            // Checked: a sum past a field's range must fail, not wrap round to a negative duration.
            return DurationValue.Of(checked(a.Months + (sign * b.Months)), checked(a.Days + (sign * b.Days)), a.TotalNanos + (sign * b.TotalNanos));
        }

        if (right is not DurationValue d)
        {
            return null;
        }

        var months = checked(sign * d.Months);
        var days = checked(sign * d.Days);
        var nanos = sign * d.TotalNanos;
        switch (left)
        {
            case DateValue date:
                {
                    var r = date.Date.AddMonths(months).AddDays(days);
                    return new DateValue(r.AddDays((long)(nanos / NanosPerDay)));
                }

            case LocalTimeValue lt:
                return new LocalTimeValue(Mod((long)((lt.Nanos + nanos) % NanosPerDay), NanosPerDay));
            case TimeValue tv:
                return new TimeValue(Mod((long)((tv.Nanos + nanos) % NanosPerDay), NanosPerDay), tv.Offset);
            case LocalDateTimeValue ldt:
                {
                    var (date, time) = Shift(ldt.Date.AddMonths(months).AddDays(days), ldt.Nanos, nanos);
                    return new LocalDateTimeValue(date, time);
                }

            case DateTimeValue dtv:
                {
                    var (date, time) = Shift(dtv.Date.AddMonths(months).AddDays(days), dtv.Nanos, nanos);
                    return dtv.Zone is null ? new DateTimeValue(date, time, dtv.Offset, null) : AtZone(date, time, dtv.Zone);
                }

            default:
                return null;
        }
    }

    private static (CivilDate Date, long Nanos) Shift(CivilDate date, long time, Int128 nanos) =>
        SplitDays(((Int128)date.DayNumber * NanosPerDay) + time + nanos);

    /// <summary>
    /// A duration divided by a non-zero number. A divisor too small for a decimal (1e-300) would be read as zero: the
    /// quotient is past any duration's range anyway, so it overflows as such.
    /// </summary>
    public static DurationValue Divide(DurationValue d, double divisor)
    {
        var exact = (decimal)divisor;
        return exact == 0 ? throw new OverflowException() : Multiply(d, 1m / exact);
    }

    public static DurationValue Multiply(DurationValue d, decimal factor) =>
        FromComponents(d.Months * factor, d.Days * factor, (decimal)d.TotalNanos * factor / 1_000_000_000m);

    // ---- comparison ----

    public static int? Compare(object a, object b) => (a, b) switch
    {
        (DateValue x, DateValue y) => x.Date.CompareTo(y.Date),
        (LocalTimeValue x, LocalTimeValue y) => x.Nanos.CompareTo(y.Nanos),
        (TimeValue x, TimeValue y) => x.UtcNanos.CompareTo(y.UtcNanos),
        (LocalDateTimeValue x, LocalDateTimeValue y) => x.LocalNanos.CompareTo(y.LocalNanos),
        (DateTimeValue x, DateTimeValue y) => x.Instant.CompareTo(y.Instant),
        _ => null,
    };
}
