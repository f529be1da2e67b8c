using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

/// <summary>+ - * / % ^ over numbers, and + over strings and lists.</summary>
internal static class Arithmetic
{
    public static object? Apply(string op, object? left, object? right, Evaluator evaluator, Expr at)
    {
        if (op == "+")
        {
            if (left is List<object?> || right is List<object?>)
            {
                return Concatenate(left, right);
            }

            if (left is string || right is string)
            {
                // Checked before the string exists: doubling a string a few dozen times would otherwise fill the heap.
                var length = ((left as string)?.Length ?? 32L) + ((right as string)?.Length ?? 32L);
                evaluator.Context.Budget.CheckValue(ValueSize.OfString(length));
            }
        }

        if (left is null || right is null)
        {
            return null;
        }

        if (left is TemporalValue || right is TemporalValue)
        {
            object? temporal;
            try
            {
                temporal = op switch
                {
                    "+" when left is DurationValue && right is TemporalValue and not DurationValue => TemporalFunctions.Add(right, left, 1),
                    "+" => TemporalFunctions.Add(left, right, 1),
                    "-" => TemporalFunctions.Add(left, right, -1),
                    "*" when left is DurationValue d1 && right is long or double => TemporalFunctions.Multiply(d1, (decimal)CypherValues.ToDouble(right)),
                    "*" when right is DurationValue d2 && left is long or double => TemporalFunctions.Multiply(d2, (decimal)CypherValues.ToDouble(left)),
                    // A duration divided by zero is an error, as an integer divided by zero is; decimal division threw DivideByZeroException, a 500.
                    "/" when left is DurationValue && right is long or double && CypherValues.ToDouble(right) == 0 =>
                        throw evaluator.Context.RuntimeError("ArithmeticError", "DivisionByZero", "/ by zero", at.Offset),
                    "/" when left is DurationValue d3 && right is long or double => TemporalFunctions.Divide(d3, CypherValues.ToDouble(right)),
                    _ => null,
                };
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
            {
                // A date moved past year ±999,999,999, or a duration past what its fields hold.
                throw evaluator.Context.RuntimeError("ArgumentError", "InvalidArgumentValue", $"{op}: {TemporalFunctions.Explain(e)}", at.Offset);
            }

            return temporal ?? throw evaluator.ArgumentTypeError(
                $"Cannot apply {op} to {CypherValues.TypeName(left)} and {CypherValues.TypeName(right)}", at);
        }

        if (op == "+" && (left is string || right is string))
        {
            if (left is string or long or double && right is string or long or double)
            {
                return Functions.ToCypherString(left) + Functions.ToCypherString(right);
            }

            throw evaluator.ArgumentTypeError($"Cannot add {CypherValues.TypeName(left)} and {CypherValues.TypeName(right)}", at);
        }

        if (left is not (long or double) || right is not (long or double))
        {
            throw evaluator.ArgumentTypeError(
                $"Cannot apply {op} to {CypherValues.TypeName(left)} and {CypherValues.TypeName(right)}", at);
        }

        if (left is long a && right is long b)
        {
            try
            {
                return op switch
                {
                    "+" => (object)checked(a + b),
                    "-" => checked(a - b),
                    "*" => checked(a * b),
                    "/" => b == 0
                        ? throw evaluator.Context.RuntimeError("ArithmeticError", "DivisionByZero", "/ by zero", at.Offset)
                        : a == long.MinValue && b == -1 ? throw new OverflowException() : (object)(a / b),
                    "%" => b == 0
                        ? throw evaluator.Context.RuntimeError("ArithmeticError", "DivisionByZero", "/ by zero", at.Offset)
                        : b == -1 ? 0L : (object)(a % b),
                    "^" => Math.Pow(a, b),
                    _ => throw new InvalidOperationException(op),
                };
            }
            catch (OverflowException)
            {
                throw evaluator.Context.RuntimeError("ArithmeticError", "IntegerOverflow", "Integer arithmetic overflow", at.Offset);
            }
        }

        var x = CypherValues.ToDouble(left);
        var y = CypherValues.ToDouble(right);
        return op switch
        {
            "+" => x + y,
            "-" => x - y,
            "*" => x * y,
            "/" => x / y,
            "%" => x % y,
            "^" => Math.Pow(x, y),
            _ => throw new InvalidOperationException(op),
        };
    }

    /// <summary>
    /// List + list, list + element, element + list. The result is measured from the measures of its two sides (kept
    /// for large lists), before it is built, so growing a list step by step in reduce() costs no walk over it each step.
    /// </summary>
    private static List<object?> Concatenate(object? left, object? right)
    {
        var l = left as List<object?>;
        var r = right as List<object?>;
        var leftMeasure = ValueSize.Of(left);
        var rightMeasure = ValueSize.Of(right);
        long slots = (l?.Count ?? 1) + (r?.Count ?? 1);
        // A side that is a list contributes its elements (its own header is not copied); an element, itself.
        var elements = new Measure(
            (l is null ? leftMeasure.Bytes : leftMeasure.Bytes - ValueSize.ListBytes - (l.Count * ValueSize.SlotBytes)) +
            (r is null ? rightMeasure.Bytes : rightMeasure.Bytes - ValueSize.ListBytes - (r.Count * ValueSize.SlotBytes)),
            Math.Max(l is null ? leftMeasure.Depth : leftMeasure.Depth - 1, r is null ? rightMeasure.Depth : rightMeasure.Depth - 1));
        var measure = Measure.Container(elements, slots, map: false);
        if (measure.Depth > ValueSize.MaxDepth)
        {
            throw ValueSize.TooDeep();
        }

        QueryBudget.Current?.CheckValue(measure.Bytes);
        var result = new List<object?>((int)Math.Min(slots, Array.MaxLength));
        if (l is null) result.Add(left); else result.AddRange(l);
        if (r is null) result.Add(right); else result.AddRange(r);
        ValueSize.Remember(result, measure, slots);
        return result;
    }
}
