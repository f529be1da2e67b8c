namespace Graph.Cli.Bench;

/// <summary>What a peer query's parameters are drawn from.</summary>
internal enum PeerInput
{
    /// <summary><c>$id</c>: a random document, one call in ten a most-cited one.</summary>
    Document,

    /// <summary><c>$a</c>, <c>$b</c>: two documents cited by the same document.</summary>
    CoCitedPair,

    /// <summary><c>$a</c>, <c>$b</c>: two random documents.</summary>
    RandomPair,

    /// <summary>No parameter: the query ranges over the whole graph.</summary>
    None,
}

/// <summary>One query of the side-by-side comparison, in our dialect and in Kuzu's.</summary>
internal sealed record PeerQuery(string Name, string Ours, string Kuzu, PeerInput Input);

/// <summary>
/// The queries <c>graph bench --peer kuzu</c> times on both engines over the same documents and CITES
/// relationships. Each returns a lone value or rows, so the two sides' answers can be compared input by input.
/// </summary>
internal static class PeerQueries
{
    public static readonly IReadOnlyList<PeerQuery> All =
    [
        new("neighbours over CITES, limit 100",
            "MATCH (d:Document {id: $id})-[:CITES]-(x:Document) RETURN x.id LIMIT 100",
            "MATCH (d:Document {id: $id})-[:CITES]-(x:Document) RETURN x.id LIMIT 100",
            PeerInput.Document),
        new("two hops out with a year filter, count distinct",
            "MATCH (a:Document {id: $id})-[:CITES]->(:Document)-[:CITES]->(c:Document) WHERE c.year < 2010 RETURN count(DISTINCT c) AS n",
            "MATCH (a:Document {id: $id})-[:CITES]->(:Document)-[:CITES]->(c:Document) WHERE c.year < 2010 RETURN count(DISTINCT c) AS n",
            PeerInput.Document),
        new("CITES chain to depth 5, count distinct",
            "MATCH (d:Document {id: $id})-[:CITES*1..5]->(x:Document) RETURN count(DISTINCT x) AS n",
            "MATCH (d:Document {id: $id})-[:CITES*1..5]->(x:Document) RETURN count(DISTINCT x) AS n",
            PeerInput.Document),
        new("cited-by to depth 2",
            "MATCH (d:Document {id: $id})<-[:CITES*1..2]-(x:Document) RETURN DISTINCT x.id",
            "MATCH (d:Document {id: $id})<-[:CITES*1..2]-(x:Document) RETURN DISTINCT x.id",
            PeerInput.Document),
        new("top 10 most cited (global aggregation)",
            "MATCH (:Document)-[:CITES]->(x:Document) RETURN x.id AS id, count(*) AS cited ORDER BY cited DESC LIMIT 10",
            "MATCH (:Document)-[:CITES]->(x:Document) RETURN x.id AS id, count(*) AS cited ORDER BY cited DESC LIMIT 10",
            PeerInput.None),
        new("co-citation (documents citing both X and Y)",
            "MATCH (x:Document {id: $a})<-[:CITES]-(d:Document)-[:CITES]->(y:Document {id: $b}) RETURN d.id",
            "MATCH (x:Document {id: $a})<-[:CITES]-(d:Document)-[:CITES]->(y:Document {id: $b}) RETURN d.id",
            PeerInput.CoCitedPair),
        // Kuzu writes a shortest path as a recursive relationship with the SHORTEST selector.
        new("shortestPath over CITES, at most 4 hops",
            "MATCH p = shortestPath((a:Document {id: $a})-[:CITES*..4]->(b:Document {id: $b})) RETURN length(p) AS hops",
            "MATCH p = (a:Document {id: $a})-[:CITES* SHORTEST 1..4]->(b:Document {id: $b}) RETURN length(p) AS hops",
            PeerInput.RandomPair),
    ];
}
