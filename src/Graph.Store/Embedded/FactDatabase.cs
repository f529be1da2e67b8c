using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Graph.Store.Embedded;

/// <summary>The merged state of the nodes and relationships one ingest changed (null: gone).</summary>
internal sealed record ChangeSet(
    IReadOnlyDictionary<string, MergedNode?> Nodes,
    IReadOnlyList<RelationshipChange> Relationships);

/// <summary>A relationship whose merged state one ingest changed: its identity (type, ends, key) and that state (null: gone).</summary>
internal sealed record RelationshipChange(RelationshipFact Identity, RelationshipFact? Merged);

/// <summary>
/// The durable half of the embedded store: a SQLite database in WAL mode holding, per document, the
/// facts it stated (so a replace or removal takes back exactly those), and the merged graph that the
/// facts add up to (so opening the store is a straight scan). Each ingest is one transaction: a crash
/// leaves every document whole or absent.
/// </summary>
internal sealed class FactDatabase : IDisposable
{
    public const string FileName = "graph.db";
    private const int SchemaVersion = 2;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY, hash TEXT NOT NULL, text TEXT NOT NULL, diagnostics TEXT NOT NULL,
            node_count INTEGER NOT NULL, relationship_count INTEGER NOT NULL, ingested_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS node_facts (
            document TEXT NOT NULL REFERENCES documents(id), node TEXT NOT NULL,
            labels TEXT NOT NULL, properties TEXT NOT NULL, PRIMARY KEY (document, node)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS node_facts_by_node ON node_facts (node);
        CREATE TABLE IF NOT EXISTS relationship_facts (
            document TEXT NOT NULL REFERENCES documents(id), relationship TEXT NOT NULL,
            type TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL, key TEXT NOT NULL,
            properties TEXT NOT NULL, PRIMARY KEY (document, relationship)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS relationship_facts_by_relationship ON relationship_facts (relationship);
        CREATE TABLE IF NOT EXISTS nodes (
            id TEXT PRIMARY KEY, labels TEXT NOT NULL, properties TEXT NOT NULL, suppliers TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS relationships (
            id TEXT PRIMARY KEY, type TEXT NOT NULL, start TEXT NOT NULL, "end" TEXT NOT NULL,
            key TEXT NOT NULL, properties TEXT NOT NULL, supplier TEXT NOT NULL) WITHOUT ROWID;
        """;

    private readonly SqliteConnection _connection;

    /// <summary>
    /// Statements run once per node or relationship of every ingest, kept prepared: preparing them
    /// anew each time was a tenth of ingest time in the profile.
    /// </summary>
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);

    /// <summary>The transaction of a batch (<see cref="BeginBatch"/>) that every replace joins, else null.</summary>
    private SqliteTransaction? _batch;

    /// <summary>The transaction commands must run in now (SQLite commands name it explicitly).</summary>
    private SqliteTransaction? _active;

    /// <summary>A second connection for reads that must not wait for an ingest (WAL lets it read the last commit).</summary>
    private readonly Lazy<SqliteConnection> _reader;
    private readonly Lock _readerLock = new();

    private FactDatabase(SqliteConnection connection)
    {
        _connection = connection;
        _reader = new Lazy<SqliteConnection>(() =>
        {
            var builder = new SqliteConnectionStringBuilder(connection.ConnectionString) { Mode = SqliteOpenMode.ReadOnly };
            var reader = new SqliteConnection(builder.ToString());
            reader.Open();
            return reader;
        });
    }

    public static FactDatabase Open(string directory)
    {
        Directory.CreateDirectory(directory);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var database = new FactDatabase(connection);
        try
        {
            // WAL: readers never block the writer; NORMAL sync: a killed process loses nothing committed.
            // A 64 MiB page cache: at 100,000 documents the fact indexes outgrow the 2 MiB default cache.
            database.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-65536;");
            database.Execute(Schema);
            var version = database.Scalar("SELECT value FROM meta WHERE key = 'schema'");
            if (version is null)
                database.Execute($"INSERT INTO meta (key, value) VALUES ('schema', '{SchemaVersion}')");
            else if (version as string != SchemaVersion.ToString(CultureInfo.InvariantCulture))
                throw new InvalidDataException($"The store in {directory} has schema version {version}; this program reads version {SchemaVersion}.");
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var statement in _statements.Values) statement.Dispose();
        _statements.Clear();
        _batch?.Dispose();
        if (_reader.IsValueCreated) _reader.Value.Dispose();
        _connection.Dispose();
    }

    /// <summary>
    /// Starts one transaction that the following replaces join until <see cref="EndBatch"/>: committing
    /// once per batch of documents rather than once per document is most of ingest's speed at scale.
    /// </summary>
    public void BeginBatch()
    {
        if (_batch is not null) throw new InvalidOperationException("A batch is already open.");
        _active = _batch = _connection.BeginTransaction();
    }

    /// <summary>Commits (or rolls back) the batch's transaction.</summary>
    public void EndBatch(bool commit)
    {
        if (_batch is not { } batch) return;
        try
        {
            if (commit) batch.Commit();
            else batch.Rollback();
        }
        finally
        {
            batch.Dispose();
            _active = _batch = null;
        }
    }

    /// <summary>The text of a document as last committed, read beside a running ingest.</summary>
    public string? TryGetCommittedText(string documentId)
    {
        lock (_readerLock)
        {
            using var command = _reader.Value.CreateCommand();
            command.CommandText = "SELECT text FROM documents WHERE id = $id";
            command.Parameters.AddWithValue("$id", documentId);
            return command.ExecuteScalar() as string;
        }
    }

    public string? TryGetHash(string documentId) =>
        Scalar("SELECT hash FROM documents WHERE id = $id", ("$id", documentId)) as string;

    public long CountDocuments() => (long)Scalar("SELECT count(*) FROM documents")!;

    /// <summary>
    /// Replaces the facts of one document (none: removes it) in one transaction and returns the new
    /// merged state of everything whose merged state changed. Nothing is written if this throws.
    /// A statement added by a new document merges into the stored state directly; a changed or removed
    /// statement makes the node (or relationship) be merged again from all its statements.
    /// </summary>
    public ChangeSet Replace(string documentId, DocumentFacts? facts)
    {
        using var transaction = _batch is null ? _connection.BeginTransaction() : null;
        _active = transaction ?? _batch;
        try
        {
            var changes = ReplaceInTransaction(documentId, facts);
            transaction?.Commit();
            return changes;
        }
        finally
        {
            _active = _batch;
        }
    }

    private ChangeSet ReplaceInTransaction(string documentId, DocumentFacts? facts)
    {
        var oldNodes = new Dictionary<string, NodeFact>(StringComparer.Ordinal);
        var oldRelationships = new Dictionary<string, RelationshipFact>(StringComparer.Ordinal);
        using (var command = Command("SELECT node, labels, properties FROM node_facts WHERE document = $d", ("$d", documentId)))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) oldNodes[reader.GetString(0)] = new NodeFact(reader.GetString(0), reader.GetString(1), reader.GetString(2));
        using (var command = Command(
            "SELECT relationship, type, start, \"end\", key, properties FROM relationship_facts WHERE document = $d", ("$d", documentId)))
        using (var reader = command.ExecuteReader())
            while (reader.Read())
                oldRelationships[reader.GetString(0)] = new RelationshipFact(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));

        Execute("DELETE FROM node_facts WHERE document = $d", ("$d", documentId));
        Execute("DELETE FROM relationship_facts WHERE document = $d", ("$d", documentId));
        Execute("DELETE FROM documents WHERE id = $d", ("$d", documentId));
        var newNodes = facts?.Nodes.ToDictionary(n => n.NodeId, StringComparer.Ordinal) ?? [];
        var newRelationships = facts?.Relationships.ToDictionary(r => r.Id, StringComparer.Ordinal) ?? [];
        if (facts is not null) InsertFacts(documentId, facts);

        var nodes = new Dictionary<string, MergedNode?>(StringComparer.Ordinal);
        foreach (var nodeId in oldNodes.Keys.Union(newNodes.Keys).Order(StringComparer.Ordinal))
        {
            var before = oldNodes.GetValueOrDefault(nodeId);
            var after = newNodes.GetValueOrDefault(nodeId);
            if (before is not null && after is not null && before.Labels == after.Labels && before.Properties == after.Properties) continue;
            var merged = before is null && after is not null
                ? FactMerge.AddStatement(TryReadMergedNode(nodeId), nodeId, documentId, after.Labels, after.Properties)
                : FactMerge.MergeNode(nodeId, NodeStatements(nodeId));
            nodes[nodeId] = merged;
            if (merged is null) Execute("DELETE FROM nodes WHERE id = $id", ("$id", nodeId));
            else Execute("INSERT OR REPLACE INTO nodes (id, labels, properties, suppliers) VALUES ($id, $l, $p, $s)",
                ("$id", nodeId), ("$l", PropertyJson.WriteLabels(merged.Labels)), ("$p", PropertyJson.WriteProperties(merged.Properties)),
                ("$s", PropertyJson.WriteSuppliers(merged.Suppliers)));
        }

        var relationships = new List<RelationshipChange>();
        foreach (var relationshipId in oldRelationships.Keys.Union(newRelationships.Keys).Order(StringComparer.Ordinal))
        {
            var before = oldRelationships.GetValueOrDefault(relationshipId);
            var after = newRelationships.GetValueOrDefault(relationshipId);
            if (before is not null && after is not null && before == after) continue;
            var supplier = Scalar("SELECT supplier FROM relationships WHERE id = $id", ("$id", relationshipId)) as string;
            (string Document, RelationshipFact Fact)? merged;
            if (before is null)
            {
                // A new statement: it shows only if no earlier document states the relationship.
                if (supplier is not null && string.CompareOrdinal(supplier, documentId) < 0) continue;
                merged = (documentId, after!);
            }
            else
            {
                // A changed or withdrawn statement matters only if it was the one shown.
                if (supplier != documentId) continue;
                merged = FactMerge.MergeRelationship(RelationshipStatements(relationshipId));
            }
            relationships.Add(new RelationshipChange(before ?? after!, merged?.Fact));
            if (merged is not { } m) Execute("DELETE FROM relationships WHERE id = $id", ("$id", relationshipId));
            else Execute("""
                INSERT OR REPLACE INTO relationships (id, type, start, "end", key, properties, supplier) VALUES ($id, $t, $s, $e, $k, $p, $supplier)
                """, ("$id", relationshipId), ("$t", m.Fact.Type), ("$s", m.Fact.Start), ("$e", m.Fact.End),
                ("$k", m.Fact.Key), ("$p", m.Fact.Properties), ("$supplier", m.Document));
        }

        return new ChangeSet(nodes, relationships);
    }

    private void InsertFacts(string documentId, DocumentFacts facts)
    {
        Execute("""
            INSERT INTO documents (id, hash, text, diagnostics, node_count, relationship_count, ingested_at)
            VALUES ($id, $hash, $text, $diagnostics, $nodes, $relationships, $at)
            """,
            ("$id", documentId), ("$hash", facts.Hash), ("$text", facts.Text),
            ("$diagnostics", string.Join('\n', facts.Diagnostics.Select(d => d.ToString()))),
            ("$nodes", facts.Nodes.Count), ("$relationships", facts.Relationships.Count),
            ("$at", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
        using (var insert = Command("INSERT INTO node_facts (document, node, labels, properties) VALUES ($d, $n, $l, $p)",
            ("$d", documentId), ("$n", ""), ("$l", ""), ("$p", "")))
        {
            foreach (var node in facts.Nodes)
            {
                insert.Parameters["$n"].Value = node.NodeId;
                insert.Parameters["$l"].Value = node.Labels;
                insert.Parameters["$p"].Value = node.Properties;
                insert.ExecuteNonQuery();
            }
        }
        using var insertRelationship = Command("""
            INSERT INTO relationship_facts (document, relationship, type, start, "end", key, properties)
            VALUES ($d, $r, $t, $s, $e, $k, $p)
            """, ("$d", documentId), ("$r", ""), ("$t", ""), ("$s", ""), ("$e", ""), ("$k", ""), ("$p", ""));
        foreach (var relationship in facts.Relationships)
        {
            insertRelationship.Parameters["$r"].Value = relationship.Id;
            insertRelationship.Parameters["$t"].Value = relationship.Type;
            insertRelationship.Parameters["$s"].Value = relationship.Start;
            insertRelationship.Parameters["$e"].Value = relationship.End;
            insertRelationship.Parameters["$k"].Value = relationship.Key;
            insertRelationship.Parameters["$p"].Value = relationship.Properties;
            insertRelationship.ExecuteNonQuery();
        }
    }

    private MergedNode? TryReadMergedNode(string nodeId)
    {
        using var reader = Prepared("SELECT labels, properties, suppliers FROM nodes WHERE id = $id", [("$id", nodeId)]).ExecuteReader();
        if (!reader.Read()) return null;
        return new MergedNode(nodeId, PropertyJson.ReadLabels(reader.GetString(0)), PropertyJson.ReadProperties(reader.GetString(1)),
            PropertyJson.ReadSuppliers(reader.GetString(2)));
    }

    /// <summary>Every merged node with the documents that supplied its properties, in id order.</summary>
    public IEnumerable<(string Id, string Labels, string Properties, string Suppliers)> ReadNodesWithSuppliers()
    {
        using var command = Command("SELECT id, labels, properties, suppliers FROM nodes ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
    }

    /// <summary>Every merged relationship with the document whose statement it shows, in id order.</summary>
    public IEnumerable<(string Supplier, RelationshipFact Fact)> ReadRelationshipsWithSuppliers()
    {
        using var command = Command("""SELECT supplier, id, type, start, "end", key, properties FROM relationships ORDER BY id""");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return (reader.GetString(0), new RelationshipFact(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
    }

    /// <summary>Every merged node, in id order.</summary>
    public IEnumerable<(string Id, string Labels, string Properties)> ReadNodes()
    {
        using var command = Command("SELECT id, labels, properties FROM nodes ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    /// <summary>Every merged relationship, in id order.</summary>
    public IEnumerable<RelationshipFact> ReadRelationships()
    {
        using var command = Command("""SELECT id, type, start, "end", key, properties FROM relationships ORDER BY id""");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new RelationshipFact(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
    }

    public IEnumerable<(string Document, string Labels, string Properties)> NodeStatements(string nodeId)
    {
        // Identical statements by later documents change nothing, so each distinct one is read once
        // (the node's own statement always, since it outranks the others).
        using var command = Command("""
            SELECT min(document), labels, properties FROM node_facts WHERE node = $n AND document <> $n GROUP BY labels, properties
            UNION ALL
            SELECT document, labels, properties FROM node_facts WHERE node = $n AND document = $n
            """, ("$n", nodeId));
        using var reader = command.ExecuteReader();
        var result = new List<(string, string, string)>();
        while (reader.Read()) result.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return result;
    }

    public IEnumerable<(string Document, RelationshipFact Fact)> RelationshipStatements(string relationshipId)
    {
        using var command = Command("""
            SELECT document, type, start, "end", key, properties FROM relationship_facts WHERE relationship = $r
            """, ("$r", relationshipId));
        using var reader = command.ExecuteReader();
        var result = new List<(string, RelationshipFact)>();
        while (reader.Read())
            result.Add((reader.GetString(0), new RelationshipFact(relationshipId, reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5))));
        return result;
    }

    public IReadOnlyList<(string Id, string Diagnostics)> ReadDiagnostics()
    {
        using var command = Command("SELECT id, diagnostics FROM documents WHERE diagnostics <> '' ORDER BY id");
        using var reader = command.ExecuteReader();
        var result = new List<(string, string)>();
        while (reader.Read()) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    /// <summary>Rows of a query with one text column, for integrity checks.</summary>
    public IReadOnlyList<string> QueryStrings(string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read()) result.Add(reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        return result;
    }

    public long StoreSizeBytes(string directory) =>
        Directory.EnumerateFiles(directory, FileName + "*").Sum(f => new FileInfo(f).Length);

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _active;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    /// <summary>A kept, prepared command for <paramref name="sql"/> with these parameter values, in the active transaction.</summary>
    private SqliteCommand Prepared(string sql, (string Name, object Value)[] parameters)
    {
        if (!_statements.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _statements[sql] = command;
        }
        command.Transaction = _active;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters) => Prepared(sql, parameters).ExecuteNonQuery();

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        var value = Prepared(sql, parameters).ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
