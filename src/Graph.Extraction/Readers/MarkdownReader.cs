using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Graph.Extraction.Readers;

/// <summary>
/// Reads UN documents rendered as Markdown (CommonMark with inline HTML, footnotes and YAML front matter), parsed by
/// Markdig, and lays the text out as a printed page would be: each block apart from the next by a blank line, its source
/// lines kept. The front matter's <c>symbol:</c> is the declared symbol; a numbered list item keeps its number ("1.");
/// links keep their text; <c>&lt;sup&gt;n&lt;/sup&gt;</c> and <c>[^n]</c> become superscript footnote marks; a thematic
/// break ("---") becomes the rule that starts a footnote block, and footnote definitions ("[^2]: …") the footnote lines
/// under it ("² …"), where they stand.
/// </summary>
internal static partial class MarkdownReader
{
    /// <summary>
    /// Without Markdig's footnote extension: it drops a definition no "[^n]" refers to, and UN texts converted to Markdown
    /// often define "[^1]: …" under the rule while the body keeps the plain digit. Footnotes are read from the text instead.
    /// </summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    /// <summary>
    /// The deepest nesting of block quotes, lists and list items read, counted as Markdig builds them (a level of a
    /// nested list is a list and an item). Markdig's work on each line grows with the containers open on it, and it refuses
    /// a tree deeper than 128 only after parsing every line: a list nested 3,000 levels by indentation (9 MB) took 40 s of
    /// CPU before that refusal. Twice Markdig's own limit, so that the bound, which errs high, refuses nothing Markdig would
    /// read unless it overestimates twofold; UN documents nest lists a few levels deep.
    /// </summary>
    internal const int MaxNesting = 256;

    public static SourceText Read(string markdown, string fileName)
    {
        if (MarkdownNesting.FirstLineBeyond(markdown, MaxNesting) is > 0 and var line)
            return FileReader.Unreadable(fileName, "markdown-too-deep",
                $"The Markdown nests block quotes and lists more than {MaxNesting} deep by line {line}, as no document does; it was not read.");
        var document = Markdown.Parse(markdown, Pipeline);
        // "[^3]: A/77/277." has the form of a link reference definition, so CommonMark reads it as one and Markdig moves
        // it out of the flow; it is put back where it stood in the source.
        var definitions = new Queue<LinkReferenceDefinition>(document.Descendants<LinkReferenceDefinition>()
            .Where(d => d.Label is ['^', ..]).OrderBy(d => d.Span.Start));
        var writer = new PageWriter();
        string? symbol = null;
        foreach (var block in document)
        {
            while (definitions.Count > 0 && definitions.Peek().Span.Start < block.Span.Start) writer.Definition(definitions.Dequeue());
            if (block is YamlFrontMatterBlock front) symbol = DeclaredSymbol(front);
            else writer.Block(block);
        }
        while (definitions.Count > 0) writer.Definition(definitions.Dequeue());
        return new SourceText(FootnoteSyntax(writer.ToString()), "text/markdown") { DeclaredSymbol = symbol };
    }

