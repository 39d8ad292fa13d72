/**
 * What every feature receives from the composition root (bot/main.ts).
 */
import type { Logger } from 'pino';
import type { CentreRepository } from '../storage/centres';
import type { Messenger } from './types';

export interface FeatureDeps {
  centres: CentreRepository;
  messenger: Messenger;
  logger: Logger;
  now: () => Date;
}
