using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using Graph.Model;
using Graph.Store;
using Graph.Store.Embedded;
using Graph.Store.Export;
using Graph.Web.Hosting;

namespace Graph.Web.Endpoints;

/// <summary>
/// The whole graph as JSON, GraphML or a Neo4j import CSV, streamed to the response: the writer runs on a
/// thread of its own into a small pipe that the response drains, so an export holds a page of the graph and
/// the pipe's bytes at a time, however big the graph and however slow the client. On the embedded store the
/// graph is read a page per read lock (<see cref="EmbeddedGraphStore.StreamNodes"/>): a write that lands during
/// an export shows in the part written after it.
/// </summary>
internal static class GraphExport
{
    /// <summary>The writer pauses when this many bytes wait for the client.</summary>
    private const long PipeBytes = 256 * 1024;

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task<Action<Stream>> WriterAsync(string format, string csvTable, GraphServices graph, CancellationToken cancellationToken)
    {
        var (nodes, relationships) = await SourceAsync(graph, cancellationToken);
        return format switch
        {
            "json" => output => WriteJson(nodes, relationships, output),
            "graphml" => output => GraphMlWriter.Write(nodes, relationships, output),
            _ when csvTable == "nodes" => output => WriteText(output, text => Neo4jCsvWriter.WriteNodes(nodes, text)),
            _ => output => WriteText(output, text => Neo4jCsvWriter.WriteRelationships(relationships, text)),
        };
    }

    /// <summary>Runs <paramref name="write"/> on its own thread into a bounded pipe and copies the pipe to <paramref name="response"/>.</summary>
    public static async Task StreamAsync(Action<Stream> write, Stream response, CancellationToken cancellationToken)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PipeBytes, resumeWriterThreshold: PipeBytes / 2));
        var writer = DedicatedThread.Run("export", () =>
        {
            try
            {
                using (var stream = pipe.Writer.AsStream()) write(stream);
                pipe.Writer.Complete();
            }
            catch (Exception e)
            {
                pipe.Writer.Complete(e);
                throw;
            }
        });
        try
        {
            await pipe.Reader.CopyToAsync(response, cancellationToken);
            pipe.Reader.Complete();
        }
        catch (Exception e)
        {
            // The client left (or the writer failed): stop the writer at its next write.
            pipe.Reader.Complete(e);
            throw;
        }
        finally
        {
            await writer.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static async Task<(IEnumerable<GraphNode> Nodes, IEnumerable<GraphRelationship> Relationships)> SourceAsync(GraphServices graph, CancellationToken cancellationToken)
    {
        if (graph.Store is EmbeddedGraphStore embedded) return (embedded.StreamNodes(), embedded.StreamRelationships());
        // Neo4j answers the whole graph in one response; it is still written out as it is serialised.
        var data = await graph.Store.ReadAllAsync(cancellationToken);
        return (data.Nodes, data.Relationships);
    }

    private static void WriteJson(IEnumerable<GraphNode> nodes, IEnumerable<GraphRelationship> relationships, Stream output)
    {
        // The writer buffers until flushed: flush after every element, so that only one waits in memory.
        using var json = new Utf8JsonWriter(output, JsonOptions);
        json.WriteStartObject();
        json.WriteStartArray("nodes");
        foreach (var node in nodes)
        {
            GraphJson.WriteNode(json, node);
            if (json.BytesPending > 16 * 1024) json.Flush();
        }
        json.WriteEndArray();
        json.WriteStartArray("relationships");
        foreach (var relationship in relationships)
        {
            GraphJson.WriteRelationship(json, relationship);
            if (json.BytesPending > 16 * 1024) json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteText(Stream output, Action<TextWriter> write)
    {
        using var text = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        write(text);
        text.Flush();
    }
}
