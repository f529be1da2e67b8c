using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Graph.Web.Hosting;

/// <summary>
/// Sends a Content-Security-Policy that allows only the explorer's own scripts: the page's one inline
/// script is its import map, allowed by its hash (computed from index.html at start, so editing the
/// map cannot silently break the page). Document text is never HTML, and this makes sure of it.
/// </summary>
internal static partial class ContentSecurityPolicy
{
    public static string Build(string? webRoot)
    {
        var scripts = "'self'";
        var index = webRoot is null ? null : Path.Combine(webRoot, "index.html");
        if (index is not null && File.Exists(index))
        {
            foreach (Match match in InlineScript().Matches(File.ReadAllText(index)))
            {
                var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups["body"].Value)));
                scripts += $" 'sha256-{hash}'";
            }
        }
        return string.Join("; ",
            "default-src 'self'",
            $"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    }

    public static IApplicationBuilder UseContentSecurityPolicy(this IApplicationBuilder app, string policy) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });

    [GeneratedRegex("""<script type="importmap">(?<body>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex InlineScript();
}
