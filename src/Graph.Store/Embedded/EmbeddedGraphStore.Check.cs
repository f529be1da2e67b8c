namespace Graph.Store.Embedded;

public sealed partial class EmbeddedGraphStore
{
    /// <summary>
    /// Verifies the store end to end and returns the problems found (none for a sound store):
    /// SQLite's own integrity and foreign-key checks; every document's fact set stands on its own
    /// (each relationship's ends are nodes of the same document) and matches its recorded counts;
    /// the merged tables equal what the facts add up to; every relationship's ends exist; and the
    /// in-memory graph and its indexes agree with the merged tables.
    /// </summary>
    public async ValueTask<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken = default)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var problems = new List<string>(LoadProblems);
            var integrity = _database.QueryStrings("PRAGMA integrity_check");
            if (integrity is not ["ok"]) problems.AddRange(integrity.Select(line => $"SQLite integrity: {line}"));
            problems.AddRange(_database.QueryStrings("PRAGMA foreign_key_check").Select(table => $"SQLite foreign key check failed in {table}."));

            problems.AddRange(_database.QueryStrings("""
                SELECT 'Document ' || f.document || ' states relationship ' || f.relationship || ' without stating its end ' ||
                       CASE WHEN s.node IS NULL THEN f.start ELSE f."end" END || '.'
                FROM relationship_facts f
                LEFT JOIN node_facts s ON s.document = f.document AND s.node = f.start
                LEFT JOIN node_facts e ON e.document = f.document AND e.node = f."end"
                WHERE s.node IS NULL OR e.node IS NULL
                """));
            problems.AddRange(_database.QueryStrings("""
                SELECT 'Document ' || d.id || ' records ' || d.node_count || ' nodes and ' || d.relationship_count ||
                       ' relationships but has ' || (SELECT count(*) FROM node_facts WHERE document = d.id) || ' and ' ||
                       (SELECT count(*) FROM relationship_facts WHERE document = d.id) || '.'
                FROM documents d
                WHERE d.node_count <> (SELECT count(*) FROM node_facts WHERE document = d.id)
                   OR d.relationship_count <> (SELECT count(*) FROM relationship_facts WHERE document = d.id)
                """));
            problems.AddRange(_database.QueryStrings("""
                SELECT 'Relationship ' || r.id || ' ends at a node that is not stored.'
                FROM relationships r
                WHERE NOT EXISTS (SELECT 1 FROM nodes WHERE id = r.start) OR NOT EXISTS (SELECT 1 FROM nodes WHERE id = r."end")
                """));
            problems.AddRange(_database.QueryStrings("""
                SELECT 'Node ' || id || ' is stored but no document states it.' FROM nodes n
                WHERE NOT EXISTS (SELECT 1 FROM node_facts WHERE node = n.id)
                UNION ALL
                SELECT 'Relationship ' || id || ' is stored but no document states it.' FROM relationships r
                WHERE NOT EXISTS (SELECT 1 FROM relationship_facts WHERE relationship = r.id)
                """));
            CheckMergedTables(problems, cancellationToken);
            CheckMemory(problems);
            return problems;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private void CheckMergedTables(List<string> problems, CancellationToken cancellationToken)
    {
        var stored = _database.ReadNodesWithSuppliers().ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var nodeId in _database.QueryStrings("SELECT DISTINCT node FROM node_facts ORDER BY node"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var merged = FactMerge.MergeNode(nodeId, _database.NodeStatements(nodeId))!;
            if (!stored.TryGetValue(nodeId, out var row))
                problems.Add($"Node {nodeId} is stated by a document but missing from the merged nodes.");
            else if (row.Labels != PropertyJson.WriteLabels(merged.Labels) || row.Properties != PropertyJson.WriteProperties(merged.Properties)
                || row.Suppliers != PropertyJson.WriteSuppliers(merged.Suppliers))
                problems.Add($"Node {nodeId} differs from what the documents stating it add up to.");
        }
        var relationships = _database.ReadRelationshipsWithSuppliers().ToDictionary(r => r.Fact.Id, StringComparer.Ordinal);
        foreach (var relationshipId in _database.QueryStrings("SELECT DISTINCT relationship FROM relationship_facts ORDER BY relationship"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var merged = FactMerge.MergeRelationship(_database.RelationshipStatements(relationshipId))!.Value;
            if (!relationships.TryGetValue(relationshipId, out var row))
                problems.Add($"Relationship {relationshipId} is stated by a document but missing from the merged relationships.");
            else if (row != merged)
                problems.Add($"Relationship {relationshipId} differs from what the documents stating it add up to.");
        }
    }

    private void CheckMemory(List<string> problems)
    {
        problems.AddRange(Graph.CheckIntegrity().Select(problem => $"In memory: {problem}"));
        using var _ = Graph.EnterRead();
        var nodes = _database.ReadNodes().ToList();
        if (nodes.Count != Graph.NodeCount) problems.Add($"Memory holds {Graph.NodeCount} nodes but the database {nodes.Count}.");
        foreach (var (id, labels, properties) in nodes)
        {
            if (!Graph.TryGetNodeByKey(id, out var node))
            {
                problems.Add($"Node {id} is in the database but not in memory.");
                continue;
            }
            if (PropertyJson.WriteLabels(node.Labels) != labels || PropertyJson.WriteProperties(node.Properties) != properties)
                problems.Add($"Node {id} in memory differs from the database.");
        }
        var relationships = _database.ReadRelationships().ToList();
        if (relationships.Count != Graph.RelationshipCount)
            problems.Add($"Memory holds {Graph.RelationshipCount} relationships but the database {relationships.Count}.");
        foreach (var relationship in relationships)
        {
            if (!TryFindRelationship(relationship, out var internalId) || !Graph.TryGetRelationship(internalId, out var inMemory))
                problems.Add($"Relationship {relationship.Id} is in the database but not in memory.");
            else if (PropertyJson.WriteProperties(inMemory.Properties) != relationship.Properties)
                problems.Add($"Relationship {relationship.Id} in memory differs from the database.");
        }
    }
}
