namespace Graph.Store.Memory;

/// <summary>Which temporal type a <see cref="TemporalProperty"/> holds.</summary>
public enum TemporalKind : byte
{
    Date,
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
    Duration,
}

/// <summary>
/// A temporal value (date, time, datetime, duration) as a property holds it. The temporal types with their
/// arithmetic belong to the Cypher engine; the store keeps only their fields, exactly, and gives them back. A date is
/// <see cref="Days"/> (its <see cref="DateOnly.DayNumber"/>); a time adds <see cref="Nanos"/> of the day and an
/// <see cref="Offset"/> in seconds; a datetime may name its <see cref="Zone"/>; a duration is months, days, seconds, nanos.
/// </summary>
public sealed record TemporalProperty(TemporalKind Kind, long Months, long Days, long Seconds, long Nanos, int Offset, string? Zone);
