namespace Graph.Cypher;

/// <summary>Where in the query text an error was found (offset 0-based, line and column 1-based).</summary>
public sealed record CypherPosition(int Offset, int Line, int Column);

/// <summary>When an error was detected: before any row was produced, or while running.</summary>
public enum CypherErrorPhase
{
    CompileTime,
    Runtime,
}

/// <summary>
/// A query that cannot run or failed while running. <see cref="StatusCode"/> is Neo4j's
/// (<c>Neo.ClientError.Statement.SyntaxError</c>, …); <see cref="Detail"/> names the openCypher TCK error
/// detail (<c>UndefinedVariable</c>, <c>VariableAlreadyBound</c>, …).
/// </summary>
public sealed class CypherException : Exception
{
    public CypherException(string errorType, string detail, string message, CypherPosition? position = null,
        CypherErrorPhase phase = CypherErrorPhase.CompileTime)
        : base(message)
    {
        ErrorType = errorType;
        Detail = detail;
        Position = position;
        Phase = phase;
    }

    /// <summary>The TCK error type: SyntaxError, SemanticError, TypeError, ArgumentError, EntityNotFound, ConstraintVerificationFailed.</summary>
    public string ErrorType { get; }

    public string Detail { get; }

    public CypherPosition? Position { get; }

    public CypherErrorPhase Phase { get; internal set; }

    /// <summary>Neo4j's status code for this error.</summary>
    public string StatusCode => ErrorType switch
    {
        "SyntaxError" or "SemanticError" => "Neo.ClientError.Statement.SyntaxError",
        "TypeError" => "Neo.ClientError.Statement.TypeError",
        "ArgumentError" => "Neo.ClientError.Statement.ArgumentError",
        "EntityNotFound" => "Neo.ClientError.Statement.EntityNotFound",
        "ConstraintVerificationFailed" => "Neo.ClientError.Schema.ConstraintValidationFailed",
        "ParameterMissing" => "Neo.ClientError.Statement.ParameterMissing",
        "Timeout" => "Neo.ClientError.Transaction.TransactionTimedOut",
        "ReadOnly" => "Neo.ClientError.Statement.AccessMode",
        "RowLimit" => "Neo.ClientError.Statement.ExecutionFailed",
        "MemoryLimit" => "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
        "WriteNotSaved" => "Neo.DatabaseError.Transaction.TransactionCommitFailed",
        "TransactionNotFound" => "Neo.ClientError.Transaction.TransactionNotFound",
        "SchemaError" => "Neo.ClientError.Schema." + Detail,
        "ProcedureError" => "Neo.ClientError.Procedure." + Detail,
        "TransactionType" => "Neo.ClientError.Transaction.ForbiddenDueToTransactionType",
        _ => "Neo.ClientError.Statement.ExecutionFailed",
    };
}
