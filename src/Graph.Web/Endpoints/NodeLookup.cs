using Graph.Model;
using Graph.Model.Symbols;
using Graph.Store;

namespace Graph.Web.Endpoints;

/// <summary>
/// Finds the node a person means: the id as given, else the canonical form of a symbol written loosely
/// ("a/res/77/13", "S/RES/1631(2005)"), else a document that carries it as an alias (the S/ half of a joint symbol).
/// </summary>
internal static class NodeLookup
{
    public static async ValueTask<GraphNode?> TryFindAsync(IGraphReader store, string id, CancellationToken cancellationToken)
    {
        var trimmed = id.Trim();
        if (await store.TryGetNodeAsync(trimmed, cancellationToken) is { } exact) return exact;
        if (!DocumentSymbol.TryParse(trimmed, out var symbol)) return null;
        if (symbol.Canonical != trimmed && await store.TryGetNodeAsync(symbol.Canonical, cancellationToken) is { } canonical)
            return canonical;
        var aliased = await store.FindNodesAsync(Labels.Document, "aliases", symbol.Canonical, 1, cancellationToken);
        return aliased.Count > 0 ? aliased[0] : null;
    }
}
