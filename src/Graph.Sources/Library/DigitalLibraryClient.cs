using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace Graph.Sources.Library;

/// <summary>One record of a Digital Library search: MARC 191 $a (symbol), 245 $a (title), 269 $a (date).</summary>
public sealed record LibraryRecord(string Symbol, string? Title, string? Date);

/// <summary>The records found, or why the library could not be searched (it is optional: a note, not a failure).</summary>
public sealed record LibrarySearch(IReadOnlyList<LibraryRecord> Records, string? Unavailable);

/// <summary>
/// Searches the UN Digital Library (<c>search?p=&lt;query&gt;&amp;of=xm&amp;rg=N</c>, MARCXML). The library often answers
/// plain HTTP clients with a bot challenge (202 and an empty body); that, an error or a body that is not MARCXML
/// is reported as unavailable rather than thrown.
/// </summary>
public sealed class DigitalLibraryClient(HttpClient http, SourceOptions options)
{
    public Uri SearchUrl(string query, int records) =>
        new(options.LibraryUrl, $"search?p={Uri.EscapeDataString(query)}&of=xm&rg={records}");

    public async Task<LibrarySearch> SearchAsync(string query, int records, CancellationToken cancellationToken)
    {
        var url = SearchUrl(query, records);
        string body;
        try
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Accepted)
                return new([], $"the UN Digital Library answered 202 (a bot challenge) to {url}");
            if (!response.IsSuccessStatusCode)
                return new([], $"the UN Digital Library answered {(int)response.StatusCode} {response.ReasonPhrase} to {url}");
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or IOException)
        {
            return new([], $"the UN Digital Library could not be reached ({e.Message})");
        }
        if (string.IsNullOrWhiteSpace(body)) return new([], $"the UN Digital Library sent an empty answer to {url}");
        try
        {
            return new(Parse(body), null);
        }
        catch (XmlException e)
        {
            return new([], $"the UN Digital Library's answer is not MARCXML ({e.Message})");
        }
    }

    /// <summary>The records of a MARCXML collection that carry a symbol (tag 191 $a); namespaces are ignored.</summary>
    internal static IReadOnlyList<LibraryRecord> Parse(string marcXml)
    {
        var document = XDocument.Parse(marcXml);
        var records = new List<LibraryRecord>();
        foreach (var record in document.Descendants().Where(e => e.Name.LocalName == "record"))
        {
            string? Field(string tag) => record.Elements()
                .Where(e => e.Name.LocalName == "datafield" && (string?)e.Attribute("tag") == tag)
                .SelectMany(e => e.Elements().Where(s => s.Name.LocalName == "subfield" && (string?)s.Attribute("code") == "a"))
                .Select(s => s.Value.Trim())
                .FirstOrDefault(v => v.Length > 0);
            if (Field("191") is { } symbol) records.Add(new LibraryRecord(symbol, Field("245"), Field("269")));
        }
        return records;
    }
}
