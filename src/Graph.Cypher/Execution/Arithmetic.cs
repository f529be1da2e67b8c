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
            if (left is List<object?> ll)
            {
                if (right is List<object?> rl)
                {
                    return ll.Concat(rl).ToList();
                }

                return new List<object?>(ll) { right };
            }

            if (right is List<object?> rl2)
            {
                return (List<object?>)[left, .. rl2];
            }
        }

        if (left is null || right is null)
        {
            return null;
        }

        if (left is TemporalValue || right is TemporalValue)
        {
            object? temporal = op switch
            {
                "+" when left is DurationValue && right is TemporalValue and not DurationValue => TemporalFunctions.Add(right, left, 1),
                "+" => TemporalFunctions.Add(left, right, 1),
                "-" => TemporalFunctions.Add(left, right, -1),
                "*" when left is DurationValue d1 && right is long or double => TemporalFunctions.Multiply(d1, (decimal)CypherValues.ToDouble(right)),
                "*" when right is DurationValue d2 && left is long or double => TemporalFunctions.Multiply(d2, (decimal)CypherValues.ToDouble(left)),
                "/" when left is DurationValue d3 && right is long or double => TemporalFunctions.Multiply(d3, 1m / (decimal)CypherValues.ToDouble(right)),
                _ => null,
            };
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
}
