using Graph.Model;

namespace Graph.Store.Tests.Contract;

/// <summary>
/// Hand-built documents in the shape the extractor produces, small enough to reason about in each test:
/// the seeds A/RES/77/13 and A/RES/71/12 (a few of their paragraphs, their citations, their series),
/// a presidential statement citing 77/13, and a document that links to nothing.
/// </summary>
internal static class ContractDocuments
{
    public const string Res7713 = "A/RES/77/13";
    public const string Res7112 = "A/RES/71/12";
    public const string Res6912 = "A/RES/69/12";
    public const string Res5950 = "A/RES/59/50";
    public const string Sc1631 = "S/RES/1631 (2005)";
    public const string Prst = "S/PRST/2023/1";
    public const string Lonely = "A/RES/1/1";
    public const string Csto = "org:csto";
    public const string Series = "series:cooperation-un-csto";

    private const string SeriesTitle = "Cooperation between the United Nations and the Collective Security Treaty Organization";

    public static GraphDocument Resolution7713(string titleSuffix = "", bool withOperative2 = true)
    {
        var doc = new GraphDocument(Res7713, "77/13. Cooperation between the United Nations and the Collective Security Treaty Organization …");
        doc.Nodes.Add(Resolution(Res7713, SeriesTitle + titleSuffix, 77, 2022, "2022-11-21"));
        Paragraph(doc, "pp1", "preambular", 1, null, "Referring also to its resolution 59/50 of 2 December 2004, in which it granted the Collective Security Treaty Organization observer status in the General Assembly,");
        Paragraph(doc, "pp2", "preambular", 2, null, "Referring further to its resolutions 69/12 of 11 November 2014 and 71/12 of 21 November 2016 on cooperation between the United Nations and the Collective Security Treaty Organization,");
        Paragraph(doc, "pp3", "preambular", 3, null, "Referring to all previous relevant resolutions of the Security Council, including resolution 1631 (2005) of 17 October 2005,");
        Paragraph(doc, "pp4", "preambular", 4, null, "Noting the important efforts of the Collective Security Treaty Organization through its regional operation “Nelegal”, aimed at reducing the incidence and negative impact of irregular migration,");
        Paragraph(doc, "op1", "operative", 5, "1", "Takes note with appreciation of the report of the Secretary-General on cooperation between the United Nations and regional and other organizations;");
        if (withOperative2)
            Paragraph(doc, "op2", "operative", 6, "2", "Notes with appreciation the efforts of the Collective Security Treaty Organization to combat illicit trafficking in drugs and weapons, and irregular migration and human trafficking, and to recover from natural and human-made disasters;");
        Paragraph(doc, "op3", "operative", 7, "3", "Decides to include in the provisional agenda of its seventy-ninth session the sub-item entitled “Cooperation between the United Nations and the Collective Security Treaty Organization”.");

        doc.Nodes.Add(Stub(Res5950, "General Assembly"));
        doc.Nodes.Add(Stub(Res6912, "General Assembly"));
        doc.Nodes.Add(Stub(Res7112, "General Assembly"));
        doc.Nodes.Add(Stub(Sc1631, "Security Council"));
        Cite(doc, "pp1", Res5950, "2004-12-02");
        Cite(doc, "pp2", Res6912, "2014-11-11");
        Cite(doc, "pp2", Res7112, "2016-11-21");
        Cite(doc, "pp3", Sc1631, "2005-10-17");
        doc.Nodes.Add(Organization());
        doc.Nodes.Add(new GraphNode("operation:nelegal", [Labels.Operation], new Dictionary<string, object?> { ["name"] = "Nelegal", ["source"] = Res7713 }));
        doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Mentions, $"{Res7713}#pp4", "operation:nelegal", Provenance(Res7713)));
        if (withOperative2) doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Mentions, $"{Res7713}#op2", Csto, Provenance(Res7713)));
        InSeries(doc);
        doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Succeeds, Res7713, Res7112, Provenance(Res7713)));
        return doc;
    }

    public static GraphDocument Resolution7112()
    {
        var doc = new GraphDocument(Res7112, "71/12. Cooperation between the United Nations and the Collective Security Treaty Organization …");
        doc.Nodes.Add(Resolution(Res7112, SeriesTitle, 71, 2016, "2016-11-21"));
        Paragraph(doc, "pp1", "preambular", 1, null, "Referring also to its resolution 59/50 of 2 December 2004, in which it granted the Collective Security Treaty Organization observer status in the General Assembly,");
        Paragraph(doc, "pp2", "preambular", 2, null, "Referring further to its resolutions 69/12 of 11 November 2014 on cooperation between the United Nations and the Collective Security Treaty Organization,");
        Paragraph(doc, "pp3", "preambular", 3, null, "Referring to all previous relevant resolutions of the Security Council, including resolution 1631 (2005) of 17 October 2005,");
        Paragraph(doc, "pp4", "preambular", 4, null, "Noting the progress in developing the potential of the collective rapid reaction forces of the Collective Security Treaty Organization,");
        Paragraph(doc, "op1", "operative", 5, "1", "Takes note with appreciation of the report of the Secretary-General on cooperation between the United Nations and regional and other organizations;");
        Paragraph(doc, "op2", "operative", 6, "2", "Notes with appreciation the efforts of the Collective Security Treaty Organization to combat illicit trafficking in drugs and weapons, and illegal migration and human trafficking, and to recover from natural and man-made disasters;");
        Paragraph(doc, "op3", "operative", 7, "3", "Decides to include in the provisional agenda of its seventy-third session the sub-item entitled “Cooperation between the United Nations and the Collective Security Treaty Organization”.");
        doc.Nodes.Add(Stub(Res5950, "General Assembly"));
        doc.Nodes.Add(Stub(Res6912, "General Assembly"));
        doc.Nodes.Add(Stub(Sc1631, "Security Council"));
        Cite(doc, "pp1", Res5950, "2004-12-02");
        Cite(doc, "pp2", Res6912, "2014-11-11");
        Cite(doc, "pp3", Sc1631, "2005-10-17");
        doc.Nodes.Add(Organization());
        doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Mentions, $"{Res7112}#op2", Csto, Provenance(Res7112)));
        InSeries(doc);
        doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Succeeds, Res7112, Res6912, Provenance(Res7112)));
        return doc;
    }

    /// <summary>A Security Council statement citing 77/13 twice in one paragraph (two keyed citations).</summary>
    public static GraphDocument Statement()
    {
        var doc = new GraphDocument(Prst, "The Security Council recalls General Assembly resolution 77/13 … and again resolution 77/13 …");
        doc.Nodes.Add(new GraphNode(Prst, [Labels.Document, Labels.PresidentialStatement], new Dictionary<string, object?>
        {
            ["symbol"] = Prst, ["body"] = "Security Council", ["kind"] = "presidential statement", ["year"] = 2023L,
            ["adoptionDate"] = "2023-01-10", ["title"] = "Statement by the President of the Security Council", ["source"] = Prst,
        }));
        Paragraph(doc, "pp1", "preambular", 1, null, "The Security Council recalls General Assembly resolution 77/13 and again resolution 77/13.");
        doc.Nodes.Add(Stub(Res7713, "General Assembly"));
        foreach (var key in (string[])["0", "1"])
            doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, $"{Prst}#pp1", Res7713,
                new Dictionary<string, object?> { ["via"] = "inline", ["source"] = Prst, ["spanStart"] = key == "0" ? 30L : 70L, ["spanEnd"] = key == "0" ? 43L : 83L }, key));
        doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, Prst, Res7713,
            new Dictionary<string, object?> { ["count"] = 2L, ["paragraphs"] = new List<object?> { $"{Prst}#pp1" } }));
        return doc;
    }

    /// <summary>A document nothing cites and that cites nothing.</summary>
    public static GraphDocument LonelyResolution()
    {
        var doc = new GraphDocument(Lonely, "1 (I). Establishment of a Commission …");
        doc.Nodes.Add(Resolution(Lonely, "Establishment of a Commission to Deal with the Problems Raised by the Discovery of Atomic Energy", 1, 1946, "1946-01-24"));
        return doc;
    }

    public static IEnumerable<GraphDocument> All() => [Resolution7713(), Resolution7112(), Statement(), LonelyResolution()];

    private static GraphNode Resolution(string id, string title, long session, long year, string date) =>
        new(id, [Labels.Document, Labels.Resolution], new Dictionary<string, object?>
        {
            ["symbol"] = id, ["body"] = "General Assembly", ["kind"] = "resolution", ["title"] = title,
            ["session"] = session, ["year"] = year, ["adoptionDate"] = date, ["source"] = id, ["spanStart"] = 0L, ["spanEnd"] = 10L,
        });

    private static GraphNode Stub(string id, string body) =>
        new(id, [Labels.Document], new Dictionary<string, object?> { ["symbol"] = id, ["body"] = body, ["stub"] = true });

    private static GraphNode Organization() =>
        new(Csto, [Labels.Organization], new Dictionary<string, object?> { ["name"] = "Collective Security Treaty Organization", ["acronym"] = "CSTO" });

    private static void Paragraph(GraphDocument doc, string local, string kind, long ordinal, string? number, string text)
    {
        var id = $"{doc.DocumentId}#{local}";
        var properties = new Dictionary<string, object?> { ["kind"] = kind, ["ordinal"] = ordinal, ["text"] = text, ["source"] = doc.DocumentId };
        if (number is not null) properties["number"] = number;
        doc.Nodes.Add(new GraphNode(id, [Labels.Paragraph], properties));
        doc.Relationships.Add(new GraphRelationship(RelationshipTypes.HasParagraph, doc.DocumentId, id, new Dictionary<string, object?> { ["ordinal"] = ordinal }));
    }

    private static void Cite(GraphDocument doc, string local, string cited, string date)
    {
        doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, $"{doc.DocumentId}#{local}", cited,
            new Dictionary<string, object?> { ["via"] = "inline", ["date"] = date, ["source"] = doc.DocumentId }));
        doc.Relationships.Add(new GraphRelationship(RelationshipTypes.Cites, doc.DocumentId, cited,
            new Dictionary<string, object?> { ["count"] = 1L, ["paragraphs"] = new List<object?> { $"{doc.DocumentId}#{local}" } }));
    }

    private static void InSeries(GraphDocument doc)
    {
        doc.Nodes.Add(new GraphNode(Series, [Labels.Series], new Dictionary<string, object?> { ["title"] = SeriesTitle }));
        doc.Relationships.Add(new GraphRelationship(RelationshipTypes.InSeries, doc.DocumentId, Series));
    }

    private static Dictionary<string, object?> Provenance(string source) => new() { ["source"] = source };
}
