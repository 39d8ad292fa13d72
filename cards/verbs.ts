/**
 * Every Adaptive Card verb, in one table. Ids travel in the card data, never in the verb; each
 * feature registers its verbs with a zod schema for that data (see dialogs/types.ts Router.action).
 * A leaf module (imports nothing of the app): cards/ put the verbs on buttons, dialogs/ and bot/
 * register handlers for them.
 */
export const VERBS = {
  survey: {
    open: 'survey.open',
    answer: 'survey.answer',
    closing: 'survey.closing',
    submit: 'survey.submit',
  },
  round: {
    create: 'round.create',
    remind: 'round.remind',
  },
  result: {
    /** Back to the team result (director). */
    overview: 'result.overview',
    /** One bouwsteen in detail. */
    detail: 'result.detail',
    /** The bespreekpunten agenda. */
    agenda: 'result.agenda',
    /** Opens the confirmation card. */
    review: 'result.review',
    /** Sends the confirmation card. */
    confirm: 'result.confirm',
    /** Publishes the confirmed result to the team. */
    publish: 'result.publish',
    /** Offers the result as a file (XLSX or CSV) in the director's personal chat. */
    export: 'result.export',
  },
  plan: {
    setStatus: 'plan.setStatus',
    postpone: 'plan.postpone',
    addNote: 'plan.addNote',
    create: 'plan.create',
    linkPriority: 'plan.linkPriority',
  },
  privacy: {
    erase: 'privacy.erase',
  },
  /**
   * A button that runs a text command as if typed: an Action.Submit with data
   * `{ verb: 'command.run', command: 'status', args: 'speerpunt 3' }` (args optional; handled by
   * bot/router.ts).
   */
  command: {
    run: 'command.run',
  },
} as const;

export const SURVEY_VERBS = VERBS.survey;
export const ROUND_VERBS = VERBS.round;
export const RESULT_VERBS = VERBS.result;
export const PLAN_VERBS = VERBS.plan;
export const PRIVACY_VERBS = VERBS.privacy;

/** Every verb, flattened. */
export const ALL_VERBS: readonly string[] = Object.values(VERBS).flatMap((group) => Object.values(group));
