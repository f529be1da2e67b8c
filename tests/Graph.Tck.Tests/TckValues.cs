using System.Globalization;
using System.Text;
using Graph.Cypher;

namespace Graph.Tck.Tests;

/// <summary>
/// The TCK's value syntax (cells of result tables, parameters) and a canonical rendering of both expected and
/// actual values, so that comparing values is comparing strings. Lists can be rendered order-insensitively.
/// </summary>
internal static class TckValues
{
    public static string Canonical(object? value, bool unorderedLists)
    {
        switch (value)
        {
            case null:
                return "null";
            case bool b:
                return b ? "true" : "false";
            case long l:
                return l.ToString(CultureInfo.InvariantCulture);
            case double d:
                return Float(d);
            case string s:
                return "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
            case List<object?> list:
                {
                    var items = list.Select(v => Canonical(v, unorderedLists));
                    if (unorderedLists)
                    {
                        items = items.Order(StringComparer.Ordinal);
                    }

                    return "[" + string.Join(", ", items) + "]";
                }

            case IReadOnlyDictionary<string, object?> map:
                return Map(map, unorderedLists);
            case CypherTemporal temporal:
                return Canonical(temporal.Value, unorderedLists);
            case CypherNode node:
                return "(" + string.Concat(node.Labels.Order(StringComparer.Ordinal).Select(l => ":" + l)) +
                       (node.Properties.Count > 0 ? (node.Labels.Count > 0 ? " " : "") + Map(node.Properties, unorderedLists) : "") + ")";
            case CypherRelationship rel:
                return "[:" + rel.Type + (rel.Properties.Count > 0 ? " " + Map(rel.Properties, unorderedLists) : "") + "]";
            case CypherPath path:
                {
                    var sb = new StringBuilder("<");
                    sb.Append(Canonical(path.Nodes[0], unorderedLists));
                    for (var i = 0; i < path.Relationships.Count; i++)
                    {
                        var rel = path.Relationships[i];
                        var forward = rel.StartNodeElementId == path.Nodes[i].ElementId;
                        sb.Append(forward ? "-" : "<-").Append(Canonical(rel, unorderedLists)).Append(forward ? "->" : "-");
                        sb.Append(Canonical(path.Nodes[i + 1], unorderedLists));
                    }

                    return sb.Append('>').ToString();
                }

            case TckNode n:
                return "(" + string.Concat(n.Labels.Order(StringComparer.Ordinal).Select(l => ":" + l)) +
                       (n.Properties.Count > 0 ? (n.Labels.Count > 0 ? " " : "") + Map(n.Properties, unorderedLists) : "") + ")";
            case TckRel r:
                return "[:" + r.Type + (r.Properties.Count > 0 ? " " + Map(r.Properties, unorderedLists) : "") + "]";
            case TckPath p:
                {
                    var sb = new StringBuilder("<");
                    sb.Append(Canonical(p.Nodes[0], unorderedLists));
                    for (var i = 0; i < p.Rels.Count; i++)
                    {
                        var forward = p.Forward[i];
                        sb.Append(forward ? "-" : "<-").Append(Canonical(p.Rels[i], unorderedLists)).Append(forward ? "->" : "-");
                        sb.Append(Canonical(p.Nodes[i + 1], unorderedLists));
                    }

                    return sb.Append('>').ToString();
                }

            default:
                return value.ToString() ?? "";
        }
    }

