using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

internal sealed partial class QueryRunner
{
    private Row Create(IReadOnlyList<PatternPart> patterns, Row input)
    {
        var row = new Row(input);
        foreach (var part in patterns)
        {
            CreatePart(part, row);
        }

        return row;
    }

    private void CreatePart(PatternPart part, Row row)
    {
        var graph = context.Graph;
        var nodes = new List<long>();
        foreach (var node in part.Nodes)
        {
            if (node.Variable is not null && row.TryGetValue(node.Variable, out var existing))
            {
                if (existing is not NodeRef n)
                {
                    throw context.RuntimeError("SemanticError", "VariableTypeConflict", $"`{node.Variable}` is not a node", node.Offset);
                }

                nodes.Add(n.Id);
                continue;
            }

            var properties = PropertyMap(node.Properties, row);
            var labels = node.Labels.Concat(DynamicNames(node.LabelExpression, row, node.Offset)).Distinct().ToList();
            var id = graph.CreateNode(labels, properties);
            context.NodesCreated++;
            context.LabelsAdded += labels.Count;
            context.PropertiesSet += properties.Count(p => p.Value is not null);
            nodes.Add(id);
            if (node.Variable is not null)
            {
                row[node.Variable] = new NodeRef(id);
            }
        }

        var rels = new List<long>();
        for (var i = 0; i < part.Relationships.Count; i++)
        {
            var rel = part.Relationships[i];
            var (start, end) = rel.Direction == RelDirection.Incoming ? (nodes[i + 1], nodes[i]) : (nodes[i], nodes[i + 1]);
            var properties = PropertyMap(rel.Properties, row);
            var type = rel.Types.Count > 0 ? rel.Types[0] : DynamicNames(rel.TypeExpression, row, rel.Offset).Single();
            var id = graph.CreateRelationship(start, end, type, properties);
            context.RelationshipsCreated++;
            context.PropertiesSet += properties.Count(p => p.Value is not null);
            rels.Add(id);
            if (rel.Variable is not null)
            {
                row[rel.Variable] = new RelRef(id);
            }
        }

        if (part.PathVariable is not null)
        {
            row[part.PathVariable] = new PathValue(nodes, rels);
        }
    }

    private Dictionary<string, object?> PropertyMap(Expr? properties, Row row)
    {
        if (properties is null)
        {
            return [];
        }

        var value = evaluator.Eval(properties, row);
        if (value is not Dictionary<string, object?> map)
        {
            throw context.RuntimeError("TypeError", "InvalidArgumentType", "Properties must be a map", properties.Offset);
        }

        foreach (var (_, v) in map)
        {
            CheckPropertyValue(v, properties);
        }

        return map;
    }

    private void CheckPropertyValue(object? value, Expr at)
    {
        switch (value)
        {
            case null or bool or long or double or string or TemporalValue or Graph.Model.SpatialPoint or byte[]:
                return;
            case List<object?> list when list.All(v => v is null or bool or long or double or string or TemporalValue or Graph.Model.SpatialPoint):
                return;
            default:
                throw context.RuntimeError("TypeError", "InvalidPropertyType",
                    $"Property values can only be of primitive types or arrays thereof, not {CypherValues.TypeName(value)}", at.Offset);
        }
    }

    private IEnumerable<Row> Merge(MergeClause merge, Row row)
    {
        foreach (var node in merge.Pattern.Nodes)
        {
            if (node.Properties is not null && evaluator.Eval(node.Properties, row) is Dictionary<string, object?> props &&
                props.Any(p => p.Value is null))
            {
                throw context.RuntimeError("SemanticError", "MergeReadOwnWrites",
                    "Cannot merge a node using null property value", node.Offset);
            }
        }

        foreach (var rel in merge.Pattern.Relationships)
        {
            if (rel.Properties is not null && evaluator.Eval(rel.Properties, row) is Dictionary<string, object?> props &&
                props.Any(p => p.Value is null))
            {
                throw context.RuntimeError("SemanticError", "MergeReadOwnWrites",
                    "Cannot merge a relationship using null property value", rel.Offset);
            }
        }

        var matches = matcher.MatchPattern([merge.Pattern], row, null).ToList();
        if (matches.Count > 0)
        {
            foreach (var match in matches)
            {
                foreach (var item in merge.OnMatch)
                {
                    ApplySetItem(item, match);
                }
            }

            return matches;
        }

        var created = Create([merge.Pattern], row);
        foreach (var item in merge.OnCreate)
        {
            ApplySetItem(item, created);
        }

        return [created];
    }

