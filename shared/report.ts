import { z } from 'zod';
import { StepSchema } from './steps-schema';
import { SEVERITIES, type Severity } from './severity';
import { VERDICTS, type Verdict } from './verdicts';
import type { Message, MessageParam } from './i18n/message';
import { STREMIO_GENERATIONS } from './stremio-menus';

export type { Severity, Verdict };

/** Outcome of one check (docs/architecture.md): `error` = the check could not complete; `skipped` = not run, with the reason. */
export const VerdictSchema = z.enum(VERDICTS);

/** Finding severity (docs/architecture.md "Interfaces"). */
export const SeveritySchema = z.enum(SEVERITIES);

/** JSON-safe details of a check: shown under "details" and written to report.json. */
export const DetailsSchema = z.record(z.string(), z.unknown());

/** A parameter of a translatable message (docs/i18n.md): a value, a list of values or a nested message. */
const MessageParamSchema: z.ZodType<MessageParam> = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.string()),
  z.lazy(() => MessageSchema),
]);
/** A translatable text: locale key and parameters, so each surface says it in its own language (docs/i18n.md). */
export const MessageSchema: z.ZodType<Message> = z.object({
  key: z.string(),
  params: z.record(z.string(), MessageParamSchema).optional(),
});

/** One check's result as reported (docs/architecture.md "Interfaces"). */
export const CheckResultSchema = z.object({
  id: z.string().regex(/^[a-z]+\.[a-z0-9-]+$/),
  step: StepSchema,
  title: z.string(),
  verdict: VerdictSchema,
  problems: z.array(z.string()),
  /** The summary in the run's language. */
  summary: z.string(),
  /** The summary as a message, so the window and the bundle can say it in their own language (added field). */
  message: MessageSchema.optional(),
  details: DetailsSchema,
  durationMs: z.number().nonnegative(),
});
/** One check's result. */
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** A fix's one-click action: only the kinds docs/architecture.md "Fixes" allows. */
export const FixActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open-url'), url: z.string().url(), label: z.string().optional() }),
  z.object({ kind: z.literal('rerun-step'), step: StepSchema, label: z.string().optional() }),
]);
/** A fix's action. */
export type FixAction = z.infer<typeof FixActionSchema>;

/** A fix: a title, numbered manual steps, and optionally one safe action. */
export const FixSchema = z.object({
  title: z.string(),
  steps: z.array(z.string()),
  action: FixActionSchema.optional(),
  /**
   * The steps as messages when a check ranked them from what the other checks found (added field): each
   * surface says them in its own language instead of the catalog's fixed steps (docs/problems.md).
   */
  stepMessages: z.array(MessageSchema).optional(),
});
/** A fix. */
export type Fix = z.infer<typeof FixSchema>;

/**
 * A known incident of the signed incidents feed (docs/incidents.md) that explains a finding: its id,
 * title in the user's language, the day it began and its public sources. Plain text only.
 */
export const IncidentRefSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** ISO-8601 date or date-time the incident began. */
  since: z.string(),
  links: z.array(z.string()),
  /** The incident's longer text in the user's language (added field; the report grows by adding). */
  body: z.string().optional(),
});
/** A finding's known incident. */
export type IncidentRef = z.infer<typeof IncidentRefSchema>;

/**
 * A finding confirmed fixed (docs/architecture.md "Confirming a fix"): when an interactive check saw the fix
 * take effect, and which check. A confirmed-fixed finding no longer counts as critical for the exit status.
 */
export const ResolutionSchema = z.object({ confirmedAt: z.string().datetime(), by: z.string() });

/** A finding: one root cause with its evidence and fix. */
export const FindingSchema = z.object({
  problem: z.string(),
  title: z.string(),
  explanation: z.string(),
  severity: SeveritySchema,
  confidence: z.number().min(0).max(1),
  evidence: z.array(z.string()).min(1),
  alsoPossible: z.array(z.string()).optional(),
  /** The ids of the checks that observed it (a step's page shows the findings of its own checks). */
  checks: z.array(z.string()).optional(),
  fix: FixSchema,
  /**
   * Which of its catalog's wordings the evidence chose (an i18next context of `problems:<CODE>`, e.g.
   * `preMigration`), so every surface says the same variant in its own language (added field).
   */
  variant: z.string().optional(),
  /** The Stremio whose menus the fix names, from the Version step; absent: both were named (added field). */
  stremioMenus: z.enum(STREMIO_GENERATIONS).optional(),
  /** The verified known incident this finding is part of (absent when none matched). */
  incident: IncidentRefSchema.optional(),
  /** Present when an interactive check confirmed the fix (added field; the report grows by adding). */
  resolution: ResolutionSchema.optional(),
});
/** A finding. */
export type Finding = z.infer<typeof FindingSchema>;

/** Something the run could not test, and why (shown on the Summary). */
export const UntestedSchema = z.object({ check: z.string(), reason: z.string() });

/** The whole report (`--json`, `report.json`; docs/architecture.md). schemaVersion 1 only grows by adding fields. */
export const ReportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('stremio-trakt-doctor'), version: z.string() }),
  startedAt: z.string().datetime(),
  durationMs: z.number().nonnegative(),
  steps: z.array(StepSchema),
  checks: z.array(CheckResultSchema),
  findings: z.array(FindingSchema),
  untested: z.array(UntestedSchema),
});
/** The report. */
export type Report = z.infer<typeof ReportSchema>;
