namespace Graph.Cypher.Syntax;

// Schema commands and statement prefixes: each stands alone as a statement, as in Neo4j.

/// <summary>EXPLAIN (plan only, no rows) or PROFILE (run, and count rows and graph reads per operator).</summary>
internal enum PlanMode
{
    None,
    Explain,
    Profile,
}

/// <summary>A statement that changes the schema (indexes and constraints) rather than the graph.</summary>
internal abstract record SchemaCommand(int Offset) : Clause(Offset);

/// <summary>
/// CREATE [RANGE|TEXT|FULLTEXT|LOOKUP] INDEX [name] [IF NOT EXISTS] FOR (n:Label) ON (n.prop, …), or for a
/// relationship type <c>FOR ()-[r:TYPE]-()</c>. A full-text index may name several labels (<c>:A|B</c>).
/// </summary>
internal sealed record CreateIndexCommand(int Offset, string? Name, bool IfNotExists, string Type, bool OnNodes,
    IReadOnlyList<string> LabelsOrTypes, IReadOnlyList<string> Properties) : SchemaCommand(Offset);

/// <summary>CREATE CONSTRAINT [name] [IF NOT EXISTS] FOR (n:Label) REQUIRE n.prop IS UNIQUE (or a list of properties).</summary>
internal sealed record CreateConstraintCommand(int Offset, string? Name, bool IfNotExists, string Label,
    IReadOnlyList<string> Properties) : SchemaCommand(Offset);

/// <summary>DROP INDEX name [IF EXISTS] or DROP CONSTRAINT name [IF EXISTS].</summary>
internal sealed record DropSchemaCommand(int Offset, bool Constraint, string Name, bool IfExists) : SchemaCommand(Offset);
