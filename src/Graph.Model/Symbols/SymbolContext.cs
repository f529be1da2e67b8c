namespace Graph.Model.Symbols;

/// <summary>
/// The organ whose text is being read. A bare "resolution 64/256" means the General Assembly's own
/// resolution in a GA text ("its resolution"), an ECOSOC one ("2020/8") in an ECOSOC text.
/// </summary>
public enum SymbolContext
{
    None,
    GeneralAssembly,
    SecurityCouncil,
    EconomicAndSocialCouncil,
    HumanRightsCouncil,
}

/// <summary>How a symbol was written in the text.</summary>
public enum SymbolForm
{
    /// <summary>A full symbol: "A/77/277", "S/PRST/2010/1".</summary>
    Full,

    /// <summary>A number after "resolution"/"decision": "its resolution 64/256", "resolution 1631 (2005)".</summary>
    Numbered,
}

/// <summary>One symbol found in a text, with the half-open span of the characters that wrote it.</summary>
public sealed record SymbolMatch(DocumentSymbol Symbol, int Start, int End, SymbolForm Form);
