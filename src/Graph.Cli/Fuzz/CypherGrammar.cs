using System.Text;

namespace Graph.Cli.Fuzz;

/// <summary>
/// Generates queries from a small grammar of the Cypher the engine supports (clauses, patterns, every expression
/// form, functions), nested at random depths, with a share of shapes meant to hit the budgets (lists and strings
/// that double, deep nesting, large ranges). Seeded: the same seed gives the same queries.
/// </summary>
internal sealed class CypherGrammar(Random random)
{
    private static readonly string[] Variables = ["n", "m", "r", "x", "p", "acc", "l", "s"];
    private static readonly string[] Labels = ["Document", "Paragraph", "Organization", "X"];
    private static readonly string[] Types = ["CITES", "HAS_PARAGRAPH", "MENTIONS", "R"];
    private static readonly string[] Keys = ["id", "title", "year", "text", "kind", "count", "name"];
    private static readonly string[] BinaryOperators =
        ["+", "-", "*", "/", "%", "^", "=", "<>", "<", ">", "<=", ">=", "AND", "OR", "XOR", "IN", "STARTS WITH", "ENDS WITH", "CONTAINS", "=~"];
    private static readonly string[] Functions =
        ["abs", "size", "toString", "toInteger", "toFloat", "toUpper", "toLower", "trim", "head", "last", "tail", "reverse", "keys",
         "labels", "type", "id", "coalesce", "sqrt", "sign", "round", "isEmpty", "valueType", "properties", "nodes", "length"];

    public string Query()
    {
        // Binds every variable the grammar uses, so that most queries get past the semantic checks and run.
        var text = new StringBuilder(random.Next(4) == 0
            ? "OPTIONAL MATCH p = (n)-[r]->(m) WITH n, r, m, p, [1, 2, 3] AS l, 'ab' AS s, 2 AS x, 0 AS acc "
            : "MATCH p = (n)-[r]->(m) WITH n, r, m, p, [1, 2, 3] AS l, 'ab' AS s, 2 AS x, 0 AS acc ");
        var clauses = 1 + random.Next(4);
        for (var i = 0; i < clauses; i++)
        {
            text.Append(Clause()).Append(' ');
        }

        text.Append(Return());
        if (random.Next(10) == 0) text.Append(" UNION ").Append(random.Next(2) == 0 ? "ALL " : "").Append(Return());
        return text.ToString();
    }

    /// <summary>A query built to exceed a budget or to nest deeply: the engine must refuse it with a clear error.</summary>
    public string Hostile()
    {
        var n = 1 + random.Next(60);
        return random.Next(9) switch
        {
            0 => $"RETURN reduce(l = [1], i IN range(1, {n}) | l + l) AS v",
            1 => $"RETURN reduce(s = 'ab', i IN range(1, {n}) | s + s) AS v",
            2 => $"RETURN reduce(l = [1], i IN range(1, {n}) | [l, l]) AS v",
            3 => $"RETURN reduce(acc = [], x IN range(1, {n * 1000}) | [acc]) AS v",
            4 => $"RETURN size(range(0, {(long)n * 100_000_000}, {1 + random.Next(3)})) AS v",
            5 => "RETURN " + string.Concat(Enumerable.Repeat("CASE WHEN true THEN ", n * 50)) + "1" + string.Concat(Enumerable.Repeat(" END", n * 50)),
            6 => $"UNWIND range(1, {n * 10_000}) AS a UNWIND range(1, {n * 10_000}) AS b RETURN count(*)",
            7 => $"WITH reduce(s = 'a', i IN range(1, {Math.Min(n, 20)}) | s + s) AS s RETURN size(replace(s, 'a', s)) AS v",
            _ => "RETURN " + string.Concat(Enumerable.Repeat("[", n * 10)) + "1" + string.Concat(Enumerable.Repeat("]", n * 10)),
        };
    }

    private string Clause() => random.Next(10) switch
    {
        0 or 1 or 2 => $"MATCH {Pattern()}{Where()}",
        3 => $"OPTIONAL MATCH {Pattern()}{Where()}",
        4 or 5 => $"UNWIND {Expression(2)} AS u{random.Next(1000)}",
        6 or 7 => $"WITH *{Where()}",
        8 => random.Next(2) == 0 ? $"CREATE {Pattern()}" : $"MERGE {Node()}",
        _ => random.Next(2) == 0 ? $"SET {Variable()}.{Key()} = {Expression(2)}" : $"DETACH DELETE {Variable()}",
    };

    private string Return()
    {
        var text = new StringBuilder("RETURN ");
        if (random.Next(5) == 0) text.Append("DISTINCT ");
        text.Append(random.Next(8) == 0 ? "*" : Items());
        if (random.Next(3) == 0) text.Append(" ORDER BY ").Append(Expression(2)).Append(random.Next(2) == 0 ? " DESC" : "");
        if (random.Next(4) == 0) text.Append(" SKIP ").Append(random.Next(5));
        if (random.Next(3) == 0) text.Append(" LIMIT ").Append(random.Next(20));
        return text.ToString();
    }

