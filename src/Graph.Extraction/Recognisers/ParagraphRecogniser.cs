using Graph.Extraction.Readers;
using Graph.Extraction.Structure;
using Graph.Model;

namespace Graph.Extraction.Recognisers;

/// <summary>One paragraph of the body, as the graph will hold it; its spans point into <c>DocumentText</c>.</summary>
internal sealed record ParagraphInfo(string Id, string Kind, int Ordinal, string? Number, string? Verb, string DocumentText, IReadOnlyList<int> Footnotes, SourceSpan Span)
{
    /// <summary>Where the paragraph's words start in the document text (after its number).</summary>
    public int ContentStart { get; init; }

    /// <summary>
    /// The words of a paragraph that blocks after it continued; null while the words are those of its own stretch of
    /// the text, which are cleaned when read: kept as strings until the graph was built, a long text's paragraphs
    /// held the whole text once more and made the collector copy it.
    /// </summary>
    public string? JoinedText { get; init; }

    /// <summary>The paragraph's words: footnote marks and emphasis asterisks removed, whitespace normalised.</summary>
    public string Text => JoinedText ?? ParagraphRecogniser.CleanText(DocumentText.AsSpan(ContentStart, Span.End - ContentStart));

    /// <summary>The operative paragraph a sub-paragraph "(a)" belongs to; null for any other paragraph.</summary>
    public string? Parent { get; init; }
}

/// <summary>
/// Preambular and operative paragraphs, by the drafting convention of UN resolutions (Editorial Manual,
/// "Resolutions and decisions"; UN Handbook on drafting resolutions): after the organ's name, preambular
/// paragraphs open with a participle or adjective in italics ("Referring further to", "Noting with
/// appreciation") and are not numbered; operative paragraphs are numbered "1.", open with a verb in the
/// present tense ("Requests", "Decides") and may have sub-paragraphs "(a)", "(i)". Documents that are not
/// resolutions (reports, letters) get plain paragraphs of kind "text", numbered where the text numbers them.
/// </summary>
internal static partial class ParagraphRecogniser
{
    private static readonly HashSet<string> VerbContinuations = new(StringComparer.Ordinal)
    {
        "also", "further", "furthermore", "again", "once", "moreover", "therefore", "in", "particular", "with", "appreciation",
        "satisfaction", "concern", "deep", "grave", "serious", "regret", "interest", "upon", "strongly", "urgently", "note", "mind",
        "into", "account", "consideration",
        // An adverb of drafting after the verb is the verb's, as "Welcomes also" keeps its "also": "Condemns unequivocally",
        // "Supports fully", "Recommits firmly", "Decides accordingly", "Condemns equally strongly".
        "unequivocally", "vigorously", "resolutely", "firmly", "fully", "hereby", "accordingly", "especially", "equally",
        // The manner of a fixed phrase: "Notes with great concern", "Notes with increasing concern", "Notes with alarm",
        // "Recognizes with gratitude"; the noun of "Pays tribute", "Draws the attention", "Calls attention to", "Takes cognizance of".
        "great", "increasing", "alarm", "gratitude", "gratification", "tribute", "homage", "the", "attention", "cognizance",
    };

    private static readonly HashSet<string> TwoWordVerbs = new(StringComparer.Ordinal)
    {
        "Having", "Deeply", "Gravely", "Strongly", "Seriously", "Profoundly", "Fully", "Taking", "Bearing", "Keeping", "Calls", "Takes",
        "Expressing", "Expresses", "Further", "Also", "Mindful", "Noting", "Recalling", "Welcoming",
    };

    public static List<ParagraphInfo> Recognise(LaidOutText laid, string documentId, bool isResolution) =>
        Recognise(laid, documentId, isResolution, int.MaxValue, out _);

