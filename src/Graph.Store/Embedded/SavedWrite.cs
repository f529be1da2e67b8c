using Graph.Store.Memory;

namespace Graph.Store.Embedded;

/// <summary>
/// A write a query made on the embedded store's graph (a Cypher CREATE, SET, DELETE, …), saved so that it is
/// made again, in the same order, every time the store opens: the graph is what the stored documents state,
/// then these writes.
/// </summary>
/// <param name="Sequence">Its place in the order of saving, from 1.</param>
/// <param name="Statement">The query text.</param>
/// <param name="Parameters">Its parameters, as the query engine encoded them.</param>
/// <param name="StatementTime">The query's clock (what <c>datetime()</c> and <c>timestamp()</c> read), so that the replay sees the same instant.</param>
/// <param name="Seed">The seed of the query's random numbers, so that <c>rand()</c> gives the same values again.</param>
public sealed record SavedWrite(long Sequence, string Statement, string Parameters, DateTime StatementTime, int Seed);

/// <summary>A write to save: its statement, encoded parameters, clock and random seed (see <see cref="SavedWrite"/>).</summary>
public sealed record WriteToSave(string Statement, string Parameters, DateTime StatementTime, int Seed);

/// <summary>
/// Which nodes and relationships (by internal id) the stored documents state: a query may change them but not
/// delete them, since the graph is what the documents state and the next ingest of a document needs what it stated.
/// </summary>
public sealed record DocumentStatements(Func<long, bool> StatesNode, Func<long, bool> StatesRelationship);

/// <summary>
/// Makes a saved write again on the graph while the store opens, under the same rule as when it was made
/// (<paramref name="stated"/>). The store cannot read queries; the query engine gives it this when it opens the
/// store. It throws when the write can no longer be made.
/// </summary>
public delegate void SavedWriteReplayer(MemoryGraph graph, SavedWrite write, DocumentStatements stated);
