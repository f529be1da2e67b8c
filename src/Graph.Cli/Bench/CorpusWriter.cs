using System.Globalization;
using System.Text;

namespace Graph.Cli.Bench;

/// <summary>
/// Writes the text of a planned document the way UN documents read once converted to text: the masthead
/// (symbol, body, distribution date), the session and agenda lines, the title, the preamble (one
/// paragraph per leading verb, "Recalling its resolution 59/50 of 2 December 2004"), numbered operative
/// paragraphs, the closing meeting line and footnotes marked with superscript digits. Reports have a
/// summary and numbered paragraphs; presidential statements are quoted paragraphs.
/// </summary>
internal sealed class CorpusWriter(CorpusPlan plan, int seed)
{
    private static readonly string[] Superscripts = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

    private static readonly string[] PreambularVerbs =
    [
        "Recalling", "Recalling also", "Reaffirming", "Noting with appreciation", "Welcoming", "Expressing concern",
        "Bearing in mind", "Stressing", "Recognizing", "Taking note of", "Convinced", "Emphasizing", "Mindful",
        "Deeply concerned", "Acknowledging", "Noting", "Considering", "Guided by",
    ];

    private static readonly string[] OperativeVerbs =
    [
        "Requests", "Decides", "Calls upon", "Urges", "Encourages", "Welcomes", "Invites", "Stresses", "Reaffirms",
        "Takes note of", "Expresses its appreciation to", "Emphasizes", "Recommends", "Underlines", "Notes",
    ];

    private static readonly string[] Themes =
    [
        "Cooperation between the United Nations and the African Union", "Cooperation between the United Nations and the European Union",
        "Cooperation between the United Nations and the Collective Security Treaty Organization", "Cooperation between the United Nations and the League of Arab States",
        "The rights of the child", "Assistance in mine action", "Strengthening of the coordination of emergency humanitarian assistance",
        "Safety and security of humanitarian personnel", "Oceans and the law of the sea", "Sustainable fisheries",
        "Promotion of a democratic and equitable international order", "Measures to eliminate international terrorism",
        "Global health and foreign policy", "Agricultural technology for sustainable development", "Women in development",
        "Protection of migrants", "The situation in the Middle East", "Question of Western Sahara", "Small arms and light weapons",
        "Nuclear disarmament", "Prevention of an arms race in outer space", "Combating sand and dust storms",
        "Information and communications technologies for sustainable development", "Human rights and extreme poverty",
        "Violence against women migrant workers", "Literacy for life", "International cooperation on humanitarian assistance in the field of natural disasters",
        "Entrepreneurship for sustainable development", "Disaster risk reduction", "Education for sustainable development",
        "Protection of global climate for present and future generations", "Towards a nuclear-weapon-free world",
        "Rule of law at the national and international levels", "Objective information on military matters",
        "Return or restitution of cultural property to the countries of origin", "Sport for development and peace",
        "Harmony with Nature", "The role of diamonds in fuelling conflict", "Persons with disabilities and the development agenda",
        "The situation in Afghanistan",
    ];

    private static readonly string[] Places =
    [
        "Africa", "the Sahel", "Central Africa", "West Africa", "the Great Lakes region", "the Horn of Africa", "Central Asia",
        "South-East Asia", "the Pacific", "the Caribbean", "Latin America", "the Balkans", "the Caucasus", "the Arab region",
        "small island developing States", "least developed countries", "landlocked developing countries", "Eastern Europe",
        "the Mediterranean", "the Andean region", "the Mekong subregion", "the Lake Chad basin", "the Gulf of Guinea",
        "the Indian Ocean", "the Arctic", "the Southern Cone", "the Danube region", "the Nile basin", "the Red Sea region",
        "the Baltic region", "Oceania", "the Middle East", "North Africa", "Southern Africa", "East Africa", "the Himalayas",
        "the Amazon basin", "the Black Sea region", "the Persian Gulf", "Central America", "the Korean Peninsula",
        "the Sahara", "the Western Balkans", "the Adriatic", "the Aral Sea basin", "the Congo basin", "the Zambezi basin",
        "the Tigris-Euphrates basin", "the Mano River Union", "the Sudano-Sahelian zone", "the Bay of Bengal", "Melanesia",
        "Micronesia", "Polynesia", "the Alps", "the Andes", "Patagonia", "the Niger basin", "the Okavango delta", "Anatolia",
        "Transcaucasia", "the Kalahari", "the Gran Chaco", "the Guianas", "the Levant", "the Maghreb", "the Horn",
        "the Senegal basin", "the Volta basin", "the Limpopo basin",
    ];