    /// <summary>
    /// The paragraphs, at most <paramref name="maxParagraphs"/> of them (see <see cref="ExtractionLimits"/>);
    /// <paramref name="stoppedAt"/> is where in the text the recogniser stopped for that, or null when it read the whole text.
    /// </summary>
    public static List<ParagraphInfo> Recognise(LaidOutText laid, string documentId, bool isResolution, int maxParagraphs, out int? stoppedAt)
    {
        stoppedAt = null;
        var result = new List<ParagraphInfo>();
        var text = laid.Text;
        // Resolutions start their body after the organ's name ("The Security Council,"); texts that lack that line start after the heading.
        var inBody = !isResolution || !laid.Blocks.Any(b => b.Kind == BlockKind.Heading && ParagraphAssembler.IsPreambleStart(laid.TextOf(b)));
        // A draft decision has no organ's line: its body is the one sentence "The General Assembly, recalling …, decides …",
        // after a masthead (session, agenda item, sponsors, "Draft decision", title) that is no paragraph.
        var (decisionStart, decisionAt) = isResolution && inBody ? DecisionStart(laid) : (-1, -1);
        if (decisionStart >= 0) inBody = false;
        var seenOperative = false;
        string? currentOperative = null;
        string? currentLetter = null;
        // Whether a numbered list of digit items ("(1) … (2)") stands since the last numbered or lettered paragraph.
        var digitItemOpen = false;
        var preambular = 0;
        var unnumbered = 0;
        var annexParagraphs = 0;
        string? operativeVerb = null;
        // "Resolves:", "Resolves that:", "Decides as follows:": the verb the numbered paragraphs after it complete ("1. That
        // applications …", "3. There shall be set off …"); it opens no paragraph of its own, its words join the first of them.
        string? leadInVerb = null;
        var leadInStart = -1;
        string? leadInOwner = null;
        // Whether the lead-in's clauses are unnumbered, each opening with "That" (see CompletesLeadIn).
        var thatClauses = false;
        // The number of the last item of a numbered list an operative paragraph announced, while its items go on.
        int? listItem = null;
        // Whether the block before was a section's numeral standing alone ("I"), whose title may follow in a block of its own.
        var afterNumeral = false;
        // Whether the block before was a section's title the paragraphs leave out (see IsSectionTitle).
        var afterTitle = false;
        // Whether the last paragraph took unpunctuated list lines after its colon: further such lines are its too.
        var listOpen = false;
        // The words of the last paragraph while blocks join it (see Joined).
        System.Text.StringBuilder? joining = null;
        // The notes asterisks call, and where an old-style footnote's number stands before the block of its text.
        var notes = new List<ParagraphInfo>();
        var markStart = -1;
        // Whether the resolution's only paragraph, unnumbered, announced the text it adopts (see AdoptsTheFollowing).
        var adoptedTextFollows = false;
        // The verb of a draft decision's sentence (see DecisionStart), set for the paragraph it opens.
        string? decisionVerb = null;
        // The decision's paragraph, and whether one of its lettered clauses approves a text "as set out below".
        string? decisionId = null;
        var decisionTextBelow = false;
        // Sized once for a paragraph per block (or the bound, if fewer): grown by doubling, a long text's set was copied a dozen times.
        var ids = new HashSet<string>(Math.Min(laid.Blocks.Count, maxParagraphs), StringComparer.Ordinal);
        var cleanBuffer = new char[1024];
        for (var b = 0; b < laid.Blocks.Count; b++)
        {
            var block = laid.Blocks[b];
            // A "That …" clause the layout set as a heading (it ends in a colon the scan put for a semicolon) is one more of them.
            var thatClause = block.Kind == BlockKind.Heading && inBody && thatClauses
                && CompletesLeadIn(leadInVerb, CleanText(text.AsSpan(block.Start, block.End - block.Start)));
            if (block.Kind == BlockKind.Heading && !thatClause)
            {
                if (ParagraphAssembler.IsPreambleStart(laid.TextOf(block))) inBody = true;
                // "The Security Council / Resolves:", set as a heading, before unnumbered clauses opening with "That".
                else if (inBody && isResolution && !block.InAnnex && CleanText(text.AsSpan(block.Start, block.End - block.Start)) is var heading
                    && IsLeadIn(heading) && NextOpensWithThat(laid, b) && !NextIsNumbered(laid, b))
                {
                    leadInVerb = LeadingVerb(WithoutOrgan(heading));
                    thatClauses = true;
                }
                // "The Security Council / Resolves:" set as a heading before numbered clauses opening with "That" ("1, That the
                // Trusteeship Council be requested …"): the clauses complete the lead-in's sentence and take its verb.
                else if (inBody && isResolution && !block.InAnnex && CleanText(text.AsSpan(block.Start, block.End - block.Start)) is var numberedLeadIn
                    && IsLeadIn(numberedLeadIn) && NextIsNumberedThat(laid, b))
                {
                    leadInVerb = LeadingVerb(WithoutOrgan(numberedLeadIn));
                    thatClauses = false;
                }
                continue;
            }
            if (b == decisionStart) inBody = true;
            // A note of the draft's masthead that says something in sentences ("Under agenda item 121, … pursuant to paragraph 3 (b)
            // of the annex to General Assembly resolution 58/316, each Main Committee shall adopt …") is kept, with what it cites,
            // as a note after the body, as the asterisk's note is.
            if (!inBody && decisionStart >= 0 && b < decisionStart && block.Kind == BlockKind.Paragraph && HoldsSentences(text.AsSpan(block.Start, block.End - block.Start)))
            {
                if (Full())
                {
                    stoppedAt = block.Start;
                    break;
                }
                notes.Add(Note(text, block, documentId, notes.Count + 1));
                continue;
            }
            if ((block.Kind != BlockKind.Paragraph && !thatClause) || !inBody) continue;
            // The text a resolution adopts after its only paragraph ("Adopts the following Pact for the Future and its annexes:",
            // "Adopts the following outcome document …:") is that text's, as an annex's is: its preamble and numbered paragraphs
            // are not the resolution's.
            var inAnnex = block.InAnnex || adoptedTextFollows;
            var numeralBefore = afterNumeral;
            afterNumeral = false;
            var titleBefore = afterTitle;
            afterTitle = false;
            // The organ's line inside the body opens the next part of a resolution in parts: no paragraph, and a preamble follows.
            if (isResolution && !inAnnex && block.End - block.Start < 70 && ParagraphAssembler.IsOrganLine(laid.TextOf(block)))
            {
                seenOperative = false;
                currentOperative = null;
                continue;
            }
            // "* On behalf of the States that are members of the Group of 77 and China, taking into account also the provisions of
            // General Assembly resolution ES-10/23 …", "* Any changes to the list of sponsors …": the note an asterisk in a draft's
            // heading calls, printed at the foot of its first page, is no preambular paragraph and cuts none; it is kept, with what
            // it cites, as a note after the body.
            if (isResolution && FootnoteZones.IsAsteriskNoteBlock(text.AsSpan(block.Start, block.End - block.Start)))
            {
                if (Full())
                {
                    stoppedAt = block.Start;
                    break;
                }
                notes.Add(Note(text, block, documentId, notes.Count + 1));
                continue;
            }
            // An old-style footnote's number on a line of its own ("6/") opens the block of its text after it.
            if (IsBareOldStyleMark(text.AsSpan(block.Start, block.End - block.Start)))
            {
                if (markStart < 0) markStart = block.Start;
                continue;
            }
            var (number, letter, contentStart) = ReadNumbering(text, block);
            if (b == decisionStart) contentStart = decisionAt;
            // "The General Assembly: (a) Approves the draft programme of work … as set out below; (b) Invites the Bureau …": after
            // its lettered clauses, the programme the decision approves is the decision's, as an annex is.
            if (decisionTextBelow && letter is null && !inAnnex)
            {
                adoptedTextFollows = true;
                inAnnex = true;
            }
            // A number the scan spoiled: "S. Appeals urgently …" after paragraph 4 is paragraph 5, "ll. Calls once again" after 10 is 11.
            if (number is null && letter is null && isResolution && !inAnnex && ScannedNumber(text, block, currentOperative) is { } scanned)
                (number, contentStart) = scanned;
            // "(a) … (6) … (c)": a sub-paragraph's letter the scan read as a digit, unless a numbered list of digit items is open.
            if (number is null && letter is null && isResolution && !inAnnex && currentOperative is not null)
            {
                if (!digitItemOpen && ScannedLetter(laid, b, currentLetter) is { } scannedLetter) (letter, contentStart) = scannedLetter;
                else if (IsDigitItem(text, block)) digitItemOpen = true;
            }
            if (number is not null || letter is not null) digitItemOpen = false;
            if (contentStart >= block.End) continue;
            // Whether a heading the layout ran into the block is left out: the paragraph then starts after it.
            var headingRunIn = false;
            // "17 (1947). Resolution of 10 February 1947 Whereas the Commission …": the volume's heading of an early Council text,
            // run into the first paragraph, is no part of it.
            if (isResolution && !inAnnex && result.Count == 0 && number is null && letter is null && VolumeHeadingLength(text.AsSpan(contentStart, block.End - contentStart)) is > 0 and var volumeHeading)
            {
                contentStart += volumeHeading;
                headingRunIn = true;
            }
            // "B / Acting under Chapter VII …": the letter of a resolution's part, run into the preambular paragraph that opens it.
            else if (isResolution && !inAnnex && number is null && letter is null && PartLetterLength(text.AsSpan(contentStart, block.End - contentStart)) is > 0 and var partLetter)
            {
                contentStart += partLetter;
                headingRunIn = true;
            }
            // A sub-heading of the preamble the layout ran into the paragraph after it, no line of its own between them ("Degrading
            // the threat posed by Al-Shabaab, and the Arms Embargo targeting Al-Shabaab Expressing grave concern that …"): the
            // paragraph opens at its preambular phrase; the heading is no paragraph's, as a sub-heading standing alone is none.
            // So is the title of the first section, run into the resolution's first paragraph ("I Activities of the Office of Internal
            // Oversight Services Recalling its resolutions …,"), and the title of a section that opens with a preamble after an operative part ("Effects of changes in rates of exchange
            // and inflation Having considered …,", the Fifth Committee's decisions one after another), after a paragraph that ended.
            else if (isResolution && !inAnnex && number is null && letter is null && b != decisionStart
                && SubHeadingRunIn(text.AsSpan(contentStart, block.End - contentStart)) is > 0 and var opening
                && (result.Count == 0 ? EndsLikeAPreamble(text.AsSpan(block.Start, block.End - block.Start)) : LastEdges(result[^1], joining) is var edges
                && (seenOperative
                    ? result[^1].Kind is "operative" or "subparagraph" && edges.Ending.TrimEnd() is [.., '.' or ';'] && EndsLikeAPreamble(text.AsSpan(block.Start, block.End - block.Start))
                    : result[^1].Kind == "preambular" && EndsAPreambularParagraph(edges)
                      && !ContinuesPreambular(edges, CleanText(text.AsSpan(contentStart, Math.Min(block.End - contentStart, 400)))))))
            {
                contentStart += opening;
                headingRunIn = true;
            }
            var content = text.AsSpan(contentStart, block.End - contentStart);
            var footnotes = FootnoteNumbers(content);
            // The words are cleaned into a buffer kept for the whole text and read there: a string per block was, after the
            // text itself, the largest thing the paragraphs allocated (twice the text, all of it garbage at once).
            if (cleanBuffer.Length < content.Length) cleanBuffer = new char[Math.Max(content.Length, 2 * cleanBuffer.Length)];
            ReadOnlySpan<char> clean = cleanBuffer.AsSpan(0, CleanInto(content, cleanBuffer));
            if (clean.Length == 0) continue;
            // A block opening in lower case continues the paragraph before it, which a page break or a quoted line cut.
            if (number is null && letter is null && result.Count > 0 && char.IsLower(clean[0]) && (result[^1].Kind == "annex") == inAnnex)
            {
                result[^1] = Joined(result[^1], clean, footnotes, block.End, ref joining);
                continue;
            }
            // A numbered row of a table the paragraph before announced ("approved as follows: 1. Income from staff assessment
            // 278 735 200"): a row ends in its figure, not in the punctuation that ends a paragraph. The row is tested first: the
            // paragraph before's text is cleaned afresh when read, which for every numbered paragraph copied the one before it.
            if (number is not null && isResolution && !inAnnex && result.Count > 0 && result[^1].Kind == "operative"
                && IsTableRow(clean) && (result[^1].Text.EndsWith(':') || listOpen))
            {
                result[^1] = Joined(result[^1], clean, footnotes, block.End, ref joining);
                listOpen = true;
                continue;
            }
            // A numbered list the paragraph before announced ("11. Approves the following provisional agenda …: 1. Opening of the
            // Congress. 2. Organizational matters."): its numbering starts again at 1, after paragraph 2 or later, and its items
            // open with no verb of their own; they are the paragraph's.
            var itemNumber = ListItemNumber(number, clean, listItem, result, currentOperative, joining, isResolution && !inAnnex);
            listItem = itemNumber;
            if (itemNumber is not null)
            {
                result[^1] = Joined(result[^1], clean, footnotes, block.End, ref joining);
                continue;
            }
            string id, kind;
            string? numberText;
            string? parent = null;
            if (inAnnex)
            {
                // An annex's paragraphs are its own (a programme of action, a statute, a list): numbered as the annex numbers
                // them, in an id space of their own so that its "1." is not the resolution's operative paragraph 1.
                annexParagraphs++;
                kind = "annex";
                numberText = number ?? (letter is not null ? $"({letter})" : null);
                id = $"{documentId}#annex.p{annexParagraphs}";
            }
            else if (isResolution)
            {
                if (number is not null)
                {
                    seenOperative = true;
                    currentOperative = number;
                    currentLetter = null;
                    id = $"{documentId}#op{number}";
                    kind = "operative";
                    numberText = number;
                }
                else if (letter is not null && currentOperative is not null)
                {
                    var isRoman = currentLetter is not null && IsRoman(letter) && !(letter.Length == 1 && NextLetter(currentLetter) == letter);
                    parent = $"{documentId}#op{currentOperative}";
                    if (isRoman)
                    {
                        id = $"{documentId}#op{currentOperative}.{currentLetter}.{letter}";
                        numberText = $"{currentOperative}({currentLetter})({letter})";
                    }
                    else
                    {
                        currentLetter = letter;
                        id = $"{documentId}#op{currentOperative}.{letter}";
                        numberText = $"{currentOperative}({letter})";
                    }
                    // A sub-paragraph continues its operative paragraph's sentence: it is part of that paragraph, not one more.
                    kind = "subparagraph";
                    // Lettered items complete a lead-in paragraph ("Decides: (a) To call upon …"); numbered paragraphs after them are the resolution's own.
                    if (parent == leadInOwner) leadInVerb = null;
                    if (parent == decisionId && clean.Contains(" as set out below", StringComparison.Ordinal)) decisionTextBelow = true;
                }
                // "Recalling the endorsement by the Committee on World Food Security of: (a) The Voluntary Guidelines …, (b) …":
                // lettered items in the preamble complete its paragraph, as sub-paragraphs complete an operative one.
                else if (letter is not null && !seenOperative && result.Count > 0 && result[^1].Kind == "preambular")
                {
                    result[^1] = Joined(result[^1], clean, footnotes, block.End, ref joining);
                    continue;
                }
                // "The Security Council / Resolves:" before unnumbered clauses opening with "That" (see CompletesLeadIn): the lead-in,
                // short as a sub-heading is, lends its verb to them.
                else if (IsLeadIn(clean) && NextOpensWithThat(laid, b) && !NextIsNumbered(laid, b))
                {
                    leadInVerb = LeadingVerb(WithoutOrgan(clean));
                    leadInStart = block.Start;
                    thatClauses = true;
                    continue;
                }
                // The heading of the operative part's first section ("I Achieving sustainable fisheries", "I / Implementation of
                // the Convention and related agreements and instruments", "A. Targeted sanctions") stands after the preamble: it is
                // no paragraph, as the headings of the sections after it are none.
                else if (!seenOperative && (IsSectionHeading(clean) || IsSectionNumeral(clean) || IsOwnHeading(clean)
                    || (numeralBefore && clean.Length < 120 && clean[^1] is not (',' or ';' or '.' or ':'))))
                {
                    // "I / Enterprise resource planning project, Umoja": the numeral and the section's title under it.
                    afterNumeral = IsSectionNumeral(clean);
                    continue;
                }
                // A section's title under its numeral, or after it on its line, however long ("VIII / Seismic mitigation retrofit and
                // life-cycle replacements project at the Economic and Social Commission for Asia and the Pacific premises in Bangkok",
                // "IX Progress on the replacement of office blocks A to J at the United Nations Office at Nairobi"), see IsSectionTitle.
                // A heading under a paragraph that announced a list ("Recommends …:" / "A. Restoration of peace and order") is its item.
                else if (((numeralBefore && IsSectionTitle(clean)) || IsNumberedSectionTitle(clean))
                    && !(result.Count > 0 && result[^1].Kind is "operative" or "subparagraph" && (EndsWithColon(result[^1], joining) || listOpen)))
                {
                    afterTitle = true;
                    continue;
                }
                // A sub-heading of the preamble ("Transport and transit corridors", "Social aspects") or of the operative part's first
                // section, unnumbered ("Peacebuilding Commission" before paragraph 1): a short line that opens no preambular phrase,
                // after a paragraph that ended, before one that opens.
                else if (!seenOperative && result.Count > 0 && result[^1].Kind == "preambular" && IsSubHeading(clean)
                    && EndsAPreambularParagraph(LastEdges(result[^1], joining)) && NextOpensParagraph(laid, b))
                {
                    continue;
                }
                // A preambular paragraph that a page break or a footnote block cut where no paragraph ends: the part after the
                // break opens with no preambular phrase ("Mindful of its duties … under the" / "Charter of the United Nations …",
                // "… Conference on Palestine:" / "Reconstructing Gaza, held on …", "… the Development, Production," / "Stockpiling
                // and Use of Chemical Weapons …").
                else if (!seenOperative && result.Count > 0 && result[^1].Kind == "preambular" && ContinuesPreambular(LastEdges(result[^1], joining), clean))
                {
                    result[^1] = Joined(result[^1], clean, footnotes, block.End, ref joining);
                    continue;
                }
                // The draft decision's sentence is its one operative paragraph; the verb is the organ's ("… 2 July 2025, decides to
                // appoint …"), or, where it announces lettered clauses ("The General Assembly, recalling its decision 79/521 …:"), the
                // first clause's. A text it approves "as set out below" or announces with a colon is the decision's, as an annex is.
                // So is the clause that ends the "Whereas" preamble of the earliest texts ("Now, therefore, the Security Council …,
                // hereby resolves to approve the following terms of trusteeship …:"), before the agreement's articles.
                else if (b == decisionStart || clean.StartsWith("Now, therefore, ", StringComparison.Ordinal))
                {
                    seenOperative = true;
                    unnumbered++;
                    numberText = unnumbered.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    id = $"{documentId}#op{numberText}";
                    kind = "operative";
                    currentOperative = numberText;
                    var lettered = NextIsLettered(laid, b);
                    decisionId = id;
                    decisionVerb = DecisionVerb(clean) ?? (lettered ? NextLeadingVerb(laid, b) : null);
                    if (clean.Contains(" as set out below", StringComparison.Ordinal) || (clean.EndsWith(':') && !lettered)) adoptedTextFollows = true;
                }
                // Preambular paragraphs end with a comma; after operative ones they open the next section of the
                // resolution ("II. Strategic heritage plan ... Recalling part XI of its resolution 64/243, ...").
                // So does a preambular phrase under a section's title or after a preambular paragraph that ended, however it ends
                // ("XVII / Estimates in respect of special political missions … / Having considered the reports …, / Recalling its
                // resolution 79/258 A;").
                // "It is resolved that the Security Council request …" after a "Whereas" preamble is operative (see ImpersonalVerb).
                else if (!LooksOperative(clean) && !AdverbThenVerb(clean) && !CompletesLeadIn(thatClauses ? leadInVerb : null, clean) && ImpersonalVerb(clean) is null
                    && (!seenOperative || (clean.EndsWith(',') && char.IsUpper(clean[0]))
                        || (OpensPreambularPhrase(clean) && (titleBefore
                            || (result.Count > 0 && result[^1].Kind == "preambular" && EndsAPreambularParagraph(LastEdges(result[^1], joining)))))))
                {
                    preambular++;
                    id = $"{documentId}#pp{preambular}";
                    kind = "preambular";
                    numberText = null;
                }
                else if (IsLeadIn(clean) && (NextIsNumbered(laid, b) || NextOpensWithThat(laid, b)))
                {
                    thatClauses = !NextIsNumbered(laid, b);
                    leadInVerb = LeadingVerb(WithoutOrgan(clean));
                    leadInStart = block.Start;
                    continue;
                }
                else
                {
                    // Section headings inside the operative part ("A.", "Disrupting Al-Shabaab's finances") are not paragraphs.
                    // A paragraph that opens with its verb and announces a list ("Calls upon the parties :", "Requests the Commission on
                    // Korea:") or goes on ("… a breach of the peace; and") is no heading; nor is an item of the list a paragraph announced.
                    if (clean.Length < 90 && !clean.EndsWith(';') && !clean.EndsWith('.') && !clean.EndsWith(',') && !IsLeadIn(clean)
                        && !(clean.EndsWith(':') && LooksOperative(clean) && SecondWordJoinsVerb(clean)) && !clean.EndsWith(" and", StringComparison.Ordinal) && !clean.EndsWith(" or", StringComparison.Ordinal))
                    {
                        if (result.Count > 0 && result[^1].Kind is "operative" or "subparagraph" && (EndsWithColon(result[^1], joining) || listOpen))
                        {
                            // "Establishes the following list of candidates …: Mr. … (Sri Lanka) Mr. … (Pakistan)": the items are the paragraph's.
                            result[^1] = Joined(result[^1], clean, footnotes, block.End, ref joining);
                            listOpen = true;
                        }
                        // A section's numeral after an operative part ("XVII" / "Estimates in respect of special political missions …"):
                        // its title may follow in a block of its own.
                        else afterNumeral = IsSectionNumeral(clean);
                        continue;
                    }
                    // Text after an operative paragraph that opens no paragraph of its own ("That the Commission shall …",
                    // "Provided, however, that …", a list the paragraph introduces) belongs to that paragraph: no body text is left out.
                    if (seenOperative && currentOperative is not null && !LooksOperative(clean) && !CompletesLeadIn(thatClauses ? leadInVerb : null, clean))
                    {
                        if (result.Count > 0) result[^1] = Joined(result[^1], clean, footnotes, block.End, ref joining);
                        continue;
                    }
                    seenOperative = true;
                    if (LostNumber(laid, b, currentOperative, documentId, ids) is { } lost) numberText = lost;
                    else
                    {
                        unnumbered++;
                        numberText = unnumbered.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        while (ids.Contains($"{documentId}#op{numberText}")) numberText += "'";
                    }
                    id = $"{documentId}#op{numberText}";
                    kind = "operative";
                    currentOperative = numberText;
                }
            }
            else
            {
                kind = "text";
                numberText = number is not null ? number : null;
                id = $"{documentId}#p{result.Count + 1}";
            }
            if (ids.Contains(id)) id += $"-{result.Count + 1}";
            ids.Add(id);
            // A sub-paragraph carries the verb of the sentence it continues ("Requests the Secretary-General: … (a) to report").
            var verb = decisionVerb ?? (kind == "operative" ? ImpersonalVerb(clean) : null) ?? (kind is "preambular" or "operative" ? Verb(OrganSubjectVerb(clean) ?? LeadingVerb(clean), block.ItalicOpening) : kind == "subparagraph" ? operativeVerb : null);
            if (decisionVerb is null && kind == "operative" && numberText is not null && VerbAfterOpeningPhrase(clean) is { } afterOpening) verb = afterOpening;
            decisionVerb = null;
            var start = b == decisionStart || headingRunIn ? contentStart : block.Start;
            if (kind == "operative" && leadInVerb is not null)
            {
                // A paragraph with a verb of its own ends the lead-in's list; one without completes the lead-in's sentence.
                if ((LooksOperative(clean) && !OpensWithNoun(clean)) || OpensWithAdverb(clean) || OpensWithSpoiledVerb(clean)) leadInVerb = null;
                else if (OrganSubjectVerb(clean) is null && !clean.StartsWith("We ", StringComparison.Ordinal)) verb = leadInVerb;
                if (leadInStart >= 0) start = leadInStart;
                leadInStart = -1;
            }
            if (kind == "operative") operativeVerb = verb;
            if (kind == "operative" && number is null && unnumbered == 1 && AdoptsTheFollowing(clean)) adoptedTextFollows = true;
            // An operative paragraph that ends by announcing a list ("… on the following conditions:") lends its verb to the
            // numbered paragraphs that complete it ("1. Such a State shall …").
            // A text adopted or endorsed ("Adopts the following outcome document:") speaks with verbs of its own.
            if (kind == "operative" && clean.EndsWith(':') && LooksOperative(clean) && verb is not ("Adopts" or "Endorses" or "Approves" or "Proclaims"))
            {
                leadInVerb = verb;
                leadInOwner = id;
            }
            if (joining is not null) result[^1] = WithJoinedText(result[^1], ref joining);
            if (markStart >= 0 && markStart < start) start = markStart;
            markStart = -1;
            if (Full())
            {
                stoppedAt = start;
                break;
            }
            result.Add(new ParagraphInfo(id, kind, result.Count + 1, numberText, verb, text, footnotes, new SourceSpan(start, block.End)) { ContentStart = contentStart, Parent = parent });
            listOpen = false;
        }
        if (joining is not null) result[^1] = WithJoinedText(result[^1], ref joining);
        foreach (var note in notes) result.Add(note with { Ordinal = result.Count + 1 });
        return result;

        // Checked where a paragraph or a note is about to be kept, so that the text is read up to the one past the bound and
        // no further, and blocks that only continue the last paragraph kept, or a closing line, stop nothing. The notes kept
        // for after the body count too: a text of nothing but asterisk notes is as many paragraphs.
        bool Full() => result.Count + notes.Count >= maxParagraphs;
    }

