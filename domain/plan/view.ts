/**
 * The beleidsplan as its cards show it (cards/plan.ts): Dutch texts and the bounded lists of each
 * card, from typed plan data. Statuses are named neutrally. Pure.
 */
import { bouwsteenLabel } from '../catalogue';
import type { Person } from '../centre/model';
import { shorten } from '../format';
import { nextSchoolYear, schoolYearOfDate, type SchoolYear } from '../schoolYear';
import { formatDutchDate as formatDate } from '../time';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, byUrgency, isOpenStatus, type Actie, type Doelstelling, type Plan } from './model';
import { progressText, type PlanOverview, type SpeerpuntStatus, type StatusCounts } from './status';

export function percent(progress: number): number {
  return Math.round(progress * 100);
}

/** A neutral text progress bar: "████░░░░░░ 40%". */
export function progressBar(progress: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(progress * 10)));
  return `${'█'.repeat(filled)}${'░'.repeat(10 - filled)} ${percent(progress)}%`;
}

/** "12 acties: 3 afgerond, 4 lopend, 5 gepland" (statuses with a count only). */
export function countsText(counts: StatusCounts, total: number): string {
  if (total === 0) return 'Nog geen acties.';
  const parts = ACTION_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${ACTION_STATUS_LABELS[s].toLowerCase()}`);
  return `${total} ${total === 1 ? 'actie' : 'acties'}: ${parts.join(', ')}`;
}

function ownerName(actie: Actie): string {
  return actie.owner?.name ?? 'zonder eigenaar';
}

/** One actie in a list: a line in bold type and a smaller line under it. */
export interface ListItem {
  line: string;
  meta: string;
}

/** At most `max` items, the last one saying how many more there are. */
export function bounded<T>(items: T[], max: number, more: (n: number) => T): T[] {
  if (items.length <= max) return items;
  return [...items.slice(0, max - 1), more(items.length - max + 1)];
}

function moreActies(n: number): ListItem {
  return { line: `… en nog ${n} ${n === 1 ? 'actie' : 'acties'}`, meta: '' };
}

function deadlineItem(actie: Actie): ListItem {
  return {
    line: `**${formatDate(actie.deadline!)}** · ${shorten(actie.title, 200)}`,
    meta: `${ownerName(actie)} · ${ACTION_STATUS_LABELS[actie.status]} · nr. ${actie.id}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The overview of the four speerpunten

export function planHeading(plan: Plan): string {
  // A title that already names its period ("Beleidsplan 2025-2029 ...") does not get it twice.
  return plan.title + (plan.period && !plan.title.includes(plan.period) ? ` (${plan.period})` : '');
}

export function overviewSummary(overview: PlanOverview): string {
  return (
    `Stand op ${formatDate(overview.today)}: ${overview.total} acties, ${percent(overview.progress)}% afgerond, ` +
    `${overview.overdueCount} over tijd.`
  );
}

/** Each speerpunt's block on the overview. */
export function speerpuntSummaries(overview: PlanOverview) {
  return overview.speerpunten.map((sp) => {
    const deadlines: string[] = [];
    if (sp.overdueCount > 0) deadlines.push(`${sp.overdueCount} over tijd`);
    if (sp.nextDue) deadlines.push(`volgende deadline ${formatDate(sp.nextDue.deadline!)}: ${shorten(sp.nextDue.title, 80)}`);
    return {
      heading: `Speerpunt ${sp.number}: ${sp.title}`,
      bar: progressBar(sp.progress),
      counts: `${progressText(sp.countsByStatus)} ${countsText(sp.countsByStatus, sp.total)}`,
      hasDeadlines: deadlines.length > 0,
      deadlines: deadlines.join(' · '),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// One speerpunt

/** What is over tijd and what comes next, and the open acties per owner, each list bounded. */
export function speerpuntLists(status: SpeerpuntStatus) {
  const owners = [
    ...status.byOwner.map((g) => ({ name: g.name, acties: g.acties })),
    ...(status.unowned.length > 0 ? [{ name: 'Zonder eigenaar', acties: status.unowned }] : []),
  ];
  return {
    overdue: bounded(status.overdue.map(deadlineItem), 30, moreActies),
    dueNext: status.dueNext.map(deadlineItem),
    owners: bounded(
      owners.map((o) => ({
        heading: `${o.name} (${o.acties.length} open)`,
        items: bounded(o.acties.map((a) => `- ${shorten(a.title, 110)}`), 5, (n) => `- … en nog ${n}`).join('\n'),
      })),
      25,
      (n) => ({ heading: `… en nog ${n} eigenaars`, items: '' }),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// One actie

/** Where the actie belongs: "Speerpunt 2 · <doelstelling>". */
export function actieContext(doelstelling: Doelstelling | undefined): string {
  return doelstelling ? `Speerpunt ${doelstelling.speerpunt} · ${shorten(doelstelling.title, 140)}` : 'Beleidsplan';
}

/** Status, owner, planning, deadline (saying when it is over tijd or today), bouwsteen and number. */
export function actieFacts(actie: Actie, today: string): Array<{ t: string; v: string }> {
  const open = isOpenStatus(actie.status);
  const deadline = actie.deadline
    ? formatDate(actie.deadline) + (open && actie.deadline < today ? ' (over tijd)' : open && actie.deadline === today ? ' (vandaag)' : '')
    : 'geen';
  return [
    { t: 'Status', v: ACTION_STATUS_LABELS[actie.status] },
    { t: 'Eigenaar', v: actie.owner?.name ?? 'nog geen eigenaar' },
    { t: 'Planning', v: actie.schoolYears.length > 0 ? actie.schoolYears.join(', ') : 'nog niet gepland' },
    { t: 'Deadline', v: deadline },
    ...(actie.bouwsteenId ? [{ t: 'Bouwsteen', v: bouwsteenLabel(actie.bouwsteenId) }] : []),
    { t: 'Nummer', v: actie.id },
  ];
}

/** The notes, newest first (on the same date, the last written first). */
export function actieNotes(actie: Actie): Array<{ header: string; text: string }> {
  return actie.notes
    .map((n, i) => ({ n, i }))
    .sort((x, y) => (x.n.date < y.n.date ? 1 : x.n.date > y.n.date ? -1 : y.i - x.i))
    .map(({ n }) => ({ header: `${n.author} · ${formatDate(n.date)}`, text: n.text }));
}

/** "En 2 oudere notities." */
export function olderNotesText(n: number): string {
  return `En ${n} oudere ${n === 1 ? 'notitie' : 'notities'}.`;
}

/** Who may update the actie, for a reader who may not. */
export function editHint(actie: Actie): string {
  return actie.owner ? `Alleen ${actie.owner.name} of een directeur kan deze actie bijwerken.` : 'Alleen een directeur kan deze actie bijwerken.';
}

// ---------------------------------------------------------------------------------------------
// A list of acties

/**
 * The most urgent `limit` acties grouped as over tijd, open, and afgerond or geschrapt (empty
 * groups left out), and how many did not fit.
 */
export function actieGroups(acties: readonly Actie[], today: string, limit: number) {
  const sorted = byUrgency(acties, today);
  const shown = sorted.slice(0, limit);
  const overdue = (a: Actie) => isOpenStatus(a.status) && a.deadline !== undefined && a.deadline < today;
  const item = (a: Actie): ListItem => ({
    line: `**${a.id}** · ${shorten(a.title, 160)}`,
    meta: [ACTION_STATUS_LABELS[a.status], a.deadline ? `deadline ${formatDate(a.deadline)}` : undefined, ownerName(a)].filter(Boolean).join(' · '),
  });
  const groups = [
    { title: 'Over tijd', items: shown.filter(overdue) },
    { title: 'Open', items: shown.filter((a) => isOpenStatus(a.status) && !overdue(a)) },
    { title: 'Afgerond of geschrapt', items: shown.filter((a) => !isOpenStatus(a.status)) },
  ]
    .filter((g) => g.items.length > 0)
    .map((g) => ({ title: `${g.title} (${g.items.length})`, items: g.items.map(item) }));
  return { groups, rest: sorted.length - shown.length };
}

/** "En nog 3 acties." */
export function moreActiesText(n: number): string {
  return `En nog ${n} ${n === 1 ? 'actie' : 'acties'}.`;
}

// ---------------------------------------------------------------------------------------------
// A new actie

/** The current school year and the three after it. */
export function schoolYearChoices(today: string): SchoolYear[] {
  const years: SchoolYear[] = [schoolYearOfDate(today)];
  while (years.length < 4) years.push(nextSchoolYear(years[years.length - 1]!));
  return years;
}

/** The doelstellingen to choose from (of one speerpunt, when given), by speerpunt, then in plan order. */
export function doelstellingChoices(plan: Plan, speerpunt: number | undefined): Array<{ title: string; value: string }> {
  return plan.doelstellingen
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => speerpunt === undefined || d.speerpunt === speerpunt)
    .sort((x, y) => x.d.speerpunt - y.d.speerpunt || x.i - y.i)
    .map(({ d }) => ({ title: `Speerpunt ${d.speerpunt} · ${d.kind} · ${shorten(d.title, 110)}`, value: d.id }));
}

export function personChoices(people: readonly Person[]): Array<{ title: string; value: string }> {
  return people.map((p) => ({ title: p.roles.includes('directeur') ? `${p.name} (directeur)` : p.name, value: p.userId }));
}

export function newActieIntro(speerpunt: number | undefined): string {
  return (
    'De actie komt onder de gekozen doelstelling, met de status gepland.' +
    (speerpunt !== undefined ? ` Je ziet enkel de doelstellingen van speerpunt ${speerpunt}.` : '')
  );
}

// ---------------------------------------------------------------------------------------------
// The team priorities

/** The acties linked to one priority, most urgent first, at most 20 lines. */
export function priorityActieItems(acties: readonly Actie[], today: string): ListItem[] {
  return bounded(
    byUrgency(acties, today).map((a) => ({
      line: shorten(a.title, 200),
      meta: [ACTION_STATUS_LABELS[a.status], a.deadline ? `deadline ${formatDate(a.deadline)}` : undefined, ownerName(a), `nr. ${a.id}`]
        .filter(Boolean)
        .join(' · '),
    })),
    20,
    (n): ListItem => ({ line: `… en nog ${n} acties`, meta: '' }),
  );
}

/** An open actie a director may link to a priority, as a choice: "<title> (nr. 12, nu bij 4.1)". */
export function linkableActieChoice(a: Actie): { title: string; value: string } {
  return { title: `${shorten(a.title, 90)} (nr. ${a.id}${a.bouwsteenId ? `, nu bij ${a.bouwsteenId}` : ''})`, value: a.id };
}
