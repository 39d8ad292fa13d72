/**
 * What every feature receives from the composition root (bot/main.ts).
 */
import type { Logger } from 'pino';
import type { CentreRepository } from '../storage/centres';
import type { SurveyRepository } from '../storage/survey';
import type { Messenger } from './types';

export interface FeatureDeps {
  centres: CentreRepository;
  survey: SurveyRepository;
  messenger: Messenger;
  logger: Logger;
  now: () => Date;
}
