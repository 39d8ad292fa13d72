/**
 * The shapes of the data the team result cards send (the verbs are in cards/verbs.ts). Card data is
 * untrusted: these schemas check only its shape; every handler re-reads role, centre and round
 * from storage.
 */
import { z } from 'zod';
import { BOUWSTEEN_IDS, type BouwsteenId } from '../../domain/catalogue/types';
import { confirmationFields } from '../../domain/result/inschaling';

/** The file source that rebuilds an export when the director accepts the file. */
export const RESULT_EXPORT_FILE = 'result.export';

const roundId = z.string().min(1).max(100);

export const roundSchema = z.object({ roundId });

export const detailSchema = z.object({
  roundId,
  /** Checked against the catalogue by the handler, so a forged id gets a Dutch answer. */
  bouwsteenId: z.string().max(20),
  page: z.coerce.number().int().min(0).max(1000).default(0),
});

export const exportSchema = z.object({ roundId, format: z.enum(['xlsx', 'csv']) });
export type ExportKey = z.infer<typeof exportSchema>;

const confirmationShape: Record<string, z.ZodTypeAny> = { roundId, version: z.coerce.number().int().min(0).max(1_000_000) };
for (const id of BOUWSTEEN_IDS as readonly BouwsteenId[]) {
  const fields = confirmationFields(id);
  // Generous bounds: a too-long reason gets a Dutch answer at the bouwsteen, not a rejection.
  confirmationShape[fields.stadium] = z.string().max(50).optional();
  confirmationShape[fields.reason] = z.string().max(20_000).optional();
}

export const confirmSchema = z.object(confirmationShape) as unknown as z.ZodType<
  { roundId: string; version: number } & Record<string, string | number | undefined>
>;
