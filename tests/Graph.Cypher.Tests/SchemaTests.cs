using Graph.Extraction;
using Microsoft.Data.Sqlite;

namespace Graph.Cypher.Tests;

/// <summary>
/// The schema as Neo4j tools read and change it: db.schema.* procedures, SHOW INDEXES / CONSTRAINTS / PROCEDURES /
/// FUNCTIONS with Neo4j's columns, CREATE/DROP INDEX and CONSTRAINT (uniqueness enforced on writes), and index
/// definitions that survive reopening the embedded store.
/// </summary>
public sealed class SchemaTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "graph-schema", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private static CypherEngine Engine()
    {
        var engine = new CypherEngine();
        engine.Run("CREATE (:Document:Resolution {id: 'A', year: 2020, title: 'One'})-[:CITES {verb: 'recalls'}]->(:Document {id: 'B', year: 2021.5})-[:IN_SERIES]->(:Series {name: 'S'})");
        return engine;
    }

    [Fact]
    public void NodeTypePropertiesListEachPropertyOfEachLabelSetWithItsTypes()
    {
        var rows = Engine().Run("CALL db.schema.nodeTypeProperties()");
        Assert.Equal(["nodeType", "nodeLabels", "propertyName", "propertyTypes", "mandatory"], rows.Columns);
        var text = rows.Rows.Select(r => $"{r[0]} {r[2]} {string.Join("|", (List<object?>)r[3]!)} {r[4]}").ToList();
        Assert.Contains(":`Document`:`Resolution` title String True", text);
        Assert.Contains(":`Document`:`Resolution` year Long True", text);
        Assert.Contains(":`Document` year Double True", text);
        Assert.Contains(":`Series` name String True", text);
    }

    [Fact]
    public void RelTypePropertiesMarkPropertiesNotEveryRelationshipHas()
    {
        var engine = Engine();
        engine.Run("MATCH (b {id: 'B'}) CREATE (b)-[:CITES]->(:Document {id: 'C'})");
        var rows = engine.Run("CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes, mandatory RETURN *").Rows
            .Select(r => string.Join(" ", r.Select(v => v is List<object?> l ? string.Join("|", l) : v?.ToString() ?? "null"))).ToList();
        Assert.Contains("False verb String :`CITES`", rows);
        Assert.Contains("False null null :`IN_SERIES`", rows);
    }

    [Fact]
    public void VisualizationHasOneNodePerLabelAndOneRelationshipPerTriple()
    {
        var row = Assert.Single(Engine().Run("CALL db.schema.visualization()").Rows);
        var nodes = ((List<object?>)row[0]!).Cast<CypherNode>().ToList();
        var relationships = ((List<object?>)row[1]!).Cast<CypherRelationship>().ToList();
        Assert.Equal(["Document", "Resolution", "Series"], nodes.Select(n => n.Properties["name"]));
        var byId = nodes.ToDictionary(n => n.ElementId, n => n.Labels[0]);
        Assert.Equal(["Document-CITES->Document", "Document-IN_SERIES->Series", "Resolution-CITES->Document"],
            relationships.Select(r => $"{byId[r.StartNodeElementId]}-{r.Type}->{byId[r.EndNodeElementId]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ShowIndexesHasNeo4jsDefaultColumnsAndListsCreatedIndexes()
    {
        var engine = Engine();
        var created = engine.Run("CREATE INDEX doc_year IF NOT EXISTS FOR (d:Document) ON (d.year)");
        Assert.Equal(1, created.Counters.IndexesAdded);
        Assert.Equal(0, engine.Run("CREATE INDEX doc_year IF NOT EXISTS FOR (d:Document) ON (d.year)").Counters.IndexesAdded);
        engine.Run("CREATE TEXT INDEX FOR (d:Document) ON (d.title)");
        var shown = engine.Run("SHOW INDEXES");
        Assert.Equal(["id", "name", "state", "populationPercent", "type", "entityType", "labelsOrTypes", "properties", "indexProvider",
            "owningConstraint", "lastRead", "readCount"], shown.Columns);
        var names = shown.Rows.Select(r => $"{r[1]} {r[4]} {r[5]}").ToList();
        Assert.Contains("doc_year RANGE NODE", names);
        Assert.Contains(names, n => n.StartsWith("index_", StringComparison.Ordinal) && n.EndsWith("TEXT NODE", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("LOOKUP NODE", StringComparison.Ordinal));
        var filtered = engine.Run("SHOW RANGE INDEXES YIELD name, createStatement WHERE name STARTS WITH 'doc' RETURN name, createStatement");
        Assert.Equal("CREATE RANGE INDEX `doc_year` FOR (n:`Document`) ON (n.`year`)", Assert.Single(filtered.Rows)[1]);
        var error = Assert.Throws<CypherException>(() => engine.Run("CREATE INDEX doc_year FOR (d:Series) ON (d.name)"));
        Assert.Equal("Neo.ClientError.Schema.IndexAlreadyExists", error.StatusCode);
        Assert.Equal(1, engine.Run("DROP INDEX doc_year").Counters.IndexesRemoved);
        Assert.DoesNotContain(engine.Run("SHOW INDEXES YIELD name").Rows, r => (string)r[0]! == "doc_year");
        Assert.Equal("Neo.ClientError.Schema.IndexDropFailed", Assert.Throws<CypherException>(() => engine.Run("DROP INDEX doc_year")).StatusCode);
        Assert.Equal(0, engine.Run("DROP INDEX doc_year IF EXISTS").Counters.IndexesRemoved);
    }

    [Fact]
    public void AUniquenessConstraintIsListedAndRefusesADuplicateWrite()
    {
        var engine = Engine();
        Assert.Equal(1, engine.Run("CREATE CONSTRAINT series_name FOR (s:Series) REQUIRE s.name IS UNIQUE").Counters.ConstraintsAdded);
        var constraint = Assert.Single(engine.Run("SHOW CONSTRAINTS").Rows);
        Assert.Equal(["series_name", "UNIQUENESS", "NODE"], constraint.Skip(1).Take(3));
        Assert.Contains(engine.Run("SHOW INDEXES YIELD name, owningConstraint").Rows, r => (string?)r[1] == "series_name");
        var duplicate = Assert.Throws<CypherException>(() => engine.Run("CREATE (:Series {name: 'S'})"));
        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", duplicate.StatusCode);
        Assert.Equal(1L, engine.Run("MATCH (s:Series) RETURN count(s)").Rows[0][0]);
        engine.Run("CREATE (:Series {name: 'T'})");
        Assert.Throws<CypherException>(() => engine.Run("MATCH (s:Series {name: 'T'}) SET s.name = 'S'"));
        Assert.Equal(["S", "T"], engine.Run("MATCH (s:Series) RETURN s.name ORDER BY s.name").Rows.Select(r => r[0]));
    }

    [Fact]
    public void AConstraintOnDuplicatedDataIsRefused()
    {
        var engine = Engine();
        engine.Run("CREATE (:Series {name: 'S'})");
        var error = Assert.Throws<CypherException>(() => engine.Run("CREATE CONSTRAINT FOR (s:Series) REQUIRE s.name IS UNIQUE"));
        Assert.Equal("Neo.ClientError.Schema.ConstraintCreationFailed", error.StatusCode);
        Assert.Empty(engine.Run("SHOW CONSTRAINTS").Rows);
    }

    [Fact]
    public void ShowProceduresAndFunctionsListWhatCanBeCalled()
    {
        var engine = Engine();
        var procedures = engine.Run("SHOW PROCEDURES");
        Assert.Equal(["name", "description", "mode", "worksOnSystem"], procedures.Columns);
        Assert.Contains(procedures.Rows, r => (string)r[0]! == "db.schema.nodeTypeProperties");
        Assert.DoesNotContain(procedures.Rows, r => ((string)r[0]!).StartsWith(' '));
        var signature = engine.Run("SHOW PROCEDURES YIELD name, signature WHERE name = 'db.labels' RETURN signature");
        Assert.Equal("db.labels() :: (label :: STRING)", Assert.Single(signature.Rows)[0]);
        var functions = engine.Run("SHOW FUNCTIONS");
        Assert.Equal(["name", "category", "description"], functions.Columns);
        var names = functions.Rows.Select(r => (string)r[0]!).ToList();
        Assert.Contains("toLower", names);
        Assert.Contains("duration.between", names);
        Assert.Equal("Aggregating", Assert.Single(functions.Rows, r => (string)r[0]! == "collect")[1]);
        Assert.Empty(engine.Run("SHOW USER DEFINED FUNCTIONS").Rows);
    }

    [Fact]
    public async Task IndexesAndConstraintsSurviveReopeningTheStore()
    {
        await using (var store = EmbeddedCypher.OpenStore(_directory))
        {
            var extractor = new DocumentExtractor();
            foreach (var file in Directory.EnumerateFiles(TestData.Seeds, "*.txt").Order(StringComparer.Ordinal))
                await store.IngestAsync(extractor.ExtractFile(file), TestContext.Current.CancellationToken);
            var engine = EmbeddedCypher.Engine(store, new CypherOptions());
            engine.Run("CREATE INDEX note_topic FOR (n:Note) ON (n.topic)");
            engine.Run("CREATE CONSTRAINT note_key FOR (n:Note) REQUIRE n.key IS UNIQUE");
            engine.Run("CREATE (:Note {key: 1, topic: 'csto'})");
        }

        await using var reopened = EmbeddedCypher.OpenStore(_directory);
        var again = EmbeddedCypher.Engine(reopened, new CypherOptions());
        var names = again.Run("SHOW INDEXES YIELD name RETURN name").Rows.Select(r => (string)r[0]!).ToList();
        Assert.Contains("note_topic", names);
        Assert.Contains("note_key", names);
        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed",
            Assert.Throws<CypherException>(() => again.Run("CREATE (:Note {key: 1})")).StatusCode);
    }

    [Fact]
    public void AFullTextIndexAnswersLuceneQueriesWithScores()
    {
        var engine = new CypherEngine();
        engine.Run("CREATE (:Paragraph {text: 'Condemns the attacks on peacekeepers'}), (:Paragraph {text: 'Welcomes the report on peacekeeping operations'}), " +
                   "(:Paragraph {text: 'Decides to remain seized of the matter'}), (:Note {text: 'peacekeepers'})");
        Assert.Equal(1, engine.Run("CREATE FULLTEXT INDEX paragraphs FOR (p:Paragraph) ON EACH [p.text]").Counters.IndexesAdded);
        var rows = engine.Run("CALL db.index.fulltext.queryNodes('paragraphs', 'peacekeep*') YIELD node, score RETURN node.text, score").Rows;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.True((double)r[1]! > 0));
        Assert.Equal("Decides to remain seized of the matter",
            Assert.Single(engine.Run("CALL db.index.fulltext.queryNodes('paragraphs', '\"remain seized\" AND NOT attacks') YIELD node RETURN node.text").Rows)[0]);
        engine.Run("CREATE (:Paragraph {text: 'Commends the peacekeepers'})");
        Assert.Equal(2, engine.Run("CALL db.index.fulltext.queryNodes('paragraphs', 'peacekeepers') YIELD node RETURN node").Rows.Count);
        var syntax = Assert.Throws<CypherException>(() => engine.Run("CALL db.index.fulltext.queryNodes('paragraphs', 'AND OR (') YIELD node RETURN node"));
        Assert.Equal("Neo.ClientError.Procedure.ProcedureCallFailed", syntax.StatusCode);
        var missing = Assert.Throws<CypherException>(() => engine.Run("CALL db.index.fulltext.queryNodes('nope', 'x') YIELD node RETURN node"));
        Assert.Contains("no such node full-text index", missing.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(engine.Run("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties").Rows, r => (string)r[0]! == "paragraphs");
    }

    [Fact]
    public async Task TheStoreHasAFullTextIndexOverParagraphTextAndDocumentTitles()
    {
        await using var store = EmbeddedCypher.OpenStore(_directory);
        var extractor = new DocumentExtractor();
        foreach (var file in Directory.EnumerateFiles(TestData.Seeds, "*.txt").Order(StringComparer.Ordinal))
            await store.IngestAsync(extractor.ExtractFile(file), TestContext.Current.CancellationToken);
        var engine = new CypherEngine(store.Graph, new CypherOptions { ReadOnly = true });
        var index = Assert.Single(engine.Run("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties").Rows);
        Assert.Equal("documentText", index[0]);
        var rows = engine.Run("CALL db.index.fulltext.queryNodes('documentText', 'cooperation AND \"Collective Security Treaty\"') " +
                              "YIELD node, score RETURN labels(node) AS labels, coalesce(node.text, node.title) AS text, score LIMIT 5").Rows;
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("Collective Security Treaty", (string?)r[1] ?? "", StringComparison.OrdinalIgnoreCase));
        var scores = rows.Select(r => (double)r[2]!).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void ASchemaCommandIsRefusedInsideAnExplicitTransaction()
    {
        var engine = Engine();
        var transaction = engine.BeginTransaction();
        var error = Assert.Throws<CypherException>(() =>
            transaction.Execute("CREATE INDEX FOR (d:Document) ON (d.year)", null, engine.Options, TestContext.Current.CancellationToken));
        transaction.Rollback();
        Assert.Equal("Neo.ClientError.Transaction.ForbiddenDueToTransactionType", error.StatusCode);
    }
}
