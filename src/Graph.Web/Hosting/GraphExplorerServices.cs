namespace Graph.Web.Hosting;

internal static class GraphExplorerServices
{
    /// <summary>
    /// Registers the graph (opened and, when empty, built by <see cref="GraphHost"/> before the server
    /// listens) and the settings of the "Graph" configuration section.
    /// </summary>
    public static IServiceCollection AddGraphExplorer(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GraphOptions>(configuration.GetSection(GraphOptions.Section));
        // A property a Cypher write set to NaN or ±Infinity (0.0/0.0, 1.0/0.0) goes out as "NaN" or "Infinity", as the
        // Query API writes it: JSON has no such numbers, and every view showing the node answered 500.
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling |= System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals);
        services.AddSingleton<GraphOpener>(EmbeddedGraph.OpenAsync);
        services.AddSingleton<CorpusReader>(EmbeddedGraph.ReadCorpusAsync);
        services.AddSingleton<GraphHost>();
        services.AddHostedService(provider => provider.GetRequiredService<GraphHost>());
        services.AddSingleton(provider => provider.GetRequiredService<GraphHost>().Services);
        services.AddSingleton<WriterPriority>();
        services.AddSingleton<Security.UploadAdmission>();
        services.AddSingleton<Fetching.FetchJobs>();
        services.AddHostedService(provider => provider.GetRequiredService<Fetching.FetchJobs>());
        services.AddSingleton(provider => new MemoryCeiling(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphOptions>>().Value.MemoryCeilingMB));
        services.AddSingleton(provider => new QueryEngine(() => provider.GetRequiredService<GraphHost>().Cypher, provider.GetRequiredService<WriterPriority>()));
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphOptions>>().Value;
            return new QueryTransactions(TimeSpan.FromSeconds(Math.Max(1, settings.TransactionTimeoutSeconds)), maxOpen: Math.Max(1, settings.MaxOpenTransactions));
        });
        if (Neo4jSetup.IsSelected(configuration)) services.AddNeo4jGraph(configuration);
        return services;
    }
}
