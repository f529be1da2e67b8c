using System.Net.Http.Json;
using System.Text.Json;
using Graph.Cypher;
using Graph.Web.Endpoints;

namespace Graph.Web.Tests;

/// <summary>
/// <c>/api/schema</c>, which the Cypher editor completes and checks against, and the catalogue of functions and
/// procedures it lists: every entry must be one the engine answers.
/// </summary>
public sealed class SchemaApiTests(ExplorerFactory factory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSchemaHoldsTheLabelsTypesAndKeysOfTheGraph()
    {
        using var client = factory.CreateClient();
        var schema = await client.GetFromJsonAsync<JsonElement>("/api/schema", Cancel);
        static List<string> Names(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetString()!)];
        var labels = Names(schema.GetProperty("labels"));
        var types = Names(schema.GetProperty("relationshipTypes"));
        var keys = Names(schema.GetProperty("propertyKeys"));
        Assert.Contains("Document", labels);
        Assert.Contains("Paragraph", labels);
        Assert.Contains("CITES", types);
        Assert.Contains("HAS_PARAGRAPH", types);
        Assert.Contains("adoptionDate", keys);
        // Read from the store: the same answers as its introspection procedures.
        using var answer = await client.PostAsJsonAsync("/db/neo4j/query/v2", new { statement = "CALL db.labels() YIELD label RETURN label" }, Cancel);
        var rows = (await answer.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("data").GetProperty("values");
        Assert.Equal(rows.EnumerateArray().Select(r => r[0].GetString()!).ToList(), labels);
        Assert.Contains(schema.GetProperty("functions").EnumerateArray(), f => f.GetProperty("name").GetString() == "toLower");
        Assert.Contains(schema.GetProperty("procedures").EnumerateArray(), p => p.GetProperty("name").GetString() == "db.labels");
    }

    public static TheoryData<string> FunctionSignatures() => [.. CypherCatalogue.Functions.Select(f => f.Signature)];

    [Theory]
    [MemberData(nameof(FunctionSignatures))]
    public void EveryCatalogueFunctionIsOneTheEngineAnswers(string signature)
    {
        var name = signature[..signature.IndexOf('(', StringComparison.Ordinal)];
        var arguments = signature[(name.Length + 1)..signature.IndexOf(')', StringComparison.Ordinal)];
        var arity = arguments.Length == 0 ? 0 : arguments.Count(c => c == ',') + 1;
        var query = $"RETURN {name}({string.Join(", ", Enumerable.Repeat("null", arity))}) AS v";
        try
        {
            new CypherEngine().Execute(query, null, Cancel);
        }
        catch (CypherException e) when (e.Detail != "UnknownFunction" && !e.Message.Contains("Unknown function", StringComparison.Ordinal))
        {
            // Nulls may be the wrong type for it, which says the engine knows the function.
        }
        catch (CypherException e)
        {
            Assert.Fail($"{query}: {e.Detail}: {e.Message}");
        }
    }

    public static TheoryData<string> ProcedureNames() => [.. CypherCatalogue.Procedures.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(ProcedureNames))]
    public void EveryCatalogueProcedureRunsAndYieldsWhatItSays(string name)
    {
        var procedure = CypherCatalogue.Procedures.Single(p => p.Name == name);
        var result = new CypherEngine().Execute($"CALL {name}()", null, Cancel);
        Assert.Equal(procedure.Yields, result.Columns);
    }
}
