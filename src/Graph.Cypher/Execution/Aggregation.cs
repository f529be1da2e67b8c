using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>
/// Aggregate functions: one accumulator per group and aggregate call. count, sum, avg, min and max stream: they keep a
/// running state, not their inputs, so they work over any number of rows; collect, the percentiles and the standard
/// deviations hold their values (DISTINCT holds the values seen).
/// </summary>
internal sealed class Aggregation
{
    private readonly Expr call;
    private readonly string name;
    private readonly bool distinct;
    private readonly bool streams;
    private readonly HashSet<object?>? seen;
    private readonly List<object?> values = [];
    private ValueMeter held = new(map: false);
    private long count;
    private object? percentile;

    // The running state of the streaming aggregates. The sum is kept both ways because an all-integer sum is an
    // INTEGER (an overflow an error) and a sum with any float a FLOAT, which is only known at the end.
    private long integerTotal;
    private bool integerOverflow;
    private double floatTotal;
    private bool onlyIntegers = true;
    private bool notANumber;
    private object? extreme;

    public Aggregation(Expr call)
    {
        this.call = call;
        if (call is FunctionExpr f)
        {
            name = f.LowerName;
            distinct = f.Distinct;
        }
        else
        {
            name = "count*";
        }

        seen = distinct ? new HashSet<object?>(CypherValues.Equivalence) : null;
        streams = name is "count" or "sum" or "avg" or "min" or "max";
    }

    public static bool IsAggregate(Expr e) =>
        e is CountStarExpr || (e is FunctionExpr f && Functions.AggregateNames.Contains(f.LowerName));

    /// <summary>The aggregate calls inside <paramref name="e"/> (not descending into one another).</summary>
    public static void Collect(Expr e, List<Expr> into)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (IsAggregate(e))
        {
            into.Add(e);
            return;
        }

        foreach (var child in ExprWalker.Children(e))
        {
            Collect(child, into);
        }
    }

    public static bool Contains(Expr e)
    {
        var list = new List<Expr>();
        Collect(e, list);
        return list.Count > 0;
    }

    /// <summary>Counts <paramref name="rows"/> rows at once: only for count(*) and a plain count of a value never null in them.</summary>
    public void AddCount(long rows) => count += rows;

    public void Add(Evaluator evaluator, Row row)
    {
        if (call is CountStarExpr)
        {
            count++;
            return;
        }

        var f = (FunctionExpr)call;
        var v = f.Args.Count > 0 ? evaluator.Eval(f.Args[0], row) : null;
        if (name is "percentiledisc" or "percentilecont" && f.Args.Count > 1)
        {
            percentile = evaluator.Eval(f.Args[1], row);
        }

        if (v is null)
        {
            return;
        }

        if (seen is not null && !seen.Add(v))
        {
            return;
        }

        count++;
        evaluator.Context.Tick();
        if (seen is not null)
        {
            held.Add(v);
        }

        if (streams)
        {
            Accumulate(v);
            return;
        }

        if (seen is null)
        {
            held.Add(v);
        }

        values.Add(v);
        // The memory guard: an aggregate's values are held until the end, so bound them as rows are bounded.
        if (values.Count > evaluator.Context.Options.MaxRows * 10L)
        {
            throw evaluator.Context.RuntimeError("RowLimit", "RowLimit",
                $"{name}() gathered more than {evaluator.Context.Options.MaxRows * 10L} values, the limit that protects the server's memory; aggregate fewer rows", call.Offset);
        }
    }

    private void Accumulate(object v)
    {
        switch (name)
        {
            case "sum" or "avg":
                if (v is long l)
                {
                    if (!integerOverflow)
                    {
                        try
                        {
                            integerTotal = checked(integerTotal + l);
                        }
                        catch (OverflowException)
                        {
                            integerOverflow = true;
                        }
                    }

                    floatTotal += l;
                }
                else if (v is double d)
                {
                    onlyIntegers = false;
                    floatTotal += d;
                }
                else
                {
                    notANumber = true;
                }

                break;
            case "min":
                extreme = extreme is null || CypherValues.OrderCompare(v, extreme) < 0 ? v : extreme;
                break;
            case "max":
                extreme = extreme is null || CypherValues.OrderCompare(v, extreme) > 0 ? v : extreme;
                break;
        }
    }

    public object? Result(ExecutionContext context)
    {
        CypherException Bad(string message) => context.RuntimeError("TypeError", "InvalidArgumentType", message, call.Offset);
        switch (name)
        {
            case "count*":
            case "count":
                return count;
            case "sum" when notANumber:
                throw Bad("sum() expects numbers");
            case "sum" when onlyIntegers && integerOverflow:
                throw new OverflowException();
            case "sum":
                return onlyIntegers ? (object)integerTotal : floatTotal;
            case "avg" when count == 0:
                return null;
            case "avg" when notANumber:
                throw Bad("avg() expects numbers");
            case "avg":
                return floatTotal / count;
            case "min" or "max":
                return extreme;
            case "collect":
                return values.ToList();
            case "stdev":
            case "stdevp":
                {
                    if (values.Count == 0)
                    {
                        return 0.0;
                    }

                    var xs = values.Select(v => v is long or double ? CypherValues.ToDouble(v) : throw Bad("expects numbers")).ToList();
                    var mean = xs.Average();
                    var ss = xs.Sum(x => (x - mean) * (x - mean));
                    var n = name == "stdev" ? xs.Count - 1 : xs.Count;
                    return n <= 0 ? 0.0 : Math.Sqrt(ss / n);
                }

            case "percentiledisc":
            case "percentilecont":
                {
                    if (percentile is not (long or double))
                    {
                        if (values.Count == 0)
                        {
                            return null;
                        }

                        throw Bad("percentile must be a number");
                    }

                    var p = CypherValues.ToDouble(percentile);
                    if (p < 0 || p > 1)
                    {
                        throw context.RuntimeError("ArgumentError", "NumberOutOfRange", "percentile must be between 0 and 1", call.Offset);
                    }

                    if (values.Count == 0)
                    {
                        return null;
                    }

                    var xs = values.Select(v => v is long or double ? CypherValues.ToDouble(v) : throw Bad("expects numbers")).Order().ToList();
                    if (name == "percentiledisc")
                    {
                        var index = p == 0 ? 0 : (int)Math.Ceiling(p * xs.Count) - 1;
                        var sorted = values.OrderBy(v => CypherValues.ToDouble(v!)).ToList();
                        return sorted[Math.Clamp(index, 0, xs.Count - 1)];
                    }

                    var position = p * (xs.Count - 1);
                    var lower = (int)Math.Floor(position);
                    var upper = (int)Math.Ceiling(position);
                    return xs[lower] + ((xs[upper] - xs[lower]) * (position - lower));
                }

            default:
                return null;
        }
    }
}

