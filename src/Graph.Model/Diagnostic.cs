namespace Graph.Model;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// Something a reader or recogniser wants the user to know: a file it could not read,
/// a paragraph it could not number. Extraction never throws on input; it reports.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, string? File = null, SourceSpan? Span = null)
{
    public override string ToString() =>
        $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}{(File is null ? "" : $" ({File}{(Span is { } s ? $" @{s}" : "")})")}";
}