    /// <summary>
    /// Where a draft decision's sentence opens ("The General Assembly, recalling its resolution 78/28 …, decides to include …",
    /// "The General Assembly approves the proposed programme of work …"), after a masthead that says "draft decision", where no
    /// organ's line stands alone: the block, and the position in the text (a block may run the masthead's last lines into the
    /// sentence: "Draft decision submitted by the President … United Nations Pledging Conference … The General Assembly,
    /// recalling …"); block -1 for any other text. What stands before it is the masthead, no paragraph.
    /// </summary>
    internal static (int Block, int Start) DecisionStart(LaidOutText laid)
    {
        var masthead = false;
        for (var b = 0; b < laid.Blocks.Count && b < MastheadBlocks; b++)
        {
            var block = laid.Blocks[b];
            var words = laid.Text.AsSpan(block.Start, block.End - block.Start);
            if (block.Kind == BlockKind.Paragraph)
            {
                foreach (var organ in DecisionOrgans)
                {
                    var at = words.IndexOf(organ, StringComparison.Ordinal);
                    if (at < 0 || (at > 0 && words[at - 1] != ' ') || !OpensDecision(CleanText(words.Slice(at, Math.Min(words.Length - at, 120))))) continue;
                    return masthead || words[..at].Contains("draft decision", StringComparison.OrdinalIgnoreCase) ? (b, block.Start + at) : (-1, -1);
                }
            }
            if (words.Contains("draft decision", StringComparison.OrdinalIgnoreCase)) masthead = true;
        }
        return (-1, -1);
    }

    /// <summary>Whether a block of a masthead holds sentences, not only its lines (session, agenda item, title): long, ending with a full stop.</summary>
    private static bool HoldsSentences(ReadOnlySpan<char> block)
    {
        var words = block.TrimEnd();
        return words.Length > 150 && words[^1] == '.';
    }

    /// <summary>The most blocks a draft's masthead runs to (symbol, distribution, session, committee, agenda item, sponsors, title).</summary>
    private const int MastheadBlocks = 16;

    /// <summary>"The General Assembly, recalling …", "The General Assembly approves …": the organ, then a clause or its verb in lower case.</summary>
    private static bool OpensDecision(ReadOnlySpan<char> clean)
    {
        foreach (var organ in DecisionOrgans)
        {
            if (!clean.StartsWith(organ, StringComparison.Ordinal) || clean.Length < organ.Length + 1) continue;
            var rest = clean[organ.Length..];
            if (rest.Length > 2 && rest.StartsWith(", ", StringComparison.Ordinal) && char.IsLower(rest[2])) return true;
            // "The General Assembly:" before its lettered clauses.
            if (rest.TrimEnd() is ":") return true;
            return rest[0] == ' ' && OrganSubjectVerb(clean) is not null;
        }
        return false;
    }

    private static readonly string[] DecisionOrgans = ["The General Assembly", "The Security Council", "The Economic and Social Council"];

    /// <summary>
    /// The verb of a decision's sentence: the organ's ("The General Assembly approves", "…, decides to convene …", "… 2 July
    /// 2025,1 decides to appoint …"), the first verb in the present tense after a comma, capitalised; null where none stands.
    /// </summary>
    private static string? DecisionVerb(ReadOnlySpan<char> clean)
    {
        if (OrganSubjectVerb(clean) is not null)
        {
            // "The General Assembly takes note of …" → "Takes note".
            var organ = OrganOpening(clean);
            return LeadingVerb(string.Concat(char.ToUpperInvariant(clean[organ.Length]).ToString(), clean[(organ.Length + 1)..]));
        }
        // A decision's sentence is read once; its words as a string only here, for the verb's group.
        var sentence = clean.ToString();
        foreach (System.Text.RegularExpressions.Match m in DecisionVerbAfterComma().Matches(sentence))
        {
            var word = m.Groups[1].Value;
            if (word.EndsWith("ss", StringComparison.Ordinal) || NotVerbs.Contains(word)) continue;
            return LeadingVerb(char.ToUpperInvariant(word[0]) + sentence[(m.Groups[1].Index + 1)..]);
        }
        return null;
    }

