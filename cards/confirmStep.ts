/**
 * "Are you sure?" for a step that cannot simply be taken back: says what will happen, who is told,
 * what can no longer change and what can be undone, with Bevestig and Annuleer. Pure.
 */
import type { CardJson } from './cardJson';
import { CARD_SCHEMA, commandButtonData } from './render';

export interface ConfirmStep {
  title: string;
  /** Each a short paragraph: what happens, who is told, what is fixed, how to undo. */
  facts: Array<{ label: string; text: string }>;
  confirm: { title: string; verb: string; data: Record<string, string> };
  cancel: { verb: string; data: Record<string, string> };
}

function executeAction(title: string, verb: string, data: Record<string, string>, style?: 'positive' | 'destructive') {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

export function renderConfirmStep(step: ConfirmStep): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body: [
      { type: 'TextBlock', text: step.title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...step.facts.flatMap((fact) => [
        { type: 'TextBlock', text: fact.label, weight: 'Bolder', wrap: true, spacing: 'Medium' },
        { type: 'TextBlock', text: fact.text, wrap: true, spacing: 'None' },
      ]),
    ],
    actions: [executeAction(step.confirm.title, step.confirm.verb, step.confirm.data, 'positive'), executeAction('Annuleer', step.cancel.verb, step.cancel.data)],
  };
}

/** After a step: what happened and the next step as buttons that run a command (Action.Submit). */
export function renderStepDone(input: { title: string; paragraphs: string[]; commands?: Array<{ title: string; command: string; args?: string }> }): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: '1.5',
    body: [
      { type: 'TextBlock', text: input.title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...input.paragraphs.map((text) => ({ type: 'TextBlock', text, wrap: true })),
    ],
    ...(input.commands?.length ? { actions: input.commands.map((c) => ({ type: 'Action.Submit', title: c.title, data: commandButtonData(c.command, c.args) })) } : {}),
  };
}
