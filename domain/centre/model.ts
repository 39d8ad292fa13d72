/**
 * Centres and the people of their beleidsteam. A person belongs to one centre within a tenant.
 */
import { commandHint, type ConversationKind } from '../conversation';
import { z } from 'zod';

export const ROLES = ['directeur', 'lid'] as const;
export type Role = (typeof ROLES)[number];

export const NETWORKS = ['GO! CLB', 'Vrij CLB Netwerk', 'andere'] as const;
export type Network = (typeof NETWORKS)[number];

export const centreSchema = z.object({
  centreId: z.string().min(1),
  tenantId: z.string().min(1),
  name: z.string().min(1).max(120),
  network: z.enum(NETWORKS),
  openRoundId: z.string().optional(),
  networkOptIn: z.boolean().default(false),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Centre = z.infer<typeof centreSchema>;

export const personSchema = z.object({
  tenantId: z.string().min(1),
  userId: z.string().min(1),
  channelUserId: z.string().default(''),
  centreId: z.string().min(1),
  name: z.string().max(200),
  roles: z.array(z.enum(ROLES)),
  /** The 1:1 conversation with the bot, once known (opaque JSON from the transport). */
  personalChat: z.record(z.unknown()).optional(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export function isDirector(person: Person | undefined): boolean {
  return Boolean(person?.roles.includes('directeur'));
}

export function isTeamMember(person: Person | undefined): boolean {
  return Boolean(person && person.roles.length > 0);
}

/** Parses "setup <naam>" arguments: the centre's name, tidied. */
export function parseCentreName(args: string, kind: ConversationKind): { ok: true; name: string } | { ok: false; message: string } {
  const name = args.replace(/\s+/g, ' ').trim();
  if (name.length < 2) return { ok: false, message: `Geef de naam van je centrum mee, bijvoorbeeld: ${commandHint('setup GO! CLB Gent', kind)}.` };
  if (name.length > 120) return { ok: false, message: 'Die naam is te lang (maximaal 120 tekens). Kies een kortere naam.' };
  return { ok: true, name };
}

export function networkOf(name: string): Network {
  if (/\bGO!/i.test(name)) return 'GO! CLB';
  if (/vrij\s*clb/i.test(name)) return 'Vrij CLB Netwerk';
  return 'andere';
}