    private static readonly string[] Organisations =
    [
        "African Union", "European Union", "League of Arab States", "Organization of American States", "World Health Organization",
        "United Nations Children's Fund", "United Nations Development Programme", "Office of the United Nations High Commissioner for Refugees",
        "International Atomic Energy Agency", "World Food Programme", "Collective Security Treaty Organization", "Economic Community of West African States",
        "Organization for Security and Co-operation in Europe", "International Labour Organization",
    ];

    private static readonly string[] Clauses =
    [
        "the importance of strengthening cooperation at the regional and subregional levels",
        "the need to enhance the capacity of Member States to address the challenges concerned",
        "the efforts made by the Secretary-General and the relevant entities of the United Nations system",
        "the continued commitment of the international community to the purposes and principles of the Charter of the United Nations",
        "the primary responsibility of States for the protection of their populations",
        "the role of civil society, the private sector and academia in supporting national efforts",
        "the urgent need for adequate, predictable and sustainable financing",
        "the progress achieved and the challenges that remain in the implementation of previous commitments",
        "the contribution of regional organizations to the maintenance of international peace and security",
        "the need for a comprehensive, coherent and coordinated response by the United Nations system",
        "the effects of climate change, natural disasters and conflict on the most vulnerable",
        "the relevant provisions of the 2030 Agenda for Sustainable Development",
        "the importance of the full, equal and meaningful participation of women",
        "the reports submitted by Member States and the information contained therein",
    ];

    private static readonly string[] Requests =
    [
        "to continue to support the efforts of Member States in this regard",
        "to strengthen coordination among the entities of the United Nations system",
        "to ensure adequate resources for the implementation of the present resolution",
        "to consult with regional organizations on ways of enhancing cooperation",
        "to give due consideration to the recommendations contained in the report",
        "to include in the next report information on the progress achieved",
        "to take the measures necessary to protect civilians",
        "to promote the exchange of information and best practices",
    ];

    public string Write(PlannedDocument document)
    {
        var random = new Random(HashCode.Combine(seed, document.Index));
        var text = new StringBuilder(6000);
        var footnotes = new List<string>();
        switch (document.Kind)
        {
            case PlannedKind.GeneralAssemblyResolution: WriteGeneralAssemblyResolution(text, footnotes, document, random); break;
            case PlannedKind.SecurityCouncilResolution: WriteSecurityCouncilResolution(text, footnotes, document, random); break;
            case PlannedKind.PresidentialStatement: WritePresidentialStatement(text, footnotes, document, random); break;
            default: WriteReport(text, footnotes, document, random); break;
        }
        if (footnotes.Count > 0)
        {
            text.Append('\n');
            for (var k = 0; k < footnotes.Count; k++) text.Append(Superscript(k + 1)).Append(' ').Append(footnotes[k]).Append("\n\n");
        }
        return text.ToString();
    }

    public string SeriesTitle(int series) => series < Themes.Length
        ? Themes[series]
        : $"{Themes[series % Themes.Length]} in {Places[series / Themes.Length % Places.Length]}";

    private PlannedDocument Get(int index) => plan.Documents[index];

