/**
 * The director's round cards: start a round, and its progress. Pure render functions.
 */
import type { CardJson } from './cardJson';
import { ROUND_VERBS } from './verbs';
import type { ParticipantProgress } from '../domain/survey/round';
import { expandCard, prepareCard } from './render';
import roundStartJson from './templates/survey/roundStart.json';
import progressJson from './templates/survey/progress.json';

const roundStartTemplate = prepareCard(roundStartJson);
const progressTemplate = prepareCard(progressJson);

export type RoundStartField = 'schoolYear' | 'deadline' | 'participants' | 'visibility';

export function renderRoundStart(data: {
  centreName: string;
  schoolYears: string[];
  people: Array<{ title: string; value: string }>;
  form: Partial<Record<RoundStartField, string>>;
  errors?: Partial<Record<RoundStartField, string>>;
  notice?: string;
}): CardJson {
  const fields: RoundStartField[] = ['schoolYear', 'deadline', 'participants', 'visibility'];
  const fill = (values: Partial<Record<RoundStartField, string>> = {}) => Object.fromEntries(fields.map((f) => [f, values[f] ?? '']));
  return expandCard(roundStartTemplate, {
    centreName: data.centreName,
    schoolYears: data.schoolYears,
    people: data.people,
    form: fill(data.form),
    errors: fill(data.errors),
    notice: data.notice ?? '',
  });
}

const STATE_TITLES: Record<ParticipantProgress['state'], string> = {
  verzonden: 'Verzonden',
  bezig: 'Bezig',
  'niet-gestart': 'Nog niet gestart',
};

export function renderProgress(data: {
  roundId: string;
  schoolYear: string;
  deadlineText: string;
  open: boolean;
  progress: ParticipantProgress[];
  notice?: string;
}): CardJson {
  const states: ParticipantProgress['state'][] = ['verzonden', 'bezig', 'niet-gestart'];
  const finished = data.progress.filter((p) => p.state === 'verzonden').length;
  const unfinished = data.progress.length - finished;
  const groups = states
    .map((state) => ({
      title: STATE_TITLES[state],
      people: data.progress
        .filter((p) => p.state === state)
        .map((p) => ({
          name: p.name,
          detail: p.inviteFailure ? `niet bereikt: ${p.inviteFailure}` : state === 'bezig' ? `${p.completeBouwstenen} van 11 bouwstenen` : state === 'verzonden' ? 'klaar' : 'uitgenodigd',
        })),
    }))
    .filter((g) => g.people.length > 0);
  return expandCard(progressTemplate, {
    roundId: data.roundId,
    schoolYear: data.schoolYear,
    headline: `${finished} van ${data.progress.length} deelnemers verzonden · deadline ${data.deadlineText}${data.open ? '' : ' · ronde afgesloten'}`,
    notice: data.notice ?? '',
    groups,
    actionsList: data.open && unfinished > 0 ? [{ title: `Stuur een herinnering naar wie nog niet klaar is (${unfinished})`, verb: ROUND_VERBS.remind }] : [],
  });
}