    private string Items()
    {
        var count = 1 + random.Next(3);
        return string.Join(", ", Enumerable.Range(0, count).Select(i => $"{Expression(3)} AS c{i}"));
    }

    private string Where() => random.Next(2) == 0 ? $" WHERE {Expression(3)}" : "";

    private string Pattern()
    {
        var text = new StringBuilder(Node());
        for (var hops = random.Next(3); hops > 0; hops--)
        {
            text.Append(Relationship()).Append(Node());
        }

        return random.Next(6) == 0 ? $"{Variable()} = {text}" : text.ToString();
    }

    private string Node()
    {
        var variable = random.Next(4) == 0 ? "" : Variable();
        var label = random.Next(2) == 0 ? ":" + Labels[random.Next(Labels.Length)] : "";
        var properties = random.Next(5) == 0 ? $" {{{Key()}: {Literal()}}}" : "";
        return $"({variable}{label}{properties})";
    }

    private string Relationship()
    {
        var type = random.Next(2) == 0 ? ":" + Types[random.Next(Types.Length)] : "";
        var length = random.Next(5) == 0 ? "*" + (random.Next(2) == 0 ? $"1..{1 + random.Next(4)}" : "") : "";
        var inner = type + length == "" && random.Next(2) == 0 ? "" : $"[{(random.Next(3) == 0 ? "r" : "")}{type}{length}]";
        return random.Next(3) switch
        {
            0 => $"-{inner}->",
            1 => $"<-{inner}-",
            _ => $"-{inner}-",
        };
    }

    private string Expression(int depth)
    {
        if (depth <= 0) return random.Next(2) == 0 ? Literal() : Variable();
        var d = depth - 1;
        return random.Next(22) switch
        {
            0 or 1 => Literal(),
            2 or 3 => Variable(),
            4 => $"{Variable()}.{Key()}",
            5 or 6 => $"{Expression(d)} {BinaryOperators[random.Next(BinaryOperators.Length)]} {Expression(d)}",
            7 => $"NOT {Expression(d)}",
            8 => $"-{Expression(d)}",
            9 => $"{Functions[random.Next(Functions.Length)]}({Expression(d)})",
            10 => $"[{string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Expression(d)))}]",
            11 => $"{{a: {Expression(d)}, b: {Expression(d)}}}",
            12 => $"[x IN {Expression(d)}{(random.Next(2) == 0 ? $" WHERE {Expression(d)}" : "")} | {Expression(d)}]",
            13 => $"reduce(acc = {Expression(d)}, x IN {Expression(d)} | {Expression(d)})",
            14 => $"CASE WHEN {Expression(d)} THEN {Expression(d)} ELSE {Expression(d)} END",
            15 => $"CASE {Expression(d)} WHEN {Literal()} THEN {Expression(d)} END",
            16 => $"{Expression(d)}[{Expression(d)}]",
            17 => $"[{Pattern()} | {Expression(d)}]",
            18 => $"EXISTS {{ MATCH {Pattern()}{Where()} }}",
            19 => $"{(random.Next(2) == 0 ? "all" : "any")}(x IN {Expression(d)} WHERE {Expression(d)})",
            20 => $"range({random.Next(-5, 20)}, {random.Next(-5, 2000)}{(random.Next(3) == 0 ? $", {random.Next(-3, 4)}" : "")})",
            _ => $"{(random.Next(2) == 0 ? "collect" : "count")}({(random.Next(3) == 0 ? "DISTINCT " : "")}{Expression(d)})",
        };
    }

    private string Literal() => random.Next(9) switch
    {
        0 => random.Next(-100, 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => (random.NextDouble() * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        2 => "'" + (random.Next(2) == 0 ? "A/RES/77/13" : "Secretary-General") + "'",
        3 => random.Next(2) == 0 ? "true" : "false",
        4 => "null",
        5 => "[]",
        6 => "{}",
        7 => "$p",
        _ => random.Next(2) == 0 ? "9223372036854775807" : "0.0",
    };

    private string Variable() => Variables[random.Next(Variables.Length)];

    private string Key() => Keys[random.Next(Keys.Length)];

    /// <summary>One to three random edits (delete, duplicate, insert a token or character, truncate) of a query.</summary>
    public string Mutate(string query)
    {
        string[] tokens = ["(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "+", "-", "*", "'", "\"", "`", "$", "WHERE", "RETURN", "CASE", "END", "AS", "\0", "\uD800"];
        var text = new StringBuilder(query);
        for (var edits = 1 + random.Next(3); edits > 0; edits--)
        {
            var at = random.Next(text.Length + 1);
            var length = Math.Min(text.Length - at, random.Next(12));
            switch (random.Next(5))
            {
                case 0: text.Remove(at, length); break;
                case 1: text.Insert(at, text.ToString(at, length)); break;
                case 2: text.Insert(at, tokens[random.Next(tokens.Length)]); break;
                case 3: text.Insert(at, (char)random.Next(0x20, 0x7F)); break;
                default: text.Length = at; break;
            }
        }

        return text.ToString();
    }
}
