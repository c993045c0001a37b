import { dirname, resolve } from "node:path";
import ts from "typescript";

/** Library types a method may take or return by their own name. */
const builtins = new Set(["Promise", "AsyncGenerator", "Uint8Array", "Blob", "Array"]);

export interface NamedTypesReport {
  /** Every name the entry exports. */
  exported: string[];
  /** `Where: why` for each method whose input or output has no exported name of its own. */
  unnamed: string[];
  /** `Where: Name` for each type of the package that a public type uses but the entry does not export. */
  unexported: string[];
  /** The string literals of a union type alias the entry exports. */
  literalsOf(typeName: string): string[];
}

/**
 * Reads a built declaration entry (`dist/index.d.ts`) as a partner's compiler does and checks
 * that a partner can name every type it holds: each method's input and output is one exported
 * name (or a page, array or generator of one), and each type of the package that any exported
 * type refers to, however deep, is exported as well.
 */
export function checkNamedTypes(entry: string): NamedTypesReport {
  const program = ts.createProgram([entry], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} is not a module`);
  const packageDir = dirname(resolve(entry));
  const ownDeclaration = (node: ts.Node) => resolve(node.getSourceFile().fileName).startsWith(packageDir);

  const resolveAlias = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const exports = checker.getExportsOfModule(moduleSymbol);
  const exported = new Set(exports.map(resolveAlias));
  const unnamed: string[] = [];
  const unexported = new Set<string>();

  const referenced = (node: ts.TypeReferenceNode | ts.ExpressionWithTypeArguments): ts.Symbol | undefined => {
    const name = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
    const symbol = checker.getSymbolAtLocation(name);
    return symbol && resolveAlias(symbol);
  };

  /** A type written as a name the partner can import (or a builtin wrapping such names). */
  const isNamed = (node: ts.TypeNode): boolean => {
    if (ts.isUnionTypeNode(node)) return node.types.every(isNamed);
    if (ts.isArrayTypeNode(node)) return isNamed(node.elementType);
    if (ts.isTypeReferenceNode(node)) {
      const symbol = referenced(node);
      const declaration = symbol?.declarations?.[0];
      if (!symbol || !declaration) return false;
      const named = ownDeclaration(declaration) ? exported.has(symbol) : builtins.has(symbol.name);
      return named && (node.typeArguments ?? []).every(isNamed);
    }
    return [ts.SyntaxKind.StringKeyword, ts.SyntaxKind.VoidKeyword, ts.SyntaxKind.UnknownKeyword].includes(node.kind);
  };

  const checkSignature = (where: string, signature: ts.SignatureDeclarationBase) => {
    for (const parameter of signature.parameters) {
      if (parameter.type && !isNamed(parameter.type)) unnamed.push(`${where}: input ${parameter.type.getText()}`);
    }
    const result = signature.type;
    if (result && !ts.isTypePredicateNode(result) && !isNamed(result)) unnamed.push(`${where}: output ${result.getText()}`);
  };

  const visited = new Set<ts.Node>();
  const visit = (node: ts.Node, where: string) => {
    if (visited.has(node)) return;
    visited.add(node);
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
      const symbol = referenced(node);
      for (const declaration of symbol?.declarations ?? []) {
        if (!ownDeclaration(declaration)) continue;
        if (symbol && !exported.has(symbol) && !(symbol.flags & ts.SymbolFlags.TypeParameter)) unexported.add(`${where}: ${symbol.name}`);
        visit(declaration, symbol?.name ?? where);
      }
    }
    // `typeof schema` names a value whose type is the schema library's; nothing to name there.
    if (ts.isTypeQueryNode(node)) return;
    if ((ts.isMethodSignature(node) || ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node)) && node.name) {
      checkSignature(`${where}.${node.name.getText()}`, node);
    }
    ts.forEachChild(node, (child) => visit(child, where));
  };

  for (const symbol of exported) {
    for (const declaration of symbol.declarations ?? []) if (ownDeclaration(declaration)) visit(declaration, symbol.name);
  }

  return {
    exported: exports.map((symbol) => symbol.name).sort(),
    unnamed,
    unexported: [...unexported].sort(),
    literalsOf(typeName) {
      const symbol = exports.find((candidate) => candidate.name === typeName);
      if (!symbol) throw new Error(`${typeName} is not exported`);
      const type = checker.getDeclaredTypeOfSymbol(resolveAlias(symbol));
      const members = type.isUnion() ? type.types : [type];
      return members.map((member) => (member.isStringLiteral() ? member.value : checker.typeToString(member))).sort();
    },
  };
}
