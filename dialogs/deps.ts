/**
 * What every feature receives from the composition root (bot/main.ts).
 */
import type { Logger } from 'pino';
import type { CentreRepository } from '../storage/centres';
import type { SurveyRepository } from '../storage/survey';
import type { InschalingRepository } from '../storage/inschalingen';
import type { PlanRepository } from '../storage/plans';
import type { Messenger } from './types';
import type { DigestStores } from '../storage/digests';
import type { DigestSources } from './digest/sources';
import type { PrivacyRepository } from '../storage/privacy';
import type { BackgroundTasks } from './background';
import type { CoordinatorRepository, ResultShareRepository } from '../storage/network';
import type { DownloadRepository } from '../storage/downloads';

export interface FeatureDeps {
  centres: CentreRepository;
  survey: SurveyRepository;
  /** Confirmed team inschalingen per centre and school year (storage/inschalingen.ts). */
  inschalingen: InschalingRepository;
  /** The centres' beleidsplannen (storage/plans.ts). */
  plans: PlanRepository;
  messenger: Messenger;
  /** Digest and community channel registrations, weekly runs and the reminder ledger (storage/digests.ts). */
  digests: DigestStores;
  /** What the digest reads from the plan and survey features. */
  digestSources: DigestSources;
  /** Finding, erasing and purging a person's survey rows (storage/privacy.ts). */
  privacy: PrivacyRepository;
  /** Network coordinators, appointed by the operator (storage/network.ts). */
  coordinators: CoordinatorRepository;
  /** Published team results a director shared with people outside the beleidsteam. */
  shares: ResultShareRepository;
  /** Pending one-time download links (storage/downloads.ts); erased with the person. */
  downloads: DownloadRepository;
  /** Work that continues after the turn was answered (e.g. invitations). */
  background: BackgroundTasks;
  logger: Logger;
  now: () => Date;
}
