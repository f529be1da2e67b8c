namespace Graph.Cypher.Planning;

/// <summary>
/// One operator of a query plan as EXPLAIN shows it and PROFILE measures it. Rows are the rows it handed on; db hits
/// are the graph reads made while it (not its children) was working, counted by <see cref="CountingGraphAccess"/>.
/// </summary>
internal sealed class PlanOperator(string name, string details, IReadOnlyList<string> identifiers, double estimatedRows)
{
    public string Name { get; } = name;

    public string Details { get; } = details;

    public IReadOnlyList<string> Identifiers { get; } = identifiers;

    public double EstimatedRows { get; set; } = estimatedRows;

    public long Rows { get; set; }

    public long DbHits { get; set; }

    public List<PlanOperator> Children { get; } = [];

    public CypherPlan ToPlan(bool profiled) => new(
        Name + "@neo4j", Details, Identifiers, Math.Round(EstimatedRows, 2), profiled ? Rows : null, profiled ? DbHits : null,
        Children.Select(c => c.ToPlan(profiled)).ToList());
}

/// <summary>Which operator is working now, so that a graph read is charged to it; and the rows each operator hands on.</summary>
internal sealed class Profiler
{
    private readonly Stack<PlanOperator> working = new();

    /// <summary>The operator that reads done outside any counted operator are charged to (the plan's root).</summary>
    public PlanOperator? Root { get; set; }

    /// <summary>The scan operator of the clause now working, charged with the candidates a start lookup yields.</summary>
    public Dictionary<PlanOperator, PlanOperator> ScanOf { get; } = [];

    public PlanOperator? Current => working.Count > 0 ? working.Peek() : Root;

    public void Hit(long count = 1)
    {
        if (Current is { } op) op.DbHits += count;
    }

    /// <summary>A start lookup's candidates: rows and hits of the scan under the working operator.</summary>
    public IEnumerable<long> Scanned(IEnumerable<long> candidates)
    {
        // Under a MATCH with a scan beneath it, the scan's rows are the candidates; a lone scan counts its own output rows.
        var scan = Current is { } op && ScanOf.TryGetValue(op, out var s) ? s : null;
        var charged = scan ?? Current;
        foreach (var id in candidates)
        {
            if (scan is not null) scan.Rows++;
            if (charged is not null) charged.DbHits++;

            yield return id;
        }
    }

    /// <summary>Counts the rows <paramref name="rows"/> yields to <paramref name="op"/>, charging the reads made while producing each to it.</summary>
    public IEnumerable<T> Count<T>(PlanOperator op, IEnumerable<T> rows)
    {
        working.Push(op);
        IEnumerator<T> enumerator;
        try
        {
            enumerator = rows.GetEnumerator();
        }
        finally
        {
            working.Pop();
        }

        using (enumerator)
        {
            while (true)
            {
                working.Push(op);
                bool more;
                try
                {
                    more = enumerator.MoveNext();
                }
                finally
                {
                    working.Pop();
                }

                if (!more) yield break;
                op.Rows++;
                yield return enumerator.Current;
            }
        }
    }
}