    /// <summary>The organ's name that opens <paramref name="clean"/> (one of <see cref="Organs"/> does).</summary>
    private static string OrganOpening(ReadOnlySpan<char> clean)
    {
        foreach (var organ in Organs)
            if (clean.StartsWith(organ, StringComparison.Ordinal)) return organ;
        throw new InvalidOperationException("No organ's name opens the text.");
    }

    private static readonly HashSet<string> NotVerbs = new(StringComparer.Ordinal) { "its", "this", "has", "was", "is", "as", "thus", "status", "bis", "whereas", "was", "les", "des" };

    [System.Text.RegularExpressions.GeneratedRegex(@",\d{0,3} +(?:hereby +)?([a-z]{3,}s)\b")]
    private static partial System.Text.RegularExpressions.Regex DecisionVerbAfterComma();

    /// <summary>"17 (1947). Resolution of 10 February 1947 ", "30 (1947). Resolution of 25 August 1947 (S/525, I] ": the length of a volume's heading opening the text, or 0.</summary>
    internal static int VolumeHeadingLength(ReadOnlySpan<char> text)
    {
        foreach (var m in VolumeHeading().EnumerateMatches(text)) return m.Length;
        return 0;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,4} ?\(\d{4}\)\. ?Resolution of \d{1,2} [A-Z][a-z]+ \d{4}(?: ?[\[(][^\])]{1,40}[\])])? +(?=[A-Z])")]
    private static partial System.Text.RegularExpressions.Regex VolumeHeading();

    /// <summary>"B Acting under Chapter VII …": the length of a part's letter or numeral before a preambular phrase, or 0.</summary>
    private static int PartLetterLength(ReadOnlySpan<char> text)
    {
        var space = text.IndexOf(' ');
        if (space <= 0 || space > 5 || !IsNumeral(text[..space]) || text[..space].EndsWith(".")) return 0;
        // Only a paragraph of the preamble's shape: a section's title after its numeral ("XVI Revised estimates resulting from …") is none.
        var last = text.TrimEnd(" 0123456789");
        if (last.IsEmpty || last[^1] is not (',' or ';')) return 0;
        var rest = CleanText(text[(space + 1)..Math.Min(text.Length, space + 60)]);
        return rest.Length > 0 && PreambularOpenerLookup.Contains(FirstWord(rest)) && OpensPreambularPhrase(rest) ? space + 1 : 0;
    }

    /// <summary>The next paragraph block after block b (headings and other blocks passed over); null where none follows.</summary>
    private static Block? NextParagraphBlock(LaidOutText laid, int b)
    {
        for (var n = b + 1; n < laid.Blocks.Count; n++)
            if (laid.Blocks[n].Kind == BlockKind.Paragraph) return laid.Blocks[n];
        return null;
    }

    /// <summary>Whether the next paragraph block after block b opens with a letter item ("(a)").</summary>
    private static bool NextIsLettered(LaidOutText laid, int b) =>
        NextParagraphBlock(laid, b) is { } next && ReadNumbering(laid.Text, next).Letter is not null;

    /// <summary>The verb that opens the words of the next paragraph block after block b, after its letter.</summary>
    private static string? NextLeadingVerb(LaidOutText laid, int b)
    {
        if (NextParagraphBlock(laid, b) is not { } next) return null;
        var (_, _, contentStart) = ReadNumbering(laid.Text, next);
        var clean = CleanText(laid.Text.AsSpan(contentStart, Math.Min(next.End - contentStart, 120)));
        return clean.Length > 0 && LooksOperative(clean) ? LeadingVerb(clean) : null;
    }

    /// <summary>"Adopts the following Pact for the Future and its annexes:", "Endorses the following political declaration:": a text follows.</summary>
    private static bool AdoptsTheFollowing(ReadOnlySpan<char> clean) =>
        clean.EndsWith(':') && clean.Contains(" the following ", StringComparison.Ordinal)
        && (clean.StartsWith("Adopts ", StringComparison.Ordinal) || clean.StartsWith("Endorses ", StringComparison.Ordinal)
            || clean.StartsWith("Approves ", StringComparison.Ordinal) || clean.StartsWith("Proclaims ", StringComparison.Ordinal));

    /// <summary>A note an asterisk calls, as a paragraph of kind "note": its words after the asterisks, and what it cites.</summary>
    private static ParagraphInfo Note(string text, Block block, string documentId, int number)
    {
        var contentStart = block.Start + Math.Max(0, FootnoteZones.AsteriskNoteStart(text.AsSpan(block.Start, block.End - block.Start)));
        var footnotes = FootnoteNumbers(text.AsSpan(contentStart, block.End - contentStart));
        return new ParagraphInfo($"{documentId}#note{number}", "note", 0, null, null, text, footnotes, new SourceSpan(block.Start, block.End)) { ContentStart = contentStart };
    }

    /// <summary>A paragraph extended over a block that continues it: its text, footnotes and span grow.</summary>
    /// <remarks>
    /// The words are gathered in <paramref name="joining"/> while blocks keep joining the paragraph, and made its text
    /// once by <see cref="WithJoinedText"/>: a string per join copied the paragraph again for every block it took.
    /// </remarks>
    private static ParagraphInfo Joined(ParagraphInfo previous, ReadOnlySpan<char> clean, List<int> footnotes, int end, ref System.Text.StringBuilder? joining)
    {
        joining ??= Joining(previous, clean.Length);
        joining.Append(' ').Append(clean);
        return previous with
        {
            Footnotes = FootnotesOfBoth(previous.Footnotes, footnotes),
            Span = new SourceSpan(previous.Span.Start, end),
        };
    }

    /// <summary>A builder holding the paragraph's words, cleaned straight into it rather than made a string first.</summary>
    private static System.Text.StringBuilder Joining(ParagraphInfo previous, int more)
    {
        var length = previous.Span.End - previous.ContentStart;
        var joining = new System.Text.StringBuilder(2 * length + more + 16);
        if (previous.JoinedText is { } joined) return joining.Append(joined);
        var words = previous.DocumentText.AsSpan(previous.ContentStart, length);
        char[]? rented = null;
        var buffer = length <= 512 ? stackalloc char[length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(length));
        joining.Append(buffer[..CleanInto(words, buffer)]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return joining;
    }

    /// <summary>The first paragraph's footnotes, then the second's it lacks, each once (the union, without a query's iterator and set).</summary>
    private static List<int> FootnotesOfBoth(IReadOnlyList<int> first, List<int> second)
    {
        var both = new List<int>(first.Count + second.Count);
        foreach (var n in first) if (!both.Contains(n)) both.Add(n);
        foreach (var n in second) if (!both.Contains(n)) both.Add(n);
        return both;
    }

    /// <summary>The paragraph with the words gathered while blocks joined it.</summary>
    private static ParagraphInfo WithJoinedText(ParagraphInfo paragraph, ref System.Text.StringBuilder? joining)
    {
        var joined = paragraph with { JoinedText = joining!.ToString() };
        joining = null;
        return joined;
    }

    private static bool EndsWithColon(ParagraphInfo paragraph, System.Text.StringBuilder? joining) =>
        joining is not null ? joining.Length > 0 && joining[^1] == ':' : paragraph.Text.EndsWith(':');

    private static bool LooksOperative(ReadOnlySpan<char> clean)
    {
        var space = clean.IndexOf(' ');
        // "Resolves:" alone is a lead-in's verb; "Abbreviations: GS (OL) …", "Disabilities, particularly …" are no verbs.
        var word = space < 0 ? clean.TrimEnd(':') : clean[..space];
        // "Whereas" opens the preambular clauses of early resolutions, however it ends.
        if (word is "Whereas") return false;
        // Operative verbs end in -s; adjectives that open preambular paragraphs ("Conscious", "Desirous", "Anxious") end in -ous.
        return word.Length > 3 && char.IsUpper(word[0]) && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("ous", StringComparison.Ordinal)
            && word is not ("States" or "Nations" or "Members" or "Parties");
    }

    /// <summary>
    /// A paragraph number a scan spoiled, taken only where it reads as the number the paragraph before leads to expect
    /// and a verb or an adverb follows: letters for digits ("S." for 5, "ll." for 11, "L." or "i." for 1, "Z." for 2),
    /// a comma for the full stop ("14, Urges, having regard"), no full stop ("2 Requests") or no space ("6.Calls for").
    /// </summary>
    private static (string Number, int ContentStart)? ScannedNumber(string text, Block block, string? previous)
    {
        var expected = 1;
        if (previous is not null)
        {
            if (!int.TryParse(previous, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var last)) return null;
            expected = last + 1;
        }
        var p = block.Start;
        var value = 0;
        while (p < block.End && p - block.Start < 3 && ScannedDigit(text[p]) is >= 0 and var digit)
        {
            value = value * 10 + digit;
            p++;
        }
        // One letter for the last digit of a number of two ("S." after paragraph 14) stands for the whole number.
        if (p == block.Start + 1 && !char.IsAsciiDigit(text[block.Start]) && value == expected % 10) value = expected;
        if (p == block.Start || p >= block.End || value != expected) return null;
        // Only digits stand without a full stop: "I Activities of the Office …" is a section's heading, not paragraph 1.
        var digitsOnly = !text.AsSpan(block.Start, p - block.Start).ContainsAnyExcept("0123456789");
        if (text[p] is '.' or ',') p++;
        else if (text[p] != ' ' || !digitsOnly) return null;
        var content = SkipSpaces(text, p, block.End);
        if (content >= block.End || !char.IsUpper(text[content])) return null;
        var opening = CleanText(text.AsSpan(content, Math.Min(block.End - content, 80)));
        if (IsSectionHeading(CleanText(text.AsSpan(block.Start, block.End - block.Start)))) return null;
        // The verb may stand before a clause set off by commas ("14, Urges, having regard to …").
        var space = opening.IndexOf(' ', StringComparison.Ordinal);
        var verb = space > 0 && opening[space - 1] == ',' ? opening[..(space - 1)] : opening;
        return LooksOperative(verb) || OpensWithAdverb(opening)
            ? (value.ToString(System.Globalization.CultureInfo.InvariantCulture), content)
            : null;
    }

    /// <summary>The digit a scanned character stands for where a paragraph number is expected ("l", "I", "i", "L" for 1, "Z" for 2, "S" for 5, "O" for 0); -1 for any other.</summary>
    private static int ScannedDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'l' or 'I' or 'i' or 'L' or '|' => 1,
        'Z' => 2,
        'S' => 5,
        'O' or 'o' => 0,
        _ => -1,
    };

    /// <summary>"Resolves:", "Resolves that:", "Decides as follows:": an operative verb alone, ending in a colon, before a numbered list.</summary>
    private static bool IsLeadIn(ReadOnlySpan<char> clean)
    {
        clean = WithoutOrgan(clean);
        if (!clean.EndsWith(':') || clean.Length > 40 || !LooksOperative(clean)) return false;
        var space = clean.IndexOf(' ');
        var rest = space < 0 ? [] : clean[(space + 1)..^1].Trim();
        // A list's title ("Explosives precursors:") is no lead-in: only the verb, "that", "as follows" or "the following" make one,
        // "that" with the period it covers too ("Resolves that, for 2026:").
        return rest is "" or "that" or "as follows" or "the following" || rest.StartsWith("that, for ", StringComparison.Ordinal);
    }

    /// <summary>A table's row: words and a figure, no punctuation at its end ("Income from staff assessment 278 735 200").</summary>
    private static bool IsTableRow(ReadOnlySpan<char> clean) =>
        clean.Length > 0 && char.IsAsciiDigit(clean[^1]) && char.IsLetter(clean[0]) && !clean.Contains(';');

    /// <summary>"Calls upon the parties :", "Requests the Commission:", "Agrees that …:": the verb's object or clause follows; "Explosives precursors:" is a list's title.</summary>
    private static bool SecondWordJoinsVerb(ReadOnlySpan<char> clean)
    {
        Span<Range> words = stackalloc Range[3];
        return clean.Split(words, ' ') > 1 && clean[words[1]] is "the" or "that" or "all" or "upon" or "on" or "its" or "to" or "in" or "also" or "further" or "with" or "for" or "those";
    }

    /// <summary>"Also decides", "Further calls upon", "Strongly urges": a verb of its own behind an adverb.</summary>
    private static bool OpensWithAdverb(ReadOnlySpan<char> clean)
    {
        var space = clean.IndexOf(' ');
        // "Furthermore, in accordance with …" joins a sentence to the one before; the adverb of a verb stands without a comma.
        return space > 0 && clean[space - 1] != ',' && AdverbLookup.Contains(clean[..space]);
    }

    /// <summary>
    /// A plural noun that opens a sentence completing a lead-in ("Appropriations totalling …", "Estimates of income …"), not a
    /// verb: what follows a verb is its object or clause, what follows the noun is "of", a participle or the sentence's verb.
    /// </summary>
    private static bool OpensWithNoun(ReadOnlySpan<char> clean)
    {
        Span<Range> words = stackalloc Range[3];
        if (clean.Split(words, ' ') < 2) return false;
        var second = clean[words[1]].TrimEnd(',');
        return second is "of" or "shall" or "are" or "will" or "were" || (second.EndsWith("ing", StringComparison.Ordinal) && second.Length > 5);
    }

    /// <summary>
    /// "Resolves:" / "That the Security Council … establish a Commission …;" / "That the Commission be composed …;": in the oldest
    /// Council texts the clauses a lead-in announces are unnumbered, each opening with "That"; each is an operative paragraph
    /// with the lead-in's verb, as a numbered one is ("1. That applications …"), not a preambular paragraph.
    /// </summary>
    private static bool CompletesLeadIn(string? leadInVerb, ReadOnlySpan<char> clean) =>
        leadInVerb is not null && clean.StartsWith("That ", StringComparison.Ordinal);

    /// <summary>Whether the next paragraph block after block b opens with "That " (see <see cref="CompletesLeadIn"/>).</summary>
    private static bool NextOpensWithThat(LaidOutText laid, int b) =>
        NextParagraphBlock(laid, b) is { } next
        && laid.Text.AsSpan(next.Start, next.End - next.Start).TrimStart().StartsWith("That ", StringComparison.Ordinal);

    /// <summary>Whether the next paragraph block after block b is numbered and its words open with "That " ("1, That the Trusteeship Council …").</summary>
    private static bool NextIsNumberedThat(LaidOutText laid, int b)
    {
        if (NextParagraphBlock(laid, b) is not { } next) return false;
        var (number, _, contentStart) = ReadNumbering(laid.Text, next);
        return number is not null && laid.Text.AsSpan(contentStart, next.End - contentStart).StartsWith("That ", StringComparison.Ordinal);
    }

    /// <summary>Whether the next paragraph block after block b is numbered ("1."), which makes a lead-in the opening of a list rather than a paragraph with sub-paragraphs.</summary>
    private static bool NextIsNumbered(LaidOutText laid, int b) =>
        NextParagraphBlock(laid, b) is { } next && ReadNumbering(laid.Text, next).Number is not null;

    /// <summary>"The Security Council Resolves that:" → "Resolves that:": the organ's line without its comma, joined to the verb.</summary>
    private static ReadOnlySpan<char> WithoutOrgan(ReadOnlySpan<char> clean)
    {
        foreach (var organ in Organs)
            if (clean.StartsWith(organ, StringComparison.Ordinal) && clean.Length > organ.Length && char.IsUpper(clean[organ.Length])) return clean[organ.Length..];
        return clean;
    }

    /// <summary>
    /// Early resolutions give the organ as the subject of each numbered paragraph: "1. The Security Council requests the
    /// permanent members …", "2. The Security Council directs that …". The verb is the word after the organ's name.
    /// </summary>
    internal static string? OrganSubjectVerb(ReadOnlySpan<char> clean)
    {
        foreach (var organ in Organs)
        {
            if (!clean.StartsWith(organ, StringComparison.Ordinal) || clean.Length <= organ.Length + 2) continue;
            var rest = clean[organ.Length..];
            var end = rest.IndexOfAny(' ', ',');
            var word = end < 0 ? rest : rest[..end];
            if (word.Length < 4 || !char.IsLower(word[0]) || !word.EndsWith('s') || word.EndsWith("ss", StringComparison.Ordinal)) return null;
            return char.ToUpperInvariant(word[0]) + word[1..].ToString();
        }
        return null;
    }

    private static readonly string[] Organs = ["The Security Council ", "The General Assembly ", "The Council "];

    private static (string? Number, string? Letter, int ContentStart) ReadNumbering(string text, Block block)
    {
        var p = block.Start;
        var s = p;
        while (p < block.End && char.IsAsciiDigit(text[p]) && p - s < 3) p++;
        if (p > s && p < block.End && text[p] == '.' && (p + 1 == block.End || text[p + 1] == ' '))
            return (text[s..p], null, SkipSpaces(text, p + 1, block.End));
        if (p > s && ParagraphAssembler.IsScannedCommaNumbering(text.AsSpan(s, block.End - s)))
            return (text[s..p], null, SkipSpaces(text, p + 1, block.End));
        // An item that ends the block's first eight characters is one that a space would follow.
        if (ParagraphAssembler.TryReadLetterItem(text.AsSpan(block.Start, Math.Min(block.End, block.Start + 8) - block.Start), out var end))
            return (null, text[(block.Start + 1)..(block.Start + end - 1)], SkipSpaces(text, block.Start + end, block.End));
        return (null, null, block.Start);
    }

    private static int SkipSpaces(string text, int p, int end)
    {
        while (p < end && text[p] == ' ') p++;
        return p;
    }

    /// <summary>
    /// A numbered section heading: a Roman numeral or a capital letter, with or without its full stop, then a title
    /// without the punctuation that ends a paragraph ("I Achieving sustainable fisheries", "II. Programme budget").
    /// </summary>
    private static bool IsSectionHeading(ReadOnlySpan<char> clean)
    {
        if (clean.Length > 120 || clean[^1] is ',' or ';' or '.' or ':') return false;
        var space = clean.IndexOf(' ');
        if (space < 0 || space + 1 >= clean.Length || !char.IsUpper(clean[space + 1])) return false;
        return IsNumeral(clean[..space]);
    }

    /// <summary>
    /// A section's numeral, with or without its full stop: a capital letter ("A", "B.") or a Roman numeral of up to five
    /// letters ("II", "XIV.", "XL"). A section heading and a numeral standing alone are read with this one test.
    /// </summary>
    private static bool IsNumeral(ReadOnlySpan<char> word)
    {
        var numeral = word.TrimEnd('.');
        return numeral.Length is > 0 and <= 5 && (numeral.Length == 1 ? char.IsAsciiLetterUpper(numeral[0]) : !numeral.ContainsAnyExcept("IVXL"));
    }

    /// <summary>
    /// "Deeply deplores …", "Strongly urges …", "Hereby records …": an adverb, then a verb in the present tense; an older Council
    /// resolution's only operative paragraph may open so. "Deeply concerned …" opens a preambular paragraph.
    /// </summary>
    private static bool AdverbThenVerb(ReadOnlySpan<char> clean)
    {
        var space = clean.IndexOf(' ');
        // The adverbs of drafting, or any that ends in -ly ("Deeply", "Gravely").
        if (!OpensWithAdverb(clean) && !(space > 3 && char.IsUpper(clean[0]) && clean[..space].EndsWith("ly", StringComparison.Ordinal))) return false;
        var rest = clean[(space + 1)..];
        var next = rest.IndexOf(' ');
        var word = next < 0 ? rest : rest[..next];
        return word.Length > 3 && IsLowerWord(word) && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("ous", StringComparison.Ordinal);
    }

    /// <summary>
    /// The number of an item of a numbered list that the operative paragraph before announced with a colon: "1." after
    /// paragraph 2 or later, then each next number, while the items open with no verb ("Opening of the Congress."); null
    /// for any other block.
    /// </summary>
    private static int? ListItemNumber(string? number, ReadOnlySpan<char> clean, int? listItem, List<ParagraphInfo> result, string? currentOperative,
        System.Text.StringBuilder? joining, bool inBody)
    {
        if (!inBody || number is null || result.Count == 0 || result[^1].Kind != "operative" || LooksOperative(clean) || OpensWithAdverb(clean)) return null;
        if (!int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return null;
        if (listItem is { } last) return n == last + 1 ? n : null;
        // A number the operative part has passed quotes the text announced too: "14. Decides to approve the following amendment to
        // the statute …: Article 9, new paragraph 4: / 4. In hearing an application …" (A/RES/78/248).
        return EndsWithColon(result[^1], joining)
            && int.TryParse(currentOperative, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var paragraph) && paragraph >= 2
            && (n == 1 || n < paragraph)
            ? n
            : null;
    }

    /// <summary>A section's numeral standing alone: "I", "II.", "A", "B."</summary>
    private static bool IsSectionNumeral(ReadOnlySpan<char> clean) => IsNumeral(clean);

    /// <summary>"6/": an old-style footnote's number alone, its text in the block after it.</summary>
    private static bool IsBareOldStyleMark(ReadOnlySpan<char> block)
    {
        var mark = block.Trim();
        return mark.Length is >= 2 and <= 4 && mark[^1] == '/' && !mark[..^1].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>
    /// The opening and closing words of the last paragraph, those blocks have joined to it included: what the tests of a
    /// heading or a continuation read of it. Only its edges are taken, so that a long run of blocks joining one paragraph
    /// is not read again whole for each.
    /// </summary>
    private static ParagraphEdges LastEdges(ParagraphInfo paragraph, System.Text.StringBuilder? joining)
    {
        const int opening = 160, ending = 400;
        if (joining is not null)
            return new(joining.ToString(0, Math.Min(joining.Length, opening)), joining.ToString(Math.Max(0, joining.Length - ending), Math.Min(joining.Length, ending)));
        if (paragraph.JoinedText is { } joined)
            return new(joined[..Math.Min(joined.Length, opening)], joined[Math.Max(0, joined.Length - ending)..]);
        var start = paragraph.ContentStart;
        var end = paragraph.Span.End;
        var tail = Math.Max(start, end - ending - 100);
        return new(CleanText(paragraph.DocumentText.AsSpan(start, Math.Min(end - start, opening))), CleanText(paragraph.DocumentText.AsSpan(tail, end - tail)));
    }

    /// <summary>The first and the last words of a paragraph (see <see cref="LastEdges"/>).</summary>
    private readonly record struct ParagraphEdges(string Opening, string Ending);

    /// <summary>
    /// The first word of a preambular phrase: one drafting uses ("Recalling", "Deeply", "Mindful", "Whereas"), or a
    /// participle or adjective before a word in lower case ("Acting under", "Paying tribute", "Particularly concerned"). A
    /// title or a name runs on in capitals ("Reconstructing Gaza", "Peacebuilding Commission", "Stockpiling and Use").
    /// </summary>
    private static bool OpensPreambularPhrase(ReadOnlySpan<char> clean)
    {
        var words = clean.TrimStart("“‘\"' ");
        Span<Range> parts = stackalloc Range[3];
        var count = words.Split(parts, ' ');
        var first = words[parts[0]].TrimEnd(',');
        if (PreambularOpenerLookup.Contains(first)) return true;
        if (count < 2 || first.Length < 4 || !char.IsUpper(first[0])) return false;
        var second = words[parts[1]].TrimEnd(",;:");
        return (first.EndsWith("ing", StringComparison.Ordinal) || first.EndsWith("ed", StringComparison.Ordinal) || first.EndsWith("ly", StringComparison.Ordinal)
                || first.EndsWith("ful", StringComparison.Ordinal) || first.EndsWith("ous", StringComparison.Ordinal) || first.EndsWith("ent", StringComparison.Ordinal))
            && IsLowerWord(second) && second is not ("and" or "or" or "of");
    }

    /// <summary>The words that open preambular paragraphs across the collection, a thousand times for the first, a few for the last.</summary>
    private static readonly HashSet<string> PreambularOpeners = new(StringComparer.Ordinal)
    {
        "Recalling", "Recognizing", "Recognising", "Noting", "Reaffirming", "Welcoming", "Taking", "Having", "Expressing", "Stressing",
        "Emphasizing", "Emphasising", "Acknowledging", "Deeply", "Reiterating", "Bearing", "Convinced", "Concerned", "Underlining",
        "Mindful", "Considering", "Gravely", "Conscious", "Aware", "Affirming", "Condemning", "Guided", "Encouraging", "Highlighting",
        "Commending", "Strongly", "Deploring", "Underscoring", "Determined", "Acting", "Alarmed", "Cognizant", "Looking", "Calling",
        "Seriously", "Urging", "Determining", "Responding", "Also", "Believing", "Further", "Desirous", "Grieved", "Regretting",
        "Referring", "Renewing", "Sharing", "Wishing", "Remaining", "Being", "Paying", "Recommitting", "Supporting", "Observing",
        "Whereas", "Confirming", "Encouraged", "Resolved", "Appreciating", "Firmly", "Honouring", "Committed", "Re-emphasizing",
        "Realizing", "Inviting", "Indignant", "Trusting", "Continuing", "Endorsing", "Dismayed", "Disappointed", "Ever", "Seized",
        "Particularly", "Reminding", "Disturbed", "Drawing", "Anxious", "Fully", "Profoundly", "Keeping", "Hoping", "Upholding", "Marking",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PreambularOpenerLookup = PreambularOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A sub-heading: a short line in capitals at its start, without the punctuation that ends a paragraph, opening no
    /// preambular phrase and no verb ("Transport and transit corridors", "Role and authority of the General Assembly").
    /// </summary>
    /// <remarks>
    /// A heading may open with a participle drafting does not open paragraphs with ("Degrading the threat posed by
    /// Al-Shabaab, and the Arms Embargo targeting Al-Shabaab"); one it does open them with ("Having considered the report of
    /// the Secretary-General") is a paragraph whose comma a scan lost.
    /// </remarks>
    private static bool IsSubHeading(ReadOnlySpan<char> clean, int maxLength = 100) =>
        IsTitleShaped(clean, maxLength) && clean[^1] is not ('!' or '?')
        && !(OpensPreambularPhrase(clean) && !FirstWord(clean).EndsWith("ing", StringComparison.Ordinal));

    /// <summary>
    /// Where a preambular phrase opens a block after a sub-heading run into it ("Degrading the threat posed by Al-Shabaab, and the
    /// Arms Embargo targeting Al-Shabaab Expressing grave concern …"): a phrase drafting opens paragraphs with, before a word in
    /// lower case, after a word that ends no clause, within a sub-heading's length of the start, the words before it a sub-heading
    /// (<see cref="IsSubHeading"/>); 0 where none.
    /// </summary>
    private static int SubHeadingRunIn(ReadOnlySpan<char> content)
    {
        var limit = Math.Min(content.Length, RunInTitleLength);
        for (var space = content[..limit].IndexOf(' '); space > 0; space = NextSpace(content[..limit], space))
        {
            // A title may end in a year ("… the International Civil Service Commission for 2025 Having considered …").
            if (!char.IsLetterOrDigit(content[space - 1])) continue;
            // A line's trailing space doubles the one the join puts between lines.
            var rest = content[(space + 1)..].TrimStart(' ');
            var restAt = content.Length - rest.Length;
            var end = rest.IndexOf(' ');
            // A participle in "-ed" is as often a title's ("… Certain Crimes Committed by Means of …").
            if (end <= 0 || !PreambularOpenerLookup.Contains(rest[..end]) || rest[..end].EndsWith("ed", StringComparison.Ordinal)
                || end + 1 >= rest.Length || !char.IsLower(rest[end + 1])) continue;
            var heading = CleanText(content[..space]);
            if (heading.Length > 0 && IsSubHeading(heading, RunInTitleLength)) return restAt;
        }
        return 0;
    }

    /// <summary>
    /// Whether a block ends as a preambular paragraph does, with a comma (a footnote's number may follow it, in plain or in
    /// superscript digits: "… and the related report of the Advisory Committee,⁵⁸").
    /// </summary>
    private static bool EndsLikeAPreamble(ReadOnlySpan<char> block) => block.TrimEnd(" 0123456789⁰¹²³⁴⁵⁶⁷⁸⁹").EndsWith(",");

    private static int NextSpace(ReadOnlySpan<char> text, int space) => text[(space + 1)..].IndexOf(' ') is >= 0 and var next ? space + 1 + next : -1;

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> clean)
    {
        var space = clean.IndexOf(' ');
        return (space < 0 ? clean : clean[..space]).TrimEnd(',');
    }

    /// <summary>
    /// Whether a paragraph opened as a preambular one and did not stop on a word, where no sentence or clause ends ("…
    /// responsibilities under the"): a footnote's number may follow its comma.
    /// </summary>
    private static bool EndsAPreambularParagraph(ParagraphEdges paragraph) =>
        paragraph.Ending.Length > 0 && !char.IsLetter(paragraph.Ending[^1]) && OpensPreambularPhrase(paragraph.Opening);

    /// <summary>Whether the next paragraph block opens a paragraph: a number, a preambular phrase or a verb.</summary>
    private static bool NextOpensParagraph(LaidOutText laid, int b)
    {
        if (b + 1 >= laid.Blocks.Count || laid.Blocks[b + 1] is not { Kind: BlockKind.Paragraph } next) return false;
        if (ReadNumbering(laid.Text, next).Number is not null) return true;
        var opening = CleanText(laid.Text.AsSpan(next.Start, Math.Min(next.End - next.Start, 80)));
        return opening.Length > 0 && (OpensPreambularPhrase(opening) || LooksOperative(opening) || OpensWithAdverb(opening));
    }

    /// <summary>
    /// Whether a block continues the preambular paragraph before it rather than opening one: it opens in capitals with no
    /// preambular phrase, after a paragraph that stopped on a word or a colon, or inside a quotation ("… theme “Her Land.
    /// Her Rights:" / "Advancing gender equality …”"), or after a comma where a name or a title runs on in capitals
    /// ("… the Development, Production," / "Stockpiling and Use of Chemical Weapons …", "Securing Our Common Future: …").
    /// </summary>
    private static bool ContinuesPreambular(ParagraphEdges paragraph, ReadOnlySpan<char> clean)
    {
        var previous = paragraph.Ending;
        // Only a paragraph that opened as a preambular one runs on: a masthead's lines before a draft decision do not.
        if (previous.Length == 0 || !OpensPreambularPhrase(paragraph.Opening)) return false;
        // The passage a paragraph quotes ("… its Article 2, paragraph 4, which reads:" / "“All Members shall refrain …”,", "…
        // an advisory opinion on the question:" / "“What are the legal consequences …?”,") is that paragraph's.
        if (clean[0] is '“' or '"' && (previous[^1] == ':' || previous.EndsWith(" reads,", StringComparison.Ordinal) || previous.EndsWith(" as follows,", StringComparison.Ordinal)))
            return true;
        // A quoted passage that ends with the paragraph's comma ("“They launch an urgent appeal for an immediate end to all armed
        // attacks …”,") is the paragraph's, whatever the scan made of the colon before it.
        if (clean[0] is '“' or '"' && (clean.EndsWith("”,", StringComparison.Ordinal) || clean.EndsWith("\",", StringComparison.Ordinal))) return true;
        // No preambular paragraph opens with a number: "… (S/13450 and Corr." / "1 and Add.1 and S/13679," goes on with its symbols.
        if (char.IsAsciiDigit(clean[0])) return true;
        if (!char.IsUpper(clean[0])) return false;
        // "Recommends to the General Assembly …" after a preamble whose comma the scan lost is the operative paragraph.
        if (LooksOperative(clean) || AdverbThenVerb(clean) || OpensWithAdverb(clean)) return false;
        Span<Range> ranges = stackalloc Range[4];
        var count = clean.Split(ranges, ' ');
        var first = clean[ranges[0]];
        if (OldOpeningLookup.Contains(first.TrimEnd(',')) || HoldsAnOpening(clean)) return false;
        var last = previous[^1];
        // After a colon a preambular paragraph goes on with its lettered items, not with another paragraph: a title runs on
        // ("… International Conference on Nuclear Security:" / "Shaping the Future, held in Vienna …").
        if (last == ':') return InsideQuotation(previous) || !PreambularOpenerLookup.Contains(first.TrimEnd(','));
        if (char.IsLetter(last)) return InsideQuotation(previous) || !OpensPreambularPhrase(clean);
        if (last is not (',' or ';') || OpensPreambularPhrase(clean)) return false;
        // A list of symbols or a name cut after one of its commas: "… 46/21 of 24 March 2021," / "S-29/1 of 12 February 2021, …",
        // "… on Financing for Development," / "Agenda 2063 adopted by the African Union, …".
        if (first.ContainsAnyInRange('0', '9')) return true;
        // A participle before a number opens a paragraph ("Marking 30 years since …"); a noun before one is a name's ("Agenda 2063").
        var participle = first.EndsWith("ing", StringComparison.Ordinal) || first.EndsWith("ed", StringComparison.Ordinal);
        return count >= 3 && (StartsCapital(clean[ranges[1]], !participle) || (clean[ranges[1]] is "and" or "of" && StartsCapital(clean[ranges[2]], !participle)));
    }

    private static bool StartsCapital(ReadOnlySpan<char> word, bool orDigit) => word.Length > 0 && (char.IsUpper(word[0]) || (orDigit && char.IsAsciiDigit(word[0])));

    /// <summary>
    /// Whether a preambular phrase opens inside the block after a title's word that ends no clause ("… on International Trade Law
    /// Also convinced that …"): what stands before it is the rest of a running title, not words of the paragraph before. A
    /// participle in "-ed" is as often a title's ("… Certain Crimes Committed by Means of …").
    /// </summary>
    private static bool HoldsAnOpening(ReadOnlySpan<char> clean)
    {
        // Three words at a time, read in place: splitting made a string of every word of every preambular paragraph.
        Range before = default, word = default;
        var seen = 0;
        foreach (var after in clean.Split(' '))
        {
            if (seen++ >= 2)
            {
                var b = clean[before];
                var w = clean[word];
                if (b.Length > 0 && char.IsUpper(b[0]) && char.IsLetter(b[^1]) && PreambularOpenerLookup.Contains(w) && !w.EndsWith("ed", StringComparison.Ordinal)
                    && IsLowerWord(clean[after].TrimEnd([',', ';'])))
                    return true;
            }
            (before, word) = (word, after);
        }
        return false;
    }

    /// <summary>What opens the clauses of the earliest resolutions and the agreements they approve ("The Administering Authority shall …", "In view of …").</summary>
    private static readonly HashSet<string> OldOpenings = new(StringComparer.Ordinal) { "The", "In", "That", "By", "On", "It", "Now", "All", "A", "An", "Article", "Whereas", "This", "These", "Its" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OldOpeningLookup = OldOpenings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a quotation opened in the text (a paragraph's last words) is still open at its end.</summary>
    private static bool InsideQuotation(string text) => text.Count(c => c == '“') > text.Count(c => c == '”');

    /// <summary>
    /// The resolution's own heading where no organ's line follows it to end the heading (a scan lost it): "Resolution 462
    /// (1980)", "Resolution 518 (1982) of 12 August 1982".
    /// </summary>
    private static bool IsOwnHeading(ReadOnlySpan<char> clean) =>
        clean.Length < 60 && (clean.StartsWith("Resolution ", StringComparison.Ordinal) || clean.StartsWith("RESOLUTION ", StringComparison.Ordinal))
        && clean.Length > 11 && char.IsAsciiDigit(clean[11]) && clean[^1] is not (',' or ';' or '.' or ':');

    private static bool IsRoman(string letter) => letter.All(c => c is 'i' or 'v' or 'x');

    private static string NextLetter(string letter) => letter.Length == 1 ? ((char)(letter[0] + 1)).ToString() : "";

    private static List<int> FootnoteNumbers(ReadOnlySpan<char> content)
    {
        var numbers = new List<int>();
        var i = Superscript.IndexIn(content);
        if (i < 0) return numbers;
        for (; i < content.Length; i++)
        {
            if (!Superscript.IsDigit(content[i])) continue;
            var value = 0;
            var p = i;
            while (p < content.Length && Superscript.IsDigit(content[p]) && p - i < 4) value = value * 10 + Superscript.ValueOf(content[p++]);
            if (value > 0 && !numbers.Contains(value)) numbers.Add(value);
            i = p - 1;
        }
        return numbers;
    }

    /// <summary>The paragraph's words: footnote marks and emphasis asterisks removed, whitespace normalised.</summary>
    internal static string CleanText(string content) => CleanText(content.AsSpan());

    /// <inheritdoc cref="CleanText(string)"/>
    internal static string CleanText(ReadOnlySpan<char> content)
    {
        if (content.IsEmpty) return "";
        char[]? rented = null;
        var buffer = content.Length <= 512 ? stackalloc char[content.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(content.Length));
        var clean = new string(buffer[..CleanInto(content, buffer)]);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return clean;
    }

    /// <summary>
    /// <see cref="CleanText(ReadOnlySpan{char})"/> written into <paramref name="buffer"/> (at least as long as the content),
    /// for a caller that only looks at the words: returns how many characters it wrote.
    /// </summary>
    internal static int CleanInto(ReadOnlySpan<char> content, Span<char> buffer)
    {
        var n = 0;
        // Called on every paragraph and clause: copy the runs between the characters that change in bulk,
        // rather than testing every character.
        var rest = content;
        while (!rest.IsEmpty)
        {
            var changed = rest.IndexOfAny(DroppedOrSpaced);
            n = AppendCollapsingSpaces(changed < 0 ? rest : rest[..changed], buffer, n);
            if (changed < 0) break;
            if (char.IsWhiteSpace(rest[changed]) && n > 0 && buffer[n - 1] != ' ') buffer[n++] = ' ';
            rest = rest[(changed + 1)..];
        }
        // Spaces never lead and never repeat, so at most one trails.
        if (n > 0 && buffer[n - 1] == ' ') n--;
        return n;
    }

    /// <summary>Footnote marks and asterisks (dropped), and whitespace other than a plain space (made one).</summary>
    private static readonly System.Buffers.SearchValues<char> DroppedOrSpaced = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => Superscript.IsDigit(c) || c == '*' || (char.IsWhiteSpace(c) && c != ' '))]);

    /// <summary>Appends a run holding no dropped character, keeping one space where it has several and none at the start.</summary>
    private static int AppendCollapsingSpaces(ReadOnlySpan<char> run, Span<char> buffer, int n)
    {
        while (!run.IsEmpty)
        {
            var leading = run.IndexOfAnyExcept(' ');
            if (leading != 0)
            {
                if (n > 0 && buffer[n - 1] != ' ') buffer[n++] = ' ';
                if (leading < 0) break;
                run = run[leading..];
            }
            var doubled = run.IndexOf("  ", StringComparison.Ordinal);
            var take = doubled < 0 ? run.Length : doubled + 1;
            run[..take].CopyTo(buffer[n..]);
            n += take;
            run = run[take..];
        }
        return n;
    }

    /// <summary>
    /// Where the format states italics (DOCX), the italic opening is the verb when it extends the verb the word lists
    /// find ("Expresses its deep appreciation" over "Expresses") and is short; a shorter italic opening ("Referring
    /// further" before "to") or one that is the whole sentence leaves the word lists' verb.
    /// </summary>
    private static string? Verb(string? fromWords, string? italicOpening)
    {
        if (italicOpening is null || fromWords is null) return fromWords;
        var italic = CleanText(italicOpening).TrimEnd(',', ';', ':', ' ');
        if (italic.Length <= fromWords.Length || !italic.StartsWith(fromWords + " ", StringComparison.Ordinal)) return fromWords;
        return italic.Count(c => c == ' ') < 6 ? italic : fromWords;
    }

    /// <summary>
    /// The opening words in italics: one word ("Requests"), or a fixed phrase ("Having considered",
    /// "Taking note of", "Bearing in mind", "Noting with appreciation", "Referring further to").
    /// </summary>
    internal static string? LeadingVerb(ReadOnlySpan<char> clean)
    {
        clean = RepairedOpening(clean);
        // The words as spans (the eighth holds the rest), so only the verb itself becomes a string. What a scan left before
        // the first word ("‘Reiterates", "| Demands", "_ Decides") is no part of it.
        var text = clean.TrimStart("‘'|~—–_•· ");
        Span<Range> words = stackalloc Range[8];
        var count = text.Split(words, ' ');
        if (count == 0) return null;
        var first = text[words[0]];
        // A scan may lose the capital of an opening adverb ("5. further fully endorses the appeal"): the phrase is read as printed.
        if (first.Length < 2 || !(char.IsUpper(first[0]) || AdverbLookup.Contains(first))) return null;
        Span<Range> verb = stackalloc Range[9];
        var parts = 0;
        // A full stop the scan set after the verb ("14. Requests. the Ad Hoc Sub-Committee") is no part of it.
        verb[parts++] = Trimmed(text, words[0], ",;:.");
        var k = 1;
        if (TwoWordVerbLookup.Contains(first) && !first.EndsWith(',') && k < count && text[words[k]].Length > 0 && char.IsLower(text[words[k]][0])
            && (first is not "Noting" and not "Recalling" and not "Welcoming" and not "Expressing" and not "Expresses" || VerbContinuationLookup.Contains(text[words[k]])))
        {
            if (first is "Having" or "Deeply" or "Gravely" or "Strongly" or "Seriously" or "Profoundly" or "Fully" or "Mindful"
                || (VerbContinuationLookup.Contains(text[words[k]]) && ContinuesPhrase(text[Trimmed(text, words[k], ",;")], first)))
            {
                verb[parts++] = Trimmed(text, words[k], ",;");
                k++;
                // "Having also considered", "Having further noted", "Having critically reviewed": the adverb qualifies the
                // participle, which is the phrase's as "Also reaffirms" keeps its verb; "Having considered also" ends at "also".
                if (first is "Having" && k < count && IsAdverbBeforeParticiple(text[verb[parts - 1]]) && IsParticiple(text[Trimmed(text, words[k], ",;:")]))
                {
                    verb[parts++] = Trimmed(text, words[k], ",;:");
                    k++;
                }
            }
        }
        // "Also, in this regard, calls upon": a phrase set off by commas between the opening adverb and its verb is no part of it.
        if (k < count - 1 && text[words[k - 1]].EndsWith(',') && OnlyAdverbs(text, verb[..parts]) && IsLowerWord(text[words[k]])
            && AfterSetOffPhrase(text, words[..count], k) is >= 0 and var afterAdverbs && IsLowerWord(text[Trimmed(text, words[afterAdverbs], ",;")]))
        {
            verb[parts++] = Trimmed(text, words[afterAdverbs], ",;");
            k = afterAdverbs + 1;
        }
        // After adverbs that open the paragraph ("Also", "Further", "Once again", "Strongly") the verb they qualify belongs
        // to the phrase: "Also reaffirms". An adverb after the verb ("Recalling also") ends it.
        while (k < count && !text[words[k - 1]].EndsWith(',')
            && ((VerbContinuationLookup.Contains(text[Trimmed(text, words[k], ",")]) && ContinuesPhrase(text[Trimmed(text, words[k], ",")], text[verb[parts - 1]]))
                || (OnlyAdverbs(text, verb[..parts]) && IsLowerWord(text[Trimmed(text, words[k], ",;:")]))))
        {
            // "Further decides:" before its lettered clauses: the colon is no part of the verb.
            verb[parts++] = Trimmed(text, words[k], ",:");
            k++;
        }
        // "Calls for", "Calls on", "Again calls for": the preposition is the verb's, as "upon" is, and "Looks forward" (and
        // "Looking forward") its adverb; "Extends once more" keeps its "more" as "once again" keeps its "again".
        // "Calis upon": a verb the scan spoiled keeps "upon", which the word lists join only to "Calls" as printed.
        // "15. Calls for:" before its lettered clauses: the colon is no part of the verb.
        if (k < count && parts < verb.Length && ((CallsBefore(text, verb[..parts]) && text[Trimmed(text, words[k], ",;:")] is "for" or "on" or "upon")
            || (text[verb[parts - 1]] is "Looks" or "looks" or "Looking" && text[Trimmed(text, words[k], ",;")] is "forward")
            || (parts >= 2 && text[verb[parts - 1]] is "once" && text[Trimmed(text, words[k], ",;")] is "more")))
        {
            verb[parts++] = Trimmed(text, words[k], ",;:");
            k++;
            // "Calls once more upon", "Urgently calls once more upon": the preposition after "once more" is the verb's too.
            if (k < count && parts < verb.Length && text[verb[parts - 1]] is "more" && CallsBefore(text, verb[..(parts - 2)]) && text[Trimmed(text, words[k], ",;")] is "upon" or "on" or "for")
            {
                verb[parts++] = Trimmed(text, words[k], ",;");
                k++;
            }
        }
        // "Calls, in particular, for the continuation …", "Calls, in this context, for dialogue …": a phrase set off by commas
        // between "Calls" and its preposition is no part of the verb, as one after an opening adverb is not; the preposition is.
        if (k < count - 1 && parts < verb.Length && text[words[k - 1]].EndsWith(',') && IsCalls(text[verb[parts - 1]]) && IsLowerWord(text[words[k]])
            && AfterSetOffPhrase(text, words[..count], k) is >= 0 and var afterCalls && text[Trimmed(text, words[afterCalls], ",;:")] is "for" or "upon" or "on")
        {
            verb[parts++] = Trimmed(text, words[afterCalls], ",;:");
            k = afterCalls + 1;
        }
        // A declaration's state ("We are committed", "We are deeply concerned", "We are further convinced"): the adjective is the phrase's.
        // "Remains concerned", "Remains deeply concerned": the state the organ remains in is the phrase's too.
        if (text[verb[parts - 1]] is "are" or "is" or "Remains" or "remains" || (parts >= 2 && text[verb[parts - 2]] is "are" or "is" && AdverbLookup.Contains(text[verb[parts - 1]])))
        {
            while (k < count - 1 && parts < verb.Length - 1 && IsLowerWord(text[words[k]]) && (text[words[k]].EndsWith("ly", StringComparison.Ordinal) || AdverbLookup.Contains(text[words[k]])))
                verb[parts++] = words[k++];
            if (k < count && parts < verb.Length && IsLowerWord(text[Trimmed(text, words[k], ",;:")])) verb[parts++] = Trimmed(text, words[k++], ",;:");
        }
        // "Welcomes and encourages", "Deplores and strongly condemns": a second verb joined by "and", sharing the paragraph's
        // object, is the phrase's too, as a resolution's drafter writes it.
        if (k + 1 < count - 1 && text[words[k]] is "and" && !text[verb[parts - 1]].EndsWith(',') && char.IsUpper(text[verb[0]][0]))
        {
            var j = k + 1;
            while (j < count - 1 && AdverbLookup.Contains(text[words[j]]) && !text[words[j]].SequenceEqual("we")) j++;
            if (j < count - 1 && parts + j - k + 1 <= verb.Length && IsSecondVerb(text[Trimmed(text, words[j], ",;:")]))
            {
                for (var w = k; w < j; w++) verb[parts++] = words[w];
                verb[parts++] = Trimmed(text, words[j], ",;:");
                k = j + 1;
                // "Welcomes and calls upon States": the preposition is the second verb's, as it is the first's.
                if (k < count && parts < verb.Length && text[verb[parts - 1]] is "calls" && text[Trimmed(text, words[k], ",;")] is "upon" or "on" or "for")
                    verb[parts++] = Trimmed(text, words[k++], ",;");
            }
        }
        // "Encourages further efforts", "Urges further steps", "Regrets further delays": "further" before the object's noun (or
        // an adjective of it) qualifies the object, not the verb, and the gold sets write "Encourages". Before a determiner or
        // a clause ("Decides further that", "Requests further the Secretary-General", "Reaffirms further its") it is the verb's.
        if (parts >= 2 && k < count && text[verb[parts - 1]] is "further" && !text[words[k - 1]].EndsWith(',')
            && IsPresentTense(text[verb[parts - 2]]) && OpensObjectNoun(text[Trimmed(text, words[k], ",;:.")]))
            parts--;
        // "Referring to", "Referring further to"; "Looking forward to" keeps "forward" alone, as "Looks forward to" does.
        var to = (first is "Referring" || (first is "Looking" && parts == 1)) && k < count && text[words[k]] is "to";
        if (!to && text[verb[parts - 1]] is "in" or "with" or "deep" or "grave" or "serious" or "into" or "great" or "increasing") parts--;
        if (!to && parts > 1 && text[verb[parts - 1]] is "with" or "the") parts--;
        var length = to ? 2 : -1;
        for (var i = 0; i < parts; i++) length += text[verb[i]].Length + 1;
        if (length <= 0) return "";
        // A fuzzed "word" may be megabytes long: only short verbs are joined on the stack.
        var joined = length <= 256 ? stackalloc char[length] : new char[length];
        var at = 0;
        for (var i = 0; i < parts; i++)
        {
            if (at > 0) joined[at++] = ' ';
            text[verb[i]].CopyTo(joined[at..]);
            at += text[verb[i]].Length;
        }
        if (to)
        {
            if (at > 0) joined[at++] = ' ';
            "to".CopyTo(joined[at..]);
            at += 2;
        }
        return new string(joined[..at]);
    }

    /// <summary>
    /// A verb in the present tense after "and" ("encourages", "strongly condemns"): a lower-case word in -s, not in -ss or -ous,
    /// and none of the plural nouns and pronouns that follow "and" in an operative paragraph's first words.
    /// </summary>
    private static bool IsSecondVerb(ReadOnlySpan<char> word) =>
        IsLowerWord(word) && word.Length > 4 && word.EndsWith("s") && !word.EndsWith("ss") && !word.EndsWith("ous")
        && !NounsAfterAnd.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static readonly HashSet<string> NounsAfterAnd = new(StringComparer.Ordinal)
    {
        "those", "these", "others", "parties", "members", "states", "nations", "countries", "governments", "organizations",
        "agencies", "persons", "peoples", "regions", "efforts", "measures", "activities", "resources", "programmes", "bodies",
        "entities", "institutions", "stakeholders", "partners", "communities", "arrangements", "initiatives", "commitments",
    };

    /// <summary>Whether the phrase ends in "Calls" (or a scan's "Calis") or in "Calls" and the adverbs after it ("Calls once again for", "Calls also on").</summary>
    private static bool CallsBefore(ReadOnlySpan<char> text, ReadOnlySpan<Range> parts)
    {
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            if (IsCalls(text[parts[i]])) return true;
            if (!AdverbLookup.Contains(text[parts[i]])) return false;
        }
        return false;
    }

    private static Range Trimmed(ReadOnlySpan<char> text, Range word, string trailing)
    {
        var (offset, length) = word.GetOffsetAndLength(text.Length);
        return new Range(offset, offset + text.Slice(offset, length).TrimEnd(trailing).Length);
    }

    /// <summary>
    /// A noun of a fixed phrase ("with appreciation", "into account", "in mind", "deep concern") belongs to the verb only after
    /// the word that makes the phrase: "Reaffirms appreciation for", "Recommends consideration of" keep their verb alone.
    /// </summary>
    private static bool ContinuesPhrase(ReadOnlySpan<char> word, ReadOnlySpan<char> previous) => word switch
    {
        "appreciation" or "satisfaction" or "concern" or "regret" or "interest" or "consideration" or "account" or "mind" =>
            previous is "with" or "into" or "in" or "deep" or "grave" or "serious" or "particular" or "its" or "note" or "great" or "increasing"
            || previous is "Expresses" or "Expressing",
        "great" or "increasing" or "alarm" or "gratitude" or "gratification" => previous is "with",
        "tribute" or "homage" => previous is "Pays" or "pays",
        "the" => previous is "Draws" or "draws",
        "attention" => previous is "Draws" or "draws" or "Calls" or "calls" or "the",
        "cognizance" => previous is "Takes" or "takes",
        _ => true,
    };

    /// <summary>Adverbs that UN drafting puts before the verb of a paragraph ("Also", "Further", "Once again", "Strongly"), in either case.</summary>
    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "further", "again", "furthermore", "moreover", "strongly", "urgently", "firmly", "fully", "once", "once again", "repeatedly", "therefore", "hereby",
        "solemnly", "resolutely", "unequivocally", "unreservedly", "emphatically", "categorically", "earnestly",
        "highly", "greatly", "warmly", "sincerely", "particularly", "especially", "vigorously",
        // The subject of a declaration's paragraphs ("We reaffirm", "We further note") stands where an adverb would.
        "we",
    };

    /// <summary>An operative verb's present tense ("Encourages", "urges"): a word in -s, not in -ss or -ous.</summary>
    private static bool IsPresentTense(ReadOnlySpan<char> word) =>
        word.Length > 3 && char.IsLetter(word[0]) && word.EndsWith("s") && !word.EndsWith("ss") && !word.EndsWith("ous");

    /// <summary>
    /// A lower-case word that can open a noun phrase after the adjective "further" ("efforts", "international", "accelerated"):
    /// not a determiner, pronoun, preposition or conjunction, which leave "further" the verb's, nor an adverb in -ly.
    /// </summary>
    private static bool OpensObjectNoun(ReadOnlySpan<char> word) =>
        IsLowerWord(word) && !word.EndsWith("ly") && !NotObjectNounLookup.Contains(word);

    private static readonly HashSet<string> NotObjectNouns = new(StringComparer.Ordinal)
    {
        "the", "that", "this", "these", "those", "its", "their", "his", "her", "a", "an", "all", "any", "each", "every", "both",
        "to", "upon", "on", "in", "with", "by", "for", "of", "at", "as", "from", "and", "or", "also", "again", "once", "whether",
        "how", "what", "which", "when", "where", "who", "it", "them", "him", "itself", "themselves", "one", "two", "note",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotObjectNounLookup = NotObjectNouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>An adverb of drafting ("also", "further", "again") or of manner ("critically", "carefully", "duly") before a participle.</summary>
    private static bool IsAdverbBeforeParticiple(ReadOnlySpan<char> word) =>
        IsLowerWord(word) && !word.SequenceEqual("we") && (AdverbLookup.Contains(word) || (word.Length > 4 && word.EndsWith("ly")));

    /// <summary>A past participle as a preambular paragraph opens with it after "Having": "considered", "taken", "heard", "been".</summary>
    private static bool IsParticiple(ReadOnlySpan<char> word) =>
        IsLowerWord(word) && (word.EndsWith("ed") || word.EndsWith("en") || word.EndsWith("wn")
            || word is "heard" or "made" or "held" or "read" or "met" or "done" or "sought" or "brought" or "taught" or "won" or "learnt" or "learned");

    /// <summary>
    /// The word after a phrase set off by commas that opens at word <paramref name="k"/> ("Also, in this regard, calls",
    /// "Calls, in particular, for"): the index of the word after its closing comma, within four words and before the last
    /// word; -1 where no comma closes it.
    /// </summary>
    private static int AfterSetOffPhrase(ReadOnlySpan<char> text, ReadOnlySpan<Range> words, int k)
    {
        var close = k;
        while (close < words.Length - 2 && close < k + 4 && !text[words[close]].EndsWith(',')) close++;
        return text[words[close]].EndsWith(',') ? close + 1 : -1;
    }

    private static bool OnlyAdverbs(ReadOnlySpan<char> text, ReadOnlySpan<Range> words)
    {
        foreach (var word in words) if (!AdverbLookup.Contains(text[word])) return false;
        return true;
    }

    private static bool IsLowerWord(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !char.IsLower(word[0])) return false;
        foreach (var c in word) if (!char.IsLetter(c) && c != '-') return false;
        return true;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AdverbLookup = Adverbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VerbContinuationLookup = VerbContinuations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TwoWordVerbLookup = TwoWordVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
}
