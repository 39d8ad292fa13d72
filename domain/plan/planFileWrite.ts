/**
 * Writes a plan as a plan file (the format is described in ./planFile.ts).
 */
import { Document, isScalar, isSeq, visit } from 'yaml';
import type { SchoolYear } from '../schoolYear';
import type { Actie, Plan } from './model';

function shortSchoolYear(sy: SchoolYear): string {
  const start = Number(sy.slice(0, 4));
  if (start >= 2000 && start <= 2098) {
    return `${String(start - 2000).padStart(2, '0')}-${String(start - 1999).padStart(2, '0')}`;
  }
  return sy;
}

/**
 * Writes a plan as a plan file that `parsePlanFile` reads back to an equal plan. Doelstellingen
 * are written under their speerpunt and acties under their doelstelling, each in plan order (so a
 * plan whose lists are not grouped that way comes back grouped). Ids are always written.
 */
export function serializePlanFile(plan: Plan): string {
  const actiesByDoel = new Map<string, Actie[]>();
  for (const a of plan.acties) {
    const list = actiesByDoel.get(a.doelstellingId) ?? [];
    list.push(a);
    actiesByDoel.set(a.doelstellingId, list);
  }

  const out: Record<string, unknown> = { titel: plan.title };
  if (plan.period !== undefined) out.periode = plan.period;
  out.speerpunten = plan.speerpunten.map((sp) => {
    const s: Record<string, unknown> = { nummer: sp.number, titel: sp.title };
    if (sp.why.length > 0) s.om = sp.why;
    if (sp.requires.length > 0) s.vereist = sp.requires;
    if (sp.engagements.length > 0) s.daartoe = sp.engagements;
    const doels = plan.doelstellingen.filter((d) => d.speerpunt === sp.number);
    if (doels.length > 0) {
      s.doelstellingen = doels.map((d) => {
        const o: Record<string, unknown> = { id: d.id, titel: d.title, soort: d.kind };
        if (d.chapter !== undefined) o.hoofdstuk = d.chapter;
        const acties = actiesByDoel.get(d.id) ?? [];
        if (acties.length > 0) o.acties = acties.map(serializeActie);
        return o;
      });
    }
    return s;
  });

  const doc = new Document(out);
  doc.commentBefore =
    ' Poolster-planbestand: speerpunten → doelstellingen → acties.\n' +
    ' Status: gepland, lopend, afgerond, uitgesteld of geschrapt. Datums als JJJJ-MM-DD.';
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === 'planning' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 100, minContentWidth: 40, flowCollectionPadding: false });
}

function serializeActie(a: Actie): Record<string, unknown> {
  const o: Record<string, unknown> = { id: a.id, titel: a.title };
  if (a.description !== undefined) o.omschrijving = a.description;
  if (a.owner) o.eigenaar = a.owner.userId !== undefined ? { naam: a.owner.name, gebruikersId: a.owner.userId } : a.owner.name;
  o.planning = a.schoolYears.map(shortSchoolYear);
  if (a.deadline !== undefined) o.deadline = a.deadline;
  o.status = a.status;
  if (a.bouwsteenId !== undefined) o.bouwsteen = a.bouwsteenId;
  if (a.notes.length > 0) o.notities = a.notes.map((n) => ({ datum: n.date, auteur: n.author, tekst: n.text }));
  return o;
}
