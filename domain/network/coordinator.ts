/**
 * Network coordinators (for GO!, someone of the POC+ team) and results shared with the
 * scholengroep. A coordinator is appointed by whoever operates the installation (`npm run admin`),
 * never in chat; the appointment says who appointed whom and when. A coordinator belongs to a
 * network within one tenant: the networks of other tenants are not theirs (tenants stay isolated).
 */
import { z } from 'zod';
import { NETWORKS, type Network } from '../centre/model';

export const coordinatorSchema = z.object({
  tenantId: z.string().min(1),
  network: z.enum(NETWORKS),
  /** The Entra object id (what the bot sees as the person's userId). */
  userId: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  /** Who appointed them: the operator's name as given on the command line. */
  appointedBy: z.string().min(1).max(200),
  /** ISO instant. */
  appointedAt: z.string(),
});
export type Coordinator = z.infer<typeof coordinatorSchema>;

/** "GO! CLB" or "go" or "vrij" → the network, for the command line. */
export function parseNetwork(text: string): Network | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  const exact = NETWORKS.find((n) => n.toLowerCase() === t);
  if (exact) return exact;
  if (/^go!?( clb)?$/.test(t)) return 'GO! CLB';
  if (/^vrij( clb)?( netwerk)?$/.test(t)) return 'Vrij CLB Netwerk';
  return undefined;
}

/** Who can do a coordinator's work, in Dutch (for everyone else's answer). */
export function coordinatorsOnlyText(what: string): string {
  return (
    `${what} kan alleen een netwerkcoördinator (voor GO! iemand van het POC+-team). ` +
    'Netwerkcoördinatoren worden aangesteld door wie Poolster beheert in jullie organisatie, niet via de chat. Vraag het aan je netwerkcoördinator.'
  );
}

/** A published team result a director shared with someone outside the beleidsteam (e.g. the algemeen directeur). */
export const resultShareSchema = z.object({
  tenantId: z.string().min(1),
  centreId: z.string().min(1),
  /** The school year of the shared (published) inschaling. */
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/),
  recipientUserId: z.string().min(1).max(200),
  recipientChannelUserId: z.string().max(200).default(''),
  recipientName: z.string().max(200),
  sharedBy: z.string().min(1),
  sharedByName: z.string().max(200),
  sharedAt: z.string(),
});
export type ResultShare = z.infer<typeof resultShareSchema>;
