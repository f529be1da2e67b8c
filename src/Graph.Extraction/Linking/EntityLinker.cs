using Graph.Extraction.Recognisers;
using Graph.Extraction.Structure;
using Graph.Model;

namespace Graph.Extraction.Linking;

/// <summary>
/// Links the document to the entities its text names: session, meeting, the draft or report it was adopted
/// from, organisations, operations, agreements, its series, and what it requests.
/// </summary>
internal static class EntityLinker
{
    public static void Link(GraphBuilder builder, LaidOutText laid, IReadOnlyList<ParagraphInfo> paragraphs, DocumentIdentity identity, IReadOnlyList<Citation> citations, Gazetteer gazetteer) =>
        Link(builder, laid, paragraphs, identity, citations, gazetteer, int.MaxValue, out _);

    /// <summary>
    /// Links at most <paramref name="maxMentions"/> mentions of organisations, operations and agreements (see
    /// <see cref="ExtractionLimits.MaxMentions"/>), the first read paragraph by paragraph; <paramref name="firstNotKept"/> is
    /// the span of the first mention past the bound, or null when every mention was linked.
    /// </summary>
    public static void Link(GraphBuilder builder, LaidOutText laid, IReadOnlyList<ParagraphInfo> paragraphs, DocumentIdentity identity, IReadOnlyList<Citation> citations, Gazetteer gazetteer,
        int maxMentions, out SourceSpan? firstNotKept)
    {
        var budget = new MentionBudget(maxMentions);
        var text = laid.Text;
        var documentId = identity.Symbol.Canonical;
        LinkSession(builder, identity, documentId);
        LinkMeeting(builder, identity, documentId);
        foreach (var draft in identity.AdoptedFrom)
        {
            // GA resolutions name the committee report they come from; Security Council texts name the draft ("[S/801]").
            var kind = draft.Value.Kind ?? (documentId.StartsWith("S/", StringComparison.Ordinal) ? "draft resolution" : "report");
            DocumentNodes.AddStub(builder, draft.Value, kind == "draft" ? "draft resolution" : kind, null, null, draft.Span);
            builder.Relationship(RelationshipTypes.AdoptedFrom, documentId, draft.Value.Canonical, draft.Span);
        }
        // A paragraph names an organisation or so: room made for that once, not by doubling a long text's collections.
        builder.EnsureRelationshipCapacity(paragraphs.Count);
        foreach (var paragraph in paragraphs)
        {
            if (budget.Spent) break;
            var organisations = OrganisationRecogniser.Recognise(text, paragraph.ContentStart, paragraph.Span.End, gazetteer);
            foreach (var mention in organisations)
            {
                if (!budget.Take(mention.Span)) break;
                AddOrganisation(builder, mention);
                var asWritten = mention.AsWritten != mention.Name ? mention.AsWritten : null;
                builder.Relationship(RelationshipTypes.Mentions, paragraph.Id, mention.Id, [("asWritten", asWritten)], mention.Span, "", mention.Span.Start);
            }
            foreach (var operation in OperationRecogniser.Recognise(text, paragraph.ContentStart, paragraph.Span.End, budget.OneMoreThanLeft))
            {
                if (!budget.Take(operation.Span)) break;
                // One operation is one node whatever name the text gives it ("Operation IRINI", "EUNAVFOR MED IRINI").
                var known = OperationGazetteer.Default.TryGet(operation.Name, out var entry) ? entry : null;
                var id = "operation:" + (known?.Id ?? GraphBuilder.Slug(operation.Name));
                var conductor = organisations.LastOrDefault(o => o.Span.End <= operation.Span.Start && operation.Span.Start - o.Span.End < 120 && o.Id != "org:united-nations");
                builder.Node(id, [Labels.Operation],
                [
                    ("name", known?.Name ?? operation.Name),
                    ("aliases", known is { Aliases.Count: > 0 } ? known.Aliases.Cast<object?>().ToList() : null),
                    ("purpose", operation.Purpose),
                    ("organization", conductor?.Name ?? known?.Organization),
                ], operation.Span);
                var asWritten = known is not null && operation.Name != known.Name ? operation.Name : null;
                builder.Relationship(RelationshipTypes.Mentions, paragraph.Id, id, [("asWritten", asWritten)], operation.Span, "", operation.Span.Start);
            }
            foreach (var agreement in AgreementRecogniser.Recognise(text, paragraph.ContentStart, paragraph.Span.End, organisations))
            {
                if (!budget.Take(agreement.Span)) break;
                // Two parties and a kind name one agreement whatever date a text gives it; otherwise the date or place tells agreements apart.
                var identifying = agreement.Parties.Count >= 2 ? agreement.Parties.Select(ShortName) : [agreement.Date ?? agreement.Place ?? GraphBuilder.Slug(agreement.Text)];
                var id = "agreement:" + GraphBuilder.Slug(string.Join(' ', identifying.Prepend(agreement.Kind)));
                builder.Node(id, [Labels.Agreement],
                [
                    ("kind", agreement.Kind),
                    ("title", agreement.Text),
                    ("date", agreement.Date),
                    ("place", agreement.Place),
                    ("parties", agreement.Parties.Select(p => (object?)p.Name).ToList()),
                ], agreement.Span);
                builder.Relationship(RelationshipTypes.Mentions, paragraph.Id, id, [], agreement.Span, "", agreement.Span.Start);
                foreach (var party in agreement.Parties)
                    builder.Relationship(RelationshipTypes.PartyTo, party.Id, id, party.Span);
            }
        }
        firstNotKept = budget.FirstNotKept;
        LinkSeries(builder, text, identity, paragraphs, citations, documentId);
        foreach (var request in RequestRecogniser.Recognise(text, paragraphs))
        {
            var sessionId = AddSession(builder, "A", request.Session, request.Span);
            builder.Relationship(RelationshipTypes.Requests, documentId, sessionId,
                [("what", request.What), ("addressee", request.Addressee), ("paragraph", request.Paragraph.Id)], request.Span, request.Paragraph.Id[(request.Paragraph.Id.IndexOf('#', StringComparison.Ordinal) + 1)..]);
        }
    }

