using Graph.Model;
using Graph.Model.Symbols;

namespace Graph.Extraction.Recognisers;

/// <summary>A fact about the document itself, with the span of text that states it.</summary>
internal readonly record struct Stated<T>(T Value, SourceSpan Span);

/// <summary>What a document says about itself: masthead, heading and closing lines.</summary>
internal sealed class DocumentIdentity
{
    public required DocumentSymbol Symbol { get; init; }

    public SourceSpan? SymbolSpan { get; init; }

    /// <summary>Where the symbol came from: "text", "metadata" or "file name".</summary>
    public required string SymbolSource { get; init; }

    public string? Body { get; set; }

    public string? Kind { get; set; }

    public Stated<string>? Title { get; set; }

    public Stated<long>? Session { get; set; }

    public Stated<string>? AgendaItem { get; set; }

    /// <summary>The agenda item's title, and the sub-item's after the colon ("…: cooperation between … ").</summary>
    public Stated<string>? AgendaTitle { get; set; }

    public Stated<string>? AdoptionDate { get; set; }

    public Stated<string>? DistributionDate { get; set; }

    public Stated<long>? MeetingNumber { get; set; }

    /// <summary>The meeting's number as printed, where the Council's sequence showed it wrong and one repair fitted (<see cref="CouncilMeetingSequence"/>).</summary>
    public long? PrintedMeetingNumber { get; set; }

    public Stated<string>? MeetingDate { get; set; }

    public List<Stated<DocumentSymbol>> AdoptedFrom { get; } = [];

    public SymbolContext Context => Body switch
    {
        "Security Council" => SymbolContext.SecurityCouncil,
        "Economic and Social Council" => SymbolContext.EconomicAndSocialCouncil,
        "Human Rights Council" => SymbolContext.HumanRightsCouncil,
        _ when Symbol.Canonical.StartsWith("S/", StringComparison.Ordinal) => SymbolContext.SecurityCouncil,
        _ when Symbol.Canonical.StartsWith("E/", StringComparison.Ordinal) => SymbolContext.EconomicAndSocialCouncil,
        _ => SymbolContext.GeneralAssembly,
    };

    public string? MeetingId => MeetingNumber is not { } number ? null
        : Symbol.Canonical.StartsWith("S/", StringComparison.Ordinal) ? $"S/PV.{number.Value}"
        : Session is { } session ? $"A/{session.Value}/PV.{number.Value}"
        : Symbol.Session is { } s ? $"A/{s}/PV.{number.Value}" : null;
}
