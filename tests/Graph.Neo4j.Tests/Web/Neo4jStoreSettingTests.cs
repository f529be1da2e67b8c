using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Graph.Neo4j.Tests.Web;

public sealed class Neo4jStoreSettingTests
{
    [Theory]
    [InlineData("neo4j", null, "NEO4J_URL is not set")]
    [InlineData("postgres", null, "must be 'embedded' (the default) or 'neo4j'")]
    public void RefusesToStartWithAStoreItCannotUseAndSaysWhy(string store, string? url, string message)
    {
        using var explorer = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Graph:Store", store);
            builder.UseSetting("NEO4J_URL", url);
        });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => explorer.CreateClient());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