    private static string Map(IEnumerable<KeyValuePair<string, object?>> map, bool unorderedLists) =>
        "{" + string.Join(", ", map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ": " + Canonical(e.Value, unorderedLists))) + "}";

    private static string Float(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        // The TCK does not tell -0.0 from 0.0.
        return d == 0 ? "F0" : "F" + d.ToString("R", CultureInfo.InvariantCulture);
    }

    internal sealed record TckNode(List<string> Labels, Dictionary<string, object?> Properties);

    internal sealed record TckRel(string Type, Dictionary<string, object?> Properties);

    internal sealed record TckPath(List<TckNode> Nodes, List<TckRel> Rels, List<bool> Forward);

    /// <summary>Parses one TCK value: null, booleans, numbers, 'strings', [lists], {maps}, (nodes), [:relationships], &lt;paths&gt;.</summary>
    public static object? Parse(string text)
    {
        var parser = new ValueParser(text.Trim());
        var value = parser.Value();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new FormatException("Trailing text in TCK value: " + text);
        }

        return value;
    }

    private sealed class ValueParser(string s)
    {
        private int pos;

        public bool AtEnd => pos >= s.Length;

        public void SkipSpace()
        {
            while (pos < s.Length && char.IsWhiteSpace(s[pos]))
            {
                pos++;
            }
        }

        private bool Try(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(s, pos, token, 0, token.Length) == 0)
            {
                pos += token.Length;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Try(token))
            {
                throw new FormatException($"Expected '{token}' at {pos} in {s}");
            }
        }

        private char Peek()
        {
            SkipSpace();
            return pos < s.Length ? s[pos] : '\0';
        }

        public object? Value()
        {
            var c = Peek();
            switch (c)
            {
                case '\'':
                    return StringValue();
                case '[':
                    {
                        pos++;
                        if (Peek() == ':')
                        {
                            return RelBody();
                        }

                        var list = new List<object?>();
                        if (!Try("]"))
                        {
                            do
                            {
                                list.Add(Value());
                            }
                            while (Try(","));
                            Expect("]");
                        }

                        return list;
                    }

                case '{':
                    return MapValue();
                case '(':
                    return Node();
                case '<':
                    return Path();
            }

            if (Try("null"))
            {
                return null;
            }

            if (Try("true"))
            {
                return true;
            }

            if (Try("false"))
            {
                return false;
            }

            if (Try("NaN"))
            {
                return double.NaN;
            }

            if (Try("Infinity"))
            {
                return double.PositiveInfinity;
            }

            if (Try("-Infinity"))
            {
                return double.NegativeInfinity;
            }

            var start = pos;
            while (pos < s.Length && (char.IsDigit(s[pos]) || s[pos] is '-' or '+' or '.' or 'e' or 'E'))
            {
                pos++;
            }

            var number = s[start..pos];
            if (number.Length == 0)
            {
                throw new FormatException($"Unexpected value at {pos} in {s}");
            }

            if (long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return l;
            }

            return double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        private string StringValue()
        {
            Expect("'");
            var sb = new StringBuilder();
            while (pos < s.Length && s[pos] != '\'')
            {
                if (s[pos] == '\\' && pos + 1 < s.Length)
                {
                    pos++;
                    sb.Append(s[pos] switch
                    {
                        'n' => '\n',
                        't' => '\t',
                        _ => s[pos],
                    });
                    pos++;
                    continue;
                }

                sb.Append(s[pos++]);
            }

            Expect("'");
            return sb.ToString();
        }

        private string Name()
        {
            SkipSpace();
            if (pos < s.Length && s[pos] == '`')
            {
                var end = s.IndexOf('`', pos + 1);
                var name = s[(pos + 1)..end];
                pos = end + 1;
                return name;
            }

            var start = pos;
            while (pos < s.Length && (char.IsLetterOrDigit(s[pos]) || s[pos] == '_'))
            {
                pos++;
            }

            return s[start..pos];
        }

        private Dictionary<string, object?> MapValue()
        {
            Expect("{");
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (Try("}"))
            {
                return map;
            }

            do
            {
                var key = Name();
                Expect(":");
                map[key] = Value();
            }
            while (Try(","));
            Expect("}");
            return map;
        }

        private TckNode Node()
        {
            Expect("(");
            var labels = new List<string>();
            while (Try(":"))
            {
                labels.Add(Name());
            }

            var props = Peek() == '{' ? MapValue() : [];
            Expect(")");
            return new TckNode(labels, props);
        }

        private TckRel RelBody()
        {
            Expect(":");
            var type = Name();
            var props = Peek() == '{' ? MapValue() : [];
            Expect("]");
            return new TckRel(type, props);
        }

        private TckPath Path()
        {
            Expect("<");
            var nodes = new List<TckNode> { Node() };
            var rels = new List<TckRel>();
            var forward = new List<bool>();
            while (!Try(">"))
            {
                var backward = Try("<-");
                if (!backward)
                {
                    Expect("-");
                }

                Expect("[");
                rels.Add(RelBody());
                if (Try("->"))
                {
                    forward.Add(true);
                }
                else
                {
                    Expect("-");
                    forward.Add(false);
                }

                nodes.Add(Node());
            }

            return new TckPath(nodes, rels, forward);
        }
    }
}