/// <summary>Direct sub-expressions of an expression, for analyses that walk the tree.</summary>
internal static class ExprWalker
{
    public static IEnumerable<Expr> Children(Expr e)
    {
        switch (e)
        {
            case PropertyExpr p:
                yield return p.Target;
                break;
            case ListExpr l:
                foreach (var i in l.Items)
                {
                    yield return i;
                }

                break;
            case MapExpr m:
                foreach (var (_, v) in m.Entries)
                {
                    yield return v;
                }

                break;
            case IndexExpr i:
                yield return i.Target;
                yield return i.Index;
                break;
            case SliceExpr s:
                yield return s.Target;
                if (s.From is not null)
                {
                    yield return s.From;
                }

                if (s.To is not null)
                {
                    yield return s.To;
                }

                break;
            case BinaryExpr b:
                yield return b.Left;
                yield return b.Right;
                break;
            case UnaryExpr u:
                yield return u.Operand;
                break;
            case IsNullExpr n:
                yield return n.Operand;
                break;
            case HasLabelsExpr h:
                yield return h.Target;
                break;
            case LabelTestExpr t:
                yield return t.Target;
                break;
            case TypePredicateExpr t:
                yield return t.Operand;
                break;
            case FunctionExpr f:
                foreach (var a in f.Args)
                {
                    yield return a;
                }

                break;
            case CaseExpr c:
                if (c.Subject is not null)
                {
                    yield return c.Subject;
                }

                foreach (var (w, t) in c.Alternatives)
                {
                    yield return w;
                    yield return t;
                }

                if (c.Else is not null)
                {
                    yield return c.Else;
                }

                break;
            case ListComprehensionExpr lc:
                yield return lc.Source;
                if (lc.Where is not null)
                {
                    yield return lc.Where;
                }

                if (lc.Projection is not null)
                {
                    yield return lc.Projection;
                }

                break;
            case QuantifierExpr q:
                yield return q.Source;
                if (q.Where is not null)
                {
                    yield return q.Where;
                }

                break;
            case ReduceExpr r:
                yield return r.Initial;
                yield return r.Source;
                yield return r.Body;
                break;
            case PatternComprehensionExpr pc:
                if (pc.Where is not null)
                {
                    yield return pc.Where;
                }

                yield return pc.Projection;
                break;
            case MapProjectionExpr mp:
                foreach (var item in mp.Items)
                {
                    if (item is LiteralEntry le)
                    {
                        yield return le.Value;
                    }
                }

                break;
        }
    }
}
