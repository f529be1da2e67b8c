using System.Globalization;
using Graph.Cypher.Syntax;

namespace Graph.Cypher.Execution;

// The string functions of Neo4j 5: trimming given characters, normalisation, lengths in characters, random UUIDs.
internal static partial class Functions
{
    private static object? CallString(FunctionExpr f, object?[] args, Func<string, CypherException> bad, ExecutionContext context)
    {
        if (f.LowerName == "randomuuid")
        {
            // From the statement's seeded random numbers, so that a saved write that stores one stores the same one again.
            var bytes = new byte[16];
            context.Random.NextBytes(bytes);
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes, bigEndian: true).ToString();
        }

        if (args.Any(a => a is null))
        {
            return null;
        }

        if (args[0] is not string input)
        {
            throw bad("expects a string");
        }

        switch (f.LowerName)
        {
            case "char_length" or "character_length":
                return (long)new StringInfo(input).LengthInTextElements;
            case "normalize":
                return NormalForm(args.Length > 1 ? args[1] : "NFC", bad).Normalize(input);
        }

        // ltrim/rtrim/btrim(s, chars): without chars, whitespace; with them, any of those characters.
        char[]? characters = null;
        if (args.Length > 1)
        {
            if (args[1] is not string trim)
            {
                throw bad("expects the characters to trim as a string");
            }

            characters = trim.ToCharArray();
        }

        return f.LowerName switch
        {
            "ltrim" => characters is null ? input.TrimStart() : input.TrimStart(characters),
            "rtrim" => characters is null ? input.TrimEnd() : input.TrimEnd(characters),
            _ => characters is null ? input.Trim() : input.Trim(characters),
        };
    }

    /// <summary>The normal form named by normalize()'s second argument (NFC, NFD, NFKC, NFKD).</summary>
    private static ICU4N.Text.Normalizer2 NormalForm(object? name, Func<string, CypherException> bad) => (name as string)?.ToUpperInvariant() switch
    {
        "NFC" => ICU4N.Text.Normalizer2.NFCInstance,
        "NFD" => ICU4N.Text.Normalizer2.NFDInstance,
        "NFKC" => ICU4N.Text.Normalizer2.NFKCInstance,
        "NFKD" => ICU4N.Text.Normalizer2.NFKDInstance,
        _ => throw bad($"unknown normal form {name}: NFC, NFD, NFKC or NFKD"),
    };
}