    private void ApplySetItem(SetItem item, Row row)
    {
        var graph = context.Graph;
        switch (item)
        {
            case SetPropertyItem set:
                {
                    var target = evaluator.Eval(set.Target.Target, row);
                    var value = evaluator.Eval(set.Value, row);
                    CheckPropertyValue(value, set.Value);
                    SetProperty(target, set.Target.Key, value, set);
                    break;
                }

            case SetAllPropertiesItem setAll:
                {
                    var target = row.GetValueOrDefault(setAll.Variable);
                    if (target is null)
                    {
                        return;
                    }

                    var value = evaluator.Eval(setAll.Value, row);
                    var map = value switch
                    {
                        null => new Dictionary<string, object?>(),
                        NodeRef or RelRef => new Dictionary<string, object?>(evaluator.PropertiesOf(value, setAll.Value)),
                        Dictionary<string, object?> m => m,
                        _ => throw context.RuntimeError("TypeError", "InvalidArgumentType", "SET expects a map", setAll.Offset),
                    };
                    if (!setAll.Merge)
                    {
                        foreach (var key in evaluator.PropertiesOf(target, setAll.Value).Keys.ToList())
                        {
                            if (!map.ContainsKey(key))
                            {
                                SetProperty(target, key, null, setAll);
                            }
                        }
                    }

                    foreach (var (key, v) in map)
                    {
                        CheckPropertyValue(v, setAll.Value);
                        SetProperty(target, key, v, setAll);
                    }

                    break;
                }

            case SetLabelsItem setLabels:
                {
                    if (row.GetValueOrDefault(setLabels.Variable) is NodeRef node)
                    {
                        foreach (var label in setLabels.Labels.Concat(setLabels.Dynamic.SelectMany(d => DynamicNames(new LabelDynamic(d, false), row, setLabels.Offset))))
                        {
                            if (graph.AddLabel(node.Id, label))
                            {
                                context.LabelsAdded++;
                            }
                        }
                    }

                    break;
                }

            case RemoveLabelsItem removeLabels:
                {
                    if (row.GetValueOrDefault(removeLabels.Variable) is NodeRef node)
                    {
                        foreach (var label in removeLabels.Labels.Concat(removeLabels.Dynamic.SelectMany(d => DynamicNames(new LabelDynamic(d, false), row, removeLabels.Offset))))
                        {
                            if (graph.RemoveLabel(node.Id, label))
                            {
                                context.LabelsRemoved++;
                            }
                        }
                    }

                    break;
                }

            case RemovePropertyItem removeProperty:
                {
                    var target = evaluator.Eval(removeProperty.Target.Target, row);
                    SetProperty(target, removeProperty.Target.Key, null, removeProperty);
                    break;
                }
        }
    }

    private void SetProperty(object? target, string key, object? value, SetItem at)
    {
        var graph = context.Graph;
        switch (target)
        {
            case null:
                return;
            case NodeRef node:
                {
                    var had = graph.NodeProperties(node.Id).ContainsKey(key);
                    graph.SetNodeProperty(node.Id, key, value);
                    if (value is not null || had)
                    {
                        context.PropertiesSet++;
                    }

                    return;
                }

            case RelRef rel:
                {
                    var had = graph.RelationshipProperties(rel.Id).ContainsKey(key);
                    graph.SetRelationshipProperty(rel.Id, key, value);
                    if (value is not null || had)
                    {
                        context.PropertiesSet++;
                    }

                    return;
                }

            default:
                throw context.RuntimeError("TypeError", "InvalidArgumentType",
                    $"Properties can only be set on nodes and relationships, not {CypherValues.TypeName(target)}", at.Offset);
        }
    }

    private IEnumerable<Row> Delete(IEnumerable<Row> rows, DeleteClause delete)
    {
        var input = rows.ToList();
        var graph = context.Graph;
        var nodes = new List<long>();
        var rels = new List<long>();
        foreach (var row in input)
        {
            foreach (var target in delete.Targets)
            {
                Collect(evaluator.Eval(target, row), target);
            }
        }

        void Collect(object? value, Expr at)
        {
            switch (value)
            {
                case null:
                    break;
                case NodeRef n:
                    nodes.Add(n.Id);
                    break;
                case RelRef r:
                    rels.Add(r.Id);
                    break;
                case PathValue p:
                    nodes.AddRange(p.Nodes);
                    rels.AddRange(p.Relationships);
                    break;
                case List<object?> list:
                    foreach (var v in list)
                    {
                        Collect(v, at);
                    }

                    break;
                default:
                    throw context.RuntimeError("TypeError", "InvalidArgumentType", "DELETE expects nodes, relationships or paths", at.Offset);
            }
        }

        if (delete.Detach)
        {
            foreach (var node in nodes.Distinct().Where(graph.NodeExists))
            {
                rels.AddRange(graph.Outgoing(node));
                rels.AddRange(graph.Incoming(node));
            }
        }

        foreach (var rel in rels.Distinct())
        {
            if (!graph.RelationshipExists(rel))
            {
                continue;
            }

            context.DeletedRelationships[rel] = (graph.Endpoints(rel), new Dictionary<string, object?>(graph.RelationshipProperties(rel)));
            graph.DeleteRelationship(rel);
            context.RelationshipsDeleted++;
        }

        foreach (var node in nodes.Distinct())
        {
            if (!graph.NodeExists(node))
            {
                continue;
            }

            if (graph.Outgoing(node).Any() || graph.Incoming(node).Any())
            {
                throw context.RuntimeError("ConstraintVerificationFailed", "DeleteConnectedNode",
                    "Cannot delete a node that still has relationships; use DETACH DELETE", delete.Offset);
            }

            context.DeletedNodes[node] = (graph.LabelsOf(node).ToList(), new Dictionary<string, object?>(graph.NodeProperties(node)));
            graph.DeleteNode(node);
            context.NodesDeleted++;
        }

        return input;
    }
}
