namespace Graph.Web.Endpoints;

/// <summary>A function the embedded engine answers, as the Cypher editor offers it: name, signature, whether it aggregates.</summary>
public sealed record CypherFunctionDto(string Name, string Signature, string Category, bool Aggregating);

/// <summary>A procedure the embedded engine answers, with its signature and the columns it yields.</summary>
public sealed record CypherProcedureDto(string Name, string Signature, string Description, IReadOnlyList<string> Yields);

/// <summary>
/// The functions and procedures of the embedded Cypher engine, for the editor's completion and checks. The engine keeps
/// its own tables internal, so they are listed here; <c>CypherCatalogueTests</c> runs every entry on the engine, so an
/// entry the engine does not answer fails the build's tests.
/// </summary>
public static class CypherCatalogue
{
    public static IReadOnlyList<CypherFunctionDto> Functions { get; } =
    [
        .. Group("Aggregating", true,
            "count(input :: ANY) :: INTEGER", "sum(input :: INTEGER | FLOAT | DURATION) :: INTEGER | FLOAT | DURATION",
            "avg(input :: INTEGER | FLOAT | DURATION) :: INTEGER | FLOAT | DURATION", "min(input :: ANY) :: ANY", "max(input :: ANY) :: ANY",
            "collect(input :: ANY) :: LIST<ANY>", "stDev(input :: FLOAT) :: FLOAT", "stDevP(input :: FLOAT) :: FLOAT",
            "percentileDisc(input :: INTEGER | FLOAT, percentile :: FLOAT) :: INTEGER | FLOAT",
            "percentileCont(input :: FLOAT, percentile :: FLOAT) :: FLOAT"),
        .. Group("Graph", false,
            "id(input :: NODE | RELATIONSHIP) :: INTEGER", "elementId(input :: NODE | RELATIONSHIP) :: STRING",
            "labels(input :: NODE) :: LIST<STRING>", "type(input :: RELATIONSHIP) :: STRING", "properties(input :: MAP | NODE | RELATIONSHIP) :: MAP",
            "keys(input :: MAP | NODE | RELATIONSHIP) :: LIST<STRING>", "startNode(input :: RELATIONSHIP) :: NODE", "endNode(input :: RELATIONSHIP) :: NODE",
            "nodes(input :: PATH) :: LIST<NODE>", "relationships(input :: PATH) :: LIST<RELATIONSHIP>", "length(input :: PATH) :: INTEGER",
            "exists(input :: ANY) :: BOOLEAN"),
        .. Group("List", false,
            "size(input :: LIST<ANY> | STRING) :: INTEGER", "head(list :: LIST<ANY>) :: ANY", "last(list :: LIST<ANY>) :: ANY",
            "tail(input :: LIST<ANY>) :: LIST<ANY>", "range(start :: INTEGER, end :: INTEGER, step :: INTEGER) :: LIST<INTEGER>",
            "reverse(input :: STRING | LIST<ANY>) :: STRING | LIST<ANY>", "coalesce(input :: ANY) :: ANY", "isEmpty(input :: LIST<ANY> | MAP | STRING) :: BOOLEAN",
            "toBooleanList(input :: LIST<ANY>) :: LIST<BOOLEAN>", "toIntegerList(input :: LIST<ANY>) :: LIST<INTEGER>",
            "toFloatList(input :: LIST<ANY>) :: LIST<FLOAT>", "toStringList(input :: LIST<ANY>) :: LIST<STRING>"),
        .. Group("String", false,
            "toLower(input :: STRING) :: STRING", "toUpper(input :: STRING) :: STRING", "lower(input :: STRING) :: STRING", "upper(input :: STRING) :: STRING",
            "trim(input :: STRING) :: STRING", "ltrim(input :: STRING) :: STRING", "rtrim(input :: STRING) :: STRING",
            "replace(original :: STRING, search :: STRING, replace :: STRING) :: STRING",
            "substring(original :: STRING, start :: INTEGER, length :: INTEGER) :: STRING", "left(original :: STRING, length :: INTEGER) :: STRING",
            "right(original :: STRING, length :: INTEGER) :: STRING", "split(original :: STRING, splitDelimiter :: STRING) :: LIST<STRING>",
            "toString(input :: ANY) :: STRING", "toStringOrNull(input :: ANY) :: STRING"),
        .. Group("Scalar", false,
            "toInteger(input :: ANY) :: INTEGER", "toIntegerOrNull(input :: ANY) :: INTEGER", "toFloat(input :: ANY) :: FLOAT",
            "toFloatOrNull(input :: ANY) :: FLOAT", "toBoolean(input :: ANY) :: BOOLEAN", "toBooleanOrNull(input :: ANY) :: BOOLEAN",
            "valueType(input :: ANY) :: STRING", "timestamp() :: INTEGER", "point(input :: MAP) :: POINT",
            "point.distance(from :: POINT, to :: POINT) :: FLOAT"),
        .. Group("Numeric", false,
            "abs(input :: INTEGER | FLOAT) :: INTEGER | FLOAT", "ceil(input :: FLOAT) :: FLOAT", "floor(input :: FLOAT) :: FLOAT",
            "round(value :: FLOAT, precision :: INTEGER, mode :: STRING) :: FLOAT", "sign(input :: INTEGER | FLOAT) :: INTEGER",
            "sqrt(input :: FLOAT) :: FLOAT", "exp(input :: FLOAT) :: FLOAT", "log(input :: FLOAT) :: FLOAT", "log10(input :: FLOAT) :: FLOAT",
            "e() :: FLOAT", "pi() :: FLOAT", "rand() :: FLOAT", "isNaN(input :: INTEGER | FLOAT) :: BOOLEAN",
            "sin(input :: FLOAT) :: FLOAT", "cos(input :: FLOAT) :: FLOAT", "tan(input :: FLOAT) :: FLOAT", "cot(input :: FLOAT) :: FLOAT",
            "asin(input :: FLOAT) :: FLOAT", "acos(input :: FLOAT) :: FLOAT", "atan(input :: FLOAT) :: FLOAT",
            "atan2(y :: FLOAT, x :: FLOAT) :: FLOAT", "degrees(input :: FLOAT) :: FLOAT", "radians(input :: FLOAT) :: FLOAT",
            "haversin(input :: FLOAT) :: FLOAT"),
        .. Group("Temporal", false,
            "date(input :: ANY) :: DATE", "datetime(input :: ANY) :: ZONED DATETIME", "localdatetime(input :: ANY) :: LOCAL DATETIME",
            "localtime(input :: ANY) :: LOCAL TIME", "time(input :: ANY) :: ZONED TIME", "duration(input :: ANY) :: DURATION",
            "duration.between(from :: ANY, to :: ANY) :: DURATION", "duration.inDays(from :: ANY, to :: ANY) :: DURATION",
            "duration.inMonths(from :: ANY, to :: ANY) :: DURATION", "duration.inSeconds(from :: ANY, to :: ANY) :: DURATION",
            "datetime.fromEpoch(seconds :: INTEGER | FLOAT, nanoseconds :: INTEGER | FLOAT) :: ZONED DATETIME",
            "datetime.fromEpochMillis(milliseconds :: INTEGER | FLOAT) :: ZONED DATETIME"),
    ];

    public static IReadOnlyList<CypherProcedureDto> Procedures { get; } =
    [
        new("db.labels", "db.labels() :: (label :: STRING)", "The node labels in use in the graph.", ["label"]),
        new("db.relationshipTypes", "db.relationshipTypes() :: (relationshipType :: STRING)", "The relationship types in use in the graph.", ["relationshipType"]),
        new("db.propertyKeys", "db.propertyKeys() :: (propertyKey :: STRING)", "The property keys in use in the graph.", ["propertyKey"]),
        new("dbms.components", "dbms.components() :: (name :: STRING, versions :: LIST<STRING>, edition :: STRING)", "The database's name, version and edition.", ["name", "versions", "edition"]),
        new("db.ping", "db.ping() :: (success :: BOOLEAN)", "Whether the database answers.", ["success"]),
    ];

    private static IEnumerable<CypherFunctionDto> Group(string category, bool aggregating, params string[] signatures) =>
        signatures.Select(s => new CypherFunctionDto(s[..s.IndexOf('(', StringComparison.Ordinal)], s, category, aggregating));
}
