// Reading which modules a source file reaches, for the architecture tests: every way there is (a
// static, type-only or re-exporting import, `import x = require()`, `typeof import()`, a dynamic
// import, require and require.resolve), with the line it is on. A name that is not written out
// (`import(name)`) is reported as null: such a file cannot be checked.
import { readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface ModuleReference {
  line: number;
  /** What the file asks for, as written; null when it is computed. */
  specifier: string | null;
}

export function moduleReferences(fileName: string, source: string): ModuleReference[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: ModuleReference[] = [];
  const add = (node: ts.Node, specifier: ts.Node | undefined) =>
    found.push({ line: lineOf(file, node), specifier: specifier && ts.isStringLiteralLike(specifier) ? specifier.text : null });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || (ts.isExportDeclaration(node) && node.moduleSpecifier)) add(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node, node.moduleReference.expression);
    else if (ts.isImportTypeNode(node)) add(node, ts.isLiteralTypeNode(node.argument) ? node.argument.literal : undefined);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const loads = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require") || (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "require");
      if (loads) add(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The lines on which an identifier is used (createRequire, say). */
export function identifierLines(fileName: string, source: string, name: string): number[] {
  return linesWhere(fileName, source, (node) => ts.isIdentifier(node) && node.text === name);
}

/** The lines on which a function of that name is called (`name(…)` or `x.name(…)`). */
export function callLines(fileName: string, source: string, name: string): number[] {
  return linesWhere(fileName, source, (node) => {
    if (!ts.isCallExpression(node)) return false;
    const callee = node.expression;
    return (ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null) === name;
  });
}

function linesWhere(fileName: string, source: string, matches: (node: ts.Node) => boolean): number[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    if (matches(node)) lines.push(lineOf(file, node));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return lines;
}

/** Every TypeScript file under `dir`, sorted. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.[cm]?tsx?$/.test(f))
    .map((f) => path.join(dir, f))
    .sort();
}

function lineOf(file: ts.SourceFile, node: ts.Node): number {
  return file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
}
