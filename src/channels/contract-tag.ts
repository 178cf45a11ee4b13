// A card's actions name the contract that asked, so that the one Teams endpoint and the one Slack
// app send a click to that contract: a questionnaire's id (an assignment's, a form's) is the same
// shape in every contract and may be the same id in two. Teams: `contract` beside the id in every
// action's data. Slack: a button's value and a modal's private_metadata as {"contract","id"}. A card
// sent before contracts were named carries the bare id, which flows/contracts.ts still routes.
import { ACTIONS } from '../render/blocks.ts';

/** Calls `visit` on every object in a JSON tree (a card, a list of blocks). */
function eachObject(node: unknown, visit: (object: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) eachObject(item, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  visit(object);
  for (const value of Object.values(object)) eachObject(value, visit);
}

/** Every object of the card with an `assignmentId` or `formId` gets `contract` beside it. */
export function tagCard<T>(card: T, contract: string): T {
  eachObject(card, (object) => {
    if (typeof object.assignmentId === 'string' || typeof object.formId === 'string')
      object.contract ??= contract;
  });
  return card;
}

/** A Slack button value or private_metadata naming its contract. */
export function tagValue(contract: string, id: string): string {
  return JSON.stringify({ contract, id });
}

/** What a Slack value names: an id and its contract, or (an older card) the bare id. */
export function readValue(value: string): { id: string; contract?: string } {
  if (!value.startsWith('{')) return { id: value };
  try {
    const parsed = JSON.parse(value) as { id?: unknown; contract?: unknown };
    if (typeof parsed.id !== 'string') return { id: value };
    return { id: parsed.id, ...(typeof parsed.contract === 'string' ? { contract: parsed.contract } : {}) };
  } catch {
    return { id: value };
  }
}

/** Slack blocks whose questionnaire buttons name their contract. */
export function tagBlocks<T extends { blocks: unknown[] }>(rendered: T, contract: string): T {
  eachObject(rendered.blocks, (object) => {
    if (
      object.action_id === ACTIONS.open &&
      typeof object.value === 'string' &&
      !object.value.startsWith('{')
    )
      object.value = tagValue(contract, object.value);
  });
  return rendered;
}
