import * as z from 'zod/mini';
import { isMessage, type Message } from '../i18n/message';

/*
 * The details of the Connectivity step's checks: the engine's checks produce them (typed by these
 * schemas), the wizard's per-host chain panel reads them back (parsed by these schemas).
 */

export { CONNECTIVITY_CHECK_IDS } from './check-ids';

/** One layer of one host in the per-host chain: ok / fail / not tested / not used, with its time and a note. */
export const LayerStatusSchema = z.object({
  status: z.enum(['ok', 'fail', 'skipped', 'n/a']),
  ms: z.nullable(z.number()),
  /** The note in English (technical notes — addresses, codes, statuses — exist only as this). */
  note: z.string(),
  /** The note as a locale message where it is plain language (docs/i18n.md "Connectivity"); absent = show `note`. */
  noteMessage: z.optional(z.custom<Message>(isMessage)),
});
/** One layer of one host. */
export type LayerStatus = z.infer<typeof LayerStatusSchema>;

const ResolverAnswerSchema = z.object({ a: z.string(), aaaa: z.string(), ms: z.number() });

/** One host of `connectivity.dns`: what both resolvers answered. */
export const DnsHostSchema = z.object({
  host: z.string(),
  verdict: z.enum(['ok', 'filtered', 'failed', 'no-answer']),
  system: ResolverAnswerSchema,
  reference: ResolverAnswerSchema,
});

/** `connectivity.dns`: both resolvers' answers per host. */
export const DnsDetailsSchema = z.object({
  systemResolver: z.string(),
  referenceResolver: z.string(),
  hosts: z.array(DnsHostSchema),
});
/** `connectivity.dns` details. */
export type DnsDetails = z.infer<typeof DnsDetailsSchema>;

/** One host's layer in the layer checks' details (`connectivity.tcp`, `.tls`, `.http` share these fields). */
export const HostLayerSchema = z.extend(LayerStatusSchema, { host: z.string() });

/** `connectivity.tcp`: the TCP layer per host. */
export const TcpDetailsSchema = z.object({
  hosts: z.array(z.extend(HostLayerSchema, { port: z.number() })),
});
/** `connectivity.tcp` details. */
export type TcpDetails = z.infer<typeof TcpDetailsSchema>;

const CertNameSchema = z.object({ cn: z.nullable(z.string()), o: z.nullable(z.string()) });

/** `connectivity.tls`: the TLS layer per host, with the leaf certificate's issuer. */
export const TlsDetailsSchema = z.object({
  hosts: z.array(z.extend(HostLayerSchema, { issuer: z.nullable(CertNameSchema) })),
});
/** `connectivity.tls` details. */
export type TlsDetails = z.infer<typeof TlsDetailsSchema>;

/** `connectivity.http`: the HTTP layer per host, and who answered when one did. */
export const HttpDetailsSchema = z.object({
  hosts: z.array(
    z.extend(HostLayerSchema, {
      url: z.string(),
      httpStatus: z.optional(z.number()),
      server: z.optional(z.nullable(z.string())),
      cfRay: z.optional(z.nullable(z.string())),
      xRuntime: z.optional(z.nullable(z.string())),
      answeredBy: z.optional(z.enum(['cloudflare-edge', 'origin', 'unknown'])),
      timings: z.optional(
        z.object({
          dns: z.optional(z.number()),
          tcp: z.optional(z.number()),
          tls: z.optional(z.number()),
          firstByte: z.optional(z.number()),
          total: z.optional(z.number()),
        }),
      ),
    }),
  ),
  medianFirstByteMs: z.optional(z.nullable(z.number())),
});
/** `connectivity.http` details. */
export type HttpDetails = z.infer<typeof HttpDetailsSchema>;

/** One host's whole chain as the wizard draws it: DNS → TCP → TLS → HTTP with timings. */
export const ChainRowSchema = z.object({
  host: z.string(),
  endpoint: z.string(),
  service: z.string(),
  proxy: z.nullable(z.string()),
  dns: LayerStatusSchema,
  tcp: LayerStatusSchema,
  tls: LayerStatusSchema,
  http: LayerStatusSchema,
  /** Sum of the layers' times: the cost of this chain alone. */
  chainMs: z.number(),
});
/** One host's whole chain. */
export type ChainRow = z.infer<typeof ChainRowSchema>;

/** `connectivity.summary`: every host's chain side by side, and what the step cost. */
export const ConnectivitySummaryDetailsSchema = z.object({
  hosts: z.array(ChainRowSchema),
  wallMs: z.number(),
  slowestChainMs: z.number(),
});
/** `connectivity.summary` details. */
export type ConnectivitySummaryDetails = z.infer<typeof ConnectivitySummaryDetailsSchema>;
