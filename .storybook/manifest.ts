// Shapes custom-elements.json for the Docs tables. The manifest lists everything the analyzer
// sees, including private members and each overload; the tables are for the public API only.

interface Typed {
  text?: string;
}
interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  attribute?: string;
  description?: string;
  type?: Typed;
  parameters?: { name: string; type?: Typed; optional?: boolean; rest?: boolean }[];
  return?: { type?: Typed };
}
interface Attribute {
  name: string;
  fieldName?: string;
  description?: string;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  members?: Member[];
  attributes?: Attribute[];
  cssParts?: { name: string }[];
}
export interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}

const isPublic = (member: Member) => !member.privacy || member.privacy === 'public';

function declarationOf(manifest: Manifest, tagName: string): Declaration | undefined {
  return manifest.modules?.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === tagName);
}

/**
 * The manifest as the Docs tables should show it: private and static members left out, a
 * property that has an attribute shown once (as the attribute, naming its property), and parts
 * named `::part(name)`. (Storybook keys the rows of all tables by name alone: the part `heading`
 * would replace the attribute `heading`, and its control with it.)
 */
export function publicManifest(manifest: Manifest): Manifest {
  const copy = structuredClone(manifest);
  for (const declaration of copy.modules?.flatMap((module) => module.declarations ?? []) ?? []) {
    if (!declaration.tagName) continue;
    const attributes = declaration.attributes ?? [];
    for (const attribute of attributes) {
      if (attribute.fieldName && attribute.fieldName !== attribute.name) {
        attribute.description = `${attribute.description ?? ''}\n\nProperty: \`${attribute.fieldName}\``.trim();
      }
    }
    const reflected = new Set(attributes.map((a) => a.fieldName));
    for (const part of declaration.cssParts ?? []) part.name = `::part(${part.name})`;
    declaration.members = (declaration.members ?? []).filter(
      (m) => m.kind === 'field' && isPublic(m) && !m.static && !reflected.has(m.name),
    );
  }
  return copy;
}

export interface MethodDoc {
  name: string;
  signature: string;
  description: string;
}

/** The public methods of `tagName`'s class, one per name (the overload that has a description). */
export function methodsOf(manifest: Manifest, tagName: string): MethodDoc[] {
  const methods = new Map<string, MethodDoc>();
  for (const member of declarationOf(manifest, tagName)?.members ?? []) {
    if (member.kind !== 'method' || !isPublic(member) || member.static || member.name.startsWith('_')) continue;
    if (methods.get(member.name)?.description) continue;
    const parameters = (member.parameters ?? [])
      .map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`)
      .join(', ');
    methods.set(member.name, {
      name: member.name,
      signature: `${member.name}(${parameters}): ${member.return?.type?.text ?? 'void'}`,
      description: member.description ?? '',
    });
  }
  return [...methods.values()];
}
