/**
 * The subset of Adaptive Cards 1.5 this channel produces, as types, and a small validator
 * for exactly that subset. It is no replacement for the full JSON schema; it checks the
 * shape we rely on (element and action types, required properties, enum values, element
 * ids referenced by toggles) so tests fail when a card would not render in Teams.
 */

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';

interface ElementBase {
  id?: string;
  isVisible?: boolean;
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: TextColor;
  isSubtle?: boolean;
  maxLines?: number;
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: 'auto' | 'stretch' | number;
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface InputText extends ElementBase {
  type: 'Input.Text';
  id: string;
  label?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}

export type CardElement = TextBlock | Container | FactSet | ActionSet | ColumnSet | InputText;

export type CardAction =
  | { type: 'Action.OpenUrl'; title: string; url: string }
  | { type: 'Action.Submit'; title: string; data?: Record<string, unknown> }
  | { type: 'Action.ToggleVisibility'; title: string; targetElements: string[] }
  | { type: 'Action.ShowCard'; title: string; card: AdaptiveCard };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  /** Required on the top-level card; optional on a card inside Action.ShowCard. */
  version?: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  fallbackText?: string;
  lang?: string;
  msteams?: { width: 'Full' };
}

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams rejects messages above roughly 28 KB; stay well below. */
export const MAX_CARD_BYTES = 24 * 1024;

const SPACINGS = ['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding'];
const STYLES = ['default', 'emphasis', 'good', 'attention', 'warning', 'accent'];
const COLORS = ['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention'];
const SIZES = ['Small', 'Default', 'Medium', 'Large', 'ExtraLarge'];
const WEIGHTS = ['Lighter', 'Default', 'Bolder'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Returns every problem found (empty when the card is fine), each prefixed with its path,
 * e.g. `body[2].items[0]: TextBlock needs a non-empty text`.
 */
export function validateAdaptiveCard(card: unknown): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const toggleTargets: Array<{ path: string; id: string }> = [];
  const report = (path: string, message: string) => problems.push(`${path || '(card)'}: ${message}`);

  const optionalEnum = (node: Json, key: string, allowed: string[], path: string) => {
    if (node[key] !== undefined && !allowed.includes(node[key] as string)) {
      report(path, `${key} must be one of ${allowed.join(', ')}`);
    }
  };

  const checkCard = (node: unknown, path: string, topLevel: boolean) => {
    if (!isObject(node)) return report(path, 'card must be an object');
    if (node.type !== 'AdaptiveCard') report(path, 'type must be AdaptiveCard');
    if (topLevel || node.version !== undefined) {
      if (node.version !== '1.5') report(path, 'version must be "1.5"');
    }
    if (!Array.isArray(node.body)) return report(path, 'body must be an array');
    node.body.forEach((element, index) => checkElement(element, `${path}body[${index}]`));
    if (node.actions !== undefined) checkActions(node.actions, `${path}actions`);
  };

  const checkElements = (value: unknown, path: string) => {
    if (!Array.isArray(value)) return report(path, 'must be an array of elements');
    value.forEach((element, index) => checkElement(element, `${path}[${index}]`));
  };

  const checkElement = (node: unknown, path: string) => {
    if (!isObject(node)) return report(path, 'element must be an object');
    if (node.id !== undefined) {
      if (!isText(node.id)) report(path, 'id must be a non-empty string');
      else if (ids.has(node.id)) report(path, `duplicate id ${node.id}`);
      else ids.add(node.id);
    }
    optionalEnum(node, 'spacing', SPACINGS, path);
    if (node.isVisible !== undefined && typeof node.isVisible !== 'boolean')
      report(path, 'isVisible must be boolean');
    switch (node.type) {
      case 'TextBlock':
        if (!isText(node.text)) report(path, 'TextBlock needs a non-empty text');
        optionalEnum(node, 'color', COLORS, path);
        optionalEnum(node, 'size', SIZES, path);
        optionalEnum(node, 'weight', WEIGHTS, path);
        return;
      case 'Container':
        optionalEnum(node, 'style', STYLES, path);
        return checkElements(node.items, `${path}.items`);
      case 'FactSet':
        if (!Array.isArray(node.facts) || node.facts.length === 0) return report(path, 'FactSet needs facts');
        node.facts.forEach((fact, index) => {
          if (!isObject(fact) || !isText(fact.title) || !isText(fact.value)) {
            report(`${path}.facts[${index}]`, 'fact needs title and value strings');
          }
        });
        return;
      case 'ActionSet':
        return checkActions(node.actions, `${path}.actions`);
      case 'ColumnSet':
        if (!Array.isArray(node.columns)) return report(path, 'ColumnSet needs columns');
        node.columns.forEach((column, index) => {
          const columnPath = `${path}.columns[${index}]`;
          if (!isObject(column) || column.type !== 'Column') return report(columnPath, 'type must be Column');
          checkElements(column.items, `${columnPath}.items`);
        });
        return;
      case 'Input.Text':
        if (!isText(node.id)) report(path, 'Input.Text needs an id');
        return;
      default:
        return report(path, `unsupported element type ${String(node.type)}`);
    }
  };

  const checkActions = (value: unknown, path: string) => {
    if (!Array.isArray(value) || value.length === 0)
      return report(path, 'must be a non-empty array of actions');
    value.forEach((action, index) => checkAction(action, `${path}[${index}]`));
  };

  const checkAction = (node: unknown, path: string) => {
    if (!isObject(node)) return report(path, 'action must be an object');
    if (!isText(node.title)) report(path, 'action needs a title');
    switch (node.type) {
      case 'Action.OpenUrl':
        if (typeof node.url !== 'string' || !/^https?:\/\/\S+$/.test(node.url))
          report(path, 'url must be absolute http(s)');
        return;
      case 'Action.Submit':
        if (node.data !== undefined && !isObject(node.data)) report(path, 'data must be an object');
        return;
      case 'Action.ToggleVisibility':
        if (!Array.isArray(node.targetElements) || node.targetElements.length === 0) {
          return report(path, 'targetElements must be a non-empty array');
        }
        node.targetElements.forEach((target) => {
          if (!isText(target)) report(path, 'targetElements entries must be element ids');
          else toggleTargets.push({ path, id: target });
        });
        return;
      case 'Action.ShowCard':
        return checkCard(node.card, `${path}.card.`, false);
      default:
        return report(path, `unsupported action type ${String(node.type)}`);
    }
  };

  checkCard(card, '', true);
  for (const target of toggleTargets) {
    if (!ids.has(target.id)) report(target.path, `toggles unknown element id ${target.id}`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(card ?? null), 'utf8');
  if (bytes > MAX_CARD_BYTES) report('', `card is ${bytes} bytes, more than ${MAX_CARD_BYTES}`);
  return problems;
}