    /// <summary>
    /// How many more mentions may be linked. A text can name an organisation every few words: 31 MB of "Economic and Social
    /// Council resolutions 2019/15, " named it 632,000 times, and 31 MB of "Operation " made 1.5 million operations, whose
    /// links, uploaded, ran the server's heap out.
    /// </summary>
    private sealed class MentionBudget(int max)
    {
        private int _taken;

        /// <summary>How many mentions a recogniser need read to show whether there are more than the bound leaves room for.</summary>
        public int OneMoreThanLeft => ExtractionLimits.OneMoreThan(max - _taken);

        public bool Spent => FirstNotKept is not null;

        public SourceSpan? FirstNotKept { get; private set; }

        /// <summary>Takes one mention if the bound leaves room; otherwise records the first one past it and says no.</summary>
        public bool Take(SourceSpan span)
        {
            if (FirstNotKept is not null) return false;
            if (_taken < max)
            {
                _taken++;
                return true;
            }
            FirstNotKept = span;
            return false;
        }
    }

    private static string ShortName(OrganisationMention mention) =>
        mention.Entry?.Aliases.FirstOrDefault(a => a.Length <= 8 && a.All(c => char.IsUpper(c) || c == '-')) ?? mention.Name;

    private static void AddOrganisation(GraphBuilder builder, OrganisationMention mention)
    {
        var entry = mention.Entry;
        // A long text names the same organisations thousands of times: the lists are made only for a node that has not
        // got them yet (a property already stated is kept, so making them again would change nothing).
        var known = builder.TryGetNode(mention.Id);
        builder.Node(mention.Id, [Labels.Organization],
        [
            ("name", mention.Name),
            ("kind", entry?.Kind),
            ("aliases", entry is { Aliases.Count: > 0 } && known?.HasProperty("aliases") != true ? entry.Aliases.Cast<object?>().ToList() : null),
            ("formerNames", entry is { FormerNames.Count: > 0 } && known?.HasProperty("formerNames") != true ? entry.FormerNames.Select(f => (object?)f.Name).ToList() : null),
        ], mention.Span);
    }

    private static void LinkSession(GraphBuilder builder, DocumentIdentity identity, string documentId)
    {
        var session = identity.Session?.Value ?? identity.Symbol.Session;
        if (session is null || !documentId.StartsWith("A/", StringComparison.Ordinal)) return;
        var id = AddSession(builder, "A", (int)session.Value, identity.Session?.Span);
        builder.Relationship(RelationshipTypes.InSession, documentId, id, identity.Session?.Span);
    }

    private static string AddSession(GraphBuilder builder, string organ, int number, SourceSpan? span)
    {
        var id = $"session:{organ}/{number}";
        builder.Node(id, [Labels.Session], [("body", "General Assembly"), ("number", (long)number)], span);
        return id;
    }

    private static void LinkMeeting(GraphBuilder builder, DocumentIdentity identity, string documentId)
    {
        if (identity.MeetingId is not { } id || identity.MeetingNumber is not { } number) return;
        var isSecurityCouncil = id.StartsWith("S/", StringComparison.Ordinal);
        builder.Node(id, [Labels.Meeting],
        [
            ("body", isSecurityCouncil ? "Security Council" : "General Assembly"),
            ("number", number.Value),
            ("date", identity.MeetingDate?.Value ?? identity.AdoptionDate?.Value),
            ("session", isSecurityCouncil ? null : identity.Session?.Value ?? identity.Symbol.Session),
            ("plenary", isSecurityCouncil ? null : true),
        ], number.Span);
        builder.Relationship(RelationshipTypes.AdoptedAt, documentId, id, [("printedNumber", identity.PrintedMeetingNumber)], number.Span);
    }

    private static void LinkSeries(GraphBuilder builder, string text, DocumentIdentity identity, IReadOnlyList<ParagraphInfo> paragraphs, IReadOnlyList<Citation> citations, string documentId)
    {
        var series = SeriesRecogniser.Recognise(text, identity, paragraphs, citations);
        if (series is null) return;
        var id = "series:" + GraphBuilder.Slug(series.Title);
        builder.Node(id, [Labels.Series], [("title", series.Title)], series.Span);
        if (series.SelfBelongs) builder.Relationship(RelationshipTypes.InSeries, documentId, id, series.Span);
        string? later = series.SelfBelongs ? documentId : null;
        foreach (var earlier in series.Earlier.AsEnumerable().Reverse())
        {
            var earlierId = earlier.Cited.Canonical;
            builder.Relationship(RelationshipTypes.InSeries, earlierId, id, earlier.Span);
            if (later is not null && later != earlierId)
                builder.Relationship(RelationshipTypes.Succeeds, later, earlierId, earlier.Span);
            later = earlierId;
        }
    }
}
