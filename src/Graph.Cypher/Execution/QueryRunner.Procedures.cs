using Graph.Cypher.Syntax;
using Graph.Cypher.Values;

namespace Graph.Cypher.Execution;

internal sealed partial class QueryRunner
{
    private List<(string Field, string Name)> ProcedureBindings(CallClause call, CypherProcedure procedure) =>
        ProcedureCalls.Bindings(call, procedure, standalone: standaloneCall == call);

    private IEnumerable<Row> CallProcedure(IEnumerable<Row> rows, CallClause call, CypherProcedure procedure,
        List<(string Field, string Name)> bindings)
    {
        foreach (var row in rows)
        {
            var args = new List<object?>();
            for (var i = 0; i < procedure.Parameters.Count; i++)
            {
                var parameter = procedure.Parameters[i];
                object? value;
                if (call.Args is { } explicitArgs)
                {
                    value = evaluator.Eval(explicitArgs[i], row);
                }
                else if (!context.Parameters.TryGetValue(parameter.Name, out var given))
                {
                    throw new CypherException("ParameterMissing", "MissingParameter", $"Expected parameter ${parameter.Name}",
                        Positions.Of(context.Text, call.Offset));
                }
                else
                {
                    value = ValueConversion.FromClr(given);
                }

                if (!ProcedureCalls.Matches(parameter.Type, value))
                {
                    throw context.RuntimeError("TypeError", "InvalidArgumentType",
                        $"Argument {parameter.Name} must be {parameter.Type}, not {ProcedureCalls.TypeOf(value)}", call.Offset);
                }

                args.Add(ProcedureCalls.Coerce(parameter.Type, value));
            }

            if (procedure.Outputs.Count == 0)
            {
                // A void procedure leaves its input row as it is.
                _ = procedure.Invoke(args).Count();
                yield return row;
                continue;
            }

            foreach (var result in procedure.Invoke(args))
            {
                context.Tick();
                var output = new Row(row);
                foreach (var (field, name) in bindings)
                {
                    var index = procedure.Outputs.ToList().FindIndex(o => o.Name == field);
                    output[name] = ValueConversion.FromClr(result[index]);
                }

                if (call.Where is null || evaluator.EvalPredicate(call.Where, output) == true)
                {
                    yield return output;
                }
            }
        }
    }
}
