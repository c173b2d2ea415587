// The static text of lit's `html` and `css` templates, minified: bundlers minify code but leave template
// literals as written, indentation and comments included. Used by the library build (vite.config.ts) and by the
// size measurement (scripts/size.mjs), so the figure is the one a page gets.
import ts from 'typescript';

/** The line breaks of a stretch of text, so the code keeps its lines and the source map stays right. */
const breaks = (text) => '\n'.repeat(text.split('\n').length - 1);

/** CSS: comments gone, indentation and spaces around braces, semicolons, commas and after colons too. */
const minifyCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, breaks)
    .replace(/\s+/g, (space) => breaks(space) || ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':');

/**
 * HTML: each run of whitespace that holds a line break is cut to its line breaks. The DOM keeps the same text
 * nodes and the same rendering (outside `pre`, and no template puts static text in one).
 */
const minifyHtml = (text) => text.replace(/\s*\n\s*/g, breaks);

const MINIFIERS = { html: minifyHtml, css: minifyCss };

/** `source` with the static parts of its `html` and `css` tagged templates minified. */
export function minifyTemplates(source, fileName = 'file.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edits = [];
  const visit = (node) => {
    const minify = ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && MINIFIERS[node.tag.text];
    if (minify) {
      const { template } = node;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const part of parts) {
        // The raw text sits between the opening (` or }) and closing (` or ${) delimiters.
        const start = part.getStart(file) + 1;
        const end = part.getEnd() - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        edits.push([start, end, minify(source.slice(start, end))]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
    result = result.slice(0, start) + text + result.slice(end);
  }
  return result;
}