    private void WriteGeneralAssemblyResolution(StringBuilder text, List<string> footnotes, PlannedDocument document, Random random)
    {
        var title = document.Series >= 0 ? SeriesTitle(document.Series) : Themes[random.Next(Themes.Length)];
        var distribution = document.Date.AddDays(4);
        text.Append(CultureInfo.InvariantCulture, $"United Nations A/RES/{document.ShortName}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"General Assembly Distr.: General\n{Date(distribution)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{SessionWords(document.Session)} session\n\nAgenda item {10 + random.Next(150)}\n\n");
        if (document.Series >= 0) text.Append(CultureInfo.InvariantCulture, $"Cooperation and coordination on questions of common interest: {Lower(title)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Resolution adopted by the General Assembly on {Date(document.Date)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"[without reference to a Main Committee (A/{document.Session}/L.{1 + random.Next(90)})]\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{document.ShortName}. {title}\n\nThe General Assembly,\n\n");
        if (document.SeriesPredecessors.Count > 0)
        {
            var list = document.SeriesPredecessors.Select(i => $"{Get(i).ShortName} of {Date(Get(i).Date)}").ToList();
            var resolutions = list.Count == 1 ? "resolution " + list[0] : "resolutions " + string.Join(", ", list[..^1]) + " and " + list[^1];
            text.Append(CultureInfo.InvariantCulture, $"Referring to its {resolutions} on {Lower(title)},\n\n");
        }
        WriteCitingParagraphs(text, footnotes, document, random, "its");
        WriteOperativeParagraphs(text, footnotes, document, random, "the Secretary-General");
        text.Append(CultureInfo.InvariantCulture, $"{Ordinal(20 + random.Next(80))} plenary meeting\n{Date(document.Date)}\n");
    }

    private void WriteSecurityCouncilResolution(StringBuilder text, List<string> footnotes, PlannedDocument document, Random random)
    {
        var number = document.ShortName[..document.ShortName.IndexOf(' ', StringComparison.Ordinal)];
        text.Append(CultureInfo.InvariantCulture, $"United Nations S/RES/{document.ShortName}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Security Council Distr.: General\n{Date(document.Date)}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Resolution {number} ({document.Date.Year})\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Adopted by the Security Council at its {Ordinal(3000 + document.Index % 7000)} meeting, on {Date(document.Date)}\n\n");
        text.Append("The Security Council,\n\n");
        WriteCitingParagraphs(text, footnotes, document, random, "its");
        text.Append("Acting under Chapter VII of the Charter of the United Nations,\n\n");
        WriteOperativeParagraphs(text, footnotes, document, random, "the Secretary-General");
    }

    private void WritePresidentialStatement(StringBuilder text, List<string> footnotes, PlannedDocument document, Random random)
    {
        var topic = Themes[random.Next(Themes.Length)];
        text.Append(CultureInfo.InvariantCulture, $"United Nations {document.Symbol}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Security Council Distr.: General\n{Date(document.Date)}\n\n");
        text.Append("Statement by the President of the Security Council\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"At the {Ordinal(3000 + document.Index % 7000)} meeting of the Security Council, held on {Date(document.Date)}, in connection with the Council's consideration of the item entitled \"{topic}\", the President of the Security Council made the following statement on behalf of the Council:\n\n");
        foreach (var cited in document.Cites)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"The Security Council recalls {Reference(Get(cited), "its", footnotes)} and reaffirms {Clause(random)}.\n\n");
        }
        for (var k = 0; k < 2 + random.Next(3); k++)
            text.Append(CultureInfo.InvariantCulture, $"\"The Security Council stresses {Clause(random)} and calls upon all parties {Request(random)}.\n\n");
        text.Append("\"The Security Council will remain seized of the matter.\"\n");
    }

    private void WriteReport(StringBuilder text, List<string> footnotes, PlannedDocument document, Random random)
    {
        var title = Themes[random.Next(Themes.Length)];
        text.Append(CultureInfo.InvariantCulture, $"United Nations {document.Symbol}{(document.JointSymbol is null ? "" : "-" + document.JointSymbol)}\n\n");
        if (document.Kind == PlannedKind.SecurityCouncilReport) text.Append("Security Council Distr.: General\n");
        else if (document.JointSymbol is not null) text.Append("General Assembly\nSecurity Council Distr.: General\n");
        else text.Append("General Assembly Distr.: General\n");
        text.Append(CultureInfo.InvariantCulture, $"{Date(document.Date)}\n\nOriginal: English\n\n");
        if (document.Kind != PlannedKind.SecurityCouncilReport)
            text.Append(CultureInfo.InvariantCulture, $"{SessionWords(document.Session)} session\nItem {10 + random.Next(150)} of the provisional agenda\n\n");
        text.Append(CultureInfo.InvariantCulture, $"{title}\n\nReport of the Secretary-General\n\nSummary\n\nThe present report describes {Clause(random)}.\n\nI. Introduction\n\n");
        var number = 1;
        foreach (var cited in document.Cites)
        {
            text.Append(CultureInfo.InvariantCulture, $"{number++}. The present report is submitted pursuant to {Reference(Get(cited), "", footnotes)}, which addressed {Clause(random)}.\n\n");
        }
        text.Append("II. Observations\n\n");
        for (var k = 0; k < 3 + random.Next(5); k++)
            text.Append(CultureInfo.InvariantCulture, $"{number++}. The Secretary-General notes {Clause(random)} and recommends {Clause(random)}.\n\n");
    }

    /// <summary>One preambular paragraph per cited document, with a leading verb and what the text says about it.</summary>
    private void WriteCitingParagraphs(StringBuilder text, List<string> footnotes, PlannedDocument document, Random random, string own)
    {
        var verbs = 0;
        foreach (var cited in document.Cites.Take((document.Cites.Count + 1) / 2))
        {
            var verb = PreambularVerbs[verbs++ % PreambularVerbs.Length];
            text.Append(CultureInfo.InvariantCulture, $"{verb} {Reference(Get(cited), own, footnotes)}, and {Clause(random)},\n\n");
        }
        for (var k = 0; k < 1 + random.Next(4); k++)
            text.Append(CultureInfo.InvariantCulture, $"{PreambularVerbs[random.Next(PreambularVerbs.Length)]} {Clause(random)} and the work of the {Organisations[random.Next(Organisations.Length)]},\n\n");
    }

    private void WriteOperativeParagraphs(StringBuilder text, List<string> footnotes, PlannedDocument document, Random random, string addressee)
    {
        var number = 1;
        foreach (var cited in document.Cites.Skip((document.Cites.Count + 1) / 2))
        {
            text.Append(CultureInfo.InvariantCulture, $"{number++}. {OperativeVerbs[random.Next(OperativeVerbs.Length)]} {Clause(random)}, as set out in {Reference(Get(cited), "its", footnotes)};\n\n");
        }
        for (var k = 0; k < 2 + random.Next(5); k++)
            text.Append(CultureInfo.InvariantCulture, $"{number++}. {OperativeVerbs[random.Next(OperativeVerbs.Length)]} {addressee} {Request(random)};\n\n");
        text.Append(CultureInfo.InvariantCulture,
            $"{number}. Requests the Secretary-General to submit to the General Assembly at its {Lower(SessionWords(document.Session + 2))} session a report on the implementation of the present resolution.\n\n");
    }

    /// <summary>How a document is cited in running text, by its kind; a report goes to a footnote as UN texts do.</summary>
    private static string Reference(PlannedDocument cited, string own, List<string> footnotes)
    {
        switch (cited.Kind)
        {
            case PlannedKind.GeneralAssemblyResolution:
                return $"{(own.Length > 0 ? own + " resolution" : "General Assembly resolution")} {cited.ShortName} of {Date(cited.Date)}";
            case PlannedKind.SecurityCouncilResolution:
                return $"Security Council resolution {cited.ShortName} of {Date(cited.Date)}";
            case PlannedKind.PresidentialStatement:
                return $"the statement by the President of the Security Council of {Date(cited.Date)} ({cited.Symbol})";
            default:
                footnotes.Add(cited.ShortName + ".");
                return $"the report of the Secretary-General of {Date(cited.Date)}{Superscript(footnotes.Count)}";
        }
    }

    private static string Clause(Random random) => Clauses[random.Next(Clauses.Length)];

    private static string Request(Random random) => Requests[random.Next(Requests.Length)];

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static string Superscript(int n) => string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => Superscripts[c - '0']));

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static readonly string[] Units = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
    private static readonly string[] Teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
    private static readonly string[] TensOrdinal = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    /// <summary>"Seventy-seventh" for 77: sessions are named in words in the heading.</summary>
    internal static string SessionWords(int session)
    {
        var n = Math.Clamp(session, 1, 99);
        var words = n switch
        {
            < 10 => Units[n],
            < 20 => Teens[n - 10],
            _ when n % 10 == 0 => TensOrdinal[n / 10],
            _ => Tens[n / 10] + "-" + Units[n % 10],
        };
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}