    /// <summary>A footnote definition "[^2]: text" opening a line becomes the footnote line "² text"; a reference "[^2]" the mark "²".</summary>
    private static string FootnoteSyntax(string text) =>
        !text.Contains("[^", StringComparison.Ordinal) ? text : FootnoteReference().Replace(text, m => Superscript.From(m.Groups[1].Value) + (m.Groups[2].Success ? " " : ""));

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\^([0-9]{1,4})\](:[ \t]*)?")]
    private static partial System.Text.RegularExpressions.Regex FootnoteReference();

    private static string? DeclaredSymbol(YamlFrontMatterBlock front)
    {
        foreach (var line in front.Lines.Lines.Take(front.Lines.Count))
        {
            var text = line.ToString();
            if (text.StartsWith("symbol:", StringComparison.Ordinal)) return text[7..].Trim().Trim('"', '\'');
        }
        return null;
    }

    /// <summary>Writes blocks as page text; inline HTML other than &lt;sup&gt; is dropped, its text kept.</summary>
    private sealed class PageWriter
    {
        private readonly StringBuilder _text = new();
        private bool _inSup;

        public override string ToString() => _text.ToString();

        public void Block(Block block, string? opening = null)
        {
            switch (block)
            {
                case ThematicBreakBlock:
                    Separate();
                    _text.Append("__________\n");
                    break;
                case LinkReferenceDefinitionGroup or LinkReferenceDefinition:
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{item.Order}{list.OrderedDelimiter} " : $"{list.BulletType} ";
                        var firstChild = true;
                        foreach (var child in item)
                        {
                            Block(child, firstChild ? marker : null);
                            firstChild = false;
                        }
                    }
                    break;
                case ContainerBlock container:
                    foreach (var child in container) Block(child);
                    break;
                case LeafBlock { Inline: { } inline }:
                    Separate();
                    _text.Append(opening);
                    Inlines(inline);
                    _text.Append('\n');
                    break;
                case LeafBlock leaf when leaf is HtmlBlock:
                    Separate();
                    _text.Append(opening).Append(HtmlReader.Read(leaf.Lines.ToString()).Text.Trim()).Append('\n');
                    break;
                case LeafBlock leaf:
                    // Indented or fenced text (a UN text indented by four spaces reads as code): its lines as they are.
                    Separate();
                    _text.Append(opening).Append(leaf.Lines.ToString()).Append('\n');
                    break;
            }
        }

        /// <summary>A footnote definition CommonMark took for a link reference definition, written back as the text it was.</summary>
        public void Definition(LinkReferenceDefinition definition)
        {
            Separate();
            _text.Append('[').Append(definition.Label).Append("]: ").Append(definition.Url);
            if (!string.IsNullOrEmpty(definition.Title)) _text.Append(" \"").Append(definition.Title).Append('"');
            _text.Append('\n');
        }

        private void Separate()
        {
            if (_text.Length > 0) _text.Append('\n');
        }

        /// <summary>
        /// Writes a block's inlines in order, descending into emphasis and links with a stack of its own rather than by
        /// recursion: Markdig nests an emphasis in an emphasis for every pair of asterisks, and a line of a few hundred
        /// thousand of them overflowed the thread's stack, which ends the process.
        /// </summary>
        private void Inlines(ContainerInline container)
        {
            var after = new Stack<Markdig.Syntax.Inlines.Inline?>();
            var inline = container.FirstChild;
            while (inline is not null || after.Count > 0)
            {
                if (inline is null)
                {
                    inline = after.Pop();
                    continue;
                }
                if (Write(inline) is { } inner)
                {
                    after.Push(inline.NextSibling);
                    inline = inner.FirstChild;
                }
                else inline = inline.NextSibling;
            }
        }

        /// <summary>Writes an inline that holds no other, or returns the container whose inlines are written in its place.</summary>
        private ContainerInline? Write(Markdig.Syntax.Inlines.Inline inline)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    var content = literal.Content.ToString();
                    _text.Append(_inSup && content.Length > 0 && content.All(char.IsAsciiDigit) ? Superscript.From(content) : content);
                    break;
                case LinkInline { IsImage: true }:
                    break;
                case LinkInline { Label: ['^', ..] } reference:
                    // "[^1]" where a footnote definition looks like a link reference definition: a link to it, so a mark.
                    _text.Append('[').Append(reference.Label).Append(']');
                    break;
                case LineBreakInline:
                    _text.Append('\n');
                    break;
                case CodeInline code:
                    _text.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    _text.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    _text.Append(autolink.Url);
                    break;
                case HtmlInline html:
                    if (html.Tag.StartsWith("<sup", StringComparison.OrdinalIgnoreCase)) _inSup = true;
                    else if (html.Tag.StartsWith("</sup", StringComparison.OrdinalIgnoreCase)) _inSup = false;
                    break;
                case ContainerInline container:
                    return container;
            }
            return null;
        }
    }
}
