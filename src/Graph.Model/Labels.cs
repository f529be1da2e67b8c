namespace Graph.Model;

/// <summary>Node labels of the graph model (documented in graph/README.md).</summary>
public static class Labels
{
    public const string Document = "Document";
    public const string Resolution = "Resolution";
    public const string Decision = "Decision";
    public const string PresidentialStatement = "PresidentialStatement";
    public const string Report = "Report";
    public const string Letter = "Letter";
    public const string Draft = "Draft";
    public const string MeetingRecord = "MeetingRecord";
    public const string Paragraph = "Paragraph";
    public const string Footnote = "Footnote";
    public const string Organization = "Organization";
    public const string Operation = "Operation";
    public const string Agreement = "Agreement";
    public const string Meeting = "Meeting";
    public const string Session = "Session";
    public const string Series = "Series";
}

/// <summary>Relationship types of the graph model (documented in graph/README.md).</summary>
public static class RelationshipTypes
{
    public const string Cites = "CITES";
    public const string HasParagraph = "HAS_PARAGRAPH";
    public const string HasFootnote = "HAS_FOOTNOTE";
    public const string Mentions = "MENTIONS";
    public const string PartyTo = "PARTY_TO";
    public const string AdoptedAt = "ADOPTED_AT";
    public const string AdoptedFrom = "ADOPTED_FROM";
    public const string InSession = "IN_SESSION";
    public const string InSeries = "IN_SERIES";
    public const string Succeeds = "SUCCEEDS";
    public const string Requests = "REQUESTS";
}
