/**
 * The three stores of the weekly digest and the personal reminders, all on the `Digests` table:
 * channel registrations (digestChannels.ts), the weekly claim/outbox (weeklyRuns.ts) and the
 * reminder ledger (reminderLedger.ts). A network's community channels are registrations of their
 * own scope, claimed and sent through the same weekly runs.
 */
import type { TableClient } from '@azure/data-tables';
import { ChannelRegistrationRepository } from './digestChannels';
import { ReminderLedger } from './reminderLedger';
import { WeeklyRunRepository } from './weeklyRuns';

export interface DigestStores {
  /** Conversations registered for a centre's weekly digest (`digest hier`). */
  channels: ChannelRegistrationRepository;
  /** Conversations registered as a network's Lerende community channel (`community hier`). */
  communityChannels: ChannelRegistrationRepository;
  runs: WeeklyRunRepository;
  reminders: ReminderLedger;
}

export function createDigestStores(table: TableClient): DigestStores {
  return {
    channels: new ChannelRegistrationRepository(table, 'centre'),
    communityChannels: new ChannelRegistrationRepository(table, 'community'),
    runs: new WeeklyRunRepository(table),
    reminders: new ReminderLedger(table),
  };
}
